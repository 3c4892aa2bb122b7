import { defineResource } from '../shared/operation';

export const eventLog = defineResource({
	value: 'eventLog',
	name: 'Event Log',
	description: 'Delivery status of event notifications (webhooks)',
	operations: [],
});
