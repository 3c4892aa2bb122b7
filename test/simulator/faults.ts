/**
 * Fault injection: make chosen requests fail the way Capillary (or the network in front of it)
 * fails, without touching the handlers. A rule answers instead of the handler, so the request is
 * not processed, exactly like a real 429 or 503.
 */
import type { SimReply, SimRequest } from './http';

export interface FaultRule {
	method?: string;
	/** Exact path, path prefix ending in `*`, or a RegExp. */
	path?: string | RegExp;
	/** Only requests whose query has these values. */
	query?: Record<string, string>;
	/** How many matching requests to fault (default: all). */
	times?: number;
	/** Skip this many matching requests before faulting. */
	after?: number;
	/** Fault a matching request with this probability (a deterministic sequence, see `seed`). */
	probability?: number;
	/** The reply to give. */
	status?: number;
	body?: unknown;
	raw?: string;
	headers?: Record<string, string>;
	/** Wait before answering (a slow response); with no status the real handler answers after the wait. */
	delayMs?: number;
	/** Close the socket without answering (a network error). */
	dropConnection?: boolean;
	/** Let the handler process the request, then answer with this fault (a write applied but reported as failed). */
	afterHandler?: boolean;
}

export interface ActiveFault extends FaultRule {
	id: number;
	seen: number;
	hits: number;
}

export type FaultOutcome = { reply?: SimReply; delayMs?: number; drop?: boolean; afterHandler?: boolean; fault: ActiveFault };

export class FaultInjector {
	private rules: ActiveFault[] = [];

	private nextId = 1;

	/** Deterministic pseudo-random stream, so a "30% storm" hits the same requests each run. */
	private random = mulberry32(42);

	add(rule: FaultRule): ActiveFault {
		const active: ActiveFault = { ...rule, id: this.nextId++, seen: 0, hits: 0 };
		this.rules.push(active);
		return active;
	}

	remove(fault: ActiveFault | number): void {
		const id = typeof fault === 'number' ? fault : fault.id;
		this.rules = this.rules.filter((r) => r.id !== id);
	}

	clear(): void {
		this.rules = [];
		this.random = mulberry32(42);
	}

	seed(value: number): void {
		this.random = mulberry32(value);
	}

	list(): ActiveFault[] {
		return [...this.rules];
	}

	/** The first applicable rule for this request, consumed once. */
	take(req: SimRequest): FaultOutcome | undefined {
		for (const rule of this.rules) {
			if (!matches(rule, req)) continue;
			rule.seen++;
			if (rule.after !== undefined && rule.seen <= rule.after) continue;
			if (rule.times !== undefined && rule.hits >= rule.times) continue;
			if (rule.probability !== undefined && this.random() >= rule.probability) continue;
			rule.hits++;
			const reply =
				rule.status !== undefined || rule.raw !== undefined || rule.body !== undefined
					? { status: rule.status ?? 200, body: rule.body, raw: rule.raw, headers: rule.headers }
					: undefined;
			return { reply, delayMs: rule.delayMs, drop: rule.dropConnection, afterHandler: rule.afterHandler, fault: rule };
		}
		return undefined;
	}
}

function matches(rule: FaultRule, req: SimRequest): boolean {
	if (rule.method && rule.method.toUpperCase() !== req.method) return false;
	if (rule.path instanceof RegExp) {
		if (!rule.path.test(req.path)) return false;
	} else if (rule.path) {
		if (rule.path.endsWith('*') ? !req.path.startsWith(rule.path.slice(0, -1)) : rule.path !== req.path) return false;
	}
	for (const [key, value] of Object.entries(rule.query ?? {})) if (req.query[key] !== value) return false;
	return true;
}

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Ready-made faults in Capillary's own words. */
export const faultReplies = {
	rateLimited: (retryAfterSeconds?: number): FaultRule => ({
		status: 429,
		body: { errors: [{ status: false, code: 429, message: 'Too many requests. Rate limit exceeded' }], warnings: [] },
		headers: retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : undefined,
	}),
	authUnavailable: (): FaultRule => ({
		status: 503,
		body: { errors: [{ status: false, code: 4001, message: 'Authorization status unavailable!' }], warnings: [] },
	}),
	customerBusy: (): FaultRule => ({
		status: 521,
		body: { errors: [{ status: false, code: 521, message: 'Multiple actions are running for the same customer. Please try after some time' }], warnings: [] },
	}),
	searchBusy: (): FaultRule => ({
		status: 461,
		body: { errors: [{ status: false, code: 461, message: 'Search Engine is busy. Please try after some time' }], warnings: [] },
	}),
	serverError: (): FaultRule => ({
		status: 500,
		body: { errors: [{ status: false, code: 500, message: 'Requests have failed due to errors' }], warnings: [] },
	}),
	html502: (): FaultRule => ({
		status: 502,
		raw: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
		headers: { 'content-type': 'text/html' },
	}),
	malformedJson: (): FaultRule => ({ status: 200, raw: '{"response": {"status": {"success": "true", "code": 200', headers: { 'content-type': 'application/json' } }),
	accessDenied: (): FaultRule => ({
		status: 403,
		body: { errors: [{ status: false, code: 4000, message: 'Not authorized. Access is denied!' }], warnings: [] },
	}),
};
