import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, jsonField, keyValueField, options, optionalField, queryOptions, toBody } from '../../shared/fields';
import type { OperationSpec } from '../../shared/types';
import {
	v2CustomerQuery,
	DELIVERY_STATUSES,
	entryValue,
	FIELDS_MODE,
	headerOptions,
	ID_LIST,
	OUTLIER_STATUSES,
	repeatable,
	TEXT_LIST,
	V2_TYPES,
} from './fields';

/** Adding and returning bills: the v2 body built from fields or JSON, one bill or many. */

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

export const addOperations: OperationSpec[] = [
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
];
