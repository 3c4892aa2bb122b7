import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, optionalField, options, queryOptions, toBody, toQuery } from '../../shared/fields';
import { asListField, constantField, customerIdentificationFields, V2_LIST_PAGINATION, v2ListFilters, v2RequestId } from '../../shared/requests';
import type { OperationSpec } from '../../shared/types';
import { autoApprove, withDescriptions } from './fields';

/** v2 requests: transactions (and merges) that wait for approval. */

/** The fields of one entry of a body list: each is sent at `<list>[<entry index>].<key>`. */
function entryFields(rows: Array<[displayName: string, key: string, type: 'string' | 'number', description: string]>, list: string): INodeProperties[] {
	return rows.map(([displayName, key, type, description]) => ({
		displayName,
		name: key,
		type,
		default: type === 'number' ? 0 : '',
		description,
		routing: { send: { type: 'body', property: `=${list}[{{$index}}].${key}` } },
	}));
}

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
			values: entryFields([
				['Item Code', 'itemCode', 'string', 'Product SKU of the line item'],
				['Description', 'description', 'string', 'Text of the line item on the bill'],
				['Rate', 'rate', 'number', 'Price of one unit'],
				['Quantity', 'qty', 'number', 'Number of units'],
				['Amount', 'amount', 'number', 'Net amount of the line item (rate × quantity − discount)'],
				['Discount', 'discount', 'number', 'Discount on the line item'],
			], 'transaction.lineItemsV2'),
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
			values: entryFields([
				['Mode', 'mode', 'string', 'A payment mode configured for the org, e.g. CASH'],
				['Value', 'value', 'number', 'Amount paid with this mode'],
				['Notes', 'notes', 'string', 'Free text about this payment'],
			], 'transaction.paymentModes'),
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

export const transactionRequestOperations: OperationSpec[] = [
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
];
