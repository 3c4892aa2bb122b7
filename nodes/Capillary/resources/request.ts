import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	bodyInput,
	optionalField,
	options,
	queryOptions,
	toBody,
	toQuery,
} from '../shared/fields';
import { defineResource } from '../shared/operation';
import {
	asListField,
	constantField,
	customerIdentificationFields,
	dateOnly,
	V2_LIST_PAGINATION,
	v2ListFilters,
	v2RequestId,
} from '../shared/requests';

/**
 * Requests Capillary reviews before they take effect: identifier changes, account merges, goodwill
 * points/coupons and retro transactions (v1.1 request/*), and transaction or merge requests (v2
 * requests). PII deletion requests share the v2 endpoints and live in their own resource
 * (piiDeletion.ts); both build on shared/requests.ts.
 */

// ---------------------------------------------------------------------------------------------
// v1.1 request/*
// ---------------------------------------------------------------------------------------------

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

const autoApprove = optionalField(
	'Client Auto Approve',
	'client_auto_approve',
	'boolean',
	'Whether to approve the request right away, overriding the org\'s approval settings (Capillary advises against it in normal use)',
);

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
 * Adds descriptions to the fields (or collection options) named in `descriptions` that have none:
 * the shared request builders leave some to the resource that knows what they mean here.
 */
function withDescriptions(field: INodeProperties, descriptions: Record<string, string>): INodeProperties;
function withDescriptions(field: INodeProperties[], descriptions: Record<string, string>): INodeProperties[];
function withDescriptions(field: INodeProperties | INodeProperties[], descriptions: Record<string, string>): INodeProperties | INodeProperties[] {
	const one = (f: INodeProperties): INodeProperties => (f.description || !descriptions[f.name] ? f : { ...f, description: descriptions[f.name] });
	if (Array.isArray(field)) return field.map(one);
	return { ...field, options: (field.options as INodeProperties[] | undefined)?.map(one) };
}

/**
 * request/logs documents `limit` and an ID range (start_id/end_id), no offset; its sample lists the
 * newest request first: Return All pages backwards with end_id = the oldest request ID read (or
 * forwards with start_id, should Capillary list oldest first).
 */
const LOGS_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------------
// v2 transaction requests
// ---------------------------------------------------------------------------------------------

const lineItemFields: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line Item',
	default: {},
	description: 'Items of the bill (transaction.lineItemsV2)',
	options: [
		{
			displayName: 'Line Item',
			name: 'item',
			values: [
				['Item Code', 'itemCode', 'string', 'Product SKU of the line item'],
				['Description', 'description', 'string', 'Text of the line item on the bill'],
				['Rate', 'rate', 'number', 'Price of one unit'],
				['Quantity', 'qty', 'number', 'Number of units'],
				['Amount', 'amount', 'number', 'Net amount of the line item (rate × quantity − discount)'],
				['Discount', 'discount', 'number', 'Discount on the line item'],
			].map(([displayName, key, type, description]) => ({
				displayName,
				name: key,
				type: type as 'string' | 'number',
				default: type === 'number' ? 0 : '',
				description,
				routing: { send: { type: 'body' as const, property: `=transaction.lineItemsV2[{{$index}}].${key}` } },
			})),
		},
	],
};

const paymentModeFields: INodeProperties = {
	displayName: 'Payment Modes',
	name: 'paymentModes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Payment Mode',
	default: {},
	description: 'How the bill was paid (transaction.paymentModes)',
	options: [
		{
			displayName: 'Payment Mode',
			name: 'mode',
			values: [
				['Mode', 'mode', 'string', 'A payment mode configured for the org, e.g. CASH'],
				['Value', 'value', 'number', 'Amount paid with this mode'],
				['Notes', 'notes', 'string', 'Free text about this payment'],
			].map(([displayName, key, type, description]) => ({
				displayName,
				name: key,
				type: type as 'string' | 'number',
				default: type === 'number' ? 0 : '',
				description,
				routing: { send: { type: 'body' as const, property: `=transaction.paymentModes[{{$index}}].${key}` } },
			})),
		},
	],
};

const transactionRequestFields: INodeProperties[] = [
	constantField('type', 'TRANSACTION', toBody('type')),
	constantField('baseType', 'REGULAR_TXN_ADD', toBody('baseType')),
	constantField('querySource', '', toQuery('source', '={{ $parameter.source }}')),
	...bodyInput(
		[
			...withDescriptions(customerIdentificationFields(), { identifierValue: 'Value of that identifier, e.g. the mobile number with country code' }),
			constantField('transactionType', 'REGULAR', toBody('transaction.type')),
			{
				displayName: 'Bill Number',
				name: 'billNumber',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'BILL-2001',
				description: 'Number of the bill to add once the request is approved',
				routing: toBody('transaction.billNumber'),
			},
			{
				displayName: 'Bill Amount',
				name: 'billAmount',
				type: 'number',
				required: true,
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'Net amount of the bill',
				routing: toBody('transaction.billAmount'),
			},
			{
				displayName: 'Billing Date',
				name: 'billingDate',
				type: 'dateTime',
				default: '',
				description: 'When the purchase happened; now when empty',
				routing: toBody('transaction.billingDate'),
			},
			lineItemFields,
			paymentModeFields,
			additionalFields([
				optionalField('Gross Amount', 'transaction.grossAmount', 'number', 'Amount before discount', 'body', 'grossAmount'),
				optionalField('Discount', 'transaction.discount', 'number', 'Discount on the bill', 'body', 'discount'),
				optionalField('Note', 'transaction.note', 'string', 'Note stored with the transaction', 'body', 'note'),
				optionalField('Delivery Status', 'transaction.deliveryStatus', 'string', 'E.g. PLACED, SHIPPED, DELIVERED', 'body', 'deliveryStatus'),
			]),
		],
		'The whole request body, e.g. {"type": "TRANSACTION", "baseType": "REGULAR_TXN_ADD", "customerIdentificationInfo": {...}, "transaction": {...}}',
	),
	queryOptions([{ ...autoApprove, routing: toQuery('client_auto_approve') }]),
];

const V2_REQUEST_KINDS = {
	type: options([
		['Transaction', 'TRANSACTION'],
		['Change Identifier (Customer Merge)', 'CHANGE_IDENTIFIER'],
	]),
	baseType: options([
		['Regular Transaction Add', 'REGULAR_TXN_ADD'],
		['Merge', 'MERGE'],
	]),
};

export const request = defineResource({
	value: 'request',
	name: 'Request',
	default: 'addTransaction',
	description: 'Goodwill, retro, identifier change and transaction requests',
	operations: [
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
		{
			value: 'addTransaction',
			name: 'Add Transaction Request',
			action: 'Add a transaction request for review',
			method: 'POST',
			path: '/v2/requests',
			hint: 'Sends type TRANSACTION with base type REGULAR_TXN_ADD. The transaction is recorded once the request is approved (Update Status).',
			fields: transactionRequestFields,
		},
		{
			value: 'updateStatus',
			name: 'Update Status',
			action: 'Approve or reject a transaction or merge request',
			method: 'PUT',
			path: '/v2/requests',
			hint: 'A rejected request cannot be approved directly: set it to Pending first.',
			fields: [
				{ displayName: 'Request Type', name: 'requestType', type: 'options', options: V2_REQUEST_KINDS.type, default: 'TRANSACTION', description: 'Type of the request to update (as Get shows it)', routing: toBody('type') },
				{ displayName: 'Base Type', name: 'baseType', type: 'options', options: V2_REQUEST_KINDS.baseType, default: 'REGULAR_TXN_ADD', description: 'Base type of the request to update: Regular Transaction Add for transaction requests, Merge for merge requests', routing: toBody('baseType') },
				{ ...v2RequestId, routing: toBody('id') },
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: options([
						['Approved', 'APPROVED'],
						['Rejected', 'REJECTED'],
						['Pending', 'PENDING'],
						['Custom', 'CUSTOM'],
					]),
					default: 'APPROVED',
					description: 'New status of the request (Custom: an interim status, transaction requests only)',
					routing: toBody('status'),
				},
				additionalFields([optionalField('Comments', 'comments', 'string', 'Why the status changes', 'body')]),
				asListField,
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a transaction or merge request',
			method: 'GET',
			path: '/v2/requests/{requestId}',
			fields: [v2RequestId],
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get transaction or merge requests',
			method: 'GET',
			path: '/v2/requests',
			hint: 'Pages of up to 50. Offset is sent as rows to skip, as the transaction-request page defines it; the merge-request page calls it a page number, and the node switches to that reading if Capillary answers an empty page below its total.',
			fields: [
				{ displayName: 'Request Type', name: 'requestType', type: 'options', options: V2_REQUEST_KINDS.type, default: 'TRANSACTION', description: 'Which kind of requests to get', routing: toQuery('requestType') },
				{ displayName: 'Base Type', name: 'baseType', type: 'options', options: V2_REQUEST_KINDS.baseType, default: 'REGULAR_TXN_ADD', description: 'Regular Transaction Add for transaction requests, Merge for merge requests', routing: toQuery('requestSubType') },
				withDescriptions(v2ListFilters([
					['Pending', 'PENDING'],
					['Approved', 'APPROVED'],
					['Rejected', 'REJECTED'],
					['Success', 'SUCCESS'],
					['Failure', 'FAILURE'],
				]), { sort: 'Which date orders the requests' }),
			],
			pagination: V2_LIST_PAGINATION,
		},
	],
});
