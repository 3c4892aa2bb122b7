import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	bodyInput,
	customerIdField,
	isBlank,
	keyValueField,
	optionalField,
	options,
	parseJsonParameter,
	queryOptions,
	sourceField,
} from '../../shared/fields';
import {
	bodyOf,
	buildWith,
	compact,
	entriesOf,
	fail,
	identifierList,
	identifiersFrom,
	LOYALTY_TYPES,
	objectBodyInput,
	pairsOf,
	parameter,
	PROFILE_SOURCES,
} from './common';

/**
 * The customer-shaped bodies of the v2 API (create, update, create or update, hierarchy
 * association): one preSend builds them from the structured fields below, so empty fields are left
 * out instead of blanking values.
 */

export const COMM_CHANNEL_TYPES = options([
	['Mobile', 'mobile'],
	['Email', 'email'],
	['WeChat', 'wechat'],
	['iOS', 'ios'],
	['Android', 'android'],
	['LINE', 'line'],
	['Mobile Push', 'mobilePush'],
	['WhatsApp', 'whatsapp'],
]);

/** A header set from an entry of the Options collection (headerField only works at the top level). */
export function optionHeader(displayName: string, name: string, header: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'boolean',
		default: false,
		description,
		routing: {
			send: {
				preSend: [
					async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
						const value = this.getNodeParameter(`options.${name}`, false) as boolean;
						request.headers = { ...(request.headers ?? {}), [header]: value ? 'true' : 'false' };
						return request;
					},
				],
			},
		},
	};
}

export const languageHeader: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'string',
	default: '',
	placeholder: 'zh',
	description: 'ISO language code for the labels of extended fields; English when empty',
	routing: {
		send: {
			preSend: [
				async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
					const value = String(this.getNodeParameter('options.language', '') ?? '').trim();
					if (value) request.headers = { ...(request.headers ?? {}), language: value };
					return request;
				},
			],
		},
	},
};

export const commChannelsField: INodeProperties = {
	displayName: 'Communication Channels',
	name: 'commChannels',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Channel',
	default: {},
	description: 'Channels Capillary may contact the customer on',
	options: [
		{
			displayName: 'Channel',
			name: 'channel',
			values: [
				{
					displayName: 'Last Viewed Date',
					name: 'lastViewedDate',
					type: 'string',
					default: '',
					placeholder: '2019-10-25',
					description: 'Mobile Push only: when the customer last opened the app',
				},
				{ displayName: 'Primary', name: 'primary', type: 'boolean', default: false, description: 'Whether this is the primary channel of its type' },
				{
					displayName: 'Subscribed',
					name: 'subscribed',
					type: 'boolean',
					default: true,
					description: 'Whether the customer receives bulk (newsletter) messages on it',
				},
				{ displayName: 'Type', name: 'type', description: 'Kind of channel', type: 'options', options: COMM_CHANNEL_TYPES, default: 'mobile' },
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'Mobile number, email address, or the push token for Mobile Push',
				},
				{ displayName: 'Verified', name: 'verified', type: 'boolean', default: false, description: 'Whether the channel is verified, e.g. by OTP' },
			],
		},
	],
};

export function commChannelsFrom(value: unknown): IDataObject[] {
	return entriesOf(value, 'channel')
		.filter((entry) => !isBlank(entry.value))
		.map((entry) => {
			const channel: IDataObject = {
				type: entry.type,
				value: String(entry.value).trim(),
				primary: entry.primary === true,
				verified: entry.verified === true,
			};
			if (entry.subscribed === false) channel.subscribed = false;
			if (!isBlank(entry.lastViewedDate)) channel.meta = { lastViewedDate: entry.lastViewedDate };
			return channel;
		});
}

export const enrollmentsField: INodeProperties = {
	displayName: 'Loyalty Program Enrollments',
	name: 'loyaltyProgramEnrollments',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Enrollment',
	default: {},
	description: 'Enroll the customer in loyalty programs, optionally with a tier and opening points',
	options: [
		{
			displayName: 'Enrollment',
			name: 'enrollment',
			values: [
				{ displayName: 'Loyalty Points', name: 'loyaltyPoints', type: 'number', default: 0, description: 'Points to credit on enrollment' },
				{ displayName: 'Points Expiry Date', name: 'pointsExpiryDate', description: 'When the opening points expire (ISO 8601)', type: 'string', default: '', placeholder: '2026-02-11T16:36:17+05:30' },
				{ displayName: 'Program ID', name: 'programId', description: 'Loyalty program to enroll the customer in', type: 'number', default: 0 },
				{ displayName: 'Tier Expiry Date', name: 'tierExpiryDate', description: 'When the tier expires (ISO 8601)', type: 'string', default: '', placeholder: '2026-02-11T16:36:17+05:30' },
				{ displayName: 'Tier Number', name: 'tierNumber', type: 'number', default: 0, description: 'Serial number of the tier: 1 is the lowest' },
			],
		},
	],
};

export function enrollmentsFrom(value: unknown): IDataObject[] {
	return entriesOf(value, 'enrollment')
		.map((entry) => compact(entry, ['programId', 'tierNumber', 'loyaltyPoints']))
		.filter((entry) => entry.programId !== undefined);
}

/** Profile fields offered by every customer-shaped body, kept in the Additional Fields collection. */
export function profileExtras(): INodeProperties[] {
	return [
		commChannelsField,
		keyValueField('Custom Fields', 'customFields', undefined, 'Customer custom fields (profile `fields`) as name/value pairs, e.g. dateofbirth'),
		keyValueField('Extended Fields', 'extendedFields', undefined, 'Customer extended fields enabled for the org, e.g. gender, city', 'getCustomerExtendedFields'),
		enrollmentsField,
	];
}

export const registrationExtras: INodeProperties[] = [
	{
		displayName: 'Associated With',
		name: 'associatedWith',
		type: 'string',
		default: '',
		description: 'Till code the registration is attributed to',
	},
	{
		displayName: 'Registration Date',
		name: 'createDate',
		type: 'string',
		default: '',
		placeholder: '2016-06-23T19:11:18+08:00',
		description: 'When the customer registered (YYYY-MM-DDTHH:MM:SS+HH:MM); now when empty',
	},
	{
		displayName: 'Test Endpoints',
		name: 'endPointsEnabled',
		type: 'multiOptions',
		options: options([
			['Referral', 'REFERRAL_ENDPOINT'],
			['DVS', 'DVS_ENDPOINT'],
			['Timeline', 'TIMELINE_ENDPOINT'],
			['Points Engine', 'POINTSENGINE_ENDPOINT'],
		]),
		default: [],
		description: 'Register a dummy (test) customer that only reaches these endpoints',
	},
];

/**
 * A customer object from the form: `loyaltyInfo`, one profile (names, identifiers, channels,
 * custom fields, source/account), extended fields, enrollments and registration details.
 * `extras` names the collection that holds the optional fields.
 */
export function customerFromForm(context: IExecuteSingleFunctions, extras = 'additionalFields', requireIdentifiers = true): IDataObject {
	const more = parameter<IDataObject>(context, extras, {});
	const pick = (name: string) => {
		const top = parameter<unknown>(context, name, '');
		return isBlank(top) ? more[name] : top;
	};
	const identifiers = identifiersFrom(parameter<unknown>(context, 'identifiers', {}));
	if (requireIdentifiers && identifiers.length === 0) {
		fail(context, 'Parameter "Identifiers" needs at least one identifier', 'Capillary identifies a customer by mobile, email, external ID, card number or another identifier: add one under Identifiers.');
	}
	const profile = compact({
		firstName: pick('firstName') as string,
		lastName: pick('lastName') as string,
		source: pick('source') as string,
		accountId: pick('accountId') as string,
	});
	if (identifiers.length) profile.identifiers = identifiers;
	const channels = commChannelsFrom(more.commChannels);
	if (channels.length) profile.commChannels = channels;
	const fields = pairsOf(more.customFields);
	if (fields) profile.fields = fields;

	const customer: IDataObject = {};
	const loyaltyType = pick('loyaltyType');
	if (!isBlank(loyaltyType)) customer.loyaltyInfo = { loyaltyType: loyaltyType as string };
	customer.profiles = [profile];
	const extended = pairsOf(more.extendedFields);
	if (extended) customer.extendedFields = extended;
	const enrollments = enrollmentsFrom(more.loyaltyProgramEnrollments);
	if (enrollments.length) customer.loyaltyProgramEnrollments = enrollments;
	for (const key of ['associatedWith', 'createDate']) if (!isBlank(more[key])) customer[key] = String(more[key]).trim();
	if (Array.isArray(more.endPointsEnabled) && more.endPointsEnabled.length) customer.endPointsEnabled = more.endPointsEnabled;
	return customer;
}

export const loyaltyTypeField = (routing?: INodePropertyRouting): INodeProperties => ({
	displayName: 'Loyalty Type',
	name: 'loyaltyType',
	type: 'options',
	options: LOYALTY_TYPES,
	default: 'loyalty',
	description: 'Loyalty members earn points and tiers; non-loyalty customers are only registered',
	...(routing ? { routing } : {}),
});

export const profileSourceField = (description = 'Source (channel) the customer account belongs to'): INodeProperties => ({
	displayName: 'Source',
	name: 'source',
	type: 'options',
	options: PROFILE_SOURCES,
	default: 'INSTORE',
	description,
});

export const profileAccountField: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	default: '',
	description: 'Account of the source; needed for sources with several accounts (WECHAT, FACEBOOK, MOBILE_APP, LINE …)',
};

export const nameFields: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', description: 'First name of the customer', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', description: 'Last name of the customer', type: 'string', default: '' },
];

/** Fields mode / JSON mode for endpoints whose body is a list: JSON may be one object or a list. */
export function listBodyInput(fields: INodeProperties[], jsonDescription: string): INodeProperties[] {
	return bodyInput(fields, jsonDescription, { in: 'body' }, {
		displayName: 'Customers (JSON)',
		name: 'bodyJson',
		type: 'json',
		required: true,
		default: '[]',
		description: jsonDescription,
		routing: buildWith((context, request) => {
			const value = parseJsonParameter(context, 'Customers (JSON)', 'bodyJson');
			const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
			if (list.length === 0) fail(context, 'Parameter "Customers (JSON)" has no customers', 'Give one customer object or a list of them.');
			request.body = list as IDataObject[];
		}),
	});
}

// ---------------------------------------------------------------------------------------------
// Create / update / create or update
// ---------------------------------------------------------------------------------------------

export const createFields: INodeProperties[] = [
	...objectBodyInput(
		[
			loyaltyTypeField(buildWith((context, request) => (request.body = { ...bodyOf(request), ...customerFromForm(context) }))),
			profileSourceField('Source (channel) to register the customer in'),
			profileAccountField,
			...nameFields,
			identifierList('Identifiers', 'identifiers', 'Identifiers of the customer; add a Card Number with its series to issue a card at registration'),
			additionalFields([...profileExtras(), ...registrationExtras]),
		],
		'The customer as Capillary takes it: {"loyaltyInfo": {"loyaltyType": "loyalty"}, "profiles": [{"firstName": …, "identifiers": [{"type": "mobile", "value": …}], "source": "INSTORE"}], "extendedFields": {…}}',
	),
	queryOptions([
		optionalField('Raw Side Effects', 'rawSideEffects', 'boolean', 'Whether to return the full details of awarded incentives (award date, expiry, strategy IDs)'),
		optionalField('Enroll in All Programs', 'mlp_single_enroll', 'boolean', "Whether to enroll the customer in all loyalty programs of the org instead of the till's default program"),
		optionHeader('Wait for Loyalty Processing', 'waitForDownstream', 'WAIT_FOR_DOWNSTREAM', 'Whether to wait for loyalty processing and return its side effects (points, coupons) in the response'),
		optionHeader('Replay Loyalty Events Later', 'directReplay', 'X-CAP-DIRECT-REPLAY', 'Whether to register now and queue the loyalty events for near-real-time processing'),
	]),
];

export const updateFields: INodeProperties[] = [
	customerIdField(),
	sourceField({ options: PROFILE_SOURCES, description: 'Source whose profile is updated' }),
	accountIdField(),
	...objectBodyInput(
		[
			{
				...additionalFields(
					[
						...nameFields,
						{
							...loyaltyTypeField(),
							description: 'Only non-loyalty to loyalty is allowed; a loyalty member cannot become non-loyalty',
						},
						...profileExtras(),
					],
					'updateFields',
				),
				displayName: 'Update Fields',
				placeholder: 'Add Field',
				routing: buildWith((context, request) => {
					const customer = customerFromForm(context, 'updateFields', false);
					const profile = (customer.profiles as IDataObject[])[0];
					if (Object.keys(profile).every((k) => k === 'source' || k === 'accountId')) delete customer.profiles;
					request.body = { ...bodyOf(request), ...customer };
				}),
			},
		],
		'Changes as Capillary takes them: {"profiles": [{"firstName": …, "fields": {…}, "commChannels": [...], "source": "INSTORE"}], "extendedFields": {…}, "loyaltyInfo": {"loyaltyType": "loyalty"}}',
	),
	queryOptions([
		optionalField('Run Loyalty Asynchronously', 'use_async', 'boolean', 'Whether to run loyalty processing in the background (no side effects in the response)'),
		optionalField('Enroll in All Programs', 'mlp_single_enroll', 'boolean', "Whether to enroll the customer in all loyalty programs of the org instead of the till's default program"),
	]),
];

export const upsertFields: INodeProperties[] = [
	...listBodyInput(
		[
			loyaltyTypeField(buildWith((context, request) => (request.body = [customerFromForm(context)]))),
			profileSourceField('Source the customer is looked up and written in'),
			profileAccountField,
			...nameFields,
			identifierList('Identifiers', 'identifiers', 'Identifiers used to find the customer; new ones are added to an existing customer'),
			additionalFields(profileExtras()),
		],
		'One customer object or a list of them, each shaped like Create: {"profiles": [{"identifiers": [...], "source": "INSTORE"}], "loyaltyInfo": {…}, "extendedFields": {…}}',
	),
	queryOptions([
		optionalField('Skip Identifier Changes', 'skipChangeIdentifier', 'boolean', 'Whether to leave the identifiers of existing customers unchanged'),
	]),
];

/** The profile of a customer flattened to the fields most workflows use. */
export function simplifyCustomer(entity: IDataObject): IDataObject {
	const profiles = (Array.isArray(entity.profiles) ? entity.profiles : []) as IDataObject[];
	const first = profiles[0] ?? {};
	const identifier = (type: string) => {
		for (const profile of profiles) {
			const list = (Array.isArray(profile.identifiers) ? profile.identifiers : []) as IDataObject[];
			const found = list.find((i) => String(i.type).toLowerCase() === type.toLowerCase());
			if (found) return found.value;
		}
		return undefined;
	};
	const loyaltyInfo = (entity.loyaltyInfo ?? {}) as IDataObject;
	const points = (entity.pointsSummary ?? {}) as IDataObject;
	const out: IDataObject = {
		id: entity.id ?? first.userId,
		firstName: first.firstName,
		lastName: first.lastName,
		mobile: identifier('mobile'),
		email: identifier('email'),
		externalId: identifier('externalId'),
		cardNumber: identifier('cardnumber'),
		source: first.source,
		accountId: first.accountId,
		sources: profiles.map((p) => p.source),
		loyaltyType: loyaltyInfo.loyaltyType,
		registeredOn: (loyaltyInfo.attributionV2 as IDataObject | undefined)?.createDate ?? (first.attribution as IDataObject | undefined)?.createDate,
		lifetimePurchases: loyaltyInfo.lifetimePurchases ?? entity.lifetimePurchases,
		loyaltyPoints: points.loyaltyPoints ?? entity.loyaltyPoints,
		lifetimePoints: points.lifetimePoints ?? entity.lifetimePoints,
		currentSlab: points.currentSlab ?? entity.currentSlab,
		fields: first.fields,
		extendedFields: entity.extendedFields,
	};
	return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as IDataObject;
}
