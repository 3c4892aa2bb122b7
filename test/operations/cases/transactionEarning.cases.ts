import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';

/** Transaction → Get Earning (docs: _transaction.md "Get Transaction Earning"). */

function seededBill(sim: Simulator) {
	const bill = [...sim.state.transactions.values()].find((t) => t.number === 'BILL-1001');
	if (!bill) throw new Error('seed bill BILL-1001 missing');
	bill.pointsAwarded = 120;
	return bill;
}

export const cases: OperationCase[] = [
	{
		resource: 'transaction',
		operation: 'getEarning',
		parameters: { transactionId: '={{ $json.id }}', simplify: true },
		setup: (sim) => [{ id: seededBill(sim).id }],
		// The seeded BILL-1001 is the first transaction of the simulator (ID 5001).
		request: { method: 'GET', path: '/v2/earning/5001' },
		output: (items, sim) => {
			const bill = seededBill(sim);
			expect(bill.id).toBe(5001);
			expect(items).toEqual([
				{
					id: bill.id,
					customerId: bill.customerId,
					billNumber: 'BILL-1001',
					billingTime: bill.billingTime,
					amount: 1200,
					points: [expect.objectContaining({ programId: 1, redeemablePointsIssued: 120, availablePoints: 120 })],
				},
			]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'transaction',
		operation: 'getEarning',
		title: 'unknown transaction (v2 errors[] 620)',
		parameters: { transactionId: '999999999' },
		message: /620/,
	},
];

export default { cases, errors } satisfies CaseFile;
