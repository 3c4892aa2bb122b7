/**
 * Issue 12, OAuth: one token per client, checked. A token server written here mints a distinct
 * token per client key (and per base URL the request reached), or answers with broken bodies.
 */
import { cachedTokenCount, clearTokenCache, MAX_CACHED_TOKENS } from '../../dist/credentials/CapillaryAuth';
import { runNode, type TestCredentialsHelper } from '../harness/engine';
import { hostileServer, json, oauthAt, TOKEN_PATH, type Hostile } from './hostile';

const lookupTom = { authentication: 'oAuth', resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' };

let server: Hostile | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	clearTokenCache();
});

/** Tokens say whom they were minted for: `tok-<client key>-<host>-<n>`; the API answers with the token it got. */
async function tokenServer(): Promise<Hostile> {
	let minted = 0;
	return await hostileServer((req, res) => {
		if (req.path === TOKEN_PATH) {
			const { key } = req.body as { key: string };
			return json(res, 200, { data: { accessToken: `tok-${key}-${String(req.headers.host).split(':')[0]}-${++minted}`, ttlSeconds: 3600 }, errors: [] });
		}
		json(res, 200, { entity: 1001, warnings: [] });
	});
}

const tokensSent = () => server!.apiRequests().map((r) => String(r.headers['x-cap-api-oauth-token']));

describe('case 13: a token is used only for the (base URL, client key) it was minted for', () => {
	it('client key changed in the credential (token saved by n8n for the old client): 2 tokens minted, the new client sends its own', async () => {
		server = await tokenServer();
		const first = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a') });
		expect(first.error).toBeUndefined();
		const helper: TestCredentialsHelper = first.credentialsHelper;
		// n8n saved client A's token with the credential; the user now edits only the client key.
		helper.data.capillaryOAuthApi = { ...helper.data.capillaryOAuthApi, clientId: 'client-b' };
		const second = await runNode({ parameters: lookupTom, credentials: helper.data, credentialsHelper: helper });
		expect(second.error).toBeUndefined();
		expect(server.tokenRequests().map((r) => (r.body as { key: string }).key)).toEqual(['client-a', 'client-b']);
		expect(tokensSent()).toEqual([expect.stringMatching(/^tok-client-a-/), expect.stringMatching(/^tok-client-b-/)]);
	});

	it('the same client after a process restart (empty cache) still trusts the token saved for it: 1 token minted for 2 runs', async () => {
		server = await tokenServer();
		const first = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a') });
		clearTokenCache();
		await runNode({ parameters: lookupTom, credentials: first.credentialsHelper.data, credentialsHelper: first.credentialsHelper });
		expect(server.tokenRequests()).toHaveLength(1);
		expect(new Set(tokensSent()).size).toBe(1);
	});

	it('base URL changed (same server reached as localhost instead of 127.0.0.1): a new token is minted for the new host', async () => {
		server = await tokenServer();
		const first = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a') });
		const helper = first.credentialsHelper;
		clearTokenCache();
		helper.data.capillaryOAuthApi = { ...helper.data.capillaryOAuthApi, url: server.url.replace('127.0.0.1', 'localhost') };
		await runNode({ parameters: lookupTom, credentials: helper.data, credentialsHelper: helper });
		expect(server.tokenRequests()).toHaveLength(2);
		expect(tokensSent()).toEqual([expect.stringMatching(/-127\.0\.0\.1-1$/), expect.stringMatching(/-localhost-2$/)]);
	});

	it(`the in-memory cache keeps at most ${MAX_CACHED_TOKENS} tokens: ${MAX_CACHED_TOKENS + 5} clients, the first one evicted and minted again`, async () => {
		server = await tokenServer();
		const clients = Array.from({ length: MAX_CACHED_TOKENS + 5 }, (_, i) => `client-${i}`);
		for (const client of clients) await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, client, { accessToken: '' }) });
		expect(cachedTokenCount()).toBe(MAX_CACHED_TOKENS);
		expect(server.tokenRequests()).toHaveLength(clients.length);
		await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-0') });
		await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, `client-${clients.length - 1}`) });
		// client-0 was evicted (minted again); the newest client was still cached.
		expect(server.tokenRequests()).toHaveLength(clients.length + 1);
	});
});

describe('case 14: the token response is validated', () => {
	it.each([
		['an object', { accessToken: { value: 'x' } }, 'an object'],
		['a number', { accessToken: 12345 }, 'a number'],
		['a list', { accessToken: ['a', 'b'] }, 'a list'],
		['empty text', { accessToken: '' }, 'empty'],
		['text with a line break', { accessToken: 'abc\r\nX-Injected: 1' }, 'text with spaces or control characters'],
	])('accessToken that is %s: a clear credential error, 1 token request, 0 API requests', async (_name, data, described) => {
		server = await hostileServer((req, res) => (req.path === TOKEN_PATH ? json(res, 200, { data, errors: [] }) : json(res, 200, { entity: 1, warnings: [] })));
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(result.error?.message).toBe(`Capillary's token endpoint answered with an unusable OAuth token (accessToken is ${described}, not a token)`);
		expect(result.error?.description).toMatch(/Region or Base URL/);
		expect(result.error?.message).not.toMatch(/split is not a function|\[object Object\]/);
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests()).toHaveLength(0);
	});

	it('errors[] with an object message and data null: readable message, 0 API requests', async () => {
		server = await hostileServer((req, res) => json(res, 200, { data: null, errors: [{ code: 9999, message: { why: 'maintenance' } }] }));
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(result.error?.message).toBe('Capillary did not issue an OAuth token ({"why":"maintenance"}, code 9999)');
		expect(server.apiRequests()).toHaveLength(0);
	});

	it('a body that is not an object at all (a list): a credential error, 0 API requests', async () => {
		server = await hostileServer((req, res) => json(res, 200, ['not', 'a', 'token']));
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(result.error?.message).toBe('Capillary did not issue an OAuth token (HTTP 200, code 200)');
		expect(server.apiRequests()).toHaveLength(0);
	});
});
