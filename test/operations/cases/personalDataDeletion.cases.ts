import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { createPiiDeletion } from '../../simulator/resources/piiDeletion';
import type { SimRequestRecord } from '../../simulator/resources/request';

const TOM = '919111111111';
const RITA = '919222222222';

const tom = (sim: Simulator) => sim.state.findCustomer('mobile', TOM)!;
const record = (sim: Simulator, id: unknown) => sim.state.requests.get(Number(id)) as SimRequestRecord | undefined;

/** A deletion request raised the way POST v2/requests raises it. */
function raise(sim: Simulator, mobile = TOM): number {
	const reply = createPiiDeletion(sim, {
		type: 'CUSTOMER',
		baseType: 'DELETE',
		comments: 'APP DELETION',
		customerIdentificationInfo: { source: 'INSTORE', identifierType: 'mobile', identifierValue: mobile },
	});
	return (reply.body as { createdId: number }).createdId;
}

/** Deletion requests carry personal data: the identifier must not come back in the output. */
const noPii = (items: unknown[]) => expect(JSON.stringify(items)).not.toContain(TOM);

export const cases: OperationCase[] = [
	{
		resource: 'personalDataDeletion',
		operation: 'create',
		parameters: { identifierType: 'mobile', identifierValue: TOM, source: 'INSTORE', additionalFields: { comments: 'APP DELETION' } },
		request: {
			method: 'POST',
			path: '/v2/requests',
			body: {
				type: 'CUSTOMER',
				baseType: 'DELETE',
				comments: 'APP DELETION',
				customerIdentificationInfo: { source: 'INSTORE', identifierType: 'mobile', identifierValue: TOM },
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			expect(record(sim, items[0].createdId)).toMatchObject({ type: 'CUSTOMER', baseType: 'DELETE', status: 'PENDING', customerId: tom(sim).id });
			expect(tom(sim).status).toBe('DELETION_PENDING');
			noPii(items);
		},
	},
	{
		resource: 'personalDataDeletion',
		operation: 'updateStatus',
		title: 'reject',
		setup: (sim) => [{ id: raise(sim) }],
		parameters: { requestId: '={{ $json.id }}', status: 'REJECTED', additionalFields: { comments: 'customer withdrew' } },
		request: { method: 'PUT', path: '/v2/requests', body: [{ type: 'CUSTOMER', baseType: 'DELETE', status: 'REJECTED', comments: 'customer withdrew' }] },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ entityId: expect.any(Number), result: true })]);
			expect(record(sim, items[0].entityId)!.status).toBe('REJECTED');
			expect(tom(sim).status).toBe('ACTIVE');
			noPii(items);
		},
	},
	{
		resource: 'personalDataDeletion',
		operation: 'updateStatus',
		title: 'approve',
		auth: 'oauth',
		setup: (sim) => [{ id: raise(sim) }],
		parameters: { requestId: '={{ $json.id }}', status: 'APPROVED' },
		request: { method: 'PUT', path: '/v2/requests', body: [{ type: 'CUSTOMER', baseType: 'DELETE', status: 'APPROVED' }] },
		output: (items, sim) => {
			expect(record(sim, items[0].entityId)!.status).toBe('APPROVED');
			expect(tom(sim).status).toBe('DELETION_PENDING');
		},
	},
	{
		resource: 'personalDataDeletion',
		operation: 'get',
		setup: (sim) => [{ id: raise(sim) }],
		parameters: { requestId: '={{ $json.id }}' },
		request: { method: 'GET', path: '/v2/requests/7062001' },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: 7062001, type: 'CUSTOMER', baseType: 'DELETE', status: 'PENDING', userId: tom(sim).id })]);
			noPii(items);
		},
	},
	{
		resource: 'personalDataDeletion',
		operation: 'getMany',
		setup: (sim) => {
			raise(sim, TOM);
			const rita = raise(sim, RITA);
			record(sim, rita)!.status = 'APPROVED';
			sim.state.requests.set(sim.state.nextRequestId, {
				id: sim.state.nextRequestId++,
				type: 'TRANSACTION',
				baseType: 'REGULAR_TXN_ADD',
				status: 'PENDING',
				customerId: tom(sim).id,
				createdOn: '2026-03-01T10:00:00+05:30',
				updatedOn: '2026-03-01T10:00:00+05:30',
			});
		},
		parameters: { options: { order: 'ASC' }, returnAll: true },
		request: { method: 'GET', path: '/v2/requests', query: { requestType: 'CUSTOMER', requestSubType: 'DELETE', order: 'ASC', offset: '0', limit: '50' } },
		output: (items, sim) => {
			expect(items.map((i) => [i.type, i.status])).toEqual([
				['CUSTOMER', 'PENDING'],
				['CUSTOMER', 'APPROVED'],
			]);
			expect(items[0].userId).toBe(tom(sim).id);
			noPii(items);
		},
	},
	{
		resource: 'personalDataDeletion',
		operation: 'getMany',
		title: 'pending only, limit',
		setup: (sim) => {
			raise(sim, TOM);
			raise(sim, RITA);
		},
		parameters: { options: { status: 'PENDING' }, returnAll: false, limit: 1 },
		request: { method: 'GET', path: '/v2/requests', query: { requestType: 'CUSTOMER', requestSubType: 'DELETE', status: 'PENDING' } },
		output: (items) => expect(items).toHaveLength(1),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'personalDataDeletion',
		operation: 'create',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { identifierType: 'mobile', identifierValue: '910000000000', source: 'INSTORE' },
		message: /8015/,
		description: /identifier/,
	},
	{
		resource: 'personalDataDeletion',
		operation: 'updateStatus',
		title: 'request already decided (9055)',
		setup: (sim) => {
			const id = raise(sim);
			record(sim, id)!.status = 'APPROVED';
		},
		parameters: { requestId: '7062001', status: 'CANCELLED' },
		message: /9055/,
	},
];

export default { cases, errors } satisfies CaseFile;
