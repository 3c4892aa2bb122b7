import { defineResource } from '../shared/operation';

export const customerLabel = defineResource({
	value: 'customerLabel',
	name: 'Customer Label',
	description: 'Org labels and tagging customers with them',
	operations: [],
});
