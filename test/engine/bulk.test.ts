/**
 * The Capillary Bulk node: all incoming items through chunked batch calls, each input item with its
 * own output item (paired) and its own success or error, nothing written twice.
 */
import { faultReplies } from '../simulator/faults';
import { useCapillary } from '../harness/fixtures';
import { addBadge } from '../simulator/resources/badge';

const bulk = { nodeType: 'capillaryBulk' };

function transactions(count: number, mobile = (i: number): string => (i % 2 ? '919111111111' : '919222222222')) {
	return Array.from({ length: count }, (_, i) => ({ identifierType: 'mobile', identifierValue: mobile(i), source: 'INSTORE', type: 'REGULAR', billNumber: `BULK-${i}`, billAmount: 100 }));
}

describe('Capillary Bulk', () => {
	const capillary = useCapillary();
	const bulkRequests = (path: string) => capillary.sim.apiRequests().filter((r) => r.path === path);

	it('sends 250 transactions as 3 batch calls and gives each item its own result, in order', async () => {
		const before = capillary.sim.state.transactions.size;
		const result = await capillary.run({ operation: 'addTransactions', input: 'json', chunkSize: 100, requestOptions: { maxConcurrency: 2 } }, { ...bulk, items: transactions(250) });
		expect(result.error).toBeUndefined();
		expect(bulkRequests('/v2/transactions/bulk').map((r) => (r.body as unknown[]).length)).toEqual([100, 100, 50]);
		expect(capillary.sim.maxInFlight).toBeLessThanOrEqual(2);
		expect(result.json).toHaveLength(250);
		expect(result.items.map((i) => i.pairedItem)).toEqual(Array.from({ length: 250 }, (_, item) => ({ item })));
		expect(result.json.every((j) => j.success === true && typeof j.entityId === 'number')).toBe(true);
		expect((result.json[7].result as { billNumber: string }).billNumber).toBe('BULK-7');
		expect(capillary.sim.state.transactions.size - before).toBe(250);
	});

	it('maps per-entity failures back to the items that caused them (continue on fail: error items)', async () => {
		const items = transactions(10, (i) => (i === 3 || i === 8 ? '910000000000' : '919111111111'));
		const result = await capillary.run({ operation: 'addTransactions', input: 'json' }, { ...bulk, items, continueOnFail: true });
		expect(result.status).toBe('success');
		const failed = result.items.map((item, index) => (item.json.success === false ? index : -1)).filter((i) => i >= 0);
		expect(failed).toEqual([3, 8]);
		expect(result.items[3].json).toMatchObject({ success: false, errorCode: '8015', errorMessage: expect.stringMatching(/No customer found/) });
		expect(result.items[4].json.success).toBe(true);
		expect([...capillary.sim.state.transactions.values()].filter((t) => t.number.startsWith('BULK-'))).toHaveLength(8);
	});

	it('without continue on fail: sends everything, then fails naming the failed items and that the rest was written', async () => {
		const items = transactions(5, (i) => (i === 2 ? '910000000000' : '919111111111'));
		const result = await capillary.run({ operation: 'addTransactions', input: 'json' }, { ...bulk, items });
		expect(result.error?.message).toBe('1 of 5 items failed (first: item 2, Capillary error 8015: No customer found with the given identifier.)');
		expect(result.error?.description).toMatch(/other 4 items were sent and written/);
		expect([...capillary.sim.state.transactions.values()].filter((t) => t.number.startsWith('BULK-'))).toHaveLength(4);
	});

	it('an item whose entity is not valid JSON fails alone and is never sent', async () => {
		const result = await capillary.run({ operation: 'addTransactions', input: 'json', entity: '={{ $json.broken ? "{bad" : JSON.stringify($json) }}' }, { ...bulk, items: [...transactions(2), { broken: true }], continueOnFail: true });
		expect(result.items[2].json).toMatchObject({ success: false, errorCode: 'INPUT' });
		expect(result.items[2].json.errorMessage).toMatch(/not valid JSON/);
		expect((bulkRequests('/v2/transactions/bulk')[0].body as unknown[]).length).toBe(2);
	});

	it('a 500 on a write is not re-sent: only that chunk\'s 4 items get "outcome unknown", the other 8 succeed', async () => {
		capillary.sim.faults.add({ path: '/v2/transactions/bulk', after: 1, times: 1, ...faultReplies.serverError() });
		const result = await capillary.run({ operation: 'addTransactions', input: 'json', chunkSize: 4, requestOptions: { maxConcurrency: 1, retryDelay: 1 } }, { ...bulk, items: transactions(12), continueOnFail: true });
		expect(bulkRequests('/v2/transactions/bulk')).toHaveLength(3);
		expect(result.json.map((j) => j.success)).toEqual([true, true, true, true, null, null, null, null, true, true, true, true]);
		expect(result.json[4]).toMatchObject({ outcome: 'unknown', errorCode: 'OUTCOME_UNKNOWN', errorMessage: expect.stringMatching(/HTTP 500.*Check in Capillary/) });
	});

	it('a 429 storm is retried per chunk without writing anything twice', async () => {
		capillary.sim.faults.add({ path: '/v2/transactions/bulk', probability: 0.5, ...faultReplies.rateLimited() });
		const result = await capillary.run({ operation: 'addTransactions', input: 'json', chunkSize: 10, requestOptions: { maxRetries: 10, retryDelay: 1 } }, { ...bulk, items: transactions(100) });
		expect(result.error).toBeUndefined();
		const numbers = [...capillary.sim.state.transactions.values()].map((t) => t.number).filter((n) => n.startsWith('BULK-'));
		expect(numbers).toHaveLength(100);
		expect(new Set(numbers).size).toBe(100);
		expect(bulkRequests('/v2/transactions/bulk').length).toBeGreaterThan(10);
	});

	it('enrols customers in a badge: one ID per item, per-customer outcome', async () => {
		const badge = addBadge(capillary.sim.state, { id: '6a00000000000000000000b7', name: 'Bulk Badge', ownership: { restrictedToOwners: ['Journeys'], claims: [{ ownerType: 'Journeys', referenceId: 'J-1', isActive: true }] } });
		const result = await capillary.run({ operation: 'enrolBadgeCustomers', badgeMetaId: String(badge.id), ownerType: 'Journeys', referenceId: 'J-1' }, { ...bulk, items: [{ customerId: 1001 }, { customerId: 999999 }, { customerId: 1002 }], continueOnFail: true });
		expect(bulkRequests('/api_gateway/v1/badges/badgeMeta/customer/issueBulk')[0].body).toMatchObject({ badgeMetaId: badge.id, customers: [1001, 999999, 1002] });
		expect(result.json.map((j) => j.success)).toEqual([true, false, true]);
		expect(result.json[1].errorCode).toBe('8015');
	});

	it('looks up many customers in batches of identifiers (v1.1 customer/get), one item per input', async () => {
		const mobiles = ['919111111111', '910000000000', '919222222222'];
		const result = await capillary.run({ operation: 'getCustomersV11', identifierType: 'mobile', chunkSize: 2 }, { ...bulk, items: mobiles.map((mobile) => ({ mobile })), continueOnFail: true });
		expect(bulkRequests('/v1.1/customer/get').map((r) => r.query.mobile)).toEqual(['919111111111,910000000000', '919222222222']);
		expect(result.json.map((j) => j.success)).toEqual([true, false, true]);
		expect(result.json[0]).toMatchObject({ firstname: 'Tom', user_id: expect.anything() });
		expect(result.json[2]).toMatchObject({ firstname: 'Rita' });
	});

	it('adds customers through v1.1 (root envelope, item_status per customer)', async () => {
		const result = await capillary.run(
			{ operation: 'addCustomersV11', input: 'json' },
			{ ...bulk, items: [{ mobile: '919300000001', firstname: 'Ana' }, { mobile: 'not-a-number', firstname: 'Bad' }, { mobile: '919300000002', firstname: 'Bo' }], continueOnFail: true },
		);
		const [request] = bulkRequests('/v1.1/customer/add');
		expect((request.body as { root: { customer: unknown[] } }).root.customer).toHaveLength(3);
		expect(result.json.map((j) => j.success)).toEqual([true, false, true]);
		expect(capillary.sim.state.findCustomer('mobile', '919300000002')).toBeDefined();
	});
});
