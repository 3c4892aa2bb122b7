import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, optionalField, options, queryOptions, toBody, toQuery } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';
import type { PaginationSpec } from '../shared/types';
import { constantField } from '../shared/requests';

/**
 * The org's product catalog (v1.1 product/*): products and the values they are described with
 * (attributes, categories, brands, colors, sizes, meta sizes).
 */

// ---------------------------------------------------------------------------------------------
// Add Product
// ---------------------------------------------------------------------------------------------

function catalogValue(displayName: string, name: string, searchMethod: string, property: string, description: string, placeholder: string): INodeProperties {
	return locatorField({ displayName, name, searchMethod, required: false, description, placeholder, routing: toBody(property) });
}

const productAttributes: INodeProperties = {
	displayName: 'Attributes',
	name: 'attributes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Attribute',
	default: {},
	description: 'Other product attributes as name/value pairs (the attribute must exist, see Get Attributes)',
	options: [
		{
			displayName: 'Attribute',
			name: 'attribute',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					description: 'Name of the attribute, as Get Attributes lists it',
					type: 'string',
					default: '',
					routing: { send: { type: 'body', property: '=attributes.attribute[{{$index}}].name' } },
				},
				{
					displayName: 'Value',
					name: 'value',
					description: 'Value of the attribute for this product',
					type: 'string',
					default: '',
					routing: { send: { type: 'body', property: '=attributes.attribute[{{$index}}].value' } },
				},
			],
		},
	],
};

const addProductFields: INodeProperties[] = bodyInput(
	[
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'SKU40',
			description: 'Stock keeping unit (item code) of the product; adding an existing SKU updates it',
			routing: toBody('sku'),
		},
		{
			displayName: 'Price',
			name: 'price',
			description: 'Price of the product (MRP)',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 0 },
			routing: toBody('price'),
		},
		productAttributes,
		additionalFields([
			optionalField('EAN', 'ean', 'string', 'European article number of the product', 'body'),
			optionalField('Description', 'description', 'string', 'Short description', 'body'),
			optionalField('Long Description', 'long_description', 'string', 'Detailed description', 'body'),
			optionalField('Image URL', 'img_url', 'string', 'URL of the product image', 'body'),
			optionalField('Returnable', 'returnable', 'boolean', 'Whether the item can be returned after purchase (set Returnable Days too)', 'body'),
			optionalField('Returnable Days', 'returnable_days', 'number', 'Days within which the item can be returned; -1 for no limit', 'body'),
			catalogValue('Brand', 'brand', 'searchProductBrands', 'brand.name', 'Brand name as configured for the org', 'Lee'),
			catalogValue('Category', 'category', 'searchProductCategories', 'category.name', 'Category name as configured for the org', 'HANDBAG(S)'),
			catalogValue('Color', 'color', 'searchProductColors', 'color.name', 'Color name as configured for the org', 'Black'),
			catalogValue('Size', 'size', 'searchProductSizes', 'size.name', 'Size name as configured for the org', 'M'),
			optionalField('Size Type', 'size.type', 'string', 'Type of the size, e.g. Mens Shirt', 'body', 'sizeType'),
			optionalField('Style', 'style.name', 'string', 'Style name as configured for the org', 'body', 'style'),
		]),
	],
	'One product as an object, or several as an array, e.g. [{"sku": "SKU40", "price": 7000, "brand": {"name": "Lee"}}]',
);

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

const SEARCH_OPERATORS = options([
	['Equals', 'EQUALS'],
	['Exact', 'EXACT'],
	['In (Values Separated by ;)', 'IN'],
	['Range (From;To)', 'RANGE'],
	['Starts With', 'STARTS'],
	['Ends With', 'ENDS'],
	['Less Than', 'LESS'],
	['Greater Than', 'GREATER'],
]);

/** Builds `q=(attribute:OPERATOR:value|…)` from the conditions. */
async function buildSearchQuery(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const conditions = (this.getNodeParameter('conditions.condition', []) ?? []) as Array<{ attribute?: string; operator?: string; value?: string }>;
	const parts = conditions
		.filter((c) => String(c.attribute ?? '').trim() !== '')
		.map((c) => `${String(c.attribute).trim()}:${c.operator ?? 'EQUALS'}:${String(c.value ?? '').trim()}`);
	if (parts.length) request.qs = { ...(request.qs ?? {}), q: `(${parts.join('|')})` };
	return request;
}

const searchFields: INodeProperties[] = [
	{
		displayName: 'Query Input',
		name: 'queryInput',
		description: 'Whether to build the search from attribute conditions or give the query string yourself',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Conditions', value: 'conditions', description: 'Build the query from attribute conditions' },
			{ name: 'Query String', value: 'raw', description: 'Write the query in Capillary\'s grammar' },
		],
		default: 'conditions',
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'Products matching these conditions. Attributes: sku, price, description, ean, img_url, brand, color, category, size and the org\'s own attributes.',
		displayOptions: { show: { queryInput: ['conditions'] } },
		routing: { send: { preSend: [buildSearchQuery] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{ displayName: 'Attribute', name: 'attribute', description: 'Name of the product attribute to match, e.g. color or brand', type: 'string', default: '', placeholder: 'color' },
					{ displayName: 'Operator', name: 'operator', description: 'How the attribute is compared with the value', type: 'options', options: SEARCH_OPERATORS, default: 'EQUALS' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'Black;Blue', description: 'For In and Range separate values with a semicolon' },
				],
			},
		],
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: '(color:IN:Black;Blue|price:RANGE:2000;4000)',
		description: 'Conditions attribute:OPERATOR:value, separated by |, in parentheses',
		displayOptions: { show: { queryInput: ['raw'] } },
		routing: toQuery('q'),
	},
];

// ---------------------------------------------------------------------------------------------
// Lists of catalog values
// ---------------------------------------------------------------------------------------------

const includeId = optionalField('Include IDs', 'include_id', 'boolean', 'Whether to include the ID of each entry');
const byName = optionalField('Name', 'name', 'string', 'Only the entry with this name (not case-sensitive)');
const byId = optionalField('ID', 'id', 'number', 'Only the entry with this ID');
const withChildren = optionalField('Include Children', 'values', 'boolean', 'Whether to include the child entries');
const childLimit = optionalField('Children Limit', 'value_limit', 'number', 'Most child entries per entry (Capillary\'s default is 20)');

const offsetPaging = (items: string): PaginationSpec => ({ style: 'offset', limitParam: 'limit', offsetParam: 'offset', maxPageSize: 100, items });

/** Endpoints with `limit` but no offset: one request, the wanted number sent as `limit`. */
const limitOnly = (items: string): PaginationSpec => ({ style: 'none', items });
const fetchLimit = constantField('fetchLimit', '', toQuery('limit', '={{ $parameter.returnAll ? 1000 : $parameter.limit }}'));

export const product = defineResource({
	value: 'product',
	name: 'Product',
	description: 'Product catalog: items, attributes, categories, brands',
	operations: [
		{
			value: 'add',
			name: 'Add',
			action: 'Add or update a product',
			method: 'POST',
			path: '/v1.1/product/add',
			v11Root: 'product',
			hint: 'Brand, category, color, size and style must be values configured for the org. Sends returnable_days (the field name the responses use).',
			fields: addProductFields,
			output: { perEntityStatus: true },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get products by SKU or ID',
			method: 'GET',
			path: '/v1.1/product/get',
			fields: [
				{
					displayName: 'Look Up By',
					name: 'lookupBy',
					description: "Whether to look products up by SKU or by Capillary's product ID",
					type: 'options',
					options: options([
						['SKU', 'sku'],
						['Product ID', 'id'],
					]),
					default: 'sku',
				},
				{
					displayName: 'Value',
					name: 'lookupValue',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'item-001,Pearls',
					description: 'SKU or product ID; several separated by commas',
					routing: toQuery('={{ $parameter.lookupBy }}'),
				},
				queryOptions([optionalField('Include Hierarchy', 'include_hierarchy', 'boolean', 'Whether to include the category hierarchy of each product')]),
			],
		},
		{
			value: 'search',
			name: 'Search',
			action: 'Search products',
			method: 'GET',
			path: '/v1.1/product/search',
			hint: 'Pages with start/rows, the names of the paging fields in the response (the docs list no paging parameters).',
			fields: searchFields,
			pagination: { style: 'offset', limitParam: 'rows', offsetParam: 'start', maxPageSize: 100, items: 'product.results.item' },
		},
		{
			value: 'addAttribute',
			name: 'Add Attribute',
			action: 'Add a product attribute',
			method: 'POST',
			path: '/v1.1/product/attributes',
			v11Root: 'product',
			fields: [
				{
					displayName: 'Name',
					name: 'attributeName',
					description: 'Name of the new attribute',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'fabric',
					routing: toBody('attributes.attribute.name'),
				},
				{
					displayName: 'Data Type',
					name: 'attributeType',
					type: 'options',
					options: options(['String', 'Int', 'Double', 'Boolean']),
					default: 'String',
					description: 'Type of the attribute values',
					routing: toBody('attributes.attribute.type'),
				},
				{
					displayName: 'Values',
					name: 'attributeValues',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Value',
					default: {},
					description: 'Allowed values of an enum attribute',
					options: [
						{
							displayName: 'Value',
							name: 'value',
							values: [
								{
									displayName: 'Name',
									name: 'name',
									description: 'Value as stored on products',
									type: 'string',
									default: '',
									routing: { send: { type: 'body', property: '=attributes.attribute.values.value[{{$index}}].name' } },
								},
								{
									displayName: 'Label',
									name: 'label',
									description: 'Value as shown to users',
									type: 'string',
									default: '',
									routing: { send: { type: 'body', property: '=attributes.attribute.values.value[{{$index}}].label' } },
								},
							],
						},
					],
				},
				additionalFields([
					optionalField('Label', 'attributes.attribute.label', 'string', 'Name shown in InTouch', 'body', 'label'),
					{
						displayName: 'Enum',
						name: 'isEnum',
						type: 'boolean',
						default: false,
						description: 'Whether the attribute only takes the listed values',
						routing: toBody('attributes.attribute.is_enum', '={{ $value ? "1" : "0" }}'),
					},
					{
						displayName: 'Soft Enum',
						name: 'isSoftEnum',
						type: 'boolean',
						default: false,
						description: 'Whether new values are added to the list when they first appear',
						routing: toBody('attributes.attribute.is_soft_enum', '={{ $value ? "1" : "0" }}'),
					},
					{
						displayName: 'Use in Dump',
						name: 'useInDump',
						type: 'boolean',
						default: true,
						description: 'Whether the attribute is included in data dumps',
						routing: toBody('attributes.attribute.use_in_dump', '={{ $value ? "1" : "0" }}'),
					},
					optionalField('Default Value', 'attributes.attribute.default_attribute_value_name', 'string', 'Value used when none is given', 'body', 'defaultValue'),
					{
						displayName: 'Extraction Rule Type',
						name: 'extractionRuleType',
						type: 'options',
						options: options(['POS', 'UPLOAD']),
						default: 'POS',
						description: 'Where the attribute value comes from',
						routing: toBody('attributes.attribute.extraction_rule_type'),
					},
					optionalField('Extraction Rule Data', 'attributes.attribute.extraction_rule_data', 'string', 'Field the value is extracted from', 'body', 'extractionRuleData'),
				]),
			],
			output: { items: 'product.attributes.attribute' },
		},
		{
			value: 'getAttributes',
			name: 'Get Attributes',
			action: 'Get product attributes',
			method: 'GET',
			path: '/v1.1/product/attributes',
			fields: [queryOptions([includeId, withChildren, childLimit, byName, byId])],
			pagination: offsetPaging('product.attributes.attribute'),
		},
		{
			value: 'getCategories',
			name: 'Get Categories',
			action: 'Get product categories',
			method: 'GET',
			path: '/v1.1/product/categories',
			fields: [
				queryOptions([
					includeId,
					withChildren,
					childLimit,
					byName,
					byId,
					optionalField('Parent ID', 'parent_id', 'number', 'Only this category and its children'),
					optionalField('Parent Name', 'parent_name', 'string', 'Only the children of the category with this name'),
				]),
			],
			pagination: offsetPaging('product.categories.category'),
		},
		{
			value: 'getBrands',
			name: 'Get Brands',
			action: 'Get product brands',
			method: 'GET',
			path: '/v1.1/product/brands',
			fields: [
				queryOptions([
					includeId,
					byName,
					byId,
					optionalField('Parent ID', 'parent_id', 'number', 'Only this brand and its child brands'),
					optionalField('Parent Name', 'parent_name', 'string', 'Only the child brands of the brand with this name'),
				]),
			],
			pagination: offsetPaging('product.brands.brand'),
		},
		{
			value: 'getColors',
			name: 'Get Colors',
			action: 'Get product colors',
			method: 'GET',
			path: '/v1.1/product/colors',
			fields: [queryOptions([optionalField('Palette', 'pallette', 'string', 'Only the color with this hex code, e.g. 000080')]), fetchLimit],
			pagination: limitOnly('product.colors.color'),
		},
		{
			value: 'getSizes',
			name: 'Get Sizes',
			action: 'Get product sizes',
			method: 'GET',
			path: '/v1.1/product/sizes',
			fields: [
				queryOptions([
					includeId,
					byName,
					byId,
					optionalField('Canonical Name', 'canonical_name', 'string', 'Only the size with this canonical (reference) name'),
					optionalField('Type', 'type', 'string', 'Only sizes of this type, e.g. Mens Shirt'),
					optionalField('Size Family', 'size_family', 'string', 'Only sizes of this family, e.g. US'),
				]),
				fetchLimit,
			],
			pagination: limitOnly('product.sizes.size'),
		},
		{
			value: 'getMetaSizes',
			name: 'Get Meta Sizes',
			action: 'Get product meta sizes',
			method: 'GET',
			path: '/v1.1/product/meta_sizes',
			fields: [
				queryOptions([
					includeId,
					byName,
					byId,
					optionalField('Type', 'type', 'string', 'Only meta sizes of this type, e.g. Mens Shirt'),
					optionalField('Size Family', 'size_family', 'string', 'Only meta sizes of this family, e.g. CentiMeter'),
				]),
				fetchLimit,
			],
			pagination: limitOnly('product.meta_sizes.meta_size'),
		},
	],
});
