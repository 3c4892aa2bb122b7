/**
 * Transactions: v2 add/return (single and bulk), update, get by ID and by bill number; v1.1 add,
 * add with local currency, update (incl. retro conversion) and get. Every add goes through
 * `sim.state.addTransaction`, so the customer's points move (10% of the amount) and other groups
 * (ledger, customer transactions) see the bill.
 */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { bodyObject, itemStatus, nowV11, ok, v11Entities, v11Error, v11Ok, v2Error } from '../http';
import type { Simulator } from '../server';
import { POINTS_RATE, type Customer, type SimState, type Transaction } from '../state';
import { customerFromQuery, DEMO_PROGRAM } from './pointsLedger';

/** Group-only fields kept on the shared transaction record. */
export type TransactionRecord = Transaction & {
	deliveryStatus?: string;
	outlierStatus?: string;
	returnType?: string;
	billClientId?: string;
	requestId?: string;
	userGroup2Id?: number;
	tillCode?: string;
};

/** Conversion to the org base currency (INR). */
export const CURRENCY_RATIOS: Record<string, { ratio: number; name: string }> = {
	INR: { ratio: 1, name: 'Indian Rupee' },
	USD: { ratio: 83, name: 'US Dollar' },
	EUR: { ratio: 90, name: 'Euro' },
	AED: { ratio: 22.6, name: 'United Arab Emirates Dirham' },
	SGD: { ratio: 62, name: 'Singapore Dollar' },
	QAR: { ratio: 22.8, name: 'Qatari Riyal' },
};

const V2_TYPES = ['REGULAR', 'RETURN', 'NOT_INTERESTED', 'NOT_INTERESTED_RETURN'];
const RETURN_TYPES = ['AMOUNT', 'FULL', 'LINE_ITEM', 'CANCELLED'];
const DELIVERY = ['PLACED', 'PROCESSED', 'SHIPPED', 'DELIVERED', 'RETURNED'];

interface Failure {
	status: number;
	code: number;
	message: string;
}

const fail = (code: number, message: string, status = 400): { error: Failure } => ({ error: { status, code, message } });

function tillOf(req: SimRequest): string {
	return req.auth?.username ?? 'store.server';
}

/** `2026-01-05 10:00:00` (org time) → ISO with the org offset. */
export function isoOf(v11Time: string): string {
	return /T/.test(v11Time) ? v11Time : `${v11Time.trim().replace(' ', 'T')}+05:30`;
}

/** Any date text → the v1.1 `YYYY-MM-DD HH:MM:SS` (org time), or undefined when not a date. */
function billingTimeOf(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return nowV11();
	const text = String(value).trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text} 00:00:00`;
	if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(text)) return text.length === 16 ? `${text}:00` : text;
	const time = Date.parse(text);
	return Number.isFinite(time) ? nowV11(new Date(time)) : undefined;
}

function num(value: unknown): number {
	return typeof value === 'number' ? value : Number(String(value ?? '').trim() === '' ? NaN : value);
}

/** `{field: [{name, value}]}` (or one object) → `{name: value}`. */
function v11Fields(value: unknown): Record<string, Json> {
	const field = (value as JsonObject | undefined)?.field;
	const list = Array.isArray(field) ? field : field ? [field] : [];
	const out: Record<string, Json> = {};
	for (const f of list as JsonObject[]) if (f && f.name !== undefined) out[String(f.name)] = f.value ?? '';
	return out;
}

function v11FieldsOut(map: Record<string, Json>): JsonObject {
	return { field: Object.entries(map).map(([name, value]) => ({ name, value })) };
}

function v11List(value: unknown, key: string): JsonObject[] {
	const inner = (value as JsonObject | undefined)?.[key];
	return (Array.isArray(inner) ? inner : inner ? [inner] : []) as JsonObject[];
}

function regularBill(state: SimState, number: string, customerId?: number): Transaction | undefined {
	return state.transactionsWithNumber(number).find((t) => t.type === 'REGULAR' && (customerId === undefined || t.customerId === customerId));
}

function returnedSoFar(state: SimState, number: string, customerId?: number): number {
	return state
		.transactionsWithNumber(number)
		.filter((t) => t.type === 'RETURN' && t.customerId === customerId)
		.reduce((sum, t) => sum + t.amount, 0);
}

/**
 * The checks and effects of a new bill shared by v2 and v1.1 (codes of Capillary's transaction
 * table). Returns the stored transaction or the failure.
 */
function addBill(
	state: SimState,
	input: {
		type: string;
		number: string;
		amount: unknown;
		customer?: Customer;
		returnType?: string;
		billingTime: unknown;
		lineItems: JsonObject[];
		paymentModes: JsonObject[];
		extendedFields: Record<string, Json>;
		customFields: Record<string, Json>;
		notes: string;
		till: string;
		source: 'v2' | 'v1.1';
		grossAmount?: unknown;
		discount?: unknown;
		currency?: string;
	},
): { transaction: TransactionRecord; error?: undefined } | { error: Failure } {
	const type = input.type.toUpperCase();
	if (!V2_TYPES.includes(type) && type !== 'MIXED') return fail(605, 'Invalid transaction type passed. Only regular, return and not-interested transaction types are supported.');
	if (!input.number.trim()) return fail(602, 'Invalid transaction number.');
	const localAmount = num(input.amount);
	if (!Number.isFinite(localAmount)) return fail(601, 'Invalid transaction amount.');
	if (localAmount < 0) return fail(631, 'Transaction amount cannot be negative.');
	for (const item of input.lineItems) {
		if (num(item.qty ?? 0) < 0) return fail(627, 'Quantity cannot be negative.');
		if (num(item.amount ?? 0) < 0) return fail(661, 'Amount of the line-item amount cannot be negative.');
	}
	const billingTime = billingTimeOf(input.billingTime);
	if (!billingTime) return fail(621, 'Transaction date is invalid. Transaction date should be within the accepted past or future date range limit.');
	let amount = localAmount;
	if (input.currency) {
		const currency = CURRENCY_RATIOS[input.currency.toUpperCase()];
		if (!currency) return fail(400, `Currency ${input.currency} is not supported for the org`);
		amount = Math.round(localAmount * currency.ratio * 100) / 100;
	}
	const withCustomer = type === 'REGULAR' || type === 'RETURN' || type === 'MIXED';
	if (withCustomer && !input.customer) return fail(606, "Customer identifier is not passed. Please enter customer's mobile or email or external id to process.");
	if (input.customer && input.customer.status === 'FRAUD') return fail(618, 'Customer is marked as fraud.');
	if (type === 'REGULAR' && regularBill(state, input.number)) return fail(604, 'Transaction number already exists.');
	if (type === 'RETURN') {
		const returnType = String(input.returnType ?? '').toUpperCase();
		if (!RETURN_TYPES.includes(returnType)) return fail(628, 'Invalid return transaction type.');
		const original = regularBill(state, input.number, input.customer!.id);
		if (!original) return fail(624, 'Unable to process return-transaction. You can make a return only after adding a transaction.');
		const already = returnedSoFar(state, input.number, input.customer!.id);
		if (already >= original.amount) return fail(633, 'The entire transaction is already returned.');
		if (returnType === 'FULL' || returnType === 'CANCELLED') amount = original.amount - already;
		if (amount > original.amount - already) return fail(630, 'The return amount is more than the transaction/line-item amount.');
	}
	const added = state.addTransaction({
		number: input.number,
		type: type === 'MIXED' ? 'REGULAR' : type,
		customerId: withCustomer ? input.customer!.id : undefined,
		amount,
		grossAmount: input.grossAmount !== undefined ? num(input.grossAmount) : undefined,
		discount: input.discount !== undefined ? num(input.discount) : undefined,
		billingTime,
		lineItems: input.lineItems,
		paymentModes: input.paymentModes,
		extendedFields: input.extendedFields,
		customFields: input.customFields,
		notes: input.notes,
		storeCode: input.till,
		currency: input.currency?.toUpperCase(),
		localAmount: input.currency ? localAmount : undefined,
		source: input.source,
	}) as TransactionRecord;
	if (type === 'RETURN') added.returnType = String(input.returnType).toUpperCase();
	return { transaction: added };
}

// ---------------------------------------------------------------------------------------------
// v2
// ---------------------------------------------------------------------------------------------

function sideEffectsOf(t: Transaction): JsonObject[] {
	if (!t.pointsAwarded) return [];
	return [{ entityType: 'USER', rawAwardedPoints: t.pointsAwarded, awardedPoints: t.pointsAwarded, type: 'points' }];
}

function rawSideEffectsOf(t: Transaction): JsonObject[] {
	if (!t.pointsAwarded) return [];
	return [
		{
			awardOn: 'BILL',
			billNumber: t.number,
			evaluatedEntity: 'USER',
			points: t.pointsAwarded.toFixed(3),
			pointTypeName: 'Main',
			programId: String(DEMO_PROGRAM.id),
			sourceId: String(t.id),
			sourceType: 'Bill',
			type: t.pointsAwarded > 0 ? 'AWARD' : 'DEDUCTION',
		},
	];
}

/** A v2 transaction body (single add, or one entry of bulk) → addBill input. */
function v2Bill(state: SimState, body: JsonObject, customer: Customer | undefined, till: string) {
	const addLocal = body.addWithLocalCurrency === true || body.addWithLocalCurrency === 'true';
	const result = addBill(state, {
		type: String(body.type ?? ''),
		number: String(body.billNumber ?? ''),
		amount: body.billAmount,
		customer,
		returnType: body.returnType !== undefined ? String(body.returnType) : undefined,
		billingTime: body.billingDate,
		lineItems: Array.isArray(body.lineItemsV2) ? (body.lineItemsV2 as JsonObject[]) : [],
		paymentModes: Array.isArray(body.paymentModes) ? (body.paymentModes as JsonObject[]) : [],
		extendedFields: (body.extendedFields ?? {}) as Record<string, Json>,
		customFields: (body.customFields ?? {}) as Record<string, Json>,
		notes: String(body.note ?? ''),
		till,
		source: 'v2',
		grossAmount: body.grossAmount,
		discount: body.discount,
		currency: addLocal && body.currencyCode ? String(body.currencyCode) : undefined,
	});
	if (result.error) return result;
	const t = result.transaction;
	if (body.deliveryStatus) t.deliveryStatus = String(body.deliveryStatus);
	if (body.outlierStatus) t.outlierStatus = String(body.outlierStatus);
	if (body.userGroup2Id !== undefined) t.userGroup2Id = Number(body.userGroup2Id);
	return result;
}

function v2View(t: TransactionRecord, tenders: boolean, inputOffset = false): JsonObject {
	const billingTime = isoOf(t.billingTime);
	return {
		id: t.id,
		customerId: t.customerId ?? -1,
		type: t.type,
		outlierStatus: t.outlierStatus ?? 'NORMAL',
		deliveryStatus: t.deliveryStatus ?? 'DELIVERED',
		billDetails: {
			amount: t.amount,
			billNumber: t.number,
			billingTime,
			discount: t.discount ?? 0,
			grossAmount: t.grossAmount ?? t.amount,
			note: t.notes,
			billingStore: { code: 'store.server', name: 'Simulator Store', type: 'STORE' },
			returnDetails: { canceled: false, ...(t.returnType ? { returnType: t.returnType } : {}) },
			invalidBill: false,
			...(inputOffset ? { billingTimeInputOffset: '+05:30' } : {}),
		},
		lineItems: t.lineItems.map((details, i) => ({ id: t.id * 100 + i, details, outlierStatus: 'NORMAL', valid: true })),
		...(tenders ? { paymentModes: t.paymentModes.map((p, i) => ({ id: t.id * 10 + i, mode: p.mode ?? '', amount: num(p.value ?? 0), notes: p.notes ?? '', attributes: p.attributes ?? [] })) } : {}),
		customFields: t.customFields,
		extendedFields: t.extendedFields,
		...(t.currency ? { currency: t.currency, localAmount: t.localAmount ?? t.amount } : {}),
		attribution: { createDate: t.addedOn, createdBy: { code: t.storeCode, name: t.storeCode, type: 'TILL' }, modifiedDate: t.addedOn },
		autoUpdateTime: t.addedOn,
		basketSize: t.lineItems.reduce((sum, li) => sum + num(li.qty ?? 0), 0),
		warnings: [],
	};
}

function loyaltyDetails(state: SimState, customer: Customer): JsonObject[] {
	return [
		{
			redeemed: state.ledger.filter((e) => e.customerId === customer.id && e.eventName === 'PointsRedemption').reduce((s, e) => s + e.points, 0),
			expired: 0,
			returned: state.ledger.filter((e) => e.customerId === customer.id && e.eventName === 'ReturnBill').reduce((s, e) => s + e.points, 0),
			adjusted: 0,
			lifetimePoints: customer.lifetimePoints,
			loyaltyPoints: customer.points,
			cumulativePurchases: customer.lifetimePurchases,
			loyaltyId: customer.id,
			currentSlab: customer.tier,
			programId: DEMO_PROGRAM.id,
			programTitle: DEMO_PROGRAM.name,
			totalAvailablePoints: customer.points,
		},
	];
}

// ---------------------------------------------------------------------------------------------
// v1.1
// ---------------------------------------------------------------------------------------------

function v11CustomerView(state: SimState, customer: Customer): JsonObject {
	const profile = customer.profiles[0];
	return {
		user_id: String(customer.id),
		mobile: state.identifier(customer, 'mobile'),
		firstname: profile?.firstName ?? '',
		lastname: profile?.lastName ?? '',
		email: state.identifier(customer, 'email'),
		external_id: state.identifier(customer, 'externalId'),
		lifetime_points: String(customer.lifetimePoints),
		loyalty_points: String(customer.points),
		lifetime_purchases: String(customer.lifetimePurchases),
		current_slab: customer.tier,
		type: customer.loyaltyType === 'loyalty' ? 'LOYALTY' : 'NON_LOYALTY',
		source: (profile?.source ?? 'INSTORE').toLowerCase(),
	};
}

const V11_IDENTIFIERS: Array<[bodyKey: string, type: string]> = [
	['id', 'id'],
	['mobile', 'mobile'],
	['email', 'email'],
	['external_id', 'externalId'],
	['card_number', 'cardnumber'],
];

/** The `customer` block of a v1.1 transaction: known customer, registrable identifiers, or an error. */
function v11Customer(state: SimState, block: JsonObject): { customer?: Customer; identifiers: Array<{ type: string; value: string }>; error?: Failure } {
	const card = (block.card_details as JsonObject | undefined)?.card_number;
	const values: Record<string, string> = {};
	for (const [key] of V11_IDENTIFIERS) {
		const v = key === 'card_number' ? (block.card_number ?? card) : block[key];
		if (v !== undefined && v !== null && String(v).trim() !== '') values[key] = String(v).trim();
	}
	if (values.mobile && !/^\+?\d{8,15}$/.test(values.mobile)) return { identifiers: [], error: { status: 200, code: 649, message: 'Customer registration failed. Mobile number is invalid.' } };
	if (values.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) return { identifiers: [], error: { status: 200, code: 646, message: 'Customer registration failed. The email id is invalid.' } };
	for (const [key, type] of V11_IDENTIFIERS) {
		if (!values[key]) continue;
		const customer = state.findCustomer(type, values[key]);
		if (customer) return { customer, identifiers: [] };
	}
	if (values.id) return { identifiers: [], error: { status: 200, code: 641, message: 'No customer found.' } };
	const identifiers = V11_IDENTIFIERS.filter(([key]) => key !== 'id' && values[key]).map(([key, type]) => ({ type, value: values[key] }));
	return { identifiers };
}

function v11TransactionView(state: SimState, t: TransactionRecord, extras: JsonObject, status: JsonObject): JsonObject {
	const customer = t.customerId !== undefined ? state.customers.get(t.customerId) : undefined;
	return {
		id: String(t.id),
		number: t.number,
		bill_client_id: t.billClientId ?? '',
		type: t.type,
		delivery_status: t.deliveryStatus ?? 'DELIVERED',
		outlier_status: t.outlierStatus ?? 'NORMAL',
		...(customer ? { customer: v11CustomerView(state, customer) } : {}),
		side_effects: { effect: t.pointsAwarded ? [{ type: 'points', awarded_points: String(t.pointsAwarded) }] : [] },
		source: 'instore',
		...extras,
		item_status: status,
	};
}

function localCurrencyView(t: Transaction): JsonObject {
	const currency = CURRENCY_RATIOS[t.currency ?? 'INR'] ?? CURRENCY_RATIOS.INR;
	return {
		ratio: String(currency.ratio),
		base_currency: { name: CURRENCY_RATIOS.INR.name, symbol: '₹' },
		transaction_currency: { name: currency.name },
		amount: String(t.localAmount ?? t.amount),
		value: String(t.amount),
	};
}

/** v1.1 batch reply: all ok → 200; some failed → 201 in the body; all failed → 500 in the body. */
function v11Batch(key: string, singular: string, results: JsonObject[], failed: number): SimReply {
	const payload = { [key]: { [singular]: results as Json[] } };
	if (failed === 0) return v11Ok(payload, 'Success');
	if (failed < results.length) return { status: 200, body: { response: { status: { success: 'true', code: '201', message: 'Some requests have failed due to errors' }, ...payload } } };
	return v11Error(500, 'All requests have failed due to errors', 200, payload);
}

function v11LineItems(entity: JsonObject): JsonObject[] {
	return v11List(entity.line_items, 'line_item').map((li) => ({
		itemCode: String(li.item_code ?? ''),
		description: String(li.description ?? ''),
		qty: num(li.qty ?? 1),
		rate: num(li.rate ?? 0),
		value: num(li.value ?? 0),
		discount: num(li.discount ?? li.discount_value ?? 0),
		amount: num(li.amount ?? 0),
		...(li.serial !== undefined ? { serial: String(li.serial) } : {}),
	}));
}

function v11Payments(entity: JsonObject): JsonObject[] {
	return v11List(entity.payment_details, 'payment').map((p) => ({ mode: p.mode ?? '', value: num(p.value ?? 0), notes: String(p.notes ?? '') }));
}

function v11LineItemsOut(t: Transaction): JsonObject {
	return {
		line_item: t.lineItems.map((li) => ({
			item_code: String(li.itemCode ?? ''),
			description: String(li.description ?? ''),
			qty: String(li.qty ?? 1),
			rate: String(li.rate ?? 0),
			value: String(li.value ?? num(li.rate ?? 0) * num(li.qty ?? 1)),
			discount: String(li.discount ?? 0),
			amount: String(li.amount ?? 0),
		})),
	};
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v2/transactions/bulk', (req) => {
		if (!Array.isArray(req.body)) return v2Error(400, 400, 'Invalid input: the body must be an array of transactions');
		const entries = req.body as JsonObject[];
		if (entries.length === 0) return v2Error(400, 615, 'Transaction details are not passed.');
		if (entries.length > 100) return v2Error(400, 672, 'Batch limit exceeded.');
		const response = entries.map((entry) => {
			const error = (code: number, message: string) => ({ entityId: null, result: entry, errors: [{ status: false, code, message }], warnings: [] });
			const type = String(entry.type ?? '').toUpperCase();
			let customer: Customer | undefined;
			if (type !== 'NOT_INTERESTED' && type !== 'NOT_INTERESTED_RETURN') {
				const found = customerFromQuery(state(), {
					identifierName: String(entry.identifierType ?? ''),
					identifierValue: String(entry.identifierValue ?? ''),
					source: String(entry.source ?? ''),
					accountId: String(entry.accountId ?? ''),
				});
				if (found.error) {
					const e = ((found.error.body as JsonObject).errors as JsonObject[])[0];
					return error(Number(e.code), String(e.message));
				}
				customer = found.customer;
			}
			const result = v2Bill(state(), entry, customer, tillOf(req));
			if (result.error) return error(result.error.code, result.error.message);
			const t = result.transaction;
			if (req.headers['x-cap-request-id']) t.requestId = String(req.headers['x-cap-request-id']);
			return { entityId: t.id, result: { ...entry, billAmount: t.amount, sideEffects: sideEffectsOf(t) as Json[] }, errors: [], warnings: [] };
		});
		return ok({ response });
	});

	router.get('/v2/transactions/getByBillNumber/:billNumber', (req) => {
		const list = [...state().transactionsWithNumber(req.params.billNumber)] as TransactionRecord[];
		return ok({ pagination: { limit: 100, offset: 0, total: list.length }, data: list.map((t) => v2View(t, true, true)), warnings: [], errors: [] });
	});

	router.post('/v2/transactions', (req) => {
		const body = bodyObject(req);
		const type = String(body.type ?? '').toUpperCase();
		let customer: Customer | undefined;
		if (type !== 'NOT_INTERESTED' && type !== 'NOT_INTERESTED_RETURN') {
			const found = customerFromQuery(state(), req.query);
			if (found.error) return found.error;
			customer = found.customer;
		}
		const result = v2Bill(state(), body, customer, tillOf(req));
		if (result.error) return v2Error(result.error.status, result.error.code, result.error.message);
		const t = result.transaction;
		const requestId = req.headers['x-cap-request-id'] ? String(req.headers['x-cap-request-id']) : undefined;
		if (requestId) t.requestId = requestId;
		// Queued (direct replay) or background (use_async) loyalty: the points move, but the reply has no side effects.
		const deferred = req.query.use_async === 'true' || String(req.headers['x-cap-direct-replay'] ?? '').toLowerCase() === 'true';
		const profile = customer?.profiles[0];
		return {
			status: 200,
			headers: requestId ? { 'X-Cap-Requestid': requestId } : undefined,
			body: {
				createdId: t.id,
				warnings: [],
				errors: [],
				sideEffects: deferred ? [] : sideEffectsOf(t),
				...(req.query.rawSideEffects === 'true' && !deferred ? { rawSideEffects: rawSideEffectsOf(t) } : {}),
				...(profile ? { customerInfo: { firstName: profile.firstName, lastName: profile.lastName } } : {}),
			},
		};
	});

	router.put('/v2/transactions', (req) => {
		const found = customerFromQuery(state(), req.query);
		if (found.error) return found.error;
		const body = bodyObject(req);
		const hasId = body.id !== undefined && body.id !== null && body.id !== '';
		const hasNumber = body.number !== undefined && body.number !== null && body.number !== '';
		if (!hasId && !hasNumber) return v2Error(400, 670, 'Transaction id/number is not provided.');
		const mine = state()
			.transactionsOf(found.customer.id)
			.sort((a, b) => b.billingTime.localeCompare(a.billingTime) || b.id - a.id) as TransactionRecord[];
		const t = hasId ? mine.find((x) => x.id === Number(body.id)) : mine.find((x) => x.number === String(body.number));
		if (!t) return hasId ? v2Error(400, 667, 'Unable to find the transaction ID for this customer.') : v2Error(400, 668, 'Unable to find the transaction number for this customer.');
		if (body.deliveryStatus !== undefined) {
			if (!DELIVERY.includes(String(body.deliveryStatus).toUpperCase())) return v2Error(400, 609, 'Update failed. Please verify all the fields.');
			t.deliveryStatus = String(body.deliveryStatus).toUpperCase();
		}
		if (body.extendedFields && typeof body.extendedFields === 'object') Object.assign(t.extendedFields, body.extendedFields);
		if (body.customFields && typeof body.customFields === 'object') Object.assign(t.customFields, body.customFields);
		if (body.tillCode) t.tillCode = String(body.tillCode);
		return ok({ warnings: [], errors: [], loyaltyDetails: loyaltyDetails(state(), found.customer) });
	});

	router.get('/v2/transactions/:transactionId', (req) => {
		const t = state().transactions.get(Number(req.params.transactionId)) as TransactionRecord | undefined;
		const wanted = String(req.query.type ?? 'REGULAR').toUpperCase();
		if (!t || !/^\d+$/.test(req.params.transactionId) || t.type !== wanted) return v2Error(400, 620, 'Transaction id is invalid.');
		return ok(v2View(t, req.query.tenders === 'true'));
	});

	// ----- v1.1 --------------------------------------------------------------------------------

	const v11Add = (localCurrency: boolean) => (req: SimRequest) => {
		const entities = v11Entities(req, 'transaction');
		if (!entities.length) return v11Error(400, 'Input is invalid: root.transaction is missing', 200);
		let failed = 0;
		const results = entities.map((entity) => {
			const failure = (code: number, message: string) => {
				failed++;
				return { number: String(entity.number ?? ''), type: String(entity.type ?? '').toUpperCase(), item_status: itemStatus(false, code, message) };
			};
			const type = String(entity.type ?? '').toLowerCase();
			const withCustomer = ['regular', 'return', 'mixed'].includes(type);
			let customer: Customer | undefined;
			if (withCustomer) {
				const block = (entity.customer ?? {}) as JsonObject;
				const found = v11Customer(state(), block);
				if (found.error) return failure(found.error.code, found.error.message);
				customer = found.customer;
				if (!customer && found.identifiers.length && type !== 'return') {
					customer = state().addCustomer({
						profile: { firstName: String(block.firstname ?? ''), lastName: String(block.lastname ?? ''), identifiers: found.identifiers },
					});
				}
				if (!customer && type === 'return') return failure(641, 'No customer found.');
			}
			const result = addBill(state(), {
				type,
				number: String(entity.number ?? ''),
				amount: entity.amount,
				customer,
				returnType: entity.return_type !== undefined ? String(entity.return_type) : undefined,
				billingTime: entity.billing_time,
				lineItems: v11LineItems(entity),
				paymentModes: v11Payments(entity),
				extendedFields: v11Fields(entity.extended_fields),
				customFields: v11Fields(entity.custom_fields),
				notes: String(entity.notes ?? ''),
				till: tillOf(req),
				source: 'v1.1',
				grossAmount: entity.gross_amount,
				discount: entity.discount,
				currency: localCurrency && entity.currency_code ? String(entity.currency_code) : undefined,
			});
			if (result.error) return failure(result.error.code, result.error.message);
			const t = result.transaction;
			if (entity.bill_client_id) t.billClientId = String(entity.bill_client_id);
			if (entity.delivery_status) t.deliveryStatus = String(entity.delivery_status);
			if (entity.outlier_status) t.outlierStatus = String(entity.outlier_status);
			const extras: JsonObject = localCurrency ? { local_currency: localCurrencyView(t) } : {};
			return v11TransactionView(state(), t, extras, itemStatus(true, 600, 'Transaction added successfully'));
		});
		return v11Batch('transactions', 'transaction', results as JsonObject[], failed);
	};
	router.post('/v1.1/transaction/add', v11Add(false));
	router.post('/v1.1/transaction/add_with_local_currency', v11Add(true));

	router.post('/v1.1/transaction/update', (req) => {
		const entities = v11Entities(req, 'transaction');
		if (!entities.length) return v11Error(400, 'Input is invalid: root.transaction is missing', 200);
		let failed = 0;
		const results = entities.map((entity) => {
			const failure = (code: number, message: string) => {
				failed++;
				return { id: String(entity.id ?? ''), number: String(entity.number ?? ''), item_status: itemStatus(false, code, message) };
			};
			const hasId = entity.id !== undefined && entity.id !== '';
			if (!hasId && !entity.number) return failure(670, 'Transaction id/number is not provided.');
			const found = v11Customer(state(), (entity.customer ?? {}) as JsonObject);
			if (found.error) return failure(found.error.code, found.error.message);
			if (!found.customer) return found.identifiers.length ? failure(611, 'Customer not found.') : failure(606, "Customer identifier is not passed. Please enter customer's mobile or email or external id to process.");
			const customer = found.customer;
			const candidates = ([...state().transactions.values()] as TransactionRecord[])
				.filter((t) => (hasId ? t.id === Number(entity.id) : t.number === String(entity.number)))
				.filter((t) => t.customerId === customer.id || t.customerId === undefined)
				.sort((a, b) => b.billingTime.localeCompare(a.billingTime) || b.id - a.id);
			const t = candidates[0];
			if (!t) return hasId ? failure(620, 'Transaction id is invalid.') : failure(625, 'Transaction number does not exist.');
			let code = 600;
			let message = 'Transaction updated successfully';
			if (String(entity.type ?? '').toUpperCase() === 'REGULAR' && t.type === 'NOT_INTERESTED') {
				// Retro conversion: the bill becomes the customer's and earns its points.
				t.type = 'REGULAR';
				t.customerId = customer.id;
				t.pointsAwarded = Math.floor(t.amount * POINTS_RATE);
				customer.lifetimePurchases += t.amount;
				if (t.pointsAwarded > 0) state().credit(customer, t.pointsAwarded, 'TransactionAdd', t.number);
				state().loyaltyEvent(customer, 'TransactionAdd');
				code = 1630;
				message = 'Transaction marked as regular through Retro conversion. Transaction added successfully.';
			}
			Object.assign(t.extendedFields, v11Fields(entity.extended_fields));
			Object.assign(t.customFields, v11Fields(entity.custom_fields));
			if (entity.notes !== undefined) t.notes = String(entity.notes);
			if (entity.update_till) t.tillCode = String(entity.update_till);
			return {
				id: String(t.id),
				number: t.number,
				type: t.type,
				customer: v11CustomerView(state(), customer),
				extended_fields: v11FieldsOut(t.extendedFields),
				custom_fields: v11FieldsOut(t.customFields),
				item_status: itemStatus(true, code, message),
			};
		});
		return v11Batch('transactions', 'transaction', results as JsonObject[], failed);
	});

	router.get('/v1.1/transaction/get', (req) => {
		const q = req.query;
		const byId = q.id !== undefined && q.id !== '';
		const keys = String(byId ? q.id : (q.number ?? ''))
			.split(',')
			.map((s) => s.trim())
			.filter((s) => s);
		if (!keys.length && !q.store_code && !q.till_code) return v11Error(400, 'Input is invalid: pass id, number, store_code or till_code', 200);
		const wanted = String(q.type ?? 'REGULAR').toUpperCase();
		const matches = (t: TransactionRecord) =>
			(wanted === 'ALL' || t.type === wanted) &&
			(!q.till_code || (t.tillCode ?? t.storeCode) === q.till_code) &&
			(!q.store_code || q.store_code === 'store.server') &&
			(!q.amount || t.amount === Number(q.amount)) &&
			(!q.date || t.billingTime.startsWith(q.date));
		const view = (t: TransactionRecord): JsonObject => {
			const customer = t.customerId !== undefined ? state().customers.get(t.customerId) : undefined;
			const profile = customer?.profiles[0];
			return {
				id: String(t.id),
				number: t.number,
				type: t.type,
				outlier_status: t.outlierStatus ?? 'NORMAL',
				delivery_status: t.deliveryStatus ?? 'DELIVERED',
				store: t.storeCode,
				billing_till: { code: t.tillCode ?? t.storeCode, name: t.tillCode ?? t.storeCode },
				billing_store: { code: 'store.server', name: 'Simulator Store' },
				source: t.source === 'v1.1' ? 'instore' : 'INSTORE',
				amount: String(t.amount),
				billing_time: t.billingTime,
				auto_update_time: nowV11(new Date(Date.parse(t.addedOn))),
				gross_amount: t.grossAmount !== undefined ? String(t.grossAmount) : '',
				discount: t.discount !== undefined ? String(t.discount) : '',
				notes: t.notes,
				...(customer && profile
					? {
							customer: {
								mobile: state().identifier(customer, 'mobile'),
								first_name: profile.firstName,
								last_name: profile.lastName,
								email: state().identifier(customer, 'email'),
								external_id: state().identifier(customer, 'externalId'),
								source: profile.source.toLowerCase(),
								...(q.user_id === 'true' ? { user_id: String(customer.id) } : {}),
							},
						}
					: {}),
				custom_fields: v11FieldsOut(t.customFields),
				extended_fields: v11FieldsOut(t.extendedFields),
				...(t.currency ? { local_currency: localCurrencyView(t) } : {}),
				points: { issued: String(t.pointsAwarded) },
				line_items: v11LineItemsOut(t),
				...(q.tenders === 'true' ? { payment_details: { payment: t.paymentModes.map((p) => ({ mode: p.mode ?? '', value: String(p.value ?? ''), notes: p.notes ?? '' })) } } : {}),
				item_status: itemStatus(true, 600, 'Transaction retrieved successfully'),
			};
		};
		const all = [...state().transactions.values()] as TransactionRecord[];
		let failed = 0;
		const results: JsonObject[] = [];
		if (!keys.length) {
			results.push(...all.filter(matches).map(view));
		}
		for (const key of keys) {
			const found = all.filter((t) => (byId ? String(t.id) === key : t.number === key)).filter(matches);
			if (!found.length) {
				failed++;
				results.push({ [byId ? 'id' : 'number']: key, item_status: byId ? itemStatus(false, 620, 'Transaction id is invalid.') : itemStatus(false, 625, 'Transaction number does not exist.') });
				continue;
			}
			results.push(...found.map(view));
		}
		const reply = v11Batch('transactions', 'transaction', results, failed);
		const transactions = ((reply.body as JsonObject).response as JsonObject).transactions as JsonObject;
		transactions.count = String(results.length - failed);
		return reply;
	});
}
