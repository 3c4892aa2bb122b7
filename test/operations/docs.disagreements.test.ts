/**
 * Where Capillary's docs disagree with themselves (or with the API index), the node follows the
 * shape the rest of the docs and real clients use (docs/paging.md lists each choice). These tests
 * answer with the docs' real shapes, served verbatim, so they fail if the node drifts back.
 */
import { CapillaryApi } from '../../dist/credentials/CapillaryApi.credentials';
import { basicCredentials, useCapillary } from '../harness/fixtures';

const TOM = '919111111111';

describe('docs disagreements: the node follows the documented shape', () => {
	const capillary = useCapillary();

	it('Check Redeemable reads response.points.redeemable, the shape real clients read (not the garbled JSON sample)', async () => {
		const sim = capillary.sim;
		// Verbatim shape of the XML sample's inner response, as production clients read it
		// (Response.Points.Redeemable.Is_redeemable).
		const redeemable = {
			mobile: TOM,
			points: '100',
			is_redeemable: 'true',
			points_redeem_value: 536,
			points_redeem_local_value: 5239.79,
			points_currency_ratio: '1',
			item_status: { success: 'true', code: '800', message: 'Points can be redeemed' },
		};
		sim.faults.add({ path: '/v1.1/points/isredeemable', status: 200, body: { response: { status: { success: 'true', code: '200', message: 'SUCCESS' }, points: { redeemable } } } });
		const result = await capillary.run({ resource: 'points', operation: 'checkRedeemable', v11IdentifierType: 'mobile', v11IdentifierValue: TOM, points: 100 });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([redeemable]);
	});

	it('Check Redeemable: points that cannot be redeemed are an error naming Capillary\'s code', async () => {
		const result = await capillary.run({ resource: 'points', operation: 'checkRedeemable', v11IdentifierType: 'mobile', v11IdentifierValue: TOM, points: 100000 });
		expect(result.error?.message).toMatch(/804/);
		expect(capillary.sim.apiRequests()).toHaveLength(1);
	});

	it('GET /v2/requests: if Capillary reads offset as a page number (the merge-request page), Return All still reads every request once', async () => {
		const sim = capillary.sim;
		const row = (i: number) => ({ id: 9000 + i, type: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', status: 'PENDING' });
		const all = Array.from({ length: 55 }, (_, i) => row(i));
		const page = (offset: string, data: unknown[]) =>
			sim.faults.add({ path: '/v2/requests', query: { offset }, status: 200, body: { pagination: { limit: 50, offset: Number(offset), total: 55 }, data, warnings: [], errors: [] } });
		page('0', all.slice(0, 50));
		page('1', all.slice(50)); // page 1, not "skip 1 row": it does not start with the second request
		const result = await capillary.run({ resource: 'request', operation: 'getMany', requestType: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sim.apiRequests().map((r) => r.query.offset)).toEqual(['0', '1', '1']);
		expect(result.json.map((i) => i.id)).toEqual(all.map((r) => r.id));
	});

	it.each([
		['page 0 = "no pagination" (the page parameter\'s text)', 150, 150],
		['pages counted from 0 (the samples\' pagingDto.number)', 100, 150],
	])('Get Customer Rewards reads every reward once when %s', async (_reading, firstPageSize, total) => {
		const sim = capillary.sim;
		const rewards = Array.from({ length: total }, (_, i) => ({ transactionId: 5000 + i }));
		const reply = (page: string, data: unknown[]) =>
			sim.faults.add({ path: /userReward\/brand\/DOCDEMO$/, query: { page }, status: 200, body: { status: { success: true, code: 200, message: 'User Reward fetched successfully' }, rewards: data, pagingDto: { totalElements: total, number: Number(page) } } });
		reply('0', rewards.slice(0, firstPageSize));
		// Under the 1-based reading page 1 is the first 100 again; under the 0-based one it is the rest.
		reply('1', firstPageSize === total ? rewards.slice(0, 100) : rewards.slice(firstPageSize));
		const result = await capillary.run({ resource: 'reward', operation: 'getUserRewards', brandName: 'DOCDEMO', customerIdentifierType: 'externalId', customerIdentifierValue: 'TS-001', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.json.map((r) => r.transactionId)).toEqual(rewards.map((r) => r.transactionId));
		expect(sim.apiRequests()).toHaveLength(firstPageSize === total ? 1 : 2);
	});

	it('Request Get Logs pages forwards by start_id if Capillary lists the oldest request first (the sample lists newest first)', async () => {
		const sim = capillary.sim;
		const entry = (id: number) => ({ id: String(id), type: 'GOODWILL', base_type: 'POINTS', status: 'PENDING' });
		const reply = (ids: number[]) => ({ response: { status: { success: 'true', code: '200', message: 'SUCCESS' }, requests: { count: '130', rows: String(ids.length), goodwill: ids.map(entry) } } });
		const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
		sim.faults.add({ path: '/v1.1/request/logs', times: 1, status: 200, body: reply(range(1, 100)) });
		sim.faults.add({ path: '/v1.1/request/logs', query: { start_id: '100' }, status: 200, body: reply(range(100, 130)) });
		const result = await capillary.run({ resource: 'request', operation: 'getLogs', requestType: 'GOODWILL', baseType: 'POINTS', startDate: '2020-01-01T00:00:00', endDate: '2099-12-31T00:00:00', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sim.apiRequests().map((r) => r.query.start_id)).toEqual([undefined, '100']);
		expect(result.json.map((i) => Number(i.id))).toEqual(range(1, 130));
	});

	it('a Capillary that ignores the paging parameter: Return All stops after 2 requests with an error naming the endpoint, 0 repeated entities', async () => {
		const sim = capillary.sim;
		const data = Array.from({ length: 50 }, (_, i) => ({ id: 7000 + i }));
		sim.faults.add({ path: '/v2/requests', status: 200, body: { data, warnings: [], errors: [] } });
		const result = await capillary.run({ resource: 'personalDataDeletion', operation: 'getMany', returnAll: true });
		expect(result.error?.message).toContain('GET /v2/requests');
		expect(result.json).toHaveLength(0);
		expect(sim.apiRequests()).toHaveLength(2);
	});

	it.each([
		['lead', 'create', '/v2/leads', { leadFor: 'Denim', type: 'CATEGORY', customerIdentifierType: 'MOBILE', customerIdentifierValue: TOM }],
		[
			'customerSubscription',
			'updateSubscriptions',
			'/v2/customers/1001/subscriptions',
			{ customerId: '1001', subscriptions: { subscription: [{ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT', sourceName: 'INSTORE' }] } },
		],
	])('%s → %s sends the documented POST once; a 405 is an error, never a retry with another method', async (resource, operation, path, parameters) => {
		const sim = capillary.sim;
		sim.faults.add({ path, status: 405, body: { errors: [{ status: false, code: 405, message: 'Operation not supported for the resource' }] } });
		const result = await capillary.run({ resource, operation, ...parameters });
		expect(result.error?.message).toMatch(/405/);
		expect(sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${path}`]);
	});

	it('staff calls need the Org ID (X-CAP-API-AUTH-ORG-ID): refused before sending without it, sent with it', async () => {
		const sim = capillary.sim;
		const parameters = { resource: 'staff', operation: 'getMany', listBy: 'zoneCode', zoneCode: 'south12', returnAll: true };
		const refused = await capillary.run(parameters, { credentials: basicCredentials(sim, { orgId: '' }) });
		expect(refused.error?.message).toMatch(/needs the Org ID/);
		expect(refused.error?.description).toMatch(/X-CAP-API-AUTH-ORG-ID/);
		expect(sim.apiRequests()).toEqual([]);

		const sent = await capillary.run(parameters);
		expect(sent.error).toBeUndefined();
		expect(sim.apiRequests().map((r) => r.headers['x-cap-api-auth-org-id'])).toEqual(['50672']);
	});

	it('the Basic credential takes an org-defined attribution lookup name as free text and sends it as X-CAP-API-ATTRIBUTION-LOOKUP-TYPE', async () => {
		const field = new CapillaryApi().properties.find((p) => p.name === 'attributionType');
		expect(field).toMatchObject({ type: 'string', default: '' });
		const sim = capillary.sim;
		const credentials = basicCredentials(sim, { attributionType: 'BRANCH_CODE', attributionCode: 'Mumbai-07' });
		const result = await capillary.run({ resource: 'staff', operation: 'getMany', listBy: 'zoneCode', zoneCode: 'south12', returnAll: true }, { credentials });
		expect(result.error).toBeUndefined();
		const [request] = sim.apiRequests();
		expect(request.headers['x-cap-api-attribution-lookup-type']).toBe('BRANCH_CODE');
		expect(request.headers['x-cap-api-attribution-lookup']).toBe('Mumbai-07');
	});
});
