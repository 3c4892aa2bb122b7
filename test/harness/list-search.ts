/**
 * Runs a built `listSearch` method (a resource-locator dropdown) of the Capillary node against the
 * simulator, with the smallest load-options context those methods use: Basic-auth credentials,
 * the current node parameters, and an HTTP helper that signs requests like n8n would.
 */
import { createHash } from 'node:crypto';

import { DEFAULT_TILL } from '../simulator/auth';
import type { Simulator } from '../simulator/server';
import { basicCredentials } from './fixtures';

export type SearchResult = { results: Array<{ name: string; value: string; url?: string }> };

type ListSearchMethod = (this: unknown, filter?: string) => Promise<SearchResult>;

export async function runListSearch(sim: Simulator, method: string, filter?: string, parameters: Record<string, unknown> = {}): Promise<SearchResult> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Capillary } = require('../../dist/nodes/Capillary/Capillary.node') as { Capillary: new () => { methods: { listSearch: Record<string, ListSearchMethod> } } };
	const credentials = basicCredentials(sim);
	const passwordHash = createHash('md5').update(DEFAULT_TILL.password).digest('hex');
	const authorization = `Basic ${Buffer.from(`${DEFAULT_TILL.username}:${passwordHash}`).toString('base64')}`;
	const context = {
		getNodeParameter: (name: string, fallback: unknown) => (name === 'authentication' ? 'basicAuth' : fallback),
		getCurrentNodeParameter: (name: string) => parameters[name],
		getCredentials: async () => credentials,
		getNode: () => ({ name: 'Capillary', type: 'capillary', typeVersion: 1, position: [0, 0], parameters: {} }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { method: string; baseURL: string; url: string; qs?: Record<string, string> }) => {
				const url = new URL(options.url, options.baseURL);
				for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, { method: options.method, headers: { authorization, accept: 'application/json' } });
				return { statusCode: response.status, body: await response.json() };
			},
		},
	};
	return await new Capillary().methods.listSearch[method].call(context, filter);
}
