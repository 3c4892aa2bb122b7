import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	binaryFileField,
	bodyInput,
	customerIdField,
	headerField,
	JOIN_VALUES,
	keyValueField,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	sourceField,
	toBody,
	toQuery,
	v11IdentifierFields,
	v2IdentifierFields,
} from '../../shared/fields';
import { imageUploadFields } from '../../shared/files';
import { defineResource } from '../../shared/operation';
import { bodyIdentifierFields, customerPath, lookupFields, WRITE_TYPES } from './common';
import { createFields, languageHeader, simplifyCustomer, updateFields, upsertFields } from './profileFields';
import { BATCH_JSON_DESCRIPTION, GET_FLAGS, simplifyV11Customer, v11ProfileFields } from './v11ProfileFields';

/**
 * Customer: create, find, update, status and image of a customer. The modern (v2) operations
 * name the customer by customer ID; "by Identifier" operations by mobile, email, external ID …;
 * the v1.1 twins say what they add.
 */

function simplifyFoundCustomer(customer: IDataObject): IDataObject {
	const profiles = (Array.isArray(customer.profiles) ? customer.profiles : []) as IDataObject[];
	const first = profiles[0] ?? {};
	const identifiers: IDataObject = {};
	for (const profile of profiles) {
		for (const identifier of (Array.isArray(profile.identifiers) ? profile.identifiers : []) as IDataObject[]) {
			const type = String(identifier.type ?? '');
			if (type && identifiers[type] === undefined) identifiers[type] = identifier.value;
		}
	}
	const loyaltyInfo = (customer.loyaltyInfo ?? {}) as IDataObject;
	return {
		id: customer.id,
		firstName: first.firstName,
		lastName: first.lastName,
		source: first.source,
		...identifiers,
		loyaltyType: loyaltyInfo.loyaltyType,
		loyaltyPoints: customer.loyaltyPoints,
		lifetimePoints: customer.lifetimePoints,
		lifetimePurchases: customer.lifetimePurchases,
		currentSlab: customer.currentSlab,
		extendedFields: customer.extendedFields,
	};
}

const imageFields = imageUploadFields(binaryFileField('file', 'Name of the binary field of the input item that holds the image'));

/** Update by Identifier: the profile fields, sent as the body of PUT /v2/customers/lookup. */
const lookupUpdateFields: INodeProperties[] = [
	optionalField('First Name', 'profiles[0].firstName', 'string', 'First name in the profile of the given source', 'body', 'firstName'),
	optionalField('Last Name', 'profiles[0].lastName', 'string', 'Last name in the profile of the given source', 'body', 'lastName'),
	{
		displayName: 'Loyalty Type',
		name: 'loyaltyType',
		description: 'Only non-loyalty to loyalty is allowed; a loyalty member cannot become non-loyalty',
		type: 'options',
		options: options([
			['Loyalty', 'loyalty'],
			['Non-Loyalty', 'non_loyalty'],
		]),
		default: 'loyalty',
		routing: toBody('loyaltyInfo.loyaltyType'),
	},
	keyValueField('Custom Fields', 'customFields', 'profiles[0].fields', 'Custom fields of the profile, e.g. gender = Male'),
	keyValueField('Extended Fields', 'extendedFields', 'extendedFields', 'Extended fields enabled for the org, e.g. city = Bangalore', 'getCustomerExtendedFields'),
	{
		displayName: 'Identifiers to Add',
		name: 'identifiers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Identifier',
		default: {},
		description: 'New identifiers for the profile (existing identifiers cannot be changed here)',
		options: [
			{
				displayName: 'Identifier',
				name: 'identifier',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						description: 'Kind of identifier to add',
						type: 'options',
						options: options([
							['Email', 'email'],
							['External ID', 'externalId'],
							['Mobile', 'mobile'],
							['WeChat', 'wechat'],
							['Martjack ID', 'martjackId'],
							['Facebook ID', 'fbId'],
							['LINE', 'line'],
							['CUID', 'cuid'],
						]),
						default: 'email',
						routing: { send: { type: 'body', property: '=profiles[0].identifiers[{{$index}}].type' } },
					},
					{
						displayName: 'Value',
						name: 'value',
						description: 'Value of the new identifier, e.g. the email address',
						type: 'string',
						default: '',
						routing: { send: { type: 'body', property: '=profiles[0].identifiers[{{$index}}].value' } },
					},
				],
			},
		],
	},
];

export const customer = defineResource({
	value: 'customer',
	name: 'Customer',
	description: 'Create, find and update customers: profile, status and image',
	default: 'get',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer',
			method: 'POST',
			path: '/v2/customers',
			fields: createFields,
		},
		{
			value: 'createWithReferralCode',
			name: 'Create with Referral Code',
			action: 'Create a customer with a referral code, or several customers in one call',
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
						...v11ProfileFields(),
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
			value: 'upsert',
			name: 'Create or Update',
			action: 'Create or update customers',
			method: 'POST',
			path: '/v2/integrations/customer/upsert/bulk',
			fields: upsertFields,
			output: { perEntityStatus: true },
			hint: 'Sends a list of customers shaped like Create (profiles with identifiers, source and account ID; loyaltyInfo; extendedFields), as the docs page "Upsert customer" shows. Fields mode sends one customer per input item. Each customer comes back as its own item with success, errorCode and errorMessage.',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer',
			method: 'GET',
			path: '/v2/customers/{customerId}',
			fields: [
				customerIdField(),
				sourceField(),
				accountIdField(),
				queryOptions([
					{
						displayName: 'Include',
						name: 'embed',
						type: 'multiOptions',
						options: [
							{ name: 'Customer Image', value: 'CUSTOMERIMAGE' },
							{ name: 'Expired Points', value: 'expiredPoints' },
							{ name: 'Expiry Schedules', value: 'expirySchedules' },
							{ name: 'Gap Details', value: 'gapDetails' },
							{ name: 'Loyalty Programs', value: 'mlp', description: 'Details per loyalty program' },
							{ name: 'Points Summary', value: 'points' },
							{ name: 'Promotional Points', value: 'promotionalPoints' },
							{ name: 'Subscriptions', value: 'subscriptions' },
							{ name: 'User Group', value: 'userGroup' },
						],
						default: [],
						description: 'Extra details to add to the profile',
						routing: toQuery('embed', JOIN_VALUES),
					},
					languageHeader,
				]),
			],
			output: { simplify: simplifyCustomer },
		},
		{
			value: 'getByIdentifier',
			name: 'Get by Identifier',
			action: 'Get a customer by mobile, email, external ID or another identifier',
			method: 'GET',
			path: '/v2/customers/lookup/customerDetails',
			fields: [
				...lookupFields(),
				queryOptions([
					{
						displayName: 'Embed',
						name: 'embed',
						type: 'multiOptions',
						options: options([
							['Card Loyalty Details', 'cardLoyaltyDetails'],
							['Customer Image', 'customerImage'],
							['Expired Points', 'expiredPoints'],
							['Expiry Schedules', 'expirySchedules'],
							['Multi-Loyalty Programs', 'mlp'],
							['Points', 'points'],
							['Promotional Points', 'promotionalPoints'],
							['Segments', 'segments'],
							['Subscriptions', 'subscriptions'],
							['User Group', 'userGroup'],
						]),
						default: [],
						description: 'Extra blocks to include in the response',
						routing: toQuery('embed', JOIN_VALUES),
					},
				]),
			],
			output: { simplify: simplifyFoundCustomer },
		},
		{
			value: 'getWithHistory',
			name: 'Get with Tier and Coupon History',
			action: 'Get a customer with tier history, coupons, cards and recent transactions',
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
						description: 'Field the coupons in the response are sorted by',
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
			output: { simplify: simplifyV11Customer },
		},
		{
			value: 'getId',
			name: 'Get ID by Identifier',
			action: 'Get a customer ID by identifier',
			method: 'GET',
			path: '/v2/customers/lookup',
			fields: [...v2IdentifierFields(), sourceField(), accountIdField()],
			output: { valueName: 'customerId' },
		},
		{
			value: 'search',
			name: 'Search',
			action: 'Search customers',
			method: 'GET',
			path: '/v2/customers/search',
			fields: [
				{
					displayName: 'Search Term',
					name: 'q',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'tom',
					description: 'Start of a first name, last name or identifier (e.g. 99455), searched in all sources',
					routing: toQuery('q'),
				},
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a customer',
			method: 'PUT',
			path: '/v2/customers/{customerId}',
			fields: updateFields,
			hint: 'Identifiers cannot change here: use Customer Identifier → Add or Remove.',
		},
		{
			value: 'updateByIdentifier',
			name: 'Update by Identifier',
			action: 'Update a customer found by identifier',
			method: 'PUT',
			path: '/v2/customers/lookup',
			fields: [
				...lookupFields(),
				queryOptions([
					optionalField('Run Loyalty Actions in Background', 'use_async', 'boolean', 'Whether loyalty side effects run in the background (they are then not in the response)'),
				]),
				...bodyInput(
					[{ ...additionalFields(lookupUpdateFields), displayName: 'Update Fields', name: 'updateFields' }],
					'The update body: profiles (firstName, lastName, fields, identifiers, commChannels, source, accountId), loyaltyInfo, extendedFields, loyaltyProgramEnrollments',
				),
			],
		},
		{
			value: 'updateWithFraudStatus',
			name: 'Update with Fraud Status',
			action: 'Update a customer or several customers, including their fraud status',
			method: 'POST',
			path: '/v1.1/customer/update',
			v11Root: 'customer',
			hint: 'Identifiers (mobile, email, external ID) are not changed here; use Customer Identifier → Request Change.',
			fields: bodyInput(
				[
					...bodyIdentifierFields(WRITE_TYPES),
					additionalFields([
						...v11ProfileFields(),
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
							description: 'Confirmed marks the customer as a fraud; None clears the mark',
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
			value: 'updateStatus',
			name: 'Update Status',
			action: 'Change the status of a customer found by identifier',
			method: 'PUT',
			path: '/v2/customers/lookup/status',
			fields: [
				...lookupFields(),
				{
					displayName: 'Status Label',
					name: 'label',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'Active',
					description: 'A customer status label defined for your org',
					routing: toBody('label'),
				},
				{
					displayName: 'Reason',
					name: 'reason',
					type: 'string',
					required: true,
					default: '',
					description: 'Why the status changes',
					routing: toBody('reason'),
				},
				additionalFields([
					optionalField('Changed On', 'createdOn', 'string', 'Date and time of the change, ISO 8601 (e.g. 2024-09-16T12:10:45Z)', 'body'),
				]),
			],
		},
		{
			value: 'getStatusLog',
			name: 'Get Status Log',
			action: 'Get the status changes of a customer',
			method: 'GET',
			path: customerPath('/statusLog'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
		},
		{
			value: 'setImage',
			name: 'Set Image',
			action: 'Upload the profile image of a customer',
			method: 'POST',
			path: customerPath('/setImage'),
			fields: [customerIdField(), ...imageFields],
		},
		{
			value: 'setImageByIdentifier',
			name: 'Set Image by Identifier',
			action: 'Upload the profile image of a customer found by identifier',
			method: 'POST',
			path: '/v2/customers/lookup/setImage',
			fields: [...lookupFields(), ...imageFields],
		},
		{
			value: 'deleteImage',
			name: 'Delete Image',
			action: 'Delete the profile image of a customer',
			method: 'DELETE',
			path: customerPath('/deleteImage'),
			fields: [
				customerIdField(),
				queryOptions([
					{
						displayName: 'Image IDs',
						name: 'imageIds',
						type: 'string',
						default: '',
						description: 'Delete only these images (comma-separated file handles returned by Set Image); all when empty',
						routing: toQuery('image_ids'),
					},
				]),
			],
		},
	],
});
