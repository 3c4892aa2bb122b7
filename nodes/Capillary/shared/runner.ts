import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import * as workflow from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeHelpers, NodeOperationError, sleep } from 'n8n-workflow';

import type { ExpressionScope } from './expression';
import { compileExpression, evaluateValue } from './expression';
import { mergeInto, setPath } from './merge';
import type { OperationPlan } from './plan';
import { operationPairs, planner } from './plan';
import type { ItemParameters } from './parameters';
import { ParameterCache } from './parameters';
import { getOperation, isIdempotent } from './operation';
import { SendGate, withSendGate } from './sendGate';

/**
 * The generic operation runner: n8n's `customOperations[resource][operation]` for every operation
 * of a declarative node. n8n-core picks a custom operation before its RoutingNode, whose cost is
 * a walk over every property of the node (twice) for every item. The runner does what RoutingNode
 * does, in the same order and with the same results (test/operations/equivalence.test.ts runs
 * every operation case both ways), but only over the pair's plan (plan.ts), with each parameter
 * resolved once per item (or once per run when it holds no expression) and the description's own
 * expressions compiled once (expression.ts). The request then goes to the node's pagination
 * handler (the executor), exactly as RoutingNode hands it over.
 */

type RequestData = DeclarativeRestApiSettings.ResultOptions;
type Action = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

function emptyRequestData(): RequestData {
	return { options: { qs: {}, body: {}, headers: {} } as never, preSend: [], postReceive: [], requestOperations: {} };
}

/** RoutingNode.mergeOptions. */
function mergeRequestData(destination: RequestData, source: RequestData | undefined): void {
	if (!source) return;
	destination.paginate = destination.paginate ?? source.paginate;
	destination.maxResults = source.maxResults ? source.maxResults : destination.maxResults;
	mergeInto(destination.options as unknown as IDataObject, source.options as unknown as IDataObject);
	destination.preSend.push(...source.preSend);
	destination.postReceive.push(...source.postReceive);
	if (source.requestOperations && destination.requestOperations) Object.assign(destination.requestOperations, source.requestOperations);
}

function setErrorContext(error: unknown, itemIndex: number, runIndex: number): void {
	const target = error as { context?: IDataObject };
	if (typeof target !== 'object' || target === null) return;
	target.context ??= {};
	target.context.itemIndex = itemIndex;
	target.context.runIndex = runIndex;
}

/** Everything that is the same for all items of one node run. */
class Run {
	readonly node: INode;

	readonly parameters: ParameterCache;

	readonly runIndex: number;

	private readonly shown = new Map<object, boolean>();

	credentials?: ICredentialDataDecryptedObject;

	credentialType?: string;

	private readonly credentialsByType = new Map<string, Promise<ICredentialDataDecryptedObject>>();

	defaults: Array<[string, unknown]> = [];

	constructor(
		readonly context: IExecuteFunctions,
		readonly description: INodeTypeDescription,
		readonly plan: OperationPlan,
	) {
		this.node = context.getNode();
		this.runIndex = (context as unknown as { runIndex?: number }).runIndex ?? 0;
		this.parameters = new ParameterCache(context, this.node, description);
	}

	/** n8n's display rules (evaluated on the node's raw parameters, so once per run). */
	isShown(property: INodeProperties | INodePropertyOptions): boolean {
		let shown = this.shown.get(property);
		if (shown === undefined) {
			shown = NodeHelpers.displayParameter(this.node.parameters, property, this.node, this.description, this.node.parameters);
			this.shown.set(property, shown);
		}
		return shown;
	}

	/** RoutingNode.prepareCredentials: the credential chosen by Authentication, read once. */
	async prepareCredentials(): Promise<void> {
		const descriptions = this.description.credentials ?? [];
		if (!descriptions.length) return;
		let chosen = descriptions[0];
		if (descriptions.length > 1) {
			const method = this.parameters.root('authentication', 0) as string;
			const found = descriptions.find((d) => (d.displayOptions?.show?.authentication as unknown[] | undefined)?.includes(method));
			if (!found) {
				throw new NodeOperationError(this.node, `Node type "${this.node.type}" does not have any credentials of type "${method}" defined`, { level: 'warning' });
			}
			chosen = found;
		}
		// As RoutingNode: a required credential that cannot be read fails the run with n8n's own error.
		const read = await this.credentialsFor(chosen.name).then(
			(credentials) => ({ credentials }),
			(failure: unknown) => ({ failure }),
		);
		if ('failure' in read) {
			if (chosen.required) throw read.failure;
			return;
		}
		this.credentials = (read.credentials ?? {}) as ICredentialDataDecryptedObject;
		this.credentialType = chosen.name;
	}

	/**
	 * Decrypted credentials, once per run and type. (n8n's per-item getCredentials re-reads and
	 * decrypts them for every request; a token saved by preAuthentication lands in this object.)
	 */
	async credentialsFor(type: string): Promise<ICredentialDataDecryptedObject> {
		let credentials = this.credentialsByType.get(type);
		if (!credentials) {
			credentials = this.context.getCredentials(type, 0);
			this.credentialsByType.set(type, credentials);
			credentials.catch(() => this.credentialsByType.delete(type));
		}
		return await credentials;
	}

	/** requestDefaults (the base URL from the credential, the JSON headers), computed once per run. */
	computeDefaults(): void {
		const scope: ExpressionScope = { $credentials: this.credentials, $version: this.node.typeVersion, parameter: () => undefined };
		this.defaults = Object.entries(this.description.requestDefaults ?? {}).map(([key, value]) => [key, compileExpression(value)!(scope)]);
	}
}

/** The per-item `this` of preSend functions and the pagination handler (n8n's ExecuteSingleContext). */
function itemContext(run: Run, itemIndex: number, items: INodeExecutionData[], values: ItemParameters): IExecuteSingleFunctions {
	const { context } = run;
	const item = Object.create(context) as IExecuteSingleFunctions & Record<string, unknown>;
	const helpers = Object.create(context.helpers) as Record<string, unknown>;
	helpers.getBinaryDataBuffer = async (propertyName: string) => await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	helpers.assertBinaryData = (propertyName: string) => context.helpers.assertBinaryData(itemIndex, propertyName);
	Object.assign(item, {
		helpers,
		getItemIndex: () => itemIndex,
		getNode: () => run.node,
		getNodeParameter: (name: string, fallback?: unknown, options?: IDataObject) => values.get(name, fallback, options),
		getCredentials: async (type: string) => await run.credentialsFor(type),
		getInputData: (inputIndex = 0, connectionType: string = NodeConnectionTypes.Main) => {
			const all = inputIndex === 0 && connectionType === NodeConnectionTypes.Main ? items : context.getInputData(inputIndex, connectionType as never);
			const data = all[itemIndex];
			if (data === undefined) {
				if (all.length === 0) return { json: {} };
				throw new NodeOperationError(run.node, 'Value of input with given index was not set', { itemIndex });
			}
			return data;
		},
		evaluateExpression: (expression: string, index = itemIndex) => context.evaluateExpression(expression, index),
		getWorkflowDataProxy: () => context.getWorkflowDataProxy(itemIndex),
	});
	return item;
}

/** RoutingNode.getRequestOptionsFromParameters over one property of the plan, for one item. */
function collect(
	run: Run,
	item: ItemParameters,
	property: INodeProperties | INodePropertyOptions,
	path: string,
	keys: { $parent?: unknown; $index?: number },
): RequestData | undefined {
	if (!run.isShown(property)) return undefined;
	const out = emptyRequestData() as RequestData;
	let basePath = path ? `${path}.` : '';
	const routing = property.routing;
	if (routing) {
		let parameterValue: unknown;
		if ('type' in property) {
			const extractValue = property.extractValue !== undefined || property.type === 'resourceLocator';
			parameterValue = item.get(basePath + property.name, undefined, { extractValue });
		}
		const scope: ExpressionScope = { ...keys, $credentials: run.credentials, $version: run.node.typeVersion, $value: parameterValue, parameter: item.parameterOf };
		const evaluate = (value: unknown, asString = false) => evaluateValue(value, scope, asString);
		if (routing.request) {
			for (const [key, value] of Object.entries(routing.request)) (out.options as unknown as IDataObject)[key] = evaluate(value) as never;
		}
		const send = routing.send;
		if (send) {
			if (send.property !== undefined) {
				const name = evaluate(send.property, true) as string;
				let value = parameterValue;
				if (send.value) value = evaluate(send.value);
				const target = (send.type === 'body' ? out.options.body : out.options.qs) as IDataObject;
				if (send.propertyInDotNotation === false) target[name] = value as never;
				else setPath(target, name, value);
			}
			if (send.paginate !== undefined) out.paginate = !!(typeof send.paginate === 'string' && send.paginate.charAt(0) === '=' ? evaluate(send.paginate, true) : send.paginate);
			if (send.preSend) out.preSend.push(...send.preSend);
		}
		const output = routing.output;
		if (output?.maxResults !== undefined) {
			out.maxResults = (typeof output.maxResults === 'string' && output.maxResults.charAt(0) === '=' ? evaluate(output.maxResults, true) : output.maxResults) as never;
		}
		if (output?.postReceive) {
			const actions = output.postReceive.filter((action) => {
				if (typeof action === 'function') return true;
				if (typeof action.enabled === 'string' && action.enabled.charAt(0) === '=') return !!evaluate(action.enabled, true);
				return action.enabled !== false;
			});
			if (actions.length) out.postReceive.push({ data: { parameterValue: parameterValue as never }, actions });
		}
	}
	if (!Object.prototype.hasOwnProperty.call(property, 'options')) return out;
	const field = property as INodeProperties;
	const raw = run.node.parameters;
	if (field.type === 'options') {
		const selected = NodeHelpers.getParameterValueByPath(raw, field.name, basePath.slice(0, -1));
		const option = (field.options as INodePropertyOptions[]).find((o) => o.value === selected);
		if (option) mergeRequestData(out as RequestData, collect(run, item, option, `${basePath}${field.name}`, keys));
	} else if (field.type === 'collection') {
		const value = (NodeHelpers.getParameterValueByPath(raw, field.name, basePath.slice(0, -1)) ?? {}) as IDataObject;
		const present = Object.keys(value);
		for (const option of field.options as INodeProperties[]) {
			if (present.includes(option.name) && option.type !== undefined) {
				mergeRequestData(out as RequestData, collect(run, item, option, `${basePath}${field.name}`, keys));
			}
		}
	} else if (field.type === 'fixedCollection') {
		basePath = `${basePath}${field.name}.`;
		for (const group of field.options as Array<{ name: string; values: INodeProperties[] }>) {
			if (NodeHelpers.getParameterValueByPath(raw, group.name, basePath.slice(0, -1)) === undefined) continue;
			let entries = item.get(`${basePath}${group.name}`, undefined) as unknown;
			if (!Array.isArray(entries)) entries = [entries];
			const list = entries as unknown[];
			const loopPath = `${basePath}${group.name}`;
			for (let i = 0; i < list.length; i++) {
				for (const option of group.values) {
					const entryPath = field.typeOptions?.multipleValues ? `${loopPath}[${i}]` : loopPath;
					mergeRequestData(out as RequestData, collect(run, item, option, entryPath, { ...keys, $index: i, $parent: list[i] }));
				}
			}
		}
	}
	return out;
}

/** RoutingNode's proxy, certificate and timeout request options. */
function applyRequestOptions(run: Run, requestData: RequestData, settings: IDataObject, itemIndex: number): void {
	const { proxy, timeout, allowUnauthorizedCerts } = (settings ?? {}) as { proxy?: string; timeout?: number; allowUnauthorizedCerts?: boolean };
	const options = requestData.options as IHttpRequestOptions;
	if (proxy) {
		// The parts node:url's parse gives RoutingNode (node code may not import node:url).
		const parsed = /^([a-z][a-z0-9+.-]*:)?\/\/(?:([^@/?#]*)@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?/i.exec(proxy);
		const parts = { host: parsed?.[3] || undefined, port: parsed?.[4] || undefined };
		for (const part of ['host', 'port'] as const) {
			if (parts[part] === undefined) {
				throw new NodeOperationError(run.node, 'The proxy is not valid', { runIndex: run.runIndex, itemIndex, description: `The proxy URL does not contain a valid value for "${part}"` });
			}
		}
		options.proxy = { host: parts.host!.replace(/^\[|\]$/g, ''), port: parseInt(parts.port!, 10), protocol: parsed![1]?.replace(/:$/, '') || undefined } as IHttpRequestOptions['proxy'];
		if (parsed![2]) {
			const [username, password] = decodeURIComponent(parsed![2]).split(':');
			options.proxy!.auth = { username, password };
		}
	}
	if (allowUnauthorizedCerts) options.skipSslCertificateValidation = allowUnauthorizedCerts;
	options.timeout = timeout ? timeout : 300_000;
	// The base URL comes from requestDefaults (plans with a property that sets it are refused), so it
	// is "node-owned" for n8n's credential domain restrictions, as RoutingNode.resolveBaseUrl finds.
	const allowedDomainsOf = (workflow as unknown as { getCredentialAllowedDomains?: (o: IDataObject) => string | undefined }).getCredentialAllowedDomains;
	if (run.credentials && typeof allowedDomainsOf === 'function') {
		const allowedDomains = allowedDomainsOf({ node: run.node, credentialData: run.credentials, credentialOwnedSurface: true, nodeEndpointUrl: options.baseURL } as never);
		if (allowedDomains) (options as unknown as IDataObject).allowedDomains = allowedDomains;
	}
}

/** RoutingNode.rawRoutingRequest + the default postProcessResponseData (used by makeRoutingRequest). */
async function plainRequest(run: Run, item: IExecuteSingleFunctions, requestData: RequestData, options: IHttpRequestOptions): Promise<INodeExecutionData[]> {
	options.returnFullResponse = true;
	const response = (run.credentialType
		? await item.helpers.httpRequestWithAuthentication.call(item, run.credentialType, options)
		: await item.helpers.httpRequest(options)) as IN8nHttpFullResponse;
	if (!requestData.postReceive.length) {
		return Array.isArray(response.body) ? (response.body as IDataObject[]).map((json) => ({ json })) : [{ json: response.body as IDataObject }];
	}
	let result: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const postReceive of requestData.postReceive) {
		for (const action of postReceive.actions) {
			if (typeof action !== 'function') throw new NodeOperationError(run.node, `The operation runner does not run postReceive "${action.type}"`);
			result = await action.call(item, result, response);
		}
	}
	return result;
}

/** RoutingNode.makeRequest: preSend in order, then the pagination handler. */
async function makeRequest(run: Run, requestData: RequestData, item: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	for (const preSend of requestData.preSend) requestData.options = (await preSend.call(item, requestData.options as IHttpRequestOptions)) as never;
	const pagination = requestData.requestOperations?.pagination;
	if (requestData.paginate && typeof pagination === 'function') {
		const paginationContext = Object.create(item, {
			makeRoutingRequest: { value: async (request: RequestData) => await plainRequest(run, item, requestData, request.options as IHttpRequestOptions) },
		}) as IExecutePaginationFunctions;
		return await pagination.call(paginationContext, requestData);
	}
	return await plainRequest(run, item, requestData, requestData.options as IHttpRequestOptions);
}

async function runOperation(context: IExecuteFunctions, description: INodeTypeDescription, plan: OperationPlan): Promise<INodeExecutionData[][]> {
	const run = new Run(context, description, plan);
	let items = context.getInputData(0, NodeConnectionTypes.Main);
	if (!items.length) items = context.getInputData(0, NodeConnectionTypes.AiTool);
	await run.prepareCredentials();
	run.computeDefaults();
	const { batching } = (run.parameters.root('requestOptions', 0, {}) ?? {}) as { batching?: { batch?: { batchSize?: number; batchInterval?: number } } };
	const batchSize = (batching?.batch?.batchSize ?? 0) > 0 ? batching!.batch!.batchSize! : 1;
	const batchInterval = batching?.batch?.batchInterval ?? 0;
	const operation = getOperation(plan.resource, plan.operation);
	// Batching spaces the sends out over time, which a gate holding every item back would undo.
	const gate = items.length > 1 && operation && !isIdempotent(operation) && !context.continueOnFail() && !(batchInterval > 0) ? new SendGate(run.node, items.length) : undefined;
	const requests: Array<Promise<INodeExecutionData[]>> = [];
	const requestDatas: RequestData[] = [];
	const contexts: IExecuteSingleFunctions[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		if (itemIndex > 0 && batchSize >= 0 && batchInterval > 0 && itemIndex % batchSize === 0) await sleep(batchInterval);
		const values = run.parameters.forItem(itemIndex);
		const item = withSendGate(itemContext(run, itemIndex, items, values), gate);
		const requestData = emptyRequestData();
		contexts.push(item);
		requestDatas.push(requestData);
		try {
			const settings = values.get('requestOptions', 0) as IDataObject;
			if (description.requestOperations) requestData.requestOperations = { ...description.requestOperations };
			for (const [key, value] of run.defaults) (requestData.options as unknown as IDataObject)[key] = (value !== null && typeof value === 'object' ? { ...(value as IDataObject) } : value) as never;
			// RoutingNode resolves every parameter of the node for each item; parameters that fail here
			// fail the item before its request, as they do there.
			values.resolveAll();
			for (const property of plan.properties) mergeRequestData(requestData, collect(run, values, property, '', {}));
			applyRequestOptions(run, requestData, settings, itemIndex);
			const request = makeRequest(run, requestData, item);
			request.then(
				() => gate?.ended(itemIndex, false),
				() => gate?.ended(itemIndex, true),
			);
			requests.push(request);
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(run.node, error instanceof Error ? error : new Error(String(error)), { itemIndex, runIndex: run.runIndex });
			setErrorContext(nodeError, itemIndex, run.runIndex);
			if (item.continueOnFail()) {
				requests.push(Promise.resolve([{ json: {}, error: nodeError, pairedItem: { item: itemIndex } }]));
				continue;
			}
			if (gate) {
				gate.ended(itemIndex, true);
				nothingSent(nodeError);
			}
			throw nodeError;
		}
	}
	const settled = await Promise.allSettled(requests);
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = settled[itemIndex];
		// Items the gate held back only waited: the error is that of a failed item (the lowest index).
		if (result.status !== 'fulfilled' && gate?.heldBack !== undefined && result.reason === gate.heldBack) continue;
		if (result.status !== 'fulfilled') {
			const error = result.reason as Error & { statusCode?: number; description?: string; isAxiosError?: boolean; response?: { status?: number } };
			if (error?.statusCode === 429) error.message = "Try spacing your requests out using the batching settings under 'Options'";
			if (contexts[itemIndex].continueOnFail()) {
				// Paired explicitly: n8n pairs by position only when every item gave exactly one output.
				returnData.push({ json: {}, error: error as NodeApiError, pairedItem: { item: itemIndex } });
				continue;
			}
			const stopped =
				error instanceof NodeApiError
					? error
					: new NodeApiError(run.node, error as never, {
							runIndex: run.runIndex,
							itemIndex,
							message: error?.message,
							description: error?.description,
							httpCode: error?.isAxiosError && error.response ? String(error.response?.status) : 'none',
						});
			setErrorContext(stopped, itemIndex, run.runIndex);
			if (gate?.heldBack !== undefined) nothingSent(stopped);
			else appendAppliedWrites(stopped, plan, settled, itemIndex);
			throw stopped;
		}
		const maxResults = requestDatas[itemIndex].maxResults;
		if (maxResults) result.value.splice(maxResults as number);
		returnData.push(...result.value);
	}
	return [returnData];
}

function nothingSent(error: NodeApiError | NodeOperationError): void {
	error.description = `${error.description ? `${error.description} ` : ''}Nothing of this run was sent: a write run sends its items only after every item has been checked.`;
}

/**
 * Items are sent together, so when one write fails the others may already be applied, and n8n
 * drops their results with the error. Say which, so nobody re-runs them blindly.
 */
function appendAppliedWrites(error: NodeApiError, plan: OperationPlan, settled: Array<PromiseSettledResult<INodeExecutionData[]>>, failed: number): void {
	const operation = getOperation(plan.resource, plan.operation);
	if (!operation || isIdempotent(operation)) return;
	const applied = settled.flatMap((result, i) => (i !== failed && result.status === 'fulfilled' && result.value.length > 0 ? [i] : []));
	if (applied.length === 0) return;
	const list = applied.length > 10 ? `${applied.slice(0, 10).join(', ')} …` : applied.join(', ');
	const many = applied.length > 1;
	error.description = `${error.description ? `${error.description} ` : ''}${applied.length} other item${many ? 's' : ''} of this run succeeded (item${many ? 's' : ''} ${list}): Capillary applied ${many ? 'them' : 'it'}, and n8n drops ${many ? 'their results' : 'its result'} with this error. Check before running ${many ? 'them' : 'it'} again, or set Settings > On Error to continue, to get every item's result.`;
}

export interface CustomOperations {
	customOperations: Record<string, Record<string, Action>>;
	/** Pairs left to RoutingNode, with the reason (listed by a test; should stay empty). */
	unsupported: Record<string, string>;
}

/**
 * `customOperations` for every (resource, operation) of a declarative description. Plans are
 * built here, once per pair, when the node type is created.
 */
export function buildCustomOperations(description: INodeTypeDescription): CustomOperations {
	const planFor = planner(description);
	const customOperations: Record<string, Record<string, Action>> = {};
	const unsupported: Record<string, string> = {};
	for (const [resource, operation] of operationPairs(description)) {
		const { plan, unsupportedReason } = planFor(resource, operation);
		if (!plan) {
			unsupported[`${resource}:${operation}`] = unsupportedReason ?? 'unknown';
			continue;
		}
		customOperations[resource] ??= {};
		customOperations[resource][operation] = async function (this: IExecuteFunctions) {
			return await runOperation(this, description, plan);
		};
	}
	return { customOperations, unsupported };
}
