import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, binaryFileField, options, toBody } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { setMultipartBody } from '../shared/files';
import { defineResource } from '../shared/operation';

/**
 * Coupon upload service (`/coupon/api/v1/upload/...`). Not a v2 API: Capillary serves it from
 * the InTouch host and documents it with the OAuth token header. Uploads are multipart/form-data
 * with the CSV under `file` and the settings as text parts.
 */

const HOST_HINT =
	'Capillary serves the coupon upload service from the InTouch host (e.g. eu.intouch.capillarytech.com) and documents it with OAuth. If your API host answers 404, use a credential with Region Custom pointing at the InTouch host.';

function seriesPathLocator(): INodeProperties {
	return locatorField({
		displayName: 'Coupon Series',
		name: 'couponSeriesId',
		searchMethod: 'searchCouponSeries',
		placeholder: '253234',
		description: 'Coupon series the codes belong to. Choose from the list or enter its ID.',
	});
}

// ---------------------------------------------------------------------------------------------
// The file: an n8n binary property, or CSV text from the item
// ---------------------------------------------------------------------------------------------

/** Multipart body with the text parts of `request.body` and the CSV text as the file part. */
async function textFileUpload(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const content = String(this.getNodeParameter('csvContent', '') ?? '');
	const fileName = String(this.getNodeParameter('csvFileName', 'coupons.csv') || 'coupons.csv').replace(/"/g, '');
	return setMultipartBody(request, { field: 'file', fileName, mimeType: 'text/csv', content: Buffer.from(content, 'utf8') }, (request.body ?? {}) as IDataObject);
}

const fileFields: INodeProperties[] = [
	{
		displayName: 'File Source',
		name: 'fileSource',
		description: 'Where the CSV comes from',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A CSV file in a binary field of the input item' },
			{ name: 'CSV Text', value: 'text', description: 'The CSV content as text, e.g. from an expression' },
		],
		default: 'binary',
	},
	{ ...binaryFileField('file', 'Name of the binary field of the input item that holds the CSV file'), displayOptions: { show: { fileSource: ['binary'] } } },
	{
		displayName: 'CSV Content',
		name: 'csvContent',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		placeholder: 'mobile,coupon code\n919111111111,ABCDEF1',
		description: 'Content of the CSV file, header line first',
		displayOptions: { show: { fileSource: ['text'] } },
		routing: { send: { preSend: [textFileUpload] } },
	},
	{
		displayName: 'File Name',
		name: 'csvFileName',
		type: 'string',
		default: 'coupons.csv',
		description: 'File name reported to Capillary',
		displayOptions: { show: { fileSource: ['text'] } },
	},
];

// ---------------------------------------------------------------------------------------------
// Redeemed-coupon upload: uploadHeaders maps column names to positions
// ---------------------------------------------------------------------------------------------

/** A JS expression giving the uploadHeaders key for the identifier chosen in `parameter`. */
function keyFor(parameter: string, keys: Array<[string, string]>): { expression: string } {
	const chain = keys.map(([value, key]) => `$parameter.${parameter} === "${value}" ? "${key}" : `).join('');
	return { expression: `${chain}"${keys[0][1]}"` };
}

const CUSTOMER_COLUMN_KEY = keyFor('customerIdentifier', [
	['USER_ID', 'userId'],
	['MOBILE', 'mobile'],
	['EMAIL', 'email'],
	['EXTERNAL_ID', 'externalId'],
]);
const COUPON_COLUMN_KEY = keyFor('couponIdentifier', [
	['COUPON_CODE', 'couponCode'],
	['COUPON_ID', 'couponId'],
]);

function column(displayName: string, name: string, key: string | { expression: string }, description: string, required: boolean, defaultValue: number): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		required,
		default: defaultValue,
		typeOptions: { minValue: 0 },
		description,
		routing: toBody(typeof key === 'string' ? `uploadHeaders.${key}` : `=uploadHeaders.{{ ${key.expression} }}`),
	};
}

export const couponUpload = defineResource({
	value: 'couponUpload',
	name: 'Coupon Upload',
	description: 'Upload coupon codes and redeemed coupons from files',
	operations: [
		{
			value: 'uploadCoupons',
			name: 'Upload Coupons',
			action: 'Upload coupon codes of a series from a CSV file',
			method: 'POST',
			path: '/coupon/api/v1/upload/file/{couponSeriesId}',
			fields: [
				seriesPathLocator(),
				...fileFields,
				{
					displayName: 'Customer Identifier',
					name: 'customerIdentifier',
					type: 'options',
					options: options([
						['Mobile', 'MOBILE'],
						['Email', 'EMAIL'],
						['External ID', 'EXTERNAL_ID'],
						['Customer ID', 'USER_ID'],
						['None (Codes Only)', 'NOT_TAGGED'],
					]),
					default: 'MOBILE',
					description: 'What the customer column of the file holds; None uploads codes without customers',
					routing: toBody('customerIdentifier'),
				},
				additionalFields([
					{
						displayName: 'Customer Identifier Column',
						name: 'customerIdentifierColumn',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0 },
						description: 'Position of the customer column in the file, counted from 0',
						routing: toBody('customerIdentifierColumn'),
					},
				]),
			],
			output: { items: 'result.uploadJobStatuses' },
			hint: `The file has a header line, then one row per code: the customer identifier (unless None) and the coupon code. Capillary processes it in the background; follow it with Get Upload Status. ${HOST_HINT}`,
		},
		{
			value: 'uploadRedeemed',
			name: 'Upload Redeemed Coupons',
			action: 'Upload coupons redeemed outside Capillary from a CSV file',
			method: 'POST',
			path: '/coupon/api/v1/upload/redeemFile/{couponSeriesId}',
			fields: [
				seriesPathLocator(),
				...fileFields,
				{
					displayName: 'Customer Identifier',
					name: 'customerIdentifier',
					type: 'options',
					options: options([
						['Mobile', 'MOBILE'],
						['Email', 'EMAIL'],
						['External ID', 'EXTERNAL_ID'],
						['Customer ID', 'USER_ID'],
					]),
					default: 'USER_ID',
					description: 'What the customer column of the file holds',
					routing: toBody('customerIdentifier'),
				},
				{
					displayName: 'Coupon Identifier',
					name: 'couponIdentifier',
					type: 'options',
					options: options([
						['Coupon Code', 'COUPON_CODE'],
						['Coupon ID', 'COUPON_ID'],
					]),
					default: 'COUPON_CODE',
					description: 'What the coupon column of the file holds',
					routing: toBody('couponIdentifier'),
				},
				column('Redeemed Date Column', 'redeemedDateColumn', 'redeemedDateInMillis', 'Column of the redemption time (epoch milliseconds), counted from 0', true, 0),
				column('Redeemed At Column', 'redeemedAtColumn', 'redeemedAt', 'Column of the till ID the coupon was redeemed at', true, 1),
				column('Customer Column', 'customerColumn', CUSTOMER_COLUMN_KEY, 'Column of the customer identifier', true, 2),
				column('Coupon Column', 'couponColumn', COUPON_COLUMN_KEY, 'Column of the coupon code or ID', true, 3),
				additionalFields([
					column('Bill ID Column', 'billIdColumn', 'billId', 'Column of the transaction ID', false, 4),
					column('Bill Number Column', 'billNumberColumn', 'billNumber', 'Column of the transaction number', false, 5),
					column('Details Column', 'detailsColumn', 'details', 'Column of free-text details', false, 6),
					{
						displayName: 'Details',
						name: 'details',
						type: 'string',
						default: '',
						description: 'Notes stored with this upload',
						routing: toBody('details'),
					},
				]),
			],
			output: { items: 'result.redeemUploadJobStatuses' },
			hint: `The column positions are sent as uploadHeaders (JSON text), the key of the customer and coupon columns following the identifiers chosen. The file has a header line. ${HOST_HINT}`,
		},
		{
			value: 'getUploadStatus',
			name: 'Get Upload Status',
			action: 'Get the coupon upload jobs of a series',
			method: 'GET',
			path: '/coupon/api/v1/upload/getUploadStatus/{couponSeriesId}',
			fields: [seriesPathLocator()],
			output: { items: 'result.uploadJobStatuses' },
			pagination: { style: 'none' },
			hint: HOST_HINT,
		},
		{
			value: 'getRedeemedUploadStatus',
			name: 'Get Redeemed Upload Status',
			action: 'Get the redeemed-coupon upload jobs of a series',
			method: 'GET',
			path: '/coupon/api/v1/upload/getUploadRedeemedCouponStatus/{couponSeriesId}',
			fields: [seriesPathLocator()],
			output: { items: 'result.redeemUploadJobStatuses' },
			pagination: { style: 'none' },
			hint: HOST_HINT,
		},
	],
});
