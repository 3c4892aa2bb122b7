/**
 * Company endpoints (group loyalty): create, update, get, deactivate, list and extended-field
 * search. Companies live in `sim.state.collection('companies')` keyed by companyId; the fleet
 * hierarchies they must follow in `collection('fleetHierarchies')` keyed by code.
 */
import type { Json, JsonObject, Router, SimRequest } from '../http';
import { bodyObject, intParam, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';

export const DEMO_HIERARCHIES = ['code-association2', 'code-tst1111'];

export function hierarchies(state: SimState): Map<string, JsonObject> {
	const map = state.collection('fleetHierarchies');
	if (map.size === 0) {
		for (const code of DEMO_HIERARCHIES) map.set(code, { code, name: code, isActive: true });
	}
	return map;
}

export function companies(state: SimState): Map<string, JsonObject> {
	return state.collection('companies');
}

function byExternalId(state: SimState, externalId: string): JsonObject | undefined {
	for (const c of companies(state).values()) if (String(c.externalId) === externalId) return c;
	return undefined;
}

function parentView(state: SimState, company: JsonObject): JsonObject | undefined {
	if (company.parentCompanyId === null || company.parentCompanyId === undefined) return undefined;
	const parent = companies(state).get(String(company.parentCompanyId));
	return parent ? { externalId: parent.externalId, companyId: parent.companyId, name: parent.name } : undefined;
}

export function companyView(state: SimState, company: JsonObject, withWarnings = true): JsonObject {
	const parent = parentView(state, company);
	return {
		externalId: company.externalId,
		companyId: company.companyId,
		name: company.name,
		hierarchyDefinitionCode: company.hierarchyDefinitionCode,
		...(parent ? { parentCompany: parent } : {}),
		isActive: company.isActive,
		extendedFields: company.extendedFields,
		...(withWarnings ? { warnings: [] } : {}),
	};
}

/** `?id=` or `?externalId=`, as the GET/PUT endpoints take them. */
function selected(state: SimState, req: SimRequest) {
	const { id, externalId } = req.query;
	if (!id && !externalId) return { error: v2Error(400, 1708, 'Fleet company identifiers ID/externalID should pass.') };
	const company = id ? companies(state).get(String(Number(id))) : byExternalId(state, externalId);
	if (!company) return { error: v2Error(404, 1704, `Company does not exist with given ID/externalID ${id ?? externalId}.`) };
	return { company };
}

function stringMap(value: unknown): Record<string, Json> {
	const out: Record<string, Json> = {};
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = v === null || v === undefined ? '' : String(v);
	}
	return out;
}

function sorted(list: JsonObject[], query: Record<string, string>): JsonObject[] {
	const desc = String(query.sortOrder ?? 'DESC').toUpperCase() !== 'ASC';
	return [...list].sort((a, b) => (String(a.createdOn) < String(b.createdOn) ? -1 : String(a.createdOn) > String(b.createdOn) ? 1 : Number(a.companyId) - Number(b.companyId)) * (desc ? -1 : 1));
}

function page(list: JsonObject[], query: Record<string, string>) {
	const limit = intParam(query.limit, 10, 1, 1000);
	const offset = intParam(query.offset, 0, 0);
	return { items: list.slice(offset, offset + limit), limit, offset };
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v2/companies', (req) => {
		const body = bodyObject(req);
		for (const key of ['name', 'externalId', 'hierarchyDefinitionCode']) {
			if (body[key] === undefined || String(body[key]).trim() === '') return v2Error(400, 400, `Invalid input : ${key} is mandatory.`);
		}
		const code = String(body.hierarchyDefinitionCode);
		if (!hierarchies(state()).has(code)) return v2Error(400, 1701, `Fleet hierarchy code ${code} does not exist.`);
		const externalId = String(body.externalId);
		if (byExternalId(state(), externalId)) return v2Error(400, 1702, `Company externalID ${externalId} already exists.`);
		let parentCompanyId: number | null = null;
		const parent = (body.parentCompany ?? {}) as JsonObject;
		if (parent.externalId !== undefined || parent.companyId !== undefined) {
			const found = parent.externalId !== undefined ? byExternalId(state(), String(parent.externalId)) : companies(state()).get(String(parent.companyId));
			if (!found) return v2Error(400, 1703, `Parent company externalID ${String(parent.externalId ?? parent.companyId)} does not exist.`);
			if (found.isActive !== true) return v2Error(400, 1705, 'Fleet company is inactive.');
			parentCompanyId = Number(found.companyId);
		}
		const companyId = state().nextEntityId++;
		const company: JsonObject = {
			companyId,
			externalId,
			name: String(body.name),
			hierarchyDefinitionCode: code,
			parentCompanyId,
			isActive: true,
			extendedFields: stringMap(body.extendedFields),
			createdOn: nowIso(),
		};
		companies(state()).set(String(companyId), company);
		const view = companyView(state(), company);
		delete view.isActive;
		return ok(view);
	});

	router.put('/v2/companies', (req) => {
		const found = selected(state(), req);
		if (found.error) return found.error;
		const company = found.company;
		if (company.isActive !== true) return v2Error(400, 1705, 'Fleet company is inactive.');
		const body = bodyObject(req);
		if (body.hierarchyDefinitionCode !== undefined && body.hierarchyDefinitionCode !== company.hierarchyDefinitionCode) {
			return v2Error(400, 1711, 'Fleet hierarchy update is not allowed.');
		}
		const changes = ['name', 'externalId', 'extendedFields'].filter((k) => body[k] !== undefined);
		if (changes.length === 0) return v2Error(400, 1643, 'Nothing to update in the fleet group.');
		if (body.externalId !== undefined && String(body.externalId) !== company.externalId) {
			if (byExternalId(state(), String(body.externalId))) return v2Error(400, 1702, `Company externalID ${String(body.externalId)} already exists.`);
			company.externalId = String(body.externalId);
		}
		if (body.name !== undefined) company.name = String(body.name);
		if (body.extendedFields !== undefined) company.extendedFields = { ...(company.extendedFields as JsonObject), ...stringMap(body.extendedFields) };
		return ok(companyView(state(), company));
	});

	router.get('/v2/companies', (req) => {
		const found = selected(state(), req);
		if (found.error) return found.error;
		return ok(companyView(state(), found.company));
	});

	router.delete('/v2/companies', (req) => {
		const externalId = req.query.externalId;
		if (!externalId) return v2Error(400, 1708, 'Fleet company identifiers ID/externalID should pass.');
		const company = byExternalId(state(), externalId);
		if (!company) return v2Error(404, 1704, `Company does not exist with given ID/externalID ${externalId}.`);
		// The company and every company below it go inactive; their customers stay active.
		const deactivate = (id: number) => {
			const c = companies(state()).get(String(id));
			if (!c) return;
			c.isActive = false;
			for (const child of companies(state()).values()) if (child.parentCompanyId === id && child.isActive === true) deactivate(Number(child.companyId));
		};
		deactivate(Number(company.companyId));
		return ok(companyView(state(), company));
	});

	router.get('/v2/companies/all', (req) => {
		const status = String(req.query.status ?? 'ACTIVE').toUpperCase();
		if (!['ACTIVE', 'INACTIVE'].includes(status)) return v2Error(400, 400, `Invalid input : status ${req.query.status}.`);
		const list = sorted([...companies(state()).values()].filter((c) => (c.isActive === true) === (status === 'ACTIVE')), req.query);
		const { items, limit, offset } = page(list, req.query);
		return ok({
			pagination: { limit, offset, sortBy: req.query.sortBy ?? 'createdDate', sortOrder: String(req.query.sortOrder ?? 'DESC').toUpperCase(), total: list.length },
			data: items.map((c) => companyView(state(), c, false)),
			warnings: [],
			errors: [],
		});
	});

	router.get('/v2/companies/extendedFieldSearch', (req) => {
		const field = req.query.extendedFieldName;
		const q = String(req.query.q ?? '');
		if (!field) return v2Error(400, 400, 'Invalid input : extendedFieldName is mandatory.');
		if (q.trim().length < 3) return v2Error(400, 400, 'Invalid input : q should have at least 3 characters.');
		const needle = q.toLowerCase();
		const list = sorted(
			[...companies(state()).values()].filter((c) => {
				const value = (c.extendedFields as JsonObject | undefined)?.[field];
				return c.isActive === true && typeof value === 'string' && value.toLowerCase().startsWith(needle);
			}),
			req.query,
		);
		const { items, limit, offset } = page(list, req.query);
		return ok({
			pagination: { limit, offset, total: list.length },
			data: items.map((c) => ({
				entityId: c.companyId,
				matchedExtendedField: { fieldName: field, fieldValue: (c.extendedFields as JsonObject)[field] },
				externalId: c.externalId,
				name: c.name,
			})),
			warnings: [],
			errors: [],
		});
	});
}
