/**
 * The package in real n8n — 2.41.1 (Node 24) and 1.123.81 (Node 20, legacy expression engine):
 * installed as a community package, credentials and example workflows imported through the CLI,
 * workflows run through the REST API, a trigger activated and driven by n8n's own scheduler.
 * Assertions on the output JSON and on what the simulator received.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { OAUTH_CREDENTIAL, startStack, TILL_CREDENTIAL, type Stack } from '../../scripts/lib/stack';
import { addRejections } from '../simulator/streams';

const VERSIONS = (process.env.E2E_N8N_VERSIONS ?? '2.41.1,1.123.81').split(',').map((v) => v.trim());
const TRIGGER_WORKFLOW = 'capE2eTrigger0001';

/** A copy of the rejected-transactions example (n8n polls at most once a minute). */
function triggerWorkflowFile(): string {
	const workflow = {
		id: TRIGGER_WORKFLOW,
		name: 'E2E: rejected transactions',
		active: false,
		nodes: [
			{
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'rejectedTransaction', options: { timeZone: 'Asia/Kolkata' } },
				id: 'e2e-trigger',
				name: 'Capillary Trigger',
				type: 'n8n-nodes-capillary.capillaryTrigger',
				typeVersion: 1,
				position: [0, 0],
				credentials: { capillaryApi: TILL_CREDENTIAL },
			},
			{ parameters: {}, id: 'e2e-noop', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0] },
		],
		connections: { 'Capillary Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const file = join(mkdtempSync(join(tmpdir(), 'capillary-e2e-')), 'trigger.json');
	writeFileSync(file, JSON.stringify(workflow));
	return file;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));


describe.each(VERSIONS)('real n8n %s', (version) => {
	let stack: Stack;
	const started = Date.now();

	beforeAll(async () => {
		stack = await startStack({ version, extraWorkflows: [triggerWorkflowFile()], log: (line) => process.stdout.write(`[n8n ${version}] ${line}\n`) });
	}, 45 * 60_000);

	afterAll(async () => {
		await stack?.stop();
		process.stdout.write(`[n8n ${version}] e2e took ${Math.round((Date.now() - started) / 1000)} s\n`);
	});

	it('loads the package as a community package (node types n8n-nodes-capillary.*)', async () => {
		const response = await fetch(`${stack.n8n.url}/types/nodes.json`, { headers: { cookie: '' } }).catch(() => undefined);
		if (response?.ok) {
			const types = (await response.json()) as Array<{ name: string }> | Record<string, unknown>;
			const names = Array.isArray(types) ? types.map((t) => t.name) : Object.keys(types);
			expect(names).toEqual(
				expect.arrayContaining([
					...['Customers', 'Loyalty', 'Coupons', 'Groups', 'Engagement', 'Organization'].map((area) => `n8n-nodes-capillary.capillary${area}`),
					'n8n-nodes-capillary.capillaryTrigger',
					'n8n-nodes-capillary.capillaryBulk',
				]),
			);
		} else {
			// Older versions serve node types only to a logged-in editor: running a workflow below proves loading.
			expect(stack.n8n.log()).not.toMatch(/n8n-nodes-capillary.*(error|failed)/i);
		}
	});

	it('order → customer → transaction → points (till Basic auth)', async () => {
		stack.sim.clearRequests();
		const result = await stack.n8n.runWorkflow('capExampleOrder01', "When clicking 'Test workflow'");
		expect(result.status).toBe('success');
		expect(result.output['Register or Update Customer']).toEqual([expect.objectContaining({ success: true, entityId: expect.any(Number) })]);
		expect(result.output['Add Transaction']).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
		expect(result.output['Points Balance']).toEqual([expect.objectContaining({ mainPoints: 250 })]);
		const calls = stack.sim.apiRequests().map((r) => `${r.method} ${r.path}`);
		expect(calls).toEqual(['POST /v2/integrations/customer/upsert/bulk', 'POST /v2/transactions', 'GET /v2/customers/lookup/points/balance']);
		expect(stack.sim.apiRequests()[0].headers.authorization).toBe('Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3');
		const customer = stack.sim.state.findCustomer('mobile', '919333333333');
		expect(customer?.points).toBe(250);
	});

	it('coupon series → issue → redeem, the redeem with an OAuth token', async () => {
		stack.sim.clearRequests();
		const result = await stack.n8n.runWorkflow('capExampleCoupon2', "When clicking 'Test workflow'");
		expect(result.status).toBe('success');
		const code = result.output['Issue Coupon'][0].code as string;
		expect(stack.sim.state.coupons.get(code)).toMatchObject({ redeemed: true });
		const redeem = stack.sim.apiRequests().find((r) => r.path === '/v2/coupon/redeem')!;
		expect(redeem.headers['x-cap-api-oauth-token']).toMatch(/\./);
		expect(stack.sim.requests.some((r) => r.path === '/v3/oauth/token/generate')).toBe(true);
	});

	it('scheduled customer sync returns every page (Return All)', async () => {
		for (let i = 0; i < 150; i++) {
			stack.sim.state.addCustomer({ profile: { firstName: `Sync${i}`, identifiers: [{ type: 'mobile', value: `91800000${String(i).padStart(4, '0')}` }] } });
		}
		stack.sim.clearRequests();
		const result = await stack.n8n.runWorkflow('capExampleSync004', "When clicking 'Test workflow'");
		expect(result.status).toBe('success');
		expect(result.output['Map to CRM Fields'].length).toBeGreaterThanOrEqual(150);
		expect(stack.sim.apiRequests().filter((r) => r.path === '/v2/customers/search').length).toBeGreaterThan(1);
	});

	it('rejected-transactions trigger: a manual run returns the most recent event', async () => {
		const result = await stack.n8n.runWorkflow('capExampleReject3', 'Capillary Trigger');
		expect(result.status).toBe('success');
		expect(result.output['Compose Alert']).toHaveLength(1);
		expect(result.output['Compose Alert'][0].alert).toMatch(/was rejected: invalid item code/);
	});

	it("activated trigger: n8n's scheduler emits new events, each once", async () => {
		const polls = () => stack.sim.apiRequests().filter((r) => r.path === '/v2/organization/rejectedTransactions').length;
		const emitted = async () => {
			const all: unknown[] = [];
			for (const e of (await stack.n8n.executions(TRIGGER_WORKFLOW)).filter((x) => x.mode === 'trigger')) {
				all.push(...((await stack.n8n.execution(e.id)).output['Capillary Trigger'] ?? []).map((j) => j.entityId));
			}
			return all;
		};
		const until = async (condition: () => Promise<boolean> | boolean, ms: number) => {
			for (const deadline = Date.now() + ms; Date.now() < deadline; await wait(1000)) if (await condition()) return;
		};
		stack.sim.clearRequests();
		await stack.n8n.activate(TRIGGER_WORKFLOW);
		await until(() => polls() >= 1, 20_000); // the activation poll seeds the cursor, emits nothing
		expect(await emitted()).toEqual([]);
		const first = addRejections(stack.sim, [Date.now() - 1000, Date.now()]);
		await until(async () => (await emitted()).length >= 2, 80_000);
		const second = addRejections(stack.sim, [Date.now()]);
		await until(async () => (await emitted()).length >= 3, 80_000);
		const pollsBefore = polls();
		await until(() => polls() > pollsBefore, 80_000); // one more (idle) poll
		await stack.n8n.deactivate(TRIGGER_WORKFLOW);
		const all = await emitted();
		expect([...all].sort()).toEqual([...first, ...second].sort());
		expect(new Set(all).size).toBe(all.length);
		expect(polls()).toBeGreaterThanOrEqual(3);
	});

	it('credential tests pass for both credential types', async () => {
		for (const [credential, data] of [
			[TILL_CREDENTIAL, { region: 'custom', url: stack.sim.url, username: 'store.server', password: 'server123', isMd5Hash: false }],
			[OAUTH_CREDENTIAL, { region: 'custom', url: stack.sim.url, clientId: 'sim-client-key', clientSecret: 'sim-client-secret' }],
		] as const) {
			const type = credential === TILL_CREDENTIAL ? 'capillaryApi' : 'capillaryOAuthApi';
			const outcome = await stack.n8n.rest<{ status: string; message?: string }>('POST', '/credentials/test', { credentials: { ...credential, type, data } });
			expect(outcome).toMatchObject({ status: 'OK' });
		}
		const bad = await stack.n8n.rest<{ status: string; message?: string }>('POST', '/credentials/test', {
			credentials: { ...TILL_CREDENTIAL, type: 'capillaryApi', data: { region: 'custom', url: stack.sim.url, username: 'store.server', password: 'wrong', isMd5Hash: false } },
		});
		expect(bad.status).toBe('Error');
		expect(JSON.stringify(bad)).not.toContain('wrong');
	});
});
