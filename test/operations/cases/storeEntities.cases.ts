import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { orgEntities } from '../../simulator/resources/organization';

/** Store → the v2 store-entity operations (nodes/Capillary/resources/store/entities.ts). */

const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const byList = (value: string) => ({ __rl: true, mode: 'list', value });

export const cases: OperationCase[] = [
	{
		resource: 'store',
		operation: 'getTillByCode',
		parameters: { tillCode: { __rl: true, mode: 'list', value: 'mp.1' } },
		request: { method: 'GET', path: '/v2/organization/till', query: { code: 'mp.1' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 50006800, code: 'mp.1', name: 'mobilepush', type: 'TILL', isActive: true })]),
	},
	{
		resource: 'store',
		operation: 'getTill',
		auth: 'oauth',
		parameters: { tillId: id('50006801') },
		request: { method: 'GET', path: '/v2/organization/till/50006801' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 50006801, code: 'till.closed', isActive: false })]),
	},
	{
		resource: 'store',
		operation: 'getActiveTills',
		setup: (sim) => void (orgEntities(sim.state).get('50006800')!.isActive = false),
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/organization/activeTill' },
		output: (items) => expect(items.map((t) => t.code)).toEqual(['store.server']),
	},
	{
		resource: 'store',
		operation: 'create',
		parameters: {
			code: 'store.indiranagar',
			name: 'Indiranagar Store',
			parentZoneId: { __rl: true, mode: 'list', value: '50000001' },
			additionalFields: { adminType: 'GENERAL', isActive: true, externalIds: 'Ex-9399, Ex-9400', email: 'indiranagar@example.com', timeZoneId: 191 },
		},
		request: {
			method: 'POST',
			path: '/v2/orgEntity/store',
			body: { code: 'store.indiranagar', name: 'Indiranagar Store', parentZoneId: 50000001, adminType: 'GENERAL', isActive: true, externalIds: ['Ex-9399', 'Ex-9400'], email: 'indiranagar@example.com', timeZoneId: 191 },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			expect(orgEntities(sim.state).get(String(items[0].createdId))).toMatchObject({ type: 'STORE', code: 'store.indiranagar', parentId: 50000001, externalId: 'Ex-9399' });
		},
	},
	{
		resource: 'store',
		operation: 'create',
		title: 'no parent zone: nothing sent for it',
		parameters: { code: 'popup1', name: 'Pop-up Store' },
		request: { method: 'POST', path: '/v2/orgEntity/store', body: { code: 'popup1', name: 'Pop-up Store' } },
		output: (items, sim, requests) => {
			expect(requests[0].body).not.toHaveProperty('parentZoneId');
			expect(orgEntities(sim.state).get(String(items[0].createdId))).toMatchObject({ code: 'popup1', parentId: null });
		},
	},
	{
		resource: 'store',
		operation: 'createAssociate',
		parameters: { code: '01099-james', name: 'William James', storeId: byList('50000010'), isActive: true },
		request: { method: 'POST', path: '/v2/orgEntity/associate', body: { code: '01099-james', name: 'William James', storeId: 50000010, isActive: true } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			expect(orgEntities(sim.state).get(String(items[0].createdId))).toMatchObject({ type: 'ASSOCIATE', code: '01099-james', parentId: 50000010 });
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'store',
		operation: 'getTillByCode',
		title: 'unknown till (v2 errors[] 8098)',
		parameters: { tillCode: id('no.such.till') },
		message: /8098.*Invalid Till/,
	},
];

export default { cases, errors } satisfies CaseFile;
