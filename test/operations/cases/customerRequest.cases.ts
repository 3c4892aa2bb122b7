import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { nowIso } from '../../simulator/http';
import { addGroup, addRequest, addRetroRequest, byTomLookup, TOM, tom, tomQuery } from './customer.fixtures';

/** Customer Request: goodwill and retro requests. */
export const cases: OperationCase[] = [
	{
		resource: 'customerRequest',
		operation: 'getRetroRequests',
		setup: (sim) => {
			addRequest(sim, { id: 7062100, type: 'TRANSACTION_UPDATE', baseType: 'RETRO', status: 'APPROVED', transactionId: '5001' });
			addRequest(sim, { id: 7062101, type: 'CHANGE_IDENTIFIER', baseType: 'MOBILE', newValue: '919777777777', oldValue: TOM });
			addRequest(sim, { id: 7062102, type: 'TRANSACTION_UPDATE', baseType: 'RETRO', customerId: 1002 });
		},
		parameters: { customerId: '1001', options: { changeType: 'RETRO', startDate: '2026-01-01' } },
		request: { method: 'GET', path: '/v2/customers/1001/retroRequest', query: { changeType: 'RETRO', startDate: '2026-01-01', limit: '50', offset: '0' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ requestId: 7062100, baseType: 'RETRO', status: 'APPROVED', transactionId: '5001', userId: 1001 })]),
	},
	{
		resource: 'customerRequest',
		operation: 'getGoodwillRequests',
		setup: (sim) => {
			addRequest(sim, { id: 7062200, type: 'GOODWILL', baseType: 'POINTS', status: 'APPROVED', points: 450, approvedValue: '450', reason: 'Late delivery', approvalType: 'CLIENT' });
			addRequest(sim, { id: 7062201, type: 'GOODWILL', baseType: 'POINTS', status: 'PENDING', points: 10, approvalType: 'CONFIG_DISABLED' });
		},
		parameters: { customerId: '1001', options: { autoApprove: true } },
		request: { method: 'GET', path: '/v2/customers/1001/goodwillRequest', query: { autoApprove: 'true' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ requestId: 7062200, goodwillType: 'POINTS', goodwillStatus: 'APPROVED', approvedValue: '450', reason: 'Late delivery' })]),
	},
	{
		resource: 'customerRequest',
		operation: 'requestGroupGoodwill',
		setup: addGroup,
		parameters: {
			groupIdentifierType: 'id',
			groupIdentifierValue: '77',
			points: 100,
			reason: 'POINTS_ISSUE',
			additionalFields: { goodwillComments: 'Loyal family', programId: 1, source: 'INSTORE' },
		},
		request: {
			method: 'POST',
			path: '/v2/requests',
			body: {
				type: 'GOODWILL',
				baseType: 'POINTS',
				goodwillRequest: { points: 100, reason: 'POINTS_ISSUE', comments: 'Loyal family' },
				earningEntityType: 'USERGROUP2',
				userGroup2IdentificationInfo: { identifierType: 'id', identifierValue: 77, source: 'INSTORE' },
				programId: 1,
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			expect(sim.state.requests.get(Number(items[0].createdId))).toMatchObject({ type: 'GOODWILL', baseType: 'POINTS', status: 'PENDING', userGroupId: 77, points: 100, customerId: null });
		},
	},
	{
		resource: 'customerRequest',
		operation: 'getGroupGoodwillRequests',
		setup: (sim) => {
			addGroup(sim);
			addRequest(sim, { id: 7062300, type: 'GOODWILL', baseType: 'POINTS', customerId: null, earningEntityType: 'USERGROUP2', userGroupId: 77, points: 100 });
			addRequest(sim, { id: 7062301, type: 'GOODWILL', baseType: 'COUPON', customerId: null });
			addRequest(sim, { id: 7062302, type: 'GOODWILL', baseType: 'POINTS', status: 'APPROVED' });
		},
		parameters: { requestType: 'GOODWILL', requestSubType: 'POINTS', options: { status: 'PENDING' } },
		request: { method: 'GET', path: '/v2/requests', query: { requestType: 'GOODWILL', requestSubType: 'POINTS', status: 'PENDING', limit: '50', offset: '0' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 7062300, type: 'GOODWILL', baseType: 'POINTS', status: 'PENDING' })]),
	},
	{
		resource: 'customerRequest',
		operation: 'getRetroRequestsByIdentifier',
		setup: (sim) => {
			addRetroRequest(sim, 11, 'APPROVED', 5);
			addRetroRequest(sim, 12, 'PENDING', 3);
			addRetroRequest(sim, 13, 'REJECTED', 1);
			sim.state.requests.set(14, { id: 14, type: 'CHANGE_IDENTIFIER', baseType: 'MOBILE', status: 'PENDING', customerId: tom(sim).id, createdOn: nowIso(), updatedOn: nowIso() });
		},
		parameters: { ...byTomLookup, limit: 2, options: { sortOrder: 'DESC' } },
		request: { method: 'GET', path: '/v2/customers/lookup/retroRequest', query: { ...tomQuery, sortOrder: 'DESC', limit: '2', offset: '0' } },
		output: (items) => {
			expect(items.map((r) => r.id)).toEqual([13, 12]);
			expect(items[0]).toMatchObject({ baseType: 'RETRO', status: 'REJECTED', transactionId: 5013 });
		},
	},
	{
		resource: 'customerRequest',
		operation: 'getRetroRequestsByIdentifier',
		title: 'return all, several pages',
		setup: (sim) => {
			for (let i = 1; i <= 105; i++) addRetroRequest(sim, 100 + i, 'APPROVED', 1);
		},
		parameters: { ...byTomLookup, returnAll: true },
		request: [
			{ method: 'GET', path: '/v2/customers/lookup/retroRequest', query: { limit: '100', offset: '0' } },
			{ method: 'GET', path: '/v2/customers/lookup/retroRequest', query: { limit: '100', offset: '100' } },
		],
		output: (items) => {
			expect(items).toHaveLength(105);
			expect(new Set(items.map((r) => r.id)).size).toBe(105);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerRequest',
		operation: 'requestGroupGoodwill',
		title: 'unknown user group (93026)',
		parameters: { groupIdentifierType: 'id', groupIdentifierValue: '404', points: 10, reason: 'POINTS_ISSUE' },
		message: /93026.*Invalid Group Details/,
	},
];

export default { cases, errors } satisfies CaseFile;
