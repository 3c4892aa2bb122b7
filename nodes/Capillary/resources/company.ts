import { defineResource } from '../shared/operation';

export const company = defineResource({
	value: 'company',
	name: 'Company',
	description: 'Companies that customers belong to',
	operations: [],
});
