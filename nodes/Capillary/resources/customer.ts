import { defineResource } from '../shared/operation';
import { accountIdField, customerIdField, sourceField, v2IdentifierFields } from '../shared/fields';

export const customer = defineResource({
	value: 'customer',
	name: 'Customer',
	operations: [
		{
			value: 'getId',
			name: 'Get ID by Identifier',
			action: 'Get a customer ID by identifier',
			method: 'GET',
			path: '/v2/customers/lookup',
			fields: [...v2IdentifierFields(), sourceField(), accountIdField()],
			output: { valueName: 'customerId' },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer',
			method: 'GET',
			path: '/v2/customers/{customerId}',
			fields: [customerIdField(), sourceField(), accountIdField()],
		},
	],
});
