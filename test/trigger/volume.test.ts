/**
 * Issue 12, Capillary Trigger cases 1, 2, 4 and 5: exactly once at any volume, against servers
 * written here (not the simulator), with a restart before every poll. Every test is bounded by
 * request counts, never by time.
 */
import { DEFAULT_MAX_EVENTS } from '../../dist/nodes/CapillaryTrigger/CapillaryTrigger.node';
import { EventsLog, HostileServer, RejectionList, RequestLog, TriggerSession } from './hostile';

const MINUTE = 60_000;
/** Near n8n's clock, so each test fails on the old trigger for its own reason, not a clock mismatch. */
const T0 = Math.floor(Date.now() / MINUTE) * MINUTE;
/** `count` instants spread evenly over [from, to). */
const spread = (count: number, from: number, to: number) => Array.from({ length: count }, (_, i) => from + Math.floor((i * (to - from)) / count));
const behavioural = (extra: Record<string, unknown> = {}) => ({ event: 'behaviouralEvent', options: { timeZone: 'UTC' }, ...extra });

let server: HostileServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

describe('case 1: more events inside the late window than any fixed set of remembered IDs', () => {
	// Tens of thousands of events through n8n's engine per poll: a generous guard against a hang, not a timing assertion.
	jest.setTimeout(120_000);

	it.each([10_000, 50_000])('%d events already in the window at activation → 0 emitted; as many new within 5 minutes → each emitted once: 0 lost, 0 duplicated, 0 old emitted', async (n) => {
		const log = new EventsLog();
		let now = T0;
		server = await HostileServer.start(log.route);
		server.clock = () => now;
		log.add(spread(n, T0 - 5 * MINUTE, T0));
		const session = new TriggerSession(server, behavioural());
		const seeded = await session.poll();
		expect(seeded.error).toBeUndefined();
		expect(seeded.items).toBeNull();

		const fresh = log.add(spread(n, T0 + 1, T0 + 5 * MINUTE));
		now = T0 + 5 * MINUTE;
		const sizes = await session.drain(n / DEFAULT_MAX_EVENTS + 2);
		expect(Math.max(...sizes)).toBeLessThanOrEqual(DEFAULT_MAX_EVENTS);
		// Later polls (the whole window is read again each time) emit nothing more.
		for (let i = 0; i < 3; i++) expect((await session.poll()).items).toBeNull();
		// A late event (30 s behind the newest, inside the 10-minute late window) is still emitted once.
		const late = log.add([T0 + 4.5 * MINUTE], 'EVENT_SUCCESS', 'late');
		await session.poll();
		expect(session.lastItems.map((i) => i.eventId)).toEqual(late);
		expect((await session.poll()).items).toBeNull();
		const expected = [...fresh, ...late];
		expect({ lost: session.lost(expected), duplicated: session.duplicates(), oldEmitted: session.unexpected(expected) }).toEqual({ lost: 0, duplicated: 0, oldEmitted: 0 });
		// Requests: pages of 1,000; each poll re-reads the window (≤ 20,000 remembered + 10,000 new) and narrows dense windows.
		expect(server.count()).toBeLessThanOrEqual(session.polls * 70);
		// Stored state: about 10 bytes per remembered event, at most 20,000 remembered.
		expect(session.stateBytes()).toBeLessThanOrEqual(Math.min(n * 2, 20_000) * 11 + 500);
	});
});

describe('case 1 on an offset-paged log filtered by whole days (rejected transactions)', () => {
	it('10,000 in the window at activation → 0 emitted; 10,000 new within 5 minutes → each once: 0 lost, 0 duplicated, 0 old emitted, ≤ 250 requests per poll', async () => {
		const list = new RejectionList();
		let now = T0;
		server = await HostileServer.start(list.route);
		server.clock = () => now;
		const at = (times: number[]) => times.map((t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00'));
		list.add(at(spread(10_000, T0 - 5 * MINUTE, T0)));
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC' } });
		expect((await session.poll()).items).toBeNull();
		const fresh = list.add(at(spread(10_000, T0 + 1000, T0 + 5 * MINUTE)));
		now = T0 + 5 * MINUTE;
		await session.drain(4);
		for (let i = 0; i < 2; i++) expect((await session.poll()).items).toBeNull();
		expect({ lost: session.lost(fresh), duplicated: session.duplicates(), oldEmitted: session.unexpected(fresh) }).toEqual({ lost: 0, duplicated: 0, oldEmitted: 0 });
		// Each poll re-reads the late window (here 20,000 events) in pages of 100 overlapping by 10.
		expect(server.count()).toBeLessThanOrEqual(session.polls * 250);
	}, 120_000);
});

describe('case 2: a backlog of 150,000 events', () => {
	it('is emitted over 15 polls of at most 10,000, oldest first: 0 lost, 0 duplicated, no stack overflow, ≤ 1,800 requests', async () => {
		const list = new RejectionList();
		server = await HostileServer.start(list.route);
		server.clock = () => T0;
		// 150,000 rejections over the last 3 days (ISO times with offset, 1.7 s apart).
		const start = T0 - 3 * 24 * 60 * MINUTE;
		const ids = list.add(spread(150_000, start, T0 - MINUTE).map((t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00')));
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC', emitSince: new Date(start).toISOString() } });
		const sizes = await session.drain(20);
		expect(sizes.slice(0, 15)).toEqual(Array(15).fill(10_000));
		expect(sizes[15]).toBe(0);
		expect({ lost: session.lost(ids), duplicated: session.duplicates() }).toEqual({ lost: 0, duplicated: 0 });
		// Pages of 100 overlapping by 10 (150,000 / 90 ≈ 1,667), plus a few per poll to find where to
		// resume (the day filter starts each read at midnight; pages below the cursor are skipped).
		expect(server.count()).toBeLessThanOrEqual(1_800);
		// 1,700 requests through n8n's HTTP stack: a generous guard against a hang, not a timing assertion.
	}, 240_000);
});

describe('case 2: backlogs of other logs', () => {
	it('request log with 150,000 requests at activation (newest found in ≤ 40 requests), then 25,000 new: emitted over 3 polls, 0 lost, 0 duplicated, ≤ 45 requests', async () => {
		const log = new RequestLog();
		log.add(150_000);
		server = await HostileServer.start(log.route);
		const session = new TriggerSession(server, { event: 'request', requestType: 'CHANGE_IDENTIFIER' });
		expect((await session.poll()).items).toBeNull();
		expect(server.count()).toBeLessThanOrEqual(40);
		const fresh = log.add(25_000);
		const before = server.count();
		expect(await session.drain(5)).toEqual([10_000, 10_000, 5_000, 0]);
		expect({ lost: session.lost(fresh), duplicated: session.duplicates(), old: session.unexpected(fresh) }).toEqual({ lost: 0, duplicated: 0, old: 0 });
		expect(server.count() - before).toBeLessThanOrEqual(45);
	});

	it('rejected transactions sorted newest first (against the docs), 25,000 backlog: noticed, read whole, emitted over 3 polls: 0 lost, 0 duplicated', async () => {
		const list = new RejectionList();
		list.newestFirst = true;
		server = await HostileServer.start(list.route);
		server.clock = () => T0;
		const start = T0 - 2 * 60 * MINUTE;
		const ids = list.add(spread(25_000, start, T0 - MINUTE).map((t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00')));
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC', emitSince: new Date(start - MINUTE).toISOString() } });
		expect(await session.drain(5)).toEqual([10_000, 10_000, 5_000, 0]);
		expect({ lost: session.lost(ids), duplicated: session.duplicates() }).toEqual({ lost: 0, duplicated: 0 });
		expect(server.count()).toBeLessThanOrEqual(4 * 280);
	}, 120_000);
});

describe('case 2: a busy day in a log filtered by whole days (rejected transactions)', () => {
	it('30,000 rejections earlier the same day: activation and each idle poll skip them (≤ 25 requests, then ≤ 5 per poll: the ~260 of the late window behind the newest), a new one is emitted once', async () => {
		const list = new RejectionList();
		server = await HostileServer.start(list.route);
		const now = Date.UTC(2026, 5, 15, 20, 0, 0);
		server.clock = () => now;
		list.add(spread(30_000, Date.UTC(2026, 5, 15, 0, 0, 1), now - 30 * MINUTE).map((t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00')));
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC' } });
		expect((await session.poll()).items).toBeNull();
		expect(server.count()).toBeLessThanOrEqual(25);
		for (let i = 0; i < 3; i++) {
			const before = server.count();
			expect((await session.poll()).items).toBeNull();
			expect(server.count() - before).toBeLessThanOrEqual(5);
		}
		const [fresh] = list.add([new Date(now - MINUTE).toISOString().replace(/\.\d{3}Z$/, '+00:00')]);
		await session.poll();
		expect(session.lastItems.map((i) => i.entityId)).toEqual([fresh]);
		expect({ emitted: session.emitted.size, duplicated: session.duplicates() }).toEqual({ emitted: 1, duplicated: 0 });
	});
});

describe('case 4: 1,510 events with one identical timestamp across a page boundary (pages of 1,000)', () => {
	it.each([
		['inclusive', false],
		['exclusive', true],
	])('to_date %s: all 1,910 emitted once (0 of 1,510 tied lost), ≤ 40 requests', async (_name, exclusive) => {
		const log = new EventsLog();
		log.toExclusive = exclusive as boolean;
		server = await HostileServer.start(log.route);
		server.clock = () => T0 + 10 * MINUTE;
		const session = new TriggerSession(server, behavioural());
		log.add([T0 - 20 * MINUTE]);
		await session.poll();
		const before = log.add(spread(200, T0 - MINUTE, T0));
		const tied = log.add(Array(1_510).fill(T0));
		const after = log.add(spread(200, T0 + 1, T0 + MINUTE));
		const requestsBefore = server.count();
		await session.drain(3);
		const all = [...before, ...tied, ...after];
		expect({ lost: session.lost(all), tiedLost: session.lost(tied), duplicated: session.duplicates(), emitted: session.emitted.size }).toEqual({ lost: 0, tiedLost: 0, duplicated: 0, emitted: 1_910 });
		expect(server.count() - requestsBefore).toBeLessThanOrEqual(40);
	});

	it('a server that never returns more than 1,000 per request: the poll fails naming the endpoint, 0 emitted, and nothing is skipped later', async () => {
		const log = new EventsLog();
		log.maxLimit = 1_000;
		server = await HostileServer.start(log.route);
		server.clock = () => T0 + 10 * MINUTE;
		const session = new TriggerSession(server, behavioural());
		await session.poll();
		log.add(Array(1_510).fill(T0));
		const stored = session.stored;
		const failed = await session.poll();
		expect(failed.error?.message).toMatch(/v2\/events\/logs/);
		expect(session.emitted.size).toBe(0);
		expect(session.stored).toBe(stored);
		expect(server.count()).toBeLessThanOrEqual(40);
	});
});

describe('case 5: Outcome filter set and a whole page of the other outcome', () => {
	it('300 failed events behind 1,200 successful ones: all 300 emitted once, 0 of the others, ≤ 20 requests', async () => {
		const log = new EventsLog();
		server = await HostileServer.start(log.route);
		server.clock = () => T0 + 10 * MINUTE;
		const session = new TriggerSession(server, behavioural({ outcome: 'failed' }));
		await session.poll();
		const failed = log.add(spread(300, T0 - 2 * MINUTE, T0 - MINUTE), 'NO_CUSTOMER_DETAILS_PASSED', 'failed');
		const succeeded = log.add(spread(1_200, T0 - MINUTE, T0), 'EVENT_SUCCESS', 'ok');
		const requestsBefore = server.count();
		await session.drain(3);
		expect({ lost: session.lost(failed), duplicated: session.duplicates(), otherOutcome: session.lost(succeeded) }).toEqual({ lost: 0, duplicated: 0, otherOutcome: 1_200 });
		expect(server.count() - requestsBefore).toBeLessThanOrEqual(20);
	});
});
