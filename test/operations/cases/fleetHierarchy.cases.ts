import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { JsonObject } from '../../simulator/http';
import { createHierarchy, hierarchies } from '../../simulator/resources/fleetHierarchy';
import type { Simulator } from '../../simulator/server';

/** Fleet hierarchies (docs: _groupLoyalty.md). */

const ROLES: JsonObject[] = [
	{ code: 'GFA', childRoleCode: 'SFA', maxChild: 5000, permissions: [{ permissionCode: 'block_points_redemption', permissionValue: true }] },
	{ code: 'SFA', childRoleCode: 'FA', maxChild: 5000 },
	{ code: 'FA', childRoleCode: 'FC', maxChild: 5000, pointsAggregationRole: true },
	{ code: 'FC' },
];

/** Creates the docs' sunrise-h4 hierarchy (ID 41, the first of the simulator). */
function seed(sim: Simulator): number {
	const created = createHierarchy(sim, { code: 'sunrise-h4', name: 'sunrise-h4', roles: ROLES, autoGroupCreationEnabled: true });
	if ('error' in created) throw new Error(JSON.stringify(created.error.body));
	return created.id;
}

export const cases: OperationCase[] = [
	{
		resource: 'fleetHierarchy',
		operation: 'create',
		parameters: {
			bodyInput: 'fields',
			code: 'Partner1',
			roles: {
				role: [
					{ code: 'GFA', childRoleCode: 'SFA', maxChild: 5000, allowed: 'block_points_redemption', denied: 'earn_points' },
					{ code: 'SFA', childRoleCode: 'FA', maxChild: 5000 },
					{ code: 'FA', childRoleCode: 'FC', maxChild: 5000, pointsAggregationRole: true, allowed: 'block_points_redemption, earn_points' },
					{ code: 'FC', denied: 'earn_points' },
				],
			},
			additionalFields: { name: 'partner1-h1', description: 'Sample description', autoGroupCreationEnabled: true, hierarchyCreationStrict: true, skipRoleAllowed: false },
		},
		request: {
			method: 'POST',
			path: '/v2/fleetHierarchy',
			body: {
				code: 'Partner1',
				name: 'partner1-h1',
				description: 'Sample description',
				roles: [
					{ code: 'GFA', childRoleCode: 'SFA', maxChild: 5000, permissions: [{ permissionCode: 'block_points_redemption', permissionValue: true }, { permissionCode: 'earn_points', permissionValue: false }] },
					{ code: 'SFA', childRoleCode: 'FA', maxChild: 5000 },
					{ code: 'FA', childRoleCode: 'FC', maxChild: 5000, pointsAggregationRole: true, permissions: [{ permissionCode: 'block_points_redemption', permissionValue: true }, { permissionCode: 'earn_points', permissionValue: true }] },
					{ code: 'FC', permissions: [{ permissionCode: 'earn_points', permissionValue: false }] },
				],
				autoGroupCreationEnabled: true,
				hierarchyCreationStrict: true,
				skipRoleAllowed: false,
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([{ hierarchyId: expect.any(Number) }]);
			const stored = hierarchies(sim).get(String(items[0].hierarchyId))!;
			expect(stored).toMatchObject({ code: 'Partner1', name: 'partner1-h1', active: true, autoGroupCreationEnabled: true });
			expect((stored.roles as JsonObject[]).map((r) => r.code)).toEqual(['GFA', 'SFA', 'FA', 'FC']);
		},
	},
	{
		resource: 'fleetHierarchy',
		operation: 'update',
		setup: (sim) => [{ id: seed(sim) }],
		parameters: {
			hierarchyId: '={{ $json.id }}',
			bodyInput: 'json',
			bodyJson: JSON.stringify({ code: 'sunrise-h4', name: 'renamed', roles: ROLES.slice(0, 2).map((r, i) => (i === 1 ? { code: 'SFA' } : r)) }),
		},
		request: { method: 'PUT', path: '/v2/fleetHierarchy', query: { id: '41' }, body: { code: 'sunrise-h4', name: 'renamed' } },
		output: (items, sim) => {
			expect(items).toEqual([{ hierarchyId: 41 }]);
			expect(hierarchies(sim).get('41')).toMatchObject({ name: 'renamed' });
			expect(hierarchies(sim).get('41')!.roles).toHaveLength(2);
		},
	},
	{
		resource: 'fleetHierarchy',
		operation: 'get',
		setup: (sim) => void seed(sim),
		parameters: { findBy: 'code', hierarchyRef: 'sunrise-h4' },
		request: { method: 'GET', path: '/v2/fleetHierarchy', query: { code: 'sunrise-h4' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ id: 41, code: 'sunrise-h4', active: true, autoGroupCreationEnabled: true })]);
			expect(items[0].roles).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'FA', pointsAggregationRole: true, hierarchyId: 41 })]));
		},
	},
	{
		resource: 'fleetHierarchy',
		operation: 'delete',
		setup: (sim) => void seed(sim),
		parameters: { hierarchyId: '41' },
		request: { method: 'DELETE', path: '/v2/fleetHierarchy', query: { id: '41' } },
		output: (items, sim) => {
			expect(items).toEqual([{ hierarchyId: 41 }]);
			expect(hierarchies(sim).get('41')!.active).toBe(false);
		},
	},
	{
		resource: 'fleetHierarchy',
		operation: 'getMany',
		setup: (sim) => void seed(sim),
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/fleetHierarchy/all' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 41, code: 'sunrise-h4' })]),
	},
	{
		resource: 'fleetHierarchy',
		operation: 'getPermissions',
		parameters: { returnAll: false, limit: 2 },
		request: { method: 'GET', path: '/v2/fleet/permissions' },
		output: (items) => expect(items).toEqual([
			expect.objectContaining({ name: 'block_points_redemption', label: 'Block Point Redemption', module: 'Loyalty' }),
			expect.objectContaining({ name: 'block_points_transfer' }),
		]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'fleetHierarchy',
		operation: 'create',
		title: 'one role only (v2 errors[] 1601)',
		parameters: { bodyInput: 'fields', code: 'tiny', roles: { role: [{ code: 'GFA' }] } },
		message: /1601/,
	},
	{
		resource: 'fleetHierarchy',
		operation: 'get',
		title: 'unknown hierarchy (v2 errors[] 1609)',
		parameters: { findBy: 'id', hierarchyRef: '999' },
		message: /1609/,
	},
];

export default { cases, errors } satisfies CaseFile;
