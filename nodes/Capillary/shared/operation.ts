import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyField } from './fields';
import type { ApiFamily, OperationSpec, RegisteredOperation, ResourceSpec } from './types';

/**
 * Turns the compact resource tables in `resources/*.ts` into n8n properties.
 *
 * Each operation becomes an option whose `routing.request` names its method and full path, so one
 * operation maps to one endpoint (and the coverage tool can read it). The request itself is sent by
 * the node-wide executor (see executor.ts), which n8n calls as the pagination handler; every
 * operation therefore sets `send.paginate`.
 */

const registry = new Map<string, RegisteredOperation>();

export function familyOf(path: string): ApiFamily {
	if (path.startsWith('/v1.1/')) return 'v1.1';
	if (path.startsWith('/v3/')) return 'v3';
	if (path.startsWith('/api_gateway/') || path.startsWith('/coupon/api/')) return 'gateway';
	return 'v2';
}

/**
 * `/v2/customers/{customerId}` → `=/v2/customers/{{encodeURIComponent($parameter.customerId)}}`.
 * Values are always URL-encoded, so a `/` in an ID never changes the path. (For resource-locator
 * parameters `$parameter.x` already gives the chosen ID.)
 */
export function pathExpression(path: string): string {
	if (!path.includes('{')) return path;
	return '=' + path.replace(/\{(\w+)\}/g, (_, name: string) => `{{encodeURIComponent($parameter.${name})}}`);
}

export function pathParameters(path: string): string[] {
	return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

export function getOperation(resource: string, operation: string): RegisteredOperation | undefined {
	return registry.get(`${resource}:${operation}`);
}

export function allOperations(): RegisteredOperation[] {
	return [...registry.values()];
}

function showFor(resource: string, operation: string) {
	return { show: { resource: [resource], operation: [operation] } };
}

/** Adds `resource`/`operation` to a field's displayOptions without dropping its own conditions. */
function scoped(field: INodeProperties, resource: string, operation: string): INodeProperties {
	const own = field.displayOptions ?? {};
	return {
		...field,
		displayOptions: { ...own, show: { ...(own.show ?? {}), ...showFor(resource, operation).show } },
	};
}

export interface BuiltResource {
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

export function defineResource(resource: ResourceSpec): BuiltResource {
	const options: INodePropertyOptions[] = [];
	const fields: INodeProperties[] = [];
	if (resource.operations.length === 0) {
		// A resource whose operations are not written yet: not offered in the node.
		return { option: { name: resource.name, value: resource.value }, properties: [] };
	}
	for (const spec of resource.operations) {
		const key = `${resource.value}:${spec.value}`;
		if (registry.has(key)) throw new Error(`Duplicate Capillary operation ${key}`);
		registry.set(key, { ...spec, resource: resource.value, family: familyOf(spec.path) });
		options.push(operationOption(spec));
		const own = [...(spec.fields ?? [])];
		if (spec.pagination) own.push(...returnAllAndLimit());
		if (spec.output?.simplify) own.push(simplifyField);
		if (spec.hint) own.unshift(noticeField(spec));
		fields.push(...own.map((f) => scoped(f, resource.value, spec.value)));
	}
	const merged = mergeIdentical(fields);
	options.sort((a, b) => a.name.localeCompare(b.name));
	const firstOperation = options[0].value as string;
	const operationProperty: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: firstOperation,
	};
	return {
		option: { name: resource.name, value: resource.value, description: resource.description },
		properties: [operationProperty, ...merged],
	};
}

/**
 * One property for a field that several operations of a resource define identically, shown for all
 * of them. n8n's declarative engine walks every property of the node for every item (twice) and
 * resolves each copy's value, so copies cost time per item; a resource's fields are mostly shared.
 */
function mergeIdentical(fields: INodeProperties[]): INodeProperties[] {
	const functionIds = new Map<unknown, number>();
	const signature = (field: INodeProperties) => {
		const { operation: _operation, ...show } = (field.displayOptions?.show ?? {}) as Record<string, unknown>;
		void _operation;
		return JSON.stringify({ ...field, displayOptions: { ...field.displayOptions, show } }, (_key, value: unknown) => {
			if (typeof value !== 'function') return value;
			if (!functionIds.has(value)) functionIds.set(value, functionIds.size);
			return `fn#${functionIds.get(value)}`;
		});
	};
	const bySignature = new Map<string, INodeProperties>();
	const result: INodeProperties[] = [];
	for (const field of fields) {
		const key = signature(field);
		const existing = bySignature.get(key);
		const operations = (field.displayOptions?.show?.operation ?? []) as string[];
		if (existing) {
			const show = existing.displayOptions!.show!;
			show.operation = [...new Set([...(show.operation as string[]), ...operations])];
			continue;
		}
		const copy = { ...field, displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, operation: [...operations] } } };
		bySignature.set(key, copy);
		result.push(copy);
	}
	return result;
}

function operationOption(spec: OperationSpec): INodePropertyOptions {
	return {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description ?? spec.action,
		routing: {
			request: { method: spec.method, url: pathExpression(spec.path) },
			send: { paginate: true },
		},
	};
}

function noticeField(spec: OperationSpec): INodeProperties {
	return {
		displayName: spec.hint ?? '',
		name: `notice${spec.value.charAt(0).toUpperCase()}${spec.value.slice(1)}`,
		type: 'notice',
		default: '',
	};
}
