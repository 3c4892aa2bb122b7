/**
 * Trigger benchmark: a backlog of 100,000 events drained over polls by the BUILT Capillary Trigger
 * in n8n's PollContext, with a restart before every poll (static data carried over as JSON). The
 * log runs in another process (bench/trigger-log-server.ts). Reports polls, total requests, peak
 * RSS of this process, the largest stored state, and events lost and duplicated.
 *   tsx bench/trigger.ts [--source events|rejections] [--events 100000] [--json]
 * Part of `npm run bench` (scenarios trigger-backlog-events and trigger-backlog-rejections); run
 * alone with `npm run bench -- --only trigger-backlog-events` or directly with tsx after a build.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-capillary-bench-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('reflect-metadata');

import { createPoller } from '../test/harness/poll';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const SOURCE = arg('source', 'events');
const EVENTS = Number(arg('events', '100000'));
const JSON_ONLY = process.argv.includes('--json');
const ROOT = join(__dirname, '..');

async function startLog(): Promise<{ url: string; start: number; stop: () => void }> {
	const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'bench', 'trigger-log-server.ts'), String(EVENTS)], { stdio: ['ignore', 'pipe', 'inherit'] });
	const line = await new Promise<string>((resolve, reject) => {
		let text = '';
		child.stdout!.on('data', (d: Buffer) => {
			text += d.toString();
			if (text.includes('\n')) resolve(text.trim());
		});
		child.once('exit', (code) => reject(new Error(`log server exited (${code})`)));
	});
	const [, port, start] = line.split(' ');
	return { url: `http://127.0.0.1:${port}`, start: Number(start), stop: () => child.kill('SIGTERM') };
}

async function main() {
	const log = await startLog();
	const started = performance.now();
	try {
		const parameters =
			SOURCE === 'rejections'
				? { event: 'rejectedTransaction', options: { timeZone: 'UTC', emitSince: new Date(log.start - 60_000).toISOString() } }
				: { event: 'behaviouralEvent', options: { timeZone: 'UTC', emitSince: new Date(log.start - 60_000).toISOString() } };
		const credentials = { capillaryApi: { region: 'custom', url: log.url, username: 'till', password: 'secret', isMd5Hash: false, orgId: '1', attributionType: '', attributionCode: '' } };
		const emitted = new Map<string, number>();
		let stored = '{}';
		let polls = 0;
		let maxStateBytes = 0;
		let maxPerPoll = 0;
		for (; polls < 1000; ) {
			const poller = await createPoller({ parameters: { authentication: 'basicAuth', ...parameters }, credentials, staticData: stored });
			const run = await poller.poll();
			polls++;
			if (run.error) throw run.error;
			stored = poller.stored;
			maxStateBytes = Math.max(maxStateBytes, Buffer.byteLength(stored));
			const items = run.items ?? [];
			maxPerPoll = Math.max(maxPerPoll, items.length);
			for (const item of items) emitted.set(String(item.eventId), (emitted.get(String(item.eventId)) ?? 0) + 1);
			if (!items.length) break;
		}
		const expected = Array.from({ length: EVENTS }, (_, i) => (SOURCE === 'rejections' ? String(i + 1) : `ev-${i}`));
		const missing = expected.filter((id) => !emitted.has(id));
		const lost = missing.length;
		if (lost && !JSON_ONLY) console.log(`lost: ${missing.slice(0, 10).join(", ")}`);
		let duplicates = 0;
		for (const times of emitted.values()) duplicates += times - 1;
		const requests = ((await (await fetch(`${log.url}/__count`)).json()) as { requests: number }).requests;
		const result = {
			scenario: `trigger-backlog-${SOURCE}`,
			ms: performance.now() - started,
			maxRssMb: process.resourceUsage().maxRSS / 1024,
			items: EVENTS,
			ok: emitted.size,
			lost,
			duplicates,
			requests,
			polls,
			maxPerPoll,
			stateBytes: maxStateBytes,
			finalStateBytes: Buffer.byteLength(stored),
		};
		if (!JSON_ONLY) {
			console.log(
				`Trigger, ${SOURCE}: ${EVENTS.toLocaleString('en')}-event backlog drained in ${polls} polls (≤ ${maxPerPoll.toLocaleString('en')} per poll, the last one empty), ${requests} requests, ` +
					`peak RSS ${Math.round(result.maxRssMb)} MB, stored state ≤ ${maxStateBytes.toLocaleString('en')} bytes (${result.finalStateBytes.toLocaleString('en')} at the end), ${lost} lost, ${duplicates} duplicated, ${Math.round(result.ms)} ms.`,
			);
		}
		process.stdout.write(JSON.stringify(result) + '\n');
	} finally {
		log.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stdout.write(JSON.stringify({ scenario: `trigger-backlog-${SOURCE}`, error: (error as Error).message }) + '\n');
		process.exit(1);
	},
);
