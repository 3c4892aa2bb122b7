/**
 * `npm run simulator` — a local Capillary on 127.0.0.1 with demo data.
 *   --port 8787      (default; 0 picks a free port)
 *   --latency 20     milliseconds added to every answer
 *   --seed empty     start without demo data
 * Point a credential at it with Region = Custom URL and the printed URL; the demo till is
 * store.server / server123 and the demo OAuth client is sim-client-key / sim-client-secret.
 */
import { DEFAULT_CLIENT, DEFAULT_TILL } from './auth';
import { startSimulator } from './server';

function arg(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : (process.env[`SIM_${name.toUpperCase()}`] ?? fallback);
}

async function main() {
	const sim = await startSimulator({
		port: Number(arg('port', '8787')),
		latencyMs: Number(arg('latency', '0')),
		seed: arg('seed', 'demo') === 'empty' ? 'empty' : 'demo',
	});
	console.log(`Capillary simulator listening on ${sim.url}`);
	console.log(`  till (Basic auth): ${DEFAULT_TILL.username} / ${DEFAULT_TILL.password}`);
	console.log(`  OAuth client:      ${DEFAULT_CLIENT.key} / ${DEFAULT_CLIENT.secret}`);
	console.log(`  org id:            ${sim.auth.config.orgId}`);
	console.log('  control API:       GET /__sim/requests, POST /__sim/faults, POST /__sim/reset, GET /__sim/stats');
	const stop = async () => {
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
