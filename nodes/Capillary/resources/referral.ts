import { defineResource } from '../shared/operation';

export const referral = defineResource({
	value: 'referral',
	name: 'Referral',
	description: 'Validate referral codes',
	operations: [],
});
