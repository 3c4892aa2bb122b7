import { defineResource } from '../shared/operation';

export const organization = defineResource({
	value: 'organization',
	name: 'Organization',
	description: 'Org settings, tills, programs, custom fields and statistics',
	operations: [],
});
