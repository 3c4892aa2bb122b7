/**
 * `npm run bench`: the package against the local simulator at a fixed latency, each scenario in
 * its own process, several runs each, interleaved (run 1 of every scenario, then run 2 …, so a
 * busy moment of the shared machine hits all scenarios alike), medians with min–max spread of
 * wall time, CPU time per item (what the node costs n8n's main thread; the simulator runs in
 * another process) and peak RSS. Prints a table (and writes bench/results/latest.md).
 *   --runs 3        runs per scenario (default 3)
 *   --latency 20    simulator latency in ms (default 20)
 *   --only a,b      a subset of scenarios (e.g. --only trigger-backlog-events,trigger-backlog-rejections)
 *   --warm 1000     before the clock starts, run the scenario once with this many items (another
 *                   1,000 by default; 0 measures a cold process, V8's compilation included)
 * The HTTP Request node comparison loads n8n-nodes-base from the real n8n install in .cache/
 * (installed on first use by scripts/n8n-install.sh). The trigger scenarios (bench/trigger.ts)
 * bring their own log server and need neither the simulator nor that install.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ensureN8n, freePort, ROOT } from '../scripts/lib/n8n';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', '3'));
const LATENCY = Number(arg('latency', '20'));
const ONLY = arg('only', '').split(',').filter(Boolean);
const WARM = Number(arg('warm', '1000'));

interface Sample {
	scenario: string;
	ms: number;
	cpuMs: number;
	cpuPerItemMs: number;
	maxRssMb: number;
	items?: number;
	ok?: number;
	error?: string;
	duplicates?: number;
	requests?: number;
	rateLimited?: number;
	/** Trigger scenarios: polls to drain the backlog, events lost, largest stored state. */
	polls?: number;
	lost?: number;
	stateBytes?: number;
	maxPerPoll?: number;
}

const SCENARIOS = [
	'lookup-capillary-c10',
	'lookup-capillary-c100',
	'lookup-capillary-c1000',
	'lookup-capillary-routing-c100',
	'lookup-http-request',
	'lookup-capillary-bulk',
	'lookup-fetch-c10',
	'lookup-fetch-c100',
	'lookup-fetch-c1000',
	'write-capillary-c100',
	'write-capillary-c1000',
	'write-capillary-routing-c100',
	'write-http-request',
	'write-fetch-c100',
	'write-fetch-c1000',
	'transactions-per-item',
	'transactions-bulk',
	'storm',
	'trigger-backlog-events',
	'trigger-backlog-rejections',
].filter((s) => !ONLY.length || ONLY.includes(s));
const isTrigger = (scenario: string) => scenario.startsWith('trigger-');

async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
	// A scenario can run longer than the simulator's keep-alive timeout; a reused socket that the
	// server has just closed fails with EPIPE/ECONNRESET, so try again on a fresh one.
	for (let attempt = 1; ; attempt++) {
		try {
			const response = await fetch(`${url}/__sim${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
			const text = await response.text();
			return text ? (JSON.parse(text) as unknown) : undefined;
		} catch (error) {
			if (attempt >= 3) throw error;
		}
	}
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
	const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
	const samples: Sample[] = [];
	for (const scenario of SCENARIOS.filter(isTrigger)) {
		for (let run = 1; run <= RUNS; run++) {
			const child = spawnSync(tsx, [join(ROOT, 'bench/trigger.ts'), '--json', '--source', scenario.replace('trigger-backlog-', '')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
			const sample = JSON.parse(child.stdout.trim().split('\n').pop() || '{}') as Sample;
			samples.push(sample);
			console.log(`${scenario} run ${run}: ${sample.error ? `ERROR ${sample.error}` : `${Math.round(sample.ms)} ms, ${Math.round(sample.maxRssMb)} MB, ${sample.ok}/${sample.items} emitted, ${sample.polls} polls, ${sample.requests} requests`}`);
		}
	}
	if (SCENARIOS.some((s) => !isTrigger(s))) await simulatorScenarios(tsx, samples);
	mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
	writeFileSync(join(ROOT, 'bench', 'results', 'latest-samples.json'), JSON.stringify(samples, null, 1) + '\n');
	report(samples);
}

async function simulatorScenarios(tsx: string, samples: Sample[]) {
	const n8n = ensureN8n('2.41.1', (line) => console.log(line));
	const port = await freePort();
	const sim = spawn(tsx, [join(ROOT, 'test/simulator/cli.ts'), '--port', String(port), '--latency', String(LATENCY)], { stdio: ['ignore', 'pipe', 'inherit'] });
	const url = `http://127.0.0.1:${port}`;
	await new Promise<void>((resolve, reject) => {
		sim.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
		sim.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
	});
	try {
		const simulated = SCENARIOS.filter((s) => !isTrigger(s));
		for (let run = 1; run <= RUNS; run++) {
			// Rotate the order each run so no scenario always runs first (or right after a heavy one).
			const order = simulated.map((_, i) => simulated[(i + run - 1) % simulated.length]);
			for (const scenario of order) {
				await control(url, 'POST', '/reset?seed=demo');
				if (scenario === 'storm') {
					// 30% of requests rate-limited until 400 have been refused: "a storm for a while".
					await control(url, 'POST', '/faults', { pathRegex: '^/v2/transactions$', probability: 0.3, times: 400, status: 429, body: { errors: [{ status: false, code: 429, message: 'Too many requests' }] } });
				}
				const child = spawnSync(tsx, [join(ROOT, 'bench/scenario.ts'), scenario, url, n8n.installDir], {
					encoding: 'utf8',
					maxBuffer: 64 * 1024 * 1024,
					env: { ...process.env, BENCH_WARMUP: String(WARM) },
				});
				const line = child.stdout.trim().split('\n').pop() ?? '{}';
				const sample = JSON.parse(line) as Sample;
				const stats = (await control(url, 'GET', '/stats')) as { requests: number; duplicateBillNumbers: number; rateLimited: number };
				sample.requests = stats.requests;
				sample.rateLimited = stats.rateLimited;
				sample.duplicates = stats.duplicateBillNumbers;
				samples.push(sample);
				console.log(`${scenario} run ${run}: ${sample.error ? `ERROR ${sample.error}` : `${Math.round(sample.ms)} ms, ${sample.cpuPerItemMs.toFixed(2)} ms CPU/item, ${Math.round(sample.maxRssMb)} MB, ${sample.ok}/${sample.items} ok`}`);
			}
		}
	} finally {
		sim.kill('SIGTERM');
	}
}

type Metric = 'ms' | 'cpuPerItemMs' | 'maxRssMb';

function report(samples: Sample[]) {
	const by = (name: string) => samples.filter((s) => s.scenario === name && !s.error);
	const med = (name: string, key: Metric) => (by(name).length ? median(by(name).map((s) => s[key])) : NaN);
	const spread = (name: string, key: Metric, digits: number) => {
		// Trigger scenarios report no CPU per item.
		const values = by(name)
			.map((s) => s[key])
			.filter((v): v is number => typeof v === 'number');
		if (!values.length) return '-';
		const f = (v: number) => v.toFixed(digits);
		return `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
	};
	const rows = SCENARIOS.map((name) => {
		const runs = by(name);
		const last = runs[runs.length - 1];
		return `| ${name} | ${runs.length}/${RUNS} | ${spread(name, 'ms', 0)} | ${spread(name, 'cpuPerItemMs', 2)} | ${spread(name, 'maxRssMb', 0)} | ${last ? `${last.ok}/${last.items}` : '-'} | ${last?.requests ?? '-'} | ${last?.duplicates ?? '-'} |`;
	});
	const ratio = (a: string, b: string, key: Metric = 'ms') => {
		const value = med(a, key) / med(b, key);
		return Number.isNaN(value) ? 'not run' : value.toFixed(2);
	};
	const both = (a: string, b: string) => `CPU/item ${ratio(a, b, 'cpuPerItemMs')}, wall ${ratio(a, b)}`;
	const has = (name: string) => SCENARIOS.includes(name);
	const trigger = (name: string) =>
		by(name)
			.map((s) => `${s.ok}/${s.items} emitted in ${s.polls} polls (≤ ${s.maxPerPoll} per poll), ${s.requests} requests, peak RSS ${Math.round(s.maxRssMb)} MB, stored state ≤ ${s.stateBytes} bytes, ${s.lost} lost, ${s.duplicates} duplicated`)
			.join('; ');
	const lines = [
		`Benchmark ${new Date().toISOString().slice(0, 10)} — ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, simulator latency ${LATENCY} ms, ${RUNS} interleaved runs per scenario: median (min–max); ${WARM > 0 ? `each process warmed up with ${WARM} items first (a running n8n)` : 'cold processes (V8 compilation included)'}.`,
		'',
		'| Scenario | Runs | Wall ms | CPU ms per item | Peak RSS MB | OK / items | Requests | Duplicates |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
		'',
		...(has('trigger-backlog-events') ? [`- Trigger, behavioural event log (newest first, time windows): 100,000-event backlog — ${trigger('trigger-backlog-events')}.`] : []),
		...(has('trigger-backlog-rejections') ? [`- Trigger, rejected transactions (offset pages, day filters): 100,000-event backlog — ${trigger('trigger-backlog-rejections')}.`] : []),
		...(has('lookup-capillary-c1000')
			? [`- Read, 1,000 customer lookups, all in flight (as the HTTP Request node sends them): Capillary / HTTP Request node: ${both('lookup-capillary-c1000', 'lookup-http-request')} (target ≤ 1.10); / raw fetch (1,000): ${both('lookup-capillary-c1000', 'lookup-fetch-c1000')} (target ≤ 1.5; the HTTP Request node: ${both('lookup-http-request', 'lookup-fetch-c1000')}); peak RSS ${ratio('lookup-capillary-c1000', 'lookup-http-request', 'maxRssMb')}× the HTTP Request node's (target ≤ 1.10).`]
			: []),
		...(has('lookup-capillary-c100') ? [`- Read, 100 in flight: Capillary / HTTP Request node (all in flight): ${both('lookup-capillary-c100', 'lookup-http-request')}; / raw fetch (100): ${both('lookup-capillary-c100', 'lookup-fetch-c100')}. Before the operation runner (RoutingNode, 100 in flight): ${both('lookup-capillary-routing-c100', 'lookup-http-request')} of the HTTP Request node.`] : []),
		...(has('write-capillary-c1000')
			? [`- Write, 1,000 transactions added, all in flight: Capillary / HTTP Request node: ${both('write-capillary-c1000', 'write-http-request')}; / raw fetch (1,000): ${both('write-capillary-c1000', 'write-fetch-c1000')} (the HTTP Request node: ${both('write-http-request', 'write-fetch-c1000')}); peak RSS ${ratio('write-capillary-c1000', 'write-http-request', 'maxRssMb')}×.`]
			: []),
		...(has('write-capillary-c100') ? [`- Write, 100 in flight: Capillary / HTTP Request node (all in flight): ${both('write-capillary-c100', 'write-http-request')}; / raw fetch (100): ${both('write-capillary-c100', 'write-fetch-c100')}. Before (RoutingNode, 100 in flight): ${both('write-capillary-routing-c100', 'write-http-request')}.`] : []),
		...(has('lookup-capillary-c10') ? [`- Default concurrency: Capillary (10) / raw fetch (10) = ${both('lookup-capillary-c10', 'lookup-fetch-c10')}.`] : []),
		...(has('lookup-capillary-bulk') ? [`- Bulk read: 1,000 lookups through Capillary Bulk (v1.1 customer/get, 100 identifiers per request) / HTTP Request node = ${both('lookup-capillary-bulk', 'lookup-http-request')}.`] : []),
		...(has('transactions-bulk') ? [`- 10,000 transactions: per-item / bulk = ${(med('transactions-per-item', 'ms') / med('transactions-bulk', 'ms')).toFixed(1)}× wall (target ≥ 20×).`] : []),
		...(has('storm') ? [`- 429 storm — ${by('storm').map((s) => `${s.ok}/${s.items} completed, ${s.duplicates} duplicates, ${s.rateLimited} answers 429`).join('; ')}.`] : []),
	];
	const text = lines.join('\n');
	console.log('\n' + text);
	mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
	writeFileSync(join(ROOT, 'bench', 'results', 'latest.md'), text + '\n');
}

void main().catch((error) => {
	console.error(error);
	process.exit(1);
});
