/**
 * Behavioural events admin (docs: _events.md): enabling standard events, disabling events,
 * transformer (adapter) mappings, the metadata lists and the org's webhook accounts.
 *
 * Shares the collections of ./behaviouralEvent.ts: `behaviouralEvents` (definitions by lower-case
 * name) and `behaviouralEventWebhooks` (by webHookId). Mappings are kept in
 * `behaviouralEventMappings` (by transformer). Replies are the docs' samples:
 * `{warnings: [], errors: []}` for the actions, `{data: [...], warnings, errors}` for the lists.
 */
import { randomUUID } from 'node:crypto';

import type { Json, JsonObject, Router } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import { ORG_ID } from '../state';

const boolAttribute = (value: string) => ({ value, valueType: 'BOOLEAN' });

const customerField = (identifierType = 'MOBILE'): JsonObject => ({
	name: 'customer',
	type: 'customer',
	attributes: {
		accountId: { valueType: 'ENUM' },
		addCustomerIfNotExists: boolAttribute('false'),
		identifierType: { value: identifierType, valueType: 'ENUM' },
		isRequired: boolAttribute('true'),
		source: { value: 'INSTORE', valueType: 'ENUM' },
	},
});

/** The standard events of the docs' samples (GET v2/events/standard_events_meta). */
export const STANDARD_EVENTS: JsonObject[] = [
	{
		label: 'Product Removed From Cart',
		description: 'Product Removed From Cart',
		eventCategory: 'Ecommerce',
		eventName: 'ProductRemovedFromCart',
		actions: ['EIConsumer', 'EMFConsumer'],
		fields: [customerField(), { name: 'cartId', type: 'string', attributes: { isRequired: boolAttribute('false') } }, { name: 'productSku', type: 'productSku', attributes: { isRequired: boolAttribute('true') } }],
		mapperName: 'ProductRemovedFromCart',
	},
	{
		label: 'App Uninstalled',
		description: 'App Uninstalled',
		eventCategory: 'Mobile',
		eventName: 'AppUninstalled',
		actions: ['EIConsumer'],
		fields: [customerField()],
		mapperName: 'AppUninstalled',
	},
];

const META_FIELDS: JsonObject[] = [
	{ type: 'tillCode', label: 'Till Code', valueType: 'String', attributes: [{ defaultValue: 'true', name: 'isRequired', label: 'is field required', valueType: 'BOOLEAN' }] },
	{ type: 'couponCode', label: 'Coupon Code', valueType: 'String', attributes: [{ name: 'regex', label: 'regex', valueType: 'STRING' }] },
	{ type: 'double', label: 'double', valueType: 'double', attributes: [{ defaultValue: 'true', name: 'isRequired', label: 'is field required', valueType: 'BOOLEAN' }] },
];

const ADAPTERS: JsonObject[] = [
	{ name: 'DefaultTransformer', label: 'Default Transformer Mapping' },
	{ name: 'WebEngageTransformer', label: 'WebEngage Transformer' },
];

const done = () => ok({ warnings: [], errors: [] });

function events(sim: Simulator): Map<string, JsonObject> {
	return sim.state.collection('behaviouralEvents');
}

/** Transformer mappings stored by POST v2/events/adapter_mapping. */
export function eventMappings(sim: Simulator): Map<string, JsonObject> {
	return sim.state.collection('behaviouralEventMappings');
}

export function register(router: Router, sim: Simulator): void {
	router.post('/v2/events/standard_events/enable', (req) => {
		const name = (req.query.event_name ?? '').trim();
		if (!name) return v2Error(400, 403, 'Field event_name is mandatory.');
		const standard = STANDARD_EVENTS.find((e) => String(e.eventName).toLowerCase() === name.toLowerCase());
		if (!standard) return v2Error(400, 1811, `event name invalid: ${name} is not a standard event`);
		const existing = events(sim).get(name.toLowerCase());
		if (existing?.status === 'DISABLED') return v2Error(400, 1811, `event name invalid: ${name} is disabled`);
		if (!existing) {
			events(sim).set(name.toLowerCase(), {
				eventId: randomUUID(),
				eventName: String(standard.eventName),
				eventType: 'USEREVENT',
				actions: standard.actions as Json,
				fields: standard.fields as Json,
				orgId: ORG_ID,
				status: 'PUBLISHED',
				testStatus: 'VERIFIED',
				description: String(standard.description),
				date: Date.now(),
				standardEvent: true,
				updatedOn: nowIso(),
			});
		}
		return done();
	});

	router.put('/v2/events/disable', (req) => {
		const name = (req.query.event_name ?? '').trim();
		if (!name) return v2Error(400, 403, 'Field event_name is mandatory.');
		const event = events(sim).get(name.toLowerCase());
		if (!event || event.status === 'DISABLED') return v2Error(400, 1811, `event name invalid: ${name} does not exist`);
		event.status = 'DISABLED';
		event.updatedOn = nowIso();
		return done();
	});

	router.post('/v2/events/adapter_mapping', (req) => {
		const body = bodyObject(req);
		const type = String(body.transformerType ?? '').trim();
		if (!type) return v2Error(400, 403, 'Field transformerType is mandatory.');
		if (type.toLowerCase() === 'defaulttransformer') {
			const mapped = body.eventsMapped;
			if (!Array.isArray(mapped) || mapped.length === 0) return v2Error(400, 403, 'Field eventsMapped is mandatory.');
			const unknown = mapped.find((name) => !events(sim).has(String(name).toLowerCase()));
			if (unknown !== undefined) return v2Error(400, 1811, `event name invalid: ${String(unknown)} does not exist`);
			eventMappings(sim).set('defaultTransformer', { transformerType: 'defaultTransformer', eventsMapped: mapped.map(String) });
			return done();
		}
		if (type.toLowerCase() === 'webengagetransformer') {
			const data = (body.webEngageTransformerData ?? {}) as JsonObject;
			const eventMapper = (data.eventMapper ?? {}) as JsonObject;
			if (!eventMapper.eventFieldName || !eventMapper.fieldName) return v2Error(400, 403, 'Field eventMapper.eventFieldName and eventMapper.fieldName are mandatory.');
			const fieldMapper = data.eventFieldMapper;
			if (fieldMapper !== undefined && (fieldMapper === null || typeof fieldMapper !== 'object' || Array.isArray(fieldMapper))) return v2Error(400, 400, 'eventFieldMapper must be an object of event name → field list');
			eventMappings(sim).set('WebEngageTransformer', { transformerType: 'WebEngageTransformer', webEngageTransformerData: data });
			return done();
		}
		return v2Error(400, 400, `Invalid transformerType ${type}`);
	});

	router.get('/v2/events/meta_fields', () => ok({ data: META_FIELDS, warnings: [], errors: [] }));

	router.get('/v2/events/standard_events_meta', () =>
		ok({ data: STANDARD_EVENTS.map((standardClickEventsMeta) => ({ standardClickEventsMeta })), warnings: [], errors: [] }),
	);

	router.get('/v2/events/adapters_meta', () => ok({ data: ADAPTERS, warnings: [], errors: [] }));

	router.get('/v2/events/webhooks', () => {
		const data = [...sim.state.collection('behaviouralEventWebhooks').values()].map((w) => ({
			transformerType: w.transformerType,
			webHookId: w.webHookId,
			tillCode: w.tillCode,
			webHookUri: w.webHookUri,
		}));
		return ok({ data, warnings: [], errors: [] });
	});

	router.put('/v2/events/webhook/disable', (req) => {
		const id = String(bodyObject(req).webHookId ?? '').trim();
		if (!id) return v2Error(400, 403, 'Field webHookId is mandatory.');
		const webhooks = sim.state.collection('behaviouralEventWebhooks');
		if (!webhooks.has(id)) return v2Error(404, 404, `Webhook ${id} not found`);
		// A disabled webhook account stops accepting posts (the webhook URL then answers 404).
		webhooks.delete(id);
		return done();
	});
}
