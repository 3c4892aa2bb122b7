import { defineResource } from '../shared/operation';

export const task = defineResource({
	value: 'task',
	name: 'Task',
	description: 'Store tasks, their status mappings and reminders',
	operations: [],
});
