import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { JsonObject } from '../../simulator/http';
import { apiClients } from '../../simulator/resources/apiClient';
import type { Simulator } from '../../simulator/server';

/** API client accounts (docs: _integrations.md). */

const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const KEY = 't3OPbJA3M2dJFFDFVdESW3MHb';

function seedClient(sim: Simulator): void {
	apiClients(sim).set(KEY, {
		id: 865,
		attribution: { createdOn: '2020-04-13T11:31:32.000+0530', lastUpdatedOn: '2020-04-14T11:44:30.000+0530', createdBy: { id: 1, type: 'ADMIN_USER' }, lastUpdatedBy: { id: 1, type: 'ADMIN_USER' } },
		name: 'democlient',
		clientKey: KEY,
		clientSecret: 'seeded-secret-not-for-output',
		isValid: true,
		description: 'sample description',
		expirationTokenTime: 30,
		defaultTillId: 50014941,
		scopes: [{ permission: 'WRITE', entityId: 1 }],
	});
}

export const cases: OperationCase[] = [
	{
		resource: 'apiClient',
		operation: 'create',
		parameters: {
			bodyInput: 'fields',
			name: 'NewName3',
			description: 'Sample description',
			expirationTokenTime: 600,
			defaultTillId: byList('15000449'),
			scopes: { scope: [{ entityId: 1, permission: 'READWRITE', resources: '.*v3/targetGroups.*' }, { entityId: 2, permission: 'WRITE', resources: '' }] },
		},
		request: {
			method: 'POST',
			path: '/v3/integrations/clients',
			body: {
				name: 'NewName3',
				description: 'Sample description',
				expirationTokenTime: 600,
				defaultTillId: 15000449,
				scopes: [
					{ entityId: 1, permission: 'READWRITE', resources: ['.*v3/targetGroups.*'] },
					{ entityId: 2, permission: 'WRITE', resources: [] },
				],
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ name: 'NewName3', isValid: true, clientKey: expect.any(String), clientSecret: expect.any(String), scopes: [{ permission: 'READWRITE', entityId: 1 }, { permission: 'WRITE', entityId: 2 }] })]);
			// The new key and secret mint tokens.
			expect(sim.auth.config.clients.get(String(items[0].clientKey))).toBe(items[0].clientSecret);
		},
	},
	{
		resource: 'apiClient',
		operation: 'getMany',
		setup: seedClient,
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v3/integrations/clients' },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ id: 865, name: 'democlient', clientKey: KEY, expirationTokenTime: 30 })]);
			expect(items[0]).not.toHaveProperty('clientSecret');
		},
	},
	{
		resource: 'apiClient',
		operation: 'get',
		setup: seedClient,
		parameters: { clientKey: byList(KEY) },
		request: { method: 'GET', path: `/v3/integrations/clients/${KEY}` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ clientKey: KEY, scopes: [{ permission: 'WRITE', entityId: 1 }] })]),
	},
	{
		resource: 'apiClient',
		operation: 'update',
		setup: seedClient,
		parameters: {
			clientKey: byId(KEY),
			bodyInput: 'json',
			bodyJson: JSON.stringify({ name: 'NewName2', expirationTokenTime: 600, defaultTillId: 15000449, scopes: [{ entityId: 3, permission: 'READ', resources: ['.*v1.1/transaction/add'] }] }),
		},
		request: { method: 'PUT', path: `/v3/integrations/clients/${KEY}`, body: { name: 'NewName2', expirationTokenTime: 600, defaultTillId: 15000449 } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ name: 'NewName2', clientKey: KEY, expirationTokenTime: 600, scopes: [{ permission: 'READ', entityId: 3 }] })]);
			expect(items[0]).not.toHaveProperty('clientSecret');
			expect(apiClients(sim).get(KEY)).toMatchObject({ defaultTillId: 15000449, description: 'sample description' });
		},
	},
	{
		resource: 'apiClient',
		operation: 'update',
		title: 'fields, name in additional fields',
		setup: seedClient,
		parameters: {
			clientKey: byList(KEY),
			bodyInput: 'fields',
			expirationTokenTime: 900,
			defaultTillId: byId('50014941'),
			scopes: { scope: [{ entityId: 2, permission: 'READ', resources: '' }] },
			additionalFields: { name: 'renamed' },
		},
		request: { method: 'PUT', path: `/v3/integrations/clients/${KEY}`, body: { name: 'renamed', expirationTokenTime: 900, defaultTillId: 50014941, scopes: [{ entityId: 2, permission: 'READ', resources: [] }] } },
		output: (items) => expect(items[0]).toMatchObject({ name: 'renamed', expirationTokenTime: 900 }),
	},
	{
		resource: 'apiClient',
		operation: 'delete',
		setup: (sim) => {
			seedClient(sim);
			sim.auth.config.clients.set(KEY, 'seeded-secret-not-for-output');
		},
		parameters: { clientKey: byList(KEY) },
		request: { method: 'DELETE', path: `/v3/integrations/clients/${KEY}` },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ clientKey: KEY, isValid: false })]);
			expect(sim.auth.config.clients.has(KEY)).toBe(false);
			expect((apiClients(sim).get(KEY) as JsonObject).isValid).toBe(false);
		},
	},
	{
		resource: 'apiClient',
		operation: 'getScopes',
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v3/integrations/scopes' },
		output: (items) => expect(items).toEqual([{ id: 1, entity: 'TargetGroups' }, { id: 2, entity: 'All' }, { id: 3, entity: 'Transaction' }]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'apiClient',
		operation: 'get',
		title: 'unknown client key (v3 errors[] 404)',
		parameters: { clientKey: byId('nope') },
		message: /404.*not found/,
	},
	{
		resource: 'apiClient',
		operation: 'create',
		title: 'unknown scope ID (v3 errors[] 400)',
		parameters: { bodyInput: 'fields', name: 'x', description: 'y', expirationTokenTime: 60, defaultTillId: byId('1'), scopes: { scope: [{ entityId: 9, permission: 'READ', resources: '' }] } },
		message: /Invalid scope entityId 9/,
	},
];

export default { cases, errors } satisfies CaseFile;
