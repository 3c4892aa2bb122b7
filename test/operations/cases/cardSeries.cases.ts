import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { cardSeries, DEMO_CARD_SERIES } from '../../simulator/resources/card';
import { cardStatusLabels } from '../../simulator/resources/cardSeries';

/** Card series and status labels of the Card resource (docs: _cardLoyalty.md); cards themselves are in card.cases.ts. */

const series = (id: number | string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value: String(id) });

export const cases: OperationCase[] = [
	{
		resource: 'card',
		operation: 'createSeries',
		parameters: {
			code: 'PLAPHY3',
			name: 'Gold Card',
			type: 'PHYSICAL',
			expiryDays: 1000,
			additionalFields: { cardExpiryEnabled: true, cardGenerationEnabled: true, isActive: true, trigger: 'SERIES_ID', maxActiveCardsPerCustomer: 5, prefix: 'PLAT2', suffix: '2020', length: 16 },
		},
		request: {
			method: 'POST',
			path: '/v2/card/series',
			body: {
				code: 'PLAPHY3',
				name: 'Gold Card',
				type: 'PHYSICAL',
				expiryDays: 1000,
				cardExpiryEnabled: true,
				cardGenerationConfiguration: { prefix: 'PLAT2', suffix: '2020', length: 16, method: 'DEFAULT' },
				cardGenerationEnabled: true,
				isActive: true,
				trigger: 'SERIES_ID',
				maxActiveCardsPerCustomer: 5,
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([{ seriesId: expect.any(Number) }]);
			expect(cardSeries(sim.state).get(String(items[0].seriesId))).toMatchObject({ code: 'PLAPHY3', type: 'PHYSICAL', cardGenerationConfiguration: { prefix: 'PLAT2', method: 'DEFAULT' } });
		},
	},
	{
		resource: 'card',
		operation: 'updateSeries',
		parameters: { seriesId: series(DEMO_CARD_SERIES.gold), type: 'DIGITAL', additionalFields: { name: 'Gold Card 23', expiryDays: 500, maxActiveCardsPerCustomer: 3 } },
		request: { method: 'PUT', path: `/v2/card/series/${DEMO_CARD_SERIES.gold}`, body: { type: 'DIGITAL', name: 'Gold Card 23', expiryDays: 500, maxActiveCardsPerCustomer: 3 } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: DEMO_CARD_SERIES.gold, type: 'DIGITAL', isActive: true, cardGenerationEnabled: true, lastUpdateBy: expect.any(Number) })]);
			expect(cardSeries(sim.state).get(String(DEMO_CARD_SERIES.gold))).toMatchObject({ name: 'Gold Card 23', expiryDays: 500, maxActiveCardsPerCustomer: 3 });
		},
	},
	{
		resource: 'card',
		operation: 'deactivateSeries',
		parameters: { seriesId: series(DEMO_CARD_SERIES.fuel, 'id'), type: 'PHYSICAL' },
		request: { method: 'PUT', path: `/v2/card/series/${DEMO_CARD_SERIES.fuel}`, body: { type: 'PHYSICAL', isActive: false } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ id: DEMO_CARD_SERIES.fuel, isActive: false });
			expect(cardSeries(sim.state).get(String(DEMO_CARD_SERIES.fuel))!.isActive).toBe(false);
		},
	},
	{
		resource: 'card',
		operation: 'getSeries',
		parameters: { seriesId: series(DEMO_CARD_SERIES.gold) },
		request: { method: 'GET', path: `/v2/card/series/${DEMO_CARD_SERIES.gold}` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: DEMO_CARD_SERIES.gold, code: 'GOLDDIG', name: 'Gold Card', cardGenerationConfiguration: expect.objectContaining({ prefix: 'GOLD' }) })]),
	},
	{
		resource: 'card',
		operation: 'getManySeries',
		parameters: { returnAll: false, limit: 1 },
		request: { method: 'GET', path: '/v2/card/series/get/all' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: DEMO_CARD_SERIES.gold, code: 'GOLDDIG' })]),
	},
	{
		resource: 'card',
		operation: 'getStatusLabels',
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/genericStatus/card/labels' },
		output: (items) => {
			expect(items.map((i) => i.label)).toEqual(['NOT_ISSUED', 'ISSUED', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'DELETED']);
			expect(items[0]).toMatchObject({ status: 'NOT_ISSUED', type: 'CARD', entityStatusId: 1, default: true });
		},
	},
	{
		resource: 'card',
		operation: 'setStatusLabels',
		parameters: {
			bodyInput: 'fields',
			labels: { label: [{ status: 'SUSPENDED', label: 'CARD BLOCKED', isDefault: true }, { status: 'ACTIVE', label: 'NEW CARD', isDefault: false }] },
		},
		request: {
			method: 'POST',
			path: '/v2/genericStatus/card/labelMapping',
			body: { mapping: { SUSPENDED: [{ default: true, label: 'CARD BLOCKED' }], ACTIVE: [{ default: false, label: 'NEW CARD' }] } },
		},
		output: (items, sim) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ entityType: 'CARD', mapping: { SUSPENDED: [{ label: 'SUSPENDED', actions: {}, default: false }, { label: 'CARD BLOCKED', actions: {}, default: true }] } });
			expect(cardStatusLabels(sim.state).get('NEW CARD')).toMatchObject({ status: 'ACTIVE', default: false });
		},
	},
	{
		resource: 'card',
		operation: 'setStatusLabels',
		title: 'JSON body',
		parameters: { bodyInput: 'json', bodyJson: '{"mapping": {"EXPIRED": [{"label": "CARD EXPIRED", "default": false}]}}' },
		request: { method: 'POST', path: '/v2/genericStatus/card/labelMapping', body: { mapping: { EXPIRED: [{ label: 'CARD EXPIRED', default: false }] } } },
		output: (items) => expect((items[0].mapping as Record<string, unknown[]>).EXPIRED).toHaveLength(2),
	},
	{
		resource: 'card',
		operation: 'getMaxActiveCards',
		setup: (sim) => {
			sim.state.collection('orgConfigs').set('CONF_MAX_CARDS_PER_ORG', { id: 1290976, entityId: 1, keyName: 'CONF_MAX_CARDS_PER_ORG', value: '6', scope: 'ORG' });
		},
		parameters: {},
		request: { method: 'GET', path: '/v2/organization/configs/CONF_MAX_CARDS_PER_ORG' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ keyName: 'CONF_MAX_CARDS_PER_ORG', value: '6', scope: 'ORG' })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'card',
		operation: 'createSeries',
		title: 'series code already used (v2 errors[] 3002)',
		parameters: { code: 'GOLDDIG', name: 'Again', type: 'DIGITAL', expiryDays: 10 },
		message: /3002.*Series already exists/,
	},
	{
		resource: 'card',
		operation: 'getSeries',
		title: 'unknown series (v2 errors[] 3004)',
		parameters: { seriesId: series(999, 'id') },
		message: /3004/,
	},
];

export default { cases, errors } satisfies CaseFile;
