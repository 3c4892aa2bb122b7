/**
 * Product catalog endpoints (v1.1 product/*): add, get, search, attributes (add/list) and the value
 * lists (categories, brands, colors, sizes, meta sizes). The value lists are seeded with the
 * docs' sample data the first time they are read.
 */
import type { Json, JsonObject, Router } from '../http';
import { intParam, itemStatus, nowV11, v11Entities, v11Error, v11Ok } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';
import { ORG_ID } from '../state';

export interface ProductRecord extends JsonObject {
	item_id: string;
	sku: string;
	ean: string;
	price: number;
	img_url: string;
	in_stock: string;
	description: string;
	long_description: string;
	returnable: string;
	returnable_days: number;
	size: JsonObject;
	style: JsonObject;
	brand: JsonObject;
	color: JsonObject;
	category: JsonObject;
	attributes: JsonObject[];
	added_on: string;
}

const SEED: Record<string, JsonObject[]> = {
	productAttributes: [
		{ name: 'E1', label: 'ee1', is_enum: '0', type: 'Int', extraction_rule_type: 'UPLOAD', extraction_rule_data: 'E1', is_soft_enum: '1', use_in_dump: '1', default_attribute_value_name: 'e10', values: ['e10', 'e11'] },
		{ name: 'weight', label: '', is_enum: '0', type: 'String', extraction_rule_type: 'POS', extraction_rule_data: '', is_soft_enum: '0', use_in_dump: '1', default_attribute_value_name: '', values: [] },
		{ name: 'department', label: 'Department', is_enum: '1', type: 'String', extraction_rule_type: 'POS', extraction_rule_data: '', is_soft_enum: '1', use_in_dump: '1', default_attribute_value_name: 'Men', values: ['Men', 'Women'] },
	],
	productCategories: [
		{ name: 'AAA', label: 'a1', description: 'aa13', parent_name: null, parent_label: null },
		{ name: 'BBB', label: 'b1', description: 'bb13', parent_name: null, parent_label: null },
		{ name: 'HANDBAG(S)', label: 'Handbags', description: '', parent_name: null, parent_label: null },
		{ name: 'ZZZ', label: 'z1', description: 'zz13', parent_name: 'AAA', parent_label: 'a1' },
	],
	productBrands: [
		{ name: 'AA', label: 'a1', description: 'Sample description', parent_name: '', parent_label: '' },
		{ name: 'BB', label: 'b1', description: 'Sample description', parent_name: 'AA', parent_label: 'a1' },
		{ name: 'CC', label: 'c1', description: 'Sample description', parent_name: 'BB', parent_label: 'b1' },
		{ name: 'Lee', label: 'Lee', description: 'Denim', parent_name: '', parent_label: '' },
	],
	productColors: [
		{ pallette: '000000', name: 'Black' },
		{ pallette: '000080', name: 'Navy' },
		{ pallette: '0000ff', name: 'Blue' },
		{ pallette: '00bfff', name: 'DeepSkyBlue' },
	],
	productSizes: [
		{ name: 'L', label: 'large', canonical_name: 'Large', description: '', size_family: 'US', type: 'Mens Shirt', parent_canonical_name: '40' },
		{ name: 'M', label: 'medium', canonical_name: 'Medium', description: '', size_family: 'US', type: 'Mens Shirt', parent_canonical_name: '38' },
		{ name: 'S', label: 'small', canonical_name: 'Small', description: '', size_family: 'US', type: 'Mens Shirt', parent_canonical_name: '37' },
		{ name: 'XL', label: 'extra large', canonical_name: 'XLarge', description: '', size_family: 'US', type: 'Mens Shirt', parent_canonical_name: '42' },
	],
	productMetaSizes: [
		{ name: '37', label: '', description: '', size_family: 'CentiMeter', type: 'Mens Shirt', parent_meta_size: null },
		{ name: '38', label: '', description: '', size_family: 'CentiMeter', type: 'Mens Shirt', parent_meta_size: null },
		{ name: '40', label: '', description: '', size_family: 'CentiMeter', type: 'Mens Shirt', parent_meta_size: null },
		{ name: '42', label: '', description: '', size_family: 'Inch', type: 'Mens Trousers', parent_meta_size: null },
	],
};

/** A value list of the catalog (keyed by lower-case name), seeded on first use. */
export function catalogList(state: SimState, name: keyof typeof SEED): Map<string, JsonObject> {
	const list = state.collection(name);
	if (list.size === 0 && !state.collection('productSeeded').has(name)) {
		state.collection('productSeeded').set(name, {});
		for (const entry of SEED[name]) list.set(String(entry.name).toLowerCase(), { id: 3000 + list.size + Object.keys(SEED).indexOf(name) * 100, ...entry });
	}
	return list;
}

export function products(state: SimState): Map<string, ProductRecord> {
	return state.collection('products') as Map<string, ProductRecord>;
}

const named = (state: SimState, list: keyof typeof SEED, value: unknown): string | null => {
	const name = String((value as JsonObject | undefined)?.name ?? '').trim();
	if (!name) return null;
	return (catalogList(state, list).get(name.toLowerCase())?.name as string | undefined) ?? null;
};

function productView(p: ProductRecord, get = false): JsonObject {
	const view: JsonObject = {
		item_id: p.item_id,
		sku: p.sku,
		[get ? 'item_ean' : 'ean']: p.ean,
		price: String(p.price),
		img_url: p.img_url,
		in_stock: p.in_stock,
		description: p.description,
		returnable: p.returnable,
		returnable_days: p.returnable_days,
		long_description: p.long_description,
		size: p.size,
		style: p.style,
		brand: p.brand,
		color: p.color,
		category: p.category,
		attributes: p.attributes.length ? { attribute: p.attributes } : [],
	};
	if (get) view.added_on = p.added_on;
	return view;
}

/** The value of a searchable attribute of a product. */
function attributeOf(p: ProductRecord, attribute: string): string | undefined {
	const key = attribute.toLowerCase();
	const direct: Record<string, Json> = {
		sku: p.sku,
		item_sku: p.sku,
		price: p.price,
		description: p.description,
		ean: p.ean,
		img_url: p.img_url,
		brand: p.brand.name,
		color: p.color.name,
		category: p.category.name,
		size: p.size.name,
		style: p.style.name,
	};
	if (key in direct) return direct[key] === null ? undefined : String(direct[key]);
	const custom = p.attributes.find((a) => String(a.name).toLowerCase() === key);
	return custom ? String(custom.value) : undefined;
}

function matches(value: string | undefined, operator: string, operand: string): boolean {
	if (value === undefined) return false;
	const v = value.toLowerCase();
	const values = operand.split(';').map((s) => s.trim().toLowerCase());
	switch (operator) {
		case 'EQUALS':
			return v === values[0];
		case 'EXACT':
			return value === operand;
		case 'IN':
			return values.includes(v);
		case 'RANGE':
			return Number(value) >= Number(values[0]) && Number(value) <= Number(values[1]);
		case 'STARTS':
			return v.startsWith(values[0]);
		case 'ENDS':
			return v.endsWith(values[0]);
		case 'LESS':
			return Number(value) < Number(values[0]);
		case 'GREATER':
			return Number(value) > Number(values[0]);
		default:
			return false;
	}
}

/** Parses `(attribute:OPERATOR:value|…)`; undefined when the query does not follow the grammar. */
function parseQuery(q: string): Array<{ attribute: string; operator: string; operand: string }> | undefined {
	const inner = q.trim().replace(/^\(/, '').replace(/\)$/, '');
	if (!inner) return undefined;
	const conditions = inner.split('|').map((part) => {
		const [attribute, operator, ...rest] = part.split(':');
		return { attribute: (attribute ?? '').trim(), operator: (operator ?? '').trim().toUpperCase(), operand: rest.join(':').trim() };
	});
	const known = ['EQUALS', 'EXACT', 'IN', 'RANGE', 'STARTS', 'ENDS', 'LESS', 'GREATER'];
	return conditions.every((c) => c.attribute && known.includes(c.operator) && c.operand !== '') ? conditions : undefined;
}

const lists: Array<{ path: string; list: keyof typeof SEED; plural: string; singular: string; code: number; message: string; paging: 'offset' | 'limit' }> = [
	{ path: '/v1.1/product/categories', list: 'productCategories', plural: 'categories', singular: 'category', code: 9172, message: 'Category retrieval successful', paging: 'offset' },
	{ path: '/v1.1/product/brands', list: 'productBrands', plural: 'brands', singular: 'brand', code: 9160, message: 'Brand retrieval successful', paging: 'offset' },
	{ path: '/v1.1/product/colors', list: 'productColors', plural: 'colors', singular: 'color', code: 9178, message: 'Color retrieval successful', paging: 'limit' },
	{ path: '/v1.1/product/sizes', list: 'productSizes', plural: 'sizes', singular: 'size', code: 9130, message: 'Size retrieval successful', paging: 'limit' },
	{ path: '/v1.1/product/meta_sizes', list: 'productMetaSizes', plural: 'meta_sizes', singular: 'meta_size', code: 9140, message: 'Meta size retrieval successful', paging: 'limit' },
];

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v1.1/product/add', (req) => {
		const entities = v11Entities(req, 'product');
		if (entities.length === 0) return v11Error(400, 'Input is invalid: root.product is missing');
		const results = entities.map((e): JsonObject => {
			const sku = String(e.sku ?? '').trim();
			const price = Number(e.price);
			const fail = (code: number, message: string): JsonObject => ({ sku, price: String(e.price ?? ''), item_status: itemStatus(false, code, message) });
			if (!sku) return fail(9101, 'Invalid SKU: sku is required');
			if (e.price === undefined || e.price === '' || !Number.isFinite(price) || price < 0) return fail(9102, 'Invalid price');
			const existing = products(state()).get(sku.toLowerCase());
			const attributeList = (e.attributes as JsonObject | undefined)?.attribute;
			const attributes = (Array.isArray(attributeList) ? attributeList : attributeList ? [attributeList] : []) as JsonObject[];
			const record: ProductRecord = {
				item_id: existing?.item_id ?? String(28267000 + state().nextEntityId++),
				sku,
				ean: String(e.ean ?? '') || sku,
				price,
				img_url: String(e.img_url ?? ''),
				in_stock: 'false',
				description: String(e.description ?? ''),
				long_description: String(e.long_description ?? ''),
				returnable: String(e.returnable ?? 'true') === 'false' ? 'false' : 'true',
				returnable_days: e.returnable_days !== undefined ? Number(e.returnable_days) : -1,
				size: { name: named(state(), 'productSizes', e.size), ...((e.size as JsonObject | undefined)?.type ? { type: (e.size as JsonObject).type } : {}) },
				style: { name: (e.style as JsonObject | undefined)?.name ?? null },
				brand: { name: named(state(), 'productBrands', e.brand) },
				color: { name: named(state(), 'productColors', e.color) },
				category: { name: named(state(), 'productCategories', e.category) },
				attributes: attributes.map((a) => ({ name: String(a.name ?? ''), value: String(a.value ?? '') })),
				added_on: existing?.added_on ?? nowV11(),
			};
			products(state()).set(sku.toLowerCase(), record);
			return { ...productView(record), item_status: itemStatus(true, 9100, existing ? 'Product updated successfully' : 'Product added successfully') };
		});
		const failed = results.filter((r) => (r.item_status as JsonObject).success === 'false').length;
		if (failed === results.length) return v11Error(500, 'All requests have failed due to errors', 200, { product: results });
		return v11Ok({ product: results }, failed ? 'Some requests have failed due to errors' : 'Success');
	});

	router.get('/v1.1/product/get', (req) => {
		const by = req.query.sku !== undefined ? 'sku' : req.query.id !== undefined ? 'id' : undefined;
		if (!by) return v11Error(400, 'Input is invalid: pass sku or id');
		const wanted = String(req.query[by]).split(',').map((s) => s.trim()).filter(Boolean);
		const all = [...products(state()).values()];
		const items = wanted.map((value): JsonObject => {
			const p = all.find((x) => (by === 'sku' ? x.sku.toLowerCase() === value.toLowerCase() : x.item_id === value));
			if (!p) return { [by === 'sku' ? 'sku' : 'item_id']: value, item_status: { success: 'false', status: false, code: 2101, message: 'Unable to retrieve product details' } };
			const view = productView(p, true);
			if (req.query.include_hierarchy === 'true') view.hierarchy = { category: p.category.name ? [p.category.name] : [] };
			return { ...view, item_status: { status: true, code: 2100, message: 'Product retrieval successful' } };
		});
		const failed = items.filter((i) => (i.item_status as JsonObject).status === false).length;
		if (failed === items.length) return v11Error(500, 'All requests have failed due to errors', 200, { product: { item: items } });
		return v11Ok({ product: { item: items } });
	});

	router.get('/v1.1/product/search', (req) => {
		const conditions = parseQuery(String(req.query.q ?? ''));
		if (!conditions) return v11Error(400, 'Input is invalid: q must look like (attribute:OPERATOR:value|…)');
		const found = [...products(state()).values()].filter((p) => conditions.every((c) => matches(attributeOf(p, c.attribute), c.operator, c.operand)));
		const start = intParam(req.query.start, 0, 0);
		const rows = intParam(req.query.rows, 10, 1, 100);
		const page = found.slice(start, start + rows).map((p) => ({
			id: p.item_id,
			price: p.price,
			org_id: ORG_ID,
			description: p.description,
			sku: p.sku,
			added_on: p.added_on.replace(' ', 'T') + 'Z',
			attributes: { attribute: p.attributes },
			img_url: p.img_url,
			ean: p.ean,
		}));
		return v11Ok({ product: { count: found.length, start, rows, results: { item: page } } }, 'SUCCESS');
	});

	router.post('/v1.1/product/attributes', (req) => {
		const entities = v11Entities(req, 'product');
		const list = catalogList(state(), 'productAttributes');
		const added = entities.flatMap((e) => {
			const raw = (e.attributes as JsonObject | undefined)?.attribute;
			return (Array.isArray(raw) ? raw : raw ? [raw] : []) as JsonObject[];
		});
		if (added.length === 0) return v11Error(400, 'Input is invalid: root.product[].attributes.attribute is missing');
		const results = added.map((a): JsonObject => {
			const name = String(a.name ?? '').trim();
			if (!name) return { name: '', item_status: itemStatus(false, 9181, 'Attribute name is required') };
			if (list.has(name.toLowerCase())) return { name, item_status: itemStatus(false, 9182, 'Attribute already exists') };
			const rawValues = (a.values as JsonObject | undefined)?.value;
			const values = ((Array.isArray(rawValues) ? rawValues : rawValues ? [rawValues] : []) as JsonObject[])
				.filter((v) => String(v.name ?? '') !== '')
				.map((v) => ({ name: String(v.name), label: String(v.label ?? v.name) }));
			const entry: JsonObject = {
				id: 3000 + list.size,
				name,
				label: a.label !== undefined ? String(a.label) : null,
				is_enum: String(a.is_enum ?? '0'),
				type: String(a.type ?? 'String'),
				extraction_rule_type: String(a.extraction_rule_type ?? 'POS'),
				extraction_rule_data: String(a.extraction_rule_data ?? ''),
				is_soft_enum: String(a.is_soft_enum ?? '0'),
				use_in_dump: String(a.use_in_dump ?? '1'),
				default_attribute_value_name: a.default_attribute_value_name !== undefined ? String(a.default_attribute_value_name) : null,
				values: values.map((v) => v.name),
			};
			list.set(name.toLowerCase(), entry);
			const { id: _id, values: _values, ...view } = entry;
			return { ...view, values: { value: values }, item_status: itemStatus(true, 9180, 'Attribute addition successful') };
		});
		const failed = results.filter((r) => (r.item_status as JsonObject).success === 'false').length;
		const payload = { product: { attributes: { attribute: results } } };
		if (failed === results.length) return v11Error(500, 'All requests have failed due to errors', 200, payload);
		return v11Ok(payload, 'SUCCESS');
	});

	router.get('/v1.1/product/attributes', (req) => {
		const q = req.query;
		let list = [...catalogList(state(), 'productAttributes').values()];
		if (q.name) list = list.filter((a) => String(a.name).toLowerCase() === q.name.toLowerCase());
		if (q.id) list = list.filter((a) => String(a.id) === q.id);
		const offset = intParam(q.offset, 0, 0);
		const limit = intParam(q.limit, 20, 1, 100);
		const valueLimit = intParam(q.value_limit, 20, 1);
		const page = list.slice(offset, offset + limit).map((a) => {
			const { id, values, ...rest } = a;
			return {
				...(q.include_id === 'true' ? { id } : {}),
				...rest,
				...(q.values === 'true' ? { values: { value: ((values ?? []) as string[]).slice(0, valueLimit).map((v) => ({ name: v, label: v })) } } : {}),
				item_status: itemStatus(true, 9176, 'Attribute retrieval successful'),
			} as JsonObject;
		});
		return v11Ok({ product: { count: list.length, attributes: { attribute: page } } });
	});

	for (const spec of lists) {
		router.get(spec.path, (req) => {
			const q = req.query;
			let list = [...catalogList(state(), spec.list).values()];
			if (q.name) list = list.filter((e) => String(e.name).toLowerCase() === q.name.toLowerCase());
			if (q.id) list = list.filter((e) => String(e.id) === q.id);
			if (q.pallette) list = list.filter((e) => String(e.pallette).toLowerCase() === q.pallette.toLowerCase());
			if (q.canonical_name) list = list.filter((e) => String(e.canonical_name).toLowerCase() === q.canonical_name.toLowerCase());
			if (q.type) list = list.filter((e) => String(e.type).toLowerCase() === q.type.toLowerCase());
			if (q.size_family) list = list.filter((e) => String(e.size_family).toLowerCase() === q.size_family.toLowerCase());
			if (q.parent_name) list = list.filter((e) => String(e.parent_name ?? '').toLowerCase() === q.parent_name.toLowerCase());
			if (q.parent_id) {
				const parent = list.find((e) => String(e.id) === q.parent_id) ?? [...catalogList(state(), spec.list).values()].find((e) => String(e.id) === q.parent_id);
				list = [...catalogList(state(), spec.list).values()].filter((e) => parent && (e === parent || e.parent_name === parent.name));
			}
			const offset = spec.paging === 'offset' ? intParam(q.offset, 0, 0) : 0;
			const limit = intParam(q.limit, 20, 1, spec.paging === 'offset' ? 100 : 1000);
			const page = list.slice(offset, offset + limit).map((e) => {
				const { id, ...rest } = e;
				return { ...(q.include_id === 'true' ? { id } : {}), ...rest, item_status: itemStatus(true, spec.code, spec.message) } as JsonObject;
			});
			return v11Ok({ product: { count: list.length, [spec.plural]: { [spec.singular]: page } } });
		});
	}
}
