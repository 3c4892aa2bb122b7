/**
 * One benchmark scenario, run in its own process so its peak memory is its own. Prints one JSON
 * line: {ms, maxRssMb, ...}. Started by bench/run.ts; the simulator runs in another process.
 *   tsx bench/scenario.ts <scenario> <simulatorUrl> [n8nInstallDir]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-capillary-bench-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('reflect-metadata');

import type { IDataObject, INodeType } from 'n8n-workflow';

import { actionNodeTypes, loadPackage, runNode, type RunResult } from '../test/harness/engine';

const [scenario, simUrl, n8nDir] = process.argv.slice(2);
const credentials = { capillaryApi: { region: 'custom', url: simUrl, username: 'store.server', password: 'server123', orgId: '50672' } };
const MOBILES = ['919111111111', '919222222222'];

function lookupItems(count: number) {
	return Array.from({ length: count }, (_, i) => ({ mobile: MOBILES[i % 2] }));
}

function transactionItems(count: number, prefix: string) {
	return Array.from({ length: count }, (_, i) => ({
		identifierType: 'mobile',
		identifierValue: MOBILES[i % 2],
		source: 'INSTORE',
		type: 'REGULAR',
		billNumber: `${prefix}-${i}`,
		billAmount: 100 + (i % 50),
	}));
}

/** The Capillary action nodes as n8n runs them without the operation runner: RoutingNode (the "before"), by full type name. */
async function routingNodeTypes(): Promise<Record<string, INodeType>> {
	const copies: Record<string, INodeType> = {};
	for (const { name, type: original } of await actionNodeTypes()) {
		const copy = Object.assign(Object.create(Object.getPrototypeOf(original) as object) as INodeType, original);
		copy.customOperations = undefined;
		copies[`n8n-nodes-capillary.${name}`] = copy;
	}
	return copies;
}

let declarative: Record<string, INodeType> | undefined;
let httpNode: INodeType | undefined;

/** Runs a Capillary node: by default the action node that owns the parameters' resource. */
async function capillary(parameters: Record<string, unknown>, items: IDataObject[], nodeType?: string): Promise<RunResult> {
	return await runNode({ parameters: { authentication: 'basicAuth', ...parameters }, items, credentials, nodeType, extraNodeTypes: declarative });
}

async function rawFetchWrite(count: number, concurrency: number): Promise<number> {
	const authorization = 'Basic ' + Buffer.from(`store.server:${createHash('md5').update('server123').digest('hex')}`).toString('base64');
	const items = transactionItems(count, `${tag}RF`);
	let next = 0;
	let ok = 0;
	const worker = async () => {
		while (next < count) {
			const item = items[next++];
			const response = await fetch(`${simUrl}/v2/transactions?identifierName=mobile&identifierValue=${item.identifierValue}&source=INSTORE`, {
				method: 'POST',
				headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
				body: JSON.stringify({ type: item.type, billNumber: item.billNumber, billAmount: item.billAmount }),
			});
			const body = (await response.json()) as IDataObject;
			if (response.ok && body.createdId) ok++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return ok;
}

async function rawFetch(count: number, concurrency: number): Promise<number> {
	const authorization = 'Basic ' + Buffer.from(`store.server:${createHash('md5').update('server123').digest('hex')}`).toString('base64');
	let next = 0;
	let ok = 0;
	const worker = async () => {
		while (next < count) {
			const i = next++;
			const response = await fetch(`${simUrl}/v2/customers/lookup?source=INSTORE&identifierName=mobile&identifierValue=${MOBILES[i % 2]}`, { headers: { authorization, accept: 'application/json' } });
			if (response.ok) ok++;
			await response.json();
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return ok;
}

function httpRequestNode(): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(join(n8nDir, 'node_modules/n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js')) as { HttpRequest: new () => INodeType };
	return new HttpRequest();
}

const lookup = { resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '={{ $json.mobile }}', source: 'INSTORE' };
const write = { resource: 'transaction', operation: 'add', identifierName: 'mobile', identifierValue: '={{ $json.identifierValue }}', source: 'INSTORE', type: 'REGULAR', billNumber: '={{ $json.billNumber }}', billAmount: '={{ $json.billAmount }}' };

/** Load what every scenario needs before the clock starts, so a scenario measures running, not loading. */
async function prepare(): Promise<void> {
	await loadPackage();
	if (scenario.includes('-routing')) declarative = await routingNodeTypes();
	if (scenario.includes('http-request')) httpNode = httpRequestNode();
}

/** Requests in flight: the scenario's `-cN` suffix. */
function inFlight(): number {
	return Number(/-c(\d+)$/.exec(scenario)?.[1] ?? 100);
}

/** Items of the measured run (the warm-up runs the same scenario with fewer, under other bill numbers). */
let size = 1000;
let tag = '';

function count(): number {
	if (scenario === 'transactions-per-item' || scenario === 'transactions-bulk') return 10_000;
	return 1000;
}

async function run(): Promise<Record<string, unknown>> {
	switch (scenario) {
		case 'lookup-capillary-c10':
		case 'lookup-capillary-c100':
		case 'lookup-capillary-c1000':
		case 'lookup-capillary-routing-c100': {
			const concurrency = inFlight();
			const result = await capillary({ ...lookup, requestOptions: { maxConcurrency: concurrency } }, lookupItems(size));
			return { items: result.json.length, ok: result.json.filter((j) => j.customerId).length, error: result.error?.message };
		}
		case 'lookup-http-request': {
			const result = await runNode({
				nodeType: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				extraNodeTypes: { 'n8n-nodes-base.httpRequest': httpNode! },
				parameters: {
					method: 'GET',
					url: `=${simUrl}/v2/customers/lookup?source=INSTORE&identifierName=mobile&identifierValue={{ $json.mobile }}`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'capillaryApi',
					options: {},
				},
				items: lookupItems(size),
				credentials,
			});
			return { items: result.json.length, ok: result.json.filter((j) => j.entity).length, error: result.error?.message };
		}
		case 'lookup-capillary-bulk': {
			const result = await capillary({ operation: 'getCustomersV11', identifierType: 'mobile', entityValue: '={{ $json.mobile }}', chunkSize: 100 }, lookupItems(size), 'capillaryBulk');
			return { items: result.json.length, ok: result.json.filter((j) => j.success === true).length, error: result.error?.message };
		}
		case 'write-capillary-c100':
		case 'write-capillary-c1000':
		case 'write-capillary-routing-c100': {
			const result = await capillary({ ...write, requestOptions: { maxConcurrency: inFlight() } }, transactionItems(size, `${tag}WC`));
			return { items: result.json.length, ok: result.json.filter((j) => j.createdId).length, error: result.error?.message };
		}
		case 'write-http-request': {
			const result = await runNode({
				nodeType: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				extraNodeTypes: { 'n8n-nodes-base.httpRequest': httpNode! },
				parameters: {
					method: 'POST',
					url: `=${simUrl}/v2/transactions?identifierName=mobile&identifierValue={{ $json.identifierValue }}&source=INSTORE`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'capillaryApi',
					// The body's fields mapped one by one, as the Capillary node maps them (same number of expressions per item).
					sendBody: true,
					contentType: 'json',
					specifyBody: 'keypair',
					bodyParameters: {
						parameters: [
							{ name: 'type', value: 'REGULAR' },
							{ name: 'billNumber', value: '={{ $json.billNumber }}' },
							{ name: 'billAmount', value: '={{ $json.billAmount }}' },
						],
					},
					options: {},
				},
				items: transactionItems(size, `${tag}WH`),
				credentials,
			});
			return { items: result.json.length, ok: result.json.filter((j) => j.createdId).length, error: result.error?.message };
		}
		case 'write-fetch-c100':
		case 'write-fetch-c1000':
			return { items: size, ok: await rawFetchWrite(size, inFlight()) };
		case 'lookup-fetch-c10':
		case 'lookup-fetch-c100':
		case 'lookup-fetch-c1000':
			return { items: size, ok: await rawFetch(size, inFlight()) };
		case 'transactions-per-item': {
			const result = await capillary(
				{ resource: 'transaction', operation: 'add', identifierName: 'mobile', identifierValue: '={{ $json.identifierValue }}', source: 'INSTORE', type: 'REGULAR', billNumber: '={{ $json.billNumber }}', billAmount: '={{ $json.billAmount }}' },
				transactionItems(10_000, 'PI'),
			);
			return { items: result.json.length, ok: result.json.filter((j) => j.createdId).length, error: result.error?.message };
		}
		case 'transactions-bulk': {
			const result = await capillary({ operation: 'addTransactions', input: 'json', chunkSize: 100 }, transactionItems(10_000, 'BK'), 'capillaryBulk');
			return { items: result.json.length, ok: result.json.filter((j) => j.success === true).length, error: result.error?.message };
		}
		case 'storm': {
			const result = await capillary(
				{
					resource: 'transaction',
					operation: 'add',
					identifierName: 'mobile',
					identifierValue: '={{ $json.identifierValue }}',
					source: 'INSTORE',
					type: 'REGULAR',
					billNumber: '={{ $json.billNumber }}',
					billAmount: '={{ $json.billAmount }}',
					requestOptions: { maxRetries: 8, retryDelay: 100 },
				},
				transactionItems(1000, 'ST'),
			);
			return { items: result.json.length, ok: result.json.filter((j) => j.createdId).length, error: result.error?.message };
		}
		default:
			throw new Error(`unknown scenario ${scenario}`);
	}
}

/** BENCH_PROFILE=file.cpuprofile: a CPU profile of the measured part only (not of loading). */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
	const out = process.env.BENCH_PROFILE;
	if (!out) return await work();
	const session = new Session();
	session.connect();
	const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
	await post('Profiler.enable');
	// 100 µs: the default 1 ms leaves too few samples to compare functions of ~0.1 ms per item.
	await new Promise((resolve) => session.post('Profiler.setSamplingInterval', { interval: 100 }, resolve));
	await post('Profiler.start');
	const result = await work();
	const { profile } = (await post('Profiler.stop')) as { profile: unknown };
	writeFileSync(out, JSON.stringify(profile));
	return result;
}

/**
 * BENCH_WARMUP=n: run the scenario once with n items before the clock starts, then reset the
 * simulator. n8n is a long-running process: its main thread runs a sync of thousands of items with
 * its code already compiled, while a cold process also pays V8's compilation of every function on
 * the path, more for a longer path. Reported separately from the cold numbers.
 */
async function warmUp(): Promise<void> {
	let n = Number(process.env.BENCH_WARMUP ?? 0);
	if (!(n > 0) || count() !== 1000 || scenario === 'storm') return;
	// RoutingNode costs ~20 ms per item: a shorter warm-up compiles the same path.
	if (scenario.includes('-routing')) n = Math.min(n, 200);
	[size, tag] = [n, 'warm-'];
	await run();
	[size, tag] = [1000, ''];
	await fetch(`${simUrl}/__sim/reset?seed=demo`, { method: 'POST' }).then(async (response) => await response.text());
}

(async () => {
	await prepare();
	await warmUp();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const details = await profiled(run);
	const ms = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const cpuMs = (cpu.user + cpu.system) / 1000;
	const maxRssMb = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(JSON.stringify({ scenario, ms, cpuMs, cpuPerItemMs: cpuMs / count(), maxRssMb, ...details }) + '\n');
	process.exit(0);
})().catch((error) => {
	process.stdout.write(JSON.stringify({ scenario, error: (error as Error).message }) + '\n');
	process.exit(1);
});
