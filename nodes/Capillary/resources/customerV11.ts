import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	bodyInput,
	headerField,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	toBody,
	toQuery,
	V11_IDENTIFIER_TYPES,
	v11FieldList,
	v11IdentifierFields,
} from '../shared/fields';
import { defineResource } from '../shared/operation';

/**
 * Customer operations of the v1.1 API. GETs name the identifier in the query (`?mobile=…`); POST
 * bodies carry it as a property of the entity (`{"mobile": "…"}`), which the executor wraps as
 * `{"root": {"customer": [ … ]}}`.
 */

/** mobile, email, external_id and the customer ID (`id`): what most v1.1 customer reads accept. */
const READ_TYPES = V11_IDENTIFIER_TYPES.filter(([, v]) => !v.startsWith('card_'));

const WRITE_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'external_id'],
	['Customer ID', 'id'],
];

/** Notes and preferences call the customer ID `user_id` in the body. */
const USER_ID_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'external_id'],
	['Customer ID', 'user_id'],
];

/** Identifier query fields for reads whose response holds one customer (no comma-separated batch). */
function oneCustomerFields(): INodeProperties[] {
	return v11IdentifierFields(READ_TYPES).map((field) =>
		field.name === 'v11IdentifierValue' ? { ...field, description: 'Value of that identifier, e.g. the mobile number with country code (one customer)' } : field,
	);
}

/** Identifier of the customer inside a v1.1 POST entity: `{"<type>": "<value>"}`. */
function bodyIdentifierFields(types: Array<[string, string]>): INodeProperties[] {
	const firstType = types[0][1];
	return [
		{
			displayName: 'Identifier Type',
			name: 'v11IdentifierType',
			type: 'options',
			options: options(types),
			default: firstType,
			description: 'Which identifier of the customer you know',
		},
		{
			displayName: 'Identifier Value',
			name: 'v11IdentifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			description: 'Value of that identifier, e.g. the mobile number with country code',
			routing: toBody('={{ $parameter.v11IdentifierType }}'),
		},
	];
}

const SUBSCRIPTION_CHANNELS = options([
	['SMS', 'sms'],
	['Email', 'email'],
]);

const SUBSCRIPTION_PRIORITIES = options([
	['Transactional (TRANS)', 'TRANS'],
	['Promotional (BULK)', 'BULK'],
]);

/** `subscriptions: {subscription: [{channel, priority, is_subscribed, scope}]}` of add and update. */
const profileSubscriptions: INodeProperties = {
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
					type: 'options',
					options: SUBSCRIPTION_CHANNELS,
					default: 'sms',
					routing: { send: { type: 'body', property: '=subscriptions.subscription[{{$index}}].channel' } },
				},
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'options',
					options: SUBSCRIPTION_PRIORITIES,
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
function profileFields(): INodeProperties[] {
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

const BATCH_JSON_DESCRIPTION =
	'One customer as an object, or several customers as an array of objects (one request registers them all; each gets its own status). Example: [{"mobile": "919111111111", "firstname": "Tom"}]';

/** Shortened customer of customer/get. */
function simplifyCustomer(customer: IDataObject): IDataObject {
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

const dateOption = (displayName: string, property: string, description: string) => ({
	...optionalField(displayName, property, 'string', description),
	placeholder: 'YYYY-MM-DD',
});

/** Flags of customer/get that switch a block of the response on (`next_slab=true`). */
const GET_FLAGS: Array<[string, string, string]> = [
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

export const customerV11 = defineResource({
	value: 'customerV11',
	name: 'Customer (v1.1)',
	description: 'Customer operations of the older v1.1 API: notes, tickets, preferences, interactions',
	operations: [
		{
			value: 'add',
			name: 'Add',
			action: 'Register a customer (v1.1)',
			method: 'POST',
			path: '/v1.1/customer/add',
			v11Root: 'customer',
			hint: 'Registers a new customer or, when an identifier already exists, updates that customer\'s details (identifiers are not changed). JSON input can register several customers in one call.',
			fields: bodyInput(
				[
					optionalField('Mobile', 'mobile', 'string', 'Mobile number with country code. At least one of Mobile, Email and External ID is needed.', 'body'),
					optionalField('Email', 'email', 'string', 'Email address. At least one of Mobile, Email and External ID is needed.', 'body'),
					optionalField('External ID', 'external_id', 'string', 'Your own ID of the customer. At least one of Mobile, Email and External ID is needed.', 'body'),
					additionalFields([
						...profileFields(),
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: options([
								['Loyalty', 'LOYALTY'],
								['Non-Loyalty', 'NON_LOYALTY'],
								['Not Interested', 'NOT_INTERESTED'],
							]),
							default: 'LOYALTY',
							description: 'Enrol in the loyalty program, register identifiers only, or record an anonymous customer',
							routing: toBody('type'),
						},
						optionalField('Card Number', 'card_details.card_number', 'string', 'Card to issue to the customer (manual card numbering)', 'body', 'cardNumber'),
						optionalField('Card Series Code', 'card_details.series_code', 'string', 'Series to generate a card from (automatic card numbering)', 'body', 'cardSeriesCode'),
						optionalField('Referral Code', 'referral_code', 'string', 'Referral code of the customer who referred this one', 'body'),
						optionalField('Source', 'source', 'string', 'Registration source, e.g. INSTORE or WECHAT', 'body'),
					]),
				],
				BATCH_JSON_DESCRIPTION,
			),
			output: { perEntityStatus: true },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a customer (v1.1)',
			method: 'POST',
			path: '/v1.1/customer/update',
			v11Root: 'customer',
			hint: 'Identifiers (mobile, email, external ID) are not changed here; use Update Identifier.',
			fields: bodyInput(
				[
					...bodyIdentifierFields(WRITE_TYPES),
					additionalFields([
						...profileFields(),
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: options([['Loyalty', 'LOYALTY']]),
							default: 'LOYALTY',
							description: 'Converts a non-loyalty customer into a loyalty member (the reverse is not allowed)',
							routing: toBody('type'),
						},
						{
							displayName: 'Fraud Status',
							name: 'fraudStatus',
							type: 'options',
							options: options([
								['Confirmed', 'CONFIRMED'],
								['None', 'NONE'],
							]),
							default: 'NONE',
							routing: toBody('fraud_status.status'),
						},
					]),
				],
				BATCH_JSON_DESCRIPTION,
			),
			output: { perEntityStatus: true },
		},
		{
			value: 'updateIdentity',
			name: 'Update Identifier',
			action: 'Request a change of a customer identifier (v1.1)',
			method: 'POST',
			path: '/v1.1/customer/update_identity',
			v11Root: 'customer',
			hint: 'Creates a change request that stays pending until Capillary processes it.',
			fields: [
				{
					displayName: 'Identifier',
					name: 'identifier',
					type: 'options',
					options: options([
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'external_id'],
					]),
					default: 'mobile',
					description: 'Identifier to change',
					routing: toBody('identifier'),
				},
				{
					displayName: 'Old Value',
					name: 'oldValue',
					type: 'string',
					required: true,
					default: '',
					description: 'Current value of the identifier',
					routing: toBody('old_value'),
				},
				{
					displayName: 'New Value',
					name: 'newValue',
					type: 'string',
					required: true,
					default: '',
					routing: toBody('new_value'),
				},
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/get',
			fields: [
				...v11IdentifierFields(),
				headerField('Language', 'language', 'language', 'ISO language code for extended field values in another language, e.g. zh or ar'),
				queryOptions([
					...GET_FLAGS.map(([displayName, flag, description]) => optionalField(displayName, flag, 'boolean', description)),
					optionalField('Coupon Limit', 'coupon_limit', 'number', 'Number of recent coupons to include'),
					optionalField('Coupon Offset', 'coupon_offset', 'number', 'Number of coupons to skip (in order of issue)'),
					{
						displayName: 'Coupon Order By',
						name: 'couponOrderBy',
						type: 'options',
						options: options([
							['Created Date', 'created_date'],
							['Created By', 'created_by'],
							['Valid Till', 'valid_till'],
						]),
						default: 'created_date',
						routing: toQuery('coupon_order_by'),
					},
					sortOrderField({ displayName: 'Coupon Sort Order', name: 'couponSortOrder', query: 'coupon_sort_order', default: 'desc' }),
					optionalField('Coupon Status', 'coupon_status', 'string', 'Only coupons with this status'),
					optionalField('Coupon Offer', 'coupon_offer', 'number', 'Coupon offer filter (Capillary default 0)'),
					optionalField('Coupon Org Entity Type', 'coupon_org_entity_type', 'string', 'Only coupons of this org entity type (e.g. STORE)'),
					optionalField('Coupon Org Entity Value', 'coupon_org_entity_value', 'string', 'Only coupons of this org entity'),
					optionalField('Gap to Upgrade For (Days)', 'gap_to_upgrade_for', 'number', 'Gap to the next tier as of this many days from today (0 = today)'),
					optionalField('Gap to Renew For (Days)', 'gap_to_renew_for', 'number', 'Value needed to keep the tier as of this many days from today (0 = today)'),
					optionalField('Program ID', 'program_id', 'number', 'Loyalty program to report on'),
				]),
			],
			output: { simplify: simplifyCustomer },
		},
		{
			value: 'getTransactions',
			name: 'Get Transactions',
			action: 'Get the transactions of a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/transactions',
			fields: [
				...oneCustomerFields(),
				queryOptions([
					dateOption('Start Date', 'start_date', 'Transactions on or after this date'),
					dateOption('End Date', 'end_date', 'Transactions on or before this date'),
					optionalField('Start ID', 'start_id', 'number', 'Transactions with an ID greater than or equal to this'),
					optionalField('End ID', 'end_id', 'number', 'Transactions with an ID less than or equal to this'),
					optionalField('Transaction Number', 'number', 'string', 'Only the transaction with this bill number'),
					optionalField('Transaction ID', 'transaction_id', 'number', 'Only the transaction with this ID'),
					optionalField('Store ID', 'store_id', 'string', 'Only transactions of this store ID'),
					optionalField('Store Code', 'store_code', 'string', 'Only transactions of this store code'),
					{
						displayName: 'Entity Type',
						name: 'entityType',
						type: 'options',
						options: options([
							['Zone', 'ZONE'],
							['Concept', 'CONCEPT'],
							['Store', 'STORE'],
							['Till', 'TILL'],
							['Store Server', 'STR_SERVER'],
						]),
						default: 'STORE',
						description: 'Filter by this org entity (with Entity Code)',
						routing: toQuery('entity_type'),
					},
					optionalField('Entity Code', 'entity_code', 'string', 'Code of the org entity chosen in Entity Type'),
					optionalField('Credit Notes', 'credit_notes', 'boolean', 'Whether to include credit notes of returned goods'),
					optionalField('Custom Fields', 'custom_fields', 'boolean', 'Whether to include transaction custom fields'),
					optionalField('Points Breakup', 'points_breakup', 'boolean', 'Whether to include the breakup of points earned per transaction'),
					optionalField('Multi-Loyalty Programs', 'mlp', 'boolean', 'Whether to include points per loyalty program'),
					{
						displayName: 'Sort By',
						name: 'sort',
						type: 'options',
						options: options([
							['Transaction Date', 'trans_date'],
							['Transaction ID', 'trans_id'],
						]),
						default: 'trans_date',
						routing: toQuery('sort'),
					},
					sortOrderField({ displayName: 'Order', name: 'order', default: 'desc' }),
				]),
			],
			output: { items: 'customer.transactions.transaction' },
			pagination: { style: 'offset', maxPageSize: 100, items: 'customer.transactions.transaction' },
		},
		...(['points', 'coupons'] as const).map((kind) => ({
			value: kind === 'points' ? 'getPointsRedemptions' : 'getCouponRedemptions',
			name: kind === 'points' ? 'Get Points Redemptions' : 'Get Coupon Redemptions',
			action: kind === 'points' ? 'Get the points redemptions of a customer (v1.1)' : 'Get the coupon redemptions of a customer (v1.1)',
			method: 'GET' as const,
			path: '/v1.1/customer/redemptions',
			hint: `Sends type=${kind.toUpperCase()} to customer/redemptions, which returns points and coupon redemptions in separate lists; this operation returns the ${kind === 'points' ? 'points' : 'coupon'} list, one item per redemption.`,
			fields: [
				...oneCustomerFields(),
				{
					displayName: 'Type',
					name: 'redemptionType',
					type: 'hidden' as const,
					default: kind.toUpperCase(),
					routing: toQuery('type'),
				},
				queryOptions([
					dateOption('Start Date', 'start_date', 'Redemptions on or after this date'),
					dateOption('End Date', 'end_date', 'Redemptions before this date'),
					optionalField('Fetch Size', 'limit', 'number', 'How many redemptions Capillary returns (it defaults to 10)', 'query', 'fetchSize'),
					...(kind === 'coupons'
						? [
								optionalField('Start Redemption ID', 'coupons_start_id', 'number', 'Coupon redemptions with an ID from this one'),
								optionalField('End Redemption ID', 'coupons_end_id', 'number', 'Coupon redemptions with an ID up to this one'),
							]
						: [
								optionalField('Start Redemption ID', 'points_start_id', 'number', 'Points redemptions with an ID from this one'),
								optionalField('End Redemption ID', 'points_end_id', 'number', 'Points redemptions with an ID up to this one'),
								optionalField('Multi-Loyalty Programs', 'mlp', 'boolean', 'Whether to include the breakup per loyalty program'),
								optionalField('Program ID', 'programId', 'number', 'Only redemptions of this loyalty program'),
								optionalField('External Reference Number', 'external_reference_number', 'string', 'Only the redemption with this reference'),
							]),
					optionalField('Include Customer ID', 'user_id', 'boolean', 'Whether to return the customer ID too'),
					{
						displayName: 'Sort By',
						name: 'sort',
						type: 'options',
						options: options([
							['Redeemed Time', 'redeemed_time'],
							['Redemption ID', 'redemption_id'],
						]),
						default: 'redeemed_time',
						routing: toQuery('sort'),
					},
					sortOrderField({ displayName: 'Order', name: 'order', default: 'desc' }),
				]),
			],
			output: { items: kind === 'points' ? 'customer.redemptions.points.point' : 'customer.redemptions.coupons.coupon' },
			pagination: { style: 'none' as const },
		})),
		{
			value: 'getCoupons',
			name: 'Get Coupons',
			action: 'Get the coupons of a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/coupons',
			hint: 'Pages with limit and offset: Capillary documents limit only, but its responses carry a limit/offset pagination block.',
			fields: [
				...oneCustomerFields(),
				queryOptions([
					dateOption('Start Date', 'start_date', 'Coupons issued or redeemed on or after this date'),
					dateOption('End Date', 'end_date', 'Coupons issued or redeemed before this date'),
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: options([
							['Active (Not Expired)', 'active'],
							['Expired', 'expired'],
							['Redeemed', 'redeemed'],
							['Unredeemed', 'unredeemed'],
						]),
						default: 'active',
						routing: toQuery('status'),
					},
					optionalField('Series ID', 'series_id', 'number', 'Only coupons of this coupon series'),
					optionalField('Store ID', 'store_id', 'number', 'Only active coupons redeemable at this store'),
					{
						displayName: 'Order By',
						name: 'orderBy',
						type: 'options',
						options: options([
							['Created Date', 'created_date'],
							['Amount', 'amount'],
							['Valid Till', 'valid_till'],
						]),
						default: 'created_date',
						routing: toQuery('order_by'),
					},
					sortOrderField({ query: 'sort_order', default: 'desc' }),
				]),
			],
			output: { items: 'customers.customer.coupons.coupon' },
			pagination: { style: 'offset', maxPageSize: 100, items: 'customers.customer.coupons.coupon' },
		},
		{
			value: 'getNotes',
			name: 'Get Notes',
			action: 'Get the notes of a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/notes',
			fields: [...oneCustomerFields()],
			output: { items: 'customer.notes.note' },
			pagination: { style: 'none', items: 'customer.notes.note' },
		},
		{
			value: 'saveNote',
			name: 'Add or Update Note',
			action: 'Add or update a note of a customer (v1.1)',
			method: 'POST',
			path: '/v1.1/customer/notes',
			v11Root: 'customer',
			hint: 'Without Note ID a new note is added; with Note ID that note is replaced.',
			fields: [
				...bodyIdentifierFields(USER_ID_TYPES),
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					required: true,
					default: '',
					typeOptions: { rows: 2 },
					description: 'Text of the note',
					routing: toBody('notes.note[0].description'),
				},
				additionalFields([
					optionalField('Note ID', 'notes.note[0].id', 'string', 'ID of an existing note to update (from Get Notes)', 'body', 'noteId'),
					optionalField('Date', 'notes.note[0].date', 'string', 'Date of the note, YYYY-MM-DD HH:MM:SS; today when empty', 'body', 'date'),
					optionalField('Associate ID', 'associate_id', 'string', 'Staff member (associate) who records the note', 'body'),
				]),
			],
		},
		{
			value: 'getRecommendations',
			name: 'Get Recommendations',
			action: 'Get product recommendations for a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/recommendations',
			hint: 'Capillary documents no sample response for this endpoint; the node returns each customer entry as Capillary sends it.',
			fields: [
				...v11IdentifierFields(READ_TYPES),
				queryOptions([
					optionalField('Include Customer ID', 'user_id', 'boolean', 'Whether to return the customer ID too'),
					optionalField('Recommendation Limit', 'limit', 'number', 'Number of recommendations (Capillary default 10)', 'query', 'recommendationLimit'),
					optionalField('Product Limit', 'product_limit', 'number', 'Number of products per recommendation'),
				]),
			],
		},
		{
			value: 'getInteractions',
			name: 'Get Interactions',
			action: 'Get the interactions of a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/interaction',
			fields: [
				...oneCustomerFields(),
				queryOptions([
					{
						displayName: 'Network',
						name: 'network',
						type: 'options',
						options: options([
							['Capillary', 'capillary'],
							['Facebook', 'facebook'],
							['Foursquare', 'foursquare'],
							['Twitter', 'twitter'],
						]),
						default: 'capillary',
						routing: toQuery('network'),
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: options([
							['Check-In', 'checkin'],
							['Comment', 'comment'],
							['Email (Bulk)', 'emailbulk'],
							['Email (Transactional)', 'email'],
							['Feedback', 'feedback'],
							['Like', 'like'],
							['Mention', 'mention'],
							['Retweet', 'retweet'],
							['SMS', 'sms'],
							['Tweet', 'tweet'],
						]),
						default: 'email',
						routing: toQuery('type'),
					},
					dateOption('Start Date', 'start_date', 'Interactions on or after this date'),
					dateOption('End Date', 'end_date', 'Interactions up to this date'),
				]),
			],
			output: { items: 'customer.interactions.network' },
			pagination: { style: 'none', items: 'customer.interactions.network' },
		},
		{
			value: 'addTicket',
			name: 'Add Ticket',
			action: 'Create a ticket for a customer (v1.1)',
			method: 'POST',
			path: '/v1.1/customer/tickets',
			v11Root: 'customer',
			fields: [
				...bodyIdentifierFields(WRITE_TYPES),
				{
					displayName: 'Subject',
					name: 'subject',
					type: 'string',
					required: true,
					default: '',
					description: 'Subject of the ticket; must differ from the customer\'s open tickets',
					routing: toBody('ticket[0].subject'),
				},
				{
					displayName: 'Message',
					name: 'message',
					type: 'string',
					default: '',
					typeOptions: { rows: 3 },
					routing: toBody('ticket[0].message'),
				},
				additionalFields([
					optionalField('Status', 'ticket[0].status', 'string', 'A ticket status defined for your org, e.g. OPEN', 'body', 'status'),
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'options',
						options: options([
							['Low', 'LOW'],
							['Medium', 'MEDIUM'],
							['High', 'HIGH'],
						]),
						default: 'MEDIUM',
						routing: toBody('ticket[0].priority'),
					},
					optionalField('Department', 'ticket[0].department', 'string', 'Department the ticket is assigned to', 'body', 'department'),
					optionalField('Ticket Code', 'ticket[0].ticket_code', 'string', 'Your own code for the ticket', 'body', 'ticketCode'),
					{
						displayName: 'Reported From',
						name: 'reportedFrom',
						type: 'options',
						options: options([
							['Call Center', 'CALLCENTER'],
							['Client', 'CLIENT'],
							['Email', 'EMAIL'],
							['InTouch', 'INTOUCH'],
							['Microsite', 'MICROSITE'],
							['Social', 'SOCIAL'],
						]),
						default: 'CLIENT',
						routing: toBody('ticket[0].reported_from'),
					},
					{
						displayName: 'Ticket Type',
						name: 'ticketType',
						type: 'options',
						options: options([
							['Customer', 'Customer'],
							['Store', 'STORE'],
						]),
						default: 'Customer',
						routing: toBody('ticket[0].type'),
					},
					v11FieldList('Custom Fields', 'customFields', 'ticket[0].custom_fields', 'Ticket custom fields, as name and value'),
				]),
			],
		},
		{
			value: 'getTickets',
			name: 'Get Tickets',
			action: 'Get the tickets of a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/tickets',
			fields: [
				...oneCustomerFields(),
				queryOptions([
					optionalField('Status', 'status', 'string', 'Only tickets with this status (as defined for your org)'),
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'options',
						options: options([
							['Low', 'LOW'],
							['Medium', 'MEDIUM'],
							['High', 'HIGH'],
						]),
						default: 'HIGH',
						routing: toQuery('priority'),
					},
					optionalField('Department', 'department', 'string', 'Only tickets of this department'),
					optionalField('Ticket Code', 'ticket_code', 'string', 'Only the ticket with this code'),
					{
						displayName: 'Reported From',
						name: 'reportedFrom',
						type: 'options',
						options: options([
							['Call Center', 'CALLCENTER'],
							['Client', 'CLIENT'],
							['Email', 'EMAIL'],
							['InTouch', 'INTOUCH'],
							['Microsite', 'MICROSITE'],
							['Social', 'SOCIAL'],
						]),
						default: 'CLIENT',
						routing: toQuery('reported_from'),
					},
					{
						displayName: 'Ticket Type',
						name: 'ticketType',
						type: 'options',
						options: options([
							['Customer', 'Customer'],
							['Store', 'STORE'],
						]),
						default: 'Customer',
						routing: toQuery('type'),
					},
					dateOption('Start Date', 'start_date', 'Tickets created on or after this date'),
					dateOption('End Date', 'end_date', 'Tickets created up to this date'),
				]),
			],
			output: { items: 'customer.tickets.ticket' },
			pagination: { style: 'none', items: 'customer.tickets.ticket' },
		},
		{
			value: 'refer',
			name: 'Refer',
			action: 'Invite people on behalf of a customer (v1.1)',
			method: 'POST',
			path: '/v1.1/customer/referrals',
			v11Root: 'customer',
			hint: 'Referral Type: the docs list SMS and EMAIL, while their sample responses use MOBILE; pick what your referral campaign uses.',
			fields: [
				...bodyIdentifierFields(WRITE_TYPES),
				{
					displayName: 'Referral Campaign',
					name: 'referralCampaign',
					type: 'string',
					required: true,
					default: '',
					description: 'Campaign token of the referral campaign (not a secret: it names the campaign)',
					routing: toBody('referrals.campaign_token'),
				},
				{
					displayName: 'Referral Type',
					name: 'referralType',
					type: 'options',
					options: options([
						['Email', 'EMAIL'],
						['Mobile', 'MOBILE'],
						['SMS', 'SMS'],
					]),
					default: 'EMAIL',
					description: 'How the invitees are identified and contacted',
					routing: toBody('referrals.referral_type.type'),
				},
				{
					displayName: 'Invitees',
					name: 'invitees',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Invitee',
					default: {},
					description: 'People the customer invites',
					options: [
						{
							displayName: 'Invitee',
							name: 'invitee',
							values: [
								{
									displayName: 'Name',
									name: 'name',
									type: 'string',
									default: '',
									routing: { send: { type: 'body', property: '=referrals.referral_type.referral[{{$index}}].name' } },
								},
								{
									displayName: 'Identifier',
									name: 'identifier',
									type: 'string',
									default: '',
									description: 'Email address or mobile number, matching Referral Type',
									routing: { send: { type: 'body', property: '=referrals.referral_type.referral[{{$index}}].identifier' } },
								},
								{
									displayName: 'Invited On',
									name: 'invitedOn',
									type: 'string',
									default: '',
									placeholder: '2024-09-12T15:19:21+05:30',
									description: 'When the invitation was sent; now when empty',
									routing: { send: { type: 'body', property: '=referrals.referral_type.referral[{{$index}}].invited_on' } },
								},
								{
									displayName: 'Sequence ID',
									name: 'id',
									type: 'string',
									default: '',
									description: 'Your sequence number of the invitee',
									routing: { send: { type: 'body', property: '=referrals.referral_type.referral[{{$index}}].id' } },
								},
							],
						},
					],
				},
			],
		},
		{
			value: 'getReferrals',
			name: 'Get Referrals',
			action: 'Get the referral statistics of a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/referrals',
			fields: [
				...oneCustomerFields(),
				queryOptions([
					optionalField('Referral Campaign', 'campaign_token', 'string', 'Campaign token of the referral campaign; the default campaign when empty', 'query', 'referralCampaign'),
					dateOption('Start Date', 'start_date', 'Referrals on or after this date'),
					dateOption('End Date', 'end_date', 'Referrals up to this date'),
					optionalField('Store Code', 'store_code', 'string', 'Referrals of this store; "all" for every store'),
					optionalField('Only Referral Code', 'only_referral_code', 'boolean', 'Whether to return only the referral code of the customer'),
				]),
			],
		},
		{
			value: 'savePreferences',
			name: 'Update Preferences',
			action: 'Add or update the preferences of a customer (v1.1)',
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
			action: 'Get the preferences of a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/preferences',
			fields: [...v11IdentifierFields(READ_TYPES)],
		},
		{
			value: 'updateSubscription',
			name: 'Update Subscription',
			action: 'Subscribe or unsubscribe a customer (v1.1)',
			method: 'POST',
			path: '/v1.1/customer/subscriptions',
			v11Root: 'subscription',
			fields: bodyInput(
				[
					...bodyIdentifierFields(WRITE_TYPES),
					{
						displayName: 'Channel',
						name: 'channel',
						type: 'options',
						options: SUBSCRIPTION_CHANNELS,
						default: 'sms',
						routing: toBody('channel'),
					},
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'options',
						options: SUBSCRIPTION_PRIORITIES,
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
			action: 'Get the subscriptions of a customer (v1.1)',
			method: 'GET',
			path: '/v1.1/customer/subscriptions',
			fields: [
				...v11IdentifierFields(READ_TYPES),
				queryOptions([
					{
						displayName: 'Channel',
						name: 'channel',
						type: 'options',
						options: options(['SMS', 'EMAIL', 'WECHAT', 'SOCIAL', 'REMINDER_TEXT', 'RE_ISSUAL_TEXT', 'CLIENT']),
						default: 'SMS',
						routing: toQuery('channel'),
					},
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'options',
						options: options(['TRANS', 'BULK']),
						default: 'TRANS',
						routing: toQuery('priority'),
					},
					optionalField('Scope', 'scope', 'string', 'Subscription module; ALL for every module'),
				]),
			],
		},
	],
});
