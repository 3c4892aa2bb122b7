/**
 * Card series and card status labels (docs: _cardLoyalty.md). Series share the `cardSeries`
 * collection of ./card.ts (the list GET v2/card/series/get/all lives there); labels live in
 * `cardStatusLabels` (by label, upper case), seeded with the org defaults. Org configs are the
 * `orgConfigs` collection that POST v2/organization/configs (./card.ts) writes.
 */
import type { Json, JsonObject, Router } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';
import { ORG_ID } from '../state';
import { cardSeries } from './card';

const STATUSES = ['NOT_ISSUED', 'ISSUED', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'DELETED'];
const TYPES = ['PHYSICAL', 'DIGITAL'];
const TRIGGERS = ['REGISTRATION', 'SERIES_ID', 'OU_ID'];
const ADMIN = 50006796;

const ENTITY_STATUS_ID: Record<string, number> = { NOT_ISSUED: 1, ACTIVE: 2, EXPIRED: 3, SUSPENDED: 4, ISSUED: 5, DELETED: 11 };

/** Card status labels of the org: the defaults (one per status) plus those set through labelMapping. */
export function cardStatusLabels(state: SimState): Map<string, JsonObject> {
	const labels = state.collection('cardStatusLabels');
	if (labels.size === 0) {
		for (const status of STATUSES) {
			labels.set(status, {
				createdOn: '2020-11-27',
				description: 'default',
				entityStatusId: ENTITY_STATUS_ID[status],
				id: 14 + labels.size,
				isActive: true,
				label: status,
				orgId: ORG_ID,
				updatedOn: '2020-11-27',
				status,
				type: 'CARD',
				actions: {},
				default: true,
			});
		}
	}
	return labels;
}

const isInt = (value: unknown) => value !== '' && value !== null && value !== undefined && Number.isInteger(Number(value));

/** Validates the body of create/update; `partial` allows leaving out what update does not need. */
function checkSeries(body: JsonObject, partial: boolean): [number, string] | undefined {
	const missing = (name: string) => body[name] === undefined || body[name] === null || String(body[name]).trim() === '';
	if (!partial && missing('code')) return [3001, 'Series code empty.'];
	if (missing('type')) return [3003, 'Series type is empty.'];
	if (!partial && missing('name')) return [403, 'Field name is mandatory.'];
	if (!partial && missing('expiryDays')) return [3033, 'Card expiry days not passed.'];
	if (!missing('code') && !/^[A-Za-z0-9]{1,50}$/.test(String(body.code))) return [3032, `${String(body.code)} is not alphanumeric.`];
	if (!TYPES.includes(String(body.type))) return [3020, 'DIGITAL & PHYSICAL are the only possible card types.'];
	if (!missing('expiryDays') && !isInt(body.expiryDays)) return [3000, 'Invalid card series.'];
	if (!missing('expiryDays') && Number(body.expiryDays) < 0) return [3019, 'Card expiry days should not be negative.'];
	if (body.trigger !== undefined && !TRIGGERS.includes(String(body.trigger))) return [701, 'Invalid configurations set'];
	if (body.trigger === 'OU_ID' && missing('conceptCode')) return [3032, 'Org unit passed is not valid.'];
	const config = body.cardGenerationConfiguration as JsonObject | undefined;
	if (config && config.method !== undefined && config.method !== 'DEFAULT') return [701, 'Invalid configurations set'];
	if (config && config.length !== undefined && config.length !== '' && (!isInt(config.length) || Number(config.length) < 5)) return [3028, 'Card length should not be less than 5.'];
	return undefined;
}

/** Copies the settable fields (empty strings mean "leave as is", as in the docs' deactivation sample). */
function applySeries(series: JsonObject, body: JsonObject): void {
	for (const key of ['code', 'name', 'description', 'type', 'expiryDays', 'cardExpiryEnabled', 'cardGenerationEnabled', 'isActive', 'trigger', 'conceptCode', 'maxActiveCardsPerCustomer']) {
		const value = body[key];
		if (value === undefined || value === '') continue;
		series[key] = ['expiryDays', 'maxActiveCardsPerCustomer'].includes(key) ? Number(value) : (value as Json);
	}
	const config = body.cardGenerationConfiguration as JsonObject | undefined;
	if (config && typeof config === 'object') {
		const current = (series.cardGenerationConfiguration ?? { seriesId: series.id, orgId: ORG_ID }) as JsonObject;
		for (const [key, value] of Object.entries(config)) if (value !== '' && value !== undefined) current[key] = key === 'length' ? Number(value) : value;
		series.cardGenerationConfiguration = { ...current, lastUpdatedBy: ADMIN };
	}
	series.lastUpdateBy = ADMIN;
	series.lastUpdatedOn = nowIso();
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v2/card/series', (req) => {
		const body = bodyObject(req);
		const problem = checkSeries(body, false);
		if (problem) return v2Error(400, ...problem);
		const all = cardSeries(state());
		if ([...all.values()].some((s) => String(s.code).toLowerCase() === String(body.code).toLowerCase())) return v2Error(400, 3002, 'Series already exists.');
		const id = Math.max(0, ...[...all.values()].map((s) => Number(s.id))) + 1;
		const series: JsonObject = { id, orgId: ORG_ID, createdBy: ADMIN, createdOn: nowIso(), orgUnitId: 0, isActive: true, cardExpiryEnabled: false, cardGenerationEnabled: false, maxActiveCardsPerCustomer: 0, trigger: 'SERIES_ID' };
		applySeries(series, body);
		all.set(String(id), series);
		return ok({ entity: id, warnings: [] });
	});

	router.put('/v2/card/series/:seriesId', (req) => {
		const series = cardSeries(state()).get(req.params.seriesId.trim());
		if (!series) return v2Error(400, 3004, 'Series does not exist.');
		const body = bodyObject(req);
		const problem = checkSeries(body, true);
		if (problem) return v2Error(400, ...problem);
		applySeries(series, body);
		return ok({
			lastUpdateBy: series.lastUpdateBy,
			cardGenerationConfiguration: series.cardGenerationConfiguration ?? {},
			cardGenerationEnabled: series.cardGenerationEnabled,
			description: series.description ?? '',
			id: series.id,
			isActive: series.isActive,
			orgId: ORG_ID,
			type: series.type,
			warnings: [],
		});
	});

	router.get('/v2/card/series/:seriesId', (req) => {
		const series = cardSeries(state()).get(req.params.seriesId.trim());
		if (!series) return v2Error(400, 3004, 'Series does not exist.');
		return ok({ ...series, warnings: [] });
	});

	router.get('/v2/genericStatus/card/labels', () => ok({ data: [...cardStatusLabels(state()).values()], warnings: [], errors: [] }));

	router.post('/v2/genericStatus/card/labelMapping', (req) => {
		const mapping = bodyObject(req).mapping as JsonObject | undefined;
		if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping) || Object.keys(mapping).length === 0) return v2Error(400, 3014, 'Status labels are empty.');
		for (const [status, entries] of Object.entries(mapping)) {
			if (!STATUSES.includes(status)) return v2Error(400, 3016, `${status} card status is not valid.`);
			if (!Array.isArray(entries) || entries.some((e) => !e || typeof e !== 'object' || !String((e as JsonObject).label ?? '').trim())) return v2Error(400, 3017, 'Status label invalid.');
			if (entries.filter((e) => (e as JsonObject).default === true).length > 1) return v2Error(400, 3035, `More than one label is set as default for ${status} status.`);
		}
		const labels = cardStatusLabels(state());
		for (const [status, entries] of Object.entries(mapping)) {
			for (const entry of entries as JsonObject[]) {
				const label = String(entry.label).trim();
				const isDefault = entry.default === true || entry.default === 'true';
				// One default label per status.
				if (isDefault) for (const other of labels.values()) if (other.status === status) other.default = false;
				labels.set(label.toUpperCase(), {
					...(labels.get(label.toUpperCase()) ?? { createdOn: nowIso().slice(0, 10), id: 14 + labels.size, isActive: true, orgId: ORG_ID, type: 'CARD', actions: {} }),
					entityStatusId: ENTITY_STATUS_ID[status],
					label,
					status,
					updatedOn: nowIso().slice(0, 10),
					default: isDefault,
				});
			}
		}
		const result: JsonObject = {};
		for (const status of STATUSES) {
			const entries = [...labels.values()].filter((l) => l.status === status).map((l) => ({ label: l.label, actions: {}, default: l.default }));
			if (entries.length) result[status] = entries;
		}
		return ok({ mapping: result, entityType: 'CARD', warnings: [] });
	});

	router.get('/v2/organization/configs/:configName', (req) => {
		const name = req.params.configName.trim();
		const config = state().collection('orgConfigs').get(name);
		if (!config) return v2Error(404, 404, `Config ${name} not found`);
		return ok({ entityId: ORG_ID, keyName: name, value: config.value, scope: config.scope ?? 'ORG', warnings: [] });
	});
}
