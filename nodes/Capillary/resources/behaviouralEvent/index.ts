import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { additionalFields, customerIdField, jsonField, optionalField, options, queryOptions, toBody, toQuery } from '../../shared/fields';
import { locatorField } from '../../shared/lookups';
import { defineResource } from '../../shared/operation';
import { webhookOperations } from './webhooks';

/**
 * Behavioural events: custom and standard event definitions, the events recorded for customers
 * and their processing logs. Inbound webhooks and transformers are in webhooks.ts.
 */

/** Field types a behavioural event definition accepts (standard attributes and custom data types). */
const FIELD_TYPES = options([
	['Customer', 'customer'],
	['Till Code', 'tillCode'],
	['Coupon Code', 'couponCode'],
	['Product SKU', 'productSku'],
	['Product Brand', 'productBrand'],
	['Product Category', 'productCategory'],
	['String', 'string'],
	['Double', 'double'],
	['Date', 'date'],
	['Enum', 'enum'],
	['Group ID', 'groupId'],
]);

/** `{valueType, value}` attribute of a field definition. */
const booleanAttribute = (onlyWhenTrue: boolean) =>
	onlyWhenTrue
		? '={{ $value ? { valueType: "Boolean", value: "true" } : undefined }}'
		: '={{ { valueType: "Boolean", value: String($value) } }}';

function attribute(name: string, onlyWhenTrue = false) {
	return { send: { type: 'body' as const, property: `=fields[{{$index}}].attributes.${name}`, value: booleanAttribute(onlyWhenTrue) } };
}

const eventFieldList: INodeProperties = {
	displayName: 'Event Fields',
	name: 'eventFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Field',
	default: {},
	description: 'Attributes the event carries. Add one field of type Customer to link events to customers.',
	displayOptions: { show: { fieldsInput: ['fields'] } },
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Add Customer If Not Exists',
					name: 'addCustomerIfNotExists',
					type: 'boolean',
					default: false,
					description: 'Whether to register unknown customers in the loyalty program (Customer fields only)',
					routing: {
						send: {
							type: 'body',
							property: '=fields[{{$index}}].attributes.addCustomerIfNotExists',
							value: '={{ $parent.type === "customer" ? { valueType: "Boolean", value: String($value) } : undefined }}',
						},
					},
				},
				{
					displayName: 'Customer Identifier Type',
					name: 'identifierType',
					type: 'options',
					options: options([
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'externalId'],
						['Customer ID', 'userId'],
					]),
					default: 'mobile',
					description: 'Which identifier the Customer field carries (Customer fields only)',
					routing: {
						send: {
							type: 'body',
							property: '=fields[{{$index}}].attributes.identifierType',
							value: '={{ $parent.type === "customer" ? { valueType: "ENUM", value: $value } : undefined }}',
						},
					},
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'customer',
					description: 'Name of the attribute as it appears in posted event data',
					routing: { send: { type: 'body', property: '=fields[{{$index}}].name' } },
				},
				{
					displayName: 'Required',
					name: 'isRequired',
					type: 'boolean',
					default: false,
					description: 'Whether posted event data must contain this field',
					routing: attribute('isRequired'),
				},
				{
					displayName: 'Sensitive Data (PSI)',
					name: 'isPsiData',
					type: 'boolean',
					default: false,
					description: 'Whether the field holds potentially sensitive information (not allowed on the customer identifier field)',
					routing: attribute('isPsiData', true),
				},
				{
					displayName: 'Type',
					name: 'type',
					description: 'Data type of the field; Customer, Till Code, Coupon Code and the product types link the value to that Capillary entity',
					type: 'options',
					options: FIELD_TYPES,
					default: 'string',
					routing: { send: { type: 'body', property: '=fields[{{$index}}].type' } },
				},
				{
					displayName: 'Unique Key Field',
					name: 'isUniqueKeyField',
					type: 'boolean',
					default: false,
					description: 'Whether the field is part of the key that makes an event unique (it then must be Required)',
					routing: attribute('isUniqueKeyField', true),
				},
			],
		},
	],
};

/** Definition fields: structured, or the `fields` array as JSON. */
const definitionFields: INodeProperties[] = [
	{
		displayName: 'Actions',
		name: 'actions',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'EMF Consumer (Loyalty, DVS, Communication)', value: 'EMFConsumer' },
			{ name: 'EI Consumer (Essential Insights)', value: 'EIConsumer' },
		],
		default: ['EMFConsumer'],
		description: 'Where Capillary sends the events',
		routing: toBody('actions'),
	},
	{
		displayName: 'Fields Input',
		name: 'fieldsInput',
		description: 'Whether to describe the event fields one by one or give the fields array as JSON',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fields', value: 'fields', description: 'Describe the event fields one by one' },
			{ name: 'JSON', value: 'json', description: 'Send the "fields" array as JSON' },
		],
		default: 'fields',
	},
	eventFieldList,
	jsonField(
		'Event Fields (JSON)',
		'fieldsJson',
		{ in: 'body', path: 'fields' },
		'The "fields" array, e.g. [{"name": "customer", "type": "customer", "attributes": {"addCustomerIfNotExists": {"valueType": "Boolean", "value": "true"}}}]',
		{ default: '[]', displayOptions: { show: { fieldsInput: ['json'] } } },
	),
	additionalFields([optionalField('Description', 'description', 'string', 'Short description of the event', 'body')]),
];

/** Event definitions sit under `clickEventsMeta`; the simplified view flattens it. */
function simplifyDefinition(entity: IDataObject): IDataObject {
	const meta = (entity.clickEventsMeta ?? entity) as IDataObject;
	const fields = (meta.fields as IDataObject[] | undefined) ?? [];
	return {
		eventId: meta.eventId,
		eventName: meta.eventName,
		eventType: meta.eventType,
		actions: meta.actions,
		status: meta.status,
		testStatus: meta.testStatus,
		description: meta.description ?? meta.label,
		standardEvent: meta.standardEvent,
		date: meta.date,
		fields: fields.map((f) => `${String(f.name)} (${String(f.type)})`),
	};
}

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

/**
 * GET v2/events/logs documents `limit` (default 10, no maximum) and no offset; entries come newest
 * first, so Return All pages backwards: each next page asks up to the oldest startTime read (epoch
 * ms) — or from the newest one, should Capillary list oldest first.
 */
const LOGS_PAGE_SIZE = 100;

const LOG_DATE_HELP = 'YYYY-MM-DD HH:mm:ss (org time zone), YYYY-MM-DD, ISO 8601 with offset, or epoch milliseconds';

export const behaviouralEvent = defineResource({
	value: 'behaviouralEvent',
	name: 'Behavioural Event',
	description: 'Custom behavioural events, their webhooks and logs',
	operations: [
		{
			value: 'create',
			name: 'Create Definition',
			action: 'Create a custom behavioural event',
			description: 'Defines a custom behavioural event (its name, destinations and fields)',
			method: 'POST',
			path: '/v2/events',
			fields: [
				{
					displayName: 'Event Name',
					name: 'eventName',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'StoreVisit',
					description: 'Name of the event: letters, digits, _ and -, no spaces',
					routing: toBody('eventName'),
				},
				...definitionFields,
			],
		},
		{
			value: 'update',
			name: 'Update Definition',
			action: 'Update a custom behavioural event',
			description: 'Replaces the definition of a custom event: fields left out are removed',
			method: 'PUT',
			path: '/v2/events',
			hint: 'Capillary replaces the whole definition: send every field the event should keep',
			fields: [
				locatorField({
					displayName: 'Event Name',
					name: 'eventName',
					searchMethod: 'searchBehaviouralEvents',
					placeholder: 'StoreVisit',
					description: 'The custom event to update',
					routing: toBody('eventName'),
				}),
				...definitionFields,
			],
		},
		{
			value: 'getMany',
			name: 'Get Many Definitions',
			action: 'Get the behavioural events of the org',
			description: 'Lists the standard and custom events configured for the org',
			method: 'GET',
			path: '/v2/events',
			pagination: { style: 'none' },
			output: { simplify: simplifyDefinition },
		},
		{
			value: 'get',
			name: 'Get Definition',
			action: 'Get a behavioural event definition',
			method: 'GET',
			path: '/v2/events',
			hint: 'The index row "Get Event Details" (GET v2/events) is read as Get Org Events (Get Many Definitions) plus its ?id= form documented as Get Event Data; this operation sends the event ID',
			fields: [
				locatorField({
					displayName: 'Event ID',
					name: 'eventId',
					searchMethod: 'searchBehaviouralEventIds',
					placeholder: '87c8b0fb-b825-4b7e-b336-b24e7c389f70',
					description: 'ID (UUID) of the event definition',
					routing: toQuery('id'),
				}),
			],
			output: { simplify: simplifyDefinition },
		},
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
			value: 'getFieldTypes',
			name: 'Get Field Types',
			action: 'Get the field types event definitions can use',
			description: 'Lists the field types (Till Code, Coupon Code, Double …) and their attributes',
			method: 'GET',
			path: '/v2/events/meta_fields',
			pagination: { style: 'none' },
		},
		{
			value: 'getRunningStatus',
			name: 'Get Running Status',
			action: 'Get the processing status of posted event data',
			method: 'GET',
			path: '/v2/events/running_status',
			fields: [
				{
					displayName: 'Event Request ID',
					name: 'eventId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '0d3f5a7f-2432-4c88-8045-37127615d8e8',
					description: 'ID Capillary returned (response header X-CAP-HYDRA-REQUEST-ID) when the event data was pushed to the webhook',
					routing: toQuery('eventId'),
				},
			],
		},
		{
			value: 'getCustomerEvents',
			name: 'Get Customer Events',
			action: 'Get the behavioural events of a customer',
			method: 'GET',
			path: '/v2/events/event_data/{userId}',
			fields: [customerIdField({ name: 'userId' })],
			pagination: { style: 'none' },
		},
		{
			value: 'getAuditLogs',
			name: 'Get Audit Logs',
			action: 'Get the change history of an event definition',
			method: 'GET',
			path: '/v2/events/audit_logs',
			fields: [
				locatorField({
					displayName: 'Event Name',
					name: 'eventName',
					searchMethod: 'searchBehaviouralEvents',
					placeholder: 'StoreVisit',
					description: 'Event whose definition changes to list',
					routing: toQuery('eventName'),
				}),
			],
			pagination: { style: 'none' },
		},
		{
			value: 'getLogs',
			name: 'Get Logs',
			action: 'Get the processing log of posted events',
			description: 'Lists processed event data of the org, newest first, with status and message',
			method: 'GET',
			path: '/v2/events/logs',
			hint: `Capillary does not document the date format of From/To Date; the node sends them as typed (${LOG_DATE_HELP}). Entries come newest first and there is no offset: Return All reads pages of ${LOGS_PAGE_SIZE}, each up to the oldest entry of the previous one (To Date as epoch milliseconds).`,
			fields: [
				locatorField({
					displayName: 'Event Name',
					name: 'eventName',
					searchMethod: 'searchBehaviouralEvents',
					placeholder: 'StoreVisit',
					description: 'Only entries of this event; leave empty for all events',
					required: false,
					routing: toQuery('event_name'),
				}),
				queryOptions([
					{
						displayName: 'From Date',
						name: 'fromDate',
						type: 'string',
						default: '',
						placeholder: '2026-01-31 00:00:00',
						description: `Only events processed at or after this time: ${LOG_DATE_HELP}`,
						routing: toQuery('from_date'),
					},
					{
						displayName: 'To Date',
						name: 'toDate',
						type: 'string',
						default: '',
						placeholder: '2026-01-31 23:59:59',
						description: `Only events processed at or before this time: ${LOG_DATE_HELP}`,
						routing: toQuery('to_date'),
					},
				]),
			],
			pagination: { style: 'window', limitParam: 'limit', maxPageSize: LOGS_PAGE_SIZE, untilParam: 'to_date', sinceParam: 'from_date', positionField: 'startTime', idField: 'id' },
		},
		...webhookOperations,
	],
});
