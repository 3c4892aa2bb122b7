import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { companies } from '../../simulator/resources/company';

function addCompany(sim: Simulator, externalId: string, name: string, extendedFields: Record<string, string> = {}, parentCompanyId: number | null = null, createdOn = '2026-01-01T10:00:00+05:30') {
	const companyId = sim.state.nextEntityId++;
	companies(sim.state).set(String(companyId), { companyId, externalId, name, hierarchyDefinitionCode: 'code-association2', parentCompanyId, isActive: true, extendedFields, createdOn });
	return companyId;
}

function byExternalId(sim: Simulator, externalId: string) {
	return [...companies(sim.state).values()].find((c) => c.externalId === externalId);
}

export const cases: OperationCase[] = [
	{
		resource: 'company',
		operation: 'create',
		setup: (sim) => void addCompany(sim, 'Purple2345', 'Purple Distributors'),
		parameters: {
			name: 'Purple Partner',
			externalId: 'ppartner435',
			hierarchyDefinitionCode: 'code-association2',
			additionalFields: {
				parentCompanyExternalId: 'Purple2345',
				extendedFields: { field: [{ name: 'owner', value: 'James' }, { name: 'company_city', value: 'Bangalore' }] },
			},
		},
		request: {
			method: 'POST',
			path: '/v2/companies',
			body: {
				name: 'Purple Partner',
				externalId: 'ppartner435',
				hierarchyDefinitionCode: 'code-association2',
				parentCompany: { externalId: 'Purple2345' },
				extendedFields: { owner: 'James', company_city: 'Bangalore' },
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ externalId: 'ppartner435', companyId: expect.any(Number), parentCompany: expect.objectContaining({ externalId: 'Purple2345' }) })]);
			expect(byExternalId(sim, 'ppartner435')).toMatchObject({ isActive: true, extendedFields: { owner: 'James' } });
		},
	},
	{
		resource: 'company',
		operation: 'update',
		auth: 'oauth',
		setup: (sim) => void addCompany(sim, 'Purple2345', 'Purple Distributors', { owner: 'Capillary', phone: '919900000000' }),
		parameters: {
			companyIdentifier: 'externalId',
			companyExternalId: { __rl: true, mode: 'list', value: 'Purple2345' },
			updateFields: { name: 'Purple US', extendedFields: { field: [{ name: 'owner', value: 'James' }] } },
		},
		request: { method: 'PUT', path: '/v2/companies', query: { externalId: 'Purple2345' }, body: { name: 'Purple US', extendedFields: { owner: 'James' } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ name: 'Purple US', isActive: true, extendedFields: { owner: 'James', phone: '919900000000' } })]);
			expect(byExternalId(sim, 'Purple2345')!.name).toBe('Purple US');
		},
	},
	{
		resource: 'company',
		operation: 'get',
		title: 'by company ID',
		setup: (sim) => [{ id: addCompany(sim, 'Purple2345', 'Purple Distributors', { owner: 'Capillary' }) }],
		parameters: { companyIdentifier: 'id', companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		request: { method: 'GET', path: '/v2/companies', query: { id: '30001' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ companyId: 30001, externalId: 'Purple2345', extendedFields: { owner: 'Capillary' } })]),
	},
	{
		resource: 'company',
		operation: 'delete',
		setup: (sim) => {
			const parent = addCompany(sim, 'Purple2345', 'Purple Distributors');
			addCompany(sim, 'ppartner435', 'Purple Partner', {}, parent);
		},
		parameters: { companyExternalId: { __rl: true, mode: 'id', value: 'Purple2345' } },
		request: { method: 'DELETE', path: '/v2/companies', query: { externalId: 'Purple2345' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ externalId: 'Purple2345', isActive: false })]);
			// Child companies go inactive with their parent.
			expect(byExternalId(sim, 'ppartner435')!.isActive).toBe(false);
		},
	},
	{
		resource: 'company',
		operation: 'getAll',
		title: 'Return All pages through limit/offset',
		setup: (sim) => {
			for (let i = 1; i <= 105; i++) addCompany(sim, `C-${i}`, `Company ${i}`, {}, null, `2026-01-01T10:00:${String(i % 60).padStart(2, '0')}+05:30`);
			addCompany(sim, 'C-old', 'Gone');
			byExternalId(sim, 'C-old')!.isActive = false;
		},
		parameters: { returnAll: true, options: { status: 'ACTIVE', sortOrder: 'ASC' } },
		request: [
			{ method: 'GET', path: '/v2/companies/all', query: { limit: '100', offset: '0', status: 'ACTIVE', sortOrder: 'ASC' } },
			{ method: 'GET', path: '/v2/companies/all', query: { limit: '100', offset: '100' } },
		],
		output: (items) => {
			expect(items).toHaveLength(105);
			expect(new Set(items.map((c) => c.externalId)).size).toBe(105);
			expect(items.some((c) => c.externalId === 'C-old')).toBe(false);
		},
	},
	{
		resource: 'company',
		operation: 'getAll',
		title: 'Limit',
		setup: (sim) => {
			for (let i = 1; i <= 5; i++) addCompany(sim, `C-${i}`, `Company ${i}`);
		},
		parameters: { returnAll: false, limit: 2 },
		request: { method: 'GET', path: '/v2/companies/all', query: { limit: '2', offset: '0' } },
		output: (items) => expect(items).toHaveLength(2),
	},
	{
		resource: 'company',
		operation: 'searchByExtendedField',
		setup: (sim) => {
			addCompany(sim, 'B-1', 'Bangalore One', { company_city: 'Bangalore' });
			addCompany(sim, 'B-2', 'Banaras Two', { company_city: 'Banaras' });
			addCompany(sim, 'D-1', 'Delhi One', { company_city: 'Delhi' });
		},
		parameters: { extendedFieldName: 'company_city', q: 'Bang', returnAll: true },
		request: { method: 'GET', path: '/v2/companies/extendedFieldSearch', query: { extendedFieldName: 'company_city', q: 'Bang', offset: '0' } },
		output: (items) =>
			expect(items).toEqual([expect.objectContaining({ externalId: 'B-1', matchedExtendedField: { fieldName: 'company_city', fieldValue: 'Bangalore' } })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'company',
		operation: 'create',
		title: 'unknown hierarchy (v2 errors[] 1701)',
		parameters: { name: 'X', externalId: 'X-1', hierarchyDefinitionCode: 'no-such-code' },
		message: /1701.*hierarchy code no-such-code does not exist/,
	},
	{
		resource: 'company',
		operation: 'get',
		title: 'unknown company (v2 errors[] 1704)',
		parameters: { companyIdentifier: 'externalId', companyExternalId: { __rl: true, mode: 'id', value: 'nope' } },
		message: /1704/,
	},
];

export default { cases, errors } satisfies CaseFile;
