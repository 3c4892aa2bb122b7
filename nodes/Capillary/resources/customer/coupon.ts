import type { IDataObject } from 'n8n-workflow';

import { customerIdField, optionalField, options, queryOptions, sortOrderField, toQuery } from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import { customerPath, dateOption, oneCustomerFields, redemptionOperation } from './common';

/**
 * Customer Coupon: the coupons of a customer and their redemptions.
 */

function simplifyCoupon(coupon: IDataObject): IDataObject {
	const series = (coupon.series ?? {}) as IDataObject;
	return {
		id: coupon.id,
		code: coupon.code,
		seriesId: coupon.seriesId,
		seriesName: coupon.seriesName ?? series.description,
		discountType: coupon.couponDiscountType ?? series.discountType,
		discountValue: coupon.discountValue,
		issuedOn: coupon.issuedOn ?? coupon.createdDate,
		validTill: coupon.validTill,
		redeemed: coupon.redeemed ?? coupon.isRedeemed,
		redemptionsLeft: coupon.redemptionsLeft,
	};
}

export const customerCoupon = defineResource({
	value: 'customerCoupon',
	name: 'Customer Coupon',
	description: 'Coupons of a customer and their redemptions',
	default: 'getCoupons',
	operations: [
		{
			value: 'getCoupons',
			name: 'Get Coupons',
			action: 'Get the coupons of a customer',
			method: 'GET',
			path: customerPath('/coupons'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
			output: { simplify: simplifyCoupon },
		},
		{
			value: 'getCouponsByIdentifier',
			name: 'Get Coupons by Identifier',
			action: 'Get the coupons of a customer by identifier',
			method: 'GET',
			path: '/v2/customers/coupons',
			fields: [
				{
					displayName: 'Identifier Type',
					name: 'couponIdentifierType',
					description: 'Which identifier of the customer you know',
					type: 'options',
					options: options([
						['Customer ID', 'id'],
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'externalId'],
					]),
					default: 'id',
				},
				{
					displayName: 'Identifier Value',
					name: 'couponIdentifierValue',
					description: 'Value of that identifier, e.g. the customer ID or mobile number',
					type: 'string',
					required: true,
					default: '',
					placeholder: '401031250',
					routing: toQuery('={{ $parameter.couponIdentifierType }}'),
				},
				queryOptions([
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: options([
							['Active', 'Active'],
							['Redeemed', 'Redeemed'],
							['Unexpired', 'Unexpired'],
							['Unredeemed', 'Unredeemed'],
							['Active and Redeemed', 'Active_Redeemed'],
							['Active and Unredeemed', 'Active_Unredeemed'],
							['Expired and Redeemed', 'Expired_Redeemed'],
							['Expired and Unredeemed', 'Expired_Unredeemed'],
						]),
						default: 'Active',
						description: 'Only coupons in this state',
						routing: toQuery('status'),
					},
					{ ...optionalField('Limit', 'limit', 'number', 'Max number of coupons per customer to return (Capillary default 100)'), default: 50, typeOptions: { minValue: 1 } },
					{ ...optionalField('Offset', 'offset', 'number', 'Number of coupons to skip'), typeOptions: { minValue: 0 } },
				]),
			],
			output: { items: 'entity.customers' },
		},
		{
			value: 'searchCoupons',
			name: 'Search Coupons',
			action: 'Find the coupons of a customer by status, series, store or date',
			method: 'GET',
			path: '/v1.1/customer/coupons',
			hint: 'Pages with limit and offset: Capillary documents limit only, but its responses carry a limit/offset pagination block.',
			fields: [
				...oneCustomerFields(),
				queryOptions([
					dateOption('Start Date', 'start_date', 'Coupons issued or redeemed on or after this date'),
					dateOption('End Date', 'end_date', 'Coupons issued or redeemed before this date'),
					{
						displayName: 'Status',
						name: 'status',
						description: 'Only coupons in this state',
						type: 'options',
						options: options([
							['Active (Not Expired)', 'active'],
							['Expired', 'expired'],
							['Redeemed', 'redeemed'],
							['Unredeemed', 'unredeemed'],
						]),
						default: 'active',
						routing: toQuery('status'),
					},
					optionalField('Series ID', 'series_id', 'number', 'Only coupons of this coupon series'),
					optionalField('Store ID', 'store_id', 'number', 'Only active coupons redeemable at this store'),
					{
						displayName: 'Order By',
						name: 'orderBy',
						description: 'Field the coupons are sorted by',
						type: 'options',
						options: options([
							['Created Date', 'created_date'],
							['Amount', 'amount'],
							['Valid Till', 'valid_till'],
						]),
						default: 'created_date',
						routing: toQuery('order_by'),
					},
					sortOrderField({ query: 'sort_order', default: 'desc' }),
				]),
			],
			output: { items: 'customers.customer.coupons.coupon' },
			pagination: { style: 'offset', maxPageSize: 100, items: 'customers.customer.coupons.coupon' },
		},
		{ ...redemptionOperation('coupons'), value: 'getCouponRedemptions', name: 'Get Coupon Redemptions', action: 'Get the coupon redemptions of a customer' },
	],
});
