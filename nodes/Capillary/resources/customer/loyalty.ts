import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { accountIdField, customerIdField, optionalField, options, queryOptions, sourceField, toQuery, v2IdentifierFields } from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import { customerPath, dateOption, lookupFields, programOption, redemptionOperation } from './common';

/**
 * Customer Loyalty: points balance, tier, expiry and promised points schedules, loyalty events,
 * transfers, redemptions and promotions of a customer, by customer ID or by identifier.
 */

/**
 * programId / entityType / fetchDataForAllPrograms of the "light" points and tier APIs. The
 * by-identifier twins name source and account at the top (with the identifier), so their options
 * leave them out.
 */
function lightApiOptions(extra: INodeProperties[] = [], byIdentifier = false): INodeProperties {
	return queryOptions([
		...(byIdentifier
			? []
			: [
					{ ...sourceField(), description: 'Source of the customer account; ALL for any' },
					{ ...accountIdField(), description: 'Account of the source, for sources with several accounts' },
				]),
		programOption('Loyalty program to read; the default program when empty'),
		{
			displayName: 'Entity Type',
			name: 'entityType',
			type: 'options',
			options: options([
				['Customer', 'CUSTOMER'],
				['Fleet (Group)', 'FLEET'],
			]),
			default: 'CUSTOMER',
			description: 'Whether to read the customer or the group it belongs to',
			routing: toQuery('entityType'),
		},
		optionalField('All Programs', 'fetchDataForAllPrograms', 'boolean', 'Whether to read every loyalty program of the org'),
		...extra,
	]);
}

const dateRangeOptions = [
	dateOption('Start Date', 'startDate', 'From this date; tomorrow at the earliest, today when empty'),
	dateOption('End Date', 'endDate', 'Up to this date; 100 years ahead when empty'),
];

const expiryScheduleOptions = () =>
	queryOptions([
		programOption('Loyalty program to read; the default program when empty'),
		optionalField('All Programs', 'fetchDataForAllPrograms', 'boolean', 'Whether to read the schedules of every loyalty program'),
		optionalField('Earliest Expiry Only', 'fetchEarliestExpiryOnly', 'boolean', 'Whether to return only the earliest expiry per program, points type and expiry type'),
		...dateRangeOptions,
	]);

function simplifyPromotion(promotion: IDataObject): IDataObject {
	const keep = ['promotionId', 'promotionName', 'programId', 'pointsOfferType', 'eventName', 'active', 'startDate', 'endDate', 'description', 'identifier'];
	const out: IDataObject = {};
	for (const key of keep) if (promotion[key] !== undefined) out[key] = promotion[key];
	return out;
}

export const customerLoyalty = defineResource({
	value: 'customerLoyalty',
	name: 'Customer Loyalty',
	description: 'Points balance, tier, expiry and promised points schedules, loyalty events, promotions and points redemptions of a customer',
	default: 'getPointsBalance',
	operations: [
		{
			value: 'getDetails',
			name: 'Get Details',
			action: 'Get the loyalty details of a customer',
			method: 'GET',
			path: customerPath('/loyaltyDetails'),
			fields: [customerIdField(), queryOptions([programOption('Only this loyalty program (orgs with several programs)')])],
		},
		{
			value: 'getDetailsByIdentifier',
			name: 'Get Details by Identifier',
			action: 'Get the loyalty details of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/loyaltyDetails',
			fields: lookupFields(),
		},
		{
			value: 'getPointsBalance',
			name: 'Get Points Balance',
			action: 'Get the points balance of a customer',
			method: 'GET',
			path: customerPath('/points/balance'),
			fields: [customerIdField(), lightApiOptions()],
			hint: 'Uses the path of the API index (/v2/customers/{ID}/points/balance); the request line in the docs reads /v2/customers/points/balance/{ID}.',
		},
		{
			value: 'getPointsBalanceByIdentifier',
			name: 'Get Points Balance by Identifier',
			action: 'Get the points balance of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/points/balance',
			fields: [...lookupFields(), lightApiOptions([], true)],
		},
		{
			value: 'getTier',
			name: 'Get Tier',
			action: 'Get the tier of a customer',
			method: 'GET',
			path: customerPath('/tierDetails'),
			fields: [customerIdField(), lightApiOptions()],
		},
		{
			value: 'getTierByIdentifier',
			name: 'Get Tier by Identifier',
			action: 'Get the tier of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/tierDetails',
			fields: [...lookupFields(), lightApiOptions([], true)],
		},
		{
			value: 'getPointsExpirySchedule',
			name: 'Get Points Expiry Schedule',
			action: 'Get when the points of a customer expire',
			method: 'GET',
			path: customerPath('/pointsExpirySchedule'),
			fields: [customerIdField(), expiryScheduleOptions()],
			pagination: { style: 'none', items: 'expirySchedules' },
		},
		{
			value: 'getPointsExpiryScheduleByIdentifier',
			name: 'Get Points Expiry Schedule by Identifier',
			action: 'Get when the points of a customer found by identifier expire',
			method: 'GET',
			path: '/v2/customers/lookup/pointsExpirySchedule',
			fields: [...v2IdentifierFields(), sourceField(), accountIdField(), expiryScheduleOptions()],
			pagination: { style: 'none', items: 'expirySchedules' },
		},
		{
			value: 'getPromisedPointsSchedule',
			name: 'Get Promised Points Schedule',
			action: 'Get when the promised points of a customer become redeemable',
			method: 'GET',
			path: customerPath('/promisedPointsSchedule'),
			fields: [customerIdField(), lightApiOptions(dateRangeOptions)],
		},
		{
			value: 'getPromisedPointsScheduleByIdentifier',
			name: 'Get Promised Points Schedule by Identifier',
			action: 'Get when the promised points of a customer found by identifier become redeemable',
			method: 'GET',
			path: '/v2/customers/lookup/promisedPointsSchedule',
			fields: [
				...lookupFields(),
				lightApiOptions(dateRangeOptions, true),
			],
		},
		{
			value: 'getEvents',
			name: 'Get Events',
			action: 'Get the loyalty events of a customer',
			method: 'GET',
			path: customerPath('/loyaltyEvents'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
		},
		{
			value: 'getPointsTransfers',
			name: 'Get Points Transfers',
			action: 'Get the points transfers of a customer',
			method: 'GET',
			path: customerPath('/pointsTransfers'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
		},
		{ ...redemptionOperation('points'), value: 'getPointsRedemptions', name: 'Get Points Redemptions', action: 'Get the points redemptions of a customer' },
		{
			value: 'getPromotionsByIdentifier',
			name: 'Get Promotions by Identifier',
			action: 'Get the loyalty promotions of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/promotionData',
			hint: 'Low-confidence endpoint: parameters follow the newer docs.capillarytech.com page; offset is taken as a count of promotions (the docs call it a start index, up to 100 per page).',
			fields: [
				...lookupFields(),
				queryOptions([
					{
						displayName: 'Status for Customer',
						name: 'promotionStatusForCustomer',
						type: 'options',
						options: options([
							['Available to Enrol', 'AVAILABLE_TO_ENROL'],
							['Available to Earn', 'AVAILABLE_TO_EARN'],
							['Available to Redeem', 'AVAILABLE_TO_REDEEM'],
							['Expired', 'EXPIRED'],
						]),
						default: 'AVAILABLE_TO_REDEEM',
						description: 'Only promotions in this state for the customer',
						routing: toQuery('promotionStatusForCustomer'),
					},
					{
						displayName: 'Promotion Type',
						name: 'promotionType',
						description: 'Only promotions of this kind',
						type: 'options',
						options: options([
							['Generic (Available Without Issue)', 'GENERIC'],
							['Direct Issue', 'DIRECT_ISSUE'],
							['Enrol and Issue', 'ENROL_AND_ISSUE'],
						]),
						default: 'GENERIC',
						routing: toQuery('promotionType'),
					},
					{
						displayName: 'Source Type',
						name: 'sourceType',
						type: 'options',
						options: options(['UI', 'API', 'CAMPAIGN']),
						default: 'UI',
						description: 'Only promotions created through this channel',
						routing: toQuery('sourceType'),
					},
					optionalField('Program IDs', 'programs', 'string', 'Only promotions of these loyalty programs (comma-separated IDs)'),
					optionalField('Fetch All Usage', 'fetchAllUsage', 'boolean', 'Whether to include disabled restrictions too (their maxLimit is -1)'),
				]),
			],
			output: { items: 'promotions', simplify: simplifyPromotion },
			pagination: { style: 'offset', maxPageSize: 100, items: 'promotions' },
		},
		{
			value: 'getGroupTrackers',
			name: 'Get Group Trackers',
			action: 'Get the tracker values of a user group',
			method: 'GET',
			path: '/v2/customers/userEntityTrackers',
			fields: [
				{
					displayName: 'Entity Type',
					name: 'trackerEntityType',
					description: 'Whether the trackers belong to a user group or a customer',
					type: 'options',
					options: options([
						['User Group', 'USERGROUP2'],
						['Customer', 'CUSTOMER'],
					]),
					default: 'USERGROUP2',
					routing: toQuery('type'),
				},
				{
					displayName: 'Identifier Type',
					name: 'trackerIdentifierType',
					description: 'Which identifier of the group you know',
					type: 'options',
					options: options([
						['Group ID', 'id'],
						['External ID', 'externalId'],
						['Primary Member ID', 'primaryUserId'],
					]),
					default: 'id',
					routing: toQuery('identifierType'),
				},
				{
					displayName: 'Identifier Value',
					name: 'trackerIdentifierValue',
					description: 'Value of that identifier, e.g. the group ID',
					type: 'string',
					required: true,
					default: '',
					placeholder: '93257',
					routing: toQuery('identifierValue'),
				},
				queryOptions([{ ...sourceField(), description: 'Source of the customers' }]),
			],
			pagination: { style: 'none' },
		},
	],
});
