import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import type { SimRequestRecord } from '../../simulator/resources/request';
import { addV11Request } from '../../simulator/resources/request';

const TOM = '919111111111';
const RITA = '919222222222';

const tom = (sim: Simulator) => sim.state.findCustomer('mobile', TOM)!;
const rita = (sim: Simulator) => sim.state.findCustomer('mobile', RITA)!;
const record = (sim: Simulator, id: unknown) => sim.state.requests.get(Number(id)) as SimRequestRecord | undefined;

/** A v1.1 request added the way request/add adds it (validation included). */
function addRequest(sim: Simulator, entity: Record<string, unknown>, overrides: Partial<SimRequestRecord> = {}): SimRequestRecord {
	const r = addV11Request(sim, entity as never, {});
	Object.assign(r, overrides);
	return r;
}

const goodwillPoints = (points: number, mobile = TOM) => ({ type: 'GOODWILL', base_type: 'POINTS', customer: { mobile }, points: String(points), reason: 'BILL_ISSUE' });

/** A transaction not yet tagged to anyone (a non-loyalty bill), to convert with a retro request. */
function notInterestedBill(sim: Simulator, number = 'BILL-NI-1', amount = 800) {
	return sim.state.addTransaction({
		number,
		type: 'NOT_INTERESTED',
		amount,
		billingTime: '2026-01-05 10:00:00',
		lineItems: [],
		paymentModes: [],
		extendedFields: {},
		customFields: {},
		notes: '',
		storeCode: 'store.server',
		source: 'v2',
	});
}

/** A pending v2 transaction request for Tom. */
function transactionRequest(sim: Simulator, billNumber: string, status = 'PENDING', createdOn = '2026-03-01T10:00:00+05:30'): SimRequestRecord {
	const r: SimRequestRecord = {
		id: sim.state.nextRequestId++,
		type: 'TRANSACTION',
		baseType: 'REGULAR_TXN_ADD',
		status,
		customerId: tom(sim).id,
		createdOn,
		updatedOn: createdOn,
		api: 'v2',
		transaction: { type: 'REGULAR', billNumber, billAmount: '6000', billingDate: '2026-03-01T10:00:00+05:30', lineItemsV2: [{ itemCode: 'SKU-9', amount: 6000, rate: 2000, qty: 3 }] },
		comments: '',
		oneStepChange: false,
		createdTransactionId: null,
	};
	sim.state.requests.set(r.id, r);
	return r;
}

export const cases: OperationCase[] = [
	// ----- v1.1 -------------------------------------------------------------------------------
	{
		resource: 'request',
		operation: 'addChangeOrGoodwill',
		title: 'email change',
		auth: 'oauth',
		parameters: {
			requestType: 'CHANGE_IDENTIFIER',
			changeBaseType: 'EMAIL',
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM,
			oldValue: 'tom.sawyer@example.com',
			newValue: 'tom.new@example.com',
			additionalFields: { referenceId: 'REF-1', comments: 'asked at the counter' },
		},
		request: {
			method: 'POST',
			path: '/v1.1/request/add',
			query: { format: 'json' },
			body: {
				root: {
					request: [
						{
							type: 'CHANGE_IDENTIFIER',
							base_type: 'EMAIL',
							customer: { mobile: TOM },
							old_value: 'tom.sawyer@example.com',
							new_value: 'tom.new@example.com',
							reference_id: 'REF-1',
							comments: 'asked at the counter',
						},
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ status: 'PENDING', type: 'CHANGE_IDENTIFIER', base_type: 'EMAIL', new_value: 'tom.new@example.com', reference_id: 'REF-1' }),
			]);
			expect(record(sim, items[0].id)).toMatchObject({ status: 'PENDING', customerId: tom(sim).id, newValue: 'tom.new@example.com' });
			expect(sim.state.identifier(tom(sim), 'email')).toBe('tom.sawyer@example.com');
		},
	},
	{
		resource: 'request',
		operation: 'addChangeOrGoodwill',
		title: 'goodwill points, auto-approved',
		setup: (sim) => [{ id: tom(sim).id }],
		parameters: {
			requestType: 'GOODWILL',
			goodwillBaseType: 'POINTS',
			customerIdentifierType: 'id',
			customerIdentifierValue: '={{ $json.id }}',
			points: 200,
			additionalFields: { reason: 'BILL_ISSUE', clientAutoApprove: true, programId: 687 },
		},
		request: {
			method: 'POST',
			path: '/v1.1/request/add',
			query: { client_auto_approve: 'true', program_id: '687' },
			body: { root: { request: [{ type: 'GOODWILL', base_type: 'POINTS', points: 200, reason: 'BILL_ISSUE' }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ status: 'APPROVED', type: 'GOODWILL', base_type: 'POINTS', item_status: expect.objectContaining({ code: '9100' }) })]);
			expect(tom(sim).points).toBe(620 + 200);
			expect(record(sim, items[0].id)).toMatchObject({ status: 'APPROVED', approvedValue: '200', programId: 687 });
		},
	},
	{
		resource: 'request',
		operation: 'addChangeOrGoodwill',
		title: 'merge accounts',
		parameters: {
			requestType: 'CHANGE_IDENTIFIER',
			changeBaseType: 'MERGE',
			customerIdentifierType: 'mobile',
			customerIdentifierValue: RITA,
			targetIdentifierType: 'mobile',
			targetIdentifierValue: TOM,
		},
		request: {
			method: 'POST',
			path: '/v1.1/request/add',
			body: { root: { request: [{ type: 'CHANGE_IDENTIFIER', base_type: 'MERGE', customer: { mobile: RITA }, misc_info: { target_customer: { mobile: TOM } } }] } },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ status: 'PENDING', base_type: 'MERGE', old_value: String(rita(sim).id), new_value: String(tom(sim).id) });
			expect(record(sim, items[0].id)).toMatchObject({ baseType: 'MERGE', targetCustomerId: tom(sim).id });
			expect(rita(sim).mergedInto).toBeUndefined();
		},
	},
	{
		resource: 'request',
		operation: 'sendRetro',
		setup: (sim) => [{ tx: notInterestedBill(sim).id }],
		parameters: {
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM,
			transactionId: '={{ $json.tx }}',
			additionalFields: { referenceId: 'ref345', comments: 'bill before sign-up' },
		},
		request: {
			method: 'POST',
			path: '/v1.1/request/add',
			body: {
				root: {
					request: [
						{ type: 'TRANSACTION_UPDATE', base_type: 'RETRO', old_type: 'NOT_INTERESTED', new_type: 'REGULAR', customer: { mobile: TOM }, reference_id: 'ref345' },
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ status: 'PENDING', type: 'TRANSACTION_UPDATE', base_type: 'RETRO', old_type: 'NOT_INTERESTED', new_type: 'REGULAR' })]);
			const r = record(sim, items[0].id)!;
			expect(r).toMatchObject({ type: 'TRANSACTION_UPDATE', baseType: 'RETRO', customerId: tom(sim).id });
			expect(sim.state.transactions.get(Number(r.transactionId))!.customerId).toBeUndefined();
		},
	},
	{
		resource: 'request',
		operation: 'approve',
		title: 'goodwill points with a changed amount',
		setup: (sim) => [{ id: addRequest(sim, goodwillPoints(50)).id }],
		parameters: { requestId: '={{ $json.id }}', requestType: 'GOODWILL', baseType: 'POINTS', additionalFields: { updatedComments: 'valid, 30 points', points: 30 } },
		request: {
			method: 'POST',
			path: '/v1.1/request/approve',
			body: { root: { request: [{ type: 'GOODWILL', base_type: 'POINTS', updated_comments: 'valid, 30 points', points: 30 }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ status: 'APPROVED', type: 'GOODWILL', approved_value: '30', updated_comments: 'valid, 30 points' })]);
			expect(tom(sim).points).toBe(620 + 30);
			expect(record(sim, items[0].id)!.status).toBe('APPROVED');
		},
	},
	{
		resource: 'request',
		operation: 'approve',
		title: 'retro transaction',
		auth: 'oauth',
		setup: (sim) => {
			const bill = notInterestedBill(sim, 'BILL-NI-7', 900);
			return [{ id: addRequest(sim, { type: 'TRANSACTION_UPDATE', base_type: 'RETRO', customer: { mobile: TOM }, transaction_id: String(bill.id) }).id, tx: bill.id }];
		},
		parameters: { requestId: '={{ $json.id }}', requestType: 'TRANSACTION_UPDATE', baseType: 'RETRO' },
		request: { method: 'POST', path: '/v1.1/request/approve', body: { root: { request: [{ type: 'TRANSACTION_UPDATE', base_type: 'RETRO' }] } } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ status: 'APPROVED', base_type: 'RETRO' });
			const bill = [...sim.state.transactions.values()].find((t) => t.number === 'BILL-NI-7')!;
			expect(bill).toMatchObject({ customerId: tom(sim).id, type: 'REGULAR', pointsAwarded: 90 });
			expect(tom(sim).points).toBe(620 + 90);
		},
	},
	{
		resource: 'request',
		operation: 'approve',
		title: 'goodwill coupon',
		setup: (sim) => {
			sim.state.couponSeries.set(80197, {
				id: 80197,
				description: 'Goodwill 10%',
				discountType: 'PERC',
				discountValue: 10,
				validTillDate: '2027-12-31',
				maxCreate: 100,
				maxRedeem: 1,
				numIssued: 0,
				numRedeemed: 0,
				createdOn: '2026-01-01T00:00:00+05:30',
			});
			return [{ id: addRequest(sim, { type: 'GOODWILL', base_type: 'COUPONS', customer: { mobile: TOM }, series_id: '80197' }).id }];
		},
		parameters: { requestId: '={{ $json.id }}', requestType: 'GOODWILL', baseType: 'COUPON', additionalFields: { updatedComments: 'sorry for the delay' } },
		request: { method: 'POST', path: '/v1.1/request/approve', body: { root: { request: [{ type: 'GOODWILL', base_type: 'COUPON' }] } } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ status: 'APPROVED', base_type: 'COUPON', approved_value: expect.stringMatching(/^GW/) });
			const coupon = sim.state.coupons.get(String(items[0].approved_value))!;
			expect(coupon).toMatchObject({ seriesId: 80197, customerId: tom(sim).id, redeemed: false });
			expect(sim.state.couponSeries.get(80197)!.numIssued).toBe(1);
		},
	},
	{
		resource: 'request',
		operation: 'reject',
		setup: (sim) => [{ id: addRequest(sim, { type: 'CHANGE_IDENTIFIER', base_type: 'MOBILE', customer: { mobile: TOM }, old_value: TOM, new_value: '919111111199' }).id }],
		parameters: { requestId: '={{ $json.id }}', requestType: 'CHANGE_IDENTIFIER', baseType: 'MOBILE', additionalFields: { updatedComments: 'outlier' } },
		request: {
			method: 'POST',
			path: '/v1.1/request/reject',
			body: { root: { request: [{ type: 'CHANGE_IDENTIFIER', base_type: 'MOBILE', updated_comments: 'outlier' }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ status: 'REJECTED', old_value: TOM, new_value: '919111111199' })]);
			expect(record(sim, items[0].id)).toMatchObject({ status: 'REJECTED', updatedComments: 'outlier' });
			expect(sim.state.identifier(tom(sim), 'mobile')).toBe(TOM);
		},
	},
	{
		resource: 'request',
		operation: 'getManyChangeOrGoodwill',
		setup: (sim) => {
			addRequest(sim, goodwillPoints(10));
			addRequest(sim, goodwillPoints(20, RITA));
			addRequest(sim, goodwillPoints(30), { status: 'APPROVED' });
			addRequest(sim, { type: 'CHANGE_IDENTIFIER', base_type: 'EMAIL', customer: { mobile: TOM }, new_value: 'tom.x@example.com' });
		},
		parameters: { requestType: 'GOODWILL', options: { status: 'PENDING', mobile: TOM }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/request/get', query: { type: 'GOODWILL', status: 'PENDING', mobile: TOM, start_limit: '0', limit: '50', format: 'json' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ type: 'GOODWILL', status: 'PENDING', points: '10', customer: expect.objectContaining({ mobile: TOM }) })]);
		},
	},
	{
		resource: 'request',
		operation: 'getManyChangeOrGoodwill',
		title: 'pages of 50 (start_limit)',
		setup: (sim) => {
			for (let i = 1; i <= 60; i++) addRequest(sim, goodwillPoints(i));
		},
		parameters: { requestType: 'GOODWILL', options: { baseType: 'POINTS' }, returnAll: true },
		request: [
			{ method: 'GET', path: '/v1.1/request/get', query: { type: 'GOODWILL', base_type: 'POINTS', start_limit: '0', limit: '50' } },
			{ method: 'GET', path: '/v1.1/request/get', query: { start_limit: '50', limit: '50' } },
		],
		output: (items) => {
			expect(items).toHaveLength(60);
			expect(items[59]).toMatchObject({ points: '60' });
		},
	},
	{
		resource: 'request',
		operation: 'getLogs',
		setup: (sim) => {
			const email = (n: number) => ({ type: 'CHANGE_IDENTIFIER', base_type: 'EMAIL', customer: { mobile: TOM }, new_value: `tom.${n}@example.com` });
			addRequest(sim, email(1), { status: 'APPROVED', createdOn: '2026-02-10T10:00:00+05:30' });
			addRequest(sim, email(2), { status: 'REJECTED', createdOn: '2026-02-11T10:00:00+05:30' });
			addRequest(sim, email(3), { status: 'APPROVED', createdOn: '2026-04-01T10:00:00+05:30' });
			addRequest(sim, { type: 'CHANGE_IDENTIFIER', base_type: 'MOBILE', customer: { mobile: TOM }, new_value: '919111111155' }, { status: 'APPROVED', createdOn: '2026-02-12T10:00:00+05:30' });
		},
		parameters: {
			requestType: 'CHANGE_IDENTIFIER',
			baseType: 'EMAIL',
			startDate: '2026-02-01T00:00:00',
			endDate: '2026-02-28T00:00:00',
			options: { status: 'APPROVED', userId: true },
			returnAll: false,
			limit: 5,
		},
		request: {
			method: 'GET',
			path: '/v1.1/request/logs',
			query: { type: 'CHANGE_IDENTIFIER', base_type: 'EMAIL', start_date: '2026-02-01', end_date: '2026-02-28', status: 'APPROVED', user_id: 'true', limit: '5' },
		},
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ status: 'APPROVED', base_type: 'EMAIL', new_value: 'tom.1@example.com', customer: expect.objectContaining({ id: tom(sim).id }) }),
			]);
		},
	},
	{
		resource: 'request',
		operation: 'getLogs',
		title: 'ID range, return all',
		auth: 'oauth',
		setup: (sim) => {
			const ids = [1, 2, 3, 4].map((n) => addRequest(sim, goodwillPoints(n)).id);
			return [{ from: ids[1], to: ids[2] }];
		},
		parameters: {
			requestType: 'GOODWILL',
			baseType: 'POINTS',
			startDate: '2020-01-01T00:00:00',
			endDate: '2099-12-31T00:00:00',
			options: { startId: '={{ $json.from }}', endId: '={{ $json.to }}' },
			returnAll: true,
		},
		request: { method: 'GET', path: '/v1.1/request/logs', query: { type: 'GOODWILL', base_type: 'POINTS', limit: '100' } },
		// Newest first, as in the docs' sample.
		output: (items) => expect(items.map((i) => i.points)).toEqual(['3', '2']),
	},
	{
		resource: 'request',
		operation: 'getLogs',
		title: 'Return All pages backwards by end_id (documented: limit and an ID range, no offset)',
		setup: (sim) => {
			for (let n = 1; n <= 130; n++) addRequest(sim, goodwillPoints(n));
		},
		parameters: { requestType: 'GOODWILL', baseType: 'POINTS', startDate: '2020-01-01T00:00:00', endDate: '2099-12-31T00:00:00', returnAll: true },
		request: [
			{ method: 'GET', path: '/v1.1/request/logs', query: { type: 'GOODWILL', base_type: 'POINTS', limit: '100' } },
			{ method: 'GET', path: '/v1.1/request/logs', query: { type: 'GOODWILL', base_type: 'POINTS', limit: '100' } },
		],
		output: (items, _sim, requests) => {
			expect(requests).toHaveLength(2);
			expect(requests[0].query.end_id).toBeUndefined();
			expect(requests[1].query.end_id).toBe(String(items[99].id));
			expect(items).toHaveLength(130);
			expect(new Set(items.map((i) => i.id)).size).toBe(130);
			expect(items[0].points).toBe('130');
			expect(items[129].points).toBe('1');
		},
	},
	// ----- v2 ---------------------------------------------------------------------------------
	{
		resource: 'request',
		operation: 'addTransaction',
		parameters: {
			identifierType: 'mobile',
			identifierValue: TOM,
			source: 'INSTORE',
			billNumber: 'BILL-2001',
			billAmount: 6000,
			billingDate: '2026-04-29T10:00:00',
			lineItems: { item: [{ itemCode: 'SKU-9', description: 'sports shoes', rate: 2000, qty: 3, amount: 6000, discount: 0 }] },
			paymentModes: { mode: [{ mode: 'Cash', value: 6000, notes: '' }] },
			additionalFields: { note: 'Add Transaction Request 88', deliveryStatus: 'PLACED', grossAmount: 6000 },
		},
		request: {
			method: 'POST',
			path: '/v2/requests',
			query: { source: 'INSTORE' },
			body: {
				type: 'TRANSACTION',
				baseType: 'REGULAR_TXN_ADD',
				customerIdentificationInfo: { identifierType: 'mobile', identifierValue: TOM, source: 'INSTORE' },
				transaction: {
					type: 'REGULAR',
					billNumber: 'BILL-2001',
					billAmount: 6000,
					billingDate: '2026-04-29T10:00:00',
					note: 'Add Transaction Request 88',
					deliveryStatus: 'PLACED',
					grossAmount: 6000,
					lineItemsV2: [{ itemCode: 'SKU-9', description: 'sports shoes', rate: 2000, qty: 3, amount: 6000 }],
					paymentModes: [{ mode: 'Cash', value: 6000 }],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			expect(record(sim, items[0].createdId)).toMatchObject({ type: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', status: 'PENDING', customerId: tom(sim).id });
			expect([...sim.state.transactions.values()].some((t) => t.number === 'BILL-2001')).toBe(false);
		},
	},
	{
		resource: 'request',
		operation: 'addTransaction',
		title: 'JSON body, auto-approved',
		auth: 'oauth',
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify({
				customerIdentificationInfo: { identifierType: 'mobile', identifierValue: RITA, source: 'INSTORE' },
				transaction: { type: 'REGULAR', billNumber: 'BILL-2002', billAmount: '500', billingDate: '2026-04-29T10:00:00+05:30' },
			}),
			options: { clientAutoApprove: true },
		},
		request: {
			method: 'POST',
			path: '/v2/requests',
			query: { client_auto_approve: 'true' },
			body: { type: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', transaction: { billNumber: 'BILL-2002' } },
		},
		output: (items, sim) => {
			expect(record(sim, items[0].createdId)).toMatchObject({ status: 'SUCCESS' });
			const bill = [...sim.state.transactions.values()].find((t) => t.number === 'BILL-2002')!;
			expect(bill).toMatchObject({ customerId: rita(sim).id, amount: 500, pointsAwarded: 50 });
		},
	},
	{
		resource: 'request',
		operation: 'updateStatus',
		setup: (sim) => [{ id: transactionRequest(sim, 'BILL-3001').id }],
		parameters: { requestType: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', requestId: '={{ $json.id }}', status: 'APPROVED', additionalFields: { comments: 'checked the bill' } },
		request: {
			method: 'PUT',
			path: '/v2/requests',
			body: [{ type: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', status: 'APPROVED', comments: 'checked the bill' }],
		},
		output: (items, sim, requests) => {
			expect(Array.isArray(requests[0].body)).toBe(true);
			expect(items).toEqual([expect.objectContaining({ entityId: expect.any(Number), result: true, failureCount: 0 })]);
			expect(record(sim, items[0].entityId)).toMatchObject({ status: 'SUCCESS', comments: 'checked the bill' });
			const bill = [...sim.state.transactions.values()].find((t) => t.number === 'BILL-3001')!;
			expect(bill).toMatchObject({ customerId: tom(sim).id, amount: 6000 });
			expect(tom(sim).points).toBe(620 + 600);
		},
	},
	{
		resource: 'request',
		operation: 'get',
		setup: (sim) => [{ id: transactionRequest(sim, 'BILL-3002').id }],
		parameters: { requestId: '={{ $json.id }}' },
		request: { method: 'GET', path: '/v2/requests/7062001' },
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({ id: 7062001, type: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', status: 'PENDING', transaction: expect.objectContaining({ billNumber: 'BILL-3002' }) }),
			]),
	},
	{
		resource: 'request',
		operation: 'getMany',
		setup: (sim) => {
			transactionRequest(sim, 'BILL-4001', 'PENDING', '2026-03-01T10:00:00+05:30');
			transactionRequest(sim, 'BILL-4002', 'REJECTED', '2026-03-02T10:00:00+05:30');
			transactionRequest(sim, 'BILL-4003', 'PENDING', '2026-03-03T10:00:00+05:30');
		},
		parameters: {
			requestType: 'TRANSACTION',
			baseType: 'REGULAR_TXN_ADD',
			options: { status: 'PENDING', order: 'ASC', identifierName: 'mobile', identifierValue: TOM },
			returnAll: true,
		},
		request: {
			method: 'GET',
			path: '/v2/requests',
			query: { requestType: 'TRANSACTION', requestSubType: 'REGULAR_TXN_ADD', status: 'PENDING', order: 'ASC', identifierName: 'mobile', identifierValue: TOM, offset: '0', limit: '50' },
		},
		output: (items) => expect(items.map((i) => (i.transaction as { billNumber: string }).billNumber)).toEqual(['BILL-4001', 'BILL-4003']),
	},
	{
		resource: 'request',
		operation: 'getMany',
		title: 'offset counts requests to skip (docs), not pages',
		setup: (sim) => {
			for (let i = 1; i <= 55; i++) transactionRequest(sim, `BILL-5${String(i).padStart(3, '0')}`, 'PENDING', `2026-03-01T10:${String(i).padStart(2, '0')}:00+05:30`);
		},
		parameters: { requestType: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', options: { sort: 'ADDED_ON', order: 'DESC' }, returnAll: true },
		// offset=1 once: rows to skip (this Capillary) start with the first page's second request.
		request: [
			{ method: 'GET', path: '/v2/requests', query: { offset: '0', limit: '50' } },
			{ method: 'GET', path: '/v2/requests', query: { offset: '1', limit: '50' } },
			{ method: 'GET', path: '/v2/requests', query: { offset: '50', limit: '50' } },
		],
		output: (items) => {
			const bills = items.map((i) => (i.transaction as { billNumber: string }).billNumber);
			expect(bills).toHaveLength(55);
			expect(new Set(bills).size).toBe(55);
			expect(bills[0]).toBe('BILL-5055');
			expect(bills[54]).toBe('BILL-5001');
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'request',
		operation: 'reject',
		title: 'unknown request (v1.1 item_status 9013)',
		parameters: { requestId: '999', requestType: 'GOODWILL', baseType: 'POINTS' },
		message: /9013.*Request not found/,
	},
	{
		resource: 'request',
		operation: 'updateStatus',
		title: 'approving a rejected transaction request (v2 errors[] 9055)',
		setup: (sim) => void transactionRequest(sim, 'BILL-6001', 'REJECTED'),
		parameters: { requestType: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', requestId: '7062001', status: 'APPROVED' },
		message: /9055/,
	},
	{
		resource: 'request',
		operation: 'addChangeOrGoodwill',
		title: 'new email already used by another customer (9002)',
		parameters: {
			requestType: 'CHANGE_IDENTIFIER',
			changeBaseType: 'EMAIL',
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM,
			newValue: 'rita.james@example.com',
		},
		message: /9002.*already exists/,
	},
];

export default { cases, errors } satisfies CaseFile;
