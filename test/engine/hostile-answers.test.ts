/**
 * Answers a careful client must not trust: redirects, pages that lie, logs whose window does not
 * move, "try later" next to results, successful writes without a result, servers that echo the
 * request back. Against servers written here, not the simulator.
 */
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { clearTokenCache } from '../../dist/credentials/CapillaryAuth';
import { runNode } from '../harness/engine';
import { basicAt, hostileServer, json, oauthAt, TOKEN_PATH, type Hostile } from './hostile';

const servers: Hostile[] = [];
async function server(handler: Parameters<typeof hostileServer>[0]): Promise<Hostile> {
	const s = await hostileServer(handler);
	servers.push(s);
	return s;
}
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (s) => await s.close()));
	clearTokenCache();
});

const run = async (url: string, parameters: Record<string, unknown>, extra: { credentials?: ReturnType<typeof basicAt>; items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
	await runNode({
		parameters: { authentication: extra.credentials && 'capillaryOAuthApi' in extra.credentials ? 'oAuth' : 'basicAuth', ...parameters } as never,
		credentials: extra.credentials ?? basicAt(url),
		items: extra.items,
		continueOnFail: extra.continueOnFail,
	});

const search = { resource: 'customer', operation: 'search', q: 'tom', returnAll: true, requestOptions: { maxRetries: 0 } };
const customers = (from: number, count: number) => Array.from({ length: Math.max(0, count) }, (_, i) => ({ id: from + i + 1, firstName: `c${from + i + 1}` }));
const reverse = { resource: 'points', operation: 'reverseRedemption', redemptionId: 'R1', identifierName: 'mobile', identifierValue: '919111111111' };
const issue = { resource: 'coupon', operation: 'issue', seriesId: { __rl: true, mode: 'id', value: '5' }, customerIdentifierType: 'mobile', customerIdentifierValue: '919111111111' };
const redeemPoints = { resource: 'points', operation: 'redeem', v11IdentifierType: 'mobile', v11IdentifierValue: '919111111111', points: 100, validationCode: '424242' };

describe('redirects are never followed', () => {
	it('a read redirected to another origin: that origin gets nothing (no Basic header), the item fails naming the redirect', async () => {
		const thief = await server((_req, res) => json(res, 200, { data: customers(0, 5) }));
		const api = await server((_req, res) => {
			res.writeHead(302, { location: `${thief.url}/elsewhere` });
			res.end();
		});
		const result = await run(api.url, search);
		expect(thief.requests).toHaveLength(0);
		expect(result.error?.message).toBe('Capillary error 302: Capillary answered with a redirect (HTTP 302), which the node does not follow');
		expect(result.error?.description).toMatch(/Region or Base URL/);
	});

	it('a write answered 307 (same origin): sent once, outcome unknown', async () => {
		const api = await server((req, res) => {
			res.writeHead(307, { location: req.path });
			res.end();
		});
		const result = await run(api.url, { ...reverse, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(api.apiRequests()).toHaveLength(1);
		expect(result.error?.message).toMatch(/redirect \(HTTP 307\).*outcome unknown, check before retrying/);
	});

	it('the OAuth token request redirected elsewhere: the client secret does not follow', async () => {
		const thief = await server((_req, res) => json(res, 200, { data: { accessToken: 'stolen', ttlSeconds: 3600 } }));
		const api = await server((req, res) => {
			if (req.path !== TOKEN_PATH) return json(res, 200, { data: customers(0, 1) });
			res.writeHead(307, { location: `${thief.url}${TOKEN_PATH}` });
			res.end();
		});
		const result = await run(api.url, search, { credentials: oauthAt(api.url) });
		expect(thief.requests).toHaveLength(0);
		expect(api.apiRequests()).toHaveLength(0);
		expect(result.error?.message).toMatch(/did not issue an OAuth token \(HTTP 307/);
	});
});

describe('offset paging does not trust a page', () => {
	it('a server that caps pages below the asked size but reports the total: every entity is read', async () => {
		const api = await server((req, res) => json(res, 200, { pagination: { total: 250 }, data: customers(Number(req.query.offset), Math.min(100, 250 - Number(req.query.offset))) }));
		const all = await run(api.url, search);
		expect(all.json.map((c) => c.id)).toEqual(customers(0, 250).map((c) => c.id));
		expect(api.apiRequests().map((r) => r.query.offset)).toEqual(['0', '100', '200']);
		const some = await run(api.url, { ...search, returnAll: false, limit: 150 });
		expect(some.json).toHaveLength(150);
	});

	it('a later page without the list fails the item instead of becoming an item', async () => {
		const api = await server((req, res) =>
			req.query.offset === '0' ? json(res, 200, { pagination: { total: 250 }, data: customers(0, 100) }) : json(res, 200, { pagination: { total: 250 }, data: null }),
		);
		const result = await run(api.url, search);
		expect(result.json).toEqual([]);
		expect(result.error?.message).toBe('Stopped paging: page 2 has no list of results (GET /v2/customers/search)');
	});

	it('rows that slid onto the next page (entries added above them) come out once', async () => {
		const api = await server((req, res) => {
			const offset = Number(req.query.offset);
			const start = offset === 0 ? 0 : offset - 20;
			json(res, 200, { pagination: { total: 250 }, data: customers(start, Math.min(100, 250 - start)) });
		});
		const result = await run(api.url, search);
		const ids = result.json.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(250);
	});
});

describe('window paging (Behavioural Event → Get Logs) ends with every entry or an error', () => {
	const logs = { resource: 'behaviouralEvent', operation: 'getLogs', returnAll: true };
	const entry = (n: number, startTime: number) => ({ id: `E${n}`, startTime, status: 'SUCCESS' });

	it('a log that always has more stops at Max Pages', async () => {
		let n = 0;
		const api = await server((req, res) => {
			const until = req.query.to_date ? Number(req.query.to_date) : 1_700_000_000_000;
			const base = n++ * 100;
			json(res, 200, { data: Array.from({ length: 100 }, (_, i) => entry(base + i, until - 1000 - i * 1000)) });
		});
		const result = await run(api.url, { ...logs, requestOptions: { maxPages: 5 } });
		expect(api.apiRequests()).toHaveLength(5);
		expect(result.error?.message).toBe('Stopped paging after 5 pages (Max Pages) (GET /v2/events/logs)');
	});

	it('a server that ignores the window fails the item (no silent first page)', async () => {
		const api = await server((_req, res) => json(res, 200, { data: Array.from({ length: 100 }, (_, i) => entry(i, 1_700_000_000_000 - i * 1000)) }));
		const result = await run(api.url, logs);
		expect(result.json).toEqual([]);
		expect(result.error?.message).toMatch(/^Stopped paging: page 2 repeated entries already read/);
	});

	it('newest-first pages that are not sorted inside are still read to the end', async () => {
		const all = Array.from({ length: 250 }, (_, i) => entry(i, 1_700_000_000_000 - i * 1000));
		const api = await server((req, res) => {
			const until = req.query.to_date ? Number(req.query.to_date) : Infinity;
			const page = all.filter((e) => e.startTime < until).slice(0, Number(req.query.limit));
			if (page.length > 1) page.push(page.shift()!);
			json(res, 200, { data: page });
		});
		const result = await run(api.url, logs);
		expect(result.json).toHaveLength(250);
	});
});

describe('writes: what the answer proves', () => {
	it('"try later" next to a result is not a proof of "not processed": sent once, outcome unknown', async () => {
		const api = await server((_req, res) => json(res, 200, { id: 9, code: 'CPN-XYZ', seriesId: 5, errors: [{ status: false, code: 521, message: 'busy' }], warnings: [] }));
		const result = await run(api.url, { ...issue, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(api.apiRequests()).toHaveLength(1);
		expect(result.error?.message).toBe('Capillary error 521: busy (outcome unknown, check before retrying)');
	});

	it('a success without a result the node can read fails the item with outcome unknown (no item lost silently)', async () => {
		const api = await server((_req, res) => json(res, 200, {}));
		const result = await run(api.url, { ...redeemPoints, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(api.apiRequests()).toHaveLength(1);
		expect(result.error?.message).toBe('Capillary error 200: Capillary answered without a result the node can read (outcome unknown, check before retrying)');
	});

	it('a bulk write answered {} does not invent successes: outcome unknown', async () => {
		const api = await server((_req, res) => json(res, 200, {}));
		const result = await run(api.url, { resource: 'coupon', operation: 'bulkIssue', source: 'INSTORE', seriesIds: '5, 6', customerIdentifierType: 'mobile', customerIdentifierValue: '919111111111' });
		expect(result.json).toEqual([]);
		expect(result.error?.message).toBe('Capillary error 200: Capillary answered without a result the node can read (outcome unknown, check before retrying)');
	});

	it('a delete answered [] fails the item instead of giving no item', async () => {
		const api = await server((_req, res) => json(res, 200, []));
		const result = await run(api.url, { resource: 'targetGroup', operation: 'delete', groupId: '12' }, { items: [{}, {}], continueOnFail: true });
		expect(result.items.map((i) => i.error?.message)).toEqual([
			'Capillary error 200: Capillary answered without a result the node can read',
			'Capillary error 200: Capillary answered without a result the node can read',
		]);
	});

	it('JSON null after a write is an unknown outcome', async () => {
		const api = await server((_req, res) => json(res, 200, null));
		const result = await run(api.url, { ...reverse, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(api.apiRequests()).toHaveLength(1);
		expect(result.error?.message).toMatch(/outcome unknown, check before retrying\)$/);
	});
});

describe('a server echoing the request back', () => {
	it('the Basic header, the MD5 and the OAuth token are redacted from errors', async () => {
		const echo = await server((req, res) => {
			if (req.path === TOKEN_PATH) return json(res, 200, { data: { accessToken: 'token-value-123', ttlSeconds: 3600 } });
			json(res, 400, { errors: [{ code: 400, message: `bad request, headers were ${JSON.stringify(req.headers)}` }] });
		});
		for (const credentials of [basicAt(echo.url), oauthAt(echo.url)]) {
			const result = await run(echo.url, search, { credentials });
			const shown = JSON.stringify({ message: result.error?.message, description: result.error?.description, context: result.error?.context, items: result.items });
			expect(result.error?.message).toMatch(/\[redacted\]/);
			const md5 = createHash('md5').update('secret-pass').digest('hex');
			for (const secret of ['token-value-123', 'client-secret-value', 'secret-pass', md5, Buffer.from(`till.user:${md5}`).toString('base64')]) expect(shown).not.toContain(secret);
		}
	});
});

describe('Continue On Fail', () => {
	it('error items stay paired with their input when another item gives several results', async () => {
		const api = await server((req, res) =>
			req.query.q === 'bad' ? json(res, 400, { errors: [{ code: 8015, message: 'Customer not found' }] }) : json(res, 200, { pagination: { total: 2 }, data: customers(0, 2) }),
		);
		const result = await run(api.url, { ...search, q: '={{ $json.q }}' }, { items: [{ q: 'good' }, { q: 'bad' }], continueOnFail: true });
		expect(result.items.map((i) => [i.pairedItem, !!i.error])).toEqual([
			[{ item: 0 }, false],
			[{ item: 0 }, false],
			[{ item: 1 }, true],
		]);
	});
});

describe('bad input from expressions is refused before anything is sent', () => {
	const add = { resource: 'transaction', operation: 'add', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE', type: 'REGULAR', billNumber: 'BILL-1', billAmount: 100 };
	it.each([
		['a list as a number', { billAmount: '={{ [5] }}' }, 'Parameter "Bill Amount" must be a number'],
		['true as a number', { billAmount: '={{ true }}' }, 'Parameter "Bill Amount" must be a number'],
		['hex text as a number', { billAmount: '0x10' }, 'Parameter "Bill Amount" must be a number'],
		['an object as text', { billNumber: '={{ { a: 1 } }}' }, 'Parameter "Bill Number" must be text, not an object'],
	])('%s', async (_what, override, message) => {
		const api = await server((_req, res) => json(res, 200, { createdId: 1 }));
		const result = await run(api.url, { ...add, ...override });
		expect(result.error?.message).toBe(message);
		expect(api.apiRequests()).toHaveLength(0);
	});
});

describe('a request past its deadline is aborted, not left streaming', () => {
	it('a body that trickles forever: after the node fails, the connection is closed', async () => {
		const open: Array<{ closed: boolean }> = [];
		const api = await server((_req, res) => {
			const state = { closed: false };
			open.push(state);
			res.on('close', () => (state.closed = true));
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"data":[');
			const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 20);
		});
		const result = await run(api.url, { ...search, requestOptions: { timeout: 150, maxRetries: 1, retryDelay: 1 } });
		expect(result.error?.message).toMatch(/timed out after 150 ms$/);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(open).toHaveLength(2);
		expect(open.every((s) => s.closed)).toBe(true);
	});
});

describe('a write run stopped by one item says what the others did', () => {
	it('without Continue On Fail, the error names the items Capillary applied', async () => {
		const api = await server((req, res) =>
			(req.body as { billNumber?: string }).billNumber === 'BAD' ? json(res, 400, { errors: [{ code: 600, message: 'Invalid bill' }] }) : json(res, 200, { createdId: 1, warnings: [] }),
		);
		const add = { resource: 'transaction', operation: 'add', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE', type: 'REGULAR', billNumber: '={{ $json.bill }}', billAmount: 100 };
		const result = await run(api.url, add, { items: [{ bill: 'B-1' }, { bill: 'BAD' }, { bill: 'B-3' }] });
		expect(result.error?.message).toBe('Capillary error 600: Invalid bill');
		expect(result.error?.description).toMatch(/2 other items of this run succeeded \(items 0, 2\): Capillary applied them/);
	});
});

describe('bad input in one item of a write run: nothing is sent', () => {
	const add = { resource: 'transaction', operation: 'add', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE', type: 'REGULAR', billNumber: '={{ $json.bill }}', billAmount: '={{ $json.amount }}' };
	const writes = (api: Hostile) => api.apiRequests().filter((r) => r.method === 'POST').length;

	it('without Continue On Fail, an item with an invalid field stops the run before any item is written', async () => {
		const api = await server((_req, res) => json(res, 200, { createdId: 1, warnings: [] }));
		const result = await run(api.url, add, { items: [{ bill: 'B-1', amount: 10 }, { bill: 'B-2', amount: 20 }, { bill: 'B-3', amount: 'ten' }, { bill: 'B-4', amount: 40 }] });
		expect(result.error?.message).toBe('Parameter "Bill Amount" must be a number');
		expect(result.error?.description).toMatch(/Nothing of this run was sent/);
		expect(writes(api)).toBe(0);
	});

	it('an expression that fails on a later item stops the run before the earlier items are written', async () => {
		const api = await server((_req, res) => json(res, 200, { createdId: 1, warnings: [] }));
		const result = await run(api.url, { ...add, billNumber: '={{ $json.bill.toUpperCase() }}' }, { items: [{ bill: 'b-1', amount: 10 }, { bill: 'b-2', amount: 20 }, { amount: 30 }] });
		expect(result.error).toBeDefined();
		expect(result.error?.description).toMatch(/Nothing of this run was sent/);
		expect(writes(api)).toBe(0);
	});

	it('with Continue On Fail, the valid items are written and the invalid one is an error item', async () => {
		const api = await server((_req, res) => json(res, 200, { createdId: 1, warnings: [] }));
		const result = await run(api.url, add, { items: [{ bill: 'B-1', amount: 10 }, { bill: 'B-2', amount: 'ten' }, { bill: 'B-3', amount: 30 }], continueOnFail: true });
		expect(writes(api)).toBe(2);
		expect(result.json).toHaveLength(3);
		expect(result.json[1]).toEqual({ error: 'Parameter "Bill Amount" must be a number' });
	});

	it('two bad items: the error is that of the lowest item index, whichever check found it first', async () => {
		const api = await server((_req, res) => json(res, 200, [{ createdId: 1 }]));
		// item 0: a required field empty (the executor's check); item 1: invalid JSON (its body builder, one step earlier)
		const result = await run(api.url, { resource: 'transaction', operation: 'addBulk', transactions: '={{ $json.t }}' }, { items: [{ t: '' }, { t: '[{' }] });
		expect(api.apiRequests()).toHaveLength(0);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(result.error?.message).toMatch(/is required/);
	});

	it('a GET that messages the customer (coupon Resend) is held back like a write', async () => {
		const api = await server((_req, res) => json(res, 200, { response: { status: { success: true, code: 200, message: 'SUCCESS' }, coupon: { item_status: { success: true, code: 700, message: 'ok' } } } }));
		const resend = { resource: 'coupon', operation: 'resend', v11IdentifierType: 'mobile', v11IdentifierValue: '={{ $json.m }}', couponReference: 'code', couponValue: 'ABC' };
		const result = await run(api.url, resend, { items: [{ m: '919111111111' }, { m: '' }, { m: '919222222222' }] });
		expect(result.error?.message).toMatch(/Identifier Value/);
		expect(api.apiRequests()).toHaveLength(0);
	});

	it('reads are not held back: the valid lookups go out', async () => {
		const api = await server((_req, res) => json(res, 200, { entity: 1001, warnings: [] }));
		const lookup = { resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '={{ $json.mobile }}', source: 'INSTORE' };
		const result = await run(api.url, lookup, { items: [{ mobile: '919111111111' }, { mobile: '' }, { mobile: '919222222222' }] });
		expect(result.error?.message).toMatch(/Identifier Value/);
		expect(api.apiRequests()).toHaveLength(2);
	});
});

describe('plain values where the operation reads records', () => {
	it.each([
		['text as the list', { data: 'oops' }],
		['a list of plain values', { data: [1, 'x', null] }],
		['a plain number as the whole body', 42],
	])('a read answered with %s fails instead of giving items that look like data', async (_name, body) => {
		const api = await server((_req, res) => json(res, 200, body));
		const result = await run(api.url, search);
		expect(result.error?.message).toMatch(/answered a plain value \(.+\) where the node reads records/);
		expect(result.json).toEqual([]);
	});

	it('a write answered with text as its data: sent once, outcome unknown', async () => {
		const api = await server((_req, res) => json(res, 200, { data: 'oops' }));
		const result = await run(api.url, { ...reverse, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(result.error?.message).toMatch(/where the node reads records \(outcome unknown, check before retrying\)$/);
		expect(api.apiRequests()).toHaveLength(1);
	});

	it("Capillary's own plain answers stay items: the ID a write returns as entity, OTP Validate's true", async () => {
		const write = await server((_req, res) => json(res, 200, { entity: 77, warnings: [] }));
		expect((await run(write.url, reverse)).json).toEqual([{ value: 77 }]);
		const otp = await server((_req, res) => json(res, 200, { entity: true, warnings: [] }));
		const validate = await run(otp.url, { resource: 'otp', operation: 'validate', entityType: 'MOBILE', entityValue: '919111111111', action: 'REGISTRATION', code: '1234' });
		expect(validate.error).toBeUndefined();
		expect(validate.json).toEqual([{ valid: true }]);
	});
});

describe('Retry-After', () => {
	it('a wait longer than the longest backoff (a daily quota) is not waited for: one request, the 429 as the error', async () => {
		const api = await server((_req, res) => {
			res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '86400' });
			res.end(JSON.stringify({ errors: [{ code: 429, message: 'Too many requests' }] }));
		});
		const result = await run(api.url, { ...search, requestOptions: { maxRetries: 3, retryDelay: 1 } });
		expect(api.apiRequests()).toHaveLength(1);
		expect(result.error?.message).toMatch(/429/);
	});
});
