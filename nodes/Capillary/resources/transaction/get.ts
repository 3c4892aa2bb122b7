import { options, optionalField, queryOptions, toQuery } from '../../shared/fields';
import type { OperationSpec } from '../../shared/types';
import { V2_TYPES } from './fields';

/** Reading transactions: by ID, by bill number, or several at once with filters. */

export const getOperations: OperationSpec[] = [
	{
		value: 'get',
		name: 'Get',
		action: 'Get a transaction',
		description: 'Reads a transaction by its ID',
		method: 'GET',
		path: '/v2/transactions/{transactionId}',
		fields: [
			{
				displayName: 'Transaction ID',
				name: 'transactionId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '2147866485',
				description: 'Capillary ID of the transaction (createdId of Add)',
			},
			queryOptions([
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: V2_TYPES,
					default: 'REGULAR',
					description: 'Type of the transaction; Capillary assumes REGULAR, so set it to read a return',
					routing: toQuery('type'),
				},
				optionalField('Payment Modes', 'tenders', 'boolean', 'Whether to include the payment modes'),
				optionalField('Credit Notes', 'credit_notes', 'boolean', 'Whether to include credit notes (added with v1.1 transactions)'),
			]),
		],
	},
	{
		value: 'getByBillNumber',
		name: 'Get by Bill Number',
		action: 'Get transactions by bill number',
		description: 'All transactions with a bill number (a bill and its returns), one item each',
		method: 'GET',
		path: '/v2/transactions/getByBillNumber/{billNumber}',
		fields: [
			{
				displayName: 'Bill Number',
				name: 'billNumber',
				description: 'Bill number shared by the bill and its returns',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'BILL-1001',
			},
		],
		pagination: { style: 'none' },
	},
];

export const getManyByBillOrIdOperation: OperationSpec = {
	value: 'getManyByBillOrId',
	name: 'Get Many by Bill or ID',
	action: 'Get transactions by bill numbers or IDs',
	description: 'Reads several transactions at once by bill numbers or IDs, filtered by store, till, amount, date or type, one item each. GET v1.1/transaction/get.',
	method: 'GET',
	path: '/v1.1/transaction/get',
	fields: [
		{
			displayName: 'Look Up By',
			name: 'lookUpBy',
			description: 'Whether the values below are bill numbers or transaction IDs',
			type: 'options',
			options: [
				{ name: 'Bill Number', value: 'number' },
				{ name: 'Transaction ID', value: 'id' },
			],
			default: 'number',
		},
		{
			displayName: 'Value',
			name: 'lookUpValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'BILL7',
			description: 'Bill number(s) or transaction ID(s); several comma-separated',
			routing: toQuery('={{ $parameter.lookUpBy }}'),
		},
		queryOptions([
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: options([
					['Regular', 'REGULAR'],
					['Return', 'RETURN'],
					['Not Interested', 'NOT_INTERESTED'],
					['Not Interested Return', 'NOT_INTERESTED_RETURN'],
					['Mixed', 'MIXED'],
					['Not Interested Mixed', 'NI_MIXED'],
					['All', 'ALL'],
				]),
				default: 'REGULAR',
				description: 'Type of transactions to read; Capillary assumes REGULAR',
				routing: toQuery('type'),
			},
			optionalField('Store Code', 'store_code', 'string', 'Only transactions of this store'),
			optionalField('Till Code', 'till_code', 'string', 'Only transactions of this till'),
			optionalField('Amount', 'amount', 'number', 'Only transactions of this amount'),
			optionalField('Date', 'date', 'string', 'Only transactions of this day, YYYY-MM-DD'),
			optionalField('Payment Details', 'tenders', 'boolean', 'Whether to include the payment details'),
			optionalField('Credit Notes', 'credit_notes', 'boolean', 'Whether to include credit notes'),
			optionalField('Customer ID', 'user_id', 'boolean', 'Whether to include the customer ID'),
		]),
	],
};
