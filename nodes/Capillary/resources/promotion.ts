import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, jsonField, optionalField, options, toBody } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

/**
 * Promotions: cart and catalog promotions of the promotion engine (docs: _cartPromotions.md, paths
 * under v1/promotion-management) and loyalty promotions of a program (docs: _promotions.md, under
 * api_gateway/loyalty/v1).
 */

/** A date field sent as Unix milliseconds (the promotion engine's format); digits pass through. */
const EPOCH_MS = '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : new Date($value).getTime() }}';

const cartDate = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	required: true,
	default: '',
	description: `${description}. Sent as Unix milliseconds.`,
	routing: toBody(name, EPOCH_MS),
});

const PROMOTION_TYPES = options([
	['POS', 'POS'],
	['Customer', 'CUSTOMER'],
	['Earning', 'EARNING'],
	['Reward', 'REWARD'],
]);

function cartPromotionFields(required: boolean): INodeProperties[] {
	const own: INodeProperties[] = [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required,
			default: '',
			placeholder: 'Buy 3 get 2',
			description: 'Name of the promotion',
			routing: toBody('name'),
		},
		{
			displayName: 'Promotion Type',
			name: 'promotionType',
			description: 'How customers get the promotion: at the POS for every cart, only as targeted customers, earned through an activity, or bought as a reward',
			type: 'options',
			options: PROMOTION_TYPES,
			default: 'POS',
			routing: toBody('type'),
		},
		cartDate('Start Date', 'startDate', 'When the promotion starts'),
		cartDate('End Date', 'endDate', 'When the promotion ends'),
		jsonField('Condition (JSON)', 'conditionJson', { in: 'body', path: 'condition' }, 'When the promotion applies, e.g. {"type": "CART", "cartCondition": {"kpi": "SUBTOTAL", "operator": "GREATER_THAN_OR_EQUAL", "value": "1500"}}. Left empty, nothing is sent.', { default: '' }),
		jsonField('Action (JSON)', 'actionJson', { in: 'body', path: 'action' }, 'The benefit, e.g. {"type": "CART_BASED", "cartBasedAction": {"type": "PERCENTAGE", "value": "10"}}. Left empty, nothing is sent.', { default: '' }),
		additionalFields([
			optionalField('Active', 'active', 'boolean', 'Whether the promotion is active (Capillary creates it inactive by default)', 'body'),
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Evaluation order: 0 is the highest priority',
				routing: toBody('priority'),
			},
			optionalField('Message Label', 'messageLabel', 'string', 'Short description shown with the promotion', 'body'),
			{
				displayName: 'Campaign ID',
				name: 'campaignId',
				type: 'number',
				default: 0,
				description: 'Campaign the promotion belongs to',
				routing: toBody('campaignId'),
			},
			{
				displayName: 'Max Earning per Customer',
				name: 'maxEarningPerCustomer',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How many times one customer can earn the promotion',
				routing: toBody('maxEarningPerCustomer'),
			},
			optionalField('Limited to Specific Audience', 'earnLimitedToSpecificAudience', 'boolean', 'Whether only a given list of customers can earn the promotion', 'body'),
		]),
	];
	return bodyInput(
		own,
		'The promotion as Capillary takes it: {"name": …, "type": "POS", "active": true, "startDate": 1624256511786, "endDate": 1627669800000, "condition": {…}, "action": {…}, "storeCriteria": …, "earningCriteria": …}',
	);
}

const settingsOptions = (values: Array<[string, string]>, name: string, displayName: string, description: string, defaultValue: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: options(values),
	default: defaultValue,
	description,
	routing: toBody(name),
});

const programLocator = (inBody: boolean) =>
	locatorField({
		displayName: 'Loyalty Program',
		name: 'programId',
		searchMethod: 'searchPrograms',
		placeholder: '1745',
		description: 'The loyalty program of the promotion',
		routing: inBody ? toBody('programId', '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}') : undefined,
	});

export const promotion = defineResource({
	value: 'promotion',
	name: 'Promotion',
	description: 'Cart and product catalog promotions, their org settings, and loyalty program promotions (discounts on rewards are Reward Promotions)',
	operations: [
		{
			value: 'createCartPromotion',
			name: 'Create Cart Promotion',
			action: 'Create a cart or catalog promotion',
			method: 'POST',
			path: '/v1/promotion-management/promotions',
			fields: cartPromotionFields(true),
			hint: 'The docs\' samples call another host (eucrm.cc.capillarytech.com); the node uses the region host of the credential.',
		},
		{
			value: 'updateCartPromotion',
			name: 'Update Cart Promotion',
			action: 'Update a cart or catalog promotion',
			method: 'PUT',
			path: '/v1/promotion-management/promotions/{promotionId}',
			fields: [
				{
					displayName: 'Promotion ID',
					name: 'promotionId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '60f13a5e4c5cb92ab2d9e7d7',
					description: 'ID of the promotion (returned by Create Cart Promotion)',
				},
				...cartPromotionFields(true),
			],
			hint: 'Send the whole promotion: the docs show the full promotion in the update body.',
		},
		{
			value: 'getSettings',
			name: 'Get Settings',
			action: 'Get the org promotion settings',
			description: 'Reads how the org ranks and combines cart and catalog promotions',
			method: 'GET',
			path: '/v1/promotion-management/promotions/settings/strategy',
		},
		{
			value: 'setSettings',
			name: 'Set Settings',
			action: 'Set the org promotion settings',
			description: 'Sets how the org ranks and combines cart and catalog promotions',
			method: 'POST',
			path: '/v1/promotion-management/promotions/settings/strategy',
			fields: [
				settingsOptions(
					[
						['Earliest Expiry First', 'EXPIRY_BASED'],
						['Largest Discount First', 'MAX_DISCOUNT'],
						['Priority', 'PRIORITY'],
					],
					'promotionRankingStrategy',
					'Ranking Strategy',
					'Which promotion wins when several apply',
					'EXPIRY_BASED',
				),
				settingsOptions(
					[
						['Promotions First', 'PROMOTION_FIRST'],
						['Rewards First', 'REWARDS_FIRST'],
						['No Strategy', 'NO_STRATEGY'],
					],
					'rewardStrategy',
					'Reward Strategy',
					'Whether normal or reward promotions go first when both apply',
					'NO_STRATEGY',
				),
				settingsOptions(
					[
						['Cart First', 'CART_BASED_FIRST'],
						['Line Item First', 'LINE_ITEM_BASED_FIRST'],
					],
					'conditionBasedRankingStrategy',
					'Condition Ranking',
					'Whether cart or line-item promotions are evaluated first when both apply',
					'LINE_ITEM_BASED_FIRST',
				),
				{
					displayName: 'Single Promotion per Line Item',
					name: 'singlePromotionPerLineitem',
					type: 'boolean',
					default: true,
					description: 'Whether a line item gets at most one promotion (off: different quantities may get different ones)',
					routing: toBody('singlePromotionPerLineitem'),
				},
				{
					displayName: 'Active',
					name: 'isActive',
					type: 'boolean',
					default: true,
					description: 'Whether these settings are in force',
					routing: toBody('isActive'),
				},
			],
			hint: 'The docs show no response body for the settings calls; the node assumes Capillary answers with the settings.',
		},
		{
			value: 'createLoyaltyPromotion',
			name: 'Create Loyalty Promotion',
			action: 'Create a loyalty promotion of a program',
			description: 'Creates a simple promotion that allocates points in a loyalty program',
			method: 'POST',
			path: '/api_gateway/loyalty/v1/programs/{programId}/promotions/add/simple',
			fields: [
				programLocator(true),
				...bodyInput(
					[
						{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'Double points weekend', description: 'Unique name of the promotion', routing: toBody('name') },
						{ displayName: 'Identifier', name: 'identifier', type: 'string', required: true, default: '', placeholder: 'double_points_weekend', description: 'Unique identifier of the promotion', routing: toBody('identifier') },
						{ displayName: 'Event Name', name: 'eventName', type: 'string', required: true, default: 'TRANSACTIONADD', description: 'Event the promotion listens to, e.g. TRANSACTIONADD, CUSTOMERUPDATE or a behavioural event', routing: toBody('eventName') },
						{ displayName: 'Start Date', name: 'startDate', type: 'string', required: true, default: '', placeholder: '2021-06-15T12:00:00+01:00', description: 'Start of the promotion, ISO 8601 with offset', routing: toBody('startDate') },
						{ displayName: 'End Date', name: 'endDate', type: 'string', required: true, default: '', placeholder: '2022-01-01T12:00:00+01:00', description: 'End of the promotion, ISO 8601 with offset', routing: toBody('endDate') },
						jsonField(
							'Rules (JSON)',
							'rulesJson',
							{ in: 'body' },
							'Allocation and conditions as Capillary takes them: {"allocatePointsOn": "BILL", "allocationActions": [{"A1": {"allocation": {"type": "FIXED", "value": 1.25}, "expiry": {"type": "DAYS", "value": 2}, "rounding": "ROUND"}}], "qualifyingConditions": [{"C1": {"kpi": "value", "matchValue": "100", "entity": "BILL", "operator": "GREATER_THAN"}}], "conditionExpression": "C1", "allocationRule": [{"allocation_ref": "A1"}], "limits": {…}}',
						),
					],
					'The whole promotion: {"name": …, "identifier": …, "eventName": "TRANSACTIONADD", "startDate": …, "endDate": …, "allocatePointsOn": "BILL", "allocationActions": […], "qualifyingConditions": […], "conditionExpression": "C1", "allocationRule": […], "limits": {…}}',
				),
			],
			hint: 'The program ID also goes into the body (programId), as the docs\' sample shows. Needs Org ID in the credential.',
		},
		{
			value: 'getLoyaltyPromotion',
			name: 'Get Loyalty Promotion',
			action: 'Get a loyalty promotion of a program',
			method: 'GET',
			path: '/api_gateway/loyalty/v1/programs/{programId}/promotions/{promotionId}',
			fields: [
				programLocator(false),
				{
					displayName: 'Promotion ID',
					name: 'promotionId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '12525',
					description: 'ID of the loyalty promotion',
				},
			],
			hint: 'Needs Org ID in the credential.',
		},
	],
});
