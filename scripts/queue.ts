/**
 * The package in n8n's queue mode on this machine: PostgreSQL, Redis, n8n main, N workers and the
 * Capillary simulator (see scripts/lib/queue-stack.ts). Runs the example workflows through the
 * workers and stops everything; with --keep it stays up until Ctrl+C.
 *   npx tsx scripts/queue.ts [--workers 2] [--version 2.41.1] [--latency 0] [--keep]
 */
import { startQueueStack, type QueueStack } from './lib/queue-stack';
import { OWNER } from './lib/n8n';
import { examples } from './lib/stack';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const log = (line: string) => process.stdout.write(`[queue] ${line}\n`);

async function main(): Promise<void> {
	let stack: QueueStack | undefined;
	let stopping: Promise<void> | undefined;
	const stop = () => (stopping ??= (async () => {
		log('stopping…');
		await stack?.stop();
		log('stopped; nothing left running');
	})());
	process.on('SIGINT', () => void stop().then(() => process.exit(130)));
	process.on('SIGTERM', () => void stop().then(() => process.exit(143)));
	try {
		stack = await startQueueStack({ version: arg('version', '2.41.1'), workers: Number(arg('workers', '2')), latencyMs: Number(arg('latency', '0')), log });
		for (const example of examples().filter((e) => e.json.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger'))) {
			stack.sim.reset('demo');
			const result = await stack.n8n.runWorkflow(example.id, example.startNode, 120_000);
			log(`${example.name}: ${result.status} on ${stack.workerOf(result.id) ?? '?'} (execution ${result.id})${result.error ? `: ${result.error}` : ''}`);
		}
		if (process.argv.includes('--keep')) {
			log(`editor: ${stack.n8n.url} (${OWNER.email} / ${OWNER.password}); Ctrl+C stops everything`);
			await new Promise(() => undefined);
		}
	} finally {
		await stop();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
