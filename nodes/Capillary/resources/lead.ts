import { defineResource } from '../shared/operation';

export const lead = defineResource({
	value: 'lead',
	name: 'Lead',
	description: 'Sales leads, their statuses and follow-ups',
	operations: [],
});
