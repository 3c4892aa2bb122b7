/**
 * Runs a built `listSearch` method (a resource-locator dropdown) of the Capillary action nodes (all share them) against the
 * simulator, with the smallest load-options context those methods use: Basic-auth credentials,
 * the current node parameters, and an HTTP helper that signs requests like n8n would.
 */
import { createHash } from 'node:crypto';

import { DEFAULT_TILL } from '../simulator/auth';
import type { Simulator } from '../simulator/server';
import { basicCredentials } from './fixtures';

export type SearchResult = { results: Array<{ name: string; value: string; url?: string }> };

type ListSearchMethod = (this: unknown, filter?: string) => Promise<SearchResult>;

/** The load-options context the dropdown methods use (Basic auth against the simulator). */
function loadOptionsContext(sim: Simulator, parameters: Record<string, unknown>) {
	const credentials = basicCredentials(sim);
	const passwordHash = createHash('md5').update(DEFAULT_TILL.password).digest('hex');
	const authorization = `Basic ${Buffer.from(`${DEFAULT_TILL.username}:${passwordHash}`).toString('base64')}`;
	return {
		getNodeParameter: (name: string, fallback: unknown) => (name === 'authentication' ? 'basicAuth' : fallback),
		getCurrentNodeParameter: (name: string) => parameters[name],
		getCredentials: async () => credentials,
		getNode: () => ({ name: 'Capillary Customers', type: 'capillaryCustomers', typeVersion: 1, position: [0, 0], parameters: {} }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { method: string; baseURL: string; url: string; qs?: Record<string, string> }) => {
				const url = new URL(options.url, options.baseURL);
				for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, { method: options.method, headers: { authorization, accept: 'application/json' } });
				return { statusCode: response.status, body: await response.json() };
			},
		},
	};
}

interface BuiltMethods {
	listSearch: Record<string, ListSearchMethod>;
	loadOptions: Record<string, (this: unknown) => Promise<Array<{ name: string; value: string; description?: string }>>>;
}

function builtMethods(): BuiltMethods {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { CapillaryCustomers } = require('../../dist/nodes/CapillaryCustomers/CapillaryCustomers.node') as { CapillaryCustomers: new () => { methods: BuiltMethods } };
	return new CapillaryCustomers().methods;
}

export async function runListSearch(sim: Simulator, method: string, filter?: string, parameters: Record<string, unknown> = {}): Promise<SearchResult> {
	return await builtMethods().listSearch[method].call(loadOptionsContext(sim, parameters), filter);
}

/** Runs a built `loadOptions` method (a dropdown inside a list) against the simulator. */
export async function runLoadOptions(sim: Simulator, method: string, parameters: Record<string, unknown> = {}): Promise<Array<{ name: string; value: string; description?: string }>> {
	return await builtMethods().loadOptions[method].call(loadOptionsContext(sim, parameters));
}

/** Every method name the built methods offer, by kind (to check that fields reference existing ones). */
export function builtMethodNames(): { listSearch: string[]; loadOptions: string[] } {
	const methods = builtMethods();
	return { listSearch: Object.keys(methods.listSearch), loadOptions: Object.keys(methods.loadOptions ?? {}) };
}
