import type { IDataObject } from 'n8n-workflow';

import { labelOf, listSearch } from '../shared/lookups';

/** Product catalog values (v1.1 product/*): the names product/add accepts for brand, category, color and size. */
function productValues(path: string, items: string, label: (e: IDataObject) => string) {
	return listSearch({
		path,
		qs: { limit: 500 },
		items,
		name: label,
		value: (e) => labelOf(e, 'name'),
	});
}

const withLabel = (e: IDataObject) => {
	const name = labelOf(e, 'name');
	const label = labelOf(e, 'label');
	const parent = labelOf(e, 'parent_name');
	return `${name}${label && label !== name ? ` – ${label}` : ''}${parent ? ` (in ${parent})` : ''}`;
};

/** List searches (dropdowns filled from Capillary) for the operations resources. */
export const operationsSearch = {
	searchProductBrands: productValues('/v1.1/product/brands', 'product.brands.brand', withLabel),
	searchProductCategories: productValues('/v1.1/product/categories', 'product.categories.category', withLabel),
	searchProductColors: productValues('/v1.1/product/colors', 'product.colors.color', (e) => `${labelOf(e, 'name')} (#${labelOf(e, 'pallette')})`),
	searchProductSizes: productValues('/v1.1/product/sizes', 'product.sizes.size', (e) => {
		const type = labelOf(e, 'type');
		return `${labelOf(e, 'name')}${type ? ` (${type})` : ''}`;
	}),
};
