import { defineResource } from '../shared/operation';

export const staff = defineResource({
	value: 'staff',
	name: 'Staff',
	description: 'Staff user accounts of stores and zones',
	operations: [],
});
