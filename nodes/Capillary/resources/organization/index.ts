import type { IDataObject } from 'n8n-workflow';

import { optionalField, options, queryOptions, toQuery } from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import { orgLevelOperations } from './orgLevel';

/**
 * Org-level reads: details, entities, configurations, custom fields, statistics, top items,
 * payment modes, loyalty programs. The docs' "Other APIs (Org Level)" operations are in
 * orgLevel.ts; stores and tills are in the Store resource (store/entities.ts).
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

export const organization = defineResource({
	value: 'organization',
	name: 'Organization',
	description: 'Org settings, programs, custom and extended fields, sources and statistics',
	default: 'get',
	operations: [
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
			name: 'Get Configuration Value',
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
					description: 'Name of the configuration key; Get Many Configurations lists them',
					routing: toQuery('name'),
				},
			],
		},
		{
			value: 'getConfig',
			name: 'Get Configuration',
			action: 'Get an org configuration by name',
			description: 'Reads one org configuration (key, value, scope), e.g. CONF_MAX_CARDS_PER_ORG',
			method: 'GET',
			path: '/v2/organization/configs/{configName}',
			fields: [
				{
					displayName: 'Config Name',
					name: 'configName',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'CONF_MAX_CARDS_PER_ORG',
					description: 'Name of the configuration, e.g. CONF_MAX_CARDS_PER_ORG or IS_DIRECT_REPLAY_ENABLED',
				},
			],
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
			value: 'get',
			name: 'Get Details',
			action: 'Get the details of the org',
			method: 'GET',
			path: '/v1.1/organization/get',
		},
		{
			value: 'getEntities',
			name: 'Get Entities',
			action: 'Get the stores, tills, zones or concepts of the org',
			method: 'GET',
			path: '/v1.1/organization/entities',
			fields: [
				{
					displayName: 'Entity Type',
					name: 'entityType',
					description: 'Which kind of entity to list',
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
						description: 'Basic leaves out the currency, time zone and language blocks of each entity',
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
			value: 'getManyConfigs',
			name: 'Get Many Configurations',
			action: 'Get the configuration keys and values of the org',
			method: 'GET',
			path: '/v1.1/organization/configs',
			pagination: { style: 'none' },
			output: { items: 'organization.configs.config' },
		},
		{
			value: 'getStatistics',
			name: 'Get Statistics',
			action: 'Get the statistics of the org',
			method: 'GET',
			path: '/v1.1/organization/statistics',
			output: { items: 'organization.statistics' },
		},
		{
			value: 'getTopItems',
			name: 'Get Top Selling Items',
			action: 'Get the top selling items of the org',
			method: 'GET',
			path: '/v1.1/organization/topitems',
			pagination: { style: 'none' },
			output: { items: 'organization.item' },
		},
		{
			value: 'getInStoreCustomFields',
			name: 'Get InStore Custom Fields',
			action: 'Get the custom fields InStore shows',
			description: "Lists the custom fields configured for Capillary's InStore (POS) screens, in InStore's snake_case form; the org-wide list with more scopes is Get Custom Fields",
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
			name: 'Get Payment Modes',
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
		...orgLevelOperations,
	],
});
