import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	customerIdField,
	isBlank,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	sourceField,
	toQuery,
} from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import {
	buildWith,
	changeTypeOption,
	compact,
	customerPath,
	dateOption,
	lookupFields,
	parameter,
	PROFILE_SOURCES,
	programOption,
	requestRangeOptions,
} from './common';

/**
 * Customer Request: goodwill and retro transaction requests of customers and user groups.
 */

const groupGoodwillFields: INodeProperties[] = [
	{
		displayName: 'Group Identifier Type',
		name: 'groupIdentifierType',
		description: 'Which identifier of the user group you know',
		type: 'options',
		options: options([
			['Group ID', 'id'],
			['External ID', 'externalId'],
			['Primary Member ID', 'primaryUserId'],
		]),
		default: 'id',
	},
	{
		displayName: 'Group Identifier Value',
		name: 'groupIdentifierValue',
		description: 'Value of that identifier, e.g. the group ID',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3832764',
	},
	{
		displayName: 'Points',
		name: 'points',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Goodwill points to request for the group',
		routing: buildWith((context, request) => {
			const more = parameter<IDataObject>(context, 'additionalFields', {});
			const raw = String(parameter<string>(context, 'groupIdentifierValue', '')).trim();
			const type = parameter<string>(context, 'groupIdentifierType', 'id');
			const body: IDataObject = {
				type: 'GOODWILL',
				baseType: 'POINTS',
				goodwillRequest: compact({ points: parameter<number>(context, 'points', 0), reason: parameter<string>(context, 'reason', ''), comments: more.goodwillComments as string }),
				earningEntityType: 'USERGROUP2',
				userGroup2IdentificationInfo: compact({
					identifierType: type,
					identifierValue: type === 'id' && /^\d+$/.test(raw) ? Number(raw) : raw,
					source: more.source as string,
					accountId: more.accountId as string,
				}),
			};
			if (!isBlank(more.comments)) body.comments = String(more.comments);
			if (!isBlank(more.programId) && Number(more.programId) !== 0) body.programId = Number(more.programId);
			request.body = body;
		}),
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: 'POINTS_ISSUE',
		description: 'Reason code of the goodwill request',
	},
	additionalFields([
		{ displayName: 'Goodwill Comments', name: 'goodwillComments', type: 'string', default: '', description: 'Why the group deserves the points (shown to the approver)' },
		{ displayName: 'Request Comments', name: 'comments', type: 'string', default: '', description: 'Comments on the request itself' },
		{ displayName: 'Program ID', name: 'programId', type: 'number', default: 0, description: 'Loyalty program of the points' },
		{ displayName: 'Group Source', name: 'source', description: 'Source (channel) of the user group', type: 'options', options: PROFILE_SOURCES, default: 'INSTORE' },
		{ displayName: 'Group Account ID', name: 'accountId', description: 'Account of the group source, for sources with several accounts', type: 'string', default: '' },
	]),
];

export const customerRequest = defineResource({
	value: 'customerRequest',
	name: 'Customer Request',
	description: 'Goodwill and retro transaction requests of customers and user groups',
	default: 'getGoodwillRequests',
	operations: [
		{
			value: 'getGoodwillRequests',
			name: 'Get Goodwill Requests',
			action: 'Get the goodwill requests of a customer',
			method: 'GET',
			path: customerPath('/goodwillRequest'),
			fields: [
				customerIdField(),
				queryOptions([
					optionalField('Request ID', 'requestId', 'number', 'Only this goodwill request'),
					optionalField('One-Step Only', 'is_one_step_change', 'boolean', 'Whether to return only requests issued instantly (one-step)'),
					programOption('Only requests of this loyalty program'),
					optionalField('Auto-Approved Only', 'autoApprove', 'boolean', 'Whether to return only requests approved automatically'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'getGroupGoodwillRequests',
			name: 'Get Group Goodwill Requests',
			action: 'Get goodwill requests, such as those raised for user groups',
			method: 'GET',
			path: '/v2/requests',
			fields: [
				{
					displayName: 'Request Type',
					name: 'requestType',
					description: 'Kind of request to list',
					type: 'options',
					options: options([
						['Goodwill', 'GOODWILL'],
						['Change Identifier', 'CHANGE_IDENTIFIER'],
						['Transaction', 'TRANSACTION'],
						['Transaction Update (Retro)', 'TRANSACTION_UPDATE'],
					]),
					default: 'GOODWILL',
					routing: toQuery('requestType'),
				},
				{
					displayName: 'Request Sub-Type',
					name: 'requestSubType',
					type: 'string',
					required: true,
					default: 'POINTS',
					description: 'POINTS or COUPON for goodwill; MOBILE, EMAIL, EXTERNAL_ID, MERGE … for identifier changes; REGULAR_TXN_ADD for transactions; RETRO for retro',
					routing: toQuery('requestSubType'),
				},
				queryOptions([
					{
						displayName: 'Status',
						name: 'status',
						description: 'Only requests in this state',
						type: 'options',
						options: options([
							['Pending', 'PENDING'],
							['Approved', 'APPROVED'],
							['Rejected', 'REJECTED'],
							['Success', 'SUCCESS'],
							['Failure', 'FAILURE'],
						]),
						default: 'PENDING',
						routing: toQuery('status'),
					},
					{
						displayName: 'Sort By',
						name: 'sort',
						description: 'Date the requests are sorted by',
						type: 'options',
						options: options([
							['Added On', 'ADDED_ON'],
							['Last Updated On', 'LAST_UPDATED_ON'],
						]),
						default: 'ADDED_ON',
						routing: toQuery('sort'),
					},
					sortOrderField({ name: 'order' }),
					optionalField('Start Date', 'start_date', 'string', 'Requests added from this time (ISO 8601, e.g. 2024-01-01T00:00:00+05:30)'),
					optionalField('End Date', 'end_date', 'string', 'Requests added before this time (ISO 8601)'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 50, offsetMayBePage: true },
			hint: 'The API index lists "Request Goodwill points (Group)" as GET /v2/requests. The node reads it as the request list documented for transaction requests (requestType and requestSubType are mandatory), here with type GOODWILL and sub-type POINTS; the goodwill use of this list is an assumption. To raise a group goodwill request use Request Group Goodwill Points.',
		},
		{
			value: 'requestGroupGoodwill',
			name: 'Request Group Goodwill Points',
			action: 'Request goodwill points for a user group',
			method: 'POST',
			path: '/v2/requests',
			fields: groupGoodwillFields,
			hint: 'Raises a goodwill points request for a user group; an admin approves it before the points are issued.',
		},
		{
			value: 'getRetroRequests',
			name: 'Get Retro Requests',
			action: 'Get the retro and change requests of a customer',
			method: 'GET',
			path: customerPath('/retroRequest'),
			fields: [
				customerIdField(),
				queryOptions([
					changeTypeOption,
					...requestRangeOptions,
					{ ...sourceField(), description: 'Only requests raised in this source' },
					{ ...accountIdField(), description: 'Account of the source' },
					optionalField('Card Number', 'cardNumber', 'string', 'Only requests about this card'),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'getRetroRequestsByIdentifier',
			name: 'Get Retro Requests by Identifier',
			action: 'Get the retro transaction requests of a customer found by identifier',
			method: 'GET',
			path: '/v2/customers/lookup/retroRequest',
			fields: [
				...lookupFields(),
				queryOptions([
					{
						displayName: 'Change Type',
						name: 'changeType',
						description: 'Only requests of this kind',
						type: 'options',
						options: options([
							['Address', 'ADDRESS'],
							['Coupon', 'COUPON'],
							['Email', 'EMAIL'],
							['External ID', 'EXTERNAL_ID'],
							['Merge', 'MERGE'],
							['Mobile', 'MOBILE'],
							['Mobile Reallocation', 'MOBILE_REALLOC'],
							['Points', 'POINTS'],
							['Retro', 'RETRO'],
							['Tier', 'TIER'],
						]),
						default: 'RETRO',
						routing: toQuery('changeType'),
					},
					dateOption('Start Date', 'startDate', 'Requests from this date'),
					dateOption('End Date', 'endDate', 'Requests up to this date'),
					optionalField('Start ID', 'startId', 'number', 'Requests with a sequence ID from this one'),
					optionalField('End ID', 'endId', 'number', 'Requests with a sequence ID up to this one'),
					optionalField('Sort By', 'sortBy', 'string', 'Field to sort by, e.g. createdDate'),
					sortOrderField(),
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
	],
});
