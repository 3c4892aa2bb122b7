/** List searches (dropdowns filled from Capillary) for the engagement resources. */
export const engagementSearch = {};
