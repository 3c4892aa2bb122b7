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
		resume?: { key: string; hints: Record<string, unknown>; settle: Array<(floor: number) => void> };
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
	let back = 4;
	let tail: Set<string> | undefined;
	let reread = false;
	let more = true;
	/** [offset, newest position] of each page read, to find where the next poll can start. */
	const pages: Array<[number, number]> = [];
	// A list filtered by day starts below the cursor: pages wholly below it are skipped in growing
	// jumps, then the page where the cursor lies is found by halving (a few requests, not all pages).
	let seeking = !!spec.resume && !spec.pageNumbers;
	let below = -1;
	let jump = 1;
	let above = Infinity;
	for (;;) {
		reader.count(endpoint, limit);
		const page = await spec.fetch(offset, limit);
		const full = page.count >= limit;
		if (checkStart) {
			// Resumed: only safe if the first page still starts below the cursor; otherwise step back,
			// further each time. Past the end of the list (the hint is stale), start from the beginning.
			if (page.events.length === 0 || oldestPosition(page.events) >= reader.from) {
				offset = page.events.length === 0 ? 0 : Math.max(0, offset - back * step);
				back *= 2;
				checkStart = offset > 0;
				continue;
			}
			checkStart = false;
		}
		if (seeking) {
			const whollyBelow = full && page.events.length > 0 && newestPosition(page.events) < reader.from;
			if (whollyBelow) {
				below = offset;
				// Below the cursor, so below the next floor too: a place the next poll can start from.
				pages.push([offset, newestPosition(page.events)]);
			} else above = Math.min(above, offset);
			if (below >= 0 && above - below > step) {
				offset = above === Infinity ? below + step * jump : below + step * Math.floor((above - below) / step / 2);
				jump *= 2;
				continue;
			}
			// Found: this page is the last wholly below the cursor or the next one (the pages overlap, so
			// an entry that left meanwhile shifts nothing past the cursor); read on from it.
			seeking = false;
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
		if (page.events.length > 0) pages.push([offset, newestPosition(page.events)]);
		if (!full || !more) break;
		tail = new Set(page.events.slice(Math.max(0, page.events.length - margin)).map((e) => e.id));
		offset += step;
	}
	const resume = spec.resume;
	// Where the floor lies in the list is only known for a list in position order.
	if (resume && !reader.inOrder) {
		delete resume.hints.offset;
		delete resume.hints.key;
	} else if (resume) {
		// Once the poll's new floor is known: the last page entirely below it is where the next poll starts.
		resume.settle.push((floor) => {
			let start = 0;
			for (const [pageOffset, newest] of pages) if (newest < floor && pageOffset > start) start = pageOffset;
			if (start > 0) resume.hints.offset = start;
			else delete resume.hints.offset;
			resume.hints.key = resume.key;
		});
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
	// Busy: the probe holds the newest `limit`, all of them after its oldest (`top`); walk up from
	// the cursor to `top` in closed windows, then read from just after it with no upper bound.
	let top = oldestPosition(probe.events);
	let width = Math.max(2, Math.floor((top - lo) / 16));
	/** An instant that alone filled a page: windows containing it ask for more at once. */
	let tie: { at: number; limit: number; filled: number } | undefined;
	let shrunk = false;
	for (;;) {
		const open = lo > top;
		const hi = open ? undefined : Math.min(lo + width, top + 2);
		const asked = tie && tie.at >= lo && (hi === undefined || tie.at <= hi) ? tie.limit : limit;
		reader.count(endpoint, limit);
		const page = await spec.fetch(lo, hi, asked);
		if (page.events.some((e) => e.position < lo || (hi !== undefined && e.position > hi))) {
			reader.fail(`Capillary answered ${endpoint} with entries outside the asked dates`, `Asked from_date=${lo} to_date=${hi ?? '(none)'} and got entries outside it: the server seems to ignore the date range, so the log cannot be paged. The trigger stopped instead of asking again.`);
		}
		const oldest = oldestPosition(page.events);
		if (page.count >= asked) {
			if (hi === undefined) {
				// More arrived meanwhile: walk on to the oldest of this page.
				top = oldest;
				continue;
			}
			let atOldest = 0;
			for (const e of page.events) if (e.position === oldest) atOldest++;
			if (atOldest * 2 >= asked || hi - lo <= 2) {
				// One instant fills (most of) the page, or the window is down to one instant: the API has
				// no other way to page, so ask for more at once.
				const at = atOldest * 2 >= asked ? oldest : lo + 1;
				if (asked >= spec.maxLimit) {
					reader.fail(`More than ${spec.maxLimit} entries of ${endpoint} share one instant`, `The log can only be paged by time, and ${new Date(at).toISOString()} alone holds more entries than one request returns (limit ${spec.maxLimit}). The trigger stopped instead of skipping any.`);
				}
				tie = { at, limit: Math.min(spec.maxLimit, asked * 4), filled: asked };
				continue;
			}
			// The newest `asked` reach down to `oldest`: the window up to just past it, or half, is smaller.
			width = Math.max(2, Math.min(Math.floor((hi - lo) / 2), oldest + 1 - lo));
			shrunk = true;
			continue;
		}
		if (tie && asked === tie.limit && page.count === tie.filled && page.events.every((e) => e.position === tie?.at)) {
			reader.fail(`Capillary returns at most ${page.count} entries per request of ${endpoint}`, `More entries share the instant ${new Date(tie.at).toISOString()} than the server returns per request (asked for ${asked}), so the log cannot be paged there without skipping some. The trigger stopped instead of skipping any.`);
		}
		const more = reader.page(page.events, { endpoint, parameter: 'to_date', full: false });
		if (open || !more) return;
		lo = (hi as number) - 1;
		// Sparse: wider windows; but not right after shrinking, or the next window is the dense one again.
		if (page.count < limit / 4 && !shrunk) width *= 2;
		shrunk = false;
	}
}
