/**
 * User groups (userGroup2): create, update, search, delete, join, leave, transfer, transactions,
 * members, tier history and points schedules. Groups live in the shared `sim.state.userGroups`
 * (UserGroupRecord); join/leave/transfer change `members` and `primaryUserId`, and every read
 * derives its answer from them (transactions from `sim.state.transactions` of the members).
 *
 * Group-only extras kept on the record (JsonObject-extensible): `maxGroupSize`, `memberDetails`
 * ({userId: {permissions, joinedOn, primaryMember}}), `slabHistory`, `createdBy`.
 */
import type { Json, JsonObject, Router, SimRequest } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState, Transaction, UserGroupRecord } from '../state';
import { parseSimDate } from './behaviouralEvent';

/** Capillary's product limit on maxGroupSize (also its default). */
export const MAX_GROUP_SIZE = 30000;

const PERMISSIONS = ['block_points_redemption'];

const TIERS = [
	{ name: 'Bronze', from: 0 },
	{ name: 'Silver', from: 1000 },
	{ name: 'Gold', from: 5000 },
];

const SIM_TILL_ID = 75155373;

interface MemberDetail {
	permissions: string[];
	joinedOn: string;
	primaryMember: boolean;
}

function details(group: UserGroupRecord): Record<string, MemberDetail> {
	if (!group.memberDetails || typeof group.memberDetails !== 'object') group.memberDetails = {};
	return group.memberDetails as unknown as Record<string, MemberDetail>;
}

function memberDetail(group: UserGroupRecord, userId: number): MemberDetail {
	return details(group)[String(userId)] ?? { permissions: [], joinedOn: group.createdOn || nowIso(), primaryMember: group.primaryUserId === userId };
}

function maxSize(group: UserGroupRecord): number {
	return Number(group.maxGroupSize ?? MAX_GROUP_SIZE);
}

/** Creates a group record the way POST v2/userGroup2 does (tests use it to seed). */
export function createGroup(state: SimState, input: { externalId: string; groupName?: string; maxGroupSize?: number; points?: number }): UserGroupRecord {
	const group: UserGroupRecord = {
		id: state.nextEntityId++,
		name: input.groupName ?? '',
		externalId: input.externalId,
		primaryUserId: 0,
		members: [],
		points: input.points ?? 0,
		status: 'ACTIVE',
		createdOn: nowIso(),
		maxGroupSize: input.maxGroupSize ?? MAX_GROUP_SIZE,
		memberDetails: {},
		slabHistory: [],
		createdBy: SIM_TILL_ID,
	};
	state.userGroups.set(group.id, group);
	return group;
}

/** Adds a member as join does (no validation); tests use it to seed. */
export function addMember(group: UserGroupRecord, userId: number, primaryMember = false, permissions: string[] = []): void {
	if (!group.members.includes(userId)) group.members.push(userId);
	details(group)[String(userId)] = { permissions, joinedOn: nowIso(), primaryMember };
	if (primaryMember) group.primaryUserId = userId;
}

function findGroup(state: SimState, key: string, value: string): UserGroupRecord | undefined {
	const v = String(value).trim();
	for (const group of state.userGroups.values()) {
		if (key === 'id' && String(group.id) === v) return group;
		if (key === 'externalId' && group.externalId.toLowerCase() === v.toLowerCase() && v !== '') return group;
		if (key === 'primaryUserId' && group.primaryUserId && String(group.primaryUserId) === v) return group;
	}
	return undefined;
}

/** `?id=` | `?externalId=` | `?primaryUserId=` (first present wins). */
function groupFromQuery(state: SimState, query: Record<string, string>, keys = ['id', 'externalId', 'primaryUserId']) {
	const key = keys.find((k) => query[k] !== undefined && query[k] !== '');
	if (!key) return { error: v2Error(400, 1635, 'Group query param is not passed.') };
	const group = findGroup(state, key, query[key]);
	if (!group) return { error: v2Error(400, 1632, `Group id/externalId/primary userId ${query[key]} passed is not valid.`) };
	return { group };
}

function tierOf(points: number): number {
	let index = 0;
	TIERS.forEach((t, i) => (points >= t.from ? (index = i) : undefined));
	return index;
}

function customerOf(state: SimState, id: number): Customer | undefined {
	return state.customers.get(id);
}

function lifetimePurchases(state: SimState, group: UserGroupRecord): number {
	return group.members.reduce((sum, id) => sum + (customerOf(state, id)?.lifetimePurchases ?? 0), 0);
}

function fleetUsers(group: UserGroupRecord): JsonObject[] {
	return group.members.map((userId) => {
		const d = memberDetail(group, userId);
		return { userId, groupId: group.id, permissions: d.permissions, defaultGroup: true, primaryMember: group.primaryUserId === userId, active: true };
	});
}

function groupView(state: SimState, group: UserGroupRecord, query: Record<string, string>): JsonObject {
	const view: JsonObject = {
		id: group.id,
		externalId: group.externalId,
		groupStatus: group.status,
		fleetGroupUsers: fleetUsers(group),
		createdBy: Number(group.createdBy ?? SIM_TILL_ID),
		createdOn: group.createdOn,
		groupName: group.name,
		maxGroupSize: maxSize(group),
		lifeTimePurchases: lifetimePurchases(state, group),
	};
	if (query.expiredPoints === 'true') view.expiredPoints = [];
	if (query.expirySchedules === 'true') view.expirySchedules = expirySchedules(group);
	if (query.gapToUpgradeFor) {
		const current = tierOf(group.points);
		const next = TIERS[Math.min(TIERS.length - 1, current + 1)];
		view.gapToUpgrade = [
			{
				upgradeBasedOn: 'CURRENT_POINTS',
				upgradeThreshold: next.from,
				customerUpgradeEntityValues: { currentValue: group.points, gapToUpgrade: Math.max(0, next.from - group.points), valueValidUpto: '2121-11-22' },
			},
		];
	}
	if (query.programDetails === 'true') view.programDetails = [{ programId: 1, programName: 'Default Program', currentPoints: group.points, tier: TIERS[tierOf(group.points)].name }];
	view.warnings = [];
	return view;
}

function expirySchedules(group: UserGroupRecord): JsonObject[] {
	if (!(group.points > 0)) return [];
	const created = new Date(parseSimDate(group.createdOn || nowIso()) ?? Date.now());
	const expiry = new Date(created.getTime() + 365 * 86_400_000);
	return [{ points: group.points, expiryDate: expiry.toISOString().slice(0, 10), programId: 1, pointsType: 'REGULAR', expiryType: 'FIXED_DATE' }];
}

function isoOf(date: string): string {
	const ms = parseSimDate(date);
	return ms === undefined ? date : nowIso(new Date(ms));
}

function transactionView(state: SimState, group: UserGroupRecord, t: Transaction, embed: string[]): JsonObject {
	const view: JsonObject = {
		pointSummary: {
			issuedPoints: Math.max(0, t.pointsAwarded),
			returnedPoints: Math.max(0, -t.pointsAwarded),
			redeemedPoints: 0,
			expiredPoints: 0,
			availablePoints: Math.max(0, t.pointsAwarded),
			programId: 1,
		},
		userGroup2: { id: group.id, groupStatus: group.status, lifeTimePurchases: lifetimePurchases(state, group), primaryUserId: group.primaryUserId },
		billDetails: {
			amount: t.amount,
			billingStore: { code: t.storeCode, name: t.storeCode, type: 'STORE' },
			billNumber: t.number,
			billingTime: isoOf(t.billingTime),
			discount: t.discount ?? 0,
			grossAmount: t.grossAmount ?? t.amount,
			note: t.notes,
		},
		customerId: t.customerId ?? 0,
		id: t.id,
		type: t.type.toUpperCase(),
	};
	if (embed.includes('CUSTOMFIELDS')) view.customFields = t.customFields;
	if (embed.includes('EXTENDEDFIELDS')) view.extendedFields = t.extendedFields;
	if (embed.includes('LINEITEMS')) view.lineItems = t.lineItems.map((details, i) => ({ id: t.id * 100 + i, details }));
	if (embed.includes('PAYMENTDETAILS') && t.type.toUpperCase() === 'REGULAR') view.paymentDetails = t.paymentModes;
	return view;
}

/** limit/offset as Capillary reads them: non-positive limit → default, negative offset → 0. */
function window(query: Record<string, string>, defaultLimit: number) {
	const rawLimit = Number(query.limit);
	const limit = Number.isFinite(rawLimit) && rawLimit > 0 ? Math.floor(rawLimit) : defaultLimit;
	const rawOffset = Number(query.offset);
	const offset = Number.isFinite(rawOffset) && rawOffset > 0 ? Math.floor(rawOffset) : 0;
	return { limit, offset };
}

function badDate(name: string, value: string | undefined) {
	return value !== undefined && value !== '' && parseSimDate(value) === undefined ? v2Error(400, 400, `Invalid ${name}: ${value}`) : undefined;
}

function validSize(value: unknown) {
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) return v2Error(400, 1640, 'Group max size field should be a positive value.');
	if (n > MAX_GROUP_SIZE) return v2Error(400, 1639, `Group max size can not exceed product limit ${MAX_GROUP_SIZE}`);
	return undefined;
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v2/userGroup2/join', (req) => {
		const found = groupFromQuery(state(), req.query);
		if (found.error) return found.error;
		const group = found.group;
		const entries = Array.isArray(req.body) ? (req.body as JsonObject[]) : req.body && typeof req.body === 'object' ? [req.body as JsonObject] : [];
		if (entries.length === 0 || entries.some((e) => e === null || typeof e !== 'object')) return v2Error(400, 403, 'Field userId is mandatory.');
		const response: JsonObject[] = [];
		let failures = 0;
		for (const entry of entries) {
			const userId = Number(entry.userId);
			const primaryMember = entry.primaryMember === true || entry.primaryMember === 'true';
			const permissions = Array.isArray(entry.permissions) ? entry.permissions.map(String) : [];
			const fail = (code: number, message: string) => {
				failures++;
				response.push({ entityId: { userId: Number.isFinite(userId) ? userId : 0, groupId: group.id }, errors: [{ status: false, code, message }], warnings: [] });
			};
			const customer = customerOf(state(), userId);
			if (entry.userId === undefined || entry.userId === '' || entry.userId === null) fail(403, 'Field userId is mandatory.');
			else if (!customer) fail(8015, 'Customer not found for the given identifiers.');
			else if (customer.mergedInto) fail(8069, 'Merged customer found.');
			else if (permissions.some((p) => !PERMISSIONS.includes(p))) fail(1641, `Invalid permission code ${permissions.find((p) => !PERMISSIONS.includes(p))} passed.`);
			else if (group.members.includes(userId)) fail(1636, 'Customer is already a member of the group.');
			else if (group.members.length >= maxSize(group)) fail(1638, `Total members in the group reached maximum group capacity ${maxSize(group)}.`);
			else if (primaryMember && group.primaryUserId && group.primaryUserId !== userId) fail(1637, 'Primary member exists for the group.');
			else if (primaryMember && [...state().userGroups.values()].some((g) => g.id !== group.id && g.primaryUserId === userId)) fail(1642, 'User is primary member in a different group.');
			else {
				addMember(group, userId, primaryMember, permissions);
				const result = { userId, groupId: group.id, permissions, defaultGroup: primaryMember, active: true, primaryMember };
				response.push({ entityId: result, result, warnings: [] });
			}
		}
		return ok({ response, totalCount: entries.length, failureCount: failures }, failures > 0 && failures < entries.length ? 201 : 200);
	});

	router.delete('/v2/userGroup2/:groupId/leave', (req) => {
		const group = /^\d+$/.test(req.params.groupId) ? state().userGroups.get(Number(req.params.groupId)) : undefined;
		if (!group) return v2Error(400, 1619, `Group id ${req.params.groupId} is invalid`);
		const { identifierName, identifierValue, source, accountId } = req.query;
		if (!identifierName || !identifierValue || !source) return v2Error(400, 403, 'Field identifierName, identifierValue and source are mandatory.');
		const customer = state().findCustomer(identifierName, identifierValue, source, accountId || undefined);
		if (!customer) return v2Error(404, 8015, 'Customer not found for the given identifiers.');
		if (!group.members.includes(customer.id)) return v2Error(400, 1620, `User ${customer.id} does not belong to group ${group.id}.`);
		group.members = group.members.filter((id) => id !== customer.id);
		delete details(group)[String(customer.id)];
		if (group.primaryUserId === customer.id) group.primaryUserId = 0;
		return ok({ warnings: [], errors: [], success: true });
	});

	router.post('/v2/userGroup2/transfer', (req) => {
		const body = bodyObject(req);
		for (const field of ['leaveGroupId', 'joinGroupId', 'userIds']) {
			if (body[field] === undefined || body[field] === null || body[field] === '') return v2Error(400, 403, `Field ${field} is mandatory.`);
		}
		const from = state().userGroups.get(Number(body.leaveGroupId));
		if (!from) return v2Error(400, 1619, `Group id ${String(body.leaveGroupId)} is invalid`);
		const to = state().userGroups.get(Number(body.joinGroupId));
		if (!to) return v2Error(400, 1619, `Group id ${String(body.joinGroupId)} is invalid`);
		if (!Array.isArray(body.userIds) || body.userIds.length === 0) return v2Error(400, 403, 'Field userIds is mandatory.');
		const userIds = body.userIds.map(Number);
		for (const userId of userIds) {
			if (!from.members.includes(userId)) return v2Error(400, 1620, `User ${userId} does not belong to group ${from.id}.`);
			if (from.primaryUserId === userId) return v2Error(400, 1624, `Group transfer not allowed for primary member ${userId}`);
			if (to.members.includes(userId)) return v2Error(400, 1623, `User ${userId} already present in group ${to.id}.`);
		}
		if (to.members.length + userIds.length > maxSize(to)) return v2Error(400, 1638, `Total members in the group reached maximum group capacity ${maxSize(to)}.`);
		for (const userId of userIds) {
			const permissions = memberDetail(from, userId).permissions;
			from.members = from.members.filter((id) => id !== userId);
			delete details(from)[String(userId)];
			addMember(to, userId, false, permissions);
		}
		return ok({ warnings: [], errors: [], success: true });
	});

	router.get('/v2/userGroup2/search', (req) => {
		const q = (req.query.q ?? req.query.id ?? '').trim();
		if (!q) return v2Error(400, 1635, 'Group query param is not passed.');
		if (q.length > 50) return v2Error(400, 400, 'Search query cannot be longer than 50 characters');
		const needle = q.toLowerCase();
		const matches = [...state().userGroups.values()]
			.filter((g) => {
				if (String(g.id) === q || g.externalId.toLowerCase() === needle || g.name.toLowerCase().includes(needle)) return true;
				const primary = g.primaryUserId ? customerOf(state(), g.primaryUserId) : undefined;
				return !!primary && ['mobile', 'email', 'cardnumber'].some((t) => state().identifier(primary, t).toLowerCase() === needle);
			})
			.sort((a, b) => a.id - b.id);
		const { limit, offset } = window(req.query, 10);
		const data = matches.slice(offset, offset + limit).map((g) => {
			const primary = g.primaryUserId ? customerOf(state(), g.primaryUserId) : undefined;
			const profile = primary?.profiles[0];
			return {
				groupId: g.id,
				groupName: g.name,
				groupStatus: g.status,
				groupExternalId: g.externalId,
				firstName: profile?.firstName ?? '',
				lastName: profile?.lastName ?? '',
				primaryMemberId: g.primaryUserId || null,
				email: primary ? state().identifier(primary, 'email') : '',
				mobile: primary ? state().identifier(primary, 'mobile') : '',
				totalMembers: g.members.length,
				totalActiveMembers: g.members.length,
				lifeTimePurchases: lifetimePurchases(state(), g),
				extendedFields: {},
			};
		});
		return ok({ pagination: { limit, offset, total: matches.length }, data, warnings: [], errors: [] });
	});

	router.get('/v2/userGroup2/transactions', (req) => {
		const query = req.query;
		let group: UserGroupRecord | undefined;
		if (['id', 'externalId', 'primaryUserId'].some((k) => query[k])) {
			const found = groupFromQuery(state(), query);
			if (found.error) return found.error;
			group = found.group;
		} else if (query.identifierName && query.identifierValue) {
			const primary = state().findCustomer(query.identifierName, query.identifierValue, query.source || undefined, query.accountId || undefined);
			if (!primary) return v2Error(404, 8015, 'Customer not found for the given identifiers.');
			group = [...state().userGroups.values()].find((g) => g.primaryUserId === primary.id);
			if (!group) return v2Error(400, 1632, `Group id/externalId/primary userId ${primary.id} passed is not valid.`);
		} else return v2Error(400, 1635, 'Group query param is not passed.');
		const invalid = badDate('startDate', query.startDate) ?? badDate('endDate', query.endDate);
		if (invalid) return invalid;
		const from = query.startDate ? parseSimDate(query.startDate)! : -Infinity;
		const until = query.endDate ? parseSimDate(query.endDate)! : Infinity;
		const members = new Set(group.members);
		const list = [...state().transactions.values()]
			.filter((t) => t.customerId !== undefined && members.has(t.customerId))
			.filter((t) => !query.type || t.type.toUpperCase() === query.type.toUpperCase())
			.filter((t) => !query.customerId || String(t.customerId) === query.customerId)
			.filter((t) => !query.transactionId || String(t.id) === query.transactionId)
			.filter((t) => !query.billNumber || t.number === query.billNumber)
			.filter((t) => {
				const at = parseSimDate(t.billingTime) ?? parseSimDate(t.addedOn) ?? 0;
				return at >= from && at < until;
			})
			.sort((a, b) => {
				const diff = (parseSimDate(a.billingTime) ?? 0) - (parseSimDate(b.billingTime) ?? 0) || a.id - b.id;
				return (query.order ?? 'desc').toLowerCase() === 'asc' ? diff : -diff;
			});
		const { limit, offset } = window(query, 20);
		const embed = (query.embed ?? '').toUpperCase().split(',').map((s) => s.trim());
		const data = list.slice(offset, offset + limit).map((t) => transactionView(state(), group!, t, embed));
		return ok({ data, warnings: [], errors: [] });
	});

	router.get('/v2/userGroup2/members', (req) => {
		const query = req.query;
		if (!query.source) return v2Error(400, 403, 'Field source is mandatory.');
		if ((query.identifierName ?? 'id') !== 'id') return v2Error(400, 400, `Invalid identifierName ${query.identifierName}: only id is supported`);
		if (!query.identifierValue) return v2Error(400, 1635, 'Group query param is not passed.');
		const group = findGroup(state(), 'id', query.identifierValue);
		if (!group) return v2Error(400, 1632, `Group id/externalId/primary userId ${query.identifierValue} passed is not valid.`);
		const invalid = badDate('fromDate', query.fromDate) ?? badDate('toDate', query.toDate);
		if (invalid) return invalid;
		const from = query.fromDate ? parseSimDate(query.fromDate)! : -Infinity;
		const until = query.toDate ? parseSimDate(query.toDate)! : Infinity;
		const sortBy = query.sortBy ?? 'IS_PRIMARY';
		const descending = (query.sortOrder ?? 'DESC').toUpperCase() === 'DESC';
		const members = group.members
			.map((userId) => ({ userId, detail: memberDetail(group, userId), customer: customerOf(state(), userId) }))
			.filter((m) => {
				const joined = parseSimDate(m.detail.joinedOn) ?? 0;
				return joined >= from && joined <= until;
			})
			.sort((a, b) => {
				const joined = (parseSimDate(a.detail.joinedOn) ?? 0) - (parseSimDate(b.detail.joinedOn) ?? 0) || a.userId - b.userId;
				if (sortBy === 'IS_PRIMARY') {
					const primary = Number(b.userId === group.primaryUserId) - Number(a.userId === group.primaryUserId);
					return primary || joined;
				}
				return descending ? -joined : joined;
			});
		const { limit, offset } = window(query, 10);
		const data = members.slice(offset, offset + limit).map(({ userId, detail, customer }) => {
			const profile = customer?.profiles[0];
			const view: JsonObject = {
				fleetUserId: userId,
				firstName: profile?.firstName ?? '',
				lastName: profile?.lastName ?? '',
				joinedOn: detail.joinedOn,
				permissions: detail.permissions,
				pointsContributed: customer ? state().transactionsOf(userId).reduce((sum, t) => sum + Math.max(0, t.pointsAwarded), 0) : 0,
				identifiers: (profile?.identifiers ?? []).map((i) => ({ type: i.type, value: i.value })) as Json,
				email: customer ? state().identifier(customer, 'email') : '',
				mobile: customer ? state().identifier(customer, 'mobile') : '',
				role: userId === group.primaryUserId ? 'PRIMARY' : 'SECONDARY',
				inActive: customer?.status !== undefined && customer.status !== 'ACTIVE',
				primaryMember: userId === group.primaryUserId,
			};
			if (query.includeCardDetails === 'true') {
				view.cardDetails = [...state().cards.values()]
					.filter((c) => c.customerId === userId)
					.map((c) => ({ cardNumber: c.cardNumber, seriesId: c.seriesId, statusLabel: c.statusLabel, createdOn: c.createdOn }));
			}
			if (query.includeStatusDetails === 'true') {
				view.statusDetails = { status: customer?.status ?? 'UNKNOWN', label: customer?.status === 'ACTIVE' ? 'Active' : String(customer?.status ?? ''), updatedOn: customer?.updatedOn ?? '' };
			}
			return view;
		});
		const body: JsonObject = { data, warnings: [], errors: [] };
		if (query.paginationDetails === 'true') body.pagination = { limit, offset, sortBy, sortOrder: descending ? 'DESC' : 'ASC', total: members.length };
		return ok(body);
	});

	router.get('/v2/userGroup2/slabHistory', (req) => {
		const query = req.query;
		if (!query.fleetGroupId) return v2Error(400, 1635, 'Group query param is not passed.');
		const group = findGroup(state(), 'id', query.fleetGroupId);
		if (!group) return v2Error(400, 1632, `Group id/externalId/primary userId ${query.fleetGroupId} passed is not valid.`);
		const invalid = badDate('startDate', query.startDate) ?? badDate('endDate', query.endDate);
		if (invalid) return invalid;
		// The group's tier follows its points; a change since the last entry is recorded now.
		const history = (Array.isArray(group.slabHistory) ? group.slabHistory : (group.slabHistory = [])) as JsonObject[];
		const last = history.length ? Number(history[history.length - 1].toSlabNumber) : 0;
		const current = tierOf(group.points);
		if (current !== last) {
			history.push({
				fromSlabNumber: last + 1,
				toSlabNumber: current + 1,
				from: TIERS[last].name,
				to: TIERS[current].name,
				changedOn: nowIso(),
				notes: 'Tier evaluated on group points',
				tillId: SIM_TILL_ID,
				store: { id: 15089278, code: 'store.server', description: 'Simulator store', name: 'Simulator store', type: 'STORE', adminType: 'GENERAL', isOrgUnit: false },
				type: current > last ? 'UPGRADE' : 'DOWNGRADE',
				programId: 1,
			});
		}
		const from = query.startDate ? parseSimDate(query.startDate)! : -Infinity;
		const until = query.endDate ? parseSimDate(query.endDate)! : Infinity;
		const list = history
			.filter((h) => {
				const at = parseSimDate(String(h.changedOn)) ?? 0;
				return at >= from && at < until;
			})
			.slice()
			.reverse();
		const pageSize = Number(query.pageSize) > 0 ? Math.floor(Number(query.pageSize)) : 10;
		return ok({ data: list.slice(0, pageSize), pagination: { limit: pageSize, offset: 0, total: list.length }, warnings: [] });
	});

	router.get('/v2/userGroup2/pointsExpirySchedule', (req) => {
		const found = groupFromQuery(state(), req.query);
		if (found.error) return found.error;
		const invalid = badDate('startDate', req.query.startDate) ?? badDate('endDate', req.query.endDate);
		if (invalid) return invalid;
		const from = req.query.startDate ? parseSimDate(req.query.startDate)! : -Infinity;
		const until = req.query.endDate ? parseSimDate(req.query.endDate)! : Infinity;
		let list = expirySchedules(found.group).filter((s) => {
			const at = parseSimDate(String(s.expiryDate)) ?? 0;
			return at >= from && at <= until;
		});
		if (req.query.fetchEarliestExpiryOnly === 'true') list = list.slice(0, 1);
		const { limit, offset } = window({ limit: req.query.limits, offset: req.query.offsets }, 100);
		return ok({ expirySchedules: list.slice(offset, offset + limit), warnings: [] });
	});

	router.get('/v2/userGroup2/promisedPointsSchedule', (req) => {
		const found = groupFromQuery(state(), req.query, ['primaryUserId', 'id', 'externalId']);
		if (found.error) return found.error;
		const group = found.group;
		const list: JsonObject[] = group.members
			.map((userId) => ({ userId, points: Number(customerOf(state(), userId)?.extra.promisedPoints ?? 0) }))
			.filter((p) => p.points > 0)
			.map((p) => {
				const redeemable = new Date(Date.now() + 30 * 86_400_000);
				return { points: p.points, redeemableFrom: nowIso(redeemable).slice(0, 10), redeemableFromISO: nowIso(redeemable), programId: 1, pointsType: 'bill_regular', userId: p.userId };
			});
		const { limit, offset } = window(req.query, 100);
		return ok({ entityId: group.id, entityType: 'USERGROUP2', promisedPointsScheduleList: list.slice(offset, offset + limit), triggerBasedPointsList: [], warnings: [] });
	});

	router.post('/v2/userGroup2', (req) => {
		const body = bodyObject(req);
		const externalId = String(body.externalId ?? '').trim();
		if (!externalId) return v2Error(400, 1634, "Group externalId can't be null");
		if (body.maxGroupSize === undefined || body.maxGroupSize === null || body.maxGroupSize === '') return v2Error(400, 403, 'Field maxGroupSize is mandatory.');
		const sizeError = validSize(body.maxGroupSize);
		if (sizeError) return sizeError;
		if (findGroup(state(), 'externalId', externalId)) return v2Error(400, 1633, `Group external Id ${externalId} already exists.`);
		const group = createGroup(state(), { externalId, groupName: body.groupName === undefined ? '' : String(body.groupName), maxGroupSize: Number(body.maxGroupSize) });
		return ok({ entity: group.id, warnings: [] });
	});

	router.put('/v2/userGroup2', (req) => {
		const body = bodyObject(req);
		const key = body.id !== undefined && body.id !== '' && body.id !== null ? 'id' : body.externalId ? 'externalId' : undefined;
		if (!key) return v2Error(400, 1644, 'Group details not passed.');
		const group = findGroup(state(), key, String(body[key]));
		if (!group) return v2Error(400, 1632, `Group id/externalId/primary userId ${String(body[key])} passed is not valid.`);
		const hasName = body.groupName !== undefined && body.groupName !== null;
		const hasSize = body.maxGroupSize !== undefined && body.maxGroupSize !== null && body.maxGroupSize !== '';
		if (!hasName && !hasSize) return v2Error(400, 1643, 'Nothing to update in the group');
		if (hasSize) {
			const sizeError = validSize(body.maxGroupSize);
			if (sizeError) return sizeError;
			if (Number(body.maxGroupSize) < group.members.length) return v2Error(400, 1638, `Total members in the group reached maximum group capacity ${String(body.maxGroupSize)}.`);
			group.maxGroupSize = Number(body.maxGroupSize);
		}
		if (hasName) group.name = String(body.groupName);
		return ok({ id: group.id, groupName: group.name, maxGroupSize: maxSize(group), warnings: [] });
	});

	router.delete('/v2/userGroup2', (req: SimRequest) => {
		const found = groupFromQuery(state(), req.query, ['id', 'externalId']);
		if (found.error) return found.error;
		state().userGroups.delete(found.group.id);
		return ok({ warnings: [] });
	});

	router.get('/v2/userGroup2', (req) => {
		const found = groupFromQuery(state(), req.query, ['id', 'externalId']);
		if (found.error) return found.error;
		if (req.query.primaryUserId && !found.group.members.map(String).includes(req.query.primaryUserId)) {
			return v2Error(400, 1620, `User ${req.query.primaryUserId} does not belong to group ${found.group.id}.`);
		}
		return ok(groupView(state(), found.group, req.query));
	});
}
