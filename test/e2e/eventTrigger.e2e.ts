/**
 * The Capillary Event Trigger in real n8n (the versions of n8n.e2e.ts): activating a workflow
 * registers a webhook account in the simulator for n8n's production URL; the simulator's own API
 * activity (a registration, a transaction) is POSTed to n8n, one execution per event; a wrong
 * secret is refused; a redelivery starts nothing; deactivation switches the account off. The
 * thank-you SMS example runs end to end too.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startStack, TILL_CREDENTIAL, type Stack } from '../../scripts/lib/stack';
import { DEFAULT_TILL } from '../simulator/auth';
import { smsMessages } from '../simulator/resources/communication';
import { redeliver, settleWebhooks, webhookAccounts, webhookDeliveries } from '../simulator/resources/eventNotification';
import { ORG_ID } from '../simulator/state';

const VERSIONS = (process.env.E2E_N8N_VERSIONS ?? '2.41.1,1.123.81').split(',').map((v) => v.trim());
const WORKFLOW = 'capE2eEvents0001';
const WEBHOOK_ID = '0b7a4c1e-5d2f-4e8a-9c3b-e2e0000000a1';
const EXAMPLE = 'capExampleEvent5';

function workflowFile(): string {
	const workflow = {
		id: WORKFLOW,
		name: 'E2E: Capillary events',
		active: false,
		nodes: [
			{
				parameters: { events: ['transactionAdded', 'customerAdded'], options: {} },
				id: 'e2e-event-trigger',
				name: 'Capillary Event Trigger',
				type: 'n8n-nodes-capillary.capillaryEventTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				credentials: { capillaryApi: TILL_CREDENTIAL },
			},
			{ parameters: {}, id: 'e2e-event-noop', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0] },
		],
		connections: { 'Capillary Event Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const file = join(mkdtempSync(join(tmpdir(), 'capillary-e2e-events-')), 'events.json');
	writeFileSync(file, JSON.stringify(workflow));
	return file;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const basic = `Basic ${Buffer.from(`${DEFAULT_TILL.username}:${createHash('md5').update(DEFAULT_TILL.password).digest('hex')}`).toString('base64')}`;

describe.each(VERSIONS)('real n8n %s: Capillary Event Trigger', (version) => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ version, extraWorkflows: [workflowFile()], log: (line) => process.stdout.write(`[n8n ${version}] ${line}\n`) });
	}, 45 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
		const response = await fetch(`${stack.sim.url}${path}`, { method, headers: { authorization: basic, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
		return (await response.json()) as Record<string, unknown>;
	}

	/** Items the trigger emitted, per finished execution of the workflow, oldest first. */
	async function emitted(workflowId: string, node = 'Capillary Event Trigger'): Promise<Array<Array<Record<string, unknown>>>> {
		const runs = (await stack.n8n.executions(workflowId)).filter((e) => e.status !== 'running' && e.status !== 'new');
		const outputs = [];
		for (const run of runs.sort((a, b) => Number(a.id) - Number(b.id))) outputs.push((await stack.n8n.execution(run.id)).output[node] ?? []);
		return outputs;
	}

	async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
		let value = await read();
		for (const deadline = Date.now() + ms; !done(value) && Date.now() < deadline; await wait(500)) value = await read();
		return value;
	}

	/** The simulator's webhook account of a trigger (n8n 2.x publishes an activation in the background). */
	const accountOf = (webhookId: string) => webhookAccounts(stack.sim).find((a) => String(a.webHookUrl).endsWith(`/webhook/${webhookId}/webhook`));
	const settledAccount = async (webhookId: string, active: boolean) => await until(async () => accountOf(webhookId), (a) => a?.active === active, 30_000);

	it('activation registers the production URL; a registration and a transaction each run the workflow once', async () => {
		await stack.n8n.activate(WORKFLOW);
		const account = await settledAccount(WEBHOOK_ID, true);
		expect(account).toMatchObject({ name: `n8n-${WORKFLOW}-e2e-event-trigger`, active: true, eventNames: ['transactionAdded', 'customerAdded'], webHookType: 'HTTP' });
		expect(String(account!.webHookUrl).startsWith(stack.n8n.url)).toBe(true);

		const registered = await api('POST', '/v2/customers', { loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [{ firstName: 'Grace', lastName: 'Hopper', identifiers: [{ type: 'mobile', value: '919700000101' }] }] });
		const customerId = registered.createdId as number;
		await settleWebhooks(stack.sim);
		const added = await api('POST', '/v2/transactions?identifierName=mobile&identifierValue=919700000101&source=INSTORE', { type: 'REGULAR', billNumber: 'E2E-EV-1', billAmount: 900, billingDate: '2026-01-10T10:00:00+05:30', lineItemsV2: [{ itemCode: 'SKU-1', amount: 900, rate: 900, qty: 1 }] });
		const transactionId = added.createdId as number;
		await settleWebhooks(stack.sim);
		expect(webhookDeliveries(stack.sim).map((d) => [d.eventName, d.status])).toEqual([['customerAdded', 200], ['transactionAdded', 200]]);

		const runs = await until(() => emitted(WORKFLOW), (r) => r.length >= 2);
		expect(runs).toEqual([
			[expect.objectContaining({ eventName: 'customerAdded', customerId, refId: `${ORG_ID}_${customerId}`, orgId: ORG_ID, payload: expect.objectContaining({ firstName: 'Grace' }) })],
			[expect.objectContaining({ eventName: 'transactionAdded', transactionId, customerId, payload: expect.objectContaining({ billNumber: 'E2E-EV-1', amount: 900 }) })],
		]);
	});

	it('a wrong or missing secret is refused with 401 and runs nothing; a redelivery runs nothing', async () => {
		const account = accountOf(WEBHOOK_ID)!;
		const url = String(account.webHookUrl);
		const event = { eventId: 'e2e-forged-1', eventType: `${ORG_ID}_transactionAdded`, attributes: { eventName: 'transactionAdded', data: { transactionId: 1 } } };
		for (const headers of [{ 'x-n8n-capillary-secret': 'forged' }, {}] as Array<Record<string, string>>) {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(event) });
			expect(response.status).toBe(401);
		}
		const before = (await emitted(WORKFLOW)).length;
		const [first] = webhookDeliveries(stack.sim).filter((d) => d.eventName === 'transactionAdded');
		redeliver(stack.sim, first.eventId);
		await settleWebhooks(stack.sim);
		expect(webhookDeliveries(stack.sim).filter((d) => d.eventId === first.eventId).map((d) => d.status)).toEqual([200, 200]);
		// A later real event marks the point by which a second execution would have been recorded.
		await api('POST', '/v2/transactions?identifierName=mobile&identifierValue=919700000101&source=INSTORE', { type: 'REGULAR', billNumber: 'E2E-EV-2', billAmount: 100, billingDate: '2026-01-10T11:00:00+05:30', lineItemsV2: [] });
		await settleWebhooks(stack.sim);
		const runs = await until(() => emitted(WORKFLOW), (r) => r.length >= before + 1);
		expect(runs).toHaveLength(before + 1);
		expect(runs.flat().filter((item) => item.eventId === first.eventId)).toHaveLength(1);
		expect(runs.flat().some((item) => item.eventId === 'e2e-forged-1')).toBe(false);
	});

	it('deactivation switches the webhook account off: nothing is delivered any more', async () => {
		await stack.n8n.deactivate(WORKFLOW);
		const account = (await settledAccount(WEBHOOK_ID, false))!;
		expect(account.active).toBe(false);
		expect(stack.sim.apiRequests().filter((r) => r.method === 'PUT' && r.path === `/v3/webHooks/${String(account.webHookId)}`).at(-1)?.body).toMatchObject({ active: false });
		const deliveries = webhookDeliveries(stack.sim).length;
		await api('POST', '/v2/transactions?identifierName=mobile&identifierValue=919700000101&source=INSTORE', { type: 'REGULAR', billNumber: 'E2E-EV-3', billAmount: 100, billingDate: '2026-01-10T12:00:00+05:30', lineItemsV2: [] });
		await settleWebhooks(stack.sim);
		expect(webhookDeliveries(stack.sim)).toHaveLength(deliveries);
	});

	it('example: a transaction for Tom → customer looked up → thank-you SMS sent through Capillary', async () => {
		await stack.n8n.activate(EXAMPLE);
		try {
			expect(await settledAccount('6c1f3a52-0005-4e8b-a1d3-5e7f90b2c405', true)).toMatchObject({ eventNames: ['transactionAdded'] });
			await api('POST', '/v2/transactions?identifierName=mobile&identifierValue=919111111111&source=INSTORE', { type: 'REGULAR', billNumber: 'E2E-SMS-1', billAmount: 1000, billingDate: '2026-01-10T10:00:00+05:30', lineItemsV2: [{ itemCode: 'SKU-1', amount: 1000, rate: 1000, qty: 1 }] });
			await settleWebhooks(stack.sim);
			const runs = await until(() => emitted(EXAMPLE, 'Send Thank-You SMS'), (r) => r.length >= 1);
			expect(runs).toHaveLength(1);
			const sms = [...smsMessages(stack.sim.state).values()].find((m) => String(m.message).includes('E2E-SMS-1'));
			expect(sms).toMatchObject({ to: '919111111111' });
			expect(String(sms!.message)).toMatch(/^Thank you Tom! Bill E2E-SMS-1 earned you points/);
		} finally {
			await stack.n8n.deactivate(EXAMPLE);
			await settledAccount('6c1f3a52-0005-4e8b-a1d3-5e7f90b2c405', false);
		}
	});
});
