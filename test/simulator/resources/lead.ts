/**
 * Lead endpoints. A lead belongs to a customer (an unknown mobile/email creates a non-loyalty
 * customer), moves through statuses — each change appended to its status log with a reason —
 * and collects follow-ups. Reasons and sub-statuses are org settings.
 *
 * State: `collection('leads')` keyed by lead id, `collection('leadReasons')` keyed by reason id
 * (seeded with the system reasons APICALL and AUTO_CLOSE), `collection('leadSubStatuses')` keyed
 * by `STATUS:subStatus`.
 */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { bodyObject, intParam, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState } from '../state';
import { callingTill, entityByCode, orgEntities, parentStoreOf } from './organization';

export const LEAD_STATUSES = ['OPEN', 'WON', 'LOST', 'ON_HOLD', 'DELETED'];
const LEAD_TYPES = ['SKU', 'BRAND', 'CATEGORY', 'CUSTOM'];
/** Reason recorded when a lead is created without a status log. */
export const API_CALL_REASON_ID = 1;

export function leads(state: SimState): Map<string, JsonObject> {
	return state.collection('leads');
}

export function leadReasons(state: SimState): Map<string, JsonObject> {
	const map = state.collection('leadReasons');
	if (map.size === 0) {
		map.set('1', { id: 1, reason: 'APICALL' });
		map.set('2', { id: 2, reason: 'AUTO_CLOSE' });
	}
	return map;
}

export function leadSubStatuses(state: SimState): Map<string, JsonObject> {
	return state.collection('leadSubStatuses');
}

export function leadView(lead: JsonObject): JsonObject {
	const view: JsonObject = { ...lead };
	delete view.tillCode;
	delete view.storeCode;
	return view;
}

function fail(message: string, code = 400, status = 400): { error: SimReply } {
	return { error: v2Error(status, code, message) };
}

function isStatus(value: unknown): value is string {
	return typeof value === 'string' && LEAD_STATUSES.includes(value);
}

function reasonOf(state: SimState, reasonId: unknown): JsonObject | undefined {
	return leadReasons(state).get(String(Number(reasonId)));
}

function checkSubStatus(state: SimState, status: string, subStatus: unknown) {
	if (subStatus === undefined || subStatus === null || subStatus === '') return undefined;
	if (!leadSubStatuses(state).has(`${status}:${String(subStatus)}`)) {
		return fail(`Invalid sub-status ${String(subStatus)} for status ${status}. Create it with leads/substatus first.`);
	}
	return undefined;
}

function stringMap(value: unknown): Record<string, Json> {
	const out: Record<string, Json> = {};
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = v === null || v === undefined ? '' : String(v);
	}
	return out;
}

function findLead(state: SimState, id: string): { lead?: JsonObject; error?: SimReply } {
	const lead = /^\d+$/.test(id) ? leads(state).get(String(Number(id))) : undefined;
	return lead ? { lead } : fail(`Lead not found for the given id ${id}`, 404, 404);
}

function resolveCustomer(state: SimState, body: JsonObject): { customer?: Customer; error?: SimReply } {
	if (body.userId !== undefined && body.userId !== null && body.userId !== '') {
		const customer = state.customers.get(Number(body.userId));
		return customer ? { customer } : { error: v2Error(404, 8015, 'No customer found with the given identifier.') };
	}
	const idType = String(body.idType ?? '').toUpperCase();
	const identifier = String(body.identifier ?? '').trim();
	if (!['EMAIL', 'MOBILE'].includes(idType) || !identifier) {
		return { error: v2Error(400, 8013, 'Customer identifier is invalid. Pass userId, or idType (EMAIL or MOBILE) with identifier.') };
	}
	const type = idType.toLowerCase();
	const existing = state.findCustomer(type, identifier);
	if (existing) return { customer: existing };
	if (type === 'mobile' && !/^\d{8,15}$/.test(identifier)) return { error: v2Error(400, 1001, 'Invalid mobile number') };
	// Capillary registers an unknown identifier as a new non-loyalty customer.
	return { customer: state.addCustomer({ loyaltyType: 'non_loyalty', profile: { identifiers: [{ type, value: identifier }] } }) };
}

function logEntry(state: SimState, lead: JsonObject, status: string, reasonId: number, createdBy: Json, createdOn: string, subStatus?: string): JsonObject {
	const reason = reasonOf(state, reasonId);
	return {
		id: state.nextEntityId++,
		userId: lead.userId,
		leadId: lead.id,
		status,
		createdBy,
		createdOn,
		reasonId,
		reason: reason?.reason ?? '',
		...(subStatus ? { subStatus } : {}),
	};
}

function followUpEntry(state: SimState, lead: JsonObject, input: JsonObject, createdBy: Json): JsonObject {
	const entry: JsonObject = { id: state.nextEntityId++, userId: lead.userId, leadId: lead.id };
	if (input.notes !== undefined) entry.notes = String(input.notes);
	entry.createdBy = createdBy;
	entry.createdOn = nowIso();
	if (input.followedUpBy !== undefined) entry.followedUpBy = Number(input.followedUpBy);
	entry.followedUpOn = input.followedUpOn ?? null;
	if (input.scheduledFollowUp !== undefined) entry.scheduledFollowUp = input.scheduledFollowUp;
	if (input.nextFollowUp !== undefined) entry.nextFollowUp = input.nextFollowUp;
	return entry;
}

function create(state: SimState, req: SimRequest): { lead?: JsonObject; error?: SimReply } {
	const body = bodyObject(req);
	if (body.leadFor === undefined || String(body.leadFor).trim() === '') return fail('Invalid input : leadFor is mandatory.');
	const type = String(body.type ?? 'SKU').toUpperCase();
	if (!LEAD_TYPES.includes(type)) return fail(`Invalid input : type ${String(body.type)}. Use SKU, BRAND, CATEGORY or CUSTOM.`);
	const rawLog = Array.isArray(body.statusLogDetails) ? (body.statusLogDetails as JsonObject[]) : [];
	for (const entry of rawLog) {
		if (!isStatus(entry.status)) return fail(`Invalid lead status ${String(entry.status)}.`);
		if (entry.reasonId !== undefined && !reasonOf(state, entry.reasonId)) return fail(`Invalid reason id ${String(entry.reasonId)}.`);
	}
	const status = body.status ?? rawLog[rawLog.length - 1]?.status ?? 'OPEN';
	if (!isStatus(status)) return fail(`Invalid lead status ${String(status)}.`);
	const subStatusError = checkSubStatus(state, status, body.subStatus);
	if (subStatusError) return subStatusError;
	const { customer, error } = resolveCustomer(state, body);
	if (error || !customer) return { error };

	const till = callingTill(state, req);
	const store = parentStoreOf(state, till);
	const now = nowIso();
	const createdBy = body.createdBy !== undefined ? Number(body.createdBy) : Number(till.id);
	const lead: JsonObject = {
		id: state.nextEntityId++,
		userId: customer.id,
		type,
		leadFor: String(body.leadFor),
		status,
		nextFollowUp: (body.nextFollowUp as Json) ?? null,
		createdOn: String(body.createdOn ?? now),
		createdBy,
		lastUpdatedOn: String(body.lastUpdatedOn ?? now),
		lastUpdatedBy: body.lastUpdatedBy !== undefined ? Number(body.lastUpdatedBy) : createdBy,
		followUpDetails: [],
		statusLogDetails: [],
		orgSourceId: body.orgSourceId !== undefined ? Number(body.orgSourceId) : -1,
		extendedFields: stringMap(body.extendedFields),
		tillCode: till.code,
		storeCode: store?.code ?? '',
	};
	if (body.lastFollowUp !== undefined) lead.lastFollowUp = body.lastFollowUp;
	if (body.owner !== undefined && body.owner !== '') lead.owner = String(body.owner);
	if (body.subStatus) lead.subStatus = String(body.subStatus);
	const log = lead.statusLogDetails as JsonObject[];
	for (const entry of rawLog) {
		log.push(logEntry(state, lead, String(entry.status), Number(entry.reasonId ?? API_CALL_REASON_ID), Number(entry.createdBy ?? createdBy), now));
	}
	if (log.length === 0 || log[log.length - 1].status !== status) log.push(logEntry(state, lead, status, API_CALL_REASON_ID, createdBy, now, lead.subStatus as string | undefined));
	const followUps = lead.followUpDetails as JsonObject[];
	for (const f of Array.isArray(body.followUpDetails) ? (body.followUpDetails as JsonObject[]) : []) followUps.push(followUpEntry(state, lead, f, Number(till.id)));
	leads(state).set(String(lead.id), lead);
	return { lead };
}

/** GET v2/leads: every documented filter; limit/offset paging. */
function search(state: SimState, query: Record<string, string>): JsonObject[] {
	const type = String(query.type ?? '').toUpperCase();
	const entityType = String(query.entityType ?? '').toUpperCase();
	const entityCode = String(query.entityCode ?? '');
	const byEntity = (lead: JsonObject) => {
		if (!entityType || !entityCode) return true;
		if (entityType === 'TILL') return lead.tillCode === entityCode;
		if (entityType === 'STORE') return lead.storeCode === entityCode;
		if (['ASSOCIATE', 'STAFF', 'ADMIN_USER'].includes(entityType)) return lead.owner === entityCode;
		if (entityType === 'ZONE' || entityType === 'CONCEPT') {
			const store = entityByCode(state, 'STORE', String(lead.storeCode));
			const parent = entityType === 'ZONE' ? store?.parentId : store?.conceptId;
			const entity = parent ? orgEntities(state).get(String(parent)) : undefined;
			return entity?.code === entityCode;
		}
		return lead.tillCode === entityCode;
	};
	let list = [...leads(state).values()].filter(
		(l) =>
			(!query.userId || String(l.userId) === query.userId) &&
			(!query.status || l.status === query.status) &&
			(!query.substatus || l.subStatus === query.substatus) &&
			(!query.owner || l.owner === query.owner) &&
			(!type || type === 'ALL' || l.type === type) &&
			(query.orgSourceId === undefined || query.orgSourceId === '' || String(l.orgSourceId) === String(query.orgSourceId)) &&
			byEntity(l),
	);
	const key = String(query.sortBy ?? '').toLowerCase() === 'lastupdatedon' ? 'lastUpdatedOn' : 'createdOn';
	const desc = String(query.sortOrder ?? 'ASC').toUpperCase() === 'DESC';
	list = list.sort((a, b) => (String(a[key]).localeCompare(String(b[key])) || Number(a.id) - Number(b.id)) * (desc ? -1 : 1));
	const limit = intParam(query.limit, 10, 1, 100);
	const offset = intParam(query.offset, 0, 0);
	return list.slice(offset, offset + limit);
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v2/leads', (req) => {
		const result = create(state(), req);
		if (result.error || !result.lead) return result.error!;
		return ok({ ...leadView(result.lead), warnings: [] });
	});

	router.get('/v2/leads', (req) => ok({ data: search(state(), req.query).map(leadView), warnings: [], errors: [] }));

	// Org settings: reasons and sub-statuses (fixed paths before /v2/leads/:leadId).
	router.post('/v2/leads/reasons', (req) => {
		const list = Array.isArray(req.body) ? (req.body as JsonObject[]) : [];
		const texts = list.map((r) => String(r?.reason ?? '').trim());
		if (texts.length === 0 || texts.some((t) => t === '')) return v2Error(400, 400, 'Invalid input : pass a list of {"reason": "…"}.');
		const reasons = leadReasons(state());
		const data = texts.map((reason) => {
			const existing = [...reasons.values()].find((r) => String(r.reason).toLowerCase() === reason.toLowerCase());
			if (existing) return existing;
			const created = { id: state().nextEntityId++, reason };
			reasons.set(String(created.id), created);
			return created;
		});
		return ok({ data, warnings: [], errors: [] });
	});

	router.get('/v2/leads/reasons', () => ok({ data: [...leadReasons(state()).values()], warnings: [], errors: [] }));

	router.post('/v2/leads/substatus', (req) => {
		const body = bodyObject(req);
		if (!isStatus(body.status)) return v2Error(400, 400, `Invalid lead status ${String(body.status ?? '')}.`);
		const subStatus = String(body.subStatus ?? '').trim();
		if (!subStatus) return v2Error(400, 400, 'Invalid input : subStatus is mandatory.');
		const key = `${body.status}:${subStatus}`;
		if (leadSubStatuses(state()).has(key)) return v2Error(400, 400, `Sub-status ${subStatus} already exists for status ${body.status}.`);
		leadSubStatuses(state()).set(key, { status: body.status, subStatus });
		return ok({ status: body.status, subStatus, warnings: [] });
	});

	router.get('/v2/leads/substatuses', () => ok({ data: [...leadSubStatuses(state()).values()], warnings: [], errors: [] }));

	router.put('/v2/leads/:leadId/status', (req) => {
		const found = findLead(state(), req.params.leadId);
		if (found.error || !found.lead) return found.error!;
		const lead = found.lead;
		const body = bodyObject(req);
		if (!isStatus(body.status)) return v2Error(400, 400, `Invalid lead status ${String(body.status ?? '')}.`);
		if (body.reasonId === undefined || !reasonOf(state(), body.reasonId)) return v2Error(400, 400, `Invalid reason id ${String(body.reasonId ?? '')}.`);
		const subStatusError = checkSubStatus(state(), body.status, body.subStatus);
		if (subStatusError) return subStatusError.error;
		const till = callingTill(state(), req);
		const by = body.createdBy !== undefined ? Number(body.createdBy) : Number(till.id);
		const at = String(body.createdOn ?? nowIso());
		const subStatus = body.subStatus ? String(body.subStatus) : undefined;
		(lead.statusLogDetails as JsonObject[]).push(logEntry(state(), lead, body.status, Number(body.reasonId), by, at, subStatus));
		lead.status = body.status;
		if (subStatus) lead.subStatus = subStatus;
		else delete lead.subStatus;
		lead.lastUpdatedOn = nowIso();
		lead.lastUpdatedBy = by;
		return ok({ ...leadView(lead), warnings: [] });
	});

	router.post('/v2/leads/:leadId/followup', (req) => {
		const found = findLead(state(), req.params.leadId);
		if (found.error || !found.lead) return found.error!;
		const lead = found.lead;
		const body = bodyObject(req);
		if (!body.followedUpOn) return v2Error(400, 400, 'Invalid input : followedUpOn is mandatory.');
		if (body.createdBy === undefined || !Number.isFinite(Number(body.createdBy))) return v2Error(400, 400, 'Invalid input : createdBy (till id) is mandatory.');
		const entry = followUpEntry(state(), lead, body, Number(body.createdBy));
		(lead.followUpDetails as JsonObject[]).push(entry);
		lead.lastFollowUp = body.followedUpOn;
		if (body.nextFollowUp !== undefined) lead.nextFollowUp = body.nextFollowUp;
		lead.lastUpdatedOn = nowIso();
		lead.lastUpdatedBy = Number(body.createdBy);
		return ok({ ...leadView(lead), warnings: [] });
	});

	router.put('/v2/leads/:leadId', (req) => {
		const found = findLead(state(), req.params.leadId);
		if (found.error || !found.lead) return found.error!;
		const lead = found.lead;
		const body = bodyObject(req);
		if (body.owner === undefined && body.extendedFields === undefined) return v2Error(400, 400, 'Invalid input : nothing to update; pass owner or extendedFields.');
		if (body.owner !== undefined) lead.owner = String(body.owner);
		if (body.extendedFields !== undefined) lead.extendedFields = { ...(lead.extendedFields as JsonObject), ...stringMap(body.extendedFields) };
		lead.lastUpdatedOn = nowIso();
		lead.lastUpdatedBy = Number(callingTill(state(), req).id);
		return ok({ ...leadView(lead), warnings: [] });
	});

	router.get('/v2/leads/:leadId/statusLog', (req) => {
		const found = findLead(state(), req.params.leadId);
		if (found.error || !found.lead) return found.error!;
		return ok({ data: found.lead.statusLogDetails, warnings: [], errors: [] });
	});

	router.get('/v2/leads/:leadId/followups', (req) => {
		const found = findLead(state(), req.params.leadId);
		if (found.error || !found.lead) return found.error!;
		return ok({ data: found.lead.followUpDetails, warnings: [], errors: [] });
	});
}
