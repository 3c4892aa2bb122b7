import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { additionalFields, optionalField, options, queryOptions, toBody, toQuery } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';
import { organizationExtraOperations } from './organizationExtras';

/**
 * Org-level reads (details, entities, configs, custom fields, statistics, top items, payment
 * modes, tills, loyalty programs) and Add Store.
 */

const CUSTOM_FIELD_SCOPES = options([
	['Customer Registration', 'loyalty_registration'],
	['Transaction', 'loyalty_transaction'],
	['Customer Feedback', 'customer_feedback'],
	['Customer Preferences', 'customer_preferences'],
	['Store', 'store_custom_fields'],
	['Points Redemption', 'points_redemption'],
	['Voucher Redemption', 'voucher_redemption'],
	['Check-In Feedback', 'check_in_feedback'],
	['Customer Card', 'customer_card'],
]);

const ENTITY_TYPES = options([
	['Store', 'STORE'],
	['Till', 'TILL'],
	['Zone', 'ZONE'],
	['Concept', 'CONCEPT'],
	['Store Server', 'STR_SERVER'],
]);

/** The essentials of a v1.1 org entity (the full one carries locale, currency and language blocks). */
function simplifyEntity(entity: IDataObject): IDataObject {
	const keys = ['id', 'type', 'code', 'name', 'description', 'is_active', 'external_id', 'parent', 'last_updated_on'];
	const out: IDataObject = {};
	for (const key of keys) if (entity[key] !== undefined) out[key] = entity[key];
	return out;
}

const storeFields: INodeProperties[] = [
	{
		displayName: 'Store Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'store.indiranagar',
		description: 'Unique alphanumeric code of the new store',
		routing: toBody('code'),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Indiranagar Store',
		routing: toBody('name'),
	},
	locatorField({
		displayName: 'Parent Zone ID',
		name: 'parentZoneId',
		searchMethod: 'searchZones',
		placeholder: '300001744',
		description: 'Zone the store belongs to',
		required: false,
		routing: toBody('parentZoneId', '={{ $value === "" ? undefined : Number($value) }}'),
	}),
	additionalFields([
		optionalField('Description', 'description', 'string', 'Short description of the store', 'body'),
		{
			displayName: 'Admin Type',
			name: 'adminType',
			type: 'options',
			options: options([
				['General', 'GENERAL'],
				['Admin', 'ADMIN'],
			]),
			default: 'GENERAL',
			description: 'GENERAL for a normal store, ADMIN for an admin store',
			routing: toBody('adminType'),
		},
		{
			displayName: 'Active',
			name: 'isActive',
			type: 'boolean',
			default: true,
			description: 'Whether the store is active',
			routing: toBody('isActive'),
		},
		optionalField('Time Zone ID', 'timeZoneId', 'number', "Capillary's ID of the store's base time zone", 'body'),
		optionalField('Currency ID', 'currencyId', 'number', "Capillary's ID of the store's base currency", 'body'),
		optionalField('Language ID', 'languageId', 'number', "Capillary's ID of the store's base language", 'body'),
		{
			displayName: 'External IDs',
			name: 'externalIds',
			type: 'string',
			default: '',
			placeholder: 'Ex-9399',
			description: 'External IDs of the store, comma-separated',
			routing: toBody('externalIds', '={{ String($value).split(",").map(s => s.trim()).filter(s => s) }}'),
		},
		{ ...optionalField('Email', 'email', 'string', 'Email address of the store', 'body'), placeholder: 'name@email.com' },
		optionalField('Mobile', 'mobile', 'string', 'Mobile number of the store with country code', 'body'),
		optionalField('Landline', 'landline', 'string', 'Landline number of the store', 'body'),
		optionalField('Address', 'address', 'string', 'Postal address of the store', 'body'),
		optionalField('Latitude', 'latitude', 'string', 'Latitude of the store location', 'body'),
		optionalField('Longitude', 'longitude', 'string', 'Longitude of the store location', 'body'),
		optionalField('City ID', 'cityId', 'number', "Capillary's ID of the store's city", 'body'),
		optionalField('Area ID', 'areaId', 'number', "Capillary's ID of the store's area", 'body'),
		{
			displayName: 'Entity Type',
			name: 'type',
			type: 'options',
			options: options([['Store', 'STORE']]),
			default: 'STORE',
			description: 'Type of the new entity; Capillary accepts only STORE here',
			routing: toBody('type'),
		},
	]),
];

export const organization = defineResource({
	value: 'organization',
	name: 'Organization',
	description: 'Org settings, tills, programs, custom and extended fields, sources and statistics',
	operations: [
		// ----- v2 ---------------------------------------------------------------------------------
		{
			value: 'getCustomFields',
			name: 'Get Custom Fields',
			action: 'Get the custom fields of the org',
			method: 'GET',
			path: '/v2/organization/customFields',
			fields: [
				queryOptions([
					{
						displayName: 'Scope',
						name: 'scope',
						type: 'options',
						options: CUSTOM_FIELD_SCOPES,
						default: 'loyalty_registration',
						description: 'Only the custom fields of this module',
						routing: toQuery('scope'),
					},
					optionalField('Include Disabled', 'includeDisabled', 'boolean', 'Whether to include disabled custom fields'),
					optionalField('Include Disabled at Server', 'includeDisabledAtServer', 'boolean', 'Whether to include custom fields disabled at the server'),
				]),
			],
			pagination: { style: 'none' },
		},
		{
			value: 'getConfigValue',
			name: 'Get Config Value',
			action: 'Get the value of an org configuration key',
			method: 'GET',
			path: '/v2/organization/configkeyvalue',
			fields: [
				{
					displayName: 'Config Key',
					name: 'configName',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'IS_DIRECT_REPLAY_ENABLED',
					description: 'Name of the configuration key; Get Configurations (v1.1) lists them',
					routing: toQuery('name'),
				},
			],
		},
		{
			value: 'getTillByCode',
			name: 'Get Till by Code',
			action: 'Get a till by its code',
			method: 'GET',
			path: '/v2/organization/till',
			fields: [
				locatorField({
					displayName: 'Till Code',
					name: 'tillCode',
					searchMethod: 'searchTillCodes',
					placeholder: 'mp.1',
					description: 'Code (username) of the till',
					routing: toQuery('code'),
				}),
			],
		},
		{
			value: 'getTill',
			name: 'Get Till by ID',
			action: 'Get a till by its ID',
			method: 'GET',
			path: '/v2/organization/till/{tillId}',
			fields: [
				locatorField({
					displayName: 'Till ID',
					name: 'tillId',
					searchMethod: 'searchTills',
					placeholder: '50006799',
					description: "Capillary's ID of the till",
				}),
			],
		},
		{
			value: 'getActiveTills',
			name: 'Get Active Tills',
			action: 'Get the active tills of the org',
			method: 'GET',
			path: '/v2/organization/activeTill',
			pagination: { style: 'none' },
			hint: 'GET /v2/organization/activeTill is not documented by Capillary. The node sends no parameters and expects the active tills in data[] with the fields of Get Till (a single till object is returned as one item).',
		},
		{
			value: 'getPrograms',
			name: 'Get Loyalty Programs',
			action: 'Get the loyalty programs of the org',
			method: 'GET',
			path: '/v2/organization/programs',
			pagination: { style: 'none' },
		},
		{
			value: 'createStore',
			name: 'Create Store',
			action: 'Create a store',
			method: 'POST',
			path: '/v2/orgEntity/store',
			fields: storeFields,
		},
		// ----- v1.1 -------------------------------------------------------------------------------
		{
			value: 'get',
			name: 'Get Details (v1.1)',
			action: 'Get the details of the org',
			method: 'GET',
			path: '/v1.1/organization/get',
		},
		{
			value: 'getEntities',
			name: 'Get Entities (v1.1)',
			action: 'Get the stores, tills, zones or concepts of the org',
			method: 'GET',
			path: '/v1.1/organization/entities',
			fields: [
				{
					displayName: 'Entity Type',
					name: 'entityType',
					type: 'options',
					options: ENTITY_TYPES,
					default: 'STORE',
					routing: toQuery('type'),
				},
				queryOptions([
					optionalField('Entity IDs', 'id', 'string', 'Only these entities (comma-separated IDs)'),
					{
						displayName: 'Parent Identifier Type',
						name: 'parentIdentifierType',
						type: 'options',
						options: options([
							['Store Code', 'STORE_CODE'],
							['Store ID', 'STORE_ID'],
							['Store External ID', 'STORE_EXTERNAL_ID'],
							['Concept Code', 'CONCEPT_CODE'],
							['Concept ID', 'CONCEPT_ID'],
						]),
						default: 'STORE_CODE',
						description: 'Get the children of this parent (e.g. the tills of a store); set Parent Identifier Value too',
						routing: toQuery('parent_identifier_type'),
					},
					optionalField('Parent Identifier Value', 'parent_identifier_value', 'string', 'Code or ID of the parent'),
					optionalField('Active Only', 'active_only', 'boolean', 'Whether to return only active entities'),
					optionalField('Include Parent', 'include_parent', 'boolean', 'Whether to include the parent entity (zones and concepts)'),
					optionalField('Sub-Entities Count', 'sub_entities_count', 'number', 'Max number of sub-entities per entity'),
					{
						displayName: 'Details',
						name: 'details',
						type: 'options',
						options: options([['Basic (No Currency, Time Zone or Language)', 'basic']]),
						default: 'basic',
						routing: toQuery('details'),
					},
					{
						displayName: 'Exclude Time Zones',
						name: 'excludeLocale',
						type: 'boolean',
						default: false,
						description: 'Whether to leave out the time zone details',
						routing: toQuery('exclude_locale', '={{ $value ? 1 : 0 }}'),
					},
					optionalField('Modified Since', 'modified_since', 'string', 'Only entities changed on or after this date (YYYY-MM-DD)'),
					optionalField('Start ID', 'start_id', 'number', 'Only entities after this one; pass the last ID received to read the next page'),
					optionalField('Max Entities per Request', 'limit', 'number', "How many entities Capillary returns at most (its default is 500)"),
					{
						displayName: 'Scope',
						name: 'scope',
						type: 'options',
						options: options([['Store Custom Fields', 'STORE_CUSTOM_FIELDS']]),
						default: 'STORE_CUSTOM_FIELDS',
						description: 'With Entity Type Store: include the store-level custom fields',
						routing: toQuery('scope'),
					},
					optionalField('Language Translations', 'language_translations', 'boolean', 'Whether to include the translations of entity names'),
				]),
			],
			pagination: { style: 'none' },
			output: { items: 'organization.entities.entity', simplify: simplifyEntity },
			hint: 'One request returns up to Max Entities per Request (Capillary: 500). For more, read the next page with Start ID = the last ID received; the node does not page by itself because Capillary does not say whether Start ID is a position or an entity ID.',
		},
		{
			value: 'getConfigs',
			name: 'Get Configurations (v1.1)',
			action: 'Get the configuration keys and values of the org',
			method: 'GET',
			path: '/v1.1/organization/configs',
			pagination: { style: 'none' },
			output: { items: 'organization.configs.config' },
		},
		{
			value: 'getStatistics',
			name: 'Get Statistics (v1.1)',
			action: 'Get the statistics of the org',
			method: 'GET',
			path: '/v1.1/organization/statistics',
			output: { items: 'organization.statistics' },
		},
		{
			value: 'getTopItems',
			name: 'Get Top Selling Items (v1.1)',
			action: 'Get the top selling items of the org',
			method: 'GET',
			path: '/v1.1/organization/topitems',
			pagination: { style: 'none' },
			output: { items: 'organization.item' },
		},
		{
			value: 'getCustomFieldsV11',
			name: 'Get Custom Fields (v1.1)',
			action: 'Get the custom fields of the org (v1.1)',
			method: 'GET',
			path: '/v1.1/organization/customfields',
			fields: [
				queryOptions([
					{
						displayName: 'Scope',
						name: 'scope',
						type: 'options',
						options: options([
							['Customer Registration', 'loyalty_registration'],
							['Transaction', 'loyalty_transaction'],
							['Customer Feedback', 'customer_feedback'],
							['Customer Preferences', 'customer_preferences'],
						]),
						default: 'loyalty_registration',
						description: 'Only the custom fields of this InStore module',
						routing: toQuery('scope'),
					},
				]),
			],
			pagination: { style: 'none' },
			output: { items: 'organization.custom_fields.field' },
		},
		{
			value: 'getPaymentModes',
			name: 'Get Payment Modes (v1.1)',
			action: 'Get the payment modes of the org',
			method: 'GET',
			path: '/v1.1/organization/tenders',
			fields: [
				queryOptions([
					optionalField('Include Attributes', 'attribute', 'boolean', 'Whether to include the attributes of each payment mode'),
					optionalField('Attribute Name', 'attribute_name', 'string', 'Only payment modes that have this attribute'),
				]),
			],
			pagination: { style: 'none' },
			output: { items: 'organization.tenders.tender' },
		},
		...organizationExtraOperations,
	],
});
