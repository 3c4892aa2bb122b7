import type { IDataObject, IExecuteFunctions, INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { toPath } from './merge';

/**
 * Parameter values for the operation runner, each resolved once and then shared by routing,
 * validation and the executor. A top-level parameter that holds an expression is resolved once
 * per item; one without is resolved once per run. Values come from n8n's own getNodeParameter
 * (expression engine, validation), nested paths are read from the resolved top-level value, and
 * callers get copies, so a change made by one caller never reaches another item.
 */

type Options = { extractValue?: boolean } & IDataObject;

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.charAt(0) === '=';
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

function copy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copy) as T;
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const out: IDataObject = {};
		for (const [key, entry] of Object.entries(value)) out[key] = copy(entry);
		return out as T;
	}
	return value;
}

function isResourceLocator(value: unknown): value is { __rl: true; value: unknown; mode?: string; __regex?: string } {
	return typeof value === 'object' && value !== null && (value as { __rl?: unknown }).__rl === true;
}

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

const validates = new WeakMap<INodeTypeDescription, boolean>();

/**
 * Whether n8n's validateValueAgainstSchema can change or refuse a value of this node: only with
 * `validateType` somewhere, or resource mapper / filter parameters. When it cannot, skipping it
 * saves a search through every property of the node for each read.
 */
function descriptionValidates(description: INodeTypeDescription): boolean {
	let result = validates.get(description);
	if (result === undefined) {
		const visit = (value: unknown): boolean => {
			if (Array.isArray(value)) return value.some(visit);
			if (value === null || typeof value !== 'object') return false;
			const property = value as IDataObject;
			if (property.validateType !== undefined || property.type === 'resourceMapper' || property.type === 'filter') return true;
			return visit(property.options) || visit(property.values);
		};
		result = visit(description.properties);
		validates.set(description, result);
	}
	return result;
}

/** One node run's parameters. */
export class ParameterCache {
	readonly dynamicRoots: string[];

	private readonly staticValues = new Map<string, unknown>();

	private readonly staticExtracted = new Map<string, unknown>();

	private readonly properties = new Map<string, INodeProperties | null>();

	/** Reads of parameters the node does not have: n8n's answer (the fallback) is the same for every item. */
	readonly absent = new Map<string, unknown>();

	/** Options for n8n's getNodeParameter when reading a whole top-level parameter. */
	readonly readOptions: { skipValidation?: boolean };

	constructor(
		readonly context: IExecuteFunctions,
		readonly node: INode,
		readonly description: INodeTypeDescription,
	) {
		this.dynamicRoots = Object.keys(node.parameters).filter((name) => holdsExpression(node.parameters[name]));
		this.readOptions = descriptionValidates(description) ? {} : { skipValidation: true };
	}

	isDynamic(root: string): boolean {
		return this.dynamicRoots.includes(root);
	}

	staticValue(root: string): unknown {
		if (!this.staticValues.has(root)) this.staticValues.set(root, this.context.getNodeParameter(root, 0, undefined, this.readOptions));
		return this.staticValues.get(root);
	}

	staticExtractedMap(): Map<string, unknown> {
		return this.staticExtracted;
	}

	/** The property n8n's extractValue would look at (null when it finds none). */
	propertyOf(name: string): INodeProperties | null {
		let property = this.properties.get(name);
		if (property === undefined) {
			property = (NodeHelpers.findDisplayedProperty(name, this.description.properties, this.node.parameters, this.node, this.description) as INodeProperties | undefined) ?? null;
			this.properties.set(name, property);
		}
		return property;
	}

	forItem(itemIndex: number): ItemParameters {
		return new ItemParameters(this, itemIndex);
	}

	/** A per-run read (authentication, request options), as RoutingNode does with item 0. */
	root(name: string, itemIndex: number, fallback?: unknown): unknown {
		return this.forItem(itemIndex).get(name, fallback);
	}
}

export class ItemParameters {
	private readonly values = new Map<string, unknown>();

	private readonly extracted = new Map<string, unknown>();

	constructor(
		private readonly cache: ParameterCache,
		private readonly itemIndex: number,
	) {}

	/** Resolves every parameter that holds an expression (RoutingNode does, for each item, before its request). */
	resolveAll(): void {
		for (const root of this.cache.dynamicRoots) this.rootValue(root);
	}

	private rootValue(root: string): unknown {
		const { node, context } = this.cache;
		if (!own(node.parameters, root)) return undefined;
		if (!this.cache.isDynamic(root)) return this.cache.staticValue(root);
		if (!this.values.has(root)) this.values.set(root, context.getNodeParameter(root, this.itemIndex, undefined, this.cache.readOptions));
		return this.values.get(root);
	}

	private resolved(name: string): unknown {
		const keys = toPath(name);
		let value = this.rootValue(keys[0]);
		for (let i = 1; i < keys.length && value !== undefined; i++) {
			value = value === null || typeof value !== 'object' ? undefined : (value as IDataObject)[keys[i]];
		}
		return value;
	}

	/** n8n's extractValue for the usual cases; the rest (regex modes, filters) is left to n8n. */
	private extract(name: string, value: unknown): { value: unknown } | undefined {
		const property = this.cache.propertyOf(name);
		if (!property) return undefined;
		if (!('type' in property)) return { value };
		if (property.type === 'resourceLocator') {
			if (typeof value !== 'object' || !value || !('mode' in value) || !('value' in value)) return { value };
			const mode = (property.modes ?? []).find((m) => m.name === (value as { mode: unknown }).mode);
			if (!mode || !('extractValue' in mode) || !mode.extractValue) return { value: (value as { value: unknown }).value };
			return undefined;
		}
		if (property.type === 'filter') return undefined;
		if (!('extractValue' in property) || !property.extractValue) return { value };
		return undefined;
	}

	/** getNodeParameter(name, fallback, options) of the item. */
	get(name: string, fallback?: unknown, options?: Options): unknown {
		const { context } = this.cache;
		const flags = options ? Object.keys(options).filter((k) => options[k] !== undefined && options[k] !== false) : [];
		if (flags.some((k) => k !== 'extractValue')) return context.getNodeParameter(name, this.itemIndex, fallback as never, options);
		const value = this.resolved(name);
		// Absent: n8n gives the fallback, or says it cannot get the parameter.
		if (value === undefined) {
			const root = toPath(name)[0];
			if (this.cache.isDynamic(root) || fallback === undefined) return context.getNodeParameter(name, this.itemIndex, fallback as never, options);
			const key = `${name}\u0000${JSON.stringify(fallback)}\u0000${flags.join()}`;
			if (!this.cache.absent.has(key)) this.cache.absent.set(key, context.getNodeParameter(name, this.itemIndex, fallback as never, options));
			return copy(this.cache.absent.get(key));
		}
		if (!flags.length) return copy(value);
		const dynamic = this.cache.isDynamic(toPath(name)[0]);
		const memo = dynamic ? this.extracted : this.cache.staticExtractedMap();
		if (!memo.has(name)) {
			const extracted = this.extract(name, value);
			memo.set(name, extracted ? extracted.value : context.getNodeParameter(name, this.itemIndex, fallback as never, options));
		}
		return copy(memo.get(name));
	}

	/** `$parameter.<name>` as n8n's workflow data proxy gives it to the description's expressions. */
	readonly parameterOf = (name: string): unknown => {
		const parameters = this.cache.node.parameters;
		if (!own(parameters, name)) return undefined;
		const raw = parameters[name];
		if (raw === `={{ $parameter.${name} }}`) return undefined;
		if (isResourceLocator(raw)) {
			if (raw.__regex && typeof raw.value === 'string') {
				const match = new RegExp(raw.__regex).exec(raw.value);
				return match && match.length >= 2 ? match[1] : raw.value;
			}
			const resolved = this.rootValue(name);
			return isResourceLocator(resolved) ? resolved.value : resolved;
		}
		if (typeof raw === 'string' && raw.charAt(0) === '=') return this.rootValue(name);
		return raw;
	};
}
