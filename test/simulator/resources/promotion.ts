/**
 * Promotions. Cart and catalog promotions (docs: _cartPromotions.md, v1/promotion-management):
 * `cartPromotions` by ID (24 hex characters, like the docs' sample IDs), answers `{data: {...}}`;
 * org settings in `promotionSettings` (the docs show no answer: the simulator returns the settings
 * as stored). Loyalty promotions (docs: _promotions.md, api_gateway/loyalty/v1): `loyaltyPromotions`
 * by ID, answers `{status: {code, message}, validationErrors, data: [...]}`, errors in the same
 * envelope with validationErrors.
 */
import { randomBytes } from 'node:crypto';

import type { Json, JsonObject, Router, SimReply } from '../http';
import { bodyObject, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import { ORG_ID } from '../state';
import { programs } from './organization';

const TYPES = ['POS', 'CUSTOMER', 'EARNING', 'REWARD'];
const RANKING = ['EXPIRY_BASED', 'MAX_DISCOUNT', 'PRIORITY'];
const REWARD = ['PROMOTION_FIRST', 'REWARDS_FIRST', 'NO_STRATEGY'];
const CONDITION_RANKING = ['CART_BASED_FIRST', 'LINE_ITEM_BASED_FIRST'];
const ADMIN = 15000449;

export function cartPromotions(sim: Simulator): Map<string, JsonObject> {
	return sim.state.collection('cartPromotions');
}

export function loyaltyPromotions(sim: Simulator): Map<string, JsonObject> {
	return sim.state.collection('loyaltyPromotions');
}

/** Validates a cart promotion body (create and the full-body update). */
function checkCart(body: JsonObject): SimReply | undefined {
	if (!String(body.name ?? '').trim()) return v2Error(400, 400, 'name is mandatory');
	for (const key of ['startDate', 'endDate']) {
		if (typeof body[key] !== 'number' || !Number.isFinite(body[key])) return v2Error(400, 400, `${key} is mandatory (Unix milliseconds)`);
	}
	if (Number(body.endDate) <= Number(body.startDate)) return v2Error(400, 400, 'endDate must be after startDate');
	if (body.type !== undefined && !TYPES.includes(String(body.type))) return v2Error(400, 400, `Invalid promotion type ${String(body.type)}`);
	for (const key of ['condition', 'action']) {
		const value = body[key];
		if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) return v2Error(400, 400, `${key} must be an object`);
	}
	return undefined;
}

function gateway(data: Json, status = 200, message = 'success', validationErrors: Json = null): SimReply {
	return { status, body: { status: { code: status, message }, validationErrors, data } };
}

export function register(router: Router, sim: Simulator): void {
	router.post('/v1/promotion-management/promotions', (req) => {
		const body = bodyObject(req);
		const problem = checkCart(body);
		if (problem) return problem;
		const id = randomBytes(12).toString('hex');
		const now = Date.now();
		const promotion: JsonObject = { active: false, priority: 0, type: 'POS', ...body, id, orgId: ORG_ID, createdBy: ADMIN, createdOn: now, lastUpdatedBy: ADMIN, lastUpdatedOn: now };
		cartPromotions(sim).set(id, promotion);
		return ok({ data: promotion });
	});

	router.put('/v1/promotion-management/promotions/:promotionId', (req) => {
		const promotion = cartPromotions(sim).get(req.params.promotionId.trim());
		if (!promotion) return v2Error(404, 404, `Promotion ${req.params.promotionId} not found`);
		const body = bodyObject(req);
		const problem = checkCart(body);
		if (problem) return problem;
		const { id: _id, orgId: _org, ...changes } = body;
		void _id;
		void _org;
		Object.assign(promotion, changes, { lastUpdatedBy: ADMIN, lastUpdatedOn: Date.now() });
		return ok({ data: promotion });
	});

	router.get('/v1/promotion-management/promotions/settings/strategy', () => {
		const settings = sim.state.collection('promotionSettings').get('org');
		return ok({ data: settings ?? { promotionRankingStrategy: 'EXPIRY_BASED', rewardStrategy: 'NO_STRATEGY', singlePromotionPerLineitem: false, conditionBasedRankingStrategy: 'LINE_ITEM_BASED_FIRST', isActive: true } });
	});

	router.post('/v1/promotion-management/promotions/settings/strategy', (req) => {
		const body = bodyObject(req);
		const checks: Array<[string, string[]]> = [
			['promotionRankingStrategy', RANKING],
			['rewardStrategy', REWARD],
			['conditionBasedRankingStrategy', CONDITION_RANKING],
		];
		for (const [key, allowed] of checks) if (body[key] !== undefined && !allowed.includes(String(body[key]))) return v2Error(400, 400, `Invalid ${key} ${String(body[key])}`);
		for (const key of ['singlePromotionPerLineitem', 'isActive']) if (body[key] !== undefined && typeof body[key] !== 'boolean') return v2Error(400, 400, `${key} must be true or false`);
		const settings: JsonObject = { ...(sim.state.collection('promotionSettings').get('org') ?? {}), ...body, orgId: ORG_ID };
		sim.state.collection('promotionSettings').set('org', settings);
		return ok({ data: settings });
	});

	router.post('/api_gateway/loyalty/v1/programs/:programId/promotions/add/simple', (req) => {
		const programId = req.params.programId.trim();
		if (!programs(sim.state).has(programId)) return gateway(null, 400, 'Invalid program', [`programId ${programId} does not exist`]);
		const body = bodyObject(req);
		const missing = ['name', 'identifier', 'eventName', 'startDate', 'endDate'].filter((k) => !String(body[k] ?? '').trim());
		if (missing.length) return gateway(null, 400, 'Validation failed', missing.map((k) => `${k} is mandatory`));
		if (body.programId !== undefined && String(body.programId) !== programId) return gateway(null, 400, 'Validation failed', ['programId in the body differs from the path']);
		const start = Date.parse(String(body.startDate));
		const end = Date.parse(String(body.endDate));
		if (!Number.isFinite(start) || !Number.isFinite(end)) return gateway(null, 400, 'Validation failed', ['startDate and endDate must be ISO 8601 date-times']);
		if (end <= start) return gateway(null, 400, 'Validation failed', ['endDate must be after startDate']);
		if ([...loyaltyPromotions(sim).values()].some((p) => p.identifier === body.identifier)) return gateway(null, 400, 'Validation failed', [`identifier ${String(body.identifier)} already exists`]);
		const id = 12525 + loyaltyPromotions(sim).size;
		const promotion: JsonObject = {
			id,
			name: String(body.name),
			programId: Number(programId),
			startDate: String(body.startDate),
			endDate: String(body.endDate),
			identifier: String(body.identifier),
			eventName: String(body.eventName).toUpperCase(),
			metadata: ((body.metadata as Json) ?? []) as Json,
			unsavedMetadataList: null,
			allocatePointsOn: (body.allocatePointsOn ?? 'BILL') as Json,
			allocationActions: (body.allocationActions ?? []) as Json,
			qualifyingConditions: (body.qualifyingConditions ?? null) as Json,
			conditionExpression: (body.conditionExpression ?? null) as Json,
			allocationRule: (body.allocationRule ?? null) as Json,
			limits: (body.limits ?? { pointsPerCustomer: -1, numberOfTimesPerCustomer: -1, totalPointsInPromotion: -1 }) as Json,
			active: true,
		};
		loyaltyPromotions(sim).set(String(id), promotion);
		return gateway([promotion]);
	});

	router.get('/api_gateway/loyalty/v1/programs/:programId/promotions/:promotionId', (req) => {
		const promotion = loyaltyPromotions(sim).get(req.params.promotionId.trim());
		if (!promotion || String(promotion.programId) !== req.params.programId.trim()) return gateway(null, 404, 'Promotion not found', [`No promotion ${req.params.promotionId} in program ${req.params.programId}`]);
		return gateway([promotion]);
	});
}
