import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	bodyInput,
	customerIdField,
	isBlank,
	optionalField,
	options,
	queryOptions,
	toBody,
	toQuery,
	v11FieldList,
	v11IdentifierFields,
} from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import {
	bodyIdentifierFields,
	bodyOf,
	buildWith,
	compact,
	customerPath,
	entriesOf,
	fail,
	lookupFields,
	objectBodyInput,
	parameter,
	PROFILE_SOURCES,
	READ_TYPES,
	USER_ID_TYPES,
	V11_SUBSCRIPTION_CHANNELS,
	V11_SUBSCRIPTION_PRIORITIES,
	WRITE_TYPES,
} from './common';

/**
 * Customer Subscription & Preference: channel opt-ins and opt-outs, their log, and the
 * preferences of a customer.
 */

const SUBSCRIPTION_CHANNELS = options([
	['Email', 'EMAIL'],
	['Mobile (SMS)', 'MOBILE'],
	['WeChat', 'WECHAT'],
	['WhatsApp', 'WHATSAPP'],
	['iOS', 'IOS'],
	['Android', 'ANDROID'],
	['LINE', 'LINE'],
]);

const subscriptionFields: INodeProperties[] = [
	customerIdField(),
	...objectBodyInput(
		[
			{
				displayName: 'Subscriptions',
				name: 'subscriptions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Subscription',
				default: {},
				description: 'Opt the customer in or out of a channel for transactional or bulk messages',
				options: [
					{
						displayName: 'Subscription',
						name: 'subscription',
						values: [
							{ displayName: 'Account ID', name: 'accountId', type: 'string', default: '', description: 'Account of the source, for sources with several accounts' },
							{ displayName: 'Channel', name: 'channel', description: 'Channel the subscription is for', type: 'options', options: SUBSCRIPTION_CHANNELS, default: 'EMAIL' },
							{ displayName: 'Org Unit ID', name: 'orgUnitId', type: 'number', default: 0, description: 'Concept (org unit) the subscription applies to' },
							{
								displayName: 'Priority',
								name: 'priority',
								description: 'Transactional (personal) or bulk (promotional) messages',
								type: 'options',
								options: [
									{ name: 'Transactional', value: 'TRANS', description: 'Personal messages such as bills and points' },
									{ name: 'Bulk', value: 'BULK', description: 'Campaign and promotional messages' },
								],
								default: 'BULK',
							},
							{ displayName: 'Source', name: 'sourceName', description: 'Source (channel account) of the subscription', type: 'options', options: PROFILE_SOURCES, default: 'INSTORE' },
							{
								displayName: 'Type',
								name: 'type',
								description: 'Opt the customer in or out',
								type: 'options',
								options: options([
									['Opt In', 'OPTIN'],
									['Opt Out', 'OPTOUT'],
								]),
								default: 'OPTIN',
							},
						],
					},
				],
				routing: buildWith((context, request) => {
					const list = entriesOf(parameter<unknown>(context, 'subscriptions', {}), 'subscription').map((s) => compact(s, ['orgUnitId']));
					if (!list.length) fail(context, 'Parameter "Subscriptions" needs at least one subscription', 'Each subscription names a channel, a priority and Opt In or Opt Out.');
					const more = parameter<IDataObject>(context, 'additionalFields', {});
					const body = bodyOf(request);
					body.subscriptions = list;
					if (!isBlank(more.scope) || !isBlank(more.subScope)) body.scope = compact({ scope: more.scope as string, subScope: more.subScope as string });
					request.body = body;
				}),
			},
			additionalFields([
				optionalField('Communication ID', 'communicationId', 'number', 'Communication that led to the change (-1 for none)', 'body'),
				optionalField('Campaign ID', 'campaignId', 'number', 'Campaign that led to the change (-1 for none)', 'body'),
				optionalField('Reason', 'reason', 'string', 'Why the subscription changes; kept in the subscription log', 'body'),
				{
					displayName: 'Scope',
					name: 'scope',
					type: 'options',
					options: options([['User', 'USER']]),
					default: 'USER',
					description: 'Level the change applies to',
				},
				{ displayName: 'Sub-Scope', name: 'subScope', description: 'Sub-scope of the change, e.g. NONE', type: 'string', default: '', placeholder: 'NONE' },
			]),
		],
		'{"subscriptions": [{"channel": "EMAIL", "priority": "BULK", "type": "OPTOUT", "sourceName": "INSTORE"}], "reason": "…", "scope": {"scope": "USER", "subScope": "NONE"}}',
	),
];

export const customerSubscription = defineResource({
	value: 'customerSubscription',
	name: 'Customer Subscription & Preference',
	description: 'Channel opt-ins and opt-outs and the preferences of a customer',
	default: 'getSubscriptions',
	operations: [
		{
			value: 'updateSubscriptions',
			name: 'Update Subscriptions',
			action: 'Opt a customer in or out of channels',
			// The endpoint page (Update Subscription Details) says POST; the API index row's PUT is not documented.
			method: 'POST',
			path: customerPath('/subscriptions'),
			fields: subscriptionFields,
			output: { items: 'subscriptions' },
		},
		{
			value: 'updateSubscriptionsByIdentifier',
			name: 'Update Subscriptions by Identifier',
			action: 'Opt customers found by identifier in or out of SMS or email, several in one call',
			method: 'POST',
			path: '/v1.1/customer/subscriptions',
			v11Root: 'subscription',
			fields: bodyInput(
				[
					...bodyIdentifierFields(WRITE_TYPES),
					{
						displayName: 'Channel',
						name: 'channel',
						description: 'SMS or email',
						type: 'options',
						options: V11_SUBSCRIPTION_CHANNELS,
						default: 'sms',
						routing: toBody('channel'),
					},
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'options',
						options: V11_SUBSCRIPTION_PRIORITIES,
						default: 'BULK',
						description: 'Transactional (personal) or promotional messages',
						routing: toBody('priority'),
					},
					{
						displayName: 'Subscribed',
						name: 'isSubscribed',
						type: 'boolean',
						default: false,
						description: 'Whether the customer receives these messages (off unsubscribes)',
						routing: toBody('is_subscribed', '={{ $value ? "1" : "0" }}'),
					},
					{
						displayName: 'Scope',
						name: 'scope',
						type: 'hidden',
						default: 'all',
						routing: toBody('scope'),
					},
				],
				'One subscription change as an object, or several as an array, e.g. [{"mobile": "919111111111", "channel": "sms", "priority": "BULK", "scope": "all", "is_subscribed": "0"}]',
			),
			output: { perEntityStatus: true },
		},
		{
			value: 'getSubscriptions',
			name: 'Get Subscriptions',
			action: 'Get the channel subscriptions of a customer',
			method: 'GET',
			path: customerPath('/subscriptions'),
			fields: [customerIdField()],
			pagination: { style: 'none', items: 'subscriptions' },
		},
		{
			value: 'getSubscriptionsByIdentifier',
			name: 'Get Subscriptions by Identifier',
			action: 'Get the channel subscriptions of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/subscriptions',
			fields: lookupFields(),
			output: { items: 'subscriptions' },
		},
		{
			value: 'getSubscriptionsByChannel',
			name: 'Get Subscriptions by Channel',
			action: 'Get the subscription of a customer to one channel and priority',
			method: 'GET',
			path: '/v1.1/customer/subscriptions',
			fields: [
				...v11IdentifierFields(READ_TYPES),
				queryOptions([
					{
						displayName: 'Channel',
						name: 'channel',
						description: 'Only the subscription of this channel',
						type: 'options',
						options: options(['SMS', 'EMAIL', 'WECHAT', 'SOCIAL', 'REMINDER_TEXT', 'RE_ISSUAL_TEXT', 'CLIENT']),
						default: 'SMS',
						routing: toQuery('channel'),
					},
					{
						displayName: 'Priority',
						name: 'priority',
						description: 'Transactional (TRANS) or promotional (BULK) messages',
						type: 'options',
						options: options(['TRANS', 'BULK']),
						default: 'TRANS',
						routing: toQuery('priority'),
					},
					optionalField('Scope', 'scope', 'string', 'Subscription module; ALL for every module'),
				]),
			],
		},
		{
			value: 'getSubscriptionLog',
			name: 'Get Subscription Log',
			action: 'Get the subscription changes of a customer',
			method: 'GET',
			path: customerPath('/subscriptionStatusChangeLog'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
		},
		{
			value: 'updatePreferences',
			name: 'Update Preferences',
			action: 'Add or update the preferences of a customer',
			method: 'POST',
			path: '/v1.1/customer/preferences',
			v11Root: 'customer',
			fields: [
				...bodyIdentifierFields(USER_ID_TYPES),
				v11FieldList('Preferences', 'preferences', 'custom_fields', 'Preference custom fields, e.g. Favorite Color = Blue'),
				additionalFields([
					optionalField('Preferred Store Code', 'store.code', 'string', 'Code of the preferred store', 'body', 'storeCode'),
					optionalField('Preferred Store ID', 'store.id', 'string', 'ID of the preferred store', 'body', 'storeId'),
				]),
			],
		},
		{
			value: 'getPreferences',
			name: 'Get Preferences',
			action: 'Get the preferences of a customer',
			method: 'GET',
			path: '/v1.1/customer/preferences',
			fields: [...v11IdentifierFields(READ_TYPES)],
		},
	],
});
