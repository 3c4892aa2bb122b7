import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	bodyInput,
	jsonField,
	keyValueField,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	toBody,
	toQuery,
} from '../shared/fields';
import { defineResource } from '../shared/operation';

/**
 * Rewards catalog (api_gateway/rewards/core/v1): rewards and their custom fields, catalog
 * promotions (discounts on rewards) and the rewards of a customer (available, issued, vouchers).
 * Answers carry `{status: {success, code, message}, <payload>}`; the org is named by the
 * X-CAP-API-AUTH-ORG-ID header of the credential.
 */

const BASE = '/api_gateway/rewards/core/v1';

/** ISO date-time as Capillary's examples write it: 2025-01-26T20:00:00Z. */
const ISO_UTC = '={{ new Date($value).toISOString().replace(/\\.\\d{3}Z$/, "Z") }}';

/** "229, 486" → [229, 486]. */
const NUMBER_LIST = '={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v !== "").map(Number) }}';

/** "EV1, EV2" → ["EV1", "EV2"]. */
const TEXT_LIST = '={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v !== "") }}';

// ---------------------------------------------------------------------------------------------
// Shared parameters
// ---------------------------------------------------------------------------------------------

const brandIdField: INodeProperties = {
	displayName: 'Brand ID',
	name: 'brandId',
	type: 'number',
	required: true,
	default: 0,
	placeholder: '61',
	description: 'Numeric ID of the brand the catalog belongs to',
};

const brandNameField: INodeProperties = {
	displayName: 'Brand Name',
	name: 'brandName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'DOCDEMO',
	description: 'Name of the brand the catalog belongs to',
};

const rewardIdField: INodeProperties = {
	displayName: 'Reward ID',
	name: 'rewardId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '355104',
	description: 'ID of the reward in the catalog',
};

const promotionIdField: INodeProperties = {
	displayName: 'Promotion ID',
	name: 'promotionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '14862',
	description: 'ID of the catalog promotion',
};

const userIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '565039504',
	description: "Capillary's customer (user) ID",
	routing: toQuery('userId'),
};

const IDENTIFIER_TYPES = options([
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'externalId'],
]);

/** The customer as `?mobile=` / `?email=` / `?externalId=` (the parameter name is the type). */
function customerQuery(required = true): INodeProperties[] {
	return [
		{
			displayName: 'Customer Identifier Type',
			name: 'customerIdentifierType',
			type: 'options',
			options: IDENTIFIER_TYPES,
			default: 'mobile',
			description: 'Which identifier of the customer you know',
		},
		{
			displayName: 'Customer Identifier Value',
			name: 'customerIdentifierValue',
			type: 'string',
			required,
			default: '',
			placeholder: '919111111111',
			description: 'Value of that identifier, e.g. the mobile number with country code',
			routing: toQuery('={{ $parameter.customerIdentifierType }}'),
		},
	];
}

/** The customer in the issue bodies: the key is the identifier type. */
const customerBody: INodeProperties[] = [
	{
		displayName: 'Customer Identifier Type',
		name: 'customerIdentifierType',
		type: 'options',
		options: IDENTIFIER_TYPES,
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
		routing: toBody('={{ $parameter.customerIdentifierType }}'),
	},
];

function tillField(required: boolean): INodeProperties {
	return {
		displayName: 'Till Code',
		name: 'username',
		type: 'string',
		required,
		default: '',
		placeholder: 'store.server',
		description: 'Till (username) the request is made for; the rewards are issued or looked up from it',
		routing: toQuery('username'),
	};
}

const skipValidationOption = optionalField('Skip Validation', 'skip_validation', 'boolean', 'Whether to skip validating the till (username) the rewards are issued from');

const languageOption = optionalField('Language', 'language', 'string', 'ISO language code of the texts, e.g. en, zh, ar');

function rewardFilters(): INodeProperties[] {
	return [
		languageOption,
		optionalField('Area', 'area', 'string', 'Only rewards of this area (name as set up in the catalog)'),
		optionalField('City', 'city', 'string', 'Only rewards of this city'),
		optionalField('Country', 'country', 'string', 'Only rewards of this country'),
		optionalField('Category', 'category', 'string', 'Only rewards of this category (name)'),
		optionalField('Label', 'label', 'string', 'Only rewards with this label'),
		optionalField('Group', 'group', 'string', 'Only rewards of this group'),
		optionalField('Tier', 'tier', 'string', 'Only rewards of this tier'),
		{
			displayName: 'Type',
			name: 'type',
			description: 'Only rewards of this type',
			type: 'options',
			options: options([
				['Free Voucher', 'FREE_VOUCHER'],
				['Physical Voucher', 'PHYSICAL_VOUCHER'],
				['Points', 'POINTS'],
				['Voucher', 'VOUCHER'],
			]),
			default: 'VOUCHER',
			routing: toQuery('type'),
		},
	];
}

/** Description and language of the first (usually only) entry of languageSpecificInfo. */
function languageFields(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Description',
			name: 'localDescription',
			type: 'string',
			default: '',
			description: `${what} description shown to customers`,
			routing: toBody('languageSpecificInfo[0].description'),
		},
		{
			displayName: 'Language Code',
			name: 'languageCode',
			type: 'string',
			default: 'en',
			description: 'Language of the name and description',
			routing: toBody('languageSpecificInfo[0].languageCode'),
		},
	];
}

const customFieldsBody = keyValueField('Custom Fields', 'customFields', 'customFields', 'Values of the custom fields defined for this scope, by name');

// ---------------------------------------------------------------------------------------------
// Rewards
// ---------------------------------------------------------------------------------------------

const REWARD_TYPES = options([
	['Free Voucher', 'FREE_VOUCHER'],
	['Physical Voucher', 'PHYSICAL_VOUCHER'],
	['Points', 'POINTS'],
	['Voucher', 'VOUCHER'],
]);

const REDEMPTION_TYPES = options([
	['Cart Promotion', 'CART_PROMOTION'],
	['Cash Wallet', 'CASH_WALLET'],
	['Charity', 'CHARITY'],
	['InTouch Reward (Coupon or Points)', 'INTOUCH_REWARD'],
	['Miles', 'MILES'],
	['Voucher (Vendor)', 'VOUCHER'],
]);

/** When a reward or promotion is valid; Capillary wants ISO UTC without milliseconds. */
function validityFields(create: boolean): INodeProperties[] {
	const time = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'dateTime', required: create, default: '', description, routing: toBody(name, ISO_UTC) });
	return [time('Start Time', 'startTime', 'When it becomes valid'), time('End Time', 'endTime', 'When it ends')];
}

function rewardFields(create: boolean): INodeProperties[] {
	const core: INodeProperties[] = [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: create,
			default: '',
			placeholder: 'Flat 100 off',
			description: 'Reward name shown to customers (in the language below)',
			routing: toBody('languageSpecificInfo[0].name'),
		},
		...validityFields(create),
		{
			displayName: 'Type',
			name: 'rewardType',
			description: 'What the customer gets: a voucher, a free or physical voucher, or points',
			type: 'options',
			options: REWARD_TYPES,
			default: 'VOUCHER',
			routing: toBody('type'),
		},
		{
			displayName: 'Redemption Type',
			name: 'redemptionType',
			type: 'options',
			options: REDEMPTION_TYPES,
			default: 'INTOUCH_REWARD',
			description: 'How the reward is fulfilled',
			routing: toBody('redemptionType'),
		},
		{
			displayName: 'Points',
			name: 'intouchPoints',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Points a customer spends for the reward',
			routing: toBody('intouchPoints'),
		},
	];
	const more: INodeProperties[] = [
		...languageFields('Reward'),
		optionalField('Enabled', 'enabled', 'boolean', 'Whether customers can get the reward', 'body'),
		optionalField('Priority', 'priority', 'number', 'Display priority', 'body'),
		optionalField('Reward Rank', 'rewardRank', 'number', 'Rank of the reward in its group', 'body'),
		optionalField('Coupon Series ID', 'intouchSeriesId', 'string', 'InTouch coupon series issued with the reward', 'body'),
		{
			displayName: 'Category IDs',
			name: 'categories',
			type: 'string',
			default: '',
			placeholder: '229, 486',
			description: 'Comma-separated reward category IDs',
			routing: toBody('categories', NUMBER_LIST),
		},
		customFieldsBody,
	];
	if (!create) {
		return [
			additionalFields([...core.map((f) => ({ ...f, required: false })), ...more]),
			rewardSettingsJson,
		];
	}
	return [...core, additionalFields(more), rewardSettingsJson];
}

/** An entry of languageSpecificInfo built from fields needs a language code and the enabled flag. */
const languageDefaults: INodeProperties = {
	displayName: 'Language Defaults',
	name: 'languageDefaults',
	type: 'hidden',
	default: '',
	routing: {
		send: {
			preSend: [
				async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
					const body = (request.body ?? {}) as IDataObject;
					const entries = body.languageSpecificInfo;
					const first = Array.isArray(entries) ? (entries[0] as IDataObject | undefined) : undefined;
					if (first && typeof first === 'object') {
						if (!first.languageCode) first.languageCode = 'en';
						if (first.enabled === undefined) first.enabled = true;
					}
					return request;
				},
			],
		},
	},
};

const rewardSettingsJson = jsonField(
	'More Settings (JSON)',
	'rewardSettingsJson',
	{ in: 'body' },
	'Other reward settings merged into the body: paymentConfigs, restrictions, geography, owners, supplementaryCriteriaRO, communications, groups, vendorRedemption …',
	{ default: '{}' },
);

// ---------------------------------------------------------------------------------------------
// Catalog promotions
// ---------------------------------------------------------------------------------------------

function promotionFields(create: boolean): INodeProperties[] {
	const core: INodeProperties[] = [
		{
			displayName: 'Name',
			name: 'name',
			description: 'Promotion name shown to customers (in the language below)',
			type: 'string',
			required: create,
			default: '',
			placeholder: 'Summer 20% off',
			routing: toBody('languageSpecificInfo[0].name'),
		},
		...validityFields(create),
		{
			displayName: 'Discount Type',
			name: 'discountType',
			description: 'Whether the discount takes points off or a percentage of the points price',
			type: 'options',
			options: options([
				['Absolute (Points Off)', 'ABSOLUTE'],
				['Percentage', 'PERCENTAGE'],
			]),
			default: 'PERCENTAGE',
			routing: toBody('discountType'),
		},
		{
			displayName: 'Discount Value',
			name: 'discountValue',
			description: 'Points off, or the percentage, as chosen above',
			type: 'number',
			required: create,
			default: 0,
			typeOptions: { minValue: 0 },
			routing: toBody('discountValue'),
		},
		{
			displayName: 'Reward IDs',
			name: 'rewardIds',
			type: 'string',
			required: create,
			default: '',
			placeholder: '496584, 496585',
			description: 'Comma-separated IDs of the rewards the discount applies to',
			routing: toBody('rewardIds', NUMBER_LIST),
		},
	];
	const more: INodeProperties[] = [
		...languageFields('Promotion'),
		optionalField('Enabled', 'enabled', 'boolean', 'Whether the promotion is active', 'body'),
		customFieldsBody,
	];
	const json = jsonField('More Settings (JSON)', 'promotionSettingsJson', { in: 'body' }, 'Other promotion settings merged into the body', { default: '{}' });
	if (!create) return [additionalFields([...core.map((f) => ({ ...f, required: false })), ...more]), json];
	return [...core, additionalFields(more), json];
}

const promotionBodyJson = 'The promotion as Capillary expects it, e.g. {"brandId": "61", "discountType": "PERCENTAGE", "discountValue": 20, "startTime": "2025-12-04T10:08:00Z", "endTime": "2025-12-14T06:10:00Z", "languageSpecificInfo": [{"languageCode": "en", "name": "Promo", "enabled": true}], "rewardIds": [496584]}';

// ---------------------------------------------------------------------------------------------
// Bulk issue list
// ---------------------------------------------------------------------------------------------

const rewardsToIssue: INodeProperties[] = [
	{
		displayName: 'Rewards Input',
		name: 'rewardsInput',
		description: 'How to list the rewards to issue',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fields', value: 'fields', description: 'Enter each reward and quantity' },
			{ name: 'JSON', value: 'json', description: 'A JSON array of {rewardId, quantity}' },
		],
		default: 'fields',
	},
	{
		displayName: 'Rewards',
		name: 'rewards',
		description: 'Rewards to issue and how many of each',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Reward',
		default: {},
		displayOptions: { show: { rewardsInput: ['fields'] } },
		options: [
			{
				displayName: 'Reward',
				name: 'reward',
				values: [
					{
						displayName: 'Reward ID',
						name: 'rewardId',
						description: 'ID of the reward to issue',
						type: 'number',
						default: 0,
						routing: { send: { type: 'body', property: '=rewards[{{$index}}].rewardId' } },
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						description: 'How many of this reward to issue',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 1 },
						routing: { send: { type: 'body', property: '=rewards[{{$index}}].quantity' } },
					},
				],
			},
		],
	},
	{
		...jsonField('Rewards (JSON)', 'rewardsJson', { in: 'body', path: 'rewards' }, 'Array of rewards to issue, e.g. [{"rewardId": 488, "quantity": 2}]', {
			default: '[]',
			required: true,
		}),
		displayOptions: { show: { rewardsInput: ['json'] } },
	},
];

export const rewardCatalog = defineResource({
	value: 'reward',
	name: 'Reward',
	description: 'Reward catalog, promotions and user rewards (API gateway)',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a reward',
			method: 'POST',
			path: `${BASE}/reward/create`,
			fields: [
				languageDefaults,
				...bodyInput(
					[{ ...brandIdField, routing: toBody('brandId') }, ...rewardFields(true)],
					'The reward as Capillary expects it, e.g. {"brandId": 61, "type": "VOUCHER", "redemptionType": "INTOUCH_REWARD", "startTime": "2025-01-26T20:00:00Z", "endTime": "2026-10-31T11:59:30Z", "intouchPoints": 500, "languageSpecificInfo": [{"languageCode": "en", "name": "GOLD25", "enabled": true}]}',
				),
			],
			output: { items: 'reward' },
			hint: 'Capillary marks no field as mandatory for this call; the node asks for brand, name and validity dates, which every documented example carries',
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a reward',
			method: 'PUT',
			path: `${BASE}/reward/{rewardId}/brand/{brandId}`,
			fields: [
				rewardIdField,
				brandIdField,
				languageDefaults,
				...bodyInput(rewardFields(false), 'The whole reward as Capillary expects it (same shape as Create)'),
			],
			output: { items: 'reward' },
			hint: 'Capillary documents this call with full reward bodies only; settings you leave out may be reset, so for partial changes send the whole reward as JSON',
		},
		{
			value: 'getBrandRewards',
			name: 'Get Many',
			action: 'Get the rewards of a brand',
			method: 'GET',
			path: `${BASE}/reward/brand/{brandId}`,
			fields: [
				brandIdField,
				queryOptions([
					optionalField('Customer ID', 'userId', 'string', 'Only rewards this customer is eligible for'),
					optionalField('Include Expired', 'includeExpired', 'boolean', 'Whether to include rewards that have ended'),
					languageOption,
				]),
			],
			pagination: { style: 'none', items: 'rewardList' },
		},
		{
			value: 'createCustomField',
			name: 'Create Custom Field',
			action: 'Create a reward catalog custom field',
			method: 'POST',
			path: `${BASE}/brand/customfield`,
			fields: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'Address',
					description: 'Unique name of the custom field',
					routing: toBody('name'),
				},
				{
					displayName: 'Description',
					name: 'description',
					description: 'What the custom field holds',
					type: 'string',
					required: true,
					default: '',
					routing: toBody('description'),
				},
				{
					displayName: 'Scope',
					name: 'scope',
					type: 'options',
					options: options([
						['Catalogue Promotion', 'CATALOGUE_PROMOTION'],
						['Issue Reward', 'ISSUE_REWARD'],
						['Reward', 'REWARD'],
					]),
					default: 'REWARD',
					description: 'What the field is filled in for',
					routing: toBody('scope'),
				},
				{
					displayName: 'Data Type',
					name: 'dataType',
					type: 'options',
					options: options([
						['Boolean', 'BOOLEAN'],
						['Date', 'DATE'],
						['Enum', 'ENUM'],
						['Integer', 'INTEGER'],
						['String', 'STRING'],
					]),
					default: 'STRING',
					description: 'Type of the values (strings up to 255 characters)',
					routing: toBody('dataType'),
				},
				additionalFields([
					optionalField('Mandatory', 'isMandatory', 'boolean', 'Whether a value is required', 'body'),
					optionalField('Active', 'isActive', 'boolean', 'Whether the field is in use', 'body'),
					optionalField('Default Value', 'defaultValue', 'string', 'Value used when none is given (for Enum, one of the enum values)', 'body'),
					{
						displayName: 'Enum Values',
						name: 'enumValues',
						type: 'string',
						default: '',
						placeholder: 'GOLD, SILVER',
						description: 'Comma-separated allowed values; needed for data type Enum',
						routing: toBody('enumValues', TEXT_LIST),
					},
				]),
			],
		},
		{
			value: 'getCustomFields',
			name: 'Get Custom Fields',
			action: 'Get the reward catalog custom fields',
			method: 'GET',
			path: `${BASE}/brand/customfield`,
			fields: [
				queryOptions([
					{
						displayName: 'Scope',
						name: 'scope',
						description: 'Only custom fields of this scope',
						type: 'options',
						options: options([
							['Catalogue Promotion', 'CATALOGUE_PROMOTION'],
							['Issue Reward', 'ISSUE_REWARD'],
							['Reward', 'REWARD'],
						]),
						default: 'REWARD',
						routing: toQuery('scope'),
					},
					{
						displayName: 'Sort By',
						name: 'sortBy',
						description: 'Field the custom fields are sorted by',
						type: 'options',
						options: options([
							['Created On', 'createdOn'],
							['Last Updated On', 'lastUpdatedOn'],
						]),
						default: 'lastUpdatedOn',
						routing: toQuery('sortBy'),
					},
					sortOrderField({ displayName: 'Order By', name: 'orderBy' }),
				]),
			],
			pagination: { style: 'none' },
		},
		{
			value: 'getUserReward',
			name: 'Get Reward for Customer',
			action: 'Get a reward as a customer sees it',
			description: 'Details of one reward for a customer (eligibility, price after promotions)',
			method: 'GET',
			path: `${BASE}/user/reward/{rewardId}/brand/{brandName}`,
			fields: [rewardIdField, brandNameField, userIdField, queryOptions(rewardFilters())],
			output: { items: 'reward' },
		},
		{
			value: 'getAvailableRewards',
			name: 'Get Rewards for Customer',
			action: 'Get the rewards available to a customer',
			method: 'GET',
			path: `${BASE}/user/reward/brand/{brandName}`,
			fields: [
				brandNameField,
				userIdField,
				queryOptions([
					...rewardFilters(),
					optionalField('Include Expired', 'includeExpired', 'boolean', 'Whether to include rewards that have ended'),
					optionalField('Sort By', 'sortBy', 'string', 'Field to sort by, e.g. rewardRank or startTime'),
					sortOrderField({ displayName: 'Order By', name: 'orderBy', default: 'ASC' }),
				]),
			],
			pagination: { style: 'none', items: 'rewardList' },
			hint: 'Capillary has no detail page for this call; the node assumes the filters and answer (rewardList) of its single-reward and connected-org twins',
		},
		{
			value: 'getUserVouchers',
			name: 'Get Customer Vouchers',
			action: 'Get the rewards a customer bought, with vouchers',
			description: 'Purchased rewards of a customer grouped by reward, with their vouchers (older API)',
			method: 'GET',
			path: `${BASE}/user/vouchers/brand/{brandName}`,
			fields: [
				brandNameField,
				...customerQuery(),
				tillField(true),
				queryOptions([
					{
						displayName: 'Sort By',
						name: 'sortBy',
						description: 'Field the purchased rewards are sorted by',
						type: 'options',
						options: options([
							['Purchase Date', 'PURCHASE_DATE'],
							['Reward ID', 'REWARD_ID'],
							['Voucher', 'INTOUCH_VOUCHER'],
							['Voucher Expiry', 'INTOUCH_VOUCHER_EXPIRY'],
						]),
						default: 'PURCHASE_DATE',
						routing: toQuery('sortBy'),
					},
					sortOrderField({ displayName: 'Order By', name: 'orderBy', default: 'ASC' }),
					optionalField('Status', 'status', 'string', 'Only rewards with this status'),
					optionalField('Include InTouch Rewards', 'intouch', 'boolean', 'Whether to include rewards fulfilled by InTouch (coupons, points)'),
				]),
			],
			// Documented page/size (older reward docs), read like Get Customer Rewards: pages from 0, stop at the total.
			pagination: { style: 'page', pageParam: 'page', limitParam: 'size', firstPage: 0, maxPageSize: 100, items: 'userVouchers', totalPath: 'pagingDto.totalElements' },
		},
		{
			value: 'getUserRewardVouchers',
			name: 'Get Customer Reward Vouchers',
			action: 'Get the vouchers a customer holds for one reward',
			method: 'GET',
			path: `${BASE}/user/reward/{rewardId}/vouchers/brand/{brandName}`,
			fields: [rewardIdField, brandNameField, ...customerQuery(), tillField(true)],
		},
		{
			value: 'getUserRewards',
			name: 'Get Customer Rewards',
			action: 'Get the rewards a customer bought',
			description: 'Purchased rewards of a customer, one item per issued reward (newer API)',
			method: 'GET',
			path: `${BASE}/user/userReward/brand/{brandName}`,
			fields: [
				brandNameField,
				...customerQuery(),
				queryOptions([
					{ ...tillField(false), description: 'Till (username) used for the request' },
					languageOption,
					{
						displayName: 'Sort By',
						name: 'sortBy',
						description: 'Field the purchased rewards are sorted by',
						type: 'options',
						options: options([
							['Created On', 'createdOn'],
							['Reward ID', 'rewardId'],
						]),
						default: 'createdOn',
						routing: toQuery('sortBy'),
					},
					sortOrderField({ displayName: 'Order By', name: 'orderBy', default: 'desc' }),
					{
						displayName: 'Type of Reward',
						name: 'typeOfReward',
						description: 'Only rewards fulfilled this way',
						type: 'options',
						options: options([
							['Cart Promotion', 'Cart_Promotion'],
							['InTouch Reward', 'Intouch_Reward'],
							['Vendor and InTouch Reward', 'Vendor_Intouch_Reward'],
							['Vendor Only Reward', 'Vendor_Only_Reward'],
						]),
						default: 'Intouch_Reward',
						routing: toQuery('typeOfReward'),
					},
					optionalField('Reward ID', 'rewardId', 'string', 'Only purchases of this reward'),
					optionalField('From Purchase Date', 'fromPurchaseDate', 'number', 'Only rewards bought from this time (epoch milliseconds)'),
					optionalField('To Purchase Date', 'toPurchaseDate', 'number', 'Only rewards bought until this time (epoch milliseconds)'),
				]),
			],
			// The page parameter's text says "Pass 0 to not apply pagination … page=2&size=10 shows page 2" (1-based),
			// the response samples show 0-based pages (pagingDto.number 0, first true). Pages from 0 and stops at
			// pagingDto.totalElements, which is right under either reading.
			pagination: { style: 'page', pageParam: 'page', limitParam: 'size', firstPage: 0, maxPageSize: 100, items: 'rewards', totalPath: 'pagingDto.totalElements' },
		},
		{
			value: 'issue',
			name: 'Issue',
			action: 'Issue a reward to a customer',
			description: 'The customer gets the reward; its points are redeemed and its coupon or voucher issued',
			method: 'POST',
			path: `${BASE}/user/reward/{rewardId}/issue`,
			fields: [
				rewardIdField,
				...customerBody,
				{
					displayName: 'Brand Name',
					name: 'brand',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'DOCDEMO',
					description: 'Name of the brand the catalog belongs to',
					routing: toBody('brand'),
				},
				{
					displayName: 'Transaction Number',
					name: 'transactionNumber',
					type: 'string',
					required: true,
					default: '',
					description: 'Your unique reference for this issue',
					routing: toBody('transactionNumber'),
				},
				tillField(true),
				additionalFields([
					optionalField('Notes', 'notes', 'string', 'Free text stored with the issue', 'body'),
					optionalField('Till ID', 'tillId', 'number', 'Till (or sub-brand) to report the redemption under', 'body'),
					optionalField('Program ID', 'programId', 'string', 'Loyalty program to redeem the points from', 'body'),
					optionalField('Event Date Time', 'eventDateTime', 'string', 'When the issue happened, ISO 8601 (e.g. 2025-03-27T13:38:11Z)', 'body'),
					customFieldsBody,
				]),
				queryOptions([skipValidationOption]),
			],
			hint: 'The docs name the customer key "mobile/email/externalId"; the node sends the chosen identifier type as the key',
		},
		{
			value: 'issueBulk',
			name: 'Issue Many',
			action: 'Issue several rewards to a customer',
			description: 'Issue several rewards (with quantities) in one call; one output item per reward with its own status',
			method: 'POST',
			path: `${BASE}/user/rewards/issue`,
			fields: [
				...customerBody,
				{
					displayName: 'Brand Name',
					name: 'brand',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'DOCDEMO',
					description: 'Name of the brand the catalog belongs to',
					routing: toBody('brand'),
				},
				tillField(true),
				...rewardsToIssue,
				additionalFields([
					optionalField('Transaction Number', 'transactionNumber', 'string', 'Your reference for the issue; generated when empty', 'body'),
					optionalField('Validation Code', 'validationCode', 'string', 'OTP that authorises the points redemption', 'body'),
					optionalField('Redemption Time', 'redemptionTime', 'string', 'When the points were redeemed, YYYY-MM-DD hh:mm:ss', 'body'),
					optionalField('Notes', 'notes', 'string', 'Why the rewards are issued', 'body'),
				]),
				queryOptions([skipValidationOption]),
			],
			output: { items: 'rewards', perEntityStatus: true },
		},
		{
			value: 'createPromotion',
			name: 'Create Promotion',
			action: 'Create a catalog promotion',
			description: 'A time-bound discount on the points price of rewards',
			method: 'POST',
			path: `${BASE}/promotion/create`,
			fields: [
				languageDefaults,
				...bodyInput([{ ...brandIdField, routing: toBody('brandId', '={{ String($value) }}') }, ...promotionFields(true)], promotionBodyJson),
			],
			output: { items: 'catalogPromotion' },
		},
		{
			value: 'updatePromotion',
			name: 'Update Promotion',
			action: 'Update a catalog promotion',
			method: 'PUT',
			path: `${BASE}/promotion/{promotionId}/brand/{brandId}`,
			fields: [promotionIdField, brandIdField, languageDefaults, ...bodyInput(promotionFields(false), promotionBodyJson)],
			output: { items: 'catalogPromotion' },
			hint: 'The index names this path parameter "reward ID"; it is the ID of the catalog promotion',
		},
		{
			value: 'getPromotion',
			name: 'Get Promotion',
			action: 'Get a catalog promotion',
			method: 'GET',
			path: `${BASE}/promotion/{promotionId}/brand/{brandId}`,
			fields: [promotionIdField, brandIdField],
			output: { items: 'catalogPromotion' },
		},
		{
			value: 'getPromotions',
			name: 'Get Many Promotions',
			action: 'Get the catalog promotions of a brand',
			method: 'GET',
			path: `${BASE}/promotion/brand/{brandId}`,
			fields: [brandIdField],
			pagination: { style: 'none', items: 'catalogPromotions' },
		},
		{
			value: 'disablePromotion',
			name: 'Disable Promotion',
			action: 'Disable a catalog promotion',
			method: 'PUT',
			path: `${BASE}/promotion/{promotionId}/status/false/brand/{brandId}`,
			fields: [promotionIdField, brandIdField],
		},
	],
});
