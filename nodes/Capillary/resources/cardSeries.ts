import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { additionalFields, bodyInput, optionalField, options, toBody } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import type { OperationSpec } from '../shared/types';

/**
 * Card series and card status labels of the Card resource (docs: _cardLoyalty.md "Create Card
 * Series" … "Get Max Active Cards Configured per Customer").
 */

/** A card series picked from GET v2/card/series/get/all, or typed as its ID. */
export function cardSeriesLocator(routing?: INodePropertyRouting, description = 'Card series. Choose from the list or enter its ID.'): INodeProperties {
	return locatorField({
		displayName: 'Card Series',
		name: 'seriesId',
		searchMethod: 'searchCardSeries',
		placeholder: '10',
		description,
		routing,
	});
}

const CARD_TYPES = options([
	['Physical', 'PHYSICAL'],
	['Digital', 'DIGITAL'],
]);

/** System statuses a card label maps to (docs: "Set Card Status Labels"). */
const CARD_STATUSES = options([
	['Not Issued', 'NOT_ISSUED'],
	['Issued', 'ISSUED'],
	['Active', 'ACTIVE'],
	['Suspended', 'SUSPENDED'],
	['Expired', 'EXPIRED'],
	['Deleted', 'DELETED'],
]);

/** Capillary documents one generation method, DEFAULT; it is sent whenever a generation setting is. */
async function generationMethod(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (request.body as IDataObject) ?? {};
	const config = body.cardGenerationConfiguration as IDataObject | undefined;
	if (config && typeof config === 'object') request.body = { ...body, cardGenerationConfiguration: { ...config, method: 'DEFAULT' } };
	return request;
}

const cardTypeField = (description: string): INodeProperties => ({
	displayName: 'Card Type',
	name: 'type',
	type: 'options',
	options: CARD_TYPES,
	required: true,
	default: 'DIGITAL',
	description,
	routing: { send: { type: 'body', property: 'type', preSend: [generationMethod] } },
});

/** Optional series settings shared by create and update. */
function seriesSettings(extra: INodeProperties[] = []): INodeProperties {
	return additionalFields([
		...extra,
		optionalField('Card Expiry Enabled', 'cardExpiryEnabled', 'boolean', 'Whether cards expire; Expiry Days applies only when this is on', 'body'),
		optionalField('Auto-Generate Cards', 'cardGenerationEnabled', 'boolean', 'Whether Capillary generates card numbers for the series (off: you add numbers yourself)', 'body'),
		optionalField('Active', 'isActive', 'boolean', 'Whether the series is active', 'body'),
		{
			displayName: 'Issue Trigger',
			name: 'trigger',
			type: 'options',
			options: options([
				['On Registration', 'REGISTRATION'],
				['When the Series Code Is Passed at Registration', 'SERIES_ID'],
				['At an Org Unit (Concept)', 'OU_ID'],
			]),
			default: 'SERIES_ID',
			description: 'When a card of this series is issued to a customer',
			routing: toBody('trigger'),
		},
		optionalField('Concept Code', 'conceptCode', 'string', 'Concept the cards are issued at; required with the trigger At an Org Unit', 'body'),
		{
			displayName: 'Max Active Cards per Customer',
			name: 'maxActiveCardsPerCustomer',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Largest number of active cards of this series one customer may hold',
			routing: toBody('maxActiveCardsPerCustomer'),
		},
		{
			displayName: 'Number Prefix',
			name: 'prefix',
			type: 'string',
			default: '',
			description: 'Characters every generated card number starts with',
			routing: toBody('cardGenerationConfiguration.prefix'),
		},
		{
			displayName: 'Number Suffix',
			name: 'suffix',
			type: 'string',
			default: '',
			description: 'Characters every generated card number ends with',
			routing: toBody('cardGenerationConfiguration.suffix'),
		},
		{
			displayName: 'Number Length',
			name: 'length',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 16,
			description: 'Length of generated card numbers, prefix and suffix included',
			routing: toBody('cardGenerationConfiguration.length'),
		},
	]);
}

const expiryDaysField = (required: boolean): INodeProperties => ({
	displayName: 'Expiry Days',
	name: 'expiryDays',
	type: 'number',
	required,
	typeOptions: { minValue: 0 },
	default: 365,
	description: 'Validity of a card in days from the day it is issued (applies when card expiry is enabled)',
	routing: toBody('expiryDays'),
});

/** Builds `{mapping: {<STATUS>: [{label, default}], …}}` from the Labels list. */
async function labelsToMapping(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const rows = ((this.getNodeParameter('labels', {}) as IDataObject).label ?? []) as Array<{ status?: string; label?: string; isDefault?: boolean }>;
	const mapping: Record<string, IDataObject[]> = {};
	for (const row of rows) {
		const status = String(row.status ?? '').trim();
		const label = String(row.label ?? '').trim();
		if (!status || !label) continue;
		(mapping[status] ??= []).push({ default: row.isDefault === true, label });
	}
	request.body = { ...((request.body as IDataObject) ?? {}), mapping };
	return request;
}

const labelsField: INodeProperties = {
	displayName: 'Labels',
	name: 'labels',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Label',
	required: true,
	default: {},
	description: 'Custom labels and the system status each one stands for',
	options: [
		{
			displayName: 'Label',
			name: 'label',
			values: [
				{ displayName: 'Default for the Status', name: 'isDefault', type: 'boolean', default: false, description: 'Whether this label is the one used when a card enters the status' },
				{ displayName: 'Label', name: 'label', type: 'string', default: '', placeholder: 'CARD BLOCKED', description: 'Label name as users and APIs will pass it' },
				{ displayName: 'Status', name: 'status', type: 'options', options: CARD_STATUSES, default: 'ACTIVE', description: 'System status the label maps to' },
			],
		},
	],
	routing: { send: { preSend: [labelsToMapping] } },
};

export const cardSeriesOperations: OperationSpec[] = [
	{
		value: 'createSeries',
		name: 'Create Series',
		action: 'Create a card series',
		description: 'Creates a physical or digital card series, with or without automatic card numbers',
		method: 'POST',
		path: '/v2/card/series',
		fields: [
			{
				displayName: 'Series Code',
				name: 'code',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'GOLDPHY3',
				description: 'Unique code of the series: letters and digits, up to 50',
				routing: toBody('code'),
			},
			{
				displayName: 'Series Name',
				name: 'name',
				description: 'Name of the series as staff see it',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'Gold Card',
				routing: toBody('name'),
			},
			cardTypeField('Physical cards, or digital cards (soft copies)'),
			expiryDaysField(true),
			seriesSettings(),
		],
		output: { valueName: 'seriesId' },
	},
	{
		value: 'updateSeries',
		name: 'Update Series',
		action: 'Update a card series',
		method: 'PUT',
		path: '/v2/card/series/{seriesId}',
		fields: [
			cardSeriesLocator(undefined, 'The card series to update'),
			cardTypeField('Card type of the series (Capillary requires it on every update)'),
			seriesSettings([
				optionalField('Series Code', 'code', 'string', 'New unique code of the series', 'body'),
				optionalField('Series Name', 'name', 'string', 'New name of the series', 'body'),
				optionalField('Description', 'description', 'string', 'Description of the series', 'body'),
				{ ...expiryDaysField(false), default: 0 },
			]),
		],
		hint: 'Only the settings you add are sent. The docs mark Expiry Days and Length as required on update, but their own deactivation sample sends them empty; the node requires only Card Type.',
	},
	{
		value: 'deactivateSeries',
		name: 'Deactivate Series',
		action: 'Deactivate a card series',
		description: 'Sets isActive to false on the series (the docs call it Deactivate Card Series)',
		method: 'PUT',
		path: '/v2/card/series/{seriesId}',
		fixed: { body: { isActive: false } },
		fields: [cardSeriesLocator(undefined, 'The card series to deactivate'), cardTypeField('Card type of the series (Capillary requires it)')],
	},
	{
		value: 'getSeries',
		name: 'Get Series',
		action: 'Get a card series',
		method: 'GET',
		path: '/v2/card/series/{seriesId}',
		fields: [cardSeriesLocator(undefined, 'The card series to read')],
	},
	{
		value: 'getManySeries',
		name: 'Get Many Series',
		action: 'Get the card series of the org',
		method: 'GET',
		path: '/v2/card/series/get/all',
		pagination: { style: 'none' },
	},
	{
		value: 'getStatusLabels',
		name: 'Get Status Labels',
		action: 'Get the card status labels of the org',
		description: 'Lists every card status label and the system status it maps to',
		method: 'GET',
		path: '/v2/genericStatus/card/labels',
		pagination: { style: 'none' },
	},
	{
		value: 'setStatusLabels',
		name: 'Set Status Labels',
		action: 'Map custom labels to card statuses',
		description: 'Adds custom card status labels and sets the default label of each status',
		method: 'POST',
		path: '/v2/genericStatus/card/labelMapping',
		fields: bodyInput(
			[labelsField],
			'The mapping as Capillary takes it: {"mapping": {"SUSPENDED": [{"label": "CARD BLOCKED", "default": true}], "ACTIVE": [{"label": "ACTIVE", "default": true}]}}',
		),
	},
	{
		value: 'getMaxActiveCards',
		name: 'Get Max Active Cards per Customer',
		action: 'Get the limit on active cards per customer',
		description: 'Reads the org configuration CONF_MAX_CARDS_PER_ORG',
		method: 'GET',
		path: '/v2/organization/configs/{configName}',
		fields: [
			{
				displayName: 'Configuration',
				name: 'configName',
				type: 'hidden',
				default: 'CONF_MAX_CARDS_PER_ORG',
			},
		],
	},
];
