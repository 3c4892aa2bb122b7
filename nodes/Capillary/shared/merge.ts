/**
 * The two object operations RoutingNode builds requests with, lodash `set` (a value at a dot/bracket
 * path, creating arrays for numeric keys) and lodash `merge` (deep merge of plain objects and
 * arrays, index by index), written out because node code may not import lodash. Same results for
 * the values requests are made of (plain objects, arrays, primitives, Buffers, functions).
 */

type Bag = Record<string, unknown>;

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
const PROP_NAME = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
const DEEP_PROP = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const PLAIN_PROP = /^\w*$/;
const INDEX = /^(?:0|[1-9]\d*)$/;

const pathCache = new Map<string, string[]>();

/** lodash castPath: a plain key stays whole, `a.b[0]["c.d"]` splits. */
export function toPath(path: unknown, object?: object): string[] {
	if (typeof path !== 'string') return [String(path)];
	if (PLAIN_PROP.test(path) || !DEEP_PROP.test(path) || (object !== undefined && path in object)) return [path];
	let keys = pathCache.get(path);
	if (!keys) {
		const found: string[] = [];
		if (path.charCodeAt(0) === 46) found.push('');
		path.replace(PROP_NAME, (match: string, number?: string, quote?: string, text?: string) => {
			found.push(quote ? (text ?? '').replace(/\\(\\)?/g, '$1') : (number ?? match));
			return match;
		});
		keys = found;
		if (pathCache.size < 10_000) pathCache.set(path, keys);
	}
	return keys;
}

function isObjectLike(value: unknown): value is Bag {
	return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function same(a: unknown, b: unknown): boolean {
	return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function assign(object: Bag, key: string, value: unknown): void {
	if (key === '__proto__') Object.defineProperty(object, key, { configurable: true, enumerable: true, value, writable: true });
	else object[key] = value;
}

/** lodash set. */
export function setPath(object: Bag, path: unknown, value: unknown): Bag {
	const keys = toPath(path, object);
	let nested: Bag | undefined = object;
	for (let i = 0; i < keys.length && nested !== undefined && nested !== null; i++) {
		const key = keys[i];
		if (UNSAFE.has(key)) return object;
		let newValue = value;
		if (i !== keys.length - 1) {
			const current = nested[key];
			newValue = isObjectLike(current) ? current : INDEX.test(keys[i + 1]) ? [] : {};
		}
		const current = nested[key];
		if (!(Object.prototype.hasOwnProperty.call(nested, key) && same(current, newValue)) || (newValue === undefined && !(key in nested))) {
			assign(nested, key, newValue);
		}
		nested = nested[key] as Bag | undefined;
	}
	return object;
}

function assignMergeValue(object: Bag, key: string, value: unknown): void {
	if ((value !== undefined && !same(object[key], value)) || (value === undefined && !(key in object))) assign(object, key, value);
}

function isPlainObject(value: unknown): value is Bag {
	if (typeof value !== 'object' || value === null) return false;
	const proto = Object.getPrototypeOf(value) as unknown;
	return proto === null || proto === Object.prototype;
}

function keysIn(value: Bag): string[] {
	if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => String(i));
	const keys: string[] = [];
	for (const key in value) keys.push(key);
	return keys;
}

function safeGet(object: Bag, key: string): unknown {
	if (key === 'constructor' && typeof object[key] === 'function') return undefined;
	if (key === '__proto__') return undefined;
	return object[key];
}

/** lodash merge(object, source). */
export function mergeInto(object: Bag, source: Bag, seen = new Map<unknown, unknown>()): Bag {
	if (object === source) return object;
	for (const key of keysIn(source)) {
		const sourceValue = safeGet(source, key);
		if (!isObjectLike(sourceValue)) {
			assignMergeValue(object, key, sourceValue);
			continue;
		}
		if (seen.has(sourceValue)) {
			assignMergeValue(object, key, seen.get(sourceValue));
			continue;
		}
		const current = safeGet(object, key);
		let merged: unknown = sourceValue;
		let deep = true;
		if (Array.isArray(sourceValue) || Buffer.isBuffer(sourceValue) || ArrayBuffer.isView(sourceValue)) {
			if (Array.isArray(current)) merged = current;
			else if (isObjectLike(current) && typeof current !== 'function' && Number.isInteger((current as { length?: unknown }).length)) merged = Array.from(current as unknown as ArrayLike<unknown>);
			else if (Buffer.isBuffer(sourceValue)) {
				deep = false;
				merged = Buffer.from(sourceValue);
			} else if (!Array.isArray(sourceValue)) {
				deep = false;
				merged = (sourceValue as unknown as { slice: () => unknown }).slice();
			} else merged = [];
		} else if (isPlainObject(sourceValue)) {
			merged = current;
			if (!isObjectLike(current) || typeof current === 'function') merged = Object.create(Object.getPrototypeOf(sourceValue) as object) as Bag;
		} else {
			deep = false;
		}
		if (deep) {
			seen.set(sourceValue, merged);
			mergeInto(merged as Bag, sourceValue, seen);
			seen.delete(sourceValue);
		}
		assignMergeValue(object, key, merged);
	}
	return object;
}
