import { defineResource } from '../shared/operation';

export const userAuthentication = defineResource({
	value: 'userAuthentication',
	name: 'User Authentication',
	description: 'Register and authorize users with passwords',
	operations: [],
});
