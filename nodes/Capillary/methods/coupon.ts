import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { labelOf, listSearch, loadEntities } from '../shared/lookups';

/**
 * List searches (dropdowns filled from Capillary) for the coupon and card resources.
 *
 * Coupon series come from GET v1.1/coupon/series without an ID, which Capillary documents as
 * "all coupon series of the org" (the v2 series endpoint needs the IDs you are looking for).
 */
export const couponSearch = {
	searchCouponSeries: listSearch({
		path: '/v1.1/coupon/series',
		items: 'series.items.item',
		name: (s) => `${labelOf(s, 'description', 'series_code')} (${labelOf(s, 'id')})`,
		value: (s) => labelOf(s, 'id'),
	}),
	searchCardSeries: listSearch({
		path: '/v2/card/series/get/all',
		name: (s) => `${labelOf(s, 'name', 'code')} (${labelOf(s, 'id')})`,
		value: (s) => labelOf(s, 'id'),
	}),
};

/** Card series for dropdowns inside lists (loadOptions), e.g. the Series of each card of a bulk update. */
export const couponLoadOptions = {
	async getCardSeries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const series = await loadEntities(this, { path: '/v2/card/series/get/all' });
		return series
			.filter((s) => labelOf(s, 'id') !== '')
			.map((s) => ({ name: `${labelOf(s, 'name', 'code')} (${labelOf(s, 'id')})`, value: labelOf(s, 'id'), description: labelOf(s, 'code') }));
	},
};
