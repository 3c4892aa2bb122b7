import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { options, SOURCES, V2_IDENTIFIER_TYPES } from '../Capillary/shared/fields';
import { getPath } from '../Capillary/shared/envelopes';
import type { LogEvent } from './cursor';
import { readIdPages, readNewestFirst, readOffsetPages } from './paging';
import { rejectedTransaction } from './rejections';
import { isEvent, newestFirst, pageOf, PollContext, toEvent, type LogSource, type PageSink } from './source';

/**
 * Every Capillary log the trigger can watch. Each reads its endpoint with the filters that
 * endpoint has, in the date format it expects, and hands its pages to the trigger (paging.ts
 * makes every loop bounded and safe against lists that shift or servers that ignore paging).
 */

const DAY = 86_400_000;
const show = (event: string, field: INodeProperties): INodeProperties => ({
	...field,
	displayOptions: { ...(field.displayOptions ?? {}), show: { ...(field.displayOptions?.show ?? {}), event: [event] } },
});

// ---------------------------------------------------------------------------------------------
// Shared filters
// ---------------------------------------------------------------------------------------------

function customerFields(): INodeProperties[] {
	return [
		{
			displayName: 'Customer Identifier Type',
			name: 'identifierName',
			type: 'options',
			options: options(V2_IDENTIFIER_TYPES),
			default: 'mobile',
			description: 'How the watched customer is identified',
		},
		{
			displayName: 'Customer Identifier Value',
			name: 'identifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			description: "The watched customer's mobile, email, external ID … (as chosen above)",
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: options(SOURCES),
			default: 'INSTORE',
			description: "Source (channel) the customer's identifier belongs to, e.g. INSTORE for store and POS customers",
		},
	];
}

function groupField(): INodeProperties {
	return {
		displayName: 'User Group ID',
		name: 'groupId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the user group (userGroup2) to watch',
	};
}

/** Watched customer's ID: looked up once, then remembered with the cursor. */
async function customerId(context: PollContext): Promise<number> {
	const key = `customer:${context.param('identifierName')}:${context.param('identifierValue')}:${context.param('source')}`;
	if (typeof context.memo[key] === 'number') return context.memo[key] as number;
	const { entities } = await context.get('/v2/customers/lookup', {
		identifierName: context.param('identifierName'),
		identifierValue: context.param('identifierValue'),
		source: context.param('source'),
	});
	const id = Number(entities[0]?.customerId ?? entities[0]?.value ?? entities[0]?.entity);
	context.memo[key] = id;
	return id;
}

/** One request that returns the whole log (no paging in the API). */
async function wholeLog(sink: PageSink, endpoint: string, fetch: () => Promise<LogEvent[]>): Promise<void> {
	sink.count(endpoint, 1000);
	sink.page(await fetch(), { endpoint, parameter: '', full: false });
}


// ---------------------------------------------------------------------------------------------
// The sources
// ---------------------------------------------------------------------------------------------

const behaviouralEvent: LogSource = {
	value: 'behaviouralEvent',
	name: 'Behavioural Event Processed',
	description: 'A custom behavioural event was received and processed (GET v2/events/logs)',
	kind: 'time',
	fields: [
		{
			displayName: 'Event Name',
			name: 'eventName',
			type: 'string',
			default: '',
			description: 'Only this behavioural event; all events when empty',
		},
		{
			displayName: 'Outcome',
			name: 'outcome',
			type: 'options',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Processed Successfully', value: 'success' },
				{ name: 'Failed', value: 'failed' },
			],
			default: 'any',
			description: 'Only events Capillary processed with this outcome',
		},
	],
	identity: (c) => [c.param('eventName', ''), c.param('outcome', 'any')],
	ordered: true,
	async read(context, sink) {
		await readNewestFirst(sink, {
			endpoint: 'GET /v2/events/logs',
			limit: 1000,
			maxLimit: 16_000,
			fetch: async (from, to, limit) => {
				const { entities } = await context.get('/v2/events/logs', { event_name: context.param('eventName', ''), from_date: from, to_date: to, limit });
				return pageOf(entities, (e) => behaviouralEventOf(context, e));
			},
		});
	},
	async head(context) {
		// The newest entry whatever its outcome (the outcome filter is the trigger's, not the log's).
		const { entities } = await context.get('/v2/events/logs', { event_name: context.param('eventName', ''), limit: 10 });
		let newest: number | null = null;
		for (const e of entities) {
			const position = behaviouralEventOf(context, e)?.position;
			if (position !== undefined && (newest === null || position > newest)) newest = position;
		}
		return newest;
	},
	async recent(context, count) {
		const { entities } = await context.get('/v2/events/logs', { event_name: context.param('eventName', ''), limit: Math.max(count, 10) });
		return newestFirst(entities.map((e) => behaviouralEventOf(context, e)).filter(isEvent), count);
	},
};

function behaviouralEventOf(context: PollContext, entity: IDataObject): LogEvent | undefined {
	const outcome = context.param<string>('outcome', 'any');
	const succeeded = String(entity.status ?? '').toUpperCase() === 'EVENT_SUCCESS';
	const event = toEvent(context, entity, entity.id === undefined ? undefined : String(entity.id), context.epoch(entity.startTime));
	// The outcome is filtered here, not by Capillary: the event still moves the cursor, it is just not emitted.
	if (event && ((outcome === 'success' && !succeeded) || (outcome === 'failed' && succeeded))) event.included = false;
	return event;
}

const behaviouralEventDefinition: LogSource = {
	value: 'behaviouralEventDefinition',
	name: 'Behavioural Event Definition Changed',
	description: 'A behavioural event definition was created or updated (GET v2/events/audit_logs)',
	kind: 'time',
	fields: [
		{
			displayName: 'Event Name',
			name: 'eventName',
			type: 'string',
			required: true,
			default: '',
			description: 'Definition to watch (the audit log is read per event)',
		},
	],
	identity: (c) => [c.param('eventName', '')],
	ordered: false,
	async read(context, sink) {
		await wholeLog(sink, 'GET /v2/events/audit_logs', async () => await auditEvents(context));
	},
	async recent(context, count) {
		return newestFirst(await auditEvents(context), count);
	},
};

async function auditEvents(context: PollContext): Promise<LogEvent[]> {
	const { entities } = await context.get('/v2/events/audit_logs', { eventName: context.param('eventName', '') });
	return entities
		.map((e) => {
			const history = Array.isArray(e.valueHistory) ? (e.valueHistory as IDataObject[]) : [];
			return toEvent(context, e, e.id as string, context.epoch(history[history.length - 1]?.changedOn));
		})
		.filter(isEvent);
}

const REQUEST_BASE_TYPES: Record<string, string[]> = {
	CHANGE_IDENTIFIER: ['MOBILE', 'EMAIL', 'EXTERNAL_ID', 'MERGE'],
	GOODWILL: ['POINTS', 'COUPONS'],
	TRANSACTION_UPDATE: ['RETRO'],
};

const request: LogSource = {
	value: 'request',
	name: 'Request Added',
	description: 'A change-identifier, goodwill or transaction-update request was added (GET v1.1/request/logs)',
	kind: 'id',
	fields: [
		{
			displayName: 'Request Type',
			name: 'requestType',
			type: 'options',
			options: options([
				['Change Identifier', 'CHANGE_IDENTIFIER'],
				['Goodwill', 'GOODWILL'],
				['Transaction Update', 'TRANSACTION_UPDATE'],
			]),
			default: 'CHANGE_IDENTIFIER',
			description: 'Which kind of request to watch',
		},
		...Object.entries(REQUEST_BASE_TYPES).map(([type, baseTypes]): INodeProperties => {
			const firstBaseType = baseTypes[0];
			return {
				displayName: 'Base Type',
				name: `baseType${type}`,
				type: 'options',
				options: options(baseTypes),
				default: firstBaseType,
				description: 'What the request changes, e.g. MOBILE for a mobile number change or POINTS for goodwill points',
				displayOptions: { show: { requestType: [type] } },
			};
		}),
		{
			displayName: 'Request Status',
			name: 'requestStatus',
			type: 'options',
			options: [{ name: 'Any', value: '' }, ...options(['PENDING', 'APPROVED', 'REJECTED'])],
			default: '',
			description: 'Only requests that are in this status when the trigger reads them',
		},
	],
	identity: (c) => {
		const type = c.param('requestType', 'CHANGE_IDENTIFIER');
		return [type, c.param(`baseType${type}`, ''), c.param('requestStatus', '')];
	},
	ordered: true,
	async read(context, sink) {
		await readIdPages(sink, {
			endpoint: 'GET /v1.1/request/logs',
			parameter: 'start_id',
			limit: 1000,
			fetch: async (startId, limit) => pageOf(await requestPage(context, startId, limit), (e) => toEvent(context, e, String(e.id ?? ''), Number(e.id))),
		});
	},
	async head(context) {
		// Ascending IDs only: find the newest by doubling start_id, then halving (a few dozen requests at most).
		const newestFrom = async (startId: number) => {
			const entities = await requestPage(context, startId, 1000);
			let newest = -1;
			for (const e of entities) newest = Math.max(newest, Number(e.id) || -1);
			return { full: entities.length >= 1000, newest };
		};
		const first = await newestFrom(0);
		if (!first.full) return first.newest >= 0 ? first.newest : null;
		let low = first.newest;
		/** Smallest start_id known to return nothing. */
		let empty = Infinity;
		for (let asked = 0; asked < 64; asked++) {
			const start = empty === Infinity ? Math.max(2 * low, low + 1000) : Math.floor((low + empty) / 2);
			if (start <= low) return low;
			const page = await newestFrom(start);
			if (page.newest < 0) empty = start;
			// Not full, or IDs below start_id (the server ignores it; the read then fails clearly).
			else if (!page.full || page.newest < start) return page.newest;
			else low = page.newest;
		}
		return low;
	},
	async recent(context, count) {
		// Ascending IDs only: page through, keeping the newest.
		const newest: LogEvent[] = [];
		for (let startId = 0, pages = 0; pages < 1000; pages++) {
			const entities = await requestPage(context, startId, 1000);
			const events = entities.map((e) => toEvent(context, e, String(e.id ?? ''), Number(e.id))).filter(isEvent);
			for (const e of events) newest.push(e);
			if (newest.length > 4 * count) newest.splice(0, newest.length, ...newestFirst(newest, count));
			const next = events.reduce((max, e) => Math.max(max, e.position + 1), startId);
			if (entities.length < 1000 || next <= startId) break;
			startId = next;
		}
		return newestFirst(newest, count);
	},
};

async function requestPage(context: PollContext, startId: number, limit: number): Promise<IDataObject[]> {
	const type = context.param('requestType', 'CHANGE_IDENTIFIER');
	const { entities } = await context.get('/v1.1/request/logs', {
		type,
		base_type: context.param(`baseType${type}`, REQUEST_BASE_TYPES[type]?.[0] ?? ''),
		status: context.param('requestStatus', ''),
		// Required by the API; the ID range does the real filtering.
		start_date: context.date(context.latest() - 3650 * DAY, 'date'),
		end_date: context.date(context.latest() + DAY, 'date'),
		start_id: startId,
		limit,
	});
	// No request of the type: the collection comes back as its own wrapper ({count, rows, item_status}).
	return entities.filter((e) => !('count' in e && 'rows' in e && 'item_status' in e));
}

const customerTransaction: LogSource = {
	value: 'customerTransaction',
	name: 'Customer Transaction Added',
	description: 'The watched customer made a purchase or return (GET v2/customers/{customerId}/transactions)',
	kind: 'id',
	fields: customerFields(),
	identity: (c) => [c.param('identifierName'), c.param('identifierValue'), c.param('source')],
	// Sorted by billing time while positioned by ID: read everything from the start ID.
	ordered: false,
	async read(context, sink) {
		const id = await customerId(context);
		const startId = Math.max(0, Math.floor(sink.from));
		await readOffsetPages(sink, {
			endpoint: 'GET /v2/customers/{customerId}/transactions',
			limit: 1000,
			margin: 10,
			fetch: async (offset, limit) =>
				pageOf(
					(await context.get(`/v2/customers/${encodeURIComponent(id)}/transactions`, { startId, sortBy: 'BILLING_TIME', sortOrder: 'ASC', limit, offset })).entities,
					(e) => toEvent(context, e, String(e.id ?? ''), Number(e.id)),
				),
		});
	},
	async recent(context, count) {
		const id = await customerId(context);
		const { entities } = await context.get(`/v2/customers/${encodeURIComponent(id)}/transactions`, { sortBy: 'BILLING_TIME', sortOrder: 'DESC', limit: Math.max(count, 10) });
		return newestFirst(entities.map((e) => toEvent(context, e, String(e.id ?? ''), Number(e.id))).filter(isEvent), count);
	},
};

/** Sources that return a customer's whole log in one call (no filters in the API). */
function wholeCustomerLog(spec: {
	value: string;
	name: string;
	description: string;
	kind: 'time' | 'id';
	path: (id: number) => string;
	event: (context: PollContext, entity: IDataObject) => LogEvent | undefined;
}): LogSource {
	const events = async (context: PollContext) => {
		const id = await customerId(context);
		const { entities } = await context.get(spec.path(id), {});
		return entities.map((e) => spec.event(context, e)).filter(isEvent);
	};
	return {
		value: spec.value,
		name: spec.name,
		description: spec.description,
		kind: spec.kind,
		fields: customerFields(),
		identity: (c) => [c.param('identifierName'), c.param('identifierValue'), c.param('source')],
		ordered: false,
		async read(context, sink) {
			await wholeLog(sink, `GET ${spec.path(0).replace('/0/', '/{customerId}/')}`, async () => await events(context));
		},
		async recent(context, count) {
			return newestFirst(await events(context), count);
		},
	};
}

const customerLoyaltyEvent = wholeCustomerLog({
	value: 'customerLoyaltyEvent',
	name: 'Customer Loyalty Event',
	description: 'A loyalty event (registration, transaction, tier change …) happened for the watched customer (GET v2/customers/{customerId}/loyaltyEvents)',
	kind: 'id',
	path: (id) => `/v2/customers/${encodeURIComponent(id)}/loyaltyEvents`,
	event: (context, e) => toEvent(context, e, String(e.id ?? ''), Number(e.id)),
});

const customerStatusChange = wholeCustomerLog({
	value: 'customerStatusChange',
	name: 'Customer Status Changed',
	description: 'The watched customer changed status, e.g. to Suspended (GET v2/customers/{customerId}/statusLog)',
	kind: 'time',
	path: (id) => `/v2/customers/${encodeURIComponent(id)}/statusLog`,
	event: (context, e) => toEvent(context, e, `${String(e.createdOn)}|${String(e.status)}|${String(e.label)}`, context.epoch(e.createdOn)),
});

const customerPointsLedger: LogSource = {
	value: 'customerPointsLedger',
	name: 'Customer Points Ledger Entry',
	description: "Points were credited to or debited from the watched customer (GET v2/pointsLedger/getCustomerLedgerInfo)",
	kind: 'time',
	fields: customerFields(),
	identity: (c) => [c.param('identifierName'), c.param('identifierValue'), c.param('source')],
	ordered: true,
	async read(context, sink) {
		// Windows of at most 30 days (29 + the DST margin), pages of at most 10, offset = page number.
		// At least one window: before Capillary's first answer n8n's clock may be behind the cursor.
		const now = Math.max(context.latest(), sink.from);
		for (let start = Math.max(sink.from, now - 365 * DAY); start <= now; start += 29 * DAY) {
			const end = Math.min(start + 29 * DAY, now + DAY);
			const more = await readOffsetPages(sink, {
				endpoint: 'GET /v2/pointsLedger/getCustomerLedgerInfo',
				limit: 10,
				margin: 0,
				pageNumbers: true,
				fetch: async (page, limit) => pageOf(await ledgerPage(context, start, end, page, limit), (e) => ledgerEventOf(context, e)),
			});
			if (!more) return;
		}
	},
	async recent(context, count) {
		const now = context.latest();
		const newest: LogEvent[] = [];
		for (let page = 0; page < 100; page++) {
			const entities = await ledgerPage(context, now - 29 * DAY, now + DAY, page, 10, 'DESC');
			for (const e of entities.map((entity) => ledgerEventOf(context, entity)).filter(isEvent)) newest.push(e);
			if (newest.length >= count || entities.length < 10) break;
		}
		return newestFirst(newest, count);
	},
};

async function ledgerPage(context: PollContext, start: number, end: number, page: number, limit: number, sortOrder = 'ASC'): Promise<IDataObject[]> {
	const { entities } = await context.get(
		'/v2/pointsLedger/getCustomerLedgerInfo',
		{
			identifierName: context.param('identifierName'),
			identifierValue: context.param('identifierValue'),
			source: context.param('source'),
			startDate: context.since(start, 'localIso'),
			endDate: context.date(end, 'localIso'),
			sortOrder,
			limit,
			offset: page,
		},
		{ items: 'ledgerEntries' },
	);
	return entities;
}

function ledgerEventOf(context: PollContext, entity: IDataObject): LogEvent | undefined {
	const when = entity.ledgerCreatedDateISO ?? entity.ledgerCreatedDate;
	return toEvent(context, entity, String(entity.eventLogId ?? ''), context.epoch(when));
}

const userGroupTransaction: LogSource = {
	value: 'userGroupTransaction',
	name: 'User Group Transaction Added',
	description: 'A member of the watched user group made a transaction (GET v2/userGroup2/transactions)',
	kind: 'time',
	fields: [groupField()],
	identity: (c) => [c.param('groupId')],
	ordered: true,
	async read(context, sink) {
		const startDate = context.since(sink.from, 'iso');
		await readOffsetPages(sink, {
			endpoint: 'GET /v2/userGroup2/transactions',
			limit: 100,
			margin: 10,
			fetch: async (offset, limit) =>
				pageOf((await context.get('/v2/userGroup2/transactions', { id: context.param('groupId'), startDate, order: 'asc', limit, offset })).entities, (e) => groupTransactionOf(context, e)),
		});
	},
	async recent(context, count) {
		const { entities } = await context.get('/v2/userGroup2/transactions', { id: context.param('groupId'), order: 'desc', limit: Math.max(count, 10) });
		return newestFirst(entities.map((e) => groupTransactionOf(context, e)).filter(isEvent), count);
	},
};

function groupTransactionOf(context: PollContext, entity: IDataObject): LogEvent | undefined {
	const bill = (entity.billDetails ?? entity) as IDataObject;
	const id = bill.id ?? bill.transactionId ?? entity.id;
	const when = bill.billingTime ?? bill.billDate ?? getPath(entity, 'billDetails.billingDate');
	return toEvent(context, entity, id === undefined ? undefined : String(id), context.epoch(when));
}

const userGroupTierChange: LogSource = {
	value: 'userGroupTierChange',
	name: 'User Group Tier Changed',
	description: 'The watched user group moved to another tier (GET v2/userGroup2/slabHistory)',
	kind: 'time',
	fields: [groupField()],
	identity: (c) => [c.param('groupId')],
	ordered: false,
	async read(context, sink) {
		await wholeLog(sink, 'GET /v2/userGroup2/slabHistory', async () => {
			const { entities } = await context.get('/v2/userGroup2/slabHistory', { fleetGroupId: context.param('groupId'), startDate: context.since(sink.from, 'iso'), pageSize: 1000 });
			return entities.map((e) => tierChangeOf(context, e)).filter(isEvent);
		});
	},
	async recent(context, count) {
		const { entities } = await context.get('/v2/userGroup2/slabHistory', { fleetGroupId: context.param('groupId'), pageSize: Math.max(count, 10) });
		return newestFirst(entities.map((e) => tierChangeOf(context, e)).filter(isEvent), count);
	},
};

function tierChangeOf(context: PollContext, entity: IDataObject): LogEvent | undefined {
	return toEvent(context, entity, `${String(entity.changedOn)}|${String(entity.toSlabNumber ?? entity.to)}`, context.epoch(entity.changedOn));
}

export const LOG_SOURCES: LogSource[] = [
	behaviouralEvent,
	behaviouralEventDefinition,
	rejectedTransaction,
	request,
	customerTransaction,
	customerLoyaltyEvent,
	customerPointsLedger,
	customerStatusChange,
	userGroupTransaction,
	userGroupTierChange,
];

export function sourceFields(): INodeProperties[] {
	return LOG_SOURCES.flatMap((source) => source.fields.map((field) => show(source.value, field)));
}
