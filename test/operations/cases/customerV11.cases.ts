import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { nowIso, nowV11 } from '../../simulator/http';

const TOM = '919111111111';
const RITA = '919222222222';

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

function rita(sim: Simulator) {
	return sim.state.findCustomer('mobile', RITA)!;
}

const byTom = { v11IdentifierType: 'mobile', v11IdentifierValue: TOM };

function seedCoupons(sim: Simulator) {
	sim.state.couponSeries.set(41, { id: 41, description: '10% off shoes', discountType: 'PERC', discountValue: 10, validTillDate: '2099-12-31', maxCreate: 100, maxRedeem: 1, numIssued: 2, numRedeemed: 1, createdOn: nowIso() });
	sim.state.coupons.set('SHOE10A', { id: 88001, code: 'SHOE10A', seriesId: 41, customerId: tom(sim).id, issuedOn: '2025-01-05 10:00:00', validTill: '2099-12-31', redeemed: true, redeemedOn: '2025-02-01 12:00:00', transactionNumber: 'BILL-1001' });
	sim.state.coupons.set('SHOE10B', { id: 88002, code: 'SHOE10B', seriesId: 41, customerId: tom(sim).id, issuedOn: '2025-01-06 10:00:00', validTill: '2099-12-31', redeemed: false, redeemedOn: null, transactionNumber: null });
	sim.state.coupons.set('RITA10', { id: 88003, code: 'RITA10', seriesId: 41, customerId: rita(sim).id, issuedOn: '2025-01-06 10:00:00', validTill: '2099-12-31', redeemed: false, redeemedOn: null, transactionNumber: null });
}

function addBill(sim: Simulator, customerId: number, number: string, amount: number, daysAgo: number, items: string[] = []) {
	return sim.state.addTransaction({
		number,
		type: 'REGULAR',
		customerId,
		amount,
		billingTime: nowV11(new Date(Date.now() - daysAgo * 86_400_000)),
		lineItems: items.map((itemCode) => ({ itemCode, amount, rate: amount, qty: 1 })),
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
		resource: 'customer',
		operation: 'createWithReferralCode',
		parameters: {
			mobile: '919333333333',
			email: 'huck.finn@example.com',
			additionalFields: {
				firstname: 'Huck',
				lastname: 'Finn',
				type: 'LOYALTY',
				extendedFields: { field: [{ name: 'gender', value: 'Male' }] },
				customFields: { field: [{ name: 'FavoriteColor', value: 'Green' }] },
				subscriptions: { subscription: [{ channel: 'sms', priority: 'BULK', isSubscribed: false, scope: 'all' }] },
			},
		},
		request: {
			method: 'POST',
			path: '/v1.1/customer/add',
			query: { format: 'json' },
			body: {
				root: {
					customer: [
						{
							mobile: '919333333333',
							email: 'huck.finn@example.com',
							firstname: 'Huck',
							lastname: 'Finn',
							type: 'LOYALTY',
							extended_fields: { field: [{ name: 'gender', value: 'Male' }] },
							custom_fields: { field: [{ name: 'FavoriteColor', value: 'Green' }] },
							subscriptions: { subscription: [{ channel: 'sms', priority: 'BULK', is_subscribed: '0', scope: 'all' }] },
						},
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, firstname: 'Huck', mobile: '919333333333', user_id: expect.any(String) })]);
			const huck = sim.state.findCustomer('mobile', '919333333333')!;
			expect(String(huck.id)).toBe(items[0].user_id);
			expect(huck.extendedFields.gender).toBe('Male');
			expect(huck.profiles[0].fields.FavoriteColor).toBe('Green');
			expect(huck.subscriptions).toEqual([expect.objectContaining({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' })]);
		},
	},
	{
		resource: 'customer',
		operation: 'createWithReferralCode',
		title: 'several customers from JSON, one invalid',
		auth: 'oauth',
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify([
				{ mobile: '919444444444', firstname: 'Becky', lastname: 'Thatcher' },
				{ mobile: 'not-a-number', firstname: 'Joe' },
			]),
		},
		request: { method: 'POST', path: '/v1.1/customer/add', body: { root: { customer: [{ mobile: '919444444444' }, { mobile: 'not-a-number' }] } } },
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ success: true, firstname: 'Becky' }),
				expect.objectContaining({ success: false, errorCode: '1001', errorMessage: expect.stringMatching(/Invalid mobile/) }),
			]);
			expect(sim.state.findCustomer('mobile', '919444444444')).toBeDefined();
			expect(sim.state.customers.size).toBe(4);
		},
	},
	{
		resource: 'customer',
		operation: 'updateWithFraudStatus',
		parameters: {
			...byTom,
			additionalFields: {
				firstname: 'Thomas',
				fraudStatus: 'NONE',
				extendedFields: { field: [{ name: 'city', value: 'Mysore' }] },
			},
		},
		request: {
			method: 'POST',
			path: '/v1.1/customer/update',
			query: { format: 'json' },
			body: { root: { customer: [{ mobile: TOM, firstname: 'Thomas', fraud_status: { status: 'NONE' }, extended_fields: { field: [{ name: 'city', value: 'Mysore' }] } }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, firstname: 'Thomas', loyalty_points: '620' })]);
			expect(tom(sim).profiles[0].firstName).toBe('Thomas');
			expect(tom(sim).extendedFields.city).toBe('Mysore');
		},
	},
	{
		resource: 'customerIdentifier',
		operation: 'requestChange',
		parameters: { identifier: 'mobile', oldValue: TOM, newValue: '919555555555' },
		request: { method: 'POST', path: '/v1.1/customer/update_identity', body: { root: { customer: [{ identifier: 'mobile', old_value: TOM, new_value: '919555555555' }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ updated: 'true', new_value: '919555555555', item_status: expect.objectContaining({ code: '1040' }) })]);
			const [request] = [...sim.state.requests.values()];
			expect(request).toMatchObject({ type: 'CHANGE_IDENTIFIER', baseType: 'MOBILE', status: 'PENDING', customerId: tom(sim).id, newValue: '919555555555' });
			// A pending request does not change the identifier yet.
			expect(sim.state.identifier(tom(sim), 'mobile')).toBe(TOM);
		},
	},
	{
		resource: 'customer',
		operation: 'getWithHistory',
		setup: seedCoupons,
		parameters: { ...byTom, language: 'zh', options: { userId: true, nextSlab: true, couponLimit: 1 } },
		request: { method: 'GET', path: '/v1.1/customer/get', query: { mobile: TOM, user_id: 'true', next_slab: 'true', coupon_limit: '1', format: 'json' } },
		output: (items, sim, requests) => {
			expect(requests[0].headers.language).toBe('zh');
			expect(items).toEqual([{ user_id: String(tom(sim).id), firstname: 'Tom', lastname: 'Sawyer', mobile: TOM, email: 'tom.sawyer@example.com', external_id: 'TS-001', type: 'LOYALTY', loyalty_points: '620', lifetime_points: '620', lifetime_purchases: '1200', current_slab: 'Bronze', tier_expiry_date: expect.any(String), registered_on: expect.any(String), updated_on: expect.any(String), source: 'instore' }]);
		},
	},
	{
		resource: 'customer',
		operation: 'getWithHistory',
		title: 'two customers in one call, raw response',
		setup: seedCoupons,
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: `${TOM},${RITA}`, simplify: false, options: { nextSlab: true } },
		request: { method: 'GET', path: '/v1.1/customer/get', query: { mobile: `${TOM},${RITA}` } },
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ firstname: 'Tom', next_slab: 'Silver', coupons: [expect.objectContaining({ code: 'SHOE10B' }), expect.objectContaining({ code: 'SHOE10A' })] });
			expect(items[0]).not.toHaveProperty('user_id');
			expect(items[1]).toMatchObject({ firstname: 'Rita', coupons: [expect.objectContaining({ code: 'RITA10' })], item_status: expect.objectContaining({ success: 'true' }) });
		},
	},
	{
		resource: 'customerActivity',
		operation: 'getTransactionsByIdentifier',
		setup: (sim) => {
			addBill(sim, tom(sim).id, 'BILL-2001', 400, 2);
			addBill(sim, tom(sim).id, 'BILL-2002', 250, 1);
		},
		parameters: { ...byTom, limit: 2, options: { sort: 'trans_date', order: 'asc' } },
		request: { method: 'GET', path: '/v1.1/customer/transactions', query: { mobile: TOM, sort: 'trans_date', order: 'asc', limit: '2', offset: '0', format: 'json' } },
		output: (items) => {
			expect(items.map((t) => t.number)).toEqual(['BILL-1001', 'BILL-2001']);
			expect(items[0]).toMatchObject({ amount: '1200', points: expect.objectContaining({ issued: '120' }) });
		},
	},
	{
		resource: 'customerActivity',
		operation: 'getTransactionsByIdentifier',
		title: 'return all with a start date',
		setup: (sim) => {
			addBill(sim, tom(sim).id, 'BILL-2001', 400, 2);
			addBill(sim, tom(sim).id, 'BILL-OLD', 99, 400);
		},
		parameters: { v11IdentifierType: 'external_id', v11IdentifierValue: 'TS-001', returnAll: true, options: { startDate: nowV11(new Date(Date.now() - 30 * 86_400_000)).slice(0, 10) } },
		request: { method: 'GET', path: '/v1.1/customer/transactions', query: { external_id: 'TS-001', limit: '100', offset: '0' } },
		output: (items) => expect(items.map((t) => t.number)).toEqual(['BILL-2001', 'BILL-1001']),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsRedemptions',
		setup: (sim) => {
			sim.state.redemptions.set('R1', { id: 'R1', customerId: tom(sim).id, points: 40, billNumber: 'BILL-1001', date: nowIso(new Date(Date.now() - 86_400_000)), reversedPoints: 10 });
			sim.state.redemptions.set('R2', { id: 'R2', customerId: tom(sim).id, points: 15, billNumber: 'BILL-1001', date: nowIso(), reversedPoints: 0 });
			sim.state.redemptions.set('R3', { id: 'R3', customerId: rita(sim).id, points: 5, billNumber: 'BILL-1002', date: nowIso(), reversedPoints: 0 });
		},
		parameters: { ...byTom, options: { fetchSize: 20, order: 'desc' } },
		request: { method: 'GET', path: '/v1.1/customer/redemptions', query: { mobile: TOM, type: 'POINTS', limit: '20', order: 'desc' } },
		output: (items) => {
			expect(items.map((r) => r.id)).toEqual(['R2', 'R1']);
			expect(items[1]).toMatchObject({ points_redeemed: 40, transaction_number: 'BILL-1001', reversals: [expect.objectContaining({ points_reversed: 10 })] });
		},
	},
	{
		resource: 'customerCoupon',
		operation: 'getCouponRedemptions',
		auth: 'oauth',
		setup: seedCoupons,
		parameters: { ...byTom },
		request: { method: 'GET', path: '/v1.1/customer/redemptions', query: { mobile: TOM, type: 'COUPONS' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: '88001', code: 'SHOE10A', discount_type: 'PERC', transaction_number: 'BILL-1001' })]),
	},
	{
		resource: 'customerCoupon',
		operation: 'searchCoupons',
		setup: seedCoupons,
		parameters: { ...byTom, returnAll: true, options: { status: 'unredeemed', seriesId: 41 } },
		request: { method: 'GET', path: '/v1.1/customer/coupons', query: { mobile: TOM, status: 'unredeemed', series_id: '41', limit: '100', offset: '0' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ code: 'SHOE10B', redeemed: 'false', description: '10% off shoes' })]),
	},
	{
		resource: 'customerNote',
		operation: 'getNotes',
		setup: (sim) => {
			tom(sim).notes.push({ id: 1, description: 'Likes jeans', date: '2025-01-01 10:00:00', addedOn: '2025-01-01 10:00:00' }, { id: 2, description: 'Prefers email', date: '2025-01-02 10:00:00', addedOn: '2025-01-02 10:00:00' });
		},
		parameters: { v11IdentifierType: 'email', v11IdentifierValue: 'tom.sawyer@example.com' },
		request: { method: 'GET', path: '/v1.1/customer/notes', query: { email: 'tom.sawyer@example.com', format: 'json' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: '1', description: 'Likes jeans' }), expect.objectContaining({ id: '2', description: 'Prefers email' })]),
	},
	{
		resource: 'customerNote',
		operation: 'addOrUpdateNote',
		parameters: { ...byTom, description: 'Asked about the gold tier', additionalFields: { date: '2025-03-01 11:00:00' } },
		request: { method: 'POST', path: '/v1.1/customer/notes', body: { root: { customer: [{ mobile: TOM, notes: { note: [{ description: 'Asked about the gold tier', date: '2025-03-01 11:00:00' }] } }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ mobile: TOM, notes: { note: [expect.objectContaining({ description: 'Asked about the gold tier' })] } })]);
			expect(tom(sim).notes).toEqual([expect.objectContaining({ description: 'Asked about the gold tier', date: '2025-03-01 11:00:00' })]);
		},
	},
	{
		resource: 'customerNote',
		operation: 'addOrUpdateNote',
		title: 'update an existing note by ID',
		setup: (sim) => void tom(sim).notes.push({ id: 8378, description: 'Likes jeans', date: '2025-01-01 10:00:00', addedOn: '2025-01-01 10:00:00' }),
		parameters: { v11IdentifierType: 'user_id', v11IdentifierValue: '1001', description: 'Likes new arrivals', additionalFields: { noteId: '8378' } },
		request: { method: 'POST', path: '/v1.1/customer/notes', body: { root: { customer: [{ user_id: '1001', notes: { note: [{ id: '8378', description: 'Likes new arrivals' }] } }] } } },
		output: (_items, sim) => expect(tom(sim).notes).toEqual([expect.objectContaining({ id: 8378, description: 'Likes new arrivals' })]),
	},
	{
		resource: 'customerActivity',
		operation: 'getProductRecommendations',
		setup: (sim) => {
			addBill(sim, rita(sim).id, 'BILL-3001', 100, 1, ['SKU-9', 'SKU-1']);
			addBill(sim, rita(sim).id, 'BILL-3002', 100, 1, ['SKU-9']);
		},
		parameters: { ...byTom, options: { userId: true, recommendationLimit: 2 } },
		request: { method: 'GET', path: '/v1.1/customer/recommendations', query: { mobile: TOM, user_id: 'true', limit: '2' } },
		output: (items, sim) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ user_id: String(tom(sim).id), recommendations: { recommendation: [expect.objectContaining({ sku: 'SKU-9', rank: '1' }), expect.objectContaining({ sku: 'SKU-1' })] } });
		},
	},
	{
		resource: 'customerActivity',
		operation: 'getInteractions',
		setup: (sim) => {
			sim.state.issueValidationCode(tom(sim), 100);
			sim.state.collection('customerV11.interactions').set('1', { customerId: tom(sim).id, network: 'capillary', type: 'email', sender: 'news@shop.example', receiver: 'tom.sawyer@example.com', subject: 'Welcome', sent_time: nowV11() });
		},
		parameters: { ...byTom, options: { network: 'capillary' } },
		request: { method: 'GET', path: '/v1.1/customer/interaction', query: { mobile: TOM, network: 'capillary' } },
		output: (items) => {
			expect(items).toEqual([{ name: 'capillary', interaction: expect.arrayContaining([expect.objectContaining({ type: 'sms', count: '1' }), expect.objectContaining({ type: 'email', count: '1' })]) }]);
		},
	},
	{
		resource: 'customerNote',
		operation: 'createTicket',
		parameters: { ...byTom, subject: 'Points issue', message: 'Unable to redeem points', additionalFields: { priority: 'HIGH', department: 'LOYALTY', customFields: { field: [{ name: 'channel', value: 'phone' }] } } },
		request: {
			method: 'POST',
			path: '/v1.1/customer/tickets',
			body: { root: { customer: [{ mobile: TOM, ticket: [{ subject: 'Points issue', message: 'Unable to redeem points', priority: 'HIGH', department: 'LOYALTY', custom_fields: { field: [{ name: 'channel', value: 'phone' }] } }] }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ ticket: expect.objectContaining({ subject: 'Points issue', status: 'OPEN', code: expect.any(String) }) })]);
			expect(tom(sim).tickets).toEqual([expect.objectContaining({ subject: 'Points issue', priority: 'HIGH' })]);
		},
	},
	{
		resource: 'customerNote',
		operation: 'getTickets',
		setup: (sim) => {
			tom(sim).tickets.push(
				{ code: 't1', status: 'OPEN', priority: 'HIGH', department: 'LOYALTY', subject: 'Points issue', message: '', created_date: nowV11() },
				{ code: 't2', status: 'CLOSED', priority: 'LOW', department: 'STORE', subject: 'Parking', message: '', created_date: nowV11() },
			);
		},
		parameters: { ...byTom, options: { priority: 'HIGH' } },
		request: { method: 'GET', path: '/v1.1/customer/tickets', query: { mobile: TOM, priority: 'HIGH' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ code: 't1', subject: 'Points issue' })]),
	},
	{
		resource: 'referral',
		operation: 'invite',
		parameters: {
			...byTom,
			referralCampaign: 'CWRME',
			referralType: 'EMAIL',
			invitees: { invitee: [{ name: 'Joe Harper', identifier: 'joe.harper@example.com', id: '1' }, { name: 'Amy', identifier: 'amy@example.com', invitedOn: '2025-03-01T10:00:00+05:30' }] },
		},
		request: {
			method: 'POST',
			path: '/v1.1/customer/referrals',
			body: { root: { customer: [{ mobile: TOM, referrals: { campaign_token: 'CWRME', referral_type: { type: 'EMAIL', referral: [{ name: 'Joe Harper', identifier: 'joe.harper@example.com', id: '1' }, { name: 'Amy', identifier: 'amy@example.com' }] } } }] } },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ referrals: { referral_type: [{ type: 'EMAIL', referral: [expect.objectContaining({ status: expect.objectContaining({ success: 'true' }) }), expect.anything()] }] } });
			expect(tom(sim).referrals.map((r) => r.identifier)).toEqual(['joe.harper@example.com', 'amy@example.com']);
		},
	},
	{
		resource: 'referral',
		operation: 'getStatistics',
		setup: (sim) => void tom(sim).referrals.push({ campaignToken: 'CWRME', type: 'MOBILE', name: 'Joe', identifier: '919700000001', invitedOn: nowIso(), till: 'store.server' }),
		parameters: { ...byTom, options: { referralCampaign: 'CWRME' } },
		request: { method: 'GET', path: '/v1.1/customer/referrals', query: { mobile: TOM, campaign_token: 'CWRME' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ referral_code: expect.any(String), invitees: { referral_type: [{ type: 'MOBILE', invitee: [expect.objectContaining({ identifier: '919700000001' })] }] } })]);
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'updatePreferences',
		parameters: { ...byTom, preferences: { field: [{ name: 'Favorite Brand', value: 'Puma' }] }, additionalFields: { storeCode: 'store.server' } },
		request: { method: 'POST', path: '/v1.1/customer/preferences', body: { root: { customer: [{ mobile: TOM, custom_fields: { field: [{ name: 'Favorite Brand', value: 'Puma' }] }, store: { code: 'store.server' } }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ store: expect.objectContaining({ code: 'store.server', status: 'SUCCESS' }) })]);
			expect(tom(sim).preferences).toEqual([{ name: 'Favorite Brand', value: 'Puma' }, { name: 'PREFERRED_STORE', value: 'store.server' }]);
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getPreferences',
		auth: 'oauth',
		setup: (sim) => void tom(sim).preferences.push({ name: 'Favorite Color', value: 'Green' }),
		parameters: { ...byTom },
		request: { method: 'GET', path: '/v1.1/customer/preferences', query: { mobile: TOM } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ custom_fields: { field: [{ name: 'Favorite Color', value: 'Green' }] } })]),
	},
	{
		resource: 'customerSubscription',
		operation: 'updateSubscriptionsByIdentifier',
		parameters: { v11IdentifierType: 'email', v11IdentifierValue: 'tom.sawyer@example.com', channel: 'email', priority: 'BULK', isSubscribed: false },
		request: { method: 'POST', path: '/v1.1/customer/subscriptions', body: { root: { subscription: [{ email: 'tom.sawyer@example.com', channel: 'email', priority: 'BULK', is_subscribed: '0', scope: 'all' }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, channel: 'EMAIL', priority: 'BULK', is_subscribed: '0' })]);
			expect(tom(sim).subscriptions).toEqual([expect.objectContaining({ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT' })]);
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptionsByChannel',
		setup: (sim) => void tom(sim).subscriptions.push({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' }),
		parameters: { ...byTom, options: { channel: 'SMS' } },
		request: { method: 'GET', path: '/v1.1/customer/subscriptions', query: { mobile: TOM, channel: 'SMS' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({
					mobile: TOM,
					channel: [{ name: 'SMS', priority: [expect.objectContaining({ name: 'TRANS', user_preference: 'NOT_SET', subscribed: 'ALL' }), expect.objectContaining({ name: 'BULK', user_preference: 'UNSUBSCRIBED', unsubscribed: 'ALL' })] }],
				}),
			]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customer',
		operation: 'getWithHistory',
		title: 'unknown customer (item_status 1012 inside HTTP 200)',
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: '910000000000' },
		message: /Capillary error 1012: Cannot find customer/,
		httpCode: '200',
	},
	{
		resource: 'customerIdentifier',
		operation: 'requestChange',
		title: 'new mobile belongs to another customer (1032)',
		parameters: { identifier: 'mobile', oldValue: TOM, newValue: RITA },
		message: /1032.*same mobile number/,
	},
	{
		resource: 'customerNote',
		operation: 'createTicket',
		title: 'duplicate open ticket subject (1301)',
		setup: (sim) => void tom(sim).tickets.push({ code: 't1', status: 'OPEN', subject: 'Points issue' }),
		parameters: { ...byTom, subject: 'Points issue' },
		message: /1301/,
	},
];

export default { cases, errors } satisfies CaseFile;
