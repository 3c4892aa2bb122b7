/**
 * Generates bad-input cases for an operation from its n8n field definitions alone, so any
 * operation — including ones added later — is fuzzed the same way.
 */
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

export interface OperationShape {
	resource: string;
	operation: string;
	fields: INodeProperties[];
	/** routing.request.url of the operation. */
	url: string;
}

export interface FuzzCase {
	resource: string;
	operation: string;
	kind: string;
	parameters: INodeParameters;
	items?: IDataObject[];
	auth: 'basic' | 'oauth';
	/** The input is invalid whatever Capillary says: the node must refuse it before sending. */
	mustFailLocally: boolean;
	/** Number of segments the request path must have (a `/` in a value must not add one). */
	pathSegments?: number;
}

const SKIP_TYPES = new Set(['notice', 'hidden', 'button', 'credentials', 'callout']);

/** Only the resource/operation condition: the field is visible with default parameters. */
function alwaysShown(field: INodeProperties): boolean {
	const show = field.displayOptions?.show ?? {};
	return Object.keys(show).every((k) => k === 'resource' || k === 'operation') && !field.displayOptions?.hide;
}

function plausible(field: INodeProperties): unknown {
	const name = field.name.toLowerCase();
	switch (field.type) {
		case 'string':
			if (name.includes('mobile') || name === 'identifiervalue' || name === 'v11identifiervalue') return '919111111111';
			if (name.endsWith('id') || name.endsWith('ids')) return '1001';
			return field.default !== '' && field.default !== undefined ? field.default : 'value-1';
		case 'number':
			return field.default !== 0 && field.default !== undefined ? field.default : 1;
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: '1001' };
		case 'json':
			return field.default && field.default !== '' ? field.default : '{}';
		case 'dateTime':
			return '2024-01-01T00:00:00';
		default:
			return field.default;
	}
}

export function pathParameterNames(url: string): string[] {
	return [...url.matchAll(/\$parameter\.(\w+)/g)].map((m) => m[1]);
}

function segmentsOf(url: string): number | undefined {
	if (!url) return undefined;
	return url
		.replace(/^=/, '')
		.replace(/\{\{[^}]*\}\}/g, 'X')
		.split('?')[0]
		.split('/')
		.filter(Boolean).length;
}

export function baseline(shape: OperationShape): INodeParameters {
	const parameters: INodeParameters = {};
	for (const field of shape.fields) {
		if (SKIP_TYPES.has(field.type) || parameters[field.name] !== undefined) continue;
		if (!alwaysShown(field) && !field.required) continue;
		parameters[field.name] = plausible(field) as INodeParameters[string];
	}
	if ('returnAll' in parameters) parameters.returnAll = false;
	if ('limit' in parameters) parameters.limit = 5;
	return parameters;
}

export function fuzzCases(shapes: OperationShape[]): FuzzCase[] {
	const cases: FuzzCase[] = [];
	let n = 0;
	for (const shape of shapes) {
		const base = baseline(shape);
		const fields = shape.fields.filter((f) => !SKIP_TYPES.has(f.type) && alwaysShown(f));
		const pathNames = pathParameterNames(shape.url);
		const segments = segmentsOf(shape.url);
		const add = (kind: string, patch: INodeParameters, mustFailLocally = false, items?: IDataObject[]) =>
			cases.push({
				resource: shape.resource,
				operation: shape.operation,
				kind,
				parameters: { ...base, ...patch },
				items,
				auth: n++ % 2 === 0 ? 'basic' : 'oauth',
				mustFailLocally,
				pathSegments: segments,
			});

		add('plausible input', {});

		const required = fields.filter((f) => f.required && ['string', 'number', 'resourceLocator', 'json'].includes(f.type));
		const firstRequired = required.find((f) => f.type === 'string') ?? required[0];
		if (firstRequired) {
			const empty = firstRequired.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: '={{ "" }}' } : '={{ "" }}';
			add(`required "${firstRequired.displayName}" empty by expression`, { [firstRequired.name]: empty }, true);
			add(`required "${firstRequired.displayName}" resolves to null`, { [firstRequired.name]: firstRequired.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: '={{ null }}' } : '={{ null }}' }, true);
			if (firstRequired.type === 'string') add(`required "${firstRequired.displayName}" literal empty`, { [firstRequired.name]: '' }, true);
		}

		const numberField = fields.find((f) => f.type === 'number' && f.name !== 'limit');
		if (numberField) add(`text in number field "${numberField.displayName}"`, { [numberField.name]: '={{ "abc" }}' }, true);

		for (const name of pathNames.slice(0, 1)) {
			const field = fields.find((f) => f.name === name) ?? shape.fields.find((f) => f.name === name);
			const asValue = (v: string) => (field?.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: v } : v);
			add(`number in path value "${name}"`, { [name]: asValue('={{ 12345 }}') });
			add(`traversal, query and fragment characters in "${name}"`, { [name]: asValue('../../v2/admin?x=1&y=2#frag') });
			add(`unicode, emoji and RTL text in "${name}"`, { [name]: asValue('مرحبا-😀-Ünïcødé/‏עברית') });
			add(`huge value (100 KB) in "${name}"`, { [name]: asValue('A'.repeat(100_000)) });
			add(`object from an expression in "${name}"`, { [name]: asValue('={{ $json.nested }}') }, true, [{ nested: { a: 1 } }]);
			add(`undefined from an expression in "${name}"`, { [name]: asValue('={{ $json.missing }}') }, true, [{}]);
		}
		// A dot segment in ANY path value would send the request to another endpoint: refused before sending.
		for (const name of pathNames) {
			const field = fields.find((f) => f.name === name) ?? shape.fields.find((f) => f.name === name);
			const asValue = (v: string) => (field?.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: v } : v);
			add(`dot segment ".." as path value "${name}"`, { [name]: asValue('..') }, true);
			add(`dot segment "." from an expression in "${name}"`, { [name]: asValue('={{ "." }}') }, true);
		}

		const queryString = fields.find((f) => f.type === 'string' && !pathNames.includes(f.name) && f.routing?.send?.type === 'query');
		if (queryString) add(`special characters in query value "${queryString.displayName}"`, { [queryString.name]: 'a&b=c?d#e/../😀' });

		const bodyString = fields.find((f) => f.type === 'string' && f.routing?.send?.type === 'body');
		if (bodyString) add(`huge body value (100 KB) in "${bodyString.displayName}"`, { [bodyString.name]: 'B'.repeat(100_000) });

		const jsonFieldTop = fields.find((f) => f.type === 'json');
		if (jsonFieldTop) add(`invalid JSON in "${jsonFieldTop.displayName}"`, { [jsonFieldTop.name]: '{"a": [1, 2' }, true);
		if (shape.fields.some((f) => f.name === 'bodyInput')) {
			add('invalid JSON in "Body (JSON)"', { bodyInput: 'json', bodyJson: '{"profiles": [' }, true);
			add('JSON body that is a bare number', { bodyInput: 'json', bodyJson: '42' });
		}

		const dateField = fields.find((f) => f.type === 'dateTime' || (f.type === 'string' && /date|time/i.test(f.name)));
		if (dateField) add(`date in a wrong format in "${dateField.displayName}"`, { [dateField.name]: '31/02/2024 25:61' });

		if ('returnAll' in base) {
			add('negative limit', { returnAll: false, limit: -5 }, true);
			add('non-integer limit', { returnAll: false, limit: 2.5 }, true);
		}
	}
	return cases;
}
