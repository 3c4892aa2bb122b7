import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { cartPromotions, loyaltyPromotions } from '../../simulator/resources/promotion';
import type { Simulator } from '../../simulator/server';

/** Promotions: cart/catalog (docs: _cartPromotions.md) and loyalty program promotions (docs: _promotions.md). */

const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const CONDITION = { type: 'CART', cartCondition: { kpi: 'SUBTOTAL', operator: 'GREATER_THAN_OR_EQUAL', value: '1500.000000' } };
const ACTION = { type: 'CART_BASED', cartBasedAction: { type: 'PERCENTAGE', value: '10.000000' } };
const PROMO_ID = '60f13a5e4c5cb92ab2d9e7d7';

function seedCart(sim: Simulator): void {
	cartPromotions(sim).set(PROMO_ID, { id: PROMO_ID, name: 'POSdebug', type: 'POS', active: true, startDate: 1624256511786, endDate: 1627669800000, condition: CONDITION, action: ACTION });
}

const RULES = {
	allocatePointsOn: 'BILL',
	allocationActions: [{ A1: { allocation: { type: 'FIXED', value: 1.25 }, expiry: { type: 'DAYS', value: 2 }, rounding: 'ROUND' } }],
	qualifyingConditions: [{ C1: { kpi: 'value', params: null, matchValue: '100', entity: 'BILL', operator: 'GREATER_THAN' } }],
	conditionExpression: 'C1',
	allocationRule: [{ allocation_ref: 'A1' }],
	limits: { pointsPerCustomer: -1, numberOfTimesPerCustomer: -1, totalPointsInPromotion: -1 },
};

export const cases: OperationCase[] = [
	{
		resource: 'promotion',
		operation: 'createCartPromotion',
		parameters: {
			bodyInput: 'fields',
			name: 'POSdebug',
			promotionType: 'POS',
			startDate: '2021-06-21T06:21:51.786Z',
			endDate: '1627669800000',
			conditionJson: JSON.stringify(CONDITION),
			actionJson: JSON.stringify(ACTION),
			additionalFields: { active: true, priority: 0, messageLabel: 'test!', campaignId: 1036475 },
		},
		request: {
			method: 'POST',
			path: '/v1/promotion-management/promotions',
			body: { name: 'POSdebug', type: 'POS', startDate: 1624256511786, endDate: 1627669800000, condition: CONDITION, action: ACTION, active: true, priority: 0, messageLabel: 'test!', campaignId: 1036475 },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'POSdebug', active: true, condition: CONDITION })]);
			expect(cartPromotions(sim).get(String(items[0].id))).toMatchObject({ messageLabel: 'test!' });
		},
	},
	{
		resource: 'promotion',
		operation: 'updateCartPromotion',
		setup: seedCart,
		parameters: {
			promotionId: PROMO_ID,
			bodyInput: 'json',
			bodyJson: JSON.stringify({ name: 'Buy3spriteget2sprite', type: 'POS', active: false, startDate: 1621860079566, endDate: 1627669800000, condition: CONDITION, action: ACTION }),
		},
		request: { method: 'PUT', path: `/v1/promotion-management/promotions/${PROMO_ID}`, body: { name: 'Buy3spriteget2sprite', active: false } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: PROMO_ID, name: 'Buy3spriteget2sprite', active: false })]);
			expect(cartPromotions(sim).get(PROMO_ID)).toMatchObject({ startDate: 1621860079566 });
		},
	},
	{
		resource: 'promotion',
		operation: 'getSettings',
		parameters: {},
		request: { method: 'GET', path: '/v1/promotion-management/promotions/settings/strategy' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ promotionRankingStrategy: 'EXPIRY_BASED', rewardStrategy: 'NO_STRATEGY' })]),
	},
	{
		resource: 'promotion',
		operation: 'setSettings',
		parameters: { promotionRankingStrategy: 'MAX_DISCOUNT', rewardStrategy: 'PROMOTION_FIRST', conditionBasedRankingStrategy: 'CART_BASED_FIRST', singlePromotionPerLineitem: true, isActive: true },
		request: {
			method: 'POST',
			path: '/v1/promotion-management/promotions/settings/strategy',
			body: { promotionRankingStrategy: 'MAX_DISCOUNT', rewardStrategy: 'PROMOTION_FIRST', conditionBasedRankingStrategy: 'CART_BASED_FIRST', singlePromotionPerLineitem: true, isActive: true },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ promotionRankingStrategy: 'MAX_DISCOUNT', rewardStrategy: 'PROMOTION_FIRST' })]);
			expect(sim.state.collection('promotionSettings').get('org')).toMatchObject({ conditionBasedRankingStrategy: 'CART_BASED_FIRST' });
		},
	},
	{
		resource: 'promotion',
		operation: 'createLoyaltyPromotion',
		parameters: {
			programId: byList('1'),
			bodyInput: 'fields',
			name: 'promo demo postman',
			identifier: 'new_test_promotion_for_119',
			eventName: 'TRANSACTIONADD',
			startDate: '2021-06-15T12:00:00+01:00',
			endDate: '2022-01-01T12:00:00+01:00',
			rulesJson: JSON.stringify(RULES),
		},
		request: {
			method: 'POST',
			path: '/api_gateway/loyalty/v1/programs/1/promotions/add/simple',
			body: { programId: 1, name: 'promo demo postman', identifier: 'new_test_promotion_for_119', eventName: 'TRANSACTIONADD', startDate: '2021-06-15T12:00:00+01:00', endDate: '2022-01-01T12:00:00+01:00', ...RULES },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: 12525, programId: 1, identifier: 'new_test_promotion_for_119', conditionExpression: 'C1', active: true })]);
			expect(loyaltyPromotions(sim).has('12525')).toBe(true);
		},
	},
	{
		resource: 'promotion',
		operation: 'getLoyaltyPromotion',
		setup: (sim) => {
			loyaltyPromotions(sim).set('12525', { id: 12525, name: 'promo demo postman', programId: 1, identifier: 'p1', eventName: 'TRANSACTIONADD', active: true });
		},
		parameters: { programId: byId('1'), promotionId: '12525' },
		request: { method: 'GET', path: '/api_gateway/loyalty/v1/programs/1/promotions/12525' },
		output: (items) => expect(items).toEqual([{ id: 12525, name: 'promo demo postman', programId: 1, identifier: 'p1', eventName: 'TRANSACTIONADD', active: true }]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'promotion',
		operation: 'getLoyaltyPromotion',
		title: 'unknown promotion (gateway status 404 with validationErrors)',
		parameters: { programId: byId('1'), promotionId: '1' },
		message: /404.*Promotion not found.*No promotion 1 in program 1/,
	},
	{
		resource: 'promotion',
		operation: 'createCartPromotion',
		title: 'end before start (HTTP 400)',
		parameters: { bodyInput: 'fields', name: 'x', promotionType: 'POS', startDate: '1627669800000', endDate: '1624256511786' },
		message: /endDate must be after startDate/,
	},
];

export default { cases, errors } satisfies CaseFile;
