import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { additionalFields, customerIdField, isBlank, optionalField, options, queryOptions, toBody, toQuery } from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import {
	bodyIdentifierFields,
	buildWith,
	compact,
	customerPath,
	dateOption,
	entriesOf,
	fail,
	lookupFields,
	objectBodyInput,
	oneCustomerFields,
	parameter,
	WRITE_TYPES,
} from './common';

/**
 * Referral: the people a customer referred, invitations on their behalf, referral statistics and
 * referral codes.
 */

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
								description: 'Whether the invitee is reached by mobile or email',
								type: 'options',
								options: options([
									['Mobile', 'MOBILE'],
									['Email', 'EMAIL'],
								]),
								default: 'MOBILE',
							},
							{ displayName: 'Identifier', name: 'identifier', type: 'string', default: '', description: 'Mobile number or email address of the invitee' },
							{ displayName: 'Name', name: 'name', description: 'Name of the invitee', type: 'string', default: '' },
							{ displayName: 'Invited On', name: 'invitedOn', description: 'When the invitation was sent (YYYY-MM-DD HH:MM:SS)', type: 'string', default: '', placeholder: '2021-12-16 13:15:45' },
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
				{ displayName: 'Referrer Mobile', name: 'mobile', description: 'Mobile number of the referrer, to name them besides or instead of the customer ID', type: 'string', default: '' },
				{ displayName: 'Referrer Email', name: 'email', description: 'Email address of the referrer, to name them besides or instead of the customer ID', type: 'string', placeholder: 'name@email.com', default: '' },
				{ displayName: 'Referrer External ID', name: 'externalId', description: 'External ID of the referrer, to name them besides or instead of the customer ID', type: 'string', default: '' },
			]),
		],
		'{"customerReferrals": [{"customer": {"id": 420007388}, "campaignToken": "CWRME", "referrals": [{"type": "MOBILE", "referral": [{"name": "…", "identifier": "91…", "invitedOn": "2021-12-16 13:15:45"}]}]}]}',
	),
];

export const referral = defineResource({
	value: 'referral',
	name: 'Referral',
	description: 'Referrals a customer made, invitations and referral codes',
	default: 'getReferrals',
	operations: [
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
			value: 'getReferralsByIdentifier',
			name: 'Get Referrals by Identifier',
			action: 'Get the referrals of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/referrals',
			hint: 'Pages with limit and offset, like other v2 lists: Capillary shows the pagination block in responses but documents no paging parameters here.',
			fields: lookupFields(),
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'addReferralsByIdentifier',
			name: 'Add Referrals by Identifier',
			action: 'Add the people a customer referred, naming the customer by identifier',
			method: 'POST',
			path: '/v1.1/customer/referrals',
			v11Root: 'customer',
			hint: 'Referral Type: the docs list SMS and EMAIL, while their sample responses use MOBILE; pick what your referral campaign uses.',
			fields: [
				...bodyIdentifierFields(WRITE_TYPES),
				{
					displayName: 'Referral Campaign',
					name: 'referralCampaign',
					type: 'string',
					required: true,
					default: '',
					description: 'Campaign token of the referral campaign (not a secret: it names the campaign)',
					routing: toBody('referrals.campaign_token'),
				},
				{
					displayName: 'Referral Type',
					name: 'referralType',
					type: 'options',
					options: options([
						['Email', 'EMAIL'],
						['Mobile', 'MOBILE'],
						['SMS', 'SMS'],
					]),
					default: 'EMAIL',
					description: 'How the invitees are identified and contacted',
					routing: toBody('referrals.referral_type.type'),
				},
				{
					displayName: 'Invitees',
					name: 'invitees',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Invitee',
					default: {},
					description: 'People the customer invites',
					options: [
						{
							displayName: 'Invitee',
							name: 'invitee',
							values: [
								{
									displayName: 'Name',
									name: 'name',
									description: 'Name of the invitee',
									type: 'string',
									default: '',
									routing: { send: { type: 'body', property: '=referrals.referral_type.referral[{{$index}}].name' } },
								},
								{
									displayName: 'Identifier',
									name: 'identifier',
									type: 'string',
									default: '',
									description: 'Email address or mobile number, matching Referral Type',
									routing: { send: { type: 'body', property: '=referrals.referral_type.referral[{{$index}}].identifier' } },
								},
								{
									displayName: 'Invited On',
									name: 'invitedOn',
									type: 'string',
									default: '',
									placeholder: '2024-09-12T15:19:21+05:30',
									description: 'When the invitation was sent; now when empty',
									routing: { send: { type: 'body', property: '=referrals.referral_type.referral[{{$index}}].invited_on' } },
								},
								{
									displayName: 'Sequence ID',
									name: 'id',
									type: 'string',
									default: '',
									description: 'Your sequence number of the invitee',
									routing: { send: { type: 'body', property: '=referrals.referral_type.referral[{{$index}}].id' } },
								},
							],
						},
					],
				},
			],
		},
		{
			value: 'getStatistics',
			name: 'Get Statistics',
			action: 'Get the referral code and invitation statistics of a customer',
			method: 'GET',
			path: '/v1.1/customer/referrals',
			fields: [
				...oneCustomerFields(),
				queryOptions([
					optionalField('Referral Campaign', 'campaign_token', 'string', 'Campaign token of the referral campaign; the default campaign when empty', 'query', 'referralCampaign'),
					dateOption('Start Date', 'start_date', 'Referrals on or after this date'),
					dateOption('End Date', 'end_date', 'Referrals up to this date'),
					optionalField('Store Code', 'store_code', 'string', 'Referrals of this store; "all" for every store'),
					optionalField('Only Referral Code', 'only_referral_code', 'boolean', 'Whether to return only the referral code of the customer'),
				]),
			],
		},
		{
			value: 'validate',
			name: 'Validate Code',
			action: 'Validate a referral code',
			description: 'Whether a referral code is valid now, and the customer ID of the referrer',
			method: 'GET',
			path: '/v2/referral/validate',
			fields: [
				{
					displayName: 'Referral Code',
					name: 'code',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'referral345',
					description: 'The code the referee received from the referrer',
					routing: toQuery('code'),
				},
			],
			hint: 'An unknown code, or one outside its campaign period, is not an error: the item has valid = false and referrer = -1.',
		},
	],
});
