import { defineResource } from '../shared/operation';

export const transactionRejection = defineResource({
	value: 'rejectedTransaction',
	name: 'Rejected Transaction',
	description: 'Transactions Capillary rejected, and retriggering them',
	operations: [],
});
