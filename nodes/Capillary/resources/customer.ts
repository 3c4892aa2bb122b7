import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	binaryFileField,
	bodyInput,
	customerIdField,
	isBlank,
	JOIN_VALUES,
	optionalField,
	options,
	parseJsonParameter,
	queryOptions,
	sortOrderField,
	sourceField,
	SOURCES,
	toQuery,
	v2IdentifierFields,
} from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { imageUploadFields } from '../shared/files';
import { defineResource } from '../shared/operation';

/**
 * Customer (v2): register, look up, update, identifiers and cards, hierarchies, subscriptions,
 * points and tier views, requests, coupons, images, referrals, logs and transactions.
 *
 * The profile-shaped bodies (register, upsert, bulk association) are built by one preSend from
 * the structured fields below, so empty fields are left out instead of blanking values.
 */

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

type Builder = (context: IExecuteSingleFunctions, request: IHttpRequestOptions) => void;

/** Routing that runs `build` once the declarative fields are in the request. */
function buildWith(build: Builder): INodePropertyRouting {
	return {
		send: {
			preSend: [
				async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
					build(this, request);
					return request;
				},
			],
		},
	};
}

/** Drops blank values (and zero for the optional IDs of a list entry). */
function compact(value: IDataObject, zeroIsBlank: string[] = []): IDataObject {
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value)) {
		if (isBlank(v)) continue;
		if (zeroIsBlank.includes(key) && Number(v) === 0) continue;
		if (typeof v === 'string') out[key] = v.trim();
		else out[key] = v;
	}
	return out;
}

function parameter<T>(context: IExecuteSingleFunctions, name: string, fallback: T): T {
	return context.getNodeParameter(name, fallback as never) as T;
}

/** The entries of a multiple-value fixedCollection (`{ <entryName>: [...] }`). */
function entriesOf(value: unknown, entryName: string): IDataObject[] {
	const list = (value as IDataObject | undefined)?.[entryName];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** Name/value entries as an object, e.g. custom or extended fields. */
function pairsOf(value: unknown): IDataObject | undefined {
	const out: IDataObject = {};
	for (const entry of entriesOf(value, 'field')) {
		const name = String(entry.name ?? '').trim();
		if (name) out[name] = entry.value as string;
	}
	return Object.keys(out).length ? out : undefined;
}

function fail(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { description, itemIndex: context.getItemIndex() });
}

function bodyOf(request: IHttpRequestOptions): IDataObject {
	const body = request.body;
	return body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body) ? (body as IDataObject) : {};
}

// ---------------------------------------------------------------------------------------------
// Option lists
// ---------------------------------------------------------------------------------------------

/** Sources a customer can be registered or updated in ('ALL' only works for reads). */
const PROFILE_SOURCES = options(SOURCES.filter((s) => s !== 'ALL'));

const LOYALTY_TYPES = options([
	['Loyalty', 'loyalty'],
	['Non-Loyalty', 'non_loyalty'],
]);

const PROFILE_IDENTIFIER_TYPES = options([
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'externalId'],
	['Card Number', 'cardnumber'],
	['WeChat', 'wechat'],
	['Martjack ID', 'martjackId'],
	['Facebook ID', 'fbId'],
	['CUID', 'cuid'],
	['Union ID', 'unionId'],
	['LINE', 'line'],
	['Tmall Username', 'tmall_uname'],
	['Ali Username', 'ali_uname'],
	['JD Username', 'jd_uname'],
	['VIP Username', 'vip_uname'],
]);

const COMM_CHANNEL_TYPES = options([
	['Mobile', 'mobile'],
	['Email', 'email'],
	['WeChat', 'wechat'],
	['iOS', 'ios'],
	['Android', 'android'],
	['LINE', 'line'],
	['Mobile Push', 'mobilePush'],
	['WhatsApp', 'whatsapp'],
]);

const SORT_ORDER: INodeProperties = sortOrderField();

const SORT_BY_DATES: INodeProperties = {
	displayName: 'Sort By',
	name: 'sortBy',
	type: 'options',
	options: options([
		['Created Date', 'createdon'],
		['Last Updated Date', 'lastUpdatedOn'],
	]),
	default: 'createdon',
	routing: toQuery('sortBy'),
};

const CHANGE_TYPES = options([
	['Email', 'EMAIL'],
	['Mobile', 'MOBILE'],
	['External ID', 'EXTERNAL_ID'],
	['Account Merge', 'MERGE'],
	['Address', 'ADDRESS'],
	['Mobile Reallocation', 'MOBILE_REALLOC'],
	['Coupon', 'COUPON'],
	['Points', 'POINTS'],
	['Tier', 'TIER'],
	['Retro Transaction', 'RETRO'],
]);

// ---------------------------------------------------------------------------------------------
// Shared parameters
// ---------------------------------------------------------------------------------------------

/** Loyalty program as a dropdown (organization's programs) or typed ID; sent as `programId`. */
function programOption(description: string): INodeProperties {
	return locatorField({
		displayName: 'Program ID',
		name: 'programId',
		searchMethod: 'searchPrograms',
		placeholder: '1016',
		description,
		required: false,
		routing: toQuery('programId'),
	});
}

/** A header set from an entry of the Options collection (headerField only works at the top level). */
function optionHeader(displayName: string, name: string, header: string, description: string): INodeProperties {
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

const languageHeader: INodeProperties = {
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

/** A name/value list read by a body builder (custom fields, extended fields). */
function pairList(displayName: string, name: string, description: string, nameOptions?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					nameOptions
						? {
								displayName: 'Name or ID',
								name: 'name',
								type: 'options',
								typeOptions: { loadOptionsMethod: nameOptions },
								default: '',
								description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							}
						: { displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** Identifier entries `{type, value}` plus the card details Capillary takes for card numbers. */
function identifierList(displayName: string, name: string, description: string): INodeProperties {
	const forCards = { show: { type: ['cardnumber'] } };
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Identifier',
		default: {},
		description,
		options: [
			{
				displayName: 'Identifier',
				name: 'identifier',
				values: [
					{
						displayName: 'Card External ID',
						name: 'cardExternalId',
						type: 'string',
						default: '',
						displayOptions: forCards,
					},
					{
						displayName: 'Card Series Code',
						name: 'seriesCode',
						type: 'string',
						default: '',
						description: 'Series code of an external card series',
						displayOptions: forCards,
					},
					{
						displayName: 'Card Series ID',
						name: 'seriesId',
						type: 'number',
						default: 0,
						description: 'Series of a card generated in Capillary',
						displayOptions: forCards,
					},
					{
						displayName: 'Card Status Label',
						name: 'statusLabel',
						type: 'string',
						default: '',
						placeholder: 'ACTIVE',
						description: 'Status the card gets, e.g. ACTIVE',
						displayOptions: forCards,
					},
					{ displayName: 'Type', name: 'type', type: 'options', options: PROFILE_IDENTIFIER_TYPES, default: 'mobile' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Mobile numbers with country code; for Card Number the card number',
					},
				],
			},
		],
	};
}

function identifiersFrom(value: unknown): IDataObject[] {
	return entriesOf(value, 'identifier')
		.map((entry) => {
			const card = entry.type === 'cardnumber';
			const picked: IDataObject = { type: entry.type, value: entry.value };
			if (card) Object.assign(picked, { seriesId: entry.seriesId, seriesCode: entry.seriesCode, statusLabel: entry.statusLabel, cardExternalId: entry.cardExternalId });
			return compact(picked, ['seriesId']);
		})
		.filter((entry) => !isBlank(entry.value));
}

const commChannelsField: INodeProperties = {
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
				{ displayName: 'Type', name: 'type', type: 'options', options: COMM_CHANNEL_TYPES, default: 'mobile' },
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

function commChannelsFrom(value: unknown): IDataObject[] {
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

const enrollmentsField: INodeProperties = {
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
				{ displayName: 'Points Expiry Date', name: 'pointsExpiryDate', type: 'string', default: '', placeholder: '2026-02-11T16:36:17+05:30' },
				{ displayName: 'Program ID', name: 'programId', type: 'number', default: 0 },
				{ displayName: 'Tier Expiry Date', name: 'tierExpiryDate', type: 'string', default: '', placeholder: '2026-02-11T16:36:17+05:30' },
				{ displayName: 'Tier Number', name: 'tierNumber', type: 'number', default: 0, description: 'Serial number of the tier: 1 is the lowest' },
			],
		},
	],
};

function enrollmentsFrom(value: unknown): IDataObject[] {
	return entriesOf(value, 'enrollment')
		.map((entry) => compact(entry, ['programId', 'tierNumber', 'loyaltyPoints']))
		.filter((entry) => entry.programId !== undefined);
}

/** Profile fields offered by every customer-shaped body, kept in the Additional Fields collection. */
function profileExtras(): INodeProperties[] {
	return [
		commChannelsField,
		pairList('Custom Fields', 'customFields', 'Customer custom fields (profile `fields`) as name/value pairs, e.g. dateofbirth'),
		pairList('Extended Fields', 'extendedFields', 'Customer extended fields enabled for the org, e.g. gender, city', 'getCustomerExtendedFields'),
		enrollmentsField,
	];
}

const registrationExtras: INodeProperties[] = [
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
function customerFromForm(context: IExecuteSingleFunctions, extras = 'additionalFields', requireIdentifiers = true): IDataObject {
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

const loyaltyTypeField = (routing?: INodePropertyRouting): INodeProperties => ({
	displayName: 'Loyalty Type',
	name: 'loyaltyType',
	type: 'options',
	options: LOYALTY_TYPES,
	default: 'loyalty',
	description: 'Loyalty members earn points and tiers; non-loyalty customers are only registered',
	...(routing ? { routing } : {}),
});

const profileSourceField = (description = 'Source (channel) the customer account belongs to'): INodeProperties => ({
	displayName: 'Source',
	name: 'source',
	type: 'options',
	options: PROFILE_SOURCES,
	default: 'INSTORE',
	description,
});

const profileAccountField: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	default: '',
	description: 'Account of the source; needed for sources with several accounts (WECHAT, FACEBOOK, MOBILE_APP, LINE …)',
};

const nameFields: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
];

/** Fields mode / JSON mode for endpoints whose body is a list: JSON may be one object or a list. */
function listBodyInput(fields: INodeProperties[], jsonDescription: string): INodeProperties[] {
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

/** Same shape for one-object bodies (register, update). */
const objectBodyInput = (fields: INodeProperties[], jsonDescription: string) => bodyInput(fields, jsonDescription);

// ---------------------------------------------------------------------------------------------
// Register / update / upsert / bulk association
// ---------------------------------------------------------------------------------------------

const createFields: INodeProperties[] = [
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

const updateFields: INodeProperties[] = [
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

const upsertFields: INodeProperties[] = [
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

const associationCollection: INodeProperties = {
	displayName: 'Association',
	name: 'association',
	type: 'collection',
	placeholder: 'Add Association Detail',
	default: {},
	options: [
		{
			displayName: 'Child Customers (JSON)',
			name: 'childCustomers',
			type: 'json',
			default: '[]',
			description: 'Customers to register (if new) and attach as children: a list of customer objects with profiles',
		},
		{ displayName: 'Child Role Code', name: 'childRoleCode', type: 'string', default: '', placeholder: 'FC', description: 'Role the child customers get' },
		{ displayName: 'Fleet Company External ID', name: 'fleetCompanyExternalId', type: 'string', default: '', description: 'Company the customer belongs to' },
		{ displayName: 'Hierarchy Code', name: 'hierarchyCode', type: 'string', default: '', description: 'Hierarchy whose configuration applies to the customer' },
		{
			displayName: 'Parent Identifier Type',
			name: 'parentIdentifierType',
			type: 'options',
			options: PROFILE_IDENTIFIER_TYPES,
			default: 'mobile',
			description: 'Identifier of the parent customer (registered in the same source)',
		},
		{ displayName: 'Parent Identifier Value', name: 'parentIdentifierValue', type: 'string', default: '' },
		{ displayName: 'Role Code', name: 'roleCode', type: 'string', default: '', placeholder: 'FA', description: 'Role of the customer in the hierarchy' },
	],
};

function associationFrom(context: IExecuteSingleFunctions): IDataObject | undefined {
	const value = parameter<IDataObject>(context, 'association', {});
	const details = compact({ hierarchyCode: value.hierarchyCode as string, roleCode: value.roleCode as string, childRoleCode: value.childRoleCode as string });
	if (!isBlank(value.fleetCompanyExternalId)) details.fleetCompany = { externalId: String(value.fleetCompanyExternalId).trim() };
	if (!isBlank(value.parentIdentifierValue)) {
		details.parentCustomer = {
			profiles: [
				compact({
					identifiers: [{ type: (value.parentIdentifierType as string) || 'mobile', value: String(value.parentIdentifierValue).trim() }],
					source: parameter<string>(context, 'source', ''),
					accountId: parameter<string>(context, 'accountId', ''),
				}),
			],
		};
	}
	if (value.childCustomers !== undefined) {
		const children = parseJsonParameter(context, 'Child Customers (JSON)', 'association.childCustomers');
		if (Array.isArray(children) && children.length) details.childCustomers = children as IDataObject[];
	}
	return Object.keys(details).length ? details : undefined;
}

const associateFields: INodeProperties[] = listBodyInput(
	[
		loyaltyTypeField(
			buildWith((context, request) => {
				const customer = customerFromForm(context);
				const association = associationFrom(context);
				if (association) customer.associationDetails = association;
				request.body = [customer];
			}),
		),
		profileSourceField('Source the customers are registered in'),
		profileAccountField,
		...nameFields,
		identifierList('Identifiers', 'identifiers', 'Identifiers of the customer to register or associate'),
		associationCollection,
		additionalFields(profileExtras()),
	],
	'One customer or a list, each with "associationDetails": {"hierarchyCode", "roleCode", "parentCustomer", "childCustomers", "fleetCompany": {"externalId"}}',
);

const updateAssociationFields: INodeProperties[] = [
	sourceField({ options: PROFILE_SOURCES, description: 'Source of the customers' }),
	accountIdField(),
	...listBodyInput(
		[
			loyaltyTypeField(
				buildWith((context, request) => {
					const customer = customerFromForm(context);
					const association = associationFrom(context);
					if (association) customer.associationDetails = association;
					request.body = [customer];
				}),
			),
			...nameFields,
			identifierList('Identifiers', 'identifiers', 'Identifiers of the customer whose association changes'),
			associationCollection,
			additionalFields(profileExtras()),
		],
		'One customer or a list, each with its profiles (identifiers) and the new "associationDetails"',
	),
];

// ---------------------------------------------------------------------------------------------
// Identifiers and cards
// ---------------------------------------------------------------------------------------------

const changeIdentifierQuery = [
	sourceField({ options: PROFILE_SOURCES, description: 'Source whose identifiers change' }),
	accountIdField(),
];

const updateIdentifierFields: INodeProperties[] = [
	customerIdField(),
	...changeIdentifierQuery,
	{
		...identifierList('Add', 'add', 'Identifiers to add; a Card Number with its series issues the card'),
		routing: buildWith((context, request) => {
			const add = identifiersFrom(parameter<unknown>(context, 'add', {}));
			const remove = identifiersFrom(parameter<unknown>(context, 'remove', {}));
			if (!add.length && !remove.length) fail(context, 'Parameter "Add" or "Remove" needs at least one identifier', 'Fill in Add, Remove, or both.');
			const body = bodyOf(request);
			if (add.length) body.add = add;
			if (remove.length) body.remove = remove;
			request.body = body;
		}),
	},
	identifierList('Remove', 'remove', 'Identifiers to remove from the customer'),
	queryOptions([
		optionalField('Card Series ID', 'seriesId', 'number', 'Series of the card being added or removed'),
		optionalField('Card Status Label', 'statusLabel', 'string', 'Status the card gets, e.g. ACTIVE'),
		optionalField('Run Loyalty Asynchronously', 'use_async', 'boolean', 'Whether to run loyalty processing in the background (no side effects in the response)'),
	]),
];

const linkCardFields: INodeProperties[] = [
	customerIdField(),
	...changeIdentifierQuery,
	{
		displayName: 'Action',
		name: 'cardAction',
		type: 'options',
		options: [
			{ name: 'Link (Issue)', value: 'add', description: 'Tag the card to the customer' },
			{ name: 'Delink', value: 'remove', description: 'Take the card off the customer' },
		],
		default: 'add',
	},
	{
		displayName: 'Card Number',
		name: 'cardNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'An existing card: add external cards with Card → Create, generate others first',
		routing: buildWith((context, request) => {
			const action = parameter<string>(context, 'cardAction', 'add');
			const more = parameter<IDataObject>(context, 'additionalFields', {});
			const card = compact(
				{
					type: 'cardnumber',
					value: parameter<string>(context, 'cardNumber', ''),
					seriesCode: parameter<string>(context, 'seriesCode', ''),
					seriesId: more.seriesId as number,
					cardExternalId: more.cardExternalId as string,
					statusLabel: (more.statusLabel as string) || (action === 'remove' ? 'NOT_ISSUED' : 'ACTIVE'),
				},
				['seriesId'],
			);
			request.body = { [action === 'remove' ? 'remove' : 'add']: [card] };
		}),
	},
	{ displayName: 'Card Series Code', name: 'seriesCode', type: 'string', default: '', placeholder: 'GOLDPHY98', description: 'Series code of the card' },
	additionalFields([
		{ displayName: 'Card Series ID', name: 'seriesId', type: 'number', default: 0, description: 'Series ID, for cards generated in Capillary' },
		{ displayName: 'Card External ID', name: 'cardExternalId', type: 'string', default: '' },
		{
			displayName: 'Status Label',
			name: 'statusLabel',
			type: 'string',
			default: '',
			description: 'Card status to set; ACTIVE for Link and NOT_ISSUED for Delink when empty',
		},
	]),
];

// ---------------------------------------------------------------------------------------------
// Subscriptions, referrals, goodwill
// ---------------------------------------------------------------------------------------------

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
							{ displayName: 'Channel', name: 'channel', type: 'options', options: SUBSCRIPTION_CHANNELS, default: 'EMAIL' },
							{ displayName: 'Org Unit ID', name: 'orgUnitId', type: 'number', default: 0, description: 'Concept (org unit) the subscription applies to' },
							{
								displayName: 'Priority',
								name: 'priority',
								type: 'options',
								options: [
									{ name: 'Transactional', value: 'TRANS', description: 'Personal messages such as bills and points' },
									{ name: 'Bulk', value: 'BULK', description: 'Campaign and promotional messages' },
								],
								default: 'BULK',
							},
							{ displayName: 'Source', name: 'sourceName', type: 'options', options: PROFILE_SOURCES, default: 'INSTORE' },
							{
								displayName: 'Type',
								name: 'type',
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
				{ displayName: 'Sub-Scope', name: 'subScope', type: 'string', default: '', placeholder: 'NONE' },
			]),
		],
		'{"subscriptions": [{"channel": "EMAIL", "priority": "BULK", "type": "OPTOUT", "sourceName": "INSTORE"}], "reason": "…", "scope": {"scope": "USER", "subScope": "NONE"}}',
	),
];

const referralFields: INodeProperties[] = [
	customerIdField({ description: 'The referrer' }),
	...objectBodyInput(
		[
			{
				displayName: 'Referral Campaign',
				name: 'referralCampaign',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'CWRME',
				description: 'Campaign token of the referral campaign',
			},
			{
				displayName: 'Invitees',
				name: 'invitees',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Invitee',
				default: {},
				description: 'People the customer invited',
				options: [
					{
						displayName: 'Invitee',
						name: 'invitee',
						values: [
							{
								displayName: 'Channel',
								name: 'type',
								type: 'options',
								options: options([
									['Mobile', 'MOBILE'],
									['Email', 'EMAIL'],
								]),
								default: 'MOBILE',
							},
							{ displayName: 'Identifier', name: 'identifier', type: 'string', default: '', description: 'Mobile number or email address of the invitee' },
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Invited On', name: 'invitedOn', type: 'string', default: '', placeholder: '2021-12-16 13:15:45' },
						],
					},
				],
				routing: buildWith((context, request) => {
					const invitees = entriesOf(parameter<unknown>(context, 'invitees', {}), 'invitee').filter((i) => !isBlank(i.identifier));
					if (!invitees.length) fail(context, 'Parameter "Invitees" needs at least one invitee', 'Each invitee needs a mobile number or email address.');
					const byType = new Map<string, IDataObject[]>();
					for (const invitee of invitees) {
						const type = String(invitee.type ?? 'MOBILE');
						byType.set(type, [...(byType.get(type) ?? []), compact({ name: invitee.name as string, identifier: invitee.identifier as string, invitedOn: invitee.invitedOn as string })]);
					}
					const more = parameter<IDataObject>(context, 'additionalFields', {});
					const id = Number(parameter<string>(context, 'customerId', ''));
					const customer = compact({ id: Number.isFinite(id) ? id : undefined, mobile: more.mobile as string, email: more.email as string, externalId: more.externalId as string });
					request.body = {
						customerReferrals: [
							{
								customer,
								campaignToken: parameter<string>(context, 'referralCampaign', '').trim(),
								referrals: [...byType.entries()].map(([type, referral]) => ({ type, referral })),
							},
						],
					};
				}),
			},
			additionalFields([
				{ displayName: 'Referrer Mobile', name: 'mobile', type: 'string', default: '' },
				{ displayName: 'Referrer Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				{ displayName: 'Referrer External ID', name: 'externalId', type: 'string', default: '' },
			]),
		],
		'{"customerReferrals": [{"customer": {"id": 420007388}, "campaignToken": "CWRME", "referrals": [{"type": "MOBILE", "referral": [{"name": "…", "identifier": "91…", "invitedOn": "2021-12-16 13:15:45"}]}]}]}',
	),
];

const groupGoodwillFields: INodeProperties[] = [
	{
		displayName: 'Group Identifier Type',
		name: 'groupIdentifierType',
		type: 'options',
		options: options([
			['Group ID', 'id'],
			['External ID', 'externalId'],
			['Primary Member ID', 'primaryUserId'],
		]),
		default: 'id',
	},
	{
		displayName: 'Group Identifier Value',
		name: 'groupIdentifierValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3832764',
	},
	{
		displayName: 'Points',
		name: 'points',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Goodwill points to request for the group',
		routing: buildWith((context, request) => {
			const more = parameter<IDataObject>(context, 'additionalFields', {});
			const raw = String(parameter<string>(context, 'groupIdentifierValue', '')).trim();
			const type = parameter<string>(context, 'groupIdentifierType', 'id');
			const body: IDataObject = {
				type: 'GOODWILL',
				baseType: 'POINTS',
				goodwillRequest: compact({ points: parameter<number>(context, 'points', 0), reason: parameter<string>(context, 'reason', ''), comments: more.goodwillComments as string }),
				earningEntityType: 'USERGROUP2',
				userGroup2IdentificationInfo: compact({
					identifierType: type,
					identifierValue: type === 'id' && /^\d+$/.test(raw) ? Number(raw) : raw,
					source: more.source as string,
					accountId: more.accountId as string,
				}),
			};
			if (!isBlank(more.comments)) body.comments = String(more.comments);
			if (!isBlank(more.programId) && Number(more.programId) !== 0) body.programId = Number(more.programId);
			request.body = body;
		}),
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: 'POINTS_ISSUE',
		description: 'Reason code of the goodwill request',
	},
	additionalFields([
		{ displayName: 'Goodwill Comments', name: 'goodwillComments', type: 'string', default: '', description: 'Why the group deserves the points (shown to the approver)' },
		{ displayName: 'Request Comments', name: 'comments', type: 'string', default: '', description: 'Comments on the request itself' },
		{ displayName: 'Program ID', name: 'programId', type: 'number', default: 0, description: 'Loyalty program of the points' },
		{ displayName: 'Group Source', name: 'source', type: 'options', options: PROFILE_SOURCES, default: 'INSTORE' },
		{ displayName: 'Group Account ID', name: 'accountId', type: 'string', default: '' },
	]),
];

// ---------------------------------------------------------------------------------------------
// Image
// ---------------------------------------------------------------------------------------------

const imageFields = imageUploadFields(binaryFileField('file', 'Name of the binary field of the input item that holds the image'));

// ---------------------------------------------------------------------------------------------
// Light API options (balance, tier, schedules)
// ---------------------------------------------------------------------------------------------

function lightApiOptions(extra: INodeProperties[] = []): INodeProperties {
	return queryOptions([
		{ ...sourceField(), description: 'Source of the customer account; ALL for any' },
		{ ...accountIdField(), description: 'Account of the source, for sources with several accounts' },
		programOption('Loyalty program to read; the default program when empty'),
		{
			displayName: 'Entity Type',
			name: 'entityType',
			type: 'options',
			options: options([
				['Customer', 'CUSTOMER'],
				['Fleet (Group)', 'FLEET'],
			]),
			default: 'CUSTOMER',
			description: 'Whether to read the customer or the group it belongs to',
			routing: toQuery('entityType'),
		},
		optionalField('All Programs', 'fetchDataForAllPrograms', 'boolean', 'Whether to read every loyalty program of the org'),
		...extra,
	]);
}

const dateRangeOptions = [
	optionalField('Start Date', 'startDate', 'string', 'From this date (YYYY-MM-DD); tomorrow at the earliest'),
	optionalField('End Date', 'endDate', 'string', 'Up to this date (YYYY-MM-DD)'),
];

const expiryScheduleOptions = () =>
	queryOptions([
		programOption('Loyalty program to read; the default program when empty'),
		optionalField('All Programs', 'fetchDataForAllPrograms', 'boolean', 'Whether to read the schedules of every loyalty program'),
		optionalField('Earliest Expiry Only', 'fetchEarliestExpiryOnly', 'boolean', 'Whether to return only the earliest expiry per program, points type and expiry type'),
		...dateRangeOptions,
	]);

// ---------------------------------------------------------------------------------------------
// Requests (retro, identifier change, goodwill)
// ---------------------------------------------------------------------------------------------

const requestRangeOptions: INodeProperties[] = [
	optionalField('Start Date', 'startDate', 'string', 'Requests added on or after this date (YYYY-MM-DD)'),
	optionalField('End Date', 'endDate', 'string', 'Requests added on or before this date (YYYY-MM-DD)'),
	optionalField('Start ID', 'startId', 'number', 'Requests with this ID or higher'),
	optionalField('End ID', 'endId', 'number', 'Requests with this ID or lower'),
	SORT_BY_DATES,
	SORT_ORDER,
];

const changeTypeOption: INodeProperties = {
	displayName: 'Change Type',
	name: 'changeType',
	type: 'options',
	options: CHANGE_TYPES,
	default: 'RETRO',
	description: 'Only requests of this kind',
	routing: toQuery('changeType'),
};

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** The profile of a customer flattened to the fields most workflows use. */
function simplifyCustomer(entity: IDataObject): IDataObject {
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

function simplifyCoupon(coupon: IDataObject): IDataObject {
	const series = (coupon.series ?? {}) as IDataObject;
	return {
		id: coupon.id,
		code: coupon.code,
		seriesId: coupon.seriesId,
		seriesName: coupon.seriesName ?? series.description,
		discountType: coupon.couponDiscountType ?? series.discountType,
		discountValue: coupon.discountValue,
		issuedOn: coupon.issuedOn ?? coupon.createdDate,
		validTill: coupon.validTill,
		redeemed: coupon.redeemed ?? coupon.isRedeemed,
		redemptionsLeft: coupon.redemptionsLeft,
	};
}

// ---------------------------------------------------------------------------------------------
// The resource
// ---------------------------------------------------------------------------------------------

const customerPath = (suffix: string) => `/v2/customers/{customerId}${suffix}`;

export const customer = defineResource({
	value: 'customer',
	name: 'Customer',
	description: 'Register, look up and update customers; read their points, tiers, coupons, requests and history',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Register a customer',
			method: 'POST',
			path: '/v2/customers',
			fields: createFields,
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
			value: 'updateIdentifiers',
			name: 'Update Identifiers or Issue Card',
			action: 'Add or remove identifiers of a customer',
			method: 'POST',
			path: customerPath('/changeIdentifier'),
			fields: updateIdentifierFields,
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
			value: 'associate',
			name: 'Create or Associate (Bulk)',
			action: 'Register customers and associate them with a hierarchy',
			method: 'POST',
			path: '/v2/customers/bulk',
			fields: associateFields,
			output: { perEntityStatus: true },
			hint: 'Uses /v2/customers/bulk as in the 2022 docs (the newer docs also show /v2/bulk). Each customer comes back as its own item with success, errorCode and errorMessage.',
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
			value: 'getHierarchy',
			name: 'Get Hierarchy',
			action: 'Get the customers under a parent customer or company',
			method: 'GET',
			path: '/v2/customers/bulk',
			fields: [
				sourceField({ required: true }),
				accountIdField(),
				{
					displayName: 'Parent Type',
					name: 'associationEntityType',
					type: 'options',
					options: options([
						['Parent Customer', 'parentCustomer'],
						['Company', 'company'],
					]),
					default: 'parentCustomer',
					routing: toQuery('associationEntityType'),
				},
				{
					displayName: 'Parent Identifier Type',
					name: 'associationEntityIdentifierType',
					type: 'options',
					options: options([
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'externalId'],
						['Card Number', 'cardnumber'],
						['WeChat', 'wechat'],
						['Martjack ID', 'martjackId'],
						['Facebook ID', 'fbId'],
					]),
					default: 'mobile',
					description: 'For a company use External ID',
					routing: toQuery('associationEntityIdentifierType'),
				},
				{
					displayName: 'Parent Identifier Value',
					name: 'associationEntityIdentifierValue',
					type: 'string',
					required: true,
					default: '',
					routing: toQuery('associationEntityIdentifierValue'),
				},
				queryOptions([SORT_BY_DATES, SORT_ORDER]),
			],
			pagination: { style: 'offset', maxPageSize: 100, items: 'entity.customers' },
			output: { items: 'entity.customers', simplify: simplifyCustomer },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a customer',
			method: 'PUT',
			path: '/v2/customers/{customerId}',
			fields: updateFields,
			hint: 'Identifiers cannot change here: use Update Identifiers or Issue Card.',
		},
		{
			value: 'updateAssociation',
			name: 'Update Association (Bulk)',
			action: 'Update the hierarchy association of customers',
			method: 'PUT',
			path: '/v2/customers/bulk',
			fields: updateAssociationFields,
			output: { perEntityStatus: true },
			hint: 'Uses /v2/customers/bulk as in the 2022 docs (the newer docs also show /v2/bulk). Each customer comes back as its own item with success, errorCode and errorMessage.',
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
			value: 'getSubscriptions',
			name: 'Get Subscriptions',
			action: 'Get the channel subscriptions of a customer',
			method: 'GET',
			path: customerPath('/subscriptions'),
			fields: [customerIdField()],
			pagination: { style: 'none', items: 'subscriptions' },
		},
		{
			value: 'getPointsExpirySchedule',
			name: 'Get Points Expiry Schedule',
			action: 'Get when the points of a customer expire',
			method: 'GET',
			path: customerPath('/pointsExpirySchedule'),
			fields: [customerIdField(), expiryScheduleOptions()],
			pagination: { style: 'none', items: 'expirySchedules' },
		},
		{
			value: 'getPointsExpiryScheduleByIdentifier',
			name: 'Get Points Expiry Schedule by Identifier',
			action: 'Get when the points of a customer expire, by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/pointsExpirySchedule',
			fields: [...v2IdentifierFields(), sourceField(), accountIdField(), expiryScheduleOptions()],
			pagination: { style: 'none', items: 'expirySchedules' },
		},
		{
			value: 'getLoyaltyEvents',
			name: 'Get Loyalty Events',
			action: 'Get the loyalty events of a customer',
			method: 'GET',
			path: customerPath('/loyaltyEvents'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
		},
		{
			value: 'getLoyaltyDetails',
			name: 'Get Loyalty Details',
			action: 'Get the loyalty details of a customer',
			method: 'GET',
			path: customerPath('/loyaltyDetails'),
			fields: [customerIdField(), queryOptions([programOption('Only this loyalty program (orgs with several programs)')])],
		},
		{
			value: 'getPointsTransfers',
			name: 'Get Points Transfers',
			action: 'Get the points transfers of a customer',
			method: 'GET',
			path: customerPath('/pointsTransfers'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
		},
		{
			value: 'getPointsBalance',
			name: 'Get Points Balance',
			action: 'Get the points balance of a customer',
			method: 'GET',
			path: customerPath('/points/balance'),
			fields: [customerIdField(), lightApiOptions()],
			hint: 'Uses the path of the API index (/v2/customers/{ID}/points/balance); the request line in the docs reads /v2/customers/points/balance/{ID}.',
		},
		{
			value: 'getTier',
			name: 'Get Tier',
			action: 'Get the tier of a customer',
			method: 'GET',
			path: customerPath('/tierDetails'),
			fields: [customerIdField(), lightApiOptions()],
		},
		{
			value: 'getPointsConversionSchedule',
			name: 'Get Points Conversion Schedule',
			action: 'Get when the promised points of a customer become redeemable',
			method: 'GET',
			path: customerPath('/promisedPointsSchedule'),
			fields: [customerIdField(), lightApiOptions(dateRangeOptions)],
		},
		{
			value: 'getCoupons',
			name: 'Get Coupons',
			action: 'Get the coupons of a customer',
			method: 'GET',
			path: customerPath('/coupons'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
			output: { simplify: simplifyCoupon },
		},
		{
			value: 'getRetroRequests',
			name: 'Get Retro Requests',
			action: 'Get the retro and change requests of a customer',
			method: 'GET',
			path: customerPath('/retroRequest'),
			fields: [
				customerIdField(),
				queryOptions([
					changeTypeOption,
					...requestRangeOptions,
					{ ...sourceField(), description: 'Only requests raised in this source' },
					{ ...accountIdField(), description: 'Account of the source' },
					optionalField('Card Number', 'cardNumber', 'string', 'Only requests about this card'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'getChangeRequests',
			name: 'Get Identifier Change Requests',
			action: 'Get the identifier change requests of a customer',
			method: 'GET',
			path: customerPath('/changeRequest'),
			fields: [
				customerIdField(),
				queryOptions([
					{ ...changeTypeOption, default: 'MOBILE' },
					...requestRangeOptions,
					{ ...sourceField(), description: 'Only requests raised in this source' },
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'getGoodwillRequests',
			name: 'Get Goodwill Requests',
			action: 'Get the goodwill requests of a customer',
			method: 'GET',
			path: customerPath('/goodwillRequest'),
			fields: [
				customerIdField(),
				queryOptions([
					optionalField('Request ID', 'requestId', 'number', 'Only this goodwill request'),
					optionalField('One-Step Only', 'is_one_step_change', 'boolean', 'Whether to return only requests issued instantly (one-step)'),
					programOption('Only requests of this loyalty program'),
					optionalField('Auto-Approved Only', 'autoApprove', 'boolean', 'Whether to return only requests approved automatically'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'getGroupGoodwillRequests',
			name: 'Get Group Goodwill Requests',
			action: 'Get goodwill requests, such as those raised for user groups',
			method: 'GET',
			path: '/v2/requests',
			fields: [
				{
					displayName: 'Request Type',
					name: 'requestType',
					type: 'options',
					options: options([
						['Goodwill', 'GOODWILL'],
						['Change Identifier', 'CHANGE_IDENTIFIER'],
						['Transaction', 'TRANSACTION'],
						['Transaction Update (Retro)', 'TRANSACTION_UPDATE'],
					]),
					default: 'GOODWILL',
					routing: toQuery('requestType'),
				},
				{
					displayName: 'Request Sub-Type',
					name: 'requestSubType',
					type: 'string',
					required: true,
					default: 'POINTS',
					description: 'POINTS or COUPON for goodwill; MOBILE, EMAIL, EXTERNAL_ID, MERGE … for identifier changes; REGULAR_TXN_ADD for transactions; RETRO for retro',
					routing: toQuery('requestSubType'),
				},
				queryOptions([
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: options([
							['Pending', 'PENDING'],
							['Approved', 'APPROVED'],
							['Rejected', 'REJECTED'],
							['Success', 'SUCCESS'],
							['Failure', 'FAILURE'],
						]),
						default: 'PENDING',
						routing: toQuery('status'),
					},
					{
						displayName: 'Sort By',
						name: 'sort',
						type: 'options',
						options: options([
							['Added On', 'ADDED_ON'],
							['Last Updated On', 'LAST_UPDATED_ON'],
						]),
						default: 'ADDED_ON',
						routing: toQuery('sort'),
					},
					sortOrderField({ name: 'order' }),
					optionalField('Start Date', 'start_date', 'string', 'Requests added from this time (ISO 8601, e.g. 2024-01-01T00:00:00+05:30)'),
					optionalField('End Date', 'end_date', 'string', 'Requests added before this time (ISO 8601)'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 50, offsetMayBePage: true },
			hint: 'The API index lists "Request Goodwill points (Group)" as GET /v2/requests. The node reads it as the request list documented for transaction requests (requestType and requestSubType are mandatory), here with type GOODWILL and sub-type POINTS; the goodwill use of this list is an assumption. To raise a group goodwill request use Request Group Goodwill Points.',
		},
		{
			value: 'requestGroupGoodwill',
			name: 'Request Group Goodwill Points',
			action: 'Request goodwill points for a user group',
			method: 'POST',
			path: '/v2/requests',
			fields: groupGoodwillFields,
			hint: 'Raises a goodwill points request for a user group; an admin approves it before the points are issued.',
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
		{
			value: 'getCouponsByIdentifier',
			name: 'Get Coupons by Identifier',
			action: 'Get the coupons of a customer by identifier',
			method: 'GET',
			path: '/v2/customers/coupons',
			fields: [
				{
					displayName: 'Identifier Type',
					name: 'couponIdentifierType',
					type: 'options',
					options: options([
						['Customer ID', 'id'],
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'externalId'],
					]),
					default: 'id',
				},
				{
					displayName: 'Identifier Value',
					name: 'couponIdentifierValue',
					type: 'string',
					required: true,
					default: '',
					placeholder: '401031250',
					routing: toQuery('={{ $parameter.couponIdentifierType }}'),
				},
				queryOptions([
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: options([
							['Active', 'Active'],
							['Redeemed', 'Redeemed'],
							['Unexpired', 'Unexpired'],
							['Unredeemed', 'Unredeemed'],
							['Active and Redeemed', 'Active_Redeemed'],
							['Active and Unredeemed', 'Active_Unredeemed'],
							['Expired and Redeemed', 'Expired_Redeemed'],
							['Expired and Unredeemed', 'Expired_Unredeemed'],
						]),
						default: 'Active',
						description: 'Only coupons in this state',
						routing: toQuery('status'),
					},
					{ ...optionalField('Limit', 'limit', 'number', 'Max number of coupons per customer to return (Capillary default 100)'), default: 50, typeOptions: { minValue: 1 } },
					{ ...optionalField('Offset', 'offset', 'number', 'Number of coupons to skip'), typeOptions: { minValue: 0 } },
				]),
			],
			output: { items: 'entity.customers' },
		},
		{
			value: 'linkCard',
			name: 'Link or Delink Card',
			action: 'Link a card to a customer or delink it',
			method: 'POST',
			path: customerPath('/changeIdentifier'),
			fields: linkCardFields,
		},
		{
			value: 'addReferrals',
			name: 'Add Referrals',
			action: 'Add the people a customer referred',
			method: 'POST',
			path: customerPath('/referrals'),
			fields: referralFields,
			output: { items: 'customerReferrals' },
		},
		{
			value: 'getReferrals',
			name: 'Get Referrals',
			action: 'Get the referrals of a customer',
			method: 'GET',
			path: customerPath('/referrals'),
			fields: [customerIdField()],
			pagination: { style: 'offset', maxPageSize: 100 },
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
			value: 'getSubscriptionLog',
			name: 'Get Subscription Log',
			action: 'Get the subscription changes of a customer',
			method: 'GET',
			path: customerPath('/subscriptionStatusChangeLog'),
			fields: [customerIdField()],
			pagination: { style: 'none' },
		},
		{
			value: 'getGroupTrackers',
			name: 'Get Group Trackers',
			action: 'Get the tracker values of a user group',
			method: 'GET',
			path: '/v2/customers/userEntityTrackers',
			fields: [
				{
					displayName: 'Entity Type',
					name: 'trackerEntityType',
					type: 'options',
					options: options([
						['User Group', 'USERGROUP2'],
						['Customer', 'CUSTOMER'],
					]),
					default: 'USERGROUP2',
					routing: toQuery('type'),
				},
				{
					displayName: 'Identifier Type',
					name: 'trackerIdentifierType',
					type: 'options',
					options: options([
						['Group ID', 'id'],
						['External ID', 'externalId'],
						['Primary Member ID', 'primaryUserId'],
					]),
					default: 'id',
					routing: toQuery('identifierType'),
				},
				{
					displayName: 'Identifier Value',
					name: 'trackerIdentifierValue',
					type: 'string',
					required: true,
					default: '',
					placeholder: '93257',
					routing: toQuery('identifierValue'),
				},
				queryOptions([{ ...sourceField(), description: 'Source of the customers' }]),
			],
			pagination: { style: 'none' },
		},
		{
			value: 'getTransactions',
			name: 'Get Transactions',
			action: 'Get the transactions of a customer',
			method: 'GET',
			path: customerPath('/transactions'),
			fields: [
				customerIdField(),
				queryOptions([
					{
						displayName: 'Include',
						name: 'embed',
						type: 'multiOptions',
						options: [
							{ name: 'Attribution', value: 'ATTRIBUTION' },
							{ name: 'Bill Points', value: 'BILL_POINTS' },
							{ name: 'Credit Notes', value: 'CREDIT_NOTES' },
							{ name: 'Custom Fields', value: 'BILL_CF' },
							{ name: 'Extended Fields', value: 'BILL_EF' },
							{ name: 'Payment Modes', value: 'PAYMENT_MODES' },
							{ name: 'Store Details', value: 'BILL_STORE_DETAILS' },
							{ name: 'Transaction Identifiers', value: 'TRANSACTION_IDENTIFIER' },
						],
						default: [],
						description: 'Extra details to add to each transaction',
						routing: toQuery('embed', JOIN_VALUES),
					},
					optionalField('Start Date', 'startDate', 'string', 'Transactions billed at or after this time (YYYY-MM-DD HH:MM:SS or ISO 8601)'),
					optionalField('End Date', 'endDate', 'string', 'Transactions billed at or before this time'),
					optionalField('Start ID', 'startId', 'number', 'Transactions with this ID or higher'),
					optionalField('End ID', 'endId', 'number', 'Transactions with this ID or lower'),
					optionalField('Transaction IDs', 'transactionId', 'string', 'Only these transactions (comma-separated IDs)'),
					{
						displayName: 'Sort By',
						name: 'sortBy',
						type: 'options',
						options: options([['Billing Time', 'BILLING_TIME']]),
						default: 'BILLING_TIME',
						routing: toQuery('sortBy'),
					},
					SORT_ORDER,
					optionalField('Local Currency', 'localCurrency', 'boolean', 'Whether to return amounts in the local currency of the bill'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 1000 },
		},
	],
});
