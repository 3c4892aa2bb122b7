import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { identifiers, RITA, rita, TOM } from './customer.fixtures';

/** Customer Hierarchy: hierarchy association and members. */
export const cases: OperationCase[] = [
	{
		resource: 'customerHierarchy',
		operation: 'associate',
		parameters: {
			source: 'INSTORE',
			firstName: 'Fleet',
			lastName: 'Owner',
			identifiers: identifiers(['mobile', '919444444444']),
			association: {
				hierarchyCode: 'code-association2',
				roleCode: 'FA',
				childRoleCode: 'FC',
				fleetCompanyExternalId: 'CO-1',
				childCustomers: JSON.stringify([{ profiles: [{ firstName: 'Kid', identifiers: [{ type: 'mobile', value: '919555555555' }], source: 'INSTORE' }] }]),
			},
		},
		request: {
			method: 'POST',
			path: '/v2/customers/bulk',
			body: [
				{
					profiles: [{ firstName: 'Fleet', lastName: 'Owner', source: 'INSTORE', identifiers: [{ type: 'mobile', value: '919444444444' }] }],
					associationDetails: { hierarchyCode: 'code-association2', roleCode: 'FA', childRoleCode: 'FC', fleetCompany: { externalId: 'CO-1' }, childCustomers: [{ profiles: [{ firstName: 'Kid' }] }] },
				},
			],
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, childCount: 1, childSuccessCount: 1, entity: expect.objectContaining({ id: 1004 }) })]);
			const kid = sim.state.findCustomer('mobile', '919555555555')!;
			expect(kid.extra.association).toMatchObject({ parentId: 1004, roleCode: 'FC', fleetCompanyExternalId: 'CO-1' });
		},
	},
	{
		resource: 'customerHierarchy',
		operation: 'updateAssociation',
		auth: 'oauth',
		parameters: {
			source: 'INSTORE',
			identifiers: identifiers(['mobile', RITA]),
			association: { hierarchyCode: 'code-2', roleCode: 'FC', parentIdentifierType: 'mobile', parentIdentifierValue: TOM },
		},
		request: {
			method: 'PUT',
			path: '/v2/customers/bulk',
			query: { source: 'INSTORE' },
			body: [{ profiles: [{ identifiers: [{ type: 'mobile', value: RITA }] }], associationDetails: { hierarchyCode: 'code-2', roleCode: 'FC', parentCustomer: { profiles: [{ identifiers: [{ type: 'mobile', value: TOM }], source: 'INSTORE' }] } } }],
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: 1002, success: true, associationDetails: expect.objectContaining({ hierarchyCode: 'code-2' }) })]);
			expect(rita(sim).extra.association).toMatchObject({ parentId: 1001, hierarchyCode: 'code-2' });
		},
	},
	{
		resource: 'customerHierarchy',
		operation: 'getMembers',
		setup: (sim) => {
			rita(sim).extra.association = { hierarchyCode: 'code-2', roleCode: 'FC', parentId: 1001, fleetCompanyExternalId: '' };
		},
		parameters: { source: 'INSTORE', associationEntityType: 'parentCustomer', associationEntityIdentifierType: 'mobile', associationEntityIdentifierValue: TOM, returnAll: true, options: { sortOrder: 'ASC' } },
		request: {
			method: 'GET',
			path: '/v2/customers/bulk',
			query: { source: 'INSTORE', associationEntityType: 'parentCustomer', associationEntityIdentifierType: 'mobile', associationEntityIdentifierValue: TOM, sortOrder: 'ASC', limit: '100', offset: '0' },
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 1002, firstName: 'Rita', mobile: RITA })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerHierarchy',
		operation: 'getMembers',
		title: 'unknown parent customer (v2 errors[] 8015)',
		parameters: { source: 'INSTORE', associationEntityType: 'parentCustomer', associationEntityIdentifierType: 'mobile', associationEntityIdentifierValue: '910000000000', returnAll: true },
		message: /8015.*No customer found/,
	},
];

export default { cases, errors } satisfies CaseFile;
