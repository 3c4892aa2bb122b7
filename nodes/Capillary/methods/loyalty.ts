/** List searches (dropdowns filled from Capillary) for the loyalty resources. */
export const loyaltySearch = {};
