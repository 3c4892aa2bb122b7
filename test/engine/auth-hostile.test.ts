/**
 * Authentication to Capillary against hostile or flaky token servers and odd credential input:
 * garbage token answers, odd lifetimes, tokens rejected on use, concurrent items, a token request
 * that never answers, credential changes, secrets echoed back (escaped too), custom base URLs, the
 * credential Test, and till usernames, MD5 claims and header values that cannot be sent.
 */
import { createHash } from 'node:crypto';

import { CapillaryApi } from '../../dist/credentials/CapillaryApi.credentials';
import { basicAuthorization, clearTokenCache, md5Hex } from '../../dist/credentials/CapillaryAuth';
import { CapillaryOAuthApi } from '../../dist/credentials/CapillaryOAuthApi.credentials';
import { testCredential } from '../harness/credential-test';
import { runNode, type RunResult, type TestCredentialsHelper } from '../harness/engine';
import { basicAt, hostileServer, json, oauthAt, TOKEN_PATH, type Hostile, type HostileRequest } from './hostile';

jest.setTimeout(30_000);

const lookupTom = { authentication: 'oAuth', resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' };
const reverse = { resource: 'points', operation: 'reverseRedemption', redemptionId: 'R1', identifierName: 'mobile', identifierValue: '919111111111' };
const fast = { timeout: 300, maxRetries: 0, retryDelay: 1 };

let server: Hostile | undefined;
let servers: Hostile[] = [];
afterEach(async () => {
	await server?.close();
	for (const s of servers) await s.close();
	server = undefined;
	servers = [];
	clearTokenCache();
});

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (exp: number, n: number) => `${b64url({ alg: 'none' })}.${b64url({ exp, n })}.sig${n}`;

/** Everything reachable from a run's result, including non-enumerable error fields. */
function dump(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || typeof value !== 'object') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	const keys = new Set([...Object.keys(value), ...Object.getOwnPropertyNames(value)]);
	if (value instanceof Error) ['message', 'description', 'cause', 'stack', 'context', 'messages'].forEach((k) => keys.add(k));
	return [...keys].map((k) => `${k}:${dump((value as Record<string, unknown>)[k], seen)}`).join('|');
}
const everything = (r: RunResult) => dump(r.items) + dump(r.error) + dump(r.run?.data?.resultData);

/** Server that mints numbered tokens (`tok-<n>`) and answers API calls via `api`. */
async function tokenServer(api: (req: HostileRequest, res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => void, token: (n: number) => unknown = (n) => ({ accessToken: `tok-${n}`, ttlSeconds: 3600 })) {
	let minted = 0;
	return await hostileServer((req, res) => {
		if (req.path === TOKEN_PATH) return json(res, 200, { data: token(++minted), errors: [] });
		api(req, res);
	});
}
const ok = (_req: HostileRequest, res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => json(res, 200, { entity: 1001, warnings: [] });

// ---------------------------------------------------------------------------------------------
describe('A. token endpoint answers garbage', () => {
	const cases: Array<[string, (res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => void]> = [
		['HTML page with 200', (res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html><title>Login</title><body>proxy</body></html>'); }],
		['HTML page with 502', (res) => { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<html><body>Bad gateway</body></html>'); }],
		['empty body with 200', (res) => { res.writeHead(200); res.end(); }],
		['invalid JSON labelled as JSON', (res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"data": {"accessToken": "abc"'); }],
		['JSON null', (res) => json(res, 200, null)],
		['JSON string', (res) => json(res, 200, 'token')],
		['JSON number', (res) => json(res, 200, 42)],
		['200 with a v1.1 failure status', (res) => json(res, 200, { response: { status: { success: false, code: 500, message: 'internal' } } })],
		['200 with errors[] and a token', (res) => json(res, 200, { data: { accessToken: 'tok-1', ttlSeconds: 3600 }, errors: [{ code: 500, message: 'token service degraded' }] })],
		['200 with data but no accessToken', (res) => json(res, 200, { data: { ttlSeconds: 3600 }, errors: [] })],
	];
	it.each(cases)('%s: clear credential error, 1 token request, 0 API requests', async (_name, answer) => {
		server = await hostileServer((req, res) => (req.path === TOKEN_PATH ? answer(res) : ok(req, res)));
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: fast }, credentials: oauthAt(server.url) });
		expect(result.error?.message).toMatch(/OAuth token/);
		expect(result.error?.message).not.toMatch(/\[object Object\]|undefined|Unexpected token|is not a function/);
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests()).toHaveLength(0);
	});
});

// ---------------------------------------------------------------------------------------------
describe('B. token lifetimes', () => {
	it.each([
		['no ttlSeconds (opaque token)', undefined],
		['ttlSeconds 0', 0],
		['ttlSeconds -100', -100],
		['ttlSeconds "3600" (string)', '3600'],
		['ttlSeconds "abc"', 'abc'],
		['ttlSeconds "Infinity"', 'Infinity'],
		['ttlSeconds 1e300', 1e300],
		['ttlSeconds null', null],
	])('%s: 3 items × 2 runs work with a single token request', async (_name, ttl) => {
		server = await tokenServer(ok, (n) => ({ accessToken: `tok-${n}`, ...(ttl === undefined ? {} : { ttlSeconds: ttl }) }));
		const items = [{}, {}, {}];
		const first = await runNode({ parameters: lookupTom, items, credentials: oauthAt(server.url) });
		expect(first.error).toBeUndefined();
		const second = await runNode({ parameters: lookupTom, items, credentials: first.credentialsHelper.data, credentialsHelper: first.credentialsHelper });
		expect(second.error).toBeUndefined();
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests()).toHaveLength(6);
	});

	it('ttlSeconds huge (1e12): the token is still re-minted after 24 h (lifetime capped)', async () => {
		server = await tokenServer(ok, (n) => ({ accessToken: `tok-${n}`, ttlSeconds: 1e12 }));
		const first = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(first.error).toBeUndefined();
		const real = Date.now;
		const offset = 25 * 3600_000;
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => real() + offset);
		try {
			// a fresh helper (no token stored by n8n) so only the in-memory cache decides
			await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		} finally {
			clock.mockRestore();
		}
		expect(server.tokenRequests()).toHaveLength(2);
	});

	it('JWT whose exp is already in the past (no ttlSeconds): one item causes ONE token request, and the token sent is the token minted', async () => {
		const past = Math.floor(Date.now() / 1000) - 3600;
		server = await tokenServer(ok, (n) => ({ accessToken: jwt(past, n) }));
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		const minted = server.tokenRequests().length;
		const sent = server.apiRequests().map((r) => String(r.headers['x-cap-api-oauth-token']));
		// Observed: 2 token requests for 1 item (withFreshToken mints #1, n8n's preAuthentication mints #2 and #2 is sent)
		expect({ minted, sent, error: result.error?.message }).toEqual({ minted: 1, sent: [jwt(past, 1)], error: undefined });
	});

	it('JWT already expired + an API that echoes the token it received in its error: the token never reaches the error', async () => {
		const past = Math.floor(Date.now() / 1000) - 3600;
		server = await tokenServer(
			(req, res) => json(res, 400, { errors: [{ code: 8015, message: `bad request for token ${String(req.headers['x-cap-api-oauth-token'])}` }] }),
			(n) => ({ accessToken: jwt(past, n) }),
		);
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(result.error).toBeDefined();
		const haystack = everything(result);
		for (let n = 1; n <= server.tokenRequests().length; n++) expect(haystack).not.toContain(jwt(past, n));
	});
});

// ---------------------------------------------------------------------------------------------
describe('C. a token rejected on use, again and again', () => {
	it.each([
		['HTTP 401', (res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => json(res, 401, { errors: [{ code: 401, message: 'Unauthorized' }] })],
		['HTTP 498', (res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => json(res, 498, { errors: [{ code: 498, message: 'Token expired' }] })],
		['v1.1 status 401 inside HTTP 200', (res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => json(res, 200, { response: { status: { success: false, code: 401, message: 'Unauthorized' } } })],
	])('%s on every call: bounded (4 API requests, 4 token requests), then a clear error', async (_name, reject) => {
		server = await tokenServer((_req, res) => reject(res));
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: { maxRetries: 3, retryDelay: 1 } }, credentials: oauthAt(server.url) });
		expect(result.error).toBeDefined();
		expect(server.apiRequests()).toHaveLength(4);
		expect(server.tokenRequests()).toHaveLength(4);
	});

	it('a write rejected with 401 every time: bounded, sent at most 4 times', async () => {
		server = await tokenServer((_req, res) => json(res, 401, { errors: [{ code: 401, message: 'Unauthorized' }] }));
		const result = await runNode({ parameters: { ...reverse, authentication: 'oAuth', requestOptions: { maxRetries: 3, retryDelay: 1 } }, credentials: oauthAt(server.url) });
		expect(result.error).toBeDefined();
		expect(server.apiRequests().length).toBeLessThanOrEqual(4);
	});

	it('10 items, concurrency 1, a server that rejects every token: the token endpoint is not hammered (≤ 4 token requests for the run)', async () => {
		server = await tokenServer((_req, res) => json(res, 401, { errors: [{ code: 401, message: 'Unauthorized' }] }));
		const items = Array.from({ length: 10 }, () => ({}));
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: { maxConcurrency: 1, maxRetries: 0, retryDelay: 1 } }, items, credentials: oauthAt(server.url), continueOnFail: true });
		expect(result.items.every((i) => i.error !== undefined || i.json.error !== undefined)).toBe(true);
		expect({ tokenRequests: server.tokenRequests().length, apiRequests: server.apiRequests().length }).toEqual({ tokenRequests: 4, apiRequests: expect.any(Number) });
	}, 60_000);
});

// ---------------------------------------------------------------------------------------------
describe('D. concurrent items all needing a token', () => {
	it('20 items, slow token endpoint (300 ms): exactly 1 token request, 20 API requests', async () => {
		let minted = 0;
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) return void setTimeout(() => json(res, 200, { data: { accessToken: `tok-${++minted}`, ttlSeconds: 3600 }, errors: [] }), 300);
			ok(req, res);
		});
		const items = Array.from({ length: 20 }, () => ({}));
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: { maxConcurrency: 20 } }, items, credentials: oauthAt(server.url) });
		expect(result.error).toBeUndefined();
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests()).toHaveLength(20);
	});

	it('20 items, token endpoint answers 500: 1 token request, every item fails clearly (continue on fail)', async () => {
		server = await hostileServer((req, res) => (req.path === TOKEN_PATH ? json(res, 500, { errors: [{ code: 500, message: 'boom' }] }) : ok(req, res)));
		const items = Array.from({ length: 20 }, () => ({}));
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: { maxConcurrency: 20 } }, items, credentials: oauthAt(server.url), continueOnFail: true });
		expect(result.items).toHaveLength(20);
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests()).toHaveLength(0);
	});

	it('20 items all rejected (498) with the first token at once: 1 refresh (2 token requests)', async () => {
		let minted = 0;
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) return json(res, 200, { data: { accessToken: `tok-${++minted}`, ttlSeconds: 3600 }, errors: [] });
			if (req.headers['x-cap-api-oauth-token'] === 'tok-1') return void setTimeout(() => json(res, 498, { errors: [{ code: 498, message: 'expired' }] }), 50);
			ok(req, res);
		});
		const items = Array.from({ length: 20 }, () => ({}));
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: { maxConcurrency: 20 } }, items, credentials: oauthAt(server.url) });
		expect(result.error).toBeUndefined();
		expect(server.tokenRequests()).toHaveLength(2);
	});
});

// ---------------------------------------------------------------------------------------------
describe('E. a token request that never answers', () => {
	it('20 items (continue on fail), timeout 300 ms: 1 token request, ends quickly, every item has a clear timeout error', async () => {
		server = await hostileServer((req, res) => (req.path === TOKEN_PATH ? undefined : ok(req, res)));
		const items = Array.from({ length: 20 }, () => ({}));
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: { ...fast, maxConcurrency: 20 } }, items, credentials: oauthAt(server.url), continueOnFail: true });
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests()).toHaveLength(0);
		expect(result.items.map((i) => String(i.json.error ?? i.error?.message))).toEqual(items.map(() => expect.stringMatching(/did not answer the OAuth token request within 300 ms/)));
	});

	it('token endpoint sends headers then trickles the body forever: ends after the timeout', async () => {
		server = await hostileServer((req, res) => {
			if (req.path !== TOKEN_PATH) return ok(req, res);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"data":');
			const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 20);
		});
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: fast }, credentials: oauthAt(server.url) });
		expect(result.error?.message).toMatch(/OAuth token/);
		expect(server.apiRequests()).toHaveLength(0);
	});
});

// ---------------------------------------------------------------------------------------------
describe('F. credential changes and several credentials', () => {
	/** Token server that only issues tokens for the current secret; tokens say which secret minted them. */
	async function secretServer(valid: { secret: string }) {
		let minted = 0;
		return await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) {
				const { key, secret } = req.body as { key: string; secret: string };
				if (secret !== valid.secret) return json(res, 200, { data: null, errors: [{ code: 320001, message: 'Invalid client key and secret' }] });
				return json(res, 200, { data: { accessToken: `tok-${key}-${secret}-${++minted}`, ttlSeconds: 3600 }, errors: [] });
			}
			json(res, 200, { entity: 1001, warnings: [] });
		});
	}

	it('client secret changed between runs (token saved by n8n for the old secret): a new token is minted with the new secret', async () => {
		const valid = { secret: 'old-secret-1111' };
		server = await secretServer(valid);
		const first = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a', { clientSecret: 'old-secret-1111' }) });
		expect(first.error).toBeUndefined();
		const helper: TestCredentialsHelper = first.credentialsHelper;
		// the secret was rotated in Capillary and in the credential
		valid.secret = 'new-secret-2222';
		helper.data.capillaryOAuthApi = { ...helper.data.capillaryOAuthApi, clientSecret: 'new-secret-2222' };
		const second = await runNode({ parameters: lookupTom, credentials: helper.data, credentialsHelper: helper });
		expect(second.error).toBeUndefined();
		expect(server.tokenRequests().map((r) => (r.body as { secret: string }).secret)).toEqual(['old-secret-1111', 'new-secret-2222']);
		// The second run's request carries the second token (minted with the new secret).
		expect(String(server.apiRequests()[1]?.headers['x-cap-api-oauth-token'])).toMatch(/-2$/);
	});

	it('client secret changed to a WRONG value between runs: the run fails with 320001 instead of silently reusing the old token', async () => {
		const valid = { secret: 'old-secret-1111' };
		server = await secretServer(valid);
		const first = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a', { clientSecret: 'old-secret-1111' }) });
		const helper = first.credentialsHelper;
		helper.data.capillaryOAuthApi = { ...helper.data.capillaryOAuthApi, clientSecret: 'typo-secret-3333' };
		const second = await runNode({ parameters: lookupTom, credentials: helper.data, credentialsHelper: helper });
		expect(second.error?.message).toMatch(/320001/);
	});

	it('secret changed in-process (no token saved by n8n): new token minted with the new secret', async () => {
		const valid = { secret: 'old-secret-1111' };
		server = await secretServer(valid);
		await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a', { clientSecret: 'old-secret-1111' }) });
		valid.secret = 'new-secret-2222';
		const second = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a', { clientSecret: 'new-secret-2222' }) });
		expect(second.error).toBeUndefined();
		expect(server.tokenRequests()).toHaveLength(2);
	});

	it('two credentials (two orgs / client keys) used concurrently: each gets and sends only its own token', async () => {
		let minted = 0;
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) {
				const { key } = req.body as { key: string };
				return void setTimeout(() => json(res, 200, { data: { accessToken: `tok-${key}-${++minted}`, ttlSeconds: 3600 }, errors: [] }), 100);
			}
			json(res, 200, { entity: req.headers['x-cap-api-auth-org-id'] === '1' ? 1 : 2, warnings: [] });
		});
		const items = Array.from({ length: 5 }, () => ({}));
		const [a, b] = await Promise.all([
			runNode({ parameters: lookupTom, items, credentials: oauthAt(server.url, 'org1-client', { orgId: '1' }) }),
			runNode({ parameters: lookupTom, items, credentials: oauthAt(server.url, 'org2-client', { orgId: '2' }) }),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(server.tokenRequests()).toHaveLength(2);
		for (const r of server.apiRequests()) {
			const org = r.headers['x-cap-api-auth-org-id'];
			expect(String(r.headers['x-cap-api-oauth-token'])).toMatch(org === '1' ? /^tok-org1-client-/ : /^tok-org2-client-/);
		}
	});

	it('same client key on two clusters (two base URLs) concurrently: tokens are not shared', async () => {
		const make = async (tag: string) => {
			let minted = 0;
			return await hostileServer((req, res) => {
				if (req.path === TOKEN_PATH) return json(res, 200, { data: { accessToken: `tok-${tag}-${++minted}`, ttlSeconds: 3600 }, errors: [] });
				json(res, String(req.headers['x-cap-api-oauth-token']).startsWith(`tok-${tag}-`) ? 200 : 401, { entity: 1, warnings: [] });
			});
		};
		const one = await make('one');
		const two = await make('two');
		servers.push(one, two);
		const [a, b] = await Promise.all([
			runNode({ parameters: lookupTom, items: [{}, {}], credentials: oauthAt(one.url, 'shared-client') }),
			runNode({ parameters: lookupTom, items: [{}, {}], credentials: oauthAt(two.url, 'shared-client') }),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(one.tokenRequests()).toHaveLength(1);
		expect(two.tokenRequests()).toHaveLength(1);
	});
});

// ---------------------------------------------------------------------------------------------
describe('G. secrets never appear in errors or output', () => {
	it('token endpoint echoes the client secret in its error: redacted', async () => {
		server = await hostileServer((req, res) => json(res, 400, { data: null, errors: [{ code: 1, message: `bad secret ${(req.body as { secret: string }).secret}` }] }));
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(result.error).toBeDefined();
		expect(everything(result)).not.toContain('client-secret-value');
	});

	it.each([
		['a double quote', 'sec"ret-value-1'],
		['a backslash', 'sec\\ret-value-2'],
		['a tab', 'sec\tret-value-3'],
		['unicode line separator', 'sec\u2028ret-value-4'],
	])('client secret containing %s, echoed by the token endpoint in its error: redacted', async (_name, secret) => {
		server = await hostileServer((req, res) => json(res, 400, { data: null, errors: [{ code: 1, message: `bad secret ${(req.body as { secret: string }).secret}` }] }));
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a', { clientSecret: secret }) });
		expect(result.error).toBeDefined();
		expect(everything(result)).not.toContain(secret);
	});

	it('client secret containing a double quote, echoed by the API in a 400 error (v2 errors[]): redacted', async () => {
		const secret = 'api"echo-secret-5';
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) return json(res, 200, { data: { accessToken: 'tok-1', ttlSeconds: 3600 }, errors: [] });
			json(res, 400, { errors: [{ code: 8015, message: `client secret ${secret} not allowed here` }] });
		});
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url, 'client-a', { clientSecret: secret }) });
		expect(result.error).toBeDefined();
		expect(everything(result)).not.toContain(secret);
	});

	it('token containing a double quote and a backslash (header-safe), echoed by the API: redacted', async () => {
		const token = 'tok"en\\abc-123';
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) return json(res, 200, { data: { accessToken: token, ttlSeconds: 3600 }, errors: [] });
			json(res, 400, { errors: [{ code: 8015, message: `token ${String(req.headers['x-cap-api-oauth-token'])} lacks scope` }] });
		});
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(server.apiRequests().length).toBeGreaterThan(0);
		expect(result.error).toBeDefined();
		expect(everything(result)).not.toContain(token);
	});

	it('Basic: API echoes the Authorization header and the MD5 in a 401: redacted', async () => {
		server = await hostileServer((req, res) =>
			json(res, 401, { response: { status: { success: false, code: 401, message: `bad auth ${String(req.headers.authorization)} md5=${md5Hex('secret-pass')}` } } }),
		);
		const result = await runNode({ parameters: { ...lookupTom, authentication: 'basicAuth' }, credentials: basicAt(server.url) });
		expect(result.error).toBeDefined();
		const haystack = everything(result);
		expect(haystack).not.toContain(md5Hex('secret-pass'));
		expect(haystack).not.toContain(basicAuthorization('till.user', 'secret-pass', false).slice(6));
	});

	it('token minted during the run (not the stored one) echoed in a 200 body output: redacted', async () => {
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) return json(res, 200, { data: { accessToken: 'fresh-token-xyz', ttlSeconds: 3600 }, errors: [] });
			json(res, 400, { errors: [{ code: 8015, message: `your token is ${String(req.headers['x-cap-api-oauth-token'])}` }] });
		});
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(everything(result)).not.toContain('fresh-token-xyz');
	});
});

// ---------------------------------------------------------------------------------------------
describe('H. custom base URL', () => {
	const variants: Array<[string, (u: string) => string]> = [
		['trailing slashes', (u) => `${u}///`],
		['surrounding whitespace/newline', (u) => `  ${u}\n\t`],
		['uppercase scheme and host', (u) => u.replace('http://', 'HTTP://')],
	];
	it.each(variants)('%s: token request goes to exactly /v3/oauth/token/generate and API works', async (_name, transform) => {
		server = await tokenServer(ok);
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(transform(server.url)) });
		expect(result.error).toBeUndefined();
		expect(server.requests.map((r) => r.path)).toEqual([TOKEN_PATH, '/v2/customers/lookup']);
	});

	it('base URL with a path prefix (reverse proxy): token and API both go under the prefix', async () => {
		let minted = 0;
		server = await hostileServer((req, res) => {
			if (req.path === `/capillary${TOKEN_PATH}`) return json(res, 200, { data: { accessToken: `tok-${++minted}`, ttlSeconds: 3600 }, errors: [] });
			if (req.path.startsWith('/capillary/')) return ok(req, res);
			json(res, 404, { errors: [{ code: 404, message: 'not here' }] });
		});
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(`${server.url}/capillary/`) });
		expect(server.requests.map((r) => r.path)).toEqual([`/capillary${TOKEN_PATH}`, '/capillary/v2/customers/lookup']);
		expect(result.error).toBeUndefined();
	});

	it('base URL without a scheme: a clear error naming the Base URL, nothing sent', async () => {
		server = await tokenServer(ok);
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url.replace('http://', '')) });
		expect(result.error).toBeDefined();
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/Base URL/);
		expect(server.requests).toHaveLength(0);
	});

	it('empty custom URL: a clear error, not an attempt against "(no base URL)" or localhost', async () => {
		const result = await runNode({ parameters: { ...lookupTom, requestOptions: fast }, credentials: oauthAt('') });
		expect(result.error).toBeDefined();
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/Base URL/);
	});

	it('Basic auth, base URL with trailing slash + whitespace: API path has no double slash', async () => {
		server = await hostileServer((req, res) => ok(req, res));
		const result = await runNode({ parameters: { ...lookupTom, authentication: 'basicAuth' }, credentials: basicAt(` ${server.url}/ `) });
		expect(result.error).toBeUndefined();
		expect(server.requests.map((r) => r.path)).toEqual(['/v2/customers/lookup']);
	});
});

// ---------------------------------------------------------------------------------------------
describe('I. credential Test button against a hostile server', () => {
	it('Basic credential test request carries a timeout (n8n otherwise waits its 300 s axios default)', () => {
		expect((new CapillaryApi().test.request as { timeout?: number }).timeout).toEqual(expect.any(Number));
	});

	it('OAuth credential test request carries a timeout', () => {
		expect((new CapillaryOAuthApi().test.request as { timeout?: number }).timeout).toEqual(expect.any(Number));
	});

	it('both credential tests disable redirects', () => {
		expect(new CapillaryApi().test.request.disableFollowRedirect).toBe(true);
		expect(new CapillaryOAuthApi().test.request.disableFollowRedirect).toBe(true);
	});

	it.each([
		['HTML page with 200', (res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html><body>Welcome to nginx</body></html>'); }],
		['{} with 200', (res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => json(res, 200, {})],
		['empty 200', (res: Parameters<Parameters<typeof hostileServer>[0]>[1]) => { res.writeHead(200); res.end(); }],
	])('Basic credential test against a non-Capillary server answering %s: Error, not "OK"', async (_name, answer) => {
		server = await hostileServer((_req, res) => answer(res));
		const outcome = await testCredential(new CapillaryApi(), basicAt(server.url).capillaryApi);
		expect(outcome.status).toBe('Error');
	});

	it('Basic credential test against 401 HTML page: Error with a clear message, no secret', async () => {
		server = await hostileServer((_req, res) => { res.writeHead(401, { 'content-type': 'text/html' }); res.end('<html>denied</html>'); });
		const outcome = await testCredential(new CapillaryApi(), basicAt(server.url).capillaryApi);
		expect(outcome.status).toBe('Error');
		expect(JSON.stringify(outcome)).not.toContain('secret-pass');
	});

	it('OAuth credential test: token endpoint answers HTML: Error naming the OAuth token, no secret', async () => {
		server = await hostileServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>login</html>'); });
		const outcome = await testCredential(new CapillaryOAuthApi(), oauthAt(server.url).capillaryOAuthApi);
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(/OAuth token/);
		expect(JSON.stringify(outcome)).not.toContain('client-secret-value');
	});

	it('token endpoint that redirects (302) to a path that issues a token: not followed (engine, real n8n http client)', async () => {
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) {
				res.writeHead(302, { location: '/elsewhere' });
				return void res.end();
			}
			if (req.path === '/elsewhere') return json(res, 200, { data: { accessToken: 'tok-redir', ttlSeconds: 3600 }, errors: [] });
			ok(req, res);
		});
		const result = await runNode({ parameters: lookupTom, credentials: oauthAt(server.url) });
		expect(server.requests.map((r) => r.path)).toEqual([TOKEN_PATH]);
		expect(result.error?.message).toMatch(/OAuth token/);
	});
});

// ---------------------------------------------------------------------------------------------
describe('J. Basic auth with odd input', () => {
	const expectedHeader = (user: string, password: string) => 'Basic ' + Buffer.from(`${user}:${createHash('md5').update(password, 'utf8').digest('hex')}`, 'utf8').toString('base64');

	it('two Basic credentials (two tills) used concurrently: each request carries its own header (single-entry header cache)', async () => {
		server = await hostileServer((req, res) => ok(req, res));
		const a = basicAt(server.url);
		const b = basicAt(server.url);
		Object.assign(b.capillaryApi, { username: 'till.two', password: 'other-pass', orgId: '2' });
		const items = Array.from({ length: 5 }, () => ({}));
		const [ra, rb] = await Promise.all([
			runNode({ parameters: { ...lookupTom, authentication: 'basicAuth' }, items, credentials: a }),
			runNode({ parameters: { ...lookupTom, authentication: 'basicAuth' }, items, credentials: b }),
		]);
		expect(ra.error).toBeUndefined();
		expect(rb.error).toBeUndefined();
		for (const r of server.requests) {
			expect(r.headers.authorization).toBe(r.headers['x-cap-api-auth-org-id'] === '2' ? expectedHeader('till.two', 'other-pass') : expectedHeader('till.user', 'secret-pass'));
		}
	});

	it('unicode password: MD5 of its UTF-8 bytes', async () => {
		server = await hostileServer((req, res) => ok(req, res));
		const password = 'pässwörd-密码-🔑';
		const credentials = basicAt(server.url);
		credentials.capillaryApi.password = password;
		const result = await runNode({ parameters: { ...lookupTom, authentication: 'basicAuth' }, credentials });
		expect(result.error).toBeUndefined();
		expect(server.requests[0].headers.authorization).toBe(expectedHeader('till.user', password));
	});

	it('unicode username: base64 of its UTF-8 bytes', async () => {
		server = await hostileServer((req, res) => ok(req, res));
		const credentials = basicAt(server.url);
		credentials.capillaryApi.username = 'tïll.ユーザー';
		const result = await runNode({ parameters: { ...lookupTom, authentication: 'basicAuth' }, credentials });
		expect(result.error).toBeUndefined();
		expect(server.requests[0].headers.authorization).toBe(expectedHeader('tïll.ユーザー', 'secret-pass'));
	});

	it('colon in the till username: refused with a clear error (RFC 7617: user-id cannot contain ":"), nothing sent', async () => {
		server = await hostileServer((req, res) => ok(req, res));
		const credentials = basicAt(server.url);
		credentials.capillaryApi.username = 'store:server';
		const result = await runNode({ parameters: { ...lookupTom, authentication: 'basicAuth' }, credentials });
		// Observed: sent as Basic base64("store:server:<md5>") — a server splits at the first colon (user "store")
		expect(server.requests.map((r) => Buffer.from(String(r.headers.authorization).slice(6), 'base64').toString())).toEqual([]);
		expect(result.error?.message ?? '').toMatch(/username|colon|:/i);
		expect(server.requests).toHaveLength(0);
	});

	it('isMd5Hash with a value that is not 32 hex characters: a clear error, nothing sent', async () => {
		server = await hostileServer((req, res) => ok(req, res));
		const credentials = basicAt(server.url);
		Object.assign(credentials.capillaryApi, { password: 'plain-password', isMd5Hash: true });
		const result = await runNode({ parameters: { ...lookupTom, authentication: 'basicAuth' }, credentials });
		// Observed: sent as Basic base64("till.user:plain-password"), no error
		expect(server.requests.map((r) => Buffer.from(String(r.headers.authorization).slice(6), 'base64').toString())).toEqual([]);
		expect(result.error).toBeDefined();
		expect(server.requests).toHaveLength(0);
	});

	it('attribution lookup value with characters not allowed in an HTTP header (a write): clear error, not "outcome unknown", nothing sent', async () => {
		server = await hostileServer((req, res) => ok(req, res));
		const credentials = basicAt(server.url);
		Object.assign(credentials.capillaryApi, { attributionType: 'STORE_CODE', attributionCode: '店舗-1' });
		const result = await runNode({ parameters: { ...reverse, authentication: 'basicAuth', requestOptions: { maxRetries: 3, retryDelay: 1 } }, credentials });
		// Observed: no error; the header arrives as "-1" (axios strips the non-Latin-1 characters silently)
		expect(server.requests.map((r) => r.headers['x-cap-api-attribution-lookup'])).toEqual([]);
		expect(result.error).toBeDefined();
		expect(result.error?.message).not.toMatch(/outcome unknown/);
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/[Aa]ttribution|header/);
		expect(server.requests).toHaveLength(0);
	});

	it('Org ID with a line break inside (header injection attempt): clear error, nothing sent, no injected header', async () => {
		server = await hostileServer((req, res) => ok(req, res));
		const credentials = basicAt(server.url);
		credentials.capillaryApi.orgId = '50672\r\nX-Injected: 1';
		const result = await runNode({ parameters: { ...lookupTom, authentication: 'basicAuth', requestOptions: { maxRetries: 2, retryDelay: 1 } }, credentials });
		expect(server.requests.some((r) => r.headers['x-injected'] !== undefined)).toBe(false);
		// Observed: no error; the header arrives as "50672X-Injected: 1" (axios strips CR/LF silently)
		expect(server.requests.map((r) => r.headers['x-cap-api-auth-org-id'])).toEqual([]);
		expect(result.error).toBeDefined();
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/Org ID|header/i);
	});
});
