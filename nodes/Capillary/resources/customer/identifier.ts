import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { accountIdField, additionalFields, customerIdField, optionalField, options, queryOptions, sourceField, toBody } from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import {
	bodyOf,
	buildWith,
	changeTypeOption,
	compact,
	customerPath,
	fail,
	identifierList,
	identifiersFrom,
	parameter,
	PROFILE_SOURCES,
	requestRangeOptions,
} from './common';

/**
 * Customer Identifier: add or remove identifiers, link cards, request identifier changes and read
 * the change requests of a customer.
 */

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
		description: 'Whether to link the card to the customer or take it off',
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
		{ displayName: 'Card External ID', name: 'cardExternalId', description: 'Your own ID of the card', type: 'string', default: '' },
		{
			displayName: 'Status Label',
			name: 'statusLabel',
			type: 'string',
			default: '',
			description: 'Card status to set; ACTIVE for Link and NOT_ISSUED for Delink when empty',
		},
	]),
];

export const customerIdentifier = defineResource({
	value: 'customerIdentifier',
	name: 'Customer Identifier',
	description: 'Add, remove and change the identifiers and cards of a customer',
	default: 'addOrRemove',
	operations: [
		{
			value: 'addOrRemove',
			name: 'Add or Remove',
			action: 'Add or remove identifiers of a customer',
			method: 'POST',
			path: customerPath('/changeIdentifier'),
			fields: updateIdentifierFields,
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
			value: 'requestChange',
			name: 'Request Change',
			action: 'Request a change of a customer identifier, applied once Capillary processes it',
			method: 'POST',
			path: '/v1.1/customer/update_identity',
			v11Root: 'customer',
			hint: 'Creates a change request that stays pending until Capillary processes it.',
			fields: [
				{
					displayName: 'Identifier',
					name: 'identifier',
					type: 'options',
					options: options([
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'external_id'],
					]),
					default: 'mobile',
					description: 'Identifier to change',
					routing: toBody('identifier'),
				},
				{
					displayName: 'Old Value',
					name: 'oldValue',
					type: 'string',
					required: true,
					default: '',
					description: 'Current value of the identifier',
					routing: toBody('old_value'),
				},
				{
					displayName: 'New Value',
					name: 'newValue',
					description: 'Value the identifier changes to',
					type: 'string',
					required: true,
					default: '',
					routing: toBody('new_value'),
				},
			],
		},
		{
			value: 'getChangeRequests',
			name: 'Get Change Requests',
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
	],
});
