import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * What the Event Trigger does with one delivery, as pure functions: check the secret header,
 * read Capillary's payload (either documented shape), drop events seen before, apply the payload
 * filters. The node (CapillaryEventTrigger.node.ts) wires them to n8n.
 */

/** The header that carries the trigger's secret on every delivery (set as a webHookHeader). */
export const VERIFICATION_HEADER = 'X-N8n-Capillary-Secret';

/** Constant-time comparison (of digests, so unequal lengths take the same path). */
export function secretMatches(given: unknown, expected: unknown): boolean {
	if (typeof given !== 'string' || given === '' || typeof expected !== 'string' || expected === '') return false;
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A field by name, also when the docs' sample spells it with a stray space ("apiRequestId "). */
function field(object: IDataObject | undefined, name: string): unknown {
	if (!object) return undefined;
	if (object[name] !== undefined) return object[name];
	const key = Object.keys(object).find((k) => k.trim() === name);
	return key === undefined ? undefined : object[key];
}

function text(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export interface CapillaryEvent {
	eventName: string;
	eventId?: string;
	orgId?: string;
	refId?: string;
	requestId?: string;
	/** Epoch milliseconds when Capillary stored the event. */
	createdAt?: number;
	/** The event's `data` (the payload proper). */
	data: IDataObject;
}

/**
 * One event from either documented shape (docs.capillarytech.com "Event schema (Payload)"):
 * - envelope: `{eventId, eventType: "<orgId>_<eventName>", timeStamp, attributes: {createdAt, data, eventName, refId, apiRequestId}}`
 * - flat:     `{eventName, eventId, orgId, refId, apiRequestId, createdAt, data}`
 */
export function readEvent(raw: unknown): CapillaryEvent | undefined {
	if (!isObject(raw)) return undefined;
	const attributes = isObject(raw.attributes) ? raw.attributes : undefined;
	const eventType = text(field(raw, 'eventType'));
	// "150698_customerAdded" (org-prefixed) or plain "transactionAdded".
	const typed = eventType ? /^(?:(\d+)_)?(.+)$/.exec(eventType) : null;
	const eventName = text(field(raw, 'eventName')) ?? text(field(attributes, 'eventName')) ?? typed?.[2] ?? '';
	const data = field(raw, 'data') ?? field(attributes, 'data');
	const createdAt = Number(field(raw, 'createdAt') ?? field(attributes, 'createdAt') ?? field(raw, 'timeStamp'));
	return {
		eventName,
		eventId: text(field(raw, 'eventId')),
		orgId: text(field(raw, 'orgId')) ?? text(field(attributes, 'orgId')) ?? typed?.[1],
		refId: text(field(raw, 'refId')) ?? text(field(attributes, 'refId')),
		requestId: text(field(raw, 'apiRequestId')) ?? text(field(attributes, 'apiRequestId')),
		// Within Date's range (a nanosecond stamp is not): an unreadable time is no time, never a failed delivery.
		createdAt: Number.isFinite(createdAt) && createdAt > 0 && createdAt <= 8.64e15 ? createdAt : undefined,
		data: isObject(data) ? data : {},
	};
}

/** The events of a delivery body: one event, or a list of them. */
export function readEvents(body: unknown): CapillaryEvent[] {
	const list = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.events) ? body.events : [body];
	return list.map(readEvent).filter((e): e is CapillaryEvent => e !== undefined && (e.eventName !== '' || e.eventId !== undefined));
}

/** IDs worth a field of their own, wherever the event's data keeps them. */
export function idsOf(event: CapillaryEvent): IDataObject {
	const identifiers = isObject(event.data.customerIdentifiers) ? event.data.customerIdentifiers : undefined;
	const ids: IDataObject = {};
	const customerId = text(identifiers?.customerId) ?? text(event.data.customerId) ?? text(event.data.userId);
	if (customerId !== undefined) ids.customerId = Number(customerId) || customerId;
	const transactionId = text(event.data.transactionId);
	if (transactionId !== undefined) ids.transactionId = Number(transactionId) || transactionId;
	const redemptionId = text(event.data.redemptionId);
	if (redemptionId !== undefined) ids.redemptionId = redemptionId;
	return ids;
}

/** The item emitted for an event. */
export function toItem(event: CapillaryEvent): IDataObject {
	return {
		eventName: event.eventName,
		eventId: event.eventId ?? null,
		orgId: event.orgId !== undefined ? Number(event.orgId) || event.orgId : null,
		refId: event.refId ?? null,
		requestId: event.requestId ?? null,
		eventTime: event.createdAt !== undefined ? new Date(event.createdAt).toISOString() : null,
		...idsOf(event),
		payload: event.data,
	};
}

// ---------------------------------------------------------------------------------------------
// Redeliveries
// ---------------------------------------------------------------------------------------------

/**
 * The event IDs seen last, newest last, at most `size` of them. Kept in the node's static data
 * and in memory (a redelivery may arrive while the first delivery's execution still runs).
 */
export function rememberEvents(seen: string[], ids: string[], size: number): string[] {
	const next = seen.filter((id) => !ids.includes(id)).concat(ids);
	return next.length > size ? next.slice(next.length - size) : next;
}

const memory = new Map<string, Set<string>>();
const MAX_SCOPES = 1000;

/** In-process memory of recent event IDs per trigger (bounded per trigger and in triggers). */
export function seenInMemory(scope: string, size: number): { has(id: string): boolean; add(id: string): void; forget(id: string): void } {
	let set = memory.get(scope);
	// Least recently used first out: a trigger in use keeps its memory however many others come and go.
	if (set) {
		memory.delete(scope);
		memory.set(scope, set);
	}
	if (!set) {
		set = new Set();
		memory.set(scope, set);
		if (memory.size > MAX_SCOPES) memory.delete(memory.keys().next().value as string);
	}
	const ids = set;
	return {
		has: (id) => ids.has(id),
		add(id) {
			ids.delete(id);
			ids.add(id);
			while (ids.size > size) ids.delete(ids.values().next().value as string);
		},
		forget: (id) => void ids.delete(id),
	};
}

// ---------------------------------------------------------------------------------------------
// Payload filters
// ---------------------------------------------------------------------------------------------

export interface PayloadFilter {
	/** Dot path inside the event's data, e.g. `source` or `customerIdentifiers.customerId`. */
	path: string;
	/** Accepted values (compared as text, case-insensitive). */
	values: string[];
}

export function readFilters(parameter: unknown): PayloadFilter[] {
	const conditions = isObject(parameter) && Array.isArray(parameter.condition) ? (parameter.condition as IDataObject[]) : [];
	return conditions
		.map((c) => ({
			path: String(c.field ?? '').trim(),
			values: String(c.values ?? '')
				.split(',')
				.map((v) => v.trim().toLowerCase())
				.filter((v) => v !== ''),
		}))
		.filter((f) => f.path !== '' && f.values.length > 0);
}

function valueAt(data: IDataObject, path: string): unknown {
	let current: unknown = data;
	for (const key of path.replace(/^(payload|data)\./, '').split('.')) {
		if (!isObject(current)) return undefined;
		current = current[key];
	}
	return current;
}

/** Every filter matches (a list value matches when one of its entries does). */
export function passesFilters(event: CapillaryEvent, filters: PayloadFilter[]): boolean {
	return filters.every((filter) => {
		const value = valueAt(event.data, filter.path);
		const candidates = Array.isArray(value) ? value : [value];
		return candidates.some((v) => v !== undefined && v !== null && typeof v !== 'object' && filter.values.includes(String(v).toLowerCase()));
	});
}
