/**
 * The Capillary Event Trigger in n8n-core's hook and webhook contexts against the simulator: the
 * webhook account's lifecycle (activation, restart, changed events, deactivation, test URL), and
 * deliveries the simulator really POSTs (secret header, one item per event, redeliveries dropped,
 * payload filters, full entity), plus both documented payload shapes sent by hand.
 */
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_TILL } from '../simulator/auth';
import { faultReplies } from '../simulator/faults';
import { redeliver, setEventNotifications, settleWebhooks, webhookAccounts, webhookDeliveries } from '../simulator/resources/eventNotification';
import { ORG_ID } from '../simulator/state';
import { useCapillary, type AuthKind } from '../harness/fixtures';
import { SECRET_HEADER, useEventTriggers, type EventTriggerHarness } from '../harness/webhook';

const capillary = useCapillary();
const HEADER = SECRET_HEADER;
const trigger = useEventTriggers(capillary);

const basicHeader = `Basic ${Buffer.from(`${DEFAULT_TILL.username}:${require('node:crypto').createHash('md5').update(DEFAULT_TILL.password).digest('hex')}`).toString('base64')}`;

/** A call to the simulator's API, as another system would make it. */
async function api(method: string, path: string, body?: unknown): Promise<IDataObject> {
	const response = await fetch(`${capillary.sim.url}${path}`, { method, headers: { authorization: basicHeader, 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	return (await response.json()) as IDataObject;
}

async function registerCustomer(mobile: string): Promise<number> {
	const body = await api('POST', '/v2/customers', { loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [{ firstName: 'Ada', lastName: 'Lovelace', identifiers: [{ type: 'mobile', value: mobile }] }] });
	return body.createdId as number;
}

async function addTransaction(mobile: string, number: string, amount = 800): Promise<number> {
	const body = await api('POST', `/v2/transactions?identifierName=mobile&identifierValue=${mobile}&source=INSTORE`, { type: 'REGULAR', billNumber: number, billAmount: amount, billingDate: '2026-01-10T10:00:00+05:30', lineItemsV2: [{ itemCode: 'SKU-1', amount, rate: amount, qty: 1 }] });
	return body.createdId as number;
}

const posts = () => capillary.sim.apiRequests().filter((r) => r.method === 'POST' && r.path === '/v3/webHooks');
const secretOf = (t: EventTriggerHarness) => String((t.staticData().production as IDataObject).secret);

describe('Capillary Event Trigger: webhook account lifecycle', () => {
	it.each<AuthKind>(['basic', 'oauth'])('activation creates an account for the production URL with the events and a secret header (%s)', async (auth) => {
		const t = await trigger({}, auth);
		expect(await t.activate()).toEqual({ created: true });
		expect(posts()).toHaveLength(1);
		const body = posts()[0].body as IDataObject;
		const secret = secretOf(t);
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(body).toEqual({
			name: 'n8n-wfEventTrigger01-event-trigger-1',
			eventNames: ['transactionAdded', 'customerAdded'],
			webHookUrl: t.urls.production,
			webHookType: 'HTTP',
			methodType: 'POST',
			webHookHeaders: { 'Content-Type': 'application/json', 'X-N8n-Capillary-Secret': secret },
			maxAllowedConnections: 10,
			slaInSeconds: 30,
			active: true,
		});
		const [account] = webhookAccounts(capillary.sim);
		expect(t.staticData().production).toEqual({ webhookId: account.webHookId, name: body.name, url: t.urls.production, events: ['transactionAdded', 'customerAdded'], secret, active: true });
	});

	it('a restart finds its account (checkExists) and creates nothing; changed events update it', async () => {
		const t = await trigger();
		await t.activate();
		const { webhookId } = t.staticData().production as IDataObject;
		t.reload();
		capillary.sim.clearRequests();
		expect(await t.activate('production', 'init')).toEqual({ created: false });
		expect(capillary.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /v3/webHooks/${String(webhookId)}`]);

		t.setParameters({ ...t.node.parameters, events: ['pointsRedeemed'] });
		expect(await t.activate('production', 'update')).toEqual({ created: false });
		expect(webhookAccounts(capillary.sim)).toEqual([expect.objectContaining({ webHookId: webhookId, eventNames: ['pointsRedeemed'], active: true })]);
		expect(t.staticData().production).toMatchObject({ webhookId, events: ['pointsRedeemed'] });
	});

	it('an error about something else than the account (an event the org does not offer) keeps the account: no new one, nothing forgotten', async () => {
		const t = await trigger();
		await t.activate();
		const stored = t.staticData().production as IDataObject;
		t.reload();
		capillary.sim.faults.add({ path: `/v3/webHooks/${String(stored.webhookId)}`, status: 404, body: { data: null, errors: [{ code: 1305, message: 'Event pointsExpired not found' }] } });
		capillary.sim.clearRequests();
		await expect(t.activate('production', 'init')).rejects.toThrow(/Event pointsExpired not found/);
		expect(posts()).toHaveLength(0);
		expect(t.staticData().production).toEqual(stored);
	});

	it('an account removed in Capillary is created again', async () => {
		const t = await trigger();
		await t.activate();
		capillary.sim.state.collection('webhookAccounts').clear();
		capillary.sim.clearRequests();
		expect(await t.activate('production', 'init')).toEqual({ created: true });
		expect(capillary.sim.apiRequests().map((r) => r.method)).toEqual(['PUT', 'POST']);
		expect(webhookAccounts(capillary.sim)).toHaveLength(1);
		expect((t.staticData().production as IDataObject).webhookId).toBe(webhookAccounts(capillary.sim)[0].webHookId);
	});

	it('deactivation deactivates the account (no delete is documented); reactivation reuses it with a new secret', async () => {
		const t = await trigger();
		await t.activate();
		const old = secretOf(t);
		const { webhookId } = t.staticData().production as IDataObject;
		expect(await t.deactivate()).toBe(true);
		const put = capillary.sim.apiRequests().at(-1)!;
		expect(put).toMatchObject({ method: 'PUT', path: `/v3/webHooks/${String(webhookId)}`, body: { active: false, webHookHeaders: { 'Content-Type': 'application/json' } } });
		expect(webhookAccounts(capillary.sim)[0]).toMatchObject({ active: false });
		expect(t.staticData().production).toMatchObject({ webhookId, active: false, secret: '' });

		// Nothing is delivered to an inactive account, and the old secret opens nothing.
		await registerCustomer('919700000001');
		await settleWebhooks(capillary.sim);
		expect(webhookDeliveries(capillary.sim)).toEqual([]);
		expect((await t.call({ eventId: 'e-1', eventName: 'customerAdded', data: {} }, { [HEADER]: old })).status).toBe(401);

		capillary.sim.clearRequests();
		expect(await t.activate()).toEqual({ created: true });
		expect(capillary.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /v3/webHooks/${String(webhookId)}`]);
		expect(secretOf(t)).not.toBe(old);
		expect(webhookAccounts(capillary.sim)).toEqual([expect.objectContaining({ active: true, webHookUrl: t.urls.production })]);
	});

	it('"listen for test event": an account of its own on the test URL, delivered to, then deactivated', async () => {
		const t = await trigger();
		await t.activate();
		await t.activate('test');
		const testAccount = webhookAccounts(capillary.sim).find((a) => a.webHookUrl === t.urls.test)!;
		expect(testAccount.name).toMatch(/^n8n-wfEventTrigger01-event-trigger-1-test-[0-9a-f]{6}$/);
		const customerId = await registerCustomer('919700000002');
		await settleWebhooks(capillary.sim);
		const byKind = (kind: string) => t.deliveries.filter((d) => d.kind === kind && d.items);
		expect(byKind('test')).toHaveLength(1);
		expect(byKind('test')[0].items).toEqual([expect.objectContaining({ eventName: 'customerAdded', customerId })]);
		expect(await t.deactivate('test')).toBe(true);
		expect(testAccount.active).toBe(false);
		expect(t.staticData().test).toBeUndefined();
		expect(webhookAccounts(capillary.sim).find((a) => a.webHookUrl === t.urls.production)).toMatchObject({ active: true });
	});

	it("the Events dropdown: Capillary's active org events added to the documented ones; the documented ones when the call fails", async () => {
		const t = await trigger();
		capillary.sim.faults.add({ path: '/v3/webHooks/eventMetaData', times: 1, status: 200, body: { data: [{ active: true, eventName: 'transactionAdded' }, { active: true, eventName: 'storeVisit' }, { active: false, eventName: 'retired' }], errors: null } });
		const values = (await t.loadOptions('getEvents')).map((o) => o.value);
		expect(values).toHaveLength(17);
		expect(values.slice(0, 3)).toEqual(['transactionAdded', 'transactionUpdated', 'customerAdded']);
		expect(values).toContain('storeVisit');
		expect(values).not.toContain('retired');
		setEventNotifications(capillary.sim, { enabled: false });
		expect((await t.loadOptions('getEvents')).map((o) => o.value)).toEqual(values.filter((v) => v !== 'storeVisit'));
	});

	it('Event Notifications disabled for the org: activation fails with what to do', async () => {
		setEventNotifications(capillary.sim, { enabled: false });
		const t = await trigger();
		const error = await t.activate().then(() => undefined, (e: Error & { description?: string }) => e);
		expect(error?.message).toMatch(/1301.*not enabled/);
		expect(error?.description).toMatch(/Event Notifications are not enabled for this Capillary org/);
	});

	it('an API client without the access group: the error names it and never shows the new secret', async () => {
		capillary.sim.faults.add({ path: '/v3/webHooks', ...faultReplies.accessDenied() });
		const t = await trigger({}, 'oauth');
		const error = await t.activate().then(() => undefined, (e: Error & { description?: string }) => e);
		expect(error?.message).toMatch(/4000/);
		expect(error?.description).toMatch(/access group lacks the webhook resource/);
		const sent = (posts()[0].body as { webHookHeaders: Record<string, string> }).webHookHeaders['X-N8n-Capillary-Secret'];
		expect(sent).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify({ ...error, message: error?.message, description: error?.description, stack: error?.stack })).not.toContain(sent);
		expect(t.staticData().production).toBeUndefined();
	});
});

describe('Capillary Event Trigger: deliveries', () => {
	it('a registration and a transaction through the API start one execution each, with names, IDs and payload', async () => {
		const t = await trigger();
		await t.activate();
		const customerId = await registerCustomer('919700000003');
		await settleWebhooks(capillary.sim);
		const transactionId = await addTransaction('919700000003', 'BILL-EV-1');
		await settleWebhooks(capillary.sim);
		const runs = t.executions();
		expect(runs).toHaveLength(2);
		expect(runs[0]).toEqual([
			{
				eventName: 'customerAdded',
				eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
				orgId: ORG_ID,
				refId: `${ORG_ID}_${customerId}`,
				requestId: expect.any(String),
				eventTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				customerId,
				payload: expect.objectContaining({ firstName: 'Ada', customerIdentifiers: { customerId, instore: { mobile: '919700000003' } } }),
			},
		]);
		expect(runs[1]).toEqual([expect.objectContaining({ eventName: 'transactionAdded', refId: `${ORG_ID}_${transactionId}`, customerId, transactionId, payload: expect.objectContaining({ billNumber: 'BILL-EV-1', amount: 800, transactionId }) })]);
		// Unsubscribed events of the same activity (points issued) were never sent.
		expect(webhookDeliveries(capillary.sim).map((d) => [d.eventName, d.status])).toEqual([['customerAdded', 200], ['transactionAdded', 200]]);
	});

	it('a wrong or missing secret gets 401 and starts nothing; Capillary retries, still nothing', async () => {
		const t = await trigger();
		await t.activate();
		const account = webhookAccounts(capillary.sim)[0];
		account.webHookHeaders = { 'X-N8n-Capillary-Secret': 'not-the-secret' };
		account.noOfRetryAttempts = 2;
		await registerCustomer('919700000004');
		await settleWebhooks(capillary.sim);
		expect(webhookDeliveries(capillary.sim).map((d) => d.status)).toEqual([401, 401, 401]);
		expect(t.executions()).toEqual([]);
		const missing = await t.call({ eventId: 'x', eventName: 'customerAdded', data: {} }, {});
		expect(missing.status).toBe(401);
		expect(JSON.stringify(t.deliveries)).not.toContain(secretOf(t));
	});

	it('a redelivery of the same event (same eventId) starts no second execution, and is answered 200', async () => {
		const t = await trigger();
		await t.activate();
		await addTransaction('919111111111', 'BILL-EV-2');
		await settleWebhooks(capillary.sim);
		const [first] = webhookDeliveries(capillary.sim);
		redeliver(capillary.sim, first.eventId);
		redeliver(capillary.sim, first.eventId);
		await settleWebhooks(capillary.sim);
		expect(webhookDeliveries(capillary.sim).map((d) => d.status)).toEqual([200, 200, 200]);
		expect(t.executions()).toHaveLength(1);
		expect(t.deliveries.at(-1)!.body).toEqual({ received: 1, emitted: 0 });
		expect(t.staticData().seen).toEqual([first.eventId]);
	});

	it('Capillary retries a delivery n8n failed to answer; the second attempt is dropped once the first got through', async () => {
		const t = await trigger();
		await t.activate();
		// The receiver processes the event but its answer is lost (a proxy 502), like a timeout.
		const account = webhookAccounts(capillary.sim)[0];
		const real = String(account.webHookUrl);
		const { createServer } = await import('node:http');
		const proxy = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				void fetch(real, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }).then(() => res.writeHead(502).end());
			});
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
		account.webHookUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/`;
		account.noOfRetryAttempts = 1;
		await addTransaction('919111111111', 'BILL-EV-3');
		await settleWebhooks(capillary.sim);
		proxy.close();
		expect(webhookDeliveries(capillary.sim).map((d) => d.status)).toEqual([502, 502]);
		expect(t.deliveries).toHaveLength(2);
		expect(t.executions()).toHaveLength(1);
	});

	it('the duplicate window is bounded: the oldest IDs are forgotten', async () => {
		const t = await trigger({ options: { dedupeWindow: 2 } });
		await t.activate();
		const headers = { [HEADER]: secretOf(t) };
		for (const id of ['a', 'b', 'c']) await t.call({ eventId: id, eventName: 'customerAdded', data: {} }, headers);
		expect(t.staticData().seen).toEqual(['b', 'c']);
		expect((await t.call({ eventId: 'c', eventName: 'customerAdded', data: {} }, headers)).items).toBeUndefined();
		expect((await t.call({ eventId: 'a', eventName: 'customerAdded', data: {} }, headers)).items).toHaveLength(1);
		expect(t.staticData().seen).toEqual(['c', 'a']);
	});

	it('reads both documented payload shapes, and a list of events as one execution', async () => {
		const t = await trigger();
		await t.activate();
		const headers = { [HEADER]: secretOf(t) };
		// docs.capillarytech.com "Event schema (Payload)": the flat sample…
		const flat = { eventName: 'customerAdded', eventId: '06750c10-dcf1-45de-a0eb-d9c64372feed', orgId: 1800, refId: '1800_482579328', apiRequestId: '4b6330d3e10bf660783a9ba77248c9f7', createdAt: 1619199042493, data: { loyaltyType: 'loyalty', source: 'INSTORE', customerIdentifiers: { customerId: 482579328, instore: { mobile: 'testuserfortata' } } }, loyaltyEventId: null };
		// …and the envelope sample (org-prefixed eventType, "apiRequestId " with a stray space).
		const envelope = { eventId: '81b1f0ce-8119-4826-9cca-610bd31d4038', eventType: '150698_customerAdded', consumerGroupId: null, actionType: 'START', timeStamp: 1683874799984, attributes: { createdAt: 1683874799971, data: { source: 'instore', customerIdentifiers: { customerId: 164875382 } }, eventName: 'customerAdded', refId: '150698_164875382', 'apiRequestId ': '0c52fc' } };
		const delivery = await t.call([flat, envelope], headers);
		expect(delivery.items).toEqual([
			{ eventName: 'customerAdded', eventId: flat.eventId, orgId: 1800, refId: '1800_482579328', requestId: flat.apiRequestId, eventTime: '2021-04-23T17:30:42.493Z', customerId: 482579328, payload: flat.data },
			{ eventName: 'customerAdded', eventId: envelope.eventId, orgId: 150698, refId: '150698_164875382', requestId: '0c52fc', eventTime: '2023-05-12T06:59:59.971Z', customerId: 164875382, payload: envelope.attributes.data },
		]);
	});

	it('a body n8n did not parse (another content type) is read from the raw bytes', async () => {
		const t = await trigger();
		await t.activate();
		const event = { eventId: 'raw-1', eventName: 'customerAdded', data: { customerIdentifiers: { customerId: 1001 } } };
		const delivery = await t.call({}, { [HEADER]: secretOf(t), 'content-type': 'text/plain' }, 'production', Buffer.from(JSON.stringify(event)));
		expect(delivery.items).toEqual([expect.objectContaining({ eventId: 'raw-1', customerId: 1001 })]);
	});

	it('payload filters and the chosen events decide what starts the workflow; the rest is acknowledged', async () => {
		const t = await trigger({ filters: { condition: [{ field: 'source', values: 'ecommerce, instore' }] } });
		await t.activate();
		const headers = { [HEADER]: secretOf(t) };
		const event = (eventId: string, eventName: string, source: string) => ({ eventId, eventName, data: { source } });
		expect((await t.call(event('f1', 'customerAdded', 'WECHAT'), headers)).body).toEqual({ received: 1, emitted: 0 });
		expect((await t.call(event('f2', 'pointsRedeemed', 'INSTORE'), headers)).items).toBeUndefined();
		expect((await t.call(event('f3', 'customerAdded', 'InStore'), headers)).items).toEqual([expect.objectContaining({ eventId: 'f3' })]);
	});

	it('Fetch Full Entity adds the transaction (answer sent first); a failed read is reported on the item', async () => {
		const t = await trigger({ options: { fetchEntity: true } }, 'oauth');
		await t.activate();
		const transactionId = await addTransaction('919111111111', 'BILL-EV-4', 1500);
		await settleWebhooks(capillary.sim);
		const [run] = t.executions();
		expect(run).toEqual([expect.objectContaining({ eventName: 'transactionAdded', transactionId, entity: expect.objectContaining({ id: transactionId, billDetails: expect.objectContaining({ billNumber: 'BILL-EV-4' }) }) })]);
		expect(t.deliveries[0].body).toEqual({ received: 1, emitted: 1 });
		expect(capillary.sim.apiRequests().some((r) => r.path === `/v2/transactions/${transactionId}` && r.query.type === 'REGULAR')).toBe(true);

		const missing = await t.call({ eventId: 'm1', eventName: 'customerAdded', data: { customerIdentifiers: { customerId: 999999 } } }, { [HEADER]: secretOf(t) });
		expect(missing.items).toEqual([expect.objectContaining({ customerId: 999999, entity: null, entityError: expect.stringMatching(/Capillary error/) })]);
	});
});
