import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, optionalField, options, queryOptions, toBody, toQuery } from '../../shared/fields';
import { constantField, dateOnly } from '../../shared/requests';
import type { OperationSpec } from '../../shared/types';
import { autoApprove } from './fields';

/** v1.1 request/*: identifier changes, account merges, goodwill points or coupons, retro transactions; their review and logs. */

const REQUEST_TYPES: Array<[string, string]> = [
	['Change Identifier', 'CHANGE_IDENTIFIER'],
	['Goodwill', 'GOODWILL'],
	['Transaction Update (Retro)', 'TRANSACTION_UPDATE'],
];

const CHANGE_BASE_TYPES: Array<[string, string]> = [
	['Mobile', 'MOBILE'],
	['Email', 'EMAIL'],
	['External ID', 'EXTERNAL_ID'],
	['Merge Accounts', 'MERGE'],
	['Mobile Reallocation', 'MOBILE_REALLOC'],
];

const GOODWILL_BASE_TYPES: Array<[string, string]> = [
	['Points', 'POINTS'],
	['Coupon', 'COUPON'],
];

const ALL_BASE_TYPES: Array<[string, string]> = [
	...CHANGE_BASE_TYPES,
	['Address', 'ADDRESS'],
	...GOODWILL_BASE_TYPES,
	['Retro Transaction', 'RETRO'],
];

const V11_CUSTOMER_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'external_id'],
	['Customer ID', 'id'],
];

const STATUSES: Array<[string, string]> = [
	['Pending', 'PENDING'],
	['Approved', 'APPROVED'],
	['Rejected', 'REJECTED'],
];

function v11Customer(prefix: 'customer' | 'target', label: string, description: string, show?: Record<string, string[]>): INodeProperties[] {
	const path = prefix === 'customer' ? 'customer' : 'misc_info.target_customer';
	const displayOptions = show ? { show } : undefined;
	return [
		{
			displayName: `${label} Identifier Type`,
			name: `${prefix}IdentifierType`,
			type: 'options',
			options: options(V11_CUSTOMER_TYPES),
			default: 'mobile',
			description,
			...(displayOptions ? { displayOptions } : {}),
		},
		{
			displayName: `${label} Identifier Value`,
			name: `${prefix}IdentifierValue`,
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			description: `Value of that identifier of the ${label.toLowerCase()}, e.g. the mobile number with country code`,
			routing: toBody(`=${path}.{{ $parameter.${prefix}IdentifierType }}`),
			...(displayOptions ? { displayOptions } : {}),
		},
	];
}

const requestTypeField = (values: Array<[string, string]>, description: string, where: 'body' | 'query' = 'body'): INodeProperties => ({
	displayName: 'Request Type',
	name: 'requestType',
	type: 'options',
	options: options(values),
	default: 'CHANGE_IDENTIFIER',
	description,
	routing: where === 'body' ? toBody('type') : toQuery('type'),
});

const baseTypeField = (description: string, where: 'body' | 'query' = 'body'): INodeProperties => ({
	displayName: 'Base Type',
	name: 'baseType',
	type: 'options',
	options: options(ALL_BASE_TYPES),
	default: 'MOBILE',
	description,
	routing: where === 'body' ? toBody('base_type') : toQuery('base_type'),
});

const v11RequestId: INodeProperties = {
	displayName: 'Request ID',
	name: 'requestId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '789850',
	description: 'ID of the pending request (the ID Add returned, or from Get Many)',
	routing: toBody('id'),
};

const customerFilters = [
	optionalField('Customer Mobile', 'mobile', 'string', 'Only requests of the customer with this mobile number'),
	optionalField('Customer Email', 'email', 'string', 'Only requests of the customer with this email ID'),
	optionalField('Customer External ID', 'external_id', 'string', 'Only requests of the customer with this external ID'),
];

/** Show a field only for these base types of a change-identifier request. */
const forChange = (...baseTypes: string[]) => ({ show: { requestType: ['CHANGE_IDENTIFIER'], changeBaseType: baseTypes } });
const forGoodwill = (...baseTypes: string[]) => ({ show: { requestType: ['GOODWILL'], goodwillBaseType: baseTypes } });

const addFields: INodeProperties[] = [
	{
		displayName: 'Request Type',
		name: 'requestType',
		type: 'options',
		options: options(REQUEST_TYPES.slice(0, 2)),
		default: 'CHANGE_IDENTIFIER',
		description: 'Change an identifier, merge or reallocate accounts, or issue goodwill points or a coupon. Retro transactions have their own operation.',
		routing: toBody('type'),
	},
	{
		displayName: 'Base Type',
		name: 'changeBaseType',
		type: 'options',
		options: options(CHANGE_BASE_TYPES),
		default: 'MOBILE',
		description: 'What changes',
		displayOptions: { show: { requestType: ['CHANGE_IDENTIFIER'] } },
		routing: toBody('base_type'),
	},
	{
		displayName: 'Base Type',
		name: 'goodwillBaseType',
		type: 'options',
		options: options(GOODWILL_BASE_TYPES),
		default: 'POINTS',
		description: 'What the customer gets',
		displayOptions: { show: { requestType: ['GOODWILL'] } },
		routing: toBody('base_type'),
	},
	...v11Customer('customer', 'Customer', 'Which identifier of the customer you know (the source account for merges and reallocations)'),
	{
		displayName: 'Old Value',
		name: 'oldValue',
		type: 'string',
		default: '',
		description: 'Current value of the identifier (for reallocation: the mobile number that moves)',
		displayOptions: forChange('MOBILE', 'EMAIL', 'EXTERNAL_ID', 'MOBILE_REALLOC'),
		routing: toBody('old_value'),
	},
	{
		displayName: 'New Value',
		name: 'newValue',
		type: 'string',
		required: true,
		default: '',
		description: 'The new mobile number, email ID or external ID',
		displayOptions: forChange('MOBILE', 'EMAIL', 'EXTERNAL_ID'),
		routing: toBody('new_value'),
	},
	...v11Customer('target', 'Target Customer', 'The account that survives the merge or receives the mobile number', forChange('MERGE', 'MOBILE_REALLOC').show),
	{
		displayName: 'Points',
		name: 'points',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1 },
		description: 'Goodwill points to issue',
		displayOptions: forGoodwill('POINTS'),
		routing: toBody('points'),
	},
	{
		displayName: 'Coupon Series ID',
		name: 'seriesId',
		type: 'string',
		required: true,
		default: '',
		description: 'Offer (coupon series) to issue the goodwill coupon from; it must be enabled for goodwill in Member Care',
		displayOptions: forGoodwill('COUPON'),
		routing: toBody('series_id'),
	},
	additionalFields([
		optionalField('Reference ID', 'reference_id', 'string', 'Your own unique reference for the request', 'body'),
		optionalField('Reason', 'reason', 'string', 'Why the request is raised, e.g. BILL_ISSUE', 'body'),
		optionalField('Comments', 'comments', 'string', 'Notes for the reviewer', 'body'),
		optionalField('Requested On', 'requested_on', 'string', 'When the customer asked, ISO 8601; now when empty', 'body'),
		{ ...autoApprove, routing: toQuery('client_auto_approve') },
		optionalField('One Step Change', 'is_one_step_change', 'boolean', 'Whether to change the identifier in a single step', 'query'),
		optionalField('Program ID', 'program_id', 'number', 'Loyalty program to issue goodwill points from (multi-program orgs)', 'query'),
	]),
];

const retroFields: INodeProperties[] = [
	constantField('type', 'TRANSACTION_UPDATE', toBody('type')),
	constantField('baseType', 'RETRO', toBody('base_type')),
	constantField('oldType', 'NOT_INTERESTED', toBody('old_type')),
	constantField('newType', 'REGULAR', toBody('new_type')),
	...v11Customer('customer', 'Customer', 'Which identifier of the customer the transaction is tagged to'),
	{
		displayName: 'Transaction ID',
		name: 'transactionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '7099259',
		description: 'ID of the not-interested (non-loyalty) transaction to tag to the customer',
		routing: toBody('transaction_id'),
	},
	additionalFields([
		optionalField('Reference ID', 'reference_id', 'string', 'Your own unique reference for the request', 'body'),
		optionalField('Misc Info', 'misc_info', 'string', 'Anything else about this conversion', 'body'),
		optionalField('Reason', 'reason', 'string', 'Why the transaction is converted', 'body'),
		optionalField('Comments', 'comments', 'string', 'Notes for the reviewer', 'body'),
		{ ...autoApprove, routing: toQuery('client_auto_approve') },
		optionalField('One Step Change', 'is_one_step_change', 'boolean', 'Whether to tag the transaction directly, without validation', 'query'),
	]),
];

function reviewFields(approve: boolean): INodeProperties[] {
	return [
		v11RequestId,
		requestTypeField(REQUEST_TYPES, 'Type of the request (as Add or Get Many shows it)'),
		baseTypeField('Base type of the request (as Add or Get Many shows it)'),
		additionalFields([
			optionalField('Comments', 'updated_comments', 'string', approve ? 'Why the request is approved' : 'Why the request is rejected', 'body'),
			...(approve
				? [
						optionalField('Points', 'points', 'number', 'Goodwill points to issue; the requested points when empty', 'body'),
						optionalField('Coupon Series ID', 'series_id', 'string', 'Coupon series to issue a goodwill coupon from', 'body'),
					]
				: []),
		]),
	];
}

/**
 * request/logs documents `limit` and an ID range (start_id/end_id), no offset; its sample lists the
 * newest request first: Return All pages backwards with end_id = the oldest request ID read (or
 * forwards with start_id, should Capillary list oldest first).
 */
const LOGS_PAGE_SIZE = 100;

export const changeGoodwillOperations: OperationSpec[] = [
	{
		value: 'addChangeOrGoodwill',
		name: 'Add Change or Goodwill Request',
		action: 'Add an identifier change, merge or goodwill request',
		method: 'POST',
		path: '/v1.1/request/add',
		v11Root: 'request',
		hint: 'Requests wait in PENDING until approved (here, in Member Care, or by auto-approval settings). Goodwill coupons use base type COUPON as in the samples; the parameter tables say COUPONS.',
		fields: addFields,
	},
	{
		value: 'sendRetro',
		name: 'Send Retro Request',
		action: 'Request to tag a non-loyalty transaction to a customer',
		method: 'POST',
		path: '/v1.1/request/add',
		v11Root: 'request',
		hint: 'Sends type TRANSACTION_UPDATE with base type RETRO (old type NOT_INTERESTED, new type REGULAR), as in the retro-transaction samples of the docs.',
		fields: retroFields,
	},
	{
		value: 'approve',
		name: 'Approve Change, Goodwill or Retro Request',
		action: 'Approve a pending change, goodwill or retro request',
		method: 'POST',
		path: '/v1.1/request/approve',
		v11Root: 'request',
		fields: reviewFields(true),
	},
	{
		value: 'reject',
		name: 'Reject Change, Goodwill or Retro Request',
		action: 'Reject a pending change, goodwill or retro request',
		method: 'POST',
		path: '/v1.1/request/reject',
		v11Root: 'request',
		fields: reviewFields(false),
	},
	{
		value: 'getManyChangeOrGoodwill',
		name: 'Get Many Change or Goodwill Requests',
		action: 'Get change or goodwill requests with filters',
		method: 'GET',
		path: '/v1.1/request/get',
		hint: 'Capillary groups the answer by request type; the node asks for one type so every request becomes one item.',
		fields: [
			requestTypeField(REQUEST_TYPES, 'Which kind of requests to get', 'query'),
			queryOptions([
				{ ...baseTypeField('Only requests of this base type', 'query') },
				{
					displayName: 'Status',
					name: 'status',
					description: 'Only requests in this status',
					type: 'options',
					options: options(STATUSES),
					default: 'PENDING',
					routing: toQuery('status'),
				},
				dateOnly('Start Date', 'start_date', 'Requests added on or after this date'),
				dateOnly('End Date', 'end_date', 'Requests added before this date'),
				optionalField('Start ID', 'start_id', 'number', 'Requests with an ID from this one'),
				optionalField('End ID', 'end_id', 'number', 'Requests with an ID up to this one'),
				optionalField('Customer ID', 'user_id', 'string', 'Only requests of the customer with this ID'),
				...customerFilters,
			]),
		],
		pagination: { style: 'offset', limitParam: 'limit', offsetParam: 'start_limit', maxPageSize: 50 },
	},
	{
		value: 'getLogs',
		name: 'Get Change or Goodwill Request Logs',
		action: 'Get the change or goodwill request log of a period',
		method: 'GET',
		path: '/v1.1/request/logs',
		fields: [
			requestTypeField(REQUEST_TYPES, 'Which kind of requests', 'query'),
			baseTypeField('Base type of the requests', 'query'),
			dateOnly('Start Date', 'start_date', 'First day of the period', true),
			dateOnly('End Date', 'end_date', 'Last day of the period', true),
			queryOptions([
				{
					displayName: 'Status',
					name: 'status',
					description: 'Only requests in this status',
					type: 'options',
					options: options(STATUSES),
					default: 'PENDING',
					routing: toQuery('status'),
				},
				optionalField('Added By', 'added_by', 'string', 'Only requests added by this associate (associate code)'),
				optionalField('Updated By', 'updated_by', 'string', 'Only requests last updated by this associate (associate code)'),
				optionalField('Request ID', 'request_id', 'number', 'Only this request'),
				optionalField('Start ID', 'start_id', 'number', 'Requests with an ID from this one'),
				optionalField('End ID', 'end_id', 'number', 'Requests with an ID up to this one'),
				optionalField('One Step Change', 'is_one_step_change', 'boolean', 'Whether to return only requests applied in a single step'),
				{
					displayName: 'Approval Type',
					name: 'approvalType',
					description: 'Only requests approved this way: by the client (auto-approve), by org configuration, or with either disabled',
					type: 'options',
					options: options(['CLIENT', 'CONFIG', 'CONFIG_DISABLED', 'CLIENT_DISABLED']),
					default: 'CLIENT',
					routing: toQuery('approval_type'),
				},
				optionalField('Customer ID', 'customer_id', 'string', 'Only requests of the customer with this ID'),
				...customerFilters,
				optionalField('Include Customer IDs', 'user_id', 'boolean', 'Whether to include the customer ID of each request'),
			]),
		],
		pagination: { style: 'window', limitParam: 'limit', maxPageSize: LOGS_PAGE_SIZE, untilParam: 'end_id', sinceParam: 'start_id', positionField: 'id', idField: 'id' },
	},
];
