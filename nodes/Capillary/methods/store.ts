/** List searches (dropdowns filled from Capillary) for the store resources. */
export const storeSearch = {};
