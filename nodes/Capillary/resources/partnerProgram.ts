import { defineResource } from '../shared/operation';

export const partnerProgram = defineResource({
	value: 'partnerProgram',
	name: 'Partner Program',
	description: 'Link customers to partner programs and read their activity',
	operations: [],
});
