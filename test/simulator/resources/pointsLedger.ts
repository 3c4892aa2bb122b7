/** Points ledger: balance per program/category, ledger entries per event, and event explode info. */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { intParam, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer, LedgerEntry, SimState } from '../state';

/** The simulator org's one loyalty program. */
export const DEMO_PROGRAM = { id: 1, name: 'DemoDefaultProgram' };

const IDENTIFIER_SPELLINGS: Record<string, string> = {
	mobile: 'mobile',
	email: 'email',
	externalid: 'externalId',
	cardnumber: 'cardnumber',
	cardexternalid: 'cardExternalId',
	id: 'id',
	customerid: 'id',
	userid: 'id',
	wechat: 'wechat',
	martjackid: 'martjackId',
	fbid: 'fbId',
};

/**
 * `identifierName/identifierValue/source/accountId` query of the v2 lookup-style endpoints → the
 * customer, or Capillary's reply (8013 bad identifier, 8015 unknown, 8065 wrong source).
 */
export function customerFromQuery(state: SimState, query: Record<string, string>): { customer: Customer; error?: undefined } | { customer?: undefined; error: SimReply } {
	const name = IDENTIFIER_SPELLINGS[String(query.identifierName ?? '').toLowerCase()];
	const value = query.identifierValue;
	if (!name || !value) return { error: v2Error(400, 8013, 'Customer identifier is invalid. Also check if the parameter identifierName is passed correctly.') };
	const source = String(query.source ?? '').toUpperCase();
	if (!source) return { error: v2Error(400, 8012, 'Invalid source passed') };
	const customer = state.findCustomer(name, value, source, query.accountId || undefined);
	if (customer) return { customer };
	return state.findCustomer(name, value)
		? { error: v2Error(404, 8065, 'No customer found in the given source with the given identifier.') }
		: { error: v2Error(404, 8015, 'No customer found with the given identifier.') };
}

/** `2026-01-02T10:00:00+05:30` → `2026-01-02 10:00:00.0` (the ledger's legacy date format). */
export function legacyDate(iso: string): string {
	return `${iso.slice(0, 19).replace('T', ' ')}.0`;
}

/** Ledger dates are `YYYY-MM-DDThh:mm:ss` in the org's time zone (IST) unless they carry an offset. */
function parseLedgerDate(value: string | undefined): number | undefined | 'invalid' {
	if (!value) return undefined;
	const text = /[+-]\d\d:\d\d$|Z$/.test(value) ? value : `${value.length === 10 ? `${value}T00:00:00` : value}+05:30`;
	const time = Date.parse(text);
	return Number.isFinite(time) ? time : 'invalid';
}

function pageOf<T>(list: T[], query: Record<string, string>): { page: T[]; details: JsonObject } | { error: SimReply } {
	const limit = intParam(query.limit, 10, 0);
	if (limit > 10) return { error: v2Error(400, 400, 'Invalid input: limit cannot be more than 10') };
	const size = limit || 10;
	const pageNumber = intParam(query.offset, 0, 0);
	return {
		page: list.slice(pageNumber * size, pageNumber * size + size),
		details: { pageNumber, pageSize: size, totalEntries: list.length, pageCount: Math.ceil(list.length / size) },
	};
}

function customerDetails(state: SimState, customer: Customer): JsonObject {
	const profile = customer.profiles[0];
	return {
		userId: customer.id,
		firstName: profile?.firstName ?? '',
		lastName: profile?.lastName ?? '',
		externalId: state.identifier(customer, 'externalId'),
		entityType: 'CUSTOMER',
	};
}

function transactionOf(state: SimState, entry: LedgerEntry) {
	if (!entry.reference) return undefined;
	return [...state.transactions.values()].find((t) => t.customerId === entry.customerId && t.number === entry.reference);
}

function signed(entry: LedgerEntry): number {
	return entry.entryType === 'CREDIT' ? entry.points : -entry.points;
}

function entryView(state: SimState, entry: LedgerEntry): JsonObject {
	const transaction = transactionOf(state, entry);
	return {
		eventLogId: entry.id,
		eventName: entry.eventName,
		ledgerCreatedDate: legacyDate(entry.date),
		ledgerCreatedDateISO: entry.date,
		entryDetails: [
			{
				ledgerEntryType: entry.entryType,
				points: entry.points.toFixed(3),
				pointsCategory: 'Main',
				programName: DEMO_PROGRAM.name,
				programId: DEMO_PROGRAM.id,
			},
		],
		netPointsOnEvent: signed(entry).toFixed(3),
		...(transaction
			? { transactionDetails: { transactionId: transaction.id, transactionNumber: transaction.number, date: transaction.billingTime, amount: transaction.amount } }
			: {}),
		store: 'Simulator Store',
		storeCode: 'store.server',
		tillCode: transaction?.storeCode ?? 'store.server',
	};
}

function ledgerOf(state: SimState, customer: Customer, query: Record<string, string>): LedgerEntry[] {
	let entries = state.ledger.filter((e) => e.customerId === customer.id);
	if (query.ledgerEntryType) entries = entries.filter((e) => e.entryType === query.ledgerEntryType.toUpperCase());
	if (query.programId && Number(query.programId) !== DEMO_PROGRAM.id) entries = [];
	if (query.pointCategoryType && query.pointCategoryType.toUpperCase() !== 'REGULAR') entries = [];
	return entries;
}

function explodeView(state: SimState, entry: LedgerEntry, query: Record<string, string>): JsonObject {
	const transaction = transactionOf(state, entry);
	const redemption = entry.reference ? state.redemptions.get(entry.reference) : undefined;
	const flag = (name: string) => query[name] === 'true';
	const expires = new Date(Date.parse(entry.date) + 365 * 86_400_000).toISOString().slice(0, 10);
	const event: JsonObject = {
		eventLogId: entry.id,
		eventName: entry.eventName,
		eventDetails: {
			eventTime: legacyDate(entry.date),
			eventTimeISO: entry.date,
			tillId: 50006796,
			...(redemption
				? { redemptionDetails: { pointsRedeemed: redemption.points.toFixed(3), transactionNumber: redemption.billNumber, redemptionId: redemption.id, groupRedemption: false } }
				: {}),
		},
		pointsEarned: {
			regular:
				entry.entryType === 'CREDIT'
					? [{ programId: DEMO_PROGRAM.id, programName: DEMO_PROGRAM.name, value: entry.points, expiresOn: `${expires} 23:59:59.0`, expiresOnISO: `${expires}T23:59:59+05:30`, expiryType: 'rolling' }]
					: [],
			promo: [],
			promised: [],
		},
		eventReferenceId: transaction ? String(transaction.id) : (entry.reference ?? '-1'),
		uniqueId: `EV${entry.id}`,
	};
	if (transaction && flag('getBillDetails')) {
		event.billDetails = {
			billId: transaction.id,
			billNumber: transaction.number,
			billDate: legacyDate(transaction.addedOn),
			billDateISO: transaction.addedOn,
			amount: transaction.amount,
			grossAmount: transaction.grossAmount ?? transaction.amount,
			discount: transaction.discount ?? 0,
			lineItems: transaction.lineItems,
		};
	}
	if (transaction && flag('getCustomFields')) event.customFields = Object.entries(transaction.customFields).map(([name, value]) => ({ name, value }));
	if (transaction && flag('getExtendedFields')) event.extendedFields = Object.entries(transaction.extendedFields).map(([name, value]) => ({ name, value }));
	if (transaction && flag('getPaymentModes')) event.paymentModes = transaction.paymentModes;
	if (flag('getPointsEarnedBreakup')) {
		event.pointsBreakup =
			entry.entryType === 'CREDIT'
				? [{ pointsCategoryName: 'Main', allocationStrategyName: 'Bill based 10%', expiryStrategyName: '365 days rolling', points: entry.points }]
				: [];
	}
	return event;
}

/** A group is asked for with `type=USERGROUP2`; its ledger lives with its members, so it is empty here. */
function groupReply(state: SimState, req: SimRequest, kind: 'balance' | 'info' | 'explode'): SimReply | undefined {
	if (String(req.query.type ?? '').toUpperCase() !== 'USERGROUP2') return undefined;
	const group = state.userGroups.get(Number(req.query.identifierValue));
	if (!group) return v2Error(400, 1645, 'Group details passed are not valid');
	const details = { userId: group.id, entityType: 'USERGROUP2' };
	if (kind === 'explode') return ok({ events: [], warnings: [] });
	const ledgerDetails: JsonObject = { pageNumber: 0, pageSize: 10, totalEntries: 0, pageCount: 0 };
	if (kind === 'balance') {
		ledgerDetails.ledgerClosingBalance = [{ pointsCategory: 'Main', programName: DEMO_PROGRAM.name, programId: DEMO_PROGRAM.id, closingBalance: group.points.toFixed(3) }];
		return ok({ customerDetails: details, ledgerDetails, warnings: [] });
	}
	return ok({ customerDetails: details, ledgerDetails, ledgerEntries: [], warnings: [] });
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.get('/v2/pointsLedger/getCustomerLedgerBalance', (req) => {
		const group = groupReply(state(), req, 'balance');
		if (group) return group;
		const found = customerFromQuery(state(), req.query);
		if (found.error) return found.error;
		const customer = found.customer;
		const end = parseLedgerDate(req.query.endDate);
		if (end === 'invalid') return v2Error(400, 400, 'Invalid endDate, expected YYYY-MM-DDThh:mm:ss');
		const main =
			end === undefined
				? customer.points
				: state()
						.ledger.filter((e) => e.customerId === customer.id && Date.parse(e.date) <= end)
						.reduce((sum, e) => sum + signed(e), 0);
		const categories: JsonObject[] = [
			{ pointsCategory: 'Main', programName: DEMO_PROGRAM.name, programId: DEMO_PROGRAM.id, closingBalance: main.toFixed(3) },
			{ pointsCategory: 'DelayedAccrualPointCategory', programName: DEMO_PROGRAM.name, programId: DEMO_PROGRAM.id, closingBalance: Number(customer.extra.promisedPoints ?? 0).toFixed(3) },
		];
		const wanted = String(req.query.pointCategoryType ?? '').toUpperCase();
		const filtered = categories.filter((c) => !wanted || (wanted === 'REGULAR' ? c.pointsCategory === 'Main' : wanted === 'PROMISED' ? c.pointsCategory !== 'Main' : false));
		const paged = pageOf(filtered, req.query);
		if ('error' in paged) return paged.error;
		return ok({ customerDetails: customerDetails(state(), customer), ledgerDetails: { ...paged.details, ledgerClosingBalance: paged.page }, warnings: [] });
	});

	router.get('/v2/pointsLedger/getCustomerLedgerInfo', (req) => {
		const group = groupReply(state(), req, 'info');
		if (group) return group;
		const found = customerFromQuery(state(), req.query);
		if (found.error) return found.error;
		const endParsed = parseLedgerDate(req.query.endDate);
		const startParsed = parseLedgerDate(req.query.startDate);
		if (endParsed === 'invalid' || startParsed === 'invalid') return v2Error(400, 400, 'Invalid date, expected YYYY-MM-DDThh:mm:ss');
		const end = endParsed ?? (startParsed !== undefined ? startParsed + 7 * 86_400_000 : Date.now() + 60_000);
		const start = startParsed ?? end - 7 * 86_400_000;
		if (end < start) return v2Error(400, 400, 'startDate cannot be after endDate');
		if (end - start > 30 * 86_400_000) return v2Error(400, 400, 'The difference between startDate and endDate cannot be more than 30 days');
		const entries = ledgerOf(state(), found.customer, req.query).filter((e) => {
			const at = Date.parse(e.date);
			return at >= start && at <= end;
		});
		entries.sort((a, b) => (String(req.query.sortOrder).toUpperCase() === 'ASC' ? a.id - b.id : b.id - a.id));
		const paged = pageOf(entries, req.query);
		if ('error' in paged) return paged.error;
		return ok({
			customerDetails: customerDetails(state(), found.customer),
			ledgerDetails: paged.details,
			ledgerEntries: paged.page.map((e) => entryView(state(), e)),
			warnings: [],
		});
	});

	router.get('/v2/pointsLedger/getLedgerExplodeInfo', (req) => {
		const group = groupReply(state(), req, 'explode');
		if (group) return group;
		const found = customerFromQuery(state(), req.query);
		if (found.error) return found.error;
		const list = (value: string | undefined) =>
			String(value ?? '')
				.split(',')
				.map((s) => s.trim())
				.filter((s) => s);
		const eventIds = list(req.query.eventIds);
		const references = list(req.query.eventReferenceIds);
		const eventName = req.query.eventName;
		if (!eventIds.length && !(eventName && references.length)) {
			return v2Error(400, 400, 'Invalid input: pass eventIds, or eventName with eventReferenceIds');
		}
		if (references.length > 10) return v2Error(400, 400, 'Invalid input: at most 10 eventReferenceIds are allowed');
		const entries = state()
			.ledger.filter((e) => e.customerId === found.customer.id)
			.filter((e) => {
				if (eventIds.length) return eventIds.includes(String(e.id));
				if (e.eventName !== eventName) return false;
				const transaction = transactionOf(state(), e);
				return references.includes(String(transaction?.id ?? '')) || references.includes(String(e.reference ?? ''));
			});
		const paged = pageOf(entries, req.query);
		if ('error' in paged) return paged.error;
		return ok({ events: paged.page.map((e) => explodeView(state(), e, req.query)) as Json[], warnings: [] });
	});
}
