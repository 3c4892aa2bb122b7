import type { INodeProperties } from 'n8n-workflow';

import { optionalField, options, toBody, toQuery, V11_IDENTIFIER_TYPES } from '../../shared/fields';
import { locatorField } from '../../shared/lookups';

/** Value transforms and fields shared by the coupon operations. */

/** "12313" → 12313; anything else is sent as typed so Capillary can say what is wrong. */
export const AS_NUMBER = '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}';

/** "1, 2" or [1,2] → [1,2] (non-numeric entries are kept as text). */
export const AS_NUMBER_LIST =
	'={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v).map(v => /^\\d+$/.test(v) ? Number(v) : v) }}';

/** "A, B" or ["A","B"] → [{code:"A"},{code:"B"}]. */
export const AS_CODE_LIST =
	'={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v).map(code => ({ code })) }}';

/** Query lists travel comma-separated. */
export const AS_CSV = '={{ Array.isArray($value) ? $value.join(",") : String($value).split(",").map(v => v.trim()).filter(v => v).join(",") }}';

// ---------------------------------------------------------------------------------------------
// Shared fields
// ---------------------------------------------------------------------------------------------

export function seriesLocator(overrides: { required?: boolean; send?: 'seriesId' | 'series_id' | 'ids' | 'id' | 'none'; description?: string } = {}): INodeProperties {
	const send = overrides.send ?? 'seriesId';
	const routing =
		send === 'none'
			? undefined
			: send === 'ids' || send === 'id'
				? toQuery(send)
				: toBody(send, send === 'seriesId' ? AS_NUMBER : undefined);
	return locatorField({
		displayName: 'Coupon Series',
		name: 'seriesId',
		searchMethod: 'searchCouponSeries',
		placeholder: '12313',
		required: overrides.required ?? true,
		description: overrides.description ?? 'Coupon series (offer) to use. Choose from the list or enter its ID.',
		routing,
	});
}

export const V2_COUPON_CUSTOMER_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'externalId'],
	['Customer ID', 'id'],
];

/** The customer as `{ <target>: { mobile|email|externalId|id: value } }` (v2 coupon bodies). */
export function v2CustomerBody(target: 'customer' | 'user'): INodeProperties[] {
	return [
		{
			displayName: 'Customer Identifier Type',
			name: 'customerIdentifierType',
			type: 'options',
			options: options(V2_COUPON_CUSTOMER_TYPES),
			default: 'mobile',
			description: 'Which identifier of the customer you know',
		},
		{
			displayName: 'Customer Identifier Value',
			name: 'customerIdentifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			description: 'Value of that identifier, e.g. the mobile number with country code',
			routing: toBody(
				`=${target}.{{ $parameter.customerIdentifierType }}`,
				'={{ $parameter.customerIdentifierType === "id" && /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}',
			),
		},
	];
}

export const billAmountField: INodeProperties = {
	displayName: 'Bill Amount',
	name: 'billAmount',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 0 },
	description: 'Amount of the transaction the coupons are redeemed against',
	routing: toBody('billAmount'),
};

export const transactionNumberField: INodeProperties = {
	displayName: 'Transaction Number',
	name: 'transactionNumber',
	type: 'string',
	default: '',
	placeholder: 'BILL-1001',
	description: 'Bill number the coupons are redeemed against',
	routing: toBody('transactionNumber'),
};

export const redemptionTimeOption = optionalField('Redemption Time', 'redemptionTime', 'string', 'When the coupons were redeemed, YYYY-MM-DD HH:MM:SS; now when empty', 'body');

export const V11_BODY_CUSTOMER_TYPES = V11_IDENTIFIER_TYPES.filter(([, v]) => ['mobile', 'email', 'external_id', 'id', 'card_number'].includes(v));

export function v11CustomerBody(): INodeProperties[] {
	return [
		{
			displayName: 'Identifier Type',
			name: 'v11IdentifierType',
			type: 'options',
			options: options(V11_BODY_CUSTOMER_TYPES),
			default: 'mobile',
			description: 'Which identifier of the customer you know',
		},
		{
			displayName: 'Identifier Value',
			name: 'v11IdentifierValue',
			description: 'Value of that identifier, e.g. the mobile number with country code',
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			routing: toBody('=customer.{{ $parameter.v11IdentifierType }}'),
		},
	];
}

export function couponReference(where: 'query' | 'body', many: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Coupon Identified By',
			name: 'couponReference',
			description: 'Whether you know the coupon code or the coupon ID',
			type: 'options',
			options: options([
				['Coupon Code', 'code'],
				['Coupon ID', 'id'],
			]),
			default: 'code',
		},
		{
			displayName: many ? 'Coupon Codes or IDs' : 'Coupon Code or ID',
			name: 'couponValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: many ? 'MGU9Y4PM, L8H04VOZ' : 'MGU9Y4PM',
			description: many ? 'One or more values, comma-separated' : 'The code or the ID of the coupon',
			routing: where === 'query' ? toQuery('={{ $parameter.couponReference }}', many ? AS_CSV : undefined) : toBody('={{ $parameter.couponReference }}'),
		},
	];
}
