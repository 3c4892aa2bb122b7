import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { additionalFields, keyValueField, options, optionalField, toBody, v11FieldList } from '../../shared/fields';
import type { OperationSpec } from '../../shared/types';
import { v2CustomerQuery, DELIVERY_STATUSES, headerOptions, TEXT_LIST, V11_CUSTOMER_TYPES } from './fields';

/** Changing a transaction: delivery status and fields (v2), or converting a not-interested bill to loyalty. */

/** Which transaction: by ID or by bill number, and the value, sent in the body under the chosen key. */
function transactionKeyFields(billNumberDescription: string, routing: INodePropertyRouting): INodeProperties[] {
	return [
		{
			displayName: 'Find Transaction By',
			name: 'transactionKey',
			description: 'Whether you know the transaction ID or the bill number',
			type: 'options',
			options: [
				{ name: 'Transaction ID', value: 'id' },
				{ name: 'Bill Number', value: 'number', description: billNumberDescription },
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
			routing,
		},
	];
}

export const updateOperation: OperationSpec = {
	value: 'update',
	name: 'Update',
	action: 'Update a transaction',
	description: 'Changes the delivery status, extended and custom fields of a transaction',
	method: 'PUT',
	path: '/v2/transactions',
	fields: [
		...v2CustomerQuery(),
		...transactionKeyFields('The latest transaction of the customer with this number', toBody('={{ $parameter.transactionKey }}', '={{ $parameter.transactionKey === "id" ? Number($value) : $value }}')),
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
};

export const updateOrConvertOperation: OperationSpec = {
	value: 'updateOrConvert',
	name: 'Update or Convert to Loyalty',
	action: 'Update a transaction or convert a not-interested bill to loyalty',
	description: 'Updates custom and extended fields, or tags a not-interested bill to a customer and awards its points (retro conversion). POST v1.1/transaction/update.',
	method: 'POST',
	path: '/v1.1/transaction/update',
	v11Root: 'transaction',
	fields: [
		...transactionKeyFields('The latest transaction with this number', toBody('={{ $parameter.transactionKey }}')),
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
};
