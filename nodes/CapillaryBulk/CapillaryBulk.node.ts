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
import { describeProblem, findProblem, OUTCOME_UNKNOWN, OUTCOME_UNKNOWN_ADVICE } from '../Capillary/shared/errors';
import { familyOf } from '../Capillary/shared/operation';
import {
	authenticationField,
	credentialDescriptions,
	credentialTypeOf,
	sendRequest,
	requestOptionsWithout,
	type RequestContext,
} from '../Capillary/shared/transport';
import { fieldReader } from './form';
import { BULK_OPERATIONS, type BulkOperation } from './operations';
import { pairResults, type Pairing } from './pairing';

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
	/** Capillary may or may not have applied this item (a write only): check before retrying. */
	unknown?: boolean;
}

const UNKNOWN_CODE = 'OUTCOME_UNKNOWN';
/** An item whose input was not usable: never sent, and not Capillary's error. */
const INPUT_CODE = 'INPUT';

const messageOf = (error: NonNullable<Outcome['error']>) => (error.code === UNKNOWN_CODE || error.code === INPUT_CODE ? error.message : `Capillary error ${error.code}: ${error.message}`);

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
				description: 'What to send for every input item; each item becomes one entity of a batch call',
			},
			inputModeField,
			...formFields(),
			...BULK_OPERATIONS.flatMap((o) => operationFields(o)),
			{
				displayName: 'Chunk Size',
				name: 'chunkSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 100,
				description: "Entities per request; at most Capillary's batch limit for the operation (100, or 200 for cards)",
			},
			// Batch requests do not page.
			requestOptionsWithout('maxPages'),
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
				outcomes[index] = { result: {}, error: { code: INPUT_CODE, message: (error as Error).message } };
			}
		}

		// Without Continue On Fail, a write with unusable input sends nothing: sending the other items
		// would make the re-run after the fix write them twice.
		const badInput = outcomes.findIndex((o) => o !== undefined);
		if (badInput >= 0 && operation.method !== 'GET' && !this.continueOnFail()) {
			const count = outcomes.filter((o) => o !== undefined).length;
			throw new NodeOperationError(this.getNode(), `${count} of ${items.length} items failed (first: item ${badInput}, ${messageOf(outcomes[badInput]!.error!)})`, {
				description: 'Nothing was sent: a write sends its items only when every item is usable. Fix the input, or set "On Error" to "Continue (using error output)" to send the usable items and route the others.',
				itemIndex: badInput,
			});
		}

		const context = requestContext(this);
		const credentials = await this.getCredentials(credentialTypeOf(context));
		const baseURL = baseUrlOf(credentials);
		const param = (name: string) => this.getNodeParameter(name, 0, '') as unknown;

		// Joined lookups: each distinct value is sent once and its result fanned out to every item
		// that asked (Capillary answers a repeated value once); a value with a comma cannot be joined.
		const identityOf = (entry: (typeof ready)[number]) => (operation.joinedValues ? (operation.entityKeys(entry.entity, param)[0] ?? `#${entry.index}`) : `#${entry.index}`);
		const askers = new Map<string, number[]>();
		const unique: typeof ready = [];
		for (const entry of ready) {
			if (operation.joinedValues && String(entry.entity).includes(',')) {
				outcomes[entry.index] = {
					result: {},
					error: { code: INPUT_CODE, message: `Parameter "${operation.valueLabel}" contains a comma, which Capillary reads as a separator between values; look this item up on its own with the Capillary node` },
				};
				continue;
			}
			const same = askers.get(identityOf(entry));
			if (same) same.push(entry.index);
			else {
				askers.set(identityOf(entry), [entry.index]);
				unique.push(entry);
			}
		}

		const chunks: Array<typeof unique> = [];
		for (let i = 0; i < unique.length; i += chunkSize) chunks.push(unique.slice(i, i + chunkSize));
		await Promise.all(
			chunks.map(async (chunk) => {
				const results = await sendChunk(context, operation, baseURL, chunk.map((c) => c.entity), param);
				for (const [k, outcome] of results.entries()) {
					for (const index of askers.get(identityOf(chunk[k])) ?? [chunk[k].index]) outcomes[index] = { ...outcome, result: { ...outcome.result } };
				}
			}),
		);

		// With "Continue (using error output)" failed items carry the error so n8n routes them there;
		// with "Continue" they stay regular items whose json says what failed.
		const routeErrors = this.getNode().onError === 'continueErrorOutput';
		const output: INodeExecutionData[] = [];
		const failures: Array<{ index: number; error: NonNullable<Outcome['error']> }> = [];
		const unknowns: Array<{ index: number; error: NonNullable<Outcome['error']> }> = [];
		outcomes.forEach((outcome, index) => {
			const result = outcome ?? { result: {}, error: { code: 'MISSING', message: 'Capillary returned no result for this item' } };
			if (result.error) {
				(result.unknown ? unknowns : failures).push({ index, error: result.error });
				const json = {
					...result.result,
					// Unknown is not "failed": an IF on success === false must not re-send it.
					success: result.unknown ? null : false,
					outcome: result.unknown ? 'unknown' : 'failed',
					errorCode: result.error.code,
					errorMessage: result.error.message,
				};
				output.push({ json, pairedItem: { item: index }, ...(routeErrors ? { error: itemError(this, index, result.error) } : {}) });
			} else {
				output.push({ json: { ...result.result, success: true, outcome: 'succeeded' }, pairedItem: { item: index } });
			}
		});
		if ((failures.length || unknowns.length) && !this.continueOnFail()) {
			const first = [...failures, ...unknowns].sort((a, b) => a.index - b.index)[0];
			const succeeded = items.length - failures.length - unknowns.length;
			const parts = [failures.length ? `${failures.length} of ${items.length} items failed` : '', unknowns.length ? `${unknowns.length} of ${items.length} items have an unknown outcome` : ''].filter(Boolean);
			const message = `${parts.join(' and ')} (first: item ${first.index}, ${messageOf(first.error)})`;
			const description = [
				succeeded ? `The other ${succeeded} items were sent and ${operation.method === 'GET' ? 'read' : 'written'}; re-running this node would send them again.` : '',
				unknowns.length ? `Items with an unknown outcome may have been written: check in Capillary before sending them again.` : '',
				'Set "On Error" to "Continue (using error output)" to route only the items that did not succeed, e.g. to fix and retry the failed ones.',
			]
				.filter(Boolean)
				.join(' ');
			// Only unusable input (nothing of it reached Capillary): the user's error, not the API's.
			if (unknowns.length === 0 && failures.every((f) => f.error.code === INPUT_CODE)) throw new NodeOperationError(this.getNode(), message, { description, itemIndex: first.index });
			throw new NodeApiError(this.getNode(), { failures: failures.slice(0, 20), unknown: unknowns.slice(0, 20) } as unknown as JsonObject, { message, description, itemIndex: first.index });
		}
		return [output];
	}
}

const WITH_FORM = BULK_OPERATIONS.filter((o) => o.form).map((o) => o.value);

const inputModeField: INodeProperties = {
	displayName: 'Input Mode',
	name: 'input',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Fields', value: 'fields', description: 'Map each field from the input items, one expression per field' },
		{ name: 'JSON', value: 'json', description: 'Give each item as the JSON entity Capillary takes (the whole item by default)' },
	],
	default: 'fields',
	description: 'Whether to build each entity from mapped fields or take it as JSON',
	displayOptions: { show: { operation: WITH_FORM } },
};

/** Each form field once, shown for every operation whose form uses it, in Fields mode. */
function formFields(): INodeProperties[] {
	const users = new Map<INodeProperties, string[]>();
	for (const operation of BULK_OPERATIONS) for (const field of operation.form?.fields ?? []) users.set(field, [...(users.get(field) ?? []), operation.value]);
	return [...users].map(([field, operations]) => ({
		...field,
		displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, operation: operations, input: ['fields'] } },
	}));
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
					description: 'The entity this item stands for, as Capillary takes it in the batch. The whole item by default; shape it with a Set node or an expression.',
					displayOptions: { show: operation.form ? { ...show, input: ['json'] } : show },
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
			throw new NodeOperationError(context.getNode(), `Parameter "${operation.valueLabel}" is empty for item ${index}`, { itemIndex: index });
		}
		if (operation.numericValue && !/^\d+$/.test(String(value).trim())) {
			throw new NodeOperationError(context.getNode(), `Parameter "${operation.valueLabel}" must be a whole number, not "${String(value).slice(0, 40)}", for item ${index}`, { itemIndex: index });
		}
		return typeof value === 'number' ? value : String(value).trim();
	}
	if (operation.form && context.getNodeParameter('input', 0, 'fields') === 'fields') {
		try {
			return operation.form.build(fieldReader((name) => context.getNodeParameter(name, index, ''), index));
		} catch (error) {
			throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex: index });
		}
	}
	const raw = context.getNodeParameter('entity', index, {}) as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() ? (JSON.parse(raw) as unknown) : undefined;
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `Parameter "Entity (JSON)" is not valid JSON for item ${index}: ${(error as Error).message}`, { itemIndex: index });
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), `Parameter "Entity (JSON)" must be a JSON object for item ${index}`, { itemIndex: index });
	}
	return value;
}

/** The shared transport expects an item context; the Bulk node reads node-level parameters at item 0. */
function requestContext(context: IExecuteFunctions): RequestContext {
	return Object.create(context, {
		getNodeParameter: { value: (name: string, fallback?: unknown, options?: IDataObject) => context.getNodeParameter(name, 0, fallback as never, options) },
	}) as RequestContext;
}

function unknownOutcome(reason: string, description?: string): Outcome {
	return {
		result: {},
		unknown: true,
		error: { code: UNKNOWN_CODE, message: `Outcome unknown: ${reason}. Check in Capillary whether this item was written before retrying it`, description: description ?? OUTCOME_UNKNOWN_ADVICE },
	};
}

function isEmptyResult(result: unknown): boolean {
	return result === null || result === undefined || (typeof result === 'object' && Object.keys(result).length === 0);
}

function asEntry(result: unknown): IDataObject {
	return (result !== null && typeof result === 'object' && !Array.isArray(result) ? result : { value: result }) as IDataObject;
}

async function sendChunk(
	context: RequestContext,
	operation: BulkOperation,
	baseURL: string,
	entities: unknown[],
	param: (name: string) => unknown,
): Promise<Outcome[]> {
	const family = familyOf(operation.path);
	const write = operation.method !== 'GET';
	const { body, qs } = operation.request(entities, param);
	const failAll = (code: string, message: string, description?: string): Outcome[] => entities.map(() => ({ result: {}, error: { code, message, description } }));
	const unknownAll = (reason: string, description?: string): Outcome[] => entities.map(() => unknownOutcome(reason, description));
	let response;
	try {
		response = await sendRequest(
			context,
			{ method: operation.method, baseURL, url: operation.path, body: body as IDataObject, qs: qs ?? {}, headers: { Accept: 'application/json', 'Content-Type': 'application/json' } },
			{ idempotent: !write },
		);
	} catch (error) {
		const e = error as Error & { description?: string };
		// The transport says when a write may have been applied (timeout, dropped connection).
		if (write && e.message.includes(OUTCOME_UNKNOWN)) return unknownAll(e.message.replace(`: ${OUTCOME_UNKNOWN}`, ''), e.description);
		return failAll('NETWORK', e.message, e.description);
	}
	const results = operation.results(response.body);
	const problem = findProblem(family, response.statusCode, response.body);
	if (results.length === 0) {
		if (problem) {
			const description = describeProblem(problem, { host: hostOf(baseURL) }).description;
			// A server error reported inside a success status is no proof that nothing was written either.
			const serverError = Number(problem.code) >= 500 && Number(problem.code) < 600;
			if (response.outcomeUnknown || (write && serverError)) return unknownAll(`Capillary answered HTTP ${problem.httpCode} (${problem.code}: ${problem.message}) for the batch`);
			return failAll(problem.code, problem.message, description);
		}
		return write ? unknownAll('Capillary answered without a result for any item of the batch') : failAll('NO_RESULT', 'Capillary returned no result for this value');
	}
	const pairings = pairResults(results, {
		entityKeys: entities.map((entity) => operation.entityKeys(entity, param)),
		resultKeys: (result) => operation.resultKeys(result),
		signature: (result) => {
			if (isEmptyResult(result)) return 'empty';
			const failure = entityFailure(asEntry(result));
			return failure ? `failed ${failure.code} ${failure.message}` : 'succeeded';
		},
		failure: (result) => entityFailure(asEntry(result)),
	});
	return pairings.map((pairing) => outcomeOf(pairing, write));
}

function outcomeOf(pairing: Pairing, write: boolean): Outcome {
	if (pairing.kind === 'unknown') {
		return write ? unknownOutcome(pairing.reason) : { result: {}, error: { code: 'NO_RESULT', message: `${pairing.reason}; this read can be repeated safely` } };
	}
	if (pairing.kind === 'failed') return { result: {}, error: { code: pairing.code, message: pairing.message } };
	// An empty entry ({}, null) proves nothing: not a success.
	if (isEmptyResult(pairing.result)) return outcomeOf({ kind: 'unknown', reason: 'Capillary answered an empty result for this item' }, write);
	const entry = asEntry(pairing.result);
	const failure = entityFailure(entry);
	return failure ? { result: entry, error: { code: failure.code, message: failure.message } } : { result: entry };
}

function itemError(context: IExecuteFunctions, index: number, error: NonNullable<Outcome['error']>): NodeApiError | NodeOperationError {
	if (error.code === INPUT_CODE) return new NodeOperationError(context.getNode(), error.message, { itemIndex: index });
	return new NodeApiError(context.getNode(), { capillaryCode: error.code, capillaryMessage: error.message } as JsonObject, {
		message: messageOf(error),
		description: error.description,
		itemIndex: index,
	});
}
