/** List searches for the loyalty and engagement resources (coupon series, badges, labels, partner programs …). */
export const loyaltySearch = {};
