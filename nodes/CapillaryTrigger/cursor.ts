import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Exactly-once delivery over a log that can only be read from a position on (a timestamp, or an
 * ID that grows), at any volume, with bounded state.
 *
 * Every event has a key (position, hash of its ID); keys are totally ordered, so events with the
 * same position are never skipped. The state is a floor key and the hashed keys of the events
 * handled at or above it ("seen"):
 *
 *   poll:  read from the floor → events below the floor are old, seen ones are repeats, the rest
 *          are handled in key order (at most `maxEvents` per poll, the rest stay for the next poll)
 *   floor: moves up to (the newest handled position, but never beyond the server's present)
 *          minus the late window, so late events within the window are still read again
 *   seen:  only keys at or above the floor; past SEEN_LIMIT entries the oldest are dropped and
 *          the floor rises to the oldest kept (no repeat ever; the late window shrinks instead)
 *   fail:  throw before touching the state, so the next poll repeats the same read
 */

export interface LogEvent {
	/** Stable dedupe key of the event. */
	id: string;
	/** Position in the log: epoch milliseconds or a growing numeric ID. */
	position: number;
	json: IDataObject;
	/** False when a filter applied by the trigger (not by Capillary) drops it: handled, not emitted. */
	included?: boolean;
}

export interface CursorState {
	version: 2;
	/** Identifies the event type and filters the cursor belongs to; another key means start over. */
	key: string;
	/** Events with a key below [floor, floorHash] are old. */
	floor: number;
	floorHash: string;
	/** Hashed keys of the events handled at or above the floor (see encodeSeen). */
	seen: string;
	/** Paging hints of the source (e.g. where the floor was in an offset-paged list). */
	resume?: IDataObject;
}

/** At most this many remembered keys: about 10 bytes each in the stored state. */
export const SEEN_LIMIT = 20_000;
/** 7 base64url characters = 42 bits; a collision also needs the same position. */
const HASH_LENGTH = 7;

export function hashId(id: string): string {
	return createHash('sha256').update(id).digest('base64url').slice(0, HASH_LENGTH);
}

interface Key {
	position: number;
	hash: string;
}

export function compareKeys(a: Key, b: Key): number {
	return a.position - b.position || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
}

const collator = new Intl.Collator('en', { numeric: true });

export function byPositionThenId(a: LogEvent, b: LogEvent): number {
	return a.position - b.position || collator.compare(a.id, b.id);
}

const keyText = (k: Key) => `${k.position}|${k.hash}`;

/**
 * The remembered keys as one compact string: sorted, each entry the position's increase over the
 * previous entry (base 36, empty when equal) followed by the 7-character hash, comma-separated;
 * the first increase is over the floor.
 */
export function encodeSeen(keys: Key[], base: number): string {
	const parts: string[] = [];
	let previous = base;
	for (const k of keys) {
		const delta = k.position - previous;
		parts.push((delta === 0 ? '' : delta.toString(36)) + k.hash);
		previous = k.position;
	}
	return parts.join(',');
}

export function decodeSeen(text: string, base: number): Key[] {
	if (!text) return [];
	const keys: Key[] = [];
	let previous = base;
	for (const part of text.split(',')) {
		const delta = part.length > HASH_LENGTH ? parseInt(part.slice(0, part.length - HASH_LENGTH), 36) : 0;
		previous += Number.isFinite(delta) ? delta : 0;
		keys.push({ position: previous, hash: part.slice(-HASH_LENGTH) });
	}
	return keys;
}

export function isCursorState(value: unknown, key: string): value is CursorState {
	const state = value as CursorState | undefined;
	return !!state && state.version === 2 && state.key === key && Number.isFinite(state.floor) && typeof state.seen === 'string' && typeof state.floorHash === 'string';
}

/** A state stored by version 1 of this node (cursor + [id, position] list) carried over without repeats. */
export function migrate(value: unknown, key: string, overlap: number, versionOneKey = key): CursorState | undefined {
	const old = value as { version?: number; key?: string; cursor?: number; seen?: Array<[string, number]> } | undefined;
	if (!old || old.version !== 1 || old.key !== versionOneKey || !Number.isFinite(old.cursor) || !Array.isArray(old.seen)) return undefined;
	let floor = Number(old.cursor) - overlap;
	// Version 1 kept at most 5,000 ids: below the oldest kept, repeats were possible; start above.
	if (old.seen.length >= 5000) for (const [, position] of old.seen) floor = Math.max(floor, Math.min(Number(old.cursor), position));
	const keys = old.seen.filter(([, p]) => p >= floor).map(([id, position]) => ({ position, hash: hashId(String(id)) }));
	keys.sort(compareKeys);
	return { version: 2, key, floor, floorHash: '', seen: encodeSeen(keys, floor) };
}

/** A state that delivers everything from `position` on (backfill, or a fresh start). */
export function startAt(key: string, position: number): CursorState {
	return { version: 2, key, floor: position, floorHash: '', seen: '' };
}

interface Candidate extends Key {
	event: LogEvent;
}

const SEED_STUB: LogEvent = { id: '', position: 0, json: {} };

export interface IntakeOptions {
	/** Late window: positions (ms or IDs) behind the newest handled event that are read again. */
	overlap: number;
	/** At most this many new events handled per poll (emitted or filtered out). */
	maxEvents: number;
	/** Seed: remember everything read as old, emit nothing. */
	seed?: boolean;
}

/**
 * One poll's intake: the source offers its pages, the intake says which events are new and,
 * at the end, what to emit and the next state. Memory: the remembered keys, the keys read in
 * this poll and at most 2 × maxEvents candidates.
 */
export class Intake {
	private readonly seen: Set<string>;
	private readonly seenKeys: Key[];
	private readonly read = new Set<string>();
	private candidates: Candidate[] = [];
	private truncated = false;
	private newestRead = -Infinity;
	/** Seed: keys below this were dropped while reading (only the newest SEEN_LIMIT are remembered). */
	private seedFloor: Key | undefined;
	readonly floorKey: Key;

	constructor(
		readonly state: CursorState,
		readonly options: IntakeOptions,
	) {
		this.floorKey = { position: state.floor, hash: state.floorHash };
		this.seenKeys = decodeSeen(state.seen, state.floor);
		this.seen = new Set(this.seenKeys.map(keyText));
	}

	/** Where the source reads from (inclusive). */
	get from(): number {
		return this.state.floor;
	}

	/** An ordered source stops reading once maxEvents new events are in (never while seeding). */
	wantsMore(): boolean {
		return this.options.seed || this.candidates.length < this.options.maxEvents;
	}

	/**
	 * Takes one page; returns how many of its events were not read before in this poll, and tells
	 * `oldestFresh` the lowest position among those (to check a source's order).
	 */
	offer(events: LogEvent[], oldestFresh?: (position: number) => void): number {
		let fresh = 0;
		let oldest = Infinity;
		for (const event of events) {
			// The seed keeps keys only, not the events (they are never emitted).
			const k: Candidate = { position: event.position, hash: hashId(event.id), event: this.options.seed ? SEED_STUB : event };
			const text = keyText(k);
			if (this.read.has(text)) continue;
			this.read.add(text);
			fresh++;
			if (k.position < oldest) oldest = k.position;
			if (compareKeys(k, this.floorKey) < 0) continue;
			if (k.position > this.newestRead) this.newestRead = k.position;
			if (this.seen.has(text)) continue;
			this.candidates.push(k);
			if (!this.options.seed && this.candidates.length >= 2 * this.options.maxEvents) this.keepOldest();
			if (this.options.seed && this.candidates.length >= 2 * SEEN_LIMIT) this.keepNewest();
		}
		if (fresh) oldestFresh?.(oldest);
		return fresh;
	}

	private keepNewest(): void {
		this.candidates.sort(compareKeys);
		this.candidates = this.candidates.slice(this.candidates.length - SEEN_LIMIT);
		this.seedFloor = this.candidates[0];
	}

	private keepOldest(): void {
		this.candidates.sort(compareKeys);
		if (this.candidates.length > this.options.maxEvents) {
			this.candidates.length = this.options.maxEvents;
			this.truncated = true;
		}
	}

	/**
	 * What to emit (oldest first) and the next state. `present` is the server's current time for
	 * time positions: the floor never passes it, so a future-dated event cannot hide later ones.
	 */
	finish(present?: number): { deliver: LogEvent[]; next: CursorState } {
		if (!this.options.seed) this.keepOldest();
		else this.candidates.sort(compareKeys);
		const handled = this.candidates;
		let high = this.truncated ? handled[handled.length - 1].position : this.newestRead;
		if (present !== undefined && Number.isFinite(present)) high = Math.min(high, present);
		let floor: Key = this.floorKey;
		if (Number.isFinite(high) && compareKeys({ position: high - this.options.overlap, hash: '' }, floor) > 0) floor = { position: high - this.options.overlap, hash: '' };
		if (this.seedFloor && compareKeys(this.seedFloor, floor) > 0) floor = this.seedFloor;

		// Merge the remembered keys (sorted) with the handled ones (sorted), keep those at or above the floor.
		const merged: Key[] = [];
		let i = 0;
		let j = 0;
		while (i < this.seenKeys.length || j < handled.length) {
			const next = j >= handled.length || (i < this.seenKeys.length && compareKeys(this.seenKeys[i], handled[j]) <= 0) ? this.seenKeys[i++] : handled[j++];
			if (compareKeys(next, floor) >= 0) merged.push({ position: next.position, hash: next.hash });
		}
		let kept = merged;
		if (merged.length > SEEN_LIMIT) {
			kept = merged.slice(merged.length - SEEN_LIMIT);
			floor = kept[0];
		}
		// Emitted oldest first; events of one instant in ID order (the hash order only decides which stay for the next poll).
		const deliver = this.options.seed ? [] : handled.filter((c) => c.event.included !== false).map((c) => c.event).sort(byPositionThenId);
		const next: CursorState = { version: 2, key: this.state.key, floor: floor.position, floorHash: floor.hash, seen: encodeSeen(kept, floor.position) };
		return { deliver, next };
	}
}
