import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, headerField, optionalField, options, sourceField, toBody } from '../../shared/fields';
import { locatorField } from '../../shared/lookups';
import type { OperationSpec } from '../../shared/types';

/**
 * Operations of the Organization resource from the docs' "Other APIs (Org Level)" page
 * (_organizationSource.md): extended fields, currency ratio, external IDs, scan events, sources.
 * Org details, entities, configurations and custom fields are in index.ts.
 */

/** Customer identifiers the feed accepts (`customer.{id|mobile|email|externalId}`). */
const FEED_IDENTIFIERS = options([
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'externalId'],
	['Customer ID', 'id'],
]);

const orgIdField: INodeProperties = {
	displayName: 'Org ID',
	name: 'orgId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '100458',
	description: 'ID of your org (InTouch shows it under Settings > Organization)',
};

export const orgLevelOperations: OperationSpec[] = [
	{
		value: 'getExtendedFields',
		name: 'Get Extended Fields',
		action: 'Get the extended fields of the org',
		description: 'Lists the extended fields configured for the org, grouped by entity (customer, transaction, lineitem …)',
		method: 'GET',
		path: '/v2/extendedFields',
		fields: [headerField('Language', 'language', 'language', 'ISO code of the language for field labels and values, e.g. zh, id or ar (the org needs the translations); English when empty')],
		hint: 'One output item: a list of extended fields per entity type, as Capillary returns it. Use Split Out to get one item per field.',
	},
	{
		value: 'setExtendedFieldDisplay',
		name: 'Show or Hide Extended Field',
		action: 'Show or hide an extended field in InTouch',
		description: 'Sets whether an extended field is shown, mandatory and editable in InTouch, and its position',
		method: 'POST',
		path: '/v2/entity/extended_field_config',
		fields: [
			locatorField({
				displayName: 'Extended Field',
				name: 'extendedFieldId',
				searchMethod: 'searchExtendedFieldIds',
				placeholder: '10',
				description: 'The extended field (its ID)',
				routing: toBody('extendedFieldId', '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}'),
			}),
			{
				displayName: 'Hide',
				name: 'hideDisplay',
				type: 'boolean',
				default: false,
				description: 'Whether to hide the field in InTouch (off shows it)',
				routing: toBody('hideDisplay'),
			},
			additionalFields([
				optionalField('Mandatory', 'mandatory', 'boolean', 'Whether InTouch requires a value for the field', 'body'),
				optionalField('Updatable', 'updatable', 'boolean', 'Whether a value can be changed once entered', 'body'),
				{
					displayName: 'Position',
					name: 'position',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Display order of the field in InTouch',
					routing: toBody('position'),
				},
			]),
		],
	},
	{
		value: 'setCurrencyRatio',
		name: 'Set Currency Ratio',
		action: 'Set the ratio of a currency to INR',
		description: 'Adds or updates the conversion ratio of a currency with respect to Indian Rupee',
		method: 'POST',
		path: '/v2/currencyratio',
		fields: [
			{
				displayName: 'Currency Code',
				name: 'currencyCode',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'SGD',
				description: 'ISO 4217 code of the currency, e.g. EUR, SGD, CNY, SAR',
				routing: toBody('currencyCode'),
			},
			{
				displayName: 'Ratio to INR',
				name: 'ratioInr',
				type: 'number',
				required: true,
				typeOptions: { minValue: 0, numberPrecision: 6 },
				default: 1,
				description: 'How many INR one unit of the currency is worth',
				routing: toBody('ratioInr'),
			},
		],
	},
	{
		value: 'generateExternalId',
		name: 'Generate External ID',
		action: 'Generate a new unique external ID',
		description: 'Returns a new external ID (card number) to tag a customer with at registration',
		method: 'POST',
		path: '/v2/cardNumber',
		output: { valueName: 'externalId' },
		hint: 'Every call returns a new ID. Needs CONF_CARD_NUMBER_GENERATION_ENABLED and CONF_CLIENT_V2_API_ENABLED (InTouch > Settings > Miscellaneous > Registration Configuration).',
	},
	{
		value: 'recordScanEvent',
		name: 'Record Scan Event',
		action: 'Record a scan event of a customer',
		description: 'Captures a scan (QR code, menu click, get promotion) and returns its side effects such as issued coupons',
		method: 'POST',
		path: '/v2/feed',
		fields: [
			sourceField({ description: 'Source (channel) of the scan' }),
			{
				displayName: 'Event Name',
				name: 'eventName',
				type: 'string',
				required: true,
				default: 'GetPromotion',
				description: 'Name of the scan event; the docs name GetPromotion',
				routing: toBody('eventName'),
			},
			{
				displayName: 'Identifier Type',
				name: 'feedIdentifierType',
				type: 'options',
				options: FEED_IDENTIFIERS,
				default: 'mobile',
				description: 'Which identifier of the customer you know',
			},
			{
				displayName: 'Identifier Value',
				name: 'feedIdentifierValue',
				description: 'Value of that identifier, e.g. the mobile number with country code',
				type: 'string',
				required: true,
				default: '',
				placeholder: '917799497290',
				routing: toBody('=customer.{{$parameter.feedIdentifierType}}'),
			},
			additionalFields([
				optionalField('Event Time', 'eventTime', 'string', 'When the scan happened (ISO 8601 with offset, e.g. 2018-09-28T15:26:45+05:30)', 'body'),
				optionalField('Scan ID', 'scanId', 'string', 'ID of the scanned code', 'body'),
				optionalField('SKU', 'sku', 'string', 'SKU of the scanned item', 'body'),
				optionalField('Details', 'details', 'string', 'Details of the scanned item', 'body'),
				optionalField('Open ID', 'openId', 'string', 'Open ID of the customer on the source (e.g. WeChat)', 'body'),
			]),
		],
		hint: 'The docs list promotionCode as a placeholder that Capillary does not implement yet; the node does not send it.',
	},
	{
		value: 'getSources',
		name: 'Get Sources',
		action: 'Get the sources of the org',
		description: 'Lists the sources (channels) configured for the org with the communication channels of each',
		method: 'GET',
		path: '/v2/meta/sources',
		pagination: { style: 'none' },
	},
	{
		value: 'getSourceConfigs',
		name: 'Get Source Configurations',
		action: 'Get the configuration fields of a source',
		method: 'GET',
		path: '/v2/org/{orgId}/sources/{sourceId}/configs',
		fields: [
			orgIdField,
			locatorField({
				displayName: 'Source',
				name: 'sourceId',
				searchMethod: 'searchOrgSources',
				placeholder: '2',
				description: 'The source (its ID)',
			}),
		],
		pagination: { style: 'none' },
	},
];
