import { defineResource } from '../shared/operation';

export const request = defineResource({
	value: 'request',
	name: 'Request',
	description: 'Goodwill, retro, identifier change and transaction requests',
	operations: [],
});
