/**
 * Org-level extras (docs: _organizationSource.md "Other APIs (Org Level)"): extended fields and
 * their InTouch display, currency ratios, external ID generation, the scan-event feed, org sources
 * and source configurations, store associates. Replies follow the docs' samples.
 *
 * State: `extendedFields` (by id; each with its entityType), `extendedFieldConfigs` (by id),
 * `currencyRatios` (by code), `feedEvents`, and a counter for generated external IDs.
 */
import type { Json, JsonObject, Router } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';
import { ORG_ID } from '../state';
import { entityByCode, orgEntities } from './organization';

const FIELD_BASE = { createdBy: -1, createdOn: '2017-04-14', modifiedBy: -1, modifiedOn: '2017-06-13', parentId: -1 };

/** The org's extended fields (a subset of the docs' sample), by ID. */
export function extendedFields(state: SimState): Map<string, JsonObject> {
	const fields = state.collection('extendedFields');
	if (fields.size === 0) {
		const seed: Array<[string, number, string, string, string]> = [
			['customer', 7, 'gender', 'Gender', 'STANDARD_ENUM'],
			['customer', 24, 'marital_status', 'Marital Status', 'STANDARD_ENUM'],
			['customer', 25, 'city', 'City', 'STRING'],
			['customer', 26, 'dob', 'Date of Birth', 'DATETIME'],
			['lineitem', 5, 'uuid', 'UUID', 'STRING'],
			['lineitem', 8, 'serial_number', 'Serial Number', 'STRING'],
			['transaction', 29, 'cashier_id', 'Cashier Id', 'STRING'],
			['transaction', 34, 'CentralGST', 'Central GST', 'DOUBLE'],
		];
		for (const [entityType, id, name, label, dataType] of seed) fields.set(String(id), { entityType, id, name, ...FIELD_BASE, label, dataType });
	}
	return fields;
}

/** The org sources of the docs' sample (GET v2/meta/sources). */
const SOURCES: JsonObject[] = [
	{ id: 1, name: 'Facebook', commChannels: ['email', 'mobile'] },
	{ id: 2, name: 'WEB_ENGAGE', commChannels: ['android', 'email', 'ios', 'mobile'] },
	{ id: 23, name: 'VIBER', commChannels: ['viber'] },
	{ id: 24, name: 'MPUSH_FCM', commChannels: ['android', 'ios'] },
];

const sourceConfig = (id: number, name: string, type: string, label: string, displayOrder: number): JsonObject => ({
	id,
	name,
	type,
	label,
	sourceId: 2,
	defaultValue: '',
	displayOrder,
	attribution: { createDate: '2017-03-02', modifiedDate: '2017-03-02' },
});

/** Configuration fields per source ID (the docs show those of source 2). */
const SOURCE_CONFIGS: Record<string, JsonObject[]> = {
	'2': [
		sourceConfig(11, 'licenseCode', 'string', 'License Code', 1),
		sourceConfig(12, 'accessToken', 'string', 'Access Token', 2),
		sourceConfig(13, 'android', 'bool', 'Android', 3),
		sourceConfig(14, 'ios', 'bool', 'IOS', 4),
	],
};

const SOURCE_NAMES = ['INSTORE', 'MARTJACK', 'WECHAT', 'FACEBOOK', 'WEB_ENGAGE', 'TMALL', 'TAOBAO', 'JD', 'ECOMMERCE', 'WEBSITE', 'LINE', 'MOBILE_APP', 'ALL'];

const FEED_IDENTIFIERS = ['id', 'mobile', 'email', 'externalId'];

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.get('/v2/extendedFields', () => {
		const entity: Record<string, JsonObject[]> = {};
		for (const field of extendedFields(state()).values()) {
			const { entityType, ...rest } = field;
			(entity[String(entityType)] ??= []).push(rest);
		}
		return ok({ entity, warnings: [], errors: [] });
	});

	router.post('/v2/entity/extended_field_config', (req) => {
		const body = bodyObject(req);
		if (body.extendedFieldId === undefined || body.extendedFieldId === '') return v2Error(400, 403, 'Field extendedFieldId is mandatory.');
		if (typeof body.hideDisplay !== 'boolean') return v2Error(400, 403, 'Field hideDisplay is mandatory.');
		const field = extendedFields(state()).get(String(body.extendedFieldId).trim());
		if (!field) return v2Error(400, 400, `Invalid extended field id ${String(body.extendedFieldId)}`);
		const configs = state().collection('extendedFieldConfigs');
		const now = nowIso().replace('T', ' ').slice(0, 19);
		const previous = configs.get(String(field.id));
		const config: JsonObject = {
			extendedFieldId: field.id,
			createdBy: previous?.createdBy ?? -1,
			modifiedBy: -11,
			hideDisplay: body.hideDisplay,
			position: (body.position ?? previous?.position ?? 0) as Json,
			createdOn: previous?.createdOn ?? now,
			modifiedOn: now,
			mandatory: (body.mandatory ?? previous?.mandatory ?? false) as Json,
			updatable: (body.updatable ?? previous?.updatable ?? true) as Json,
		};
		configs.set(String(field.id), config);
		return ok({ ...config, warnings: [] });
	});

	router.post('/v2/currencyratio', (req) => {
		const body = bodyObject(req);
		const code = String(body.currencyCode ?? '').trim().toUpperCase();
		if (!/^[A-Z]{3}$/.test(code)) return v2Error(400, 400, `Invalid currency code ${String(body.currencyCode ?? '')}`);
		const ratio = Number(body.ratioInr);
		if (typeof body.ratioInr !== 'number' || !Number.isFinite(ratio) || ratio <= 0) return v2Error(400, 400, 'Invalid ratioInr: pass a positive number');
		state().collection('currencyRatios').set(code, { currencyCode: code, ratioInr: ratio });
		return ok({ entity: { currencyCode: code, ratioInr: ratio }, errors: [], success: true, warnings: [] });
	});

	router.post('/v2/cardNumber', () => {
		const generated = state().collection('generatedExternalIds');
		const value = String(1000000010 + generated.size);
		generated.set(value, { value, createdOn: nowIso() });
		return ok({ entity: value, warnings: [] });
	});

	router.post('/v2/feed', (req) => {
		const source = (req.query.source ?? '').trim().toUpperCase();
		if (!source) return v2Error(400, 403, 'Field source is mandatory.');
		if (!SOURCE_NAMES.includes(source)) return v2Error(400, 400, `Invalid source ${source}`);
		const body = bodyObject(req);
		const eventName = String(body.eventName ?? '').trim();
		if (!eventName) return v2Error(400, 403, 'Field eventName is mandatory.');
		const given = (body.customer ?? {}) as JsonObject;
		const type = FEED_IDENTIFIERS.find((t) => given[t] !== undefined && String(given[t]).trim() !== '');
		if (!type) return v2Error(400, 403, 'Field customer identifier (id, mobile, email or externalId) is mandatory.');
		const customer = state().findCustomer(type === 'id' ? 'id' : type, String(given[type]), source === 'ALL' ? undefined : source);
		if (!customer) return v2Error(400, 8015, 'Customer not found for the given identifiers.');
		const events = state().collection('feedEvents');
		const code = `SIM${String(1000 + events.size)}`;
		const sideEffects: JsonObject[] =
			eventName.toUpperCase() === 'GETPROMOTION'
				? [{ id: 29800985 + events.size, couponType: 'DVS', couponCode: code, validTill: '2030-12-31T23:59:59+05:30', description: '1', discountCode: '1perc', discountValue: 1, discountType: 'PERC', type: 'coupon', trimmedCouponCode: code }]
				: [];
		const event: JsonObject = {
			orgId: ORG_ID,
			openId: String(body.openId ?? ''),
			eventTime: String(body.eventTime ?? nowIso()),
			eventName: eventName.toUpperCase(),
			scanId: String(body.scanId ?? ''),
			details: String(body.details ?? ''),
			source,
			accountId: '',
			attributes: {},
			autoUpdateTime: nowIso(),
			eventMode: 0,
			customerId: customer.id,
			sku: String(body.sku ?? ''),
			sideEffects,
		};
		events.set(String(events.size + 1), event);
		return ok({ ...event, warnings: [] });
	});

	router.post('/v2/orgEntity/associate', (req) => {
		const body = bodyObject(req);
		for (const key of ['code', 'name', 'storeId']) {
			if (body[key] === undefined || body[key] === null || String(body[key]).trim() === '') return v2Error(400, 400, `Invalid input : ${key} is mandatory.`);
		}
		const store = orgEntities(state()).get(String(body.storeId).trim());
		if (!store || store.type !== 'STORE') return v2Error(400, 400, `Invalid input : storeId ${String(body.storeId)} is not a store of the org.`);
		const code = String(body.code).trim();
		if (entityByCode(state(), 'ASSOCIATE', code)) return v2Error(409, 409, `Associate with code ${code} already exists.`);
		const id = state().nextEntityId++;
		orgEntities(state()).set(String(id), {
			id,
			type: 'ASSOCIATE',
			code,
			name: String(body.name),
			parentId: Number(store.id),
			isActive: body.isActive === undefined ? true : body.isActive === true,
			lastUpdatedOn: nowIso(),
		});
		return ok({ createdId: id, warnings: [] });
	});

	router.get('/v2/meta/sources', () => ok({ data: SOURCES, warnings: [], errors: [] }));

	router.get('/v2/org/:orgId/sources/:sourceId/configs', (req) => {
		if (req.params.orgId.trim() !== String(ORG_ID)) return v2Error(400, 1064, 'Invalid org ID passed');
		const sourceId = req.params.sourceId.trim();
		if (!SOURCES.some((s) => String(s.id) === sourceId)) return v2Error(404, 404, `Source ${sourceId} not found`);
		return ok({ data: SOURCE_CONFIGS[sourceId] ?? [], warnings: [], errors: [] });
	});
}
