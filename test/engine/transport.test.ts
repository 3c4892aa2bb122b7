/**
 * The transport's policies through n8n's engine: the concurrency cap, order and pairing, retries
 * for "try again later" answers only, and no duplicated writes.
 */
import { faultReplies } from '../simulator/faults';
import { useCapillary } from '../harness/fixtures';

const fast = { maxRetries: 3, retryDelay: 1 };
const lookupByItem = { resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '={{ $json.mobile }}', source: 'INSTORE' };

describe('concurrency cap', () => {
	const capillary = useCapillary({ latencyMs: 25 });

	it('keeps at most N requests in flight, whatever the number of items, and keeps input order', async () => {
		const mobiles = Array.from({ length: 24 }, (_, i) => (i % 2 ? '919111111111' : '919222222222'));
		const result = await capillary.run({ ...lookupByItem, requestOptions: { maxConcurrency: 3 } }, { items: mobiles.map((mobile) => ({ mobile })) });
		expect(result.error).toBeUndefined();
		expect(capillary.sim.maxInFlight).toBe(3);
		expect(result.json.map((j) => j.customerId)).toEqual(mobiles.map((m) => (m === '919111111111' ? 1001 : 1002)));
		expect(result.items.map((i) => i.pairedItem)).toEqual(mobiles.map((_, item) => ({ item })));
	});

	it('defaults to 10 in flight', async () => {
		const items = Array.from({ length: 30 }, () => ({ mobile: '919111111111' }));
		await capillary.run(lookupByItem, { items });
		expect(capillary.sim.maxInFlight).toBe(10);
	});
});

describe('retries', () => {
	const capillary = useCapillary();
	const attemptsOf = (path: string) => capillary.sim.apiRequests().filter((r) => r.path === path).length;

	it.each([
		['429 rate limited', faultReplies.rateLimited()],
		['503 with code 4001', faultReplies.authUnavailable()],
		['521 customer busy', faultReplies.customerBusy()],
		['461 search busy', faultReplies.searchBusy()],
	])('retries %s for that item only', async (_name, fault) => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', query: { identifierValue: '919222222222' }, times: 2, ...fault });
		const result = await capillary.run({ ...lookupByItem, requestOptions: fast }, { items: [{ mobile: '919111111111' }, { mobile: '919222222222' }] });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ customerId: 1001 }, { customerId: 1002 }]);
		const perItem = capillary.sim.apiRequests().map((r) => r.query.identifierValue);
		expect(perItem.filter((m) => m === '919111111111')).toHaveLength(1);
		expect(perItem.filter((m) => m === '919222222222')).toHaveLength(3);
	});

	it('honours Retry-After', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', times: 1, ...faultReplies.rateLimited(1) });
		const started = Date.now();
		const result = await capillary.run({ ...lookupByItem, requestOptions: fast }, { items: [{ mobile: '919111111111' }] });
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it('gives up after Max Retries with a clear error', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', ...faultReplies.rateLimited() });
		const result = await capillary.run({ ...lookupByItem, requestOptions: { maxRetries: 2, retryDelay: 1 } }, { items: [{ mobile: '919111111111' }] });
		expect(result.error?.message).toMatch(/Capillary error 429/);
		expect(result.error?.description).toMatch(/sent 3 times/);
		expect(attemptsOf('/v2/customers/lookup')).toBe(3);
	});

	it('retries reads after a network error', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', times: 1, dropConnection: true });
		const result = await capillary.run({ ...lookupByItem, requestOptions: fast }, { items: [{ mobile: '919111111111' }] });
		expect(result.error).toBeUndefined();
		expect(attemptsOf('/v2/customers/lookup')).toBe(2);
	});

	it('does not re-send a write after a network error: it may have been applied', async () => {
		capillary.sim.faults.add({ path: '/v2/points/reverse', dropConnection: true, times: 1 });
		const result = await capillary.run({ resource: 'points', operation: 'reverseRedemption', redemptionId: 'R1', identifierName: 'mobile', identifierValue: '919111111111', requestOptions: fast });
		expect(result.error?.message).toMatch(/request to Capillary at 127\.0\.0\.1:\d+ failed: the connection was closed.*: outcome unknown, check before retrying$/);
		expect(result.error?.description).toMatch(/Capillary may have applied it/);
		expect(attemptsOf('/v2/points/reverse')).toBe(1);
	});

	it('does not re-send a write after a 500, but does re-send a read', async () => {
		capillary.sim.faults.add({ path: '/v2/points/reverse', times: 1, ...faultReplies.serverError() });
		const write = await capillary.run({ resource: 'points', operation: 'reverseRedemption', redemptionId: 'R1', identifierName: 'mobile', identifierValue: '919111111111', requestOptions: fast });
		expect(write.error?.message).toMatch(/Capillary error 500/);
		expect(attemptsOf('/v2/points/reverse')).toBe(1);
		capillary.sim.faults.add({ path: '/v2/customers/lookup', times: 1, ...faultReplies.serverError() });
		const read = await capillary.run({ ...lookupByItem, requestOptions: fast }, { items: [{ mobile: '919111111111' }] });
		expect(read.error).toBeUndefined();
		expect(attemptsOf('/v2/customers/lookup')).toBe(2);
	});

	it('a write retried after 429s is applied exactly once', async () => {
		const tom = capillary.sim.state.findCustomer('mobile', '919111111111')!;
		const rita = capillary.sim.state.findCustomer('mobile', '919222222222')!;
		const codes = [0, 1, 2].map(() => ({ code: capillary.sim.state.issueValidationCode(tom, 10).code }));
		capillary.sim.faults.add({ path: '/v2/points/transfer', probability: 0.5, ...faultReplies.rateLimited() });
		const result = await capillary.run(
			{
				resource: 'points',
				operation: 'transfer',
				pointsToTransfer: 10,
				fromIdentifierType: 'MOBILE',
				fromIdentifierValue: '919111111111',
				toIdentifierType: 'MOBILE',
				toIdentifierValue: '919222222222',
				otpCode: '={{ $json.code }}',
				requestOptions: { maxRetries: 10, retryDelay: 1 },
			},
			{ items: codes },
		);
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(3);
		expect(capillary.sim.state.transfers).toHaveLength(3);
		expect(tom.points).toBe(620 - 30);
		expect(rita.points).toBe(150 + 30);
		expect(attemptsOf('/v2/points/transfer')).toBeGreaterThan(3);
	});
});
