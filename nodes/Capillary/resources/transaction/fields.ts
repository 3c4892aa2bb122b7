import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, NodePropertyTypes } from 'n8n-workflow';

import { accountIdField, options, sourceField, v2IdentifierFields } from '../../shared/fields';

/** Values and field builders shared by the transaction operations. */

export const V2_TYPES = options([
	['Regular', 'REGULAR'],
	['Return', 'RETURN'],
	['Not Interested', 'NOT_INTERESTED'],
	['Not Interested Return', 'NOT_INTERESTED_RETURN'],
]);

export const DELIVERY_STATUSES = options([
	['Placed', 'PLACED'],
	['Processed', 'PROCESSED'],
	['Shipped', 'SHIPPED'],
	['Delivered', 'DELIVERED'],
	['Returned', 'RETURNED'],
]);

export const OUTLIER_STATUSES = options([
	['Normal', 'NORMAL'],
	['Internal', 'INTERNAL'],
	['Fraud', 'FRAUD'],
	['Outlier', 'OUTLIER'],
	['Test', 'TEST'],
	['Deleted', 'DELETED'],
	['Failed', 'FAILED'],
	['Other', 'OTHER'],
]);

/**
 * Fields of a bodyInput that depend on another structured field: "Input Mode" is checked first, so
 * in JSON mode the (then absent) structured field is never read.
 */
export const FIELDS_MODE = { bodyInput: ['fields'] };

/** Comma-separated text → array; numeric entries become numbers (redemption IDs are numbers). */
export const ID_LIST = '={{ String($value).split(",").map(s => s.trim()).filter(s => s).map(s => /^\\d+$/.test(s) ? Number(s) : s) }}';
export const TEXT_LIST = '={{ String($value).split(",").map(s => s.trim()).filter(s => s) }}';
/** Optional values inside a list entry: leave empty text out of the request. */
export const OMIT_EMPTY = '={{ $value === "" ? undefined : $value }}';

/** A value of one entry of a repeatable list, sent at `<list>[i].<property>`. */
export function entryValue(
	displayName: string,
	name: string,
	type: 'string' | 'number',
	property: string,
	description?: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	const field: INodeProperties = {
		displayName,
		name,
		type: type as NodePropertyTypes,
		default: type === 'number' ? 0 : '',
		routing: { send: { type: 'body', property: `=${property}[{{$index}}].${name}`, ...(type === 'string' ? { value: OMIT_EMPTY } : {}) } },
		...extra,
	};
	if (description) field.description = description;
	return field;
}

export function repeatable(displayName: string, name: string, entryName: string, description: string, values: INodeProperties[]): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${entryName}`,
		default: {},
		description,
		options: [{ displayName: entryName, name: 'entry', values }],
	};
}

/**
 * Request headers Capillary reads on transaction calls, as an Options-like collection. Each sets
 * its header in a preSend (routing.send has no header target).
 */
export function headerOptions(withRequestId = true): INodeProperties {
	const headerSender = (name: string, header: string) => ({
		send: {
			preSend: [
				async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
					const value = String(this.getNodeParameter(`requestHeaders.${name}`, '') ?? '').trim();
					if (value) request.headers = { ...(request.headers ?? {}), [header]: value };
					return request;
				},
			],
		},
	});
	const headers: INodeProperties[] = [
		{
			displayName: 'Direct Replay',
			name: 'directReplay',
			type: 'options',
			options: [
				{ name: 'Queue Loyalty Events (True)', value: 'true', description: 'Add the transaction now and run its loyalty events later' },
				{ name: 'Run Loyalty Events Now (False)', value: 'false', description: 'Run the loyalty events before answering and return their side effects' },
			],
			default: 'false',
			description: 'Sent as the X-CAP-DIRECT-REPLAY header',
			routing: headerSender('directReplay', 'X-CAP-DIRECT-REPLAY'),
		},
	];
	if (withRequestId) {
		headers.push({
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			description: 'Your own ID for tracing this call, sent as the X-CAP-REQUEST-ID header',
			routing: headerSender('requestId', 'X-CAP-REQUEST-ID'),
		});
	}
	return {
		displayName: 'Request Headers',
		name: 'requestHeaders',
		type: 'collection',
		placeholder: 'Add Header',
		default: {},
		description: 'Headers Capillary reads on transaction calls',
		options: headers,
	};
}

export const V11_CUSTOMER_TYPES = options([
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'external_id'],
	['Customer ID', 'id'],
]);

/** The customer of a v2 transaction call, in the query. */
export const v2CustomerQuery = (): INodeProperties[] => [...v2IdentifierFields(), sourceField({ required: true }), accountIdField()];
