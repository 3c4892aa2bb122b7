import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, customerIdField, jsonField, optionalField, options, queryOptions, toBody, toQuery } from '../../shared/fields';

import type { OperationSpec } from '../../shared/types';
import { AS_NUMBER_IF_NUMERIC, badgeField, BASE, customerIdList, triggeredByFields } from './fields';

/** Badges and customers: enrolment (Capillary calls it "issue"), earning, revocation, a customer's badges. */

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

export const customerOperations: OperationSpec[] = [
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
			customerIdField({ routing: toBody('customerId', AS_NUMBER_IF_NUMERIC) }),
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
			customerIdField({ routing: toBody('customerId', AS_NUMBER_IF_NUMERIC) }),
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
];
