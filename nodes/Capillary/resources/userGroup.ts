import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	jsonField,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	sourceField,
	toBody,
	toQuery,
	V2_IDENTIFIER_TYPES,
	v2IdentifierFields,
} from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

// ---------------------------------------------------------------------------------------------
// Group identification
// ---------------------------------------------------------------------------------------------

type GroupKey = 'id' | 'externalId' | 'primaryUserId';

const GROUP_KEY_NAMES: Record<GroupKey, string> = {
	id: 'Group ID',
	externalId: 'External ID',
	primaryUserId: 'Primary Member (Customer ID)',
};

/** Numbers stay numbers in JSON bodies; anything else is sent as typed. */
const NUMBER_IF_DIGITS = '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}';

function send(where: 'query' | 'body', property: string, value?: string): INodePropertyRouting {
	return where === 'query' ? toQuery(property, value) : toBody(property, value);
}

/** A user group picked from a search (as you type) or given by ID. */
function groupLocator(displayName: string, name: string, routing?: INodePropertyRouting, description?: string): INodeProperties {
	return locatorField({
		displayName,
		name,
		searchMethod: 'searchUserGroups',
		placeholder: '2361',
		description: description ?? 'The user group. In the list, type a group name, ID or the primary member\'s mobile to search.',
		routing,
	});
}

/**
 * "Find Group By" (ID / external ID / primary member) and the value, sent as the parameter named
 * after the choice (`?id=…`, `?externalId=…`, `?primaryUserId=…` or the same in the body).
 */
function groupSelector(where: 'query' | 'body', keys: GroupKey[] = ['id', 'externalId', 'primaryUserId']): INodeProperties[] {
	const firstKey = keys[0];
	const fields: INodeProperties[] = [
		{
			displayName: 'Find Group By',
			name: 'groupKey',
			type: 'options',
			options: keys.map((k) => ({ name: GROUP_KEY_NAMES[k], value: k })),
			default: firstKey,
			description: 'Which identifier of the group you know',
		},
	];
	if (keys.includes('id')) {
		fields.push({
			...groupLocator('Group', 'groupId', send(where, 'id', where === 'body' ? NUMBER_IF_DIGITS : undefined)),
			displayOptions: { show: { groupKey: ['id'] } },
		});
	}
	const others = keys.filter((k) => k !== 'id');
	if (others.length) {
		fields.push({
			displayName: 'Group Identifier',
			name: 'groupIdentifier',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'family_42',
			description: 'External ID of the group, or the customer ID of its primary member',
			routing: send(where, '={{ $parameter.groupKey }}', where === 'body' ? NUMBER_IF_DIGITS : undefined),
			displayOptions: { show: { groupKey: others } },
		});
	}
	return fields;
}

/** Query values every request of an operation carries, whatever the user chose. */
function fixedQuery(values: IDataObject) {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		request.qs = { ...(request.qs ?? {}), ...values };
		return request;
	};
}

/** Sends the node's Limit (or `allValue` with Return All) as the endpoint's page-size parameter. */
function sendLimitAs(param: string, allValue: number) {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? allValue : Number(this.getNodeParameter('limit', 50));
		request.qs = { ...(request.qs ?? {}), [param]: limit };
		return request;
	};
}

/** Join takes a JSON array of members; the structured input is collected under `members` and unwrapped here. */
async function membersAsArray(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = request.body as IDataObject | undefined;
	if (body && !Array.isArray(body) && Array.isArray(body.members)) request.body = body.members as IDataObject[];
	return request;
}

// ---------------------------------------------------------------------------------------------
// Shared parameters
// ---------------------------------------------------------------------------------------------

const dateOption = (displayName: string, property: string, description: string) =>
	optionalField(displayName, property, 'string', description, 'query');

const programOptions = [
	optionalField('Get Data for All Programs', 'getDataForAllPrograms', 'boolean', 'Whether to include every loyalty program, not only the default one'),
	optionalField('Fetch Earliest Expiry Only', 'fetchEarliestExpiryOnly', 'boolean', 'Whether to return only the earliest schedule'),
	optionalField('Type', 'type', 'string', 'Entity type of the group, e.g. USERGROUP2'),
	dateOption('Start Date', 'startDate', 'Only schedules from this date (ISO 8601, e.g. 2026-01-01T00:00:00+05:30)'),
	dateOption('End Date', 'endDate', 'Only schedules up to this date (ISO 8601)'),
];

const joinMembers: INodeProperties = {
	displayName: 'Members',
	name: 'members',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Member',
	default: {},
	description: 'Customers to add to the group',
	displayOptions: { show: { membersInput: ['fields'] } },
	options: [
		{
			displayName: 'Member',
			name: 'member',
			values: [
				{
					displayName: 'Customer ID',
					name: 'userId',
					type: 'string',
					default: '',
					placeholder: '416066472',
					description: "Capillary's customer (user) ID",
					routing: { send: { type: 'body', property: '=members[{{$index}}].userId', value: NUMBER_IF_DIGITS, preSend: [membersAsArray] } },
				},
				{
					displayName: 'Primary Member',
					name: 'primaryMember',
					type: 'boolean',
					default: false,
					description: 'Whether the customer becomes the primary member (a group has one)',
					routing: { send: { type: 'body', property: '=members[{{$index}}].primaryMember' } },
				},
				{
					displayName: 'Permissions',
					name: 'permissions',
					type: 'multiOptions',
					options: [{ name: 'Block Points Redemption', value: 'block_points_redemption' }],
					default: [],
					description: 'Restrictions for the member',
					routing: { send: { type: 'body', property: '=members[{{$index}}].permissions' } },
				},
			],
		},
	],
};

function simplifyTransaction(entity: IDataObject): IDataObject {
	const bill = (entity.billDetails ?? {}) as IDataObject;
	const points = (entity.pointSummary ?? {}) as IDataObject;
	const group = (entity.userGroup2 ?? {}) as IDataObject;
	return {
		id: entity.id,
		type: entity.type,
		customerId: entity.customerId,
		groupId: group.id,
		billNumber: bill.billNumber,
		billingTime: bill.billingTime,
		amount: bill.amount,
		issuedPoints: points.issuedPoints,
		availablePoints: points.availablePoints,
	};
}

const GROUP_SEARCH_HINT = 'Documented only in the newer docs (q, offset, limit): the node pages with offset/limit and reads the groups from "data"';

export const userGroup = defineResource({
	value: 'userGroup',
	name: 'User Group',
	description: 'Groups of customers (families, fleets) that earn and burn together',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a user group',
			description: 'Creates a group; it joins the default loyalty program of the org',
			method: 'POST',
			path: '/v2/userGroup2',
			fields: [
				{
					displayName: 'External ID',
					name: 'externalId',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'family_42',
					description: 'Your unique ID for the group',
					routing: toBody('externalId'),
				},
				{
					displayName: 'Max Group Size',
					name: 'maxGroupSize',
					type: 'number',
					required: true,
					default: 10,
					typeOptions: { minValue: 1 },
					description: 'Most members the group may have',
					routing: toBody('maxGroupSize'),
				},
				additionalFields([optionalField('Group Name', 'groupName', 'string', 'Name of the group', 'body')]),
			],
			output: { valueName: 'groupId' },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a user group',
			method: 'PUT',
			path: '/v2/userGroup2',
			fields: [
				...groupSelector('body', ['id', 'externalId']),
				additionalFields([
					optionalField('Group Name', 'groupName', 'string', 'New name of the group', 'body'),
					optionalField('Max Group Size', 'maxGroupSize', 'number', 'New maximum number of members', 'body'),
				]),
			],
		},
		{
			value: 'search',
			name: 'Search',
			action: 'Search user groups',
			description: 'Finds groups by name, ID or external ID, or by the primary member\'s mobile, email or card',
			method: 'GET',
			path: '/v2/userGroup2/search',
			hint: GROUP_SEARCH_HINT,
			fields: [
				{
					displayName: 'Query',
					name: 'q',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'Sawyer family',
					description: 'Group name (up to 50 characters), group ID or external ID, or the primary member\'s mobile, email or card number',
					routing: toQuery('q'),
				},
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a user group',
			method: 'DELETE',
			path: '/v2/userGroup2',
			fields: groupSelector('query', ['id', 'externalId']),
		},
		{
			value: 'join',
			name: 'Add Members',
			action: 'Add customers to a user group',
			method: 'POST',
			path: '/v2/userGroup2/join',
			fields: [
				...groupSelector('query'),
				{
					displayName: 'Members Input',
					name: 'membersInput',
					description: 'Whether to add the members one by one or give the member list as JSON',
					type: 'options',
					noDataExpression: true,
					options: [
						{ name: 'Fields', value: 'fields', description: 'Add the members one by one' },
						{ name: 'JSON', value: 'json', description: 'Send the member list as JSON' },
					],
					default: 'fields',
				},
				joinMembers,
				jsonField(
					'Members (JSON)',
					'membersJson',
					{ in: 'body' },
					'Array of members, e.g. [{"userId": 416066472, "primaryMember": false, "permissions": ["block_points_redemption"]}]',
					{ default: '[]', required: true, displayOptions: { show: { membersInput: ['json'] } } },
				),
			],
			output: { perEntityStatus: true },
		},
		{
			value: 'leave',
			name: 'Remove Member',
			action: 'Remove a customer from a user group',
			method: 'DELETE',
			path: '/v2/userGroup2/{groupId}/leave',
			fields: [
				groupLocator('Group', 'groupId'),
				...v2IdentifierFields({}, V2_IDENTIFIER_TYPES.filter(([, v]) => ['mobile', 'email', 'externalId', 'cardnumber', 'cardExternalId'].includes(v))),
				sourceField({ required: true }),
				accountIdField(),
			],
		},
		{
			value: 'transfer',
			name: 'Transfer Members',
			action: 'Move customers from one user group to another',
			method: 'POST',
			path: '/v2/userGroup2/transfer',
			fields: [
				groupLocator('From Group', 'leaveGroupId', toBody('leaveGroupId', NUMBER_IF_DIGITS), 'Group the customers leave (they must be members)'),
				groupLocator('To Group', 'joinGroupId', toBody('joinGroupId', NUMBER_IF_DIGITS), 'Group the customers join'),
				{
					displayName: 'Customer IDs',
					name: 'userIds',
					type: 'string',
					required: true,
					default: '',
					placeholder: '416066472, 416066473',
					description: 'Customers to move, comma-separated. The primary member cannot be transferred.',
					routing: toBody(
						'userIds',
						'={{ String($value).split(",").map(s => s.trim()).filter(s => s).map(s => /^\\d+$/.test(s) ? Number(s) : s) }}',
					),
				},
			],
		},
		{
			value: 'getTransactions',
			name: 'Get Transactions',
			action: 'Get the transactions of a user group',
			description: 'Transactions of all members of the group, newest first unless ordered otherwise',
			method: 'GET',
			path: '/v2/userGroup2/transactions',
			fields: [
				...groupSelector('query'),
				queryOptions([
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: options([
							['Regular', 'REGULAR'],
							['Return', 'RETURN'],
						]),
						default: 'REGULAR',
						description: 'Only transactions of this type',
						routing: toQuery('type'),
					},
					optionalField('Customer ID', 'customerId', 'string', 'Only transactions of this member'),
					optionalField('Transaction ID', 'transactionId', 'string', 'Only this transaction'),
					optionalField('Bill Number', 'billNumber', 'string', 'Only transactions with this bill number'),
					dateOption('Start Date', 'startDate', 'Transactions on or after this time (ISO 8601, e.g. 2026-01-01T00:00:00+05:30)'),
					dateOption('End Date', 'endDate', 'Transactions before this time (ISO 8601)'),
					{
						displayName: 'Embed',
						name: 'embed',
						type: 'multiOptions',
						options: options([
							['Extended Fields', 'EXTENDEDFIELDS'],
							['Custom Fields', 'CUSTOMFIELDS'],
							['Line Items', 'LINEITEMS'],
							['Payment Details', 'PAYMENTDETAILS'],
						]),
						default: [],
						description: 'Extra details to include (payment details only for regular transactions)',
						routing: toQuery('embed', '={{ Array.isArray($value) ? $value.join(",") : $value }}'),
					},
					sortOrderField({ displayName: 'Order', name: 'order', default: 'desc', description: 'Order by transaction date' }),
					optionalField('Credit Notes', 'creditNotes', 'boolean', 'Whether to include credit note details'),
					optionalField('Get Data for All Programs', 'getDataForAllPrograms', 'boolean', 'Whether to include transactions of every program'),
					{
						displayName: 'Primary Member Identifier Type',
						name: 'identifierName',
						type: 'options',
						options: options([
							['Mobile', 'mobile'],
							['Email', 'email'],
							['External ID', 'externalId'],
						]),
						default: 'mobile',
						description: 'Find the group by an identifier of its primary member (with the value and source below)',
						routing: toQuery('identifierName'),
					},
					optionalField('Primary Member Identifier Value', 'identifierValue', 'string', 'Value of that identifier'),
					optionalField('Source', 'source', 'string', 'Source of the primary member identifier, e.g. INSTORE'),
					optionalField('Account ID', 'accountId', 'string', 'Account of the source, for sources with several accounts'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
			output: { simplify: simplifyTransaction },
		},
		{
			value: 'getMembers',
			name: 'Get Members',
			action: 'Get the members of a user group',
			description: 'One item per member: customer ID, primary or secondary, active',
			method: 'GET',
			path: '/v2/userGroup2',
			fields: groupSelector('query', ['id', 'externalId']),
			pagination: { style: 'none', items: 'fleetGroupUsers' },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a user group with its primary and secondary members',
			description: 'The group with its members (primary and secondary) and, on request, points and tier details',
			method: 'GET',
			path: '/v2/userGroup2',
			fields: [
				...groupSelector('query', ['id', 'externalId']),
				queryOptions([
					optionalField('Expired Points', 'expiredPoints', 'boolean', 'Whether to include the history of expired points'),
					optionalField('Expiry Schedules', 'expirySchedules', 'boolean', 'Whether to include upcoming points expiry schedules'),
					optionalField('Gap to Upgrade For', 'gapToUpgradeFor', 'number', 'Include what the group lacks to reach this many tiers up'),
					optionalField('Gap to Renew For', 'gapToRenewFor', 'number', 'Include what the group lacks to renew its tier'),
					optionalField('Company Details', 'companyDetails', 'boolean', 'Whether to include the company the group belongs to'),
					optionalField('Program Details', 'programDetails', 'boolean', 'Whether to include loyalty program details'),
					optionalField('Primary User ID', 'primaryUserId', 'string', 'Customer ID of the primary member'),
				]),
			],
		},
		{
			value: 'getMembersWithCards',
			name: 'Get Members with Cards',
			action: 'Get the members of a user group with cards and status',
			description: 'Members with their role, identifiers, points contributed and, on request, cards and status',
			method: 'GET',
			path: '/v2/userGroup2/members',
			hint: 'Assumes the member list is in "data" with Capillary\'s pagination block, as in the newer docs\' field table',
			fields: [
				groupLocator('Group', 'groupId', {
					send: { type: 'query', property: 'identifierValue', propertyInDotNotation: false, preSend: [fixedQuery({ identifierName: 'id', paginationDetails: true })] },
				}),
				sourceField({ required: true }),
				queryOptions([
					optionalField('Include Card Details', 'includeCardDetails', 'boolean', 'Whether to include the cards each member owns'),
					optionalField('Include Status Details', 'includeStatusDetails', 'boolean', "Whether to include each member's status label"),
					{
						displayName: 'Sort By',
						name: 'sortBy',
						description: 'Whether the primary member comes first or the members are ordered by when they joined',
						type: 'options',
						options: options([
							['Primary Member First', 'IS_PRIMARY'],
							['Joined On', 'JOINED_ON'],
						]),
						default: 'IS_PRIMARY',
						routing: toQuery('sortBy'),
					},
					sortOrderField(),
					dateOption('From Date', 'fromDate', 'Members who joined at or after this time, YYYY-MM-DD HH:mm:ss'),
					dateOption('To Date', 'toDate', 'Members who joined at or before this time, YYYY-MM-DD HH:mm:ss'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'getSlabHistory',
			name: 'Get Tier History',
			action: 'Get the tier (slab) change history of a user group',
			method: 'GET',
			path: '/v2/userGroup2/slabHistory',
			fields: [
				groupLocator('Group', 'fleetGroupId', {
					send: { type: 'query', property: 'fleetGroupId', propertyInDotNotation: false, preSend: [sendLimitAs('pageSize', 1000)] },
				}),
				queryOptions([
					dateOption('Start Date', 'startDate', 'Changes on or after this date (ISO 8601)'),
					dateOption('End Date', 'endDate', 'Changes before this date (ISO 8601)'),
				]),
			],
			pagination: { style: 'none' },
		},
		{
			value: 'getLedger',
			name: 'Get Points Ledger',
			action: 'Get the points ledger of a user group',
			description: 'Points credited and debited to the group, per event (pointsLedger with type USERGROUP2)',
			method: 'GET',
			path: '/v2/pointsLedger/getCustomerLedgerInfo',
			fields: [
				groupLocator('Group', 'groupId', {
					send: { type: 'query', property: 'identifierValue', propertyInDotNotation: false, preSend: [fixedQuery({ type: 'USERGROUP2', identifierName: 'id' })] },
				}),
				sourceField({ required: true }),
				accountIdField(),
				queryOptions([
					dateOption('Start Date', 'startDate', 'Entries on or after this time, YYYY-MM-DDThh:mm:ss (at most 30 days before End Date)'),
					dateOption('End Date', 'endDate', 'Entries up to this time, YYYY-MM-DDThh:mm:ss'),
					optionalField('Program ID', 'programId', 'number', 'Only entries of this loyalty program'),
					optionalField('Till ID', 'tillId', 'number', 'Only entries made at this till'),
					optionalField('Include Till Concept Events', 'includeTillConceptEvents', 'boolean', "Whether to include deductions at tills of the program's concept (needs Program ID)"),
					{
						displayName: 'Ledger Entry Type',
						name: 'ledgerEntryType',
						description: 'Only credits, only debits or only opening balances',
						type: 'options',
						options: options([
							['Credit', 'CREDIT'],
							['Debit', 'DEBIT'],
							['Opening Balance', 'OPENING_BALANCE'],
						]),
						default: 'CREDIT',
						routing: toQuery('ledgerEntryType'),
					},
					{
						displayName: 'Point Category Type',
						name: 'pointCategoryType',
						description: 'Only regular points, promised points (not redeemable yet) or trigger-based points',
						type: 'options',
						options: options([
							['Regular', 'REGULAR'],
							['Promised', 'PROMISED'],
							['Trigger Based', 'TRIGGER_BASED'],
						]),
						default: 'REGULAR',
						routing: toQuery('pointCategoryType'),
					},
					sortOrderField(),
				]),
			],
			pagination: { style: 'page', pageParam: 'offset', firstPage: 0, maxPageSize: 10, items: 'ledgerEntries' },
		},
		{
			value: 'getPointsExpirySchedule',
			name: 'Get Points Expiry Schedule',
			action: 'Get when the points of a user group expire',
			method: 'GET',
			path: '/v2/userGroup2/pointsExpirySchedule',
			hint: 'Only parameter names are documented; the node assumes the group is chosen like in Get Transactions (id, externalId or primaryUserId)',
			fields: [
				...groupSelector('query'),
				queryOptions([
					...programOptions,
					optionalField('Limits', 'limits', 'number', 'Page size as documented (parameter "limits")'),
					optionalField('Offsets', 'offsets', 'number', 'Records to skip as documented (parameter "offsets")'),
				]),
			],
			pagination: { style: 'none', items: 'expirySchedules' },
		},
		{
			value: 'getPromisedPointsSchedule',
			name: 'Get Points Conversion Schedule',
			action: 'Get when promised points of a user group become redeemable',
			method: 'GET',
			path: '/v2/userGroup2/promisedPointsSchedule',
			hint: 'Only parameter names are documented; primaryUserId is the documented group selector, id and externalId are assumed to work too',
			fields: [
				...groupSelector('query', ['primaryUserId', 'id', 'externalId']),
				queryOptions([
					...programOptions,
					optionalField('Program ID', 'programId', 'number', 'Only schedules of this loyalty program'),
					{
						displayName: 'Limit',
						name: 'limit',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 50,
						description: 'Max number of results to return',
						routing: toQuery('limit'),
					},
					optionalField('Offset', 'offset', 'number', 'Schedules to skip'),
				]),
			],
		},
	],
});
