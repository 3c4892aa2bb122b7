import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { jsonField, parseJsonParameter, toBody, toQuery } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import type { OperationSpec } from '../shared/types';

/**
 * Admin operations of the Behavioural Event resource: standard events, transformer (adapter)
 * mappings, the metadata Capillary offers for definitions, and the org's inbound webhooks.
 * Docs: Capillary/api-documentation source/includes/_events.md.
 */

/** "a, b ,c" → ["a", "b", "c"] (the docs take event names as a JSON array). */
const NAME_LIST = '={{ String($value).split(",").map((name) => name.trim()).filter((name) => name !== "") }}';

/** Standard events sit under `standardClickEventsMeta`; the simplified view flattens it. */
function simplifyStandardEvent(entity: IDataObject): IDataObject {
	const meta = (entity.standardClickEventsMeta ?? entity) as IDataObject;
	const fields = (meta.fields as IDataObject[] | undefined) ?? [];
	return {
		eventName: meta.eventName,
		label: meta.label,
		description: meta.description,
		eventCategory: meta.eventCategory,
		actions: meta.actions,
		fields: fields.map((f) => `${String(f.name)} (${String(f.type)})`),
	};
}

/** The field mapping of the WebEngage transformer, built from the node's fields (see the docs sample). */
async function webEngageMapping(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const valueMap = parseJsonParameter(this, 'Event Value Map (JSON)', 'valueMapJson');
	const fieldMapper = parseJsonParameter(this, 'Event Field Mapping (JSON)', 'eventFieldMapperJson');
	const body = (request.body as IDataObject) ?? {};
	const data = (body.webEngageTransformerData as IDataObject) ?? {};
	const eventMapper = (data.eventMapper as IDataObject) ?? {};
	request.body = {
		...body,
		webEngageTransformerData: {
			...data,
			eventMapper: { ...eventMapper, eventDataType: '', valueMap: (valueMap ?? {}) as IDataObject },
			...(fieldMapper !== undefined ? { eventFieldMapper: fieldMapper as IDataObject } : {}),
		},
	};
	return request;
}

const webEngageFields: INodeProperties[] = [
	{
		displayName: 'Capillary Event Field',
		name: 'eventFieldName',
		type: 'string',
		required: true,
		default: 'event_name',
		description: 'Name of the field that carries the event name on the Capillary side',
		routing: toBody('webEngageTransformerData.eventMapper.eventFieldName'),
	},
	{
		displayName: 'Source Event Field',
		name: 'fieldName',
		type: 'string',
		required: true,
		default: 'event_name',
		description: 'Name of the field that carries the event name in the payloads WebEngage posts',
		routing: toBody('webEngageTransformerData.eventMapper.fieldName'),
	},
	jsonField(
		'Event Field Mapping (JSON)',
		'eventFieldMapperJson',
		{ in: 'body' },
		'Per event, the list of field mappings, e.g. {"CustomerEvent": [{"eventFieldName": "customer", "eventDataType": "", "fieldName": "customer"}]}',
		{ required: true, routing: { send: { preSend: [webEngageMapping] } } },
	),
	{
		displayName: 'Event Value Map (JSON)',
		name: 'valueMapJson',
		type: 'json',
		default: '{}',
		description: 'Optional map from event names in the posted payloads to Capillary event names, e.g. {"cart_removed": "ProductRemovedFromCart"}',
	},
];

export const behaviouralEventAdminOperations: OperationSpec[] = [
	{
		value: 'enableStandardEvent',
		name: 'Enable Standard Event',
		action: 'Enable a standard behavioural event',
		description: 'Turns on one of the standard events Capillary offers (see Get Standard Events) for the org',
		method: 'POST',
		path: '/v2/events/standard_events/enable',
		fields: [
			locatorField({
				displayName: 'Standard Event',
				name: 'standardEventName',
				searchMethod: 'searchStandardEvents',
				placeholder: 'ProductRemovedFromCart',
				description: 'Name of the standard event to enable',
				routing: toQuery('event_name'),
			}),
		],
		hint: 'Sent as the query parameter event_name, as the docs\' sample URL and request URL show (their parameter table spells it eventName).',
	},
	{
		value: 'disable',
		name: 'Disable',
		action: 'Disable a behavioural event',
		description: 'Disables a standard or custom event of the org; Capillary cannot enable it again',
		method: 'PUT',
		path: '/v2/events/disable',
		fields: [
			locatorField({
				displayName: 'Event Name',
				name: 'eventName',
				searchMethod: 'searchBehaviouralEvents',
				placeholder: 'OfferScan',
				description: 'The event to disable',
				routing: toQuery('event_name'),
			}),
		],
		hint: 'Capillary says a disabled event cannot be enabled again.',
	},
	{
		value: 'mapToDefaultTransformer',
		name: 'Map to Default Transformer',
		action: 'Map custom events to the default transformer',
		description: 'For custom events made only of standard fields: no field-level mapping is needed',
		method: 'POST',
		path: '/v2/events/adapter_mapping',
		fixed: { body: { transformerType: 'defaultTransformer' } },
		fields: [
			{
				displayName: 'Event Names',
				name: 'eventsMapped',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'eventsdemo1, eventsdemo2',
				description: 'Custom events to map, separated by commas',
				routing: toBody('eventsMapped', NAME_LIST),
			},
		],
	},
	{
		value: 'mapFieldsToWebEngage',
		name: 'Map Fields to WebEngage Transformer',
		action: 'Map event fields to the WebEngage transformer',
		description: 'Maps the events and fields WebEngage posts to Capillary event fields',
		method: 'POST',
		path: '/v2/events/adapter_mapping',
		fixed: { body: { transformerType: 'WebEngageTransformer' } },
		fields: webEngageFields,
		hint: 'Sends transformerType WebEngageTransformer, the name the docs\' parameter table and Get Transformers use (one sample spells it webEngageTransformer).',
	},
	{
		value: 'getFieldTypes',
		name: 'Get Field Types',
		action: 'Get the field types event definitions can use',
		description: 'Lists the field types (Till Code, Coupon Code, Double …) and their attributes',
		method: 'GET',
		path: '/v2/events/meta_fields',
		pagination: { style: 'none' },
	},
	{
		value: 'getStandardEvents',
		name: 'Get Standard Events',
		action: 'Get the standard events Capillary offers',
		description: 'Lists the standard events with their category, actions and fields',
		method: 'GET',
		path: '/v2/events/standard_events_meta',
		pagination: { style: 'none' },
		output: { simplify: simplifyStandardEvent },
	},
	{
		value: 'getTransformers',
		name: 'Get Transformers',
		action: 'Get the transformers events can be mapped to',
		description: 'Lists the predefined integrations (adapters), e.g. DefaultTransformer and WebEngageTransformer',
		method: 'GET',
		path: '/v2/events/adapters_meta',
		pagination: { style: 'none' },
	},
	{
		value: 'getWebhooks',
		name: 'Get Many Webhooks',
		action: 'Get the inbound webhooks of the org',
		description: 'Lists the webhook accounts (one per transformer) with their URL and till',
		method: 'GET',
		path: '/v2/events/webhooks',
		pagination: { style: 'none' },
	},
	{
		value: 'disableWebhook',
		name: 'Disable Webhook',
		action: 'Disable an inbound webhook',
		method: 'PUT',
		path: '/v2/events/webhook/disable',
		fields: [
			locatorField({
				displayName: 'Webhook',
				name: 'webHookId',
				searchMethod: 'searchBehaviouralEventWebhooks',
				placeholder: '722e78ea-07dd-4dc9-9f85-004279cc2a7d',
				description: 'The webhook account to disable (its GUID)',
				routing: toBody('webHookId'),
			}),
		],
		hint: 'The docs show no response body; the node assumes Capillary answers like its other disable calls ({"warnings": [], "errors": []}).',
	},
];
