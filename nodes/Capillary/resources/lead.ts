import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	bodyInput,
	customerIdField,
	headerField,
	jsonField,
	keyValueField,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	toBody,
	toQuery,
} from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';
import type { PaginationSpec } from '../shared/types';

/**
 * Leads: a customer's interest in a SKU, brand or category, followed up by store staff. A lead
 * moves through statuses (each change is logged with a reason), can carry a sub-status, and
 * collects follow-ups. Reasons and sub-statuses are configured per org.
 */

const STATUSES = options([
	['Open', 'OPEN'],
	['Won', 'WON'],
	['Lost', 'LOST'],
	['On Hold', 'ON_HOLD'],
	['Deleted', 'DELETED'],
]);

const LEAD_TYPES = options([
	['SKU', 'SKU'],
	['Brand', 'BRAND'],
	['Category', 'CATEGORY'],
	['Custom', 'CUSTOM'],
]);

const DATE_TIME_PLACEHOLDER = '2026-10-05T08:00:00+05:30';

const leadIdField = locatorField({
	displayName: 'Lead ID',
	name: 'leadId',
	searchMethod: 'searchLeads',
	placeholder: '21',
	description: 'ID of the lead',
});

const extendedFields = keyValueField('Extended Fields', 'extendedFields', 'extendedFields', 'Lead extended fields as name/value pairs, e.g. trial_status');

function dateTimeField(displayName: string, property: string, description: string, name = property): INodeProperties {
	return { ...optionalField(displayName, property, 'string', description, 'body', name), placeholder: DATE_TIME_PLACEHOLDER };
}

/** A sub-status from the org's list; nothing is sent when it is left empty. */
function subStatusField(description: string): INodeProperties {
	return locatorField({
		displayName: 'Sub-Status',
		name: 'subStatus',
		searchMethod: 'searchLeadSubStatuses',
		placeholder: 'YetToDecide',
		description,
		required: false,
		routing: toBody('subStatus', '={{ $value === "" ? undefined : $value }}'),
	});
}

const statusFilters: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUSES,
		default: 'OPEN',
		description: 'Only leads in this status',
		routing: toQuery('status'),
	},
	optionalField('Sub-Status', 'substatus', 'string', 'Only leads with this sub-status'),
];

const entityFilters: INodeProperties[] = [
	{
		displayName: 'Entity Type',
		name: 'entityType',
		type: 'options',
		options: options([
			['Zone', 'ZONE'],
			['Concept', 'CONCEPT'],
			['Store', 'STORE'],
			['Till', 'TILL'],
			['Store Server', 'STR_SERVER'],
			['Admin User', 'ADMIN_USER'],
			['Associate', 'ASSOCIATE'],
			['Staff', 'STAFF'],
		]),
		default: 'STORE',
		description: 'Only leads of this org entity; set Entity Code too',
		routing: toQuery('entityType'),
	},
	optionalField('Entity Code', 'entityCode', 'string', 'Code of the entity chosen in Entity Type, e.g. the store code'),
];

const languageHeader = headerField(
	'Language',
	'language',
	'language',
	'ISO code of the language for extended field values, e.g. zh, id, ar (English when empty)',
);

const leadPagination: PaginationSpec = { style: 'offset', maxPageSize: 100 };

/** The lead without its follow-up and status-log lists. */
function simplifyLead(lead: IDataObject): IDataObject {
	const keys = ['id', 'userId', 'type', 'leadFor', 'status', 'subStatus', 'owner', 'nextFollowUp', 'createdOn', 'lastUpdatedOn', 'orgSourceId'];
	const out: IDataObject = {};
	for (const key of keys) if (lead[key] !== undefined) out[key] = lead[key];
	return out;
}

/** Configure Lead Reasons takes a bare JSON array: `[{"reason": "…"}, …]`. */
async function reasonsBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const value = this.getNodeParameter('reasons', {}) as { reason?: Array<{ reason?: string }> };
	request.body = (value.reason ?? [])
		.map((r) => String(r.reason ?? '').trim())
		.filter((r) => r !== '')
		.map((reason) => ({ reason }));
	return request;
}

const createFields: INodeProperties[] = [
	{
		displayName: 'Lead For',
		name: 'leadFor',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'item001',
		description: 'The SKU, brand, category or custom item the customer is interested in',
		routing: toBody('leadFor'),
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: LEAD_TYPES,
		default: 'SKU',
		description: 'What Lead For names',
		routing: toBody('type'),
	},
	{
		displayName: 'Customer Identifier Type',
		name: 'customerIdentifierType',
		type: 'options',
		options: options([
			['Mobile', 'MOBILE'],
			['Email', 'EMAIL'],
			['Customer ID', 'userId'],
		]),
		default: 'MOBILE',
		description: 'How the customer is identified. An unknown mobile or email creates a new non-loyalty customer.',
		routing: toBody('idType', '={{ $value === "userId" ? undefined : $value }}'),
	},
	{
		displayName: 'Customer Identifier Value',
		name: 'customerIdentifierValue',
		description: 'Value of that identifier, e.g. the mobile number with country code or the customer ID',
		type: 'string',
		required: true,
		default: '',
		placeholder: '919111111111',
		routing: toBody(
			'={{ $parameter.customerIdentifierType === "userId" ? "userId" : "identifier" }}',
			'={{ $parameter.customerIdentifierType === "userId" ? Number($value) : $value }}',
		),
	},
	subStatusField('Sub-status of the lead; only sub-statuses configured for its status are accepted'),
	additionalFields([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: STATUSES,
			default: 'OPEN',
			description: 'Status of the new lead (OPEN when not set)',
			routing: toBody('status'),
		},
		optionalField('Owner', 'owner', 'string', 'Username of the staff user the lead is assigned to', 'body'),
		dateTimeField('Next Follow-Up', 'nextFollowUp', 'When to follow up next'),
		dateTimeField('Last Follow-Up', 'lastFollowUp', 'When the customer was last followed up'),
		dateTimeField('Created On', 'createdOn', 'When the lead was created; now when empty'),
		optionalField('Created By', 'createdBy', 'number', 'Entity ID of the staff user who created the lead; the calling till when empty', 'body'),
		dateTimeField('Last Updated On', 'lastUpdatedOn', 'When the lead was last updated'),
		optionalField('Last Updated By', 'lastUpdatedBy', 'number', 'Entity ID of the staff user who last updated the lead', 'body'),
		{
			displayName: 'Org Source ID',
			name: 'orgSourceId',
			type: 'number',
			default: -1,
			description: 'ID of the org channel account; -1 is InStore',
			routing: toBody('orgSourceId'),
		},
		extendedFields,
	]),
	jsonField(
		'Follow-Up Details (JSON)',
		'followUpDetails',
		{ in: 'body', path: 'followUpDetails' },
		'Follow-ups that already happened: a list of {"scheduledFollowUp", "followedUpOn", "followedUpBy", "notes", "nextFollowUp"}',
		{ default: '' },
	),
	jsonField(
		'Status Log Details (JSON)',
		'statusLogDetails',
		{ in: 'body', path: 'statusLogDetails' },
		'Status history to record: a list of {"status", "createdBy", "reasonId"}; the last entry should match Status',
		{ default: '' },
	),
];

export const lead = defineResource({
	value: 'lead',
	name: 'Lead',
	description: 'Sales leads, their statuses and follow-ups',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a lead',
			// The endpoint page (Add Lead) says POST; the API index row's PATCH is not documented anywhere.
			method: 'POST',
			path: '/v2/leads',
			fields: bodyInput(createFields, 'The whole lead as JSON: {"type", "leadFor", "idType", "identifier" or "userId", "status", "followUpDetails", "statusLogDetails", "extendedFields", …}'),
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a lead',
			description: 'Change the owner (assign the lead) or the extended fields of a lead',
			method: 'PUT',
			path: '/v2/leads/{leadId}',
			fields: [
				leadIdField,
				additionalFields(
					[optionalField('Owner', 'owner', 'string', 'Username of the staff user to assign the lead to', 'body'), extendedFields],
					'updateFields',
				),
			],
		},
		{
			value: 'updateStatus',
			name: 'Update Status',
			action: 'Update the status of a lead',
			method: 'PUT',
			path: '/v2/leads/{leadId}/status',
			fields: [
				leadIdField,
				{
					displayName: 'Status',
					name: 'status',
					description: 'New status of the lead',
					type: 'options',
					options: STATUSES,
					default: 'ON_HOLD',
					routing: toBody('status'),
				},
				locatorField({
					displayName: 'Reason ID',
					name: 'reasonId',
					searchMethod: 'searchLeadReasons',
					placeholder: '2',
					description: 'Why the status changes; one of the reasons configured with Add Reasons',
					routing: toBody('reasonId', '={{ Number($value) }}'),
				}),
				subStatusField('Sub-status within the new status; only sub-statuses configured for that status are accepted'),
				additionalFields([
					optionalField('Changed By', 'createdBy', 'number', 'Entity ID of the staff user who changes the status', 'body'),
					dateTimeField('Changed On', 'createdOn', 'When the status changed; now when empty'),
				]),
			],
		},
		{
			value: 'addFollowUp',
			name: 'Add Follow-Up',
			action: 'Add a follow-up to a lead',
			method: 'POST',
			path: '/v2/leads/{leadId}/followup',
			fields: [
				leadIdField,
				{
					displayName: 'Followed Up On',
					name: 'followedUpOn',
					type: 'string',
					required: true,
					default: '',
					placeholder: DATE_TIME_PLACEHOLDER,
					description: 'When the customer was followed up',
					routing: toBody('followedUpOn'),
				},
				locatorField({
					displayName: 'Till ID',
					name: 'createdBy',
					searchMethod: 'searchTills',
					placeholder: '50006799',
					description: 'Till that records the follow-up',
					routing: toBody('createdBy', '={{ Number($value) }}'),
				}),
				additionalFields([
					optionalField('Followed Up By', 'followedUpBy', 'number', 'Entity ID of the staff user who followed up', 'body'),
					optionalField('Notes', 'notes', 'string', 'What was discussed', 'body'),
					dateTimeField('Scheduled Follow-Up', 'scheduledFollowUp', 'When this follow-up was scheduled'),
					dateTimeField('Next Follow-Up', 'nextFollowUp', 'When to follow up next'),
				]),
			],
		},
		{
			value: 'getStatusLog',
			name: 'Get Status Log',
			action: 'Get the status changes of a lead',
			method: 'GET',
			path: '/v2/leads/{leadId}/statusLog',
			fields: [leadIdField],
			pagination: { style: 'none' },
		},
		{
			value: 'getFollowUps',
			name: 'Get Follow-Ups',
			action: 'Get the follow-ups of a lead',
			method: 'GET',
			path: '/v2/leads/{leadId}/followups',
			fields: [leadIdField],
			pagination: { style: 'none' },
		},
		{
			value: 'getForCustomer',
			name: 'Get Customer Leads',
			action: 'Get the leads of a customer',
			method: 'GET',
			path: '/v2/leads',
			fields: [
				customerIdField({ name: 'userId', routing: toQuery('userId') }),
				queryOptions([...statusFilters, ...entityFilters]),
				languageHeader,
			],
			pagination: leadPagination,
			output: { simplify: simplifyLead },
		},
		{
			value: 'getAssigned',
			name: 'Get Assigned Leads',
			action: 'Get the leads assigned to a staff user',
			method: 'GET',
			path: '/v2/leads',
			fields: [
				{
					displayName: 'Owner',
					name: 'owner',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'associate.anna',
					description: 'The staff user (associate) the leads are assigned to',
					routing: toQuery('owner'),
				},
				queryOptions([...statusFilters, ...entityFilters]),
			],
			pagination: leadPagination,
			output: { simplify: simplifyLead },
			hint: 'Lists the leads owned by a staff user (GET /v2/leads?owner=). The API index calls this row "Assign Lead" but documents no request for it; to assign a lead, use Update with Owner.',
		},
		{
			value: 'search',
			name: 'Search',
			action: 'Search leads',
			method: 'GET',
			path: '/v2/leads',
			fields: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [{ name: 'All', value: 'ALL' }, ...LEAD_TYPES],
					default: 'ALL',
					description: 'Only leads of this type',
					routing: toQuery('type'),
				},
				queryOptions([
					...statusFilters,
					optionalField('Customer ID', 'userId', 'string', 'Only leads of this customer'),
					{
						displayName: 'Org Source ID',
						name: 'orgSourceId',
						type: 'number',
						default: -1,
						description: 'Only leads of this source account; -1 is InStore',
						routing: toQuery('orgSourceId'),
					},
					{
						displayName: 'Sort By',
						name: 'sortBy',
						description: 'Whether the leads come ordered by creation date or by last update',
						type: 'options',
						options: options([
							['Created On', 'createdon'],
							['Last Updated On', 'lastUpdatedOn'],
						]),
						default: 'createdon',
						routing: toQuery('sortBy'),
					},
					sortOrderField(),
				]),
			],
			pagination: leadPagination,
			output: { simplify: simplifyLead },
		},
		{
			value: 'addReasons',
			name: 'Add Reasons',
			action: 'Add lead status reasons to the org',
			method: 'POST',
			path: '/v2/leads/reasons',
			fields: [
				{
					displayName: 'Reasons',
					name: 'reasons',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Reason',
					default: {},
					required: true,
					description: 'Reasons to offer when a lead changes status',
					options: [
						{
							displayName: 'Reason',
							name: 'reason',
							values: [{ displayName: 'Reason', name: 'reason', description: 'Text of the reason, e.g. why a lead was lost or put on hold', type: 'string', default: '', placeholder: 'Item not available in store' }],
						},
					],
					routing: { send: { preSend: [reasonsBody] } },
				},
			],
		},
		{
			value: 'getReasons',
			name: 'Get Reasons',
			action: 'Get the lead reasons of the org',
			method: 'GET',
			path: '/v2/leads/reasons',
			pagination: { style: 'none' },
		},
		{
			value: 'addSubStatus',
			name: 'Add Sub-Status',
			action: 'Add a lead sub-status to the org',
			method: 'POST',
			path: '/v2/leads/substatus',
			fields: [
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: STATUSES,
					default: 'ON_HOLD',
					description: 'Status the sub-status belongs to',
					routing: toBody('status'),
				},
				{
					displayName: 'Sub-Status',
					name: 'subStatus',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'YetToDecide',
					description: 'Name of the new sub-status',
					routing: toBody('subStatus'),
				},
			],
		},
		{
			value: 'getSubStatuses',
			name: 'Get Sub-Statuses',
			action: 'Get the lead sub-statuses of the org',
			method: 'GET',
			path: '/v2/leads/substatuses',
			pagination: { style: 'none' },
		},
	],
});
