import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, keyValueField, options, toBody, toQuery } from '../shared/fields';
import { defineResource } from '../shared/operation';
import { cardSeriesLocator as seriesLocator, cardSeriesOperations } from './cardSeries';

/** "10" → 10; anything else is sent as typed so Capillary can say what is wrong. */
const AS_NUMBER = '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}';

function cardSeriesLocator(routing = true): INodeProperties {
	return seriesLocator(routing ? toBody('seriesId', AS_NUMBER) : undefined);
}

const statusLabelField: INodeProperties = {
	displayName: 'Status Label',
	name: 'statusLabel',
	type: 'string',
	required: true,
	default: 'NOT_ISSUED',
	placeholder: 'ACTIVE',
	description:
		"Card status label as configured for the org; each label maps to a system status (NOT_ISSUED, ACTIVE, SUSPENDED, EXPIRED, DELETED …)",
	routing: toBody('statusLabel'),
};

const cardNumberQuery: INodeProperties = {
	displayName: 'Card Number',
	name: 'number',
	description: 'Number of the card',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'GOLD000000000001',
	routing: toQuery('number'),
};

/** Optional card attributes shared by add and update. */
function cardOptions(extra: INodeProperties[] = []): INodeProperties {
	return additionalFields([
		...extra,
		{
			displayName: 'Status Reason',
			name: 'statusReason',
			type: 'string',
			default: '',
			description: 'Why the status is set, kept in the status log',
			routing: toBody('statusInfo.reason'),
		},
		keyValueField('Custom Fields', 'customFields', 'customFields', 'Card-level custom fields (name/value)'),
		keyValueField('Extended Fields', 'extendedFields', 'extendedFields', 'Card-level extended fields (name/value)', 'getCardExtendedFields'),
	]);
}

const mappedEntityFields: INodeProperties[] = [
	{
		displayName: 'Mapped Entity Type',
		name: 'mappedEntityType',
		type: 'options',
		options: options([['Till', 'TILL']]),
		default: 'TILL',
		description: 'Kind of org unit the card is issued at',
		routing: toBody('mappedEntity.type'),
	},
	{
		displayName: 'Mapped Entity Code',
		name: 'mappedEntityValue',
		type: 'string',
		default: '',
		placeholder: 'paw1',
		description: 'Code of the till the card is issued at',
		routing: toBody('mappedEntity.value'),
	},
];

// ---------------------------------------------------------------------------------------------
// Bulk update: the body is a JSON array of card objects
// ---------------------------------------------------------------------------------------------

interface CardRow {
	cardNumber?: string;
	cardExternalId?: string;
	seriesId?: number | string;
	statusLabel?: string;
	statusReason?: string;
	mappedEntityValue?: string;
}

/** Builds `[ {cardNumber, statusLabel, …}, … ]` from the Cards list (routing cannot build a top-level array). */
async function cardsToArray(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const rows = ((this.getNodeParameter('cards', {}) as IDataObject).card ?? []) as CardRow[];
	request.body = rows.map((row) => {
		const card: IDataObject = {};
		if (row.cardNumber) card.cardNumber = String(row.cardNumber).trim();
		if (row.cardExternalId) card.cardExternalId = String(row.cardExternalId).trim();
		if (row.seriesId !== undefined && row.seriesId !== '' && row.seriesId !== 0) {
			const id = String(row.seriesId).trim();
			card.seriesId = /^\d+$/.test(id) ? Number(id) : id;
		}
		if (row.statusLabel) card.statusLabel = row.statusLabel;
		if (row.statusReason) card.statusInfo = { reason: row.statusReason };
		if (row.mappedEntityValue) card.mappedEntity = { type: 'TILL', value: row.mappedEntityValue };
		return card;
	});
	return request;
}

const bulkCardsField: INodeProperties = {
	displayName: 'Cards',
	name: 'cards',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Card',
	default: {},
	required: true,
	description: 'One entry per card to update',
	options: [
		{
			displayName: 'Card',
			name: 'card',
			values: [
				{ displayName: 'Card External ID', name: 'cardExternalId', type: 'string', default: '', description: 'External ID of the card (or give the card number)' },
				{ displayName: 'Card Number', name: 'cardNumber', type: 'string', default: '', description: 'Number of the card (or give the external ID)' },
				{ displayName: 'Mapped Till Code', name: 'mappedEntityValue', type: 'string', default: '', description: 'Code of the till the card is issued at' },
				{
					displayName: 'Series Name or ID',
					name: 'seriesId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCardSeries' },
					default: '',
					description: 'Card series of the card. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{ displayName: 'Status Label', name: 'statusLabel', type: 'string', default: 'ACTIVE', description: 'Status label to give the card, as configured for the org' },
				{ displayName: 'Status Reason', name: 'statusReason', type: 'string', default: '', description: 'Why the status is set, kept in the status log' },
			],
		},
	],
	routing: { send: { preSend: [cardsToArray] } },
};

export const card = defineResource({
	value: 'card',
	name: 'Card',
	description: 'Loyalty cards and card series: generation, assignment, status and status labels',
	operations: [
		{
			value: 'generate',
			name: 'Generate',
			action: 'Generate card numbers for a card series',
			method: 'POST',
			path: '/v2/card/generate',
			fields: [
				cardSeriesLocator(),
				{
					displayName: 'Count',
					name: 'count',
					type: 'number',
					required: true,
					default: 1,
					typeOptions: { minValue: 1, maxValue: 100000 },
					description: 'How many card numbers to generate',
					routing: toBody('count'),
				},
				statusLabelField,
			],
			output: { valueName: 'cardNumber' },
		},
		{
			value: 'getGenerationLogs',
			name: 'Get Generation Logs',
			action: 'Get the card generation log of a card series',
			method: 'GET',
			path: '/v2/card/generation/logs/{seriesId}',
			fields: [cardSeriesLocator(false)],
			pagination: { style: 'none' },
		},
		{
			value: 'add',
			name: 'Add',
			action: 'Add a card number to a card series',
			method: 'POST',
			path: '/v2/card',
			fields: [
				cardSeriesLocator(),
				{
					displayName: 'Card Number',
					name: 'cardNumber',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'EXTERNALCARD99123450233',
					description: 'Number of the card; must fit the series configuration',
					routing: toBody('cardNumber'),
				},
				statusLabelField,
				cardOptions([
					{
						displayName: 'Card External ID',
						name: 'cardExternalId',
						type: 'string',
						default: '',
						description: 'Your own reference for the card',
						routing: toBody('cardExternalId'),
					},
				]),
			],
			output: { valueName: 'cardId' },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a card',
			method: 'PUT',
			path: '/v2/card',
			fields: [
				cardSeriesLocator(),
				{
					displayName: 'Card Identified By',
					name: 'cardReference',
					description: 'Whether you know the card number or the card external ID',
					type: 'options',
					options: options([
						['Card Number', 'cardNumber'],
						['Card External ID', 'cardExternalId'],
					]),
					default: 'cardNumber',
				},
				{
					displayName: 'Card Number or External ID',
					name: 'cardValue',
					description: 'The card number or the external ID, as chosen above',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'GOLD000000000001',
					routing: toBody('={{ $parameter.cardReference }}'),
				},
				statusLabelField,
				cardOptions(mappedEntityFields),
			],
		},
		{
			value: 'bulkUpdate',
			name: 'Update Bulk',
			action: 'Update several cards',
			method: 'PUT',
			path: '/v2/card/bulk',
			fields: bodyInput(
				[bulkCardsField],
				'A JSON array of cards, e.g. [{"cardNumber": "GOLD01", "statusLabel": "ACTIVE", "customFields": {"grade": "2"}}]',
			),
			output: { perEntityStatus: true },
			hint: 'One output item per card, each with its own success, errorCode and errorMessage; the request fails only when every card fails. Capillary accepts at most 200 cards per call. Use JSON for custom and extended fields.',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a card by number',
			method: 'GET',
			path: '/v2/card',
			fields: [cardNumberQuery],
		},
		{
			value: 'getStatusLog',
			name: 'Get Status Log',
			action: 'Get the status changes of a card',
			method: 'GET',
			path: '/v2/card/statusLog',
			fields: [cardNumberQuery],
			pagination: { style: 'none' },
		},
		{
			value: 'setMaxActiveCards',
			name: 'Set Max Active Cards per Customer',
			action: 'Limit the active cards a customer can hold',
			method: 'POST',
			path: '/v2/organization/configs',
			fields: [
				{
					displayName: 'Max Active Cards',
					name: 'maxActiveCards',
					type: 'number',
					required: true,
					default: 1,
					typeOptions: { minValue: 0 },
					description: 'Largest number of active cards one customer may hold across the org',
					routing: {
						send: {
							type: 'body',
							property: 'value',
							value: '={{ String($value) }}',
							preSend: [
								async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
									request.body = { keyName: 'CONF_MAX_CARDS_PER_ORG', ...((request.body as IDataObject) ?? {}), scope: 'ORG' };
									return request;
								},
							],
						},
					},
				},
			],
			hint: 'Sets the org configuration CONF_MAX_CARDS_PER_ORG (scope ORG). It needs the Organization access group resource.',
		},
		...cardSeriesOperations,
	],
});
