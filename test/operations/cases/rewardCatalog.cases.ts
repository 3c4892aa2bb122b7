import type { JsonObject } from '../../simulator/http';
import { addReward, promotions, rewards, userRewards } from '../../simulator/resources/rewardCatalog';
import type { Simulator } from '../../simulator/server';
import type { CaseFile, ErrorCase, OperationCase } from '../case';

const BASE = '/api_gateway/rewards/core/v1';
const TOM_MOBILE = '919111111111';
const TOM = 1001;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function tom(sim: Simulator) {
	return sim.state.customers.get(TOM)!;
}

function addPromotion(sim: Simulator, id: number, rewardIds: number[], discountValue = 20): JsonObject {
	const promotion: JsonObject = {
		id,
		name: 'Spring sale',
		orgId: 50672,
		brandId: 61,
		isEnabled: true,
		startDateTime: iso(Date.now() - DAY),
		endDateTime: iso(Date.now() + 30 * DAY),
		discountType: 'PERCENTAGE',
		discountValue,
		languageSpecificInfo: [{ languageCode: 'en', name: 'Spring sale', enabled: true }],
		customFields: {},
		rewardIds,
	};
	promotions(sim.state).set(String(id), promotion);
	return promotion;
}

function addIssue(sim: Simulator, transactionId: number, rewardId: number, code: string, issuedAt = Date.now()) {
	userRewards(sim.state).set(String(transactionId), {
		transactionId,
		rewardId,
		customerId: TOM,
		brandId: 61,
		quantity: 1,
		pointsRedeemed: 100,
		codes: [code],
		transactionNumber: `T-${transactionId}`,
		notes: null,
		issuedAt,
	});
}

function addSeries(sim: Simulator, id: number) {
	sim.state.couponSeries.set(id, {
		id,
		description: 'Flat 100 off',
		discountType: 'ABS',
		discountValue: 100,
		validTillDate: '2030-12-31',
		maxCreate: -1,
		maxRedeem: 1,
		numIssued: 0,
		numRedeemed: 0,
		createdOn: '2025-01-01',
	});
}

export const cases: OperationCase[] = [
	{
		resource: 'reward',
		operation: 'create',
		setup: (sim) => {
			const id = sim.state.nextEntityId++;
			sim.state.collection('rewardCustomFields').set(String(id), { id, name: 'CF1', scope: 'REWARD', dataType: 'STRING' });
		},
		parameters: {
			brandId: 61,
			name: 'Gold 25',
			startTime: '2025-01-01T00:00:00Z',
			endTime: '2030-12-31T00:00:00Z',
			rewardType: 'VOUCHER',
			redemptionType: 'INTOUCH_REWARD',
			intouchPoints: 250,
			additionalFields: { localDescription: '25 off your next visit', enabled: true, categories: '229, 486', customFields: { field: [{ name: 'CF1', value: 'gold' }] } },
			rewardSettingsJson: '{"paymentConfigs": [{"paymentMode": "POINTS", "points": 250}]}',
		},
		request: {
			method: 'POST',
			path: `${BASE}/reward/create`,
			body: {
				brandId: 61,
				type: 'VOUCHER',
				redemptionType: 'INTOUCH_REWARD',
				intouchPoints: 250,
				startTime: '2025-01-01T00:00:00Z',
				endTime: '2030-12-31T00:00:00Z',
				enabled: true,
				categories: [229, 486],
				customFields: { CF1: 'gold' },
				languageSpecificInfo: [{ languageCode: 'en', name: 'Gold 25', description: '25 off your next visit', enabled: true }],
				paymentConfigs: [{ paymentMode: 'POINTS', points: 250 }],
			},
		},
		output: (items, sim, requests) => {
			expect(requests[0].headers['x-cap-api-auth-org-id']).toBe('50672');
			expect(items).toEqual([{ id: expect.any(Number) }]);
			expect(rewards(sim.state).get(String(items[0].id))).toMatchObject({ brandId: 61, intouchPoints: 250 });
		},
	},
	{
		resource: 'reward',
		operation: 'update',
		auth: 'oauth',
		setup: (sim) => void addReward(sim.state, { id: 355104, name: 'Old name', intouchPoints: 500 }),
		parameters: { rewardId: '355104', brandId: 61, additionalFields: { name: 'New name', intouchPoints: 300 } },
		request: { method: 'PUT', path: `${BASE}/reward/355104/brand/61`, body: { intouchPoints: 300, languageSpecificInfo: [{ name: 'New name', languageCode: 'en', enabled: true }] } },
		output: (items, sim) => {
			expect(items).toEqual([{ id: 355104 }]);
			expect(rewards(sim.state).get('355104')).toMatchObject({ intouchPoints: 300, languageSpecificInfo: [expect.objectContaining({ name: 'New name' })] });
		},
	},
	{
		resource: 'reward',
		operation: 'getBrandRewards',
		setup: (sim) => {
			addReward(sim.state, { id: 1, name: 'Coffee' });
			addReward(sim.state, { id: 2, name: 'Cake', intouchPoints: 300 });
			addReward(sim.state, { id: 3, name: 'Other brand', brandId: 7 });
			addReward(sim.state, { id: 4, name: 'Ended', startTime: iso(Date.now() - 10 * DAY), endTime: iso(Date.now() - DAY) });
		},
		parameters: { brandId: 61, options: { language: 'en' } },
		request: { method: 'GET', path: `${BASE}/reward/brand/61`, query: { language: 'en' } },
		output: (items) => expect(items.map((i) => [i.id, i.name, i.status])).toEqual([
			[1, 'Coffee', 'LIVE'],
			[2, 'Cake', 'LIVE'],
		]),
	},
	{
		resource: 'reward',
		operation: 'createCustomField',
		parameters: { name: 'Membership', description: 'Level of the member', scope: 'ISSUE_REWARD', dataType: 'ENUM', additionalFields: { enumValues: 'GOLD, SILVER', defaultValue: 'GOLD', isMandatory: true } },
		request: { method: 'POST', path: `${BASE}/brand/customfield`, body: { name: 'Membership', scope: 'ISSUE_REWARD', dataType: 'ENUM', enumValues: ['GOLD', 'SILVER'], defaultValue: 'GOLD', isMandatory: true } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: expect.any(Number), name: 'Membership', enumValues: ['GOLD', 'SILVER'] })]);
			expect([...sim.state.collection('rewardCustomFields').values()].map((f) => f.name)).toEqual(['Membership']);
		},
	},
	{
		resource: 'reward',
		operation: 'getCustomFields',
		setup: (sim) => {
			const fields = sim.state.collection('rewardCustomFields');
			fields.set('1', { id: 1, name: 'Address', scope: 'ISSUE_REWARD', lastUpdatedOn: 10 });
			fields.set('2', { id: 2, name: 'Colour', scope: 'REWARD', lastUpdatedOn: 20 });
			fields.set('3', { id: 3, name: 'Points Issued', scope: 'ISSUE_REWARD', lastUpdatedOn: 30 });
		},
		parameters: { options: { scope: 'ISSUE_REWARD', sortBy: 'lastUpdatedOn', orderBy: 'DESC' } },
		request: { method: 'GET', path: `${BASE}/brand/customfield`, query: { scope: 'ISSUE_REWARD', sortBy: 'lastUpdatedOn', orderBy: 'DESC' } },
		output: (items) => expect(items.map((i) => i.name)).toEqual(['Points Issued', 'Address']),
	},
	{
		resource: 'reward',
		operation: 'getUserReward',
		setup: (sim) => {
			addReward(sim.state, { id: 488, name: 'Merchandise', intouchPoints: 100 });
			addPromotion(sim, 9001, [488], 20);
		},
		parameters: { rewardId: '488', brandName: 'DOCDEMO', userId: String(TOM), options: { language: 'en' } },
		request: { method: 'GET', path: `${BASE}/user/reward/488/brand/DOCDEMO`, query: { userId: String(TOM), language: 'en' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 488, name: 'Merchandise', intouchPoints: 80, appliedPromotions: [expect.objectContaining({ id: 9001 })] })]),
	},
	{
		resource: 'reward',
		operation: 'getAvailableRewards',
		auth: 'oauth',
		setup: (sim) => {
			addReward(sim.state, { id: 10, name: 'Voucher A' });
			addReward(sim.state, { id: 11, name: 'Points B', type: 'POINTS' });
			addReward(sim.state, { id: 12, name: 'Disabled', enabled: false });
		},
		parameters: { brandName: 'DOCDEMO', userId: String(TOM), options: { type: 'VOUCHER' } },
		request: { method: 'GET', path: `${BASE}/user/reward/brand/DOCDEMO`, query: { userId: String(TOM), type: 'VOUCHER' } },
		output: (items) => expect(items.map((i) => i.name)).toEqual(['Voucher A']),
	},
	{
		resource: 'reward',
		operation: 'getUserVouchers',
		setup: (sim) => {
			addReward(sim.state, { id: 488, name: 'Merchandise' });
			addIssue(sim, 70001, 488, 'SFRR17UX');
			addIssue(sim, 70002, 488, '9ACNFU3H');
		},
		parameters: { brandName: 'DOCDEMO', customerIdentifierType: 'mobile', customerIdentifierValue: TOM_MOBILE, username: 'store.server', options: { sortBy: 'PURCHASE_DATE' } },
		request: { method: 'GET', path: `${BASE}/user/vouchers/brand/DOCDEMO`, query: { mobile: TOM_MOBILE, username: 'store.server', sortBy: 'PURCHASE_DATE', page: '0', size: '100' } },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ rewardDetails: { rewardId: 488, name: 'Merchandise' } });
			expect((items[0].vouchers as JsonObject[]).map((v) => v.code)).toEqual(['SFRR17UX', '9ACNFU3H']);
		},
	},
	{
		resource: 'reward',
		operation: 'getUserRewardVouchers',
		setup: (sim) => {
			addReward(sim.state, { id: 488, name: 'Merchandise' });
			addReward(sim.state, { id: 489, name: 'Other' });
			addIssue(sim, 70001, 488, 'SFRR17UX');
			addIssue(sim, 70002, 489, 'ZZZZ');
		},
		parameters: { rewardId: '488', brandName: 'DOCDEMO', customerIdentifierType: 'email', customerIdentifierValue: 'tom.sawyer@example.com', username: 'store.server' },
		request: { method: 'GET', path: `${BASE}/user/reward/488/vouchers/brand/DOCDEMO`, query: { email: 'tom.sawyer@example.com', username: 'store.server' } },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ reward: { id: 488 }, vouchers: [expect.objectContaining({ code: 'SFRR17UX' })] });
		},
	},
	{
		resource: 'reward',
		operation: 'getUserRewards',
		setup: (sim) => {
			addReward(sim.state, { id: 488, name: 'Merchandise' });
			addIssue(sim, 70001, 488, 'A1', Date.now() - 3 * DAY);
			addIssue(sim, 70002, 488, 'B2', Date.now() - 2 * DAY);
			addIssue(sim, 70003, 488, 'C3', Date.now() - DAY);
		},
		parameters: { brandName: 'DOCDEMO', customerIdentifierType: 'externalId', customerIdentifierValue: 'TS-001', options: { orderBy: 'desc', sortBy: 'createdOn' }, returnAll: false, limit: 2 },
		request: { method: 'GET', path: `${BASE}/user/userReward/brand/DOCDEMO`, query: { externalId: 'TS-001', page: '0', size: '100', orderBy: 'desc', sortBy: 'createdOn' } },
		output: (items) => expect(items.map((i) => i.code)).toEqual(['C3', 'B2']),
	},
	{
		resource: 'reward',
		operation: 'issue',
		setup: (sim) => {
			addSeries(sim, 301233);
			addReward(sim.state, { id: 367568, name: 'Flat 100 off', intouchPoints: 100, intouchSeriesId: '301233' });
		},
		parameters: {
			rewardId: '367568',
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM_MOBILE,
			brand: 'DOCDEMO',
			transactionNumber: 'TXN-1',
			username: 'store.server',
			additionalFields: { notes: 'birthday gift' },
			options: { skipValidation: true },
		},
		request: {
			method: 'POST',
			path: `${BASE}/user/reward/367568/issue`,
			query: { username: 'store.server', skip_validation: 'true' },
			body: { mobile: TOM_MOBILE, brand: 'DOCDEMO', transactionNumber: 'TXN-1', notes: 'birthday gift' },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ transactionId: expect.any(Number), intouch: expect.objectContaining({ pointsRedeemed: '100', couponCode: expect.any(String) }) })]);
			expect(tom(sim).points).toBe(620 - 100);
			const code = String((items[0].intouch as JsonObject).couponCode);
			expect(sim.state.coupons.get(code)).toMatchObject({ customerId: TOM, seriesId: 301233 });
		},
	},
	{
		resource: 'reward',
		operation: 'issueBulk',
		title: 'partial failure: one item per reward',
		setup: (sim) => {
			addReward(sim.state, { id: 488, name: 'Coffee', intouchPoints: 100 });
			addReward(sim.state, { id: 489, name: 'Retired', enabled: false });
		},
		parameters: {
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM_MOBILE,
			brand: 'DOCDEMO',
			username: 'store.server',
			rewards: { reward: [{ rewardId: 488, quantity: 2 }, { rewardId: 489, quantity: 1 }] },
			additionalFields: { transactionNumber: 'BULK-1', notes: 'xyz' },
		},
		request: {
			method: 'POST',
			path: `${BASE}/user/rewards/issue`,
			query: { username: 'store.server' },
			body: { mobile: TOM_MOBILE, brand: 'DOCDEMO', transactionNumber: 'BULK-1', rewards: [{ rewardId: 488, quantity: 2 }, { rewardId: 489, quantity: 1 }] },
		},
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ rewardId: 488, quantity: 2, success: true }),
				expect.objectContaining({ rewardId: 489, success: false, errorCode: '8003', errorMessage: expect.stringMatching(/disabled/) }),
			]);
			expect(tom(sim).points).toBe(620 - 200);
		},
	},
	{
		resource: 'reward',
		operation: 'issueBulk',
		title: 'rewards as JSON',
		auth: 'oauth',
		setup: (sim) => void addReward(sim.state, { id: 488, name: 'Coffee', intouchPoints: 10 }),
		parameters: {
			customerIdentifierType: 'email',
			customerIdentifierValue: 'rita.james@example.com',
			brand: 'DOCDEMO',
			username: 'store.server',
			rewardsInput: 'json',
			rewardsJson: '[{"rewardId": 488, "quantity": 3}]',
		},
		request: { method: 'POST', path: `${BASE}/user/rewards/issue`, body: { email: 'rita.james@example.com', rewards: [{ rewardId: 488, quantity: 3 }] } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ rewardId: 488, quantity: 3, success: true })]);
			expect(sim.state.customers.get(1002)!.points).toBe(150 - 30);
		},
	},
	{
		resource: 'rewardPromotion',
		operation: 'create',
		setup: (sim) => void addReward(sim.state, { id: 496584, name: 'Sneakers', intouchPoints: 1000 }),
		parameters: {
			brandId: 61,
			name: 'Sneaker week',
			startTime: '2025-12-04T10:08:00Z',
			endTime: '2035-12-14T06:10:00Z',
			discountType: 'PERCENTAGE',
			discountValue: 20,
			rewardIds: '496584',
			additionalFields: { localDescription: 'Twenty percent off' },
		},
		request: {
			method: 'POST',
			path: `${BASE}/promotion/create`,
			body: {
				brandId: '61',
				startTime: '2025-12-04T10:08:00Z',
				endTime: '2035-12-14T06:10:00Z',
				discountType: 'PERCENTAGE',
				discountValue: 20,
				rewardIds: [496584],
				languageSpecificInfo: [{ languageCode: 'en', name: 'Sneaker week', description: 'Twenty percent off', enabled: true }],
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([{ id: expect.any(Number) }]);
			expect(promotions(sim.state).get(String(items[0].id))).toMatchObject({ name: 'Sneaker week', isEnabled: true, rewardIds: [496584] });
		},
	},
	{
		resource: 'rewardPromotion',
		operation: 'update',
		setup: (sim) => {
			addReward(sim.state, { id: 496584, name: 'Sneakers' });
			addPromotion(sim, 14862, [496584], 20);
		},
		parameters: { promotionId: '14862', brandId: 61, additionalFields: { discountValue: 30, discountType: 'PERCENTAGE' } },
		request: { method: 'PUT', path: `${BASE}/promotion/14862/brand/61`, body: { discountValue: 30, discountType: 'PERCENTAGE' } },
		output: (items, sim) => {
			expect(items).toEqual([{ id: 14862 }]);
			expect(promotions(sim.state).get('14862')).toMatchObject({ discountValue: 30, rewardIds: [496584] });
		},
	},
	{
		resource: 'rewardPromotion',
		operation: 'get',
		auth: 'oauth',
		setup: (sim) => {
			addReward(sim.state, { id: 308795, name: 'Mug', intouchPoints: 100 });
			addPromotion(sim, 8800, [308795], 25);
		},
		parameters: { promotionId: '8800', brandId: 61 },
		request: { method: 'GET', path: `${BASE}/promotion/8800/brand/61` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 8800, isEnabled: true, rewards: [expect.objectContaining({ rewardId: 308795, intouchPointsPostDiscount: 75 })] })]),
	},
	{
		resource: 'rewardPromotion',
		operation: 'getMany',
		setup: (sim) => {
			addReward(sim.state, { id: 1, name: 'A' });
			addReward(sim.state, { id: 2, name: 'B' });
			addPromotion(sim, 8800, [1]);
			addPromotion(sim, 8801, [2]);
		},
		parameters: { brandId: 61 },
		request: { method: 'GET', path: `${BASE}/promotion/brand/61` },
		output: (items) => expect(items.map((i) => i.id)).toEqual([8800, 8801]),
	},
	{
		resource: 'rewardPromotion',
		operation: 'disable',
		setup: (sim) => {
			addReward(sim.state, { id: 1, name: 'A' });
			addPromotion(sim, 8800, [1]);
		},
		parameters: { promotionId: '8800', brandId: 61 },
		request: { method: 'PUT', path: `${BASE}/promotion/8800/status/false/brand/61` },
		output: (items, sim) => {
			expect(items).toEqual([{ status: { success: true, code: 11013, message: 'Catalog promotion is disabled.' } }]);
			expect(promotions(sim.state).get('8800')!.isEnabled).toBe(false);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'reward',
		operation: 'getUserReward',
		title: 'unknown reward (HTTP 400, status.code 6004)',
		parameters: { rewardId: '404404', brandName: 'DOCDEMO', userId: String(TOM) },
		message: /Capillary error 6004: Reward not found or disabled/,
		httpCode: '400',
	},
	{
		resource: 'reward',
		operation: 'create',
		title: 'unknown custom field (6003)',
		parameters: { brandId: 61, name: 'X', startTime: '2025-01-01T00:00:00Z', endTime: '2030-01-01T00:00:00Z', additionalFields: { customFields: { field: [{ name: 'NOPE', value: '1' }] } } },
		message: /Capillary error 6003: .*custom field\/s: NOPE/,
	},
	{
		resource: 'reward',
		operation: 'issueBulk',
		title: 'every reward fails: the request fails with the reward code',
		setup: (sim) => void addReward(sim.state, { id: 489, name: 'Retired', enabled: false }),
		parameters: { customerIdentifierValue: TOM_MOBILE, brand: 'DOCDEMO', username: 'store.server', rewards: { reward: [{ rewardId: 489, quantity: 1 }] } },
		message: /Capillary error 8003: fail to issue reward as Reward is disabled/,
	},
	{
		resource: 'rewardPromotion',
		operation: 'get',
		title: 'unknown promotion (11007)',
		parameters: { promotionId: '1', brandId: 61 },
		message: /Capillary error 11007: Catalog promotion not found/,
	},
];

export default { cases, errors } satisfies CaseFile;
