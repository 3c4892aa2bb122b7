import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	bodyInput,
	keyValueField,
	optionalField,
	options,
	parseJsonParameter,
	queryOptions,
	sourceField,
	toBody,
	toQuery,
	v11FieldList,
	v11IdentifierFields,
	V11_IDENTIFIER_TYPES,
} from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

// ---------------------------------------------------------------------------------------------
// Value transforms (n8n expressions evaluated with $value = the parameter's value)
// ---------------------------------------------------------------------------------------------

/** "12313" → 12313; anything else is sent as typed so Capillary can say what is wrong. */
const AS_NUMBER = '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}';

/** "1, 2" or [1,2] → [1,2] (non-numeric entries are kept as text). */
const AS_NUMBER_LIST =
	'={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v).map(v => /^\\d+$/.test(v) ? Number(v) : v) }}';

/** "A, B" or ["A","B"] → [{code:"A"},{code:"B"}]. */
const AS_CODE_LIST =
	'={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v).map(code => ({ code })) }}';

/** Query lists travel comma-separated. */
const AS_CSV = '={{ Array.isArray($value) ? $value.join(",") : String($value).split(",").map(v => v.trim()).filter(v => v).join(",") }}';

// ---------------------------------------------------------------------------------------------
// Shared fields
// ---------------------------------------------------------------------------------------------

function seriesLocator(overrides: { required?: boolean; send?: 'seriesId' | 'series_id' | 'ids' | 'id' | 'none'; description?: string } = {}): INodeProperties {
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

const V2_COUPON_CUSTOMER_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'externalId'],
	['Customer ID', 'id'],
];

/** The customer as `{ <target>: { mobile|email|externalId|id: value } }` (v2 coupon bodies). */
function v2CustomerBody(target: 'customer' | 'user'): INodeProperties[] {
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

const billAmountField: INodeProperties = {
	displayName: 'Bill Amount',
	name: 'billAmount',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 0 },
	description: 'Amount of the transaction the coupons are redeemed against',
	routing: toBody('billAmount'),
};

const transactionNumberField: INodeProperties = {
	displayName: 'Transaction Number',
	name: 'transactionNumber',
	type: 'string',
	default: '',
	placeholder: 'BILL-1001',
	description: 'Bill number the coupons are redeemed against',
	routing: toBody('transactionNumber'),
};

const redemptionTimeOption = optionalField('Redemption Time', 'redemptionTime', 'string', 'When the coupons were redeemed, YYYY-MM-DD HH:MM:SS; now when empty', 'body');

// ---------------------------------------------------------------------------------------------
// Coupon series body (v2 create/update): {"CouponSeriesV2": {...}}
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// v1.1
// ---------------------------------------------------------------------------------------------

const V11_BODY_CUSTOMER_TYPES = V11_IDENTIFIER_TYPES.filter(([, v]) => ['mobile', 'email', 'external_id', 'id', 'card_number'].includes(v));

function v11CustomerBody(): INodeProperties[] {
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

function couponReference(where: 'query' | 'body', many: boolean): INodeProperties[] {
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

export const coupon = defineResource({
	value: 'coupon',
	name: 'Coupon',
	description: 'Coupon series, issue, redeem and reactivate',
	default: 'issue',
	operations: [
		// ----- series ----------------------------------------------------------------------------
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
		// ----- issue / redeem --------------------------------------------------------------------
		{
			value: 'issue',
			name: 'Issue',
			action: 'Issue a coupon to a customer',
			method: 'POST',
			path: '/v2/coupon/issue',
			fields: [seriesLocator(), ...v2CustomerBody('customer')],
		},
		{
			value: 'bulkIssue',
			name: 'Issue Bulk',
			action: 'Issue coupons of several series to a customer',
			method: 'POST',
			path: '/v2/coupon/bulk/issue',
			fields: [
				sourceField({ required: true }),
				accountIdField(),
				...bodyInput(
					[
						{
							displayName: 'Series IDs',
							name: 'seriesIds',
							type: 'string',
							required: true,
							default: '',
							placeholder: '12313, 84093',
							description: 'Coupon series to issue from: comma-separated IDs, or an expression giving a list',
							routing: toBody('seriesIds', AS_NUMBER_LIST),
						},
						...v2CustomerBody('customer'),
					],
					'The whole request body, e.g. {"seriesIds": [12313, 84093], "customer": {"mobile": "919111111111"}}',
				),
			],
			output: { perEntityStatus: true },
			hint: 'One output item per series, each with its own success, errorCode and errorMessage. The request fails only when every series fails.',
		},
		{
			value: 'redeem',
			name: 'Redeem',
			action: 'Redeem a coupon',
			method: 'POST',
			path: '/v2/coupon/redeem',
			fields: [
				{
					displayName: 'Coupon Code',
					name: 'couponCode',
					description: 'Code of the coupon to redeem',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'MGU9Y4PM',
					routing: toBody('redemptionRequestList', AS_CODE_LIST),
				},
				...v2CustomerBody('user'),
				billAmountField,
				additionalFields([transactionNumberField, redemptionTimeOption]),
			],
			output: { items: 'redemption' },
		},
		{
			value: 'bulkRedeem',
			name: 'Redeem Bulk',
			action: 'Redeem several coupons of a customer',
			method: 'POST',
			path: '/v2/coupon/bulk/redeem',
			fields: [
				sourceField({ required: true }),
				accountIdField(),
				...bodyInput(
					[
						{
							displayName: 'Coupon Codes',
							name: 'couponCodes',
							type: 'string',
							required: true,
							default: '',
							placeholder: 'U6ER8MJ5, U6ER8MH9',
							description: 'Codes to redeem: comma-separated, or an expression giving a list',
							routing: toBody('redemptionRequestList', AS_CODE_LIST),
						},
						...v2CustomerBody('user'),
						billAmountField,
						additionalFields([transactionNumberField, redemptionTimeOption]),
					],
					'The whole request body, e.g. {"redemptionRequestList": [{"code": "U6ER8MJ5"}], "user": {"id": 1001}, "billAmount": 2000, "transactionNumber": "BILL-1"}',
				),
			],
			output: { perEntityStatus: true },
			hint: 'One output item per coupon, each with its own success, errorCode and errorMessage. The request fails only when every coupon fails.',
		},
		{
			value: 'checkRedeemable',
			name: 'Check Redeemable',
			action: 'Check whether coupons can be redeemed by a customer',
			method: 'GET',
			path: '/v2/coupon/is_redeemable',
			fields: [
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
					description: 'Value of that identifier, e.g. the mobile number with country code',
					type: 'string',
					required: true,
					default: '',
					placeholder: '919111111111',
					routing: toQuery('={{ $parameter.customerIdentifierType }}'),
				},
				{
					displayName: 'Coupon Codes',
					name: 'code',
					type: 'string',
					required: true,
					default: '',
					placeholder: '6B88U6ED, V080OLI6',
					description: 'One or more codes, comma-separated',
					routing: toQuery('code', AS_CSV),
				},
				queryOptions([
					{
						displayName: 'Details',
						name: 'details',
						type: 'options',
						options: options([
							['None', 'false'],
							['Series Details', 'true'],
							['Series and Campaign Configuration', 'extended'],
						]),
						default: 'false',
						description: 'Whether to add the series details (or also the campaign configuration) to each coupon',
						routing: toQuery('details'),
					},
				]),
			],
			output: { items: 'redemption', perEntityStatus: true },
			hint: 'One item per code with isRedeemable and success. A code that cannot be redeemed carries Capillary\'s reason in errorCode/errorMessage; when no code is redeemable the node reports the error.',
		},
		{
			value: 'reactivate',
			name: 'Reactivate',
			action: 'Reactivate redeemed coupons',
			method: 'POST',
			path: '/v2/coupon/reactivate',
			fields: [
				{
					displayName: 'Redemption IDs',
					name: 'redemptionIds',
					type: 'string',
					required: true,
					default: '',
					placeholder: '369455787',
					description: 'Redemption IDs (the ID Redeem returns for each coupon), comma-separated or a list from an expression',
					routing: toBody('redemptionIds', AS_NUMBER_LIST),
				},
			],
		},
		{
			value: 'getDetails',
			name: 'Get Details',
			action: 'Get coupons by customer, coupon ID or code',
			method: 'GET',
			path: '/v2/coupon',
			fields: [
				{
					displayName: 'Find By',
					name: 'findBy',
					description: 'What the values below are',
					type: 'options',
					options: options([
						['Customer IDs (Issued To)', 'issuedToIds'],
						['Coupon IDs', 'couponIds'],
						['Coupon Codes', 'couponCodes'],
					]),
					default: 'couponCodes',
				},
				{
					displayName: 'Values',
					name: 'findValues',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'MGU9Y4PM, L8H04VOZ',
					description: 'The customer IDs, coupon IDs or codes, comma-separated',
					routing: toQuery('={{ $parameter.findBy }}', AS_CSV),
				},
			],
			pagination: { style: 'none' },
			hint: 'Capillary documents repeated parameters (?couponCodes=A&couponCodes=B); the node sends the values comma-separated.',
		},
		// ----- v1.1 twins: card numbers, validation codes, redemption details, every series -----
		{
			value: 'issueByCardNumber',
			name: 'Issue by Card Number',
			action: 'Issue a coupon to a customer found by card number',
			description: 'Issues a coupon to a customer found by card number, mobile, email, external ID or customer ID. POST v1.1/coupon/issue.',
			method: 'POST',
			path: '/v1.1/coupon/issue',
			v11Root: 'coupon',
			fields: [seriesLocator({ send: 'series_id' }), ...v11CustomerBody()],
		},
		{
			value: 'resend',
			name: 'Resend',
			action: 'Resend a coupon to its customer',
			method: 'GET',
			path: '/v1.1/coupon/resend',
			fields: [...v11IdentifierFields(V11_IDENTIFIER_TYPES.filter(([, v]) => ['mobile', 'email', 'external_id'].includes(v))), ...couponReference('query', false)],
			hint: 'The coupon is passed as code or id; the customer by mobile, email or external ID (a customer id would collide with the coupon id parameter).',
		},
		{
			value: 'redeemWithValidationCode',
			name: 'Redeem with Validation Code',
			action: 'Redeem a coupon with a validation code',
			description: 'Redeems one coupon by code or ID with the validation code the customer received and redemption custom fields; the customer may be found by card number. POST v1.1/coupon/redeem.',
			method: 'POST',
			path: '/v1.1/coupon/redeem',
			v11Root: 'coupon',
			fields: [
				...couponReference('body', false),
				...v11CustomerBody(),
				additionalFields([
					optionalField('Transaction Number', 'transaction[0].number', 'string', 'Bill the coupon is redeemed against', 'body', 'transactionNumber'),
					optionalField('Transaction Amount', 'transaction[0].amount', 'number', 'Amount of that bill', 'body', 'transactionAmount'),
					optionalField('Validation Code', 'validation_code', 'string', 'Code the customer received, for orgs that validate redemptions', 'body'),
					v11FieldList('Custom Fields', 'customFields', 'custom_fields', 'Redemption-level custom fields'),
				]),
			],
			hint: 'The customer is sent inside the coupon entry of the body (as in Capillary\'s sample), not as a query parameter.',
		},
		{
			value: 'getWithRedemption',
			name: 'Get with Redemption Details',
			action: 'Get coupons with their holder and redemption details',
			description: 'Reads coupons by code or ID with the customer they were issued to, the issuing store and where, when and by whom they were redeemed. GET v1.1/coupon/get.',
			method: 'GET',
			path: '/v1.1/coupon/get',
			fields: couponReference('query', true),
		},
		{
			value: 'checkRedeemableByCardNumber',
			name: 'Check Redeemable by Card Number',
			action: 'Check whether a customer found by card number can redeem a coupon',
			description: 'Checks one coupon code for a customer found by card number, mobile, email, external ID or customer ID; a coupon that cannot be redeemed is an error. GET v1.1/coupon/isredeemable.',
			method: 'GET',
			path: '/v1.1/coupon/isredeemable',
			fields: [
				...v11IdentifierFields(V11_IDENTIFIER_TYPES.filter(([, v]) => ['mobile', 'email', 'external_id', 'id', 'card_number'].includes(v))),
				{
					displayName: 'Coupon Code',
					name: 'code',
					description: 'Code of the coupon to check',
					type: 'string',
					required: true,
					default: '',
					placeholder: '06000041',
					routing: toQuery('code'),
				},
				queryOptions([
					{
						displayName: 'Details',
						name: 'details',
						type: 'options',
						options: options([
							['None', 'false'],
							['Series Details', 'true'],
							['Series and Campaign Configuration', 'extended'],
						]),
						default: 'false',
						description: 'Whether to add the series details (or also the campaign configuration)',
						routing: toQuery('details'),
					},
				]),
			],
			hint: 'A coupon that cannot be redeemed is reported as an error with Capillary\'s code (e.g. 716 already redeemed, 703 not issued to this customer).',
		},
		{
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
		},
	],
});
