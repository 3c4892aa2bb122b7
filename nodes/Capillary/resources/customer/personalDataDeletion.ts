
import { additionalFields, optionalField, options, toBody, toQuery } from '../../shared/fields';
import { asListField, constantField, customerIdentificationFields, V2_LIST_PAGINATION, v2ListFilters, v2RequestId } from '../../shared/requests';
import { defineResource } from '../../shared/operation';

/**
 * Personal Data Deletion: requests to erase the personal data (PII) of a customer. They travel
 * through the same v2 requests endpoints as transaction requests; these operations always send type
 * CUSTOMER and base type DELETE, which is what makes them deletion requests.
 */

const pii = {
	type: constantField('type', 'CUSTOMER', toBody('type')),
	baseType: constantField('baseType', 'DELETE', toBody('baseType')),
};

export const personalDataDeletion = defineResource({
	value: 'personalDataDeletion',
	name: 'Personal Data Deletion',
	description: 'Requests to delete the personal data (PII) of a customer',
	default: 'create',
	operations: [
		{
			value: 'create',
			name: 'Create Request',
			action: 'Request deletion of a customer\'s personal data',
			method: 'POST',
			path: '/v2/requests',
			hint: 'Needs PII deletion enabled for the org. The customer is marked pending deletion; the data is erased after the approval and the configured waiting period.',
			fields: [
				pii.type,
				pii.baseType,
				...customerIdentificationFields(),
				additionalFields([optionalField('Comments', 'comments', 'string', 'Why the data is deleted (up to 255 characters)', 'body')]),
			],
		},
		{
			value: 'updateStatus',
			name: 'Update Request Status',
			action: 'Approve, reject or cancel a personal data deletion request',
			method: 'PUT',
			path: '/v2/requests',
			fields: [
				pii.type,
				pii.baseType,
				{ ...v2RequestId, routing: toBody('id') },
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: options([
						['Approved', 'APPROVED'],
						['Rejected', 'REJECTED'],
						['Cancelled', 'CANCELLED'],
					]),
					default: 'APPROVED',
					description: 'New status of the deletion request',
					routing: toBody('status'),
				},
				additionalFields([optionalField('Comments', 'comments', 'string', 'Why the status changes', 'body')]),
				asListField,
			],
		},
		{
			value: 'get',
			name: 'Get Request',
			action: 'Get the status of a personal data deletion request',
			method: 'GET',
			path: '/v2/requests/{requestId}',
			fields: [v2RequestId],
		},
		{
			value: 'getMany',
			name: 'Get Many Requests',
			action: 'Get personal data deletion requests',
			method: 'GET',
			path: '/v2/requests',
			hint: 'Sends requestType CUSTOMER and requestSubType DELETE (by analogy with the documented transaction and merge filters).',
			fields: [
				constantField('requestType', 'CUSTOMER', toQuery('requestType')),
				constantField('requestSubType', 'DELETE', toQuery('requestSubType')),
				v2ListFilters([
					['Pending', 'PENDING'],
					['Approved', 'APPROVED'],
					['Rejected', 'REJECTED'],
					['Cancelled', 'CANCELLED'],
				]),
			],
			pagination: V2_LIST_PAGINATION,
		},
	],
});
