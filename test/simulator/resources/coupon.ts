/**
 * Coupon endpoints (v2 and v1.1): series, issue, redeem, is_redeemable, reactivate.
 *
 * State lives in the shared maps of SimState: `couponSeries` (by id) and `coupons` (by code), so
 * other resources (Customer → Get Coupons, coupon uploads) see the same coupons. Redemptions are
 * kept in the `couponRedemptions` collection (by redemption id) so they can be reactivated.
 */
import type { Json, JsonObject, Router, SimRequest, SimReply } from '../http';
import { bodyObject, itemStatus, nowIso, nowV11, ok, v11Entities, v11Error, v11Ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { CouponRecord, CouponSeriesRecord, Customer, SimState } from '../state';
import { ORG_ID } from '../state';

// ---------------------------------------------------------------------------------------------
// Series
// ---------------------------------------------------------------------------------------------

/** Series every simulated org starts with (added on first use of a coupon endpoint). */
export const DEMO_SERIES = { tenOff: 12313, marvel: 84093 } as const;

const FAR_FUTURE = '2119-07-10T00:00:00Z';

function seriesDefaults(): JsonObject {
	return {
		orgId: ORG_ID,
		discountCode: 'NO_VALUE',
		validDaysFromCreation: 30,
		expiryStrategyType: 'SERIES_EXPIRY',
		expiryStrategyValue: 1,
		anyUser: false,
		sameUserMultipleRedeem: false,
		isMultipleUseAllowed: false,
		isMultipleVouchersPerUserAllowed: true,
		isTransferrable: false,
		isValidationRequired: false,
		isValidWithDiscountedItem: false,
		clientHandlingType: 'DISC_CODE',
		discountOn: 'BILL',
		discountUpto: 0,
		redemptionPerCouponMaxLimit: -1,
		smsTemplate: 'Hi {{first_name}}, your voucher code is {{voucher}}',
		redeemStoreType: 'redeemable_stores',
		seriesType: 'LOYALTY',
		createdBy: 75016470,
	};
}

function addSeries(state: SimState, input: JsonObject, id = state.nextEntityId++): CouponSeriesRecord {
	const now = nowIso();
	const record = {
		...seriesDefaults(),
		...input,
		id,
		orgId: ORG_ID,
		description: String(input.description ?? ''),
		discountType: String(input.discountType ?? 'ABS'),
		discountValue: Number(input.discountValue ?? 0),
		validTillDate: String(input.validTillDate ?? FAR_FUTURE),
		maxCreate: input.maxCreate === undefined || input.maxCreate === null ? -1 : Number(input.maxCreate),
		maxRedeem: input.maxRedeem === undefined || input.maxRedeem === null ? -1 : Number(input.maxRedeem),
		numIssued: 0,
		numRedeemed: 0,
		createdOn: now,
		lastUsed: now,
		seriesCode: String(input.seriesCode ?? `S${id}C${(id * 7919) % 100000}`),
	} as CouponSeriesRecord;
	state.couponSeries.set(id, record);
	return record;
}

/** The org's series, with the demo series added the first time. */
export function seriesMap(state: SimState): Map<number, CouponSeriesRecord> {
	const meta = state.collection('couponMeta');
	if (!meta.has('seeded')) {
		meta.set('seeded', { at: nowIso() });
		if (!state.couponSeries.has(DEMO_SERIES.tenOff)) {
			addSeries(state, { description: '10 units', discountType: 'ABS', discountValue: 10, validTillDate: FAR_FUTURE, info: '10 units', seriesCode: '6LQG2MOU' }, DEMO_SERIES.tenOff);
		}
		if (!state.couponSeries.has(DEMO_SERIES.marvel)) {
			addSeries(state, { description: 'Test Marvel', discountType: 'PERC', discountValue: 15, validTillDate: FAR_FUTURE, info: 'Test Marvel', seriesCode: 'MARVEL15' }, DEMO_SERIES.marvel);
		}
	}
	return state.couponSeries;
}

export function findSeries(state: SimState, id: unknown): CouponSeriesRecord | undefined {
	const n = Number(String(id ?? '').trim());
	return Number.isInteger(n) ? seriesMap(state).get(n) : undefined;
}

function isPast(date: unknown): boolean {
	const t = Date.parse(String(date ?? ''));
	return Number.isFinite(t) && t < Date.now();
}

function seriesView(series: CouponSeriesRecord): JsonObject {
	return { ...series };
}

function seriesV11(series: CouponSeriesRecord): JsonObject {
	const flag = (v: unknown) => (v === true ? '1' : '0');
	return {
		id: String(series.id),
		description: series.description,
		series_type: String(series.seriesType ?? 'LOYALTY'),
		client_handling_type: String(series.clientHandlingType ?? 'DISC_CODE'),
		discount_code: String(series.discountCode ?? ''),
		valid_till_date: String(series.validTillDate).slice(0, 10),
		expiry_strategy_type: String(series.expiryStrategyType ?? 'SERIES_EXPIRY'),
		expiry_strategy_value: String(series.expiryStrategyValue ?? 1),
		max_create: String(series.maxCreate),
		max_redeem: String(series.maxRedeem),
		any_user: flag(series.anyUser),
		same_user_multiple_redeem: flag(series.sameUserMultipleRedeem),
		series_code: String(series.seriesCode ?? ''),
		discount_on: String(series.discountOn ?? 'BILL'),
		discount_type: series.discountType,
		discount_value: String(series.discountValue),
		created: String(series.createdOn).replace('T', ' ').slice(0, 19),
		coupons: { issued: String(series.numIssued), redeemed: String(series.numRedeemed) },
		item_status: itemStatus(true, 700, 'Coupon series fetched successfully'),
	};
}

// ---------------------------------------------------------------------------------------------
// Coupons
// ---------------------------------------------------------------------------------------------

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(state: SimState, seed: number): string {
	let n = seed * 2654435761 + 97;
	for (;;) {
		let code = '';
		for (let i = 0; i < 8; i++) {
			code += CODE_ALPHABET[Math.abs(n) % CODE_ALPHABET.length];
			n = Math.floor(Math.abs(n) / CODE_ALPHABET.length) + (i + 1) * 7919;
		}
		if (!state.coupons.has(code)) return code;
		n += 104729;
	}
}

function couponValidTill(series: CouponSeriesRecord, issuedAt = new Date()): string {
	const value = Number(series.expiryStrategyValue ?? 1);
	if (series.expiryStrategyType === 'DAYS') return new Date(issuedAt.getTime() + value * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	if (series.expiryStrategyType === 'MONTHS_END') {
		const end = new Date(Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth() + value + 1, 0, 23, 59, 59));
		return end.toISOString().replace(/\.\d{3}Z$/, 'Z');
	}
	return String(series.validTillDate);
}

export interface Failure {
	code: number;
	message: string;
}

/** Issues a coupon of `series` to `customer`, respecting maxCreate and the series expiry. */
export function issueCoupon(state: SimState, series: CouponSeriesRecord, customerId: number, code?: string): CouponRecord | Failure {
	if (isPast(series.validTillDate)) return { code: 712, message: 'Either coupon series or campaign might have expired' };
	if (series.maxCreate >= 0 && series.numIssued >= series.maxCreate) return { code: 722, message: `Unable to issue coupon: series ${series.id} reached its maximum of ${series.maxCreate} coupons` };
	const id = state.nextEntityId++;
	const coupon: CouponRecord = {
		id,
		code: code ?? newCode(state, id),
		seriesId: series.id,
		customerId,
		issuedOn: nowIso(),
		validTill: couponValidTill(series),
		redeemed: false,
		redeemedOn: null,
		transactionNumber: null,
		redemptionCount: 0,
		resendCount: 0,
	};
	state.coupons.set(coupon.code, coupon);
	series.numIssued += 1;
	series.latestIssualTime = Date.now();
	return coupon;
}

export function isFailure(value: unknown): value is Failure {
	return typeof value === 'object' && value !== null && typeof (value as Failure).code === 'number' && typeof (value as Failure).message === 'string';
}

export function findCoupon(state: SimState, by: 'code' | 'id', value: string): CouponRecord | undefined {
	if (by === 'code') return state.coupons.get(value) ?? [...state.coupons.values()].find((c) => c.code.toLowerCase() === value.toLowerCase());
	return [...state.coupons.values()].find((c) => String(c.id) === value);
}

export function redemptions(state: SimState) {
	return state.collection('couponRedemptions');
}

/** Why `customer` cannot redeem `coupon` now, if they cannot. */
export function redeemBlocker(state: SimState, coupon: CouponRecord | undefined, customer: Customer): Failure | undefined {
	if (!coupon) return { code: 702, message: 'Coupon code is invalid' };
	const series = findSeries(state, coupon.seriesId);
	if (!series) return { code: 707, message: 'Coupon series id is invalid' };
	if (coupon.customerId !== customer.id && series.anyUser !== true) return { code: 703, message: 'Coupon not issued to this customer' };
	if (coupon.redeemed && series.sameUserMultipleRedeem !== true && series.isMultipleUseAllowed !== true) {
		return { code: 716, message: 'Unable to redeem. Cannot redeem same coupon multiple times' };
	}
	if (isPast(series.validTillDate)) return { code: 712, message: 'Unable to redeem. Either coupon series or campaign might have expired' };
	if (isPast(coupon.validTill)) return { code: 713, message: 'Coupon has expired' };
	if (series.maxRedeem >= 0 && series.numRedeemed >= series.maxRedeem) {
		return { code: 714, message: 'Unable to redeem. Maximum redemptions allowed for this campaign are already reached' };
	}
	return undefined;
}

export interface RedemptionInfo {
	transactionNumber?: string;
	billAmount?: number;
	time?: string;
	customFields?: Json;
}

/** Redeems; the caller checked redeemBlocker first. Returns the redemption record. */
export function redeemCoupon(state: SimState, coupon: CouponRecord, customer: Customer, info: RedemptionInfo): JsonObject {
	const series = findSeries(state, coupon.seriesId)!;
	const id = state.nextEntityId++;
	const redeemedOn = info.time ? String(info.time) : nowV11();
	const record: JsonObject = {
		id,
		code: coupon.code,
		couponId: coupon.id,
		seriesId: coupon.seriesId,
		customerId: customer.id,
		transactionNumber: info.transactionNumber ?? null,
		billAmount: info.billAmount ?? null,
		redeemedOn,
		active: true,
		customFields: info.customFields ?? null,
	};
	redemptions(state).set(String(id), record);
	coupon.redeemed = true;
	coupon.redeemedOn = redeemedOn;
	coupon.transactionNumber = info.transactionNumber ?? null;
	coupon.redemptionCount = Number(coupon.redemptionCount ?? 0) + 1;
	coupon.lastRedemptionId = id;
	series.numRedeemed += 1;
	series.latestRedemptionTime = Date.now();
	return record;
}

/** Undoes a redemption: the coupon becomes redeemable again. */
function reactivateRedemption(state: SimState, redemption: JsonObject): void {
	redemption.active = false;
	redemption.reactivatedOn = nowIso();
	const coupon = findCoupon(state, 'code', String(redemption.code));
	const series = findSeries(state, redemption.seriesId);
	if (series) series.numRedeemed = Math.max(0, series.numRedeemed - 1);
	if (!coupon) return;
	coupon.redemptionCount = Math.max(0, Number(coupon.redemptionCount ?? 1) - 1);
	const stillActive = [...redemptions(state).values()].some((r) => r.active === true && r.code === coupon.code);
	if (!stillActive) {
		coupon.redeemed = false;
		coupon.redeemedOn = null;
		coupon.transactionNumber = null;
	}
}

function couponV2(state: SimState, coupon: CouponRecord): JsonObject {
	const series = findSeries(state, coupon.seriesId);
	return {
		id: coupon.id,
		code: coupon.code,
		seriesId: coupon.seriesId,
		description: series?.description ?? '',
		discountCode: String(series?.discountCode ?? 'NO_VALUE'),
		validTill: coupon.validTill,
		discountType: series?.discountType ?? 'ABS',
		discountValue: series?.discountValue ?? 0,
		discountUpto: Number(series?.discountUpto ?? 0),
		discountOn: String(series?.discountOn ?? 'BILL'),
		detailedInfo: String(series?.info ?? series?.description ?? ''),
		redemptionCount: Number(coupon.redemptionCount ?? 0),
	};
}

function customerV2(customer: Customer): JsonObject {
	const p = customer.profiles[0];
	return {
		id: customer.id,
		profiles: [
			{
				firstName: p.firstName,
				lastName: p.lastName,
				fields: p.fields,
				identifiers: p.identifiers as unknown as Json,
				commChannels: p.commChannels,
				userId: customer.id,
				accountId: p.accountId,
				autoUpdateTime: customer.updatedOn,
			},
		],
	};
}

function redemptionV2(state: SimState, redemption: JsonObject): JsonObject {
	const coupon = findCoupon(state, 'code', String(redemption.code))!;
	const series = findSeries(state, coupon.seriesId);
	return {
		id: redemption.id,
		currencyInput: false,
		localToBaseCurrencyExchangeRate: 0,
		warnings: [],
		appendedErrorMessage: '',
		code: coupon.code,
		discountCode: String(series?.discountCode ?? 'NO_VALUE'),
		seriesCode: coupon.seriesId,
		isAbsolute: series?.discountType !== 'PERC',
		couponValue: series?.discountValue ?? 0,
		redemptionStatus: {
			statusCode: { status: true, message: 'Coupon processing successful', code: 700 },
			warnings: [],
			warningsAsStatusCode: [],
			message: 'Coupon processing successful',
			code: 700,
			success: true,
		},
		discountType: series?.discountType ?? 'ABS',
		discountValue: series?.discountValue ?? 0,
		discountUpto: Number(series?.discountUpto ?? 0),
	};
}

// ---------------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------------

/** v2 coupon bodies name the customer as `{id|mobile|email|externalId: value}`. */
export function v2Customer(state: SimState, who: unknown, source?: string): Customer | undefined {
	const object = (who ?? {}) as Record<string, unknown>;
	for (const key of ['id', 'mobile', 'email', 'externalId']) {
		const value = object[key];
		if (value !== undefined && value !== null && String(value).trim() !== '') return state.findCustomer(key, String(value).trim(), source && source !== 'ALL' ? source : undefined);
	}
	return undefined;
}

/** v1.1: `{mobile|email|external_id|card_number|id: value}` from a body object or the query. */
export function v11Customer(state: SimState, source: Record<string, unknown>): { customer?: Customer; key: string; value: string } {
	for (const key of ['mobile', 'email', 'external_id', 'card_number', 'id', 'user_id']) {
		const value = source[key];
		if (value !== undefined && value !== null && String(value) !== '') {
			const type = key === 'card_number' ? 'cardnumber' : key;
			let customer = state.findCustomer(type, String(value));
			if (!customer && key === 'card_number') {
				const card = state.cards.get(String(value));
				customer = card?.customerId ? state.customers.get(card.customerId) : undefined;
			}
			return { customer, key, value: String(value) };
		}
	}
	return { key: 'mobile', value: '' };
}

function customerNotFound(): SimReply {
	return v2Error(404, 8015, 'No customer found with the given identifier.');
}

const FAILED_ALL = 'All requests have failed due to errors';

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

const SERIES_REQUIRED_CREATE = ['description', 'discountCode', 'validTillDate', 'discountType', 'discountValue', 'clientHandlingType', 'expiryStrategyType'];
const SERIES_REQUIRED_UPDATE = ['discountCode', 'discountType', 'discountValue', 'clientHandlingType', 'expiryStrategyType', 'seriesCode'];
const PROTECTED_SERIES_FIELDS = ['id', 'orgId', 'numIssued', 'numRedeemed', 'createdOn', 'createdBy'];

function seriesInput(req: SimRequest, required: string[]): { input?: JsonObject; error?: SimReply } {
	const input = bodyObject(req).CouponSeriesV2;
	if (!input || typeof input !== 'object' || Array.isArray(input)) return { error: v2Error(400, 400, 'Invalid request: CouponSeriesV2 is missing') };
	const object = input as JsonObject;
	const missing = required.find((k) => object[k] === undefined || object[k] === null || object[k] === '');
	if (missing) return { error: v2Error(400, 400, `Field ${missing} is mandatory`) };
	if (!['ABS', 'PERC'].includes(String(object.discountType))) return { error: v2Error(400, 400, `Invalid discountType ${String(object.discountType)}`) };
	if (object.validTillDate !== undefined && !Number.isFinite(Date.parse(String(object.validTillDate)))) {
		return { error: v2Error(400, 400, 'validTillDate must be YYYY-MM-DDTHH:MM:SS+HH:MM') };
	}
	return { input: object };
}

function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v);
	return String(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v);
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	// ----- series ------------------------------------------------------------------------------

	router.post('/v2/coupon/series', (req) => {
		seriesMap(state());
		const { input, error } = seriesInput(req, SERIES_REQUIRED_CREATE);
		if (error) return error;
		const clean = { ...input! };
		for (const k of PROTECTED_SERIES_FIELDS) delete clean[k];
		const series = addSeries(state(), clean);
		return ok({ ...seriesView(series), warnings: [] });
	});

	router.put('/v2/coupon/series/:seriesId', (req) => {
		const series = findSeries(state(), req.params.seriesId);
		if (!series) return v2Error(404, 707, 'Coupon series id is invalid');
		const { input, error } = seriesInput(req, SERIES_REQUIRED_UPDATE);
		if (error) return error;
		for (const [key, value] of Object.entries(input!)) {
			if (PROTECTED_SERIES_FIELDS.includes(key)) continue;
			(series as JsonObject)[key] = value;
		}
		series.discountValue = Number(series.discountValue);
		series.maxCreate = Number(series.maxCreate);
		series.maxRedeem = Number(series.maxRedeem);
		series.lastUsed = nowIso();
		return ok({ ...seriesView(series), warnings: [] });
	});

	router.get('/v2/coupon/series', (req) => {
		const all = [...seriesMap(state()).values()];
		if (req.query.ids) {
			const found = splitList(req.query.ids)
				.map((id) => findSeries(state(), id))
				.filter((s): s is CouponSeriesRecord => s !== undefined);
			if (found.length === 0) return v2Error(400, 707, 'Coupon series id is invalid');
			return ok({ entity: found.map(seriesView), warnings: [] });
		}
		if (req.query.orgEntityType) {
			const type = req.query.orgEntityType.toUpperCase();
			if (!['TILL', 'STORE', 'ZONE', 'CONCEPT'].includes(type)) return v2Error(400, 400, `Invalid orgEntityType ${req.query.orgEntityType}`);
			const ids = splitList(req.query.orgEntityIds).map(Number);
			if (ids.length === 0) return v2Error(400, 400, 'orgEntityIds is required with orgEntityType');
			const redeemableAt = (s: CouponSeriesRecord) => {
				const places = Array.isArray(s.redemptionOrgEntityDetails) ? (s.redemptionOrgEntityDetails as JsonObject[]) : [];
				return places.length === 0 || places.some((p) => String(p.redemptionOrgEntityType).toUpperCase() === type && ids.includes(Number(p.orgEntityId)));
			};
			return ok({ entity: all.filter((s) => !isPast(s.validTillDate) && redeemableAt(s)).map(seriesView), warnings: [] });
		}
		return v2Error(400, 400, 'Either ids or orgEntityType with orgEntityIds is required');
	});

	// ----- issue -------------------------------------------------------------------------------

	router.post('/v2/coupon/issue', (req) => {
		const body = bodyObject(req);
		const series = findSeries(state(), body.seriesId);
		if (!series) return v2Error(400, 707, 'Coupon series id is invalid');
		const customer = v2Customer(state(), body.customer);
		if (!customer) return customerNotFound();
		const issued = issueCoupon(state(), series, customer.id);
		if (isFailure(issued)) return v2Error(400, issued.code, issued.message);
		return ok({ ...couponV2(state(), issued), customer: customerV2(customer), warnings: [] });
	});

	router.post('/v2/coupon/bulk/issue', (req) => {
		if (!req.query.source) return v2Error(400, 8012, 'Invalid source: source is mandatory');
		const body = bodyObject(req);
		const seriesIds = Array.isArray(body.seriesIds) ? body.seriesIds : [];
		if (seriesIds.length === 0) return v2Error(400, 400, 'seriesIds is mandatory');
		if (seriesIds.length > 100) return v2Error(400, 1060, 'Batch limit size exceeded');
		const customer = v2Customer(state(), body.customer, req.query.source);
		if (!customer) return customerNotFound();
		const response = seriesIds.map((id) => {
			const series = findSeries(state(), id);
			const issued = series ? issueCoupon(state(), series, customer.id) : { code: 707, message: `Coupon series id ${String(id)} is invalid` };
			if (isFailure(issued)) return { entityId: Number(id), result: null, errors: [{ status: false, code: issued.code, message: issued.message }], warnings: [] };
			return { entityId: Number(id), result: couponV2(state(), issued), errors: [], warnings: [] };
		});
		const failureCount = response.filter((r) => r.errors.length > 0).length;
		return ok({ response, totalCount: response.length, failureCount }, failureCount > 0 ? 201 : 200);
	});

	// ----- redeem ------------------------------------------------------------------------------

	const requestedCodes = (body: JsonObject): string[] =>
		(Array.isArray(body.redemptionRequestList) ? (body.redemptionRequestList as JsonObject[]) : []).map((r) => {
			if (r.code !== undefined) return String(r.code);
			const byId = r.id !== undefined ? findCoupon(state(), 'id', String(r.id)) : undefined;
			return byId?.code ?? `#${String(r.id)}`;
		});

	const redemptionInfo = (body: JsonObject): RedemptionInfo => ({
		transactionNumber: body.transactionNumber !== undefined ? String(body.transactionNumber) : undefined,
		billAmount: body.billAmount !== undefined ? Number(body.billAmount) : undefined,
		time: body.redemptionTime !== undefined ? String(body.redemptionTime) : undefined,
	});

	router.post('/v2/coupon/redeem', (req) => {
		const body = bodyObject(req);
		const billAmount = Number(body.billAmount);
		if (body.billAmount === undefined || !Number.isFinite(billAmount) || billAmount < 0) return v2Error(400, 733, 'Transaction amount invalid');
		const codes = requestedCodes(body);
		if (codes.length === 0) return v2Error(400, 702, 'Coupon code is invalid');
		const customer = v2Customer(state(), body.user);
		if (!customer) return customerNotFound();
		for (const code of codes) {
			const blocker = redeemBlocker(state(), findCoupon(state(), 'code', code), customer);
			if (blocker) return v2Error(400, blocker.code, `${blocker.message} (${code})`);
		}
		const done = codes.map((code) => redeemCoupon(state(), findCoupon(state(), 'code', code)!, customer, redemptionInfo(body)));
		return ok({
			redemption: done.map((r) => redemptionV2(state(), r)),
			redemptionStatus: { status: true, message: 'Coupon processing successful', code: 700 },
			customer: customerV2(customer),
			warnings: [],
		});
	});

	router.post('/v2/coupon/bulk/redeem', (req) => {
		if (!req.query.source) return v2Error(400, 8012, 'Invalid source: source is mandatory');
		const body = bodyObject(req);
		const billAmount = Number(body.billAmount);
		if (body.billAmount === undefined || !Number.isFinite(billAmount) || billAmount < 0) return v2Error(400, 733, 'Transaction amount invalid');
		const codes = requestedCodes(body);
		if (codes.length === 0) return v2Error(400, 702, 'Coupon code is invalid');
		const customer = v2Customer(state(), body.user, req.query.source);
		if (!customer) return customerNotFound();
		const response = codes.map((code) => {
			const coupon = findCoupon(state(), 'code', code);
			const blocker = redeemBlocker(state(), coupon, customer);
			if (blocker) {
				return { entityId: coupon?.id ?? 0, result: { code, appendedErrorMessage: blocker.message }, errors: [{ status: false, code: blocker.code, message: blocker.message }] };
			}
			const redemption = redeemCoupon(state(), coupon!, customer, redemptionInfo(body));
			return { entityId: redemption.id, result: redemptionV2(state(), redemption), errors: [] };
		});
		const failureCount = response.filter((r) => r.errors.length > 0).length;
		return ok({ response, totalCount: response.length, failureCount }, failureCount > 0 ? 201 : 200);
	});

	router.get('/v2/coupon/is_redeemable', (req) => {
		const who = { id: req.query.id, mobile: req.query.mobile, email: req.query.email, externalId: req.query.externalId };
		if (!Object.values(who).some((v) => v)) return v2Error(400, 8013, 'Customer identifier is invalid');
		const customer = v2Customer(state(), who);
		if (!customer) return customerNotFound();
		const codes = splitList(req.query.code);
		if (codes.length === 0) return v2Error(400, 702, 'Coupon code is invalid');
		const details = req.query.details === 'true' || req.query.details === 'extended';
		const redemption = codes.map((code) => {
			const coupon = findCoupon(state(), 'code', code);
			const blocker = redeemBlocker(state(), coupon, customer);
			const series = coupon ? findSeries(state(), coupon.seriesId) : undefined;
			const byUser = coupon ? [...redemptions(state()).values()].filter((r) => r.code === coupon.code && r.customerId === customer.id && r.active === true).length : 0;
			const entry: JsonObject = {
				appendedErrorMessage: blocker?.message ?? '',
				code,
				isAbsolute: series?.discountType !== 'PERC',
				isRedeemable: !blocker,
				numberOfRedemptionsByUser: byUser,
				redemptionsLeft: series && series.maxRedeem >= 0 ? Math.max(0, series.maxRedeem - series.numRedeemed) : -1,
				warnings: [],
			};
			if (blocker) entry.errors = [{ status: false, code: blocker.code, message: blocker.message }];
			if (details && series) entry.seriesInfo = seriesView(series);
			return entry;
		});
		const firstBlocked = redemption.find((r) => r.isRedeemable === false);
		const firstError = firstBlocked ? (firstBlocked.errors as JsonObject[])[0] : undefined;
		return ok({
			customer: customerV2(customer),
			redemption,
			redemptionStatus: firstError ? { code: firstError.code, message: firstError.message, status: false } : { code: 700, message: 'Coupon isRedeem successful', status: true },
			warnings: [],
		});
	});

	router.post('/v2/coupon/reactivate', (req) => {
		const ids = bodyObject(req).redemptionIds;
		if (!Array.isArray(ids) || ids.length === 0) return v2Error(400, 400, 'redemptionIds is mandatory');
		const found = ids.map((id) => redemptions(state()).get(String(id)));
		const bad = ids.filter((_, i) => !found[i] || found[i]!.active !== true);
		if (bad.length) return v2Error(400, 400, `Invalid redemption ids, or not redeemed any more: ${bad.join(', ')}`);
		for (const redemption of found) reactivateRedemption(state(), redemption!);
		return ok({ warnings: [], errors: [], success: true });
	});

	router.get('/v2/coupon', (req) => {
		seriesMap(state());
		const all = [...state().coupons.values()];
		let list: CouponRecord[];
		if (req.query.couponCodes) {
			const codes = splitList(req.query.couponCodes).map((c) => c.toLowerCase());
			list = all.filter((c) => codes.includes(c.code.toLowerCase()));
		} else if (req.query.couponIds) {
			const ids = splitList(req.query.couponIds);
			list = all.filter((c) => ids.includes(String(c.id)));
		} else if (req.query.issuedToIds) {
			const ids = splitList(req.query.issuedToIds).map(Number);
			list = all.filter((c) => ids.includes(c.customerId));
		} else {
			return v2Error(400, 400, 'One of issuedToIds, couponIds or couponCodes is mandatory');
		}
		return ok({ data: list.map((c) => couponV2(state(), c)), warnings: [], errors: [] });
	});

	// ----- v1.1 --------------------------------------------------------------------------------

	const v11Coupon = (coupon: CouponRecord, status = itemStatus(true, 700, 'Coupon processing successful')): JsonObject => {
		const customer = state().customers.get(coupon.customerId);
		const series = findSeries(state(), coupon.seriesId);
		const lastRedemption = coupon.lastRedemptionId !== undefined ? redemptions(state()).get(String(coupon.lastRedemptionId)) : undefined;
		const redeemer = lastRedemption ? state().customers.get(Number(lastRedemption.customerId)) : undefined;
		return {
			code: coupon.code,
			id: String(coupon.id),
			valid_till: String(coupon.validTill).slice(0, 10),
			issued_on: String(coupon.issuedOn).replace('T', ' ').slice(0, 19),
			customer: customer
				? { user_id: String(customer.id), name: `${customer.profiles[0].firstName} ${customer.profiles[0].lastName}`.trim(), mobile: state().identifier(customer, 'mobile'), email: state().identifier(customer, 'email') }
				: { user_id: String(coupon.customerId) },
			series_id: String(coupon.seriesId),
			is_absolute: String(series?.discountType !== 'PERC'),
			value: String(series?.discountValue ?? 0),
			redemption_info: coupon.redeemed ? { redeemed: 'true', redeemed_on: String(coupon.redeemedOn ?? ''), redeemed_at: 'store.server' } : { redeemed: 'false' },
			...(coupon.redeemed && redeemer
				? { redeemed_by: { firstname: redeemer.profiles[0].firstName, lastname: redeemer.profiles[0].lastName, email: state().identifier(redeemer, 'email'), mobile: state().identifier(redeemer, 'mobile') } }
				: {}),
			...(coupon.transactionNumber ? { transaction: { number: coupon.transactionNumber } } : {}),
			item_status: status,
		};
	};

	const seriesInfoV11 = (series: CouponSeriesRecord | undefined): JsonObject =>
		series
			? {
					id: String(series.id),
					description: series.description,
					discount_code: String(series.discountCode ?? ''),
					valid_till: String(series.validTillDate).slice(0, 10),
					discount_type: series.discountType,
					discount_value: String(series.discountValue),
					detailed_info: String(series.info ?? ''),
				}
			: {};

	router.post('/v1.1/coupon/issue', (req) => {
		const entities = v11Entities(req, 'coupon');
		if (entities.length === 0) return v11Error(400, 'Input is invalid: root.coupon is missing');
		const results = entities.map((entity) => {
			const found = v11Customer(state(), (entity.customer ?? {}) as Record<string, unknown>);
			const customerEcho = { [found.key]: found.value } as JsonObject;
			const series = findSeries(state(), entity.series_id ?? entity.id);
			if (!series) return { series_info: { id: String(entity.series_id ?? '') }, customer: customerEcho, item_status: itemStatus(false, 707, 'Coupon series id is invalid') };
			if (!found.customer) return { series_info: { id: String(series.id) }, customer: customerEcho, item_status: itemStatus(false, 701, 'Unable to find the customer. Please enter correct mobile number/email id/external id') };
			const issued = issueCoupon(state(), series, found.customer.id);
			if (isFailure(issued)) return { series_info: { id: String(series.id) }, customer: customerEcho, item_status: itemStatus(false, issued.code, issued.message) };
			return {
				code: issued.code,
				id: String(issued.id),
				valid_till: String(issued.validTill).slice(0, 10),
				series_info: seriesInfoV11(series),
				customer: { ...customerEcho, user_id: String(found.customer.id) },
				item_status: itemStatus(true, 700, 'Coupon processing successful'),
			};
		});
		const failed = results.filter((r) => (r.item_status as JsonObject).success === 'false').length;
		const payload = { coupon: results.length === 1 ? results[0] : results } as JsonObject;
		if (failed === results.length) return v11Error(500, FAILED_ALL, 200, payload);
		return failed ? v11Error(201, 'Some requests have failed due to errors', 200, payload) : v11Ok(payload, 'SUCCESS');
	});

	router.get('/v1.1/coupon/resend', (req) => {
		const found = v11Customer(state(), req.query);
		const by = req.query.code ? 'code' : 'id';
		const value = req.query.code ?? req.query.id ?? '';
		const fail = (code: number, message: string) => v11Error(500, FAILED_ALL, 200, { coupons: { coupon: [{ [by]: value, item_status: itemStatus(false, code, message) }] } });
		if (!found.customer) return fail(701, 'Unable to find the customer. Please enter correct mobile number/email id/external id');
		const coupon = value ? findCoupon(state(), by, value) : undefined;
		if (!coupon) return fail(702, 'Coupon code is invalid');
		if (coupon.customerId !== found.customer.id) return fail(703, 'Coupon not issued to this customer');
		if (coupon.redeemed) return fail(711, 'Coupon is redeemed already');
		coupon.resendCount = Number(coupon.resendCount ?? 0) + 1;
		return v11Ok({ coupons: { coupon: [{ id: String(coupon.id), code: coupon.code, item_status: itemStatus(true, 700, 'Coupon Resent') }] } }, 'SUCCESS');
	});

	router.post('/v1.1/coupon/redeem', (req) => {
		const [entity] = v11Entities(req, 'coupon');
		if (!entity) return v11Error(400, 'Input is invalid: root.coupon is missing');
		const found = v11Customer(state(), (entity.customer ?? {}) as Record<string, unknown>);
		const transaction = (Array.isArray(entity.transaction) ? entity.transaction[0] : entity.transaction) as JsonObject | undefined;
		const fail = (code: number, message: string) =>
			v11Error(500, FAILED_ALL, 200, { coupons: { coupon: { code: String(entity.code ?? entity.id ?? ''), item_status: itemStatus(false, code, message) } } });
		if (!found.customer) return fail(701, 'Unable to find the customer. Please enter correct mobile number/email id/external id');
		const coupon = entity.code !== undefined ? findCoupon(state(), 'code', String(entity.code)) : entity.id !== undefined ? findCoupon(state(), 'id', String(entity.id)) : undefined;
		const blocker = redeemBlocker(state(), coupon, found.customer);
		if (blocker) return fail(blocker.code, blocker.message);
		const series = findSeries(state(), coupon!.seriesId);
		const customFields = (entity.custom_fields as JsonObject | undefined)?.field ?? entity.custom_fields ?? null;
		const redemption = redeemCoupon(state(), coupon!, found.customer, {
			transactionNumber: transaction?.number !== undefined ? String(transaction.number) : undefined,
			billAmount: transaction?.amount !== undefined ? Number(transaction.amount) : undefined,
			customFields: customFields as Json,
		});
		return v11Ok({
			coupons: {
				coupon: {
					customer: { mobile: state().identifier(found.customer, 'mobile'), email: state().identifier(found.customer, 'email'), external_id: state().identifier(found.customer, 'externalId') },
					redemptionId: String(redemption.id),
					code: coupon!.code,
					discount_code: String(series?.discountCode ?? ''),
					series_code: String(coupon!.seriesId),
					series_info: [],
					is_absolute: String(series?.discountType !== 'PERC'),
					coupon_value: String(series?.discountValue ?? 0),
					transaction: { amount: transaction?.amount !== undefined ? Number(transaction.amount).toFixed(2) : '', number: String(transaction?.number ?? '') },
					side_effects: [],
					item_status: itemStatus(true, 700, 'Coupon processing successful'),
				},
			},
		});
	});

	router.get('/v1.1/coupon/get', (req) => {
		const by = req.query.code ? 'code' : req.query.id ? 'id' : undefined;
		if (!by) return v11Error(400, 'Input is invalid: pass id or code');
		const values = splitList(req.query[by]);
		const list = values.map((value) => {
			const coupon = findCoupon(state(), by, value);
			return coupon ? v11Coupon(coupon) : { [by]: value, item_status: itemStatus(false, 702, 'Coupon code is invalid') };
		});
		const failed = list.filter((c) => (c.item_status as JsonObject).success === 'false').length;
		const payload = { coupons: { coupon: list.length === 1 ? list[0] : list } } as JsonObject;
		if (failed === list.length) return v11Error(500, FAILED_ALL, 200, payload);
		return failed ? v11Error(201, 'Some requests have failed due to errors', 200, payload) : v11Ok(payload, 'SUCCESS');
	});

	router.get('/v1.1/coupon/isredeemable', (req) => {
		const found = v11Customer(state(), req.query);
		const code = req.query.code ?? '';
		const entity: JsonObject = { [found.key]: found.value, code };
		const fail = (failure: Failure) =>
			v11Error(500, FAILED_ALL, 200, { coupons: { redeemable: { ...entity, is_redeemable: 'false', item_status: itemStatus(false, failure.code, failure.message) } } });
		if (!found.customer) return fail({ code: 701, message: 'Unable to find the customer. Please enter correct mobile number/email id/external id' });
		const coupon = findCoupon(state(), 'code', code);
		const blocker = redeemBlocker(state(), coupon, found.customer);
		if (blocker) return fail(blocker);
		const details = req.query.details === 'true' || req.query.details === 'extended';
		return v11Ok(
			{
				coupons: {
					redeemable: {
						...entity,
						is_redeemable: 'true',
						item_status: itemStatus(true, 700, 'Coupon is redeemable'),
						...(details ? { series_info: seriesInfoV11(findSeries(state(), coupon!.seriesId)) } : {}),
					},
				},
			},
			'SUCCESS',
		);
	});

	router.get('/v1.1/coupon/series', (req) => {
		const all = [...seriesMap(state()).values()];
		if (req.query.id) {
			const series = findSeries(state(), req.query.id);
			if (!series) return v11Error(500, FAILED_ALL, 200, { series: { items: { item: { id: req.query.id, item_status: itemStatus(false, 707, 'Coupon series id is invalid') } } } });
			return v11Ok({ series: { items: { item: seriesV11(series) } } });
		}
		const expired = req.query.expired;
		const list = all.filter((s) => (expired === 'true' ? isPast(s.validTillDate) : expired === 'false' ? !isPast(s.validTillDate) : true));
		return v11Ok({ series: { items: { item: list.map(seriesV11) } } });
	});
}
