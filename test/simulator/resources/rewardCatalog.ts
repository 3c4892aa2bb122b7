/**
 * Rewards catalog (api_gateway/rewards/core/v1): rewards, custom fields, catalog promotions and
 * the rewards customers get. Answers `{status: {success, code, message}, <payload>}`; failures are
 * HTTP 400 with `status.success: false` and Capillary's code (3004, 6003, 6004, 8003, 11007 …).
 * Issuing a reward redeems the customer's points in the shared ledger and, when the reward names
 * a coupon series the simulator knows, issues a coupon other resources see.
 */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { bodyObject, intParam, ok } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState } from '../state';
import { ORG_ID } from '../state';

const BASE = '/api_gateway/rewards/core/v1';

/** The org's brands (the rewards catalog is per brand). */
export const REWARD_BRANDS = [
	{ id: 61, name: 'DOCDEMO' },
	{ id: 7, name: 'STANDARDAPP' },
];

function status(success: boolean, code: number, message: string): JsonObject {
	return { success, code, message };
}

function answer(code: number, message: string, payload: JsonObject = {}): SimReply {
	return ok({ status: status(true, code, message), ...payload });
}

export function rewardFailure(code: number, message: string, payload: JsonObject = {}, httpStatus = 400): SimReply {
	return { status: httpStatus, body: { status: status(false, code, message), ...payload } };
}

export function rewards(state: SimState): Map<string, JsonObject> {
	return state.collection('rewards');
}

function customFields(state: SimState): Map<string, JsonObject> {
	return state.collection('rewardCustomFields');
}

export function promotions(state: SimState): Map<string, JsonObject> {
	return state.collection('catalogPromotions');
}

export function userRewards(state: SimState): Map<string, JsonObject> {
	return state.collection('userRewards');
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const spaced = (ms: number) => isoSeconds(ms).replace('T', ' ').replace('Z', '');

function brandById(id: unknown) {
	return REWARD_BRANDS.find((b) => String(b.id) === String(id));
}

function brandByName(name: unknown) {
	return REWARD_BRANDS.find((b) => b.name.toLowerCase() === String(name ?? '').toLowerCase());
}

function rewardStatus(reward: JsonObject): string {
	const now = Date.now();
	if (Date.parse(String(reward.startTime)) > now) return 'UPCOMING';
	if (Date.parse(String(reward.endTime)) < now) return 'ENDED';
	return 'LIVE';
}

/** Adds a reward to the catalog; tests use it to seed. */
export function addReward(state: SimState, input: JsonObject & { name: string }): JsonObject {
	const id = Number(input.id ?? state.nextEntityId++);
	const reward: JsonObject = {
		brandId: 61,
		type: 'VOUCHER',
		redemptionType: 'INTOUCH_REWARD',
		priority: 1,
		enabled: true,
		intouchPoints: 100,
		startTime: isoSeconds(Date.now() - 86_400_000),
		endTime: isoSeconds(Date.now() + 365 * 86_400_000),
		categories: [],
		customFields: {},
		languageSpecificInfo: [{ languageCode: 'en', name: input.name, description: '', enabled: true }],
		...input,
		id,
	};
	delete reward.name;
	rewards(state).set(String(id), reward);
	return reward;
}

function nameOf(reward: JsonObject, language = 'en'): string {
	const entries = (reward.languageSpecificInfo ?? []) as JsonObject[];
	const entry = entries.find((e) => e.languageCode === language) ?? entries[0];
	return String(entry?.name ?? '');
}

function descriptionOf(reward: JsonObject, language = 'en'): string {
	const entries = (reward.languageSpecificInfo ?? []) as JsonObject[];
	const entry = entries.find((e) => e.languageCode === language) ?? entries[0];
	return String(entry?.description ?? '');
}

/** Points after the best live catalog promotion of the reward. */
function discountedPoints(state: SimState, reward: JsonObject): { points: number; promotions: JsonObject[] } {
	const base = Number(reward.intouchPoints ?? 0);
	const now = Date.now();
	const live = [...promotions(state).values()].filter(
		(p) => p.isEnabled === true && ((p.rewardIds ?? []) as Json[]).map(Number).includes(Number(reward.id)) && Date.parse(String(p.startDateTime)) <= now && Date.parse(String(p.endDateTime)) >= now,
	);
	let points = base;
	for (const p of live) {
		const after = p.discountType === 'PERCENTAGE' ? Math.round(base * (1 - Number(p.discountValue) / 100)) : base - Number(p.discountValue);
		points = Math.max(0, Math.min(points, after));
	}
	return { points, promotions: live.map((p) => ({ id: p.id, name: p.name, discountType: p.discountType, discountValue: p.discountValue })) };
}

function listEntry(reward: JsonObject): JsonObject {
	const start = Date.parse(String(reward.startTime));
	const end = Date.parse(String(reward.endTime));
	return {
		id: reward.id,
		name: nameOf(reward),
		status: rewardStatus(reward),
		startTime: spaced(start),
		startDateTime: isoSeconds(start),
		endTime: spaced(end),
		endDateTime: isoSeconds(end),
		type: reward.type,
		priority: reward.priority,
		enabled: reward.enabled,
		intouchPoints: reward.intouchPoints,
		redemptionType: reward.redemptionType,
		groups: null,
		rewardRank: (reward.rewardRank as Json) ?? null,
		customFields: (reward.customFields as Json) ?? null,
		paymentConfigs: (reward.paymentConfigs as Json) ?? null,
	};
}

function userView(state: SimState, reward: JsonObject, language?: string): JsonObject {
	const start = Date.parse(String(reward.startTime));
	const end = Date.parse(String(reward.endTime));
	const { points, promotions: applied } = discountedPoints(state, reward);
	return {
		id: reward.id,
		name: nameOf(reward, language),
		description: descriptionOf(reward, language),
		tier: (reward.tier as Json) ?? null,
		label: null,
		priority: reward.priority,
		intouchPoints: points,
		group: null,
		startTime: spaced(start),
		startDateTime: isoSeconds(start),
		endTime: spaced(end),
		endDateTime: isoSeconds(end),
		expired: end < Date.now(),
		started: start <= Date.now(),
		categoryList: ((reward.categories ?? []) as Json[]).map((c) => ({ id: c, name: `category-${String(c)}`, enabled: true })),
		customFields: (reward.customFields as Json) ?? {},
		redemptionType: reward.redemptionType,
		appliedPromotions: applied,
	};
}

/** Custom fields referenced by a reward or promotion must exist in that scope. */
function unknownCustomFields(state: SimState, values: unknown, scope: string): string[] {
	if (!values || typeof values !== 'object') return [];
	const known = new Set([...customFields(state).values()].filter((f) => f.scope === scope).map((f) => String(f.name)));
	return Object.keys(values as object).filter((name) => !known.has(name));
}

function customerFrom(state: SimState, source: Record<string, unknown>): Customer | undefined {
	for (const key of ['mobile', 'email', 'externalId']) {
		const value = source[key];
		if (value !== undefined && value !== '') return state.findCustomer(key, String(value));
	}
	if (source.userId !== undefined && source.userId !== '') return state.customers.get(Number(source.userId));
	return undefined;
}

const noCustomer = (payload: JsonObject = {}) => rewardFailure(1014, 'Cannot find customer for provided mobile/external-id/e-mail/id', payload);

interface IssueOutcome {
	ok: boolean;
	entity: JsonObject;
}

/** Issues `quantity` of a reward: points out of the customer's balance, coupon when the series exists. */
function issueReward(state: SimState, customer: Customer, reward: JsonObject | undefined, quantity: number, body: JsonObject): IssueOutcome {
	const failed = (code: number, message: string, extra: JsonObject = {}): IssueOutcome => ({
		ok: false,
		entity: { status: status(false, code, message), rewardId: reward ? reward.id : null, requestedQuantity: quantity, quantity: 0, intouch: null, promotions: [], vendor: [], ...extra },
	});
	if (!reward) return failed(6004, 'Reward not found or disabled.');
	if (reward.enabled !== true || rewardStatus(reward) !== 'LIVE') return failed(8003, 'fail to issue reward as Reward is disabled or not started yet or expired');
	const { points, promotions: applied } = discountedPoints(state, reward);
	if (customer.points < points * quantity) return failed(8003, 'fail to issue reward as customer does not have enough points');
	const seriesId = reward.intouchSeriesId ? Number(reward.intouchSeriesId) : undefined;
	const series = seriesId !== undefined ? state.couponSeries.get(seriesId) : undefined;
	if (seriesId !== undefined && !series) return failed(8004, 'fail to issue reward as coupon series is not available');
	const transactionId = state.nextEntityId++;
	const intouch: JsonObject[] = [];
	for (let i = 0; i < quantity; i++) {
		const reference = `RW${transactionId}-${i + 1}`;
		if (points > 0) state.debit(customer, points, 'RewardIssue', reference);
		let couponCode: Json = null;
		let codeExpiry: Json = null;
		if (series) {
			couponCode = `RW${(transactionId * 7919 + i).toString(36).toUpperCase()}`;
			codeExpiry = series.validTillDate;
			state.coupons.set(couponCode, {
				id: state.nextEntityId++,
				code: couponCode,
				seriesId: series.id,
				customerId: customer.id,
				issuedOn: new Date().toISOString(),
				validTill: series.validTillDate,
				redeemed: false,
				redeemedOn: null,
				transactionNumber: null,
			});
			series.numIssued += 1;
		}
		intouch.push({ pointsRedeemed: String(points), couponCode, codeExpiry });
	}
	const now = Date.now();
	userRewards(state).set(String(transactionId), {
		transactionId,
		rewardId: reward.id,
		customerId: customer.id,
		brandId: reward.brandId,
		quantity,
		pointsRedeemed: points * quantity,
		codes: intouch.map((i) => i.couponCode),
		transactionNumber: (body.transactionNumber as Json) ?? `TXN${transactionId}`,
		notes: (body.notes as Json) ?? null,
		issuedAt: now,
	});
	return {
		ok: true,
		entity: {
			status: status(true, 200, 'Reward issued successfully'),
			transactionId,
			rewardId: reward.id,
			requestedQuantity: quantity,
			quantity,
			intouch,
			promotions: applied,
			vendor: [],
			eventDateTime: (body.eventDateTime as Json) ?? isoSeconds(now),
			customFields: (body.customFields as Json) ?? null,
		},
	};
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	// ----- rewards -----------------------------------------------------------------------------

	const writeReward = (req: SimRequest, existing?: JsonObject): SimReply => {
		const body = bodyObject(req);
		const merged: JsonObject = { ...(existing ?? {}), ...body };
		if (!brandById(merged.brandId)) return rewardFailure(3004, 'Brand not found');
		const names = ((merged.languageSpecificInfo ?? []) as JsonObject[]).filter((l) => l.name);
		if (names.length === 0 && !merged.name) return rewardFailure(400, 'languageSpecificInfo with a name is mandatory');
		if (!merged.startTime || !merged.endTime || Number.isNaN(Date.parse(String(merged.startTime))) || Number.isNaN(Date.parse(String(merged.endTime)))) {
			return rewardFailure(400, 'Invalid startTime or endTime');
		}
		const unknown = unknownCustomFields(state(), merged.customFields, 'REWARD');
		if (unknown.length) {
			return existing
				? rewardFailure(3014, `Unable to update reward as Org doesn't have the custom field/s: ${unknown.join(',')}`, { reward: null })
				: rewardFailure(6003, `Unable to create reward as Org doesn't have the custom field/s: ${unknown.join(',')}`, { reward: null });
		}
		if (!names.length) merged.languageSpecificInfo = [{ languageCode: 'en', name: merged.name, description: merged.description ?? '', enabled: true }];
		const reward = addReward(state(), { ...merged, id: existing?.id ?? null, name: nameOf(merged) } as JsonObject & { name: string });
		if (existing) return answer(6006, 'Reward updated successfully', { reward: { id: reward.id } });
		return answer(6002, 'Reward created successfully', { reward: { id: reward.id } });
	};

	router.post(`${BASE}/reward/create`, (req) => writeReward(req));

	router.put(`${BASE}/reward/:rewardId/brand/:brandId`, (req) => {
		const existing = rewards(state()).get(req.params.rewardId);
		if (!existing || String(existing.brandId) !== req.params.brandId) return rewardFailure(6004, 'Reward not found or disabled.', { reward: null });
		return writeReward(req, existing);
	});

	router.get(`${BASE}/reward/brand/:brandId`, (req) => {
		if (!brandById(req.params.brandId)) return rewardFailure(3004, 'Brand not found');
		const list = [...rewards(state()).values()]
			.filter((r) => String(r.brandId) === req.params.brandId)
			.filter((r) => req.query.includeExpired === 'true' || rewardStatus(r) !== 'ENDED')
			.map(listEntry);
		return answer(6101, 'Reward details fetched successfully', { rewardList: list });
	});

	// ----- custom fields -----------------------------------------------------------------------

	router.post(`${BASE}/brand/customfield`, (req) => {
		const body = bodyObject(req);
		for (const key of ['name', 'description', 'scope', 'dataType']) {
			if (!body[key]) return rewardFailure(400, `${key} is mandatory`);
		}
		if (!['REWARD', 'ISSUE_REWARD', 'CATALOGUE_PROMOTION'].includes(String(body.scope))) return rewardFailure(400, `Invalid scope: ${String(body.scope)}`);
		const enumValues = Array.isArray(body.enumValues) ? (body.enumValues as Json[]).map(String) : null;
		if (body.dataType === 'ENUM' && (!enumValues || enumValues.length === 0)) return rewardFailure(3030, 'Enum value cannot be empty');
		if (body.dataType === 'ENUM' && body.defaultValue && !enumValues!.includes(String(body.defaultValue))) return rewardFailure(3025, 'Default value not found in the enum list');
		const now = Date.now();
		const field: JsonObject = {
			id: state().nextEntityId++,
			orgId: ORG_ID,
			name: String(body.name),
			description: String(body.description),
			isMandatory: body.isMandatory === true,
			isActive: body.isActive !== false,
			scope: String(body.scope),
			defaultValue: (body.defaultValue as Json) ?? null,
			dataType: String(body.dataType),
			createdBy: 75152721,
			createdOn: now,
			createdOnDateTime: isoSeconds(now),
			lastUpdatedBy: 75152721,
			lastUpdatedOn: now,
			enumValues,
			lastUpdatedOnDateTime: isoSeconds(now),
		};
		customFields(state()).set(String(field.id), field);
		return ok(field);
	});

	router.get(`${BASE}/brand/customfield`, (req) => {
		const { scope, sortBy, orderBy } = req.query;
		const list = [...customFields(state()).values()].filter((f) => !scope || f.scope === scope);
		if (sortBy === 'lastUpdatedOn' || sortBy === 'createdOn') {
			list.sort((a, b) => Number(a[sortBy]) - Number(b[sortBy]) || Number(a.id) - Number(b.id));
			if ((orderBy ?? 'DESC').toUpperCase() === 'DESC') list.reverse();
		}
		return ok(list);
	});

	// ----- customer views ----------------------------------------------------------------------

	router.get(`${BASE}/user/reward/brand/:brandName`, (req) => {
		const brand = brandByName(req.params.brandName);
		if (!brand) return rewardFailure(3004, 'Brand not found');
		const customer = customerFrom(state(), req.query);
		if (!customer) return noCustomer({ rewardList: null });
		const q = req.query;
		const list = [...rewards(state()).values()]
			.filter((r) => r.brandId === brand.id && r.enabled === true)
			.filter((r) => (q.includeExpired === 'true' ? true : rewardStatus(r) !== 'ENDED'))
			.filter((r) => !q.type || r.type === q.type)
			.map((r) => userView(state(), r, q.language));
		if (q.sortBy) list.sort((a, b) => (String(a[q.sortBy]) < String(b[q.sortBy]) ? -1 : 1) * ((q.orderBy ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1));
		return ok({ status: status(true, 200, 'User Reward fetched successfully'), rewardList: list });
	});

	router.get(`${BASE}/user/reward/:rewardId/brand/:brandName`, (req) => {
		const brand = brandByName(req.params.brandName);
		if (!brand) return rewardFailure(3004, 'Brand not found');
		const customer = customerFrom(state(), req.query);
		if (!customer) return noCustomer({ reward: null });
		const reward = rewards(state()).get(req.params.rewardId);
		if (!reward || reward.brandId !== brand.id || reward.enabled !== true) return rewardFailure(6004, 'Reward not found or disabled.', { reward: null });
		return ok({ status: status(true, 200, 'User Reward fetched successfully'), reward: userView(state(), reward, req.query.language) });
	});

	const vouchersOf = (customer: Customer, rewardId?: string): JsonObject[] =>
		[...userRewards(state()).values()]
			.filter((u) => u.customerId === customer.id && (!rewardId || String(u.rewardId) === rewardId))
			.flatMap((u) =>
				((u.codes ?? []) as Json[]).map((code) => ({
					code,
					expiry: null,
					vendor: null,
					rewardId: u.rewardId,
					issued: spaced(Number(u.issuedAt)),
					seriesId: null,
					seriesName: null,
					redemptionCount: 0,
					redemptions: null,
				})),
			);

	router.get(`${BASE}/user/vouchers/brand/:brandName`, (req) => {
		const brand = brandByName(req.params.brandName);
		if (!brand) return rewardFailure(3004, 'Brand not found');
		if (!req.query.username) return rewardFailure(400, 'username is mandatory');
		const customer = customerFrom(state(), req.query);
		if (!customer) return noCustomer({ userVouchers: null, pagingDto: null });
		const ids = [...new Set([...userRewards(state()).values()].filter((u) => u.customerId === customer.id).map((u) => String(u.rewardId)))];
		const all = ids
			.map((id) => rewards(state()).get(id))
			.filter((r): r is JsonObject => r !== undefined && r.brandId === brand.id)
			.map((r) => ({
				rewardDetails: { rewardId: r.id, name: nameOf(r), description: descriptionOf(r), tier: null, label: '', group: '', tillId: null },
				vouchers: vouchersOf(customer, String(r.id)),
			}));
		// page/size as documented ("results to show per page"), pages counted from 0 as in pagingDto.number.
		const size = intParam(req.query.size, 100, 1, 100);
		const page = intParam(req.query.page, 0, 0);
		const userVouchers = all.slice(page * size, page * size + size);
		return ok({
			status: status(true, 200, 'User Reward fetched successfully'),
			userVouchers,
			pagingDto: { last: (page + 1) * size >= all.length, totalElements: all.length, totalPages: Math.ceil(all.length / size), numberOfElements: userVouchers.length, first: page === 0, size, number: page },
		});
	});

	router.get(`${BASE}/user/reward/:rewardId/vouchers/brand/:brandName`, (req) => {
		const brand = brandByName(req.params.brandName);
		if (!brand) return rewardFailure(3004, 'Brand not found');
		if (!req.query.username) return rewardFailure(400, 'username is mandatory');
		const customer = customerFrom(state(), req.query);
		if (!customer) return noCustomer({ reward: null });
		const reward = rewards(state()).get(req.params.rewardId);
		if (!reward || reward.brandId !== brand.id) return rewardFailure(6004, 'Reward not found or disabled.', { reward: null });
		return ok({ status: status(true, 200, 'User Reward fetched successfully'), reward: userView(state(), reward), vouchers: vouchersOf(customer, req.params.rewardId) });
	});

	router.get(`${BASE}/user/userReward/brand/:brandName`, (req) => {
		const brand = brandByName(req.params.brandName);
		if (!brand) return rewardFailure(3004, 'Brand not found');
		const customer = customerFrom(state(), req.query);
		if (!customer) return noCustomer({ rewards: null, pagingDto: null });
		const q = req.query;
		let list = [...userRewards(state()).values()]
			.filter((u) => u.customerId === customer.id && u.brandId === brand.id)
			.filter((u) => !q.rewardId || String(u.rewardId) === q.rewardId)
			.filter((u) => !q.fromPurchaseDate || Number(u.issuedAt) >= Number(q.fromPurchaseDate))
			.filter((u) => !q.toPurchaseDate || Number(u.issuedAt) <= Number(q.toPurchaseDate));
		const key = q.sortBy === 'rewardId' ? 'rewardId' : 'issuedAt';
		list.sort((a, b) => Number(a[key]) - Number(b[key]) || Number(a.transactionId) - Number(b.transactionId));
		if ((q.orderBy ?? 'desc').toLowerCase() === 'desc') list.reverse();
		const size = intParam(q.size, 100, 1, 100);
		const page = intParam(q.page, 0, 0);
		const total = list.length;
		list = list.slice(page * size, page * size + size);
		const items = list.map((u) => {
			const reward = rewards(state()).get(String(u.rewardId));
			return {
				typeOfReward: reward?.redemptionType ?? 'INTOUCH_REWARD',
				pointsRedeemed: u.pointsRedeemed,
				rewardId: u.rewardId,
				transactionId: u.transactionId,
				issueRewardRefId: u.transactionNumber,
				rewardIssueDate: u.issuedAt,
				rewardIssueDateTime: isoSeconds(Number(u.issuedAt)),
				userRewardDetails: reward ? userView(state(), reward, q.language) : null,
				code: ((u.codes ?? []) as Json[])[0] ?? null,
				seriesId: reward?.intouchSeriesId ?? null,
			};
		});
		return ok({
			status: status(true, 200, 'User Reward fetched successfully'),
			rewards: items,
			intouchUserId: String(customer.id),
			pagingDto: { last: (page + 1) * size >= total, totalElements: total, totalPages: Math.ceil(total / size), numberOfElements: items.length, first: page === 0, size, number: page },
		});
	});

	// ----- issue -------------------------------------------------------------------------------

	router.post(`${BASE}/user/reward/:rewardId/issue`, (req) => {
		if (!req.query.username) return rewardFailure(400, 'username is mandatory');
		const body = bodyObject(req);
		const brand = brandByName(body.brand);
		if (!brand) return rewardFailure(3004, 'Brand not found');
		if (!body.transactionNumber) return rewardFailure(400, 'transactionNumber is mandatory');
		const customer = customerFrom(state(), body as Record<string, unknown>);
		if (!customer) return noCustomer();
		const reward = rewards(state()).get(req.params.rewardId);
		const outcome = issueReward(state(), customer, reward && reward.brandId === brand.id ? reward : undefined, 1, body);
		if (!outcome.ok) {
			const entityStatus = outcome.entity.status as JsonObject;
			return rewardFailure(Number(entityStatus.code), String(entityStatus.message), { rewards: null });
		}
		const { intouch, ...rest } = outcome.entity;
		return ok({ ...rest, status: status(true, 200, 'Reward issued successfully'), intouch: (intouch as JsonObject[])[0] ?? null });
	});

	router.post(`${BASE}/user/rewards/issue`, (req) => {
		if (!req.query.username) return rewardFailure(400, 'username is mandatory');
		const body = bodyObject(req);
		const brand = brandByName(body.brand);
		if (!brand) return rewardFailure(3004, 'Brand not found');
		const customer = customerFrom(state(), body as Record<string, unknown>);
		if (!customer) return noCustomer({ rewards: null });
		const wanted = Array.isArray(body.rewards) ? (body.rewards as JsonObject[]) : [];
		if (wanted.length === 0) return rewardFailure(400, 'rewards are mandatory', { rewards: null });
		const outcomes = wanted.map((w) => {
			const reward = rewards(state()).get(String(w.rewardId));
			return issueReward(state(), customer, reward && reward.brandId === brand.id ? reward : undefined, Math.max(1, Number(w.quantity ?? 1)), body);
		});
		const entities = outcomes.map((o) => o.entity);
		const succeeded = outcomes.filter((o) => o.ok).length;
		if (succeeded === outcomes.length) return ok({ status: status(true, 200, 'Reward issued successfully'), rewards: entities });
		if (succeeded === 0) return rewardFailure(8003, 'fail to issue reward', { rewards: entities });
		return rewardFailure(8010, 'Reward issued partially', { rewards: entities });
	});

	// ----- catalog promotions ------------------------------------------------------------------

	const promotionView = (p: JsonObject, withRewards: boolean): JsonObject => {
		const view: JsonObject = { ...p, startTime: spaced(Date.parse(String(p.startDateTime))), endTime: spaced(Date.parse(String(p.endDateTime))) };
		delete view.rewardIds;
		delete view.brandId;
		if (withRewards) {
			view.rewards = ((p.rewardIds ?? []) as Json[]).map((id) => {
				const reward = rewards(state()).get(String(id));
				return { rewardId: Number(id), promotionId: p.id, intouchPointsPostDiscount: reward ? discountedPoints(state(), reward).points : null };
			});
		}
		return view;
	};

	const writePromotion = (req: SimRequest, existing?: JsonObject): SimReply => {
		const body = bodyObject(req);
		const brandId = existing ? existing.brandId : Number(body.brandId);
		if (!brandById(brandId)) return rewardFailure(3004, 'Brand not found');
		const rewardIds = (Array.isArray(body.rewardIds) ? body.rewardIds : ((existing?.rewardIds ?? []) as Json[])).map(Number);
		if (rewardIds.length === 0) return rewardFailure(400, 'rewardIds are mandatory', { catalogPromotion: null, failedRewards: [] });
		const missing = rewardIds.filter((id) => !rewards(state()).has(String(id)));
		if (missing.length) return rewardFailure(6004, 'Reward not found or disabled.', { catalogPromotion: null, failedRewards: [] });
		const failedRewards = rewardIds
			.map((id) => rewards(state()).get(String(id))!)
			.filter((r) => r.enabled !== true || rewardStatus(r) === 'ENDED')
			.map((r) => listEntry(r));
		if (failedRewards.length) return rewardFailure(11015, 'Reward expired or disabled or free. Cannot apply  catalog promotion.', { catalogPromotion: null, failedRewards });
		const linked = rewardIds
			.map((id) => [...promotions(state()).values()].find((p) => p.id !== existing?.id && p.isEnabled === true && ((p.rewardIds ?? []) as Json[]).map(Number).includes(id)))
			.filter((p) => p !== undefined);
		if (linked.length) {
			const rewardsLinked = rewardIds.filter((id) => linked.some((p) => ((p!.rewardIds ?? []) as Json[]).map(Number).includes(id))).map((id) => listEntry(rewards(state()).get(String(id))!));
			return rewardFailure(11004, 'Reward already linked to active catalog promotion.', { catalogPromotion: null, failedRewards: rewardsLinked });
		}
		if (body.discountType !== undefined && !['ABSOLUTE', 'PERCENTAGE'].includes(String(body.discountType))) return rewardFailure(400, 'Invalid discountType');
		const unknown = unknownCustomFields(state(), body.customFields, 'CATALOGUE_PROMOTION');
		if (unknown.length) return rewardFailure(3014, `Org doesn't have the custom field/s: ${unknown.join(',')}`, { catalogPromotion: null });
		const info = (Array.isArray(body.languageSpecificInfo) ? body.languageSpecificInfo : (existing?.languageSpecificInfo ?? [])) as JsonObject[];
		const start = body.startTime ? Date.parse(String(body.startTime)) : Date.parse(String(existing?.startDateTime));
		const end = body.endTime ? Date.parse(String(body.endTime)) : Date.parse(String(existing?.endDateTime));
		if (Number.isNaN(start) || Number.isNaN(end)) return rewardFailure(400, 'Invalid startTime or endTime');
		const now = Date.now();
		const promotion: JsonObject = {
			id: existing?.id ?? state().nextEntityId++,
			name: String(info[0]?.name ?? existing?.name ?? ''),
			orgId: ORG_ID,
			brandId: brandId as number,
			isEnabled: body.enabled === undefined ? (existing?.isEnabled ?? true) : body.enabled === true,
			startDateTime: isoSeconds(start),
			endDateTime: isoSeconds(end),
			discountType: String(body.discountType ?? existing?.discountType ?? 'ABSOLUTE'),
			discountValue: Number(body.discountValue ?? existing?.discountValue ?? 0),
			lastUpdatedOnDateTime: isoSeconds(now),
			createdOnDateTime: existing?.createdOnDateTime ?? isoSeconds(now),
			lastUpdatedBy: 75140757,
			createdBy: 75140757,
			languageSpecificInfo: info,
			customFields: (body.customFields as Json) ?? existing?.customFields ?? {},
			rewardIds,
		};
		promotions(state()).set(String(promotion.id), promotion);
		return existing
			? answer(11021, 'Catalog promotion updated successfully.', { catalogPromotion: { id: promotion.id }, failedRewards: [] })
			: answer(11002, 'Catalog promotion created successfully.', { catalogPromotion: { id: promotion.id }, failedRewards: [] });
	};

	const promotionIn = (id: string, brandId: string) => {
		const p = promotions(state()).get(id);
		return p && String(p.brandId) === brandId ? p : undefined;
	};

	router.post(`${BASE}/promotion/create`, (req) => writePromotion(req));

	router.get(`${BASE}/promotion/brand/:brandId`, (req) => {
		if (!brandById(req.params.brandId)) return rewardFailure(3004, 'Brand not found');
		const list = [...promotions(state()).values()].filter((p) => String(p.brandId) === req.params.brandId).map((p) => promotionView(p, false));
		return answer(11008, 'Catalog promotion fetched successfully.', { catalogPromotions: list });
	});

	router.put(`${BASE}/promotion/:promotionId/status/false/brand/:brandId`, (req) => {
		const p = promotionIn(req.params.promotionId, req.params.brandId);
		if (!p) return rewardFailure(11007, 'Catalog promotion not found.', { catalogPromotion: null });
		p.isEnabled = false;
		return answer(11013, 'Catalog promotion is disabled.');
	});

	router.put(`${BASE}/promotion/:promotionId/brand/:brandId`, (req) => {
		const p = promotionIn(req.params.promotionId, req.params.brandId);
		if (!p) return rewardFailure(11007, 'Catalog promotion not found.', { catalogPromotion: null });
		return writePromotion(req, p);
	});

	router.get(`${BASE}/promotion/:promotionId/brand/:brandId`, (req) => {
		const p = promotionIn(req.params.promotionId, req.params.brandId);
		if (!p) return rewardFailure(11007, 'Catalog promotion not found.', { catalogPromotion: null });
		return answer(11008, 'Catalog promotion fetched successfully.', { catalogPromotion: promotionView(p, true) });
	});
}
