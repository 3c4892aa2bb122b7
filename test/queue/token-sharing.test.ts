/**
 * OAuth across queue-mode workers, in-process: the token n8n stores on the credential (the
 * harness's credentials helper stands in for n8n's database) is what workers share. A worker
 * whose token was rejected uses the stored one if another worker put a newer one there, and a
 * token it mints is handed to n8n to store. The real multi-process run is in queue.queue.ts.
 */
import { useCapillary } from '../harness/fixtures';

const lookupTom = { resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' };
const items = Array.from({ length: 20 }, () => ({}));

describe('OAuth token shared through the credential n8n stores', () => {
	const capillary = useCapillary();
	const tokenCalls = () => capillary.sim.requests.filter((r) => r.path === '/v3/oauth/token/generate').length;
	const issued = () => [...capillary.sim.auth.tokens.keys()];

	it('a token minted after a rejection is handed to n8n to store, so other workers find it', async () => {
		const first = await capillary.run(lookupTom, { auth: 'oauth', items });
		const helper = first.credentialsHelper;
		expect(helper.saved.capillaryOAuthApi.accessToken).toBe(issued()[0]);
		capillary.sim.auth.revokeAll();
		const second = await capillary.run(lookupTom, { auth: 'oauth', items, credentialsHelper: helper });
		expect(second.error).toBeUndefined();
		expect(second.json).toEqual(items.map(() => ({ customerId: 1001 })));
		expect(tokenCalls()).toBe(2);
		expect(issued()).toHaveLength(1);
		expect(helper.saved.capillaryOAuthApi.accessToken).toBe(issued()[0]);
	});

	it('after a rejection, a token another worker stored is used before minting one (server revokes the previous token on every mint)', async () => {
		capillary.sim.auth.config.revokePreviousOnMint = true;
		try {
			const first = await capillary.run(lookupTom, { auth: 'oauth', items });
			const helper = first.credentialsHelper;
			// Another worker mints a token (revoking this process's one) and n8n stores it on the credential.
			const response = await fetch(`${capillary.sim.url}/v3/oauth/token/generate`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ key: 'sim-client-key', secret: 'sim-client-secret' }),
			});
			const otherWorkers = ((await response.json()) as { data: { accessToken: string } }).data.accessToken;
			helper.saved.capillaryOAuthApi = { ...helper.saved.capillaryOAuthApi, accessToken: otherWorkers };
			capillary.sim.clearRequests();
			const second = await capillary.run(lookupTom, { auth: 'oauth', items, credentialsHelper: helper });
			expect(second.error).toBeUndefined();
			expect(second.json).toEqual(items.map(() => ({ customerId: 1001 })));
			// No token request: the rejected requests were re-sent with the stored token, which stays valid.
			expect(tokenCalls()).toBe(0);
			expect(issued()).toEqual([otherWorkers]);
			const sent = capillary.sim.apiRequests();
			expect(sent.filter((r) => r.status === 200).every((r) => r.headers['x-cap-api-oauth-token'] === otherWorkers)).toBe(true);
			expect(sent.filter((r) => r.status === 200)).toHaveLength(items.length);
		} finally {
			capillary.sim.auth.config.revokePreviousOnMint = false;
		}
	});
});
