/**
 * n8n in queue mode, as users scale it out: PostgreSQL and Redis (Debian packages, private data
 * directories, 127.0.0.1), `n8n start` with EXECUTIONS_MODE=queue (manual runs offloaded to the
 * workers too), N `n8n worker` processes, the Capillary simulator, and this package installed as
 * a community package with both credentials and the example workflows imported.
 * Everything it starts is stopped by stop(), on a failed start, and when this process exits.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { startSimulator, type Simulator } from '../../test/simulator/server';
import { createN8n, ensureN8n, ROOT, type N8nInstance, type N8nProcess } from './n8n';
import { ensureQueueServices, startPostgres, startRedis, type Service } from './services';
import { importFixtures } from './stack';

export interface QueueStack {
	sim: Simulator;
	n8n: N8nInstance;
	postgres: Service;
	redis: Service;
	/** Running workers. */
	workers(): N8nProcess[];
	startWorkers(count: number): Promise<N8nProcess[]>;
	/** Stops all workers (SIGTERM: running jobs finish first). */
	stopWorkers(): Promise<void>;
	/**
	 * SIGKILLs `n8n start` (with its task runner) and starts it again on the same database; `whileDown`
	 * runs in between (e.g. deliveries that find nobody listening).
	 */
	killAndRestartMain(whileDown?: () => Promise<void>): Promise<void>;
	/** Label of the worker whose log says it ran this execution (workers stopped earlier included). */
	workerOf(executionId: string): string | undefined;
	stop(): Promise<void>;
}

export interface QueueStackOptions {
	version: string;
	workers?: number;
	/** Jobs one worker runs at once (n8n's default is 10). */
	workerConcurrency?: number;
	latencyMs?: number;
	/** Simulator port (default: any free one). */
	simPort?: number;
	log?: (line: string) => void;
	extraWorkflows?: string[];
	/** Extra environment for main and workers. */
	env?: Record<string, string>;
}

export async function startQueueStack(options: QueueStackOptions): Promise<QueueStack> {
	const log = options.log ?? (() => undefined);
	const cleanups: Array<() => Promise<void>> = [];
	const cleanup = async () => {
		for (const step of cleanups.splice(0).reverse()) {
			try {
				await step();
			} catch (error) {
				log(`cleanup: ${(error as Error).message}`);
			}
		}
	};
	try {
		ensureQueueServices(log);
		const installed = ensureN8n(options.version, log);
		const cache = process.env.N8N_CACHE_DIR ?? join(ROOT, '.cache');
		mkdirSync(cache, { recursive: true });
		const runDir = mkdtempSync(join(cache, 'queue-'));
		cleanups.push(async () => rmSync(runDir, { recursive: true, force: true }));

		const sim = await startSimulator({ port: options.simPort ?? 0, seed: 'demo', latencyMs: options.latencyMs });
		cleanups.push(async () => await sim.close());
		log(`Capillary simulator on ${sim.url}`);
		const password = randomBytes(12).toString('hex');
		const [postgres, redis] = await Promise.all([startPostgres(runDir, { database: 'n8n', user: 'n8n', password, log }), startRedis(runDir, log)]);
		cleanups.push(async () => await postgres.stop());
		cleanups.push(async () => await redis.stop());

		const n8n = await createN8n(installed, {
			userFolder: join(runDir, 'user'),
			processGroup: true,
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: postgres.password,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				// Manual runs (the REST "run" the tests use) go to the workers as production runs do.
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				// A stopped worker waits this long for its running jobs.
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '20',
				...options.env,
			},
		});
		cleanups.push(async () => await n8n.stop());
		log(`importing into n8n ${options.version} (PostgreSQL; the first command creates the schema)…`);
		importFixtures(n8n, sim.url, options.extraWorkflows ?? [], log);

		const all: N8nProcess[] = [];
		const running = () => all.filter((w) => w.running());
		const startWorkers = async (count: number) => {
			const labels = Array.from({ length: count }, (_, i) => `worker-${all.length + i + 1}`);
			return await Promise.all(
				labels.map(async (label) => {
					const worker = await n8n.startWorker({ concurrency: options.workerConcurrency, label });
					all.push(worker);
					return worker;
				}),
			);
		};
		const stopWorkers = async () => {
			await Promise.all(running().map((w) => w.stop(30_000)));
		};
		cleanups.push(stopWorkers);

		log(`starting n8n ${options.version} main and ${options.workers ?? 2} worker(s) in queue mode…`);
		await Promise.all([n8n.start(), startWorkers(options.workers ?? 2)]);
		log(`n8n main on ${n8n.url}, workers: ${running().map((w) => `${w.label} (pid ${w.pid})`).join(', ')}`);

		return {
			sim,
			n8n,
			postgres,
			redis,
			workers: running,
			startWorkers,
			stopWorkers,
			async killAndRestartMain(whileDown) {
				await n8n.main()?.kill();
				await whileDown?.();
				await n8n.start();
			},
			workerOf(executionId) {
				const pattern = new RegExp(`Worker started execution ${executionId} \\(`);
				return all.find((w) => pattern.test(w.log()))?.label;
			},
			stop: cleanup,
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}
