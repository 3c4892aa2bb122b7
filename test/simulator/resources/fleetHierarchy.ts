/**
 * Fleet hierarchies (docs: _groupLoyalty.md "Create Fleet Hierarchy" … "Get Fleet Permissions").
 * Hierarchies live in `fleetHierarchies` by ID. Replies follow the docs: `{entity: <id>}` for
 * create/update/delete, the hierarchy with `warnings` for get, `{entity: [...]}` for the list and
 * `{data: [...]}` for the permissions.
 *
 * Where the docs disagree on the ID (query `id` in the URI and parameter tables, a path segment in
 * the update/delete sample URLs), both forms are accepted. Inactive (deleted) hierarchies cannot
 * be read, as the docs say.
 */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';

const ADMIN = 15071481;

export const FLEET_PERMISSIONS: JsonObject[] = [
	{ name: 'block_points_redemption', label: 'Block Point Redemption', module: 'Loyalty', defaultValue: true, active: true },
	{ name: 'block_points_transfer', label: 'Block Points Transfer', module: 'Loyalty', defaultValue: true, active: true },
	{ name: 'earn_points', label: 'Earn Points', module: 'Loyalty', defaultValue: true, active: true },
	{ name: 'burn_points', label: 'Burn Points', module: 'Loyalty', defaultValue: true, active: true },
	{ name: 'allow_points_redemption', label: 'Allow Point Redemption', module: 'Loyalty', defaultValue: true, active: true },
	{ name: 'allow_points_transfer', label: 'Allow Points Transfer', module: 'Loyalty', defaultValue: true, active: true },
];

export function hierarchies(sim: Simulator): Map<string, JsonObject> {
	return sim.state.collection('fleetHierarchies');
}

/** Validates the roles of a hierarchy body; returns the normalised roles or an error reply. */
function checkRoles(raw: unknown, hierarchyId: number): { roles: JsonObject[] } | { error: SimReply } {
	if (!Array.isArray(raw) || raw.length < 2) return { error: v2Error(400, 1601, 'Fleet minimum number of roles 2 not met.') };
	if (raw.length > 8) return { error: v2Error(400, 1602, 'Fleet maximum number of roles 8 exceeded.') };
	const codes = new Set<string>();
	const roles: JsonObject[] = [];
	for (const entry of raw) {
		const role = (entry ?? {}) as JsonObject;
		const code = String(role.code ?? '').trim();
		if (!code) return { error: v2Error(400, 1603, 'Fleet role code cannot be empty or null.') };
		if (codes.has(code)) return { error: v2Error(400, 1606, 'Duplicate fleet role codes passed in the payload.') };
		codes.add(code);
		if (role.maxChild !== undefined && (!Number.isInteger(Number(role.maxChild)) || Number(role.maxChild) < 0)) {
			return { error: v2Error(400, 1604, 'Fleet max child per role cannot be negative.') };
		}
		if (Number(role.maxChild ?? 0) > 30000) return { error: v2Error(400, 1605, `Max limit of 30000 on total number of child per role exceeded for ${code}.Contact support team to increase the limit.`) };
		const permissions = Array.isArray(role.permissions) ? (role.permissions as JsonObject[]) : [];
		for (const p of permissions) {
			if (!FLEET_PERMISSIONS.some((known) => known.name === p.permissionCode)) return { error: v2Error(400, 1630, 'Fleet role permission code not exist.') };
			if (typeof p.permissionValue !== 'boolean') return { error: v2Error(400, 1629, 'Fleet role permission code cannot be null or empty.') };
		}
		roles.push({
			code,
			...(role.childRoleCode ? { childRoleCode: String(role.childRoleCode) } : {}),
			...(role.maxChild !== undefined ? { maxChild: Number(role.maxChild) } : {}),
			hierarchyId,
			createdBy: ADMIN,
			createdOn: nowIso(),
			permissions: permissions.map((p) => ({ permissionCode: p.permissionCode, permissionValue: p.permissionValue })),
			pointsAggregationRole: role.pointsAggregationRole === true,
		});
	}
	for (const role of roles) {
		if (role.childRoleCode !== undefined && !codes.has(String(role.childRoleCode))) return { error: v2Error(400, 1607, `Invalid child role code passed ${String(role.childRoleCode)}.`) };
	}
	return { roles };
}

const FLAGS = ['autoGroupCreationEnabled', 'hierarchyCreationStrict', 'skipRoleAllowed', 'default'];

function applyBody(target: JsonObject, body: JsonObject, roles: JsonObject[]): SimReply | undefined {
	if (body.autoGroupCreationEnabled === true && !roles.some((r) => r.pointsAggregationRole === true)) {
		return v2Error(400, 1614, 'Any one role needs to be marked as aggregation level for auto group creation to be enabled.');
	}
	for (const key of ['name', 'description']) if (body[key] !== undefined) target[key] = String(body[key]);
	for (const key of FLAGS) if (body[key] !== undefined) target[key] = body[key] === true;
	target.roles = roles as Json;
	return undefined;
}

function findHierarchy(sim: Simulator, req: SimRequest, pathId?: string): JsonObject | undefined {
	const id = (pathId ?? req.query.id ?? '').trim();
	if (id) return hierarchies(sim).get(id);
	const code = (req.query.code ?? String(bodyObject(req).code ?? '')).trim().toLowerCase();
	return code ? [...hierarchies(sim).values()].find((h) => String(h.code).toLowerCase() === code) : undefined;
}

/** Creates a hierarchy as POST v2/fleetHierarchy does (tests seed with it): its ID or the error reply. */
export function createHierarchy(sim: Simulator, body: JsonObject): { id: number } | { error: SimReply } {
	const code = String(body.code ?? '').trim();
	if (!code) return { error: v2Error(400, 1613, 'Fleet hierarchy code cannot be null or empty.') };
	if ([...hierarchies(sim).values()].some((h) => String(h.code).toLowerCase() === code.toLowerCase())) return { error: v2Error(400, 1600, `Fleet code ${code} exists.`) };
	const id = 40 + hierarchies(sim).size + 1;
	const checked = checkRoles(body.roles, id);
	if ('error' in checked) return checked;
	const hierarchy: JsonObject = { createdOn: nowIso(), code, name: code, description: '', createdBy: ADMIN, id, hierarchyCreationStrict: true, active: true, autoGroupCreationEnabled: false, skipRoleAllowed: false };
	const problem = applyBody(hierarchy, body, checked.roles);
	if (problem) return { error: problem };
	hierarchies(sim).set(String(id), hierarchy);
	return { id };
}

export function register(router: Router, sim: Simulator): void {
	router.post('/v2/fleetHierarchy', (req) => {
		const created = createHierarchy(sim, bodyObject(req));
		return 'error' in created ? created.error : ok({ entity: created.id, warnings: [] });
	});

	const update = (req: SimRequest, pathId?: string) => {
		const hierarchy = findHierarchy(sim, req, pathId);
		if (!hierarchy) return v2Error(400, 1609, 'Fleet hierarchy ID/code is invalid.');
		if (hierarchy.active !== true) return v2Error(400, 1610, 'Fleet hierarchy is not active.');
		const body = bodyObject(req);
		if (!String(body.code ?? '').trim()) return v2Error(400, 1613, 'Fleet hierarchy code cannot be null or empty.');
		const checked = checkRoles(body.roles, Number(hierarchy.id));
		if ('error' in checked) return checked.error;
		const problem = applyBody(hierarchy, body, checked.roles);
		if (problem) return problem;
		hierarchy.code = String(body.code).trim();
		return ok({ entity: hierarchy.id, warnings: [] });
	};
	router.put('/v2/fleetHierarchy', (req) => update(req));
	router.put('/v2/fleetHierarchy/:id', (req) => update(req, req.params.id));

	router.get('/v2/fleetHierarchy', (req) => {
		if (!req.query.id && !req.query.code) return v2Error(400, 403, 'Field id or code is mandatory.');
		const hierarchy = findHierarchy(sim, req);
		if (!hierarchy) return v2Error(400, 1609, 'Fleet hierarchy ID/code is invalid.');
		if (hierarchy.active !== true) return v2Error(400, 1610, 'Fleet hierarchy is not active.');
		return ok({ ...hierarchy, warnings: [] });
	});

	const remove = (req: SimRequest, pathId?: string) => {
		const id = (pathId ?? req.query.id ?? '').trim();
		if (!id) return v2Error(400, 403, 'Field id is mandatory.');
		const hierarchy = hierarchies(sim).get(id);
		if (!hierarchy) return v2Error(400, 1609, 'Fleet hierarchy ID/code is invalid.');
		if (hierarchy.active !== true) return v2Error(400, 1610, 'Fleet hierarchy is not active.');
		hierarchy.active = false;
		return ok({ entity: hierarchy.id, warnings: [] });
	};
	router.delete('/v2/fleetHierarchy', (req) => remove(req));
	router.delete('/v2/fleetHierarchy/:id', (req) => remove(req, req.params.id));

	router.get('/v2/fleetHierarchy/all', () => ok({ entity: [...hierarchies(sim).values()].filter((h) => h.active === true), warnings: [] }));

	router.get('/v2/fleet/permissions', () => ok({ data: FLEET_PERMISSIONS, warnings: [], errors: [] }));
}
