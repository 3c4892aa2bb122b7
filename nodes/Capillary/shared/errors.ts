import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiFamily } from './types';

/**
 * One place that recognises every way Capillary reports a failure, and turns it into a
 * NodeApiError whose message carries Capillary's code and words and whose description says what
 * to check. Capillary often answers HTTP 200 with the error inside the body.
 */

export interface CapillaryProblem {
	httpCode: number;
	/** Capillary's own code (item, envelope or HTTP), as text. */
	code: string;
	message: string;
	/** Where it came from, for the description. */
	kind: 'http' | 'v1.1 status' | 'v1.1 item' | 'v2 errors' | 'v3 errors' | 'not json' | 'empty' | 'redirect';
}

/** Short human messages for the codes users meet most. Keyed by Capillary code. */
export const KNOWN_CODES: Record<string, { message: string; hint: string }> = {
	'401': {
		message: 'Authentication failed',
		hint: 'Check the username and password (or client key and secret) of the credential and that it points at the right Region.',
	},
	'403': {
		message: 'Access denied',
		hint: "The API client's access group lacks this resource, or API v2 is not enabled for the org. Ask your Capillary admin to add the resource to the access group.",
	},
	'404': { message: 'Not found', hint: 'Check the IDs in the request; the entity may not exist in this org.' },
	'429': { message: 'Rate limit exceeded', hint: 'Capillary throttled the request. Lower Max Concurrent Requests or try again later.' },
	'461': { message: 'Search engine busy', hint: 'Capillary asked to retry later; the node already retried as configured.' },
	'498': { message: 'OAuth token expired', hint: 'The node refreshes tokens itself; if this persists, check the API client in InTouch.' },
	'521': {
		message: 'Another action is running for this customer',
		hint: 'Capillary processes one change per customer at a time. Retry later or space out items for the same customer.',
	},
	'804': { message: 'Insufficient points', hint: "The customer's current points balance is lower than the points requested." },
	'805': { message: 'Insufficient lifetime points', hint: 'The customer does not meet the lifetime points needed for redemption.' },
	'1001': { message: 'Invalid mobile number', hint: 'Send the mobile number with its country code, digits only (e.g. 919111111111).' },
	'1060': { message: 'Batch size limit exceeded', hint: 'Send fewer entities per request (lower the chunk size).' },
	'1064': { message: 'Invalid org ID', hint: 'Check the Org ID of the credential.' },
	'4000': {
		message: 'Not authorized: access is denied',
		hint: "The API client's access group does not include the resource this operation needs. Ask your Capillary admin to add it.",
	},
	'4001': { message: 'Authorization status unavailable', hint: 'A temporary Capillary problem; the node already retried as configured.' },
	'8011': { message: 'Invalid source account', hint: 'Check the Account ID for the chosen source.' },
	'8012': { message: 'Invalid source', hint: 'Check the Source parameter.' },
	'8013': {
		message: 'Invalid customer identifier',
		hint: 'Check the Identifier Type and that the value has the right format for it.',
	},
	'8015': {
		message: 'Customer not found',
		hint: 'No customer has this identifier. Check the identifier type and value, the source and the account ID.',
	},
	'8045': { message: 'Account ID missing', hint: 'This source has several accounts: fill in Account ID.' },
	'8065': {
		message: 'Customer not found in this source',
		hint: 'The identifier exists, but not in the given source. Check the Source and Account ID.',
	},
	'8069': { message: 'Customer merged into another account', hint: 'Look the customer up again to get the surviving customer ID.' },
	'320001': {
		message: 'Invalid client key and secret',
		hint: 'Check the Client Key and Client Secret of the credential and its Region.',
	},
};

/**
 * Any value from a response as readable text: Capillary's fields are sometimes numbers, booleans,
 * objects or lists where text is documented; an object shows as compact JSON, never "[object Object]".
 */
export function readable(value: unknown, max = 300): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	let text: string;
	try {
		text = JSON.stringify(value) ?? '';
	} catch {
		text = Array.isArray(value) ? '[list]' : '{object}';
	}
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

const truthy = (v: unknown) => v === true || v === 'true' || v === 1 || v === '1';
const falsy = (v: unknown) => v === false || v === 'false' || v === 0 || v === '0';

function asObject(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** Capillary's v2/v3 error item: `{code, message, status:false}`. */
interface ErrorItem {
	code?: unknown;
	message?: unknown;
	status?: unknown;
}

/** The first real error of an `errors[]` (Capillary sometimes sends `[{}]` on success). */
export function firstErrorItem(errors: unknown): ErrorItem | undefined {
	if (!Array.isArray(errors)) return undefined;
	return (errors as ErrorItem[]).find(
		(e) => e && typeof e === 'object' && !truthy(e.status) && (e.code !== undefined || e.message !== undefined),
	);
}

/** v1.1 request-level status: `response.status` with strings or booleans. */
export function v11Status(body: unknown): { success: boolean; code: string; message: string } | undefined {
	const response = asObject(asObject(body)?.response);
	// Usually `response.status`; some v1.1 endpoints (store/logs) put success/code/message on `response`.
	const status = asObject(response?.status) ?? (response && 'success' in response ? response : undefined);
	if (!status) return undefined;
	const code = readable(status.code);
	const success = falsy(status.success) ? false : truthy(status.success) || code === '200';
	return { success, code, message: readable(status.message) };
}

/** Capillary token errors (expired/invalid), wherever they appear. */
export function isTokenRejection(httpCode: number, body: unknown): boolean {
	if (httpCode === 401 || httpCode === 498) return true;
	const status = v11Status(body);
	return status !== undefined && (status.code === '401' || status.code === '498');
}

/**
 * The request-level failure in a response, if any. Per-entity failures of bulk calls are left to
 * the envelope layer (they are not a failure of the whole request).
 */
export function findProblem(family: ApiFamily, httpCode: number, body: unknown): CapillaryProblem | undefined {
	// Redirects are not followed: a write would be sent twice, and credentials would go to another host.
	if (httpCode >= 300 && httpCode < 400) {
		return { httpCode, code: String(httpCode), message: `Capillary answered with a redirect (HTTP ${httpCode}), which the node does not follow`, kind: 'redirect' };
	}
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		const text = String(body).trim();
		if (httpCode >= 400 || text) {
			return {
				httpCode,
				code: String(httpCode),
				message: looksLikeHtml(text)
					? `Capillary (or a proxy in front of it) answered with an HTML page instead of JSON${titleOf(text)}`
					: `Capillary answered with a body that is not valid JSON (${text.length} characters)`,
				kind: 'not json',
			};
		}
	}
	const status = v11Status(body);
	if (status && !status.success) {
		// "All requests have failed" says little; the entity's item_status says why (e.g. 804).
		const item = failedItemStatus(asObject(body)?.response);
		if (item) return { httpCode, code: item.code || status.code, message: item.message, kind: 'v1.1 item' };
		return { httpCode, code: status.code || String(httpCode), message: status.message || 'Request failed', kind: 'v1.1 status' };
	}
	const object = asObject(body);
	// Rewards core (api_gateway/rewards): `{status: {success, code, message}, <payload>}` at HTTP 200
	// or 4xx. A body listing per-entity outcomes (bulk issue, 8010 "issued partially") is not a
	// failed request: the envelope layer reports each entity (and fails when all of them failed).
	const topStatus = asObject(object?.status);
	if (topStatus && 'success' in topStatus && falsy(topStatus.success)) {
		if (hasEntityOutcomes(object)) return undefined;
		return {
			httpCode,
			code: topStatus.code !== undefined && topStatus.code !== null ? readable(topStatus.code) : String(httpCode),
			message: topStatus.message ? readable(topStatus.message) : 'Request failed',
			kind: 'v2 errors',
		};
	}
	// Loyalty gateway (api_gateway/loyalty): `{status: {code, message}, validationErrors, data}`.
	if (topStatus && !('success' in topStatus) && Number(topStatus.code) >= 400 && topStatus.message !== undefined) {
		const details = Array.isArray(object?.validationErrors) ? (object!.validationErrors as unknown[]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ') : '';
		return { httpCode, code: String(topStatus.code), message: `${String(topStatus.message)}${details ? ` (${details})` : ''}`, kind: 'v2 errors' };
	}
	const errorItem = firstErrorItem(object?.errors);
	if (errorItem && (family !== 'v1.1' || httpCode >= 400) && !hasPayload(object)) {
		return {
			httpCode,
			code: errorItem.code !== undefined && errorItem.code !== null ? readable(errorItem.code) : String(httpCode),
			message: errorItem.message !== undefined && errorItem.message !== null ? readable(errorItem.message) : 'Request failed',
			kind: family === 'v3' ? 'v3 errors' : 'v2 errors',
		};
	}
	if (httpCode >= 400) {
		const nested = asObject(object?.error);
		const message = object?.message ?? nested?.message ?? (nested ? undefined : object?.error) ?? `HTTP ${httpCode}`;
		const code = object?.code ?? object?.errorCode ?? nested?.code ?? httpCode;
		return { httpCode, code: readable(code) || String(httpCode), message: readable(message) || `HTTP ${httpCode}`, kind: 'http' };
	}
	if (body === undefined || body === null || body === '') {
		if (httpCode === 204) return undefined;
		return { httpCode, code: String(httpCode), message: 'Capillary returned an empty response', kind: 'empty' };
	}
	return undefined;
}

/** The first `item_status` with success false anywhere in a v1.1 response (depth-first, bounded). */
export function failedItemStatus(value: unknown, depth = 0): { code: string; message: string } | undefined {
	// The request-level `response.status` is not an entity's status; deeper `status` keys may hold entities.
	if (depth > 8 || value === null || typeof value !== 'object') return undefined;
	if (Array.isArray(value)) {
		for (const entry of value) {
			const found = failedItemStatus(entry, depth + 1);
			if (found) return found;
		}
		return undefined;
	}
	const object = value as IDataObject;
	const itemStatus = asObject(object.item_status);
	if (itemStatus && falsy(itemStatus.success)) {
		return { code: readable(itemStatus.code), message: readable(itemStatus.message) || 'Failed' };
	}
	for (const [key, child] of Object.entries(object)) {
		if (key === 'item_status' || (key === 'status' && depth === 0)) continue;
		const found = failedItemStatus(child, depth + 1);
		if (found) return found;
	}
	return undefined;
}

/** A list whose entries carry their own outcome (`status`/`error`/`item_status` objects). */
function hasEntityOutcomes(object: IDataObject | undefined): boolean {
	if (!object) return false;
	return Object.values(object).some(
		(value) =>
			Array.isArray(value) &&
			value.some((entry) => {
				const entity = asObject(entry);
				return entity !== undefined && ['status', 'error', 'item_status'].some((key) => asObject(entity[key]) !== undefined);
			}),
	);
}

/**
 * The body carries results besides errors and status (v2/v3 data or entities, a v1.1 response with
 * entity lists): Capillary processed at least part of the request.
 */
export function carriesPayload(body: unknown): boolean {
	const object = asObject(body);
	if (!object) return Array.isArray(body) && body.length > 0;
	const response = asObject(object.response);
	if (response) return Object.entries(response).some(([key, value]) => key !== 'status' && value !== null && value !== undefined && value !== '');
	return hasPayload(object);
}

/** A v2 body that carries data alongside `errors` reports a partial outcome, not a failed request. */
function hasPayload(object: IDataObject | undefined): boolean {
	if (!object) return false;
	return Object.entries(object).some(
		([key, value]) =>
			!['errors', 'warnings', 'success', 'status', 'code', 'message'].includes(key) &&
			value !== null &&
			value !== undefined &&
			value !== '' &&
			!(Array.isArray(value) && value.length === 0) &&
			!(asObject(value) !== undefined && Object.keys(value as object).length === 0),
	);
}

function looksLikeHtml(text: string): boolean {
	return /^<!doctype html|^<html|<body|<head/i.test(text);
}

function titleOf(html: string): string {
	const title = /<title>([^<]{1,120})<\/title>/i.exec(html)?.[1]?.trim();
	return title ? ` ("${title}")` : '';
}

/** Message + description in the node's voice for a Capillary code. */
/** Where the request looked for a customer, to make "not found" errors concrete. */
function lookedUp(query: IDataObject | undefined): string {
	if (!query) return '';
	const parts: string[] = [];
	if (query.identifierName && query.identifierValue) parts.push(`${readable(query.identifierName)} ${readable(query.identifierValue)}`);
	if (query.source) parts.push(`in source ${readable(query.source)}${query.accountId ? ` (account ${readable(query.accountId)})` : ''}`);
	return parts.join(' ');
}

export function describeProblem(problem: CapillaryProblem, context: { host?: string; accessGroup?: string; query?: IDataObject }): {
	message: string;
	description: string;
} {
	const known = KNOWN_CODES[problem.code];
	const words = problem.message && problem.message !== known?.message ? `${problem.message}` : (known?.message ?? problem.message);
	const message = `Capillary error ${problem.code}: ${words}`;
	const hints: string[] = [];
	const where = ['8015', '8065', '8013', '8011', '8012', '8045'].includes(problem.code) ? lookedUp(context.query) : '';
	if (where) hints.push(`Looked for ${where}.`);
	if (known) hints.push(known.hint);
	if (problem.code === '4000' || problem.code === '403' || problem.httpCode === 403 || problem.httpCode === 401) {
		if (context.accessGroup) hints.push(`This operation needs the access group resource "${context.accessGroup}" (InTouch > Settings > API access).`);
	}
	if (problem.kind === 'redirect') {
		hints.push(`Check the Region or Base URL of the credential: ${context.host ?? 'the host'} should be the Capillary API host itself (https, no path).`);
	} else if (problem.kind === 'not json') {
		hints.push(`HTTP ${problem.httpCode} from ${context.host ?? 'the server'}. This usually means an outage or a wrong Base URL; try again later or check the Region.`);
	}
	if (!known && problem.kind !== 'not json' && problem.kind !== 'redirect') {
		hints.push(
			problem.httpCode >= 500
				? 'Capillary had a problem processing the request. Retry later; if it persists, contact Capillary support with the time of the request.'
				: 'Check the parameters of this operation against the message above.',
		);
	}
	return { message, description: hints.join(' ') };
}

/** What a write's error says when Capillary may or may not have applied it. */
export const OUTCOME_UNKNOWN = 'outcome unknown, check before retrying';

/** Why a write's outcome is unknown, and what to do: shared by the action node and Bulk. */
export const OUTCOME_UNKNOWN_ADVICE =
	'Capillary may have applied this write: its answer proves neither success nor that the request was not processed (a timeout, a dropped connection or a 5xx can follow an applied write). It was not re-sent. Check in Capillary whether it was applied before running it again.';

export function problemToError(
	node: INode,
	problem: CapillaryProblem,
	context: {
		host?: string;
		accessGroup?: string;
		itemIndex?: number;
		body?: unknown;
		attempts?: number;
		query?: IDataObject;
		/** A write that may have been applied: say so in the message, advise to check first. */
		outcomeUnknown?: boolean;
	},
): NodeApiError {
	const described = describeProblem(problem, context);
	const message = context.outcomeUnknown ? `${described.message} (${OUTCOME_UNKNOWN})` : described.message;
	const base = context.outcomeUnknown ? `${OUTCOME_UNKNOWN_ADVICE} ${described.description}` : described.description;
	const description = context.attempts && context.attempts > 1 ? `${base} (The request was sent ${context.attempts} times.)` : base;
	// The API body is kept for the error panel; it never contains our credentials.
	const response = asObject(context.body) ?? { body: typeof context.body === 'string' ? context.body.slice(0, 2000) : null };
	return new NodeApiError(node, response as JsonObject, {
		message,
		description,
		httpCode: String(problem.httpCode),
		itemIndex: context.itemIndex,
	});
}
