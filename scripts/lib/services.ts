/**
 * PostgreSQL and Redis for the queue-mode stack, from Debian packages: installed with apt-get when
 * missing, each started on 127.0.0.1 on a free port with a private data directory, in its own
 * process group (see spawnGroup), and stopped with everything it started.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, spawnGroup, type N8nProcess } from './n8n';

export interface Service {
	port: number;
	process: N8nProcess;
	dataDir: string;
	stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** Installs Debian packages whose binary is missing (`apt-get update` first). Needs root. */
export function ensureDebianPackages(wanted: Array<{ found: () => boolean; pkg: string }>, log: (line: string) => void = () => undefined): void {
	const missing = wanted.filter((w) => !w.found()).map((w) => w.pkg);
	if (!missing.length) return;
	if (!isRoot()) throw new Error(`missing Debian packages: ${missing.join(' ')} (install them: sudo apt-get install -y ${missing.join(' ')})`);
	log(`installing ${missing.join(', ')} with apt-get (first run only)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
		const result = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 600_000 });
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${(result.stdout + result.stderr).slice(-3000)}`);
	}
	const still = wanted.filter((w) => !w.found()).map((w) => w.pkg);
	if (still.length) throw new Error(`apt-get installed ${missing.join(' ')} but these are still missing: ${still.join(' ')}`);
}

/** Newest /usr/lib/postgresql/<major>/bin (Debian keeps the server binaries off PATH). */
export function postgresBinDir(): string | undefined {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const majors = readdirSync(base)
		.filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(base, majors[0], 'bin') : undefined;
}

function onPath(binary: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).status === 0 || existsSync(`/usr/bin/${binary}`);
}

export function ensureQueueServices(log?: (line: string) => void): void {
	ensureDebianPackages(
		[
			{ found: () => postgresBinDir() !== undefined, pkg: 'postgresql' },
			{ found: () => onPath('redis-server'), pkg: 'redis-server' },
		],
		log,
	);
}

async function waitFor(what: string, service: N8nProcess, check: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (!service.running()) throw new Error(`${what} exited:\n${service.log().slice(-3000)}`);
		if (Date.now() > deadline) {
			await service.stop(2000);
			throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s:\n${service.log().slice(-3000)}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

/**
 * The PostgreSQL server refuses to run as root, so as root it runs as the `postgres` user (created
 * by the Debian package) through runuser; any other user runs it as itself. Its data directory
 * must be reachable by that user: under `parentDir` when it is, else in a private directory in
 * the system's temporary folder (a root home directory is usually closed to other users).
 */
export async function startPostgres(parentDir: string, options: { database: string; user: string; password: string; log?: (line: string) => void }): Promise<Service & { database: string; user: string; password: string }> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
	const asUser = isRoot() ? 'postgres' : undefined;
	const run = (command: string, args: string[]) => (asUser ? { command: 'runuser', args: ['-u', asUser, '--', command, ...args] } : { command, args });
	mkdirSync(parentDir, { recursive: true });
	let base = parentDir;
	if (asUser && spawnSync('runuser', ['-u', asUser, '--', 'test', '-x', parentDir]).status !== 0) {
		// Not reachable for the postgres user: a private folder in /tmp instead.
		base = tmpdir();
	}
	const dataDir = mkdtempSync(join(base, 'capillary-pg-'));
	const socketDir = join(dataDir, 'socket');
	mkdirSync(socketDir);
	if (asUser) {
		const uid = Number(spawnSync('id', ['-u', asUser], { encoding: 'utf8' }).stdout.trim());
		const gid = Number(spawnSync('id', ['-g', asUser], { encoding: 'utf8' }).stdout.trim());
		chownSync(dataDir, uid, gid);
		chownSync(socketDir, uid, gid);
	}
	const pgData = join(dataDir, 'data');
	const pwFile = join(dataDir, 'pw');
	// Written by the service user itself (initdb reads it as that user).
	const writePw = run('sh', ['-c', `umask 077; printf '%s' "$0" > "$1"`, options.password, pwFile]);
	spawnSync(writePw.command, writePw.args);
	const init = run(join(bin, 'initdb'), ['-D', pgData, '-U', options.user, '--pwfile', pwFile, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
	options.log?.(`initializing PostgreSQL in ${pgData}…`);
	const initResult = spawnSync(init.command, init.args, { encoding: 'utf8', timeout: 120_000 });
	rmSync(pwFile, { force: true });
	if (initResult.status !== 0) throw new Error(`initdb failed (exit ${initResult.status ?? initResult.signal}):\n${(initResult.stdout + initResult.stderr).slice(-3000)}`);
	const port = await freePort();
	// Durability settings off: a throwaway test database, and the 2-core CI machine is shared.
	const server = run(join(bin, 'postgres'), ['-D', pgData, '-h', '127.0.0.1', '-p', String(port), '-k', socketDir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=60', '-c', 'shared_buffers=64MB']);
	const proc = spawnGroup('postgres', server.command, server.args, { env: { ...process.env, LC_ALL: 'C' } });
	const ready = () => spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-t', '1']).status === 0;
	await waitFor('PostgreSQL', proc, ready, 60_000);
	const createdb = spawnSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', options.user, options.database], { env: { ...process.env, PGPASSWORD: options.password }, encoding: 'utf8', timeout: 60_000 });
	if (createdb.status !== 0) {
		await proc.stop(5000);
		rmSync(dataDir, { recursive: true, force: true });
		throw new Error(`createdb failed:\n${createdb.stderr}`);
	}
	options.log?.(`PostgreSQL on 127.0.0.1:${port}`);
	return {
		port,
		process: proc,
		dataDir,
		...options,
		async stop() {
			// SIGTERM to postgres waits for clients; SIGINT is its "fast shutdown" (postmaster pid from its pid file).
			const pidFile = join(pgData, 'postmaster.pid');
			if (proc.running() && existsSync(pidFile)) {
				try {
					process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
				} catch {
					// gone
				}
			}
			await proc.stop(10_000);
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

export async function startRedis(parentDir: string, log?: (line: string) => void): Promise<Service> {
	mkdirSync(parentDir, { recursive: true });
	const dataDir = mkdtempSync(join(parentDir, 'capillary-redis-'));
	accessSync(dataDir, constants.W_OK);
	const port = await freePort();
	const proc = spawnGroup('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'warning']);
	const ready = () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
	await waitFor('Redis', proc, ready, 30_000);
	log?.(`Redis on 127.0.0.1:${port}`);
	return {
		port,
		process: proc,
		dataDir,
		async stop() {
			await proc.stop(10_000);
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}
