import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { nowIso } from '../../simulator/http';

const TOM = '919111111111';

/** A 1×1 transparent PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

/** Tom, found by mobile in the INSTORE source. */
const byTom = { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' };
const tomQuery = { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' };

function addRetroRequest(sim: Simulator, id: number, status: string, daysAgo: number) {
	const when = nowIso(new Date(Date.now() - daysAgo * 86_400_000));
	sim.state.requests.set(id, { id, type: 'TRANSACTION', baseType: 'RETRO', status, customerId: tom(sim).id, createdOn: when, updatedOn: when, transactionId: 5000 + id, reason: 'missed bill' });
}

export const cases: OperationCase[] = [
	{
		resource: 'customer',
		operation: 'updateByIdentifier',
		parameters: {
			...byTom,
			options: { useAsync: true },
			updateFields: {
				firstName: 'Tommy',
				customFields: { field: [{ name: 'city', value: 'Pune' }] },
				extendedFields: { field: [{ name: 'dob', value: '1990-04-01' }] },
				identifiers: { identifier: [{ type: 'wechat', value: 'wc_tom' }] },
			},
		},
		request: {
			method: 'PUT',
			path: '/v2/customers/lookup',
			query: { ...tomQuery, use_async: 'true' },
			body: { profiles: [{ firstName: 'Tommy', fields: { city: 'Pune' }, identifiers: [{ type: 'wechat', value: 'wc_tom' }] }], extendedFields: { dob: '1990-04-01' } },
		},
		output: (items, sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ createdId: tom(sim).id, sideEffects: [] })]);
			expect(requests[0].body).not.toHaveProperty('loyaltyInfo');
			const profile = tom(sim).profiles[0];
			expect(profile.firstName).toBe('Tommy');
			expect(profile.lastName).toBe('Sawyer');
			expect(profile.fields.city).toBe('Pune');
			expect(tom(sim).extendedFields.dob).toBe('1990-04-01');
			expect(sim.state.findCustomer('wechat', 'wc_tom')?.id).toBe(tom(sim).id);
		},
	},
	{
		resource: 'customer',
		operation: 'updateByIdentifier',
		title: 'JSON body, non-loyalty customer becomes a member',
		auth: 'oauth',
		setup: (sim) => {
			sim.state.addCustomer({ loyaltyType: 'non_loyalty', profile: { firstName: 'Ben', identifiers: [{ type: 'email', value: 'ben.rogers@example.com' }] } });
		},
		parameters: {
			identifierName: 'email',
			identifierValue: 'ben.rogers@example.com',
			source: 'INSTORE',
			bodyInput: 'json',
			bodyJson: JSON.stringify({ loyaltyInfo: { loyaltyType: 'loyalty' }, extendedFields: { city: 'Delhi' } }),
		},
		request: { method: 'PUT', path: '/v2/customers/lookup', query: { identifierName: 'email', identifierValue: 'ben.rogers@example.com' }, body: { loyaltyInfo: { loyaltyType: 'loyalty' }, extendedFields: { city: 'Delhi' } } },
		output: (_items, sim) => {
			const ben = sim.state.findCustomer('email', 'ben.rogers@example.com')!;
			expect(ben.loyaltyType).toBe('loyalty');
			expect(ben.extendedFields.city).toBe('Delhi');
		},
	},
	{
		resource: 'customer',
		operation: 'getByIdentifier',
		parameters: { ...byTom, options: { embed: ['mlp', 'subscriptions'] } },
		request: { method: 'GET', path: '/v2/customers/lookup/customerDetails', query: { ...tomQuery, embed: 'mlp,subscriptions' } },
		output: (items, sim) => {
			expect(items).toEqual([
				{
					id: tom(sim).id,
					firstName: 'Tom',
					lastName: 'Sawyer',
					source: 'INSTORE',
					mobile: TOM,
					email: 'tom.sawyer@example.com',
					externalId: 'TS-001',
					loyaltyType: 'loyalty',
					loyaltyPoints: 620,
					lifetimePoints: 620,
					lifetimePurchases: 1200,
					currentSlab: 'Bronze',
					extendedFields: {},
				},
			]);
		},
	},
	{
		resource: 'customer',
		operation: 'getByIdentifier',
		title: 'WeChat account, raw response',
		parameters: { identifierName: 'wechat', identifierValue: 'wc_42', source: 'WECHAT', accountId: 'WECHAT-1', simplify: false, options: { embed: ['mlp'] } },
		request: { method: 'GET', path: '/v2/customers/lookup/customerDetails', query: { identifierName: 'wechat', identifierValue: 'wc_42', source: 'WECHAT', accountId: 'WECHAT-1', embed: 'mlp' } },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ profiles: [expect.objectContaining({ firstName: 'Wei', source: 'WECHAT' })], loyaltyProgramDetails: [expect.objectContaining({ programId: 1, currentSlab: 'Bronze' })] });
			expect(items[0]).not.toHaveProperty('subscriptions');
		},
	},
	{
		resource: 'customer',
		operation: 'updateStatus',
		auth: 'oauth',
		parameters: { ...byTom, label: 'Suspended', reason: 'Chargeback under review', additionalFields: { createdOn: '2025-03-01T10:00:00Z' } },
		request: { method: 'PUT', path: '/v2/customers/lookup/status', query: tomQuery, body: { label: 'Suspended', reason: 'Chargeback under review', createdOn: '2025-03-01T10:00:00Z' } },
		output: (items, sim) => {
			expect(items).toEqual([{ warnings: [], error: [] }]);
			expect(tom(sim).status).toBe('SUSPENDED');
			expect(tom(sim).statusLog.at(-1)).toMatchObject({ label: 'Suspended', reason: 'Chargeback under review', prevLabel: 'ACTIVE', isActive: true });
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptionsByIdentifier',
		setup: (sim) => void tom(sim).subscriptions.push({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' }),
		parameters: { identifierName: 'externalId', identifierValue: 'TS-001', source: 'INSTORE' },
		request: { method: 'GET', path: '/v2/customers/lookup/subscriptions', query: { identifierName: 'externalId', identifierValue: 'TS-001', source: 'INSTORE' } },
		output: (items) => {
			expect(items).toHaveLength(4);
			expect(items).toContainEqual({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' });
			expect(items.filter((s) => s.type === 'OPTIN')).toHaveLength(3);
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getDetailsByIdentifier',
		parameters: { ...byTom },
		request: { method: 'GET', path: '/v2/customers/lookup/loyaltyDetails', query: tomQuery },
		output: (items) => expect(items).toEqual([expect.objectContaining({ programId: 1, loyaltyPoints: 620, lifetimePoints: 620, currentSlab: 'Bronze', nextSlab: 'Silver' })]),
	},
	{
		resource: 'customerRequest',
		operation: 'getRetroRequestsByIdentifier',
		setup: (sim) => {
			addRetroRequest(sim, 11, 'APPROVED', 5);
			addRetroRequest(sim, 12, 'PENDING', 3);
			addRetroRequest(sim, 13, 'REJECTED', 1);
			sim.state.requests.set(14, { id: 14, type: 'CHANGE_IDENTIFIER', baseType: 'MOBILE', status: 'PENDING', customerId: tom(sim).id, createdOn: nowIso(), updatedOn: nowIso() });
		},
		parameters: { ...byTom, limit: 2, options: { sortOrder: 'DESC' } },
		request: { method: 'GET', path: '/v2/customers/lookup/retroRequest', query: { ...tomQuery, sortOrder: 'DESC', limit: '2', offset: '0' } },
		output: (items) => {
			expect(items.map((r) => r.id)).toEqual([13, 12]);
			expect(items[0]).toMatchObject({ baseType: 'RETRO', status: 'REJECTED', transactionId: 5013 });
		},
	},
	{
		resource: 'customerRequest',
		operation: 'getRetroRequestsByIdentifier',
		title: 'return all, several pages',
		setup: (sim) => {
			for (let i = 1; i <= 105; i++) addRetroRequest(sim, 100 + i, 'APPROVED', 1);
		},
		parameters: { ...byTom, returnAll: true },
		request: [
			{ method: 'GET', path: '/v2/customers/lookup/retroRequest', query: { limit: '100', offset: '0' } },
			{ method: 'GET', path: '/v2/customers/lookup/retroRequest', query: { limit: '100', offset: '100' } },
		],
		output: (items) => {
			expect(items).toHaveLength(105);
			expect(new Set(items.map((r) => r.id)).size).toBe(105);
		},
	},
	{
		resource: 'customer',
		operation: 'setImageByIdentifier',
		title: 'image given as Base64 from the item',
		setup: () => [{ photo: `data:image/png;base64,${PNG.toString('base64')}` }],
		parameters: { ...byTom, imageSource: 'base64', imageBase64: '={{ $json.photo }}', imageFileName: 'tom.png', imageMimeType: 'image/png' },
		request: { method: 'POST', path: '/v2/customers/lookup/setImage', query: tomQuery },
		output: (items, sim, requests) => {
			expect(requests[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(String(requests[0].body)).toContain('Content-Disposition: form-data; name="file"; filename="tom.png"\r\nContent-Type: image/png');
			expect(items).toEqual([expect.objectContaining({ code: 200, message: 'Successfully uploaded file', file: expect.objectContaining({ namespace: 'customerImage', version: 1 }) })]);
			expect(tom(sim).image).toBe((items[0].file as { fileHandle: string }).fileHandle);
			expect(tom(sim).extra.images).toEqual([expect.objectContaining({ fileName: 'tom.png', mimeType: 'image/png', size: PNG.length, version: 1 })]);
		},
	},
	{
		resource: 'referral',
		operation: 'getReferralsByIdentifier',
		setup: (sim) => {
			tom(sim).referrals.push(
				{ campaignToken: 'CWRME', type: 'EMAIL', name: 'Joe', identifier: 'joe.harper@example.com', invitedOn: nowIso(), till: 'store.server' },
				{ campaignToken: 'CWRME', type: 'MOBILE', name: 'Amy', identifier: '919700000002', invitedOn: nowIso(), till: 'store.server' },
			);
		},
		parameters: { ...byTom },
		request: { method: 'GET', path: '/v2/customers/lookup/referrals', query: { ...tomQuery, limit: '50', offset: '0' } },
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({
					customer: expect.objectContaining({ id: tom(sim).id }),
					referralCode: expect.any(String),
					invitees: [expect.objectContaining({ identifier: 'joe.harper@example.com' }), expect.objectContaining({ type: 'MOBILE', identifier: '919700000002' })],
				}),
			]);
		},
	},
	{
		resource: 'customerActivity',
		operation: 'getRecommendations',
		setup: (sim) => {
			tom(sim).profiles[0].identifiers.push({ type: 'cardnumber', value: 'CARD-TOM-1' });
			sim.state.collection('customerLookup.recommendations').set('1', { customerId: tom(sim).id, sku: 'SKU-9', score: 0.92 });
		},
		parameters: { identifierName: 'cardnumber', identifierValue: 'CARD-TOM-1', source: 'INSTORE' },
		request: { method: 'GET', path: '/v2/customers/lookup/recommendations', query: { identifierName: 'cardnumber', identifierValue: 'CARD-TOM-1' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ customer: expect.objectContaining({ id: tom(sim).id, type: 'LOYALTY' }), count: 1, recommendations: [expect.objectContaining({ sku: 'SKU-9' })] })]);
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsBalanceByIdentifier',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 25),
		parameters: { ...byTom, options: { programId: 1, entityType: 'CUSTOMER', fetchDataForAllPrograms: true } },
		request: { method: 'GET', path: '/v2/customers/lookup/points/balance', query: { ...tomQuery, programId: '1', entityType: 'CUSTOMER', fetchDataForAllPrograms: 'true' } },
		output: (items, sim) => expect(items).toEqual([expect.objectContaining({ entityId: tom(sim).id, mainPoints: 620, promisedPoints: 25, totalPoints: 645 })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getTierByIdentifier',
		setup: (sim) => void sim.state.credit(tom(sim), 500, 'Goodwill'),
		parameters: { ...byTom },
		request: { method: 'GET', path: '/v2/customers/lookup/tierDetails', query: tomQuery },
		output: (items) => expect(items).toEqual([expect.objectContaining({ entityType: 'CUSTOMER', programTiers: [expect.objectContaining({ currentTierName: 'Silver', currentTierSerialNumber: 2, nextTierName: 'Gold' })] })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPromisedPointsScheduleByIdentifier',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 40),
		parameters: { ...byTom, options: { startDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) } },
		request: { method: 'GET', path: '/v2/customers/lookup/promisedPointsSchedule', query: tomQuery },
		output: (items) => expect(items).toEqual([expect.objectContaining({ promisedPointsScheduleList: [expect.objectContaining({ points: 40, programId: 1 })], triggerBasedPointsList: [] })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPromotionsByIdentifier',
		parameters: { ...byTom, returnAll: true, options: { promotionType: 'GENERIC', promotionStatusForCustomer: 'AVAILABLE_TO_REDEEM' } },
		request: { method: 'GET', path: '/v2/customers/lookup/promotionData', query: { ...tomQuery, promotionType: 'GENERIC', promotionStatusForCustomer: 'AVAILABLE_TO_REDEEM', limit: '100', offset: '0' } },
		output: (items) => {
			expect(items).toEqual([{ promotionId: 1119508, promotionName: 'Double points weekend', programId: 1, pointsOfferType: 'GENERIC', eventName: 'TransactionAdd', active: true, startDate: expect.any(String), endDate: expect.any(String), description: expect.any(String), identifier: expect.any(String) }]);
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPromotionsByIdentifier',
		title: 'limit over two pages, raw response',
		setup: (sim) => {
			const store = sim.state.collection('customerLookup.promotions');
			for (let i = 0; i < 150; i++) store.set(String(500 + i), { promotionId: 500 + i, promotionName: `Promo ${i}`, pointsOfferType: 'LOYALTY', eventName: 'TransactionAdd', startDate: '2024-01-01T00:00:00.000Z', endDate: '2099-12-31T23:59:59.000Z', sourceType: 'API', programId: 1, enrolledCustomers: [] });
		},
		parameters: { ...byTom, limit: 120, simplify: false },
		request: [
			{ method: 'GET', path: '/v2/customers/lookup/promotionData', query: { limit: '100', offset: '0' } },
			{ method: 'GET', path: '/v2/customers/lookup/promotionData', query: { limit: '20', offset: '100' } },
		],
		output: (items) => {
			expect(items).toHaveLength(120);
			expect(items[119]).toMatchObject({ promotionId: 619, limits: expect.any(Object), promotionRestriction: expect.any(Object) });
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerLoyalty',
		operation: 'getPointsBalanceByIdentifier',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { identifierName: 'mobile', identifierValue: '910000000000', source: 'INSTORE' },
		message: /Capillary error 8015/,
		description: /identifier type and value/,
		httpCode: '404',
	},
	{
		resource: 'customer',
		operation: 'getByIdentifier',
		title: 'WeChat without account ID (8045)',
		parameters: { identifierName: 'wechat', identifierValue: 'wc_42', source: 'WECHAT' },
		message: /8045/,
		description: /Account ID/,
	},
	{
		resource: 'customer',
		operation: 'updateStatus',
		title: 'customer exists only in another source (8065)',
		parameters: { identifierName: 'mobile', identifierValue: '8613800000000', source: 'INSTORE', label: 'Active', reason: 'x' },
		message: /8065/,
	},
];

export default { cases, errors } satisfies CaseFile;
