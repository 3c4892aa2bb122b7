import { defineResource } from '../shared/operation';

export const product = defineResource({
	value: 'product',
	name: 'Product',
	description: 'Product catalog: items, attributes, categories, brands',
	operations: [],
});
