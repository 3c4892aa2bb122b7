import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, options, optionalField, queryOptions, toBody, toQuery } from '../shared/fields';
import { defineResource } from '../shared/operation';

const REJECTION_STATUSES = options([
	['All Open (Open and Partially Fixed)', 'ALL'],
	['Open', 'OPEN'],
	['Partially Fixed', 'PARTIAL_FIXED'],
	['Fixed', 'FIXED'],
	['Replayed', 'REPLAYED'],
	['Success', 'SUCCESS'],
	['Max Retries Reached', 'MAX_OUT'],
	['Permanently Failed', 'PERMANENT_FAILED'],
]);

/** Comma-separated text → array of trimmed strings; nothing is sent when empty. */
const SPLIT_LIST = '={{ String($value).split(",").map(s => s.trim()).filter(s => s) }}';

/** `yyyy-MM-dd` from a date picker value (or any text that starts with a date). */
const DATE_ONLY = '={{ String($value).slice(0, 10) }}';

const dateOption = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description,
	routing: toQuery(name, DATE_ONLY),
});

/**
 * Each rejected transaction carries its rejection reasons in `errors[]` (`status: false`): that is
 * the data, not a failure of the call. `entityErrorsAreData` asks the executor not to treat it as
 * one (needs the shared OutputSpec flag of that name; see the engineer report).
 */
const rejectedListOutput = { items: 'data', entityErrorsAreData: true };

/** The selection shared by Mark Failed and Retrigger: bill numbers, a customer, error codes. */
function selectionFields(extra: INodeProperties[] = []): INodeProperties[] {
	return [
		{
			displayName: 'Transaction Numbers',
			name: 'transactionNumbers',
			type: 'string',
			default: '',
			placeholder: '1684131125, 1684131126',
			description: 'Bill numbers of the rejected transactions (comma-separated). Leave empty to select by customer or error code (Additional Fields).',
			routing: toBody('transactionNumber', `={{ String($value).trim() ? String($value).split(",").map(s => s.trim()).filter(s => s) : undefined }}`),
		},
		additionalFields([
			optionalField('Customer ID', 'userId', 'number', 'All rejected transactions of this customer', 'body'),
			{
				displayName: 'Error Codes',
				name: 'errorCodes',
				type: 'string',
				default: '',
				placeholder: '683, 684',
				description: 'Rejected transactions with these error codes (comma-separated)',
				routing: toBody('errorCode', SPLIT_LIST),
			},
			...extra,
		]),
	];
}

export const transactionRejection = defineResource({
	value: 'rejectedTransaction',
	name: 'Rejected Transaction',
	description: 'Transactions Capillary rejected, and retriggering them',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get rejected transactions',
			description: 'Transactions Capillary rejected (e.g. unknown item codes), with their errors',
			method: 'GET',
			path: '/v2/organization/rejectedTransactions',
			fields: [
				queryOptions([
					dateOption('Start Date', 'startDate', 'Rejected on or after this day; the last 30 days when no dates are set'),
					dateOption('End Date', 'endDate', 'Rejected on or before this day'),
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: REJECTION_STATUSES,
						default: 'ALL',
						description: 'Processing status of the rejected transactions',
						routing: toQuery('status'),
					},
					optionalField('Error Code', 'errorCode', 'number', 'Only transactions rejected with this error code, e.g. 683'),
					optionalField('Error Value', 'errorValue', 'string', 'Only transactions whose error concerns this value, e.g. an item code'),
					optionalField('Customer ID', 'userId', 'number', 'Only transactions of this customer'),
					optionalField('Transaction Number', 'transactionNumber', 'string', 'Only the rejected transaction with this bill number'),
					optionalField('Include Transaction Payload', 'isTransactionPayloadRequired', 'boolean', 'Whether to include the payload of the rejected request'),
					{
						displayName: 'Sort By',
						name: 'sortBy',
						description: 'Field the rejected transactions are sorted by',
						type: 'options',
						options: options([['Added Date', 'addedDate']]),
						default: 'addedDate',
						routing: toQuery('sortBy'),
					},
				]),
			],
			pagination: { style: 'offset', maxPageSize: 10 },
			output: rejectedListOutput,
			hint: 'Capillary reports limit/offset paging in the response but does not document them as parameters; the node assumes limit and offset work as query parameters.',
		},
		{
			value: 'getRetriggerStatus',
			name: 'Get Retrigger Status',
			action: 'Get the status of a retrigger request',
			description: 'How many transactions of a retrigger succeeded, were fixed, replayed or ran out of retries',
			method: 'GET',
			path: '/v2/organization/rejectedTransactions/retriggerStatus/{retriggerId}',
			fields: [
				{
					displayName: 'Retrigger ID',
					name: 'retriggerId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '5',
					description: 'The retriggerId returned by Retrigger',
				},
			],
		},
		{
			value: 'markFailed',
			name: 'Mark Failed',
			action: 'Mark rejected transactions as permanently failed',
			description: 'Sets the status to PERMANENT_FAILED so they are not retried',
			method: 'PUT',
			path: '/v2/organization/rejectedTransactions/markFailed',
			fields: selectionFields([optionalField('Comments', 'comments', 'string', 'Why the transactions are given up', 'body')]),
		},
		{
			value: 'retrigger',
			name: 'Retrigger',
			action: 'Retrigger rejected transactions',
			description: 'Re-checks the selected rejected transactions and adds those that are now fixed',
			method: 'POST',
			path: '/v2/organization/rejectedTransactions/retrigger',
			fields: selectionFields(),
			hint: 'Capillary does not document this request body; the node assumes the same selection as Mark Failed (transactionNumber, userId, errorCode). Use Get Retrigger Status with the returned retriggerId.',
		},
	],
});
