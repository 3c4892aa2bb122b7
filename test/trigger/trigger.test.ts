/**
 * The Capillary Trigger across sequences of polls (n8n-core PollContext, static data carried
 * between polls as JSON): exactly once, restart-safe, failure-safe, bounded memory.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { clearTokenCache } from '../../dist/credentials/CapillaryAuth';
import { basicCredentials, oauthCredentials, useCapillary } from '../harness/fixtures';
import { createPoller, type Poller } from '../harness/poll';
import { faultReplies } from '../simulator/faults';
import { addBehaviouralEvents, addRejections, clearRejections } from '../simulator/streams';

const MINUTE = 60_000;
const ORG = { timeZone: 'Asia/Kolkata' };

const capillary = useCapillary();

async function poller(parameters: INodeParameters, auth: 'basic' | 'oauth' = 'basic', staticData?: string): Promise<Poller> {
	const credentials: Record<string, ICredentialDataDecryptedObject> = auth === 'oauth' ? { capillaryOAuthApi: oauthCredentials(capillary.sim) } : { capillaryApi: basicCredentials(capillary.sim) };
	return await createPoller({ parameters: { authentication: auth === 'oauth' ? 'oAuth' : 'basicAuth', ...parameters }, credentials, staticData });
}

const rejected = (extra: INodeParameters = {}) => ({ event: 'rejectedTransaction', options: ORG, requestOptions: { retryDelay: 1 }, ...extra });
const ids = (items: Array<Record<string, unknown>> | null) => (items ?? []).map((i) => i.entityId);
const apiCalls = () => capillary.sim.apiRequests().length;

describe('Capillary Trigger: rejected transactions', () => {
	it('first activation seeds the cursor and emits nothing, not even what already exists', async () => {
		addRejections(capillary.sim, [Date.now() - 2 * MINUTE]);
		const trigger = await poller(rejected());
		expect((await trigger.poll()).items).toBeNull();
		expect(JSON.parse(trigger.stored)['node:Capillary Trigger'].cursor.version).toBe(2);
		expect((await trigger.poll()).items).toBeNull();
	});

	it('emits each new event exactly once, oldest first; an idle poll costs one request', async () => {
		const trigger = await poller(rejected(), 'oauth');
		await trigger.poll();
		const now = Date.now();
		const [a, b, c] = addRejections(capillary.sim, [now + 3000, now + 1000, now + 2000]);
		const first = await trigger.poll();
		expect(ids(first.items)).toEqual([b, c, a]);
		expect(first.items![0]).toMatchObject({ eventType: 'rejectedTransaction', eventId: String(b), status: 'OPEN', eventTime: expect.any(String) });
		capillary.sim.clearRequests();
		expect((await trigger.poll()).items).toBeNull();
		expect(apiCalls()).toBe(1);
	});

	it('emits several events with the same timestamp, including ones written after a poll saw the first', async () => {
		const trigger = await poller(rejected());
		await trigger.poll();
		const at = Date.now() + 5000;
		const burst = addRejections(capillary.sim, [at, at, at]);
		expect(ids((await trigger.poll()).items).sort()).toEqual([...burst].sort());
		const more = addRejections(capillary.sim, [at, at]);
		expect(ids((await trigger.poll()).items).sort()).toEqual([...more].sort());
		expect((await trigger.poll()).items).toBeNull();
	});

	it('catches an event that appears late, with a timestamp just before the last poll', async () => {
		const trigger = await poller(rejected());
		await trigger.poll();
		const [newest] = addRejections(capillary.sim, [Date.now() + 60_000]);
		expect(ids((await trigger.poll()).items)).toEqual([newest]);
		const [late] = addRejections(capillary.sim, [Date.now() + 30_000]);
		expect(ids((await trigger.poll()).items)).toEqual([late]);
	});

	it('pages through a backlog larger than one page within one poll, oldest first, no duplicates', async () => {
		const trigger = await poller(rejected());
		await trigger.poll();
		const base = Date.now() + 1000;
		const created = addRejections(capillary.sim, Array.from({ length: 1050 }, (_, i) => base + i * 10));
		capillary.sim.clearRequests();
		const { items } = await trigger.poll();
		expect(ids(items)).toEqual(created);
		expect(apiCalls()).toBeGreaterThan(10);
		expect((await trigger.poll()).items).toBeNull();
	});

	it('a failed poll emits nothing, keeps the cursor and throws a clear error; the next poll delivers', async () => {
		const trigger = await poller(rejected());
		await trigger.poll();
		const before = trigger.stored;
		const created = addRejections(capillary.sim, [Date.now() + 1000, Date.now() + 2000]);
		for (const fault of [faultReplies.serverError(), faultReplies.html502(), { status: 200, body: { errors: [{ status: false, code: 400, message: 'Invalid date format' }], warnings: [] } }, { dropConnection: true }]) {
			capillary.sim.faults.add({ path: '/v2/organization/rejectedTransactions', times: 4, ...fault });
			const failed = await trigger.poll();
			expect(failed.items).toBeNull();
			expect(failed.error?.message).toMatch(/Capillary error|request to Capillary at/);
			expect(trigger.stored).toBe(before);
			capillary.sim.faults.clear();
		}
		expect(ids((await trigger.poll()).items)).toEqual(created);
	});

	it('survives a restart: static data round-trips through JSON and the next process continues', async () => {
		const first = await poller(rejected());
		await first.poll();
		const [a] = addRejections(capillary.sim, [Date.now() + 1000]);
		expect(ids((await first.poll()).items)).toEqual([a]);
		const [b] = addRejections(capillary.sim, [Date.now() + 2000]);
		clearTokenCache();
		const restarted = await poller(rejected(), 'basic', JSON.parse(JSON.stringify(first.stored)));
		expect(ids((await restarted.poll()).items)).toEqual([b]);
	});

	it('keeps the remembered ids bounded: no growth per poll', async () => {
		// Rounds 5 minutes apart, all before the server's present (a future-dated event is remembered
		// until the server's clock passes it, so the cursor never jumps ahead of the clock).
		const trigger = await poller(rejected({ options: { ...ORG, lateWindow: 1 } }));
		await trigger.poll();
		const sizes: number[] = [];
		const start = Date.now() - 40 * MINUTE;
		for (let round = 0; round < 6; round++) {
			addRejections(capillary.sim, Array.from({ length: 20 }, (_, i) => start + (round + 1) * 5 * MINUTE + i * 1000));
			await trigger.poll();
			const seen = JSON.parse(trigger.stored)['node:Capillary Trigger'].cursor.seen as string;
			sizes.push(seen.split(',').length);
		}
		expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
	});

	it('carries a cursor stored by the previous version over: 0 of 3 delivered events again, the new one once', async () => {
		// Whole seconds: the simulator's timestamps have no milliseconds, and version 1 stored the positions it read.
		const now = Math.floor(Date.now() / 1000) * 1000;
		const delivered = addRejections(capillary.sim, [now - 3 * MINUTE, now - 2 * MINUTE, now - MINUTE]);
		const v1 = { version: 1, key: JSON.stringify(['rejectedTransaction', '', '']), cursor: now - MINUTE, seen: delivered.map((id, i) => [String(id), now - (3 - i) * MINUTE]) };
		const [fresh] = addRejections(capillary.sim, [now + 1000]);
		const trigger = await poller(rejected(), 'basic', JSON.stringify({ 'node:Capillary Trigger': { cursor: v1 } }));
		expect(ids((await trigger.poll()).items)).toEqual([fresh]);
		expect(JSON.parse(trigger.stored)['node:Capillary Trigger'].cursor.version).toBe(2);
		expect((await trigger.poll()).items).toBeNull();
	});

	it('manual mode returns the most recent event and never touches the cursor', async () => {
		const trigger = await poller(rejected());
		await trigger.poll();
		const before = trigger.stored;
		const [older, newest] = addRejections(capillary.sim, [Date.now() + 1000, Date.now() + 5000]);
		void older;
		const manual = await trigger.poll('manual');
		expect(ids(manual.items)).toEqual([newest]);
		expect(trigger.stored).toBe(before);
		expect((await trigger.poll()).items).toHaveLength(2);
	});

	it('"Emit events since" backfills on the first poll', async () => {
		clearRejections(capillary.sim);
		const old = addRejections(capillary.sim, [Date.now() - 3 * 86_400_000, Date.now() - 2 * 86_400_000]);
		const trigger = await poller(rejected({ options: { ...ORG, emitSince: new Date(Date.now() - 2.5 * 86_400_000).toISOString() } }));
		expect(ids((await trigger.poll()).items)).toEqual([old[1]]);
	});

	it('sends dates as yyyy-MM-dd in the org time zone and compares instants, not strings', async () => {
		const trigger = await poller(rejected({ rejectionStatus: 'OPEN', errorCode: '683' }));
		await trigger.poll();
		const startDate = capillary.sim.apiRequests()[0].query.startDate;
		expect(startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(capillary.sim.apiRequests()[0].query).toMatchObject({ status: 'OPEN', errorCode: '683' });
		// Written with another offset: 07:00 in Singapore is 04:30 in India, still after the cursor.
		const at = Date.now() + 90 * MINUTE;
		const [id] = addRejections(capillary.sim, [at]);
		const record = capillary.sim.state.collection('rejectedTransactions').get(String(id))!;
		const sg = new Date(at + 8 * 60 * MINUTE).toISOString().replace(/\.\d{3}Z$/, '+08:00');
		record.eventDate = sg;
		expect(ids((await trigger.poll()).items)).toEqual([id]);
	});

	it('changing the filters starts over instead of reusing a cursor of other events', async () => {
		const trigger = await poller(rejected());
		await trigger.poll();
		const other = await poller(rejected({ rejectionStatus: 'FIXED' }), 'basic', trigger.stored);
		addRejections(capillary.sim, [Date.now() - MINUTE], 'FIXED');
		expect((await other.poll()).items).toBeNull();
	});
});

describe('Capillary Trigger: behavioural events', () => {
	it('emits processed events once, pages newest-first logs, honours the event name', async () => {
		const trigger = await poller({ event: 'behaviouralEvent', eventName: 'AppOpened', options: ORG }, 'oauth');
		await trigger.poll();
		const base = Date.now() + 1000;
		const logged = addBehaviouralEvents(capillary.sim, Array.from({ length: 1200 }, (_, i) => base + Math.floor(i / 3)));
		addBehaviouralEvents(capillary.sim, [base + 5], 'Other');
		const { items } = await trigger.poll();
		expect(items).toHaveLength(1200);
		expect(new Set(items!.map((i) => i.eventId)).size).toBe(1200);
		expect(items!.map((i) => i.eventId).sort()).toEqual([...logged].sort());
		expect(items!.every((i, n) => n === 0 || Number(i.startTime) >= Number(items![n - 1].startTime))).toBe(true);
		expect((await trigger.poll()).items).toBeNull();
	});
});
