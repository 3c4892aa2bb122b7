import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionalField, v11FieldList } from '../../shared/fields';
import { V11_SUBSCRIPTION_CHANNELS, V11_SUBSCRIPTION_PRIORITIES } from './common';

/**
 * The profile fields of the v1.1 customer operations (Create with Referral Code, Update with Fraud
 * Status, Get with Tier and Coupon History). POST bodies carry the customer as one entity, which
 * the executor wraps as `{"root": {"customer": [ … ]}}`.
 */

/** `subscriptions: {subscription: [{channel, priority, is_subscribed, scope}]}` of add and update. */
export const profileSubscriptions: INodeProperties = {
	displayName: 'Subscriptions',
	name: 'subscriptions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Subscription',
	default: {},
	description: 'SMS and email opt-in or opt-out of the customer',
	options: [
		{
			displayName: 'Subscription',
			name: 'subscription',
			values: [
				{
					displayName: 'Channel',
					name: 'channel',
					description: 'SMS or email',
					type: 'options',
					options: V11_SUBSCRIPTION_CHANNELS,
					default: 'sms',
					routing: { send: { type: 'body', property: '=subscriptions.subscription[{{$index}}].channel' } },
				},
				{
					displayName: 'Priority',
					name: 'priority',
					description: 'Transactional (personal) or promotional (bulk) messages',
					type: 'options',
					options: V11_SUBSCRIPTION_PRIORITIES,
					default: 'TRANS',
					routing: { send: { type: 'body', property: '=subscriptions.subscription[{{$index}}].priority' } },
				},
				{
					displayName: 'Subscribed',
					name: 'isSubscribed',
					type: 'boolean',
					default: true,
					description: 'Whether the customer receives messages of this channel and priority',
					routing: {
						send: {
							type: 'body',
							property: '=subscriptions.subscription[{{$index}}].is_subscribed',
							value: '={{ $value ? "1" : "0" }}',
						},
					},
				},
				{
					displayName: 'Scope',
					name: 'scope',
					type: 'string',
					default: 'all',
					description: 'Capillary expects "all"',
					routing: { send: { type: 'body', property: '=subscriptions.subscription[{{$index}}].scope' } },
				},
			],
		},
	],
};

/** Profile fields shared by add and update. */
export function v11ProfileFields(): INodeProperties[] {
	return [
		optionalField('First Name', 'firstname', 'string', 'First name of the customer', 'body'),
		optionalField('Last Name', 'lastname', 'string', 'Last name of the customer', 'body'),
		optionalField('Registered On', 'registered_on', 'string', 'Registration date and time, YYYY-MM-DD HH:MM:SS', 'body'),
		optionalField('Registered Till', 'registered_till', 'string', 'Till code at which the customer registered', 'body'),
		optionalField('Associated With', 'associated_with', 'string', 'Till code to associate the customer with', 'body'),
		v11FieldList('Custom Fields', 'customFields', 'custom_fields', 'Custom fields configured for the org, as name and value'),
		v11FieldList('Extended Fields', 'extendedFields', 'extended_fields', 'Extended fields enabled for the org (e.g. gender, city, dob), as name and value', true, 'getCustomerExtendedFields'),
		profileSubscriptions,
	];
}

export const BATCH_JSON_DESCRIPTION =
	'One customer as an object, or several customers as an array of objects (one request registers them all; each gets its own status). Example: [{"mobile": "919111111111", "firstname": "Tom"}]';

/** Shortened customer of customer/get. */
export function simplifyV11Customer(customer: IDataObject): IDataObject {
	const keep = [
		'user_id',
		'firstname',
		'lastname',
		'mobile',
		'email',
		'external_id',
		'type',
		'loyalty_points',
		'lifetime_points',
		'lifetime_purchases',
		'current_slab',
		'tier_expiry_date',
		'registered_on',
		'updated_on',
		'source',
	];
	const out: IDataObject = {};
	for (const key of keep) if (customer[key] !== undefined) out[key] = customer[key];
	return out;
}

/** Flags of customer/get that switch a block of the response on (`next_slab=true`). */
export const GET_FLAGS: Array<[string, string, string]> = [
	['Card Details', 'card_details', 'Whether to include the cards of the customer'],
	['Coupon Active', 'coupon_active', 'Whether to list only active coupons'],
	['Customer Image', 'customer_image', "Whether to include the customer's profile image"],
	['Delayed Accrual', 'delayed_accrual', 'Whether to include points that are not yet credited (delayed accrual)'],
	['Expired Points', 'expired_points', 'Whether to include the expired points'],
	['Expiry Schedule', 'expiry_schedule', 'Whether to include the points expiry schedule'],
	['Fraud Details', 'fraud_details', 'Whether to include the fraud status (returned by default)'],
	['Basic Details Only', 'basic', 'Whether to return only the basic profile'],
	['Member Care Access', 'member_care_access', 'Whether to restrict to customers active near the admin user'],
	['Membership Retention Criteria', 'membership_retention_criteria', 'Whether to include the tier retention criteria'],
	['Multi-Loyalty Programs', 'mlp', 'Whether to include loyalty details per program, with gap to upgrade and renew'],
	['NDNC Status', 'ndnc_status', 'Whether to include the DND (NDNC) status of the mobile number'],
	['Next Slab', 'next_slab', 'Whether to include the next tier of the customer'],
	['Opt-In Status', 'optin_status', 'Whether to include the SMS and email opt-in status'],
	['Points Summary', 'points_summary', 'Whether to include the history of points issued and redeemed'],
	['Promotion Points', 'promotion_points', 'Whether to include promotional points (up to 1000 entries)'],
	['Registered Store', 'registered_store', 'Whether to include the store of registration (returned by default)'],
	['Registered Till', 'registered_till', 'Whether to include the till of registration (returned by default)'],
	['Segments', 'segments', 'Whether to include the segments of the customer'],
	['Slab History', 'slab_history', 'Whether to include the tier change history'],
	['Subscriptions', 'subscriptions', 'Whether to include the subscription status'],
	['Tier Upgrade Criteria', 'tier_upgrade_criteria', 'Whether to include the criteria for the next tier'],
	['Tracker Info', 'tracker_info', 'Whether to include tracker values'],
	['Transactions', 'transactions', 'Whether to include recent transactions'],
	['User Group', 'user_group', 'Whether to include the user group of the customer'],
	['User ID', 'user_id', 'Whether to include the customer ID'],
];
