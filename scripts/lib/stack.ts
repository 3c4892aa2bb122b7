/**
 * The demo/e2e stack: the Capillary simulator on 127.0.0.1 with demo data, and a real n8n with
 * this package installed the way users get it, both credential types pointing at the simulator,
 * and the example workflows imported.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { DEFAULT_CLIENT, DEFAULT_TILL } from '../../test/simulator/auth';
import { startSimulator, type Simulator } from '../../test/simulator/server';
import { ORG_ID } from '../../test/simulator/state';
import { createN8n, ensureN8n, ROOT, type N8nInstance } from './n8n';

export const TILL_CREDENTIAL = { id: 'capTillDemo00001', name: 'Capillary Till (Simulator)' };
export const OAUTH_CREDENTIAL = { id: 'capOAuthDemo0001', name: 'Capillary OAuth (Simulator)' };

export interface Example {
	id: string;
	name: string;
	file: string;
	/** Manual trigger to run it from (the trigger node itself for trigger workflows). */
	startNode: string;
	json: { nodes: Array<{ name: string; type: string }> };
}

export function examples(): Example[] {
	const dir = join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Example['json'] & { id: string; name: string };
			const manual = json.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
			const trigger = json.nodes.find((n) => n.type.endsWith('capillaryTrigger'));
			return { id: json.id, name: json.name, file: join(dir, file), startNode: (manual ?? trigger ?? json.nodes[0]).name, json };
		});
}

export interface Stack {
	sim: Simulator;
	n8n: N8nInstance;
	stop(): Promise<void>;
}

export async function startStack(options: {
	version: string;
	simPort?: number;
	n8nPort?: number;
	userFolder?: string;
	log?: (line: string) => void;
	/** Import these workflow files besides the examples. */
	extraWorkflows?: string[];
	/** Extra environment for n8n. */
	env?: Record<string, string>;
}): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	const sim = await startSimulator({ port: options.simPort ?? 0, seed: 'demo' });
	log(`Capillary simulator on ${sim.url}`);
	let n8n: N8nInstance | undefined;
	try {
		const installed = ensureN8n(options.version, log);
		if (options.userFolder) rmSync(options.userFolder, { recursive: true, force: true });
		n8n = await createN8n(installed, { port: options.n8nPort, userFolder: options.userFolder, env: options.env });
		importFixtures(n8n, sim.url, options.extraWorkflows ?? [], log);
		log(`starting n8n ${options.version}…`);
		await n8n.start();
		log(`n8n ${options.version} ready on ${n8n.url}`);
	} catch (error) {
		await n8n?.stop();
		await sim.close();
		throw error;
	}
	const instance = n8n;
	return {
		sim,
		n8n: instance,
		async stop() {
			await instance.stop();
			await sim.close();
			// A throwaway user folder (not the demo's) goes with the run.
			if (!options.userFolder) rmSync(instance.userFolder, { recursive: true, force: true });
		},
	};
}

/** Both credential types pointing at the simulator, the example workflows and `extraWorkflows`, through n8n's CLI. */
export function importFixtures(n8n: N8nInstance, simUrl: string, extraWorkflows: string[], log: (line: string) => void = () => undefined): void {
	const credentials = [
		{
			...TILL_CREDENTIAL,
			type: 'capillaryApi',
			data: { region: 'custom', url: simUrl, username: DEFAULT_TILL.username, password: DEFAULT_TILL.password, isMd5Hash: false, orgId: String(ORG_ID), attributionType: '', attributionCode: '' },
		},
		{
			...OAUTH_CREDENTIAL,
			type: 'capillaryOAuthApi',
			data: { region: 'custom', url: simUrl, clientId: DEFAULT_CLIENT.key, clientSecret: DEFAULT_CLIENT.secret, orgId: String(ORG_ID), attributionType: '', attributionCode: '' },
		},
	];
	const credentialsFile = join(n8n.userFolder, 'capillary-credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials));
	log('importing credentials…');
	try {
		expectOk(n8n.cli(['import:credentials', `--input=${credentialsFile}`]), 'import:credentials');
	} finally {
		rmSync(credentialsFile, { force: true });
	}
	log('importing the example workflows…');
	// One CLI run for all of them: each run boots n8n (10–40 s on a busy machine).
	const dir = mkdtempSync(join(n8n.userFolder, 'workflows-'));
	try {
		for (const file of [...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).map((f) => join(ROOT, 'examples', f)), ...extraWorkflows]) {
			copyFileSync(file, join(dir, basename(file)));
		}
		expectOk(n8n.cli(['import:workflow', '--separate', `--input=${dir}`]), 'import:workflow');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function expectOk(result: { status: number | null; stdout: string; stderr: string }, what: string): void {
	if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-3000)}`);
}
