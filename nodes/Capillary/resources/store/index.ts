import { createHash } from 'crypto';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ATTRIBUTION_ENTITY_TYPES } from '../../../../credentials/CapillaryAuth';
import {
	additionalFields,
	binaryFileField,
	bodyInput,
	optionalField,
	options,
	queryOptions,
	toBody,
	toQuery,
} from '../../shared/fields';
import { locatorField } from '../../shared/lookups';
import { setMultipartBody } from '../../shared/files';
import { defineResource } from '../../shared/operation';
import { storeEntityOperations } from './entities';

/**
 * The v1.1 store entity: details, staff, tasks, login check, InStore log and report uploads,
 * reports and configurations. Calls act for the store of the credential's till. Creating stores
 * and associates and reading tills (v2) are in entities.ts.
 */

const V11_TIME = 'YYYY-MM-DD HH:MM:SS';

// ---------------------------------------------------------------------------------------------
// Verify Store Login: the store or till to check, sent as Capillary's attribution headers
// ---------------------------------------------------------------------------------------------

/** Header names per credential type (Basic: LOOKUP pair, OAuth: ENTITY pair), as the credentials use them. */
const ATTRIBUTION_HEADERS = {
	basicAuth: ['X-CAP-API-ATTRIBUTION-LOOKUP-TYPE', 'X-CAP-API-ATTRIBUTION-LOOKUP'],
	oAuth: ['X-CAP-API-ATTRIBUTION-ENTITY-TYPE', 'X-CAP-API-ATTRIBUTION-ENTITY-CODE'],
} as const;

async function attributionHeaders(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const type = String(this.getNodeParameter('loginEntityType', 'TILL'));
	const source = type === 'TILL' ? 'loginTillCode' : type === 'STORE_CODE' ? 'loginStoreCode' : 'loginEntityCode';
	const code = String(this.getNodeParameter(source, '', { extractValue: true }) ?? '').trim();
	const auth = this.getNodeParameter('authentication', 'basicAuth') === 'oAuth' ? 'oAuth' : 'basicAuth';
	const [typeHeader, codeHeader] = ATTRIBUTION_HEADERS[auth];
	request.headers = { ...(request.headers ?? {}), [typeHeader]: type, [codeHeader]: code };
	return request;
}

const loginEntityFields: INodeProperties[] = [
	{
		displayName: 'Store Entity Type',
		name: 'loginEntityType',
		type: 'options',
		options: ATTRIBUTION_ENTITY_TYPES.map((t) => ({ name: t, value: t })),
		default: 'TILL',
		description: 'How the store (or till) whose login is checked is identified',
		routing: { send: { preSend: [attributionHeaders] } },
	},
	{
		...locatorField({
			displayName: 'Till Code',
			name: 'loginTillCode',
			searchMethod: 'searchTillCodes',
			placeholder: 'store.server',
			description: 'Till (username of the store server account) whose login is checked',
		}),
		displayOptions: { show: { loginEntityType: ['TILL'] } },
	},
	{
		...locatorField({
			displayName: 'Store Code',
			name: 'loginStoreCode',
			searchMethod: 'searchStoreCodes',
			placeholder: 'store.bangalore',
			description: 'Store whose login is checked',
		}),
		displayOptions: { show: { loginEntityType: ['STORE_CODE'] } },
	},
	{
		displayName: 'Entity Code',
		name: 'loginEntityCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'BLR-01',
		description: 'Name or external ID of the store, as chosen in Store Entity Type (case sensitive)',
		displayOptions: { show: { loginEntityType: ['STORE_NAME', 'STORE_EXTERNAL_ID', 'STORE_EXTERNAL_ID_1', 'STORE_EXTERNAL_ID_2'] } },
	},
];

// ---------------------------------------------------------------------------------------------
// Upload Logs: a file (binary property or text) as multipart/form-data, with its size and SHA1
// ---------------------------------------------------------------------------------------------

function multipartFile(request: IHttpRequestOptions, fileName: string, mimeType: string, content: Buffer): void {
	setMultipartBody(request, { field: 'file', fileName, mimeType, content });
}

const clean = (value: string) => value.replace(/[\r\n"]/g, '');

function textLogFile(context: IExecuteSingleFunctions): { fileName: string; content: Buffer } {
	const fileName = clean(String(context.getNodeParameter('logFileName', 'instore.log') || 'instore.log'));
	return { fileName, content: Buffer.from(String(context.getNodeParameter('logContent', '') ?? ''), 'utf8') };
}

/** The X-CAP-CLIENT-* headers Capillary checks the received file against (name, size, SHA1). */
async function logFileHeaders(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	let file: { fileName: string; content: Buffer };
	if (this.getNodeParameter('fileSource', 'binary') === 'text') {
		file = textLogFile(this);
	} else {
		const property = String(this.getNodeParameter('binaryPropertyName', 'data')).trim();
		const binary = this.getInputData().binary?.[property];
		// A missing binary field is reported (by name) by the Input Binary Field itself.
		if (!binary) return request;
		file = { fileName: clean(binary.fileName ?? 'upload'), content: await this.helpers.getBinaryDataBuffer(property) };
	}
	const size = String(file.content.length);
	const signature = createHash('sha1').update(file.content).digest('hex');
	request.headers = {
		...(request.headers ?? {}),
		'X-CAP-CLIENT-LOGFILENAME': file.fileName,
		'X-CAP-CLIENT-LOGFILESIZE': size,
		'X-CAP-CLIENT-FILESIZE': size,
		'X-CAP-CLIENT-FILE-SIGNATURE': signature,
		'X-CAP-CLIENT-FILESIGNATURE': signature,
	};
	return request;
}

async function textLogUpload(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { fileName, content } = textLogFile(this);
	if (content.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Parameter "Log Content" is empty', {
			description: 'Capillary rejects empty log files. Pass the log text, or switch File Source to Binary File.',
			itemIndex: this.getItemIndex(),
		});
	}
	multipartFile(request, fileName, 'text/plain', content);
	return request;
}

const logFileFields: INodeProperties[] = [
	{
		displayName: 'File Source',
		name: 'fileSource',
		description: 'Whether the log comes from a binary field of the input item or as text',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A log file in a binary field of the input item' },
			{ name: 'Text', value: 'text', description: 'The log content as text, e.g. from an expression' },
		],
		default: 'binary',
		routing: { send: { preSend: [logFileHeaders] } },
	},
	{
		...binaryFileField('file', 'Name of the binary field of the input item that holds the log file'),
		displayOptions: { show: { fileSource: ['binary'] } },
	},
	{
		displayName: 'Log Content',
		name: 'logContent',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		description: 'The log lines to upload',
		displayOptions: { show: { fileSource: ['text'] } },
		routing: { send: { preSend: [textLogUpload] } },
	},
	{
		displayName: 'File Name',
		name: 'logFileName',
		type: 'string',
		default: 'instore.log',
		description: 'File name reported to Capillary',
		displayOptions: { show: { fileSource: ['text'] } },
	},
	queryOptions([
		{ ...optionalField('Logged Time', 'logged_time', 'string', `When the log file was written, ${V11_TIME}`), placeholder: '2026-03-01 18:00:00' },
		{ ...optionalField('Uploaded Time', 'uploaded_time', 'string', `When the log file is uploaded, ${V11_TIME}`), placeholder: '2026-03-01 18:05:00' },
	]),
];

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

const REPORT_TYPES = options([
	['Loyalty', 'loyalty'],
	['Redemption', 'redemption'],
]);

function countField(displayName: string, property: string, description: string): INodeProperties {
	return { ...optionalField(displayName, property, 'number', description, 'body'), typeOptions: { minValue: 0 } };
}

const uploadReportFields: INodeProperties[] = bodyInput(
	[
		{
			displayName: 'Report Type',
			name: 'reportType',
			type: 'options',
			options: REPORT_TYPES,
			default: 'loyalty',
			description: 'Kind of tracker report; sent as the "-type" attribute of the report, as in Capillary\'s JSON sample',
			routing: toBody('-type'),
		},
		{
			displayName: 'Date',
			name: 'reportDate',
			type: 'string',
			required: true,
			default: '',
			placeholder: '2026-03-14 18:00:13',
			description: `Date and time the report covers, ${V11_TIME}`,
			routing: toBody('date'),
		},
		locatorField({
			displayName: 'Store Code',
			name: 'reportStoreCode',
			searchMethod: 'searchStoreCodes',
			placeholder: 'store.bangalore',
			description: "Store the report belongs to; the credential's store when empty",
			required: false,
			routing: toBody('store_code'),
		}),
		additionalFields([
			countField('Total Transactions', 'total_transactions', 'Number of transactions of the day'),
			countField('Total Sales', 'total_sales', 'Sales amount of the day'),
			countField('Footfall Count', 'footfall_count', 'Number of visitors'),
			countField('Regular Transactions', 'transaction_count.regular', 'Transactions tagged to a customer'),
			countField('Not Interested Transactions', 'transaction_count.not_interested', 'Transactions of customers who did not want to join'),
			countField('Total Enter Later', 'transaction_count.total_enter_later', 'Transactions kept to be tagged later'),
			countField('Enter Later for Today', 'transaction_count.enter_later_for_today', 'Of those, the ones of today'),
		]),
	],
	'One report as an object, or several (e.g. of several stores) as an array, shaped like Capillary\'s sample: {"-type": "loyalty", "store_code": "…", "date": "2026-03-14 18:00:13", "total_transactions": "10", "transaction_count": {"regular": "5", "not_interested": "5"}}',
);

const reportWindow = queryOptions([
	{ ...optionalField('Start Date', 'start_date', 'string', `Start of the period (${V11_TIME}); needs End Date`), placeholder: '2026-03-01 00:00:00' },
	{ ...optionalField('End Date', 'end_date', 'string', `End of the period (${V11_TIME}); needs Start Date`), placeholder: '2026-03-07 23:59:59' },
]);

function getReport(type: 'loyalty' | 'redemption') {
	const loyalty = type === 'loyalty';
	return {
		value: loyalty ? 'getLoyaltyReport' : 'getRedemptionReport',
		name: loyalty ? 'Get Loyalty Report' : 'Get Redemption Report',
		action: loyalty ? "Get the store's loyalty report" : "Get the store's points redemption report",
		method: 'GET' as const,
		path: '/v1.1/store/reports',
		fixed: { query: { type } },
		hint: loyalty
			? 'Sends type=loyalty to store/reports: one item per row (customers, transactions, points issued and redeemed per day, and a row for the whole period)'
			: 'Sends type=redemption to store/reports: one item per points redemption of the store',
		fields: [reportWindow],
		pagination: { style: 'none' as const, items: `report.${type}.row` },
	};
}

// ---------------------------------------------------------------------------------------------
// Resource
// ---------------------------------------------------------------------------------------------

const TASK_ACTION_TYPES = options([
	['SMS', 'sms'],
	['Email', 'email'],
	['Call', 'call'],
	['None (Other Tasks)', 'none'],
]);

export const store = defineResource({
	value: 'store',
	name: 'Store',
	description: 'Stores and their tills and associates: create, details, staff, tasks, logs and reports',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get a store',
			method: 'GET',
			path: '/v1.1/store/get',
			fields: [
				{
					displayName: 'Identify Store By',
					name: 'storeIdentifier',
					description: "Whether to identify the store by Capillary's store ID or by your external ID",
					type: 'options',
					options: options([
						['Store ID', 'id'],
						['External ID', 'external_id'],
					]),
					default: 'id',
				},
				{
					...locatorField({
						displayName: 'Store ID',
						name: 'storeId',
						searchMethod: 'searchStores',
						placeholder: '9235927',
						description: "Capillary's ID of the store",
						routing: toQuery('id'),
					}),
					displayOptions: { show: { storeIdentifier: ['id'] } },
				},
				{
					displayName: 'External ID',
					name: 'externalId',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'BLR-01',
					description: 'Your own unique ID of the store',
					displayOptions: { show: { storeIdentifier: ['external_id'] } },
					routing: toQuery('external_id'),
				},
			],
		},
		{
			value: 'getStaff',
			name: 'Get Staff',
			action: 'Get the staff of the store',
			method: 'GET',
			path: '/v1.1/store/staff',
			fields: [
				{
					displayName: 'Staff Type',
					name: 'staffType',
					type: 'options',
					options: options([
						['All', ''],
						['Associates', 'ASSOCIATE'],
						['Managers', 'MANAGER'],
					]),
					default: '',
					description: 'Only associates or only managers',
					routing: toQuery('type'),
				},
			],
			pagination: { style: 'none', items: 'store.staff.user' },
		},
		{
			value: 'getTasks',
			name: 'Get Tasks',
			action: 'Get the tasks of the store',
			method: 'GET',
			path: '/v1.1/store/tasks',
			hint: 'One item per task entry (the status of a task for one associate or customer). Capillary documents the action-type filter of this call under the parameter name "all"; the node sends Action Type as all.',
			fields: [
				queryOptions([
					{
						displayName: 'Action Type',
						name: 'actionType',
						type: 'options',
						options: TASK_ACTION_TYPES,
						default: 'sms',
						description: 'Only tasks with this action; None gives the tasks without SMS, email or call',
						routing: toQuery('all'),
					},
					optionalField('Associate ID', 'assoc_id', 'string', 'Only tasks assigned to this associate'),
					optionalField('Customer ID', 'customer_id', 'string', 'Only tasks created for this customer'),
					{ ...optionalField('Start Date', 'start_date', 'string', `Only tasks created on or after this date (${V11_TIME})`), placeholder: '2026-03-01 00:00:00' },
					{ ...optionalField('End Date', 'end_date', 'string', `Only tasks created on or before this date (${V11_TIME})`), placeholder: '2026-03-31 23:59:59' },
					{ ...optionalField('Count', 'count', 'number', 'Ask Capillary for at most this many tasks (Limit still applies)'), typeOptions: { minValue: 1 } },
				]),
			],
			pagination: { style: 'none', items: 'store.tasks.task' },
		},
		{
			value: 'verifyLogin',
			name: 'Verify Login',
			action: "Verify the credential's login",
			method: 'GET',
			path: '/v1.1/store/login',
			hint: "Checks the credential of this node and returns the user it logs in as (username, type, org). Invalid credentials fail with Capillary's 401.",
			fields: [],
		},
		{
			value: 'verifyStoreLogin',
			name: 'Verify Store Login',
			action: 'Verify the login of a specific store',
			method: 'GET',
			path: '/v1.1/store/login',
			hint: "Checks that the credential can log in for the chosen store or till, and returns that store's InStore login (user, store server prefix, associate login). The store travels in Capillary's attribution headers (ENTITY-TYPE/CODE with OAuth, LOOKUP-TYPE/LOOKUP with Basic auth); attribution set in the credential takes precedence.",
			fields: loginEntityFields,
		},
		{
			value: 'uploadLogs',
			name: 'Upload Logs',
			action: 'Upload an InStore log file',
			method: 'POST',
			path: '/v1.1/store/logs',
			hint: "Sends the file as multipart/form-data (part \"file\") with its name, size and SHA1 in the X-CAP-CLIENT-* headers Capillary checks (both spellings the docs use). The docs' sample URL is /v1.1/store/logs.file; the node calls /v1.1/store/logs?format=json.",
			fields: logFileFields,
		},
		{
			value: 'uploadReport',
			name: 'Upload Report',
			action: 'Upload a store tracker report',
			method: 'POST',
			path: '/v1.1/store/reports',
			v11Root: 'report',
			hint: 'One item per report with success, errorCode and errorMessage.',
			fields: uploadReportFields,
			output: { perEntityStatus: true },
		},
		getReport('loyalty'),
		getReport('redemption'),
		{
			value: 'getConfigurations',
			name: 'Get Configurations',
			action: 'Get the InStore configurations of the store',
			method: 'GET',
			path: '/v1.1/store/configurations',
			fields: [],
		},
		...storeEntityOperations,
	],
});
