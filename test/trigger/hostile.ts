/**
 * Small Capillary log servers for the trigger's exactly-once tests, written independently of the
 * simulator, with switches for the ways a real server can misbehave: a clock of its own (or none),
 * to_date exclusive, a capped limit, paging parameters ignored, lists that shift between pages,
 * local times without an offset. Plus a trigger "session" that polls through n8n's PollContext
 * with a restart before every poll (static data carried over as JSON into a fresh node) and
 * counts what was emitted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createPoller, type PollRun } from '../harness/poll';

export interface HostileRequest {
	path: string;
	query: Record<string, string>;
}

export interface HostileReply {
	status?: number;
	body: unknown;
}

export type Route = (request: HostileRequest) => HostileReply | undefined;

export class HostileServer {
	readonly requests: HostileRequest[] = [];
	/** The server's clock (its Date header); null sends no Date header. */
	clock: (() => number) | null = () => Date.now();
	private server!: Server;
	url = '';

	constructor(private readonly routes: Route[]) {}

	static async start(...routes: Route[]): Promise<HostileServer> {
		const hostile = new HostileServer(routes);
		hostile.server = createServer((req, res) => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const request: HostileRequest = { path: url.pathname, query: Object.fromEntries(url.searchParams) };
			hostile.requests.push(request);
			let reply: HostileReply | undefined;
			for (const route of hostile.routes) if ((reply = route(request))) break;
			reply ??= { status: 404, body: { errors: [{ code: 404, message: `no route ${request.path}` }] } };
			res.sendDate = false;
			if (hostile.clock) res.setHeader('Date', new Date(hostile.clock()).toUTCString());
			res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(reply.body));
		});
		await new Promise<void>((resolve) => hostile.server.listen(0, '127.0.0.1', resolve));
		hostile.url = `http://127.0.0.1:${(hostile.server.address() as AddressInfo).port}`;
		return hostile;
	}

	/** Requests to paths starting with `prefix`. */
	count(prefix = '/'): number {
		return this.requests.filter((r) => r.path.startsWith(prefix)).length;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

// ---------------------------------------------------------------------------------------------
// GET v2/events/logs: newest first, from_date/to_date (epoch ms), limit, no offset
// ---------------------------------------------------------------------------------------------

export interface LogEntry {
	id: string;
	startTime: number;
	status: string;
	eventName: string;
	seq: number;
}

export class EventsLog {
	private entries: LogEntry[] = [];
	private sorted = true;
	private seq = 0;
	/** Switches: bounds, page size cap, ignoring the date range. */
	toExclusive = false;
	fromExclusive = false;
	maxLimit = Infinity;
	ignoreDates = false;

	add(times: number[], status = 'EVENT_SUCCESS', prefix = 'ev'): string[] {
		return times.map((startTime) => {
			const seq = this.seq++;
			const id = `${prefix}-${seq}`;
			this.entries.push({ id, startTime, status, eventName: 'AppOpened', seq });
			this.sorted = false;
			return id;
		});
	}

	get size(): number {
		return this.entries.length;
	}

	private ordered(): LogEntry[] {
		if (!this.sorted) this.entries.sort((a, b) => a.startTime - b.startTime || a.seq - b.seq);
		this.sorted = true;
		return this.entries;
	}

	/** First index whose startTime is >= t (or > t). */
	private bound(t: number, strict: boolean): number {
		const list = this.ordered();
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (strict ? list[mid].startTime <= t : list[mid].startTime < t) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	route: Route = (request) => {
		if (request.path !== '/v2/events/logs') return undefined;
		const q = request.query;
		const limit = Math.min(Number(q.limit ?? 10), this.maxLimit);
		const list = this.ordered();
		const from = q.from_date && !this.ignoreDates ? Number(q.from_date) : -Infinity;
		const to = q.to_date && !this.ignoreDates ? Number(q.to_date) : Infinity;
		const lo = from === -Infinity ? 0 : this.bound(from, this.fromExclusive);
		const hi = to === Infinity ? list.length : this.bound(to, !this.toExclusive);
		const data = list
			.slice(Math.max(lo, hi - limit), Math.max(lo, hi))
			.reverse()
			.map((e) => ({ startTime: e.startTime, responseTime: 12, orgId: 1, status: e.status, eventName: e.eventName, id: e.id, message: 'ok' }));
		return { body: { data, warnings: [], errors: [] } };
	};
}

// ---------------------------------------------------------------------------------------------
// GET v2/organization/rejectedTransactions: day filters, sortBy addedDate asc, offset + limit ≤ 100
// ---------------------------------------------------------------------------------------------

export interface Rejection {
	entityId: number;
	eventDate: string;
	status: string;
}

export class RejectionList {
	private list: Rejection[] = [];
	private next = 1;
	private cache?: { key: string; rows: Rejection[] };
	/** Called before each page is answered (to change the list while the trigger pages). */
	beforePage?: (offset: number) => void;
	ignoreOffset = false;
	/** Sorted newest first, against the documented addedDate ascending. */
	newestFirst = false;

	/** Adds rejections with these eventDate strings (already in position order); returns their IDs. */
	add(dates: string[], status = 'OPEN'): number[] {
		this.cache = undefined;
		return dates.map((eventDate) => {
			const entityId = this.next++;
			this.list.push({ entityId, eventDate, status });
			return entityId;
		});
	}

	fix(entityId: number): void {
		const found = this.list.find((r) => r.entityId === entityId);
		if (found) found.status = 'FIXED';
		this.cache = undefined;
	}

	route: Route = (request) => {
		if (request.path !== '/v2/organization/rejectedTransactions') return undefined;
		const q = request.query;
		const offset = this.ignoreOffset ? 0 : Number(q.offset ?? 0);
		this.beforePage?.(offset);
		const key = `${q.startDate}|${q.endDate}|${q.status ?? ''}`;
		if (this.cache?.key !== key) {
			const rows = this.list.filter((r) => {
				const day = r.eventDate.slice(0, 10);
				if (q.startDate && day < q.startDate) return false;
				if (q.endDate && day > q.endDate) return false;
				return q.status ? r.status === q.status : ['OPEN', 'PARTIAL_FIXED'].includes(r.status);
			});
			this.cache = { key, rows: this.newestFirst ? rows.reverse() : rows };
		}
		const limit = Math.min(100, Number(q.limit ?? 10));
		const data = this.cache.rows.slice(offset, offset + limit).map((r) => ({ ...r, userId: 7, orgId: 1, billNumber: `B-${r.entityId}`, autoUpdateTime: r.eventDate, errors: [] }));
		return { body: { pagination: { limit, offset, total: this.cache.rows.length }, data, warnings: [], errors: [] } };
	};
}

// ---------------------------------------------------------------------------------------------
// GET v1.1/request/logs: ascending IDs from start_id, limit ≤ 1000
// ---------------------------------------------------------------------------------------------

export class RequestLog {
	private next = 1;
	readonly ids: number[] = [];

	add(count: number): number[] {
		const added = Array.from({ length: count }, () => this.next++);
		for (const id of added) this.ids.push(id);
		return added;
	}

	route: Route = (request) => {
		if (request.path !== '/v1.1/request/logs') return undefined;
		const start = Math.max(1, Number(request.query.start_id ?? 1));
		const limit = Math.min(1000, Number(request.query.limit ?? 10));
		// IDs are 1, 2, 3 …: the page is a slice.
		const page = this.ids.slice(start - 1, start - 1 + limit).map((id) => ({ id: String(id), type: 'CHANGE_IDENTIFIER', base_type: 'MOBILE', status: 'PENDING' }));
		return { body: { response: { status: { success: 'true', code: '200', message: 'SUCCESS' }, requests: { count: String(this.ids.length), rows: String(page.length), change_identifier: page } } } };
	};
}

// ---------------------------------------------------------------------------------------------
// A trigger across restarts
// ---------------------------------------------------------------------------------------------

export function credentialsFor(server: HostileServer) {
	return { region: 'custom', url: server.url, username: 'till', password: 'secret', isMd5Hash: false, orgId: '1', attributionType: '', attributionCode: '' };
}

/** Polls the trigger, each poll in a fresh node and context with the static data of the last one. */
export class TriggerSession {
	stored = '{}';
	polls = 0;
	readonly emitted = new Map<string, number>();
	lastItems: IDataObject[] = [];

	constructor(
		private readonly server: HostileServer,
		/** Changeable between polls, as a user edits the node. */
		public parameters: INodeParameters,
	) {}

	async poll(): Promise<PollRun> {
		const poller = await createPoller({
			parameters: { authentication: 'basicAuth', requestOptions: { retryDelay: 1, maxRetries: 0 }, ...this.parameters },
			credentials: { capillaryApi: credentialsFor(this.server) },
			staticData: this.stored,
		});
		const run = await poller.poll();
		this.polls++;
		this.stored = poller.stored;
		this.lastItems = run.items ?? [];
		for (const item of this.lastItems) this.emitted.set(String(item.eventId), (this.emitted.get(String(item.eventId)) ?? 0) + 1);
		return run;
	}

	/** Polls until a poll emits nothing (at most `max` polls); returns the items per poll. */
	async drain(max: number): Promise<number[]> {
		const sizes: number[] = [];
		for (let i = 0; i < max; i++) {
			const run = await this.poll();
			if (run.error) throw run.error;
			sizes.push(this.lastItems.length);
			if (!this.lastItems.length) break;
		}
		return sizes;
	}

	duplicates(): number {
		let extra = 0;
		for (const times of this.emitted.values()) extra += times - 1;
		return extra;
	}

	lost(expected: Array<string | number>): number {
		return expected.filter((id) => !this.emitted.has(String(id))).length;
	}

	/** Emitted IDs that were not expected (e.g. events that existed at activation). */
	unexpected(expected: Array<string | number>): number {
		const wanted = new Set(expected.map(String));
		return [...this.emitted.keys()].filter((id) => !wanted.has(id)).length;
	}

	/** Bytes of the trigger's static data as n8n stores it. */
	stateBytes(): number {
		return Buffer.byteLength(this.stored);
	}
}
