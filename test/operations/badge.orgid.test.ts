/**
 * api_gateway endpoints (Badges) name the org with the X-CAP-API-AUTH-ORG-ID header, filled from
 * the credential's Org ID. Without it the node must stop before sending anything.
 */
import { basicCredentials, oauthCredentials, useCapillary } from '../harness/fixtures';
import { addBadge } from '../simulator/resources/badge';

describe('badge: Org ID of the credential', () => {
	const capillary = useCapillary();

	it('refuses to run without an Org ID and sends no request', async () => {
		const sim = capillary.sim;
		addBadge(sim.state, { id: '6a00000000000000000000f1', name: 'Any' });
		sim.clearRequests();
		const result = await capillary.run(
			{ resource: 'badge', operation: 'get', badgeId: { __rl: true, mode: 'id', value: '6a00000000000000000000f1' } },
			{ credentials: basicCredentials(sim, { orgId: '' }) },
		);
		expect(result.error).toBeDefined();
		// n8n's routing layer may re-wrap the executor's NodeOperationError; the words must survive.
		expect(result.error!.name).toMatch(/NodeOperationError|NodeApiError/);
		expect(result.error!.message).toMatch(/needs the Org ID/);
		expect(result.error!.description).toMatch(/X-CAP-API-AUTH-ORG-ID/);
		expect(sim.apiRequests()).toEqual([]);
	});

	it('refuses with OAuth too, before minting a token or calling the API', async () => {
		const sim = capillary.sim;
		sim.clearRequests();
		const result = await capillary.run(
			{ resource: 'badge', operation: 'enrolCustomers', badgeMetaId: { __rl: true, mode: 'id', value: '6a00000000000000000000f1' }, customerIds: '1001' },
			{ auth: 'oauth', credentials: oauthCredentials(sim, { orgId: '  ' }) },
		);
		expect(result.error?.message).toMatch(/Org ID/);
		expect(sim.apiRequests(true)).toEqual([]);
	});

	it('sends the Org ID header when the credential has one', async () => {
		const sim = capillary.sim;
		addBadge(sim.state, { id: '6a00000000000000000000f2', name: 'Present' });
		sim.clearRequests();
		const result = await capillary.run({ resource: 'badge', operation: 'get', badgeId: { __rl: true, mode: 'id', value: '6a00000000000000000000f2' } });
		expect(result.error).toBeUndefined();
		expect(sim.apiRequests().map((r) => r.headers['x-cap-api-auth-org-id'])).toEqual(['50672']);
		expect(result.json).toEqual([expect.objectContaining({ name: 'Present' })]);
	});
});
