import type { IDataObject } from 'n8n-workflow';

import { firstErrorItem, readable } from './errors';
import type { ApiFamily, OutputSpec } from './types';

/**
 * Unwraps Capillary's response envelopes into the entities a user wants as items.
 *
 * - v1.1: `{response: {status, <plural>: {<singular>: [...]}}}`; per-entity `item_status`
 * - v2:   `{data: [...]}`, `{entity: …}`, a resource object with `warnings`, or `{response: [...]}` (bulk)
 * - v3:   `{data, errors, warnings}`
 * - api_gateway: the resource itself (sometimes `{data, errors}` like v3)
 */

export interface Unwrapped {
	entities: IDataObject[];
	/** Envelope-level warnings worth keeping on the items. */
	warnings?: unknown[];
	/** Pagination totals when the API reports them. */
	total?: number;
	/**
	 * Plain values (text, numbers, booleans) where the operation reads records: not results. Only
	 * operations that declare `valueName` (OTP Validate's `true`) and a v2 `entity` (the ID a write
	 * created or changed) take them as items.
	 */
	strays?: unknown[];
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function getPath(value: unknown, path: string | undefined): unknown {
	if (!path) return value;
	let current: unknown = value;
	for (const key of path.split('.')) {
		if (!isObject(current)) return undefined;
		current = current[key];
	}
	return current;
}

function toEntities(value: unknown, valueName: string | undefined, strays: unknown[]): IDataObject[] {
	if (value === undefined || value === null || value === '') return [];
	if (isObject(value)) return [value];
	const values = Array.isArray(value) ? value : [value];
	const entities: IDataObject[] = [];
	for (const v of values) {
		if (isObject(v)) entities.push(v);
		else if (valueName !== undefined) entities.push({ [valueName]: v as IDataObject[keyof IDataObject] });
		else if (v !== null && v !== undefined && strays.length < 20) strays.push(v);
	}
	return entities;
}

/** v1.1 collections are `{count, rows, <singular>: [...] | {...}}`: step into the entity key. */
function v11Collection(value: unknown): unknown {
	if (!isObject(value)) return value;
	const keys = Object.keys(value).filter((k) => !['count', 'rows', 'start', 'total', 'success_count', 'item_status'].includes(k));
	if (keys.length === 1 && (Array.isArray(value[keys[0]]) || isObject(value[keys[0]]))) return value[keys[0]];
	return value;
}

/** A count Capillary reports (a total): a whole number ≥ 0, or a string of one; anything else is no count. */
export function countOf(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function unwrap(family: ApiFamily, body: unknown, output: OutputSpec = {}): Unwrapped {
	const strays: unknown[] = [];
	const unwrapped = unwrapBody(family, body, output.valueName, output.items, strays);
	if (strays.length) unwrapped.strays = strays;
	return unwrapped;
}

function unwrapBody(family: ApiFamily, body: unknown, valueName: string | undefined, items: string | undefined, strays: unknown[]): Unwrapped {
	const toEntitiesOf = (value: unknown) => toEntities(value, valueName, strays);
	if (family === 'v1.1') {
		const response = isObject(body) && isObject(body.response) ? body.response : (body as IDataObject);
		if (items) return { entities: toEntitiesOf(getPath(response, items)) };
		const keys = isObject(response) ? Object.keys(response).filter((k) => k !== 'status') : [];
		if (keys.length === 0) return { entities: isObject(response) && isObject(response.status) ? [response.status] : [] };
		if (keys.length === 1) {
			const collection = response[keys[0]];
			return { entities: toEntitiesOf(v11Collection(collection)), total: countOf(isObject(collection) ? collection.count : undefined) };
		}
		const rest = { ...response };
		delete rest.status;
		return { entities: [rest] };
	}

	if (!isObject(body)) return { entities: toEntitiesOf(body) };
	const warnings = Array.isArray(body.warnings) && body.warnings.length ? (body.warnings as unknown[]) : undefined;
	const total = countOf(getPath(body, 'pagination.total'));
	if (items) return { entities: toEntitiesOf(getPath(body, items)), warnings, total };
	if (body.data !== undefined && body.data !== null && body.data !== '') return { entities: toEntitiesOf(body.data), warnings, total };
	if (Array.isArray(body.response)) return { entities: toEntitiesOf(body.response), warnings, total };
	if ('entity' in body && Object.keys(body).every((k) => ['entity', 'warnings', 'errors', 'success'].includes(k))) {
		const entity = body.entity;
		// `{entity: 77}` is Capillary's usual answer of a write (the ID it created or changed).
		const entities = toEntities(entity, valueName ?? 'value', strays);
		if (!Array.isArray(entity) && warnings) entities.forEach((e) => (e.warnings = warnings as IDataObject[]));
		return { entities };
	}
	const rest = { ...body };
	if (Array.isArray(rest.errors) && rest.errors.length === 0) delete rest.errors;
	if (rest.errors === null) delete rest.errors;
	return { entities: [rest] };
}

/** The failure reported on one entity of a bulk or v1.1 response, if any. */
export function entityFailure(entity: IDataObject): { code: string; message: string } | undefined {
	const itemStatus = entity.item_status;
	if (isObject(itemStatus)) {
		const success = itemStatus.success;
		if (success === false || success === 'false') {
			return { code: readable(itemStatus.code), message: readable(itemStatus.message) || 'Failed' };
		}
	}
	const error = firstErrorItem(entity.errors) ?? firstErrorItem(isObject(entity.error) ? [entity.error] : undefined);
	if (error) return { code: readable(error.code), message: readable(error.message) || 'Failed' };
	// Rewards bulk issue (api_gateway/rewards): each reward carries `status: {success: false, code, message}`.
	const status = entity.status;
	if (isObject(status) && (status.success === false || status.success === 'false')) {
		return { code: readable(status.code), message: readable(status.message) || 'Failed' };
	}
	// `status: false` alone can be data (an opt-out); it is a failure only when it reads like one.
	const looksLikeError = entity.code !== undefined || entity.message !== undefined;
	if (entity.success === false || entity.success === 'false' || (entity.status === false && looksLikeError)) {
		return { code: readable(entity.code), message: readable(entity.message) || 'Failed' };
	}
	return undefined;
}
