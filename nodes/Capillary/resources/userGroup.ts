import { defineResource } from '../shared/operation';

export const userGroup = defineResource({
	value: 'userGroup',
	name: 'User Group',
	description: 'Groups of customers (families, fleets) that earn and burn together',
	operations: [],
});
