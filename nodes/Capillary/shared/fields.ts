import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { setMultipartBody } from './files';

/** Unset, null or only whitespace: a value the user left empty. */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Parameters used by many operations, defined once. Each carries its own `routing.send`, so the
 * declarative engine puts its value where Capillary expects it.
 */

// ---------------------------------------------------------------------------------------------
// Routing helpers
// ---------------------------------------------------------------------------------------------

/** A query parameter named `property` as is (a name with dots or brackets is not a path here). */
export function toQuery(property: string, value?: string): INodePropertyRouting {
	// Only names a path could be read from need the flag; leaving it out elsewhere keeps the description small.
	const literal = /[.[]/.test(property) || property.startsWith('=') ? { propertyInDotNotation: false } : {};
	return { send: { type: 'query', property, ...literal, ...(value ? { value } : {}) } };
}

export function toBody(property: string, value?: string): INodePropertyRouting {
	return { send: { type: 'body', property, ...(value ? { value } : {}) } };
}

/** Comma-separated list fields: the multiOptions array is sent as "a,b,c". */
export const JOIN_VALUES = '={{ Array.isArray($value) ? $value.join(",") : $value }}';

/** Comma-separated IDs typed as text, sent as a list: numeric IDs as numbers, others as text. */
export const ID_LIST = '={{ String($value).split(",").map(s => s.trim()).filter(s => s).map(s => /^\\d+$/.test(s) ? Number(s) : s) }}';

export function options(values: Array<string | [name: string, value: string]>): INodePropertyOptions[] {
	return values.map((v) => (Array.isArray(v) ? { name: v[0], value: v[1] } : { name: v, value: v }));
}

// ---------------------------------------------------------------------------------------------
// Customer identification
// ---------------------------------------------------------------------------------------------

export const SOURCES = [
	'INSTORE',
	'MARTJACK',
	'WECHAT',
	'FACEBOOK',
	'WEB_ENGAGE',
	'TMALL',
	'TAOBAO',
	'JD',
	'ECOMMERCE',
	'WEBSITE',
	'LINE',
	'MOBILE_APP',
	'ALL',
];

export const V2_IDENTIFIER_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'externalId'],
	['Card Number', 'cardnumber'],
	['Card External ID', 'cardExternalId'],
	['Customer ID', 'id'],
	['WeChat', 'wechat'],
	['Martjack ID', 'martjackId'],
	['Facebook ID', 'fbId'],
];

export const V11_IDENTIFIER_TYPES: Array<[string, string]> = [
	['Mobile', 'mobile'],
	['Email', 'email'],
	['External ID', 'external_id'],
	['Customer ID', 'id'],
	['Card Number', 'card_number'],
	['Card External ID', 'card_external_id'],
];

export function customerIdField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '17742',
		description: "Capillary's unique customer (user) ID. Get it with Customer → Get ID by Identifier.",
		...overrides,
	};
}

export function sourceField(
	overrides: Partial<INodeProperties> & { routing?: INodePropertyRouting } = {},
): INodeProperties {
	return {
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: options(SOURCES),
		default: 'INSTORE',
		description: 'Source (channel) in which the customer is registered',
		routing: toQuery('source'),
		...overrides,
	};
}

export function accountIdField(
	overrides: Partial<INodeProperties> & { routing?: INodePropertyRouting } = {},
): INodeProperties {
	return {
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		default: '',
		description: 'Account of the source; needed for sources with several accounts such as WECHAT or FACEBOOK',
		routing: toQuery('accountId'),
		...overrides,
	};
}

/** identifierName + identifierValue query pair of the v2 lookup-style endpoints. */
export function v2IdentifierFields(
	names: { type?: string; value?: string } = {},
	types: Array<[string, string]> = V2_IDENTIFIER_TYPES,
): INodeProperties[] {
	const firstType = types[0][1];
	return [
		{
			displayName: 'Identifier Type',
			name: 'identifierName',
			type: 'options',
			options: options(types),
			default: firstType,
			description: 'Which identifier of the customer you know',
			routing: toQuery(names.type ?? 'identifierName'),
		},
		{
			displayName: 'Identifier Value',
			name: 'identifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			description: 'Value of that identifier, e.g. the mobile number with country code',
			routing: toQuery(names.value ?? 'identifierValue'),
		},
	];
}

/** The v1.1 way: the identifier type is the query parameter's name (`?mobile=…`). */
export function v11IdentifierFields(types: Array<[string, string]> = V11_IDENTIFIER_TYPES): INodeProperties[] {
	const firstType = types[0][1];
	return [
		{
			displayName: 'Identifier Type',
			name: 'v11IdentifierType',
			type: 'options',
			options: options(types),
			default: firstType,
			description: 'Which identifier of the customer you know',
		},
		{
			displayName: 'Identifier Value',
			name: 'v11IdentifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: '44700900000',
			description: 'Value of that identifier. Several customers at once: separate values with commas.',
			routing: toQuery('={{ $parameter.v11IdentifierType }}'),
		},
	];
}

// ---------------------------------------------------------------------------------------------
// Lists, output
// ---------------------------------------------------------------------------------------------

export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/**
 * An ascending/descending choice sent as a query parameter. Capillary spells the values in the
 * case of the endpoint (`ASC` on most v2 lists, `asc` on v1.1 and some gateway lists): the case
 * of the default decides which.
 */
export function sortOrderField({
	displayName = 'Sort Order',
	name = 'sortOrder',
	query = name,
	default: defaultValue = 'DESC',
	description,
}: { displayName?: string; name?: string; query?: string; default?: string; description?: string } = {}): INodeProperties {
	const lower = defaultValue === defaultValue.toLowerCase();
	return {
		displayName,
		name,
		type: 'options',
		options: options([
			['Ascending', lower ? 'asc' : 'ASC'],
			['Descending', lower ? 'desc' : 'DESC'],
		]),
		default: defaultValue,
		description: description ?? 'Whether the results come in ascending or descending order',
		routing: toQuery(query),
	};
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

// ---------------------------------------------------------------------------------------------
// Collections, key/value lists, JSON
// ---------------------------------------------------------------------------------------------

export function additionalFields(fields: INodeProperties[], name = 'additionalFields'): INodeProperties {
	const options = [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
	const listed = options.slice(0, 4).map((f) => f.displayName);
	const more = options.length > listed.length ? ` and ${options.length - listed.length} more` : '';
	return {
		displayName: name === 'additionalFields' ? 'Additional Fields' : 'Options',
		name,
		type: 'collection',
		placeholder: name === 'additionalFields' ? 'Add Field' : 'Add Option',
		default: {},
		// Names what the collection holds, so the user need not open it to find a field.
		description: `${name === 'additionalFields' ? 'Optional fields' : 'Optional settings'}: ${listed.join(', ')}${more}`,
		options,
	};
}

/** Optional query parameters, shown as "Options". */
export function queryOptions(fields: INodeProperties[]): INodeProperties {
	return additionalFields(fields, 'options');
}

/** A plain optional query/body field for a collection. */
export function optionalField(
	displayName: string,
	property: string,
	type: 'string' | 'number' | 'boolean' | 'dateTime',
	description: string,
	where: 'query' | 'body' = 'query',
	name = property.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
): INodeProperties {
	const defaultValue = ({ string: '', number: 0, boolean: false, dateTime: '' } as const)[type];
	return {
		displayName,
		name,
		type,
		default: defaultValue,
		description,
		routing: where === 'query' ? toQuery(property) : toBody(property),
	};
}

/**
 * The Name of a name/value entry: free text, or (with `loadOptionsMethod`) a dropdown of the names
 * Capillary knows, e.g. the org's extended fields; an expression still gives any name.
 */
export function entryName(loadOptionsMethod?: string, routing?: INodePropertyRouting): INodeProperties {
	const base: INodeProperties = loadOptionsMethod
		? {
				displayName: 'Name or ID',
				name: 'name',
				type: 'options',
				typeOptions: { loadOptionsMethod },
				default: '',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			}
		: { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the field, as Capillary spells it' };
	return routing ? { ...base, routing } : base;
}

/**
 * A name/value list sent as an object, `{ <target>: { name1: value1, … } }`; without a target the
 * list routes nothing and a body builder reads it (custom and extended fields of a profile).
 */
export function keyValueField(displayName: string, name: string, target: string | undefined, description: string, nameOptions?: string): INodeProperties {
	const value: INodeProperties = { displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Value of the field' };
	if (target !== undefined) value.routing = { send: { type: 'body', property: `=${target}.{{$parent.name}}` } };
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description,
		options: [{ displayName: 'Field', name: 'field', values: [entryName(nameOptions), value] }],
	};
}

/**
 * v1.1 style name/value list: `{ <target>: { field: [ {name, value}, … ] } }`, or with
 * `wrapped: false` a bare `{ <target>: [ {name, value}, … ] }`.
 */
export function v11FieldList(
	displayName: string,
	name: string,
	target: string,
	description: string,
	wrapped = true,
	nameOptions?: string,
): INodeProperties {
	const list = wrapped ? `${target}.field` : target;
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					entryName(nameOptions, { send: { type: 'body', property: `=${list}[{{$index}}].name` } }),
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Value of the field',
						routing: { send: { type: 'body', property: `=${list}[{{$index}}].value` } },
					},
				],
			},
		],
	};
}

/** Where a JSON parameter's parsed value goes: merged into the body, or set at a path of body/query. */
export type JsonTarget = { in: 'body'; path?: string } | { in: 'query'; path: string };

/**
 * A JSON parameter. Its value is parsed before the request with an error that names the
 * parameter, instead of an expression error, and then merged into the body (or set at `target`).
 */
export function jsonField(
	displayName: string,
	name: string,
	target: JsonTarget,
	description: string,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const defaultJson = overrides.default ?? '{}';
	return {
		displayName,
		name,
		type: 'json',
		default: defaultJson,
		description,
		routing: { send: { preSend: [applyJsonParameter(displayName, name, target)] } },
		...overrides,
	};
}

export function parseJsonParameter(
	context: IExecuteSingleFunctions,
	displayName: string,
	name: string,
): unknown {
	const raw = context.getNodeParameter(name, undefined) as unknown;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `Parameter "${displayName}" is not valid JSON`, {
			description: `${(error as Error).message}. Check quotes, commas and brackets, or build the value with an expression such as {{ JSON.stringify($json.body) }}.`,
			itemIndex: context.getItemIndex(),
		});
	}
}

function applyJsonParameter(displayName: string, name: string, target: JsonTarget) {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const value = parseJsonParameter(this, displayName, name);
		if (value === undefined) return request;
		if (target.in === 'query') {
			request.qs = { ...(request.qs ?? {}), [target.path]: typeof value === 'string' ? value : JSON.stringify(value) };
			return request;
		}
		if (target.path) {
			request.body = { ...((request.body as IDataObject) ?? {}), [target.path]: value as IDataObject };
			return request;
		}
		if (Array.isArray(value) || typeof value !== 'object' || value === null) {
			request.body = value as IDataObject;
			return request;
		}
		request.body = { ...((request.body as IDataObject) ?? {}), ...(value as IDataObject) };
		return request;
	};
}

/**
 * "Fields" or "JSON" for operations with a rich body: structured fields for the common shape,
 * raw JSON for everything else the API accepts.
 */
export function bodyInput(
	fields: INodeProperties[],
	jsonDescription: string,
	jsonTarget: JsonTarget = { in: 'body' },
	/** A JSON field of its own (e.g. one that accepts an object or a list). */
	json: INodeProperties = jsonField('Body (JSON)', 'bodyJson', jsonTarget, jsonDescription, { required: true }),
): INodeProperties[] {
	const onlyFor = (mode: string, field: INodeProperties): INodeProperties => ({
		...field,
		displayOptions: { ...(field.displayOptions ?? {}), show: { ...(field.displayOptions?.show ?? {}), bodyInput: [mode] } },
	});
	return [
		{
			displayName: 'Input Mode',
			name: 'bodyInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Fields', value: 'fields', description: 'Fill in the common fields one by one' },
				{ name: 'JSON', value: 'json', description: 'Send the whole request body as JSON' },
			],
			default: 'fields',
			description: 'Whether to fill in the request one field at a time or give the whole body as JSON',
		},
		...fields.map((f) => onlyFor('fields', f)),
		onlyFor('json', json),
	];
}

// ---------------------------------------------------------------------------------------------
// Headers and files
// ---------------------------------------------------------------------------------------------

/** A parameter sent as an HTTP header (routing.send only knows body and query). */
export function headerField(displayName: string, name: string, header: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description,
		routing: {
			send: {
				preSend: [
					async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
						const value = String(this.getNodeParameter(name, '') ?? '').trim();
						if (value) request.headers = { ...(request.headers ?? {}), [header]: value };
						return request;
					},
				],
			},
		},
	};
}

/**
 * File upload from an n8n binary property, sent as multipart/form-data with the file under
 * `fileField` and the other body values as text parts. A missing binary property is an error
 * that names it, raised before any request.
 */
export function binaryFileField(fileField = 'file', description = 'Name of the binary property of the input item that holds the file'): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		description,
		routing: { send: { preSend: [multipartUpload(fileField)] } },
	};
}

function multipartUpload(fileField: string) {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const property = String(this.getNodeParameter('binaryPropertyName', 'data')).trim();
		const item = this.getInputData();
		if (!property || !item.binary?.[property]) {
			throw new NodeOperationError(this.getNode(), `No binary data in the input field "${property}"`, {
				description: `This operation uploads a file. The input item has ${item.binary ? `the binary fields ${Object.keys(item.binary).map((k) => `"${k}"`).join(', ')}` : 'no binary data'}; set Input Binary Field to one of them, or add a node that reads the file first.`,
				itemIndex: this.getItemIndex(),
			});
		}
		const binary = item.binary[property];
		const content = await this.helpers.getBinaryDataBuffer(property);
		setMultipartBody(request, { field: fileField, fileName: binary.fileName ?? 'upload', mimeType: binary.mimeType || 'application/octet-stream', content }, (request.body ?? {}) as IDataObject);
		return request;
	};
}
