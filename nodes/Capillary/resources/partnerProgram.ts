import type { INodeProperties } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	bodyInput,
	options,
	optionalField,
	queryOptions,
	sourceField,
	toBody,
	toQuery,
	v2IdentifierFields,
} from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

/** The partner program APIs identify the customer in the body by mobile, email or external ID. */
function customerFields(root: string): INodeProperties[] {
	return [
		{
			displayName: 'Identifier Type',
			name: 'customerIdentifierType',
			type: 'options',
			options: options([
				['Mobile', 'mobile'],
				['Email', 'email'],
				['External ID', 'externalId'],
			]),
			default: 'mobile',
			description: 'Which identifier of the customer you know',
		},
		{
			displayName: 'Identifier Value',
			name: 'customerIdentifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			description: 'The mobile number (with country code), email or external ID of a registered customer',
			routing: toBody(`=${root}.customer.{{ $parameter.customerIdentifierType }}`),
		},
	];
}

function partnerProgramField(property: string): INodeProperties {
	return locatorField({
		displayName: 'Partner Program',
		name: 'partnerProgram',
		searchMethod: 'searchPartnerPrograms',
		placeholder: 'Apparel-Partner',
		description: 'Name of the partner program (the list shows the partner programs of your loyalty programs)',
		routing: toBody(property),
	});
}

const tierExpiry = (property: string): INodeProperties =>
	optionalField('Tier Expiry Date', property.split('.').pop()!, 'string', 'When the partner tier ends, ISO 8601 with offset, e.g. 2027-12-29T23:59:59+05:30; must not be in the past', 'body');

const LINK = 'linkCustomers[0]';
const LINK_PROGRAM = `${LINK}.linkToPartnerPrograms[0]`;
const UPDATE = 'customersPartnerUpdates[0]';
const UPDATE_PROGRAM = `${UPDATE}.partnerProgramUpdates[0]`;
const DELINK = 'deLinkCustomers[0]';

export const partnerProgram = defineResource({
	value: 'partnerProgram',
	name: 'Partner Program',
	description: 'Link customers to partner programs and read their activity',
	operations: [
		{
			value: 'linkCustomer',
			name: 'Link Customer',
			action: 'Link a customer to a partner program',
			description: 'Adds a registered customer to an external or supplementary partner program',
			method: 'POST',
			path: '/v2/partnerProgram/linkCustomer',
			fields: bodyInput(
				[
					...customerFields(LINK),
					partnerProgramField(`${LINK_PROGRAM}.partnerProgramName`),
					{
						displayName: 'Membership ID',
						name: 'partnerMembershipId',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'App-919886886886',
						description: "The customer's membership ID in the partner program",
						routing: toBody(`${LINK_PROGRAM}.customerPartnerReference.partnerMembershipId`),
					},
					additionalFields([
						{
							...optionalField('Tier Name', 'partnerTierName', 'string', 'Tier of the customer in the partner program; required for tier-based programs', 'body'),
							routing: toBody(`${LINK_PROGRAM}.customerPartnerReference.partnerTierName`),
						},
						{ ...tierExpiry('partnerTierExpiryDate'), routing: toBody(`${LINK_PROGRAM}.customerPartnerReference.partnerTierExpiryDate`) },
					]),
				],
				'The whole request: {"linkCustomers": [{"customer": {"mobile": "…"}, "linkToPartnerPrograms": [{"partnerProgramName": "…", "customerPartnerReference": {"partnerMembershipId": "…", "partnerTierName": "…"}}]}]}. Several customers and programs per request are allowed.',
			),
			output: { items: 'linkCustomers' },
			hint: 'One item per customer. A program that could not be linked while others were is reported in its partnerLinkStatus (status false).',
		},
		{
			value: 'updateCustomer',
			name: 'Update Customer Tier',
			action: 'Update the partner program tier of a customer',
			description: 'Upgrades, downgrades or renews the tier of a linked customer',
			method: 'POST',
			path: '/v2/partnerProgram/customerPartnerProgramUpdate',
			fields: bodyInput(
				[
					...customerFields(UPDATE),
					partnerProgramField(`${UPDATE_PROGRAM}.partnerProgramName`),
					{
						displayName: 'Update Type',
						name: 'updateType',
						type: 'options',
						options: options([
							['Upgrade', 'UPGRADE'],
							['Downgrade', 'DOWNGRADE'],
							['Renew', 'RENEW'],
							['Cancel Pending Relinking', 'MEMBERSHIP_RELINKING_CANCELLED'],
						]),
						default: 'UPGRADE',
						description: 'What happens to the membership; Cancel Pending Relinking applies to supplementary programs',
						routing: toBody(`${UPDATE_PROGRAM}.updateType`),
					},
					{
						displayName: 'New Tier Name',
						name: 'updatedTierName',
						description: 'Tier of the partner program the customer moves to',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'Silver',
						// Input Mode first: in JSON mode Update Type is absent and must not be read.
						displayOptions: { show: { bodyInput: ['fields'], updateType: ['UPGRADE', 'DOWNGRADE', 'RENEW'] } },
						routing: toBody(`${UPDATE_PROGRAM}.updateDetails.updatedTierName`),
					},
					additionalFields([{ ...tierExpiry('updatedTierExpiryDate'), routing: toBody(`${UPDATE_PROGRAM}.updateDetails.updatedTierExpiryDate`) }]),
				],
				'The whole request: {"customersPartnerUpdates": [{"customer": {"mobile": "…"}, "partnerProgramUpdates": [{"partnerProgramName": "…", "updateType": "UPGRADE", "updateDetails": {"updatedTierName": "…"}}]}]}',
			),
			output: { items: 'customersPartnerUpdates' },
		},
		{
			value: 'delinkCustomer',
			name: 'Delink Customer',
			action: 'Remove a customer from a partner program',
			method: 'POST',
			path: '/v2/partnerProgram/deLinkCustomer',
			fields: bodyInput(
				[...customerFields(DELINK), partnerProgramField(`${DELINK}.deLinkFromPartnerPrograms[0].partnerProgramName`)],
				'The whole request: {"deLinkCustomers": [{"customer": {"mobile": "…"}, "deLinkFromPartnerPrograms": [{"partnerProgramName": "…"}]}]}',
			),
			output: { items: 'deLinkCustomers' },
		},
		{
			value: 'getActivityHistory',
			name: 'Get Activity History',
			action: 'Get the partner program activity of a customer',
			description: 'Linking and tier changes, or benefits availed, one item per activity',
			method: 'GET',
			path: '/v2/partnerProgram/customerActivityHistory',
			fields: [
				...v2IdentifierFields(),
				sourceField({ required: true }),
				{
					displayName: 'Activity Type',
					name: 'activityType',
					description: 'Which activity to get',
					type: 'options',
					options: [
						{ name: 'Linking Updates', value: 'linkingUpdates', description: 'Links, delinks and tier changes' },
						{ name: 'Benefits Availed', value: 'benefitsAvailed', description: 'Benefits used, filterable by date' },
					],
					default: 'linkingUpdates',
					routing: toQuery('activityType'),
				},
				locatorField({
					displayName: 'Partner Program ID',
					name: 'partnerProgramId',
					searchMethod: 'searchPartnerProgramIds',
					placeholder: '35',
					required: false,
					description: 'Only this partner program; otherwise the most recent programs of the customer',
					routing: toQuery('partnerProgramId'),
				}),
				queryOptions([
					accountIdField({ default: '' }),
					optionalField('Start Date', 'startDate', 'string', 'Benefits availed from this time, YYYY-MM-DD HH:mm:ss (not with Linking Updates; at most a year before End Date)'),
					optionalField('End Date', 'endDate', 'string', 'Benefits availed until this time, YYYY-MM-DD HH:mm:ss'),
					{
						displayName: 'Partner Program Type',
						name: 'partnerProgramType',
						description: 'Only partner programs of this kind',
						type: 'options',
						options: options([
							['External (Coalition)', 'EXTERNAL'],
							['Supplementary (Subscription)', 'SUPPLEMENTARY'],
						]),
						default: 'EXTERNAL',
						routing: toQuery('partnerProgramType'),
					},
				]),
			],
			pagination: { style: 'offset', maxPageSize: 10, items: 'customerActivityHistory' },
			hint: 'One item per activity. The activity type is sent as in Capillary\'s sample request (linkingUpdates / benefitsAvailed); newer docs spell it LINKINGUPDATES / BENEFITS_AVAILED.',
		},
	],
});
