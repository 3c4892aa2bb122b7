/**
 * Customer endpoints (v2): register, lookup, details, update, identifiers and cards, hierarchy
 * (bulk), upsert, search, subscriptions, points/tier views, requests, coupons, images, referrals,
 * logs, group trackers and transactions.
 *
 * Routes with a `:customerId` segment lose to fixed paths such as /v2/customers/lookup/subscriptions
 * (the router prefers literal segments). With `lookup` in the place of the ID they resolve the
 * customer from identifierName/identifierValue/source, as Capillary's lookup twins do. Group
 * goodwill requests (POST /v2/requests with type GOODWILL) are created by `createGoodwillRequest`,
 * which request.ts calls from the route it owns.
 */
import type { Json, JsonObject, SimReply, SimRequest } from '../http';
import { bodyObject, intParam, notFoundRoute, nowIso, nowV11, ok, paginate, Router, v2Error } from '../http';
import type { Simulator } from '../server';
import type { CardRecord, CouponRecord, Customer, Identifier, Profile, RequestRecord, SimState } from '../state';
import { normaliseIdentifierType, ORG_ID } from '../state';

// ---------------------------------------------------------------------------------------------
// Views and lookups used by other groups (keep signatures)
// ---------------------------------------------------------------------------------------------

export function customerV2(state: SimState, c: Customer) {
	return {
		id: c.id,
		profiles: c.profiles.map((p) => ({
			firstName: p.firstName,
			lastName: p.lastName,
			attribution: { createDate: c.createdOn, modifiedDate: c.updatedOn, createdBy: { code: 'store.server', name: 'store.server', type: 'TILL' } },
			fields: p.fields,
			identifiers: p.identifiers,
			commChannels: p.commChannels,
			source: p.source,
			userId: c.id,
			accountId: p.accountId,
			conflictingProfileList: [],
			autoUpdateTime: c.updatedOn,
			identifiersAll: p.identifiers,
		})),
		loyaltyInfo: { loyaltyType: c.loyaltyType, attributionV2: { createDate: c.createdOn }, lifetimePurchases: c.lifetimePurchases },
		extendedFields: c.extendedFields,
		loyaltyPoints: c.points,
		lifetimePoints: c.lifetimePoints,
		lifetimePurchases: c.lifetimePurchases,
		currentSlab: c.tier,
		segments: {},
		cardDetails: cardDetails(state, c),
		warnings: [],
	};
}

/** Resolves `identifierName/identifierValue/source` or replies with Capillary's error. */
export function lookup(state: SimState, req: SimRequest) {
	const { identifierName, identifierValue, source, accountId } = req.query;
	if (!identifierName || !identifierValue) return { error: v2Error(400, 8013, 'Customer identifier is invalid. Also check if the parameter identifierName is passed correctly.') };
	const known = ['mobile', 'email', 'externalId', 'cardnumber', 'cardExternalId', 'id', 'wechat', 'martjackId', 'fbId', 'cuid', 'unionId'];
	if (!known.includes(identifierName)) return { error: v2Error(400, 8013, `Customer identifier is invalid: ${identifierName}`) };
	const anywhere = state.findCustomer(identifierName, identifierValue);
	const customer = state.findCustomer(identifierName, identifierValue, source, accountId);
	if (!customer) {
		return anywhere
			? { error: v2Error(404, 8065, 'No customer found in the given source with the given identifier.') }
			: { error: v2Error(404, 8015, 'No customer found with the given identifier.') };
	}
	return { customer };
}

export function byId(state: SimState, id: string) {
	const customer = state.customers.get(Number(id));
	if (!customer || !/^\d+$/.test(id)) return { error: v2Error(404, 8015, 'No customer found with the given identifier.') };
	if (customer.mergedInto) return { error: v2Error(400, 8069, `The customer is merged into another account ${customer.mergedInto}.`) };
	return { customer };
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const PROFILE_SOURCES = ['INSTORE', 'MARTJACK', 'WECHAT', 'FACEBOOK', 'WEB_ENGAGE', 'TMALL', 'TAOBAO', 'JD', 'ECOMMERCE', 'WEBSITE', 'LINE', 'MOBILE_APP'];
/** Sources whose customers live in one of several accounts: the account ID is required. */
const MULTI_ACCOUNT_SOURCES = ['WECHAT', 'FACEBOOK', 'WEB_ENGAGE', 'LINE', 'MOBILE_APP'];
const DEFAULT_PROGRAM_ID = 1;
const TIERS = ['Bronze', 'Silver', 'Gold'];

type Found = { customer: Customer; error?: undefined } | { customer?: undefined; error: SimReply };

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

function list(value: unknown): JsonObject[] {
	return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object' && !Array.isArray(v)) as JsonObject[]) : [];
}

function object(value: unknown): JsonObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function day(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** Any Capillary date (ISO with offset, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`) → epoch ms. */
function time(value: unknown): number {
	const s = text(value);
	if (!s) return NaN;
	const iso = /^\d{4}-\d{2}-\d{2} \d/.test(s) ? s.replace(' ', 'T') : s;
	return Date.parse(iso);
}

function inDateRange(value: unknown, start?: string, end?: string): boolean {
	const t = time(value);
	if (start && Number.isFinite(time(start)) && t < time(start)) return false;
	if (end) {
		const endTime = /^\d{4}-\d{2}-\d{2}$/.test(end) ? time(end) + 86_400_000 - 1 : time(end);
		if (Number.isFinite(endTime) && t > endTime) return false;
	}
	return true;
}

function programIds(state: SimState): number[] {
	const programs = state.collection('programs');
	const ids = [...programs.values()].map((p) => Number(p.programId)).filter((n) => Number.isFinite(n));
	return ids.length ? ids : [1, 2];
}

/** `?programId=` validation: undefined (default program), a known program, or Capillary's 1213. */
function programOf(state: SimState, req: SimRequest): { programId: number; error?: undefined } | { error: SimReply } {
	const raw = req.query.programId;
	if (raw === undefined || raw === '') return { programId: DEFAULT_PROGRAM_ID };
	const id = Number(raw);
	if (!programIds(state).includes(id)) return { error: v2Error(400, 1213, 'Invalid programId passed in request.') };
	return { programId: id };
}

/** `/v2/customers/{id}/…` or the lookup twin `/v2/customers/lookup/…?identifierName=…`. */
function resolve(state: SimState, req: SimRequest): Found {
	const id = req.params.customerId;
	if (id === 'lookup') {
		const found = lookup(state, req);
		return found.error ? { error: found.error } : { customer: found.customer! };
	}
	const found = byId(state, id);
	return found.error ? { error: found.error } : { customer: found.customer! };
}

function profileIn(c: Customer, source: string, accountId?: string): Profile | undefined {
	return c.profiles.find((p) => p.source === source && (!accountId || !p.accountId || p.accountId === accountId));
}

/** Checks a profile source / account pair the way the write APIs do. */
function sourceProblem(source: string, accountId: string): SimReply | undefined {
	if (!PROFILE_SOURCES.includes(source)) return v2Error(400, 8012, 'Invalid source passed.');
	if (MULTI_ACCOUNT_SOURCES.includes(source) && !accountId) return v2Error(400, 8045, 'Account id is not passed.');
	return undefined;
}

function identifierProblem(type: string, value: string): { code: number; message: string } | undefined {
	if (!value) return { code: 8013, message: `Identifier value is missing for ${type}.` };
	if (type === 'mobile' && !/^\+?\d{8,15}$/.test(value)) return { code: 1001, message: 'Unable to register. Invalid mobile number.' };
	if (type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return { code: 1002, message: 'Unable to register. Invalid email id.' };
	return undefined;
}

/** Identifiers of a request profile, normalised; cards keep their series details. */
function identifiersOf(profile: JsonObject): Array<Identifier & { card?: JsonObject }> {
	return list(profile.identifiers)
		.filter((i) => text(i.type) && text(i.value))
		.map((i) => {
			const type = normaliseIdentifierType(text(i.type));
			const entry: Identifier & { card?: JsonObject } = { type: type === 'cardNumber' ? 'cardnumber' : type, value: text(i.value) };
			if (entry.type === 'cardnumber') entry.card = i;
			return entry;
		});
}

function ownerOf(state: SimState, type: string, value: string, source: string): Customer | undefined {
	return state.findCustomer(type, value, source);
}

function cardDetails(state: SimState, c: Customer): JsonObject[] {
	return [...state.cards.values()]
		.filter((card) => card.customerId === c.id)
		.map((card) => ({
			cardNumber: card.cardNumber,
			seriesId: card.seriesId,
			seriesCode: (card.seriesCode ?? '') as Json,
			customerId: c.id,
			createdDate: card.createdOn.slice(0, 10),
			orgId: ORG_ID,
			statusInfo: { label: card.statusLabel, status: card.statusLabel === 'NOT_ISSUED' ? 'NOT_ISSUED' : 'ACTIVE', isActive: card.statusLabel !== 'NOT_ISSUED' },
		}));
}

/** Tags (or frees) a card: an existing card of someone else is a conflict. */
function linkCard(state: SimState, c: Customer, entry: JsonObject, fallbackSeries?: string, fallbackStatus?: string): { code: number; message: string } | undefined {
	const number = text(entry.value);
	const existing = state.cards.get(number);
	if (existing && existing.customerId !== null && existing.customerId !== c.id) return { code: 8008, message: 'The new identifier already exists in the same source.' };
	const card: CardRecord = {
		...(existing ?? {}),
		cardNumber: number,
		seriesId: Number(entry.seriesId ?? existing?.seriesId ?? fallbackSeries ?? 0) || 0,
		customerId: c.id,
		statusLabel: text(entry.statusLabel) || fallbackStatus || 'ACTIVE',
		createdOn: existing?.createdOn ?? nowIso(),
	};
	if (text(entry.seriesCode)) card.seriesCode = text(entry.seriesCode);
	if (text(entry.cardExternalId)) card.cardExternalId = text(entry.cardExternalId);
	state.cards.set(number, card);
	return undefined;
}

function mergeCommChannels(profile: Profile, channels: JsonObject[]): void {
	for (const channel of channels) {
		const type = text(channel.type);
		const value = text(channel.value);
		if (!type || !value) continue;
		const entry: JsonObject = { type, value, primary: channel.primary === true || channel.primary === 'true', verified: channel.verified === true || channel.verified === 'true', meta: { residence: false, office: false, ...object(channel.meta) }, attributes: {} };
		const index = profile.commChannels.findIndex((c) => c.type === type && (c.value === value || entry.primary));
		if (index >= 0) profile.commChannels[index] = entry;
		else profile.commChannels.push(entry);
	}
}

function creditEnrollments(state: SimState, c: Customer, body: JsonObject): JsonObject[] {
	const effects: JsonObject[] = [];
	for (const enrollment of list(body.loyaltyProgramEnrollments)) {
		const points = Number(enrollment.loyaltyPoints ?? 0);
		if (points > 0) {
			state.credit(c, points, 'Enrollment', `PROGRAM-${text(enrollment.programId)}`);
			effects.push({ awardedPoints: points, type: 'points' });
		}
		const tier = Number(enrollment.tierNumber ?? 0);
		if (tier >= 1 && tier <= TIERS.length) c.tier = TIERS[tier - 1];
	}
	return effects;
}

// ---------------------------------------------------------------------------------------------
// Registration, update, upsert
// ---------------------------------------------------------------------------------------------

interface Registration {
	customer?: Customer;
	warnings: JsonObject[];
	sideEffects: JsonObject[];
	error?: { status: number; code: number; message: string };
}

/** POST v2/customers semantics for one customer object; also used by bulk and upsert. */
function registerCustomer(state: SimState, body: JsonObject): Registration {
	const loyaltyType = text(object(body.loyaltyInfo).loyaltyType) || 'loyalty';
	if (!['loyalty', 'non_loyalty'].includes(loyaltyType)) return { warnings: [], sideEffects: [], error: { status: 400, code: 400, message: 'Input is invalid: loyaltyType must be loyalty or non_loyalty' } };
	const profile = list(body.profiles)[0];
	if (!profile) return { warnings: [], sideEffects: [], error: { status: 400, code: 1007, message: 'Unable to register customer. No valid primary identifier mobile number, email ID, or external ID passed.' } };
	const source = text(profile.source) || 'INSTORE';
	const accountId = text(profile.accountId);
	const sourceError = sourceProblem(source, accountId);
	if (sourceError) {
		const e = (sourceError.body as { errors: Array<{ code: number; message: string }> }).errors[0];
		return { warnings: [], sideEffects: [], error: { status: sourceError.status, code: e.code, message: e.message } };
	}
	const identifiers = identifiersOf(profile);
	if (identifiers.length === 0) return { warnings: [], sideEffects: [], error: { status: 400, code: 1007, message: 'Unable to register customer. No valid primary identifier mobile number, email ID, or external ID passed.' } };
	for (const i of identifiers) {
		const problem = identifierProblem(i.type, i.value);
		if (problem) return { warnings: [], sideEffects: [], error: { status: 400, ...problem } };
		if (i.type === 'cardnumber') {
			const card = state.cards.get(i.value);
			if (card && card.customerId !== null) return { warnings: [], sideEffects: [], error: { status: 400, code: 8008, message: 'The new identifier already exists in the same source.' } };
		}
	}
	for (const i of identifiers) {
		if (ownerOf(state, i.type, i.value, source)) return { warnings: [], sideEffects: [], error: { status: 400, code: 1014, message: 'Customer is registered already.' } };
	}
	const fields = object(profile.fields) as Record<string, Json>;
	const elsewhere = identifiers.map((i) => state.findCustomer(i.type, i.value)).find((c) => c !== undefined);
	const warnings: JsonObject[] = [];
	let customer: Customer;
	if (elsewhere) {
		// Same person in another source: a new source account on the existing customer.
		customer = elsewhere;
		customer.profiles.push({
			source,
			accountId,
			firstName: text(profile.firstName),
			lastName: text(profile.lastName),
			identifiers: identifiers.map(({ type, value }) => ({ type, value })),
			commChannels: [],
			fields,
		});
		warnings.push({ status: false, code: 8050, message: 'Same Customer found in other sources,Combining' });
	} else {
		customer = state.addCustomer({
			loyaltyType: loyaltyType as Customer['loyaltyType'],
			profile: { source, accountId, firstName: text(profile.firstName), lastName: text(profile.lastName), identifiers: identifiers.map(({ type, value }) => ({ type, value })), fields },
			extendedFields: object(body.extendedFields) as Record<string, Json>,
			createdOn: text(body.createDate) || undefined,
		});
	}
	const stored = profileIn(customer, source, accountId)!;
	mergeCommChannels(stored, list(profile.commChannels));
	Object.assign(customer.extendedFields, object(body.extendedFields));
	for (const i of identifiers) if (i.card) linkCard(state, customer, i.card);
	if (text(body.associatedWith)) customer.extra.associatedWith = text(body.associatedWith);
	const sideEffects = creditEnrollments(state, customer, body);
	return { customer, warnings, sideEffects };
}

/** PUT v2/customers/{id} semantics: names, fields, channels, extended fields, loyalty type. */
function applyUpdate(state: SimState, c: Customer, body: JsonObject, source: string, accountId: string): { error?: { status: number; code: number; message: string }; sideEffects: JsonObject[] } {
	const loyaltyType = text(object(body.loyaltyInfo).loyaltyType);
	if (loyaltyType === 'non_loyalty' && c.loyaltyType === 'loyalty') return { sideEffects: [], error: { status: 400, code: 1046, message: 'Conversion of loyalty customer to non-loyalty is not allowed.' } };
	if (loyaltyType && !['loyalty', 'non_loyalty'].includes(loyaltyType)) return { sideEffects: [], error: { status: 400, code: 400, message: 'Input is invalid: loyaltyType must be loyalty or non_loyalty' } };
	const target = profileIn(c, source, accountId);
	const profiles = list(body.profiles);
	if (profiles.length && !target) return { sideEffects: [], error: { status: 404, code: 8065, message: 'No customer found in the given source with the given identifier.' } };
	for (const p of profiles) {
		if (text(p.firstName)) target!.firstName = text(p.firstName);
		if (text(p.lastName)) target!.lastName = text(p.lastName);
		Object.assign(target!.fields, object(p.fields));
		mergeCommChannels(target!, list(p.commChannels));
	}
	if (loyaltyType === 'loyalty' && c.loyaltyType === 'non_loyalty') {
		c.loyaltyType = 'loyalty';
		state.loyaltyEvent(c, 'CustomerUpdate');
	}
	Object.assign(c.extendedFields, object(body.extendedFields));
	const sideEffects = creditEnrollments(state, c, body);
	c.updatedOn = nowIso();
	return { sideEffects };
}

// ---------------------------------------------------------------------------------------------
// Identifier changes
// ---------------------------------------------------------------------------------------------

const CHANGE_TYPE_OF: Record<string, string> = { mobile: 'MOBILE', email: 'EMAIL', externalId: 'EXTERNAL_ID', cardnumber: 'CARD' };

function changeIdentifier(state: SimState, c: Customer, req: SimRequest): SimReply {
	const source = req.query.source ?? '';
	const accountId = req.query.accountId ?? '';
	if (!source) return v2Error(400, 8012, 'Invalid source passed.');
	const sourceError = sourceProblem(source, accountId);
	if (sourceError) return sourceError;
	const profile = profileIn(c, source, accountId);
	if (!profile) return v2Error(404, 8065, 'No customer found in the given source with the given identifier.');
	const body = bodyObject(req);
	const add = list(body.add);
	const remove = list(body.remove);
	if (!add.length && !remove.length) return v2Error(400, 400, 'Input is invalid: pass identifiers to add or remove.');
	// Validate everything first: nothing changes when one entry is wrong.
	for (const entry of add) {
		const type = normaliseIdentifierType(text(entry.type));
		const value = text(entry.value);
		const problem = identifierProblem(type, value);
		if (problem) return v2Error(400, type === 'email' ? 8055 : type === 'mobile' ? 8056 : problem.code, type === 'email' ? 'Invalid email id.' : type === 'mobile' ? 'Invalid mobile number.' : problem.message);
		if (type === 'cardnumber') {
			const card = state.cards.get(value);
			if (card && card.customerId !== null && card.customerId !== c.id) return v2Error(400, 8008, 'The new identifier already exists in the same source.');
			continue;
		}
		const owner = ownerOf(state, type, value, source);
		if (owner && owner.id !== c.id) return v2Error(400, 8008, 'The new identifier already exists in the same source.');
		if (owner) return v2Error(400, 8007, 'Unable to update. The identifier is already registered in the same source.');
	}
	for (const entry of remove) {
		const type = normaliseIdentifierType(text(entry.type));
		const value = text(entry.value);
		const has = profile.identifiers.some((i) => i.type === type && i.value.toLowerCase() === value.toLowerCase()) || (type === 'cardnumber' && state.cards.get(value)?.customerId === c.id);
		if (!has) return v2Error(400, 8013, `Customer identifier is invalid: ${type} ${value} is not registered for the customer.`);
	}
	for (const entry of add) {
		const type = normaliseIdentifierType(text(entry.type));
		const value = text(entry.value);
		if (type === 'cardnumber') linkCard(state, c, entry, req.query.seriesId, req.query.statusLabel);
		if (!profile.identifiers.some((i) => i.type === type && i.value === value)) profile.identifiers.push({ type, value });
	}
	for (const entry of remove) {
		const type = normaliseIdentifierType(text(entry.type));
		const value = text(entry.value);
		profile.identifiers = profile.identifiers.filter((i) => !(i.type === type && i.value.toLowerCase() === value.toLowerCase()));
		const card = type === 'cardnumber' ? state.cards.get(value) : undefined;
		if (card && card.customerId === c.id) {
			card.customerId = null;
			card.statusLabel = text(entry.statusLabel) || 'NOT_ISSUED';
		}
	}
	c.updatedOn = nowIso();
	const types = new Set([...add, ...remove].map((e) => CHANGE_TYPE_OF[normaliseIdentifierType(text(e.type))] ?? text(e.type).toUpperCase()));
	let createdId = 0;
	for (const changeType of types) {
		const pick = (entries: JsonObject[]) =>
			entries.filter((e) => (CHANGE_TYPE_OF[normaliseIdentifierType(text(e.type))] ?? text(e.type).toUpperCase()) === changeType).map((e) => ({ type: changeType, value: text(e.value) }));
		const record: RequestRecord = {
			id: state.nextRequestId++,
			type: 'CHANGE_IDENTIFIER',
			baseType: changeType,
			status: 'APPROVED',
			customerId: c.id,
			createdOn: nowIso(),
			updatedOn: nowIso(),
			source,
			changeIdentifiers: { add: pick(add), remove: pick(remove) },
			newValue: pick(add)[0]?.value,
			oldValue: pick(remove)[0]?.value,
			comments: 'auto approved',
			api: 'v2',
			oneStepChange: true,
			approvalType: 'CLIENT',
			addedBy: 'store.server',
		};
		state.requests.set(record.id, record);
		createdId = record.id;
	}
	state.loyaltyEvent(c, 'CustomerIdentifierChange');
	return ok({ createdId, warnings: [] });
}

// ---------------------------------------------------------------------------------------------
// Hierarchy (bulk)
// ---------------------------------------------------------------------------------------------

interface Association extends JsonObject {
	hierarchyCode: string;
	roleCode: string;
	parentId: number | null;
	fleetCompanyExternalId: string;
}

function associationOf(c: Customer): Association | undefined {
	return c.extra.association as Association | undefined;
}

function findByProfile(state: SimState, profile: JsonObject, fallbackSource: string): Customer | undefined {
	const source = text(profile.source) || fallbackSource;
	for (const i of identifiersOf(profile)) {
		const found = state.findCustomer(i.type, i.value, source);
		if (found) return found;
	}
	return undefined;
}

function findOrRegister(state: SimState, entry: JsonObject): Registration & { created?: boolean } {
	const profile = list(entry.profiles)[0] ?? {};
	const existing = findByProfile(state, profile, 'INSTORE');
	if (existing) return { customer: existing, warnings: [], sideEffects: [], created: false };
	return { ...registerCustomer(state, { loyaltyInfo: { loyaltyType: 'loyalty' }, ...entry }), created: true };
}

function associationView(state: SimState, c: Customer): JsonObject {
	const a = associationOf(c);
	if (!a) return {};
	const view: JsonObject = { hierarchyCode: a.hierarchyCode, roleCode: a.roleCode, skipLevelAllowed: false, childCustomer: a.parentId !== null };
	if (a.fleetCompanyExternalId) view.fleetCompany = { externalId: a.fleetCompanyExternalId };
	if (a.parentId !== null) {
		const parent = state.customers.get(a.parentId);
		if (parent) view.parentCustomer = customerV2(state, parent) as unknown as JsonObject;
	}
	return view;
}

function setAssociation(c: Customer, patch: Partial<Association>): void {
	const current = associationOf(c) ?? { hierarchyCode: '', roleCode: '', parentId: null, fleetCompanyExternalId: '' };
	c.extra.association = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== '')) } as Association;
}

function bulkAssociate(state: SimState, entry: JsonObject): JsonObject {
	const details = object(entry.associationDetails);
	const main = findOrRegister(state, entry);
	if (!main.customer) return { entity: null, errors: [{ status: false, code: main.error!.code, message: main.error!.message }], warnings: [] };
	const customer = main.customer;
	const fleet = text(object(details.fleetCompany).externalId);
	setAssociation(customer, { hierarchyCode: text(details.hierarchyCode), roleCode: text(details.roleCode), fleetCompanyExternalId: fleet });
	const warnings: JsonObject[] = [...main.warnings];
	if (Object.keys(object(details.parentCustomer)).length) {
		const parent = findOrRegister(state, object(details.parentCustomer));
		if (!parent.customer) return { entity: null, errors: [{ status: false, code: parent.error!.code, message: `Parent customer: ${parent.error!.message}` }], warnings: [] };
		if (parent.customer.id === customer.id) return { entity: null, errors: [{ status: false, code: 400, message: 'A customer cannot be its own parent.' }], warnings: [] };
		setAssociation(customer, { parentId: parent.customer.id });
	}
	const childEntities: JsonObject[] = [];
	let failures = 0;
	for (const child of list(details.childCustomers)) {
		const result = findOrRegister(state, child);
		if (!result.customer) {
			failures++;
			childEntities.push({ errors: [{ status: false, code: result.error!.code, message: result.error!.message }] });
			continue;
		}
		setAssociation(result.customer, { hierarchyCode: text(details.hierarchyCode), roleCode: text(details.childRoleCode), parentId: customer.id, fleetCompanyExternalId: fleet });
		childEntities.push({ ...(customerV2(state, result.customer) as unknown as JsonObject), associationDetails: associationView(state, result.customer), warnings: [] });
	}
	return {
		entity: { ...(customerV2(state, customer) as unknown as JsonObject), associationDetails: { ...associationView(state, customer), new: main.created === true }, warnings },
		childEntities,
		childCount: childEntities.length,
		childFailureCount: failures,
		childSuccessCount: childEntities.length - failures,
	};
}

// ---------------------------------------------------------------------------------------------
// Points views
// ---------------------------------------------------------------------------------------------

/** Credits still unspent, oldest spent first: the customer's points expiry schedule. */
function expirySchedules(state: SimState, c: Customer): JsonObject[] {
	const entries = state.ledger.filter((l) => l.customerId === c.id);
	let spent = entries.filter((l) => l.entryType === 'DEBIT').reduce((sum, l) => sum + l.points, 0);
	const schedules: JsonObject[] = [];
	for (const credit of entries.filter((l) => l.entryType === 'CREDIT')) {
		const used = Math.min(spent, credit.points);
		spent -= used;
		const left = credit.points - used;
		if (left <= 0) continue;
		const expiry = new Date(time(credit.date) + 365 * 86_400_000);
		schedules.push({
			points: left,
			expiryDate: day(Number.isFinite(expiry.getTime()) ? expiry : new Date(Date.now() + 365 * 86_400_000)),
			programId: DEFAULT_PROGRAM_ID,
			pointsType: credit.eventName === 'TransactionAdd' ? 'bill_regular' : 'customer_promotions',
			expiryType: 'fixed',
		});
	}
	return schedules.sort((a, b) => String(a.expiryDate).localeCompare(String(b.expiryDate)));
}

function expiryScheduleReply(state: SimState, c: Customer, req: SimRequest): SimReply {
	const program = programOf(state, req);
	if (program.error) return program.error;
	const { startDate, endDate } = req.query;
	if (startDate && endDate && time(startDate) > time(endDate)) return v2Error(400, 1214, 'startDate is after endDate.');
	const all = req.query.fetchDataForAllPrograms === 'true';
	let schedules = expirySchedules(state, c).filter((s) => (all || s.programId === program.programId) && inDateRange(s.expiryDate, startDate, endDate));
	if (req.query.fetchEarliestExpiryOnly === 'true') {
		const seen = new Set<string>();
		schedules = schedules.filter((s) => {
			const key = `${s.programId}/${s.pointsType}/${s.expiryType}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	}
	return ok({ id: c.id, profiles: [], loyaltyInfo: { loyaltyType: c.loyaltyType }, segments: {}, extendedFields: {}, expirySchedules: schedules, warnings: [] });
}

function tierNumber(tier: string): number {
	return Math.max(1, TIERS.indexOf(tier) + 1);
}

function loyaltyDetails(state: SimState, c: Customer, programId: number): JsonObject {
	const ledger = state.ledger.filter((l) => l.customerId === c.id);
	const sum = (f: (l: (typeof ledger)[number]) => boolean) => ledger.filter(f).reduce((s, l) => s + l.points, 0);
	const main = programId === DEFAULT_PROGRAM_ID;
	const serial = tierNumber(c.tier);
	const promised = Number(c.extra.promisedPoints ?? 0);
	return {
		redeemed: main ? sum((l) => l.entryType === 'DEBIT' && l.eventName === 'PointsRedemption') : 0,
		expired: 0,
		returned: main ? sum((l) => l.entryType === 'DEBIT' && l.eventName === 'ReturnBill') : 0,
		adjusted: 0,
		lifetimePoints: main ? c.lifetimePoints : 0,
		loyaltyPoints: main ? c.points : 0,
		cumulativePurchases: main ? c.lifetimePurchases : 0,
		loyaltyId: 86_000_000 + c.id,
		currentSlab: main ? c.tier : TIERS[0],
		nextSlab: main && serial < TIERS.length ? TIERS[serial] : '',
		nextSlabSerialNumber: main && serial < TIERS.length ? serial + 1 : -1,
		nextSlabDescription: main && serial < TIERS.length ? TIERS[serial] : '',
		slabSNo: main ? serial : 1,
		slabExpiryDate: '2120-12-31T23:59:59+05:30',
		programId,
		delayedPoints: main ? promised : 0,
		delayedReturnedPoints: 0,
		totalAvailablePoints: main ? c.points : 0,
		totalReturnedPoints: 0,
		linkedPartnerPrograms: [],
	};
}

// ---------------------------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------------------------

const CHANNEL_IDS: Record<string, number> = { mobile: 1, email: 2, wechat: 3, ios: 4, android: 5, line: 6, whatsapp: 9 };

function channelName(channel: string): string {
	const c = channel.toUpperCase();
	return c === 'MOBILE' ? 'SMS' : c;
}

function subscriptionsOf(c: Customer): JsonObject[] {
	const out: JsonObject[] = [];
	for (const priority of ['TRANS', 'BULK']) {
		for (const channel of ['EMAIL', 'SMS']) {
			const found = c.subscriptions.find((s) => s.channel === channel && s.priority === priority && !text(s.accountId));
			out.push({ channel, priority, type: found ? text(found.type) : 'OPTIN' });
		}
	}
	for (const s of c.subscriptions) {
		if (['EMAIL', 'SMS'].includes(text(s.channel)) && !text(s.accountId)) continue;
		out.push({ channel: s.channel, accountId: (s.accountId ?? '') as Json, priority: s.priority, type: s.type });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

function actor(): JsonObject {
	return { id: 15091433, code: 'store.server', description: '', name: 'store.server', type: 'TILL' };
}

/**
 * Request records are shared with request.ts (v1.1 request/add, approve): goodwill carries points,
 * approvedValue, reason, comments, oneStepChange, approvalType; identifier changes oldValue/newValue
 * (or changeIdentifiers when raised through changeIdentifier here); retro a transactionId.
 */
function requestView(r: RequestRecord): JsonObject {
	const view: JsonObject = {
		id: r.id,
		status: r.status,
		addedBy: actor(),
		updatedBy: actor(),
		addedOn: r.createdOn,
		updatedOn: r.updatedOn,
		userId: r.customerId,
		requestId: r.id,
		type: r.type,
		baseType: r.baseType,
		changeType: r.baseType,
		reason: text(r.reason),
		comments: text(r.comments),
		warnings: [],
		reqAdd: true,
		oneStep: r.oneStepChange === true,
	};
	if (r.type === 'CHANGE_IDENTIFIER') {
		view.changeIdentifiers = (r.changeIdentifiers as JsonObject | undefined) ?? {
			add: r.newValue ? [{ type: r.baseType, value: r.newValue }] : [],
			remove: r.oldValue ? [{ type: r.baseType, value: r.oldValue }] : [],
		};
	}
	if (r.transactionId !== undefined) view.transactionId = r.transactionId;
	return view;
}

function goodwillView(r: RequestRecord): JsonObject {
	const goodwill = object(r.goodwillRequest);
	return {
		id: r.id,
		addedBy: actor(),
		updatedBy: actor(),
		addedOn: r.createdOn,
		updatedOn: r.updatedOn,
		userId: r.customerId,
		requestId: r.id,
		goodwillType: r.baseType,
		goodwillStatus: r.status,
		points: (r.points ?? goodwill.points ?? null) as Json,
		comments: text(r.comments ?? goodwill.comments),
		reason: text(r.reason ?? goodwill.reason),
		...(r.status === 'APPROVED' ? { approvedValue: text(r.approvedValue ?? r.points) } : {}),
		...(r.updatedComments ? { updatedComments: r.updatedComments } : {}),
		programId: (r.programId ?? DEFAULT_PROGRAM_ID) as Json,
		oneStep: r.oneStepChange === true,
	};
}

function requestsOf(state: SimState, predicate: (r: RequestRecord) => boolean): RequestRecord[] {
	return [...state.requests.values()].filter(predicate).sort((a, b) => b.id - a.id);
}

/** startDate/endDate/startId/endId/sortOrder filters shared by the request lists. */
function filterRequests(records: RequestRecord[], q: Record<string, string>): RequestRecord[] {
	let out = records.filter((r) => inDateRange(r.createdOn, q.startDate, q.endDate));
	if (q.startId) out = out.filter((r) => r.id >= Number(q.startId));
	if (q.endId) out = out.filter((r) => r.id <= Number(q.endId));
	if (q.sortOrder === 'ASC') out = [...out].sort((a, b) => a.id - b.id);
	return out;
}

function pageReply(items: JsonObject[], query: Record<string, string>, defaultLimit = 10, maxLimit = 100): SimReply {
	const { page, pagination } = paginate(items, query, defaultLimit, maxLimit);
	return ok({ pagination, data: page, warnings: [], errors: [] });
}

// ---------------------------------------------------------------------------------------------
// Coupons
// ---------------------------------------------------------------------------------------------

function couponsOf(state: SimState, c: Customer): CouponRecord[] {
	return [...state.coupons.values()].filter((coupon) => coupon.customerId === c.id).sort((a, b) => b.id - a.id);
}

function couponExpired(coupon: CouponRecord): boolean {
	const t = time(coupon.validTill);
	return Number.isFinite(t) && t < Date.now();
}

function couponMatches(coupon: CouponRecord, status: string): boolean {
	const expired = couponExpired(coupon);
	const redeemed = coupon.redeemed;
	switch (status.toLowerCase()) {
		case '':
			return true;
		case 'active':
		case 'unexpired':
			return !expired;
		case 'redeemed':
			return redeemed;
		case 'unredeemed':
			return !redeemed;
		case 'active_redeemed':
			return !expired && redeemed;
		case 'active_unredeemed':
			return !expired && !redeemed;
		case 'expired_redeemed':
			return expired && redeemed;
		case 'expired_unredeemed':
			return expired && !redeemed;
		default:
			return true;
	}
}

function couponDetailed(state: SimState, coupon: CouponRecord): JsonObject {
	const series = state.couponSeries.get(coupon.seriesId);
	return {
		id: coupon.id,
		seriesId: coupon.seriesId,
		series: (series ? { ...series } : { id: coupon.seriesId }) as JsonObject,
		code: coupon.code,
		createdDate: coupon.issuedOn,
		validTill: coupon.validTill,
		isRedeemed: coupon.redeemed,
		issuedTo: coupon.customerId,
		orgId: ORG_ID,
		issuedAt: { code: 'store.server', name: 'store.server', type: 'STORE' },
		couponDiscountType: series?.discountType ?? 'ABS',
		issuedOn: coupon.issuedOn,
		redemptionsLeft: coupon.redeemed ? 0 : 1,
		redemptionInfo: coupon.redeemed ? [{ date: coupon.redeemedOn, transactionNumber: coupon.transactionNumber }] : [],
		discountValue: series?.discountValue ?? 0,
		discountUpto: Number(series?.discountUpto ?? 0),
		redeemed: coupon.redeemed,
		seriesName: series?.description ?? '',
		trimmedCode: coupon.code,
	};
}

function couponBasic(state: SimState, coupon: CouponRecord): JsonObject {
	const series = state.couponSeries.get(coupon.seriesId);
	return {
		code: coupon.code,
		seriesId: coupon.seriesId,
		description: series?.description ?? '',
		validTill: coupon.validTill,
		discountType: series?.discountType ?? 'ABS',
		discountValue: series?.discountValue ?? 0,
		discountUpto: Number(series?.discountUpto ?? 0),
		redemptionCount: coupon.redeemed ? 1 : 0,
		redemptionsLeft: coupon.redeemed ? 0 : 1,
		id: coupon.id,
		createdDate: coupon.issuedOn,
		transactionNumber: coupon.transactionNumber ?? '',
		issuedAt: { code: 'store.server', name: 'store.server' },
		redemptions: coupon.redeemed ? [{ date: coupon.redeemedOn, transactionNumber: coupon.transactionNumber, redeemedAt: { code: 'store.server', name: 'store.server' } }] : [],
	};
}

// ---------------------------------------------------------------------------------------------
// Referrals, images, trackers, transactions
// ---------------------------------------------------------------------------------------------

function referralCode(c: Customer): string {
	return text(c.extra.referralCode) || `${c.id.toString(36)}default`.slice(0, 10);
}

function parseMultipart(req: SimRequest): { fileName: string; mimeType: string; size: number } | undefined {
	const type = String(req.headers['content-type'] ?? '');
	const boundary = /boundary=(.+)$/.exec(type)?.[1];
	if (!type.startsWith('multipart/form-data') || !boundary) return undefined;
	const raw = req.rawBody.toString('latin1');
	for (const part of raw.split(`--${boundary}`)) {
		const header = /Content-Disposition: form-data; name="file"; filename="([^"]*)"\r\n(?:Content-Type: ([^\r\n]+)\r\n)?\r\n/i.exec(part);
		if (!header) continue;
		const content = part.slice(header.index + header[0].length).replace(/\r\n$/, '');
		return { fileName: header[1], mimeType: header[2] ?? 'application/octet-stream', size: Buffer.byteLength(content, 'latin1') };
	}
	return undefined;
}

/** The customer's current image as the file service describes it, if there is one. */
function imageFile(c: Customer): JsonObject | undefined {
	if (!c.image) return undefined;
	const version = Number(c.extra.imageVersion ?? 1);
	const handle = c.image.split('/').pop() ?? '';
	return { acl: 'PRIVATE', fileHandle: handle, lastModified: nowV11(), latestVersion: version, name: `${ORG_ID}/${c.id}/0`, namespace: 'customerImage', s3Token: c.image, version };
}

function transactionView(state: SimState, t: ReturnType<SimState['transactionsOf']>[number], embed: string[]): JsonObject {
	const view: JsonObject = {
		id: t.id,
		customerId: t.customerId ?? null,
		loyaltyLogId: 10_000_000 + t.id,
		billingTime: t.billingTime,
		billNumber: t.number,
		type: t.type.toUpperCase(),
		notes: t.notes,
		amount: t.amount,
		grossAmount: t.grossAmount ?? t.amount,
		discount: t.discount ?? 0,
		outlierStatus: 'NORMAL',
	};
	if (embed.includes('BILL_CF')) view.customFields = t.customFields;
	if (embed.includes('BILL_EF')) view.extendedFields = t.extendedFields;
	if (embed.includes('PAYMENT_MODES')) view.paymentModes = t.paymentModes;
	if (embed.includes('CREDIT_NOTES')) view.creditNotes = [];
	if (embed.includes('ATTRIBUTION')) view.attribution = { createDate: t.addedOn, createdBy: { code: 'store.server', name: 'store.server', type: 'TILL' } };
	if (embed.includes('BILL_STORE_DETAILS')) view.billingStore = { code: t.storeCode, name: t.storeCode, type: 'STORE' };
	if (embed.includes('BILL_POINTS')) view.points = { regularPoints: Math.max(0, t.pointsAwarded), promisedPoints: 0, promotionalPoints: 0 };
	if (embed.includes('TRANSACTION_IDENTIFIER')) view.transactionIdentifier = { billNumber: t.number, id: t.id };
	return view;
}

/** POST v2/requests with type GOODWILL: a goodwill points/coupon request for a user group or a customer. */
export function createGoodwillRequest(state: SimState, body: JsonObject): SimReply {
	const baseType = text(body.baseType ?? body.base_type).toUpperCase();
	if (!['POINTS', 'COUPON'].includes(baseType)) return v2Error(400, 9008, 'Request Base Type is invalid');
	const goodwill = object(body.goodwillRequest);
	if (baseType === 'POINTS' && !(Number(goodwill.points) > 0)) return v2Error(400, 400, 'Input is invalid, Please check request parameters or input xml/json: goodwillRequest.points must be positive');
	if (body.programId !== undefined && !programIds(state).includes(Number(body.programId))) return v2Error(400, 1101, 'Invalid programId passed');
	const entityType = text(body.earningEntityType ?? body.earning_entity_type).toUpperCase() || 'CUSTOMER';
	const now = nowIso();
	const record: RequestRecord = {
		id: state.nextRequestId++,
		type: 'GOODWILL',
		baseType,
		status: 'PENDING',
		customerId: null,
		createdOn: now,
		updatedOn: now,
		api: 'v2',
		earningEntityType: entityType,
		goodwillRequest: goodwill,
		points: Number(goodwill.points ?? 0),
		reason: text(goodwill.reason),
		comments: text(body.comments) || text(goodwill.comments),
		programId: Number(body.programId ?? DEFAULT_PROGRAM_ID),
		oneStepChange: false,
		approvalType: 'CONFIG_DISABLED',
		addedBy: 'store.server',
	};
	if (entityType === 'USERGROUP2') {
		const info = object(body.userGroup2IdentificationInfo);
		const how = text(info.identifierType) || 'id';
		const value = text(info.identifierValue ?? body.identifier_value);
		const group = [...state.userGroups.values()].find((g) => (how === 'externalId' ? g.externalId === value : how === 'primaryUserId' ? String(g.primaryUserId) === value : String(g.id) === value));
		if (!group) return v2Error(400, 93026, 'Invalid Group Details Provided');
		Object.assign(record, { userGroupId: group.id, userGroup2IdentificationInfo: info });
	} else {
		const info = object(body.customerIdentificationInfo);
		const customer = state.findCustomer(text(info.identifierType) || 'mobile', text(info.identifierValue), text(info.source) || undefined);
		if (!customer) return v2Error(400, 400, 'Input is invalid, Please check request parameters or input xml/json, No identifier provided to get loyalty users.');
		record.customerId = customer.id;
	}
	state.requests.set(record.id, record);
	return ok({ createdId: record.id, warnings: [] });
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	// ----- fixed paths (before any :customerId path) --------------------------------------------

	router.post('/v2/customers', (req) => {
		const body = bodyObject(req);
		if (!Object.keys(body).length) return v2Error(400, 400, 'Input is invalid. Please check request parameters or input xml/json');
		const result = registerCustomer(state(), body);
		if (result.error) return v2Error(result.error.status, result.error.code, result.error.message);
		const raw = req.query.rawSideEffects === 'true';
		const async = String(req.headers['wait_for_downstream'] ?? '') === 'false' || String(req.headers['x-cap-direct-replay'] ?? '') === 'true';
		const sideEffects = async ? [] : result.sideEffects.map((e) => (raw ? { ...e, awardedOn: nowIso(), strategyIds: [] } : e));
		return ok({ createdId: result.customer!.id, warnings: result.warnings, sideEffects });
	});

	router.get('/v2/customers/lookup', (req) => {
		const found = lookup(sim.state, req);
		if (found.error) return found.error;
		return ok({ entity: found.customer.id, warnings: [] });
	});

	router.get('/v2/customers/lookup/pointsExpirySchedule', (req) => {
		if (!req.query.source) return v2Error(400, 8012, 'Invalid source passed.');
		const found = lookup(state(), req);
		if (found.error) return found.error;
		return expiryScheduleReply(state(), found.customer, req);
	});

	router.get('/v2/customers/search', (req) => {
		const q = text(req.query.q).toLowerCase();
		if (!q) return v2Error(400, 1104, 'Invalid identifier or no identifier passed.');
		const matches: JsonObject[] = [];
		for (const c of state().customers.values()) {
			if (c.mergedInto) continue;
			const matched: JsonObject[] = [];
			for (const p of c.profiles) {
				const candidates: Array<[string, string]> = [
					['firstName', p.firstName],
					['lastName', p.lastName],
					...p.identifiers.map((i): [string, string] => [i.type, i.value]),
				];
				for (const [idType, idValue] of candidates) {
					if (idValue && idValue.toLowerCase().startsWith(q)) matched.push({ idType, idValue, source: p.source, accountId: p.accountId });
				}
			}
			if (matched.length) matches.push({ userId: c.id, matchedIdentifiers: matched, profiles: c.profiles.map((p) => ({ source: p.source, firstName: p.firstName, lastName: p.lastName })) });
		}
		return pageReply(matches, req.query, 10, 100);
	});

	router.get('/v2/customers/coupons', (req) => {
		const keys = ['id', 'mobile', 'email', 'externalId'];
		const key = keys.find((k) => text(req.query[k]));
		if (!key) return v2Error(400, 1015, 'No identifier provided to get loyalty users.');
		const values = text(req.query[key]).split(',').map((v) => v.trim()).filter(Boolean);
		const customers = values.map((v) => state().findCustomer(key, v)).filter((c): c is Customer => c !== undefined && !c.mergedInto);
		if (!customers.length) return v2Error(404, 8015, 'No customer found with the given identifier.');
		const status = text(req.query.status);
		const limit = intParam(req.query.limit, 100, 1, 1000);
		const offset = intParam(req.query.offset, 0, 0);
		let total = 0;
		const view = customers.map((c) => {
			const all = couponsOf(state(), c).filter((coupon) => couponMatches(coupon, status));
			total += all.length;
			return {
				firstname: c.profiles[0].firstName,
				lastname: c.profiles[0].lastName,
				mobile: state().identifier(c, 'mobile'),
				id: c.id,
				coupons: all.slice(offset, offset + limit).map((coupon) => couponBasic(state(), coupon)),
			};
		});
		return ok({ entity: { pagination: { limit: String(limit), offset: String(offset), total }, customers: view }, warnings: [], errors: [], success: true });
	});

	router.get('/v2/customers/userEntityTrackers', (req) => {
		const { type, identifierType, identifierValue } = req.query;
		if (!['USERGROUP2', 'CUSTOMER'].includes(text(type))) return v2Error(400, 1647, 'Trackers entity type is not set or invalid (USERGROUP2, CUSTOMER).');
		let members: Customer[] = [];
		let entityId = 0;
		if (type === 'USERGROUP2') {
			const groups = [...state().userGroups.values()];
			const group = groups.find((g) =>
				identifierType === 'externalId' ? g.externalId === identifierValue : identifierType === 'primaryUserId' ? String(g.primaryUserId) === identifierValue : String(g.id) === identifierValue,
			);
			if (!group) return v2Error(400, 1645, 'Group details passed are not valid');
			entityId = group.id;
			members = group.members.map((id) => state().customers.get(id)).filter((c): c is Customer => c !== undefined);
		} else {
			const c = state().findCustomer(text(identifierType) || 'id', text(identifierValue), req.query.source);
			if (!c) return v2Error(404, 8015, 'No customer found with the given identifier.');
			entityId = c.id;
			members = [c];
		}
		const bills = members.flatMap((m) => state().transactionsOf(m.id).filter((t) => t.type.toUpperCase() === 'REGULAR'));
		const period = { periodStartDate: `${new Date().getUTCFullYear()}-01-01`, periodEndDate: `${new Date().getUTCFullYear()}-12-31` };
		const updatedOn = nowIso();
		const data = [
			{ id: entityId * 10 + 1, name: 'Total spend', conditionId: 101, type: 'SUM', value: bills.reduce((s, t) => s + t.amount, 0), updatedOn, conditionName: 'BILL_AMOUNT', ...period },
			{ id: entityId * 10 + 2, name: 'Visits', conditionId: 102, type: 'COUNT', value: bills.length, updatedOn, conditionName: 'NUMBER_OF_VISITS', ...period },
		];
		return ok({ pagination: { limit: 0, offset: 0, total: 0 }, data, warnings: [], errors: [] });
	});

	// ----- hierarchy (bulk) ----------------------------------------------------------------------

	router.post('/v2/customers/bulk', (req) => {
		if (!Array.isArray(req.body)) return v2Error(400, 400, 'Input is invalid: the body must be a list of customers.');
		const entries = req.body as JsonObject[];
		if (entries.length > 100) return v2Error(400, 1060, 'Batch limit size exceeded');
		const results = entries.map((entry) => bulkAssociate(state(), object(entry)));
		const failed = results.some((r) => Array.isArray(r.errors) && r.errors.length);
		return { status: failed ? 201 : 200, body: results };
	});

	router.put('/v2/customers/bulk', (req) => {
		const source = req.query.source ?? '';
		const accountId = req.query.accountId ?? '';
		const sourceError = sourceProblem(source, accountId);
		if (sourceError) return sourceError;
		if (!Array.isArray(req.body)) return v2Error(400, 400, 'Input is invalid: the body must be a list of customers.');
		const results = (req.body as JsonObject[]).map((raw) => {
			const entry = object(raw);
			const profile = list(entry.profiles)[0] ?? {};
			const customer = findByProfile(state(), { ...profile, source: text(profile.source) || source }, source);
			if (!customer) return { ...entry, errors: [{ status: false, code: 8015, message: 'No customer found with the given identifier.' }] };
			const update = applyUpdate(state(), customer, entry, source, accountId);
			if (update.error) return { ...entry, errors: [{ status: false, code: update.error.code, message: update.error.message }] };
			const details = object(entry.associationDetails);
			const patch: Partial<Association> = { hierarchyCode: text(details.hierarchyCode), roleCode: text(details.roleCode), fleetCompanyExternalId: text(object(details.fleetCompany).externalId) };
			if (Object.keys(object(details.parentCustomer)).length) {
				const parent = findByProfile(state(), list(object(details.parentCustomer).profiles)[0] ?? {}, source);
				if (!parent) return { ...entry, errors: [{ status: false, code: 8015, message: 'Parent customer: No customer found with the given identifier.' }] };
				patch.parentId = parent.id;
			}
			setAssociation(customer, patch);
			return { ...(customerV2(state(), customer) as unknown as JsonObject), associationDetails: associationView(state(), customer), errors: [] };
		});
		const failed = results.some((r) => list((r as JsonObject).errors).length);
		return { status: failed ? 201 : 200, body: results };
	});

	router.get('/v2/customers/bulk', (req) => {
		const source = req.query.source ?? '';
		if (!source) return v2Error(400, 8012, 'Invalid source passed.');
		const type = req.query.associationEntityType || 'parentCustomer';
		const value = text(req.query.associationEntityIdentifierValue);
		let children: Customer[];
		if (type === 'company') {
			children = [...state().customers.values()].filter((c) => associationOf(c)?.fleetCompanyExternalId === value);
		} else {
			const parent = state().findCustomer(req.query.associationEntityIdentifierType || 'mobile', value, source === 'ALL' ? undefined : source, req.query.accountId);
			if (!parent) return v2Error(404, 8015, 'No customer found with the given identifier.');
			children = [...state().customers.values()].filter((c) => associationOf(c)?.parentId === parent.id);
		}
		const sortKey = req.query.sortBy === 'lastUpdatedOn' ? (c: Customer) => c.updatedOn : (c: Customer) => c.createdOn;
		children.sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.id - b.id);
		if (req.query.sortOrder !== 'ASC') children.reverse();
		const { page } = paginate(children, req.query, 10, 100);
		const customers = page.map((c) => {
			const view = customerV2(state(), c) as unknown as JsonObject;
			return { profiles: view.profiles, extendedFields: view.extendedFields };
		});
		return ok({ entity: { customers, count: children.length, errors: [], warnings: [] }, warnings: [], errors: [], success: true });
	});

	// ----- upsert -------------------------------------------------------------------------------

	router.post('/v2/integrations/customer/upsert/bulk', (req) => {
		if (!Array.isArray(req.body)) return v2Error(400, 400, 'Input is invalid: the body must be a list of customers.');
		const skipChange = req.query.skipChangeIdentifier !== 'false';
		const response = (req.body as JsonObject[]).map((raw) => {
			const entry = object(raw);
			const profile = list(entry.profiles)[0];
			const failure = (code: number, message: string) => ({ entityId: null, result: null, errors: [{ status: false, code, message }], warnings: [] });
			if (!profile || identifiersOf(profile).length === 0) return failure(1007, 'Unable to register customer. No valid primary identifier mobile number, email ID, or external ID passed.');
			const source = text(profile.source) || 'INSTORE';
			const accountId = text(profile.accountId);
			const sourceError = sourceProblem(source, accountId);
			if (sourceError) {
				const e = (sourceError.body as { errors: Array<{ code: number; message: string }> }).errors[0];
				return failure(e.code, e.message);
			}
			const existing = findByProfile(state(), profile, source);
			if (!existing) {
				const created = registerCustomer(state(), { loyaltyInfo: { loyaltyType: 'loyalty' }, ...entry });
				if (!created.customer) return failure(created.error!.code, created.error!.message);
				return { entityId: created.customer.id, result: customerV2(state(), created.customer) as unknown as JsonObject, errors: [], warnings: created.warnings };
			}
			const update = applyUpdate(state(), existing, entry, source, accountId);
			if (update.error) return failure(update.error.code, update.error.message);
			const warnings: JsonObject[] = [];
			if (!skipChange) {
				const target = profileIn(existing, source, accountId)!;
				for (const i of identifiersOf(profile)) {
					if (target.identifiers.some((own) => own.type === i.type && own.value.toLowerCase() === i.value.toLowerCase())) continue;
					const owner = ownerOf(state(), i.type, i.value, source);
					if (owner && owner.id !== existing.id) {
						warnings.push({ status: false, code: 8008, message: `The new identifier already exists in the same source: ${i.type}` });
						continue;
					}
					target.identifiers = target.identifiers.filter((own) => own.type !== i.type || ['cardnumber'].includes(i.type));
					target.identifiers.push({ type: i.type, value: i.value });
					if (i.card) linkCard(state(), existing, i.card);
				}
			}
			return { entityId: existing.id, result: customerV2(state(), existing) as unknown as JsonObject, errors: [], warnings };
		});
		const failureCount = response.filter((r) => r.errors.length).length;
		return ok({ response, totalCount: response.length, failureCount });
	});

	registerCustomerRoutes(router, sim);
}

function registerCustomerRoutes(router: Router, sim: Simulator): void {
	const state = () => sim.state;
	/** A handler for `/v2/customers/:customerId/…` with the customer resolved. */
	const forCustomer = (handler: (c: Customer, req: SimRequest) => SimReply) => (req: SimRequest) => {
		const found = resolve(state(), req);
		if (found.error) return found.error;
		return handler(found.customer, req);
	};

	router.get(
		'/v2/customers/:customerId',
		forCustomer((c, req) => {
			const source = req.query.source;
			if (source && source !== 'ALL') {
				if (!PROFILE_SOURCES.includes(source)) return v2Error(400, 8012, 'Invalid source passed.');
				if (!profileIn(c, source, req.query.accountId)) return v2Error(404, 8065, 'No customer found in the given source with the given identifier.');
			}
			const view = customerV2(state(), c) as unknown as JsonObject;
			const embed = text(req.query.embed).split(',').map((e) => e.trim()).filter(Boolean);
			if (embed.includes('points')) {
				const d = loyaltyDetails(state(), c, DEFAULT_PROGRAM_ID);
				view.pointsSummary = { adjusted: d.adjusted, cumulativePurchases: d.cumulativePurchases, currentSlab: d.currentSlab, expired: d.expired, lifetimePoints: d.lifetimePoints, loyaltyId: d.loyaltyId, loyaltyPoints: d.loyaltyPoints, nextSlab: d.nextSlab, nextSlabDescription: d.nextSlabDescription, nextSlabSerialNumber: d.nextSlabSerialNumber, redeemed: d.redeemed, returned: d.returned, slabExpiryDate: d.slabExpiryDate, slabSNo: d.slabSNo };
			}
			if (embed.includes('subscriptions')) view.subscriptionInfo = { subscriptions: subscriptionsOf(c) };
			if (embed.includes('mlp')) view.loyaltyProgramDetails = programIds(state()).map((id) => loyaltyDetails(state(), c, id));
			if (embed.includes('expirySchedules')) view.expirySchedules = expirySchedules(state(), c);
			if (embed.includes('promotionalPoints')) {
				const promotions = state().ledger.filter((l) => l.customerId === c.id && l.entryType === 'CREDIT' && l.eventName !== 'TransactionAdd');
				view.promotionalPoints = {
					customerPromotionType: promotions.map((l) => ({ points: l.points, issuedAt: { code: 'store.server', name: 'store.server' }, issuedOn: l.date, programId: DEFAULT_PROGRAM_ID, promotionName: l.eventName, promotionSource: { promotionSourceId: -1, promotionSourceType: l.eventName.toUpperCase() } })),
					transactionPromotionType: [],
					lineitemPromotionType: [],
				};
			}
			if (embed.includes('expiredPoints')) view.expiredPoints = { totalExpiredPoints: 0, expiredPointsDetails: [] };
			const image = imageFile(c);
			if (embed.includes('CUSTOMERIMAGE')) view.customerImage = image ? [{ code: 200, file: image, filePath: `https://files.simulator.local/${text(image.s3Token)}`, message: 'Success', status: 'true' }] : [];
			return ok(view);
		}),
	);

	router.put(
		'/v2/customers/:customerId',
		forCustomer((c, req) => {
			const source = req.query.source ?? '';
			const accountId = req.query.accountId ?? '';
			const sourceError = sourceProblem(source, accountId);
			if (sourceError) return sourceError;
			const body = bodyObject(req);
			if (!Object.keys(body).length) return v2Error(400, 400, 'Input is invalid. Please check request parameters or input xml/json');
			const update = applyUpdate(state(), c, body, source, accountId);
			if (update.error) return v2Error(update.error.status, update.error.code, update.error.message);
			return ok({ createdId: c.id, warnings: [], sideEffects: req.query.use_async === 'true' ? [] : update.sideEffects });
		}),
	);

	router.post('/v2/customers/:customerId/changeIdentifier', forCustomer((c, req) => changeIdentifier(state(), c, req)));

	router.get('/v2/customers/:customerId/subscriptions', forCustomer((c) => ok({ subscriptions: subscriptionsOf(c), campaignId: 0, communicationId: 0, warnings: [] })));

	router.post(
		'/v2/customers/:customerId/subscriptions',
		forCustomer((c, req) => {
			const body = bodyObject(req);
			const entries = list(body.subscriptions);
			if (!entries.length) return v2Error(400, 1109, 'Unable to add, update or fetch subscription details.');
			const scope = object(body.scope);
			if (Object.keys(scope).length && text(scope.scope) && text(scope.scope) !== 'USER') return v2Error(400, 1103, 'Invalid scope.');
			for (const s of entries) {
				if (!['EMAIL', 'MOBILE', 'SMS', 'WECHAT', 'WHATSAPP', 'IOS', 'ANDROID', 'LINE'].includes(text(s.channel).toUpperCase())) return v2Error(400, 1101, 'Invalid channel type.');
				if (!['TRANS', 'BULK'].includes(text(s.priority).toUpperCase())) return v2Error(400, 1102, 'Invalid priority type.');
				if (!['OPTIN', 'OPTOUT'].includes(text(s.type).toUpperCase())) return v2Error(400, 1106, 'Invalid subscription status passed.');
			}
			const echoed: JsonObject[] = [];
			for (const s of entries) {
				const channel = channelName(text(s.channel));
				const priority = text(s.priority).toUpperCase();
				const type = text(s.type).toUpperCase();
				const accountId = text(s.accountId);
				const existing = c.subscriptions.find((x) => x.channel === channel && x.priority === priority && text(x.accountId) === accountId);
				if (existing) existing.type = type;
				else c.subscriptions.push({ channel, priority, type, ...(accountId ? { accountId } : {}) });
				c.subscriptionLog.push({ channel, priority, type, addedOn: nowIso(), source: text(s.sourceName) || 'INSTORE', accountId, orgUnitId: Number(s.orgUnitId ?? -1) || -1, reason: text(body.reason) || 'Direct' });
				echoed.push({ channel, accountId, priority, type });
			}
			c.updatedOn = nowIso();
			return ok({
				scope: { scopeId: 0, scope: text(scope.scope) || 'USER', subScope: text(scope.subScope) || 'NONE', setCreatedOn: false, setPriority: false, setScopeId: false, setScope: true, setSubScope: true },
				subscriptions: echoed,
				campaignId: Number(body.campaignId ?? -1),
				communicationId: Number(body.communicationId ?? -1),
				reason: text(body.reason),
				warnings: [],
			});
		}),
	);

	router.get('/v2/customers/:customerId/pointsExpirySchedule', forCustomer((c, req) => expiryScheduleReply(state(), c, req)));

	router.get('/v2/customers/:customerId/loyaltyEvents', forCustomer((c) => ok({ data: c.loyaltyEvents, warnings: [], errors: [] })));

	router.get(
		'/v2/customers/:customerId/loyaltyDetails',
		forCustomer((c, req) => {
			const program = programOf(state(), req);
			if (program.error) return program.error;
			const ids = req.query.programId ? [program.programId] : [DEFAULT_PROGRAM_ID];
			return ok({ data: ids.map((id) => loyaltyDetails(state(), c, id)), warnings: [], errors: [] });
		}),
	);

	router.get(
		'/v2/customers/:customerId/pointsTransfers',
		forCustomer((c) => {
			const person = (id: number) => {
				const other = state().customers.get(id);
				return { userId: id, firstName: other?.profiles[0].firstName ?? '', lastName: other?.profiles[0].lastName ?? '' };
			};
			const data = state()
				.transfers.filter((t) => (t.fromType === 'CUSTOMER' && t.fromId === c.id) || (t.toType === 'CUSTOMER' && t.toId === c.id))
				.map((t) => ({
					pointsTransferDate: t.date,
					pointsTransferred: t.points,
					transferId: t.id,
					transferType: t.fromType === 'CUSTOMER' && t.fromId === c.id ? 'DEDUCTION' : 'ADDITION',
					transferredFrom: person(t.fromId),
					transferredTo: person(t.toId),
					notes: t.notes,
					programName: 'Default Program',
				}));
			return ok({ data, warnings: [], errors: [] });
		}),
	);

	router.get(
		'/v2/customers/:customerId/points/balance',
		forCustomer((c, req) => {
			const program = programOf(state(), req);
			if (program.error) return program.error;
			const entityType = req.query.entityType || 'CUSTOMER';
			if (!['CUSTOMER', 'FLEET'].includes(entityType)) return v2Error(400, 1212, 'Invalid entity type passed.');
			const all = req.query.fetchDataForAllPrograms === 'true';
			const counts = all || program.programId === DEFAULT_PROGRAM_ID;
			const main = counts ? c.points : 0;
			const promised = counts ? Number(c.extra.promisedPoints ?? 0) : 0;
			return ok({
				entityId: c.id,
				entityType,
				...(all ? {} : { programId: program.programId }),
				totalPoints: main + promised,
				mainPoints: main,
				promisedPoints: promised,
				promisedPointsBreakup: { delayedAccrualPoints: promised, externalTriggerBasedPoints: 0 },
				warnings: [],
			});
		}),
	);

	router.get(
		'/v2/customers/:customerId/tierDetails',
		forCustomer((c, req) => {
			const program = programOf(state(), req);
			if (program.error) return program.error;
			const ids = req.query.fetchDataForAllPrograms === 'true' ? programIds(state()) : [program.programId];
			const programTiers = ids.map((id) => {
				const d = loyaltyDetails(state(), c, id);
				return { programId: id, currentTierName: d.currentSlab, currentTierSerialNumber: d.slabSNo, tierExpiryDate: '2120-12-31 23:59:59', nextTierName: d.nextSlab, nextTierSerialNumber: d.nextSlabSerialNumber };
			});
			return ok({ entityId: c.id, entityType: req.query.entityType || 'CUSTOMER', programTiers, warnings: [] });
		}),
	);

	router.get(
		'/v2/customers/:customerId/promisedPointsSchedule',
		forCustomer((c, req) => {
			const program = programOf(state(), req);
			if (program.error) return program.error;
			const { startDate, endDate } = req.query;
			if (startDate && endDate && time(startDate) > time(endDate)) return v2Error(400, 1214, 'startDate is after endDate.');
			const promised = Number(c.extra.promisedPoints ?? 0);
			const redeemableFrom = day(new Date(Date.now() + 30 * 86_400_000));
			const counts = req.query.fetchDataForAllPrograms === 'true' || program.programId === DEFAULT_PROGRAM_ID;
			const list = counts && promised > 0 ? [{ points: promised, redeemableFrom, programId: DEFAULT_PROGRAM_ID, pointsType: 'bill_regular' }] : [];
			return ok({ entityId: c.id, entityType: req.query.entityType || 'CUSTOMER', promisedPointsScheduleList: list.filter((s) => inDateRange(s.redeemableFrom, startDate, endDate)), triggerBasedPointsList: [], warnings: [] });
		}),
	);

	router.get('/v2/customers/:customerId/coupons', forCustomer((c) => ok({ entity: couponsOf(state(), c).map((coupon) => couponDetailed(state(), coupon)), warnings: [], errors: [], success: true })));

	router.get(
		'/v2/customers/:customerId/retroRequest',
		forCustomer((c, req) => {
			const type = req.query.changeType;
			const records = requestsOf(state(), (r) => r.customerId === c.id && ['CHANGE_IDENTIFIER', 'TRANSACTION_UPDATE'].includes(r.type) && (!type || r.baseType === type));
			return pageReply(filterRequests(records, req.query).map(requestView), req.query);
		}),
	);

	router.get(
		'/v2/customers/:customerId/changeRequest',
		forCustomer((c, req) => {
			const type = req.query.changeType;
			const records = requestsOf(state(), (r) => r.customerId === c.id && r.type === 'CHANGE_IDENTIFIER' && (!type || r.baseType === type) && (!req.query.source || !r.source || r.source === req.query.source));
			return pageReply(filterRequests(records, req.query).map(requestView), req.query);
		}),
	);

	router.get(
		'/v2/customers/:customerId/goodwillRequest',
		forCustomer((c, req) => {
			const q = req.query;
			const program = programOf(state(), req);
			if (program.error) return program.error;
			const records = requestsOf(
				state(),
				(r) =>
					r.customerId === c.id &&
					r.type === 'GOODWILL' &&
					(!q.requestId || String(r.id) === q.requestId) &&
					(!q.programId || Number(r.programId ?? DEFAULT_PROGRAM_ID) === program.programId) &&
					(q.is_one_step_change !== 'true' || r.oneStepChange === true) &&
					(q.autoApprove !== 'true' || r.approvalType === 'CLIENT'),
			);
			return pageReply(records.map(goodwillView), q, 100, 100);
		}),
	);

	// One current image per customer, stored like the lookup twin (customerLookup.ts) stores it:
	// c.image = its s3 token, extra.imageVersion, extra.imageFile.
	router.post(
		'/v2/customers/:customerId/setImage',
		forCustomer((c, req) => {
			const file = parseMultipart(req);
			if (!file) return v2Error(415, 415, 'Unsupported media type: send the image as multipart/form-data in the part "file"');
			if (file.size === 0) return v2Error(400, 400, 'Empty file');
			if (!file.mimeType.startsWith('image/')) return v2Error(400, 400, `Input is invalid: ${file.mimeType} is not an image`);
			const version = Number(c.extra.imageVersion ?? 0) + 1;
			const handle = `img-${c.id}-${version}`;
			c.image = `customerImage/${ORG_ID}/${c.id}/${handle}`;
			c.extra.imageVersion = version;
			c.extra.imageFile = { fileName: file.fileName, contentType: file.mimeType, size: file.size };
			return ok({ data: [{ code: 200, file: imageFile(c)!, message: 'Successfully uploaded file', status: 'true' }], warnings: [], errors: [] });
		}),
	);

	router.delete(
		'/v2/customers/:customerId/deleteImage',
		forCustomer((c, req) => {
			const ids = text(req.query.image_ids).split(',').map((s) => s.trim()).filter(Boolean);
			const current = imageFile(c);
			if (!current) return v2Error(404, 404, 'No image found for the customer');
			const unknown = ids.filter((id) => id !== current.fileHandle);
			if (unknown.length) return v2Error(400, 400, `Input is invalid: unknown image ID ${unknown.join(', ')}`);
			c.image = undefined;
			delete c.extra.imageFile;
			return ok({ data: [{ code: 200, message: 'Success', status: 'true' }], warnings: [], errors: [] });
		}),
	);

	router.post(
		'/v2/customers/:customerId/referrals',
		forCustomer((c, req) => {
			const entries = list(bodyObject(req).customerReferrals);
			if (!entries.length) return v2Error(400, 400, 'Input is invalid: customerReferrals is missing');
			for (const entry of entries) {
				const token = text(entry.campaignToken);
				if (!token) return v2Error(400, 1202, 'Invalid campaign token.');
				for (const group of list(entry.referrals)) {
					const type = text(group.type).toUpperCase();
					if (!['MOBILE', 'EMAIL'].includes(type)) return v2Error(400, 1206, 'Failed to add referral. Referral type is not supported.');
					for (const invitee of list(group.referral)) {
						const identifier = text(invitee.identifier);
						if (!identifier) continue;
						if (c.referrals.some((r) => r.identifier === identifier && r.campaignToken === token)) continue;
						c.referrals.push({ campaignToken: token, type, name: text(invitee.name), identifier, invitedOn: text(invitee.invitedOn) || nowV11(), till: 'store.server' });
					}
				}
			}
			return ok({ customerReferrals: entries.map((e) => ({ ...e, customer: { id: c.id, mobile: state().identifier(c, 'mobile'), email: state().identifier(c, 'email'), externalId: state().identifier(c, 'externalId'), ...object(e.customer) } })), warnings: [], errors: [] });
		}),
	);

	router.get(
		'/v2/customers/:customerId/referrals',
		forCustomer((c, req) => {
			const code = referralCode(c);
			const invitees = c.referrals.map((r) => ({ type: r.type, identifier: r.identifier, invitedOn: r.invitedOn, till: { code: r.till ?? 'store.server', name: r.till ?? 'store.server' } }));
			const referee = [...state().customers.values()]
				.filter((other) => other.extra.referralCodeUsed === code || c.referrals.some((r) => text(r.identifier) && (state().identifier(other, 'mobile') === r.identifier || state().identifier(other, 'email') === r.identifier)))
				.filter((other) => other.id !== c.id)
				.map((other) => ({ eventType: 'REGISTRATION', userId: other.id, firstName: other.profiles[0].firstName, lastName: other.profiles[0].lastName, mobile: state().identifier(other, 'mobile'), email: state().identifier(other, 'email'), addedOn: other.createdOn }));
			const entry = { customer: { id: c.id, profiles: (customerV2(state(), c) as unknown as JsonObject).profiles }, referralCode: code, invitees, referee, incentives: [] } as JsonObject;
			const { pagination } = paginate(invitees, req.query, 10, 100);
			return ok({ pagination: { ...pagination, total: invitees.length }, data: pagination.offset > 0 ? [] : [entry], warnings: [], errors: [] });
		}),
	);

	router.get(
		'/v2/customers/:customerId/statusLog',
		forCustomer((c) => {
			let previous = '';
			const data = c.statusLog.map((entry) => {
				const view: JsonObject = { createdByUser: 'store.server', reason: entry.reason ?? '', createdBy: 50006796, actions: [], autoUpdateTime: text(entry.createdOn).slice(0, 10), createdOn: entry.createdOn, entityId: c.id, label: entry.label, status: entry.status };
				if (previous) view.prevLabel = previous;
				previous = text(entry.label);
				return view;
			});
			return ok({ data, warnings: [], errors: [] });
		}),
	);

	router.get(
		'/v2/customers/:customerId/subscriptionStatusChangeLog',
		forCustomer((c) => {
			const data = c.subscriptionLog.map((entry) => {
				const channel = text(entry.channel).toUpperCase() === 'SMS' ? 'mobile' : text(entry.channel).toLowerCase();
				return {
					orgUnitId: Number(entry.orgUnitId ?? -1),
					source: text(entry.source) || 'INSTORE',
					accountId: text(entry.accountId),
					orgSourceId: -1,
					commChannelId: CHANNEL_IDS[channel] ?? -1,
					commChannelType: channel,
					communicationCategoryId: -1,
					priority: entry.priority,
					status: text(entry.type) !== 'OPTOUT',
					addedBy: -1,
					addedOn: text(entry.addedOn).slice(0, 10),
					reason: text(entry.reason) || 'Direct',
				};
			});
			return ok({ data, warnings: [], errors: [] });
		}),
	);

	router.get(
		'/v2/customers/:customerId/transactions',
		forCustomer((c, req) => {
			const q = req.query;
			const limit = Number(q.limit ?? 20);
			if (q.limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) return v2Error(400, 400, 'Input is invalid: limit must be between 1 and 1000');
			if (q.sortBy && q.sortBy !== 'BILLING_TIME') return v2Error(400, 400, 'Input is invalid: sortBy supports BILLING_TIME only');
			const ids = text(q.transactionId).split(',').map((s) => s.trim()).filter(Boolean);
			let bills = state()
				.transactionsOf(c.id)
				.filter((t) => inDateRange(t.billingTime, q.startDate, q.endDate))
				.filter((t) => (!q.startId || t.id >= Number(q.startId)) && (!q.endId || t.id <= Number(q.endId)))
				.filter((t) => !ids.length || ids.includes(String(t.id)));
			bills = bills.sort((a, b) => time(a.billingTime) - time(b.billingTime) || a.id - b.id);
			if (q.sortOrder !== 'ASC') bills.reverse();
			const embed = text(q.embed).split(',').map((e) => e.trim().toUpperCase()).filter(Boolean);
			const { page, pagination } = paginate(bills, q, 20, 1000);
			return ok({ pagination: { ...pagination, sortBy: 'BILLING_TIME', sortOrder: q.sortOrder === 'ASC' ? 'ASC' : 'DESC' }, data: page.map((t) => transactionView(state(), t, embed)), warnings: [], errors: [] });
		}),
	);
}
