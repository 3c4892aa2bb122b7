import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { optionalField, options, queryOptions, sortOrderField, sourceField, toBody, toQuery } from './fields';

/**
 * Fields of Capillary's v2 requests endpoints (/v2/requests), shared by the resources that file
 * such requests: transaction and merge requests (Request), PII deletion, and products' constants.
 */

/** A fixed value the operation always sends (what makes it this kind of request). */
export function constantField(name: string, value: string, routing: INodeProperties['routing']): INodeProperties {
	return { displayName: name, name, type: 'hidden', default: value, routing };
}

/** PUT v2/requests takes a list of updates: the body built from the fields becomes `[body]`. */
async function sendAsList(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (request.body && !Array.isArray(request.body)) request.body = [request.body];
	return request;
}

/** Must be the last field of its operation, so it runs after every other part of the body is set. */
export const asListField: INodeProperties = {
	displayName: 'Send As List',
	name: 'sendAsList',
	type: 'hidden',
	default: true,
	routing: { send: { preSend: [sendAsList] } },
};

/** The identifier types `customerIdentificationInfo` accepts. */
export const V2_REQUEST_IDENTIFIER_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'externalId'],
	['Customer ID', 'id'],
	['WeChat', 'wechat'],
	['Card Number', 'cardnumber'],
	['Card External ID', 'cardExternalId'],
];

/** `customerIdentificationInfo: {source, identifierType, identifierValue}` of POST v2/requests. */
export function customerIdentificationFields(): INodeProperties[] {
	return [
		{
			displayName: 'Identifier Type',
			name: 'identifierType',
			type: 'options',
			options: options(V2_REQUEST_IDENTIFIER_TYPES),
			default: 'mobile',
			description: 'Which identifier of the customer you know',
			routing: toBody('customerIdentificationInfo.identifierType'),
		},
		{
			displayName: 'Identifier Value',
			name: 'identifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			description: 'Value of that identifier, e.g. the mobile number with country code',
			routing: toBody('customerIdentificationInfo.identifierValue'),
		},
		sourceField({ routing: toBody('customerIdentificationInfo.source') }),
	];
}

/** YYYY-MM-DD from a date picker value. */
export function dateOnly(displayName: string, property: string, description: string, required = false): INodeProperties {
	return {
		displayName,
		name: property.replace(/_(.)/g, (_, c: string) => c.toUpperCase()),
		type: 'dateTime',
		required,
		default: '',
		description,
		routing: toQuery(property, '={{ String($value).slice(0, 10) }}'),
	};
}

/** Filters of GET v2/requests other than the type. */
export function v2ListFilters(statuses: Array<[string, string]>): INodeProperties {
	return queryOptions([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: options(statuses),
			default: 'PENDING',
			description: 'Only requests in this status',
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
		sortOrderField({ displayName: 'Order', name: 'order' }),
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Requests added on or after this time',
			routing: toQuery('start_date'),
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Requests added before this time',
			routing: toQuery('end_date'),
		},
		{
			displayName: 'Customer Identifier Type',
			name: 'identifierName',
			type: 'options',
			options: options(V2_REQUEST_IDENTIFIER_TYPES),
			default: 'mobile',
			description: 'Only requests of one customer: the type of the identifier below',
			routing: toQuery('identifierName'),
		},
		optionalField('Customer Identifier Value', 'identifierValue', 'string', 'Only requests of the customer with this identifier'),
		{ ...sourceField(), description: 'Source of the customer account (with the customer identifier)' },
		optionalField('Account ID', 'accountId', 'string', 'Account of the source, for sources with several accounts'),
	]);
}

export const v2RequestId: INodeProperties = {
	displayName: 'Request ID',
	name: 'requestId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '7062847',
	description: 'ID Capillary returned when the request was added (createdId)',
};

/**
 * GET /v2/requests: "offset: Defines the number of rows to skip" (Retrieve transaction request
 * details); the merge-request page calls it a "Page number … set the value to 0" and caps limit at
 * 50. Rows are sent; should Capillary answer an empty page below the reported total, the offset is
 * read as a page index from then on (see offsetMayBePage).
 */
export const V2_LIST_PAGINATION = { style: 'offset', limitParam: 'limit', offsetParam: 'offset', maxPageSize: 50, offsetMayBePage: true } as const;
