/**
 * Rejected transactions (the "sanity queue"): list, mark permanently failed, retrigger and the
 * retrigger status. Rejections live in the collection `rejectedTransactions` (keyed by entityId),
 * seeded lazily; a retrigger of a fixed rejection adds the transaction for real (points move).
 */
import type { Json, JsonObject, Router, SimReply } from '../http';
import { bodyObject, nowIso, nowV11, ok, paginate, v2Error } from '../http';
import type { Simulator } from '../server';
import { ORG_ID, type SimState } from '../state';

const OPEN_STATUSES = ['OPEN', 'PARTIAL_FIXED'];
const RETRIGGERABLE = ['OPEN', 'PARTIAL_FIXED', 'FIXED', 'REPLAYED'];
/** Retries after which a rejection that still fails is given up (MAX_OUT). */
export const MAX_RETRIES = 3;

export interface RejectedTransaction extends JsonObject {
	entityId: number;
	userId: number;
	orgId: number;
	retryCount: number;
	billNumber: string;
	eventDate: string;
	autoUpdateTime: string;
	status: string;
	errors: JsonObject[];
	/** Simulator-only: the cause was fixed in the org (e.g. the item now exists), so a retrigger succeeds. */
	fixed: boolean;
	/** Simulator-only: what a successful retrigger adds. */
	payload: JsonObject;
	comments: string;
}

function daysAgo(days: number): string {
	return nowIso(new Date(Date.now() - days * 86_400_000));
}

/** The rejections, seeded on first use with a few for the demo customers. */
export function rejections(state: SimState): Map<string, JsonObject> {
	const collection = state.collection('rejectedTransactions');
	if (collection.size > 0) return collection;
	const tom = state.findCustomer('mobile', '919111111111');
	const rita = state.findCustomer('mobile', '919222222222');
	const seed = (userId: number | undefined, billNumber: string, status: string, days: number, error: JsonObject, fixed: boolean, amount: number) => {
		if (userId === undefined) return;
		const entityId = state.nextEntityId++;
		const record: RejectedTransaction = {
			entityId,
			userId,
			orgId: ORG_ID,
			retryCount: 0,
			billNumber,
			eventDate: daysAgo(days),
			autoUpdateTime: daysAgo(days),
			status,
			errors: [{ ...error, status: false, referenceId: entityId - 400 }],
			fixed,
			payload: { amount, itemCode: String(error.value ?? 'SKU-1') },
			comments: '',
		};
		collection.set(String(entityId), record);
	};
	seed(tom?.id, 'BILL-2001', 'OPEN', 2, { code: 683, message: 'invalid item code: SKU-404', value: 'SKU-404' }, false, 800);
	seed(tom?.id, 'BILL-2002', 'OPEN', 5, { code: 683, message: 'invalid item code: SKU-NEW', value: 'SKU-NEW' }, true, 500);
	seed(rita?.id, 'BILL-2003', 'PARTIAL_FIXED', 8, { code: 684, message: 'invalid payment mode: VOUCHER9', value: 'VOUCHER9' }, true, 300);
	seed(rita?.id, 'BILL-2004', 'PERMANENT_FAILED', 40, { code: 683, message: 'invalid item code: SKU-OLD', value: 'SKU-OLD' }, false, 100);
	return collection;
}

function view(record: JsonObject, withPayload: boolean): JsonObject {
	const { fixed: _fixed, payload, comments, ...rest } = record;
	const out: JsonObject = { ...rest };
	if (comments) out.comments = comments;
	if (withPayload) out.transactionPayload = JSON.stringify({ billNumber: record.billNumber, ...(payload as JsonObject) });
	return out;
}

function dayOf(value: string | undefined): string | undefined | 'invalid' {
	if (!value) return undefined;
	return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : 'invalid';
}

/** The `{userId, transactionNumber[], errorCode[]}` selection of markFailed / retrigger. */
function select(state: SimState, body: JsonObject): { records: JsonObject[] } | { error: SimReply } {
	const numbers = Array.isArray(body.transactionNumber) ? body.transactionNumber.map(String) : body.transactionNumber ? [String(body.transactionNumber)] : [];
	const codes = Array.isArray(body.errorCode) ? body.errorCode.map(String) : body.errorCode ? [String(body.errorCode)] : [];
	const userId = body.userId !== undefined && body.userId !== null && body.userId !== '' ? Number(body.userId) : undefined;
	if (!numbers.length && !codes.length && userId === undefined) {
		return { error: v2Error(400, 400, 'Invalid input: pass transactionNumber, userId or errorCode') };
	}
	const records = [...rejections(state).values()].filter((r) => {
		if (numbers.length && !numbers.includes(String(r.billNumber))) return false;
		if (userId !== undefined && r.userId !== userId) return false;
		if (codes.length && !(r.errors as JsonObject[]).some((e) => codes.includes(String(e.code)))) return false;
		return true;
	});
	return { records };
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;
	const retriggers = () => state().collection('rejectedTransactionRetriggers');

	router.get('/v2/organization/rejectedTransactions', (req) => {
		const q = req.query;
		const start = dayOf(q.startDate);
		const end = dayOf(q.endDate);
		if (start === 'invalid' || end === 'invalid') return v2Error(400, 400, 'Invalid date format, expected yyyy-MM-dd');
		const from = start ?? (end ? undefined : nowIso(new Date(Date.now() - 30 * 86_400_000)).slice(0, 10));
		const status = String(q.status ?? 'ALL').toUpperCase();
		let list = [...rejections(state()).values()].filter((r) => {
			const day = String(r.eventDate).slice(0, 10);
			if (from && day < from) return false;
			if (end && day > end) return false;
			if (status === 'ALL' ? !OPEN_STATUSES.includes(String(r.status)) : r.status !== status) return false;
			if (q.userId && r.userId !== Number(q.userId)) return false;
			if (q.transactionNumber && r.billNumber !== q.transactionNumber) return false;
			if (q.errorCode && !(r.errors as JsonObject[]).some((e) => String(e.code) === q.errorCode)) return false;
			if (q.errorValue && !(r.errors as JsonObject[]).some((e) => String(e.value) === q.errorValue)) return false;
			return true;
		});
		list = list.sort((a, b) => String(a.eventDate).localeCompare(String(b.eventDate)));
		const { page, pagination } = paginate(list, q, 10, 100);
		return ok({ pagination, data: page.map((r) => view(r, q.isTransactionPayloadRequired === 'true')) as Json[], warnings: [], errors: [] });
	});

	router.get('/v2/organization/rejectedTransactions/retriggerStatus/:retriggerId', (req) => {
		const found = retriggers().get(req.params.retriggerId);
		if (!found) return v2Error(404, 404, `No retrigger request found for retriggerId ${req.params.retriggerId}`);
		return ok({ retriggerId: found.retriggerId, status: found.status, warnings: [] });
	});

	router.put('/v2/organization/rejectedTransactions/markFailed', (req) => {
		const body = bodyObject(req);
		const selected = select(state(), body);
		if ('error' in selected) return selected.error;
		const open = selected.records.filter((r) => RETRIGGERABLE.includes(String(r.status)));
		for (const record of open) {
			record.status = 'PERMANENT_FAILED';
			record.autoUpdateTime = nowIso();
			record.comments = String(body.comments ?? '');
		}
		return ok({ result: open.length > 0, warnings: [], errors: [] });
	});

	router.post('/v2/organization/rejectedTransactions/retrigger', (req) => {
		const selected = select(state(), bodyObject(req));
		if ('error' in selected) return selected.error;
		const candidates = selected.records.filter((r) => RETRIGGERABLE.includes(String(r.status)));
		if (!candidates.length) return v2Error(400, 400, 'No rejected transactions to retrigger for the given input');
		const status = { success: 0, fixed: 0, maxOut: 0, replayed: 0 };
		for (const record of candidates) {
			record.retryCount = Number(record.retryCount) + 1;
			record.autoUpdateTime = nowIso();
			if (record.fixed) {
				status.fixed++;
				const payload = record.payload as JsonObject;
				const added = state().addTransaction({
					number: String(record.billNumber),
					type: 'REGULAR',
					customerId: Number(record.userId),
					amount: Number(payload.amount),
					billingTime: nowV11(new Date(Date.parse(String(record.eventDate)))),
					lineItems: [{ itemCode: String(payload.itemCode), amount: Number(payload.amount), rate: Number(payload.amount), qty: 1 }],
					paymentModes: [],
					extendedFields: {},
					customFields: {},
					notes: 'Retriggered rejected transaction',
					storeCode: 'store.server',
					source: 'v2',
				});
				record.status = 'SUCCESS';
				record.transactionId = added.id;
				status.success++;
			} else if (Number(record.retryCount) >= MAX_RETRIES) {
				record.status = 'MAX_OUT';
				status.maxOut++;
			} else {
				record.status = 'REPLAYED';
				status.replayed++;
			}
		}
		const retriggerId = state().nextEntityId++;
		retriggers().set(String(retriggerId), { retriggerId, status, entityIds: candidates.map((r) => r.entityId) });
		return ok({ retriggerId, warnings: [], errors: [] });
	});
}
