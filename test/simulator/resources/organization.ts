/**
 * Organization endpoints: org details (also the credential test), org entities (zones, concepts,
 * stores, store servers, tills), configs, custom fields, statistics, top items, payment modes,
 * loyalty programs and Add Store.
 *
 * State (collections on `sim.state`, seeded on first use):
 * - `orgEntities`  keyed by entity id: `{id, type, code, name, parentId, conceptId, isActive, …}`;
 *   the till `store.server` is the till of the default Basic credential (and of OAuth clients).
 * - `customFields` keyed by name, `orgConfigs` keyed by config key, `programs` keyed by programId.
 */
import type { Json, JsonObject, Router, SimRequest } from '../http';
import { bodyObject, intParam, itemStatus, nowV11, ok, v11Error, v11Ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';
import { ORG_ID } from '../state';

export const ENTITY_TYPES = ['ZONE', 'CONCEPT', 'STORE', 'STR_SERVER', 'TILL'];

/** The till every Basic/OAuth request of the default credentials is attributed to. */
export const DEFAULT_TILL_CODE = 'store.server';

const SEED_ENTITIES: JsonObject[] = [
	{ id: 50000001, type: 'ZONE', code: 'zone.south', name: 'South Zone', parentId: null },
	{ id: 50000002, type: 'CONCEPT', code: 'supermarket', name: 'Supermarket', parentId: null },
	{ id: 50000010, type: 'STORE', code: 'store.bangalore', name: 'Bangalore Store', parentId: 50000001, conceptId: 50000002, externalId: 'BLR-01', customFields: { cashiername: 'John039' } },
	{ id: 50000011, type: 'STORE', code: 'store.mumbai', name: 'Mumbai Store', parentId: 50000001, conceptId: 50000002, externalId: 'MUM-01' },
	{ id: 50000020, type: 'STR_SERVER', code: 'str.bangalore.server', name: 'Bangalore Store Server', parentId: 50000010 },
	{ id: 50006799, type: 'TILL', code: DEFAULT_TILL_CODE, name: 'Store Server Till', parentId: 50000010 },
	{ id: 50006800, type: 'TILL', code: 'mp.1', name: 'mobilepush', parentId: 50000011 },
	{ id: 50006801, type: 'TILL', code: 'till.closed', name: 'Closed Till', parentId: 50000011, isActive: false },
];

const SEED_CUSTOM_FIELDS: JsonObject[] = [
	{ name: 'gender', label: 'Gender', type: 'select', dataType: 'String', scope: 'loyalty_registration', options: '{"Male":"Male","Female":"Female"}', isCompulsory: 0 },
	{ name: 'anniversary', label: 'Anniversary', type: 'datepicker', dataType: 'String', scope: 'loyalty_registration' },
	{ name: 'bankdetails', label: 'Bank Details', type: 'text', dataType: 'String', scope: 'loyalty_transaction' },
	{ name: 'reason', label: 'Redemption Reason', type: 'text', dataType: 'String', scope: 'points_redemption' },
	{ name: 'cashiername', label: 'Cashier Name', type: 'text', dataType: 'String', scope: 'store_custom_fields' },
	{ name: 'old_survey', label: 'Old Survey', type: 'text', dataType: 'String', scope: 'customer_feedback', isDisabled: 1 },
	{ name: 'pos_only', label: 'POS Only', type: 'text', dataType: 'Boolean', scope: 'loyalty_transaction', disableAtServer: 1 },
];

const SEED_CONFIGS: Array<[string, string, string]> = [
	['CONF_USERS_IS_EMAIL_REQUIRED', '0', 'LOYALTY'],
	['CONF_USERS_IS_EMAIL_UNIQUE', '0', 'LOYALTY'],
	['CONF_LOYALTY_IS_BILL_NUMBER_REQUIRED', '1', 'LOYALTY'],
	['CONF_LOYALTY_IS_BILL_NUMBER_UNIQUE', '1', 'LOYALTY'],
	['CONF_MAX_CARDS_PER_ORG', '3', 'LOYALTY'],
	['IS_DIRECT_REPLAY_ENABLED', '0', 'INTEGRATION'],
];

const TENDERS: JsonObject[] = [
	{ name: 'CA', canonical_name: 'CASH', description: 'payment via cash' },
	{ name: 'Card', canonical_name: 'CARD', description: 'payment via card, it can be debit/credit card', attributes: { attribute: [{ name: 'card_type', value: 'CREDIT,DEBIT' }, { name: 'card_issuer', value: 'VISA,MASTERCARD' }] } },
	{ name: 'Check', canonical_name: 'CHECK', description: 'payment via cheque', attributes: { attribute: [{ name: 'bank_name', value: '' }] } },
	{ name: 'GIFT', canonical_name: 'POINTS', description: 'payment via points' },
	{ name: 'COD', canonical_name: 'CASH_ON_DELIVERY', description: 'Cash on delivery' },
	{ name: 'Credit', canonical_name: 'CREDIT', description: 'no payment, purchase is on credit' },
];

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

export function orgEntities(state: SimState): Map<string, JsonObject> {
	const map = state.collection('orgEntities');
	if (map.size === 0) {
		for (const seed of SEED_ENTITIES) {
			map.set(String(seed.id), {
				description: '',
				isActive: true,
				adminType: 'GENERAL',
				externalId: '',
				conceptId: null,
				timeZoneId: 191,
				currencyId: 216,
				languageId: 1,
				email: '',
				mobile: '',
				landline: '',
				address: '',
				latitude: '',
				longitude: '',
				customFields: {},
				lastUpdatedOn: '2026-01-01 10:00:00',
				...seed,
			});
		}
	}
	return map;
}

export function entityByCode(state: SimState, type: string, code: string): JsonObject | undefined {
	for (const e of orgEntities(state).values()) if (e.type === type && String(e.code).toLowerCase() === code.toLowerCase()) return e;
	return undefined;
}

/** The till a request is attributed to: the Basic username, or the default till for OAuth clients. */
export function callingTill(state: SimState, req: SimRequest): JsonObject {
	const code = req.auth?.kind === 'basic' && req.auth.username ? req.auth.username : DEFAULT_TILL_CODE;
	return entityByCode(state, 'TILL', code) ?? entityByCode(state, 'TILL', DEFAULT_TILL_CODE)!;
}

export function customFields(state: SimState): Map<string, JsonObject> {
	const map = state.collection('customFields');
	if (map.size === 0) {
		for (const f of SEED_CUSTOM_FIELDS) {
			map.set(String(f.name), { defaultValue: '', phase: '1', position: 0, rule: '', regex: '', error: '', options: '', isDisabled: 0, isCompulsory: 0, disableAtServer: 0, isUpdatable: 1, ...f });
		}
	}
	return map;
}

export function orgConfigs(state: SimState): Map<string, JsonObject> {
	const map = state.collection('orgConfigs');
	if (map.size === 0) {
		for (const [key, value, modules] of SEED_CONFIGS) map.set(key, { key, value, scopes: 'ORG', value_type: 'NUMERIC', modules, entity_id: String(ORG_ID) });
	}
	return map;
}

export function programs(state: SimState): Map<string, JsonObject> {
	const map = state.collection('programs');
	if (map.size === 0) {
		map.set('1', {
			programId: 1,
			programName: 'Default Program',
			pointsToCurrencyRatio: 1,
			programDescription: 'Default loyalty program of the demo org',
			partnerPrograms: [
				{
					partnerProgramId: 5,
					partnerProgramName: 'SkyMiles',
					partnerProgramDescription: 'Airline partner program',
					partnerProgramTiers: [
						{ tierNumber: 1, tierName: 'Silver' },
						{ tierNumber: 2, tierName: 'Gold' },
					],
					pointsExchangeRate: 1.0,
					partnerProgramType: 'EXTERNAL',
					membershipPeriodValue: 0,
					tierBased: true,
				},
				{
					partnerProgramId: 49,
					partnerProgramName: 'DemoSupplementaryProgram',
					partnerProgramDescription: 'Paid membership',
					pointsExchangeRate: 1.0,
					partnerProgramType: 'SUPPLEMENTARY',
					membershipPeriodType: 'DAYS',
					membershipPeriodValue: 365,
					tierBased: false,
				},
			],
		});
		map.set('2', {
			programId: 2,
			programName: 'Fleet Program',
			pointsToCurrencyRatio: 0.5,
			programDescription: 'Program for company (fleet) members',
			partnerPrograms: [],
		});
	}
	return map;
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

function tillView(e: JsonObject, withWarnings = true): JsonObject {
	return {
		id: e.id,
		code: e.code,
		description: e.description,
		name: e.name,
		type: e.type,
		adminType: e.adminType,
		isActive: e.isActive,
		isOuEnabled: false,
		timeZoneId: e.timeZoneId,
		currencyId: e.currencyId,
		languageId: e.languageId,
		...(withWarnings ? { warnings: [] } : {}),
	};
}

function v11EntityView(state: SimState, e: JsonObject, query: Record<string, string>): JsonObject {
	const basic = query.details === 'basic';
	const parent = e.parentId ? orgEntities(state).get(String(e.parentId)) : undefined;
	const view: JsonObject = {
		item_status: itemStatus(true, 3200, 'Entity search successful'),
		id: String(e.id),
		is_active: e.isActive ? '1' : '0',
		code: e.code,
		name: e.name,
		description: e.description,
		last_updated_by: '15000449',
		last_updated_on: e.lastUpdatedOn,
		custom_fields: { field: Object.entries((e.customFields as JsonObject) ?? {}).map(([name, value]) => ({ name, value })) },
	};
	if (!basic) {
		Object.assign(view, {
			language_translations: { field: [] },
			time_zone_id: String(e.timeZoneId),
			currency_id: String(e.currencyId),
			language_id: String(e.languageId),
			...(query.exclude_locale === '1' ? {} : { timezones: { base_timezone: { label: 'Asia/Kolkata', offset: '+05:30' } } }),
			currencies: { base_currency: { symbol: '₹', label: 'INR' } },
			language_code: 'en',
			language_locale: 'IN',
			languages: { base_language: { lang: 'en', locale: 'IN' } },
		});
	}
	const includeParent = query.include_parent === 'true' && (e.type === 'ZONE' || e.type === 'CONCEPT' || e.type === 'STORE' || e.type === 'TILL');
	view.parent = includeParent && parent ? { id: String(parent.id), code: parent.code, name: parent.name, type: parent.type } : {};
	Object.assign(view, {
		external_id: e.externalId,
		external_id_1: '',
		external_id_2: '',
		mobile: e.mobile,
		channel: 'instore',
		land_line: e.landline,
		email: e.email,
		address: e.address,
		location: { latitude: e.latitude, longitude: e.longitude },
		type: e.type,
	});
	return view;
}

function v2CustomField(f: JsonObject): JsonObject {
	const { name, type, dataType, label, scope, defaultValue, phase, position, rule, regex, error, options, isDisabled, isCompulsory, disableAtServer, isUpdatable } = f;
	return { name, type, dataType, label, scope, defaultValue, phase, position, rule, regex, error, options, isDisabled, isCompulsory, disableAtServer, isUpdatable };
}

function v11CustomField(f: JsonObject): JsonObject {
	return {
		name: f.name,
		label: f.label,
		type: f.type,
		datatype: f.dataType,
		default: f.defaultValue,
		phase: String(f.phase),
		position: String(f.position),
		rule: f.rule,
		regex: f.regex,
		error: f.error,
		options: f.options,
		scope: f.scope,
		is_mandatory: String(f.isCompulsory),
		is_disabled: String(f.isDisabled),
	};
}

/** v1.1 lists become a bare object when they hold one entity (as Capillary's XML-to-JSON does). */
function v11List(list: JsonObject[]): Json {
	return list.length === 1 ? list[0] : list;
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

function childrenOf(state: SimState, query: Record<string, string>): { ids?: Set<number>; error?: string } {
	const type = String(query.parent_identifier_type ?? '').toUpperCase();
	const value = String(query.parent_identifier_value ?? '');
	if (!type) return {};
	const entities = [...orgEntities(state).values()];
	const parentType = type.startsWith('CONCEPT') ? 'CONCEPT' : 'STORE';
	const parent = entities.find((e) => {
		if (e.type !== parentType) return false;
		if (type.endsWith('_CODE')) return String(e.code).toLowerCase() === value.toLowerCase();
		if (type.endsWith('_ID')) return String(e.id) === value;
		if (type === 'STORE_EXTERNAL_ID') return String(e.externalId) === value;
		return false;
	});
	if (!parent) return { error: `Parent entity ${type}=${value} not found` };
	const ids = new Set<number>();
	for (const e of entities) if (e.parentId === parent.id || e.conceptId === parent.id) ids.add(Number(e.id));
	return { ids };
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	// ----- v2 ----------------------------------------------------------------------------------

	router.get('/v2/organization/customFields', (req) => {
		const scope = req.query.scope;
		const includeDisabled = req.query.includeDisabled === 'true';
		const includeDisabledAtServer = req.query.includeDisabledAtServer === 'true';
		const list = [...customFields(state()).values()].filter(
			(f) => (!scope || f.scope === scope) && (includeDisabled || !f.isDisabled) && (includeDisabledAtServer || !f.disableAtServer),
		);
		return ok({ data: list.map(v2CustomField), warnings: [], errors: [] });
	});

	router.get('/v2/organization/configkeyvalue', (req) => {
		const name = req.query.name;
		if (!name) return v2Error(400, 400, 'Invalid input : name is mandatory.');
		const config = orgConfigs(state()).get(name);
		if (!config) return v2Error(404, 3209, `No configuration found for the organization with name ${name}`);
		return ok({ id: 0, entityId: 0, keyName: config.key, value: config.value, warnings: [] });
	});

	router.get('/v2/organization/till', (req) => {
		const code = req.query.code;
		if (!code) return v2Error(400, 8096, 'Invalid Till code');
		const till = entityByCode(state(), 'TILL', code);
		if (!till) return v2Error(400, 8098, 'Invalid Till');
		return ok(tillView(till));
	});

	router.get('/v2/organization/till/:tillId', (req) => {
		const till = orgEntities(state()).get(req.params.tillId);
		if (!till || till.type !== 'TILL') return v2Error(400, 8098, 'Invalid Till');
		return ok(tillView(till));
	});

	router.get('/v2/organization/activeTill', () => {
		const tills = [...orgEntities(state()).values()].filter((e) => e.type === 'TILL' && e.isActive === true);
		return ok({ data: tills.map((t) => tillView(t, false)), warnings: [], errors: [] });
	});

	router.get('/v2/organization/programs', () => ok({ data: [...programs(state()).values()], warnings: [], errors: [] }));

	router.post('/v2/orgEntity/store', (req) => {
		const body = bodyObject(req);
		for (const key of ['code', 'name']) {
			if (body[key] === undefined || String(body[key]).trim() === '') return v2Error(400, 400, `Invalid input : ${key} is mandatory.`);
		}
		if (body.type !== undefined && String(body.type).toUpperCase() !== 'STORE') return v2Error(400, 400, `Invalid input : type ${String(body.type)}; pass STORE.`);
		const adminType = String(body.adminType ?? 'GENERAL').toUpperCase();
		if (!['GENERAL', 'ADMIN'].includes(adminType)) return v2Error(400, 400, `Invalid input : adminType ${String(body.adminType)}.`);
		const code = String(body.code);
		if (!/^[A-Za-z0-9._-]+$/.test(code)) return v2Error(400, 400, 'Invalid input : code must be alphanumeric.');
		if (entityByCode(state(), 'STORE', code)) return v2Error(409, 409, `Store with code ${code} already exists.`);
		let parentId: number | null = null;
		if (body.parentZoneId !== undefined && body.parentZoneId !== '' && body.parentZoneId !== null) {
			const zone = orgEntities(state()).get(String(body.parentZoneId));
			if (!zone || zone.type !== 'ZONE') return v2Error(400, 400, `Invalid input : parentZoneId ${String(body.parentZoneId)} is not a zone of the org.`);
			parentId = Number(zone.id);
		}
		const externalIds = Array.isArray(body.externalIds) ? body.externalIds.map(String) : [];
		const id = state().nextEntityId++;
		orgEntities(state()).set(String(id), {
			id,
			type: 'STORE',
			code,
			name: String(body.name),
			description: String(body.description ?? ''),
			parentId,
			conceptId: null,
			isActive: body.isActive === undefined ? true : body.isActive === true || body.isActive === 'true',
			adminType,
			externalId: externalIds[0] ?? '',
			timeZoneId: Number(body.timeZoneId ?? 191) || 191,
			currencyId: Number(body.currencyId ?? 216) || 216,
			languageId: Number(body.languageId ?? 1) || 1,
			email: String(body.email ?? ''),
			mobile: String(body.mobile ?? ''),
			landline: String(body.landline ?? ''),
			address: String(body.address ?? ''),
			latitude: String(body.latitude ?? ''),
			longitude: String(body.longitude ?? ''),
			customFields: {},
			lastUpdatedOn: nowV11(),
		});
		return ok({ createdId: id, warnings: [] });
	});

	// ----- v1.1 --------------------------------------------------------------------------------

	router.get('/v1.1/organization/get', () =>
		v11Ok(
			{
				organization: {
					id: String(ORG_ID),
					name: 'Capillary Simulator Demo Org',
					address: '20th Main, 1st phase, BTM Layout',
					language: 'English',
					currency: 'Indian Rupee',
					timezone: 'Asia/Kolkata',
					timezone_offset: 'UTC+05:30',
					min_sms_hour: '0',
					max_sms_hour: '24',
					logo: '',
					website: 'http://www.example.com',
					country: 'India',
					country_code: 'IN',
					state: 'Karnataka',
					city: 'Bangalore',
					locality: 'Silk Board',
					pincode: '560076',
				},
			},
			'SUCCESS',
		),
	);

	router.get('/v1.1/organization/entities', (req) => {
		const type = String(req.query.type ?? '').toUpperCase();
		if (!ENTITY_TYPES.includes(type)) return v11Error(3201, `Operation failed: invalid entity type '${req.query.type ?? ''}'; pass STORE, STR_SERVER, TILL, ZONE or CONCEPT`);
		const children = childrenOf(state(), req.query);
		if (children.error) return v11Error(3202, `Entities not found: ${children.error}`);
		const ids = req.query.id ? new Set(String(req.query.id).split(',').map((s) => Number(s.trim()))) : undefined;
		const startId = intParam(req.query.start_id, 0, 0);
		const since = req.query.modified_since;
		const limit = intParam(req.query.limit, 500, 1, 1000);
		const matching = [...orgEntities(state()).values()]
			.filter((e) => e.type === type)
			.filter((e) => !ids || ids.has(Number(e.id)))
			.filter((e) => !children.ids || children.ids.has(Number(e.id)))
			.filter((e) => req.query.active_only !== 'true' || e.isActive === true)
			.filter((e) => Number(e.id) > startId)
			.filter((e) => !since || String(e.lastUpdatedOn).slice(0, 10) >= since)
			.sort((a, b) => Number(a.id) - Number(b.id));
		if (ids && matching.length === 0) return v11Error(3202, 'Entities not found');
		const page = matching.slice(0, limit);
		const response = v11Ok({ organization: { entities: { entity: page.map((e) => v11EntityView(state(), e, req.query)) } } }, 'SUCCESS');
		const body = response.body as { response: JsonObject };
		body.response = { pagination: { limit: String(limit), offset: '0', total: matching.length }, ...body.response };
		return response;
	});

	router.get('/v1.1/organization/configs', () =>
		v11Ok({ organization: { configs: { config: [...orgConfigs(state()).values()] } } }, 'SUCCESS'),
	);

	router.get('/v1.1/organization/statistics', () => {
		const s = state();
		const bills = [...s.transactions.values()].filter((t) => t.type.toUpperCase() === 'REGULAR');
		const skus = new Set(bills.flatMap((t) => t.lineItems.map((l) => String(l.itemCode ?? ''))).filter((c) => c));
		const avg = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
		return v11Ok(
			{
				organization: {
					statistics: {
						avg_basket: String(avg(bills.map((t) => t.lineItems.length))),
						avg_transaction_value: String(avg(bills.map((t) => t.amount))),
						customers: String([...s.customers.values()].filter((c) => c.loyaltyType === 'loyalty').length),
						stores: String([...orgEntities(s).values()].filter((e) => e.type === 'STORE').length),
						products: String(skus.size),
					},
				},
			},
			'SUCCESS',
		);
	});

	router.get('/v1.1/organization/topitems', () => {
		const totals = new Map<string, { qty: number; rate: number; description: string }>();
		for (const t of sim.state.transactions.values()) {
			if (t.type.toUpperCase() !== 'REGULAR') continue;
			for (const line of t.lineItems) {
				const sku = String(line.itemCode ?? '');
				if (!sku) continue;
				const entry = totals.get(sku) ?? { qty: 0, rate: Number(line.rate ?? line.amount ?? 0), description: String(line.description ?? sku) };
				entry.qty += Number(line.qty ?? 1);
				totals.set(sku, entry);
			}
		}
		const items = [...totals.entries()]
			.sort((a, b) => b[1].qty - a[1].qty || a[0].localeCompare(b[0]))
			.slice(0, 10)
			.map(([sku, v]) => ({ sku, price: String(v.rate), img_url: '', in_stock: 'true', description: v.description, attributes: { attribute: [] } }));
		return v11Ok({ organization: { item: items } }, 'SUCCESS');
	});

	router.get('/v1.1/organization/customfields', (req) => {
		const scope = req.query.scope ?? req.query.Scope;
		const list = [...customFields(state()).values()].filter((f) => !f.disableAtServer && (!scope || f.scope === scope));
		if (list.length === 0) return v11Error(scope ? 3204 : 3203, scope ? 'Custom field(s) not found for this scope' : 'Custom field(s) not found');
		return v11Ok({ organization: { custom_fields: { field: v11List(list.map(v11CustomField)) } } }, 'SUCCESS');
	});

	router.get('/v1.1/organization/tenders', (req) => {
		const withAttributes = req.query.attribute === 'true';
		const attributeName = req.query.attribute_name;
		const list = TENDERS.filter((t) => !attributeName || ((t.attributes as { attribute?: JsonObject[] } | undefined)?.attribute ?? []).some((a) => a.name === attributeName)).map((t) => {
			const copy = { ...t };
			if (!withAttributes && !attributeName) delete copy.attributes;
			return copy;
		});
		return v11Ok({ organization: { tenders: { count: String(list.length), tender: list } } }, 'SUCCESS');
	});
}

/** Used by other groups' handlers that need an org entity's code, e.g. leads created at a store. */
export function parentStoreOf(state: SimState, till: JsonObject): JsonObject | undefined {
	const parent = till.parentId ? orgEntities(state).get(String(till.parentId)) : undefined;
	return parent?.type === 'STORE' ? parent : undefined;
}

