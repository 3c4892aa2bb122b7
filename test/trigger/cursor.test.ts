/** The exactly-once cursor and the time handling, as pure functions. */
import { decodeSeen, encodeSeen, hashId, Intake, migrate, SEEN_LIMIT, startAt, type CursorState, type LogEvent } from '../../dist/nodes/CapillaryTrigger/cursor';
import { ambiguityMs, formatFor, toEpoch } from '../../dist/nodes/CapillaryTrigger/time';

const ev = (id: string, position: number): LogEvent => ({ id, position, json: { id } });

/** One poll over `events` (what the server returns from the floor on). */
function poll(state: CursorState, events: LogEvent[], options: { overlap?: number; maxEvents?: number; seed?: boolean; present?: number } = {}) {
	const intake = new Intake(state, { overlap: options.overlap ?? 100, maxEvents: options.maxEvents ?? 10_000, seed: options.seed });
	intake.offer(events.filter((e) => e.position >= state.floor));
	const { deliver, next } = intake.finish(options.present);
	return { ids: deliver.map((e) => e.id), next: JSON.parse(JSON.stringify(next)) as CursorState };
}

describe('cursor', () => {
	it('seeding remembers what exists and delivers nothing of it later', () => {
		const seeded = poll(startAt('k', 900), [ev('a', 950), ev('b', 990)], { seed: true });
		expect(seeded.ids).toEqual([]);
		expect(poll(seeded.next, [ev('a', 950), ev('b', 990), ev('c', 1005)]).ids).toEqual(['c']);
	});

	it('delivers several events with the same position once each, oldest first, ties by id', () => {
		const { ids, next } = poll(startAt('k', 1000), [ev('z', 1010), ev('x', 1010), ev('y', 1005)]);
		expect(ids).toEqual(['y', 'x', 'z']);
		expect(poll(next, [ev('z', 1010), ev('x', 1010), ev('w', 1010)]).ids).toEqual(['w']);
	});

	it('catches an event written late, behind the newest but inside the overlap', () => {
		const { next } = poll(startAt('k', 900), [ev('a', 1050)]);
		expect(next.floor).toBe(950);
		expect(poll(next, [ev('a', 1050), ev('late', 1020)]).ids).toEqual(['late']);
	});

	it('keeps the remembered keys bounded to the overlap window', () => {
		let state = startAt('k', 0);
		for (let round = 1; round <= 50; round++) state = poll(state, Array.from({ length: 20 }, (_, i) => ev(`${round}-${i}`, round * 1000 + i))).next;
		expect(decodeSeen(state.seen, state.floor)).toHaveLength(20);
	});

	it(`past ${SEEN_LIMIT} remembered keys the floor rises instead: 0 of 30,000 repeated`, () => {
		const burst = Array.from({ length: 30_000 }, (_, i) => ev(`b${i}`, 60_000 + Math.floor(i / 7)));
		const first = poll(startAt('k', 0), burst, { overlap: 1_000_000, maxEvents: 30_000 });
		expect(first.ids).toHaveLength(30_000);
		expect(decodeSeen(first.next.seen, first.next.floor)).toHaveLength(SEEN_LIMIT);
		expect(poll(first.next, [...burst, ev('new', 70_000)], { overlap: 1_000_000 }).ids).toEqual(['new']);
	});

	it('emits at most maxEvents per poll, oldest first, the rest on the next polls: 0 lost, 0 repeated', () => {
		const backlog = Array.from({ length: 2_500 }, (_, i) => ev(`e${i}`, 1000 + Math.floor(i / 3)));
		let state = startAt('k', 0);
		const emitted: string[] = [];
		for (let round = 0; round < 3; round++) {
			const { ids, next } = poll(state, backlog, { maxEvents: 1000 });
			expect(ids.length).toBeLessThanOrEqual(1000);
			emitted.push(...ids);
			state = next;
		}
		expect(emitted).toHaveLength(2_500);
		expect(new Set(emitted).size).toBe(2_500);
	});

	it('never moves the floor past the present: a future-dated event hides nothing', () => {
		const { ids, next } = poll(startAt('k', 0), [ev('future', 90_000)], { present: 1000 });
		expect(ids).toEqual(['future']);
		expect(next.floor).toBeLessThanOrEqual(1000);
		expect(poll(next, [ev('future', 90_000), ev('now', 1001)], { present: 1100 }).ids).toEqual(['now']);
	});

	it('stores the remembered keys compactly and reads them back exactly', () => {
		const keys = [1000, 1000, 1003, 2_000_000].map((position, i) => ({ position, hash: hashId(`id${i}`) })).sort((a, b) => a.position - b.position || (a.hash < b.hash ? -1 : 1));
		const text = encodeSeen(keys, 900);
		expect(decodeSeen(text, 900)).toEqual(keys);
		expect(text.length).toBeLessThan(4 * 12);
	});

	it('carries a version 1 state over without repeating what it delivered', () => {
		const old = { version: 1, key: 'k', cursor: 1000, seen: [['a', 990], ['b', 1000]] };
		const state = migrate(old, 'k', 100)!;
		expect(poll(state, [ev('a', 990), ev('b', 1000), ev('c', 1001)]).ids).toEqual(['c']);
		expect(migrate(old, 'other', 100)).toBeUndefined();
	});

	it('backfill delivers from the given position on, not before', () => {
		expect(poll(startAt('k', 500), [ev('old', 499), ev('a', 500), ev('b', 800)]).ids).toEqual(['a', 'b']);
	});
});

describe('time', () => {
	it('reads offsets, UTC, epoch seconds and milliseconds as the same instant', () => {
		const instant = Date.UTC(2023, 4, 15, 6, 3, 2);
		expect(toEpoch('2023-05-15T11:33:02+05:30', 'UTC')).toBe(instant);
		expect(toEpoch('2023-05-15T06:03:02Z', 'Asia/Kolkata')).toBe(instant);
		expect(toEpoch(instant, 'UTC')).toBe(instant);
		expect(toEpoch(instant / 1000, 'UTC')).toBe(instant);
		expect(toEpoch(String(instant), 'UTC')).toBe(instant);
	});

	it('reads local times without an offset in the org time zone', () => {
		expect(toEpoch('2023-05-15 11:33:02', 'Asia/Kolkata')).toBe(Date.UTC(2023, 4, 15, 6, 3, 2));
		expect(toEpoch('2022-02-14 18:30:59.0', 'Europe/London')).toBe(Date.UTC(2022, 1, 14, 18, 30, 59));
		expect(toEpoch('2022-07-14 18:30:59', 'Europe/London')).toBe(Date.UTC(2022, 6, 14, 17, 30, 59));
		expect(toEpoch('2024-01-02', 'America/New_York')).toBe(Date.UTC(2024, 0, 2, 5));
	});

	it('writes filters in each endpoint format, in the org time zone', () => {
		const instant = Date.UTC(2023, 4, 15, 20, 0, 0);
		expect(formatFor(instant, 'date', 'Asia/Kolkata')).toBe('2023-05-16');
		expect(formatFor(instant, 'dateTime', 'Asia/Kolkata')).toBe('2023-05-16 01:30:00');
		expect(formatFor(instant, 'iso', 'Asia/Kolkata')).toBe('2023-05-16T01:30:00+05:30');
		expect(formatFor(instant, 'iso', 'America/New_York')).toBe('2023-05-15T16:00:00-04:00');
		expect(formatFor(instant, 'epochMs', 'UTC')).toBe(String(instant));
	});

	it('reads a local time of the repeated hour (clocks go back) as its later occurrence, and one after clocks go forward exactly', () => {
		// New York, 2024-11-03: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
		expect(toEpoch('2024-11-03 01:30:00', 'America/New_York')).toBe(Date.UTC(2024, 10, 3, 6, 30));
		expect(toEpoch('2024-11-03 00:30:00', 'America/New_York')).toBe(Date.UTC(2024, 10, 3, 4, 30));
		expect(toEpoch('2024-11-03 02:30:00', 'America/New_York')).toBe(Date.UTC(2024, 10, 3, 7, 30));
		// 2024-03-10: 02:00 → 03:00; 01:59 EST and 03:00 EDT are one minute apart.
		expect(toEpoch('2024-03-10 01:59:00', 'America/New_York')).toBe(Date.UTC(2024, 2, 10, 6, 59));
		expect(toEpoch('2024-03-10 03:00:00', 'America/New_York')).toBe(Date.UTC(2024, 2, 10, 7, 0));
		expect(ambiguityMs(Date.UTC(2024, 10, 3, 6), 'America/New_York')).toBe(3_600_000);
		expect(ambiguityMs(Date.UTC(2024, 6, 3, 6), 'America/New_York')).toBe(0);
		expect(formatFor(Date.UTC(2024, 10, 3, 6, 30), 'localIso', 'America/New_York')).toBe('2024-11-03T01:30:00');
	});

	it("reads the other shapes in Capillary's answers; IST is India's time", () => {
		const instant = Date.UTC(2016, 7, 5, 16, 30);
		expect(toEpoch('2016-08-05 22:00:00IST', 'UTC')).toBe(instant);
		expect(toEpoch('2016-08-05 22:00::IST', 'UTC')).toBe(instant);
		expect(toEpoch('2016-08-05 22:00:00 IST', 'America/New_York')).toBe(instant);
		expect(toEpoch('Fri Aug 05 22:00:00 IST 2016', 'UTC')).toBe(instant);
		expect(toEpoch('Fri Aug 05 16:30:00 UTC 2016', 'Asia/Kolkata')).toBe(instant);
		expect(toEpoch('2016-08-05T22:00:00+05:30[Asia/Kolkata]', 'UTC')).toBe(instant);
		expect(toEpoch('2016-08-05T11:30:00-0500', 'UTC')).toBe(instant);
		expect(toEpoch('Fri, 05 Aug 2016 16:30:00 GMT', 'Asia/Kolkata')).toBe(instant);
		// Without a zone: the org's, whatever the separators and digits.
		expect(toEpoch('2016/08/05 22:00:00', 'Asia/Kolkata')).toBe(instant);
		expect(toEpoch('2016-8-5 22:00:00', 'Asia/Kolkata')).toBe(instant);
	});

	it("rejects what is not a timestamp, and shapes that would be read in this process's zone or day-month swapped", () => {
		expect(toEpoch('yesterday', 'UTC')).toBeUndefined();
		expect(toEpoch(null, 'UTC')).toBeUndefined();
		expect(toEpoch('01-06-2024 12:00:00', 'UTC')).toBeUndefined();
		expect(toEpoch('06/01/2024 12:00', 'UTC')).toBeUndefined();
		expect(toEpoch('June 1, 2024 12:00', 'UTC')).toBeUndefined();
		expect(toEpoch('2024-06-01 12:00:00 PST', 'UTC')).toBeUndefined();
	});
});
