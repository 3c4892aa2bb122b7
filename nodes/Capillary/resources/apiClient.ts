import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, options, toBody } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

/**
 * API (OAuth) client accounts of the org: the key/secret pairs integrations trade for tokens, with
 * their scopes, default till and token lifetime. Docs: _integrations.md.
 */

interface ScopeRow {
	entityId?: number | string;
	permission?: string;
	resources?: string;
}

/** Builds `scopes: [{entityId, permission, resources: [...]}]` from the Scopes list. */
async function scopesToBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const rows = ((this.getNodeParameter('scopes', {}) as IDataObject).scope ?? []) as ScopeRow[];
	const scopes = rows.map((row) => ({
		entityId: Number(row.entityId),
		permission: row.permission ?? 'READ',
		resources: String(row.resources ?? '')
			.split(',')
			.map((r) => r.trim())
			.filter((r) => r !== ''),
	}));
	request.body = { ...((request.body as IDataObject) ?? {}), scopes };
	return request;
}

const scopesField: INodeProperties = {
	displayName: 'Scopes',
	name: 'scopes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Scope',
	required: true,
	default: {},
	description: 'What the client may call. Get Scopes lists the scope IDs of the org.',
	options: [
		{
			displayName: 'Scope',
			name: 'scope',
			values: [
				{
					displayName: 'Permission',
					name: 'permission',
					description: 'Whether the client may read, write, or both on the resources of this scope',
					type: 'options',
					options: options([
						['Read', 'READ'],
						['Read and Write', 'READWRITE'],
						['Write', 'WRITE'],
					]),
					default: 'READ',
				},
				{
					displayName: 'Resources',
					name: 'resources',
					type: 'string',
					default: '',
					placeholder: '.*v3/targetGroups.*',
					description: 'Path patterns of the resources in the scope, separated by commas, e.g. .*v3/targetGroups.* or .*v1.1/transaction/add',
				},
				{
					displayName: 'Scope ID',
					name: 'entityId',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
					description: 'ID of the scope entity, e.g. 1 TargetGroups, 2 All, 3 Transaction (see Get Scopes)',
				},
			],
		},
	],
	routing: { send: { preSend: [scopesToBody] } },
};

const tokenLifetimeField: INodeProperties = {
	displayName: 'Token Lifetime (Seconds)',
	name: 'expirationTokenTime',
	type: 'number',
	required: true,
	typeOptions: { minValue: 1 },
	default: 600,
	description: 'How long tokens made from this client are valid; Capillary allows at most 60 minutes unless support raises it',
	routing: toBody('expirationTokenTime'),
};

const defaultTillField = locatorField({
	displayName: 'Default Till',
	name: 'defaultTillId',
	searchMethod: 'searchTills',
	placeholder: '15000449',
	description: 'Till the client acts as when a call names none',
	routing: toBody('defaultTillId', '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}'),
});

const clientKeyLocator = (description: string): INodeProperties =>
	locatorField({
		displayName: 'Client',
		name: 'clientKey',
		searchMethod: 'searchApiClients',
		placeholder: 't3OPbJA3M2dJFFDFVdESW3MHb',
		description,
	});

const nameField = (required: boolean): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required,
	default: '',
	placeholder: 'order-sync',
	description: 'Name of the API client',
	routing: toBody('name'),
});

const descriptionField = (required: boolean): INodeProperties => ({
	displayName: 'Description',
	name: 'description',
	type: 'string',
	required,
	default: '',
	description: 'Short description of the API client',
	routing: toBody('description'),
});

const SCOPES_JSON =
	'The client as Capillary takes it: {"name": …, "description": …, "expirationTokenTime": 600, "defaultTillId": 15000449, "scopes": [{"entityId": 1, "permission": "READWRITE", "resources": [".*v3/targetGroups.*"]}]}';

export const apiClient = defineResource({
	value: 'apiClient',
	name: 'API Client',
	description: 'OAuth client accounts (key and secret) of the org, their scopes and token lifetime',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create an API client',
			description: 'Creates a client account; the answer carries its key and secret',
			method: 'POST',
			path: '/v3/integrations/clients',
			fields: bodyInput([nameField(true), descriptionField(true), tokenLifetimeField, defaultTillField, scopesField], SCOPES_JSON),
			hint: 'The output holds the new client secret. Capillary shows it only here: put it in an n8n credential and keep it out of logs and later nodes.',
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the API clients of the org',
			method: 'GET',
			path: '/v3/integrations/clients',
			pagination: { style: 'none' },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get an API client',
			method: 'GET',
			path: '/v3/integrations/clients/{clientKey}',
			fields: [clientKeyLocator('The client (its key)')],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update an API client',
			description: 'Changes name, description, token lifetime, default till and scopes; key and secret stay the same',
			method: 'PUT',
			path: '/v3/integrations/clients/{clientKey}',
			fields: [
				clientKeyLocator('The client to update (its key)'),
				...bodyInput([tokenLifetimeField, defaultTillField, scopesField, additionalFields([nameField(false), descriptionField(false)])], SCOPES_JSON),
			],
			hint: 'Capillary requires token lifetime, default till and scopes on every update: the scopes sent replace the current ones.',
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete an API client',
			description: 'Deletes the client; tokens can no longer be made from it',
			method: 'DELETE',
			path: '/v3/integrations/clients/{clientKey}',
			fields: [clientKeyLocator('The client to delete (its key)')],
		},
		{
			value: 'getScopes',
			name: 'Get Scopes',
			action: 'Get the scopes API clients can have',
			description: 'Lists the scope entities (with the IDs the Scopes of a client take)',
			method: 'GET',
			path: '/v3/integrations/scopes',
			pagination: { style: 'none' },
		},
	],
});
