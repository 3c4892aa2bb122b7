import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';

const TOM = '919111111111';

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

const tomQuery = { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' };

export const cases: OperationCase[] = [
	{
		resource: 'pointsLedger',
		operation: 'getBalance',
		setup: (sim) => {
			sim.state.credit(tom(sim), 30, 'AllocateGoodwillPoints');
		},
		parameters: { ...tomQuery, options: { pointCategoryType: 'REGULAR' } },
		request: {
			method: 'GET',
			path: '/v2/pointsLedger/getCustomerLedgerBalance',
			query: { ...tomQuery, pointCategoryType: 'REGULAR', offset: '0', limit: '10' },
		},
		output: (items) => {
			// 500 registration + 120 from BILL-1001 + 30 goodwill
			expect(items).toEqual([expect.objectContaining({ pointsCategory: 'Main', programId: 1, closingBalance: '650.000' })]);
		},
	},
	{
		resource: 'pointsLedger',
		operation: 'getBalance',
		title: 'promised points category, balance as of a date',
		setup: (sim) => {
			tom(sim).extra.promisedPoints = 40;
		},
		parameters: { ...tomQuery, returnAll: true, options: { endDate: '2099-01-01T00:00:00' } },
		request: { method: 'GET', path: '/v2/pointsLedger/getCustomerLedgerBalance', query: { endDate: '2099-01-01T00:00:00' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({ pointsCategory: 'Main', closingBalance: '620.000' }),
				expect.objectContaining({ pointsCategory: 'DelayedAccrualPointCategory', closingBalance: '40.000' }),
			]);
		},
	},
	{
		resource: 'pointsLedger',
		operation: 'getEntries',
		auth: 'oauth',
		setup: (sim) => {
			// 2 seeded entries (registration, BILL-1001) + 10 more: two pages of at most 10
			for (let i = 1; i <= 10; i++) sim.state.credit(tom(sim), i, 'AllocateGoodwillPoints');
		},
		parameters: { ...tomQuery, returnAll: true, options: { ledgerEntryType: 'CREDIT', sortOrder: 'DESC' } },
		request: [
			{ method: 'GET', path: '/v2/pointsLedger/getCustomerLedgerInfo', query: { ...tomQuery, ledgerEntryType: 'CREDIT', offset: '0', limit: '10' } },
			{ method: 'GET', path: '/v2/pointsLedger/getCustomerLedgerInfo', query: { offset: '1', limit: '10' } },
		],
		output: (items) => {
			expect(items).toHaveLength(12);
			expect(items[0]).toMatchObject({ eventName: 'AllocateGoodwillPoints', netPointsOnEvent: '10.000' });
			const bill = items.find((i) => i.eventName === 'TransactionAdd');
			expect(bill).toMatchObject({ transactionDetails: { transactionNumber: 'BILL-1001' }, entryDetails: [expect.objectContaining({ ledgerEntryType: 'CREDIT', points: '120.000' })] });
		},
	},
	{
		resource: 'pointsLedger',
		operation: 'getEntries',
		title: 'limit within the first page, date window',
		setup: (sim) => {
			const old = sim.state.credit(tom(sim), 5, 'AllocateGoodwillPoints');
			old.date = '2020-01-05T10:00:00+05:30';
		},
		parameters: { ...tomQuery, limit: 1, options: { startDate: '2020-01-01T00:00:00', endDate: '2020-01-20T00:00:00' } },
		request: { method: 'GET', path: '/v2/pointsLedger/getCustomerLedgerInfo', query: { startDate: '2020-01-01T00:00:00', endDate: '2020-01-20T00:00:00' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ eventName: 'AllocateGoodwillPoints', ledgerCreatedDate: '2020-01-05 10:00:00.0' })]),
	},
	{
		resource: 'pointsLedger',
		operation: 'getExplodeInfo',
		setup: (sim) => {
			const bill = [...sim.state.transactions.values()].find((t) => t.number === 'BILL-1001')!;
			return [{ transactionId: bill.id }];
		},
		parameters: {
			...tomQuery,
			selectEventsBy: 'reference',
			eventName: 'TransactionAdd',
			eventReferenceIds: '={{ $json.transactionId }}',
			options: { getBillDetails: true, getPointsEarnedBreakup: true },
		},
		request: {
			method: 'GET',
			path: '/v2/pointsLedger/getLedgerExplodeInfo',
			query: { ...tomQuery, eventName: 'TransactionAdd', eventReferenceIds: '5001', getBillDetails: 'true', getPointsEarnedBreakup: 'true', offset: '0' },
		},
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				eventName: 'TransactionAdd',
				eventReferenceId: '5001',
				billDetails: { billNumber: 'BILL-1001', amount: 1200 },
				pointsEarned: { regular: [expect.objectContaining({ value: 120 })] },
			});
		},
	},
	{
		resource: 'pointsLedger',
		operation: 'getExplodeInfo',
		title: 'by event log IDs',
		setup: (sim) => {
			const entry = sim.state.ledger.find((e) => e.customerId === tom(sim).id && e.eventName === 'Registration')!;
			return [{ eventLogId: entry.id }];
		},
		parameters: { ...tomQuery, selectEventsBy: 'eventIds', eventIds: '={{ $json.eventLogId }},999999' },
		request: { method: 'GET', path: '/v2/pointsLedger/getLedgerExplodeInfo', query: { eventIds: expect.stringMatching(/^\d+,999999$/) as unknown as string } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ eventName: 'Registration', pointsEarned: expect.objectContaining({ regular: [expect.objectContaining({ value: 500 })] }) })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'pointsLedger',
		operation: 'getBalance',
		title: 'unknown customer (8015)',
		parameters: { identifierName: 'mobile', identifierValue: '910000000001', source: 'INSTORE' },
		message: /8015/,
		description: /identifier type and value/,
	},
	{
		resource: 'pointsLedger',
		operation: 'getEntries',
		title: 'date window over 30 days',
		parameters: { ...tomQuery, options: { startDate: '2024-01-01T00:00:00', endDate: '2024-03-01T00:00:00' } },
		message: /30 days/,
	},
];

export default { cases, errors } satisfies CaseFile;
