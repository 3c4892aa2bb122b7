/** List searches (dropdowns filled from Capillary) for the badge resources. */
export const badgeSearch = {};
