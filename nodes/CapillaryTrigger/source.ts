import type { IDataObject, IHttpRequestMethods, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { baseUrlOf, hostOf } from '../../credentials/CapillaryAuth';
import { unwrap } from '../Capillary/shared/envelopes';
import { findProblem, problemToError } from '../Capillary/shared/errors';
import { familyOf } from '../Capillary/shared/operation';
import { credentialTypeOf, sendRequest } from '../Capillary/shared/transport';
import type { Intake, LogEvent } from './cursor';
import type { Page } from './paging';
import { ambiguityMs, formatFor, toEpoch, type DateFormat } from './time';

/**
 * One pollable Capillary log: its filters, how to read it from a position on, and how to read its
 * newest entries. Positions are epoch milliseconds (`time`) or growing IDs (`id`).
 */
export interface LogSource {
	value: string;
	name: string;
	description: string;
	kind: 'time' | 'id';
	/**
	 * True when `read` hands over pages in ascending position order, so it may stop once the
	 * trigger has enough for this poll; false when it must read everything from the position on.
	 */
	ordered: boolean;
	fields: INodeProperties[];
	/** Hands every event at or after `sink.from` to `sink.page`, page by page. */
	read(context: PollContext, sink: PageSink): Promise<void>;
	/** The newest `count` events (manual runs). */
	recent(context: PollContext, count: number): Promise<LogEvent[]>;
	/**
	 * For the first activation: the newest event's position, null when the log is empty, undefined
	 * when unknown without reading much (the request still tells the server's clock). Default: recent(1).
	 */
	head?(context: PollContext): Promise<number | null | undefined>;
	/** Parameters that identify what is watched; a change restarts the cursor. */
	identity(context: PollContext): unknown[];
}

export interface PageInfo {
	/** The endpoint, for error messages: "GET /v2/…". */
	endpoint: string;
	/** The query parameter that pages, for error messages. */
	parameter: string;
	/** The page was as long as asked for (so more may follow). */
	full: boolean;
}

/** Requests per poll and endpoint at most: beyond it the server is not paging the way it says. */
export function pageLimit(maxEvents: number, seenLimit: number, pageSize: number): number {
	return 50 + Math.ceil((2 * (maxEvents + seenLimit)) / Math.max(1, pageSize));
}

/** What a source hands its pages to. */
export interface PageSink {
	/** Read events at or after this position. */
	readonly from: number;
	/** False once a page held an event older than an earlier page's (the server does not sort as documented). */
	readonly inOrder: boolean;
	/** Takes one page. Returns false when the trigger has enough for this poll (ordered sources then stop). */
	page(events: LogEvent[], info: PageInfo): boolean;
	/** Counts a request to `endpoint` (fails past the cap). */
	count(endpoint: string, pageSize: number): void;
	/** Stops the poll with a clear error. */
	fail(message: string, description: string): never;
}

/**
 * The poll's sink: its intake, behind guards against a server that ignores the paging parameter
 * (the same page again) or never stops paging.
 */
export class Reader implements PageSink {
	private readonly requests = new Map<string, number>();
	private newest = -Infinity;
	inOrder = true;

	constructor(
		private readonly context: PollContext,
		private readonly intake: Intake,
		private readonly maxRequests: (pageSize: number) => number,
		/** Only a source read in position order may stop once the intake has enough. */
		private readonly ordered: boolean,
	) {}

	get from(): number {
		return this.intake.from;
	}

	page(events: LogEvent[], info: PageInfo): boolean {
		const before = this.newest;
		for (const e of events) if (e.position > this.newest) this.newest = e.position;
		const fresh = this.intake.offer(events, (oldestFresh) => {
			// A server that does not sort as documented: read everything this poll, never stop early.
			if (oldestFresh < before) this.inOrder = false;
		});
		if (info.full && events.length > 0 && fresh === 0) {
			throw new NodeOperationError(this.context.n8n.getNode(), `Capillary answered ${info.endpoint} with the same entries again`, {
				description: `A full page brought nothing new: the server seems to ignore the paging parameter "${info.parameter}". The trigger stopped instead of asking again; nothing was emitted by this poll and the next poll starts from the same place.`,
			});
		}
		return !(this.ordered && this.inOrder) || this.intake.wantsMore();
	}

	count(endpoint: string, pageSize: number): void {
		const sent = (this.requests.get(endpoint) ?? 0) + 1;
		this.requests.set(endpoint, sent);
		const max = this.maxRequests(pageSize);
		if (sent > max) {
			throw new NodeOperationError(this.context.n8n.getNode(), `Capillary kept paging ${endpoint}: more than ${max} requests in one poll`, {
				description: `The trigger stops a poll after ${max} requests to one endpoint (pages of ${pageSize}). Nothing was emitted by this poll and the next poll starts from the same place. If the log really holds that much, lower "Max Events per Poll".`,
			});
		}
	}

	fail(message: string, description: string): never {
		throw new NodeOperationError(this.context.n8n.getNode(), message, { description });
	}
}

/** What a source needs while polling. */
export class PollContext {
	/** The server's clock: the newest Date header received (epoch ms), if any. */
	serverDate: number | undefined;

	/** Called with the poll's new floor before the state is stored (to update `resume`). */
	readonly settle: Array<(floor: number) => void> = [];

	/** Entries read with an ID and a time, and the first of those without (see `checkReadable`). */
	readable = 0;
	unreadable: { seen: Set<string>; first?: IDataObject } = { seen: new Set() };

	/** Results of one-off lookups (e.g. identifier → customer ID) and paging hints, kept in static data. */
	constructor(
		readonly n8n: IPollFunctions,
		readonly timeZone: string,
		readonly memo: IDataObject,
		readonly resume: IDataObject = {},
	) {}

	param<T = string>(name: string, fallback?: T): T {
		return this.n8n.getNodeParameter(name, fallback as never) as T;
	}

	date(epoch: number, format: DateFormat): string {
		return formatFor(epoch, format, this.timeZone);
	}

	/**
	 * A lower bound for a date filter: local times without an offset are moved back by the DST
	 * shift around them, so a server that reads a repeated hour as its second occurrence still
	 * returns everything from `epoch` on.
	 */
	since(epoch: number, format: DateFormat): string {
		const local = format === 'date' || format === 'dateTime' || format === 'localIso';
		const since = formatFor(local ? epoch - ambiguityMs(epoch, this.timeZone) : epoch, format, this.timeZone);
		if (format !== 'date') return since;
		// A server that files entries by their UTC day (stamps ending in Z) starts the org's day hours
		// off: ask from the earlier of the two days (one more day read, in the hours they differ).
		const utcDay = formatFor(epoch, 'date', 'UTC');
		return utcDay < since ? utcDay : since;
	}

	epoch(value: unknown): number | undefined {
		return toEpoch(value, this.timeZone);
	}

	/** The later of n8n's and Capillary's clocks: for upper bounds of date filters only. */
	latest(): number {
		return Math.max(Date.now(), this.serverDate ?? 0);
	}

	/** GET (by default) a Capillary endpoint and return its entities, with the action node's error mapping. */
	async get(path: string, qs: IDataObject, options: { items?: string; method?: IHttpRequestMethods } = {}): Promise<{ entities: IDataObject[]; total?: number }> {
		const credentials = await this.n8n.getCredentials(credentialTypeOf(this.n8n));
		const baseURL = baseUrlOf(credentials);
		const family = familyOf(path);
		const query: IDataObject = {};
		for (const [key, value] of Object.entries(qs)) if (value !== undefined && value !== null && value !== '') query[key] = value;
		if (family === 'v1.1') query.format = 'json';
		const response = await sendRequest(
			this.n8n,
			{ method: options.method ?? 'GET', baseURL, url: path, qs: query, headers: { Accept: 'application/json' } },
			{ idempotent: true },
		);
		const date = Date.parse(String(response.headers.date ?? response.headers.Date ?? ''));
		if (Number.isFinite(date)) this.serverDate = date;
		const problem = findProblem(family, response.statusCode, response.body);
		if (problem) throw problemToError(this.n8n.getNode(), problem, { host: hostOf(baseURL), body: response.body, attempts: response.attempts });
		const unwrapped = unwrap(family, response.body, { items: options.items });
		// Plain values where entries belong are entries the trigger cannot read (see `checkReadable`).
		for (const value of unwrapped.strays ?? []) {
			if (this.unreadable.seen.size < 1000) this.unreadable.seen.add(JSON.stringify(value));
			this.unreadable.first ??= { value } as IDataObject;
		}
		return unwrapped;
	}
}

/** An event built from a Capillary entity: id and position taken from the given fields. */
export function toEvent(
	context: PollContext,
	entity: IDataObject,
	id: string | undefined,
	position: number | undefined,
): LogEvent | undefined {
	if (id === undefined || id === '' || position === undefined || !Number.isFinite(position)) {
		// Distinct entries (the same may be read twice in a poll), counted up to a bound.
		if (context.unreadable.seen.size < 1000) context.unreadable.seen.add(JSON.stringify(entity));
		context.unreadable.first ??= entity;
		return undefined;
	}
	context.readable++;
	return { id, position: Math.round(position), json: entity };
}

/**
 * Entries the trigger cannot place (no ID, or a time in no format it reads) are skipped. When a
 * poll read nothing else, that is most likely a format Capillary changed: fail loudly rather than
 * deliver nothing, silently, forever (the cursor does not move).
 */
export function checkReadable(context: PollContext): void {
	const { seen, first } = context.unreadable;
	const count = seen.size;
	if (count === 0 || context.readable > 0) return;
	throw new NodeOperationError(context.n8n.getNode(), `Capillary answered ${count} ${count === 1 ? 'entry' : 'entries'} the trigger cannot read`, {
		description: `Each event needs an ID and a time in a format the trigger reads (ISO 8601, "yyyy-MM-dd HH:mm:ss" in the Org Time Zone, epoch seconds or milliseconds). The first one: ${JSON.stringify(first).slice(0, 300)}. Nothing was emitted and the trigger's position did not move.`,
	});
}

export function isEvent(e: LogEvent | undefined): e is LogEvent {
	return e !== undefined;
}

/** One page of a log: how many entries came back, and the events read from them. */
export function pageOf(entities: IDataObject[], event: (e: IDataObject) => LogEvent | undefined): Page {
	return { count: entities.length, events: entities.map(event).filter(isEvent) };
}

/** The `count` newest events that pass the filters. */
export function newestFirst(events: LogEvent[], count: number): LogEvent[] {
	return events
		.filter((e) => e.included !== false)
		.sort((a, b) => b.position - a.position)
		.slice(0, count);
}

/** Highest position of a list, without spreading it into Math.max. */
export function newestPosition(events: LogEvent[]): number {
	let newest = -Infinity;
	for (const e of events) if (e.position > newest) newest = e.position;
	return newest;
}

export function oldestPosition(events: LogEvent[]): number {
	let oldest = Infinity;
	for (const e of events) if (e.position < oldest) oldest = e.position;
	return oldest;
}
