import { defineResource } from '../shared/operation';

export const store = defineResource({
	value: 'store',
	name: 'Store',
	description: 'Stores: details, staff, tasks, logs and reports',
	operations: [],
});
