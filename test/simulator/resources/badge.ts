/**
 * Badges (api_gateway/v1/badges): org meta, badge definitions, claims, enrolment ("issue"),
 * earning and revocation. Answers `{data, errors, warnings}`; failures are `{data: null, errors:
 * [{code, message, reference}]}` with 400/404/409, per-customer failures sit in `error`.
 */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { bodyObject, ok } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState } from '../state';
import { ORG_ID } from '../state';

const BASE = '/api_gateway/v1/badges';

export const BADGE_OWNER_TYPES = [
	'Loyalty',
	'Loyalty_Promotion',
	'Referral_Campaigns',
	'Journeys',
	'Audience_Campaigns',
	'Rewards_Catalog',
	'Goodwill_Module',
	'Milestones',
	'Historical_Import',
];
/** Owner types a claim accepts (Capillary's 400 message lists these). */
const CLAIM_OWNER_TYPES = ['Loyalty', 'Referral_Campaigns', 'Journeys', 'Audience_Campaigns', 'Rewards_Catalog', 'Goodwill_Module', 'Milestones'];

const STAFF_USER = 75097962;

export function gatewayError(status: number, errors: Array<[code: number, message: string, reference?: string]>): SimReply {
	return { status, body: { data: null, errors: errors.map(([code, message, reference]) => ({ code, message, reference: reference ?? null })), warnings: null } };
}

function data(payload: Json, status = 200): SimReply {
	return ok({ data: payload, errors: [], warnings: [] }, status);
}

const nowSeconds = () => Date.now() / 1000;
const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** 24 hex digits, like Capillary's (Mongo) badge ids. */
function hexId(state: SimState): string {
	return `6a${(state.nextEntityId++).toString(16).padStart(22, '0')}`;
}

export function badges(state: SimState): Map<string, JsonObject> {
	return state.collection('badgeMeta');
}

function issues(state: SimState): Map<string, JsonObject> {
	return state.collection('badgeIssues');
}

function earns(state: SimState): Map<string, JsonObject> {
	return state.collection('badgeEarns');
}

function requestIds(state: SimState): Map<string, JsonObject> {
	return state.collection('badgeRequestIds');
}

function statusOf(badge: JsonObject): string {
	const now = nowSeconds();
	if (Number(badge.startOn) > now) return 'UPCOMING';
	if (badge.expiresOn !== null && badge.expiresOn !== undefined && Number(badge.expiresOn) < now) return 'EXPIRED';
	return 'LIVE';
}

function view(state: SimState, badge: JsonObject, statistics = true): JsonObject {
	const issued = [...issues(state).values()].filter((i) => i.badgeMetaId === badge.id).length;
	const earned = [...earns(state).values()].filter((e) => e.badgeMetaId === badge.id).length;
	return {
		...badge,
		startOnISO: iso(Number(badge.startOn)),
		expiresOnISO: badge.expiresOn === null ? null : iso(Number(badge.expiresOn)),
		status: statusOf(badge),
		...(statistics ? { issuedCount: issued, earnedCount: earned } : {}),
	};
}

/** Adds a badge definition; tests use it to seed. */
export function addBadge(state: SimState, input: Partial<JsonObject> & { name: string }): JsonObject {
	const now = nowSeconds();
	const badge: JsonObject = {
		id: hexId(state),
		badgeNumericId: badges(state).size + 101,
		orgId: ORG_ID,
		description: '',
		startOn: Math.floor(now) - 86_400,
		expiresOn: Math.floor(now) + 365 * 86_400,
		earnedBadgeExpiry: { expiryType: 'NEVER' },
		issuedBadgeExpiry: null,
		images: [],
		ownership: { restrictedToOwners: ['Loyalty'], claims: [] },
		customerConstraints: [],
		badgeConstraints: [],
		benefits: [],
		tags: [],
		badgeGroupId: null,
		badgeRank: 1,
		earnType: 'EARN',
		createdOn: now,
		createdBy: STAFF_USER,
		lastUpdatedOn: now,
		lastUpdatedBy: STAFF_USER,
		customFields: {},
		active: true,
		...input,
	};
	badges(state).set(String(badge.id), badge);
	return badge;
}

function validateBadge(state: SimState, body: JsonObject, selfId?: string): SimReply | undefined {
	const problems: Array<[number, string, string?]> = [];
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	if (!name) problems.push([400, 'Badge name cannot be empty', 'name']);
	else if ([...badges(state).values()].some((b) => b.name === name && b.id !== selfId)) problems.push([725, 'Badge name cannot be duplicate', 'name']);
	const owners = ((body.ownership as JsonObject | undefined)?.restrictedToOwners ?? []) as Json[];
	if (!Array.isArray(owners) || owners.length === 0) problems.push([728, 'Atleast one owner is required', 'ownership.restrictedToOwners']);
	else if (owners.some((o) => !BADGE_OWNER_TYPES.includes(String(o)))) problems.push([714, 'Owner type is not allowed, Please check the configuration']);
	if (body.earnType !== undefined && !['EARN', 'ISSUE_EARN'].includes(String(body.earnType))) problems.push([400, `Invalid enum value: '${String(body.earnType)}' for the field: 'earnType'`]);
	return problems.length ? gatewayError(400, problems) : undefined;
}

function findCustomer(state: SimState, id: unknown): Customer | undefined {
	return state.customers.get(Number(id));
}

/** The claim the trigger refers to; Capillary wants the badge claimed by that module first (810). */
function checkTrigger(badge: JsonObject, triggeredBy: unknown): SimReply | undefined {
	if (triggeredBy === undefined || triggeredBy === null) return undefined;
	const { ownerType, referenceId } = triggeredBy as { ownerType?: string; referenceId?: string };
	const claims = ((badge.ownership as JsonObject).claims ?? []) as JsonObject[];
	const claimed = claims.some((c) => c.isActive === true && c.ownerType === ownerType && String(c.referenceId) === String(referenceId ?? ''));
	if (!claimed) return gatewayError(400, [[810, 'The badge needs to be claimed first using the claim badge API.']]);
	return undefined;
}

function usedRequestId(state: SimState, requestId: unknown): SimReply | undefined {
	if (requestId === undefined || requestId === null || requestId === '') return undefined;
	const key = String(requestId);
	if (requestIds(state).has(key)) return gatewayError(400, [[809, 'Request with same requestId is not allowed']]);
	requestIds(state).set(key, { requestId: key });
	return undefined;
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;
	const lookup = (id: unknown): JsonObject | undefined => badges(state()).get(String(id ?? ''));
	const notFound = () => gatewayError(404, [[404, 'Passed badge is not found']]);

	// ----- org meta ----------------------------------------------------------------------------

	const orgMeta = () => state().collection('badgeOrgMeta');
	const writeOrgMeta = (req: SimRequest, existing?: JsonObject): SimReply => {
		const body = bodyObject(req);
		if (body.orgId === undefined && body.orgID === undefined) return gatewayError(400, [[400, 'orgId is mandatory', 'orgId']]);
		if (String(body.orgId ?? body.orgID) !== String(ORG_ID)) return gatewayError(400, [[1064, 'Invalid org ID passed', 'orgId']]);
		const tags = Array.isArray(body.tags) ? (body.tags as JsonObject[]) : [];
		const bad = tags.find((t) => !t.key);
		if (bad) return gatewayError(400, [[400, 'Tag key cannot be empty', 'tags.key']]);
		const now = nowSeconds();
		const meta: JsonObject = {
			id: existing?.id ?? hexId(state()),
			orgId: ORG_ID,
			tags: tags.map((t) => ({ key: t.key, dataType: t.dataType ?? 'string', description: t.description ?? '', mandatory: t.mandatory === true })),
			createdOn: existing?.createdOn ?? now,
			createdBy: STAFF_USER,
			lastUpdatedOn: now,
			lastUpdatedBy: STAFF_USER,
		};
		orgMeta().set('org', meta);
		return data(meta);
	};
	router.post(`${BASE}/orgMeta`, (req) => {
		if (orgMeta().has('org')) return gatewayError(409, [[999999, 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API']]);
		return writeOrgMeta(req);
	});
	router.put(`${BASE}/orgMeta`, (req) => {
		const existing = orgMeta().get('org');
		if (!existing) return gatewayError(404, [[999999, 'ORG_CONFIG_NOT_FOUND_PLEASE_USE_CREATE_ORG_CONFIG_API']]);
		return writeOrgMeta(req, existing);
	});
	router.get(`${BASE}/orgMeta`, () => {
		const existing = orgMeta().get('org');
		if (!existing) return gatewayError(404, [[999999, 'ORG_CONFIG_NOT_FOUND']]);
		return ok({ data: existing, errors: null, warnings: null });
	});

	// ----- badge meta --------------------------------------------------------------------------

	router.post(`${BASE}/badgeMeta`, (req) => {
		const body = bodyObject(req);
		const invalid = validateBadge(state(), body);
		if (invalid) return invalid;
		const migration = String(req.headers['x-cap-badges-migration'] ?? '') === 'migration';
		const ownership = body.ownership as JsonObject;
		const badge = addBadge(state(), {
			...body,
			name: String(body.name).trim(),
			ownership: { restrictedToOwners: ownership.restrictedToOwners, claims: [] },
			earnType: String(body.earnType ?? 'EARN'),
			active: body.active === undefined ? true : body.active === true,
			...(migration ? { migration: true } : {}),
		});
		return data(view(state(), badge), 201);
	});

	router.put(`${BASE}/badgeMeta`, (req) => {
		const body = bodyObject(req);
		const found = lookup(body.id);
		if (!found) return notFound();
		const merged: JsonObject = { ...found, ...body, id: found.id, orgId: ORG_ID };
		const ownership = { ...(found.ownership as JsonObject), ...((body.ownership as JsonObject | undefined) ?? {}) };
		merged.ownership = { restrictedToOwners: ownership.restrictedToOwners, claims: (found.ownership as JsonObject).claims };
		delete merged.status;
		delete merged.issuedCount;
		delete merged.earnedCount;
		const invalid = validateBadge(state(), merged, String(found.id));
		if (invalid) return invalid;
		merged.lastUpdatedOn = nowSeconds();
		badges(state()).set(String(found.id), merged);
		return data(view(state(), merged, false));
	});

	router.get(`${BASE}/badgeMeta`, (req) => {
		const q = req.query;
		const list = [...badges(state()).values()]
			.map((b) => view(state(), b))
			.filter((b) => !q.status || b.status === q.status)
			.filter((b) => !q.earnType || b.earnType === q.earnType)
			.filter((b) => !q.badgeType || String(b.earnType).toLowerCase() === q.badgeType.toLowerCase())
			.filter((b) => !q.action || (q.action === 'ACTIVATED') === (b.active === true))
			.filter((b) => !q.owner || ((b.ownership as JsonObject).restrictedToOwners as Json[]).includes(q.owner))
			.filter((b) => !q.claimedBy || ((b.ownership as JsonObject).claims as JsonObject[]).some((c) => c.ownerType === q.claimedBy && c.isActive === true))
			.filter((b) => q.unclaimed !== 'true' || ((b.ownership as JsonObject).claims as JsonObject[]).length === 0)
			.filter((b) => !q.name || b.name === q.name);
		return data({ metaBasicDetails: list });
	});

	// Fixed paths before the `:badgeId` ones.
	router.post(`${BASE}/badgeMeta/customer/issueBulk`, (req) => {
		const body = bodyObject(req);
		const found = lookup(body.badgeMetaId);
		if (!found) return notFound();
		const customers = Array.isArray(body.customers) ? body.customers : [];
		if (customers.length === 0) return gatewayError(400, [[1051, 'Customers are mandatory', 'customers']]);
		const triggerProblem = checkTrigger(found, body.triggeredBy);
		if (triggerProblem) return triggerProblem;
		const duplicate = usedRequestId(state(), body.requestId);
		if (duplicate) return duplicate;
		const expiresOn = Number(found.expiresOn);
		const issuedBadges = customers.map((id): JsonObject => {
			const customerId = Number(id);
			if (!findCustomer(state(), customerId)) {
				return { customerId, issuedId: null, error: { code: 8015, message: 'Customer not found', reference: null }, status: null };
			}
			const active = [...issues(state()).values()].find((i) => i.badgeMetaId === found.id && i.customerId === customerId && i.status === 'ACTIVE');
			if (active) {
				return { customerId, issuedId: active.issuedId, error: { code: 1040, message: 'An active issue for the badge already exists.', reference: null }, status: 'ACTIVE' };
			}
			const issuedId = hexId(state());
			issues(state()).set(issuedId, {
				issuedId,
				badgeMetaId: found.id,
				customerId,
				status: 'ACTIVE',
				issuedOn: nowSeconds(),
				issueEventDate: (body.issueEventDate as Json) ?? null,
				requestId: (body.requestId as Json) ?? null,
			});
			return { customerId, issuedId, status: 'ACTIVE' };
		});
		return data({
			badgeMetaId: found.id,
			triggeredBy: (body.triggeredBy as Json) ?? null,
			expiresOn,
			expiresOnISO: iso(expiresOn),
			issuedBadges,
			requestId: (body.requestId as Json) ?? null,
		});
	});

	router.post(`${BASE}/badgeMeta/customer/revokeIssue`, (req) => {
		const body = bodyObject(req);
		const found = lookup(body.badgeMetaId);
		if (!found) return notFound();
		const wanted: Array<{ customerId: number; issueId?: string }> = Array.isArray(body.revokeIssuals)
			? (body.revokeIssuals as JsonObject[]).map((r) => ({ customerId: Number(r.customerId), issueId: String(r.issueId ?? '') }))
			: Array.isArray(body.customers)
				? (body.customers as Json[]).map((c) => ({ customerId: Number(c) }))
				: [];
		if (wanted.length === 0) return gatewayError(200, [[1051, 'RevokeIssuals or CustomerId is mandatory']]);
		const revokedIssuedBadges = wanted.map(({ customerId, issueId }): JsonObject => {
			const active = [...issues(state()).values()].find(
				(i) => i.badgeMetaId === found.id && i.customerId === customerId && i.status === 'ACTIVE' && (!issueId || i.issuedId === issueId),
			);
			if (!active) return { customerId, issuedId: null, error: { code: 404, message: "Customer doesn't have issue instance", reference: null } };
			active.status = 'REVOKED';
			return { customerId, issuedId: active.issuedId, error: null };
		});
		return data({ badgeMetaId: found.id, revokedIssuedBadges, requestId: null });
	});

	router.get(`${BASE}/badgeMeta/:badgeId`, (req) => {
		const found = lookup(req.params.badgeId);
		if (!found) return notFound();
		const badge = view(state(), found, req.query.includeStatistics === 'true');
		if (req.query.status && badge.status !== req.query.status) return gatewayError(404, [[404, 'Passed badge is not found']]);
		return ok({ data: badge, errors: null, warnings: null });
	});

	router.post(`${BASE}/badgeMeta/:badgeId/claim`, (req) => {
		const found = lookup(req.params.badgeId);
		if (!found) return notFound();
		const { ownerType, referenceId } = bodyObject(req) as { ownerType?: string; referenceId?: string };
		if (!CLAIM_OWNER_TYPES.includes(String(ownerType))) {
			return gatewayError(400, [[400, `Invalid enum value: '${String(ownerType)}' for the field: 'ownerType'. The value must be one of: [${CLAIM_OWNER_TYPES.join(', ')}].`]]);
		}
		if (!referenceId) return gatewayError(400, [[400, 'referenceId is mandatory', 'referenceId']]);
		const ownership = found.ownership as JsonObject;
		if (!(ownership.restrictedToOwners as Json[]).includes(ownerType!)) return gatewayError(400, [[714, 'Owner type is not allowed, Please check the configuration']]);
		const claim = { ownerType: ownerType!, referenceId: String(referenceId), isActive: true };
		ownership.claims = [...((ownership.claims as JsonObject[]) ?? []).filter((c) => !(c.ownerType === ownerType && c.referenceId === claim.referenceId)), claim];
		return ok({ data: claim, errors: null, warnings: [] });
	});

	router.put(`${BASE}/badgeMeta/:badgeId/:activationStatus`, (req) => {
		const found = lookup(req.params.badgeId);
		if (!found) return notFound();
		const status = req.params.activationStatus;
		if (status !== 'activate' && status !== 'deactivate') return gatewayError(400, [[400, `Invalid activation status: ${status}`]]);
		found.active = status === 'activate';
		found.lastUpdatedOn = nowSeconds();
		return data({ id: found.id, isActive: found.active });
	});

	// ----- customers ---------------------------------------------------------------------------

	router.post(`${BASE}/customer/earn`, (req) => {
		const body = bodyObject(req);
		const found = lookup(body.badgeMetaId);
		if (!found) return notFound();
		const customerId = Number(body.customerId);
		if (!findCustomer(state(), customerId)) return gatewayError(404, [[8015, 'Customer not found', 'customerId']]);
		if (!body.requestId) return gatewayError(400, [[400, 'requestId is mandatory', 'requestId']]);
		const triggerProblem = checkTrigger(found, body.triggeredBy);
		if (triggerProblem) return triggerProblem;
		let issuedId: Json = null;
		if (found.earnType === 'ISSUE_EARN') {
			const issue = [...issues(state()).values()].find((i) => i.badgeMetaId === found.id && i.customerId === customerId && i.status === 'ACTIVE');
			if (!issue) return gatewayError(409, [[811, 'Badge issue is mandatory before earn']]);
			issuedId = issue.issuedId;
		}
		const duplicate = usedRequestId(state(), body.requestId);
		if (duplicate) return duplicate;
		const earnedBadgeId = hexId(state());
		const now = nowSeconds();
		const expiresOn = now + 30 * 86_400;
		earns(state()).set(earnedBadgeId, {
			earnedBadgeId,
			badgeMetaId: found.id,
			customerId,
			isActive: true,
			earnedOn: now,
			earnEventDate: body.earnEventDate ? Date.parse(String(body.earnEventDate)) / 1000 : now,
			expiresOn,
		});
		return data({ badgeMetaId: found.id, customerId, earnedBadgeId, expiresOn, expiresOnISO: iso(expiresOn), requestId: String(body.requestId), issuedId });
	});

	router.post(`${BASE}/customer/revokeEarn`, (req) => {
		const body = bodyObject(req);
		const found = lookup(body.badgeMetaId);
		if (!found) return notFound();
		const earn = earns(state()).get(String(body.earnedBadgeId ?? ''));
		if (!earn || earn.badgeMetaId !== found.id || earn.customerId !== Number(body.customerId) || earn.isActive !== true) {
			return gatewayError(409, [[814, 'Active earn instance is not present.']]);
		}
		earn.isActive = false;
		return data({ badgeMetaId: found.id, customerId: earn.customerId, earnedBadgeId: earn.earnedBadgeId, isActive: false });
	});

	router.get(`${BASE}/customer/:customerId`, (req) => {
		const identifier = String(req.headers['x-cap-customer-identifier'] ?? '');
		const types: Record<string, string> = { email: 'email', mobile: 'mobile', cardNumber: 'cardnumber', externalId: 'externalId' };
		const customer = identifier ? state().findCustomer(types[identifier] ?? identifier, req.params.customerId) : findCustomer(state(), req.params.customerId);
		if (!customer) return gatewayError(404, [[8015, 'Customer not found']]);
		const q = req.query;
		const now = nowSeconds();
		const all = [...badges(state()).values()].filter((b) => b.active === true);
		const myEarns = (badge: JsonObject) =>
			[...earns(state()).values()].filter((e) => e.badgeMetaId === badge.id && e.customerId === customer.id && (q.includeExpired === 'true' || (e.isActive === true && Number(e.expiresOn) > now)));
		const enrolled = (badge: JsonObject) => [...issues(state()).values()].some((i) => i.badgeMetaId === badge.id && i.customerId === customer.id && i.status === 'ACTIVE');
		const chosen =
			(q.badgeType ?? 'AVAILABLE') === 'EARNED'
				? all.filter((b) => myEarns(b).length > 0)
				: all.filter((b) => statusOf(b) === 'LIVE' && (b.earnType === 'EARN' || enrolled(b)));
		const list = chosen
			.filter((b) => !q.groupId || String(b.badgeGroupId) === q.groupId)
			.map((b): JsonObject => {
				const mine = myEarns(b);
				const last = mine.reduce<JsonObject | undefined>((a, e) => (!a || Number(e.earnedOn) > Number(a.earnedOn) ? e : a), undefined);
				return {
					badgeMetaId: b.id,
					orgId: ORG_ID,
					name: b.name,
					description: b.description,
					startOn: b.startOn,
					expiresOn: b.expiresOn,
					images: b.images,
					tags: b.tags,
					badgeGroupId: b.badgeGroupId,
					badgeGroupName: null,
					badgeRank: b.badgeRank,
					ownership: b.ownership,
					earnType: b.earnType,
					benefits: b.benefits,
					customerConstraints: b.customerConstraints,
					badgeConstraints: b.badgeConstraints,
					earnedCount: mine.length || null,
					lastEarnedOnDate: last ? (last.earnedOn as number) : null,
					lastEarnEventDate: last ? (last.earnEventDate as number) : null,
					customFields: b.customFields,
					active: b.active,
				};
			})
			.filter((b) => !q.lastEarnedOnDate || (b.lastEarnedOnDate !== null && Number(b.lastEarnedOnDate) * 1000 >= Number(q.lastEarnedOnDate)))
			.filter((b) => !q.lastEarnEventDate || (b.lastEarnEventDate !== null && Number(b.lastEarnEventDate) * 1000 >= Number(q.lastEarnEventDate)));
		if (q.sortOn === 'rank') list.sort((a, b) => Number(a.badgeRank) - Number(b.badgeRank));
		return data({ badges: list, pagination: { page: 0, size: list.length, total: list.length, totalPages: 1 } });
	});
}
