/** List searches (dropdowns filled from Capillary) for the coupon resources. */
export const couponSearch = {};
