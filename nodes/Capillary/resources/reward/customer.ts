import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, customerIdField, jsonField, optionalField, options, queryOptions, sortOrderField, toBody, toQuery } from '../../shared/fields';
import type { OperationSpec } from '../../shared/types';
import { BASE, brandNameField, customFieldsBody, languageOption, rewardIdField } from './fields';

/** The rewards of one customer: what they can get, what they bought, and issuing rewards to them. */

const userIdField = customerIdField({ name: 'userId', routing: toQuery('userId') });

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

export const customerRewardOperations: OperationSpec[] = [
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
];
