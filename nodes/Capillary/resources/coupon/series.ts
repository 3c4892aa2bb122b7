import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, keyValueField, options, parseJsonParameter, queryOptions, toBody, toQuery } from '../../shared/fields';

import type { OperationSpec } from '../../shared/types';
import { AS_CSV, seriesLocator } from './fields';

/** Coupon series (offers): create and update (the CouponSeriesV2 body), get one, several or all. */

const SERIES = 'CouponSeriesV2';

function seriesField(displayName: string, property: string, type: 'string' | 'number' | 'boolean', description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	const defaults = { string: '', number: 0, boolean: false } as const;
	return { displayName, name: property, type, default: defaults[type], description, routing: toBody(`${SERIES}.${property}`), ...extra };
}

const discountTypeField: INodeProperties = {
	displayName: 'Discount Type',
	name: 'discountType',
	description: 'Whether Discount Value is an amount or a percentage',
	type: 'options',
	options: options([
		['Absolute Amount', 'ABS'],
		['Percentage', 'PERC'],
	]),
	default: 'ABS',
	routing: toBody(`${SERIES}.discountType`),
};

const clientHandlingTypeField: INodeProperties = {
	displayName: 'Code Type',
	name: 'clientHandlingType',
	type: 'options',
	options: options([
		['Generated Codes (DISC_CODE)', 'DISC_CODE'],
		['Generic Code (GENERIC)', 'GENERIC'],
		['Uploaded Codes (DISC_CODE_PIN)', 'DISC_CODE_PIN'],
	]),
	default: 'DISC_CODE',
	description: 'How the coupon codes of the series come about',
	routing: toBody(`${SERIES}.clientHandlingType`),
};

const expiryStrategyTypeField: INodeProperties = {
	displayName: 'Expiry Strategy',
	name: 'expiryStrategyType',
	type: 'options',
	options: options([
		['Series Expiry', 'SERIES_EXPIRY'],
		['Days After Issue', 'DAYS'],
		['Months End', 'MONTHS_END'],
	]),
	default: 'SERIES_EXPIRY',
	description: 'When an issued coupon expires; Days After Issue and Months End use Expiry Strategy Value',
	routing: toBody(`${SERIES}.expiryStrategyType`),
};

const anyUserField = seriesField('Any Customer Can Redeem', 'anyUser', 'boolean', 'Whether any customer may redeem a code, not only the one it was issued to');

const smsTemplateField = seriesField('SMS Template', 'smsTemplate', 'string', 'Message sent with an issued coupon; tags such as {{first_name}} and {{voucher}} are filled in by Capillary', {
	required: true,
	placeholder: 'Hi {{first_name}}, your voucher code is {{voucher}}',
});

const validTillDateField = seriesField('Valid Till', 'validTillDate', 'string', 'Expiry of the series, YYYY-MM-DDTHH:MM:SS with the time zone offset', {
	placeholder: '2026-12-31T23:59:59+05:30',
});

const seriesCodeField = seriesField('Series Code', 'seriesCode', 'string', 'Unique alphanumeric code of the series');

function seriesOptions(extra: INodeProperties[]): INodeProperties {
	return additionalFields([
		...extra,
		seriesField('Alphanumeric Codes', 'alphaNumeric', 'boolean', 'Whether generated codes mix letters and digits'),
		seriesField('Campaign ID', 'campaignId', 'number', 'Campaign the series belongs to'),
		keyValueField('Custom Properties', 'customPropertyMap', `${SERIES}.customPropertyMap`, 'Custom properties of the series (name/value), e.g. standard_terms_and_conditions'),
		seriesField('Discount Up To', 'discountUpto', 'number', 'Largest discount of a percentage coupon'),
		seriesField('Do Not Resend Existing Voucher', 'doNotResendExistingVoucher', 'boolean', 'Whether an existing unredeemed coupon is returned instead of issuing a new one'),
		seriesField('Expiry Strategy Value', 'expiryStrategyValue', 'number', 'Days or months for the expiry strategy; 1 for Series Expiry'),
		seriesField('Generic Code', 'genericCode', 'string', 'The shared code of a series with Code Type Generic'),
		seriesField('Info', 'info', 'string', 'Detailed information about the offer'),
		seriesField('Multiple Use Allowed', 'isMultipleUseAllowed', 'boolean', 'Whether a code can be used several times'),
		seriesField('Multiple Vouchers per Customer', 'isMultipleVouchersPerUserAllowed', 'boolean', 'Whether a customer can hold several coupons of the series'),
		seriesField('Max Bill Amount', 'maxBillAmount', 'number', 'Largest bill the coupon can be redeemed on'),
		seriesField('Max Coupons', 'maxCreate', 'number', 'Maximum number of coupons the series issues; -1 for no limit', { default: -1 }),
		seriesField('Max Redemptions', 'maxRedeem', 'number', 'Maximum number of redemptions of the series; -1 for no limit', { default: -1 }),
		seriesField('Max Redemptions per Code', 'redemptionPerCouponMaxLimit', 'number', 'How often one code can be redeemed across customers (Any Customer Can Redeem only); -1 for no limit', { default: -1 }),
		seriesField('Max Redemptions per Customer', 'maxRedemptionsInSeriesPerUser', 'number', 'How often one customer can redeem coupons of the series; -1 for no limit', { default: -1 }),
		seriesField('Max Vouchers per Customer', 'maxVouchersPerUser', 'number', 'How many coupons of the series one customer can hold; -1 for no limit', { default: -1 }),
		seriesField('Min Bill Amount', 'minBillAmount', 'number', 'Smallest bill the coupon can be redeemed on'),
		seriesField('Min Days Between Redemptions', 'minDaysBetweenRedemption', 'number', 'Days a customer waits between two redemptions; -1 for none', { default: -1 }),
		seriesField('Min Days Between Vouchers', 'minDaysBetweenVouchers', 'number', 'Days between two coupons issued to one customer; -1 for none', { default: -1 }),
		seriesField('Mutually Exclusive Series IDs', 'mutualExclusiveSeriesIds', 'string', 'Series whose holders cannot get this one, as a JSON array in text, e.g. [101,102]'),
		seriesField('Random Code Length', 'randomCodeLength', 'number', 'Length of generated codes'),
		seriesField('Redemption Range', 'redemptionRange', 'string', 'Days of month/week and hours when redemption is allowed, as JSON text, e.g. {"dom":["-1"],"dow":["-1"],"hours":["-1"]}'),
		seriesField('Redemption Valid After Days', 'redemptionValidAfterDays', 'number', 'Days after issue before a coupon can be redeemed'),
		seriesField('Redemption Valid From', 'redemptionValidFrom', 'string', 'Start of redemptions, YYYY-MM-DDTHH:MM:SS with offset'),
		seriesField('Same Customer Multiple Redeem', 'sameUserMultipleRedeem', 'boolean', 'Whether the same customer can redeem a code more than once'),
		seriesField('Short SMS Template', 'shortSMSTemplate', 'string', 'Short message; {{voucher_code}} inserts the code'),
		seriesField('SMS Disabled', 'isSMSDisabled', 'boolean', 'Whether to send no SMS when coupons are issued'),
		seriesField('Tag', 'tag', 'string', 'Free tag of the series'),
		seriesField('Terms and Conditions', 'termsAndConditions', 'string', 'Terms shown with the offer'),
		seriesField('Transferable', 'isTransferrable', 'boolean', 'Whether the holder can pass the coupon on'),
		seriesField('Valid With Discounted Items', 'isValidWithDiscountedItem', 'boolean', 'Whether the coupon applies to items already discounted'),
		seriesField('Validation Required', 'isValidationRequired', 'boolean', 'Whether redemption needs a validation code'),
	]);
}

/** The JSON alternative: the series object, wrapped in CouponSeriesV2 unless it already is. */
async function wrapSeriesJson(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const value = parseJsonParameter(this, 'Series (JSON)', 'bodyJson');
	if (value === undefined) return request;
	const object = value as IDataObject;
	const wrapped = object && typeof object === 'object' && !Array.isArray(object) && SERIES in object ? object : { [SERIES]: object };
	request.body = { ...((request.body as IDataObject) ?? {}), ...wrapped };
	return request;
}

function seriesBody(fields: INodeProperties[]): INodeProperties[] {
	const built = bodyInput(fields, 'The coupon series as JSON (the fields of CouponSeriesV2); the node wraps it in {"CouponSeriesV2": …} when you leave that out');
	return built.map((field) =>
		field.name === 'bodyJson'
			? { ...field, displayName: 'Series (JSON)', default: '{\n  "description": "",\n  "discountCode": "",\n  "discountType": "ABS",\n  "discountValue": 0\n}', routing: { send: { preSend: [wrapSeriesJson] } } }
			: field,
	);
}

const createSeriesFields = seriesBody([
	seriesField('Description', 'description', 'string', 'Name of the offer as staff and customers see it', { required: true }),
	seriesField('Discount Code', 'discountCode', 'string', 'Code the POS uses to identify the discount', { required: true }),
	discountTypeField,
	seriesField('Discount Value', 'discountValue', 'number', 'Amount or percentage of the discount', { required: true }),
	clientHandlingTypeField,
	expiryStrategyTypeField,
	{ ...validTillDateField, required: true },
	anyUserField,
	smsTemplateField,
	seriesOptions([seriesCodeField]),
]);

const updateSeriesFields = seriesBody([
	seriesField('Discount Code', 'discountCode', 'string', 'Code the POS uses to identify the discount', { required: true }),
	discountTypeField,
	seriesField('Discount Value', 'discountValue', 'number', 'Amount or percentage of the discount', { required: true }),
	clientHandlingTypeField,
	expiryStrategyTypeField,
	{ ...seriesCodeField, required: true, description: 'Current series code (Get Series returns it)' },
	anyUserField,
	smsTemplateField,
	seriesOptions([seriesField('Description', 'description', 'string', 'Name of the offer'), validTillDateField]),
]);

function simplifySeries(s: IDataObject): IDataObject {
	const keep = ['id', 'description', 'seriesCode', 'discountCode', 'discountType', 'discountValue', 'validTillDate', 'clientHandlingType', 'maxCreate', 'maxRedeem', 'numIssued', 'numRedeemed'];
	return Object.fromEntries(keep.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
}

export const seriesOperations: OperationSpec[] = [
	{
		value: 'createSeries',
		name: 'Create Series',
		action: 'Create a coupon series',
		method: 'POST',
		path: '/v2/coupon/series',
		fields: createSeriesFields,
		hint: 'Capillary expects the series wrapped in {"CouponSeriesV2": {…}}; the node does the wrapping. Required fields follow the current Capillary reference (description, discount code/type/value, code type, expiry strategy, validity, SMS template).',
	},
	{
		value: 'updateSeries',
		name: 'Update Series',
		action: 'Update a coupon series',
		method: 'PUT',
		path: '/v2/coupon/series/{seriesId}',
		fields: [seriesLocator({ send: 'none' }), ...updateSeriesFields],
		hint: 'Capillary rewrites the series: send the mandatory fields (discount code/type/value, code type, expiry strategy, series code, SMS template) with their current values, which Get Series returns.',
	},
	{
		value: 'getSeries',
		name: 'Get Series',
		action: 'Get a coupon series',
		method: 'GET',
		path: '/v2/coupon/series',
		fields: [seriesLocator({ send: 'ids', description: 'Series to get. Several: choose By ID and separate the IDs with commas.' })],
		output: { simplify: simplifySeries },
		hint: 'Capillary\'s reference shows repeated ids parameters (?ids=1&ids=2); the node sends several IDs as one comma-separated ids value.',
	},
	{
		value: 'getManySeries',
		name: 'Get Many Series',
		action: 'Get the coupon series redeemable at org entities',
		method: 'GET',
		path: '/v2/coupon/series',
		fields: [
			{
				displayName: 'Org Entity Type',
				name: 'orgEntityType',
				type: 'options',
				options: options([
					['Till', 'TILL'],
					['Store', 'STORE'],
					['Zone', 'ZONE'],
					['Concept', 'CONCEPT'],
				]),
				default: 'STORE',
				description: 'Kind of org unit the series must be redeemable at',
				routing: toQuery('orgEntityType'),
			},
			{
				displayName: 'Org Entity IDs',
				name: 'orgEntityIds',
				type: 'string',
				required: true,
				default: '',
				placeholder: '50014511, 50014512',
				description: 'IDs of those org units, comma-separated',
				routing: toQuery('orgEntityIds', AS_CSV),
			},
		],
		pagination: { style: 'none' },
		output: { simplify: simplifySeries },
		hint: 'Capillary documents this listing with repeated orgEntityIds parameters; the node sends the IDs comma-separated. To list every series of the org use Get All Series.',
	},
];

/** Every series of the org, active or expired (v1.1 coupon/series). */
export const allSeriesOperation: OperationSpec = {
	value: 'getAllSeries',
	name: 'Get All Series',
	action: 'Get every coupon series of the org',
	description: 'Lists every coupon series of the org, active or expired, or one series with its configuration. GET v1.1/coupon/series.',
	method: 'GET',
	path: '/v1.1/coupon/series',
	fields: [
		seriesLocator({ required: false, send: 'id', description: 'Series to get; leave empty to list every series of the org' }),
		queryOptions([
			{
				displayName: 'Expired',
				name: 'expired',
				type: 'options',
				options: options([
					['Active Series Only', 'false'],
					['Expired Series Only', 'true'],
					['With Configuration Details', 'extended'],
				]),
				default: 'false',
				description: 'Which series to return, or whether to add their configuration',
				routing: toQuery('expired'),
			},
		]),
	],
	output: { items: 'series.items.item' },
	pagination: { style: 'none' },
	hint: 'Without a series Capillary returns every coupon series of the org (its reference marks the ID as mandatory but describes this listing).',
};
