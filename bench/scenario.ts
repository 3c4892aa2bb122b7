/**
 * One benchmark scenario, run in its own process so its peak memory is its own. Prints one JSON
 * line: {ms, maxRssMb, ...}. Started by bench/run.ts; the simulator runs in another process.
 *   tsx bench/scenario.ts <scenario> <simulatorUrl> [n8nInstallDir]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-capillary-bench-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('reflect-metadata');

import type { IDataObject, INodeType } from 'n8n-workflow';

import { runNode, type RunResult } from '../test/harness/engine';

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

async function capillary(parameters: Record<string, unknown>, items: IDataObject[], nodeType = 'capillary'): Promise<RunResult> {
	return await runNode({ parameters: { authentication: 'basicAuth', ...parameters }, items, credentials, nodeType });
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

async function run(): Promise<Record<string, unknown>> {
	switch (scenario) {
		case 'lookup-capillary-c10':
		case 'lookup-capillary-c100': {
			const concurrency = scenario.endsWith('c10') ? 10 : 100;
			const result = await capillary({ ...lookup, requestSettings: { maxConcurrency: concurrency } }, lookupItems(1000));
			return { items: result.json.length, ok: result.json.filter((j) => j.customerId).length, error: result.error?.message };
		}
		case 'lookup-http-request': {
			const result = await runNode({
				nodeType: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				extraNodeTypes: { 'n8n-nodes-base.httpRequest': httpRequestNode() },
				parameters: {
					method: 'GET',
					url: `=${simUrl}/v2/customers/lookup?source=INSTORE&identifierName=mobile&identifierValue={{ $json.mobile }}`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'capillaryApi',
					options: {},
				},
				items: lookupItems(1000),
				credentials,
			});
			return { items: result.json.length, ok: result.json.filter((j) => j.entity).length, error: result.error?.message };
		}
		case 'lookup-capillary-bulk': {
			const result = await capillary({ operation: 'getCustomersV11', identifierType: 'mobile', entityValue: '={{ $json.mobile }}', chunkSize: 100 }, lookupItems(1000), 'capillaryBulk');
			return { items: result.json.length, ok: result.json.filter((j) => j.success === true).length, error: result.error?.message };
		}
		case 'lookup-fetch-c10':
			return { items: 1000, ok: await rawFetch(1000, 10) };
		case 'lookup-fetch-c100':
			return { items: 1000, ok: await rawFetch(1000, 100) };
		case 'transactions-per-item': {
			const result = await capillary(
				{ resource: 'transaction', operation: 'add', identifierName: 'mobile', identifierValue: '={{ $json.identifierValue }}', source: 'INSTORE', type: 'REGULAR', billNumber: '={{ $json.billNumber }}', billAmount: '={{ $json.billAmount }}' },
				transactionItems(10_000, 'PI'),
			);
			return { items: result.json.length, ok: result.json.filter((j) => j.createdId).length, error: result.error?.message };
		}
		case 'transactions-bulk': {
			const result = await capillary({ operation: 'addTransactions', chunkSize: 100 }, transactionItems(10_000, 'BK'), 'capillaryBulk');
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
					requestSettings: { maxRetries: 8, retryDelay: 100 },
				},
				transactionItems(1000, 'ST'),
			);
			return { items: result.json.length, ok: result.json.filter((j) => j.createdId).length, error: result.error?.message };
		}
		default:
			throw new Error(`unknown scenario ${scenario}`);
	}
}

(async () => {
	const started = performance.now();
	const details = await run();
	const ms = performance.now() - started;
	const maxRssMb = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(JSON.stringify({ scenario, ms, maxRssMb, ...details }) + '\n');
	process.exit(0);
})().catch((error) => {
	process.stdout.write(JSON.stringify({ scenario, error: (error as Error).message }) + '\n');
	process.exit(1);
});
