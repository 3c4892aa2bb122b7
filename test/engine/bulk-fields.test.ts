/**
 * Capillary Bulk, Input Mode "Fields": plain columns mapped per item build the same entity the JSON
 * input takes, so the batch request is identical; a bad field fails its item alone, naming field
 * and item, and is never sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useCapillary } from '../harness/fixtures';
import { addCard } from '../simulator/resources/card';

const bulk = { nodeType: 'capillaryBulk' };

interface FormCase {
	operation: string;
	path: string;
	/** Rows as a spreadsheet or another app would give them. */
	rows: IDataObject[];
	/** The Fields-mode parameters mapping those rows. */
	fields: INodeParameters;
	/** The same entities, written as the JSON input takes them. */
	entities: IDataObject[];
	/** The list of entities inside the request body. */
	sent(body: unknown): unknown[];
	seed?(capillary: ReturnType<typeof useCapillary>): void;
}

const rows = [
	{ phone: '919111111111', mail: 'tom@example.com', first: 'Tom', last: 'Hardy', order: 'F-1', total: '120.5', when: '2026-01-05T10:00:00+05:30', sku: [{ itemCode: 'SKU-1', qty: 1, rate: 120.5, amount: 120.5 }] },
	{ phone: '919222222222', mail: '', first: 'Rita', last: '', order: 'F-2', total: 80, when: '', sku: [] },
];

const CASES: FormCase[] = [
	{
		operation: 'addTransactions',
		path: '/v2/transactions/bulk',
		rows,
		fields: {
			customerIdentifierType: 'mobile',
			customerIdentifier: '={{ $json.phone }}',
			source: 'INSTORE',
			billNumber: '={{ $json.order }}',
			billAmount: '={{ $json.total }}',
			billingDate: '={{ $json.when }}',
			additionalFields: { note: 'from a sheet', lineItems: '={{ $json.sku }}', extendedFields: '{"channel": "web"}' },
		},
		entities: [
			{ identifierType: 'mobile', identifierValue: '919111111111', source: 'INSTORE', type: 'REGULAR', billNumber: 'F-1', billAmount: 120.5, billingDate: '2026-01-05T10:00:00+05:30', note: 'from a sheet', lineItemsV2: [{ itemCode: 'SKU-1', qty: 1, rate: 120.5, amount: 120.5 }], extendedFields: { channel: 'web' } },
			{ identifierType: 'mobile', identifierValue: '919222222222', source: 'INSTORE', type: 'REGULAR', billNumber: 'F-2', billAmount: 80, note: 'from a sheet', extendedFields: { channel: 'web' } },
		],
		sent: (body) => body as unknown[],
	},
	{
		operation: 'addTransactionsV11',
		path: '/v1.1/transaction/add',
		rows,
		fields: { mobile: '={{ $json.phone }}', email: '={{ $json.mail }}', firstName: '={{ $json.first }}', billNumber: '={{ $json.order }}', billAmount: '={{ $json.total }}', additionalFields: { discount: 5, customFields: '{"payment": "card"}' } },
		entities: [
			{ type: 'regular', number: 'F-1', amount: 120.5, customer: { mobile: '919111111111', email: 'tom@example.com', firstname: 'Tom' }, discount: 5, custom_fields: { field: [{ name: 'payment', value: 'card' }] } },
			{ type: 'regular', number: 'F-2', amount: 80, customer: { mobile: '919222222222', firstname: 'Rita' }, discount: 5, custom_fields: { field: [{ name: 'payment', value: 'card' }] } },
		],
		sent: (body) => (body as { root: { transaction: unknown[] } }).root.transaction,
	},
	{
		operation: 'upsertCustomers',
		path: '/v2/integrations/customer/upsert/bulk',
		rows: [
			{ phone: '919300000011', mail: 'ana@example.com', first: 'Ana', last: 'Lee', tier: 'gold' },
			{ phone: '', mail: 'bo@example.com', first: 'Bo', last: '', tier: '' },
		],
		fields: { mobile: '={{ $json.phone }}', email: '={{ $json.mail }}', firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', source: 'INSTORE', loyaltyType: 'loyalty', customerFields: { extendedFields: '={{ $json.tier ? { tier: $json.tier } : {} }}' } },
		entities: [
			{ loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [{ firstName: 'Ana', lastName: 'Lee', source: 'INSTORE', identifiers: [{ type: 'mobile', value: '919300000011' }, { type: 'email', value: 'ana@example.com' }] }], extendedFields: { tier: 'gold' } },
			{ loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [{ firstName: 'Bo', source: 'INSTORE', identifiers: [{ type: 'email', value: 'bo@example.com' }] }] },
		],
		sent: (body) => body as unknown[],
	},
	{
		operation: 'addCustomersV11',
		path: '/v1.1/customer/add',
		rows: [
			{ phone: '919300000021', mail: '', first: 'Cy', last: 'Ng', ref: 'C-21' },
			{ phone: '919300000022', mail: 'di@example.com', first: 'Di', last: '', ref: '' },
		],
		fields: { mobile: '={{ $json.phone }}', email: '={{ $json.mail }}', externalId: '={{ $json.ref }}', firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', loyaltyType: 'loyalty' },
		entities: [
			{ mobile: '919300000021', external_id: 'C-21', firstname: 'Cy', lastname: 'Ng', type: 'LOYALTY' },
			{ mobile: '919300000022', email: 'di@example.com', firstname: 'Di', type: 'LOYALTY' },
		],
		sent: (body) => (body as { root: { customer: unknown[] } }).root.customer,
	},
	{
		operation: 'updateCards',
		path: '/v2/card/bulk',
		rows: [
			{ card: 'CARD-F-1', status: 'SUSPENDED', why: 'lost' },
			{ card: 'CARD-F-2', status: 'ACTIVE', why: '' },
		],
		fields: { cardNumber: '={{ $json.card }}', statusLabel: '={{ $json.status }}', statusReason: '={{ $json.why }}' },
		entities: [
			{ cardNumber: 'CARD-F-1', statusLabel: 'SUSPENDED', statusInfo: { reason: 'lost' } },
			{ cardNumber: 'CARD-F-2', statusLabel: 'ACTIVE' },
		],
		sent: (body) => body as unknown[],
		seed: (capillary) => ['CARD-F-1', 'CARD-F-2'].forEach((cardNumber) => addCard(capillary.sim.state, { cardNumber, seriesId: 1, statusLabel: 'ACTIVE' })),
	},
];

describe('Capillary Bulk, Input Mode "Fields"', () => {
	const capillary = useCapillary();
	const sentTo = (path: string) => capillary.sim.apiRequests().filter((r) => r.path === path);

	it.each(CASES.map((c) => [c.operation, c] as const))('%s: mapped fields send the same request as the equivalent JSON, and Capillary accepts it', async (_name, c) => {
		c.seed?.(capillary);
		const fromFields = await capillary.run({ operation: c.operation, input: 'fields', ...c.fields }, { ...bulk, items: c.rows });
		expect(fromFields.error).toBeUndefined();
		expect(fromFields.json.map((j) => j.success)).toEqual(c.rows.map(() => true));
		const [fieldsRequest] = sentTo(c.path);
		expect(c.sent(fieldsRequest.body)).toEqual(c.entities);

		capillary.sim.reset('demo');
		c.seed?.(capillary);
		const fromJson = await capillary.run({ operation: c.operation, input: 'json' }, { ...bulk, items: c.entities });
		expect(fromJson.error).toBeUndefined();
		const [jsonRequest] = sentTo(c.path);
		expect(jsonRequest.body).toEqual(fieldsRequest.body);
		expect(jsonRequest.query).toEqual(fieldsRequest.query);
		expect(fromJson.json.map((j) => j.success)).toEqual(fromFields.json.map((j) => j.success));
	});

	it('a missing required field fails that item alone, naming the field and the item; the others are sent', async () => {
		const items = [rows[0], { ...rows[1], order: '' }, { ...rows[0], order: 'F-3' }];
		const result = await capillary.run({ operation: 'addTransactions', ...CASES[0].fields, additionalFields: {} }, { ...bulk, items, continueOnFail: true });
		expect(result.json.map((j) => j.success)).toEqual([true, false, true]);
		expect(result.json[1]).toMatchObject({ outcome: 'failed', errorCode: 'INPUT', errorMessage: 'Parameter "Bill Number" is empty for item 1' });
		expect((sentTo('/v2/transactions/bulk')[0].body as IDataObject[]).map((t) => t.billNumber)).toEqual(['F-1', 'F-3']);
	});

	it('without Continue On Fail the node error names the item and the field, not a Capillary error, and nothing is written', async () => {
		const result = await capillary.run({ operation: 'addTransactions', ...CASES[0].fields, additionalFields: {} }, { ...bulk, items: [rows[0], { ...rows[1], total: 'eighty' }] });
		expect(result.error?.message).toBe('1 of 2 items failed (first: item 1, Parameter "Bill Amount" must be a number, not "eighty", for item 1)');
		// The user's input, not Capillary's answer (the engine hands the error back serialised).
		expect((result.error as { name?: string }).name).toBe('NodeOperationError');
		expect(result.error?.description).toMatch(/^Nothing was sent/);
		expect(sentTo('/v2/transactions/bulk')).toHaveLength(0);
	});

	it('an item whose customer identifier is empty is not written; the other is (checked in Capillary)', async () => {
		const items = [rows[0], { ...rows[1], phone: '' }];
		const result = await capillary.run({ operation: 'addTransactions', ...CASES[0].fields, additionalFields: {} }, { ...bulk, items, continueOnFail: true });
		expect(result.json.map((j) => j.outcome)).toEqual(['succeeded', 'failed']);
		expect(result.json[1].errorMessage).toBe('Parameter "Customer Identifier" is empty for item 1');
		expect(capillary.sim.state.transactionsWithNumber('F-1')).toHaveLength(1);
		expect(capillary.sim.state.transactionsWithNumber('F-2')).toHaveLength(0);
	});

	it.each([
		['a customer with no identifier', 'upsertCustomers', { mobile: '={{ $json.phone }}', email: '={{ $json.mail }}' }, { phone: '', mail: '' }, 'Item 0 has no Mobile, Email or External ID: Capillary needs at least one of them to know the customer'],
		['a card with neither number nor external ID', 'updateCards', { cardNumber: '={{ $json.card }}', statusLabel: 'ACTIVE' }, { card: '  ' }, 'Item 0 has no Card Number or Card External ID: Capillary needs one of them to find the card'],
		['line items that are not a list', 'addTransactions', { ...CASES[0].fields, additionalFields: { lineItems: '={{ $json.sku }}' } }, { ...rows[0], sku: { itemCode: 'X' } }, 'Parameter "Line Items (JSON)" in "Additional Fields" must be a JSON list, not an object, for item 0'],
		['extended fields that are not JSON', 'addCustomersV11', { mobile: '={{ $json.phone }}', customerFields: { extendedFields: '{bad' } }, { phone: '919300000031' }, /^Parameter "Extended Fields \(JSON\)" in "Additional Fields" is not valid JSON for item 0: /],
		['an identifier mapped to an object', 'addTransactions', { ...CASES[0].fields, customerIdentifier: '={{ $json }}', additionalFields: {} }, rows[0], 'Parameter "Customer Identifier" must be text, not an object, for item 0'],
	])('%s fails the item with a clear message and sends nothing', async (_name, operation, fields, row, message) => {
		const result = await capillary.run({ operation, ...(fields as INodeParameters) }, { ...bulk, items: [row as IDataObject], continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.json[0]).toMatchObject({ success: false, errorCode: 'INPUT', errorMessage: message });
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('a not-interested bill needs no customer and sends none', async () => {
		const result = await capillary.run({ operation: 'addTransactions', transactionType: 'NOT_INTERESTED', billNumber: '={{ $json.order }}', billAmount: '={{ $json.total }}' }, { ...bulk, items: [rows[1]] });
		expect(result.error).toBeUndefined();
		expect(sentTo('/v2/transactions/bulk')[0].body).toEqual([{ type: 'NOT_INTERESTED', billNumber: 'F-2', billAmount: 80 }]);
	});
});
