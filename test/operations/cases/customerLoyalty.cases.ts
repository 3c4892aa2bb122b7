import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { nowIso } from '../../simulator/http';
import { addGroup, byTomLookup, byTomV11, program, RITA, rita, TOM, tom, tomQuery } from './customer.fixtures';

/** Customer Loyalty: points, tier, schedules, events, transfers, redemptions, promotions, group trackers. */
export const cases: OperationCase[] = [
	{
		resource: 'customerLoyalty',
		operation: 'getPointsExpirySchedule',
		parameters: { customerId: '1001', options: { programId: program('1') }, returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/pointsExpirySchedule', query: { programId: '1' } },
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items.reduce((sum, s) => sum + Number(s.points), 0)).toBe(620);
			expect(items).toContainEqual(expect.objectContaining({ points: 120, pointsType: 'bill_regular', expiryType: 'fixed', programId: 1 }));
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsExpiryScheduleByIdentifier',
		auth: 'oauth',
		setup: (sim) => void sim.state.debit(rita(sim), 100, 'PointsRedemption', 'R-1'),
		parameters: { identifierName: 'mobile', identifierValue: RITA, source: 'INSTORE', options: { fetchDataForAllPrograms: true, fetchEarliestExpiryOnly: true }, limit: 10 },
		request: { method: 'GET', path: '/v2/customers/lookup/pointsExpirySchedule', query: { identifierName: 'mobile', identifierValue: RITA, source: 'INSTORE', fetchDataForAllPrograms: 'true', fetchEarliestExpiryOnly: 'true' } },
		output: (items) => {
			// 120 registration points and 30 bill points; 100 redeemed from the oldest credit first.
			expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ points: 20, pointsType: 'customer_promotions' }), expect.objectContaining({ points: 30, pointsType: 'bill_regular' })]));
			expect(items).toHaveLength(2);
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getEvents',
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/loyaltyEvents' },
		output: (items) => expect(items.map((e) => e.eventName)).toEqual(['CustomerRegistration', 'TransactionAdd']),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getDetails',
		setup: (sim) => void sim.state.debit(tom(sim), 40, 'PointsRedemption', 'R-2'),
		parameters: { customerId: '1001', options: { programId: program('1') } },
		request: { method: 'GET', path: '/v2/customers/1001/loyaltyDetails', query: { programId: '1' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ programId: 1, loyaltyPoints: 580, lifetimePoints: 620, redeemed: 40, currentSlab: 'Bronze', nextSlab: 'Silver', cumulativePurchases: 1200 })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsTransfers',
		setup: (sim) => {
			sim.state.transfers.push({ id: 9, fromType: 'CUSTOMER', fromId: 1001, toType: 'CUSTOMER', toId: 1002, points: 15, notes: 'gift', date: '2026-01-01 10:00:00' });
			sim.state.transfers.push({ id: 10, fromType: 'CUSTOMER', fromId: 1002, toType: 'CUSTOMER', toId: 1003, points: 5, notes: '', date: '2026-01-02 10:00:00' });
		},
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/pointsTransfers' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ transferId: 9, transferType: 'DEDUCTION', pointsTransferred: 15, transferredTo: expect.objectContaining({ userId: 1002, firstName: 'Rita' }) })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsBalance',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 25),
		parameters: { customerId: '1001', options: { entityType: 'CUSTOMER', programId: program('1'), source: 'INSTORE' } },
		request: { method: 'GET', path: '/v2/customers/1001/points/balance', query: { entityType: 'CUSTOMER', programId: '1', source: 'INSTORE' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ entityId: 1001, mainPoints: 620, promisedPoints: 25, totalPoints: 645, programId: 1 })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getTier',
		parameters: { customerId: '1001', options: { fetchDataForAllPrograms: true } },
		request: { method: 'GET', path: '/v2/customers/1001/tierDetails', query: { fetchDataForAllPrograms: 'true' } },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ entityId: 1001, entityType: 'CUSTOMER' });
			expect(items[0].programTiers).toEqual([
				expect.objectContaining({ programId: 1, currentTierName: 'Bronze', currentTierSerialNumber: 1, nextTierName: 'Silver' }),
				expect.objectContaining({ programId: 2 }),
			]);
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPromisedPointsSchedule',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 40),
		parameters: { customerId: '1001', options: { startDate: '2000-01-01', endDate: '2999-12-31' } },
		request: { method: 'GET', path: '/v2/customers/1001/promisedPointsSchedule', query: { startDate: '2000-01-01', endDate: '2999-12-31' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ entityId: 1001, promisedPointsScheduleList: [expect.objectContaining({ points: 40, programId: 1, redeemableFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })] })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getGroupTrackers',
		setup: addGroup,
		parameters: { trackerEntityType: 'USERGROUP2', trackerIdentifierType: 'id', trackerIdentifierValue: '77', options: { source: 'INSTORE' }, returnAll: true },
		request: { method: 'GET', path: '/v2/customers/userEntityTrackers', query: { type: 'USERGROUP2', identifierType: 'id', identifierValue: '77', source: 'INSTORE' } },
		output: (items) =>
			expect(items).toEqual([expect.objectContaining({ name: 'Total spend', type: 'SUM', value: 1500 }), expect.objectContaining({ name: 'Visits', type: 'COUNT', value: 2 })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getDetailsByIdentifier',
		parameters: { ...byTomLookup },
		request: { method: 'GET', path: '/v2/customers/lookup/loyaltyDetails', query: tomQuery },
		output: (items) => expect(items).toEqual([expect.objectContaining({ programId: 1, loyaltyPoints: 620, lifetimePoints: 620, currentSlab: 'Bronze', nextSlab: 'Silver' })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsBalanceByIdentifier',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 25),
		parameters: { ...byTomLookup, options: { programId: program('1'), entityType: 'CUSTOMER', fetchDataForAllPrograms: true } },
		request: { method: 'GET', path: '/v2/customers/lookup/points/balance', query: { ...tomQuery, programId: '1', entityType: 'CUSTOMER', fetchDataForAllPrograms: 'true' } },
		output: (items, sim) => expect(items).toEqual([expect.objectContaining({ entityId: tom(sim).id, mainPoints: 620, promisedPoints: 25, totalPoints: 645 })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getTierByIdentifier',
		setup: (sim) => void sim.state.credit(tom(sim), 500, 'Goodwill'),
		parameters: { ...byTomLookup },
		request: { method: 'GET', path: '/v2/customers/lookup/tierDetails', query: tomQuery },
		output: (items) => expect(items).toEqual([expect.objectContaining({ entityType: 'CUSTOMER', programTiers: [expect.objectContaining({ currentTierName: 'Silver', currentTierSerialNumber: 2, nextTierName: 'Gold' })] })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPromisedPointsScheduleByIdentifier',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 40),
		parameters: { ...byTomLookup, options: { startDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) } },
		request: { method: 'GET', path: '/v2/customers/lookup/promisedPointsSchedule', query: tomQuery },
		output: (items) => expect(items).toEqual([expect.objectContaining({ promisedPointsScheduleList: [expect.objectContaining({ points: 40, programId: 1 })], triggerBasedPointsList: [] })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPromotionsByIdentifier',
		parameters: { ...byTomLookup, returnAll: true, options: { promotionType: 'GENERIC', promotionStatusForCustomer: 'AVAILABLE_TO_REDEEM' } },
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
		parameters: { ...byTomLookup, limit: 120, simplify: false },
		request: [
			{ method: 'GET', path: '/v2/customers/lookup/promotionData', query: { limit: '100', offset: '0' } },
			{ method: 'GET', path: '/v2/customers/lookup/promotionData', query: { limit: '20', offset: '100' } },
		],
		output: (items) => {
			expect(items).toHaveLength(120);
			expect(items[119]).toMatchObject({ promotionId: 619, limits: expect.any(Object), promotionRestriction: expect.any(Object) });
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsRedemptions',
		setup: (sim) => {
			sim.state.redemptions.set('R1', { id: 'R1', customerId: tom(sim).id, points: 40, billNumber: 'BILL-1001', date: nowIso(new Date(Date.now() - 86_400_000)), reversedPoints: 10 });
			sim.state.redemptions.set('R2', { id: 'R2', customerId: tom(sim).id, points: 15, billNumber: 'BILL-1001', date: nowIso(), reversedPoints: 0 });
			sim.state.redemptions.set('R3', { id: 'R3', customerId: rita(sim).id, points: 5, billNumber: 'BILL-1002', date: nowIso(), reversedPoints: 0 });
		},
		parameters: { ...byTomV11, options: { fetchSize: 20, order: 'desc' } },
		request: { method: 'GET', path: '/v1.1/customer/redemptions', query: { mobile: TOM, type: 'POINTS', limit: '20', order: 'desc' } },
		output: (items) => {
			expect(items.map((r) => r.id)).toEqual(['R2', 'R1']);
			expect(items[1]).toMatchObject({ points_redeemed: 40, transaction_number: 'BILL-1001', reversals: [expect.objectContaining({ points_reversed: 10 })] });
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerLoyalty',
		operation: 'getPointsBalance',
		title: 'unknown program (1213)',
		parameters: { customerId: '1001', options: { programId: program('999') } },
		message: /1213.*programId/,
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsBalanceByIdentifier',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { identifierName: 'mobile', identifierValue: '910000000000', source: 'INSTORE' },
		message: /Capillary error 8015/,
		description: /identifier type and value/,
		httpCode: '404',
	},
];

export default { cases, errors } satisfies CaseFile;
