import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { baseUrlOf, hostOf } from '../../credentials/CapillaryAuth';
import { entityFailure } from '../Capillary/shared/envelopes';
import { describeProblem, findProblem } from '../Capillary/shared/errors';
import { familyOf } from '../Capillary/shared/operation';
import {
	authenticationField,
	credentialDescriptions,
	credentialTypeOf,
	sendRequest,
	throughputSettings,
	type RequestContext,
} from '../Capillary/shared/transport';
import { BULK_OPERATIONS, type BulkOperation } from './operations';

/**
 * Sends ALL incoming items through Capillary's batch endpoints in chunks (one request per chunk,
 * not per item) and gives every input item its own output item with its own success or error.
 *
 * Why a separate node: the Capillary node is declarative, and n8n's declarative engine makes one
 * request per item. A batch call has to see every item at once, which only a node with its own
 * execute() can do. It shares the Capillary node's transport (retries, token refresh, concurrency).
 */

interface Outcome {
	/** The entity's result as Capillary returned it. */
	result: IDataObject;
	error?: { code: string; message: string; description?: string };
}

export class CapillaryBulk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Bulk',
		name: 'capillaryBulk',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description: 'Send many items to Capillary in batch calls: transactions, customers, cards, badges, coupons',
		defaults: { name: 'Capillary Bulk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialDescriptions,
		properties: [
			authenticationField,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: BULK_OPERATIONS.map((o) => ({ name: o.name, value: o.value, action: o.action, description: o.description })),
				default: 'addTransactions',
			},
			...BULK_OPERATIONS.flatMap((o) => operationFields(o)),
			{
				displayName: 'Chunk Size',
				name: 'chunkSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 100,
				description: "Entities per request; at most Capillary's batch limit for the operation (100, or 200 for cards)",
			},
			throughputSettings,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = BULK_OPERATIONS.find((o) => o.value === this.getNodeParameter('operation', 0));
		if (!operation) throw new NodeOperationError(this.getNode(), 'Unknown bulk operation');
		const chunkSize = Math.max(1, Math.min(operation.batchLimit, Math.floor(Number(this.getNodeParameter('chunkSize', 0, operation.batchLimit)) || operation.batchLimit)));
		const outcomes: Array<Outcome | undefined> = new Array(items.length);

		// Each item's entity; a bad one fails alone and is never sent.
		const ready: Array<{ index: number; entity: unknown }> = [];
		for (let index = 0; index < items.length; index++) {
			try {
				ready.push({ index, entity: entityOf(this, operation, index) });
			} catch (error) {
				outcomes[index] = { result: {}, error: { code: 'INPUT', message: (error as Error).message } };
			}
		}

		const context = requestContext(this);
		const credentials = await this.getCredentials(credentialTypeOf(context));
		const baseURL = baseUrlOf(credentials);
		const param = (name: string) => this.getNodeParameter(name, 0, '') as unknown;
		const chunks: Array<typeof ready> = [];
		for (let i = 0; i < ready.length; i += chunkSize) chunks.push(ready.slice(i, i + chunkSize));
		await Promise.all(
			chunks.map(async (chunk) => {
				for (const [k, outcome] of (await sendChunk(context, operation, baseURL, chunk.map((c) => c.entity), param)).entries()) {
					outcomes[chunk[k].index] = outcome;
				}
			}),
		);

		// With "Continue (using error output)" failed items carry the error so n8n routes them there;
		// with "Continue" they stay regular items whose json says what failed.
		const routeErrors = this.getNode().onError === 'continueErrorOutput';
		const output: INodeExecutionData[] = [];
		const failures: Array<{ index: number; error: NonNullable<Outcome['error']> }> = [];
		outcomes.forEach((outcome, index) => {
			const result = outcome ?? { result: {}, error: { code: 'MISSING', message: 'Capillary returned no result for this item' } };
			if (result.error) {
				failures.push({ index, error: result.error });
				const json = { ...result.result, success: false, errorCode: result.error.code, errorMessage: result.error.message };
				output.push({ json, pairedItem: { item: index }, ...(routeErrors ? { error: itemError(this, index, result.error) } : {}) });
			} else {
				output.push({ json: { ...result.result, success: true }, pairedItem: { item: index } });
			}
		});
		if (failures.length && !this.continueOnFail()) {
			const first = failures[0];
			throw new NodeApiError(this.getNode(), { failures: failures.slice(0, 20) } as unknown as JsonObject, {
				message: `${failures.length} of ${items.length} items failed (first: item ${first.index}, Capillary error ${first.error.code}: ${first.error.message})`,
				description: `The other ${items.length - failures.length} items were sent and written; re-running this node would send them again. Set "On Error" to "Continue (using error output)" to route only the failed items, e.g. to fix and retry them.`,
				itemIndex: first.index,
			});
		}
		return [output];
	}
}

function operationFields(operation: BulkOperation): INodeProperties[] {
	const show = { operation: [operation.value] };
	const own = operation.fields.map((f) => ({ ...f, displayOptions: { show } }));
	const defaultValue = operation.valueDefault ?? '';
	const entityField: INodeProperties =
		operation.entity === 'json'
			? {
					displayName: 'Entity (JSON)',
					name: 'entity',
					type: 'json',
					required: true,
					default: '={{ $json }}',
					description: 'The entity this item stands for, as Capillary expects it in the batch. The whole item by default; shape it with a Set node or an expression.',
					displayOptions: { show },
				}
			: {
					displayName: operation.valueLabel ?? 'Value',
					name: 'entityValue',
					type: 'string',
					required: true,
					default: defaultValue,
					description: 'What this item contributes to the batch',
					displayOptions: { show },
				};
	return [...own, entityField];
}

function entityOf(context: IExecuteFunctions, operation: BulkOperation, index: number): unknown {
	if (operation.entity === 'value') {
		const value = context.getNodeParameter('entityValue', index, '') as unknown;
		if (value === undefined || value === null || String(value).trim() === '') {
			throw new NodeOperationError(context.getNode(), `Parameter "${operation.valueLabel}" is empty for this item`, { itemIndex: index });
		}
		return typeof value === 'number' ? value : String(value).trim();
	}
	const raw = context.getNodeParameter('entity', index, {}) as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() ? (JSON.parse(raw) as unknown) : undefined;
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `Parameter "Entity (JSON)" is not valid JSON: ${(error as Error).message}`, { itemIndex: index });
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), 'Parameter "Entity (JSON)" must be a JSON object for this item', { itemIndex: index });
	}
	return value;
}

/** The shared transport expects an item context; the Bulk node reads node-level parameters at item 0. */
function requestContext(context: IExecuteFunctions): RequestContext {
	return Object.create(context, {
		getNodeParameter: { value: (name: string, fallback?: unknown, options?: IDataObject) => context.getNodeParameter(name, 0, fallback as never, options) },
	}) as RequestContext;
}

async function sendChunk(
	context: RequestContext,
	operation: BulkOperation,
	baseURL: string,
	entities: unknown[],
	param: (name: string) => unknown,
): Promise<Outcome[]> {
	const family = familyOf(operation.path);
	const { body, qs } = operation.request(entities, param);
	const failAll = (code: string, message: string, description?: string): Outcome[] => entities.map(() => ({ result: {}, error: { code, message, description } }));
	let response;
	try {
		response = await sendRequest(
			context,
			{ method: operation.method, baseURL, url: operation.path, body: body as IDataObject, qs: qs ?? {}, headers: { Accept: 'application/json', 'Content-Type': 'application/json' } },
			{ idempotent: operation.method === 'GET' },
		);
	} catch (error) {
		const e = error as Error & { description?: string };
		return failAll('NETWORK', e.message, e.description);
	}
	const results = operation.results(response.body);
	const problem = findProblem(family, response.statusCode, response.body);
	if (problem && results.length !== entities.length) {
		return failAll(problem.code, problem.message, describeProblem(problem, { host: hostOf(baseURL) }).description);
	}
	if (results.length !== entities.length) {
		return failAll('MISMATCH', `Capillary answered ${results.length} results for ${entities.length} entities; the results cannot be matched to items`);
	}
	return results.map((result) => {
		const entry = (result !== null && typeof result === 'object' ? result : { value: result }) as IDataObject;
		const failure = entityFailure(entry);
		return failure ? { result: entry, error: { code: failure.code, message: failure.message } } : { result: entry };
	});
}

function itemError(context: IExecuteFunctions, index: number, error: NonNullable<Outcome['error']>): NodeApiError {
	return new NodeApiError(context.getNode(), { capillaryCode: error.code, capillaryMessage: error.message } as JsonObject, {
		message: `Capillary error ${error.code}: ${error.message}`,
		description: error.description,
		itemIndex: index,
	});
}
