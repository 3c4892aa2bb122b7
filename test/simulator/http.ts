/**
 * The simulator's tiny HTTP toolkit: a request context, a router with `:param` paths and the
 * replies Capillary gives (its envelopes and error shapes).
 */
import type { IncomingHttpHeaders } from 'node:http';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface SimRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** Parsed JSON body, or the raw text when it is not JSON. */
	body: unknown;
	rawBody: Buffer;
	params: Record<string, string>;
	/** Set by the auth layer. */
	auth?: { kind: 'basic' | 'oauth'; username?: string; clientKey?: string };
}

export interface SimReply {
	status: number;
	body?: unknown;
	/** Sent as-is (for malformed or HTML bodies). */
	raw?: string;
	headers?: Record<string, string>;
}

export type Handler = (req: SimRequest) => SimReply | Promise<SimReply>;

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
	template: string;
	/** Literal segments count: `/v2/customers/lookup` beats `/v2/customers/:customerId`. */
	literals: number;
}

export class Router {
	private readonly routes: Route[] = [];

	on(method: string, template: string, handler: Handler): this {
		const keys: string[] = [];
		const pattern = new RegExp(
			'^' +
				template
					.replace(/\/+$/, '')
					.split('/')
					.map((segment) => {
						if (segment.startsWith(':')) {
							keys.push(segment.slice(1));
							return '([^/]+)';
						}
						return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
					})
					.join('/') +
				'/?$',
			'i',
		);
		const literals = template.split('/').filter((segment) => segment && !segment.startsWith(':')).length;
		this.routes.push({ method: method.toUpperCase(), pattern, keys, handler, template, literals });
		return this;
	}

	/**
	 * Puts a handler in front of an existing route (same method and template); `next` is the route
	 * it replaces. For groups that answer part of an endpoint another group owns.
	 */
	wrap(method: string, template: string, handler: (req: SimRequest, next: Handler) => SimReply | Promise<SimReply>): this {
		const existing = this.routes.find((r) => r.method === method.toUpperCase() && r.template === template);
		if (!existing) throw new Error(`no route ${method} ${template} to wrap`);
		const next = existing.handler;
		existing.handler = (req) => handler(req, next);
		return this;
	}

	get(template: string, handler: Handler) {
		return this.on('GET', template, handler);
	}

	post(template: string, handler: Handler) {
		return this.on('POST', template, handler);
	}

	put(template: string, handler: Handler) {
		return this.on('PUT', template, handler);
	}

	delete(template: string, handler: Handler) {
		return this.on('DELETE', template, handler);
	}

	patch(template: string, handler: Handler) {
		return this.on('PATCH', template, handler);
	}

	/** The most specific route (most literal segments) matching the path, whatever the registration order. */
	match(method: string, path: string): { handler: Handler; params: Record<string, string>; template: string } | undefined {
		let pathMatched = false;
		let best: { route: Route; m: RegExpExecArray } | undefined;
		for (const route of this.routes) {
			const m = route.pattern.exec(path);
			if (!m) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			if (!best || route.literals > best.route.literals) best = { route, m };
		}
		if (best) {
			const params: Record<string, string> = {};
			best.route.keys.forEach((key, i) => (params[key] = decodeURIComponent(best!.m[i + 1])));
			return { handler: best.route.handler, params, template: best.route.template };
		}
		if (pathMatched) return { handler: () => methodNotAllowed(path), params: {}, template: path };
		return undefined;
	}

	templates(): string[] {
		return this.routes.map((r) => `${r.method} ${r.template}`);
	}
}

// ---------------------------------------------------------------------------------------------
// Capillary envelopes
// ---------------------------------------------------------------------------------------------

/** v2: `{...payload, warnings: [], errors: []}`-style success. */
export function ok(body: unknown, status = 200): SimReply {
	return { status, body };
}

/** v2/v3 error: `{errors: [{code, message, status: false}]}` with an HTTP status. */
export function v2Error(status: number, code: number, message: string, extra: JsonObject = {}): SimReply {
	return { status, body: { ...extra, errors: [{ status: false, code, message }], warnings: [] } };
}

/** v3 error: `{data: null, errors: [{code, message}]}`. */
export function v3Error(status: number, code: number, message: string): SimReply {
	return { status, body: { data: null, errors: [{ code, message }], warnings: null } };
}

/** v1.1 success: strings for success/code, as Capillary usually sends them. */
export function v11Ok(payload: JsonObject, message = 'Success'): SimReply {
	return { status: 200, body: { response: { status: { success: 'true', code: '200', message }, ...payload } } };
}

/** v1.1 request-level failure; Capillary answers HTTP 200 with the failure in the body. */
export function v11Error(code: number | string, message: string, httpStatus = 200, payload: JsonObject = {}): SimReply {
	return { status: httpStatus, body: { response: { status: { success: 'false', code: String(code), message }, ...payload } } };
}

export function itemStatus(success: boolean, code: number | string, message: string): JsonObject {
	return { success: success ? 'true' : 'false', code: String(code), message };
}

export function methodNotAllowed(path: string): SimReply {
	return v2Error(405, 405, `Operation not supported for the resource ${path}`);
}

export function notFoundRoute(path: string): SimReply {
	return v2Error(404, 404, `Incorrect resource or resource not found: ${path}`);
}

/** Query values as numbers with defaults and bounds. */
export function intParam(value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
	const n = Number(value);
	if (value === undefined || value === '' || !Number.isFinite(n)) return fallback;
	return Math.min(max, Math.max(min, Math.floor(n)));
}

export function bodyObject(req: SimRequest): JsonObject {
	return req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as JsonObject) : {};
}

/** v1.1 POST bodies: `{root: {<key>: [ ... ]}}` (or a single object). */
export function v11Entities(req: SimRequest, key: string): JsonObject[] {
	const root = bodyObject(req).root as JsonObject | undefined;
	const value = root?.[key];
	if (Array.isArray(value)) return value as JsonObject[];
	if (value && typeof value === 'object') return [value as JsonObject];
	return [];
}

/** Offset pagination over a list, with Capillary's `pagination` block. */
export function paginate<T>(list: T[], query: Record<string, string>, defaultLimit = 10, maxLimit = 100) {
	const limit = intParam(query.limit, defaultLimit, 1, maxLimit);
	const offset = intParam(query.offset, 0, 0);
	return { page: list.slice(offset, offset + limit), pagination: { limit, offset, total: list.length } };
}

export function nowIso(date = new Date()): string {
	// Capillary timestamps carry the org's offset; the simulator's org is in India (+05:30).
	const shifted = new Date(date.getTime() + 330 * 60_000);
	return shifted.toISOString().replace(/\.\d{3}Z$/, '+05:30');
}

export function nowV11(date = new Date()): string {
	const shifted = new Date(date.getTime() + 330 * 60_000);
	return shifted.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
}
