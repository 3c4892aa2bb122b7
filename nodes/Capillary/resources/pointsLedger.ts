import { defineResource } from '../shared/operation';

export const pointsLedger = defineResource({
	value: 'pointsLedger',
	name: 'Points Ledger',
	description: 'Balances and ledger entries of customer points',
	operations: [],
});
