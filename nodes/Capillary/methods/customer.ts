/** List searches (dropdowns filled from Capillary) for the customer resources. */
export const customerSearch = {};
