import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { nowV11 } from '../../simulator/http';
import { addBill, byTomV11, rita, TOM, tom } from './customer.fixtures';

/** Customer Activity: transactions, interactions and recommendations. */
export const cases: OperationCase[] = [
	{
		resource: 'customerActivity',
		operation: 'getTransactions',
		setup: (sim) => {
			sim.state.addTransaction({
				number: 'BILL-1003',
				type: 'REGULAR',
				customerId: 1001,
				amount: 500,
				billingTime: '2099-01-01 10:00:00',
				lineItems: [],
				paymentModes: [{ mode: 'Cash', value: 500 }],
				extendedFields: {},
				customFields: { channel: 'app' },
				notes: '',
				storeCode: 'store.server',
				source: 'v2',
			});
		},
		parameters: { customerId: '1001', returnAll: true, options: { embed: ['BILL_CF', 'PAYMENT_MODES'], sortOrder: 'ASC', startDate: '2000-01-01 00:00:00' } },
		request: { method: 'GET', path: '/v2/customers/1001/transactions', query: { embed: 'BILL_CF,PAYMENT_MODES', sortOrder: 'ASC', startDate: '2000-01-01 00:00:00', limit: '1000', offset: '0' } },
		output: (items) => {
			expect(items.map((t) => t.billNumber)).toEqual(['BILL-1001', 'BILL-1003']);
			expect(items[1]).toMatchObject({ amount: 500, customFields: { channel: 'app' }, paymentModes: [{ mode: 'Cash', value: 500 }], type: 'REGULAR' });
			expect(items[0]).not.toHaveProperty('extendedFields');
		},
	},
	{
		resource: 'customerActivity',
		operation: 'getRecommendations',
		setup: (sim) => {
			tom(sim).profiles[0].identifiers.push({ type: 'cardnumber', value: 'CARD-TOM-1' });
			sim.state.collection('customerLookup.recommendations').set('1', { customerId: tom(sim).id, sku: 'SKU-9', score: 0.92 });
		},
		parameters: { identifierName: 'cardnumber', identifierValue: 'CARD-TOM-1', source: 'INSTORE' },
		request: { method: 'GET', path: '/v2/customers/lookup/recommendations', query: { identifierName: 'cardnumber', identifierValue: 'CARD-TOM-1' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ customer: expect.objectContaining({ id: tom(sim).id, type: 'LOYALTY' }), count: 1, recommendations: [expect.objectContaining({ sku: 'SKU-9' })] })]);
		},
	},
	{
		resource: 'customerActivity',
		operation: 'getTransactionsByIdentifier',
		setup: (sim) => {
			addBill(sim, tom(sim).id, 'BILL-2001', 400, 2);
			addBill(sim, tom(sim).id, 'BILL-2002', 250, 1);
		},
		parameters: { ...byTomV11, limit: 2, options: { sort: 'trans_date', order: 'asc' } },
		request: { method: 'GET', path: '/v1.1/customer/transactions', query: { mobile: TOM, sort: 'trans_date', order: 'asc', limit: '2', offset: '0', format: 'json' } },
		output: (items) => {
			expect(items.map((t) => t.number)).toEqual(['BILL-1001', 'BILL-2001']);
			expect(items[0]).toMatchObject({ amount: '1200', points: expect.objectContaining({ issued: '120' }) });
		},
	},
	{
		resource: 'customerActivity',
		operation: 'getTransactionsByIdentifier',
		title: 'return all with a start date',
		setup: (sim) => {
			addBill(sim, tom(sim).id, 'BILL-2001', 400, 2);
			addBill(sim, tom(sim).id, 'BILL-OLD', 99, 400);
		},
		parameters: { v11IdentifierType: 'external_id', v11IdentifierValue: 'TS-001', returnAll: true, options: { startDate: nowV11(new Date(Date.now() - 30 * 86_400_000)).slice(0, 10) } },
		request: { method: 'GET', path: '/v1.1/customer/transactions', query: { external_id: 'TS-001', limit: '100', offset: '0' } },
		output: (items) => expect(items.map((t) => t.number)).toEqual(['BILL-2001', 'BILL-1001']),
	},
	{
		resource: 'customerActivity',
		operation: 'getProductRecommendations',
		setup: (sim) => {
			addBill(sim, rita(sim).id, 'BILL-3001', 100, 1, ['SKU-9', 'SKU-1']);
			addBill(sim, rita(sim).id, 'BILL-3002', 100, 1, ['SKU-9']);
		},
		parameters: { ...byTomV11, options: { userId: true, recommendationLimit: 2 } },
		request: { method: 'GET', path: '/v1.1/customer/recommendations', query: { mobile: TOM, user_id: 'true', limit: '2' } },
		output: (items, sim) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ user_id: String(tom(sim).id), recommendations: { recommendation: [expect.objectContaining({ sku: 'SKU-9', rank: '1' }), expect.objectContaining({ sku: 'SKU-1' })] } });
		},
	},
	{
		resource: 'customerActivity',
		operation: 'getInteractions',
		setup: (sim) => {
			sim.state.issueValidationCode(tom(sim), 100);
			sim.state.collection('customerV11.interactions').set('1', { customerId: tom(sim).id, network: 'capillary', type: 'email', sender: 'news@shop.example', receiver: 'tom.sawyer@example.com', subject: 'Welcome', sent_time: nowV11() });
		},
		parameters: { ...byTomV11, options: { network: 'capillary' } },
		request: { method: 'GET', path: '/v1.1/customer/interaction', query: { mobile: TOM, network: 'capillary' } },
		output: (items) => {
			expect(items).toEqual([{ name: 'capillary', interaction: expect.arrayContaining([expect.objectContaining({ type: 'sms', count: '1' }), expect.objectContaining({ type: 'email', count: '1' })]) }]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerActivity',
		operation: 'getTransactions',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { customerId: '999999', returnAll: true },
		message: /8015.*No customer found/,
	},
];

export default { cases, errors } satisfies CaseFile;
