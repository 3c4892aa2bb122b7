import { defineResource } from '../shared/operation';

export const targetGroup = defineResource({
	value: 'targetGroup',
	name: 'Target Group',
	description: 'Target loyalty: groups, periods and targets',
	operations: [],
});
