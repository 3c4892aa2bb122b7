import type {
	IDataObject,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ANSWER_AS_IS, baseUrlOf } from '../../../credentials/CapillaryAuth';
import { getPath, unwrap } from './envelopes';
import { findProblem, describeProblem } from './errors';
import { familyOf } from './operation';
import { parseBody } from './transport';

/**
 * Dropdowns filled from Capillary (coupon series, badges, programs …), with the usual fallback of
 * typing the ID or an expression. Fields are n8n resource locators ("From List" / "By ID"); the
 * list comes from a `listSearch` method built by `listSearch()`.
 */

export function locatorField(options: {
	displayName: string;
	name: string;
	/** Name of a method in `listSearchMethods` (see methods/). */
	searchMethod: string;
	placeholder?: string;
	description?: string;
	required?: boolean;
	routing?: INodePropertyRouting;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.displayName.replace(/ ID$/, '').toLowerCase()}…`,
				typeOptions: { searchListMethod: options.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder ?? '12345',
			},
		],
		...(options.routing ? { routing: options.routing } : {}),
	};
}

export interface ListSearchSpec {
	method?: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	/** Dot path to the entity list inside the unwrapped response. */
	items?: string;
	/** Entity → label shown in the list. */
	name: (entity: IDataObject) => string;
	/** Entity → the value the operation needs (usually the ID). */
	value: (entity: IDataObject) => string | number;
	/** Entity → link to the entity in InTouch, when there is one. */
	url?: (entity: IDataObject) => string | undefined;
}

const credentialTypeFor = (context: ILoadOptionsFunctions) =>
	context.getNodeParameter('authentication', 'basicAuth') === 'oAuth' ? 'capillaryOAuthApi' : 'capillaryApi';

/** One GET (or `spec.method`) to Capillary for a dropdown: the entities of the unwrapped response. */
export async function loadEntities(
	context: ILoadOptionsFunctions,
	spec: Pick<ListSearchSpec, 'method' | 'path' | 'qs' | 'items'>,
): Promise<IDataObject[]> {
	const credentialType = credentialTypeFor(context);
	const credentials = await context.getCredentials(credentialType);
	const family = familyOf(spec.path);
	const qs: IDataObject = { ...(spec.qs ?? {}) };
	if (family === 'v1.1') qs.format = 'json';
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, {
		method: spec.method ?? 'GET',
		baseURL: baseUrlOf(credentials),
		url: spec.path,
		qs,
		headers: { Accept: 'application/json' },
		...ANSWER_AS_IS,
	})) as { statusCode: number; body: unknown };
	const body = parseBody(response.body);
	const problem = findProblem(family, response.statusCode, body);
	if (problem) {
		const { message, description } = describeProblem(problem, {});
		throw new NodeOperationError(context.getNode(), message, { description });
	}
	return unwrap(family, body, { items: spec.items }).entities;
}

/** Builds a listSearch method: one request, entities filtered by the typed text. */
export function listSearch(spec: ListSearchSpec) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const entities = await loadEntities(this, spec);
		const needle = (filter ?? '').trim().toLowerCase();
		const results: INodeListSearchItems[] = entities
			.map((entity) => ({ name: spec.name(entity), value: spec.value(entity), url: spec.url?.(entity) }))
			.filter((r) => r.value !== undefined && r.value !== null && r.value !== '')
			.filter((r) => !needle || `${r.name} ${r.value}`.toLowerCase().includes(needle));
		return { results };
	};
}

/** A readable label from the first present field. */
export function labelOf(entity: IDataObject, ...keys: string[]): string {
	for (const key of keys) {
		const value = getPath(entity, key);
		if (value !== undefined && value !== null && value !== '') return String(value);
	}
	return '';
}
