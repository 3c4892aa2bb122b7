/**
 * Issue 12, Capillary Trigger cases 3, 6, 7, 8 and 9: servers that ignore paging, future-dated
 * events, a server clock behind n8n's, DST, and lists that shift while the trigger pages. Each
 * against a server written here, with a restart before every poll, bounded by request counts.
 */
import { EventsLog, HostileServer, RejectionList, TriggerSession, type Route } from './hostile';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00');

let server: HostileServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const WATCH = { identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' };

describe('case 3: a server that ignores the paging parameter, or never stops paging', () => {
	it('request log ignoring start_id: each poll fails after ≤ 4 requests naming GET /v1.1/request/logs, nothing emitted', async () => {
		const page = Array.from({ length: 1000 }, (_, i) => ({ id: String(i + 1), type: 'CHANGE_IDENTIFIER', base_type: 'MOBILE', status: 'PENDING' }));
		server = await HostileServer.start((r) =>
			r.path === '/v1.1/request/logs' ? { body: { response: { status: { success: 'true', code: '200', message: 'SUCCESS' }, requests: { count: '5000', rows: '1000', change_identifier: page } } } } : undefined,
		);
		const session = new TriggerSession(server, { event: 'request', requestType: 'CHANGE_IDENTIFIER' });
		for (let poll = 1; poll <= 2; poll++) {
			const before = server.count();
			const run = await session.poll();
			expect(run.error?.message).toMatch(/GET \/v1\.1\/request\/logs/);
			expect(server.count() - before).toBeLessThanOrEqual(4);
		}
		expect(session.emitted.size).toBe(0);
	});

	it('points ledger ignoring offset: the poll fails after ≤ 3 requests naming GET /v2/pointsLedger/getCustomerLedgerInfo', async () => {
		const entries = Array.from({ length: 10 }, (_, i) => ({ eventLogId: 900 + i, ledgerCreatedDateISO: iso(T0 - i * MINUTE), points: 5 }));
		server = await HostileServer.start((r) => (r.path === '/v2/pointsLedger/getCustomerLedgerInfo' ? { body: { customerDetails: {}, ledgerDetails: {}, ledgerEntries: entries, warnings: [] } } : undefined));
		server.clock = () => T0;
		const run = await new TriggerSession(server, { event: 'customerPointsLedger', ...WATCH, options: { timeZone: 'UTC' } }).poll();
		expect(run.error?.message).toMatch(/GET \/v2\/pointsLedger\/getCustomerLedgerInfo/);
		expect(run.error?.description).toMatch(/ignore the paging parameter "offset"/);
		expect(server.count()).toBeLessThanOrEqual(3);
	});

	it('rejected transactions ignoring offset: the poll fails after ≤ 3 requests naming the endpoint', async () => {
		const list = new RejectionList();
		list.ignoreOffset = true;
		list.add(Array.from({ length: 300 }, (_, i) => iso(T0 - 3 * MINUTE + i * 100)));
		server = await HostileServer.start(list.route);
		server.clock = () => T0;
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC', emitSince: iso(T0 - HOUR) } });
		const run = await session.poll();
		expect(run.error?.message).toMatch(/GET \/v2\/organization\/rejectedTransactions/);
		expect(server.count()).toBeLessThanOrEqual(3);
		expect(session.emitted.size).toBe(0);
	});

	it('behavioural event log ignoring from_date/to_date: the poll fails after ≤ 3 requests naming GET /v2/events/logs', async () => {
		const log = new EventsLog();
		log.ignoreDates = true;
		log.add(Array.from({ length: 3000 }, (_, i) => T0 - i * 1000));
		server = await HostileServer.start(log.route);
		server.clock = () => T0;
		const run = await new TriggerSession(server, { event: 'behaviouralEvent', options: { timeZone: 'UTC', emitSince: iso(T0 - 2 * HOUR) } }).poll();
		expect(run.error?.message).toMatch(/GET \/v2\/events\/logs/);
		expect(server.count()).toBeLessThanOrEqual(3);
	});

	it('a log that pages forever (new entries on every page): the poll stops at the hard cap of 110 requests, naming the endpoint', async () => {
		let next = 1;
		let endless = false;
		server = await HostileServer.start(
			(r) => (r.path === '/v2/customers/lookup' ? { body: { entity: 4242, warnings: [] } } : undefined),
			(r) => {
				if (r.path !== '/v2/customers/4242/transactions') return undefined;
				const count = endless ? Number(r.query.limit) : 1;
				return { body: { data: Array.from({ length: count }, () => ({ id: next++, billingTime: iso(T0) })), warnings: [], errors: [] } };
			},
		);
		const session = new TriggerSession(server, { event: 'customerTransaction', ...WATCH });
		expect((await session.poll()).error).toBeUndefined();
		endless = true;
		const before = server.count('/v2/customers/4242/transactions');
		const run = await session.poll();
		expect(run.error?.message).toMatch(/kept paging GET \/v2\/customers\/\{customerId\}\/transactions: more than 110 requests/);
		expect(server.count('/v2/customers/4242/transactions') - before).toBe(110);
		expect(session.emitted.size).toBe(0);
	});
});

/** GET v2/userGroup2/transactions: billingTime is the client's, startDate inclusive, ascending, offset + limit. */
function groupTransactions(bills: Array<{ id: number; billingTime: string }>): Route {
	return (r) => {
		if (r.path !== '/v2/userGroup2/transactions') return undefined;
		const from = r.query.startDate ? Date.parse(r.query.startDate) : -Infinity;
		const rows = bills.filter((b) => Date.parse(b.billingTime) >= from).sort((a, b) => Date.parse(a.billingTime) - Date.parse(b.billingTime) || a.id - b.id);
		const offset = Number(r.query.offset ?? 0);
		const data = rows.slice(offset, offset + Number(r.query.limit ?? 10)).map((b) => ({ billDetails: { id: b.id, billNumber: `G-${b.id}`, billingTime: b.billingTime } }));
		return { body: { data, warnings: [], errors: [] } };
	};
}

describe('case 6: a future-dated event (client-supplied billing time)', () => {
	it('one bill dated 24 h ahead, then 20 bills over 20 minutes: all 21 emitted once, 0 lost, 0 duplicated, ≤ 2 requests per poll', async () => {
		const bills: Array<{ id: number; billingTime: string }> = [];
		let now = T0;
		server = await HostileServer.start(groupTransactions(bills));
		server.clock = () => now;
		const session = new TriggerSession(server, { event: 'userGroupTransaction', groupId: '77', options: { timeZone: 'UTC' } });
		await session.poll();
		bills.push({ id: 1, billingTime: iso(T0 + 24 * HOUR) });
		now += MINUTE;
		await session.poll();
		expect(session.lastItems.map((i) => i.eventId)).toEqual(['1']);
		for (let i = 0; i < 20; i++) {
			bills.push({ id: 100 + i, billingTime: iso(now - 30_000) });
			now += MINUTE;
			await session.poll();
			expect(session.lastItems.map((item) => item.eventId)).toEqual([String(100 + i)]);
		}
		// When the server's clock passes the future date, nothing is emitted again.
		now = T0 + 25 * HOUR;
		expect((await session.poll()).items).toBeNull();
		expect({ lost: session.lost(bills.map((b) => b.id)), duplicated: session.duplicates() }).toEqual({ lost: 0, duplicated: 0 });
		expect(server.count()).toBeLessThanOrEqual(session.polls * 2);
	});
});

describe("case 7: Capillary's clock 15 minutes behind n8n's", () => {
	it.each([
		['the Date header shows the server clock, log empty at activation', 'skewed', false],
		['no Date header, log not empty at activation', 'none', true],
		["the Date header shows n8n's time but events are stamped 15 minutes behind, log not empty", 'honest', true],
		["the Date header shows n8n's time but events are stamped 15 minutes behind, log empty at activation", 'honest', false],
	])('%s: the first 10 events are all emitted (0 lost, 0 duplicated), ≤ 2 requests per poll', async (_name, header, busy) => {
		const log = new EventsLog();
		const behind = () => Date.now() - 15 * MINUTE;
		server = await HostileServer.start(log.route);
		server.clock = header === 'skewed' ? behind : header === 'none' ? null : () => Date.now();
		if (busy) log.add([behind() - 5 * MINUTE], 'EVENT_SUCCESS', 'old');
		const session = new TriggerSession(server, { event: 'behaviouralEvent', options: { timeZone: 'UTC' } });
		await session.poll();
		const created: string[] = [];
		for (let i = 0; i < 10; i++) {
			created.push(...log.add([behind()]));
			await session.poll();
		}
		expect({ lost: session.lost(created), duplicated: session.duplicates(), old: session.unexpected(created) }).toEqual({ lost: 0, duplicated: 0, old: 0 });
		expect(server.count()).toBeLessThanOrEqual(session.polls * 2);
	});
});

describe('case 8: local times without an offset across both DST changes (org in America/New_York)', () => {
	const wall = (t: number) => {
		const text = new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(t));
		return text.replace(',', '');
	};
	it.each([
		// 2024-11-03: 01:00–02:00 happens twice (05:00Z–06:00Z EDT, then 06:00Z–07:00Z EST).
		['clocks go back', Date.UTC(2024, 10, 3, 5, 0), [5.6, 6.2, 6.35, 6.8]],
		// 2024-03-10: 02:00 EST jumps to 03:00 EDT (07:00Z).
		['clocks go forward', Date.UTC(2024, 2, 10, 6, 0), [6.5, 6.95, 7.1, 7.6]],
	])('%s: every event emitted once (0 lost, 0 duplicated), ≤ 2 requests per poll', async (_name, start, hours) => {
		const list = new RejectionList();
		let now = start as number;
		server = await HostileServer.start(list.route);
		server.clock = () => now;
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'America/New_York' } });
		await session.poll();
		const ids: number[] = [];
		for (const hour of hours as number[]) {
			const at = Date.UTC(2024, new Date(start as number).getUTCMonth(), new Date(start as number).getUTCDate()) + hour * HOUR;
			ids.push(...list.add([wall(at)]));
			now = at + 5 * MINUTE;
			await session.poll();
			expect(session.lastItems.map((i) => i.entityId)).toEqual([ids[ids.length - 1]]);
		}
		now += 2 * HOUR;
		expect((await session.poll()).items).toBeNull();
		expect({ lost: session.lost(ids.map(String)), duplicated: session.duplicates() }).toEqual({ lost: 0, duplicated: 0 });
		expect(server.count()).toBeLessThanOrEqual(session.polls * 2);
	});
});

describe('case 9: an offset-paged list that shifts while the trigger pages (rejected transactions)', () => {
	it.each([1, 15])('%d entries of page 1 fixed before page 2 is read: all 250 emitted once, 0 lost, ≤ 6 requests', async (fixed) => {
		const list = new RejectionList();
		server = await HostileServer.start(list.route);
		server.clock = () => T0;
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC' } });
		await session.poll();
		const ids = list.add(Array.from({ length: 250 }, (_, i) => iso(T0 - 5 * MINUTE + i * 1000)));
		let done = false;
		list.beforePage = (offset) => {
			if (offset === 0 || done) return;
			done = true;
			for (const id of ids.slice(10, 10 + fixed)) list.fix(id);
		};
		const before = server.count();
		await session.poll();
		expect({ lost: session.lost(ids), duplicated: session.duplicates() }).toEqual({ lost: 0, duplicated: 0 });
		expect(server.count() - before).toBeLessThanOrEqual(6);
		expect((await session.poll()).items).toBeNull();
	});
});

describe('case 8b: the Org Time Zone changes (times without an offset now mean other instants)', () => {
	const wall = (t: number, timeZone: string) =>
		new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(t)).replace(',', '');
	it('the trigger starts over: nothing emitted twice, then new events once', async () => {
		const list = new RejectionList();
		let now = Date.UTC(2024, 5, 1, 12, 0);
		server = await HostileServer.start(list.route);
		server.clock = () => now;
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC' } });
		await session.poll();
		list.add([wall(now + MINUTE, 'UTC'), wall(now + 2 * MINUTE, 'UTC')]);
		now += 5 * MINUTE;
		expect((await session.poll()).items).toHaveLength(2);
		session.parameters = { event: 'rejectedTransaction', options: { timeZone: 'America/New_York' } };
		now += 5 * MINUTE;
		expect((await session.poll()).items).toBeNull();
		const [fresh] = list.add([wall(now + MINUTE, 'America/New_York')]);
		now += 5 * MINUTE;
		await session.poll();
		expect(session.lastItems.map((i) => i.entityId)).toEqual([fresh]);
		expect(session.duplicates()).toBe(0);
	});
});

describe('case 8c: a stale paging hint (the day\'s list is far shorter than the stored offset)', () => {
	it('the poll starts from the beginning of the list instead of failing at its request cap', async () => {
		const list = new RejectionList();
		const now = Date.UTC(2024, 5, 1, 12, 0);
		server = await HostileServer.start(list.route);
		server.clock = () => now + 10 * MINUTE;
		const iso = (t: number) => new Date(t).toISOString().slice(0, 19);
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC' } });
		list.add(Array.from({ length: 150 }, (_, i) => iso(now - 2 * HOUR + i * 1000)));
		await session.poll();
		const state = JSON.parse(session.stored) as { 'node:Capillary Trigger': { cursor: { resume?: Record<string, unknown> } } };
		const cursor = state['node:Capillary Trigger'].cursor;
		cursor.resume = { ...(cursor.resume ?? {}), key: iso(now).slice(0, 10), offset: 1_000_000 };
		session.stored = JSON.stringify(state);
		const [fresh] = list.add([iso(now + MINUTE)]);
		const before = server.count();
		const run = await session.poll();
		expect(run.error).toBeUndefined();
		expect(session.lastItems.map((i) => i.entityId)).toEqual([fresh]);
		expect(server.count() - before).toBeLessThanOrEqual(12);
	});
});

describe('entries the trigger cannot read (no time in a format it knows, or no ID)', () => {
	const route =
		(stamps: () => string[]): Route =>
		(request) =>
			request.path === '/v2/organization/rejectedTransactions' ? { body: { pagination: { total: stamps().length }, data: stamps().map((eventDate, i) => ({ entityId: 100 + i, eventDate, status: 'OPEN' })), warnings: [], errors: [] } } : undefined;

	it('only such entries (a format Capillary changed): every poll fails naming one, instead of delivering nothing silently', async () => {
		server = await HostileServer.start(route(() => ['15-Jan-2026 10:00', '15-Jan-2026 10:01']));
		server.clock = () => T0;
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC' } });
		for (let i = 0; i < 2; i++) {
			const run = await session.poll();
			expect(run.error?.message).toBe('Capillary answered 2 entries the trigger cannot read');
			expect(run.error?.description).toMatch(/15-Jan-2026 10:00/);
		}
	});

	it('plain values where entries belong count as such entries', async () => {
		server = await HostileServer.start((request) => (request.path === '/v2/organization/rejectedTransactions' ? { body: { data: ['oops', 42], warnings: [] } } : undefined));
		server.clock = () => T0;
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC' } });
		const run = await session.poll();
		expect(run.error?.message).toBe('Capillary answered 2 entries the trigger cannot read');
	});

	it('next to readable ones: the readable entries are emitted, the others skipped', async () => {
		let stamps = [iso(T0 - 30 * MINUTE)];
		server = await HostileServer.start(route(() => stamps));
		server.clock = () => T0;
		const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC' } });
		expect((await session.poll()).error).toBeUndefined();
		stamps = [...stamps, 'garbage', iso(T0 - MINUTE)];
		const run = await session.poll();
		expect(run.error).toBeUndefined();
		expect(session.lastItems.map((item) => item.entityId)).toEqual([102]);
	});
});
