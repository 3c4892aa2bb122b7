import { defineResource } from '../shared/operation';

export const coupon = defineResource({
	value: 'coupon',
	name: 'Coupon',
	description: 'Coupon series, issue, redeem and reactivate',
	operations: [],
});
