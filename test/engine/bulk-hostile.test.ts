/**
 * Capillary Bulk against a misbehaving batch server, for every bulk operation: results reordered,
 * missing, repeated, without keys, with keys in other formats; items sharing keys; whole-batch
 * failures; token rejections next to applied results; bad input.
 * Invariants checked in every scenario:
 *  - every input item gets exactly one output item, paired to it (pairedItem.item === index);
 *  - the outcome is right (succeeded / failed / unknown);
 *  - no item carries another item's result (its own ID or none);
 *  - writes are not re-sent (request count).
 */
import type { ServerResponse } from 'node:http';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type RunResult } from '../harness/engine';
import { clearTokenCache } from '../../dist/credentials/CapillaryAuth';
import { basicAt, hostileServer, json, oauthAt, TOKEN_PATH, type Hostile, type HostileRequest } from './hostile';

let server: Hostile | undefined;
afterEach(async () => {
	clearTokenCache();
	await server?.close();
	server = undefined;
});

const FAST = { retryDelay: 1, maxRetries: 2 };

const bulk = (parameters: INodeParameters, items: IDataObject[], continueOnFail = true) =>
	runNode({
		nodeType: 'capillaryBulk',
		parameters: { authentication: 'basicAuth', input: 'json', requestOptions: FAST, ...parameters },
		items,
		credentials: basicAt(server!.url),
		continueOnFail,
	});

interface EndpointCase {
	operation: string;
	path: string;
	read?: boolean;
	parameters?: INodeParameters;
	item(i: number): IDataObject;
	result(entity: unknown): IDataObject;
	envelope(results: IDataObject[]): unknown;
	entities(body: unknown, query: Record<string, string>): unknown[];
	idOf(json: IDataObject): unknown;
	id(i: number): unknown;
	/** The same result with every key (bill, identifier, card, series, customer) removed, its ID kept. */
	strip(result: IDataObject): IDataObject;
	/** A per-entity failure carrying the entity's key. */
	failure(entity: unknown): IDataObject;
	/** The answer in an envelope of the other API generation (v1.1 <-> v2). */
	otherEnvelope(results: IDataObject[]): unknown;
	/** The envelope plus a top-level error with the given code (undefined: the envelope cannot carry one). */
	topError?(results: IDataObject[], code: number): unknown;
}

const mobile = (i: number) => `9190000000${String(i).padStart(2, '0')}`;
const v2Profile = (value: string) => ({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value }] }] });
const asList = (body: unknown) => body as IDataObject[];
const v11Env = (key: string, single: string, list: IDataObject[], status: IDataObject = { success: 'true', code: 200, message: 'Success' }) => ({ response: { status, [key]: { [single]: list } } });
const itemOk = { item_status: { success: 'true', code: 1000, message: 'Done' } };
const itemFail = { item_status: { success: 'false', code: 9999, message: 'Nope' } };
const v2Fail = { errors: [{ status: false, code: 9999, message: 'Nope' }], warnings: [] };
const lastTwo = (s: unknown) => Number(String(s).replace(/\D/g, '').slice(-2));
const profileValue = (e: unknown) => String((e as { profiles: Array<{ identifiers: Array<{ value: string }> }> }).profiles[0].identifiers[0].value);

const CASES: EndpointCase[] = [
	{
		operation: 'addTransactions',
		path: '/v2/transactions/bulk',
		item: (i) => ({ identifierType: 'mobile', identifierValue: mobile(i), source: 'INSTORE', type: 'REGULAR', billNumber: `BILL-${i}`, billAmount: 100 + i }),
		entities: asList,
		result: (e) => ({ entityId: 1000 + lastTwo((e as IDataObject).billNumber), result: e as IDataObject, errors: [], warnings: [] }),
		envelope: (response) => ({ response }),
		idOf: (j) => j.entityId,
		id: (i) => 1000 + i,
		strip: (r) => ({ ...r, result: null }),
		failure: (e) => ({ entityId: null, result: e as IDataObject, ...v2Fail }),
		otherEnvelope: (list) => v11Env('transactions', 'transaction', list),
		topError: (response, code) => ({ response, errors: [{ status: false, code, message: 'top-level error' }] }),
	},
	{
		operation: 'upsertCustomers',
		path: '/v2/integrations/customer/upsert/bulk',
		item: (i) => v2Profile(mobile(i)),
		entities: asList,
		result: (e) => ({ entityId: 2000 + lastTwo(profileValue(e)), result: v2Profile(profileValue(e)), errors: [], warnings: [] }),
		envelope: (response) => ({ response, totalCount: response.length, failureCount: 0 }),
		idOf: (j) => j.entityId,
		id: (i) => 2000 + i,
		strip: (r) => ({ ...r, result: null }),
		failure: (e) => ({ entityId: null, result: v2Profile(profileValue(e)), ...v2Fail }),
		otherEnvelope: (list) => v11Env('customers', 'customer', list),
		topError: (response, code) => ({ response, totalCount: response.length, errors: [{ status: false, code, message: 'top-level error' }] }),
	},
	{
		operation: 'associateCustomers',
		path: '/v2/customers/bulk',
		item: (i) => ({ ...v2Profile(mobile(i)), associationDetails: { hierarchyCode: 'H1', roleCode: 'R1' } }),
		entities: asList,
		result: (e) => ({ entity: { id: 3000 + lastTwo(profileValue(e)), ...v2Profile(profileValue(e)) }, errors: [], warnings: [] }),
		envelope: (results) => results,
		idOf: (j) => (j.entity as IDataObject | undefined)?.id,
		id: (i) => 3000 + i,
		strip: (r) => ({ ...r, entity: { id: (r.entity as IDataObject).id } }),
		failure: (e) => ({ entity: v2Profile(profileValue(e)), ...v2Fail }),
		otherEnvelope: (list) => v11Env('customers', 'customer', list),
	},
	{
		operation: 'updateCards',
		path: '/v2/card/bulk',
		item: (i) => ({ cardNumber: `CARD-${i}`, statusLabel: 'ACTIVE' }),
		entities: asList,
		result: (e) => ({ entityId: { cardId: 4000 + lastTwo((e as IDataObject).cardNumber), cardNumber: (e as IDataObject).cardNumber }, errors: [], warnings: [] }),
		envelope: (response) => ({ response, totalCount: response.length, failureCount: 0 }),
		idOf: (j) => (j.entityId as IDataObject | undefined)?.cardId,
		id: (i) => 4000 + i,
		strip: (r) => ({ ...r, entityId: { cardId: (r.entityId as IDataObject).cardId } }),
		failure: (e) => ({ entityId: { cardNumber: (e as IDataObject).cardNumber, cardExternalId: null }, ...v2Fail }),
		otherEnvelope: (list) => v11Env('cards', 'card', list),
		topError: (response, code) => ({ response, totalCount: response.length, errors: [{ status: false, code, message: 'top-level error' }] }),
	},
	{
		operation: 'enrolBadgeCustomers',
		path: '/api_gateway/v1/badges/badgeMeta/customer/issueBulk',
		parameters: { badgeMetaId: 'badge-1', ownerType: 'Journeys', referenceId: 'J-1', entityValue: '={{ $json.customerId }}' },
		item: (i) => ({ customerId: 5000 + i }),
		entities: (body) => (body as { customers: unknown[] }).customers,
		result: (e) => ({ customerId: e as number, issuedId: `issue-${Number(e) - 5000}`, status: 'ACTIVE' }),
		envelope: (issuedBadges) => ({ data: { badgeMetaId: 'badge-1', issuedBadges }, errors: [], warnings: [] }),
		idOf: (j) => j.issuedId,
		id: (i) => `issue-${i}`,
		strip: ({ customerId: _c, ...rest }) => rest,
		failure: (e) => ({ customerId: e as number, issuedId: null, error: { code: 9999, message: 'Nope' }, status: null }),
		otherEnvelope: (list) => ({ response: list }),
		topError: (issuedBadges, code) => ({ data: { badgeMetaId: 'badge-1', issuedBadges }, errors: [{ status: false, code, message: 'top-level error' }], warnings: [] }),
	},
	{
		operation: 'issueCoupons',
		path: '/v2/coupon/bulk/issue',
		parameters: { identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE', entityValue: '={{ $json.seriesId }}' },
		item: (i) => ({ seriesId: 600 + i }),
		entities: (body) => (body as { seriesIds: unknown[] }).seriesIds,
		result: (e) => ({ entityId: e as number, result: { code: `CODE-${Number(e) - 600}`, seriesId: e as number }, errors: [], warnings: [] }),
		envelope: (response) => ({ response, totalCount: response.length, failureCount: 0 }),
		idOf: (j) => (j.result as IDataObject | undefined)?.code,
		id: (i) => `CODE-${i}`,
		strip: (r) => ({ ...r, entityId: null, result: { code: (r.result as IDataObject).code } }),
		failure: (e) => ({ entityId: e as number, result: null, ...v2Fail }),
		otherEnvelope: (list) => v11Env('coupons', 'coupon', list),
		topError: (response, code) => ({ response, totalCount: response.length, errors: [{ status: false, code, message: 'top-level error' }] }),
	},
	{
		operation: 'addCustomersV11',
		path: '/v1.1/customer/add',
		item: (i) => ({ mobile: mobile(i), firstname: `Name${i}` }),
		entities: (body) => (body as { root: { customer: unknown[] } }).root.customer,
		result: (e) => ({ mobile: (e as IDataObject).mobile, user_id: 7000 + lastTwo((e as IDataObject).mobile), ...itemOk }),
		envelope: (list) => v11Env('customers', 'customer', list),
		idOf: (j) => j.user_id,
		id: (i) => 7000 + i,
		strip: ({ mobile: _m, ...rest }) => rest,
		failure: (e) => ({ mobile: (e as IDataObject).mobile, ...itemFail }),
		otherEnvelope: (response) => ({ response }),
		topError: (list, code) => v11Env('customers', 'customer', list, { success: 'false', code, message: 'top-level error' }),
	},
	{
		operation: 'addTransactionsV11',
		path: '/v1.1/transaction/add',
		item: (i) => ({ type: 'REGULAR', number: `V-${i}`, amount: 10, customer: { mobile: mobile(i) } }),
		entities: (body) => (body as { root: { transaction: unknown[] } }).root.transaction,
		result: (e) => ({ id: 8000 + lastTwo((e as IDataObject).number), number: (e as IDataObject).number, ...itemOk }),
		envelope: (list) => v11Env('transactions', 'transaction', list),
		idOf: (j) => j.id,
		id: (i) => 8000 + i,
		strip: ({ number: _n, ...rest }) => rest,
		failure: (e) => ({ number: (e as IDataObject).number, ...itemFail }),
		otherEnvelope: (response) => ({ response }),
		topError: (list, code) => v11Env('transactions', 'transaction', list, { success: 'false', code, message: 'top-level error' }),
	},
	{
		operation: 'getCustomersV11',
		path: '/v1.1/customer/get',
		read: true,
		parameters: { identifierType: 'mobile', entityValue: '={{ $json.mobile }}' },
		item: (i) => ({ mobile: mobile(i) }),
		entities: (_body, query) => query.mobile.split(','),
		result: (e) => ({ mobile: e as string, user_id: 9000 + lastTwo(e), firstname: `F${lastTwo(e)}`, ...itemOk }),
		envelope: (list) => v11Env('customers', 'customer', list),
		idOf: (j) => j.user_id,
		id: (i) => 9000 + i,
		strip: ({ mobile: _m, ...rest }) => rest,
		failure: (e) => ({ mobile: e as string, ...itemFail }),
		otherEnvelope: (response) => ({ response }),
		topError: (list, code) => v11Env('customers', 'customer', list, { success: 'false', code, message: 'top-level error' }),
	},
];

const WRITES = CASES.filter((c) => !c.read);
const byName = (name: string) => CASES.find((c) => c.operation === name)!;
const each = (cases: EndpointCase[]) => cases.map((c) => [c.operation, c] as const);

type Reply = { status?: number; body?: unknown; raw?: string; never?: boolean };

/** A batch server: computes each entity's result, then lets the scenario misbehave with them. */
async function batchServer(c: EndpointCase, reply: (results: IDataObject[], entities: unknown[], req: HostileRequest) => Reply) {
	server = await hostileServer((req, res: ServerResponse) => {
		if (req.path !== c.path) return json(res, 404, {});
		const entities = c.entities(req.body, req.query);
		const out = reply(
			entities.map((e) => c.result(e)),
			entities,
			req,
		);
		if (out.never) return;
		if (out.raw !== undefined) {
			res.writeHead(out.status ?? 200, { 'content-type': 'text/html' });
			res.end(out.raw);
			return;
		}
		json(res, out.status ?? 200, out.body);
	});
}

const items5 = (c: EndpointCase) => Array.from({ length: 5 }, (_, i) => c.item(i));
/** What "cannot be placed" becomes: unknown for a write; the node makes a read "failed NO_RESULT" (see the dedicated test). */
const UNPLACED = (c: EndpointCase) => (c.read ? 'failed' : 'unknown');

/** The invariants every run must keep. */
function expectPaired(result: RunResult, c: EndpointCase, count: number) {
	expect(result.json).toHaveLength(count);
	expect(result.items.map((i) => i.pairedItem)).toEqual(Array.from({ length: count }, (_, item) => ({ item })));
	// Never another item's result: a succeeded item carries its own ID, any other item no one else's.
	result.json.forEach((j, i) => {
		const id = c.idOf(j);
		if (j.outcome === 'succeeded') expect([i, id]).toEqual([i, c.id(i)]);
		else if (id !== undefined && id !== null) expect([i, id]).toEqual([i, c.id(i)]);
	});
}

// ---------------------------------------------------------------------------------------------

describe('A. order, missing, repeated, stray results (every operation)', () => {
	it.each(each(CASES))('A1 %s: reversed order -> 5 succeeded, each its own', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope([...r].reverse()) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expect(server!.apiRequests()).toHaveLength(1);
		expectPaired(result, c, 5);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(5).fill('succeeded'));
	});

	it.each(each(CASES))('A2 %s: results for items 1 and 3 missing -> those unplaced, others their own', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope([r[4], r[2], r[0]]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expect(server!.apiRequests()).toHaveLength(1);
		expectPaired(result, c, 5);
		const u = UNPLACED(c);
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', u, 'succeeded', u, 'succeeded']);
	});

	it.each(each(CASES))('A3 %s: every result twice, shuffled -> 5 succeeded, each its own', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope([r[3], r[0], r[3], r[1], r[4], r[2], r[0], r[1], r[2], r[4]]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expectPaired(result, c, 5);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(5).fill('succeeded'));
	});

	it.each(each(CASES))('A4 %s: item 2 answered once as success and once as failure -> item 2 unplaced, never failed/succeeded', async (_n, c) => {
		await batchServer(c, (r, e) => ({ body: c.envelope([r[0], r[1], c.failure(e[2]), r[2], r[3], r[4]]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expectPaired(result, c, 5);
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'succeeded', UNPLACED(c), 'succeeded', 'succeeded']);
	});

	it.each(each(CASES))('A5 %s: item 1 answered by a result naming a key nobody sent -> item 1 unplaced', async (_n, c) => {
		// Item 9's result (a key never sent) replaces item 1's.
		await batchServer(c, (r) => ({ body: c.envelope([r[0], c.result(c.entities(bodyOf(c, [c.item(9)]), queryOf(c, [c.item(9)]))[0]), r[2], r[3], r[4]]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expectPaired(result, c, 5);
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', UNPLACED(c), 'succeeded', 'succeeded', 'succeeded']);
	});

	it.each(each(CASES))('A6 %s: per-entity failures mixed with successes (HTTP 207), reordered -> exactly the failed ones failed', async (_n, c) => {
		await batchServer(c, (r, e) => ({ status: 207, body: c.envelope([r[4], c.failure(e[3]), r[2], c.failure(e[0]), r[1]]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expectPaired(result, c, 5);
		expect(result.json.map((j) => j.outcome)).toEqual(['failed', 'succeeded', 'succeeded', 'failed', 'succeeded']);
		expect(result.json[0].errorCode).toBe('9999');
	});

	it.each(each(CASES))('A8 %s: item 1\'s result missing, item 0\'s result repeated once without its key -> item 1 unplaced, not given item 0\'s result', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope([r[0], r[2], c.strip(r[0])]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 3));
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', UNPLACED(c), 'succeeded']);
	});

	it.each(each(CASES))('A9 %s: each chunk answered with the other chunk\'s results -> nobody takes another chunk\'s result', async (_n, c) => {
		const seen: IDataObject[][] = [];
		await batchServer(c, (r) => {
			seen.push(r);
			return { body: c.envelope(seen.length === 1 ? [] : seen[0]) };
		});
		const result = await bulk({ operation: c.operation, ...c.parameters, chunkSize: 2, requestOptions: { ...FAST, maxConcurrency: 1, maxRetries: 0 } }, items5(c).slice(0, 4));
		expectPaired(result, c, 4);
		expect(result.json.every((j) => j.outcome !== 'succeeded')).toBe(true);
	});

	it.each(each(CASES))('A7 %s: extra unrelated fields in the envelope and results -> still paired', async (_n, c) => {
		await batchServer(c, (r) => {
			const body = c.envelope([...r].reverse().map((x) => ({ ...x, note: 'x', foo: { mobile: 'nope', billNumber: 'nope' }, extra: [1, 2] }))) as IDataObject | IDataObject[];
			return { body: Array.isArray(body) ? body : { ...body, requestId: 'abc', meta: { count: 99 }, unrelated: [{ mobile: mobile(3) }] } };
		});
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expectPaired(result, c, 5);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(5).fill('succeeded'));
	});
});

/** The body/query a chunk of these items would produce, to compute a result for an item not sent. */
function bodyOf(c: EndpointCase, items: IDataObject[]): unknown {
	switch (c.operation) {
		case 'enrolBadgeCustomers':
			return { customers: items.map((i) => i.customerId) };
		case 'issueCoupons':
			return { seriesIds: items.map((i) => i.seriesId) };
		case 'addCustomersV11':
			return { root: { customer: items } };
		case 'addTransactionsV11':
			return { root: { transaction: items } };
		default:
			return items;
	}
}
function queryOf(c: EndpointCase, items: IDataObject[]): Record<string, string> {
	return c.operation === 'getCustomersV11' ? { mobile: items.map((i) => i.mobile).join(',') } : {};
}

describe('B. results without keys (every operation)', () => {
	it.each(each(CASES))('B1 %s: all 5 results without a key, each with its own ID -> no item gets another item\'s ID', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope(r.map((x) => c.strip(x))) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expectPaired(result, c, 5);
	});

	it.each(each(CASES))('B2 %s: items 1 and 3 answered without a key (own IDs) -> neither gets the other\'s ID', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope([r[0], c.strip(r[3]), r[2], c.strip(r[1]), r[4]]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expectPaired(result, c, 5);
	});

	it.each(each(CASES))('B3 %s: every per-entity result is {} -> not "succeeded" (no result proves nothing)', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope(r.map(() => ({}))) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expect(result.json).toHaveLength(5);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(5).fill(UNPLACED(c)));
	});

	it.each(each(CASES))('B4 %s: every per-entity result is null -> not "succeeded"', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope(r.map(() => null as unknown as IDataObject)) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c));
		expect(result.json).toHaveLength(5);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(5).fill(UNPLACED(c)));
	});
});

describe('C. whole-batch failures (every operation)', () => {
	it.each(each(CASES))('C1 %s: a chunk that never answers (Timeout 300 ms) -> write: unknown, sent once; read: retried', async (_n, c) => {
		await batchServer(c, () => ({ never: true }));
		const result = await bulk({ operation: c.operation, ...c.parameters, chunkSize: 2, requestOptions: { ...FAST, timeout: 300, maxConcurrency: 1 } }, items5(c).slice(0, 4));
		expect(result.json).toHaveLength(4);
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		if (c.read) {
			expect(server!.apiRequests()).toHaveLength(6);
			expect(result.json.map((j) => j.outcome)).toEqual(Array(4).fill('failed'));
		} else {
			expect(server!.apiRequests()).toHaveLength(2);
			expect(result.json.map((j) => j.outcome)).toEqual(Array(4).fill('unknown'));
		}
	}, 20000);

	it.each(each(CASES))('C2 %s: second chunk answers 500 after applying -> its items unknown (write), not re-sent', async (_n, c) => {
		let n = 0;
		await batchServer(c, (r) => (++n === 2 ? { status: 500, body: { message: 'boom' } } : { body: c.envelope(r) }));
		const result = await bulk({ operation: c.operation, ...c.parameters, chunkSize: 2, requestOptions: { ...FAST, maxConcurrency: 1 } }, items5(c).slice(0, 4));
		expectPaired(result, c, 4);
		if (c.read) expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
		else {
			expect(server!.apiRequests()).toHaveLength(2);
			expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'succeeded', 'unknown', 'unknown']);
		}
	});

	it.each(each(WRITES))('C3 %s: bare 503 / 502 HTML -> unknown, sent once', async (_n, c) => {
		let n = 0;
		await batchServer(c, () => (++n === 1 ? { status: 503, raw: '' } : { status: 502, raw: '<html><title>Bad Gateway</title></html>' }));
		const result = await bulk({ operation: c.operation, ...c.parameters, chunkSize: 2, requestOptions: { ...FAST, maxConcurrency: 1 } }, items5(c).slice(0, 4));
		expect(server!.apiRequests()).toHaveLength(2);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(4).fill('unknown'));
	});

	it.each(each(WRITES))('C4 %s: 429 without results (Capillary: not processed) -> re-sent (documented); persistent 429 -> failed 429', async (_n, c) => {
		await batchServer(c, () => ({ status: 429, body: { errors: [{ status: false, code: 429, message: 'Too many requests' }] } }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 2));
		expect(server!.apiRequests()).toHaveLength(3);
		expect(result.json.map((j) => `${j.outcome} ${j.errorCode}`)).toEqual(['failed 429', 'failed 429']);
	});

	it.each(each(WRITES))('C5 %s: 429 WITH per-entity results (applied) -> not re-sent, results paired', async (_n, c) => {
		await batchServer(c, (r) => ({ status: 429, body: c.envelope([...r].reverse()) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 3));
		expect(server!.apiRequests()).toHaveLength(1);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).not.toContain('failed');
	});

	it.each(each(CASES))('C6 %s: HTTP 200 with a non-JSON body -> write unknown (sent once), read failed', async (_n, c) => {
		await batchServer(c, () => ({ status: 200, raw: '<html>oops</html>' }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 3));
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill(c.read ? 'failed' : 'unknown'));
		if (!c.read) expect(server!.apiRequests()).toHaveLength(1);
	});

	it.each(each(CASES))('C7 %s: HTTP 200 with an empty result list -> write unknown', async (_n, c) => {
		await batchServer(c, () => ({ body: c.envelope([]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 3));
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill(c.read ? 'failed' : 'unknown'));
	});

	it.each(each(CASES))('C8 %s: answered in the other API generation\'s envelope (v1.1 <-> v2) -> write unknown', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.otherEnvelope(r) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 3));
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill(c.read ? 'failed' : 'unknown'));
	});

	it.each(each(CASES.filter((c) => c.topError)))('C9 %s: top-level error (code 500) next to per-entity successes (HTTP 200) -> successes kept, sent once', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.topError!([...r].reverse(), 500) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 3));
		expect(server!.apiRequests()).toHaveLength(1);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it.each(each(WRITES.filter((c) => c.topError)))('C10 %s: "try later" 521 next to per-entity results (applied) -> NOT re-sent', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.topError!(r, 521) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 3));
		expect(server!.apiRequests()).toHaveLength(1);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).not.toContain('failed');
	});

	it.each(each(WRITES))('C11 %s: HTTP 500 with every per-entity success -> each succeeded (the answer proves it), sent once', async (_n, c) => {
		await batchServer(c, (r) => ({ status: 500, body: c.envelope([...r].reverse()) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 3));
		expect(server!.apiRequests()).toHaveLength(1);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).not.toContain('failed');
	});

	it.each(each(WRITES))('C12 %s: HTTP 200 with a top-level error in the body and no results (code 500 inside) -> not "failed"?', async (_n, c) => {
		await batchServer(c, () => ({ body: c.topError ? c.topError([], 500) : { errors: [{ status: false, code: 500, message: 'Internal server error' }] } }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c).slice(0, 2));
		expect(server!.apiRequests()).toHaveLength(1);
		expect(result.json.map((j) => j.outcome)).toEqual(['unknown', 'unknown']);
	});
});

describe('D. keys in another type / case / format', () => {
	it('D1 addTransactions: numeric bill numbers echoed as strings, reversed', async () => {
		const c = byName('addTransactions');
		await batchServer(c, (_r, e) => ({ body: c.envelope([...e].reverse().map((x) => ({ entityId: 1000 + Number((x as IDataObject).billNumber), result: { ...(x as IDataObject), billNumber: String((x as IDataObject).billNumber) }, errors: [] }))) }));
		const items = [0, 1, 2].map((i) => ({ ...c.item(i), billNumber: i }));
		const result = await bulk({ operation: 'addTransactions' }, items);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it('D2 addTransactions: bill numbers with surrounding whitespace, echoed trimmed', async () => {
		const c = byName('addTransactions');
		await batchServer(c, (_r, e) => ({ body: c.envelope([...e].reverse().map((x) => ({ entityId: 1000 + lastTwo(String((x as IDataObject).billNumber).trim()), result: { billNumber: String((x as IDataObject).billNumber).trim() }, errors: [] }))) }));
		const items = [0, 1, 2].map((i) => ({ ...c.item(i), billNumber: `  BILL-${i} ` }));
		const result = await bulk({ operation: 'addTransactions' }, items);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it('D3 upsertCustomers: mobile sent with +, echoed as digits; email sent upper case, echoed lower', async () => {
		const c = byName('upsertCustomers');
		await batchServer(c, (_r, e) => ({
			body: c.envelope(
				[...e].reverse().map((x) => {
					const ids = (x as { profiles: Array<{ identifiers: Array<{ type: string; value: string }> }> }).profiles[0].identifiers;
					const m = ids.find((i) => i.type === 'mobile')!.value.replace(/\D/g, '');
					return { entityId: 2000 + lastTwo(m), result: { profiles: [{ identifiers: ids.map((i) => ({ type: i.type, value: i.type === 'email' ? i.value.toLowerCase() : i.value.replace(/\D/g, '') })) }] }, errors: [] };
				}),
			),
		}));
		const items = [0, 1, 2].map((i) => ({ profiles: [{ identifiers: [{ type: 'mobile', value: `+${mobile(i)}` }, { type: 'email', value: `USER${i}@EXAMPLE.COM` }] }] }));
		const result = await bulk({ operation: 'upsertCustomers' }, items);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it('D4 updateCards: numeric card numbers echoed as strings', async () => {
		const c = byName('updateCards');
		await batchServer(c, (_r, e) => ({ body: c.envelope([...e].reverse().map((x) => ({ entityId: { cardId: 4000 + Number((x as IDataObject).cardNumber) - 77700, cardNumber: String((x as IDataObject).cardNumber) }, errors: [] }))) }));
		const items = [0, 1, 2].map((i) => ({ cardNumber: 77700 + i }));
		const result = await bulk({ operation: 'updateCards' }, items);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it('D5 enrolBadgeCustomers: customer IDs given as strings, echoed as numbers', async () => {
		const c = byName('enrolBadgeCustomers');
		await batchServer(c, (r) => ({ body: c.envelope([...r].reverse()) }));
		const result = await bulk({ operation: 'enrolBadgeCustomers', ...c.parameters }, [0, 1, 2].map((i) => ({ customerId: ` ${5000 + i} ` })));
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it('D6 enrolBadgeCustomers: customer ID "05001" (leading zero): the node sends 5001 and must recognise the answer for 5001', async () => {
		const c = byName('enrolBadgeCustomers');
		await batchServer(c, (r) => ({ body: c.envelope([...r].reverse()) }));
		const result = await bulk({ operation: 'enrolBadgeCustomers', ...c.parameters }, [{ customerId: '5000' }, { customerId: '05001' }]);
		expect((server!.apiRequests()[0].body as { customers: unknown[] }).customers).toEqual([5000, 5001]);
		expectPaired(result, c, 2);
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'succeeded']);
	});

	it('D7 enrolBadgeCustomers: a customer ID beyond 2^53 is sent as exactly that ID, not a rounded one', async () => {
		const c = byName('enrolBadgeCustomers');
		await batchServer(c, () => ({ body: c.envelope([]) }));
		await bulk({ operation: 'enrolBadgeCustomers', ...c.parameters }, [{ customerId: '9007199254740993' }]);
		const raw = JSON.stringify(server!.apiRequests()[0].body);
		expect(raw).not.toContain('9007199254740992');
	});

	it('D8 issueCoupons: series IDs given as strings (" 0601 "), echoed as numbers and as strings', async () => {
		const c = byName('issueCoupons');
		await batchServer(c, (_r, e) => ({ body: c.envelope([...e].reverse().map((x, k) => ({ entityId: (k % 2 ? String(x) : x) as IDataObject[string], result: { code: `CODE-${Number(x) - 600}` }, errors: [] }))) }));
		const result = await bulk({ operation: 'issueCoupons', ...c.parameters }, [{ seriesId: '600' }, { seriesId: ' 0601 ' }, { seriesId: 602 }]);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it('D9 addCustomersV11: mobile sent as "+91 90000 00001", echoed as digits; email case differs', async () => {
		const c = byName('addCustomersV11');
		await batchServer(c, (_r, e) => ({ body: c.envelope([...e].reverse().map((x) => ({ mobile: String((x as IDataObject).mobile).replace(/\D/g, ''), email: String((x as IDataObject).email).toLowerCase(), user_id: 7000 + lastTwo(String((x as IDataObject).mobile).replace(/\D/g, '')), ...itemOk }))) }));
		const items = [0, 1, 2].map((i) => ({ mobile: `+91 90000 000${String(i).padStart(2, '0')}`, email: `A${i}@X.COM` }));
		const result = await bulk({ operation: 'addCustomersV11' }, items);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it('D10 addTransactionsV11: numeric bill numbers echoed as strings', async () => {
		const c = byName('addTransactionsV11');
		await batchServer(c, (_r, e) => ({ body: c.envelope([...e].reverse().map((x) => ({ id: 8000 + Number((x as IDataObject).number), number: String((x as IDataObject).number), ...itemOk }))) }));
		const items = [0, 1, 2].map((i) => ({ ...c.item(i), number: i }));
		const result = await bulk({ operation: 'addTransactionsV11' }, items);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
	});

	it('D11 getCustomersV11: mobile asked with +, answered as digits; email asked upper case, answered lower', async () => {
		const c = byName('getCustomersV11');
		server = await hostileServer((req, res) => {
			const type = req.query.mobile ? 'mobile' : 'email';
			const values = req.query[type].split(',');
			json(res, 200, c.envelope(values.reverse().map((v, k) => ({ [type]: type === 'mobile' ? v.replace(/\D/g, '') : v.toLowerCase(), user_id: 9000 + (type === 'mobile' ? lastTwo(v) : Number(v.match(/\d+/)![0])), ...itemOk, k }))));
		});
		const byMobile = await bulk({ operation: 'getCustomersV11', ...c.parameters }, [0, 1, 2].map((i) => ({ mobile: `+${mobile(i)}` })));
		expectPaired(byMobile, c, 3);
		expect(byMobile.json.map((j) => j.outcome)).toEqual(Array(3).fill('succeeded'));
		const byEmail = await bulk({ operation: 'getCustomersV11', identifierType: 'email', entityValue: '={{ $json.email }}' }, [0, 1, 2].map((i) => ({ email: `U${i}@X.COM` })));
		expect(byEmail.json.map((j) => j.user_id)).toEqual([9000, 9001, 9002]);
	});

	it('D12 getCustomersV11: "919000000001" and "+91 90000-00001" are one customer for the node; the well-formed one must not get the other\'s "not found"', async () => {
		const c = byName('getCustomersV11');
		// Like a strict server: finds the customer only by the exact digits.
		server = await hostileServer((req, res) => {
			const values = req.query.mobile.split(',');
			json(res, 200, c.envelope(values.map((v) => (/^\d+$/.test(v) ? { mobile: v, user_id: 9000 + lastTwo(v), ...itemOk } : { mobile: v, ...itemFail }))));
		});
		const result = await bulk({ operation: 'getCustomersV11', ...c.parameters }, [{ mobile: '+91 90000-00001' }, { mobile: '919000000001' }]);
		expect(result.json).toHaveLength(2);
		expect(result.json[1]).toMatchObject({ outcome: 'succeeded', user_id: 9001 });
	});
});

describe('E. results that match two entities', () => {
	it('E1 upsertCustomers: item 1\'s result carries item 1\'s mobile and item 2\'s email -> item 1 unknown, item 2 its own', async () => {
		const c = byName('upsertCustomers');
		const items = [0, 1, 2].map((i) => ({ profiles: [{ identifiers: [{ type: 'mobile', value: mobile(i) }, { type: 'email', value: `u${i}@x.com` }] }] }));
		await batchServer(c, (_r, e) =>
			({
				body: c.envelope(
					(e as IDataObject[]).map((x, k) => ({
						entityId: 2000 + k,
						result: k === 1 ? { profiles: [{ identifiers: [{ type: 'mobile', value: mobile(1) }, { type: 'email', value: 'u2@x.com' }] }] } : x,
						errors: [],
					})),
				),
			}),
		);
		const result = await bulk({ operation: 'upsertCustomers' }, items);
		expectPaired(result, c, 3);
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'unknown', 'succeeded']);
	});

	it('E2 updateCards: a result with item 0\'s card number and item 1\'s external ID -> neither takes it', async () => {
		const c = byName('updateCards');
		const items = [{ cardNumber: 'CARD-0' }, { cardExternalId: 'EXT-1' }];
		await batchServer(c, () => ({ body: c.envelope([{ entityId: { cardId: 4000, cardNumber: 'CARD-0', cardExternalId: 'EXT-1' }, errors: [] }]) }));
		const result = await bulk({ operation: 'updateCards' }, items);
		expect(result.json.map((j) => j.outcome)).toEqual(['unknown', 'unknown']);
	});
});

describe('F. duplicates in the input', () => {
	it('F1 upsertCustomers: two items share a mobile but differ by email; answered reversed -> each its own (by email) or unknown, never swapped', async () => {
		const c = byName('upsertCustomers');
		const items = [
			{ profiles: [{ identifiers: [{ type: 'mobile', value: mobile(1) }, { type: 'email', value: 'anna@x.com' }] }] },
			{ profiles: [{ identifiers: [{ type: 'mobile', value: mobile(1) }, { type: 'email', value: 'bob@x.com' }] }] },
		];
		await batchServer(c, (_r, e) => ({ body: c.envelope((e as IDataObject[]).map((x, k) => ({ entityId: 2000 + k, result: x, errors: [] })).reverse()) }));
		const result = await bulk({ operation: 'upsertCustomers' }, items);
		expect(result.json).toHaveLength(2);
		expect(result.json.map((j) => [j.outcome, j.entityId])).not.toEqual([
			['succeeded', 2001],
			['succeeded', 2000],
		]);
		for (const [k, j] of result.json.entries()) if (j.outcome === 'succeeded') expect(j.entityId).toBe(2000 + k);
	});

	it('F2 addCustomersV11: two items share a mobile but differ by email; answered reversed -> never swapped', async () => {
		const c = byName('addCustomersV11');
		const items = [
			{ mobile: mobile(1), email: 'anna@x.com' },
			{ mobile: mobile(1), email: 'bob@x.com' },
		];
		await batchServer(c, (_r, e) => ({ body: c.envelope((e as IDataObject[]).map((x, k) => ({ ...x, user_id: 7000 + k, ...itemOk })).reverse()) }));
		const result = await bulk({ operation: 'addCustomersV11' }, items);
		for (const [k, j] of result.json.entries()) if (j.outcome === 'succeeded') expect([k, j.user_id]).toEqual([k, 7000 + k]);
	});

	it('F3 updateCards: same card number, different external IDs; answered reversed -> never swapped', async () => {
		const c = byName('updateCards');
		const items = [
			{ cardNumber: 'CARD-1', cardExternalId: 'EXT-A' },
			{ cardNumber: 'CARD-1', cardExternalId: 'EXT-B' },
		];
		await batchServer(c, (_r, e) => ({ body: c.envelope((e as IDataObject[]).map((x, k) => ({ entityId: { cardId: 4000 + k, cardNumber: x.cardNumber, cardExternalId: x.cardExternalId }, errors: [] })).reverse()) }));
		const result = await bulk({ operation: 'updateCards' }, items);
		for (const [k, j] of result.json.entries()) if (j.outcome === 'succeeded') expect([k, (j.entityId as IDataObject).cardId]).toEqual([k, 4000 + k]);
	});

	it('F4 addTransactions: a REGULAR bill and its RETURN share the bill number (as the form asks); answered reversed -> the purchase never gets the return\'s result', async () => {
		const c = byName('addTransactions');
		const items = [
			{ identifierType: 'mobile', identifierValue: mobile(1), source: 'INSTORE', type: 'REGULAR', billNumber: 'B-1', billAmount: 100 },
			{ identifierType: 'mobile', identifierValue: mobile(1), source: 'INSTORE', type: 'RETURN', returnType: 'AMOUNT', billNumber: 'B-1', billAmount: 40 },
		];
		await batchServer(c, (_r, e) => ({ body: c.envelope((e as IDataObject[]).map((x, k) => ({ entityId: 1000 + k, result: x, errors: [] })).reverse()) }));
		const result = await bulk({ operation: 'addTransactions' }, items);
		expect(result.json).toHaveLength(2);
		for (const [k, j] of result.json.entries()) if (j.outcome === 'succeeded') expect([k, j.entityId, (j.result as IDataObject).type]).toEqual([k, 1000 + k, items[k].type]);
	});

	it('F5 addTransactions: same bill twice, Capillary accepts one and rejects the duplicate -> neither "failed" for the accepted one', async () => {
		const c = byName('addTransactions');
		const items = [c.item(1), c.item(1)];
		await batchServer(c, (_r, e) => ({ body: c.envelope([{ entityId: 1001, result: e[0] as IDataObject, errors: [] }, { entityId: null, result: e[1] as IDataObject, errors: [{ status: false, code: 611, message: 'Duplicate bill' }] }]) }));
		const result = await bulk({ operation: 'addTransactions' }, items);
		expect(server!.apiRequests()).toHaveLength(1);
		expect(result.json.map((j) => j.outcome)).toEqual(['unknown', 'unknown']);
	});

	it('F6 getCustomersV11: the same mobile in 3 items (2 chunks worth) -> sent once, all 3 get it, paired', async () => {
		const c = byName('getCustomersV11');
		await batchServer(c, (r) => ({ body: c.envelope([...r].reverse()) }));
		const items = [{ mobile: mobile(1) }, { mobile: mobile(2) }, { mobile: ` ${mobile(1)} ` }, { mobile: mobile(1) }];
		const result = await bulk({ operation: 'getCustomersV11', ...c.parameters, chunkSize: 1 }, items);
		expect(server!.apiRequests()).toHaveLength(2);
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.json.map((j) => j.user_id)).toEqual([9001, 9002, 9001, 9001]);
	});

	it('F7 issueCoupons: the same series twice (two coupons), answered reversed -> both succeeded, distinct codes', async () => {
		const c = byName('issueCoupons');
		await batchServer(c, (_r, e) => ({ body: c.envelope(e.map((x, k) => ({ entityId: x as number, result: { code: `DUP-${k}`, seriesId: x as number }, errors: [] })).reverse()) }));
		const result = await bulk({ operation: 'issueCoupons', ...c.parameters }, [{ seriesId: 600 }, { seriesId: 600 }]);
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'succeeded']);
		expect(new Set(result.json.map((j) => (j.result as IDataObject).code)).size).toBe(2);
	});
});

describe('G. bad input', () => {
	it.each([
		['enrolBadgeCustomers', { customerId: '' }],
		['issueCoupons', { seriesId: '   ' }],
		['getCustomersV11', { mobile: null }],
	] as const)('G1 %s: an item with an empty key fails alone as INPUT, never sent (Continue On Fail)', async (name, bad) => {
		const c = byName(name);
		await batchServer(c, (r) => ({ body: c.envelope(r) }));
		const items = [c.item(0), bad as IDataObject, c.item(2)];
		const result = await bulk({ operation: name, ...c.parameters }, items);
		expect(result.json.map((j) => `${j.outcome}${j.errorCode ? ` ${j.errorCode}` : ''}`)).toEqual(['succeeded', 'failed INPUT', 'succeeded']);
		expect(c.entities(server!.apiRequests()[0].body, server!.apiRequests()[0].query)).toHaveLength(2);
	});

	it.each(each(WRITES))('G2 %s: without Continue On Fail, an item with unusable input -> nothing sent', async (_n, c) => {
		await batchServer(c, (r) => ({ body: c.envelope(r) }));
		const params = c.parameters?.entityValue ? { ...c.parameters } : { ...c.parameters, entity: '={{ $json.bad ? "{oops" : JSON.stringify($json) }}' };
		const bad = c.parameters?.entityValue ? { seriesId: '', customerId: '' } : { bad: true };
		const result = await bulk({ operation: c.operation, ...params }, [c.item(0), bad, c.item(2)], false);
		expect(server!.apiRequests()).toHaveLength(0);
		expect(result.error?.message).toMatch(/1 of 3 items failed \(first: item 1/);
	});

	it('G3 issueCoupons: a series ID that is not a number ("abc") fails as INPUT; it is not sent as null', async () => {
		const c = byName('issueCoupons');
		await batchServer(c, (_r, e) => ({ body: c.envelope(e.map((x) => ({ entityId: x as number, result: { code: `C-${String(x)}`, seriesId: x as number }, errors: [] }))) }));
		const result = await bulk({ operation: 'issueCoupons', ...c.parameters }, [{ seriesId: 600 }, { seriesId: 'abc' }]);
		const sent = (server!.apiRequests()[0]?.body as { seriesIds: unknown[] } | undefined)?.seriesIds;
		expect(sent).toEqual([600]);
		expect(result.json[1]).toMatchObject({ outcome: 'failed', errorCode: 'INPUT' });
	});

	it('G4 addTransactions: two items without a bill number, both accepted with their own IDs -> not both given the first ID', async () => {
		const c = byName('addTransactions');
		await batchServer(c, (_r, e) => ({ body: c.envelope(e.map((x, k) => ({ entityId: 1100 + k, result: x as IDataObject, errors: [] })).reverse()) }));
		const { billNumber: _b, ...noBill } = c.item(0);
		const result = await bulk({ operation: 'addTransactions' }, [c.item(5), { ...noBill, billAmount: 1 }, { ...noBill, billAmount: 2 }]);
		expect(result.json[0]).toMatchObject({ outcome: 'succeeded' });
		const ids = result.json.slice(1).filter((j) => j.outcome === 'succeeded').map((j) => j.entityId);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('G5 an empty input list: no request, no error', async () => {
		const c = byName('addTransactions');
		await batchServer(c, (r) => ({ body: c.envelope(r) }));
		const result = await bulk({ operation: 'addTransactions' }, []);
		expect(server!.apiRequests()).toHaveLength(0);
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(0);
	});
});

describe('J. chunking', () => {
	it.each([
		[1000, [100, 50]],
		[0, [100, 50]],
		[-3, [1, 1]],
		[40, [40, 40, 40, 30]],
	] as const)('J1 addTransactions: chunkSize %s with 150 items -> chunks %j, 150 paired results', async (size, chunks) => {
		const c = byName('addTransactions');
		await batchServer(c, (r) => ({ body: c.envelope([...r].reverse()) }));
		const items = Array.from({ length: size === -3 ? 2 : 150 }, (_, i) => c.item(i));
		const result = await bulk({ operation: 'addTransactions', chunkSize: size }, items);
		expect(server!.apiRequests().map((q) => (q.body as unknown[]).length).sort((a, b) => b - a)).toEqual(chunks);
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(result.json.every((j, i) => j.entityId === 1000 + (i % 100))).toBe(true);
	});

	it('J2 updateCards: 250 cards -> 200 + 50 (the cards limit)', async () => {
		const c = byName('updateCards');
		await batchServer(c, (r) => ({ body: c.envelope(r) }));
		const items = Array.from({ length: 250 }, (_, i) => ({ cardNumber: `CARD-${i}` }));
		const result = await bulk({ operation: 'updateCards', chunkSize: 500 }, items);
		expect(server!.apiRequests().map((q) => (q.body as unknown[]).length).sort((a, b) => b - a)).toEqual([200, 50]);
		expect(result.json.every((j) => j.outcome === 'succeeded')).toBe(true);
	});
});

describe('H. Continue On Fail off', () => {
	it.each(each(WRITES))('H1 %s: 1 unknown + 1 failed + 3 succeeded, no Continue On Fail -> error names both, sent once', async (_n, c) => {
		await batchServer(c, (r, e) => ({ body: c.envelope([r[0], c.failure(e[1]), r[3], r[4]]) }));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items5(c), false);
		expect(server!.apiRequests()).toHaveLength(1);
		expect(result.error?.message).toMatch(/^1 of 5 items failed and 1 of 5 items have an unknown outcome \(first: item 1, Capillary error 9999: Nope\)/);
		expect(result.error?.description).toMatch(/other 3 items were sent and written.*check in Capillary/);
	});

	it('H2 getCustomersV11: a value missing from the answer, no Continue On Fail -> the node fails (a read)', async () => {
		const c = byName('getCustomersV11');
		await batchServer(c, (r) => ({ body: c.envelope([r[0], r[2]]) }));
		const result = await bulk({ operation: 'getCustomersV11', ...c.parameters }, items5(c).slice(0, 3), false);
		expect(result.error?.message).toMatch(/1 of 3 items/);
	});
});

describe('I. a read says what it could not place, and that it can be repeated', () => {
	it('I1 getCustomersV11: a value the answer left out -> failed NO_RESULT, "can be repeated safely" (a write would be unknown)', async () => {
		const c = byName('getCustomersV11');
		await batchServer(c, (r) => ({ body: c.envelope([r[0], r[2]]) }));
		const result = await bulk({ operation: 'getCustomersV11', ...c.parameters }, items5(c).slice(0, 3));
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'failed', 'succeeded']);
		expect(result.json[1]).toMatchObject({ errorCode: 'NO_RESULT', errorMessage: expect.stringMatching(/can be repeated safely$/) });
	});
});

describe('K. token rejection next to applied results (OAuth)', () => {
	it.each(each(WRITES.filter((c) => c.topError)))('K1 %s: HTTP 200 whose body says 401 but carries per-entity results (applied) -> not re-sent', async (_n, c) => {
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) return json(res, 200, { data: { accessToken: `tok-${Math.random()}`, ttlSeconds: 3600 } });
			const results = c.entities(req.body, req.query).map((e) => c.result(e));
			json(res, 200, c.topError!(results, 401));
		});
		const result = await runNode({
			nodeType: 'capillaryBulk',
			parameters: { authentication: 'oAuth', input: 'json', operation: c.operation, ...c.parameters, requestOptions: FAST },
			items: items5(c).slice(0, 2),
			credentials: oauthAt(server.url),
			continueOnFail: true,
		});
		expect(server.apiRequests()).toHaveLength(1);
		expect(result.json.map((j) => j.outcome)).not.toContain('failed');
	});

	it.each(each(WRITES))('K2 %s: HTTP 401 whose body carries per-entity results (applied) -> not re-sent', async (_n, c) => {
		server = await hostileServer((req, res) => {
			if (req.path === TOKEN_PATH) return json(res, 200, { data: { accessToken: `tok-${Math.random()}`, ttlSeconds: 3600 } });
			const results = c.entities(req.body, req.query).map((e) => c.result(e));
			json(res, 401, c.envelope(results));
		});
		await runNode({
			nodeType: 'capillaryBulk',
			parameters: { authentication: 'oAuth', input: 'json', operation: c.operation, ...c.parameters, requestOptions: FAST },
			items: items5(c).slice(0, 2),
			credentials: oauthAt(server.url),
			continueOnFail: true,
		});
		expect(server.apiRequests()).toHaveLength(1);
	});
});
