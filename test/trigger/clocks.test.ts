/**
 * Clocks for the Capillary Trigger, on every event source: n8n's clock ahead of or behind
 * Capillary's, n8n's clock stepping between polls, Capillary's clock stepping back inside the late
 * window, stamps lagging the Date header (a till's own clock), no Date header, a two-day outage,
 * entries filed by their UTC day. Each scenario asserts exactly-once delivery (0 lost, 0 duplicated,
 * 0 of the events that existed at activation) and bounds the requests. n8n's clock is Date.now
 * (mocked); Capillary's clock is the Date header and the stamps of new events. What does not hold
 * (a step back beyond the late window, an event later than it) is in docs/triggers.md.
 */
import { toEpoch } from '../../dist/nodes/CapillaryTrigger/time';
import { EventsLog, HostileServer, RejectionList, RequestLog, TriggerSession, type Route } from './hostile';

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TZ = 'Asia/Kolkata';
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const WATCH = { identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' };

/** Wall clock in `timeZone`, `yyyy-MM-dd HH:mm:ss`. */
const wall = (t: number, timeZone = TZ) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(t)).replace(',', '');
/** ISO with the org's offset (+05:30). */
const isoOrg = (t: number) => `${wall(t).replace(' ', 'T')}+05:30`;
const isoZ = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

let server: HostileServer | undefined;
let n8nNow = T0;
let dateSpy: jest.SpyInstance | undefined;
beforeEach(() => {
	dateSpy = jest.spyOn(Date, 'now').mockImplementation(() => n8nNow);
});
afterEach(async () => {
	dateSpy?.mockRestore();
	await server?.close();
	server = undefined;
});

// ---------------------------------------------------------------------------------------------
// One world with every log the trigger can watch; events are added at an instant (Capillary's).
// ---------------------------------------------------------------------------------------------

interface Timed {
	id: number;
	at: number;
}

class World {
	readonly events = new EventsLog();
	readonly rejections = new RejectionList();
	readonly requests = new RequestLog();
	readonly ledger: Timed[] = [];
	readonly status: Timed[] = [];
	readonly bills: Timed[] = [];
	readonly slabs: Timed[] = [];
	readonly audits: Timed[] = [];
	readonly loyalty: Timed[] = [];
	readonly transactions: Timed[] = [];
	/** How rejections write their eventDate (default: org wall clock, no offset). */
	rejectionStamp: (t: number) => string = (t) => wall(t);
	private next = 5000;

	push(list: Timed[], at: number): string {
		const id = this.next++;
		list.push({ id, at });
		return String(id);
	}

	routes(): Route[] {
		const lookup: Route = (r) => (r.path === '/v2/customers/lookup' ? { body: { entity: 4242, warnings: [] } } : undefined);
		const ledger: Route = (r) => {
			if (r.path !== '/v2/pointsLedger/getCustomerLedgerInfo') return undefined;
			const from = toEpoch(r.query.startDate, TZ) ?? -Infinity;
			const to = toEpoch(r.query.endDate, TZ) ?? Infinity;
			const rows = this.ledger.filter((e) => e.at >= from && e.at <= to).sort((a, b) => a.at - b.at || a.id - b.id);
			if (r.query.sortOrder === 'DESC') rows.reverse();
			const limit = Math.min(10, Number(r.query.limit ?? 10));
			const page = Number(r.query.offset ?? 0);
			const entries = rows.slice(page * limit, page * limit + limit).map((e) => ({ eventLogId: e.id, ledgerCreatedDateISO: isoOrg(e.at), ledgerCreatedDate: wall(e.at), points: 5 }));
			return { body: { customerDetails: {}, ledgerDetails: {}, ledgerEntries: entries, warnings: [] } };
		};
		const status: Route = (r) => (r.path === '/v2/customers/4242/statusLog' ? { body: { data: this.status.map((e) => ({ createdOn: isoOrg(e.at), status: 'SUSPENDED', label: `L${e.id}` })), warnings: [] } } : undefined);
		const loyalty: Route = (r) => (r.path === '/v2/customers/4242/loyaltyEvents' ? { body: { data: this.loyalty.map((e) => ({ id: e.id, eventName: 'TierUpgrade', eventDate: isoOrg(e.at) })), warnings: [] } } : undefined);
		const transactions: Route = (r) => {
			if (r.path !== '/v2/customers/4242/transactions') return undefined;
			const start = Number(r.query.startId ?? 0);
			const offset = Number(r.query.offset ?? 0);
			const rows = this.transactions.filter((e) => e.id >= start).sort((a, b) => a.at - b.at || a.id - b.id);
			return { body: { data: rows.slice(offset, offset + Number(r.query.limit ?? 10)).map((e) => ({ id: e.id, billingTime: isoOrg(e.at) })), warnings: [], errors: [] } };
		};
		const bills: Route = (r) => {
			if (r.path !== '/v2/userGroup2/transactions') return undefined;
			const from = r.query.startDate ? Date.parse(r.query.startDate) : -Infinity;
			const rows = this.bills.filter((b) => b.at >= from).sort((a, b) => a.at - b.at || a.id - b.id);
			if (r.query.order === 'desc') rows.reverse();
			const offset = Number(r.query.offset ?? 0);
			const data = rows.slice(offset, offset + Number(r.query.limit ?? 10)).map((b) => ({ billDetails: { id: b.id, billNumber: `G-${b.id}`, billingTime: isoOrg(b.at) } }));
			return { body: { data, warnings: [], errors: [] } };
		};
		const slabs: Route = (r) => {
			if (r.path !== '/v2/userGroup2/slabHistory') return undefined;
			const from = r.query.startDate ? Date.parse(r.query.startDate) : -Infinity;
			const data = this.slabs.filter((s) => s.at >= from).map((s) => ({ changedOn: isoOrg(s.at), toSlabNumber: s.id, type: 'UPGRADE' }));
			return { body: { data, warnings: [], errors: [] } };
		};
		const audits: Route = (r) =>
			r.path === '/v2/events/audit_logs' ? { body: { data: this.audits.map((a) => ({ id: String(a.id), eventName: 'CartAbandoned', valueHistory: [{ changedOn: isoZ(a.at), updatedType: 'UPDATE' }] })), warnings: [] } } : undefined;
		return [lookup, this.events.route, this.rejections.route, this.requests.route, ledger, status, loyalty, transactions, bills, slabs, audits];
	}
}

interface SourceSpec {
	event: string;
	kind: 'time' | 'id';
	parameters: Record<string, unknown>;
	/** Adds one event stamped at `at` (Capillary's clock); returns its eventId. */
	add: (world: World, at: number) => string;
}

const SOURCES: SourceSpec[] = [
	{ event: 'behaviouralEvent', kind: 'time', parameters: {}, add: (w, at) => w.events.add([at])[0] },
	{ event: 'behaviouralEventDefinition', kind: 'time', parameters: { eventName: 'CartAbandoned' }, add: (w, at) => w.push(w.audits, at) },
	{ event: 'rejectedTransaction', kind: 'time', parameters: {}, add: (w, at) => String(w.rejections.add([w.rejectionStamp(at)])[0]) },
	{ event: 'request', kind: 'id', parameters: { requestType: 'CHANGE_IDENTIFIER' }, add: (w) => String(w.requests.add(1)[0]) },
	{ event: 'customerTransaction', kind: 'id', parameters: WATCH, add: (w, at) => w.push(w.transactions, at) },
	{ event: 'customerLoyaltyEvent', kind: 'id', parameters: WATCH, add: (w, at) => w.push(w.loyalty, at) },
	{ event: 'customerPointsLedger', kind: 'time', parameters: WATCH, add: (w, at) => w.push(w.ledger, at) },
	{ event: 'customerStatusChange', kind: 'time', parameters: WATCH, add: (w, at) => `${isoOrg(at)}|SUSPENDED|L${w.push(w.status, at)}` },
	{ event: 'userGroupTransaction', kind: 'time', parameters: { groupId: '77' }, add: (w, at) => w.push(w.bills, at) },
	{ event: 'userGroupTierChange', kind: 'time', parameters: { groupId: '77' }, add: (w, at) => `${isoOrg(at)}|${w.push(w.slabs, at)}` },
];
const TIME_SOURCES = SOURCES.filter((s) => s.kind === 'time');

// ---------------------------------------------------------------------------------------------
// The driver: a virtual Capillary clock `cap`; n8n's clock = cap + skew (both changeable per step).
// ---------------------------------------------------------------------------------------------

interface Step {
	/** Capillary's clock moves by this much before the step (default 1 minute; negative = steps back). */
	dt?: number;
	/** n8n's clock minus Capillary's from this step on. */
	skew?: number;
	/** New events this step (default 1), stamped at Capillary's clock + `stamp` (default: minus `lag`). */
	add?: number;
	stamp?: number;
	/** Skip the poll of this step (n8n down). */
	noPoll?: boolean;
}

interface Outcome {
	lost: number;
	duplicated: number;
	old: number;
	errors: string[];
	requests: number;
	polls: number;
	/** Events not emitted by the first poll after they appeared. */
	delayed: number;
}

async function drive(
	spec: SourceSpec,
	plan: { skew?: number; lag?: number; busy?: boolean; header?: 'capillary' | 'none'; steps: Step[]; options?: Record<string, unknown>; world?: World; before?: (w: World, cap: number) => void },
): Promise<Outcome> {
	const world = plan.world ?? new World();
	let cap = T0;
	let skew = plan.skew ?? 0;
	const lag = plan.lag ?? 0;
	server = await HostileServer.start(...world.routes());
	server.clock = plan.header === 'none' ? null : () => cap;
	n8nNow = cap + skew;
	const oldIds: string[] = [];
	if (plan.busy !== false) for (const minutes of [30, 5]) oldIds.push(spec.add(world, cap - lag - minutes * MINUTE));
	plan.before?.(world, cap);
	const session = new TriggerSession(server, { event: spec.event, ...spec.parameters, options: { timeZone: TZ, ...(plan.options ?? {}) } });
	const errors: string[] = [];
	const check = async () => {
		const run = await session.poll();
		if (run.error) errors.push(`${run.error.message} ${run.error.description ?? ''}`);
	};
	await check();
	const expected: string[] = [];
	let pending: string[] = [];
	let delayed = 0;
	for (const step of plan.steps) {
		cap += step.dt ?? MINUTE;
		if (step.skew !== undefined) skew = step.skew;
		n8nNow = cap + skew;
		for (let i = 0; i < (step.add ?? 1); i++) {
			const id = spec.add(world, cap + (step.stamp ?? -lag) - i * SECOND);
			expected.push(id);
			pending.push(id);
		}
		if (step.noPoll) continue;
		await check();
		delayed += pending.filter((id) => !session.lastItems.some((item) => String(item.eventId) === id)).length;
		pending = [];
	}
	// Afterwards: an hour of idle polls, each a minute apart (time for anything delayed to come out).
	for (let i = 0; i < 60; i++) {
		cap += MINUTE;
		n8nNow = cap + skew;
		await check();
	}
	const outcome: Outcome = {
		lost: session.lost(expected),
		duplicated: session.duplicates(),
		old: [...session.emitted.keys()].filter((id) => oldIds.includes(id)).length,
		errors,
		requests: server.count(),
		polls: session.polls,
		delayed,
	};
		return outcome;
}

const steady = (count: number, extra: Step = {}): Step[] => Array.from({ length: count }, () => ({ ...extra }));
const exactlyOnce = (o: Outcome) => ({ lost: o.lost, duplicated: o.duplicated, old: o.old, errors: o.errors });
const OK = { lost: 0, duplicated: 0, old: 0, errors: [] };

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

describe('A: n8n clock AHEAD of Capillary (Capillary timestamps look old), Date header present', () => {
	describe.each([
		['1 hour', HOUR],
		['1 day', DAY],
	])('n8n %s ahead', (_label, skew) => {
		it.each(SOURCES.map((s) => [s.event, s] as const))('%s: 10 new events over 10 polls → 0 lost, 0 duplicated; ≤ 3 requests per poll', async (_event, spec) => {
			const o = await drive(spec, { skew, steps: steady(10) });
			expect(exactlyOnce(o)).toEqual(OK);
			expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 2);
		});
	});
});

describe('B: n8n clock BEHIND Capillary by 1 hour (Capillary timestamps look an hour in the future)', () => {
	it.each(TIME_SOURCES.map((s) => [s.event, s] as const))('%s: 10 new events → 0 lost, 0 duplicated, each emitted by the next poll', async (_event, spec) => {
		const o = await drive(spec, { skew: -HOUR, steps: steady(10) });
		expect(exactlyOnce(o)).toEqual(OK);
		expect(o.delayed).toBe(0);
		expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 2);
	});
});

describe("C: n8n's clock steps (NTP) between polls", () => {
	it.each(TIME_SOURCES.map((s) => [s.event, s] as const))('%s: n8n jumps back 1 h, later forward 6 h, then back to correct → 0 lost, 0 duplicated, none delayed', async (_event, spec) => {
		const o = await drive(spec, { steps: [...steady(3), { skew: -HOUR }, ...steady(3), { skew: 6 * HOUR }, ...steady(3), { skew: 0 }, ...steady(3)] });
		expect(exactlyOnce(o)).toEqual(OK);
		expect(o.delayed).toBe(0);
		expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 2);
	});
});

describe("D: Capillary's clock steps back 5 minutes (inside the 10-minute late window)", () => {
	it.each(TIME_SOURCES.map((s) => [s.event, s] as const))('%s: events after the step are 5 min behind the newest → all emitted once', async (_event, spec) => {
		const o = await drive(spec, { steps: [...steady(5), { dt: -5 * MINUTE }, ...steady(5)] });
		expect(exactlyOnce(o)).toEqual(OK);
		expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 2);
	});
});

describe('E: event stamps lag the Date header by 15 minutes, log NOT empty at activation (case 7 "honest", every source)', () => {
	it.each(TIME_SOURCES.map((s) => [s.event, s] as const))('%s: 10 new events (stamped 15 min behind the Date header) → 0 lost, 0 duplicated, 0 old', async (_event, spec) => {
		const o = await drive(spec, { lag: 15 * MINUTE, busy: true, steps: steady(10) });
		expect(exactlyOnce(o)).toEqual(OK);
		expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 4);
	});
	it.each(TIME_SOURCES.map((s) => [s.event, s] as const))('%s: same, log empty at activation', async (_event, spec) => {
		const o = await drive(spec, { lag: 15 * MINUTE, busy: false, steps: steady(10) });
		expect(exactlyOnce(o)).toEqual(OK);
		expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 4);
	});
});

describe('F: a long outage — n8n does not poll for 2 days, then catches up', () => {
	it.each(SOURCES.map((s) => [s.event, s] as const))('%s: 48 events over 2 days while down, 5 after → 0 lost, 0 duplicated', async (_event, spec) => {
		const down: Step[] = Array.from({ length: 48 }, () => ({ dt: HOUR, noPoll: true }));
		const o = await drive(spec, { steps: [...steady(2), ...down, ...steady(5)] });
		expect(exactlyOnce(o)).toEqual(OK);
		expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 40);
	});
});

describe('G: a future-dated event (client billing time +24 h), n8n 1 hour ahead, Date header present', () => {
	it.each(TIME_SOURCES.filter((s) => s.event !== 'behaviouralEvent').map((s) => [s.event, s] as const))('%s: 10 ordinary events after the future-dated one → 0 lost', async (_event, spec) => {
		const o = await drive(spec, { skew: HOUR, steps: [{ stamp: DAY }, ...steady(10)] });
		expect(exactlyOnce(o)).toEqual(OK);
	});
});

describe('H: stamps in another format/zone than the Org Time Zone', () => {
	it('rejections stamped in UTC with "Z" (server filters days by the stamp\'s own date), org Asia/Kolkata, across IST midnight → 0 lost', async () => {
		const world = new World();
		world.rejectionStamp = (t) => isoZ(t);
		const spec = SOURCES.find((s) => s.event === 'rejectedTransaction')!;
		// Start at 23:50 IST (18:20Z): events every minute across IST midnight.
		const start = Date.UTC(2026, 0, 15, 18, 20) - T0;
		const o = await drive(spec, { world, steps: [{ dt: start, add: 0 }, ...steady(40)] });
		expect(exactlyOnce(o)).toEqual(OK);
	});
});

describe('G2: no Date header, n8n 1 hour ahead (its clock is all the trigger has)', () => {
	it.each(TIME_SOURCES.map((s) => [s.event, s] as const))('%s: 10 new events → 0 lost, 0 duplicated', async (_event, spec) => {
		const o = await drive(spec, { skew: HOUR, header: 'none', steps: steady(10) });
		expect(exactlyOnce(o)).toEqual(OK);
		expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 2);
	});
});

describe('J: a 2-day outage with volume, then catch-up in several polls (Max Events per Poll 500)', () => {
	it.each(['behaviouralEvent', 'rejectedTransaction', 'customerPointsLedger', 'userGroupTransaction', 'request'].map((e) => [e, SOURCES.find((s) => s.event === e)!] as const))(
		'%s: 1,440 events over 2 days while down → 0 lost, 0 duplicated (per-poll size not asserted)',
		async (_event, spec) => {
			// 30 events an hour (a second apart within each step) for 48 hours.
			const down: Step[] = Array.from({ length: 48 }, () => ({ dt: HOUR, add: 30, noPoll: true }));
			const o = await drive(spec, { steps: [...steady(2), ...down, ...steady(3)], options: { maxEvents: 500 } });
			expect(exactlyOnce(o)).toEqual(OK);
			expect(o.requests).toBeLessThanOrEqual(o.polls * 3 + 400);
		},
	);
});
