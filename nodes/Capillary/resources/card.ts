import { defineResource } from '../shared/operation';

export const card = defineResource({
	value: 'card',
	name: 'Card',
	description: 'Loyalty cards: generation, assignment and status',
	operations: [],
});
