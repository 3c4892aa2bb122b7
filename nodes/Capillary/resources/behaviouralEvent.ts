import { defineResource } from '../shared/operation';

export const behaviouralEvent = defineResource({
	value: 'behaviouralEvent',
	name: 'Behavioural Event',
	description: 'Custom behavioural events, their webhooks and logs',
	operations: [],
});
