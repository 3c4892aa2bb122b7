import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { options, SOURCES, V2_IDENTIFIER_TYPES } from '../Capillary/shared/fields';
import { getPath } from '../Capillary/shared/envelopes';
import type { LogEvent } from './cursor';
import { isEvent, PollContext, toEvent, type LogSource } from './source';

/**
 * Every Capillary log the trigger can watch. Each reads its endpoint with the filters that
 * endpoint has, in the date format it expects, and pages until it has everything from a position.
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
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: options(SOURCES),
			default: 'INSTORE',
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

/** Offset paging until a short page; `fetch` returns one page. */
async function allPages(fetch: (offset: number, limit: number) => Promise<IDataObject[]>, limit: number): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let offset = 0; ; offset += limit) {
		const page = await fetch(offset, limit);
		all.push(...page);
		if (page.length < limit || all.length > 200_000) return all;
	}
}

function newestFirst(events: LogEvent[], count: number): LogEvent[] {
	return [...events].sort((a, b) => b.position - a.position).slice(0, count);
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
		},
	],
	identity: (c) => [c.param('eventName', ''), c.param('outcome', 'any')],
	async read(context, from) {
		// Newest first, `limit` only: page backwards by moving to_date to the oldest entry seen.
		const limit = 1000;
		const all: LogEvent[] = [];
		let to: number | undefined;
		for (;;) {
			const { entities } = await context.get('/v2/events/logs', {
				event_name: context.param('eventName', ''),
				from_date: Math.floor(from),
				to_date: to,
				limit,
			});
			const events = entities.map((e) => behaviouralEventOf(context, e)).filter(isEvent);
			all.push(...events);
			const oldest = Math.min(...events.map((e) => e.position));
			if (entities.length < limit || !Number.isFinite(oldest) || oldest === to) return all;
			to = oldest;
		}
	},
	async recent(context, count) {
		const { entities } = await context.get('/v2/events/logs', { event_name: context.param('eventName', ''), limit: Math.max(count, 10) });
		return newestFirst(entities.map((e) => behaviouralEventOf(context, e)).filter(isEvent), count);
	},
};

function behaviouralEventOf(context: PollContext, entity: IDataObject): LogEvent | undefined {
	const outcome = context.param<string>('outcome', 'any');
	const succeeded = String(entity.status ?? '').toUpperCase() === 'EVENT_SUCCESS';
	if ((outcome === 'success' && !succeeded) || (outcome === 'failed' && succeeded)) return undefined;
	return toEvent(context, entity, entity.id as string, context.epoch(entity.startTime));
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
	async read(context, from) {
		return (await auditEvents(context)).filter((e) => e.position >= from);
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

const REJECTION_STATUSES = ['OPEN', 'FIXED', 'PARTIAL_FIXED', 'PERMANENT_FAILED', 'SUCCESS', 'REPLAYED', 'MAX_OUT'];

const rejectedTransaction: LogSource = {
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
	async read(context, from) {
		// Filters are whole days (yyyy-MM-dd, org time): read the days, keep the instants from `from` on.
		const entities = await allPages(async (offset, limit) => {
			const page = await context.get('/v2/organization/rejectedTransactions', {
				startDate: context.date(from, 'date'),
				endDate: context.date(Date.now() + DAY, 'date'),
				status: context.param('rejectionStatus', ''),
				errorCode: context.param('errorCode', ''),
				sortBy: 'addedDate',
				limit,
				offset,
			});
			return page.entities;
		}, 100);
		return entities.map((e) => rejectionOf(context, e)).filter(isEvent).filter((e) => e.position >= from);
	},
	async recent(context, count) {
		return newestFirst(await this.read(context, Date.now() - 30 * DAY), count);
	},
};

function rejectionOf(context: PollContext, entity: IDataObject): LogEvent | undefined {
	const id = entity.entityId ?? entity.billNumber;
	return toEvent(context, entity, id === undefined ? undefined : String(id), context.epoch(entity.eventDate ?? entity.autoUpdateTime));
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
		},
		...Object.entries(REQUEST_BASE_TYPES).map(([type, baseTypes]): INodeProperties => {
			const firstBaseType = baseTypes[0];
			return {
				displayName: 'Base Type',
				name: `baseType${type}`,
				type: 'options',
				options: options(baseTypes),
				default: firstBaseType,
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
	async read(context, from) {
		const type = context.param('requestType', 'CHANGE_IDENTIFIER');
		const limit = 1000;
		const all: LogEvent[] = [];
		for (let startId = Math.max(0, Math.floor(from)); ; ) {
			const { entities } = await context.get('/v1.1/request/logs', {
				type,
				base_type: context.param(`baseType${type}`, REQUEST_BASE_TYPES[type]?.[0] ?? ''),
				status: context.param('requestStatus', ''),
				// Required by the API; the ID range does the real filtering.
				start_date: context.date(Date.now() - 3650 * DAY, 'date'),
				end_date: context.date(Date.now() + DAY, 'date'),
				start_id: startId,
				limit,
			});
			const events = entities.map((e) => toEvent(context, e, String(e.id ?? ''), Number(e.id))).filter(isEvent);
			all.push(...events);
			if (entities.length < limit) return all;
			startId = Math.max(...events.map((e) => e.position)) + 1;
		}
	},
	async recent(context, count) {
		return newestFirst(await this.read(context, 0), count);
	},
};

const customerTransaction: LogSource = {
	value: 'customerTransaction',
	name: 'Customer Transaction Added',
	description: 'The watched customer made a purchase or return (GET v2/customers/{customerId}/transactions)',
	kind: 'id',
	fields: customerFields(),
	identity: (c) => [c.param('identifierName'), c.param('identifierValue'), c.param('source')],
	async read(context, from) {
		const id = await customerId(context);
		const entities = await allPages(
			async (offset, limit) =>
				(await context.get(`/v2/customers/${encodeURIComponent(id)}/transactions`, { startId: Math.max(0, Math.floor(from)), sortBy: 'BILLING_TIME', sortOrder: 'ASC', limit, offset })).entities,
			1000,
		);
		return entities.map((e) => toEvent(context, e, String(e.id ?? ''), Number(e.id))).filter(isEvent);
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
		async read(context, from) {
			return (await events(context)).filter((e) => e.position >= from);
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
	async read(context, from) {
		// The API allows windows of at most 30 days and pages of at most 10, with offset = page number.
		const now = Date.now();
		const all: LogEvent[] = [];
		for (let start = Math.max(from, now - 365 * DAY); start <= now; start += 29 * DAY) {
			const end = Math.min(start + 29 * DAY, now + DAY);
			for (let page = 0; ; page++) {
				const { entities } = await context.get(
					'/v2/pointsLedger/getCustomerLedgerInfo',
					{
						identifierName: context.param('identifierName'),
						identifierValue: context.param('identifierValue'),
						source: context.param('source'),
						startDate: context.date(start, 'iso').slice(0, 19),
						endDate: context.date(end, 'iso').slice(0, 19),
						sortOrder: 'ASC',
						limit: 10,
						offset: page,
					},
					{ items: 'ledgerEntries' },
				);
				all.push(...entities.map((e) => ledgerEventOf(context, e)).filter(isEvent));
				if (entities.length < 10) break;
			}
		}
		return all.filter((e) => e.position >= from);
	},
	async recent(context, count) {
		return newestFirst(await this.read(context, Date.now() - 29 * DAY), count);
	},
};

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
	async read(context, from) {
		const entities = await allPages(
			async (offset, limit) =>
				(await context.get('/v2/userGroup2/transactions', { id: context.param('groupId'), startDate: context.date(from, 'iso'), order: 'asc', limit, offset })).entities,
			100,
		);
		return entities.map((e) => groupTransactionOf(context, e)).filter(isEvent).filter((e) => e.position >= from);
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
	async read(context, from) {
		const { entities } = await context.get('/v2/userGroup2/slabHistory', { fleetGroupId: context.param('groupId'), startDate: context.date(from, 'iso'), pageSize: 1000 });
		return entities.map((e) => tierChangeOf(context, e)).filter(isEvent).filter((e) => e.position >= from);
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
