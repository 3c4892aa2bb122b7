import type { IDataObject } from 'n8n-workflow';

import { defineResource } from '../shared/operation';

/** A delivery log entry, shortened to what tells whether the webhook got the event. */
function simplifyLog(entity: IDataObject): IDataObject {
	const response = (entity.consumerResponse ?? {}) as IDataObject;
	return {
		eventId: entity.eventId,
		eventName: entity.eventName,
		refId: entity.refId,
		requestId: entity.requestId,
		eventIngestionTimestamp: entity.eventIngestionTimestamp,
		eventEndTimestamp: entity.eventEndTimestamp,
		webhookHttpStatus: response.webhookHttpStatus,
		timeTaken: response.time_taken,
		slaBreached: entity.slaBreachTimestamp !== null && entity.slaBreachTimestamp !== undefined,
	};
}

export const eventLog = defineResource({
	value: 'eventLog',
	name: 'Event Log',
	description: 'Delivery status of event notifications (webhooks)',
	operations: [
		{
			value: 'getByRequestId',
			name: 'Get by Request ID',
			action: 'Get event notification logs by API request ID',
			description: 'Delivery logs of the notifications raised by one API call',
			method: 'GET',
			path: '/v3/webHooks/eventLog/requestId/{requestId}',
			fields: [
				{
					displayName: 'Request ID',
					name: 'requestId',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'a8bc7e42-9580-4820-9d21-8733b5f91a1d',
					description: 'The X-CAP-REQUEST-ID of the API call that raised the events (returned in its response headers)',
				},
			],
			output: { simplify: simplifyLog },
		},
		{
			value: 'getByRefId',
			name: 'Get by Reference ID',
			action: 'Get event notification logs by reference ID',
			description: 'Delivery logs of the notifications about one entity',
			method: 'GET',
			path: '/v3/webHooks/eventLog/refId/{refId}',
			fields: [
				{
					displayName: 'Reference ID',
					name: 'refId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '50074_38236069',
					description:
						'{orgId}_{uniqueId}: the transaction ID for transactionAdded, the customer ID for customerAdded, the redemption ID for points redemption',
				},
			],
			output: { simplify: simplifyLog },
		},
		{
			value: 'getByEventId',
			name: 'Get by Event ID',
			action: 'Get the notification log of an event',
			method: 'GET',
			path: '/v3/webHooks/eventLog/{eventId}',
			fields: [
				{
					displayName: 'Event ID',
					name: 'eventId',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'ccc983c2-df7a-4ece-b5cc-e574cec66fc1',
					description: 'ID (UUID) of the notification event, as found in the logs or the webhook payload',
				},
			],
			output: { simplify: simplifyLog },
		},
	],
});
