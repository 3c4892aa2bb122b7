/**
 * `npm run bench:queue`: n8n queue mode (PostgreSQL, Redis, main, workers; scripts/lib/queue-stack.ts)
 * with 1 and 2 workers, the same workflow — 300 items through Customer → Get at 20 ms simulator
 * latency — and the HTTP Request node doing the same calls as the reference. Each measurement
 * runs 4 executions at once; worker CPU is read from /proc (the worker processes and everything
 * in their process groups, e.g. task runners). Configurations are interleaved, ≥ 3 runs each.
 *   --runs 3  --latency 20  --items 300  --parallel 4  --worker-concurrency 10  --version 2.41.1
 * Writes bench/results/queue-latest.md.
 * `--quick` (or BENCH_QUICK=1): one interleaved run of 2 executions × 60 items, to check that the
 * benchmark works end to end (a few minutes; its numbers are not a measurement). Writes
 * bench/results/queue-quick.md; explicit options still win.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { freePort, ROOT } from '../scripts/lib/n8n';
import { startQueueStack, type QueueStack } from '../scripts/lib/queue-stack';
import { seedDemo, SimState } from '../test/simulator/state';
import { customerGet, httpRequestGet, removeWorkflowFiles, rows, START, workflowFiles, type Row } from '../test/queue/workflows';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const QUICK = process.argv.includes('--quick') || /^(1|true|yes)$/i.test(process.env.BENCH_QUICK ?? '');
const RUNS = Math.max(1, Number(arg('runs', QUICK ? '1' : '3')));
const LATENCY = Number(arg('latency', '20'));
const ITEMS = Number(arg('items', QUICK ? '60' : '300'));
const PARALLEL = Number(arg('parallel', QUICK ? '2' : '4'));
const VERSION = arg('version', '2.41.1');
/** Executions one worker runs at once (`n8n worker --concurrency`, n8n's default 10). */
const WORKER_CONCURRENCY = Number(arg('worker-concurrency', '10'));
const CLOCK_TICKS = 100; // USER_HZ on Linux
const log = (line: string) => process.stdout.write(`[bench:queue ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const WORKFLOWS = { capillary: 'capBenchGetTill01', http: 'capBenchHttpReq01' } as const;
type NodeKind = keyof typeof WORKFLOWS;

interface Sample {
	node: NodeKind;
	workers: number;
	run: number;
	seconds: number;
	perMinute: number;
	workerCpuMsPerItem: number;
	mainCpuMsPerItem: number;
	failed: number;
}

/** CPU seconds (user + system) of every process in these process groups. */
function groupCpuSeconds(groups: number[]): number {
	let ticks = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// Fields after the parenthesised command name: state ppid pgrp … utime(14) stime(15).
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (groups.includes(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
	}
	return ticks / CLOCK_TICKS;
}

function demoCustomers(): Row[] {
	const state = new SimState();
	seedDemo(state);
	return ['919111111111', '919222222222'].map((mobile) => ({ customerId: state.findCustomer('mobile', mobile)!.id, mobile }));
}

async function measure(stack: QueueStack, node: NodeKind, run: number): Promise<Sample> {
	const workers = stack.workers();
	const groups = workers.map((w) => w.pid);
	const mainGroup = [stack.n8n.main()!.pid];
	stack.sim.clearRequests();
	const cpuBefore = groupCpuSeconds(groups);
	const mainBefore = groupCpuSeconds(mainGroup);
	const started = Date.now();
	const results = await Promise.all(Array.from({ length: PARALLEL }, async () => await stack.n8n.runWorkflow(WORKFLOWS[node], START, 900_000)));
	const seconds = (Date.now() - started) / 1000;
	const cpu = groupCpuSeconds(groups) - cpuBefore;
	const mainCpu = groupCpuSeconds(mainGroup) - mainBefore;
	const items = PARALLEL * ITEMS;
	const ok = results.filter((r) => r.status === 'success').reduce((n, r) => n + (r.output.Lookup ?? []).length, 0);
	const sample: Sample = {
		node,
		workers: workers.length,
		run,
		seconds,
		perMinute: (PARALLEL / seconds) * 60,
		workerCpuMsPerItem: (cpu * 1000) / items,
		mainCpuMsPerItem: (mainCpu * 1000) / items,
		failed: items - ok,
	};
	log(`run ${run}: ${node}, ${sample.workers} worker(s): ${sample.perMinute.toFixed(1)} executions/min, worker CPU ${sample.workerCpuMsPerItem.toFixed(1)} ms/item, main ${sample.mainCpuMsPerItem.toFixed(1)} ms/item${sample.failed ? `, ${sample.failed} items failed` : ''}`);
	return sample;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
	const customers = demoCustomers();
	let stack: QueueStack | undefined;
	const stop = async () => await stack?.stop();
	process.on('SIGINT', () => void stop().then(() => process.exit(130)));
	process.on('SIGTERM', () => void stop().then(() => process.exit(143)));
	const samples: Sample[] = [];
	let files: string[] = [];
	try {
		// The HTTP Request workflow holds the simulator's URL, so its port is chosen first.
		const simPort = await freePort();
		files = workflowFiles([customerGet(WORKFLOWS.capillary, rows(customers, ITEMS), 'basicAuth'), httpRequestGet(WORKFLOWS.http, rows(customers, ITEMS), `http://127.0.0.1:${simPort}`)]);
		stack = await startQueueStack({
			version: VERSION,
			workers: 2,
			workerConcurrency: WORKER_CONCURRENCY,
			latencyMs: LATENCY,
			simPort,
			log,
			extraWorkflows: files,
		});
		// Warm-up: every worker loads the nodes and the credential once.
		for (const node of Object.keys(WORKFLOWS) as NodeKind[]) await stack.n8n.runWorkflow(WORKFLOWS[node], START, 900_000);
		// Interleaved: 2 workers → 1 → 1 → 2 → 2 → 1 …, both nodes at each step, their order alternating.
		let workers = 2;
		for (let run = 1; run <= RUNS; run++) {
			for (let half = 0; half < 2; half++) {
				const order: NodeKind[] = (run + half) % 2 ? ['capillary', 'http'] : ['http', 'capillary'];
				for (const node of order) samples.push(await measure(stack, node, run));
				if (half === 0) {
					if (workers === 2) {
						const [, second] = stack.workers();
						await second.stop(60_000);
						workers = 1;
					} else {
						await stack.startWorkers(1);
						workers = 2;
					}
				}
			}
		}
	} finally {
		await stop();
		removeWorkflowFiles(files);
	}

	const table = ['| node | workers | executions/min (median) | worker CPU ms/item (median) | main CPU ms/item | runs | failed items |', '| --- | --- | --- | --- | --- | --- | --- |'];
	const summary: Record<string, { perMinute: number; cpu: number }> = {};
	for (const node of Object.keys(WORKFLOWS) as NodeKind[]) {
		for (const workers of [1, 2]) {
			const mine = samples.filter((s) => s.node === node && s.workers === workers);
			if (!mine.length) continue;
			summary[`${node}-${workers}`] = { perMinute: median(mine.map((s) => s.perMinute)), cpu: median(mine.map((s) => s.workerCpuMsPerItem)) };
			table.push(
				`| ${node === 'capillary' ? 'Capillary (Customer → Get)' : 'HTTP Request (reference)'} | ${workers} | ${summary[`${node}-${workers}`].perMinute.toFixed(1)} (${mine.map((s) => s.perMinute.toFixed(1)).join(', ')}) | ${summary[`${node}-${workers}`].cpu.toFixed(1)} (${mine.map((s) => s.workerCpuMsPerItem.toFixed(1)).join(', ')}) | ${median(mine.map((s) => s.mainCpuMsPerItem)).toFixed(1)} | ${mine.length} | ${mine.reduce((n, s) => n + s.failed, 0)} |`,
			);
		}
	}
	const ratio = (node: NodeKind) => (summary[`${node}-2`] && summary[`${node}-1`] ? summary[`${node}-2`].perMinute / summary[`${node}-1`].perMinute : NaN);
	const cpuRatio = summary['capillary-2'] && summary['http-2'] ? median([summary['capillary-1'].cpu, summary['capillary-2'].cpu]) / median([summary['http-1'].cpu, summary['http-2'].cpu]) : NaN;
	const lines = [
		`# Queue-mode benchmark${QUICK ? ' — quick check, not a measurement' : ''} (${new Date().toISOString().slice(0, 16)}Z)`,
		'',
		`n8n ${VERSION}, PostgreSQL + Redis, main + 1 or 2 workers (concurrency ${WORKER_CONCURRENCY}), ${PARALLEL} executions at once of ${ITEMS} items, simulator latency ${LATENCY} ms, ${RUNS} interleaved runs; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average at the end ${loadavg()[0].toFixed(1)} (main, PostgreSQL, Redis and the simulator share the CPUs with the workers).`,
		'',
		...table,
		'',
		`- 1 → 2 workers: Capillary ×${ratio('capillary').toFixed(2)}, HTTP Request ×${ratio('http').toFixed(2)} executions/min.`,
		`- Worker CPU per item, Capillary / HTTP Request: ×${cpuRatio.toFixed(2)}.`,
	];
	process.stdout.write(`\n${lines.join('\n')}\n`);
	mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
	writeFileSync(join(ROOT, 'bench', 'results', QUICK ? 'queue-quick.md' : 'queue-latest.md'), `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
