/** List searches (dropdowns filled from Capillary) for the operations resources. */
export const operationsSearch = {};
