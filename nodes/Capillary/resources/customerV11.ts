import { defineResource } from '../shared/operation';

export const customerV11 = defineResource({
	value: 'customerV11',
	name: 'Customer (v1.1)',
	description: 'Customer operations of the older v1.1 API: notes, tickets, preferences, interactions',
	operations: [],
});
