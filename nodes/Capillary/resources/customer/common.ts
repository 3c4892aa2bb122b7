import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	accountIdField,
	bodyInput,
	isBlank,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	sourceField,
	SOURCES,
	toBody,
	toQuery,
	V11_IDENTIFIER_TYPES,
	v11IdentifierFields,
	v2IdentifierFields,
} from '../../shared/fields';
import { locatorField } from '../../shared/lookups';
import type { OperationSpec } from '../../shared/types';

/**
 * What the customer resources of the Capillary Customers node share: body-builder helpers, option
 * lists, the ways to name a customer (customer ID, v2 identifier lookup, v1.1 identifier) and the
 * request filters of the profile, identifier and request reads.
 */

// ---------------------------------------------------------------------------------------------
// Body-builder helpers
// ---------------------------------------------------------------------------------------------

export type Builder = (context: IExecuteSingleFunctions, request: IHttpRequestOptions) => void;

/** Routing that runs `build` once the declarative fields are in the request. */
export function buildWith(build: Builder): INodePropertyRouting {
	return {
		send: {
			preSend: [
				async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
					build(this, request);
					return request;
				},
			],
		},
	};
}

/** Drops blank values (and zero for the optional IDs of a list entry). */
export function compact(value: IDataObject, zeroIsBlank: string[] = []): IDataObject {
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value)) {
		if (isBlank(v)) continue;
		if (zeroIsBlank.includes(key) && Number(v) === 0) continue;
		if (typeof v === 'string') out[key] = v.trim();
		else out[key] = v;
	}
	return out;
}

export function parameter<T>(context: IExecuteSingleFunctions, name: string, fallback: T): T {
	return context.getNodeParameter(name, fallback as never) as T;
}

/** The entries of a multiple-value fixedCollection (`{ <entryName>: [...] }`). */
export function entriesOf(value: unknown, entryName: string): IDataObject[] {
	const list = (value as IDataObject | undefined)?.[entryName];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** Name/value entries as an object, e.g. custom or extended fields. */
export function pairsOf(value: unknown): IDataObject | undefined {
	const out: IDataObject = {};
	for (const entry of entriesOf(value, 'field')) {
		const name = String(entry.name ?? '').trim();
		if (name) out[name] = entry.value as string;
	}
	return Object.keys(out).length ? out : undefined;
}

export function fail(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { description, itemIndex: context.getItemIndex() });
}

export function bodyOf(request: IHttpRequestOptions): IDataObject {
	const body = request.body;
	return body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body) ? (body as IDataObject) : {};
}

// ---------------------------------------------------------------------------------------------
// Option lists
// ---------------------------------------------------------------------------------------------

/** Sources a customer can be registered or updated in ('ALL' only works for reads). */
export const PROFILE_SOURCES = options(SOURCES.filter((s) => s !== 'ALL'));

export const LOYALTY_TYPES = options([
	['Loyalty', 'loyalty'],
	['Non-Loyalty', 'non_loyalty'],
]);

export const PROFILE_IDENTIFIER_TYPES = options([
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'externalId'],
	['Card Number', 'cardnumber'],
	['WeChat', 'wechat'],
	['Martjack ID', 'martjackId'],
	['Facebook ID', 'fbId'],
	['CUID', 'cuid'],
	['Union ID', 'unionId'],
	['LINE', 'line'],
	['Tmall Username', 'tmall_uname'],
	['Ali Username', 'ali_uname'],
	['JD Username', 'jd_uname'],
	['VIP Username', 'vip_uname'],
]);

export const SORT_ORDER: INodeProperties = sortOrderField();

export const SORT_BY_DATES: INodeProperties = {
	displayName: 'Sort By',
	name: 'sortBy',
	description: 'Date the results are sorted by',
	type: 'options',
	options: options([
		['Created Date', 'createdon'],
		['Last Updated Date', 'lastUpdatedOn'],
	]),
	default: 'createdon',
	routing: toQuery('sortBy'),
};

export const CHANGE_TYPES = options([
	['Email', 'EMAIL'],
	['Mobile', 'MOBILE'],
	['External ID', 'EXTERNAL_ID'],
	['Account Merge', 'MERGE'],
	['Address', 'ADDRESS'],
	['Mobile Reallocation', 'MOBILE_REALLOC'],
	['Coupon', 'COUPON'],
	['Points', 'POINTS'],
	['Tier', 'TIER'],
	['Retro Transaction', 'RETRO'],
]);

// ---------------------------------------------------------------------------------------------
// Shared parameters
// ---------------------------------------------------------------------------------------------

/** Fields mode / JSON mode for one-object bodies (register, update, subscriptions, referrals). */
export const objectBodyInput = (fields: INodeProperties[], jsonDescription: string) => bodyInput(fields, jsonDescription);

/** Loyalty program as a dropdown (organization's programs) or typed ID; sent as `programId`. */
export function programOption(description: string): INodeProperties {
	return locatorField({
		displayName: 'Program ID',
		name: 'programId',
		searchMethod: 'searchPrograms',
		placeholder: '1016',
		description,
		required: false,
		routing: toQuery('programId'),
	});
}

/** Identifier entries `{type, value}` plus the card details Capillary takes for card numbers. */
export function identifierList(displayName: string, name: string, description: string): INodeProperties {
	const forCards = { show: { type: ['cardnumber'] } };
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Identifier',
		default: {},
		description,
		options: [
			{
				displayName: 'Identifier',
				name: 'identifier',
				values: [
					{
						displayName: 'Card External ID',
						name: 'cardExternalId',
						description: 'Your own ID of the card',
						type: 'string',
						default: '',
						displayOptions: forCards,
					},
					{
						displayName: 'Card Series Code',
						name: 'seriesCode',
						type: 'string',
						default: '',
						description: 'Series code of an external card series',
						displayOptions: forCards,
					},
					{
						displayName: 'Card Series ID',
						name: 'seriesId',
						type: 'number',
						default: 0,
						description: 'Series of a card generated in Capillary',
						displayOptions: forCards,
					},
					{
						displayName: 'Card Status Label',
						name: 'statusLabel',
						type: 'string',
						default: '',
						placeholder: 'ACTIVE',
						description: 'Status the card gets, e.g. ACTIVE',
						displayOptions: forCards,
					},
					{ displayName: 'Type', name: 'type', description: 'Kind of identifier: mobile, email, external ID, card number …', type: 'options', options: PROFILE_IDENTIFIER_TYPES, default: 'mobile' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Mobile numbers with country code; for Card Number the card number',
					},
				],
			},
		],
	};
}

export function identifiersFrom(value: unknown): IDataObject[] {
	return entriesOf(value, 'identifier')
		.map((entry) => {
			const card = entry.type === 'cardnumber';
			const picked: IDataObject = { type: entry.type, value: entry.value };
			if (card) Object.assign(picked, { seriesId: entry.seriesId, seriesCode: entry.seriesCode, statusLabel: entry.statusLabel, cardExternalId: entry.cardExternalId });
			return compact(picked, ['seriesId']);
		})
		.filter((entry) => !isBlank(entry.value));
}

export const requestRangeOptions: INodeProperties[] = [
	optionalField('Start Date', 'startDate', 'string', 'Requests added on or after this date (YYYY-MM-DD)'),
	optionalField('End Date', 'endDate', 'string', 'Requests added on or before this date (YYYY-MM-DD)'),
	optionalField('Start ID', 'startId', 'number', 'Requests with this ID or higher'),
	optionalField('End ID', 'endId', 'number', 'Requests with this ID or lower'),
	SORT_BY_DATES,
	SORT_ORDER,
];

export const changeTypeOption: INodeProperties = {
	displayName: 'Change Type',
	name: 'changeType',
	type: 'options',
	options: CHANGE_TYPES,
	default: 'RETRO',
	description: 'Only requests of this kind',
	routing: toQuery('changeType'),
};

/** A path under the customer named by customer ID. */
export const customerPath = (suffix: string) => `/v2/customers/{customerId}${suffix}`;

// ---------------------------------------------------------------------------------------------
// The customer named by identifier (v2 `/v2/customers/lookup/…`)
// ---------------------------------------------------------------------------------------------

/** The customer named by identifierName + identifierValue + source (+ accountId) in the query, not by customer ID. */
export function lookupFields(): INodeProperties[] {
	return [...v2IdentifierFields(), sourceField({ required: true }), accountIdField()];
}

export const dateOption = (displayName: string, property: string, description: string) => ({
	...optionalField(displayName, property, 'string', description),
	placeholder: 'YYYY-MM-DD',
});

// ---------------------------------------------------------------------------------------------
// The customer named by identifier (v1.1)
// ---------------------------------------------------------------------------------------------

/** mobile, email, external_id and the customer ID (`id`): what most v1.1 customer reads accept. */
export const READ_TYPES = V11_IDENTIFIER_TYPES.filter(([, v]) => !v.startsWith('card_'));

export const WRITE_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'external_id'],
	['Customer ID', 'id'],
];

/** Notes and preferences call the customer ID `user_id` in the body. */
export const USER_ID_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'external_id'],
	['Customer ID', 'user_id'],
];

/** Identifier query fields for reads whose response holds one customer (no comma-separated batch). */
export function oneCustomerFields(): INodeProperties[] {
	return v11IdentifierFields(READ_TYPES).map((field) =>
		field.name === 'v11IdentifierValue' ? { ...field, description: 'Value of that identifier, e.g. the mobile number with country code (one customer)' } : field,
	);
}

/** Identifier of the customer inside a v1.1 POST entity: `{"<type>": "<value>"}` (the query fields, sent in the body). */
export function bodyIdentifierFields(types: Array<[string, string]>): INodeProperties[] {
	return v11IdentifierFields(types).map((field) =>
		field.name === 'v11IdentifierValue'
			? {
					...field,
					placeholder: '919111111111',
					description: 'Value of that identifier, e.g. the mobile number with country code',
					routing: toBody('={{ $parameter.v11IdentifierType }}'),
				}
			: field,
	);
}

export const V11_SUBSCRIPTION_CHANNELS = options([
	['SMS', 'sms'],
	['Email', 'email'],
]);

export const V11_SUBSCRIPTION_PRIORITIES = options([
	['Transactional (TRANS)', 'TRANS'],
	['Promotional (BULK)', 'BULK'],
]);

/**
 * customer/redemptions returns points and coupon redemptions in separate lists; each of the two
 * operations (Customer Loyalty → Get Points Redemptions, Customer Coupon → Get Coupon Redemptions)
 * reads one of them. Value, name and action are set by the resource.
 */
export function redemptionOperation(kind: 'points' | 'coupons'): Omit<OperationSpec, 'value' | 'name' | 'action'> {
	return {
		method: 'GET' as const,
		path: '/v1.1/customer/redemptions',
		hint: `Sends type=${kind.toUpperCase()} to customer/redemptions, which returns points and coupon redemptions in separate lists; this operation returns the ${kind === 'points' ? 'points' : 'coupon'} list, one item per redemption.`,
		fields: [
			...oneCustomerFields(),
			{
				displayName: 'Type',
				name: 'redemptionType',
				type: 'hidden' as const,
				default: kind.toUpperCase(),
				routing: toQuery('type'),
			},
			queryOptions([
				dateOption('Start Date', 'start_date', 'Redemptions on or after this date'),
				dateOption('End Date', 'end_date', 'Redemptions before this date'),
				optionalField('Fetch Size', 'limit', 'number', 'How many redemptions Capillary returns (it defaults to 10)', 'query', 'fetchSize'),
				...(kind === 'coupons'
					? [
							optionalField('Start Redemption ID', 'coupons_start_id', 'number', 'Coupon redemptions with an ID from this one'),
							optionalField('End Redemption ID', 'coupons_end_id', 'number', 'Coupon redemptions with an ID up to this one'),
						]
					: [
							optionalField('Start Redemption ID', 'points_start_id', 'number', 'Points redemptions with an ID from this one'),
							optionalField('End Redemption ID', 'points_end_id', 'number', 'Points redemptions with an ID up to this one'),
							optionalField('Multi-Loyalty Programs', 'mlp', 'boolean', 'Whether to include the breakup per loyalty program'),
							optionalField('Program ID', 'programId', 'number', 'Only redemptions of this loyalty program'),
							optionalField('External Reference Number', 'external_reference_number', 'string', 'Only the redemption with this reference'),
						]),
				optionalField('Include Customer ID', 'user_id', 'boolean', 'Whether to return the customer ID too'),
				{
					displayName: 'Sort By',
					name: 'sort',
					description: 'Order the redemptions by redemption time or redemption ID',
					type: 'options',
					options: options([
						['Redeemed Time', 'redeemed_time'],
						['Redemption ID', 'redemption_id'],
					]),
					default: 'redeemed_time',
					routing: toQuery('sort'),
				},
				sortOrderField({ displayName: 'Order', name: 'order', default: 'desc' }),
			]),
		],
		output: { items: kind === 'points' ? 'customer.redemptions.points.point' : 'customer.redemptions.coupons.coupon' },
		pagination: { style: 'none' as const },
	};
}
