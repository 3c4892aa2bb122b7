import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodePropertyRouting,
	INodeTypeDescription,
} from 'n8n-workflow';

import { compileExpression } from './expression';

/**
 * The operation plan: for one (resource, operation) of a declarative description, the few
 * top-level properties whose display conditions can show them for that pair and that route
 * something (their own `routing`, or options / collection / fixedCollection entries that do).
 * RoutingNode walks all ~900 properties of the node for every item; the runner walks these.
 *
 * Building a plan also checks that the runner reproduces everything the pair uses: every
 * expression compiles (expression.ts), the request goes through the node's pagination handler,
 * no property changes the base URL or the request operations. A pair that fails gets no plan
 * and keeps running through n8n's RoutingNode; `unsupportedReason` says why (a test lists them).
 */

export interface OperationPlan {
	resource: string;
	operation: string;
	/** Top-level properties that may route for this pair, in description order. */
	properties: INodeProperties[];
}

type AnyProperty = INodeProperties | INodePropertyOptions;

function isCollectionGroup(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && 'values' in option && Array.isArray((option as INodePropertyCollection).values);
}

/** Children RoutingNode descends into: options of an options field, collection fields, fixedCollection values. */
function childrenOf(property: AnyProperty): AnyProperty[] {
	const options = (property as INodeProperties).options;
	if (!Array.isArray(options)) return [];
	return (options as unknown[]).flatMap((option) => (isCollectionGroup(option) ? option.values : [option as AnyProperty]));
}

function routes(property: AnyProperty): boolean {
	return property.routing !== undefined || childrenOf(property).some(routes);
}

function allows(condition: unknown, value: string): boolean {
	if (!Array.isArray(condition)) return true;
	// Condition objects (`_cnd`) are decided at run time by n8n's displayParameter.
	return condition.some((c) => c === value || (typeof c === 'object' && c !== null));
}

function hides(condition: unknown, value: string): boolean {
	return Array.isArray(condition) && condition.includes(value);
}

/** Whether the property can be shown for this pair at all (the other conditions are checked per run). */
function mayShow(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show ?? {};
	const hide = property.displayOptions?.hide ?? {};
	return (
		allows(show.resource, resource) &&
		allows(show.operation, operation) &&
		!hides(hide.resource, resource) &&
		!hides(hide.operation, operation)
	);
}

/** Every (resource, operation) pair of the node, from its Operation dropdowns. */
export function operationPairs(description: INodeTypeDescription): Array<[resource: string, operation: string]> {
	const pairs: Array<[string, string]> = [];
	for (const property of description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as unknown[];
		for (const resource of resources) {
			if (typeof resource !== 'string') continue;
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				if (typeof option.value === 'string') pairs.push([resource, option.value]);
			}
		}
	}
	return pairs;
}

/** Why the runner cannot reproduce this routing, or undefined when it can. */
function routingProblem(routing: INodePropertyRouting, where: string): string | undefined {
	if (routing.operations) return `${where}: routing.operations`;
	if (routing.request?.baseURL !== undefined) return `${where}: routing.request.baseURL`;
	const expressions: Array<[unknown, boolean]> = Object.values(routing.request ?? {}).map((v) => [v, false]);
	const send = routing.send;
	if (send) expressions.push([send.property, true], [send.value, false], [send.paginate, true]);
	if (routing.output?.maxResults !== undefined) expressions.push([routing.output.maxResults, true]);
	for (const action of routing.output?.postReceive ?? []) {
		if (typeof action !== 'function') expressions.push([action.enabled, true]);
	}
	for (const [value, asString] of expressions) {
		if (value !== undefined && !compileExpression(value, asString)) return `${where}: expression ${String(value)} is outside the supported subset`;
	}
	return undefined;
}

function subtreeProblem(property: AnyProperty, path: string): string | undefined {
	const where = `${path}${'name' in property ? property.name : ''}`;
	if (property.routing) {
		const problem = routingProblem(property.routing, where);
		if (problem) return problem;
	}
	for (const child of childrenOf(property)) {
		const problem = subtreeProblem(child, `${where}.`);
		if (problem) return problem;
	}
	return undefined;
}

export interface PlanResult {
	plan?: OperationPlan;
	unsupportedReason?: string;
}

/** Indexes the description once; `planFor` then builds a pair's plan from its resource's properties. */
export function planner(description: INodeTypeDescription): (resource: string, operation: string) => PlanResult {
	const routed = description.properties.filter(routes);
	const byResource = new Map<string, INodeProperties[]>();
	const defaultsProblem = Object.values(description.requestDefaults ?? {}).some((value) =>
		typeof value === 'string' ? !compileExpression(value) : JSON.stringify(value ?? null).includes('"='),
	);
	const globalProblem =
		typeof description.requestOperations?.pagination !== 'function'
			? 'the node has no pagination handler function (requestOperations.pagination)'
			: defaultsProblem
				? 'requestDefaults hold expressions outside the supported subset'
				: undefined;
	const propertiesOf = (resource: string) => {
		let list = byResource.get(resource);
		if (!list) {
			list = routed.filter((p) => allows(p.displayOptions?.show?.resource, resource) && !hides(p.displayOptions?.hide?.resource, resource));
			byResource.set(resource, list);
		}
		return list;
	};
	return (resource, operation) => {
		if (globalProblem) return { unsupportedReason: globalProblem };
		const properties = propertiesOf(resource).filter((p) => mayShow(p, resource, operation));
		for (const property of properties) {
			if (property.name === 'operation' && property.type === 'options') {
				const option = (property.options as INodePropertyOptions[]).find((o) => o.value === operation);
				if (option && option.routing?.send?.paginate !== true) {
					return { unsupportedReason: 'the operation does not send through the pagination handler (routing.send.paginate)' };
				}
			}
			const problem = subtreeProblem(property, '');
			if (problem) return { unsupportedReason: problem };
		}
		return { plan: { resource, operation, properties } };
	}
}
