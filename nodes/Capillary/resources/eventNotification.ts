import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { documentedEventOptions } from '../shared/eventNotifications';
import { additionalFields, keyValueField, optionalField, toBody } from '../shared/fields';
import { defineResource } from '../shared/operation';

/**
 * Event Notifications (v3 webHooks): the webhook accounts Capillary pushes events to, the org's
 * events and their payload schemas (docs: api-documentation, _eventNotifications.md). The
 * delivery logs of these notifications are the Event Log resource. The Capillary Event Trigger
 * node manages its own webhook account with these endpoints.
 */

function eventNamesField(description: string): INodeProperties {
	return {
		displayName: 'Event Names',
		name: 'eventNames',
		type: 'multiOptions',
		required: true,
		options: documentedEventOptions(),
		default: [],
		description,
		routing: toBody('eventNames'),
	};
}

const webHookTypeField: INodeProperties = {
	displayName: 'Webhook Type',
	name: 'webHookType',
	type: 'options',
	options: [
		{ name: 'HTTP', value: 'HTTP' },
		{ name: 'Queue', value: 'queue' },
	],
	default: 'HTTP',
	description: 'How Capillary delivers the events: HTTP POST to the URL, or a queue',
	routing: toBody('webHookType'),
};

/** Body fields both Add and Update accept (docs: Request Body Parameters of both pages). */
function accountOptions(): INodeProperties[] {
	return [
		optionalField('Active', 'active', 'boolean', 'Whether the account receives events (Capillary: true by default). Set false to deactivate it.', 'body'),
		optionalField('Max Allowed Connections', 'maxAllowedConnections', 'number', 'How many requests Capillary sends to the URL in parallel', 'body'),
		optionalField('SLA (Seconds)', 'slaInSeconds', 'number', 'Expected delivery time of a notification; slower deliveries are flagged as SLA breaches in the event log', 'body'),
		keyValueField('Headers', 'webHookHeaders', 'webHookHeaders', 'Headers Capillary adds to every notification (e.g. an access token your endpoint checks)'),
	];
}

/** A webhook account, shortened to what identifies it and what it receives. */
function simplifyAccount(entity: IDataObject): IDataObject {
	return {
		webHookId: entity.webHookId,
		name: entity.name,
		eventNames: entity.eventNames,
		webHookUrl: entity.webHookUrl,
		webHookType: entity.webHookType,
		active: entity.active,
	};
}

export const eventNotification = defineResource({
	value: 'eventNotification',
	name: 'Event Notification',
	description: 'Webhook accounts Capillary pushes events to, the events of the org and their payload schemas',
	operations: [
		{
			value: 'createWebhook',
			name: 'Create Webhook Account',
			action: 'Create a webhook account for event notifications',
			description: 'Subscribes a URL to events: Capillary POSTs each event to it',
			method: 'POST',
			path: '/v3/webHooks',
			fixed: { body: { methodType: 'POST' } },
			fields: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'crm-sync',
					description: 'Name of the account; must be unique within the Capillary cluster',
					routing: toBody('name'),
				},
				{
					displayName: 'Webhook URL',
					name: 'webHookUrl',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'https://example.com/capillary-events',
					description: 'Where Capillary POSTs the events',
					routing: toBody('webHookUrl'),
				},
				eventNamesField('Events Capillary sends to this account'),
				webHookTypeField,
				additionalFields(accountOptions(), 'options'),
			],
			output: { simplify: simplifyAccount },
		},
		{
			value: 'updateWebhook',
			name: 'Update Webhook Account',
			action: 'Update a webhook account',
			description: 'Changes the events, URL, headers or status of a webhook account (Active off deactivates it)',
			method: 'PUT',
			path: '/v3/webHooks/{webHookId}',
			fixed: { body: { methodType: 'POST' } },
			fields: [
				{
					displayName: 'Webhook ID',
					name: 'webHookId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '5e9d7b03c64f3d00085d7f00',
					description: 'ID of the webhook account (webHookId returned when it was created)',
				},
				eventNamesField('Events the account receives from now on. Events not listed are removed from the account.'),
				additionalFields(
					[
						optionalField('Name', 'name', 'string', 'New name of the account (unique within the cluster)', 'body'),
						optionalField('Webhook URL', 'webHookUrl', 'string', 'New URL Capillary POSTs the events to', 'body'),
						{ ...webHookTypeField, description: 'New delivery type' },
						optionalField('Retry Attempts', 'noOfRetryAttempts', 'number', 'How often Capillary retries a delivery that failed', 'body'),
						...accountOptions(),
					],
					'updateFields',
				),
			],
			output: { simplify: simplifyAccount },
			hint: 'Capillary documents no call that reads or deletes a webhook account: deactivate an account with Active off. Fields left out keep their values, except Event Names, which replaces the list.',
		},
		{
			value: 'getEvents',
			name: 'Get Org Events',
			action: 'Get the events of the org',
			description: 'Standard and custom events of the org and whether each is active',
			method: 'GET',
			path: '/v3/webHooks/eventMetaData',
			pagination: { style: 'none' },
		},
		{
			value: 'getEventSchema',
			name: 'Get Event Schema',
			action: 'Get the payload schema of an event',
			description: 'The JSON schema of the payload Capillary sends for one event',
			method: 'GET',
			path: '/v3/webHooks/eventMetaData/{eventName}',
			fields: [
				{
					displayName: 'Event Name',
					name: 'eventName',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'transactionAdded',
					description: 'Name of the event as listed by Get Org Events',
				},
			],
		},
	],
});
