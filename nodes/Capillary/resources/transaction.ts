import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, NodePropertyTypes } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	bodyInput,
	jsonField,
	keyValueField,
	options,
	optionalField,
	queryOptions,
	sourceField,
	toBody,
	toQuery,
	v11FieldList,
	v2IdentifierFields,
} from '../shared/fields';
import { defineResource } from '../shared/operation';
import { transactionEarningOperations } from './transactionEarning';

// ---------------------------------------------------------------------------------------------
// Shared values
// ---------------------------------------------------------------------------------------------

const V2_TYPES = options([
	['Regular', 'REGULAR'],
	['Return', 'RETURN'],
	['Not Interested', 'NOT_INTERESTED'],
	['Not Interested Return', 'NOT_INTERESTED_RETURN'],
]);

const DELIVERY_STATUSES = options([
	['Placed', 'PLACED'],
	['Processed', 'PROCESSED'],
	['Shipped', 'SHIPPED'],
	['Delivered', 'DELIVERED'],
	['Returned', 'RETURNED'],
]);

const OUTLIER_STATUSES = options([
	['Normal', 'NORMAL'],
	['Internal', 'INTERNAL'],
	['Fraud', 'FRAUD'],
	['Outlier', 'OUTLIER'],
	['Test', 'TEST'],
	['Deleted', 'DELETED'],
	['Failed', 'FAILED'],
	['Other', 'OTHER'],
]);

/**
 * Fields of a bodyInput that depend on another structured field: "Input Mode" is checked first, so
 * in JSON mode the (then absent) structured field is never read.
 */
const FIELDS_MODE = { bodyInput: ['fields'] };

/** Comma-separated text → array; numeric entries become numbers (redemption IDs are numbers). */
const ID_LIST = '={{ String($value).split(",").map(s => s.trim()).filter(s => s).map(s => /^\\d+$/.test(s) ? Number(s) : s) }}';
const TEXT_LIST = '={{ String($value).split(",").map(s => s.trim()).filter(s => s) }}';
/** Optional values inside a list entry: leave empty text out of the request. */
const OMIT_EMPTY = '={{ $value === "" ? undefined : $value }}';

/** A value of one entry of a repeatable list, sent at `<list>[i].<property>`. */
function entryValue(
	displayName: string,
	name: string,
	type: 'string' | 'number',
	property: string,
	description?: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	const field: INodeProperties = {
		displayName,
		name,
		type: type as NodePropertyTypes,
		default: type === 'number' ? 0 : '',
		routing: { send: { type: 'body', property: `=${property}[{{$index}}].${name}`, ...(type === 'string' ? { value: OMIT_EMPTY } : {}) } },
		...extra,
	};
	if (description) field.description = description;
	return field;
}

function repeatable(displayName: string, name: string, entryName: string, description: string, values: INodeProperties[]): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${entryName}`,
		default: {},
		description,
		options: [{ displayName: entryName, name: 'entry', values }],
	};
}

/**
 * Request headers Capillary reads on transaction calls, as an Options-like collection. Each sets
 * its header in a preSend (routing.send has no header target).
 */
function headerOptions(withRequestId = true): INodeProperties {
	const headerSender = (name: string, header: string) => ({
		send: {
			preSend: [
				async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
					const value = String(this.getNodeParameter(`requestHeaders.${name}`, '') ?? '').trim();
					if (value) request.headers = { ...(request.headers ?? {}), [header]: value };
					return request;
				},
			],
		},
	});
	const headers: INodeProperties[] = [
		{
			displayName: 'Direct Replay',
			name: 'directReplay',
			type: 'options',
			options: [
				{ name: 'Queue Loyalty Events (True)', value: 'true', description: 'Add the transaction now and run its loyalty events later' },
				{ name: 'Run Loyalty Events Now (False)', value: 'false', description: 'Run the loyalty events before answering and return their side effects' },
			],
			default: 'false',
			description: 'Sent as the X-CAP-DIRECT-REPLAY header',
			routing: headerSender('directReplay', 'X-CAP-DIRECT-REPLAY'),
		},
	];
	if (withRequestId) {
		headers.push({
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			description: 'Your own ID for tracing this call, sent as the X-CAP-REQUEST-ID header',
			routing: headerSender('requestId', 'X-CAP-REQUEST-ID'),
		});
	}
	return {
		displayName: 'Request Headers',
		name: 'requestHeaders',
		type: 'collection',
		placeholder: 'Add Header',
		default: {},
		description: 'Headers Capillary reads on transaction calls',
		options: headers,
	};
}

// ---------------------------------------------------------------------------------------------
// v2 fields
// ---------------------------------------------------------------------------------------------

const v2CustomerQuery = (): INodeProperties[] => [...v2IdentifierFields(), sourceField({ required: true }), accountIdField()];

const v2LineItems = repeatable('Line Items', 'lineItems', 'Line Item', 'Items of the bill (lineItemsV2)', [
	entryValue('Item Code', 'itemCode', 'string', 'lineItemsV2', 'Product SKU of the line item'),
	entryValue('Description', 'description', 'string', 'lineItemsV2', 'Text of the line item on the bill'),
	entryValue('Quantity', 'qty', 'number', 'lineItemsV2', 'Number of units', { default: 1 }),
	entryValue('Rate', 'rate', 'number', 'lineItemsV2', 'Price of one unit'),
	entryValue('Discount', 'discount', 'number', 'lineItemsV2', 'Discount on the line item'),
	entryValue('Amount', 'amount', 'number', 'lineItemsV2', 'Net amount of the line item (rate × quantity − discount)'),
	entryValue('Serial', 'serial', 'string', 'lineItemsV2', 'Serial number of the line item on the bill'),
]);

const v2PaymentModes = repeatable('Payment Modes', 'paymentModes', 'Payment Mode', 'How the bill was paid', [
	entryValue('Mode', 'mode', 'string', 'paymentModes', 'A payment mode configured for the org, e.g. CASH'),
	entryValue('Value', 'value', 'number', 'paymentModes', 'Amount paid with this mode'),
	entryValue('Notes', 'notes', 'string', 'paymentModes', 'Free text about this payment'),
]);

const v2AddFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: V2_TYPES,
		default: 'REGULAR',
		description: 'REGULAR for a loyalty purchase, RETURN to return (part of) an earlier bill',
		routing: toBody('type'),
	},
	{
		displayName: 'Bill Number',
		name: 'billNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'BILL-1001',
		description: 'Unique transaction number; for a return, the number of the original bill',
		routing: toBody('billNumber'),
	},
	{
		displayName: 'Bill Amount',
		name: 'billAmount',
		type: 'number',
		required: true,
		default: 0,
		description: 'Net amount of the bill (after discount); for a return, the amount returned',
		routing: toBody('billAmount'),
	},
	{
		displayName: 'Return Type',
		name: 'returnType',
		description: 'How much of the original bill comes back: an amount, the full bill, some line items, or a cancellation',
		type: 'options',
		options: options([
			['Amount', 'AMOUNT'],
			['Full', 'FULL'],
			['Line Item', 'LINE_ITEM'],
			['Cancelled', 'CANCELLED'],
		]),
		default: 'AMOUNT',
		displayOptions: { show: { ...FIELDS_MODE, type: ['RETURN', 'NOT_INTERESTED_RETURN'] } },
		routing: toBody('returnType'),
	},
	v2LineItems,
	v2PaymentModes,
	additionalFields([
		optionalField('Billing Date', 'billingDate', 'string', 'When the purchase happened, ISO 8601 (e.g. 2026-01-05T20:01:51+05:30); now when empty', 'body'),
		optionalField('Gross Amount', 'grossAmount', 'number', 'Bill amount before discount', 'body'),
		optionalField('Discount', 'discount', 'number', 'Discount on the bill', 'body'),
		optionalField('Note', 'note', 'string', 'Free text about the transaction', 'body'),
		{
			displayName: 'Delivery Status',
			name: 'deliveryStatus',
			type: 'options',
			options: DELIVERY_STATUSES,
			default: 'DELIVERED',
			description: 'Where the order of the bill stands',
			routing: toBody('deliveryStatus'),
		},
		{
			displayName: 'Outlier Status',
			name: 'outlierStatus',
			type: 'options',
			options: OUTLIER_STATUSES,
			default: 'NORMAL',
			description: 'Overrides the outlier status the org rules would give',
			routing: toBody('outlierStatus'),
		},
		optionalField('Currency Code', 'currencyCode', 'string', 'ISO code of the bill currency (e.g. USD); with Add With Local Currency the amount is converted with the org ratio', 'body'),
		optionalField('Add With Local Currency', 'addWithLocalCurrency', 'boolean', 'Whether the amounts are in the currency of Currency Code', 'body'),
		optionalField('Not Interested Reason', 'notInterestedReason', 'string', 'Why the customer did not enrol (NOT_INTERESTED bills), up to 255 characters', 'body'),
		optionalField('User Group ID', 'userGroup2Id', 'number', 'Tag the transaction to this user group', 'body'),
		optionalField('User Group External ID', 'userGroup2ExternalId', 'string', 'Tag the transaction to the user group with this external ID', 'body'),
		optionalField('User Group Primary User ID', 'userGroup2PrimaryUserId', 'number', 'Tag the transaction to the group of this primary member', 'body'),
		{
			displayName: 'Points Redemption IDs',
			name: 'pointsRedemptions',
			type: 'string',
			default: '',
			description: 'Points redemptions to apply to the bill (comma-separated IDs)',
			routing: toBody('redemptions.pointsRedemptions', ID_LIST),
		},
		{
			displayName: 'Coupon Redemption IDs',
			name: 'couponRedemptions',
			type: 'string',
			default: '',
			description: 'Coupon redemptions to apply to the bill (comma-separated IDs)',
			routing: toBody('redemptions.couponRedemptions', ID_LIST),
		},
		{
			displayName: 'Loyalty Promotion Identifiers',
			name: 'loyaltyPromotionIdentifiers',
			type: 'string',
			default: '',
			description: 'Loyalty promotions to tag to the transaction (comma-separated)',
			routing: toBody('loyaltyPromotionIdentifiers', TEXT_LIST),
		},
		optionalField('Promotion Evaluation ID', 'promotionEvaluationId', 'string', 'Cart/catalog promotion evaluation applied to the bill', 'body'),
		{
			displayName: 'Applied Promotion Identifiers',
			name: 'appliedPromotionIdentifiers',
			type: 'string',
			default: '',
			description: 'Base64-encoded cart/catalog promotion identifiers (comma-separated)',
			routing: toBody('appliedPromotionIdentifiers', TEXT_LIST),
		},
		keyValueField('Extended Fields', 'extendedFields', 'extendedFields', 'Transaction-level extended fields (configured in the org)', 'getTransactionExtendedFields'),
		keyValueField('Custom Fields', 'customFields', 'customFields', 'Transaction-level custom fields (configured in the org)'),
	]),
];

// ---------------------------------------------------------------------------------------------
// v1.1 fields
// ---------------------------------------------------------------------------------------------

const V11_CUSTOMER_TYPES = options([
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'external_id'],
	['Customer ID', 'id'],
]);

const WITH_CUSTOMER = ['regular', 'return', 'mixed'];

function v11AddFields(localCurrency: boolean): INodeProperties[] {
	return bodyInput(
		[
			{
				displayName: 'Type',
				name: 'v11Type',
				description: 'Regular bill, return, not-interested bill (customer did not enrol) or exchange (mixed)',
				type: 'options',
				options: options([
					['Regular', 'regular'],
					['Return', 'return'],
					['Not Interested', 'not_interested'],
					['Not Interested Return', 'not_interested_return'],
					['Mixed (Exchange)', 'mixed'],
				]),
				default: 'regular',
				routing: toBody('type'),
			},
			{
				displayName: 'Bill Number',
				name: 'number',
				description: 'Unique bill number; for a return, the number of the original bill',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'BILL99',
				routing: toBody('number'),
			},
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				required: true,
				default: 0,
				description: localCurrency ? 'Net bill amount in the bill currency' : 'Net bill amount (after discount)',
				routing: toBody('amount'),
			},
			{
				displayName: 'Billing Time',
				name: 'billingTime',
				type: 'string',
				required: true,
				default: '={{ $now.toFormat("yyyy-MM-dd HH:mm:ss") }}',
				description: 'When the purchase happened, YYYY-MM-DD HH:MM:SS',
				routing: toBody('billing_time'),
			},
			{
				displayName: 'Customer Identifier Type',
				name: 'v11CustomerType',
				description: 'Which identifier of the customer you know',
				type: 'options',
				options: V11_CUSTOMER_TYPES,
				default: 'mobile',
				displayOptions: { show: { ...FIELDS_MODE, v11Type: WITH_CUSTOMER } },
			},
			{
				displayName: 'Customer Identifier Value',
				name: 'v11CustomerValue',
				type: 'string',
				required: true,
				default: '',
				placeholder: '919999000000',
				description: 'A new mobile, email or external ID registers the customer with the bill',
				displayOptions: { show: { ...FIELDS_MODE, v11Type: WITH_CUSTOMER } },
				routing: toBody('=customer.{{ $parameter.v11CustomerType }}'),
			},
			{
				displayName: 'Return Type',
				name: 'v11ReturnType',
				description: 'How much of the original bill comes back: an amount, some line items or the full bill',
				type: 'options',
				options: options([
					['Amount', 'AMOUNT'],
					['Line Item', 'LINE_ITEM'],
					['Full', 'FULL'],
				]),
				default: 'AMOUNT',
				displayOptions: { show: { ...FIELDS_MODE, v11Type: ['return', 'not_interested_return'] } },
				routing: toBody('return_type'),
			},
			{
				displayName: 'Purchase Time',
				name: 'purchaseTime',
				type: 'string',
				default: '',
				placeholder: '2026-01-05',
				description: 'Date of the original bill, YYYY-MM-DD',
				displayOptions: { show: { ...FIELDS_MODE, v11Type: ['return', 'not_interested_return'] } },
				routing: toBody('purchase_time', OMIT_EMPTY),
			},
			repeatable('Line Items', 'v11LineItems', 'Line Item', 'Items of the bill (line_items.line_item)', [
				entryValue('Item Code', 'item_code', 'string', 'line_items.line_item', 'Product SKU of the line item'),
				entryValue('Description', 'description', 'string', 'line_items.line_item', 'Text of the line item on the bill'),
				entryValue('Quantity', 'qty', 'number', 'line_items.line_item', 'Number of units', { default: 1 }),
				entryValue('Rate', 'rate', 'number', 'line_items.line_item', 'Price of one unit'),
				entryValue('Value', 'value', 'number', 'line_items.line_item', 'Rate × quantity before discount'),
				entryValue('Discount', 'discount', 'number', 'line_items.line_item', 'Discount on the line item'),
				entryValue('Amount', 'amount', 'number', 'line_items.line_item', 'Net amount of the line item'),
				entryValue('Serial', 'serial', 'string', 'line_items.line_item', 'Serial number of the line item on the bill'),
			]),
			repeatable('Payment Modes', 'v11Payments', 'Payment', 'How the bill was paid (payment_details.payment)', [
				entryValue('Mode', 'mode', 'string', 'payment_details.payment', 'A payment mode configured for the org, e.g. CASH'),
				entryValue('Value', 'value', 'number', 'payment_details.payment', 'Amount paid with this mode'),
				entryValue('Notes', 'notes', 'string', 'payment_details.payment', 'Free text about this payment'),
			]),
			additionalFields([
				optionalField('First Name', 'customer.firstname', 'string', 'First name, used when the bill registers a new customer', 'body', 'firstname'),
				optionalField('Last Name', 'customer.lastname', 'string', 'Last name, used when the bill registers a new customer', 'body', 'lastname'),
				optionalField('Gross Amount', 'gross_amount', 'number', 'Bill amount before discount', 'body'),
				optionalField('Discount', 'discount', 'number', 'Discount on the bill', 'body'),
				optionalField('Notes', 'notes', 'string', 'Free text about the bill', 'body'),
				optionalField(
					'Currency Code',
					'currency_code',
					'string',
					localCurrency ? 'ISO code of the bill currency (e.g. USD); the org base currency when empty' : 'ISO code of the bill currency, e.g. INR',
					'body',
				),
				optionalField('Bill Client ID', 'bill_client_id', 'string', 'Your own ID of the bill', 'body'),
				optionalField('Parent Bill Number', 'parent_bill_number', 'string', 'For exchanges (mixed) and returns: the bill the items came from', 'body'),
				optionalField('Referral Code', 'referral_code', 'string', 'Referral code for a new customer registering with this bill', 'body'),
				optionalField('Not Interested Reason', 'not_interested_reason', 'string', 'Why the customer did not enrol (not-interested bills)', 'body'),
				{
					displayName: 'Outlier Status',
					name: 'outlierStatus',
					type: 'options',
					options: OUTLIER_STATUSES,
					default: 'NORMAL',
					description: 'Overrides the outlier status the org rules would give',
					routing: toBody('outlier_status'),
				},
				{
					displayName: 'Delivery Status',
					name: 'deliveryStatus',
					type: 'options',
					options: DELIVERY_STATUSES,
					default: 'DELIVERED',
					description: 'Where the order of the bill stands',
					routing: toBody('delivery_status'),
				},
				{ ...sourceField({ routing: toBody('source') }), description: 'Channel of the bill' },
				v11FieldList('Extended Fields', 'extendedFields', 'extended_fields', 'Transaction-level extended fields', true, 'getTransactionExtendedFields'),
				v11FieldList('Custom Fields', 'customFields', 'custom_fields', 'Transaction-level custom fields'),
			]),
		],
		'One transaction as it goes inside root.transaction (an array adds several in one call), e.g. {"type": "regular", "number": "BILL99", "amount": 500, "billing_time": "2026-01-05 10:00:00", "customer": {"mobile": "919999000000"}}',
	);
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

export const transaction = defineResource({
	value: 'transaction',
	name: 'Transaction',
	description: 'Add, return, update and read purchases',
	default: 'add',
	operations: [
		{
			value: 'add',
			name: 'Add or Return',
			action: 'Add or return a transaction',
			description: 'Adds a purchase (or a return of one) for a customer; points and coupons follow from the loyalty rules',
			method: 'POST',
			path: '/v2/transactions',
			fields: [
				...v2CustomerQuery(),
				...bodyInput(
					v2AddFields,
					'The transaction body of POST v2/transactions, e.g. {"type": "REGULAR", "billNumber": "BILL-1", "billAmount": 200, "lineItemsV2": [{"itemCode": "SKU-1", "qty": 1, "rate": 200, "amount": 200}]}',
				),
				queryOptions([
					optionalField('Run Loyalty in Background', 'use_async', 'boolean', 'Whether to run the loyalty events in the background; side effects are then not returned'),
					optionalField('Raw Side Effects', 'rawSideEffects', 'boolean', 'Whether to return the full incentive details (award strategy, expiry, program)'),
				]),
				headerOptions(),
			],
		},
		{
			value: 'addBulk',
			name: 'Add or Return in Bulk',
			action: 'Add or return transactions in bulk',
			description: 'Adds many transactions in one call; one output item per transaction with its own success or error',
			method: 'POST',
			path: '/v2/transactions/bulk',
			fields: [
				jsonField(
					'Transactions (JSON)',
					'transactions',
					{ in: 'body' },
					'Array of transactions; each names its customer with identifierType, identifierValue and source, e.g. [{"identifierType": "mobile", "identifierValue": "919111111111", "source": "INSTORE", "type": "REGULAR", "billNumber": "B-1", "billAmount": 100}]. Use an expression such as {{ JSON.stringify($json.transactions) }} to pass them from the input.',
					{ required: true, default: '[]' },
				),
				headerOptions(),
			],
			output: { perEntityStatus: true },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a transaction',
			description: 'Changes the delivery status, extended and custom fields of a transaction',
			method: 'PUT',
			path: '/v2/transactions',
			fields: [
				...v2CustomerQuery(),
				{
					displayName: 'Find Transaction By',
					name: 'transactionKey',
					description: 'Whether you know the transaction ID or the bill number',
					type: 'options',
					options: [
						{ name: 'Transaction ID', value: 'id' },
						{ name: 'Bill Number', value: 'number', description: 'The latest transaction of the customer with this number' },
					],
					default: 'id',
				},
				{
					displayName: 'Transaction ID or Bill Number',
					name: 'transactionKeyValue',
					description: 'The transaction ID or the bill number, as chosen above',
					type: 'string',
					required: true,
					default: '',
					placeholder: '2148327179',
					routing: toBody('={{ $parameter.transactionKey }}', '={{ $parameter.transactionKey === "id" ? Number($value) : $value }}'),
				},
				additionalFields([
					{
						displayName: 'Delivery Status',
						name: 'deliveryStatus',
						type: 'options',
						options: DELIVERY_STATUSES,
						default: 'DELIVERED',
						description: 'New delivery status of the order',
						routing: toBody('deliveryStatus'),
					},
					optionalField('Till Code', 'tillCode', 'string', 'Till the update is recorded against', 'body'),
					{
						displayName: 'Loyalty Promotion Identifiers',
						name: 'loyaltyPromotionIdentifiers',
						type: 'string',
						default: '',
						description: 'Loyalty promotions to tag to the transaction (comma-separated)',
						routing: toBody('loyaltyPromotionIdentifiers', TEXT_LIST),
					},
					keyValueField('Extended Fields', 'extendedFields', 'extendedFields', 'Extended fields to set', 'getTransactionExtendedFields'),
					keyValueField('Custom Fields', 'customFields', 'customFields', 'Custom fields to set'),
				]),
				headerOptions(false),
			],
		},
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
		{
			value: 'addWithSignUp',
			name: 'Add with Sign-Up or Exchange',
			action: 'Add a transaction that signs up its customer or exchanges items',
			description: 'Adds a regular, return, exchange (mixed) or not-interested bill; an unknown identifier signs the customer up with first and last name and referral code; a JSON array adds several bills in one call. POST v1.1/transaction/add.',
			method: 'POST',
			path: '/v1.1/transaction/add',
			v11Root: 'transaction',
			fields: v11AddFields(false),
		},
		{
			value: 'addWithLocalCurrency',
			name: 'Add with Local Currency',
			action: 'Add a transaction in a local currency',
			description: 'Adds a bill in another currency; Capillary converts it to the org base currency with the org conversion ratio. POST v1.1/transaction/add_with_local_currency.',
			method: 'POST',
			path: '/v1.1/transaction/add_with_local_currency',
			v11Root: 'transaction',
			fields: v11AddFields(true),
			hint: 'Capillary does not name the currency parameter of this endpoint; the node sends currency_code like transaction/add. Without it the bill is taken in the org base currency.',
		},
		{
			value: 'updateOrConvert',
			name: 'Update or Convert to Loyalty',
			action: 'Update a transaction or convert a not-interested bill to loyalty',
			description: 'Updates custom and extended fields, or tags a not-interested bill to a customer and awards its points (retro conversion). POST v1.1/transaction/update.',
			method: 'POST',
			path: '/v1.1/transaction/update',
			v11Root: 'transaction',
			fields: [
				{
					displayName: 'Find Transaction By',
					name: 'transactionKey',
					description: 'Whether you know the transaction ID or the bill number',
					type: 'options',
					options: [
						{ name: 'Transaction ID', value: 'id' },
						{ name: 'Bill Number', value: 'number', description: 'The latest transaction with this number' },
					],
					default: 'id',
				},
				{
					displayName: 'Transaction ID or Bill Number',
					name: 'transactionKeyValue',
					description: 'The transaction ID or the bill number, as chosen above',
					type: 'string',
					required: true,
					default: '',
					routing: toBody('={{ $parameter.transactionKey }}'),
				},
				{
					displayName: 'Customer Identifier Type',
					name: 'v11CustomerType',
					description: 'Which identifier of the customer you know',
					type: 'options',
					options: V11_CUSTOMER_TYPES,
					default: 'mobile',
				},
				{
					displayName: 'Customer Identifier Value',
					name: 'v11CustomerValue',
					type: 'string',
					required: true,
					default: '',
					description: 'The customer of the transaction (for a retro conversion: the customer to tag it to)',
					routing: toBody('=customer.{{ $parameter.v11CustomerType }}'),
				},
				additionalFields([
					{
						displayName: 'Convert To',
						name: 'type',
						type: 'options',
						options: options([
							['Regular (Retro Conversion of a Not-Interested Bill)', 'REGULAR'],
							['Not Interested', 'NOT_INTERESTED'],
						]),
						default: 'REGULAR',
						description: 'Type to give the transaction; REGULAR tags a not-interested bill to the customer and awards its points',
						routing: toBody('type'),
					},
					optionalField('Notes', 'notes', 'string', 'Reason for the update', 'body'),
					optionalField('Update Till', 'update_till', 'string', 'Till code the update is recorded against', 'body'),
					v11FieldList('Extended Fields', 'extendedFields', 'extended_fields', 'Extended fields to set', true, 'getTransactionExtendedFields'),
					v11FieldList('Custom Fields', 'customFields', 'custom_fields', 'Custom fields to set'),
				]),
			],
		},
		{
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
		},
		...transactionEarningOperations,
	],
});
