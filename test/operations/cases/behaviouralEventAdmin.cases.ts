import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { defineBehaviouralEvent } from '../../simulator/resources/behaviouralEvent';
import { eventMappings } from '../../simulator/resources/behaviouralEventAdmin';
import type { Simulator } from '../../simulator/server';

/** Behavioural event admin operations (docs: _events.md); the definitions themselves are in behaviouralEvent.cases.ts. */

const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function defineOfferScan(sim: Simulator): void {
	const result = defineBehaviouralEvent(sim, { eventName: 'OfferScan', actions: ['EMFConsumer'], fields: [{ name: 'customer', type: 'customer' }] });
	if ('error' in result) throw new Error(JSON.stringify(result.error.body));
}

const WEBHOOK_ID = '722e78ea-07dd-4dc9-9f85-004279cc2a7d';

function seedWebhook(sim: Simulator): void {
	sim.state.collection('behaviouralEventWebhooks').set(WEBHOOK_ID, {
		webHookId: WEBHOOK_ID,
		transformerType: 'WebEngageTransformer',
		tillCode: 'abc_abc',
		webHookUri: `${sim.url}/webhooks/${WEBHOOK_ID}`,
	});
}

export const cases: OperationCase[] = [
	{
		resource: 'behaviouralEvent',
		operation: 'enableStandardEvent',
		parameters: { standardEventName: byList('ProductRemovedFromCart') },
		request: { method: 'POST', path: '/v2/events/standard_events/enable', query: { event_name: 'ProductRemovedFromCart' } },
		output: (items, sim) => {
			expect(items).toEqual([{ warnings: [] }]);
			expect(sim.state.collection('behaviouralEvents').get('productremovedfromcart')).toMatchObject({ eventName: 'ProductRemovedFromCart', standardEvent: true });
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'disable',
		setup: defineOfferScan,
		parameters: { eventName: byId('OfferScan') },
		request: { method: 'PUT', path: '/v2/events/disable', query: { event_name: 'OfferScan' } },
		output: (items, sim) => {
			expect(items).toEqual([{ warnings: [] }]);
			expect(sim.state.collection('behaviouralEvents').get('offerscan')).toMatchObject({ status: 'DISABLED' });
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'mapToDefaultTransformer',
		setup: defineOfferScan,
		parameters: { eventsMapped: ' OfferScan , ' },
		request: { method: 'POST', path: '/v2/events/adapter_mapping', body: { transformerType: 'defaultTransformer', eventsMapped: ['OfferScan'] } },
		output: (items, sim) => {
			expect(items).toEqual([{ warnings: [] }]);
			expect(eventMappings(sim).get('defaultTransformer')).toEqual({ transformerType: 'defaultTransformer', eventsMapped: ['OfferScan'] });
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'mapFieldsToWebEngage',
		parameters: {
			eventFieldName: 'event_name',
			fieldName: 'eventName',
			eventFieldMapperJson: JSON.stringify({ CustomerEvent: [{ eventFieldName: 'customer', eventDataType: '', fieldName: 'customer' }] }),
			valueMapJson: '{"cart_removed": "ProductRemovedFromCart"}',
		},
		request: {
			method: 'POST',
			path: '/v2/events/adapter_mapping',
			body: {
				transformerType: 'WebEngageTransformer',
				webEngageTransformerData: {
					eventMapper: { eventFieldName: 'event_name', fieldName: 'eventName', eventDataType: '', valueMap: { cart_removed: 'ProductRemovedFromCart' } },
					eventFieldMapper: { CustomerEvent: [{ eventFieldName: 'customer', eventDataType: '', fieldName: 'customer' }] },
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([{ warnings: [] }]);
			expect(eventMappings(sim).get('WebEngageTransformer')).toBeDefined();
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getFieldTypes',
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/events/meta_fields' },
		output: (items) => {
			expect(items.map((i) => i.type)).toEqual(['tillCode', 'couponCode', 'double']);
			expect(items[0]).toMatchObject({ label: 'Till Code', valueType: 'String', attributes: [expect.objectContaining({ name: 'isRequired' })] });
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getStandardEvents',
		parameters: { returnAll: true, simplify: true },
		request: { method: 'GET', path: '/v2/events/standard_events_meta' },
		output: (items) => {
			expect(items[0]).toEqual({
				eventName: 'ProductRemovedFromCart',
				label: 'Product Removed From Cart',
				description: 'Product Removed From Cart',
				eventCategory: 'Ecommerce',
				actions: ['EIConsumer', 'EMFConsumer'],
				fields: ['customer (customer)', 'cartId (string)', 'productSku (productSku)'],
			});
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getStandardEvents',
		title: 'raw, Limit 1',
		parameters: { returnAll: false, limit: 1, simplify: false },
		request: { method: 'GET', path: '/v2/events/standard_events_meta' },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].standardClickEventsMeta).toMatchObject({ eventName: 'ProductRemovedFromCart', mapperName: 'ProductRemovedFromCart' });
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getTransformers',
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/events/adapters_meta' },
		output: (items) => expect(items).toEqual([
			{ name: 'DefaultTransformer', label: 'Default Transformer Mapping' },
			{ name: 'WebEngageTransformer', label: 'WebEngage Transformer' },
		]),
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getWebhooks',
		setup: seedWebhook,
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/events/webhooks' },
		output: (items, sim) => expect(items).toEqual([{ transformerType: 'WebEngageTransformer', webHookId: WEBHOOK_ID, tillCode: 'abc_abc', webHookUri: `${sim.url}/webhooks/${WEBHOOK_ID}` }]),
	},
	{
		resource: 'behaviouralEvent',
		operation: 'disableWebhook',
		setup: seedWebhook,
		parameters: { webHookId: byList(WEBHOOK_ID) },
		request: { method: 'PUT', path: '/v2/events/webhook/disable', body: { webHookId: WEBHOOK_ID } },
		output: (items, sim) => {
			expect(items).toEqual([{ warnings: [] }]);
			expect(sim.state.collection('behaviouralEventWebhooks').has(WEBHOOK_ID)).toBe(false);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'behaviouralEvent',
		operation: 'enableStandardEvent',
		title: 'not a standard event (v2 errors[] 1811)',
		parameters: { standardEventName: byId('NoSuchEvent') },
		message: /1811.*not a standard event/,
	},
	{
		resource: 'behaviouralEvent',
		operation: 'mapToDefaultTransformer',
		title: 'an event the org does not have (v2 errors[] 1811)',
		parameters: { eventsMapped: 'Nope' },
		message: /1811.*Nope does not exist/,
	},
];

export default { cases, errors } satisfies CaseFile;
