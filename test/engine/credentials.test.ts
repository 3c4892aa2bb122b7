/**
 * Both credential types through n8n's engine: the MD5 Basic header, regions, org/attribution
 * headers, and the OAuth token life cycle (mint once, reuse, refresh on 498 / 401 / v1.1 bodies).
 */
import nock from 'nock';

import { CapillaryApi } from '../../dist/credentials/CapillaryApi.credentials';
import { basicAuthorization, md5Hex, REGIONS } from '../../dist/credentials/CapillaryAuth';
import { CapillaryOAuthApi } from '../../dist/credentials/CapillaryOAuthApi.credentials';
import { basicCredentials, lastRequest, oauthCredentials, useCapillary } from '../harness/fixtures';
import { testCredential } from '../harness/credential-test';

const WORKED_EXAMPLE = 'Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3';
const lookupTom = { resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' };

describe('till Basic auth (capillaryApi)', () => {
	const capillary = useCapillary();

	it('computes the documented worked example: store.server / server123', async () => {
		expect(md5Hex('server123')).toBe('8a16a6b70505eb1f1ff7cdc0cd5559a7');
		expect(basicAuthorization('store.server', 'server123', false)).toBe(WORKED_EXAMPLE);
		const options = await new CapillaryApi().authenticate({ username: 'store.server', password: 'server123' }, { url: '/x' });
		expect(options.headers).toMatchObject({ Authorization: WORKED_EXAMPLE });
	});

	it('sends that header through the engine, and accepts a password that is already an MD5 hash', async () => {
		await capillary.run(lookupTom);
		expect(lastRequest(capillary.sim).headers.authorization).toBe(WORKED_EXAMPLE);
		const hashed = basicCredentials(capillary.sim, { password: '8A16A6B70505EB1F1FF7CDC0CD5559A7', isMd5Hash: true });
		const result = await capillary.run(lookupTom, { credentials: hashed });
		expect(result.error).toBeUndefined();
		expect(lastRequest(capillary.sim).headers.authorization).toBe(WORKED_EXAMPLE);
	});

	it('sends the org id and attribution headers when configured', async () => {
		const credentials = basicCredentials(capillary.sim, { attributionType: 'STORE_CODE', attributionCode: 'store-42' });
		await capillary.run(lookupTom, { credentials });
		const headers = lastRequest(capillary.sim).headers;
		expect(headers['x-cap-api-auth-org-id']).toBe('50672');
		expect(headers['x-cap-api-attribution-lookup-type']).toBe('STORE_CODE');
		expect(headers['x-cap-api-attribution-lookup']).toBe('store-42');
	});

	it('reports a wrong password as Capillary authentication error 401', async () => {
		const result = await capillary.run(lookupTom, { credentials: basicCredentials(capillary.sim, { password: 'wrong' }) });
		expect(result.error?.message).toMatch(/Capillary error 401/);
		expect(result.error?.description).toMatch(/username and password/);
	});

	it('passes the credential test with good credentials and explains a bad password, an unknown host and a wrong region', async () => {
		const type = new CapillaryApi();
		expect(await testCredential(type, basicCredentials(capillary.sim))).toEqual({ status: 'OK' });
		const badPassword = await testCredential(type, basicCredentials(capillary.sim, { password: 'nope' }));
		expect(badPassword.status).toBe('Error');
		expect(badPassword.message).toMatch(/rejected|401|Authentication/i);
		const unknownHost = await testCredential(type, basicCredentials(capillary.sim, { url: 'http://127.0.0.1:9' }));
		expect(unknownHost.status).toBe('Error');
		expect(JSON.stringify(unknownHost)).not.toContain('server123');
	});
});

describe('regions', () => {
	afterEach(() => nock.cleanAll());
	// nock patches Node's http module for the whole worker process; restore() puts it back, or
	// later test files in this worker would send through nock (a 100 KB URL then hangs there).
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});

	it.each(REGIONS.filter((r) => r.value !== 'custom'))('$name → $value', async ({ value }) => {
		nock.disableNetConnect();
		const scope = nock(value)
			.get('/v2/customers/lookup')
			.query(true)
			.reply(200, { entity: 77, warnings: [] });
		const { runNode } = await import('../harness/engine');
		const result = await runNode({
			parameters: { authentication: 'basicAuth', ...lookupTom },
			credentials: { capillaryApi: { region: value, username: 'store.server', password: 'server123', orgId: '' } },
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ customerId: 77 }]);
		expect(scope.isDone()).toBe(true);
	});

	it('custom URL: trailing slashes are ignored', async () => {
		nock.disableNetConnect();
		const scope = nock('https://crm.example.net').get('/v2/customers/lookup').query(true).reply(200, { entity: 5 });
		const { runNode } = await import('../harness/engine');
		const result = await runNode({
			parameters: { authentication: 'basicAuth', ...lookupTom },
			credentials: { capillaryApi: { region: 'custom', url: ' https://crm.example.net// ', username: 'a', password: 'b' } },
		});
		expect(result.json).toEqual([{ customerId: 5 }]);
		expect(scope.isDone()).toBe(true);
	});
});

describe('OAuth client key/secret (capillaryOAuthApi)', () => {
	const capillary = useCapillary();
	const tokenCalls = () => capillary.sim.requests.filter((r) => r.path === '/v3/oauth/token/generate').length;

	it('mints one token for many items, sends it as X-CAP-API-OAUTH-TOKEN, and reuses it in the next run', async () => {
		const items = Array.from({ length: 5 }, () => ({}));
		const first = await capillary.run(lookupTom, { auth: 'oauth', items });
		expect(first.error).toBeUndefined();
		expect(first.json).toHaveLength(5);
		expect(tokenCalls()).toBe(1);
		const token = lastRequest(capillary.sim).headers['x-cap-api-oauth-token'];
		expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(lastRequest(capillary.sim).headers.authorization).toBeUndefined();
		await capillary.run(lookupTom, { auth: 'oauth', credentialsHelper: first.credentialsHelper });
		expect(tokenCalls()).toBe(1);
	});

	it('refreshes a token the server says expired (HTTP 498) and retries transparently', async () => {
		const first = await capillary.run(lookupTom, { auth: 'oauth' });
		capillary.sim.auth.expireAll();
		const second = await capillary.run(lookupTom, { auth: 'oauth', credentialsHelper: first.credentialsHelper });
		expect(second.error).toBeUndefined();
		expect(second.json).toEqual([{ customerId: 1001 }]);
		expect(tokenCalls()).toBe(2);
		const statuses = capillary.sim.apiRequests().map((r) => r.status);
		expect(statuses).toEqual([200, 498, 200]);
	});

	it('refreshes a token the server does not know (HTTP 401)', async () => {
		const first = await capillary.run(lookupTom, { auth: 'oauth' });
		capillary.sim.auth.revokeAll();
		const second = await capillary.run(lookupTom, { auth: 'oauth', credentialsHelper: first.credentialsHelper });
		expect(second.error).toBeUndefined();
		expect(capillary.sim.apiRequests().map((r) => r.status)).toEqual([200, 401, 200]);
	});

	it('refreshes on a v1.1 body that says 498 inside HTTP 200', async () => {
		const params = { resource: 'points', operation: 'issueValidationCode', v11IdentifierType: 'mobile', v11IdentifierValue: '919111111111', points: 10 };
		const first = await capillary.run(params, { auth: 'oauth' });
		expect(first.error).toBeUndefined();
		capillary.sim.auth.expireAll();
		const second = await capillary.run(params, { auth: 'oauth', credentialsHelper: first.credentialsHelper });
		expect(second.error).toBeUndefined();
		const v11 = capillary.sim.apiRequests().filter((r) => r.path === '/v1.1/points/validationcode');
		expect(v11).toHaveLength(3);
		expect(tokenCalls()).toBe(2);
	});

	it('refreshes before sending when the token lifetime (ttlSeconds) is over, without a rejected request', async () => {
		const first = await capillary.run(lookupTom, { auth: 'oauth' });
		const realNow = Date.now;
		const later = realNow() + 301_000; // the simulator's tokens live 300 s
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => later + (realNow() - later + 301_000));
		try {
			await capillary.run(lookupTom, { auth: 'oauth', credentialsHelper: first.credentialsHelper });
		} finally {
			clock.mockRestore();
		}
		expect(tokenCalls()).toBe(2);
		expect(capillary.sim.apiRequests().map((r) => r.status)).toEqual([200, 200]);
	});

	it('explains invalid client key and secret (320001) without sending the request', async () => {
		const result = await capillary.run(lookupTom, { auth: 'oauth', credentials: oauthCredentials(capillary.sim, { clientSecret: 'wrong-secret-value' }) });
		expect(result.error?.message).toMatch(/320001/);
		expect(result.error?.description).toMatch(/Client Key and Client Secret/);
		expect(JSON.stringify(result.error)).not.toContain('wrong-secret-value');
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('passes the credential test, and fails it clearly for a wrong secret', async () => {
		const type = new CapillaryOAuthApi();
		expect(await testCredential(type, oauthCredentials(capillary.sim))).toEqual({ status: 'OK' });
		const wrong = await testCredential(type, oauthCredentials(capillary.sim, { clientSecret: 'bad-secret-xyz' }));
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/320001|client key and secret/i);
		expect(JSON.stringify(wrong)).not.toContain('bad-secret-xyz');
	});

	it('sends the OAuth attribution pair', async () => {
		const credentials = oauthCredentials(capillary.sim, { attributionType: 'TILL', attributionCode: 'till-7' });
		await capillary.run(lookupTom, { auth: 'oauth', credentials });
		const headers = lastRequest(capillary.sim).headers;
		expect(headers['x-cap-api-attribution-entity-type']).toBe('TILL');
		expect(headers['x-cap-api-attribution-entity-code']).toBe('till-7');
	});
});
