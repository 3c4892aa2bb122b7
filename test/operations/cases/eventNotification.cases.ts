import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { seedWebhookAccount, setEventNotifications, webhookAccounts } from '../../simulator/resources/eventNotification';
import type { Simulator } from '../../simulator/server';

const SAMPLE_ID = '5e12e3ec57871a0008c15d9e';

/** The account of the docs' Add Webhook Account sample, with the ID of the Update sample. */
function existingAccount(sim: Simulator): void {
	seedWebhookAccount(sim, {
		webHookId: SAMPLE_ID,
		name: 'DemoWebhook1',
		eventNames: ['transactionAdded', 'pointsRedeemed'],
		webHookUrl: 'https://envr6t7iue26f.x.pipedream.net/',
		webHookHeaders: { 'Content-Type': 'application/json' },
		maxAllowedConnections: 10.99,
		slaInSeconds: 30,
	});
}

export const cases: OperationCase[] = [
	{
		resource: 'eventNotification',
		operation: 'createWebhook',
		parameters: {
			name: 'DemoWebhook1',
			webHookUrl: 'https://envr6t7iue26f.x.pipedream.net/',
			eventNames: ['transactionAdded', 'pointsRedeemed'],
			options: { slaInSeconds: 30, maxAllowedConnections: 10, webHookHeaders: { field: [{ name: 'Authorization', value: 'Bearer crm-token' }] } },
		},
		request: {
			method: 'POST',
			path: '/v3/webHooks',
			body: {
				name: 'DemoWebhook1',
				eventNames: ['transactionAdded', 'pointsRedeemed'],
				webHookUrl: 'https://envr6t7iue26f.x.pipedream.net/',
				webHookType: 'HTTP',
				methodType: 'POST',
				slaInSeconds: 30,
				maxAllowedConnections: 10,
				webHookHeaders: { Authorization: 'Bearer crm-token' },
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([
				{ webHookId: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'DemoWebhook1', eventNames: ['transactionAdded', 'pointsRedeemed'], webHookUrl: 'https://envr6t7iue26f.x.pipedream.net/', webHookType: 'HTTP', active: true },
			]);
			expect(webhookAccounts(sim)).toEqual([expect.objectContaining({ name: 'DemoWebhook1', active: true, webHookHeaders: { Authorization: 'Bearer crm-token' } })]);
		},
	},
	{
		resource: 'eventNotification',
		operation: 'updateWebhook',
		title: 'deactivate and change the events',
		auth: 'oauth',
		setup: existingAccount,
		parameters: { webHookId: SAMPLE_ID, eventNames: ['customerAdded'], updateFields: { active: false, noOfRetryAttempts: 5 }, simplify: false },
		request: { method: 'PUT', path: `/v3/webHooks/${SAMPLE_ID}`, body: { eventNames: ['customerAdded'], active: false, noOfRetryAttempts: 5, methodType: 'POST' } },
		output: (items, sim) => {
			expect(webhookAccounts(sim)[0]).toMatchObject({ active: false, eventNames: ['customerAdded'] });
			expect(items).toEqual([expect.objectContaining({ webHookId: SAMPLE_ID, name: 'DemoWebhook1', eventNames: ['customerAdded'], active: false, noOfRetryAttempts: 5, maxAllowedConnections: 10, attribution: expect.any(Object) })]);
		},
	},
	{
		resource: 'eventNotification',
		operation: 'getEvents',
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v3/webHooks/eventMetaData' },
		output: (items) => {
			expect(items).toHaveLength(16);
			expect(items).toEqual(expect.arrayContaining([{ active: true, eventName: 'transactionAdded' }, { active: true, eventName: 'tierDowngradeReminder' }]));
		},
	},
	{
		resource: 'eventNotification',
		operation: 'getEventSchema',
		parameters: { eventName: 'transactionAdded' },
		request: { method: 'GET', path: '/v3/webHooks/eventMetaData/transactionAdded' },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ active: true, eventName: 'transactionAdded', schema: expect.objectContaining({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }) })]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'eventNotification',
		operation: 'updateWebhook',
		title: 'unknown webhook account (v3 errors[])',
		parameters: { webHookId: '0000000000000000deadbeef', eventNames: ['customerAdded'] },
		message: /1304.*Webhook not found/,
	},
	{
		resource: 'eventNotification',
		operation: 'getEvents',
		title: 'Event Notifications disabled for the org',
		setup: (sim) => setEventNotifications(sim, { enabled: false }),
		parameters: {},
		message: /1301.*not enabled/,
	},
];

export default { cases, errors } satisfies CaseFile;
