import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, jsonField, optionalField, options, parseJsonParameter, toBody } from '../../shared/fields';
import { locatorField } from '../../shared/lookups';
import type { OperationSpec } from '../../shared/types';

/**
 * Inbound webhooks of the Behavioural Event resource: the URLs other systems post event data to,
 * and the transformers (adapters) that map those payloads to Capillary events.
 * Docs: Capillary/api-documentation source/includes/_events.md.
 */

/** "a, b ,c" → ["a", "b", "c"] (the docs take event names as a JSON array). */
const NAME_LIST = '={{ String($value).split(",").map((name) => name.trim()).filter((name) => name !== "") }}';

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

export const webhookOperations: OperationSpec[] = [
	{
		value: 'createWebhook',
		name: 'Create Webhook',
		action: 'Create an inbound webhook for event data',
		description: 'Creates the URL (webHookUri) to which another system posts behavioural event data',
		method: 'POST',
		path: '/v2/events/webhook',
		fields: [
			{
				displayName: 'Transformer Type',
				name: 'transformerType',
				type: 'options',
				options: options([['WebEngage Transformer', 'WebEngageTransformer']]),
				default: 'WebEngageTransformer',
				description: 'How posted payloads are mapped to Capillary events (the only documented transformer)',
				routing: toBody('transformerType'),
			},
			{
				displayName: 'Till Code',
				name: 'tillCode',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'store.till1',
				description: 'Till that events posted to this webhook are recorded against',
				routing: toBody('tillCode'),
			},
			additionalFields([
				optionalField('Auth Enabled', 'authEnabled', 'boolean', 'Whether posts to the webhook URL must authenticate', 'body'),
				{
					displayName: 'Auth Mechanism',
					name: 'authMechanism',
					type: 'options',
					options: options(['Basic']),
					default: 'Basic',
					description: 'How posts authenticate when Auth Enabled is on',
					routing: toBody('authMechanism'),
				},
				optionalField('Uniqueness Check Enabled', 'uniquenessCheckEnabled', 'boolean', 'Whether to drop duplicate events (same unique key fields)', 'body'),
				optionalField('Listen to Child Events', 'listenToChildEvents', 'boolean', 'Whether a parent org webhook also receives events of its child orgs (connected orgs only)', 'body'),
			]),
		],
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
