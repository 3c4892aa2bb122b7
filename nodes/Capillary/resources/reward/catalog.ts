import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, jsonField, optionalField, options, queryOptions, sortOrderField, toBody, toQuery } from '../../shared/fields';
import type { OperationSpec } from '../../shared/types';
import { BASE, brandIdField, customFieldsBody, languageDefaults, languageFields, languageOption, NUMBER_LIST, rewardIdField, TEXT_LIST, validityFields } from './fields';

/** The rewards of the catalog and their custom fields. */

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

const rewardSettingsJson = jsonField(
	'More Settings (JSON)',
	'rewardSettingsJson',
	{ in: 'body' },
	'Other reward settings merged into the body: paymentConfigs, restrictions, geography, owners, supplementaryCriteriaRO, communications, groups, vendorRedemption …',
	{ default: '{}' },
);

export const catalogOperations: OperationSpec[] = [
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
];
