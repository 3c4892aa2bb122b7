import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { rejections } from '../../simulator/resources/transactionRejection';

const TOM = '919111111111';

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

function byBill(sim: Simulator, billNumber: string) {
	return [...rejections(sim.state).values()].find((r) => r.billNumber === billNumber)!;
}

export const cases: OperationCase[] = [
	{
		resource: 'rejectedTransaction',
		operation: 'getMany',
		title: 'default status (open and partially fixed), all pages',
		setup: (sim) => {
			const list = rejections(sim.state);
			for (let i = 0; i < 12; i++) {
				const id = sim.state.nextEntityId++;
				list.set(String(id), { ...byBill(sim, 'BILL-2001'), entityId: id, billNumber: `BULK-${i}`, eventDate: '2000-01-01T00:00:00+05:30' });
			}
		},
		parameters: { returnAll: true, options: { startDate: '1999-12-01T00:00:00', endDate: '2099-01-01T00:00:00' } },
		request: [
			{ method: 'GET', path: '/v2/organization/rejectedTransactions', query: { startDate: '1999-12-01', endDate: '2099-01-01', limit: '10', offset: '0' } },
			{ method: 'GET', path: '/v2/organization/rejectedTransactions', query: { limit: '10', offset: '10' } },
		],
		output: (items) => {
			expect(items).toHaveLength(15);
			expect(items.map((i) => i.billNumber).slice(-3)).toEqual(['BILL-2003', 'BILL-2002', 'BILL-2001']);
			expect(items.some((i) => i.billNumber === 'BILL-2004')).toBe(false);
			expect(items[14]).toMatchObject({ status: 'OPEN', errors: [expect.objectContaining({ code: 683, value: 'SKU-404' })] });
			expect(items[14]).not.toHaveProperty('fixed');
		},
	},
	{
		resource: 'rejectedTransaction',
		operation: 'getMany',
		title: 'filters',
		auth: 'oauth',
		setup: (sim) => [{ userId: tom(sim).id }],
		parameters: { limit: 5, options: { status: 'OPEN', errorCode: 683, userId: '={{ $json.userId }}', isTransactionPayloadRequired: true } },
		request: { method: 'GET', path: '/v2/organization/rejectedTransactions', query: { status: 'OPEN', errorCode: '683', userId: '1001', isTransactionPayloadRequired: 'true', limit: '5', offset: '0' } },
		output: (items) => {
			expect(items.map((i) => i.billNumber)).toEqual(['BILL-2002', 'BILL-2001']);
			expect(JSON.parse(String(items[0].transactionPayload))).toMatchObject({ billNumber: 'BILL-2002', amount: 500 });
		},
	},
	{
		resource: 'rejectedTransaction',
		operation: 'markFailed',
		parameters: { transactionNumbers: 'BILL-2001, BILL-2003', additionalFields: { comments: 'item discontinued' } },
		request: {
			method: 'PUT',
			path: '/v2/organization/rejectedTransactions/markFailed',
			body: { transactionNumber: ['BILL-2001', 'BILL-2003'], comments: 'item discontinued' },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ result: true })]);
			expect(byBill(sim, 'BILL-2001')).toMatchObject({ status: 'PERMANENT_FAILED', comments: 'item discontinued' });
			expect(byBill(sim, 'BILL-2003').status).toBe('PERMANENT_FAILED');
			expect(byBill(sim, 'BILL-2002').status).toBe('OPEN');
		},
	},
	{
		resource: 'rejectedTransaction',
		operation: 'retrigger',
		title: 'all of a customer: the fixed one is added, the other replayed',
		setup: (sim) => [{ userId: tom(sim).id }],
		parameters: { additionalFields: { userId: '={{ $json.userId }}', errorCodes: '683' } },
		request: { method: 'POST', path: '/v2/organization/rejectedTransactions/retrigger', body: { userId: 1001, errorCode: ['683'] } },
		output: (items, sim, requests) => {
			expect(requests[0].body).not.toHaveProperty('transactionNumber');
			expect(items).toEqual([expect.objectContaining({ retriggerId: expect.any(Number) })]);
			expect(byBill(sim, 'BILL-2002').status).toBe('SUCCESS');
			expect(byBill(sim, 'BILL-2001')).toMatchObject({ status: 'REPLAYED', retryCount: 1 });
			// BILL-2002 (500) is now a real transaction: 10% points
			expect([...sim.state.transactions.values()].some((t) => t.number === 'BILL-2002' && t.customerId === tom(sim).id)).toBe(true);
			expect(tom(sim).points).toBe(620 + 50);
			const status = sim.state.collection('rejectedTransactionRetriggers').get(String(items[0].retriggerId))!;
			expect(status.status).toEqual({ success: 1, fixed: 1, maxOut: 0, replayed: 1 });
		},
	},
	{
		resource: 'rejectedTransaction',
		operation: 'retrigger',
		title: 'by transaction number, retries run out',
		setup: (sim) => void (byBill(sim, 'BILL-2001').retryCount = 2),
		parameters: { transactionNumbers: 'BILL-2001' },
		request: { method: 'POST', path: '/v2/organization/rejectedTransactions/retrigger', body: { transactionNumber: ['BILL-2001'] } },
		output: (items, sim) => {
			expect(byBill(sim, 'BILL-2001')).toMatchObject({ status: 'MAX_OUT', retryCount: 3 });
			expect(sim.state.collection('rejectedTransactionRetriggers').get(String(items[0].retriggerId))!.status).toMatchObject({ maxOut: 1, success: 0 });
		},
	},
	{
		resource: 'rejectedTransaction',
		operation: 'getRetriggerStatus',
		setup: (sim) => {
			sim.state.collection('rejectedTransactionRetriggers').set('77', { retriggerId: 77, status: { success: 2, fixed: 2, maxOut: 1, replayed: 0 } });
		},
		parameters: { retriggerId: '77' },
		request: { method: 'GET', path: '/v2/organization/rejectedTransactions/retriggerStatus/77' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ retriggerId: 77, status: { success: 2, fixed: 2, maxOut: 1, replayed: 0 } })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'rejectedTransaction',
		operation: 'retrigger',
		title: 'nothing open to retrigger',
		parameters: { transactionNumbers: 'BILL-2004' },
		message: /No rejected transactions to retrigger/,
	},
	{
		resource: 'rejectedTransaction',
		operation: 'getRetriggerStatus',
		title: 'unknown retrigger ID (404)',
		parameters: { retriggerId: '123456' },
		message: /404/,
	},
];

export default { cases, errors } satisfies CaseFile;
