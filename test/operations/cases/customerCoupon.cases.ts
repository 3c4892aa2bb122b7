import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { addCoupons, byTomV11, seedCoupons, TOM } from './customer.fixtures';

/** Customer Coupon: coupons of a customer and their redemptions. */
export const cases: OperationCase[] = [
	{
		resource: 'customerCoupon',
		operation: 'getCoupons',
		setup: addCoupons,
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/coupons' },
		output: (items) =>
			expect(items).toEqual([
				{ id: 602, code: 'USED10', seriesId: 501, seriesName: '10% off', discountType: 'PERC', discountValue: 10, issuedOn: '2026-01-05T10:00:00+05:30', validTill: '2099-12-31T23:59:59+05:30', redeemed: true, redemptionsLeft: 0 },
				expect.objectContaining({ id: 601, code: 'SAVE10', redeemed: false, redemptionsLeft: 1 }),
			]),
	},
	{
		resource: 'customerCoupon',
		operation: 'getCouponsByIdentifier',
		auth: 'oauth',
		setup: addCoupons,
		parameters: { couponIdentifierType: 'mobile', couponIdentifierValue: TOM, options: { status: 'Unredeemed' } },
		request: { method: 'GET', path: '/v2/customers/coupons', query: { mobile: TOM, status: 'Unredeemed' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 1001, firstname: 'Tom', coupons: [expect.objectContaining({ code: 'SAVE10', discountType: 'PERC', redemptionsLeft: 1 })] })]),
	},
	{
		resource: 'customerCoupon',
		operation: 'getCouponRedemptions',
		auth: 'oauth',
		setup: seedCoupons,
		parameters: { ...byTomV11 },
		request: { method: 'GET', path: '/v1.1/customer/redemptions', query: { mobile: TOM, type: 'COUPONS' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: '88001', code: 'SHOE10A', discount_type: 'PERC', transaction_number: 'BILL-1001' })]),
	},
	{
		resource: 'customerCoupon',
		operation: 'searchCoupons',
		setup: seedCoupons,
		parameters: { ...byTomV11, returnAll: true, options: { status: 'unredeemed', seriesId: 41 } },
		request: { method: 'GET', path: '/v1.1/customer/coupons', query: { mobile: TOM, status: 'unredeemed', series_id: '41', limit: '100', offset: '0' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ code: 'SHOE10B', redeemed: 'false', description: '10% off shoes' })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerCoupon',
		operation: 'getCoupons',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { customerId: '999999', returnAll: true },
		message: /8015.*No customer found/,
	},
];

export default { cases, errors } satisfies CaseFile;
