import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	additionalFields,
	bodyInput,
	jsonField,
	optionalField,
	options,
	queryOptions,
	toBody,
	toQuery,
} from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

/**
 * Badges (api_gateway/v1/badges): the org's tag definitions ("org meta"), badge definitions
 * ("badge meta"), module claims, enrolment (Capillary calls it "issue") and earning, and their
 * revocation. Every response is `{data, errors, warnings}`; the org is named by the
 * X-CAP-API-AUTH-ORG-ID header the credential adds.
 */

const BASE = '/api_gateway/v1/badges';

/** Modules that may own, claim or trigger a badge (Capillary's spelling, case sensitive). */
const OWNER_TYPES = options([
	['Audience Campaigns', 'Audience_Campaigns'],
	['Goodwill Module', 'Goodwill_Module'],
	['Historical Import', 'Historical_Import'],
	['Journeys', 'Journeys'],
	['Loyalty', 'Loyalty'],
	['Loyalty Promotion', 'Loyalty_Promotion'],
	['Milestones', 'Milestones'],
	['Referral Campaigns', 'Referral_Campaigns'],
	['Rewards Catalog', 'Rewards_Catalog'],
]);

/** Numeric IDs travel as numbers (Capillary's customer IDs are numeric); anything else as typed. */
const AS_NUMBER_IF_NUMERIC = '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}';

/** ISO date-time → epoch seconds, the unit of startOn/expiresOn. */
const EPOCH_SECONDS = '={{ Math.floor(new Date($value).getTime() / 1000) }}';

function badgeField(overrides: { name?: string; property?: string; description?: string } = {}): INodeProperties {
	return locatorField({
		displayName: 'Badge',
		name: overrides.name ?? 'badgeId',
		searchMethod: 'searchBadges',
		placeholder: '66276dc68fe258516a88ff8e',
		description: overrides.description ?? 'The badge definition (badge meta ID)',
		...(overrides.property ? { routing: toBody(overrides.property) } : {}),
	});
}

function credentialType(context: IExecuteSingleFunctions): string {
	return context.getNodeParameter('authentication', 'basicAuth') === 'oAuth' ? 'capillaryOAuthApi' : 'capillaryApi';
}

/** `orgId` of the org meta body: the typed value, or the Org ID of the credential. */
async function orgIdIntoBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	let orgId = String(this.getNodeParameter('orgMetaOrgId', '') ?? '').trim();
	if (!orgId) {
		const credentials = await this.getCredentials(credentialType(this));
		orgId = String(credentials.orgId ?? '').trim();
	}
	if (!orgId) return request;
	request.body = { ...((request.body as IDataObject) ?? {}), orgId: /^\d+$/.test(orgId) ? Number(orgId) : orgId };
	return request;
}

/**
 * A list of customer IDs from one parameter: "1001, 1002", a JSON array (`[1001, 1002]`), or an
 * expression returning an array. Sent as numbers under `property`.
 */
function customerIdList(parameter: string, displayName: string, property: string) {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const raw = this.getNodeParameter(parameter, '') as unknown;
		let values: unknown[];
		if (Array.isArray(raw)) values = raw;
		else if (typeof raw === 'number') values = [raw];
		else {
			const text = String(raw ?? '').trim();
			if (text.startsWith('[')) {
				try {
					const parsed = JSON.parse(text) as unknown;
					values = Array.isArray(parsed) ? parsed : [parsed];
				} catch (error) {
					throw new NodeOperationError(this.getNode(), `Parameter "${displayName}" is not a valid JSON array`, {
						description: `${(error as Error).message}. Use a list such as [1001, 1002] or comma-separated IDs.`,
						itemIndex: this.getItemIndex(),
					});
				}
			} else values = text.split(/[,\s]+/);
		}
		const ids = values.map((v) => String(v ?? '').trim()).filter((v) => v !== '');
		const invalid = ids.filter((v) => !/^\d+$/.test(v));
		if (ids.length === 0 || invalid.length) {
			throw new NodeOperationError(this.getNode(), `Parameter "${displayName}" needs numeric customer IDs`, {
				description: invalid.length ? `Not a customer ID: ${invalid.slice(0, 5).join(', ')}` : 'The list is empty.',
				itemIndex: this.getItemIndex(),
			});
		}
		request.body = { ...((request.body as IDataObject) ?? {}), [property]: ids.map(Number) };
		return request;
	};
}

function triggeredByFields(required: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Triggered By Owner Type',
			name: 'triggeredByOwnerType',
			type: 'options',
			options: OWNER_TYPES,
			default: 'Loyalty',
			description: 'Module on whose behalf this happens; it must have claimed the badge (see Claim)',
			routing: toBody('triggeredBy.ownerType'),
		},
		{
			displayName: 'Triggered By Reference ID',
			name: 'triggeredByReferenceId',
			type: 'string',
			required,
			default: '',
			placeholder: '123694',
			description: 'The reference ID the module used when it claimed the badge',
			routing: toBody('triggeredBy.referenceId'),
		},
	];
}

// ---------------------------------------------------------------------------------------------
// Org meta (tag definitions)
// ---------------------------------------------------------------------------------------------

const orgMetaFields: INodeProperties[] = [
	{
		displayName: 'Org ID',
		name: 'orgMetaOrgId',
		type: 'string',
		default: '',
		placeholder: '50672',
		description: 'Organization the tags belong to; the Org ID of the credential when empty',
		routing: { send: { preSend: [orgIdIntoBody] } },
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Tag',
		default: {},
		description: 'Tag definitions badges of this org can carry (e.g. Category, Priority)',
		options: [
			{
				displayName: 'Tag',
				name: 'tag',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						description: 'Name of the tag, e.g. Category',
						type: 'string',
						default: '',
						placeholder: 'Category',
						routing: { send: { type: 'body', property: '=tags[{{$index}}].key' } },
					},
					{
						displayName: 'Data Type',
						name: 'dataType',
						description: 'Type of the values of the tag',
						type: 'options',
						options: options([
							['Boolean', 'boolean'],
							['Date', 'date'],
							['Integer', 'integer'],
							['String', 'string'],
						]),
						default: 'string',
						routing: { send: { type: 'body', property: '=tags[{{$index}}].dataType' } },
					},
					{
						displayName: 'Description',
						name: 'description',
						description: 'What the tag means',
						type: 'string',
						default: '',
						routing: { send: { type: 'body', property: '=tags[{{$index}}].description' } },
					},
					{
						displayName: 'Mandatory',
						name: 'mandatory',
						type: 'boolean',
						default: false,
						description: 'Whether every badge must carry this tag',
						routing: { send: { type: 'body', property: '=tags[{{$index}}].mandatory' } },
					},
				],
			},
		],
	},
];

// ---------------------------------------------------------------------------------------------
// Badge meta (definitions)
// ---------------------------------------------------------------------------------------------

const EARN_TYPES = options([
	['Earn (Customers Earn Directly)', 'EARN'],
	['Issue and Earn (Enrol First)', 'ISSUE_EARN'],
]);

const ownersField: INodeProperties = {
	displayName: 'Owners',
	name: 'owners',
	type: 'multiOptions',
	options: OWNER_TYPES,
	default: ['Loyalty'],
	description: 'Modules allowed to claim and use the badge (at least one)',
	routing: toBody('ownership.restrictedToOwners'),
};

function badgeSettings(): INodeProperties[] {
	return [
		optionalField('Description', 'description', 'string', 'What the customer has to do to earn the badge', 'body'),
		{
			displayName: 'Start On',
			name: 'startOn',
			type: 'dateTime',
			default: '',
			description: 'When the badge becomes live (sent as epoch seconds)',
			routing: toBody('startOn', EPOCH_SECONDS),
		},
		{
			displayName: 'Expires On',
			name: 'expiresOn',
			type: 'dateTime',
			default: '',
			description: 'When the badge ends (sent as epoch seconds)',
			routing: toBody('expiresOn', EPOCH_SECONDS),
		},
		optionalField('Badge Rank', 'badgeRank', 'number', 'Display rank among badges (1 = first)', 'body'),
		optionalField('Badge Group ID', 'badgeGroupId', 'number', 'Group the badge belongs to', 'body'),
		optionalField('Active', 'active', 'boolean', 'Whether the badge is active once created', 'body'),
	];
}

const settingsJson = jsonField(
	'More Settings (JSON)',
	'badgeSettingsJson',
	{ in: 'body' },
	'Other badge settings merged into the body: earnedBadgeExpiry, issuedBadgeExpiry, customerConstraints, badgeConstraints, benefits, images, tags, customFields',
	{ default: '{}' },
);

const badgeBodyJsonDescription =
	'The badge as Capillary expects it, e.g. {"name": "Furry Friend", "earnType": "EARN", "ownership": {"restrictedToOwners": ["Loyalty"]}, "startOn": 1716803487, "expiresOn": 1726804000}';

const createBadgeFields: INodeProperties[] = [
	{
		displayName: 'Migration Mode',
		name: 'migrationMode',
		type: 'boolean',
		default: false,
		description: 'Whether to create a historical badge (sends X-CAP-BADGES-MIGRATION: migration)',
		routing: {
			send: {
				preSend: [
					async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
						if (this.getNodeParameter('migrationMode', false) === true) {
							request.headers = { ...(request.headers ?? {}), 'X-CAP-BADGES-MIGRATION': 'migration' };
						}
						return request;
					},
				],
			},
		},
	},
	...bodyInput(
		[
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'Furry Friend Badge',
				description: 'Unique badge name (case sensitive)',
				routing: toBody('name'),
			},
			{
				displayName: 'Earn Type',
				name: 'earnType',
				description: 'Earn: customers earn the badge directly; Issue and Earn: they are enrolled first, then earn it',
				type: 'options',
				options: EARN_TYPES,
				default: 'EARN',
				routing: toBody('earnType'),
			},
			ownersField,
			additionalFields(badgeSettings()),
			settingsJson,
		],
		badgeBodyJsonDescription,
	),
];

const updateBadgeFields: INodeProperties[] = [
	badgeField({ property: 'id', description: 'The badge to update' }),
	...bodyInput(
		[
			additionalFields([
				...badgeSettings(),
				optionalField('Name', 'name', 'string', 'New unique badge name', 'body'),
				{
					displayName: 'Earn Type',
					name: 'earnType',
					description: 'Earn: customers earn the badge directly; Issue and Earn: they are enrolled first, then earn it',
					type: 'options',
					options: EARN_TYPES,
					default: 'EARN',
					routing: toBody('earnType'),
				},
				{ ...ownersField, default: [] },
			]),
			settingsJson,
		],
		'The whole badge, e.g. the output of Get Badge with your changes; the selected badge ID is added as "id"',
	),
];

// ---------------------------------------------------------------------------------------------
// Lists of entities for the bulk endpoints
// ---------------------------------------------------------------------------------------------

const revokeBy: INodeProperties[] = [
	{
		displayName: 'Revoke By',
		name: 'revokeBy',
		description: 'How to name the enrolments to revoke',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer IDs', value: 'customers', description: 'Revoke the active enrolment of each listed customer' },
			{ name: 'Enrolments', value: 'enrolments', description: 'Revoke specific enrolments (customer ID and issue ID)' },
			{ name: 'Enrolments (JSON)', value: 'json', description: 'A JSON array of {customerId, issueId}' },
		],
		default: 'customers',
	},
	{
		displayName: 'Customer IDs',
		name: 'revokeCustomerIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1001, 1002',
		description: 'Comma-separated IDs, a JSON array such as [1001, 1002], or an expression returning a list',
		displayOptions: { show: { revokeBy: ['customers'] } },
		routing: { send: { preSend: [customerIdList('revokeCustomerIds', 'Customer IDs', 'customers')] } },
	},
	{
		displayName: 'Enrolments',
		name: 'enrolments',
		description: 'Enrolments to revoke, each a customer ID and the issue ID of the enrolment',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Enrolment',
		default: {},
		displayOptions: { show: { revokeBy: ['enrolments'] } },
		options: [
			{
				displayName: 'Enrolment',
				name: 'enrolment',
				values: [
					{
						displayName: 'Customer ID',
						name: 'customerId',
						description: 'ID of the enrolled customer',
						type: 'string',
						default: '',
						routing: { send: { type: 'body', property: '=revokeIssuals[{{$index}}].customerId' } },
					},
					{
						displayName: 'Issue ID',
						name: 'issueId',
						type: 'string',
						default: '',
						description: 'The issuedId returned when the customer was enrolled',
						routing: { send: { type: 'body', property: '=revokeIssuals[{{$index}}].issueId' } },
					},
				],
			},
		],
	},
	{
		...jsonField(
			'Enrolments (JSON)',
			'enrolmentsJson',
			{ in: 'body', path: 'revokeIssuals' },
			'Array of enrolments to revoke, e.g. [{"customerId": "1001", "issueId": "653e024bb3cda7078c7c6903"}]',
			{ default: '[]', required: true },
		),
		displayOptions: { show: { revokeBy: ['json'] } },
	},
];

export const badge = defineResource({
	value: 'badge',
	name: 'Badge',
	description: 'Badge definitions, enrolment, issue and revocation (API gateway)',
	operations: [
		{
			value: 'createOrgMeta',
			name: 'Create Org Meta',
			action: 'Create the badge tag definitions of the org',
			method: 'POST',
			path: `${BASE}/orgMeta`,
			fields: orgMetaFields,
		},
		{
			value: 'updateOrgMeta',
			name: 'Update Org Meta',
			action: 'Update the badge tag definitions of the org',
			method: 'PUT',
			path: `${BASE}/orgMeta`,
			fields: orgMetaFields,
			hint: 'Capillary documents no body for this call; the node sends the same body as Create Org Meta (orgId and the full list of tags), which replaces the tag list',
		},
		{
			value: 'getOrgMeta',
			name: 'Get Org Meta',
			action: 'Get the badge tag definitions of the org',
			method: 'GET',
			path: `${BASE}/orgMeta`,
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a badge',
			method: 'POST',
			path: `${BASE}/badgeMeta`,
			fields: createBadgeFields,
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a badge',
			method: 'PUT',
			path: `${BASE}/badgeMeta`,
			fields: updateBadgeFields,
			hint: 'Capillary documents no request sample for this call; the node assumes it takes the badge object with its "id" (as returned by Get). Settings you leave out may be reset, so for partial changes pass the whole badge as JSON.',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many badges',
			method: 'GET',
			path: `${BASE}/badgeMeta`,
			fields: [
				queryOptions([
					{
						displayName: 'Status',
						name: 'status',
						description: 'Only badges in this status',
						type: 'options',
						options: options([
							['Expired', 'EXPIRED'],
							['Live', 'LIVE'],
							['Upcoming', 'UPCOMING'],
						]),
						default: 'LIVE',
						routing: toQuery('status'),
					},
					{
						displayName: 'Earn Type',
						name: 'earnType',
						description: 'Only badges earned this way',
						type: 'options',
						options: EARN_TYPES,
						default: 'EARN',
						routing: toQuery('earnType'),
					},
					{
						displayName: 'Activation',
						name: 'action',
						type: 'options',
						options: options([
							['Activated', 'ACTIVATED'],
							['Deactivated', 'DE_ACTIVATED'],
						]),
						default: 'ACTIVATED',
						description: 'Only active or only inactive badges',
						routing: toQuery('action'),
					},
					{
						displayName: 'Owner',
						name: 'owner',
						type: 'options',
						options: OWNER_TYPES,
						default: 'Loyalty',
						description: 'Only badges this module may use',
						routing: toQuery('owner'),
					},
					{
						displayName: 'Claimed By',
						name: 'claimedBy',
						type: 'options',
						options: OWNER_TYPES,
						default: 'Loyalty',
						description: 'Only badges this module has claimed',
						routing: toQuery('claimedBy'),
					},
					optionalField('Unclaimed', 'unclaimed', 'boolean', 'Whether to return only badges no module has claimed'),
					optionalField('Name', 'name', 'string', 'Only badges with this name'),
					{
						displayName: 'Badge Type',
						name: 'badgeType',
						description: 'Only badges earned directly, or also those needing enrolment first',
						type: 'options',
						options: options([
							['Earn', 'earn'],
							['Issue and Earn', 'issue_earn'],
						]),
						default: 'earn',
						routing: toQuery('badgeType'),
					},
					optionalField('Start On', 'startOn', 'string', 'Only badges starting from this date, e.g. 2024-02-16T00:00:00Z'),
					optionalField('Expires On', 'expiresOn', 'string', 'Only badges expiring by this date, e.g. 2025-02-16T00:00:00Z'),
				]),
			],
			pagination: { style: 'none', items: 'data.metaBasicDetails' },
			hint: 'Capillary documents no paging for this list; one request returns every matching badge and Limit is applied by the node',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a badge',
			method: 'GET',
			path: `${BASE}/badgeMeta/{badgeId}`,
			fields: [
				badgeField(),
				queryOptions([
					optionalField('Include Statistics', 'includeStatistics', 'boolean', 'Whether to add how often the badge was issued and earned (issuedCount, earnedCount)'),
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: options([
							['Expired', 'EXPIRED'],
							['Live', 'LIVE'],
							['Upcoming', 'UPCOMING'],
						]),
						default: 'LIVE',
						description: 'Return the badge only when it has this status',
						routing: toQuery('status'),
					},
				]),
			],
		},
		{
			value: 'claim',
			name: 'Claim',
			action: 'Claim a badge for a module',
			method: 'POST',
			path: `${BASE}/badgeMeta/{badgeId}/claim`,
			fields: [
				badgeField(),
				{
					displayName: 'Owner Type',
					name: 'ownerType',
					type: 'options',
					options: OWNER_TYPES,
					default: 'Loyalty',
					description: 'Module that claims the badge; must be one of the badge owners',
					routing: toBody('ownerType'),
				},
				{
					displayName: 'Reference ID',
					name: 'referenceId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '123',
					description: 'Your reference for the claim (e.g. the promotion or milestone ID); pass it again as Triggered By Reference ID',
					routing: toBody('referenceId'),
				},
			],
		},
		{
			value: 'setActivation',
			name: 'Set Activation Status',
			action: 'Activate or deactivate a badge',
			method: 'PUT',
			path: `${BASE}/badgeMeta/{badgeId}/{activationStatus}`,
			fields: [
				badgeField(),
				{
					displayName: 'Activation Status',
					name: 'activationStatus',
					description: 'Whether the badge becomes active or inactive',
					type: 'options',
					options: options([
						['Activate', 'activate'],
						['Deactivate', 'deactivate'],
					]),
					default: 'activate',
				},
			],
		},
		{
			value: 'enrolCustomers',
			name: 'Enrol Customers',
			action: 'Enrol customers in a badge',
			description: 'Enrol (issue) customers in a badge so they can earn it; one output item per customer',
			method: 'POST',
			path: `${BASE}/badgeMeta/customer/issueBulk`,
			fields: [
				badgeField({ name: 'badgeMetaId', property: 'badgeMetaId' }),
				{
					displayName: 'Customer IDs',
					name: 'customerIds',
					type: 'string',
					required: true,
					default: '',
					placeholder: '1001, 1002',
					description: 'Customers to enrol: comma-separated IDs, a JSON array such as [1001, 1002], or an expression returning a list',
					routing: { send: { preSend: [customerIdList('customerIds', 'Customer IDs', 'customers')] } },
				},
				additionalFields([
					...triggeredByFields(false),
					optionalField('Request ID', 'requestId', 'string', 'Your unique ID for this request; Capillary rejects a repeated one (809)', 'body'),
					optionalField('Issue Event Date', 'issueEventDate', 'string', 'When the customers were enrolled, ISO 8601 (e.g. 2025-11-03T21:51:00.192Z); must lie within the badge dates', 'body'),
				]),
			],
			output: { items: 'data.issuedBadges', perEntityStatus: true },
		},
		{
			value: 'earn',
			name: 'Issue to Customer',
			action: 'Issue a badge to a customer',
			description: 'The customer earns the badge (for Issue and Earn badges the customer must be enrolled first)',
			method: 'POST',
			path: `${BASE}/customer/earn`,
			fields: [
				badgeField({ name: 'badgeMetaId', property: 'badgeMetaId' }),
				{
					displayName: 'Customer ID',
					name: 'customerId',
					description: 'ID of the customer',
					type: 'string',
					required: true,
					default: '',
					placeholder: '1001',
					routing: toBody('customerId', AS_NUMBER_IF_NUMERIC),
				},
				{
					displayName: 'Request ID',
					name: 'requestId',
					type: 'string',
					required: true,
					default: '',
					description: 'Your unique ID for this request; Capillary rejects a repeated one (809), which makes retries safe',
					routing: toBody('requestId'),
				},
				...triggeredByFields(true),
				additionalFields([
					optionalField('Earn Event Date', 'earnEventDate', 'string', 'When the customer did the activity, ISO 8601; may be in the past', 'body'),
				]),
			],
		},
		{
			value: 'revokeEnrolment',
			name: 'Revoke Enrolments',
			action: 'Revoke customer enrolments in a badge',
			description: 'Withdraw enrolments (issues) of customers; one output item per customer',
			method: 'POST',
			path: `${BASE}/badgeMeta/customer/revokeIssue`,
			fields: [badgeField({ name: 'badgeMetaId', property: 'badgeMetaId' }), ...revokeBy],
			output: { items: 'data.revokedIssuedBadges', perEntityStatus: true },
		},
		{
			value: 'revokeEarn',
			name: 'Revoke Issued Badge',
			action: 'Revoke a badge a customer earned',
			method: 'POST',
			path: `${BASE}/customer/revokeEarn`,
			fields: [
				badgeField({ name: 'badgeMetaId', property: 'badgeMetaId' }),
				{
					displayName: 'Customer ID',
					name: 'customerId',
					description: 'ID of the customer',
					type: 'string',
					required: true,
					default: '',
					placeholder: '1001',
					routing: toBody('customerId', AS_NUMBER_IF_NUMERIC),
				},
				{
					displayName: 'Earned Badge ID',
					name: 'earnedBadgeId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '698daf848644c157e72d83f3',
					description: 'The earnedBadgeId returned by Issue to Customer (also in Get Customer Badges)',
					routing: toBody('earnedBadgeId'),
				},
			],
		},
		{
			value: 'getForCustomer',
			name: 'Get Customer Badges',
			action: 'Get the badges of a customer',
			method: 'GET',
			path: `${BASE}/customer/{customerId}`,
			fields: [
				{
					displayName: 'Customer Identifier Type',
					name: 'customerIdentifierType',
					type: 'options',
					options: options([
						['Customer ID', ''],
						['Card Number', 'cardNumber'],
						['Email', 'email'],
						['External ID', 'externalId'],
						['Mobile', 'mobile'],
					]),
					default: '',
					description: 'What Customer is: the customer ID, or another identifier (sent as X-CAP-CUSTOMER-IDENTIFIER)',
					routing: {
						send: {
							preSend: [
								async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
									const type = String(this.getNodeParameter('customerIdentifierType', '') ?? '');
									if (type) request.headers = { ...(request.headers ?? {}), 'X-CAP-CUSTOMER-IDENTIFIER': type };
									return request;
								},
							],
						},
					},
				},
				{
					displayName: 'Customer',
					name: 'customerId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '1001',
					description: 'Customer ID, or the value of the identifier chosen above',
				},
				queryOptions([
					{
						displayName: 'Badge Type',
						name: 'badgeType',
						description: 'Badges the customer can still earn, or badges already earned',
						type: 'options',
						options: options([
							['Available (Enrolled or Open)', 'AVAILABLE'],
							['Earned', 'EARNED'],
						]),
						default: 'AVAILABLE',
						routing: toQuery('badgeType'),
					},
					optionalField('Include Expired', 'includeExpired', 'boolean', 'Whether to include earned badges whose earn has expired'),
					{
						displayName: 'Sort On',
						name: 'sortOn',
						description: 'Order of the badges',
						type: 'options',
						options: options([['Rank', 'rank']]),
						default: 'rank',
						routing: toQuery('sortOn'),
					},
					optionalField('Group ID', 'groupId', 'string', 'Only badges of this badge group'),
					optionalField('Last Earned On Date', 'lastEarnedOnDate', 'number', 'Only badges earned since this time (epoch milliseconds)'),
					optionalField('Last Earn Event Date', 'lastEarnEventDate', 'number', 'Only badges whose triggering event happened since this time (epoch milliseconds)'),
				]),
			],
			pagination: { style: 'none', items: 'data.badges' },
		},
	],
});
