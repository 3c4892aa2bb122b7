/**
 * Request endpoints: v1.1 request/add|approve|reject|get|logs (identifier change, merge, mobile
 * reallocation, goodwill points/coupons, retro transactions) and v2/requests (transaction requests
 * and, dispatched to piiDeletion.ts, PII deletion requests).
 *
 * Every request lives in the shared `sim.state.requests` map as a RequestRecord (id, type,
 * baseType, status, customerId, createdOn, updatedOn) plus the fields below, so the Customer group
 * can show goodwill, retro and change requests of a customer.
 */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { bodyObject, intParam, itemStatus, nowIso, nowV11, ok, paginate, v11Entities, v11Error, v11Ok, v2Error } from '../http';
import type { Simulator } from '../server';
import { createGoodwillRequest } from './customer';
import type { Customer, RequestRecord, SimState } from '../state';
import { POINTS_RATE } from '../state';
import { createPiiDeletion, isPiiDeletion, piiDeletionView, updatePiiDeletion } from './piiDeletion';

/** The fields this group adds to RequestRecord (all optional for records other groups create). */
export interface RequestDetails {
	/** 'v1.1' for request/add, 'v2' for POST v2/requests. */
	api?: string;
	referenceId?: string | null;
	oldValue?: string;
	newValue?: string;
	oldType?: string;
	newType?: string;
	transactionId?: string;
	targetCustomerId?: number | null;
	reason?: string;
	comments?: string;
	updatedComments?: string;
	points?: number;
	approvedValue?: string;
	seriesId?: string;
	couponCode?: string | null;
	programId?: number | null;
	oneStepChange?: boolean;
	approvalType?: string;
	addedBy?: string;
	updatedBy?: string | null;
	requestedOn?: string;
	/** v2 transaction requests: the transaction as sent, and the transaction created on approval. */
	transaction?: JsonObject;
	createdTransactionId?: number | null;
	source?: string;
	miscInfo?: string;
}

export type SimRequestRecord = RequestRecord & RequestDetails;

export const CHANGE_BASE_TYPES = ['MOBILE', 'EMAIL', 'EXTERNAL_ID', 'MERGE', 'MOBILE_REALLOC', 'ADDRESS'];
export const GOODWILL_BASE_TYPES = ['POINTS', 'COUPON'];
const BASE_TYPES: Record<string, string[]> = {
	CHANGE_IDENTIFIER: CHANGE_BASE_TYPES,
	GOODWILL: GOODWILL_BASE_TYPES,
	TRANSACTION_UPDATE: ['RETRO'],
};

/** The docs spell the goodwill coupon base type COUPON (samples) and COUPONS (tables): one value here. */
export function normaliseBaseType(value: unknown): string {
	const v = String(value ?? '').trim().toUpperCase();
	return v === 'COUPONS' ? 'COUPON' : v === 'REALLOCATION' ? 'MOBILE_REALLOC' : v;
}

/** The v1.1 response groups requests by type under these keys. */
export function groupKey(type: string): string {
	return type.toLowerCase();
}

class ItemFailure {
	constructor(
		readonly code: number,
		readonly message: string,
	) {}
}

function fail(code: number, message: string): never {
	throw new ItemFailure(code, message);
}

const IDENTIFIER_KEYS: Record<string, string> = { MOBILE: 'mobile', EMAIL: 'email', EXTERNAL_ID: 'externalId' };
const EXISTS_CODES: Record<string, [number, string]> = {
	MOBILE: [9005, 'Requested new mobile already exists'],
	EMAIL: [9002, 'Requested new email already exists'],
	EXTERNAL_ID: [9003, 'Requested new External ID already exists'],
};

/** A customer from a v1.1 `{mobile, email, external_id, id}` object (the first identifier given). */
export function v11CustomerOf(state: SimState, value: unknown): Customer | undefined {
	const c = (value ?? {}) as Record<string, unknown>;
	for (const key of ['id', 'mobile', 'email', 'external_id', 'user_id']) {
		const v = String(c[key] ?? '').trim();
		if (v) return state.findCustomer(key === 'id' ? 'id' : key, v);
	}
	return undefined;
}

function hasIdentifier(value: unknown): boolean {
	const c = (value ?? {}) as Record<string, unknown>;
	return ['id', 'mobile', 'email', 'external_id'].some((k) => String(c[k] ?? '').trim() !== '');
}

function setIdentifier(customer: Customer, type: string, value: string | undefined): void {
	const profile = customer.profiles[0];
	profile.identifiers = profile.identifiers.filter((i) => i.type !== type);
	if (value) profile.identifiers.push({ type, value });
	customer.updatedOn = nowIso();
}

export function v11CustomerView(state: SimState, customerId: number | null, withId = true): JsonObject {
	const customer = customerId !== null ? state.customers.get(customerId) : undefined;
	if (!customer) return {};
	const view: JsonObject = {
		firstname: customer.profiles[0]?.firstName ?? '',
		lastname: customer.profiles[0]?.lastName ?? '',
		email: state.identifier(customer, 'email'),
		mobile: state.identifier(customer, 'mobile'),
		external_id: state.identifier(customer, 'externalId'),
	};
	if (withId) view.id = customer.id;
	return view;
}

/** A request as v1.1 shows it. */
export function v11RequestView(state: SimState, r: SimRequestRecord): JsonObject {
	return {
		reference_id: r.referenceId ?? null,
		id: String(r.id),
		status: r.status,
		requested_on: r.requestedOn ?? nowV11(new Date(r.createdOn)),
		type: r.type,
		base_type: r.baseType,
		customer: v11CustomerView(state, r.customerId),
		old_value: r.oldValue ?? '',
		new_value: r.newValue ?? '',
		old_type: r.oldType ?? '',
		new_type: r.newType ?? '',
		misc_info: r.targetCustomerId ? { target_customer: v11CustomerView(state, r.targetCustomerId) } : null,
		transaction_id: r.transactionId ?? '0',
		reason: r.reason ?? '',
		comments: r.comments ?? '',
		...(r.points !== undefined ? { points: String(r.points) } : {}),
		...(r.seriesId ? { series_id: r.seriesId } : {}),
		...(r.approvedValue ? { approved_value: r.approvedValue } : {}),
		...(r.updatedComments ? { updated_comments: r.updatedComments } : {}),
		added_on: r.createdOn,
		last_action_on: r.updatedOn,
	};
}

// ---------------------------------------------------------------------------------------------
// Effects of an approval
// ---------------------------------------------------------------------------------------------

function issueGoodwillCoupon(state: SimState, r: SimRequestRecord, seriesId: string): string {
	const series = state.couponSeries.get(Number(seriesId));
	if (!series) fail(9009, `Request update failed: coupon series ${seriesId} not found`);
	const code = `GW${r.id}${String(series.id).slice(-3)}`;
	const now = nowIso();
	state.coupons.set(code, {
		id: state.nextEntityId++,
		code,
		seriesId: series.id,
		customerId: r.customerId ?? 0,
		issuedOn: now,
		validTill: series.validTillDate,
		redeemed: false,
		redeemedOn: null,
		transactionNumber: null,
	});
	series.numIssued += 1;
	return code;
}

/** What approving a v1.1 request does to the org. Throws ItemFailure when it cannot be applied. */
export function applyApproval(state: SimState, r: SimRequestRecord, input: JsonObject = {}): void {
	const customer = r.customerId !== null ? state.customers.get(r.customerId) : undefined;
	if (!customer) fail(9011, 'User is not registered');
	if (r.type === 'CHANGE_IDENTIFIER') {
		const key = IDENTIFIER_KEYS[r.baseType];
		if (key) {
			const owner = state.findCustomer(key, r.newValue ?? '');
			if (owner && owner.id !== customer.id) fail(...EXISTS_CODES[r.baseType]);
			setIdentifier(customer, key, r.newValue);
		} else if (r.baseType === 'MERGE') {
			const survivor = state.customers.get(Number(r.targetCustomerId));
			if (!survivor) fail(9007, 'Target customer is not Existing or Invalid');
			if (customer.points > 0) {
				const moved = customer.points;
				state.debit(customer, moved, 'CustomerMerge', `REQ-${r.id}`);
				state.credit(survivor, moved, 'CustomerMerge', `REQ-${r.id}`);
			}
			customer.mergedInto = survivor.id;
			customer.status = 'MERGED';
		} else if (r.baseType === 'MOBILE_REALLOC') {
			const target = state.customers.get(Number(r.targetCustomerId));
			if (!target) fail(9007, 'Target customer is not Existing or Invalid');
			const mobile = r.oldValue || state.identifier(customer, 'mobile');
			setIdentifier(customer, 'mobile', undefined);
			setIdentifier(target, 'mobile', mobile);
		}
	} else if (r.type === 'GOODWILL') {
		if (r.baseType === 'POINTS') {
			const points = input.points !== undefined && input.points !== '' ? Number(input.points) : Number(r.points ?? 0);
			if (!(points > 0)) fail(9024, 'New value is invalid: points must be positive');
			state.credit(customer, points, 'GoodwillPoints', `REQ-${r.id}`);
			r.approvedValue = String(points);
		} else {
			const seriesId = String(input.series_id ?? r.seriesId ?? '');
			r.couponCode = issueGoodwillCoupon(state, r, seriesId);
			r.approvedValue = r.couponCode;
		}
	} else if (r.type === 'TRANSACTION_UPDATE') {
		const transaction = findTransaction(state, r.transactionId);
		if (!transaction) fail(9009, 'Request update failed: transaction not found');
		if (transaction.customerId !== undefined && transaction.type !== 'NOT_INTERESTED') fail(1627, 'Transaction already marked retro');
		transaction.customerId = customer.id;
		transaction.type = 'REGULAR';
		transaction.pointsAwarded = Math.floor(transaction.amount * POINTS_RATE);
		customer.lifetimePurchases += transaction.amount;
		if (transaction.pointsAwarded > 0) state.credit(customer, transaction.pointsAwarded, 'RetroTransaction', transaction.number);
		state.loyaltyEvent(customer, 'TransactionAdd');
	}
}

function findTransaction(state: SimState, id: unknown) {
	const wanted = String(id ?? '');
	return state.transactions.get(Number(wanted)) ?? [...state.transactions.values()].find((t) => t.number === wanted);
}

// ---------------------------------------------------------------------------------------------
// v1.1 request/add validation
// ---------------------------------------------------------------------------------------------

export function addV11Request(sim: Simulator, entity: JsonObject, query: Record<string, string>): SimRequestRecord {
	const state = sim.state;
	const type = String(entity.type ?? '').trim().toUpperCase();
	const baseType = normaliseBaseType(entity.base_type);
	if (!BASE_TYPES[type]) fail(9006, 'Request Type is invalid');
	if (!BASE_TYPES[type].includes(baseType)) fail(9008, 'Request Base Type is invalid');
	if (!hasIdentifier(entity.customer)) fail(9019, 'No customer identifiers passed');
	const customer = v11CustomerOf(state, entity.customer);
	if (!customer) fail(9011, 'User is not registered');
	if (customer.mergedInto) fail(9027, 'Victim is already merged to another user');
	const requests = [...state.requests.values()] as SimRequestRecord[];
	const pending = (r: SimRequestRecord) => r.status === 'PENDING' && r.customerId === customer.id && r.type === type && r.baseType === baseType;
	const details: RequestDetails = {};

	if (type === 'CHANGE_IDENTIFIER') {
		const key = IDENTIFIER_KEYS[baseType];
		if (key) {
			const current = state.identifier(customer, key);
			const newValue = String(entity.new_value ?? '').trim();
			const oldValue = String(entity.old_value ?? '').trim();
			if (!newValue) fail(9024, 'New value is invalid');
			if (oldValue && oldValue.toLowerCase() !== current.toLowerCase()) fail(9012, 'Old value is invalid');
			if (newValue.toLowerCase() === current.toLowerCase()) fail(9031, 'Old value is same as new value');
			if (baseType === 'EMAIL' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(newValue)) fail(9001, 'Requested new email ID is invalid');
			if (baseType === 'MOBILE' && !/^\d{8,15}$/.test(newValue)) fail(9024, 'New value is invalid');
			const owner = state.findCustomer(key, newValue);
			if (owner && owner.id !== customer.id) fail(...EXISTS_CODES[baseType]);
			if (requests.some((r) => pending(r) && r.newValue === newValue)) fail(9028, 'Request already exists for same new value');
			details.oldValue = current;
			details.newValue = newValue;
		} else if (baseType === 'MERGE' || baseType === 'MOBILE_REALLOC') {
			const misc = (entity.misc_info ?? {}) as JsonObject;
			const target = v11CustomerOf(state, misc.target_customer);
			if (!target) fail(9007, 'Target customer is not Existing or Invalid');
			if (target.id === customer.id) fail(9029, 'Survivor and victim are same');
			if (baseType === 'MERGE') {
				if (target.mergedInto) fail(9023, 'Survivor is already merged to another user as victim');
				if (requests.some((r) => r.status === 'PENDING' && r.baseType === 'MERGE' && r.customerId === customer.id)) {
					fail(9018, 'Request for Merge already exists for the victim in pending or processing state');
				}
				details.oldValue = String(customer.id);
				details.newValue = String(target.id);
			} else {
				const mobile = String(entity.old_value ?? '') || state.identifier(customer, 'mobile');
				if (!mobile || mobile !== state.identifier(customer, 'mobile')) fail(9012, 'Old value is invalid');
				details.oldValue = mobile;
				details.newValue = String(target.id);
			}
			details.targetCustomerId = target.id;
		} else {
			details.oldValue = String(entity.old_value ?? '');
			details.newValue = String(entity.new_value ?? '');
		}
	} else if (type === 'GOODWILL') {
		if (baseType === 'POINTS') {
			const points = Number(entity.points);
			if (!(points > 0)) fail(9024, 'New value is invalid: points must be positive');
			details.points = points;
		} else {
			if (!entity.series_id) fail(9024, 'New value is invalid: series_id is required for goodwill coupons');
			details.seriesId = String(entity.series_id);
		}
		details.oldValue = state.identifier(customer, 'mobile');
		details.programId = query.program_id ? Number(query.program_id) : null;
	} else {
		const transaction = findTransaction(state, entity.transaction_id);
		if (!transaction) fail(9009, 'Request add failed due to internal error. Please try again later (transaction not found)');
		if (transaction.type !== 'NOT_INTERESTED') fail(1627, 'Transaction already marked retro');
		if (requests.some((r) => r.status === 'PENDING' && r.baseType === 'RETRO' && r.transactionId === String(transaction.id))) {
			fail(9055, 'Request has been queued earlier');
		}
		details.transactionId = String(transaction.id);
		details.oldType = String(entity.old_type ?? 'NOT_INTERESTED');
		details.miscInfo = typeof entity.misc_info === 'string' ? entity.misc_info : '';
		details.newType = String(entity.new_type ?? 'REGULAR');
	}
	if (entity.requested_on && Date.parse(String(entity.requested_on)) > Date.now() + 60_000) fail(9021, 'Requested On date is in future');

	const now = nowIso();
	const record: SimRequestRecord = {
		id: state.nextRequestId++,
		type,
		baseType,
		status: 'PENDING',
		customerId: customer.id,
		createdOn: now,
		updatedOn: now,
		api: 'v1.1',
		referenceId: entity.reference_id !== undefined && entity.reference_id !== '' ? String(entity.reference_id) : null,
		reason: String(entity.reason ?? ''),
		comments: String(entity.comments ?? ''),
		oneStepChange: query.is_one_step_change === 'true',
		approvalType: query.client_auto_approve === 'true' ? 'CLIENT' : 'CONFIG_DISABLED',
		addedBy: 'store.server',
		updatedBy: null,
		requestedOn: entity.requested_on ? String(entity.requested_on) : nowV11(),
		...details,
	};
	if (query.client_auto_approve === 'true' || record.oneStepChange) {
		applyApproval(state, record);
		record.status = 'APPROVED';
		record.updatedBy = 'store.server';
	}
	state.requests.set(record.id, record as RequestRecord);
	return record;
}

// ---------------------------------------------------------------------------------------------
// Filters shared by request/get and request/logs
// ---------------------------------------------------------------------------------------------

function filterV11(state: SimState, q: Record<string, string>): SimRequestRecord[] {
	let list = ([...state.requests.values()] as SimRequestRecord[]).filter((r) => BASE_TYPES[r.type]);
	if (q.type) list = list.filter((r) => r.type === q.type.toUpperCase());
	if (q.base_type) list = list.filter((r) => r.baseType === normaliseBaseType(q.base_type));
	if (q.status) list = list.filter((r) => r.status === q.status.toUpperCase());
	if (q.start_date) list = list.filter((r) => r.createdOn.slice(0, 10) >= q.start_date);
	if (q.end_date) list = list.filter((r) => r.createdOn.slice(0, 10) <= q.end_date);
	if (q.start_id) list = list.filter((r) => r.id >= Number(q.start_id));
	if (q.end_id) list = list.filter((r) => r.id <= Number(q.end_id));
	if (q.request_id) list = list.filter((r) => r.id === Number(q.request_id));
	if (q.added_by) list = list.filter((r) => r.addedBy === q.added_by);
	if (q.updated_by) list = list.filter((r) => r.updatedBy === q.updated_by);
	if (q.approval_type) list = list.filter((r) => r.approvalType === q.approval_type);
	if (q.is_one_step_change) list = list.filter((r) => Boolean(r.oneStepChange) === (q.is_one_step_change === 'true'));
	const customerKey = ['mobile', 'email', 'external_id', 'customer_id'].find((k) => q[k]) ?? (q.user_id && q.user_id !== 'true' && q.user_id !== 'false' ? 'user_id' : undefined);
	if (customerKey) {
		const customer = state.findCustomer(customerKey === 'customer_id' || customerKey === 'user_id' ? 'id' : customerKey, q[customerKey]);
		list = list.filter((r) => customer !== undefined && r.customerId === customer.id);
	}
	return list.sort((a, b) => a.id - b.id);
}

/** `{count, rows, <type>: [...], item_status}` grouped by request type. */
function grouped(entities: Array<[string, JsonObject]>, count: number): JsonObject {
	const out: JsonObject = { count: String(count), rows: String(entities.length) };
	for (const [type, view] of entities) {
		const key = groupKey(type);
		((out[key] ??= []) as Json[]).push(view);
	}
	out.item_status = itemStatus(true, 9000, 'Request retrieved successfully');
	return out;
}

// ---------------------------------------------------------------------------------------------
// v2/requests: transaction requests
// ---------------------------------------------------------------------------------------------

/** v2 identification `{source, identifierType, identifierValue, accountId}`. */
export function v2CustomerOf(state: SimState, info: unknown): Customer | undefined {
	const i = (info ?? {}) as Record<string, unknown>;
	if (!i.identifierType || !i.identifierValue) return undefined;
	const source = String(i.source ?? '');
	return state.findCustomer(String(i.identifierType), String(i.identifierValue), source || undefined, i.accountId ? String(i.accountId) : undefined);
}

function recordTransaction(state: SimState, r: SimRequestRecord): void {
	const t = (r.transaction ?? {}) as Record<string, Json>;
	const lineItems = Array.isArray(t.lineItemsV2) ? (t.lineItemsV2 as JsonObject[]) : [];
	const created = state.addTransaction({
		number: String(t.billNumber),
		type: String(t.type ?? 'REGULAR').toUpperCase(),
		customerId: r.customerId ?? undefined,
		amount: Number(t.billAmount ?? 0),
		grossAmount: t.grossAmount !== undefined ? Number(t.grossAmount) : undefined,
		discount: t.discount !== undefined ? Number(t.discount) : undefined,
		billingTime: String(t.billingDate ?? nowV11()),
		lineItems,
		paymentModes: Array.isArray(t.paymentModes) ? (t.paymentModes as JsonObject[]) : [],
		extendedFields: {},
		customFields: {},
		notes: String(t.note ?? ''),
		storeCode: 'store.server',
		source: 'v2',
	});
	r.createdTransactionId = created.id;
}

function addTransactionRequest(sim: Simulator, req: SimRequest, body: JsonObject): SimReply {
	const state = sim.state;
	if (String(body.baseType ?? '').toUpperCase() !== 'REGULAR_TXN_ADD') return v2Error(400, 9008, 'Request Base Type is invalid');
	const customer = v2CustomerOf(state, body.customerIdentificationInfo);
	if (!customer) return v2Error(404, 8015, 'Customer not found for the given identifiers');
	const transaction = (body.transaction ?? {}) as JsonObject;
	if (!transaction.billNumber) return v2Error(400, 600, 'Bill number is required');
	const amount = Number(transaction.billAmount);
	if (!Number.isFinite(amount) || amount < 0) return v2Error(400, 601, 'Invalid bill amount');
	const duplicate = ([...state.requests.values()] as SimRequestRecord[]).some(
		(r) => r.type === 'TRANSACTION' && r.status !== 'REJECTED' && String(r.transaction?.billNumber) === String(transaction.billNumber),
	);
	if (duplicate || state.transactionsWithNumber(String(transaction.billNumber)).some((t) => t.customerId === customer.id)) {
		return v2Error(400, 9055, 'Request has been queued earlier: a request or transaction with this bill number exists');
	}
	const now = nowIso();
	const record: SimRequestRecord = {
		id: state.nextRequestId++,
		type: 'TRANSACTION',
		baseType: 'REGULAR_TXN_ADD',
		status: 'PENDING',
		customerId: customer.id,
		createdOn: now,
		updatedOn: now,
		api: 'v2',
		transaction,
		source: String(req.query.source ?? (body.customerIdentificationInfo as JsonObject)?.source ?? ''),
		comments: '',
		oneStepChange: false,
		createdTransactionId: null,
	};
	if (req.query.client_auto_approve === 'true') {
		recordTransaction(state, record);
		record.status = 'SUCCESS';
	}
	state.requests.set(record.id, record as RequestRecord);
	return ok({ createdId: record.id, warnings: [] });
}

/** PUT rules for transaction requests: APPROVED (→ SUCCESS, records the transaction), REJECTED, PENDING, CUSTOM. */
function updateTransactionRequest(state: SimState, r: SimRequestRecord, status: string, comments: string): SimReply | undefined {
	const from = r.status;
	if (status === 'APPROVED') {
		if (from === 'REJECTED') return v2Error(400, 9055, 'Request has been queued earlier: a REJECTED request must be set to PENDING before approval');
		if (from !== 'PENDING' && from !== 'CUSTOM') return v2Error(400, 9055, `Request has been queued earlier: it is ${from}`);
		recordTransaction(state, r);
		r.status = 'SUCCESS';
	} else if (status === 'REJECTED' || status === 'CUSTOM') {
		if (from !== 'PENDING' && from !== 'CUSTOM') return v2Error(400, 9055, `Request has been queued earlier: it is ${from}`);
		r.status = status;
	} else if (status === 'PENDING') {
		if (from !== 'REJECTED' && from !== 'CUSTOM') return v2Error(400, 9055, `Request has been queued earlier: it is ${from}`);
		r.status = 'PENDING';
	} else {
		return v2Error(400, 400, `Invalid status ${status}`);
	}
	if (comments) r.comments = comments;
	r.updatedOn = nowIso();
	return undefined;
}

/** A request as GET v2/requests shows it. */
function v2View(state: SimState, r: SimRequestRecord): JsonObject {
	if (isPiiDeletion(r)) return piiDeletionView(r);
	const customer = r.customerId !== null ? state.customers.get(r.customerId) : undefined;
	return {
		id: r.id,
		type: r.type,
		baseType: r.baseType,
		status: r.status,
		...(r.transaction ? { transaction: r.transaction } : {}),
		images: [],
		customer: customer ? { id: customer.id, profiles: customer.profiles.map((p) => ({ firstName: p.firstName, lastName: p.lastName, source: p.source, identifiers: p.identifiers.map((i) => ({ type: i.type, value: i.value })) })) } : {},
		attribution: { createDate: r.createdOn, createdBy: { code: r.addedBy ?? 'store.server', type: 'TILL' } },
		addedOn: r.createdOn,
		lastUpdatedOn: r.updatedOn,
		userId: r.customerId,
		comments: r.comments ?? '',
		oneStep: Boolean(r.oneStepChange),
		...(r.createdTransactionId ? { transactionId: r.createdTransactionId } : {}),
	};
}

function listV2(state: SimState, q: Record<string, string>): SimReply {
	if (!q.requestType || !q.requestSubType) return v2Error(400, 9006, 'requestType and requestSubType are mandatory');
	let list = ([...state.requests.values()] as SimRequestRecord[]).filter(
		(r) => r.type === q.requestType.toUpperCase() && r.baseType === q.requestSubType.toUpperCase(),
	);
	const status = q.status ?? q.STATUS;
	if (status) list = list.filter((r) => r.status === status.toUpperCase());
	if (q.start_date) list = list.filter((r) => Date.parse(r.createdOn) >= Date.parse(q.start_date));
	if (q.end_date) list = list.filter((r) => Date.parse(r.createdOn) < Date.parse(q.end_date));
	if (q.identifierName && q.identifierValue) {
		const customer = state.findCustomer(q.identifierName, q.identifierValue, q.source || undefined, q.accountId || undefined);
		list = list.filter((r) => customer !== undefined && r.customerId === customer.id);
	}
	const key = q.sort === 'LAST_UPDATED_ON' ? 'updatedOn' : 'createdOn';
	const direction = (q.order ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
	list.sort((a, b) => (a[key] === b[key] ? a.id - b.id : a[key] < b[key] ? -1 : 1) * direction);
	// Docs: `offset` is the number of requests to skip (rows, not a page index).
	const { page, pagination } = paginate(list, q, 10, 50);
	return ok({ pagination, data: page.map((r) => v2View(state, r)), warnings: [], errors: [] });
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v1.1/request/add', (req) => {
		const entities = v11Entities(req, 'request');
		if (entities.length === 0) return v11Error(400, 'Input is invalid: root.request is missing');
		const results = entities.map((entity): JsonObject => {
			try {
				const record = addV11Request(sim, entity, req.query);
				const message = record.type === 'GOODWILL' ? 'Goodwill request added successfully' : record.type === 'TRANSACTION_UPDATE' ? 'Retro request added successfully' : 'Change Identifier request added successfully';
				return { ...v11RequestView(state(), record), item_status: itemStatus(true, record.type === 'GOODWILL' ? 9100 : 9000, message) };
			} catch (error) {
				if (!(error instanceof ItemFailure)) throw error;
				return {
					reference_id: entity.reference_id ?? null,
					type: entity.type ?? '',
					base_type: entity.base_type ?? '',
					customer: (entity.customer ?? {}) as JsonObject,
					item_status: itemStatus(false, error.code, error.message),
				};
			}
		});
		return reply(results, 'request');
	});

	const review = (approve: boolean) => (req: SimRequest) => {
		const entities = v11Entities(req, 'request');
		if (entities.length === 0) return v11Error(400, 'Input is invalid: root.request is missing');
		let key = 'request';
		const results = entities.map((entity): JsonObject => {
			const r = state().requests.get(Number(entity.id)) as SimRequestRecord | undefined;
			try {
				if (!r || !BASE_TYPES[r.type]) fail(9013, 'Request not found');
				if (String(entity.type ?? '').toUpperCase() !== r.type) fail(9006, 'Request Type is invalid');
				if (normaliseBaseType(entity.base_type) !== r.baseType) fail(9008, 'Request Base Type is invalid');
				if (r.status !== 'PENDING') fail(9055, `Request has been queued earlier: it is already ${r.status}`);
				if (approve) applyApproval(state(), r, entity);
				r.status = approve ? 'APPROVED' : 'REJECTED';
				r.updatedComments = String(entity.updated_comments ?? '');
				r.updatedBy = 'store.server';
				r.updatedOn = nowIso();
				if (approve && entities.length === 1) key = groupKey(r.type);
				return { ...v11RequestView(state(), r), item_status: itemStatus(true, 9000, approve ? 'Request approved successfully' : 'Request updated successfully') };
			} catch (error) {
				if (!(error instanceof ItemFailure)) throw error;
				return { id: String(entity.id ?? ''), type: entity.type ?? '', base_type: entity.base_type ?? '', item_status: itemStatus(false, error.code, error.message) };
			}
		});
		return reply(results, key);
	};
	router.post('/v1.1/request/approve', review(true));
	router.post('/v1.1/request/reject', review(false));

	router.get('/v1.1/request/get', (req) => {
		const q = req.query;
		if (q.type && !BASE_TYPES[q.type.toUpperCase()]) return v11Error(500, 'All requests have failed due to errors', 200, { requests: { item_status: itemStatus(false, 9006, 'Request Type is invalid') } });
		const list = filterV11(state(), q);
		const limit = intParam(q.limit, 30, 1, 50);
		const start = intParam(q.start_limit, 0, 0);
		const page = list.slice(start, start + limit);
		return v11Ok({ requests: grouped(page.map((r): [string, JsonObject] => [r.type, { ...v11RequestView(state(), r), added_by: { code: r.addedBy ?? '', name: r.addedBy ?? '' }, updated_by: r.updatedBy ? { code: r.updatedBy, name: r.updatedBy } : {} }]), list.length) }, 'SUCCESS');
	});

	router.get('/v1.1/request/logs', (req) => {
		const q = req.query;
		const missing = ['type', 'base_type', 'start_date', 'end_date'].filter((k) => !q[k]);
		if (missing.length) return v11Error(400, `Input is invalid: ${missing.join(', ')} missing`);
		if (!BASE_TYPES[q.type.toUpperCase()]) return v11Error(500, 'All requests have failed due to errors', 200, { requests: { item_status: itemStatus(false, 9006, 'Request Type is invalid') } });
		// Newest request first, as in the docs' sample; no offset: `limit` and the start_id/end_id range page.
		const list = filterV11(state(), q).reverse();
		const limit = intParam(q.limit, 10, 1, 1000);
		const withUserId = q.user_id === 'true';
		const page = list.slice(0, limit).map((r): [string, JsonObject] => {
			const view = v11RequestView(state(), r);
			return [
				r.type,
				{
					id: view.id,
					customer: { ...v11CustomerView(state(), r.customerId, withUserId), fraud_status: 'NONE' },
					type: r.type,
					base_type: r.baseType,
					status: r.status,
					old_value: view.old_value,
					new_value: view.new_value,
					...(r.type === 'GOODWILL' ? { points: view.points ?? '', approved_value: r.approvedValue ?? '' } : {}),
					...(r.type === 'TRANSACTION_UPDATE' ? { transaction_id: view.transaction_id } : {}),
					one_step_change: String(Boolean(r.oneStepChange)),
					approval_type: r.approvalType ?? 'CLIENT',
					logs: {
						added_by: { till: { code: r.addedBy ?? '', name: r.addedBy ?? '' }, store: {}, time: r.createdOn },
						updated_by: r.updatedBy ? { user: { name: r.updatedBy }, time: r.updatedOn } : {},
					},
				},
			];
		});
		return v11Ok({ requests: grouped(page, list.length) }, 'SUCCESS');
	});

	// v2/requests serves transaction requests and PII deletion requests (piiDeletion.ts).
	router.post('/v2/requests', (req) => {
		const body = bodyObject(req);
		const type = String(body.type ?? '').toUpperCase();
		if (type === 'CUSTOMER') return createPiiDeletion(sim, body);
		if (type === 'TRANSACTION') return addTransactionRequest(sim, req, body);
		if (type === 'GOODWILL') return createGoodwillRequest(state(), body);
		return v2Error(400, 9006, 'Request Type is invalid');
	});

	router.put('/v2/requests', (req) => {
		const updates = Array.isArray(req.body) ? (req.body as JsonObject[]) : [bodyObject(req)];
		if (updates.length !== 1) return v2Error(400, 1060, 'Bulk status change is not supported: send one request update');
		const [update] = updates;
		const r = state().requests.get(Number(update.id)) as SimRequestRecord | undefined;
		const type = String(update.type ?? '').toUpperCase();
		const baseType = String(update.baseType ?? '').toUpperCase();
		if (!r || r.type !== type || r.baseType !== baseType) return v2Error(404, 9013, 'Request not found');
		const status = String(update.status ?? '').toUpperCase();
		const comments = String(update.comments ?? '');
		const problem = isPiiDeletion(r) ? updatePiiDeletion(state(), r, status, comments) : type === 'TRANSACTION' ? updateTransactionRequest(state(), r, status, comments) : v2Error(400, 9006, 'Request Type is invalid');
		if (problem) return problem;
		return ok({ entityId: r.id, result: true, totalCount: 1, failureCount: 0, warnings: [] });
	});

	router.get('/v2/requests/:id', (req) => {
		const r = state().requests.get(Number(req.params.id)) as SimRequestRecord | undefined;
		if (!r) return v2Error(404, 9013, 'Request not found');
		return ok({ ...v2View(state(), r), warnings: [] });
	});

	router.get('/v2/requests', (req) => listV2(state(), req.query));
}

/** v1.1 batch reply: 200 when all succeeded, 201 when some failed, 500 when all failed. */
function reply(results: JsonObject[], key: string): SimReply {
	const failed = results.filter((r) => (r.item_status as JsonObject).success === 'false').length;
	const payload: JsonObject = { requests: { [key]: results } };
	if (failed === results.length) return v11Error(500, 'All requests have failed due to errors', 200, payload);
	if (failed > 0) return { status: 200, body: { response: { status: { success: 'true', code: '201', message: 'Some requests have failed due to errors' }, ...payload } } };
	return v11Ok(payload, 'SUCCESS');
}
