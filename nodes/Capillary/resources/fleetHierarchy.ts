import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, optionalField, options, toBody, toQuery } from '../shared/fields';
import { defineResource } from '../shared/operation';

/**
 * Fleet (business) hierarchies of group loyalty: the roles of a company's users (e.g. GFA > SFA >
 * FA > FC), what each role may do, and which role owns the points group. Docs: _groupLoyalty.md.
 */

const PERMISSION_HELP = 'Permission codes separated by commas, e.g. earn_points, block_points_redemption, block_points_transfer (Get Permissions lists them)';

const codes = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((code) => code.trim())
		.filter((code) => code !== '');

interface RoleRow {
	code?: string;
	childRoleCode?: string;
	maxChild?: number;
	pointsAggregationRole?: boolean;
	allowed?: string;
	denied?: string;
}

/** Builds `roles: [{code, childRoleCode, maxChild, pointsAggregationRole, permissions: [{permissionCode, permissionValue}]}]`. */
async function rolesToBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const rows = ((this.getNodeParameter('roles', {}) as IDataObject).role ?? []) as RoleRow[];
	const roles = rows
		.filter((row) => String(row.code ?? '').trim() !== '')
		.map((row) => {
			const role: IDataObject = { code: String(row.code).trim() };
			if (row.childRoleCode && String(row.childRoleCode).trim()) role.childRoleCode = String(row.childRoleCode).trim();
			if (row.maxChild !== undefined && Number(row.maxChild) > 0) role.maxChild = Number(row.maxChild);
			if (row.pointsAggregationRole) role.pointsAggregationRole = true;
			const permissions = [
				...codes(row.allowed).map((permissionCode) => ({ permissionCode, permissionValue: true })),
				...codes(row.denied).map((permissionCode) => ({ permissionCode, permissionValue: false })),
			];
			if (permissions.length) role.permissions = permissions;
			return role;
		});
	request.body = { ...((request.body as IDataObject) ?? {}), roles };
	return request;
}

const rolesField: INodeProperties = {
	displayName: 'Roles',
	name: 'roles',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Role',
	default: {},
	description: 'Roles from the top of the hierarchy down: at least 2, at most 8',
	options: [
		{
			displayName: 'Role',
			name: 'role',
			values: [
				{ displayName: 'Allowed Permissions', name: 'allowed', type: 'string', default: '', description: `Permissions granted to users of this role. ${PERMISSION_HELP}.` },
				{ displayName: 'Child Role Code', name: 'childRoleCode', type: 'string', default: '', placeholder: 'SFA', description: 'Code of the role directly below (empty for the lowest role)' },
				{ displayName: 'Code', name: 'code', type: 'string', default: '', placeholder: 'GFA', description: 'Unique code of the role' },
				{ displayName: 'Denied Permissions', name: 'denied', type: 'string', default: '', description: `Permissions switched off for users of this role. ${PERMISSION_HELP}.` },
				{ displayName: 'Max Children', name: 'maxChild', type: 'number', typeOptions: { minValue: 0, maxValue: 30000 }, default: 0, description: 'Most users of the child role one user of this role can have (up to 30000; 0 sends nothing)' },
				{ displayName: 'Owns the Points Group', name: 'pointsAggregationRole', type: 'boolean', default: false, description: 'Whether users of this role own the points group (with Auto-Create Group on, Capillary creates it with everyone linked to them)' },
			],
		},
	],
	routing: { send: { preSend: [rolesToBody] } },
};

function hierarchyFields(codeRequired: boolean): INodeProperties[] {
	return bodyInput(
		[
			{
				displayName: 'Hierarchy Code',
				name: 'code',
				type: 'string',
				required: codeRequired,
				default: '',
				placeholder: 'partner1',
				description: 'Unique code of the hierarchy',
				routing: toBody('code'),
			},
			rolesField,
			additionalFields([
				optionalField('Name', 'name', 'string', 'Name of the hierarchy', 'body'),
				optionalField('Description', 'description', 'string', 'Short description of the hierarchy', 'body'),
				optionalField('Auto-Create Group', 'autoGroupCreationEnabled', 'boolean', 'Whether Capillary creates the points group automatically (needs a role that owns the points group)', 'body'),
				optionalField('Strict Hierarchy', 'hierarchyCreationStrict', 'boolean', 'Whether hierarchy settings always apply (off: user-level permissions and groups may override them)', 'body'),
				optionalField('Skip Roles Allowed', 'skipRoleAllowed', 'boolean', 'Whether a user may be linked to a parent more than one role up (e.g. GFA > FA)', 'body'),
				optionalField('Default Hierarchy', 'default', 'boolean', 'Whether this is the default hierarchy of the org', 'body', 'isDefault'),
			]),
		],
		'The hierarchy as Capillary takes it: {"code": "partner1", "name": …, "roles": [{"code": "GFA", "childRoleCode": "SFA", "maxChild": 5000, "permissions": [{"permissionCode": "earn_points", "permissionValue": true}]}, …], "autoGroupCreationEnabled": true}',
	);
}

const hierarchyIdField = (description: string): INodeProperties => ({
	displayName: 'Hierarchy ID',
	name: 'hierarchyId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '46',
	description,
	routing: toQuery('id'),
});

export const fleetHierarchy = defineResource({
	value: 'fleetHierarchy',
	name: 'Fleet Hierarchy',
	description: 'Business hierarchies of group loyalty: roles, their permissions and points groups',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a fleet hierarchy',
			method: 'POST',
			path: '/v2/fleetHierarchy',
			fields: hierarchyFields(true),
			output: { valueName: 'hierarchyId' },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a fleet hierarchy',
			method: 'PUT',
			path: '/v2/fleetHierarchy',
			fields: [hierarchyIdField('ID of the hierarchy to update'), ...hierarchyFields(true)],
			output: { valueName: 'hierarchyId' },
			hint: 'The docs disagree on where the ID goes (URI /v2/fleetHierarchy, sample URL /v2/fleetHierarchy/46): the node sends the documented URI with the ID as the id query parameter, like Get. Send the roles the hierarchy should keep.',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a fleet hierarchy',
			description: 'Reads an active hierarchy by ID or by code',
			method: 'GET',
			path: '/v2/fleetHierarchy',
			fields: [
				{
					displayName: 'Find By',
					name: 'findBy',
					description: 'Whether to find the hierarchy by its ID or by its code',
					type: 'options',
					options: options([
						['Hierarchy ID', 'id'],
						['Hierarchy Code', 'code'],
					]),
					default: 'id',
				},
				{
					displayName: 'Hierarchy ID or Code',
					name: 'hierarchyRef',
					description: 'ID or code of the hierarchy, as chosen in Find By',
					type: 'string',
					required: true,
					default: '',
					placeholder: '22',
					routing: toQuery('={{ $parameter.findBy }}'),
				},
			],
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a fleet hierarchy',
			method: 'DELETE',
			path: '/v2/fleetHierarchy',
			fields: [hierarchyIdField('ID of the hierarchy to delete')],
			output: { valueName: 'hierarchyId' },
			hint: 'Sends the ID as the id query parameter, as the docs\' URI (/fleetHierarchy?{id}) and parameter table say; their sample URL puts it in the path.',
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the fleet hierarchies of the org',
			method: 'GET',
			path: '/v2/fleetHierarchy/all',
			pagination: { style: 'none' },
		},
		{
			value: 'getPermissions',
			name: 'Get Permissions',
			action: 'Get the permissions fleet roles can have',
			description: 'Lists the permission codes (with label, module and default) for role permissions',
			method: 'GET',
			path: '/v2/fleet/permissions',
			pagination: { style: 'none' },
		},
	],
});
