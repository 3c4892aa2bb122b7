import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	binaryFileField,
	bodyInput,
	JOIN_VALUES,
	keyValueField,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	sourceField,
	toBody,
	toQuery,
	v2IdentifierFields,
} from '../shared/fields';
import { imageUploadFields } from '../shared/files';
import { defineResource } from '../shared/operation';

/**
 * v2 customer operations under `/v2/customers/lookup/…`: the customer is named by
 * identifierName + identifierValue + source (+ accountId) in the query, not by customer ID.
 */
function lookupFields(): INodeProperties[] {
	return [...v2IdentifierFields(), sourceField({ required: true }), accountIdField()];
}

const dateOption = (displayName: string, property: string, description: string) => ({
	...optionalField(displayName, property, 'string', description),
	placeholder: 'YYYY-MM-DD',
});

/** programId / entityType / fetchDataForAllPrograms of the "light" points and tier APIs. */
function lightApiOptions(extra: INodeProperties[] = []): INodeProperties {
	return queryOptions([
		optionalField('Program ID', 'programId', 'number', 'Loyalty program to report on; the default program when empty'),
		{
			displayName: 'Entity Type',
			name: 'entityType',
			type: 'options',
			options: options([
				['Customer', 'CUSTOMER'],
				['Group (Fleet)', 'FLEET'],
			]),
			default: 'CUSTOMER',
			description: 'The individual customer, or the user group the customer belongs to',
			routing: toQuery('entityType'),
		},
		optionalField('All Programs', 'fetchDataForAllPrograms', 'boolean', 'Whether to report on every loyalty program of the org'),
		...extra,
	]);
}

function simplifyCustomer(customer: IDataObject): IDataObject {
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

function simplifyPromotion(promotion: IDataObject): IDataObject {
	const keep = ['promotionId', 'promotionName', 'programId', 'pointsOfferType', 'eventName', 'active', 'startDate', 'endDate', 'description', 'identifier'];
	const out: IDataObject = {};
	for (const key of keep) if (promotion[key] !== undefined) out[key] = promotion[key];
	return out;
}

const imageFields = imageUploadFields(binaryFileField('file', 'Name of the binary field of the input item that holds the image'));

const updateFields: INodeProperties[] = [
	optionalField('First Name', 'profiles[0].firstName', 'string', 'First name in the profile of the given source', 'body', 'firstName'),
	optionalField('Last Name', 'profiles[0].lastName', 'string', 'Last name in the profile of the given source', 'body', 'lastName'),
	{
		displayName: 'Loyalty Type',
		name: 'loyaltyType',
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
						type: 'string',
						default: '',
						routing: { send: { type: 'body', property: '=profiles[0].identifiers[{{$index}}].value' } },
					},
				],
			},
		],
	},
];

export const customerLookup = defineResource({
	value: 'customerLookup',
	name: 'Customer (Lookup)',
	description: 'Customer operations that find the member by identifier instead of customer ID',
	operations: [
		{
			value: 'update',
			name: 'Update',
			action: 'Update a customer found by identifier',
			method: 'PUT',
			path: '/v2/customers/lookup',
			fields: [
				...lookupFields(),
				queryOptions([
					optionalField('Run Loyalty Actions in Background', 'use_async', 'boolean', 'Whether loyalty side effects run in the background (they are then not in the response)'),
				]),
				...bodyInput(
					[{ ...additionalFields(updateFields), displayName: 'Update Fields', name: 'updateFields' }],
					'The update body: profiles (firstName, lastName, fields, identifiers, commChannels, source, accountId), loyaltyInfo, extendedFields, loyaltyProgramEnrollments',
				),
			],
		},
		{
			value: 'getDetails',
			name: 'Get Details',
			action: 'Get the details of a customer found by identifier',
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
			output: { simplify: simplifyCustomer },
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
			value: 'getSubscriptions',
			name: 'Get Subscriptions',
			action: 'Get the subscriptions of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/subscriptions',
			fields: lookupFields(),
			output: { items: 'subscriptions' },
		},
		{
			value: 'getLoyaltyDetails',
			name: 'Get Loyalty Details',
			action: 'Get the loyalty details of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/loyaltyDetails',
			fields: lookupFields(),
		},
		{
			value: 'getRetroRequests',
			name: 'Get Retro Requests',
			action: 'Get the retro transaction requests of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/retroRequest',
			fields: [
				...lookupFields(),
				queryOptions([
					{
						displayName: 'Change Type',
						name: 'changeType',
						type: 'options',
						options: options([
							['Address', 'ADDRESS'],
							['Coupon', 'COUPON'],
							['Email', 'EMAIL'],
							['External ID', 'EXTERNAL_ID'],
							['Merge', 'MERGE'],
							['Mobile', 'MOBILE'],
							['Mobile Reallocation', 'MOBILE_REALLOC'],
							['Points', 'POINTS'],
							['Retro', 'RETRO'],
							['Tier', 'TIER'],
						]),
						default: 'RETRO',
						routing: toQuery('changeType'),
					},
					dateOption('Start Date', 'startDate', 'Requests from this date'),
					dateOption('End Date', 'endDate', 'Requests up to this date'),
					optionalField('Start ID', 'startId', 'number', 'Requests with a sequence ID from this one'),
					optionalField('End ID', 'endId', 'number', 'Requests with a sequence ID up to this one'),
					optionalField('Sort By', 'sortBy', 'string', 'Field to sort by, e.g. createdDate'),
					sortOrderField(),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'setImage',
			name: 'Set Image',
			action: 'Upload the profile image of a customer found by identifier',
			method: 'POST',
			path: '/v2/customers/lookup/setImage',
			fields: [...lookupFields(), ...imageFields],
		},
		{
			value: 'getReferrals',
			name: 'Get Referrals',
			action: 'Get the referrals of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/referrals',
			hint: 'Pages with limit and offset, like other v2 lists: Capillary shows the pagination block in responses but documents no paging parameters here.',
			fields: lookupFields(),
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'getRecommendations',
			name: 'Get Recommendations',
			action: 'Get the recommendations of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/recommendations',
			fields: lookupFields(),
		},
		{
			value: 'getPointsBalance',
			name: 'Get Points Balance',
			action: 'Get the points balance of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/points/balance',
			fields: [...lookupFields(), lightApiOptions()],
		},
		{
			value: 'getTierDetails',
			name: 'Get Tier Details',
			action: 'Get the tier of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/tierDetails',
			fields: [...lookupFields(), lightApiOptions()],
		},
		{
			value: 'getPromisedPointsSchedule',
			name: 'Get Promised Points Schedule',
			action: 'Get when promised points of a customer become redeemable',
			method: 'GET',
			path: '/v2/customers/lookup/promisedPointsSchedule',
			fields: [
				...lookupFields(),
				lightApiOptions([
					dateOption('Start Date', 'startDate', 'Schedules from this date (at the earliest tomorrow; today when empty)'),
					dateOption('End Date', 'endDate', 'Schedules up to this date (100 years ahead when empty)'),
				]),
			],
		},
		{
			value: 'getPromotionData',
			name: 'Get Promotions',
			action: 'Get the loyalty promotions of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/promotionData',
			hint: 'Low-confidence endpoint: parameters follow the newer docs.capillarytech.com page; offset is taken as a count of promotions (the docs call it a start index, up to 100 per page).',
			fields: [
				...lookupFields(),
				queryOptions([
					{
						displayName: 'Status for Customer',
						name: 'promotionStatusForCustomer',
						type: 'options',
						options: options([
							['Available to Enrol', 'AVAILABLE_TO_ENROL'],
							['Available to Earn', 'AVAILABLE_TO_EARN'],
							['Available to Redeem', 'AVAILABLE_TO_REDEEM'],
							['Expired', 'EXPIRED'],
						]),
						default: 'AVAILABLE_TO_REDEEM',
						description: 'Only promotions in this state for the customer',
						routing: toQuery('promotionStatusForCustomer'),
					},
					{
						displayName: 'Promotion Type',
						name: 'promotionType',
						type: 'options',
						options: options([
							['Generic (Available Without Issue)', 'GENERIC'],
							['Direct Issue', 'DIRECT_ISSUE'],
							['Enrol and Issue', 'ENROL_AND_ISSUE'],
						]),
						default: 'GENERIC',
						routing: toQuery('promotionType'),
					},
					{
						displayName: 'Source Type',
						name: 'sourceType',
						type: 'options',
						options: options(['UI', 'API', 'CAMPAIGN']),
						default: 'UI',
						description: 'Only promotions created through this channel',
						routing: toQuery('sourceType'),
					},
					optionalField('Program IDs', 'programs', 'string', 'Only promotions of these loyalty programs (comma-separated IDs)'),
					optionalField('Fetch All Usage', 'fetchAllUsage', 'boolean', 'Whether to include disabled restrictions too (their maxLimit is -1)'),
				]),
			],
			output: { items: 'promotions', simplify: simplifyPromotion },
			pagination: { style: 'offset', maxPageSize: 100, items: 'promotions' },
		},
	],
});
