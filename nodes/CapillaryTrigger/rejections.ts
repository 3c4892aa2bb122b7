/** The Transaction Rejected event: the org's rejected transactions, a log filtered by whole days, sorted by addedDate, offset-paged. */
import type { IDataObject } from 'n8n-workflow';

import { options } from '../Capillary/shared/fields';
import type { LogEvent } from './cursor';
import { readOffsetPages } from './paging';
import { isEvent, newestFirst, pageOf, toEvent, type LogSource, type PollContext } from './source';

const DAY = 86_400_000;

const REJECTION_STATUSES = ['OPEN', 'FIXED', 'PARTIAL_FIXED', 'PERMANENT_FAILED', 'SUCCESS', 'REPLAYED', 'MAX_OUT'];

export const rejectedTransaction: LogSource = {
	value: 'rejectedTransaction',
	name: 'Transaction Rejected',
	description: 'Capillary rejected a transaction of the org (GET v2/organization/rejectedTransactions)',
	kind: 'time',
	fields: [
		{
			displayName: 'Status',
			name: 'rejectionStatus',
			type: 'options',
			options: [{ name: 'Open or Partially Fixed (Capillary Default)', value: '' }, ...options(REJECTION_STATUSES)],
			default: '',
			description: 'Only rejected transactions in this status',
		},
		{
			displayName: 'Error Code',
			name: 'errorCode',
			type: 'string',
			default: '',
			placeholder: '683',
			description: 'Only rejections with this error code (e.g. 683 invalid item code)',
		},
	],
	identity: (c) => [c.param('rejectionStatus', ''), c.param('errorCode', '')],
	// Capillary sorts by addedDate, ascending: the order rejections are logged in.
	ordered: true,
	async read(context, sink) {
		// Filters are whole days (org time): the day of the cursor on; offsets below the cursor are remembered.
		const startDate = context.since(sink.from, 'date');
		await readOffsetPages(sink, {
			endpoint: 'GET /v2/organization/rejectedTransactions',
			limit: 100,
			margin: 10,
			resume: { key: startDate, hints: context.resume, settle: context.settle },
			fetch: async (offset, limit) => pageOf(await rejectionPage(context, startDate, offset, limit), (e) => rejectionOf(context, e)),
		});
	},
	async head(context) {
		// The first answer tells Capillary's clock: if it is behind n8n's, ask for its day too.
		const first = context.since(Date.now() - DAY, 'date');
		const newest = await newestRejectionFrom(context, first);
		if (newest !== null) return newest;
		const serverDay = context.since(Math.min(Date.now(), context.serverDate ?? Infinity) - DAY, 'date');
		return serverDay === first ? null : await newestRejectionFrom(context, serverDay);
	},
	async recent(context, count) {
		const lastDays = await newestRejections(context, 2, count);
		return lastDays.length ? lastDays : await newestRejections(context, 30, count);
	},
};

/**
 * The newest eventDate from `startDate` on: null when there is none. Sorted oldest first (by
 * addedDate), the newest are on the last page, which the reported total locates (undefined without
 * one). Their eventDate can lag the clock (a till's own clock), so the cursor starts behind them.
 */
async function newestRejectionFrom(context: PollContext, startDate: string): Promise<number | null | undefined> {
	const { entities, total } = await rejectionList(context, startDate, 0, 1);
	if (entities.length === 0) return null;
	if (total === undefined) return undefined;
	const last = await rejectionPage(context, startDate, Math.max(0, total - 100), 100);
	const positions = last.map((e) => rejectionOf(context, e)?.position).filter((p): p is number => p !== undefined);
	return positions.length ? Math.max(...positions) : undefined;
}

/** Sorted oldest first: read the last `days` (at most 100 pages) and keep the newest. */
async function newestRejections(context: PollContext, days: number, count: number): Promise<LogEvent[]> {
	const startDate = context.since(context.latest() - days * DAY, 'date');
	const newest: LogEvent[] = [];
	const ids = new Set<string>();
	for (let offset = 0, pages = 0; pages < 100; offset += 100, pages++) {
		const entities = await rejectionPage(context, startDate, offset, 100);
		const events = entities.map((e) => rejectionOf(context, e)).filter(isEvent);
		const fresh = events.filter((e) => !ids.has(e.id));
		fresh.forEach((e) => ids.add(e.id));
		for (const e of fresh) newest.push(e);
		if (newest.length > 4 * count) newest.splice(0, newest.length, ...newestFirst(newest, count));
		// A short page ends the list; a page of nothing new means the server ignores the offset.
		if (entities.length < 100 || fresh.length === 0) break;
	}
	return newestFirst(newest, count);
}

async function rejectionPage(context: PollContext, startDate: string, offset: number, limit: number): Promise<IDataObject[]> {
	return (await rejectionList(context, startDate, offset, limit)).entities;
}

async function rejectionList(context: PollContext, startDate: string, offset: number, limit: number): Promise<{ entities: IDataObject[]; total?: number }> {
	return await context.get('/v2/organization/rejectedTransactions', {
		startDate,
		endDate: context.date(context.latest() + DAY, 'date'),
		status: context.param('rejectionStatus', ''),
		errorCode: context.param('errorCode', ''),
		sortBy: 'addedDate',
		limit,
		offset,
	});
}

function rejectionOf(context: PollContext, entity: IDataObject): LogEvent | undefined {
	const id = entity.entityId ?? entity.billNumber;
	return toEvent(context, entity, id === undefined ? undefined : String(id), context.epoch(entity.eventDate ?? entity.autoUpdateTime));
}
