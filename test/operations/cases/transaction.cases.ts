import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import type { TransactionRecord } from '../../simulator/resources/transaction';

const TOM = '919111111111';
const RITA = '919222222222';

function customer(sim: Simulator, mobile: string) {
	return sim.state.findCustomer('mobile', mobile)!;
}

function bill(sim: Simulator, number: string, type = 'REGULAR') {
	return [...sim.state.transactions.values()].find((t) => t.number === number && t.type === type) as TransactionRecord | undefined;
}

const tomQuery = { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' };

function notInterestedBill(sim: Simulator, number: string, amount: number) {
	return sim.state.addTransaction({
		number,
		type: 'NOT_INTERESTED',
		amount,
		billingTime: '2026-01-02 10:00:00',
		lineItems: [],
		paymentModes: [],
		extendedFields: {},
		customFields: {},
		notes: '',
		storeCode: 'store.server',
		source: 'v1.1',
	});
}

export const cases: OperationCase[] = [
	{
		resource: 'transaction',
		operation: 'add',
		parameters: {
			...tomQuery,
			type: 'REGULAR',
			billNumber: 'BILL-3001',
			billAmount: 2500,
			lineItems: { entry: [{ itemCode: 'SKU-9', description: 'Running shoes', qty: 1, rate: 2600, discount: 100, amount: 2500, serial: '' }] },
			paymentModes: { entry: [{ mode: 'CASH', value: 2500, notes: '' }] },
			additionalFields: {
				billingDate: '2026-01-05T20:01:51+05:30',
				note: 'web order',
				deliveryStatus: 'SHIPPED',
				grossAmount: 2600,
				discount: 100,
				pointsRedemptions: '123453, 345673',
				extendedFields: { field: [{ name: 'ship_city', value: 'Pune' }] },
				customFields: { field: [{ name: 'channel', value: 'web' }] },
			},
			options: { rawSideEffects: true },
			requestHeaders: { directReplay: 'false', requestId: 'req-42' },
		},
		request: {
			method: 'POST',
			path: '/v2/transactions',
			query: { ...tomQuery, rawSideEffects: 'true' },
			body: {
				type: 'REGULAR',
				billNumber: 'BILL-3001',
				billAmount: 2500,
				lineItemsV2: [{ itemCode: 'SKU-9', description: 'Running shoes', qty: 1, rate: 2600, discount: 100, amount: 2500 }],
				paymentModes: [{ mode: 'CASH', value: 2500 }],
				billingDate: '2026-01-05T20:01:51+05:30',
				note: 'web order',
				deliveryStatus: 'SHIPPED',
				redemptions: { pointsRedemptions: [123453, 345673] },
				extendedFields: { ship_city: 'Pune' },
				customFields: { channel: 'web' },
			},
		},
		output: (items, sim, requests) => {
			expect(items).toEqual([
				expect.objectContaining({
					createdId: expect.any(Number),
					sideEffects: [expect.objectContaining({ type: 'points', awardedPoints: 250 })],
					rawSideEffects: [expect.objectContaining({ billNumber: 'BILL-3001', type: 'AWARD' })],
					customerInfo: { firstName: 'Tom', lastName: 'Sawyer' },
				}),
			]);
			expect(requests[0].headers['x-cap-request-id']).toBe('req-42');
			expect(requests[0].headers['x-cap-direct-replay']).toBe('false');
			const body = requests[0].body as { lineItemsV2: object[]; paymentModes: object[] };
			expect(body.lineItemsV2[0]).not.toHaveProperty('serial');
			expect(body.paymentModes[0]).not.toHaveProperty('notes');
			expect(customer(sim, TOM).points).toBe(620 + 250);
			expect(bill(sim, 'BILL-3001')).toMatchObject({ customerId: customer(sim, TOM).id, amount: 2500, deliveryStatus: 'SHIPPED', billingTime: '2026-01-05 20:01:51', requestId: 'req-42' });
		},
	},
	{
		resource: 'transaction',
		operation: 'add',
		title: 'return part of a bill',
		auth: 'oauth',
		parameters: { ...tomQuery, type: 'RETURN', returnType: 'AMOUNT', billNumber: 'BILL-1001', billAmount: 200 },
		request: { method: 'POST', path: '/v2/transactions', query: tomQuery, body: { type: 'RETURN', returnType: 'AMOUNT', billNumber: 'BILL-1001', billAmount: 200 } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ createdId: expect.any(Number), sideEffects: [expect.objectContaining({ awardedPoints: -20 })] });
			expect(customer(sim, TOM).points).toBe(620 - 20);
			expect(bill(sim, 'BILL-1001', 'RETURN')).toMatchObject({ amount: 200, returnType: 'AMOUNT' });
		},
	},
	{
		resource: 'transaction',
		operation: 'add',
		title: 'JSON body, loyalty events queued (direct replay)',
		parameters: {
			identifierName: 'mobile',
			identifierValue: RITA,
			source: 'INSTORE',
			bodyInput: 'json',
			bodyJson: JSON.stringify({ type: 'REGULAR', billNumber: 'APP-77', billAmount: 990, lineItemsV2: [{ itemCode: 'SKU-2', qty: 3, rate: 330, amount: 990 }] }),
			requestHeaders: { directReplay: 'true' },
		},
		request: { method: 'POST', path: '/v2/transactions', query: { identifierValue: RITA }, body: { billNumber: 'APP-77', billAmount: 990, lineItemsV2: [{ qty: 3 }] } },
		output: (items, sim, requests) => {
			expect(requests[0].headers['x-cap-direct-replay']).toBe('true');
			expect(requests[0].headers).not.toHaveProperty('x-cap-request-id');
			expect(items[0]).toMatchObject({ createdId: expect.any(Number), sideEffects: [] });
			expect(customer(sim, RITA).points).toBe(150 + 99);
		},
	},
	{
		resource: 'transaction',
		operation: 'addBulk',
		setup: () => [
			{
				transactions: [
					{ identifierType: 'mobile', identifierValue: TOM, source: 'INSTORE', type: 'REGULAR', billNumber: 'BULK-1', billAmount: 100 },
					{ identifierType: 'email', identifierValue: 'rita.james@example.com', source: 'INSTORE', type: 'REGULAR', billNumber: 'BULK-2', billAmount: 400 },
					{ identifierType: 'mobile', identifierValue: '910000000009', source: 'INSTORE', type: 'REGULAR', billNumber: 'BULK-3', billAmount: 50 },
				],
			},
		],
		parameters: { transactions: '={{ JSON.stringify($json.transactions) }}', requestHeaders: { requestId: 'bulk-1' } },
		request: { method: 'POST', path: '/v2/transactions/bulk', body: [{ billNumber: 'BULK-1' }, { billNumber: 'BULK-2' }, { billNumber: 'BULK-3' }] },
		output: (items, sim) => {
			expect(items).toHaveLength(3);
			expect(items[0]).toMatchObject({ success: true, entityId: expect.any(Number), result: expect.objectContaining({ billNumber: 'BULK-1', sideEffects: [expect.objectContaining({ awardedPoints: 10 })] }) });
			expect(items[1]).toMatchObject({ success: true });
			expect(items[2]).toMatchObject({ success: false, errorCode: '8015', errorMessage: expect.stringContaining('No customer found') });
			expect(customer(sim, TOM).points).toBe(630);
			expect(customer(sim, RITA).points).toBe(190);
			expect(bill(sim, 'BULK-3')).toBeUndefined();
		},
	},
	{
		resource: 'transaction',
		operation: 'update',
		parameters: {
			...tomQuery,
			transactionKey: 'number',
			transactionKeyValue: 'BILL-1001',
			additionalFields: { deliveryStatus: 'RETURNED', tillCode: 'store.server', extendedFields: { field: [{ name: 'ship_city', value: 'Goa' }] } },
			requestHeaders: { directReplay: 'true' },
		},
		request: {
			method: 'PUT',
			path: '/v2/transactions',
			query: tomQuery,
			body: { number: 'BILL-1001', deliveryStatus: 'RETURNED', tillCode: 'store.server', extendedFields: { ship_city: 'Goa' } },
		},
		output: (items, sim, requests) => {
			expect(requests[0].headers['x-cap-direct-replay']).toBe('true');
			expect(items[0]).toMatchObject({ loyaltyDetails: [expect.objectContaining({ loyaltyPoints: 620, programId: 1 })] });
			expect(bill(sim, 'BILL-1001')).toMatchObject({ deliveryStatus: 'RETURNED', extendedFields: { ship_city: 'Goa' } });
		},
	},
	{
		resource: 'transaction',
		operation: 'update',
		title: 'by transaction ID',
		auth: 'oauth',
		setup: (sim) => [{ id: bill(sim, 'BILL-1001')!.id }],
		parameters: { ...tomQuery, transactionKey: 'id', transactionKeyValue: '={{ $json.id }}', additionalFields: { customFields: { field: [{ name: 'gift', value: 'yes' }] } } },
		request: { method: 'PUT', path: '/v2/transactions', body: { id: 5001, customFields: { gift: 'yes' } } },
		output: (_items, sim) => expect(bill(sim, 'BILL-1001')!.customFields).toEqual({ gift: 'yes' }),
	},
	{
		resource: 'transaction',
		operation: 'get',
		setup: (sim) => {
			const t = bill(sim, 'BILL-1001')!;
			t.paymentModes.push({ mode: 'UPI', value: 1200 });
			return [{ id: t.id }];
		},
		parameters: { transactionId: '={{ $json.id }}', options: { type: 'REGULAR', tenders: true } },
		request: { method: 'GET', path: '/v2/transactions/5001', query: { type: 'REGULAR', tenders: 'true' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({
					id: 5001,
					customerId: 1001,
					type: 'REGULAR',
					billDetails: expect.objectContaining({ billNumber: 'BILL-1001', amount: 1200 }),
					lineItems: [expect.objectContaining({ details: expect.objectContaining({ itemCode: 'SKU-1' }) })],
					paymentModes: [expect.objectContaining({ mode: 'UPI', amount: 1200 })],
				}),
			]);
		},
	},
	{
		resource: 'transaction',
		operation: 'getByBillNumber',
		setup: (sim) => {
			sim.state.addTransaction({
				number: 'BILL-1001',
				type: 'RETURN',
				customerId: customer(sim, TOM).id,
				amount: 100,
				billingTime: '2026-01-03 10:00:00',
				lineItems: [],
				paymentModes: [],
				extendedFields: {},
				customFields: {},
				notes: 'return',
				storeCode: 'store.server',
				source: 'v2',
			});
		},
		parameters: { billNumber: 'BILL-1001' },
		request: { method: 'GET', path: '/v2/transactions/getByBillNumber/BILL-1001' },
		output: (items) => {
			expect(items.map((i) => i.type)).toEqual(['REGULAR', 'RETURN']);
			expect(items[1]).toMatchObject({ billDetails: expect.objectContaining({ billNumber: 'BILL-1001', amount: 100, billingTimeInputOffset: '+05:30' }) });
		},
	},
	{
		resource: 'transaction',
		operation: 'getByBillNumber',
		title: 'bill number with a slash stays one path segment',
		setup: (sim) => void notInterestedBill(sim, 'INV/2026/7', 80),
		parameters: { billNumber: 'INV/2026/7' },
		request: { method: 'GET', path: '/v2/transactions/getByBillNumber/INV%2F2026%2F7' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ type: 'NOT_INTERESTED', customerId: -1 })]),
	},
	{
		resource: 'transaction',
		operation: 'addWithSignUp',
		title: 'new customer registers with the bill',
		parameters: {
			v11Type: 'regular',
			number: 'POS-501',
			amount: 500,
			billingTime: '2026-01-04 18:30:00',
			v11CustomerType: 'mobile',
			v11CustomerValue: '919333333333',
			v11LineItems: { entry: [{ item_code: 'SKU-5', description: 'Soap', qty: 5, rate: 100, value: 500, discount: 0, amount: 500, serial: '1' }] },
			v11Payments: { entry: [{ mode: 'CASH', value: 500, notes: '' }] },
			additionalFields: {
				firstname: 'Huck',
				lastname: 'Finn',
				extendedFields: { field: [{ name: 'cashier_id', value: 'C-7' }] },
				deliveryStatus: 'DELIVERED',
			},
		},
		request: {
			method: 'POST',
			path: '/v1.1/transaction/add',
			query: { format: 'json' },
			body: {
				root: {
					transaction: [
						{
							type: 'regular',
							number: 'POS-501',
							amount: 500,
							billing_time: '2026-01-04 18:30:00',
							customer: { mobile: '919333333333', firstname: 'Huck', lastname: 'Finn' },
							line_items: { line_item: [{ item_code: 'SKU-5', qty: 5, rate: 100, amount: 500, serial: '1' }] },
							payment_details: { payment: [{ mode: 'CASH', value: 500 }] },
							extended_fields: { field: [{ name: 'cashier_id', value: 'C-7' }] },
							delivery_status: 'DELIVERED',
						},
					],
				},
			},
		},
		output: (items, sim) => {
			const huck = sim.state.findCustomer('mobile', '919333333333');
			expect(huck?.profiles[0]).toMatchObject({ firstName: 'Huck', lastName: 'Finn' });
			expect(huck?.points).toBe(50);
			expect(items).toEqual([
				expect.objectContaining({
					number: 'POS-501',
					type: 'REGULAR',
					customer: expect.objectContaining({ user_id: String(huck!.id), loyalty_points: '50' }),
					item_status: expect.objectContaining({ success: 'true', code: '600' }),
				}),
			]);
			expect(bill(sim, 'POS-501')).toMatchObject({ extendedFields: { cashier_id: 'C-7' }, lineItems: [expect.objectContaining({ itemCode: 'SKU-5', qty: 5 })] });
		},
	},
	{
		resource: 'transaction',
		operation: 'addWithSignUp',
		title: 'JSON batch, one bill fails (201)',
		auth: 'oauth',
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify([
				{ type: 'regular', number: 'POS-601', amount: 300, billing_time: '2026-01-04 10:00:00', customer: { email: 'tom.sawyer@example.com' } },
				{ type: 'regular', number: 'BILL-1001', amount: 300, billing_time: '2026-01-04 10:00:00', customer: { mobile: TOM } },
			]),
		},
		request: { method: 'POST', path: '/v1.1/transaction/add', body: { root: { transaction: [{ number: 'POS-601' }, { number: 'BILL-1001' }] } } },
		output: (items, sim) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ number: 'POS-601', item_status: { success: 'true' } });
			expect(items[1]).toMatchObject({ number: 'BILL-1001', item_status: { success: 'false', code: '604' } });
			expect(customer(sim, TOM).points).toBe(620 + 30);
		},
	},
	{
		resource: 'transaction',
		operation: 'addWithSignUp',
		title: 'not-interested bill has no customer',
		parameters: { v11Type: 'not_interested', number: 'NI-1', amount: 700, billingTime: '2026-01-04 10:00:00', v11CustomerValue: '' },
		request: { method: 'POST', path: '/v1.1/transaction/add', body: { root: { transaction: [{ type: 'not_interested', number: 'NI-1', amount: 700 }] } } },
		output: (items, sim, requests) => {
			expect((requests[0].body as { root: { transaction: object[] } }).root.transaction[0]).not.toHaveProperty('customer');
			expect(items[0]).toMatchObject({ type: 'NOT_INTERESTED', item_status: { code: '600' } });
			expect(items[0]).not.toHaveProperty('customer');
			expect(bill(sim, 'NI-1', 'NOT_INTERESTED')?.customerId).toBeUndefined();
		},
	},
	{
		resource: 'transaction',
		operation: 'addWithLocalCurrency',
		parameters: {
			v11Type: 'regular',
			number: 'USD-1',
			amount: 30,
			billingTime: '2026-01-04 12:00:00',
			v11CustomerType: 'external_id',
			v11CustomerValue: 'TS-001',
			additionalFields: { currencyCode: 'USD', grossAmount: 32, discount: 2 },
		},
		request: {
			method: 'POST',
			path: '/v1.1/transaction/add_with_local_currency',
			query: { format: 'json' },
			body: { root: { transaction: [{ number: 'USD-1', amount: 30, currency_code: 'USD', gross_amount: 32, discount: 2, customer: { external_id: 'TS-001' } }] } },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ local_currency: { ratio: '83', amount: '30', value: '2490', transaction_currency: { name: 'US Dollar' } } });
			expect(bill(sim, 'USD-1')).toMatchObject({ amount: 2490, localAmount: 30, currency: 'USD' });
			expect(customer(sim, TOM).points).toBe(620 + 249);
		},
	},
	{
		resource: 'transaction',
		operation: 'updateOrConvert',
		title: 'retro conversion of a not-interested bill',
		setup: (sim) => void notInterestedBill(sim, 'NI-77', 400),
		parameters: {
			transactionKey: 'number',
			transactionKeyValue: 'NI-77',
			v11CustomerType: 'mobile',
			v11CustomerValue: RITA,
			additionalFields: { type: 'REGULAR', notes: 'customer showed card later', customFields: { field: [{ name: 'channel', value: 'kiosk' }] } },
		},
		request: {
			method: 'POST',
			path: '/v1.1/transaction/update',
			query: { format: 'json' },
			body: { root: { transaction: [{ number: 'NI-77', type: 'REGULAR', customer: { mobile: RITA }, notes: 'customer showed card later', custom_fields: { field: [{ name: 'channel', value: 'kiosk' }] } }] } },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ number: 'NI-77', type: 'REGULAR', item_status: { success: 'true', code: '1630' }, custom_fields: { field: [{ name: 'channel', value: 'kiosk' }] } });
			expect(bill(sim, 'NI-77')).toMatchObject({ customerId: customer(sim, RITA).id, pointsAwarded: 40 });
			expect(customer(sim, RITA).points).toBe(150 + 40);
		},
	},
	{
		resource: 'transaction',
		operation: 'updateOrConvert',
		title: 'extended fields by transaction ID',
		setup: (sim) => [{ id: bill(sim, 'BILL-1001')!.id }],
		parameters: {
			transactionKey: 'id',
			transactionKeyValue: '={{ $json.id }}',
			v11CustomerType: 'external_id',
			v11CustomerValue: 'TS-001',
			additionalFields: { updateTill: 'till.2', extendedFields: { field: [{ name: 'CentralGST', value: '8.5' }] } },
		},
		request: { method: 'POST', path: '/v1.1/transaction/update', body: { root: { transaction: [{ id: 5001, update_till: 'till.2', extended_fields: { field: [{ name: 'CentralGST', value: '8.5' }] } }] } } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ id: '5001', item_status: { code: '600' } });
			expect(bill(sim, 'BILL-1001')).toMatchObject({ extendedFields: { CentralGST: '8.5' }, tillCode: 'till.2' });
		},
	},
	{
		resource: 'transaction',
		operation: 'getManyByBillOrId',
		parameters: { lookUpBy: 'number', lookUpValue: 'BILL-1001', options: { tenders: true, userId: true } },
		request: { method: 'GET', path: '/v1.1/transaction/get', query: { number: 'BILL-1001', tenders: 'true', user_id: 'true', format: 'json' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({
					id: '5001',
					number: 'BILL-1001',
					amount: '1200',
					customer: expect.objectContaining({ user_id: '1001', first_name: 'Tom' }),
					line_items: { line_item: [expect.objectContaining({ item_code: 'SKU-1', amount: '1200' })] },
					payment_details: { payment: [] },
					item_status: expect.objectContaining({ code: '600' }),
				}),
			]);
		},
	},
	{
		resource: 'transaction',
		operation: 'getManyByBillOrId',
		title: 'by ID, any type',
		auth: 'oauth',
		setup: (sim) => [{ id: notInterestedBill(sim, 'NI-9', 90).id }],
		parameters: { lookUpBy: 'id', lookUpValue: '={{ $json.id }}', options: { type: 'ALL' } },
		request: { method: 'GET', path: '/v1.1/transaction/get', query: { id: '5003', type: 'ALL' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ number: 'NI-9', type: 'NOT_INTERESTED', amount: '90' })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'transaction',
		operation: 'add',
		title: 'bill number already used (604)',
		parameters: { ...tomQuery, type: 'REGULAR', billNumber: 'BILL-1001', billAmount: 10 },
		message: /604.*already exists/,
	},
	{
		resource: 'transaction',
		operation: 'addWithSignUp',
		title: 'invalid mobile (item_status 649 inside HTTP 200)',
		parameters: { v11Type: 'regular', number: 'POS-9', amount: 10, billingTime: '2026-01-04 10:00:00', v11CustomerType: 'mobile', v11CustomerValue: '12ab' },
		message: /649.*Mobile number is invalid/,
	},
	{
		resource: 'transaction',
		operation: 'getManyByBillOrId',
		title: 'unknown bill number (625)',
		parameters: { lookUpBy: 'number', lookUpValue: 'NOPE-1' },
		message: /625/,
	},
	{
		resource: 'transaction',
		operation: 'get',
		title: 'a return read as REGULAR (620)',
		setup: (sim) => void notInterestedBill(sim, 'NI-5', 10),
		parameters: { transactionId: '5003' },
		message: /620/,
	},
];

export default { cases, errors } satisfies CaseFile;
