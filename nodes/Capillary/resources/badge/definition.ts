import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, jsonField, optionalField, options, queryOptions, toBody, toQuery } from '../../shared/fields';

import type { OperationSpec } from '../../shared/types';
import { badgeField, BASE, EPOCH_SECONDS, orgIdIntoBody, OWNER_TYPES } from './fields';

/** Badge definitions ("badge meta"), the org's tag definitions ("org meta"), module claims and activation. */

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

export const definitionOperations: OperationSpec[] = [
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
];
