import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, jsonField, optionalField, options, toBody } from '../../shared/fields';
import type { OperationSpec } from '../../shared/types';
import { BASE, brandIdField, customFieldsBody, languageDefaults, languageFields, NUMBER_LIST, validityFields } from './fields';

/** Catalog promotions: time-bound discounts on the points price of rewards. */

const promotionIdField: INodeProperties = {
	displayName: 'Promotion ID',
	name: 'promotionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '14862',
	description: 'ID of the catalog promotion',
};

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

export const promotionOperations: OperationSpec[] = [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a reward promotion',
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
		value: 'update',
		name: 'Update',
		action: 'Update a reward promotion',
		method: 'PUT',
		path: `${BASE}/promotion/{promotionId}/brand/{brandId}`,
		fields: [promotionIdField, brandIdField, languageDefaults, ...bodyInput(promotionFields(false), promotionBodyJson)],
		output: { items: 'catalogPromotion' },
		hint: 'The index names this path parameter "reward ID"; it is the ID of the catalog promotion',
	},
	{
		value: 'get',
		name: 'Get',
		action: 'Get a reward promotion',
		method: 'GET',
		path: `${BASE}/promotion/{promotionId}/brand/{brandId}`,
		fields: [promotionIdField, brandIdField],
		output: { items: 'catalogPromotion' },
	},
	{
		value: 'getMany',
		name: 'Get Many',
		action: 'Get the reward promotions of a brand',
		method: 'GET',
		path: `${BASE}/promotion/brand/{brandId}`,
		fields: [brandIdField],
		pagination: { style: 'none', items: 'catalogPromotions' },
	},
	{
		value: 'disable',
		name: 'Disable',
		action: 'Disable a reward promotion',
		method: 'PUT',
		path: `${BASE}/promotion/{promotionId}/status/false/brand/{brandId}`,
		fields: [promotionIdField, brandIdField],
	},
];
