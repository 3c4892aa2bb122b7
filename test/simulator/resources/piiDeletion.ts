/**
 * PII deletion requests. They share the v2/requests routes with transaction requests, so
 * request.ts registers those routes and hands type CUSTOMER / base type DELETE to the functions
 * here. Requests are kept in the shared `sim.state.requests` map.
 */
import type { JsonObject, Router, SimReply } from '../http';
import { nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { RequestRecord, SimState } from '../state';
import type { SimRequestRecord } from './request';
import { v2CustomerOf } from './request';

export function isPiiDeletion(r: RequestRecord): boolean {
	return r.type === 'CUSTOMER' && r.baseType === 'DELETE';
}

/** POST v2/requests with type CUSTOMER: marks the customer pending deletion. */
export function createPiiDeletion(sim: Simulator, body: JsonObject): SimReply {
	const state = sim.state;
	if (String(body.baseType ?? '').toUpperCase() !== 'DELETE') return v2Error(400, 9008, 'Request Base Type is invalid');
	if (sim.state.collection('orgSettings').get('piiDeletion')?.enabled === false) return v2Error(400, 9021, 'Request Add/Update is blocked for the org');
	const customer = v2CustomerOf(state, body.customerIdentificationInfo);
	if (!customer) return v2Error(404, 8015, 'Customer not found for the given identifiers');
	const comments = String(body.comments ?? '');
	if (comments.length > 255) return v2Error(400, 400, 'comments cannot be longer than 255 characters');
	const open = ([...state.requests.values()] as SimRequestRecord[]).find((r) => isPiiDeletion(r) && r.customerId === customer.id && (r.status === 'PENDING' || r.status === 'APPROVED'));
	if (open) return v2Error(400, 9055, `Request has been queued earlier (request ${open.id})`);
	const now = nowIso();
	const record: SimRequestRecord = {
		id: state.nextRequestId++,
		type: 'CUSTOMER',
		baseType: 'DELETE',
		status: 'PENDING',
		customerId: customer.id,
		createdOn: now,
		updatedOn: now,
		api: 'v2',
		comments,
		source: String((body.customerIdentificationInfo as JsonObject)?.source ?? ''),
		oneStepChange: false,
	};
	state.requests.set(record.id, record);
	customer.statusLog.push({ status: 'DELETION_PENDING', label: 'deletion_pending', reason: `PII deletion request ${record.id}`, createdOn: now, isActive: true });
	customer.status = 'DELETION_PENDING';
	return ok({ createdId: record.id, warnings: [] });
}

/** PUT v2/requests for a deletion request: PENDING → APPROVED | REJECTED | CANCELLED. */
export function updatePiiDeletion(state: SimState, r: SimRequestRecord, status: string, comments: string): SimReply | undefined {
	if (!['APPROVED', 'REJECTED', 'CANCELLED'].includes(status)) return v2Error(400, 400, `Invalid status ${status}`);
	if (r.status !== 'PENDING') return v2Error(400, 9055, `Request has been queued earlier: it is already ${r.status}`);
	const now = nowIso();
	r.status = status;
	r.updatedOn = now;
	if (comments) r.updatedComments = comments;
	const customer = r.customerId !== null ? state.customers.get(r.customerId) : undefined;
	if (customer && status !== 'APPROVED') {
		customer.status = 'ACTIVE';
		customer.statusLog.push({ status: 'ACTIVE', label: 'Active', reason: `PII deletion request ${r.id} ${status.toLowerCase()}`, createdOn: now, isActive: true });
	}
	return undefined;
}

/** GET v2/requests/{id}: the request without the identifier it was raised with. */
export function piiDeletionView(r: SimRequestRecord): JsonObject {
	return {
		id: r.id,
		type: r.type,
		baseType: r.baseType,
		status: r.status,
		userId: r.customerId,
		addedOn: r.createdOn,
		lastUpdatedOn: r.updatedOn,
		comments: r.comments ?? '',
		...(r.updatedComments ? { updatedComments: r.updatedComments } : {}),
		oneStep: false,
	};
}

/** The v2/requests routes are registered once, by request.ts (they serve both resources). */
export function register(_router: Router, _sim: Simulator): void {}
