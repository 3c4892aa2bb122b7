import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { createHash } from 'crypto';

import { hostOf } from '../../../credentials/CapillaryAuth';
import { accessGroupOf } from './accessGroups';
import { countOf, entityFailure, getPath, unwrap } from './envelopes';
import { findProblem, problemToError } from './errors';
import { isBlank } from './fields';
import { getOperation, isIdempotent, pathParameters } from './operation';
import { sendGateOf } from './sendGate';
import { readSettings, sendRequest } from './transport';
import type { PaginationSpec, RegisteredOperation } from './types';

/**
 * The node-wide request executor. n8n calls it (as the "pagination" handler) once per item with
 * the request the declarative routing built; it validates the input, adapts the request to the
 * endpoint's API family, sends it through the transport (concurrency, retries, token refresh),
 * follows pagination, maps Capillary's errors and returns the entities as items.
 */
export async function executeCapillaryRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const resource = this.getNodeParameter('resource') as string;
	const operationName = this.getNodeParameter('operation') as string;
	const operation = getOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `Unknown operation "${operationName}" for resource "${resource}"`, {
			itemIndex: this.getItemIndex(),
		});
	}
	validateParameters(this, operation);
	if (needsOrgId(operation.path)) await requireOrgId(this);
	const request = prepareRequest(this, operation, requestData.options as IHttpRequestOptions);
	await sendGateOf(this)?.pass(this.getItemIndex());
	const entities = operation.pagination
		? await fetchPages(this, operation, operation.pagination, request)
		: await fetchOnce(this, operation, request);
	const simplify = operation.output?.simplify && this.getNodeParameter('simplify', true) === true;
	const itemIndex = this.getItemIndex();
	return entities.map((entity) => ({
		json: simplify ? operation.output!.simplify!(entity) : entity,
		pairedItem: { item: itemIndex },
	}));
}

// ---------------------------------------------------------------------------------------------
// Input validation: nothing is sent when the input is locally invalid
// ---------------------------------------------------------------------------------------------

/** A parameter's value, or null when n8n has none (hidden parameters are absent, and n8n throws for those). */
function parameter(context: IExecuteSingleFunctions, name: string, extractValue = false): unknown {
	return context.getNodeParameter(name, null, { extractValue }) as unknown;
}

function isShown(field: INodeProperties, context: IExecuteSingleFunctions): boolean {
	const matches = (name: string, allowed: unknown[]) => {
		if (name === 'resource' || name === 'operation') return true;
		const value = parameter(context, name);
		return allowed.some((a) => a === value);
	};
	const { show, hide } = field.displayOptions ?? {};
	for (const [name, allowed] of Object.entries(show ?? {})) {
		if (!name.startsWith('@') && Array.isArray(allowed) && !matches(name, allowed)) return false;
	}
	for (const [name, hidden] of Object.entries(hide ?? {})) {
		if (!name.startsWith('@') && Array.isArray(hidden) && matches(name, hidden)) return false;
	}
	return true;
}

/** A parameter's value; resource locators give their ID. */
function valueOf(context: IExecuteSingleFunctions, field: INodeProperties | undefined, name: string): unknown {
	return parameter(context, name, field?.type === 'resourceLocator');
}

/**
 * A path value that is a dot segment ("." or "..") would be resolved away by URL normalisation
 * (`/targets/..` becomes the parent path), so the request would reach another endpoint.
 * encodeURIComponent leaves dots alone, hence the explicit refusal. Exported for other runners.
 */
export function checkPathValue(node: INode, displayName: string, value: unknown, itemIndex?: number): void {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
	if (text === '.' || text === '..') {
		throw new NodeOperationError(node, `Parameter "${displayName}" cannot be "${text}"`, {
			description: `"${text}" in a URL path means "this folder" or "the folder above", so the request would go to another endpoint. Use the real ID.`,
			itemIndex,
		});
	}
}

/** A finite number, or a decimal number as text (no hex, no blanks). */
const isNumeric = (value: unknown) => (typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value));

function describeValue(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

function validateParameters(context: IExecuteSingleFunctions, operation: RegisteredOperation): void {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const pathParams = new Set(pathParameters(operation.path));
	for (const field of operation.fields ?? []) {
		if (field.type === 'notice' || !isShown(field, context)) continue;
		const value = valueOf(context, field, field.name);
		if (field.required && isBlank(value)) {
			throw new NodeOperationError(node, `Parameter "${field.displayName}" is required`, {
				description: field.description ? `${field.displayName}: ${field.description}` : undefined,
				itemIndex,
			});
		}
		if (pathParams.has(field.name) && typeof value === 'object' && value !== null) {
			throw new NodeOperationError(node, `Parameter "${field.displayName}" must be text or a number, not an object`, {
				description: 'The expression returned an object or a list. Pick the single value, e.g. {{ $json.id }}.',
				itemIndex,
			});
		}
		if (value === undefined || value === null || value === '') continue;
		// Expressions can return anything; what Capillary would take as another type is refused here.
		if (field.type === 'number' && !isNumeric(value)) {
			throw new NodeOperationError(node, `Parameter "${field.displayName}" must be a number`, { description: `Got ${describeValue(value)}.`, itemIndex });
		}
		if (field.type === 'string' && typeof value === 'object' && !Array.isArray(value)) {
			throw new NodeOperationError(node, `Parameter "${field.displayName}" must be text, not an object`, {
				description: 'The expression returned an object. Pick the single value, e.g. {{ $json.mobile }}.',
				itemIndex,
			});
		}
		// A date and time as text, or epoch milliseconds (some builders take either).
		if (field.type === 'dateTime' && !isNumeric(value) && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
			throw new NodeOperationError(node, `Parameter "${field.displayName}" must be a date and time`, { description: `Got ${describeValue(value)}; use e.g. 2026-03-01T10:00:00.`, itemIndex });
		}
	}
	for (const name of pathParams) {
		const field = operation.fields?.find((f) => f.name === name);
		const value = valueOf(context, field, name);
		if (isBlank(value)) {
			throw new NodeOperationError(node, `Parameter "${field?.displayName ?? name}" is required`, { itemIndex });
		}
		checkPathValue(node, field?.displayName ?? name, value, itemIndex);
	}
	if (operation.pagination) {
		const returnAll = context.getNodeParameter('returnAll', false) as boolean;
		const limit = Number(context.getNodeParameter('limit', 50));
		if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
			throw new NodeOperationError(node, 'Parameter "Limit" must be a whole number of at least 1', { itemIndex });
		}
	}
}

/**
 * api_gateway and staff (/v2/staff…) endpoints identify the org by the X-CAP-API-AUTH-ORG-ID header
 * (the staff pages: "The org id to which you want to associate the staff user"); without it
 * Capillary can only refuse.
 */
function needsOrgId(path: string): boolean {
	return path.startsWith('/api_gateway/') || path === '/v2/staff' || path.startsWith('/v2/staff/');
}

async function requireOrgId(context: IExecuteSingleFunctions): Promise<void> {
	const type = context.getNodeParameter('authentication', 'basicAuth') === 'oAuth' ? 'capillaryOAuthApi' : 'capillaryApi';
	const credentials = await context.getCredentials(type);
	if (String(credentials.orgId ?? '').trim() === '') {
		throw new NodeOperationError(context.getNode(), 'This operation needs the Org ID of your Capillary organization', {
			description: "Staff, badges, rewards and other api_gateway endpoints identify the org with the X-CAP-API-AUTH-ORG-ID header. Fill in Org ID in the credential (InTouch shows it under Settings > Organization).",
			itemIndex: context.getItemIndex(),
		});
	}
}

// ---------------------------------------------------------------------------------------------
// Request preparation per API family
// ---------------------------------------------------------------------------------------------

function withoutEmpty(values: IDataObject | undefined): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(values ?? {})) {
		if (value === undefined || value === null || value === '') continue;
		out[key] = Array.isArray(value) ? value.join(',') : value;
	}
	return out;
}

function prepareRequest(
	context: IExecuteSingleFunctions,
	operation: RegisteredOperation,
	options: IHttpRequestOptions,
): IHttpRequestOptions {
	const request: IHttpRequestOptions = { ...options, qs: withoutEmpty({ ...(options.qs ?? {}), ...(operation.fixed?.query ?? {}) }) };
	if (operation.fixed?.body) request.body = { ...((options.body as IDataObject) ?? {}), ...operation.fixed.body };
	request.headers = { Accept: 'application/json', 'Content-Type': 'application/json', ...(options.headers ?? {}) };
	const hasBody =
		operation.method !== 'GET' &&
		operation.method !== 'HEAD' &&
		!(operation.method === 'DELETE' && (request.body === undefined || (typeof request.body === 'object' && Object.keys(request.body as object).length === 0)));
	if (!hasBody) delete request.body;
	if (operation.family === 'v1.1') {
		request.qs = { ...request.qs, format: 'json' };
		if (hasBody && operation.v11Root) {
			const body = request.body;
			const entities = Array.isArray(body) ? body : [body ?? {}];
			request.body = { root: { [operation.v11Root]: entities } };
		}
	}
	return request;
}

// ---------------------------------------------------------------------------------------------
// Sending, unwrapping, paging
// ---------------------------------------------------------------------------------------------

interface Page {
	entities: IDataObject[];
	total?: number;
	body?: unknown;
}

async function fetchOnce(
	context: IExecuteSingleFunctions,
	operation: RegisteredOperation,
	request: IHttpRequestOptions,
	items?: string,
): Promise<IDataObject[]> {
	return (await fetchPage(context, operation, request, items)).entities;
}

async function fetchPage(
	context: IExecuteSingleFunctions,
	operation: RegisteredOperation,
	request: IHttpRequestOptions,
	items?: string,
): Promise<Page> {
	const idempotent = isIdempotent(operation);
	// One method per operation, the one the endpoint's docs give: never a second request with another.
	const response = await sendRequest(context, request, { idempotent });
	const host = hostOf(String(request.baseURL ?? ''));
	const problem = findProblem(operation.family, response.statusCode, response.body);
	if (problem) {
		throw problemToError(context.getNode(), problem, {
			host,
			itemIndex: context.getItemIndex(),
			body: response.body,
			attempts: response.attempts,
			accessGroup: accessGroupOf(operation.method, operation.path),
			query: request.qs,
			outcomeUnknown: response.outcomeUnknown,
		});
	}
	const { entities, warnings, total, strays } = unwrap(operation.family, response.body, {
		...operation.output,
		items: items ?? operation.output?.items,
	});
	// Plain values where the operation reads records are not results: an error, not items that look like data.
	if (strays) {
		throw problemToError(
			context.getNode(),
			{ httpCode: response.statusCode, code: String(response.statusCode), message: `Capillary answered a plain value (${JSON.stringify(strays[0]).slice(0, 60)}) where the node reads records`, kind: 'empty' },
			{ host, itemIndex: context.getItemIndex(), body: response.body, attempts: response.attempts, outcomeUnknown: !idempotent },
		);
	}
	// A write or delete answered with success but nothing the node can read (no entity, or only empty
	// ones): its item would vanish, or read as a success it is not. A write may have been applied.
	const unreadable = entities.every((entity) => Object.keys(entity).length === 0);
	if ((!idempotent || operation.method === 'DELETE') && unreadable && response.statusCode !== 204) {
		throw problemToError(
			context.getNode(),
			{ httpCode: response.statusCode, code: String(response.statusCode), message: 'Capillary answered without a result the node can read', kind: 'empty' },
			{ host, itemIndex: context.getItemIndex(), body: response.body, attempts: response.attempts, outcomeUnknown: !idempotent },
		);
	}
	if (warnings) for (const entity of entities) entity.warnings ??= warnings as IDataObject[];
	const answer = { statusCode: response.statusCode, body: response.body, outcomeUnknown: response.outcomeUnknown };
	if (operation.output?.perEntityStatus) markEntityStatus(context, entities, answer);
	else if (!operation.output?.entityErrorsAreData) rejectFailedEntities(context, entities, answer);
	return { entities, total, body: response.body };
}

/**
 * Bulk calls: one item per entity with `success` and, when it failed, `errorCode`/`errorMessage`.
 * When every entity failed the request failed: that is an error, not a list of failures.
 */
interface Answer {
	statusCode: number;
	body: unknown;
	outcomeUnknown?: boolean;
}

function markEntityStatus(context: IExecuteSingleFunctions, entities: IDataObject[], { statusCode, body, outcomeUnknown }: Answer) {
	let failed = 0;
	for (const entity of entities) {
		const failure = entityFailure(entity);
		entity.success = !failure;
		if (failure) {
			failed++;
			entity.errorCode = failure.code;
			entity.errorMessage = failure.message;
		}
	}
	if (entities.length > 0 && failed === entities.length) {
		const first = entities[0];
		throw problemToError(
			context.getNode(),
			{ httpCode: statusCode, code: String(first.errorCode || statusCode), message: `${String(first.errorMessage)}${entities.length > 1 ? ` (all ${entities.length} entities failed)` : ''}`, kind: 'v1.1 item' },
			{ itemIndex: context.getItemIndex(), body, outcomeUnknown },
		);
	}
}

/** A single-entity call whose entity reports a failure (v1.1 item_status, v2 per-entity errors). */
function rejectFailedEntities(context: IExecuteSingleFunctions, entities: IDataObject[], { statusCode, body, outcomeUnknown }: Answer) {
	const failures = entities.map(entityFailure).filter((f) => f !== undefined);
	if (failures.length === 0) return;
	if (failures.length < entities.length && entities.length > 1) return;
	const first = failures[0]!;
	throw problemToError(
		context.getNode(),
		{ httpCode: statusCode, code: first.code || String(statusCode), message: first.message, kind: 'v1.1 item' },
		{ itemIndex: context.getItemIndex(), body, outcomeUnknown },
	);
}

/** Short fingerprint of an entity, to notice a page that repeats what was already read. */
function fingerprint(entity: IDataObject): string {
	return createHash('sha1').update(JSON.stringify(entity)).digest('base64').slice(0, 16);
}

function maxPagesReached(context: IExecuteSingleFunctions, operation: RegisteredOperation, pages: number, read: number): NodeApiError {
	return pagingStopped(
		context,
		operation,
		`Stopped paging after ${pages} pages (Max Pages)`,
		`${read} results were read and Capillary still reported more. Raise Max Pages (the node's Settings > Request Options), or narrow the filters.`,
	);
}

function millionReached(context: IExecuteSingleFunctions, operation: RegisteredOperation): NodeApiError {
	return pagingStopped(context, operation, 'Stopped paging after one million results', 'Narrow the filters, or turn off Return All and use Limit.');
}

/** Whether a page's body holds a list where the operation's results sit (v1.1 envelopes aside). */
function listIn(operation: RegisteredOperation, items: string | undefined, body: unknown): boolean {
	if (operation.family === 'v1.1') return true;
	const path = items ?? operation.output?.items;
	if (path) return Array.isArray(getPath(body, path));
	const object = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : undefined;
	return Array.isArray(body) || Array.isArray(object?.data) || Array.isArray(object?.response);
}

function pagingStopped(context: IExecuteSingleFunctions, operation: RegisteredOperation, message: string, description: string): NodeApiError {
	return new NodeApiError(context.getNode(), {}, { message: `${message} (${operation.method} ${operation.path})`, description, itemIndex: context.getItemIndex() });
}

async function fetchPages(
	context: IExecuteSingleFunctions,
	operation: RegisteredOperation,
	pagination: PaginationSpec,
	request: IHttpRequestOptions,
): Promise<IDataObject[]> {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const wanted = returnAll ? Infinity : Number(context.getNodeParameter('limit', 50));
	if (pagination.style === 'none') {
		const entities = await fetchOnce(context, operation, request, pagination.items);
		return entities.slice(0, wanted);
	}
	if (pagination.style === 'window') return await fetchWindows(context, operation, pagination, request, wanted);
	const { maxPages } = readSettings(context);
	const limitParam = pagination.limitParam ?? 'limit';
	const pageParam = pagination.style === 'offset' ? (pagination.offsetParam ?? 'offset') : pagination.pageParam;
	const collected: IDataObject[] = [];
	const seen = new Set<string>();
	let page = pagination.style === 'page' ? pagination.firstPage : 0;
	let offset = 0;
	let offsetIsPage = false;
	for (let pages = 1; ; pages++) {
		const pageSize = Math.min(pagination.maxPageSize, wanted - collected.length);
		const fixedSize = pagination.style === 'page' || offsetIsPage;
		const qs: IDataObject = { ...request.qs, [limitParam]: fixedSize ? pagination.maxPageSize : pageSize };
		qs[pageParam] = pagination.style === 'offset' && !offsetIsPage ? offset : page;
		const fetched = await fetchPage(context, operation, { ...request, qs }, pagination.items);
		const { entities } = fetched;
		if (pages > 1 && !listIn(operation, pagination.items, fetched.body)) {
			throw pagingStopped(
				context,
				operation,
				`Stopped paging: page ${pages} has no list of results`,
				`Capillary answered ${pageParam}=${String(qs[pageParam])} without the list the earlier pages had. ${collected.length} results were read before; none are returned, to avoid a partial list. Run it again; if it persists, turn off Return All and use Limit.`,
			);
		}
		// A page made only of entities already read means the server ignored the paging parameter
		// (or the list moved under it): going on would read the same page forever.
		const prints = entities.map(fingerprint);
		const fresh = entities.filter((_, i) => !seen.has(prints[i]));
		const repeated = (request: number, value: unknown, count: number) =>
			pagingStopped(
				context,
				operation,
				`Stopped paging: page ${request} repeated results already read`,
				`Capillary answered ${pageParam}=${String(value)} with the same ${count} results as an earlier page, so it does not seem to honour the paging parameter "${pageParam}". ${collected.length} results were read before; none are returned, to avoid a partial list. Turn off Return All and use Limit, or narrow the filters.`,
			);
		if (entities.length > 0 && fresh.length === 0) throw repeated(pages, qs[pageParam], entities.length);
		for (const f of prints) seen.add(f);
		const total = pagination.totalPath ? countOf(getPath(fetched.body, pagination.totalPath)) : fetched.total;
		// Rows that slid onto this page from the previous one (entries added above them) are read once.
		collected.push(...fresh);
		offset += entities.length;
		page++;
		const requested = Number(qs[limitParam]);
		// A short page ends the list only when Capillary reports no total: with a total, a short page
		// is Capillary's own page cap, and the next page continues after it.
		const exhausted = entities.length === 0 || (total !== undefined ? offset >= total : entities.length < requested);
		if (exhausted || collected.length >= wanted) break;
		if (pagination.style === 'offset' && pagination.offsetMayBePage && pages === 1 && entities.length > 1) {
			// The docs call this offset both "rows to skip" and "page number". Ask for offset=1 once:
			// rows to skip start with the first page's second entry, a page index does not.
			const probe = (await fetchPage(context, operation, { ...request, qs: { ...qs, [pageParam]: 1 } }, pagination.items)).entities.map(fingerprint);
			if (probe[0] === prints[0]) throw repeated(2, 1, probe.length);
			offsetIsPage = probe[0] !== prints[1];
			page = 1;
		}
		if (pages >= maxPages) throw maxPagesReached(context, operation, pages, collected.length);
		if (collected.length > 1_000_000) throw millionReached(context, operation);
	}
	return collected.slice(0, wanted);
}

/** Pages a log by position windows: each page continues from the last entry of the previous one. */
async function fetchWindows(
	context: IExecuteSingleFunctions,
	operation: RegisteredOperation,
	pagination: Extract<PaginationSpec, { style: 'window' }>,
	request: IHttpRequestOptions,
	wanted: number,
): Promise<IDataObject[]> {
	const { maxPages } = readSettings(context);
	const collected: IDataObject[] = [];
	const seen = new Set<string>();
	const window: IDataObject = {};
	let oldestFirst: boolean | undefined;
	for (let pages = 1; ; pages++) {
		const requested = Math.min(pagination.maxPageSize, wanted - collected.length);
		const qs: IDataObject = { ...request.qs, ...window, [pagination.limitParam]: requested };
		const { entities } = await fetchPage(context, operation, { ...request, qs }, pagination.items);
		let added = 0;
		for (const entity of entities) {
			const id = String(entity[pagination.idField] ?? JSON.stringify(entity));
			if (seen.has(id)) continue;
			seen.add(id);
			collected.push(entity);
			added++;
		}
		if (entities.length < requested || collected.length >= wanted) break;
		// A full page: the log has more. Going on needs a window that moves.
		const positions = entities.map((e) => Number(e[pagination.positionField])).filter(Number.isFinite);
		const stuck = (why: string) =>
			pagingStopped(
				context,
				operation,
				`Stopped paging: ${why}`,
				`${collected.length} results were read before; none are returned, to avoid a partial list. Narrow the time range, or turn off Return All and use Limit.`,
			);
		if (positions.length < entities.length) throw stuck(`page ${pages} has entries without ${pagination.positionField}, so the next page cannot start after them`);
		if (added === 0) throw stuck(`page ${pages} repeated entries already read (Capillary ignored the window, or more than a page of entries share one ${pagination.positionField})`);
		// The docs' samples list newest first; only a first page sorted oldest first turns the direction.
		oldestFirst ??= positions.every((p, i) => i === 0 || positions[i - 1] <= p) && positions[0] < positions[positions.length - 1];
		if (oldestFirst) window[pagination.sinceParam] = Math.max(...positions);
		else window[pagination.untilParam] = Math.min(...positions);
		if (pages >= maxPages) throw maxPagesReached(context, operation, pages, collected.length);
		if (collected.length > 1_000_000) throw millionReached(context, operation);
	}
	return collected.slice(0, wanted);
}
