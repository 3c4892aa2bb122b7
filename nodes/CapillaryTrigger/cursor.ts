import type { IDataObject } from 'n8n-workflow';

/**
 * Exactly-once delivery over a log that can only be read by position (a timestamp, or an ID that
 * grows). The cursor is the highest position delivered; each poll re-reads from
 * `cursor - overlap` so that events written late (with a position just behind the cursor) are
 * still seen, and a bounded set of remembered IDs inside that overlap drops the repeats.
 *
 *   seed:  remember what exists now, deliver nothing (or deliver from a backfill position)
 *   poll:  read [cursor - overlap, …) → deliver the unseen, oldest first → advance
 *   fail:  throw before touching the state, so the next poll repeats the same window
 */

export interface LogEvent {
	/** Stable dedupe key of the event. */
	id: string;
	/** Position in the log: epoch milliseconds or a growing numeric ID. */
	position: number;
	json: IDataObject;
}

export interface CursorState {
	version: 1;
	/** Identifies the event type and filters the cursor belongs to; another key means start over. */
	key: string;
	cursor: number;
	/** [id, position] of events delivered inside the overlap window. */
	seen: Array<[string, number]>;
}

export interface PollPlan {
	/** Read the log from this position (inclusive). */
	from: number;
}

export const MAX_REMEMBERED = 5000;

export function isCursorState(value: unknown, key: string): value is CursorState {
	const state = value as CursorState | undefined;
	return (
		!!state &&
		state.version === 1 &&
		state.key === key &&
		typeof state.cursor === 'number' &&
		Number.isFinite(state.cursor) &&
		Array.isArray(state.seen)
	);
}

export function byPosition(a: LogEvent, b: LogEvent): number {
	return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where the next read starts. */
export function planPoll(state: CursorState, overlap: number): PollPlan {
	return { from: state.cursor - overlap };
}

/**
 * What to deliver from a read and the state after delivering it. Pure: the caller stores the
 * new state only once the read has fully succeeded.
 */
export function advance(state: CursorState, events: LogEvent[], overlap: number): { deliver: LogEvent[]; next: CursorState } {
	const from = state.cursor - overlap;
	const seen = new Map(state.seen);
	const deliver: LogEvent[] = [];
	const unique = new Map<string, LogEvent>();
	for (const event of events) unique.set(event.id, event);
	for (const event of [...unique.values()].sort(byPosition)) {
		if (event.position < from || seen.has(event.id)) continue;
		deliver.push(event);
		seen.set(event.id, event.position);
	}
	const highest = Math.max(state.cursor, ...[...unique.values()].map((e) => e.position));
	return { deliver, next: { ...state, cursor: highest, seen: remembered(seen, highest - overlap) } };
}

/**
 * A fresh state that treats everything read as already delivered. `head` is where the log is now
 * (the current time for time positions, the newest ID for ID positions).
 */
export function seed(key: string, events: LogEvent[], head: number, overlap: number): CursorState {
	const highest = Math.max(head, ...events.map((e) => e.position));
	const seen = new Map(events.map((e) => [e.id, e.position] as [string, number]));
	return { version: 1, key, cursor: highest, seen: remembered(seen, highest - overlap) };
}

/** A state that delivers everything from `position` on (backfill): the first read starts exactly there. */
export function startAt(key: string, position: number, overlap: number): CursorState {
	return { version: 1, key, cursor: position + overlap, seen: [] };
}

/** Only what can still be read again (inside the overlap), newest first, at most MAX_REMEMBERED. */
function remembered(seen: Map<string, number>, floor: number): Array<[string, number]> {
	return [...seen.entries()]
		.filter(([, position]) => position >= floor)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_REMEMBERED);
}
