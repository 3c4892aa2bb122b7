/**
 * The Brand, Category, Color and Size dropdowns of Product → Add: the built listSearch methods
 * against the simulator, with a minimal load-options context (Basic auth).
 */
import { createHash } from 'node:crypto';

import { basicCredentials, useCapillary } from '../harness/fixtures';
import { DEFAULT_TILL } from '../simulator/auth';

type SearchResult = { results: Array<{ name: string; value: string }> };

describe('product catalog dropdowns', () => {
	const capillary = useCapillary();

	async function search(method: string, filter?: string): Promise<SearchResult> {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Capillary } = require('../../dist/nodes/Capillary/Capillary.node') as {
			Capillary: new () => { methods: { listSearch: Record<string, (this: unknown, filter?: string) => Promise<SearchResult>> } };
		};
		const credentials = basicCredentials(capillary.sim);
		const authorization = `Basic ${Buffer.from(`${DEFAULT_TILL.username}:${createHash('md5').update(DEFAULT_TILL.password).digest('hex')}`).toString('base64')}`;
		const context = {
			getNodeParameter: (name: string, fallback: unknown) => (name === 'authentication' ? 'basicAuth' : fallback),
			getCredentials: async () => credentials,
			getNode: () => ({ name: 'Capillary', type: 'capillary', typeVersion: 1, position: [0, 0], parameters: {} }),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: { method: string; baseURL: string; url: string; qs: Record<string, string> }) => {
					const url = new URL(options.url, options.baseURL);
					for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
					const response = await fetch(url, { method: options.method, headers: { authorization, accept: 'application/json' } });
					return { statusCode: response.status, body: await response.json() };
				},
			},
		};
		return await new Capillary().methods.listSearch[method].call(context, filter);
	}

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
