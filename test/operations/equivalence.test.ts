/**
 * The operation runner (customOperations, nodes/Capillary/shared/runner.ts) against n8n's
 * RoutingNode: every case of ./cases runs through both, on a freshly reset simulator, and must
 * produce the same requests on the wire, the same request options handed to n8n's HTTP layer
 * (method, URL, query, headers, body, timeout, proxy, certificate and domain settings), and the
 * same items or error. RoutingNode runs a copy of the case's node type (the action node that owns
 * its resource) without customOperations.
 */
import { isDeepStrictEqual } from 'node:util';

import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { clearTokenCache } from '../../dist/credentials/CapillaryAuth';
import { actionNodeTypes, loadPackage, PACKAGE_NAME, runNode, TestCredentialsHelper } from '../harness/engine';
import { basicCredentials, oauthCredentials, useCapillary } from '../harness/fixtures';
import type { RecordedRequest, Simulator } from '../simulator/server';
import type { ErrorCase, OperationCase } from './case';
import { loadCaseFiles } from './load-cases';


/** Records what each request looked like when n8n authenticated it (just before sending). */
class RecordingHelper extends TestCredentialsHelper {
	readonly options: IHttpRequestOptions[] = [];

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { abortSignal: _signal, ...rest } = requestOptions as IHttpRequestOptions & { abortSignal?: unknown };
		void _signal;
		this.options.push(structuredCloneish(rest) as IHttpRequestOptions);
		return await super.authenticate(credentials, typeName, requestOptions);
	}
}

function structuredCloneish(value: unknown): unknown {
	if (Buffer.isBuffer(value)) return value.toString('utf8');
	if (Array.isArray(value)) return value.map(structuredCloneish);
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneish(v)]));
	return value;
}

const VOLATILE_HEADERS = new Set(['host', 'content-length', 'connection', 'date', 'user-agent', 'accept-encoding']);

/** The volatile ids sent: multipart boundaries (time + random) and OAuth tokens (minted per run). */
function stable(value: unknown): string {
	return JSON.stringify(value)
		.replace(/-{2,}n8nCapillary[0-9a-f]+/g, '--BOUNDARY')
		.replace(/("x-cap-api-oauth-token\\?":\\?")[A-Za-z0-9._-]+/gi, '$1TOKEN');
}

function sortedStable(values: unknown[]): string[] {
	return values.map(stable).sort();
}

function wire(requests: RecordedRequest[]) {
	return sortedStable(
		requests.map((r) => ({
			method: r.method,
			path: r.path,
			query: r.query,
			headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => !VOLATILE_HEADERS.has(k.toLowerCase()))),
			body: r.body,
		})),
	);
}

const NOW = Date.now();
const YEARS_2 = 2 * 366 * 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the simulator makes up per call (times around now, UUIDs) differs between the two runs of
 * a case; it is masked in the items. Requests are compared unmasked.
 */
function masked(value: unknown): unknown {
	if (typeof value === 'number') {
		const nearNow = (ms: number) => Math.abs(ms - NOW) < YEARS_2;
		return nearNow(value * 1000) || nearNow(value) ? 'TIME' : value;
	}
	if (typeof value === 'string') {
		if (UUID.test(value)) return 'UUID';
		const time = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value) ? Date.parse(value.replace(' ', 'T')) : NaN;
		return Number.isFinite(time) && Math.abs(time - NOW) < YEARS_2 ? 'TIME' : value;
	}
	if (Array.isArray(value)) return value.map(masked);
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
	return value;
}

/** Leaf paths where two runs of the same path differ: values the simulator makes up per call. */
function volatilePaths(a: unknown, b: unknown, path = '', out = new Set<string>()): Set<string> {
	const objects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b);
	if (objects) {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		for (const key of keys) volatilePaths((a as IDataObject)[key], (b as IDataObject)[key], `${path}/${key}`, out);
	} else if (!isDeepStrictEqual(a, b)) {
		out.add(path);
	}
	return out;
}

function withoutPaths(value: unknown, paths: Set<string>, path = ''): unknown {
	if (paths.has(path)) return 'VOLATILE';
	if (typeof value !== 'object' || value === null) return value;
	const out: IDataObject = Array.isArray(value) ? ([] as unknown as IDataObject) : {};
	for (const [key, entry] of Object.entries(value)) out[key] = withoutPaths(entry, paths, `${path}/${key}`) as never;
	return out;
}

function items(output: INodeExecutionData[]) {
	return stable(
		output.map((item) => ({
			json: masked(item.json),
			binary: item.binary,
			pairedItem: item.pairedItem,
			error: item.error && { name: item.error.name, message: item.error.message, description: item.error.description },
		})),
	);
}

interface Outcome {
	wire: string[];
	options: string[];
	items: string;
	error?: string;
	customRuns: number;
}

/** One action node type in two variants: RoutingNode only, and the runner with a run counter. */
interface Variants {
	name: string;
	routing: INodeType;
	counted: INodeType;
}

/** By resource: the variants of the action node that owns it. */
const variantsOf = new Map<string, Variants>();
let customRuns = 0;

beforeAll(async () => {
	for (const { name, type: original } of await actionNodeTypes()) {
		const copyOf = (changes: Partial<INodeType>) => Object.assign(Object.create(Object.getPrototypeOf(original) as object) as INodeType, original, changes);
		const counted: NonNullable<INodeType['customOperations']> = {};
		for (const [resource, operations] of Object.entries(original.customOperations ?? {})) {
			counted[resource] = {};
			for (const [operation, run] of Object.entries(operations)) {
				counted[resource][operation] = async function (this: IExecuteFunctions) {
					customRuns++;
					return await run.call(this);
				};
			}
		}
		const variants = { name, routing: copyOf({ customOperations: undefined }), counted: copyOf({ customOperations: counted }) };
		for (const resource of Object.keys(original.customOperations ?? {})) variantsOf.set(resource, variants);
	}
});

/** Runs beyond the case files: several items, failing items, continue on fail, n8n's request options. */
interface ExtraCase {
	resource: string;
	operation: string;
	title: string;
	parameters: INodeParameters;
	items: IDataObject[];
	continueOnFail?: boolean;
	setup?: undefined;
}

type AnyCase = OperationCase | ErrorCase | ExtraCase;

const lookup = { identifierName: 'mobile', identifierValue: '={{ $json.mobile }}', source: 'INSTORE' };
const mobiles = [{ mobile: '919111111111' }, { mobile: '' }, { mobile: '919222222222' }, { mobile: '910000000000' }];
const EXTRA: ExtraCase[] = [
	{ resource: 'customer', operation: 'getId', title: 'four items, one blank, one unknown, continue on fail', parameters: lookup, items: mobiles, continueOnFail: true },
	{ resource: 'customer', operation: 'getId', title: 'four items, one blank, one unknown, stop on the first failure', parameters: lookup, items: mobiles },
	{ resource: 'customer', operation: 'getId', title: 'an expression that fails before the request, continue on fail', parameters: { ...lookup, identifierValue: '={{ $("No Such Node").item.json.x }}' }, items: mobiles.slice(0, 2), continueOnFail: true },
	{ resource: 'customer', operation: 'getId', title: 'an expression that fails before the request', parameters: { ...lookup, identifierValue: '={{ $("No Such Node").item.json.x }}' }, items: mobiles.slice(0, 2) },
	{
		resource: 'customer',
		operation: 'getId',
		title: "n8n's request options: batching, timeout, unauthorized certificates",
		parameters: { ...lookup, requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 5 } }, timeout: 12_345, allowUnauthorizedCerts: true } },
		items: [mobiles[0], mobiles[2], mobiles[0]],
	},
	{
		resource: 'customer',
		operation: 'getId',
		title: "n8n's request options: a proxy that refuses (no retries)",
		parameters: { ...lookup, requestOptions: { proxy: 'http://user:p%40ss@127.0.0.1:9', maxRetries: 0 } },
		items: [mobiles[0]],
		continueOnFail: true,
	},
	{ resource: 'customer', operation: 'getId', title: "n8n's request options: a proxy without a port", parameters: { ...lookup, requestOptions: { proxy: 'http://proxy.example' } }, items: [mobiles[0]] },
	{
		resource: 'transaction',
		operation: 'add',
		title: 'three bills from item fields, one duplicate',
		parameters: { identifierName: 'mobile', identifierValue: '={{ $json.mobile }}', source: 'INSTORE', type: 'REGULAR', billNumber: '={{ $json.bill }}', billAmount: '={{ $json.amount }}' },
		items: [
			{ mobile: '919111111111', bill: 'EQ-1', amount: 10 },
			{ mobile: '919222222222', bill: 'EQ-2', amount: '20' },
			{ mobile: '919111111111', bill: 'EQ-1', amount: 10 },
		],
		continueOnFail: true,
	},
];

async function runBoth(sim: Simulator, c: AnyCase): Promise<[Outcome, Outcome]> {
	const [routing, runner] = await runEach(sim, c, ['routing', 'counted']);
	if (routing.items !== runner.items) {
		// Items differ: find what differs between two RoutingNode runs (made up by the simulator) and mask it.
		const [again] = await runEach(sim, c, ['routing']);
		const paths = volatilePaths(JSON.parse(routing.items), JSON.parse(again.items));
		routing.items = stable(withoutPaths(JSON.parse(routing.items), paths));
		runner.items = stable(withoutPaths(JSON.parse(runner.items), paths));
	}
	return [routing, runner];
}

async function runEach(sim: Simulator, c: AnyCase, kinds: Array<'routing' | 'counted'>): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	const variants = variantsOf.get(c.resource);
	if (!variants) throw new Error(`No action node has the resource ${c.resource}`);
	for (const kind of kinds) {
		sim.reset('demo');
		clearTokenCache();
		const prepared = await c.setup?.(sim);
		sim.clearRequests();
		customRuns = 0;
		const auth = ('auth' in c && c.auth) || 'basic';
		const credentialType = auth === 'oauth' ? 'capillaryOAuthApi' : 'capillaryApi';
		const { credentialTypes } = await loadPackage();
		const credentials = { [credentialType]: auth === 'oauth' ? oauthCredentials(sim) : basicCredentials(sim) };
		const helper = new RecordingHelper(credentialTypes, credentials);
		const caseItems = 'items' in c ? (c.items ?? (Array.isArray(prepared) ? (prepared as IDataObject[]) : undefined)) : undefined;
		const result = await runNode({
			parameters: { authentication: auth === 'oauth' ? 'oAuth' : 'basicAuth', resource: c.resource, operation: c.operation, ...(c.parameters as INodeParameters) },
			items: caseItems,
			inputItems: 'inputItems' in c ? c.inputItems : undefined,
			credentials,
			credentialsHelper: helper,
			continueOnFail: 'continueOnFail' in c ? c.continueOnFail : undefined,
			nodeType: variants.name,
			extraNodeTypes: { [`${PACKAGE_NAME}.${variants.name}`]: variants[kind] },
		});
		const error = result.error;
		outcomes.push({
			wire: wire(sim.apiRequests()),
			options: sortedStable(helper.options.filter((o) => !String(o.url).includes('/oauth/token'))),
			items: items(result.items),
			error: error && stable({ name: error.name, message: error.message, description: error.description, httpCode: error.httpCode, itemIndex: error.context?.itemIndex }),
			customRuns,
		});
	}
	return outcomes;
}

const files = loadCaseFiles();
const operationCases = files.flatMap((f) => f.cases.map((c) => [`${c.resource} → ${c.operation}${c.title ? ` (${c.title})` : ''}`, c] as const));
const errorCases = files.flatMap((f) => f.errors.map((e) => [`${e.resource} → ${e.operation}: ${e.title}`, e] as const));
const extraCases = EXTRA.map((e) => [`${e.resource} → ${e.operation}: ${e.title}`, e] as const);

describe('operation runner ≡ RoutingNode', () => {
	const capillary = useCapillary();

	it.each<readonly [string, AnyCase]>([...operationCases, ...errorCases, ...extraCases])('%s', async (_name, c) => {
		const [routing, runner] = await runBoth(capillary.sim, c);
		expect(routing.customRuns).toBe(0);
		expect(runner.customRuns).toBe(1);
		expect(runner.wire).toEqual(routing.wire);
		expect(runner.options).toEqual(routing.options);
		expect(runner.error).toEqual(routing.error);
		expect(runner.items).toEqual(routing.items);
		// Not vacuous: the case sent (or tried to send) something, or failed.
		expect(routing.wire.length > 0 || routing.options.length > 0 || routing.error !== undefined || routing.items.includes('"error":{')).toBe(true);
	});
});
