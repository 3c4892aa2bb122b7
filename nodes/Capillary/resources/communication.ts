import { defineResource } from '../shared/operation';

export const communication = defineResource({
	value: 'communication',
	name: 'Communication',
	description: 'Send and read SMS and email communications',
	operations: [],
});
