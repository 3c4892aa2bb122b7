import { defineResource } from '../shared/operation';

export const couponUpload = defineResource({
	value: 'couponUpload',
	name: 'Coupon Upload',
	description: 'Upload coupon codes and redeemed coupons from files',
	operations: [],
});
