import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { byTomV11, TOM, tom } from './customer.fixtures';

/** Customer Subscription & Preference: subscriptions, their log and preferences. */
export const cases: OperationCase[] = [
	{
		resource: 'customerSubscription',
		operation: 'updateSubscriptions',
		parameters: {
			customerId: '1001',
			subscriptions: {
				subscription: [
					{ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT', sourceName: 'INSTORE' },
					{ channel: 'MOBILE', priority: 'TRANS', type: 'OPTIN', sourceName: 'INSTORE' },
				],
			},
			additionalFields: { reason: 'Customer asked', campaignId: -1, scope: 'USER', subScope: 'NONE' },
		},
		// POST, as the Update Subscription Details page says (the API index row's PUT is not documented).
		request: [
			{
			method: 'POST',
			path: '/v2/customers/1001/subscriptions',
			body: {
				subscriptions: [
					{ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT', sourceName: 'INSTORE' },
					{ channel: 'MOBILE', priority: 'TRANS', type: 'OPTIN', sourceName: 'INSTORE' },
				],
				reason: 'Customer asked',
				campaignId: -1,
				scope: { scope: 'USER', subScope: 'NONE' },
			},
			},
		],
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT' }), expect.objectContaining({ channel: 'SMS', priority: 'TRANS', type: 'OPTIN' })]);
			expect(tom(sim).subscriptions).toContainEqual(expect.objectContaining({ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT' }));
			expect(tom(sim).subscriptionLog).toHaveLength(2);
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptions',
		setup: (sim) => void tom(sim).subscriptions.push({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' }),
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/subscriptions' },
		output: (items) => {
			expect(items).toHaveLength(4);
			expect(items).toContainEqual({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' });
			expect(items).toContainEqual({ channel: 'EMAIL', priority: 'TRANS', type: 'OPTIN' });
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptionLog',
		setup: (sim) => {
			tom(sim).subscriptionLog.push(
				{ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT', addedOn: '2026-01-02T10:00:00+05:30', source: 'INSTORE', reason: 'Asked by phone' },
				{ channel: 'SMS', priority: 'TRANS', type: 'OPTIN', addedOn: '2026-01-03T10:00:00+05:30' },
			);
		},
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/subscriptionStatusChangeLog' },
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({ commChannelType: 'email', priority: 'BULK', status: false, addedOn: '2026-01-02', reason: 'Asked by phone' }),
				expect.objectContaining({ commChannelType: 'mobile', priority: 'TRANS', status: true }),
			]),
	},
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptionsByIdentifier',
		setup: (sim) => void tom(sim).subscriptions.push({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' }),
		parameters: { identifierName: 'externalId', identifierValue: 'TS-001', source: 'INSTORE' },
		request: { method: 'GET', path: '/v2/customers/lookup/subscriptions', query: { identifierName: 'externalId', identifierValue: 'TS-001', source: 'INSTORE' } },
		output: (items) => {
			expect(items).toHaveLength(4);
			expect(items).toContainEqual({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' });
			expect(items.filter((s) => s.type === 'OPTIN')).toHaveLength(3);
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'updatePreferences',
		parameters: { ...byTomV11, preferences: { field: [{ name: 'Favorite Brand', value: 'Puma' }] }, additionalFields: { storeCode: 'store.server' } },
		request: { method: 'POST', path: '/v1.1/customer/preferences', body: { root: { customer: [{ mobile: TOM, custom_fields: { field: [{ name: 'Favorite Brand', value: 'Puma' }] }, store: { code: 'store.server' } }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ store: expect.objectContaining({ code: 'store.server', status: 'SUCCESS' }) })]);
			expect(tom(sim).preferences).toEqual([{ name: 'Favorite Brand', value: 'Puma' }, { name: 'PREFERRED_STORE', value: 'store.server' }]);
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getPreferences',
		auth: 'oauth',
		setup: (sim) => void tom(sim).preferences.push({ name: 'Favorite Color', value: 'Green' }),
		parameters: { ...byTomV11 },
		request: { method: 'GET', path: '/v1.1/customer/preferences', query: { mobile: TOM } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ custom_fields: { field: [{ name: 'Favorite Color', value: 'Green' }] } })]),
	},
	{
		resource: 'customerSubscription',
		operation: 'updateSubscriptionsByIdentifier',
		parameters: { v11IdentifierType: 'email', v11IdentifierValue: 'tom.sawyer@example.com', channel: 'email', priority: 'BULK', isSubscribed: false },
		request: { method: 'POST', path: '/v1.1/customer/subscriptions', body: { root: { subscription: [{ email: 'tom.sawyer@example.com', channel: 'email', priority: 'BULK', is_subscribed: '0', scope: 'all' }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, channel: 'EMAIL', priority: 'BULK', is_subscribed: '0' })]);
			expect(tom(sim).subscriptions).toEqual([expect.objectContaining({ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT' })]);
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptionsByChannel',
		setup: (sim) => void tom(sim).subscriptions.push({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' }),
		parameters: { ...byTomV11, options: { channel: 'SMS' } },
		request: { method: 'GET', path: '/v1.1/customer/subscriptions', query: { mobile: TOM, channel: 'SMS' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({
					mobile: TOM,
					channel: [{ name: 'SMS', priority: [expect.objectContaining({ name: 'TRANS', user_preference: 'NOT_SET', subscribed: 'ALL' }), expect.objectContaining({ name: 'BULK', user_preference: 'UNSUBSCRIBED', unsubscribed: 'ALL' })] }],
				}),
			]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptions',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { customerId: '999999', returnAll: true },
		message: /8015.*No customer found/,
	},
];

export default { cases, errors } satisfies CaseFile;
