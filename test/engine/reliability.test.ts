/**
 * Issue 12, requests: bounded in time, never doubled, never redirected — against servers written
 * here that misbehave on purpose. Every test is bounded by request counts; the never-answering
 * servers run with a small Timeout setting so the node ends quickly.
 */
import { clearTokenCache } from '../../dist/credentials/CapillaryAuth';
import { runNode } from '../harness/engine';
import { createPoller } from '../harness/poll';
import { basicAt, hostileServer, json, oauthAt, TOKEN_PATH, type Hostile } from './hostile';

const lookupTom = { resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' };
const reverse = { resource: 'points', operation: 'reverseRedemption', redemptionId: 'R1', identifierName: 'mobile', identifierValue: '919111111111' };
const REVERSE_PATH = '/v2/points/reverse';

let server: Hostile | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	clearTokenCache();
});

const run = async (parameters: Record<string, unknown>, credentials = basicAt(server!.url), extra: { continueOnFail?: boolean } = {}) =>
	await runNode({ parameters: { authentication: 'basicAuth', ...parameters } as never, credentials, ...extra });

describe('case 10: every request has a timeout', () => {
	it('a read against a server that never answers: 1 + 2 retries = 3 requests, then "timed out"', async () => {
		server = await hostileServer(() => undefined);
		const result = await run({ ...lookupTom, requestOptions: { timeout: 200, maxRetries: 2, retryDelay: 1 } });
		expect(result.error?.message).toMatch(/^The request to Capillary at 127\.0\.0\.1:\d+ timed out after 200 ms$/);
		expect(result.error?.description).toMatch(/Tried 3 times.*Timeout/);
		expect(server.apiRequests()).toHaveLength(3);
	});

	it('a write against a server that never answers: sent 1 time (not 4), outcome unknown', async () => {
		server = await hostileServer(() => undefined);
		const result = await run({ ...reverse, requestOptions: { timeout: 200, maxRetries: 3, retryDelay: 1 } });
		expect(result.error?.message).toMatch(/timed out after 200 ms: outcome unknown, check before retrying$/);
		expect(server.apiRequests().filter((r) => r.path === REVERSE_PATH)).toHaveLength(1);
	});

	it('a server that sends headers and then trickles the body forever: the node still ends after 1 send of the write', async () => {
		server = await hostileServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"entity":');
			const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 20);
		});
		const result = await run({ ...reverse, requestOptions: { timeout: 150, maxRetries: 3, retryDelay: 1 } });
		expect(result.error?.message).toMatch(/timed out.*outcome unknown, check before retrying$/);
		expect(server.apiRequests()).toHaveLength(1);
	});

	it('the OAuth token request has the same timeout: 1 token request, 0 API requests, a clear credential error', async () => {
		server = await hostileServer(() => undefined);
		const result = await run({ ...lookupTom, authentication: 'oAuth', requestOptions: { timeout: 200, maxRetries: 2, retryDelay: 1 } }, oauthAt(server.url));
		expect(result.error?.message).toBe(`Capillary at ${server.url.replace('http://', '')} did not answer the OAuth token request within 200 ms`);
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests()).toHaveLength(0);
	});

	it("the trigger's poll ends too: at most 1 + 1 retry requests, then an error", async () => {
		server = await hostileServer(() => undefined);
		const trigger = await createPoller({
			parameters: { authentication: 'basicAuth', event: 'behaviouralEventDefinition', eventName: 'CartAbandoned', options: { timeZone: 'Asia/Kolkata' }, requestOptions: { timeout: 200, maxRetries: 1, retryDelay: 1 } },
			credentials: basicAt(server.url),
		});
		const poll = await trigger.poll();
		expect(poll.error?.message).toMatch(/timed out after 200 ms/);
		expect(server.apiRequests().length).toBeGreaterThanOrEqual(1);
		expect(server.apiRequests().length).toBeLessThanOrEqual(2);
	});
});

describe('case 11: a write is re-sent only when Capillary proved it was not processed', () => {
	/** Applies every write, then answers with `reply` (a 503 from a gateway after the write went through). */
	async function applyingServer(reply: { status: number; body?: unknown }, times = Infinity) {
		let applied = 0;
		server = await hostileServer((req, res) => {
			if (req.path !== REVERSE_PATH) return json(res, 404, {});
			applied++;
			if (applied <= times) return json(res, reply.status, reply.body ?? '');
			json(res, 200, { entity: 77, warnings: [] });
		});
		return () => applied;
	}

	it('503 after an applied write: 1 send, 1 write applied (not 4), item error "outcome unknown, check before retrying"', async () => {
		const applied = await applyingServer({ status: 503, body: '<html><title>503 Service Unavailable</title></html>' });
		const result = await run({ ...reverse, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(result.error?.message).toMatch(/\(outcome unknown, check before retrying\)$/);
		expect(result.error?.description).toMatch(/It was not re-sent\. Check in Capillary whether it was applied before running it again/);
		expect(server!.apiRequests()).toHaveLength(1);
		expect(applied()).toBe(1);
	});

	it.each([
		['bare 500', { status: 500, body: { errors: [{ code: 500, message: 'Requests have failed due to errors' }] } }],
		['bare 502', { status: 502 }],
		['504', { status: 504, body: { message: 'Gateway Timeout' } }],
	])('%s after a write: 1 send, outcome unknown', async (_name, reply) => {
		await applyingServer(reply);
		const result = await run({ ...reverse, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(result.error?.message).toMatch(/outcome unknown, check before retrying/);
		expect(server!.apiRequests()).toHaveLength(1);
	});

	it('a connection reset after a write: 1 send, outcome unknown', async () => {
		server = await hostileServer((_req, res) => {
			res.socket?.destroy();
		});
		const result = await run({ ...reverse, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(result.error?.message).toMatch(/outcome unknown, check before retrying$/);
		expect(server.apiRequests()).toHaveLength(1);
	});

	it.each([
		['the gateway 429', { status: 429, body: { errors: [{ code: 429, message: 'Too many requests' }] } }],
		['503 with code 4001 (authorization unavailable)', { status: 503, body: { errors: [{ status: false, code: 4001, message: 'Authorization status unavailable!' }] } }],
		['521 (another action running for the customer)', { status: 521, body: { errors: [{ status: false, code: 521, message: 'Multiple actions are running for the same customer. Please try after some time' }] } }],
	])('%s proves "not processed": 2 sends, the second succeeds', async (_name, reply) => {
		let sends = 0;
		server = await hostileServer((req, res) => (++sends === 1 ? json(res, reply.status, reply.body) : json(res, 200, { entity: 77, warnings: [] })));
		const result = await run({ ...reverse, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(result.error).toBeUndefined();
		expect(server.apiRequests()).toHaveLength(2);
	});

	it('a read after a bare 503 is still retried: 3 requests for 2 failures', async () => {
		let sends = 0;
		server = await hostileServer((_req, res) => (++sends <= 2 ? json(res, 503, '') : json(res, 200, { entity: 1001, warnings: [] })));
		const result = await run({ ...lookupTom, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ customerId: 1001 }]);
		expect(server.apiRequests()).toHaveLength(3);
	});
});

describe('case 12: dot segments in path values', () => {
	it.each([
		[{ resource: 'targetGroup', operation: 'deactivateTarget', groupId: '77', targetId: '..' }, 'Target ID', '..'],
		[{ resource: 'customer', operation: 'deleteImage', customerId: '..' }, 'Customer ID', '..'],
		[{ resource: 'customer', operation: 'deleteImage', customerId: '={{ "." }}' }, 'Customer ID', '.'],
	])('%j is refused locally, 0 requests sent', async (parameters, displayName, value) => {
		server = await hostileServer((_req, res) => json(res, 200, {}));
		const result = await run(parameters);
		expect(result.error?.message).toBe(`Parameter "${displayName}" cannot be "${value}"`);
		expect(server.requests).toHaveLength(0);
	});

	it('".." inside a longer value stays one encoded segment and is sent', async () => {
		server = await hostileServer((_req, res) => json(res, 200, { entity: true, warnings: [] }));
		await run({ resource: 'customer', operation: 'deleteImage', customerId: '../x' });
		expect(server.requests.map((r) => r.path)).toEqual(['/v2/customers/..%2Fx/deleteImage']);
	});
});

describe('case 3: Return All stops when a page brings nothing new, and at Max Pages', () => {
	const retro = { resource: 'customerRequest', operation: 'getRetroRequests', customerId: '1001', returnAll: true };
	const page = (offset: number) => ({ data: Array.from({ length: 100 }, (_, i) => ({ id: offset + i + 1, type: 'RETRO' })), warnings: [], errors: [] });

	it('a server that ignores the offset: 2 requests, then an error naming the endpoint', async () => {
		server = await hostileServer((_req, res) => json(res, 200, page(0)));
		const result = await run(retro);
		expect(result.error?.message).toBe('Stopped paging: page 2 repeated results already read (GET /v2/customers/{customerId}/retroRequest)');
		expect(result.error?.description).toMatch(/paging parameter "offset"/);
		expect(server.apiRequests()).toHaveLength(2);
	});

	it('a server that always has more: stops at Max Pages (5 requests), error naming the endpoint', async () => {
		server = await hostileServer((req, res) => json(res, 200, page(Number(req.query.offset))));
		const result = await run({ ...retro, requestOptions: { maxPages: 5 } });
		expect(result.error?.message).toBe('Stopped paging after 5 pages (Max Pages) (GET /v2/customers/{customerId}/retroRequest)');
		expect(server.apiRequests().map((r) => r.query.offset)).toEqual(['0', '100', '200', '300', '400']);
	});

	it('an honest server: 250 results in 3 requests', async () => {
		server = await hostileServer((req, res) => {
			const offset = Number(req.query.offset);
			json(res, 200, { data: page(offset).data.slice(0, Math.max(0, 250 - offset)), warnings: [], errors: [] });
		});
		const result = await run(retro);
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(250);
		expect(server.apiRequests()).toHaveLength(3);
	});
});

describe('also: v1.1 status fields of unexpected types give readable messages', () => {
	it('an object code and message are shown as JSON, never "[object Object]"', async () => {
		server = await hostileServer((_req, res) => json(res, 200, { response: { status: { success: false, code: { value: 500 }, message: { text: 'Backend failure', at: ['x'] } } } }));
		const result = await run({ resource: 'organization', operation: 'get' });
		expect(result.error?.message).toBe('Capillary error {"value":500}: {"text":"Backend failure","at":["x"]}');
		expect(JSON.stringify(result.error?.message)).not.toContain('[object Object]');
	});

	it('a v2 error list with an object message is readable too', async () => {
		server = await hostileServer((_req, res) => json(res, 400, { errors: [{ status: false, code: 8015, message: { reason: 'not found' } }] }));
		const result = await run(lookupTom);
		expect(result.error?.message).toBe('Capillary error 8015: {"reason":"not found"}');
	});
});

describe('OAuth path: token requests are counted separately', () => {
	it('a token request is sent once per run and then the API request', async () => {
		server = await hostileServer((req, res) => (req.path === TOKEN_PATH ? json(res, 200, { data: { accessToken: 'tok-1', ttlSeconds: 300 }, errors: [] }) : json(res, 200, { entity: 5, warnings: [] })));
		const result = await run({ ...lookupTom, authentication: 'oAuth' }, oauthAt(server.url));
		expect(result.error).toBeUndefined();
		expect(server.tokenRequests()).toHaveLength(1);
		expect(server.apiRequests().map((r) => r.headers['x-cap-api-oauth-token'])).toEqual(['tok-1']);
	});
});

describe('OAuth path: a token rejection next to results', () => {
	const redeem = { resource: 'points', operation: 'redeem', v11IdentifierType: 'mobile', v11IdentifierValue: '919111111111', points: 100, validationCode: '424242' };
	const token = (res: Parameters<typeof json>[0]) => json(res, 200, { data: { accessToken: `tok-${Math.random()}`, ttlSeconds: 300 }, errors: [] });
	const redeemed = { points: { user_id: '1001', redemption_id: 'R-9', points_redeemed: '100', item_status: { success: 'true', code: 800, message: 'Points Redeemed' } } };
	const rejectedWithResult = { response: { status: { success: false, code: 401, message: 'Invalid token' }, responses: redeemed } };

	it('a write answered "401" in the body but carrying its result: sent once, outcome unknown (not re-sent with a new token)', async () => {
		server = await hostileServer((req, res) => (req.path === TOKEN_PATH ? token(res) : json(res, 200, rejectedWithResult)));
		const result = await run({ ...redeem, authentication: 'oAuth', requestOptions: { maxRetries: 3, retryDelay: 1 } }, oauthAt(server.url));
		expect(result.error?.message).toMatch(/outcome unknown, check before retrying/);
		expect(server.apiRequests()).toHaveLength(1);
	});

	it('a plain token rejection is still re-sent with a new token', async () => {
		let sends = 0;
		server = await hostileServer((req, res) =>
			req.path === TOKEN_PATH ? token(res) : ++sends === 1 ? json(res, 401, { errors: [{ code: 401, message: 'Invalid token' }] }) : json(res, 200, { response: { status: { success: 'true', code: 200, message: 'Success' }, responses: redeemed } }),
		);
		const result = await run({ ...redeem, authentication: 'oAuth', requestOptions: { maxRetries: 3, retryDelay: 1 } }, oauthAt(server.url));
		expect(result.error).toBeUndefined();
		expect(server.apiRequests()).toHaveLength(2);
	});
});
