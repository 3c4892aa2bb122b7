/**
 * customerV11 endpoints: the v1.1 `customer/*` API. Customers are named by `?mobile=…` (GET) or an
 * identifier property of the entity (POST `{"root": {"customer": [ … ]}}`). Failures come back as
 * HTTP 200 with `item_status.success = "false"` per entity and a request-level status of 500 when
 * every entity failed (201 when only some did).
 */
import type { Json, JsonObject, SimReply, SimRequest } from '../http';
import { itemStatus, nowIso, nowV11, v11Entities, v11Error } from '../http';
import type { Simulator } from '../server';
import type { CouponRecord, Customer, Identifier, SimState, Transaction } from '../state';
import { normaliseIdentifierType } from '../state';
import { referralCodeOf } from './customerLookup';

const DEFAULT_PROGRAM_ID = 1;

/** Identifier keys of v1.1 entities and queries, in the order Capillary prefers them. */
const V11_KEYS = ['mobile', 'email', 'external_id', 'id', 'user_id', 'card_number', 'card_external_id'];

const notFound = () => itemStatus(false, 1012, 'Cannot find customer with the provided mobile number/external ID/e-mail ID.');

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** ISO (`2024-01-02T10:00:00+05:30`) or v1.1 (`2024-01-02 10:00:00`) → v1.1 date-time. */
function v11Date(value: string): string {
	return value ? value.replace('T', ' ').slice(0, 19) : '';
}

/** The first identifier present in a v1.1 entity or query: `{key, value}`. */
function identifierOf(source: Record<string, unknown>): { key: string; value: string } | undefined {
	for (const key of V11_KEYS) {
		const value = text(source[key]);
		if (value) return { key, value };
	}
	return undefined;
}

function findCustomer(state: SimState, key: string, value: string): Customer | undefined {
	const type = key === 'user_id' ? 'id' : key;
	if (type === 'card_number' || type === 'card_external_id') {
		const byIdentifier = state.findCustomer(type, value);
		if (byIdentifier) return byIdentifier;
		const card = state.cards.get(value);
		return card?.customerId ? state.customers.get(card.customerId) : undefined;
	}
	const customer = state.findCustomer(type, value);
	return customer?.mergedInto ? state.customers.get(customer.mergedInto) : customer;
}

/** `{field: [{name, value}]}`, a bare list or a single `{name, value}` → name/value pairs. */
function fieldPairs(value: unknown): Array<{ name: string; value: Json }> {
	const list = (value && typeof value === 'object' && !Array.isArray(value) && 'field' in value ? (value as JsonObject).field : value) as unknown;
	const entries = Array.isArray(list) ? list : list && typeof list === 'object' ? [list] : [];
	return (entries as JsonObject[]).filter((f) => f && text(f.name)).map((f) => ({ name: text(f.name), value: (f.value ?? '') as Json }));
}

function fieldList(record: Record<string, Json>): JsonObject {
	return { field: Object.entries(record).map(([name, value]) => ({ name, value })) };
}

/** Identifiers of a customer the way v1.1 names them. */
function v11Identifiers(state: SimState, c: Customer): JsonObject {
	return {
		mobile: state.identifier(c, 'mobile'),
		email: state.identifier(c, 'email'),
		external_id: state.identifier(c, 'externalId'),
	};
}

// ---------------------------------------------------------------------------------------------
// Subscriptions: kept on the customer in the v2 shape {channel, priority, type: OPTIN|OPTOUT}
// ---------------------------------------------------------------------------------------------

function subscriptionOf(c: Customer, channel: string, priority: string): boolean {
	const found = c.subscriptions.find((s) => s.channel === channel && s.priority === priority);
	return found ? found.type !== 'OPTOUT' : true;
}

function setSubscription(c: Customer, channel: string, priority: string, subscribed: boolean): void {
	const type = subscribed ? 'OPTIN' : 'OPTOUT';
	const existing = c.subscriptions.find((s) => s.channel === channel && s.priority === priority);
	if (existing) existing.type = type;
	else c.subscriptions.push({ channel, priority, type });
	c.subscriptionLog.push({ channel, priority, type, addedOn: nowIso() });
}

function subscriptionBlock(c: Customer): JsonObject {
	const list: JsonObject[] = [];
	for (const channel of ['SMS', 'EMAIL']) {
		for (const priority of ['TRANS', 'BULK']) list.push({ channel, priority, scope: 'ALL', status: subscriptionOf(c, channel, priority) ? '1' : '0' });
	}
	return { subscription: list };
}

/** Validates one `{channel, priority, is_subscribed}` entry; an item_status failure or undefined. */
function subscriptionProblem(entry: JsonObject): JsonObject | undefined {
	if (!['SMS', 'EMAIL'].includes(text(entry.channel).toUpperCase())) return itemStatus(false, 1101, 'Invalid channel type');
	if (!['TRANS', 'BULK'].includes(text(entry.priority).toUpperCase())) return itemStatus(false, 1102, 'Invalid priority type');
	if (!['0', '1'].includes(text(entry.is_subscribed))) return itemStatus(false, 1106, 'Invalid subscription status passed');
	if (entry.scope !== undefined && text(entry.scope).toUpperCase() !== 'ALL') return itemStatus(false, 1103, 'Invalid scope');
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

function nextTier(tier: string): { name: string; serial: number } {
	if (tier === 'Bronze') return { name: 'Silver', serial: 2 };
	if (tier === 'Silver') return { name: 'Gold', serial: 3 };
	return { name: '', serial: -1 };
}

function tierSerial(tier: string): number {
	return tier === 'Gold' ? 3 : tier === 'Silver' ? 2 : 1;
}

function pointsSummary(state: SimState, c: Customer): JsonObject {
	const ledger = state.ledger.filter((e) => e.customerId === c.id);
	const redeemed = ledger.filter((e) => e.entryType === 'DEBIT' && e.eventName === 'PointsRedemption').reduce((sum, e) => sum + e.points, 0);
	const returned = ledger.filter((e) => e.entryType === 'DEBIT' && e.eventName === 'ReturnBill').reduce((sum, e) => sum + e.points, 0);
	const next = nextTier(c.tier);
	return {
		programId: String(DEFAULT_PROGRAM_ID),
		redeemed: String(redeemed),
		expired: '0',
		returned: String(returned),
		adjusted: '0',
		lifetimePoints: String(c.lifetimePoints),
		loyaltyPoints: String(c.points),
		cumulativePurchases: String(c.lifetimePurchases),
		currentSlab: c.tier,
		nextSlab: next.name,
		nextSlabSerialNumber: String(next.serial),
		nextSlabDescription: next.name,
		slabSNo: String(tierSerial(c.tier)),
		slabExpiryDate: '2099-12-31 23:59:59',
		totalPoints: String(c.points),
	};
}

function customerView(state: SimState, c: Customer, flags: Record<string, string> = {}): JsonObject {
	const profile = c.profiles[0];
	const view: JsonObject = {
		user_id: String(c.id),
		firstname: profile.firstName,
		lastname: profile.lastName,
		...v11Identifiers(state, c),
		lifetime_points: String(c.lifetimePoints),
		lifetime_purchases: String(c.lifetimePurchases),
		loyalty_points: String(c.points),
		current_slab: c.tier,
		tier_expiry_date: '2099-12-31 23:59:59',
		points_summaries: { points_summary: [pointsSummary(state, c)] },
		registered_on: v11Date(c.createdOn),
		updated_on: v11Date(c.updatedOn),
		type: c.loyaltyType === 'loyalty' ? 'LOYALTY' : 'NON_LOYALTY',
		source: profile.source.toLowerCase(),
		fraud_status: String(c.extra.fraudStatus ?? 'NONE'),
		custom_fields: fieldList(profile.fields),
		extended_fields: fieldList(c.extendedFields),
		subscriptions: subscriptionBlock(c),
	};
	if (flags.next_slab === 'true') {
		const next = nextTier(c.tier);
		Object.assign(view, { next_slab: next.name, next_slab_serial_number: String(next.serial), next_slab_description: next.name });
	}
	if (flags.mlp === 'true') view.mlp = { program: [{ ...pointsSummary(state, c), program_name: 'Default Program' }] };
	if (flags.transactions === 'true') view.transactions = { transaction: state.transactionsOf(c.id).slice(-10).reverse().map((t) => transactionView(state, t)) };
	if (flags.fraud_details !== 'false') view.fraud_details = { status: String(c.extra.fraudStatus ?? 'NONE'), marked_by: [], modified_on: [] };
	return view;
}

function transactionView(state: SimState, t: Transaction): JsonObject {
	const redeemed = [...state.redemptions.values()].filter((r) => r.billNumber === t.number && r.customerId === t.customerId).reduce((sum, r) => sum + r.points, 0);
	return {
		id: String(t.id),
		number: t.number,
		type: t.type.toUpperCase(),
		return_type: '',
		amount: String(t.amount),
		outlier_status: 'NORMAL',
		delivery_status: 'DELIVERED',
		notes: t.notes,
		billing_time: v11Date(t.billingTime),
		auto_update_time: v11Date(t.addedOn),
		gross_amount: String(t.grossAmount ?? t.amount),
		discount: String(t.discount ?? 0),
		store: t.storeCode,
		store_code: t.storeCode,
		points: {
			issued: String(Math.max(0, t.pointsAwarded)),
			redeemed: String(redeemed),
			returned: String(Math.max(0, -t.pointsAwarded)),
			expired: '0',
			program_id: String(DEFAULT_PROGRAM_ID),
		},
		custom_fields: fieldList(t.customFields),
		extended_fields: fieldList(t.extendedFields),
		coupons: [...state.coupons.values()].filter((c) => c.transactionNumber === t.number).map((c) => ({ code: c.code, series_id: String(c.seriesId) })),
		basket_size: t.lineItems.length,
		line_items: { line_item: t.lineItems.map((l) => ({ item_code: l.itemCode ?? '', qty: String(l.qty ?? ''), rate: String(l.rate ?? ''), amount: String(l.amount ?? '') })) },
	};
}

function couponView(state: SimState, coupon: CouponRecord): JsonObject {
	const series = state.couponSeries.get(coupon.seriesId);
	return {
		id: String(coupon.id),
		code: coupon.code,
		series_id: String(coupon.seriesId),
		description: series?.description ?? '',
		discount_type: series?.discountType ?? '',
		discount_value: String(series?.discountValue ?? ''),
		created_date: coupon.issuedOn,
		valid_till: coupon.validTill,
		redemption_count: coupon.redeemed ? '1' : '0',
		redeemed: String(coupon.redeemed),
		transaction_number: coupon.transactionNumber ?? '',
		redemptions: {
			redemption: coupon.redeemed ? [{ date: v11Date(coupon.redeemedOn ?? ''), transaction_number: coupon.transactionNumber ?? '', redeemed_at: { code: 'store.server', name: 'store.server' } }] : [],
		},
	};
}

function couponsOf(state: SimState, c: Customer): CouponRecord[] {
	return [...state.coupons.values()].filter((coupon) => coupon.customerId === c.id);
}

// ---------------------------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------------------------

const succeeded = (entity: JsonObject) => (entity.item_status as JsonObject | undefined)?.success === 'true';

/** A batch answer `{<plural>: {<singular>: [...]}}` with the request status Capillary derives from the items. */
function batchReply(plural: string, singular: string, entities: JsonObject[], single = false): SimReply {
	const total = entities.length;
	const good = entities.filter(succeeded).length;
	const status =
		good === total
			? { success: 'true', code: '200', message: 'Success' }
			: good === 0
				? { success: 'false', code: '500', message: 'All requests have failed due to errors' }
				: { success: 'true', code: '201', message: 'Some requests have failed due to errors' };
	const list: Json = single && entities.length === 1 ? entities[0] : entities;
	return { status: 200, body: { response: { status: { ...status, total: String(total), success_count: String(good) }, [plural]: { [singular]: list } } } };
}

/** A one-customer answer `{customer: {...}}`. */
function customerReply(entity: JsonObject, message = 'SUCCESS'): SimReply {
	if (!succeeded(entity)) return v11Error(500, 'All requests have failed due to errors', 200, { customer: entity });
	return { status: 200, body: { response: { status: { success: 'true', code: '200', message }, customer: entity } } };
}

function noIdentifier(): SimReply {
	return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json; No identifier provided to get loyalty users', 200);
}

/** The customers named by a v1.1 GET query: `?mobile=1,2` gives two. */
function queryCustomers(state: SimState, req: SimRequest): Array<{ key: string; value: string; customer?: Customer }> | undefined {
	const id = identifierOf(req.query);
	if (!id) return undefined;
	return id.value
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v)
		.map((value) => ({ key: id.key, value, customer: findCustomer(state, id.key, value) }));
}

/** Single-customer GETs: resolves the first identifier value or answers with Capillary's failure. */
function oneCustomer(state: SimState, req: SimRequest): { customer: Customer; key: string; value: string } | { error: SimReply } {
	const found = queryCustomers(state, req);
	if (!found || found.length === 0) return { error: noIdentifier() };
	const [first] = found;
	if (!first.customer) return { error: customerReply({ [first.key]: first.value, item_status: notFound() }) };
	return { customer: first.customer, key: first.key, value: first.value };
}

const inRange = (date: string, start?: string, end?: string) => {
	const day = date.slice(0, 10);
	return (!start || day >= start.slice(0, 10)) && (!end || day <= end.slice(0, 10));
};

function sortBy<T>(list: T[], key: (t: T) => string | number, order: string | undefined, defaultDesc = true): T[] {
	const desc = order ? order.toLowerCase() !== 'asc' : defaultDesc;
	return [...list].sort((a, b) => {
		const x = key(a);
		const y = key(b);
		const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
		return desc ? -cmp : cmp;
	});
}

function page<T>(list: T[], query: Record<string, string>, defaultLimit: number, limitKey = 'limit', offsetKey = 'offset') {
	const limit = Number(query[limitKey] ?? defaultLimit);
	const offset = Number(query[offsetKey] ?? 0);
	const safeLimit = Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : defaultLimit;
	const safeOffset = Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0;
	return { items: list.slice(safeOffset, safeOffset + safeLimit), limit: safeLimit, offset: safeOffset };
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

function validMobile(value: string) {
	return /^\d{8,15}$/.test(value);
}

function validEmail(value: string) {
	return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
}

/** custom_fields / extended_fields / subscriptions / names of an add or update entity. */
function applyProfile(state: SimState, c: Customer, entity: JsonObject): void {
	const profile = c.profiles[0];
	if (text(entity.firstname)) profile.firstName = text(entity.firstname);
	if (text(entity.lastname)) profile.lastName = text(entity.lastname);
	for (const { name, value } of fieldPairs(entity.custom_fields)) profile.fields[name] = value;
	for (const { name, value } of fieldPairs(entity.extended_fields)) c.extendedFields[name] = value;
	const subscriptions = entity.subscriptions && typeof entity.subscriptions === 'object' ? (entity.subscriptions as JsonObject).subscription : undefined;
	for (const s of (Array.isArray(subscriptions) ? subscriptions : subscriptions ? [subscriptions] : []) as JsonObject[]) {
		if (subscriptionProblem(s)) continue;
		setSubscription(c, text(s.channel).toUpperCase(), text(s.priority).toUpperCase(), text(s.is_subscribed) === '1');
	}
	if (text(entity.associated_with)) c.extra.associatedWith = text(entity.associated_with);
	const fraud = entity.fraud_status && typeof entity.fraud_status === 'object' ? text((entity.fraud_status as JsonObject).status) : '';
	if (fraud) c.extra.fraudStatus = fraud;
	c.updatedOn = nowIso();
	void state;
}

function addOne(state: SimState, entity: JsonObject): JsonObject {
	const mobile = text(entity.mobile);
	const email = text(entity.email);
	const externalId = text(entity.external_id);
	const echo = { mobile, email, external_id: externalId, firstname: text(entity.firstname), lastname: text(entity.lastname) };
	if (!mobile && !email && !externalId) return { ...echo, item_status: itemStatus(false, 1007, 'Unable to register customer. No valid primary identifier mobile number, email ID, or external ID passed.') };
	if (mobile && !validMobile(mobile)) return { ...echo, item_status: itemStatus(false, 1001, 'Unable to register. Invalid mobile number') };
	if (email && !validEmail(email)) return { ...echo, item_status: itemStatus(false, 1002, 'Unable to register. Invalid email id') };
	const byMobile = mobile ? state.findCustomer('mobile', mobile) : undefined;
	const byEmail = email ? state.findCustomer('email', email) : undefined;
	const byExternal = externalId ? state.findCustomer('externalId', externalId) : undefined;
	const existing = byMobile ?? byExternal ?? byEmail;
	if (existing) {
		// Capillary updates an existing customer's details but never changes its identifiers.
		if (byEmail && byEmail.id !== existing.id) return { ...echo, item_status: itemStatus(false, 1016, 'Unable to register. Email provided already exists for some other user') };
		if (byMobile && byMobile.id !== existing.id) return { ...echo, item_status: itemStatus(false, 1032, 'A customer already exists with the same mobile number') };
		const profile = existing.profiles[0];
		for (const [type, value] of [['mobile', mobile], ['email', email], ['externalId', externalId]] as const) {
			if (value && !state.identifier(existing, type)) profile.identifiers.push({ type, value });
		}
		applyProfile(state, existing, entity);
		return { ...customerView(state, existing), item_status: { ...itemStatus(true, 1000, 'Customer registration successful'), warnings: { warning: [] } } };
	}
	const identifiers: Identifier[] = [];
	if (mobile) identifiers.push({ type: 'mobile', value: mobile });
	if (email) identifiers.push({ type: 'email', value: email });
	if (externalId) identifiers.push({ type: 'externalId', value: externalId });
	const card = entity.card_details && typeof entity.card_details === 'object' ? text((entity.card_details as JsonObject).card_number) : text(entity.card_number);
	if (card) identifiers.push({ type: 'cardnumber', value: card });
	const type = text(entity.type).toUpperCase();
	const registeredOn = text(entity.registered_on);
	const customer = state.addCustomer({
		loyaltyType: type === 'NON_LOYALTY' || type === 'NOT_INTERESTED' ? 'non_loyalty' : 'loyalty',
		profile: { source: text(entity.source).toUpperCase() || 'INSTORE', identifiers },
		createdOn: registeredOn ? `${registeredOn.replace(' ', 'T')}+05:30` : undefined,
	});
	if (text(entity.referral_code)) customer.extra.referralCodeUsed = text(entity.referral_code);
	applyProfile(state, customer, entity);
	return { ...customerView(state, customer), item_status: { ...itemStatus(true, 1000, 'Customer registration successful'), warnings: { warning: [] } } };
}

function updateOne(state: SimState, entity: JsonObject): JsonObject {
	const id = identifierOf(entity);
	if (!id) return { ...entity, item_status: itemStatus(false, 1015, 'No identifier provided to get loyalty users') };
	const customer = findCustomer(state, id.key, id.value);
	if (!customer) return { [id.key]: id.value, item_status: notFound() };
	const type = text(entity.type).toUpperCase();
	if (type === 'NON_LOYALTY' && customer.loyaltyType === 'loyalty') {
		return { ...customerView(state, customer), item_status: itemStatus(false, 1046, 'Conversion of loyalty customer to non-loyalty is not allowed') };
	}
	if (type === 'LOYALTY' && customer.loyaltyType === 'non_loyalty') {
		customer.loyaltyType = 'loyalty';
		state.loyaltyEvent(customer, 'CustomerRegistration');
	}
	applyProfile(state, customer, entity);
	return { ...customerView(state, customer), side_effects: { effect: [] }, item_status: { ...itemStatus(true, 1000, 'Customer successfully updated'), warnings: { warning: [] } } };
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export function register(router: import('../http').Router, sim: Simulator): void {
	const state = () => sim.state;
	// Fixed paths only; nothing here collides with customer.ts's `:customerId` routes.
	router.post('/v1.1/customer/add', (req) => {
		const entities = v11Entities(req, 'customer');
		if (entities.length === 0) return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json', 200);
		if (entities.length > 100) return v11Error(1060, 'Batch limit exceeded', 200);
		return batchReply('customers', 'customer', entities.map((e) => addOne(state(), e)));
	});

	router.post('/v1.1/customer/update', (req) => {
		const entities = v11Entities(req, 'customer');
		if (entities.length === 0) return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json', 200);
		return batchReply('customers', 'customer', entities.map((e) => updateOne(state(), e)));
	});

	router.post('/v1.1/customer/update_identity', (req) => {
		const [entity] = v11Entities(req, 'customer');
		if (!entity) return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json', 200);
		const identifier = text(entity.identifier);
		const oldValue = text(entity.old_value);
		const newValue = text(entity.new_value);
		const echo = { identifier, old_value: oldValue, new_value: newValue, updated: 'false' };
		const fail = (code: number, message: string) => batchReply('customers', 'customer', [{ ...echo, item_status: itemStatus(false, code, message) }], true);
		if (!['mobile', 'email', 'external_id'].includes(identifier)) return fail(1042, 'Invalid mobile no/email id/external id');
		if (!oldValue || !newValue) return fail(1025, 'Mandatory fields are not matching for customer identity update');
		const customer = findCustomer(state(), identifier, oldValue);
		if (!customer) return fail(1012, 'Cannot find customer with the provided mobile number/external ID/e-mail ID.');
		if (identifier === 'mobile' && !validMobile(newValue)) return fail(1042, 'Invalid mobile no/email id/external id');
		if (identifier === 'email' && !validEmail(newValue)) return fail(1042, 'Invalid mobile no/email id/external id');
		const taken = findCustomer(state(), identifier, newValue);
		if (taken && taken.id !== customer.id) {
			return identifier === 'mobile'
				? fail(1032, 'A customer already exists with the same mobile number')
				: fail(identifier === 'email' ? 1016 : 1033, identifier === 'email' ? 'Email provided already exists for some other user' : 'A customer already exists with the same external id');
		}
		const now = nowIso();
		const id = state().nextRequestId++;
		state().requests.set(id, {
			id,
			type: 'CHANGE_IDENTIFIER',
			baseType: normaliseIdentifierType(identifier) === 'externalId' ? 'EXTERNAL_ID' : identifier.toUpperCase(),
			status: 'PENDING',
			customerId: customer.id,
			createdOn: now,
			updatedOn: now,
			oldValue,
			newValue,
			oneStepChange: false,
		});
		return batchReply('customers', 'customer', [{ ...echo, updated: 'true', request_id: String(id), item_status: itemStatus(true, 1040, 'Customer Identity change request added successfully') }], true);
	});

	router.get('/v1.1/customer/get', (req) => {
		const found = queryCustomers(state(), req);
		if (!found || found.length === 0) return noIdentifier();
		const entities = found.map(({ key, value, customer }) => {
			if (!customer) return { [key]: value, item_status: notFound() };
			const view = customerView(state(), customer, req.query);
			if (req.query.user_id !== 'true') delete view.user_id;
			const coupons = sortBy(couponsOf(state(), customer), (c) => (req.query.coupon_order_by === 'valid_till' ? c.validTill : c.issuedOn), req.query.coupon_sort_order);
			const { items } = page(coupons, req.query, 10, 'coupon_limit', 'coupon_offset');
			view.coupons = items.map((c) => couponView(state(), c));
			view.notes = customer.notes;
			return { ...view, item_status: { ...itemStatus(true, 1000, 'Customer successfully retrieved'), warnings: [] } };
		});
		return batchReply('customers', 'customer', entities, true);
	});

	router.get('/v1.1/customer/transactions', (req) => {
		const found = oneCustomer(state(), req);
		if ('error' in found) return found.error;
		const { customer } = found;
		const q = req.query;
		let list = state().transactionsOf(customer.id);
		if (q.number) list = list.filter((t) => t.number === q.number);
		if (q.transaction_id) list = list.filter((t) => String(t.id) === q.transaction_id);
		if (q.start_id) list = list.filter((t) => t.id >= Number(q.start_id));
		if (q.end_id) list = list.filter((t) => t.id <= Number(q.end_id));
		if (q.store_code) list = list.filter((t) => t.storeCode === q.store_code);
		list = list.filter((t) => inRange(v11Date(t.billingTime), q.start_date, q.end_date));
		list = sortBy(list, (t) => (q.sort === 'trans_id' ? t.id : v11Date(t.billingTime)), q.order);
		const { items, limit } = page(list, q, 10);
		return customerReply({
			firstname: customer.profiles[0].firstName,
			lastname: customer.profiles[0].lastName,
			user_id: String(customer.id),
			...v11Identifiers(state(), customer),
			lifetime_points: customer.lifetimePoints,
			lifetime_purchases: customer.lifetimePurchases,
			loyalty_points: customer.points,
			current_slab: customer.tier,
			registered_on: v11Date(customer.createdOn),
			updated_on: v11Date(customer.updatedOn),
			type: customer.loyaltyType === 'loyalty' ? 'LOYALTY' : 'NON_LOYALTY',
			count: list.length,
			start: items[0] ? String(items[0].id) : '',
			rows: String(limit),
			transactions: { transaction: items.map((t) => transactionView(state(), t)) },
			item_status: itemStatus(true, 1052, 'Transactions fetched successfully'),
		});
	});

	router.get('/v1.1/customer/redemptions', (req) => {
		const found = oneCustomer(state(), req);
		if ('error' in found) return found.error;
		const { customer } = found;
		const q = req.query;
		const type = (q.type ?? 'BOTH').toUpperCase();
		if (!['POINTS', 'COUPONS', 'BOTH'].includes(type)) return customerReply({ [found.key]: found.value, item_status: itemStatus(false, 400, `Invalid redemption type ${q.type}`) });
		const limit = Number(q.limit ?? 10);
		const timeKey = (date: string) => v11Date(date);
		let points = [...state().redemptions.values()].filter((r) => r.customerId === customer.id && inRange(v11Date(r.date), q.start_date, q.end_date));
		if (q.external_reference_number) points = points.filter((r) => r.id === q.external_reference_number || r.billNumber === q.external_reference_number);
		points = sortBy(points, (r) => (q.sort === 'redemption_id' ? r.id : timeKey(r.date)), q.order).slice(0, Number(q.points_limit ?? limit));
		let coupons = couponsOf(state(), customer).filter((c) => c.redeemed && inRange(v11Date(c.redeemedOn ?? ''), q.start_date, q.end_date));
		if (q.coupons_start_id) coupons = coupons.filter((c) => c.id >= Number(q.coupons_start_id));
		if (q.coupons_end_id) coupons = coupons.filter((c) => c.id <= Number(q.coupons_end_id));
		coupons = sortBy(coupons, (c) => (q.sort === 'redemption_id' ? c.id : timeKey(c.redeemedOn ?? '')), q.order).slice(0, Number(q.coupons_limit ?? limit));
		const redemptions: JsonObject = {};
		if (type !== 'POINTS') {
			redemptions.coupons = {
				coupon: coupons.map((c) => {
					const series = state().couponSeries.get(c.seriesId);
					return { id: String(c.id), code: c.code, series_id: String(c.seriesId), description: series?.description ?? '', discount_code: c.code, discount_type: series?.discountType ?? '', transaction_number: c.transactionNumber ?? '', redeemed_time: v11Date(c.redeemedOn ?? ''), redeemed_at: 'store.server' };
				}),
			};
		}
		if (type !== 'COUPONS') {
			redemptions.points = {
				point: points.map((r) => ({
					id: r.id,
					program_id: DEFAULT_PROGRAM_ID,
					points_redeemed: r.points,
					transaction_number: r.billNumber,
					validation_code: r.validationCode ?? '',
					redeemed_time: v11Date(r.date),
					redeemed_at: 'store.server',
					notes: '',
					reversals: r.reversedPoints > 0 ? [{ reversal_id: `RV${r.id}`, points_reversed: r.reversedPoints }] : [],
					redemption_breakup_by_program: [{ program_id: DEFAULT_PROGRAM_ID, points_redeemed: r.points, program_name: 'Default Program' }],
				})),
			};
		}
		const entity: JsonObject = {
			...v11Identifiers(state(), customer),
			firstname: customer.profiles[0].firstName,
			lastname: customer.profiles[0].lastName,
			coupons_count: String(type === 'POINTS' ? 0 : coupons.length),
			points_count: String(type === 'COUPONS' ? 0 : points.length),
			redemptions,
			item_status: itemStatus(true, 1000, 'Redemptions retrieved successfully'),
		};
		if (q.user_id === 'true') entity.user_id = String(customer.id);
		return customerReply(entity);
	});

	router.get('/v1.1/customer/coupons', (req) => {
		const found = oneCustomer(state(), req);
		if ('error' in found) return found.error;
		const { customer } = found;
		const q = req.query;
		const today = nowV11().slice(0, 10);
		let list = couponsOf(state(), customer);
		if (q.status === 'redeemed') list = list.filter((c) => c.redeemed);
		if (q.status === 'unredeemed') list = list.filter((c) => !c.redeemed);
		if (q.status === 'expired') list = list.filter((c) => c.validTill.slice(0, 10) < today);
		if (q.status === 'active') list = list.filter((c) => c.validTill.slice(0, 10) >= today);
		if (q.series_id) list = list.filter((c) => String(c.seriesId) === q.series_id);
		list = list.filter((c) => inRange(v11Date(c.issuedOn), q.start_date, q.end_date));
		list = sortBy(list, (c) => (q.order_by === 'valid_till' ? c.validTill : q.order_by === 'amount' ? Number(state().couponSeries.get(c.seriesId)?.discountValue ?? 0) : c.issuedOn), q.sort_order);
		const { items, limit, offset } = page(list, q, 100);
		return {
			status: 200,
			body: {
				response: {
					pagination: { limit: String(limit), offset: String(offset), total: list.length },
					status: { success: 'true', code: '200', message: 'SUCCESS' },
					customers: {
						customer: {
							firstname: customer.profiles[0].firstName,
							lastname: customer.profiles[0].lastName,
							...v11Identifiers(state(), customer),
							id: String(customer.id),
							coupons: { coupon: items.map((c) => couponView(state(), c)) },
							item_status: itemStatus(true, 1000, 'Issued coupons retrieved successfully'),
						},
					},
				},
			},
		};
	});

	router.get('/v1.1/customer/notes', (req) => {
		const found = oneCustomer(state(), req);
		if ('error' in found) return found.error;
		const { customer } = found;
		const base = { user_id: String(customer.id), firstname: customer.profiles[0].firstName, lastname: customer.profiles[0].lastName, ...v11Identifiers(state(), customer) };
		if (customer.notes.length === 0) return customerReply({ ...base, item_status: itemStatus(false, 1028, 'No customer notes are available') });
		return customerReply(
			{ ...base, notes: { note: customer.notes.map((n) => ({ id: String(n.id), description: n.description, date: n.date, added_on: n.addedOn })) }, item_status: itemStatus(true, 1000, 'Customer note retrieved successfully') },
			'Operation Successful',
		);
	});

	router.post('/v1.1/customer/notes', (req) => {
		const [entity] = v11Entities(req, 'customer');
		if (!entity) return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json', 200);
		const id = identifierOf(entity);
		if (!id) return noIdentifier();
		const customer = findCustomer(state(), id.key, id.value);
		if (!customer) return customerReply({ [id.key]: id.value, item_status: notFound() });
		const notes = entity.notes && typeof entity.notes === 'object' ? (entity.notes as JsonObject).note : undefined;
		const list = (Array.isArray(notes) ? notes : notes ? [notes] : []) as JsonObject[];
		const base = { user_id: String(customer.id), firstname: customer.profiles[0].firstName, lastname: customer.profiles[0].lastName, ...v11Identifiers(state(), customer) };
		if (list.length === 0 || list.some((n) => !text(n.description))) return customerReply({ ...base, item_status: itemStatus(false, 1037, 'Unable to add/update customer notes') });
		const saved: JsonObject[] = [];
		for (const note of list) {
			if (text(note.id)) {
				const existing = customer.notes.find((n) => String(n.id) === text(note.id));
				if (!existing) return customerReply({ ...base, item_status: itemStatus(false, 1036, 'One or more notes could not be added/updated for customer.') });
				existing.description = text(note.description);
				if (text(note.date)) existing.date = text(note.date);
				saved.push(existing);
			} else {
				const record: JsonObject = { id: state().nextEntityId++, description: text(note.description), date: text(note.date) || nowV11(), addedOn: nowV11(), associateId: text(entity.associate_id) };
				customer.notes.push(record);
				saved.push(record);
			}
		}
		return customerReply(
			{ ...base, notes: { note: saved.map((n) => ({ id: String(n.id), date: n.date, description: n.description })) }, item_status: { ...itemStatus(true, 1000, 'Customer note added/updated successfully'), warnings: { warning: [] } } },
			'Operation Successful',
		);
	});

	router.get('/v1.1/customer/recommendations', (req) => {
		const found = queryCustomers(state(), req);
		if (!found || found.length === 0) return noIdentifier();
		const limit = Number(req.query.limit ?? 10) || 10;
		const entities = found.map(({ key, value, customer }) => {
			if (!customer) return { [key]: value, item_status: notFound() };
			const own = state().transactionsOf(customer.id);
			if (own.length === 0) return { ...v11Identifiers(state(), customer), item_status: itemStatus(false, 1051, 'No transactions or recommendations found for the customer') };
			const bought = new Set(own.flatMap((t) => t.lineItems.map((l) => text(l.itemCode))));
			const counts = new Map<string, number>();
			for (const t of state().transactions.values()) {
				for (const line of t.lineItems) {
					const code = text(line.itemCode);
					if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
				}
			}
			const ranked = [...counts.entries()].sort((a, b) => Number(bought.has(a[0])) - Number(bought.has(b[0])) || b[1] - a[1]).slice(0, limit);
			const entity: JsonObject = {
				...v11Identifiers(state(), customer),
				recommendations: { recommendation: ranked.map(([sku, count], i) => ({ rank: String(i + 1), sku, purchased_before: String(bought.has(sku)), popularity: String(count) })) },
				item_status: itemStatus(true, 1061, 'Customer recommendations fetched successfully'),
			};
			if (req.query.user_id === 'true') entity.user_id = String(customer.id);
			return entity;
		});
		return batchReply('customers', 'customer', entities);
	});

	router.get('/v1.1/customer/interaction', (req) => {
		const found = oneCustomer(state(), req);
		if ('error' in found) return found.error;
		const { customer } = found;
		const q = req.query;
		// Messages: the customer's entries in the interactions collection, plus the validation codes (SMS) issued to them.
		const messages: JsonObject[] = [...state().collection('customerV11.interactions').values()].filter((m) => m.customerId === customer.id);
		for (const code of state().validationCodes.filter((v) => v.customerId === customer.id)) {
			messages.push({ network: 'capillary', type: 'sms', sender: 'CAPILLARY', receiver: state().identifier(customer, 'mobile'), subject: 'Validation code', sent_time: nowV11(new Date(code.expiresAt - 15 * 60_000)) });
		}
		const wanted = messages.filter((m) => (!q.network || m.network === q.network) && (!q.type || m.type === q.type) && inRange(text(m.sent_time), q.start_date, q.end_date));
		const networks = new Map<string, Map<string, JsonObject[]>>();
		for (const m of wanted) {
			const net = text(m.network) || 'capillary';
			const types = networks.get(net) ?? new Map<string, JsonObject[]>();
			networks.set(net, types);
			types.set(text(m.type), [...(types.get(text(m.type)) ?? []), m]);
		}
		const network = [...networks.entries()].map(([name, types]) => ({
			name,
			interaction: [...types.entries()].map(([type, list]) => ({
				type,
				count: String(list.length),
				messages: { message: list.map((m, i) => ({ id: String(m.id ?? i + 1), sender: text(m.sender), receiver: text(m.receiver), subject: text(m.subject), sent_time: text(m.sent_time), status: text(m.status) || 'SENT' })) },
			})),
		}));
		return {
			status: 200,
			body: {
				response: {
					status: { success: 'true', response_code: '200', message: 'Success' },
					customer: { id: String(customer.id), ...v11Identifiers(state(), customer), interactions: { network } },
				},
			},
		};
	});

	router.post('/v1.1/customer/tickets', (req) => {
		const [entity] = v11Entities(req, 'customer');
		if (!entity) return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json', 200);
		const id = identifierOf(entity);
		if (!id) return noIdentifier();
		const customer = findCustomer(state(), id.key, id.value);
		const tickets = Array.isArray(entity.ticket) ? (entity.ticket as JsonObject[]) : entity.ticket ? [entity.ticket as JsonObject] : [];
		const ticket = tickets[0] ?? {};
		const echo = { [id.key]: id.value, ticket };
		if (!customer) return batchReply('customers', 'customer', [{ ...echo, item_status: notFound() }], true);
		const subject = text(ticket.subject);
		if (!subject) return batchReply('customers', 'customer', [{ ...echo, item_status: itemStatus(false, 1303, 'Ticket subject should not be empty') }], true);
		if (customer.tickets.some((t) => t.subject === subject && String(t.status).toUpperCase() !== 'CLOSED')) {
			return batchReply('customers', 'customer', [{ ...echo, item_status: itemStatus(false, 1301, 'A ticket already exists with the same subject') }], true);
		}
		const record: JsonObject = {
			code: text(ticket.ticket_code) || `t${(state().nextEntityId++).toString(36)}`,
			status: text(ticket.status) || 'OPEN',
			priority: text(ticket.priority).toUpperCase() || 'MEDIUM',
			department: text(ticket.department),
			subject,
			message: text(ticket.message),
			reported_from: text(ticket.reported_from) || 'CLIENT',
			type: text(ticket.type) || 'Customer',
			custom_fields: { field: fieldPairs(ticket.custom_fields) },
			created_date: nowV11(),
		};
		customer.tickets.push(record);
		return batchReply('customers', 'customer', [{ ...v11Identifiers(state(), customer), id: String(customer.id), ticket: record, item_status: itemStatus(true, 1300, 'Ticket added successfully') }], true);
	});

	router.get('/v1.1/customer/tickets', (req) => {
		const found = oneCustomer(state(), req);
		if ('error' in found) return found.error;
		const { customer } = found;
		const q = req.query;
		const same = (a: unknown, b: string | undefined) => !b || text(a).toLowerCase() === b.toLowerCase();
		const list = customer.tickets.filter(
			(t) => same(t.status, q.status) && same(t.priority, q.priority) && same(t.department, q.department) && same(t.code, q.ticket_code) && same(t.reported_from, q.reported_from) && same(t.type, q.type) && inRange(text(t.created_date), q.start_date, q.end_date),
		);
		return customerReply({
			firstname: customer.profiles[0].firstName,
			lastname: customer.profiles[0].lastName,
			...v11Identifiers(state(), customer),
			id: String(customer.id),
			tickets: { ticket: list },
			item_status: itemStatus(true, 1300, 'Ticket retrieved successfully'),
		});
	});

	router.post('/v1.1/customer/referrals', (req) => {
		const [entity] = v11Entities(req, 'customer');
		if (!entity) return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json', 200);
		const id = identifierOf(entity);
		if (!id) return noIdentifier();
		const customer = findCustomer(state(), id.key, id.value);
		if (!customer) return batchReply('customers', 'customer', [{ [id.key]: id.value, item_status: notFound() }], true);
		const referrals = (entity.referrals ?? {}) as JsonObject;
		const token = text(referrals.campaign_token);
		if (!token) return batchReply('customers', 'customer', [{ [id.key]: id.value, item_status: itemStatus(false, 1202, 'Invalid campaign token') }], true);
		const groups = (Array.isArray(referrals.referral_type) ? referrals.referral_type : [referrals.referral_type ?? {}]) as JsonObject[];
		const referralType: JsonObject[] = [];
		for (const group of groups) {
			const type = text(group.type).toUpperCase();
			const list = (Array.isArray(group.referral) ? group.referral : group.referral ? [group.referral] : []) as JsonObject[];
			if (!['EMAIL', 'MOBILE', 'SMS'].includes(type)) {
				return batchReply('customers', 'customer', [{ [id.key]: id.value, item_status: itemStatus(false, 1206, 'Failed to add referral. Referral type is not supported.') }], true);
			}
			referralType.push({
				type,
				referral: list.map((invitee) => {
					const identifier = text(invitee.identifier);
					const valid = type === 'EMAIL' ? validEmail(identifier) : validMobile(identifier);
					if (valid) {
						customer.referrals.push({ campaignToken: token, type: type === 'SMS' ? 'MOBILE' : type, name: text(invitee.name), identifier, invitedOn: text(invitee.invited_on) || nowIso(), till: 'store.server' });
					}
					return {
						id: text(invitee.id),
						name: text(invitee.name),
						identifier,
						invited_on: text(invitee.invited_on) || nowIso(),
						status: valid ? itemStatus(true, 100, 'Invitee added successfully') : itemStatus(false, 1204, 'Invalid invitee identifier'),
					};
				}),
			});
		}
		return batchReply(
			'customers',
			'customer',
			[{ ...v11Identifiers(state(), customer), id: String(customer.id), firstname: customer.profiles[0].firstName, lastname: customer.profiles[0].lastName, referrals: { referral_type: referralType }, item_status: itemStatus(true, 1000, 'Referrals are invited Successfully') }],
			true,
		);
	});

	router.get('/v1.1/customer/referrals', (req) => {
		const found = oneCustomer(state(), req);
		if ('error' in found) return found.error;
		const { customer } = found;
		const q = req.query;
		const code = referralCodeOf(customer);
		const entity: JsonObject = { ...v11Identifiers(state(), customer), firstname: customer.profiles[0].firstName, lastname: customer.profiles[0].lastName, referral_code: code };
		if (q.only_referral_code !== 'true') {
			const invitees = customer.referrals.filter((r) => (!q.campaign_token || r.campaignToken === q.campaign_token) && inRange(text(r.invitedOn), q.start_date, q.end_date));
			const byType = new Map<string, JsonObject[]>();
			for (const r of invitees) byType.set(text(r.type), [...(byType.get(text(r.type)) ?? []), { identifier: r.identifier, name: r.name, invited_on: v11Date(text(r.invitedOn)), till: { code: r.till, name: r.till } }]);
			entity.invitees = { referral_type: [...byType.entries()].map(([type, invitee]) => ({ type, invitee })) };
			const referees = [...state().customers.values()].filter((c) => c.extra.referralCodeUsed === code);
			entity.referees = { referee: referees.map((c) => ({ event_type: 'REGISTRATION', firstname: c.profiles[0].firstName, lastname: c.profiles[0].lastName, ...v11Identifiers(state(), c), added_on: v11Date(c.createdOn) })) };
			entity.incentives = [];
		}
		entity.item_status = itemStatus(true, 1000, 'Referral statistics retrieved successfully');
		return customerReply(entity);
	});

	router.post('/v1.1/customer/preferences', (req) => {
		const entities = v11Entities(req, 'customer');
		if (entities.length === 0) return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json', 200);
		const results = entities.map((entity) => {
			const id = identifierOf(entity);
			if (!id) return { ...entity, item_status: itemStatus(false, 1104, 'Invalid identifier or no identifier passed') };
			const customer = findCustomer(state(), id.key, id.value);
			if (!customer) return { [id.key]: id.value, item_status: notFound() };
			const pairs = fieldPairs(entity.custom_fields);
			const store = (entity.store ?? {}) as JsonObject;
			if (pairs.length === 0 && !text(store.code) && !text(store.id)) return { [id.key]: id.value, item_status: itemStatus(false, 1030, 'Unable to update customer preferences') };
			for (const { name, value } of pairs) {
				const existing = customer.preferences.find((p) => p.name === name);
				if (existing) existing.value = value;
				else customer.preferences.push({ name, value });
			}
			const result: JsonObject = { user_id: String(customer.id), ...v11Identifiers(state(), customer), custom_fields: { field: customer.preferences } };
			if (text(store.code) || text(store.id)) {
				const storeName = text(store.code) || text(store.id);
				const existing = customer.preferences.find((p) => p.name === 'PREFERRED_STORE');
				if (existing) existing.value = storeName;
				else customer.preferences.push({ name: 'PREFERRED_STORE', value: storeName });
				result.store = { id: text(store.id), code: text(store.code), name: storeName, status: 'SUCCESS' };
			}
			return { ...result, item_status: itemStatus(true, 200, 'Preferences Updated Successfully') };
		});
		return batchReply('customers', 'customer', results, true);
	});

	router.get('/v1.1/customer/preferences', (req) => {
		const found = queryCustomers(state(), req);
		if (!found || found.length === 0) return noIdentifier();
		const entities = found.map(({ key, value, customer }) => {
			if (!customer) return { [key]: value, item_status: notFound() };
			if (customer.preferences.length === 0) return { [key]: value, item_status: itemStatus(false, 1031, 'No preferences set for this customer') };
			return { user_id: String(customer.id), ...v11Identifiers(state(), customer), custom_fields: { field: customer.preferences }, item_status: itemStatus(true, 200, 'Preferences retrieved successfully') };
		});
		return batchReply('customers', 'customer', entities, true);
	});

	router.post('/v1.1/customer/subscriptions', (req) => {
		const entities = v11Entities(req, 'subscription');
		if (entities.length === 0) return v11Error(400, 'Input is invalid. Please check request parameters or input xml/json', 200);
		const results = entities.map((entry) => {
			const id = identifierOf(entry);
			const echo: JsonObject = { ...(id ? { [id.key]: id.value } : {}), channel: text(entry.channel).toUpperCase(), priority: text(entry.priority).toUpperCase(), scope: text(entry.scope).toUpperCase() || 'ALL', is_subscribed: text(entry.is_subscribed) };
			if (!id) return { ...echo, item_status: itemStatus(false, 1104, 'Invalid identifier or no identifier passed') };
			const customer = findCustomer(state(), id.key, id.value);
			if (!customer) return { ...echo, item_status: notFound() };
			const problem = subscriptionProblem(entry);
			if (problem) return { ...echo, item_status: problem };
			setSubscription(customer, text(entry.channel).toUpperCase(), text(entry.priority).toUpperCase(), text(entry.is_subscribed) === '1');
			return { user_id: String(customer.id), ...echo, item_status: itemStatus(true, 1000, 'Subscription successfully updated') };
		});
		return batchReply('subscriptions', 'subscription', results);
	});

	router.get('/v1.1/customer/subscriptions', (req) => {
		const found = queryCustomers(state(), req);
		if (!found || found.length === 0) return noIdentifier();
		const channels = req.query.channel ? [req.query.channel.toUpperCase()] : ['SMS', 'EMAIL'];
		const priorities = req.query.priority ? [req.query.priority.toUpperCase()] : ['TRANS', 'BULK'];
		const entities = found.map(({ key, value, customer }) => {
			if (!customer) return { [key]: value, item_status: notFound() };
			const channel = channels.map((name) => ({
				name,
				priority: priorities.map((priority) => {
					const explicit = customer.subscriptions.find((s) => s.channel === name && s.priority === priority);
					const subscribed = subscriptionOf(customer, name, priority);
					return {
						name: priority,
						subscribed: subscribed ? 'ALL' : '',
						unsubscribed: subscribed ? '' : 'ALL',
						user_preference: explicit ? (subscribed ? 'SUBSCRIBED' : 'UNSUBSCRIBED') : 'NOT_SET',
					};
				}),
			}));
			return { user_id: String(customer.id), ...v11Identifiers(state(), customer), channel, orgUnitSubscriptions: [], item_status: itemStatus(true, 1000, 'Subscription successfully retrieved') };
		});
		return batchReply('subscriptions', 'subscription', entities);
	});
}
