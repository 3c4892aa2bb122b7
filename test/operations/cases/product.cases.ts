import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import type { ProductRecord } from '../../simulator/resources/product';
import { catalogList, products } from '../../simulator/resources/product';

const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function seedProduct(sim: Simulator, sku: string, overrides: Partial<ProductRecord> = {}): ProductRecord {
	const record: ProductRecord = {
		item_id: String(26666000 + sim.state.nextEntityId++),
		sku,
		ean: sku,
		price: 1000,
		img_url: '',
		in_stock: 'true',
		description: 'soap',
		long_description: '',
		returnable: 'true',
		returnable_days: -1,
		size: { name: null },
		style: { name: null },
		brand: { name: null },
		color: { name: null },
		category: { name: null },
		attributes: [],
		added_on: '2026-01-20 22:05:35',
		...overrides,
	};
	products(sim.state).set(sku.toLowerCase(), record);
	return record;
}

export const cases: OperationCase[] = [
	{
		resource: 'product',
		operation: 'add',
		parameters: {
			sku: 'SKU40',
			price: 7000,
			attributes: { attribute: [{ name: 'weight', value: '100g' }] },
			additionalFields: {
				description: 'adding sample product',
				imgUrl: 'https://example.com/img.jpg',
				returnable: true,
				returnableDays: 30,
				brand: fromList('Lee'),
				color: byId('blue'),
				category: fromList('HANDBAG(S)'),
				size: fromList('M'),
				sizeType: 'Mens Shirt',
				style: 'slimFit',
			},
		},
		request: {
			method: 'POST',
			path: '/v1.1/product/add',
			query: { format: 'json' },
			body: {
				root: {
					product: [
						{
							sku: 'SKU40',
							price: 7000,
							description: 'adding sample product',
							img_url: 'https://example.com/img.jpg',
							returnable: true,
							returnable_days: 30,
							brand: { name: 'Lee' },
							color: { name: 'blue' },
							category: { name: 'HANDBAG(S)' },
							size: { name: 'M', type: 'Mens Shirt' },
							style: { name: 'slimFit' },
							attributes: { attribute: [{ name: 'weight', value: '100g' }] },
						},
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ sku: 'SKU40', item_id: expect.any(String), success: true, brand: { name: 'Lee' }, color: { name: 'Blue' }, returnable_days: 30 }),
			]);
			expect(products(sim.state).get('sku40')).toMatchObject({ price: 7000, category: { name: 'HANDBAG(S)' }, attributes: [{ name: 'weight', value: '100g' }] });
		},
	},
	{
		resource: 'product',
		operation: 'add',
		title: 'JSON array, one product fails',
		auth: 'oauth',
		parameters: { bodyInput: 'json', bodyJson: JSON.stringify([{ sku: 'Levis-015', price: '22', size: { name: 'L' } }, { sku: '', price: '5' }]) },
		request: { method: 'POST', path: '/v1.1/product/add', body: { root: { product: [{ sku: 'Levis-015', price: '22' }, { sku: '' }] } } },
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ sku: 'Levis-015', success: true, size: { name: 'L' } }),
				expect.objectContaining({ success: false, errorCode: '9101', errorMessage: expect.stringMatching(/SKU/) }),
			]);
			expect(products(sim.state).size).toBe(1);
		},
	},
	{
		resource: 'product',
		operation: 'get',
		setup: (sim) => {
			seedProduct(sim, 'item-001', { attributes: [{ name: 'Color', value: 'Black' }] });
			seedProduct(sim, 'Pearls', { description: 'White', price: 200 });
		},
		parameters: { lookupBy: 'sku', lookupValue: 'item-001,Pearls', options: { includeHierarchy: true } },
		request: { method: 'GET', path: '/v1.1/product/get', query: { sku: 'item-001,Pearls', include_hierarchy: 'true', format: 'json' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({ sku: 'item-001', attributes: { attribute: [{ name: 'Color', value: 'Black' }] } }),
				expect.objectContaining({ sku: 'Pearls', price: '200', description: 'White' }),
			]);
		},
	},
	{
		resource: 'product',
		operation: 'search',
		setup: (sim) => {
			seedProduct(sim, 'TEE-BLK', { color: { name: 'Black' }, price: 300 });
			seedProduct(sim, 'TEE-BLU', { color: { name: 'Blue' }, price: 450 });
			seedProduct(sim, 'TEE-BLU-XL', { color: { name: 'Blue' }, price: 900 });
			seedProduct(sim, 'TEE-RED', { color: { name: 'Red' }, price: 300 });
		},
		parameters: {
			conditions: {
				condition: [
					{ attribute: 'color', operator: 'IN', value: 'Black;Blue' },
					{ attribute: 'price', operator: 'RANGE', value: '100;500' },
				],
			},
			returnAll: true,
		},
		request: { method: 'GET', path: '/v1.1/product/search', query: { q: '(color:IN:Black;Blue|price:RANGE:100;500)', start: '0', rows: '100' } },
		output: (items) => expect(items.map((i) => i.sku)).toEqual(['TEE-BLK', 'TEE-BLU']),
	},
	{
		resource: 'product',
		operation: 'search',
		title: 'query string, pages of 100',
		setup: (sim) => {
			for (let i = 1; i <= 120; i++) seedProduct(sim, `SOAP-${i}`);
			seedProduct(sim, 'SHAMPOO-1', { description: 'shampoo' });
		},
		parameters: { queryInput: 'raw', query: '(description:EQUALS:soap)', returnAll: true },
		request: [
			{ method: 'GET', path: '/v1.1/product/search', query: { q: '(description:EQUALS:soap)', start: '0', rows: '100' } },
			{ method: 'GET', path: '/v1.1/product/search', query: { start: '100', rows: '100' } },
		],
		output: (items) => {
			expect(items).toHaveLength(120);
			expect(items[119]).toMatchObject({ sku: 'SOAP-120' });
		},
	},
	{
		resource: 'product',
		operation: 'addAttribute',
		parameters: {
			attributeName: 'fabric',
			attributeType: 'String',
			attributeValues: { value: [{ name: 'cotton', label: 'Cotton' }, { name: 'linen', label: 'Linen' }] },
			additionalFields: { label: 'Fabric', isEnum: true, isSoftEnum: false, extractionRuleType: 'POS' },
		},
		request: {
			method: 'POST',
			path: '/v1.1/product/attributes',
			body: {
				root: {
					product: [
						{
							attributes: {
								attribute: {
									name: 'fabric',
									type: 'String',
									label: 'Fabric',
									is_enum: '1',
									is_soft_enum: '0',
									extraction_rule_type: 'POS',
									values: { value: [{ name: 'cotton', label: 'Cotton' }, { name: 'linen', label: 'Linen' }] },
								},
							},
						},
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ name: 'fabric', is_enum: '1', item_status: expect.objectContaining({ code: '9180' }) })]);
			expect(catalogList(sim.state, 'productAttributes').get('fabric')).toMatchObject({ type: 'String', values: ['cotton', 'linen'] });
		},
	},
	{
		resource: 'product',
		operation: 'getAttributes',
		parameters: { options: { includeId: true, values: true, valueLimit: 1 }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/product/attributes', query: { include_id: 'true', values: 'true', value_limit: '1', limit: '100', offset: '0' } },
		output: (items) => {
			expect(items.map((i) => i.name)).toEqual(['E1', 'weight', 'department']);
			expect(items[0]).toMatchObject({ id: expect.any(Number), values: { value: [{ name: 'e10', label: 'e10' }] } });
		},
	},
	{
		resource: 'product',
		operation: 'getAttributes',
		title: 'limit',
		parameters: { returnAll: false, limit: 2 },
		request: { method: 'GET', path: '/v1.1/product/attributes', query: { limit: '2', offset: '0' } },
		output: (items) => expect(items).toHaveLength(2),
	},
	{
		resource: 'product',
		operation: 'getCategories',
		parameters: { options: { parentName: 'AAA' }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/product/categories', query: { parent_name: 'AAA', limit: '100', offset: '0' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ name: 'ZZZ', parent_name: 'AAA' })]),
	},
	{
		resource: 'product',
		operation: 'getBrands',
		auth: 'oauth',
		parameters: { options: { includeId: true }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/product/brands', query: { include_id: 'true', offset: '0' } },
		output: (items) => {
			expect(items.map((i) => i.name)).toEqual(['AA', 'BB', 'CC', 'Lee']);
			expect(items.every((i) => typeof i.id === 'number')).toBe(true);
		},
	},
	{
		resource: 'product',
		operation: 'getColors',
		parameters: { returnAll: false, limit: 2 },
		request: { method: 'GET', path: '/v1.1/product/colors', query: { limit: '2' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ name: 'Black', pallette: '000000' }), expect.objectContaining({ name: 'Navy' })]),
	},
	{
		resource: 'product',
		operation: 'getSizes',
		parameters: { options: { type: 'Mens Shirt', sizeFamily: 'US' }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/product/sizes', query: { type: 'Mens Shirt', size_family: 'US', limit: '1000' } },
		output: (items) => expect(items.map((i) => i.name)).toEqual(['L', 'M', 'S', 'XL']),
	},
	{
		resource: 'product',
		operation: 'getMetaSizes',
		parameters: { options: { sizeFamily: 'CentiMeter' }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/product/meta_sizes', query: { size_family: 'CentiMeter' } },
		output: (items) => expect(items.map((i) => i.name)).toEqual(['37', '38', '40']),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'product',
		operation: 'get',
		title: 'unknown SKU (v1.1 item_status 2101)',
		parameters: { lookupBy: 'sku', lookupValue: 'NOPE-1' },
		message: /2101.*Unable to retrieve product details/,
	},
	{
		resource: 'product',
		operation: 'addAttribute',
		title: 'attribute exists already (9182)',
		parameters: { attributeName: 'weight', attributeType: 'String' },
		message: /9182/,
	},
];

export default { cases, errors } satisfies CaseFile;
