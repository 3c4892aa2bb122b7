import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, options, optionalField, sourceField, toBody, v11FieldList } from '../../shared/fields';
import type { OperationSpec } from '../../shared/types';
import { DELIVERY_STATUSES, entryValue, FIELDS_MODE, OMIT_EMPTY, OUTLIER_STATUSES, repeatable, V11_CUSTOMER_TYPES } from './fields';

/**
 * Bills through v1.1 transaction/add: exchanges (mixed bills), customers signed up with their first bill,
 * several bills per call; and the local-currency twin.
 */

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

export const addWithSignUpOperations: OperationSpec[] = [
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
];
