import { defineResource } from '../shared/operation';

export const transaction = defineResource({
	value: 'transaction',
	name: 'Transaction',
	description: 'Add, return, update and read purchases',
	operations: [],
});
