import { defineResource } from '../shared/operation';

export const customerLookup = defineResource({
	value: 'customerLookup',
	name: 'Customer (Lookup)',
	description: 'Customer operations that find the member by identifier instead of customer ID',
	operations: [],
});
