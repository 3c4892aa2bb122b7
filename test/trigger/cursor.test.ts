/** The exactly-once cursor and the time handling, as pure functions. */
import { advance, MAX_REMEMBERED, planPoll, seed, startAt, type LogEvent } from '../../dist/nodes/CapillaryTrigger/cursor';
import { formatFor, toEpoch } from '../../dist/nodes/CapillaryTrigger/time';

const ev = (id: string, position: number): LogEvent => ({ id, position, json: { id } });

describe('cursor', () => {
	const overlap = 100;

	it('seeding remembers what exists and delivers nothing of it later', () => {
		const state = seed('k', [ev('a', 950), ev('b', 990)], 1000, overlap);
		expect(state.cursor).toBe(1000);
		const { deliver } = advance(state, [ev('a', 950), ev('b', 990), ev('c', 1005)], overlap);
		expect(deliver.map((e) => e.id)).toEqual(['c']);
	});

	it('delivers several events with the same position once each, oldest first, ties by id', () => {
		const state = seed('k', [], 1000, overlap);
		const { deliver, next } = advance(state, [ev('z', 1010), ev('x', 1010), ev('y', 1005)], overlap);
		expect(deliver.map((e) => e.id)).toEqual(['y', 'x', 'z']);
		const again = advance(next, [ev('z', 1010), ev('x', 1010), ev('w', 1010)], overlap);
		expect(again.deliver.map((e) => e.id)).toEqual(['w']);
	});

	it('catches an event written late, behind the cursor but inside the overlap', () => {
		const { next } = advance(seed('k', [], 1000, overlap), [ev('a', 1050)], overlap);
		expect(planPoll(next, overlap).from).toBe(950);
		const late = advance(next, [ev('a', 1050), ev('late', 1020)], overlap);
		expect(late.deliver.map((e) => e.id)).toEqual(['late']);
	});

	it('keeps the remembered ids bounded to the overlap window (and a hard cap)', () => {
		let state = seed('k', [], 0, overlap);
		for (let poll = 1; poll <= 50; poll++) {
			const events = Array.from({ length: 20 }, (_, i) => ev(`${poll}-${i}`, poll * 1000 + i));
			state = advance(state, events, overlap).next;
		}
		expect(state.seen.length).toBe(20);
		const burst = Array.from({ length: MAX_REMEMBERED + 500 }, (_, i) => ev(`b${i}`, 60_000));
		expect(advance(state, burst, overlap).next.seen.length).toBe(MAX_REMEMBERED);
	});

	it('does not move backwards, and survives a JSON round trip', () => {
		const state = JSON.parse(JSON.stringify(advance(seed('k', [], 1000, overlap), [ev('a', 1200)], overlap).next));
		expect(advance(state, [], overlap).next.cursor).toBe(1200);
	});

	it('backfill delivers from the given position on, not before', () => {
		const state = startAt('k', 500, overlap);
		expect(planPoll(state, overlap).from).toBe(500);
		const { deliver } = advance(state, [ev('old', 499), ev('a', 500), ev('b', 800)], overlap);
		expect(deliver.map((e) => e.id)).toEqual(['a', 'b']);
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

	it('rejects what is not a timestamp', () => {
		expect(toEpoch('yesterday', 'UTC')).toBeUndefined();
		expect(toEpoch(null, 'UTC')).toBeUndefined();
	});
});
