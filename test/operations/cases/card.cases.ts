import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { addCard, cardSeries, DEMO_CARD_SERIES, maxActiveCards } from '../../simulator/resources/card';

const series = (id: number | string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value: String(id) });

function tomId(sim: Simulator) {
	return sim.state.findCustomer('mobile', '919111111111')!.id;
}

/** Two cards of the gold series; GOLD-A is Tom's and active. */
function seedCards(sim: Simulator) {
	cardSeries(sim.state);
	addCard(sim.state, { cardNumber: 'GOLD-A-0001', seriesId: DEMO_CARD_SERIES.gold, statusLabel: 'ACTIVE', customerId: tomId(sim) });
	addCard(sim.state, { cardNumber: 'GOLD-B-0002', seriesId: DEMO_CARD_SERIES.gold, statusLabel: 'NOT_ISSUED', customerId: tomId(sim), cardExternalId: 'EXT-B' });
}

export const cases: OperationCase[] = [
	{
		resource: 'card',
		operation: 'generate',
		parameters: { seriesId: series(DEMO_CARD_SERIES.gold), count: 3, statusLabel: 'NOT_ISSUED' },
		request: { method: 'POST', path: '/v2/card/generate', body: { seriesId: DEMO_CARD_SERIES.gold, count: 3, statusLabel: 'NOT_ISSUED' } },
		output: (items, sim) => {
			expect(items).toHaveLength(3);
			for (const item of items) {
				expect(item.cardNumber).toMatch(/^GOLD\d{10}ZS$/);
				expect(sim.state.cards.get(item.cardNumber as string)).toMatchObject({ seriesId: DEMO_CARD_SERIES.gold, statusLabel: 'NOT_ISSUED', customerId: null });
			}
		},
	},
	{
		resource: 'card',
		operation: 'getGenerationLogs',
		auth: 'oauth',
		setup: (sim) => {
			const gen = sim.state.collection('cardGenerationLogs');
			gen.set('46', { count: 56, createdBy: 1, date: '2020-11-04T12:47:53+05:30', description: '', fileHandle: 'fh-1', id: 46, orgId: 1, seriesId: DEMO_CARD_SERIES.gold });
			gen.set('47', { count: 5, createdBy: 1, date: '2020-11-05T12:47:53+05:30', description: '', fileHandle: 'fh-2', id: 47, orgId: 1, seriesId: DEMO_CARD_SERIES.fuel });
		},
		parameters: { seriesId: series(DEMO_CARD_SERIES.gold, 'id'), returnAll: true },
		request: { method: 'GET', path: `/v2/card/generation/logs/${DEMO_CARD_SERIES.gold}` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 46, count: 56, fileHandle: 'fh-1' })]),
	},
	{
		resource: 'card',
		operation: 'add',
		parameters: {
			seriesId: series(DEMO_CARD_SERIES.fuel),
			cardNumber: 'EXTERNALCARD99123450233',
			statusLabel: 'CARD_GENERATED',
			additionalFields: {
				cardExternalId: 'externalCardRe123',
				statusReason: 'Card is generated',
				customFields: { field: [{ name: 'city', value: 'Bangalore' }] },
				extendedFields: { field: [{ name: 'vehicle_make', value: 'ford' }] },
			},
		},
		request: {
			method: 'POST',
			path: '/v2/card',
			body: {
				seriesId: DEMO_CARD_SERIES.fuel,
				cardNumber: 'EXTERNALCARD99123450233',
				cardExternalId: 'externalCardRe123',
				statusLabel: 'CARD_GENERATED',
				statusInfo: { reason: 'Card is generated' },
				customFields: { city: 'Bangalore' },
				extendedFields: { vehicle_make: 'ford' },
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([{ cardId: expect.any(Number) }]);
			expect(sim.state.cards.get('EXTERNALCARD99123450233')).toMatchObject({ cardId: items[0].cardId, cardExternalId: 'externalCardRe123', customFields: { city: 'Bangalore' } });
		},
	},
	{
		resource: 'card',
		operation: 'update',
		setup: seedCards,
		parameters: {
			seriesId: series(DEMO_CARD_SERIES.gold),
			cardReference: 'cardExternalId',
			cardValue: 'EXT-B',
			statusLabel: 'ACTIVE',
			additionalFields: { statusReason: 'Activated at store', mappedEntityType: 'TILL', mappedEntityValue: 'paw1', customFields: { field: [{ name: 'grade', value: '2' }] } },
		},
		request: {
			method: 'PUT',
			path: '/v2/card',
			body: { seriesId: DEMO_CARD_SERIES.gold, cardExternalId: 'EXT-B', statusLabel: 'ACTIVE', statusInfo: { reason: 'Activated at store' }, mappedEntity: { type: 'TILL', value: 'paw1' }, customFields: { grade: '2' } },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ cardNumber: 'GOLD-B-0002', statusInfo: expect.objectContaining({ status: 'ACTIVE', reason: 'Activated at store' }), mappedEntity: expect.objectContaining({ value: 'paw1' }) });
			expect(sim.state.cards.get('GOLD-B-0002')).toMatchObject({ statusLabel: 'ACTIVE', customFields: { grade: '2' } });
		},
	},
	{
		resource: 'card',
		operation: 'bulkUpdate',
		title: 'partial failure: one unknown card',
		auth: 'oauth',
		setup: seedCards,
		parameters: {
			cards: {
				card: [
					{ cardNumber: 'GOLD-B-0002', statusLabel: 'SUSPENDED', statusReason: 'Lost', mappedEntityValue: 'paw1' },
					{ cardNumber: 'NOPE-0000', statusLabel: 'ACTIVE' },
				],
			},
		},
		request: {
			method: 'PUT',
			path: '/v2/card/bulk',
			body: [
				{ cardNumber: 'GOLD-B-0002', statusLabel: 'SUSPENDED', statusInfo: { reason: 'Lost' }, mappedEntity: { type: 'TILL', value: 'paw1' } },
				{ cardNumber: 'NOPE-0000', statusLabel: 'ACTIVE' },
			],
		},
		output: (items, sim) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ success: true, entityId: expect.objectContaining({ cardNumber: 'GOLD-B-0002' }) });
			expect(items[1]).toMatchObject({ success: false, errorCode: '3010', errorMessage: 'Card number does not exists.' });
			expect(sim.state.cards.get('GOLD-B-0002')!.statusLabel).toBe('SUSPENDED');
		},
	},
	{
		resource: 'card',
		operation: 'bulkUpdate',
		title: 'raw JSON array with custom fields',
		setup: seedCards,
		parameters: { bodyInput: 'json', bodyJson: JSON.stringify([{ cardNumber: 'GOLD-A-0001', statusLabel: 'ACTIVE', extendedFields: { limit_set_by: 'tom' } }]) },
		request: { method: 'PUT', path: '/v2/card/bulk', body: [{ cardNumber: 'GOLD-A-0001', statusLabel: 'ACTIVE', extendedFields: { limit_set_by: 'tom' } }] },
		output: (items, sim) => {
			// Same label again: Capillary's 3039 warning, not an error
			expect(items).toEqual([expect.objectContaining({ success: true, warnings: [expect.objectContaining({ code: 3039 })] })]);
			expect(sim.state.cards.get('GOLD-A-0001')!.extendedFields).toEqual({ limit_set_by: 'tom' });
		},
	},
	{
		resource: 'card',
		operation: 'get',
		setup: (sim) => {
			seedCards(sim);
			sim.state.collection('orgConfigs').set('CONF_MAX_CARDS_PER_ORG', { keyName: 'CONF_MAX_CARDS_PER_ORG', value: '3' });
		},
		parameters: { number: 'GOLD-A-0001' },
		request: { method: 'GET', path: '/v2/card', query: { number: 'GOLD-A-0001' } },
		output: (items, sim) =>
			expect(items).toEqual([
				expect.objectContaining({ cardNumber: 'GOLD-A-0001', customerId: tomId(sim), seriesName: 'Gold Card', maxActiveCards: 3, statusInfo: expect.objectContaining({ status: 'ACTIVE' }), transactionNotAllowed: false }),
			]),
	},
	{
		resource: 'card',
		operation: 'get',
		title: 'a card tagged through a customer endpoint (bare shared record)',
		auth: 'oauth',
		setup: (sim) => {
			sim.state.cards.set('LINKED-0001', { cardNumber: 'LINKED-0001', seriesId: DEMO_CARD_SERIES.gold, customerId: tomId(sim), statusLabel: 'ACTIVE', createdOn: '2026-01-02T10:00:00+05:30' });
		},
		parameters: { number: 'LINKED-0001' },
		request: { method: 'GET', path: '/v2/card', query: { number: 'LINKED-0001' } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ cardNumber: 'LINKED-0001', customerId: tomId(sim), cardId: expect.any(Number), statusInfo: expect.objectContaining({ status: 'ACTIVE' }), transactionNotAllowed: false });
		},
	},
	{
		resource: 'card',
		operation: 'getStatusLog',
		setup: (sim) => {
			seedCards(sim);
			const card = sim.state.cards.get('GOLD-B-0002')!;
			// status changes made through the API land in the log
			(card.statusLog as Array<Record<string, unknown>>).push({ label: 'ACTIVE', status: 'ACTIVE', isActive: true, createdOn: '2026-01-01T10:00:00+05:30' });
		},
		parameters: { number: 'GOLD-B-0002', returnAll: false, limit: 10 },
		request: { method: 'GET', path: '/v2/card/statusLog', query: { number: 'GOLD-B-0002' } },
		output: (items) => expect(items.map((i) => i.status)).toEqual(['NOT_ISSUED', 'ACTIVE']),
	},
	{
		resource: 'card',
		operation: 'setMaxActiveCards',
		parameters: { maxActiveCards: 2 },
		request: { method: 'POST', path: '/v2/organization/configs', body: { keyName: 'CONF_MAX_CARDS_PER_ORG', value: '2', scope: 'ORG' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ keyName: 'CONF_MAX_CARDS_PER_ORG', value: '2', id: expect.any(Number) })]);
			expect(maxActiveCards(sim.state)).toBe(2);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'card',
		operation: 'update',
		title: 'activating a card beyond the org limit (v2 errors[] 3039)',
		setup: (sim) => {
			seedCards(sim);
			sim.state.collection('orgConfigs').set('CONF_MAX_CARDS_PER_ORG', { keyName: 'CONF_MAX_CARDS_PER_ORG', value: '1' });
		},
		parameters: { seriesId: series(DEMO_CARD_SERIES.gold), cardReference: 'cardNumber', cardValue: 'GOLD-B-0002', statusLabel: 'ACTIVE' },
		message: /3039.*exceeded the max configured value/,
	},
	{
		resource: 'card',
		operation: 'get',
		title: 'unknown card (v2 errors[] 3010, HTTP 404)',
		parameters: { number: 'NOPE' },
		message: /3010/,
		httpCode: '404',
	},
];

export default { cases, errors } satisfies CaseFile;
