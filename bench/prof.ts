import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-prof-'));
require('reflect-metadata');
import { runNode } from '../test/harness/engine';
import { startSimulator } from '../test/simulator/server';
(async () => {
	const sim = await startSimulator({ latencyMs: Number(process.argv[2] ?? 20) });
	const credentials = { capillaryApi: { region: 'custom', url: sim.url, username: 'store.server', password: 'server123' } };
	for (const n of (process.argv[4] ?? "10,200").split(",").map(Number)) {
		const items = Array.from({ length: n }, () => ({ mobile: '919111111111' }));
		const t = performance.now(); const cpu0 = process.cpuUsage();
		const r = await runNode({ parameters: { authentication: 'basicAuth', resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '={{ $json.mobile }}', source: 'INSTORE', requestSettings: { maxConcurrency: Number(process.argv[3] ?? 10) } }, items, credentials });
		const cpu = process.cpuUsage(cpu0); console.log(n, Math.round(performance.now() - t), "ms wall", Math.round((cpu.user + cpu.system) / 1000), "ms cpu", r.json.length, r.error?.message);
	}
	await sim.close();
})();
