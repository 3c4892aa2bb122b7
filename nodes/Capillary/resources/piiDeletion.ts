import { defineResource } from '../shared/operation';

export const piiDeletion = defineResource({
	value: 'piiDeletion',
	name: 'PII Deletion',
	description: 'Requests to delete the personal data of a customer',
	operations: [],
});
