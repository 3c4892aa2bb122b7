/**
 * Issue 12, Capillary Bulk: every result on the right item. A batch server written here answers
 * every bulk endpoint in its own envelope, but reorders, drops or repeats results, and de-duplicates
 * lookup values like Capillary does.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { basicAt, hostileServer, json, type Hostile } from './hostile';

let server: Hostile | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const bulk = (parameters: INodeParameters, items: IDataObject[], continueOnFail = true) =>
	runNode({ nodeType: 'capillaryBulk', parameters: { authentication: 'basicAuth', input: 'json', ...parameters }, items, credentials: basicAt(server!.url), continueOnFail });

interface EndpointCase {
	operation: string;
	path: string;
	parameters?: INodeParameters;
	/** Input Mode "Fields": parameters mapping the same items to the same entities. */
	fields?: INodeParameters;
	/** The n-th input item. */
	item(i: number): IDataObject;
	/** What Capillary answers for the n-th entity it received (carrying the entity's key). */
	result(entity: unknown, request: { query: Record<string, string> }): IDataObject;
	/** The envelope around the list of results. */
	envelope(results: IDataObject[]): unknown;
	/** The entities of the request, as sent. */
	entities(body: unknown, query: Record<string, string>): unknown[];
	/** The ID an output item got, which must be its own (id(i)). */
	idOf(json: IDataObject): unknown;
	id(i: number): unknown;
}

const mobile = (i: number) => `9190000000${String(i).padStart(2, '0')}`;
const v2Profile = (value: string) => ({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value }] }] });
const asList = (body: unknown) => body as IDataObject[];
const v11Ok = (key: string, single: string, list: IDataObject[]) => ({ response: { status: { success: 'true', code: 200, message: 'Success' }, [key]: { [single]: list } } });
const itemOk = { item_status: { success: 'true', code: 1000, message: 'Done' } };

const CASES: EndpointCase[] = [
	{
		operation: 'addTransactions',
		path: '/v2/transactions/bulk',
		fields: { customerIdentifier: '={{ $json.identifierValue }}', billNumber: '={{ $json.billNumber }}', billAmount: '={{ $json.billAmount }}' },
		item: (i) => ({ identifierType: 'mobile', identifierValue: mobile(i), source: 'INSTORE', type: 'REGULAR', billNumber: `BILL-${i}`, billAmount: 100 + i }),
		entities: asList,
		result: (e) => ({ entityId: 1000 + Number(String((e as IDataObject).billNumber).slice(5)), result: e as IDataObject, errors: [], warnings: [] }),
		envelope: (response) => ({ response }),
		idOf: (j) => j.entityId,
		id: (i) => 1000 + i,
	},
	{
		operation: 'upsertCustomers',
		path: '/v2/integrations/customer/upsert/bulk',
		fields: { mobile: '={{ $json.profiles[0].identifiers[0].value }}' },
		item: (i) => v2Profile(mobile(i)),
		entities: asList,
		result: (e) => {
			const value = String(((e as { profiles: Array<{ identifiers: Array<{ value: string }> }> }).profiles[0].identifiers[0].value));
			return { entityId: 2000 + Number(value.slice(-2)), result: v2Profile(value), errors: [], warnings: [] };
		},
		envelope: (response) => ({ response, totalCount: response.length, failureCount: 0 }),
		idOf: (j) => j.entityId,
		id: (i) => 2000 + i,
	},
	{
		operation: 'associateCustomers',
		path: '/v2/customers/bulk',
		item: (i) => ({ ...v2Profile(mobile(i)), associationDetails: { hierarchyCode: 'H1', roleCode: 'R1' } }),
		entities: asList,
		result: (e) => {
			const value = String(((e as { profiles: Array<{ identifiers: Array<{ value: string }> }> }).profiles[0].identifiers[0].value));
			return { entity: { id: 3000 + Number(value.slice(-2)), ...v2Profile(value) }, errors: [], warnings: [] };
		},
		envelope: (results) => results,
		idOf: (j) => (j.entity as IDataObject).id,
		id: (i) => 3000 + i,
	},
	{
		operation: 'updateCards',
		path: '/v2/card/bulk',
		fields: { cardNumber: '={{ $json.cardNumber }}', statusLabel: '={{ $json.statusLabel }}' },
		item: (i) => ({ cardNumber: `CARD-${i}`, statusLabel: 'ACTIVE' }),
		entities: asList,
		result: (e) => ({ entityId: { cardId: 4000 + Number(String((e as IDataObject).cardNumber).slice(5)), cardNumber: (e as IDataObject).cardNumber }, errors: [], warnings: [] }),
		envelope: (response) => ({ response, totalCount: response.length, failureCount: 0 }),
		idOf: (j) => (j.entityId as IDataObject).cardId,
		id: (i) => 4000 + i,
	},
	{
		operation: 'enrolBadgeCustomers',
		path: '/api_gateway/v1/badges/badgeMeta/customer/issueBulk',
		parameters: { badgeMetaId: 'badge-1', ownerType: 'Journeys', referenceId: 'J-1' },
		item: (i) => ({ customerId: 5000 + i }),
		entities: (body) => (body as { customers: unknown[] }).customers,
		result: (e) => ({ customerId: e as number, issuedId: `issue-${Number(e) - 5000}`, status: 'ACTIVE' }),
		envelope: (issuedBadges) => ({ data: { badgeMetaId: 'badge-1', issuedBadges }, errors: [], warnings: [] }),
		idOf: (j) => j.issuedId,
		id: (i) => `issue-${i}`,
	},
	{
		operation: 'issueCoupons',
		path: '/v2/coupon/bulk/issue',
		parameters: { identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' },
		item: (i) => ({ seriesId: 600 + i }),
		entities: (body) => (body as { seriesIds: unknown[] }).seriesIds,
		result: (e) => ({ entityId: e as number, result: { code: `CODE-${Number(e) - 600}`, seriesId: e as number }, errors: [], warnings: [] }),
		envelope: (response) => ({ response, totalCount: response.length, failureCount: 0 }),
		idOf: (j) => (j.result as IDataObject).code,
		id: (i) => `CODE-${i}`,
	},
	{
		operation: 'addCustomersV11',
		path: '/v1.1/customer/add',
		fields: { mobile: '={{ $json.mobile }}', firstName: '={{ $json.firstname }}' },
		item: (i) => ({ mobile: mobile(i), firstname: `Name${i}` }),
		entities: (body) => (body as { root: { customer: unknown[] } }).root.customer,
		result: (e) => ({ mobile: (e as IDataObject).mobile, user_id: 7000 + Number(String((e as IDataObject).mobile).slice(-2)), ...itemOk }),
		envelope: (list) => v11Ok('customers', 'customer', list),
		idOf: (j) => j.user_id,
		id: (i) => 7000 + i,
	},
	{
		operation: 'addTransactionsV11',
		path: '/v1.1/transaction/add',
		fields: { mobile: '={{ $json.customer.mobile }}', billNumber: '={{ $json.number }}', billAmount: '={{ $json.amount }}' },
		item: (i) => ({ type: 'REGULAR', number: `V-${i}`, amount: 10, customer: { mobile: mobile(i) } }),
		entities: (body) => (body as { root: { transaction: unknown[] } }).root.transaction,
		result: (e) => ({ id: 8000 + Number(String((e as IDataObject).number).slice(2)), number: (e as IDataObject).number, ...itemOk }),
		envelope: (list) => v11Ok('transactions', 'transaction', list),
		idOf: (j) => j.id,
		id: (i) => 8000 + i,
	},
	{
		operation: 'getCustomersV11',
		path: '/v1.1/customer/get',
		parameters: { identifierType: 'mobile' },
		item: (i) => ({ mobile: mobile(i) }),
		entities: (_body, query) => query.mobile.split(','),
		result: (e) => ({ mobile: e as string, user_id: 9000 + Number(String(e).slice(-2)), ...itemOk }),
		envelope: (list) => v11Ok('customers', 'customer', list),
		idOf: (j) => j.user_id,
		id: (i) => 9000 + i,
	},
];

/** Answers each batch with the results in another order (`order` maps answer position → entity position). */
async function batchServer(c: EndpointCase, shape: (results: IDataObject[]) => IDataObject[]) {
	server = await hostileServer((req, res) => {
		if (req.path !== c.path) return json(res, 404, {});
		const results = c.entities(req.body, req.query).map((e) => c.result(e, req));
		json(res, 200, c.envelope(shape(results)));
	});
}

const shuffle = (list: IDataObject[]) => [2, 0, 4, 1, 3].map((i) => list[i]);

describe('case 15: results are paired by the key the answer carries, for every bulk endpoint', () => {
	it.each(CASES.map((c) => [c.operation, c] as const))('%s answered in another order: 5 of 5 items get their own result', async (_name, c) => {
		await batchServer(c, shuffle);
		const items = Array.from({ length: 5 }, (_, i) => c.item(i));
		const result = await bulk({ operation: c.operation, ...c.parameters }, items);
		expect(server!.apiRequests()).toHaveLength(1);
		expect(result.json.map((j) => j.success)).toEqual([true, true, true, true, true]);
		expect(result.json.map((j) => c.idOf(j))).toEqual(items.map((_, i) => c.id(i)));
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	});
});

describe('case 15 with Input Mode "Fields": entities built from mapped fields are paired by the same keys', () => {
	it.each(CASES.filter((c) => c.fields).map((c) => [c.operation, c] as const))('%s from fields, answered in another order: 5 of 5 items get their own result', async (_name, c) => {
		await batchServer(c, shuffle);
		const items = Array.from({ length: 5 }, (_, i) => c.item(i));
		const result = await bulk({ operation: c.operation, input: 'fields', ...c.fields }, items);
		expect(server!.apiRequests()).toHaveLength(1);
		expect(result.json.map((j) => j.success)).toEqual([true, true, true, true, true]);
		expect(result.json.map((j) => c.idOf(j))).toEqual(items.map((_, i) => c.id(i)));
	});
});

describe('case 16: a result that cannot be determined is "outcome unknown", not "failed"', () => {
	const transactions = CASES[0];
	const items = Array.from({ length: 10 }, (_, i) => transactions.item(i));

	it('1 of 10 results missing (all 10 written): 9 succeeded, 1 outcome unknown, 0 failed', async () => {
		await batchServer(transactions, (results) => results.filter((_, i) => i !== 6).reverse());
		const result = await bulk({ operation: 'addTransactions' }, items);
		expect(result.json.map((j) => j.outcome)).toEqual(items.map((_, i) => (i === 6 ? 'unknown' : 'succeeded')));
		expect(result.json[6]).toMatchObject({ success: null, errorCode: 'OUTCOME_UNKNOWN', errorMessage: expect.stringMatching(/^Outcome unknown: .*Check in Capillary whether this item was written before retrying it$/) });
		expect(result.json.filter((j) => j.success === false)).toHaveLength(0);
	});

	it('without Continue On Fail the node says 1 of 10 unknown, 9 written, and advises to check, not to retry', async () => {
		await batchServer(transactions, (results) => results.filter((_, i) => i !== 6));
		const result = await bulk({ operation: 'addTransactions' }, items, false);
		expect(result.error?.message).toMatch(/^1 of 10 items have an unknown outcome \(first: item 6, Outcome unknown: /);
		expect(result.error?.message).not.toMatch(/failed/);
		expect(result.error?.description).toMatch(/other 9 items were sent and written.*check in Capillary before sending them again/);
	});

	it('a result repeated and another missing: the repeated item keeps its own result, the missing one is unknown (5 items)', async () => {
		await batchServer(transactions, (results) => [results[0], results[2], results[1], results[2], results[3]]);
		const result = await bulk({ operation: 'addTransactions' }, items.slice(0, 5));
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'unknown']);
		expect(result.json.slice(0, 4).map((j) => j.entityId)).toEqual([1000, 1001, 1002, 1003]);
	});

	it('failures without a key (result: null) are deduced when they are the only ones left: 1 of 3 failed with its own code', async () => {
		const upsert = CASES[1];
		await batchServer(upsert, (results) => [results[2], { entityId: null, result: null, errors: [{ status: false, code: 1007, message: 'No valid identifier' }], warnings: [] }, results[0]]);
		const result = await bulk({ operation: 'upsertCustomers' }, [0, 1, 2].map((i) => upsert.item(i)));
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'failed', 'succeeded']);
		expect(result.json[1]).toMatchObject({ success: false, errorCode: '1007' });
		expect(result.json.map((j) => j.entityId)).toEqual([2000, null, 2002]);
	});

	it('two keyless results that differ for two items: both unknown, never swapped (4 items)', async () => {
		const upsert = CASES[1];
		await batchServer(upsert, (results) => [
			results[0],
			{ entityId: 9999, result: null, errors: [], warnings: [] },
			{ entityId: null, result: null, errors: [{ status: false, code: 1007, message: 'No valid identifier' }], warnings: [] },
			results[3],
		]);
		const result = await bulk({ operation: 'upsertCustomers' }, [0, 1, 2, 3].map((i) => upsert.item(i)));
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'unknown', 'unknown', 'succeeded']);
	});

	it('a batch answered with a bare 503 after being applied: 4 of 4 unknown, 1 send', async () => {
		server = await hostileServer((_req, res) => json(res, 503, ''));
		const result = await bulk({ operation: 'addTransactions', requestOptions: { maxRetries: 3, retryDelay: 1 } }, items.slice(0, 4));
		expect(result.json.map((j) => j.outcome)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
		expect(server!.apiRequests()).toHaveLength(1);
	});

	it('a batch Capillary refused before processing (400): 4 of 4 failed, not unknown', async () => {
		server = await hostileServer((_req, res) => json(res, 400, { errors: [{ status: false, code: 1060, message: 'Batch limit size exceeded' }] }));
		const result = await bulk({ operation: 'addTransactions' }, items.slice(0, 4));
		expect(result.json.map((j) => `${j.outcome} ${j.errorCode}`)).toEqual(Array(4).fill('failed 1060'));
	});
});

describe('case 17: lookups de-duplicate values and fail a value with a comma alone', () => {
	const lookup = CASES[CASES.length - 1];

	/** Like Capillary: answers once per distinct value, in its own order. */
	async function dedupingServer() {
		server = await hostileServer((req, res) => {
			const values = [...new Set(req.query.mobile.split(','))].reverse();
			json(res, 200, lookup.envelope(values.map((v) => lookup.result(v, req))));
		});
	}

	it('100 items with 40 repeated mobiles: 1 request with 60 distinct values, all 100 items get their customer', async () => {
		await dedupingServer();
		const items = Array.from({ length: 100 }, (_, i) => ({ mobile: mobile(i % 60) }));
		const result = await bulk({ operation: 'getCustomersV11', identifierType: 'mobile' }, items);
		expect(server!.apiRequests()).toHaveLength(1);
		expect(server!.apiRequests()[0].query.mobile.split(',')).toHaveLength(60);
		expect(result.json).toHaveLength(100);
		expect(result.json.map((j) => j.user_id)).toEqual(items.map((_, i) => 9000 + (i % 60)));
		expect(result.json.every((j) => j.success === true)).toBe(true);
	});

	it('a value with a comma fails alone (1 of 5), the other 4 are looked up in 1 request without it', async () => {
		await dedupingServer();
		const items = [0, 1, 2, 3].map((i) => ({ mobile: mobile(i) }));
		items.splice(2, 0, { mobile: `${mobile(8)},${mobile(9)}` });
		const result = await bulk({ operation: 'getCustomersV11', identifierType: 'mobile' }, items);
		expect(server!.apiRequests()).toHaveLength(1);
		expect(server!.apiRequests()[0].query.mobile).toBe([0, 1, 2, 3].map(mobile).join(','));
		expect(result.json.map((j) => j.success)).toEqual([true, true, false, true, true]);
		expect(result.json[2]).toMatchObject({ errorCode: 'INPUT', errorMessage: expect.stringMatching(/contains a comma/) });
		expect(result.json.map((j) => j.user_id)).toEqual([9000, 9001, undefined, 9002, 9003]);
	});
});
