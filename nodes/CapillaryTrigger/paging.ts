import type { LogEvent } from './cursor';
import { newestPosition, oldestPosition, type PageSink } from './source';

/**
 * The three ways Capillary's logs page, each made safe for an exactly-once trigger: every loop
 * stops when the server has nothing more, counts its requests (Reader.count fails past a hard
 * cap), fails when a full page brings nothing new, and pages on raw entries, never on what a
 * filter of the trigger kept.
 */

export interface Page {
	events: LogEvent[];
	/** Entries the server returned (before the trigger dropped unusable ones). */
	count: number;
}

/**
 * Offset paging (`offset` + `limit`, ascending). Consecutive pages overlap by `margin` entries,
 * so an entry that leaves the list between two requests (e.g. a rejection fixed meanwhile) shifts
 * the rest by one without any entry being skipped; when no entry of the overlap comes back the
 * list moved by more than the margin and the page is read again from further back.
 * `resume`: the query (e.g. its start day) for which the offset where this poll's entries
 * began is remembered, so a later poll with the same query skips what lies below the cursor.
 */
export async function readOffsetPages(
	reader: PageSink,
	spec: {
		endpoint: string;
		limit: number;
		margin: number;
		fetch: (offset: number, limit: number) => Promise<Page>;
		resume?: { key: string; hints: Record<string, unknown> };
		/** Offset counts pages (0, 1, 2 …) instead of entries: no overlap possible. */
		pageNumbers?: boolean;
	},
): Promise<boolean> {
	const { endpoint, limit } = spec;
	const margin = spec.pageNumbers ? 0 : Math.min(spec.margin, limit - 1);
	const step = spec.pageNumbers ? 1 : limit - margin;
	const hint = spec.resume && spec.resume.hints.key === spec.resume.key ? Number(spec.resume.hints.offset) : 0;
	let offset = Number.isFinite(hint) && hint > 0 ? hint : 0;
	let checkStart = offset > 0;
	let tail: Set<string> | undefined;
	let reread = false;
	let more = true;
	let below = -1;
	for (;;) {
		reader.count(endpoint, limit);
		const page = await spec.fetch(offset, limit);
		const full = page.count >= limit;
		if (checkStart) {
			// Resumed: only safe if the first page still starts below the cursor; otherwise step back.
			if (page.events.length === 0 || oldestPosition(page.events) >= reader.from) {
				offset = Math.max(0, offset - 4 * step);
				checkStart = offset > 0;
				continue;
			}
			checkStart = false;
		}
		if (tail && tail.size > 0 && page.events.length > 0 && !page.events.some((e) => tail!.has(e.id))) {
			// None of the overlap came back: entries left the list; read from further back.
			tail = undefined;
			offset = Math.max(0, offset - step);
			reread = true;
			continue;
		}
		// A page read again after a shift may legitimately bring nothing new.
		more = reader.page(page.events, { endpoint, parameter: 'offset', full: full && !reread });
		reread = false;
		if (page.events.length > 0 && newestPosition(page.events) < reader.from) below = offset;
		if (!full || !more) break;
		tail = new Set(page.events.slice(Math.max(0, page.events.length - margin)).map((e) => e.id));
		offset += step;
	}
	if (spec.resume) {
		if (below > 0) spec.resume.hints.offset = below;
		else delete spec.resume.hints.offset;
		spec.resume.hints.key = spec.resume.key;
	}
	return more;
}

/**
 * ID paging (`start_id`, ascending IDs): the next page starts after the highest ID seen. A page
 * whose IDs do not move past the start means the server ignored `start_id`.
 */
export async function readIdPages(
	reader: PageSink,
	spec: { endpoint: string; parameter: string; limit: number; fetch: (startId: number, limit: number) => Promise<Page> },
): Promise<void> {
	let startId = Math.max(0, Math.floor(reader.from));
	for (;;) {
		reader.count(spec.endpoint, spec.limit);
		const page = await spec.fetch(startId, spec.limit);
		const full = page.count >= spec.limit;
		const more = reader.page(page.events, { endpoint: spec.endpoint, parameter: spec.parameter, full });
		if (!full || !more) return;
		const next = newestPosition(page.events) + 1;
		if (!(next > startId)) reader.fail(`Capillary answered ${spec.endpoint} with entries before "${spec.parameter}"`, `The page asked from ${spec.parameter}=${startId} held no higher ID: the server seems to ignore "${spec.parameter}". The trigger stopped instead of asking again.`);
		startId = next;
	}
}

/**
 * A log served newest first with only a date range and `limit` (v2/events/logs). It is read
 * oldest first in time windows: a window that comes back full is halved (or, for one instant,
 * asked with a larger limit) until it comes back complete. Window edges overlap by a
 * millisecond, so whether the server treats `from_date`/`to_date` as inclusive or exclusive,
 * every instant lies inside some window; repeats are dropped by the intake.
 */
export async function readNewestFirst(
	reader: PageSink,
	spec: {
		endpoint: string;
		limit: number;
		maxLimit: number;
		fetch: (from: number, to: number | undefined, limit: number) => Promise<Page>;
	},
): Promise<void> {
	const { endpoint, limit } = spec;
	let lo = Math.floor(reader.from) - 1;
	reader.count(endpoint, limit);
	const probe = await spec.fetch(lo, undefined, limit);
	if (probe.count < limit) {
		reader.page(probe.events, { endpoint, parameter: 'to_date', full: false });
		return;
	}
	// Busy: the probe holds the newest `limit`; walk up from the cursor to them in windows.
	let top = oldestPosition(probe.events);
	let width = Math.max(2, Math.floor((newestPosition(probe.events) - top) / 2), Math.floor((top - lo) / 64));
	let asked = limit;
	for (;;) {
		const open = lo + width >= top;
		const hi = open ? undefined : lo + width;
		reader.count(endpoint, limit);
		const page = await spec.fetch(lo, hi, asked);
		if (page.count >= asked) {
			const outside = page.events.some((e) => e.position < lo || (hi !== undefined && e.position > hi));
			if (outside) reader.fail(`Capillary answered ${endpoint} with entries outside the asked dates`, `Asked from_date=${lo} to_date=${hi ?? '(none)'} and got entries outside it: the server seems to ignore the date range, so the log cannot be paged. The trigger stopped instead of asking again.`);
			if (open) top = oldestPosition(page.events);
			const span = (hi ?? top) - lo;
			if (span > 2) {
				width = Math.max(2, Math.floor(span / 2));
				continue;
			}
			if (asked < spec.maxLimit) {
				asked = Math.min(spec.maxLimit, asked * 4);
				continue;
			}
			reader.fail(`More than ${spec.maxLimit} entries of ${endpoint} share one instant`, `The log can only be paged by time, and ${new Date(lo + 1).toISOString()} alone holds more entries than one request returns (limit ${spec.maxLimit}). The trigger stopped instead of skipping any.`);
		}
		if (asked > limit && page.count === asked / 4) {
			reader.fail(`Capillary limits ${endpoint} to ${page.count} entries per request`, `More entries share one instant than the server returns per request, so the log cannot be paged there without skipping some. The trigger stopped instead of skipping any.`);
		}
		const more = reader.page(page.events, { endpoint, parameter: 'to_date', full: false });
		if (open || !more) return;
		lo = lo + width - 1;
		if (page.count < asked / 4) width *= 2;
		asked = limit;
	}
}
