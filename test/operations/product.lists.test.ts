/**
 * The Brand, Category, Color and Size dropdowns of Product → Add: the built listSearch methods
 * against the simulator, with a minimal load-options context (Basic auth).
 */

import { useCapillary } from '../harness/fixtures';
import { runListSearch } from '../harness/list-search';

describe('product catalog dropdowns', () => {
	const capillary = useCapillary();

	const search = (method: string, filter?: string) => runListSearch(capillary.sim, method, filter);

	it('lists brands by name, with label and parent', async () => {
		const { results } = await search('searchProductBrands');
		expect(results.map((r) => r.value)).toEqual(['AA', 'BB', 'CC', 'Lee']);
		expect(results[1].name).toBe('BB – b1 (in AA)');
		const request = capillary.sim.apiRequests()[0];
		expect(request.path).toBe('/v1.1/product/brands');
		expect(request.query).toMatchObject({ format: 'json', limit: '500' });
		expect((await search('searchProductBrands', 'lee')).results.map((r) => r.value)).toEqual(['Lee']);
	});

	it('lists categories, colors and sizes', async () => {
		expect((await search('searchProductCategories')).results.map((r) => r.value)).toContain('HANDBAG(S)');
		expect((await search('searchProductColors', 'navy')).results).toEqual([expect.objectContaining({ name: 'Navy (#000080)', value: 'Navy' })]);
		expect((await search('searchProductSizes')).results[0]).toEqual(expect.objectContaining({ name: 'L (Mens Shirt)', value: 'L' }));
	});
});
