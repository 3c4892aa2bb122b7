/**
 * The operation runner's building blocks against what they replace:
 * - every operation of the built node is in customOperations (none left to RoutingNode);
 * - every expression of the description evaluates as n8n's expression engine evaluates it;
 * - the request-building object operations equal lodash `set` / `merge` (what RoutingNode uses).
 * test/operations/equivalence.test.ts compares whole runs, case by case.
 */
import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { compileExpression } from '../../dist/nodes/Capillary/shared/expression';
import { mergeInto, setPath } from '../../dist/nodes/Capillary/shared/merge';
import { buildCustomOperations } from '../../dist/nodes/Capillary/shared/runner';
import { actionNodeTypes } from '../harness/engine';

// lodash is what n8n-core's RoutingNode builds requests with (installed with n8n-core; no types here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lodashSet = require('lodash/set') as (object: object, path: string, value: unknown) => object;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lodashMerge = require('lodash/merge') as (object: object, source: object) => object;

/** The description of every action node. */
async function descriptions(): Promise<INodeTypeDescription[]> {
	return (await actionNodeTypes()).map(({ type }) => type.description);
}

describe('customOperations completeness', () => {
	it('registers the runner for every operation of every action node', async () => {
		const missing: string[] = [];
		let operations = 0;
		const nodes = await actionNodeTypes();
		for (const { name, type } of nodes) {
			for (const property of type.description.properties) {
				if (property.name !== 'operation') continue;
				for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
					for (const option of property.options as Array<{ value: string }>) {
						operations++;
						if (typeof type.customOperations?.[resource]?.[option.value] !== 'function') missing.push(`${name} ${resource}:${option.value}`);
					}
				}
			}
		}
		expect(nodes.length).toBeGreaterThan(1);
		expect(operations).toBeGreaterThan(300);
		expect(missing).toEqual([]);
	});

	it('builds a plan for every operation (the reasons say what the runner would have to learn)', async () => {
		const unsupported = (await descriptions()).map((d) => buildCustomOperations(d).unsupported);
		expect(Object.assign({}, ...unsupported)).toEqual({});
	});
});

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

interface Found {
	expression: string;
	asString: boolean;
}

function expressionsOf(d: INodeTypeDescription): Found[] {
	const found = new Map<string, Found>();
	const add = (value: unknown, asString: boolean) => {
		if (typeof value === 'string' && value.startsWith('=')) found.set(`${asString}${value}`, { expression: value, asString });
	};
	const visit = (property: INodeProperties) => {
		const routing = property.routing;
		if (routing) {
			for (const value of Object.values(routing.request ?? {})) add(value, false);
			add(routing.send?.property, true);
			add(routing.send?.value, false);
		}
		for (const option of (property.options ?? []) as unknown[]) {
			const o = option as INodeProperties & { values?: INodeProperties[] };
			if (Array.isArray(o.values)) o.values.forEach(visit);
			else visit(o);
		}
	};
	d.properties.forEach(visit);
	for (const value of Object.values(d.requestDefaults ?? {})) add(value, false);
	return [...found.values()];
}

const VALUES: unknown[] = ['', 'abc', ' 12 ', '12', '007', 0, 5, -3.5, true, false, null, undefined, ['a', ' b', ''], [1, 2], 'a, b,,c', ' 3, x ,4', '2024-01-02T03:04:05Z', '2026-05-01', 'not a date', { x: 1 }];
const PARENTS: unknown[] = [{ name: 'city', type: 'customer' }, { name: 'x.y', type: 'other' }, {}];
const PARAMETER_VALUES: unknown[] = ['id', 'userId', 'mobile', 'COUPON_CODE', 'COUPON_ID', 'USER_ID', 'EMAIL', 'EXTERNAL_ID', '12', ' 7 ', true, false, 25, 'x/y z', ''];
const CREDENTIALS: IDataObject[] = [
	{ region: 'custom', url: ' http://127.0.0.1:9/// ' },
	{ region: 'https://eu.api.capillarytech.com', url: '' },
];

function parameterNames(expression: string): string[] {
	return [...new Set([...expression.matchAll(/\$parameter(?:\.(\w+)|\["(\w+)"\])/g)].map((m) => m[1] ?? m[2]))];
}

describe('description expressions', () => {
	it('each one gives what n8n’s expression engine gives, over a range of values', async () => {
		const byKey = new Map((await descriptions()).flatMap(expressionsOf).map((f) => [`${f.asString}${f.expression}`, f]));
		const found = [...byKey.values()];
		expect(found.length).toBeGreaterThan(100);
		const checked: string[] = [];
		for (const { expression, asString } of found) {
			const names = parameterNames(expression);
			const compiled = compileExpression(expression, asString);
			expect({ expression, compiled: typeof compiled }).toEqual({ expression, compiled: 'function' });
			for (let k = 0; k < VALUES.length; k++) {
				const parameters: IDataObject = {};
				names.forEach((name, i) => (parameters[name] = PARAMETER_VALUES[(k + i * 5) % PARAMETER_VALUES.length] as never));
				const keys = { $value: VALUES[k], $parent: PARENTS[k % PARENTS.length], $index: k % 3, $credentials: CREDENTIALS[k % 2], $version: 1 };
				const workflow = new Workflow({
					id: 'w',
					nodes: [{ id: '1', name: 'N', type: 'test.none', typeVersion: 1, position: [0, 0], parameters: parameters as never }],
					connections: {},
					active: false,
					nodeTypes: { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as never,
				});
				const theirs = workflow.expression.getParameterValue(expression, null, 0, 0, 'N', [{ json: {} }], 'manual', keys as never, undefined, asString);
				const mine = compiled!({ ...keys, parameter: (name) => parameters[name] });
				expect({ expression, value: VALUES[k], parameters, result: mine }).toEqual({ expression, value: VALUES[k], parameters, result: theirs });
			}
			checked.push(expression);
		}
		expect(checked).toHaveLength(found.length);
	});

	it('refuses syntax outside the subset instead of guessing (the operation then stays on RoutingNode)', () => {
		for (const expression of ['={{ $json.a }}', '={{ (() => { return 1 })() }}', '={{ `t${$value}` }}', '={{ $value.constructor }}', '={{ new Function("x") }}', '={{ [...$value] }}']) {
			expect({ expression, compiled: compileExpression(expression) }).toEqual({ expression, compiled: undefined });
		}
	});

	it('lets a failing $parameter expression fail, as n8n does', () => {
		const compiled = compileExpression('={{ $parameter.customerId }}')!;
		expect(() =>
			compiled({
				parameter: () => {
					throw new Error('expression of customerId failed');
				},
			}),
		).toThrow('expression of customerId failed');
		expect(compileExpression('={{ $value.nope.deeper }}')!({ $value: {}, parameter: () => undefined })).toBeUndefined();
	});
});

// ---------------------------------------------------------------------------------------------
// set / merge
// ---------------------------------------------------------------------------------------------

const SETS: Array<[string, unknown]> = [
	['a', 1],
	['a.b', 'x'],
	['list[2].name', 'n'],
	['list[0].value', { deep: [1, 2] }],
	['customFields.city', 'Pune'],
	['x-y', true],
	['0.z', 3],
	['root.items[1]', ['p', 'q']],
	['root.items[1]', undefined],
	['undefinedValue', undefined],
	['["quoted.key"].inner', 5],
	['__proto__.polluted', 1],
	['a.b.c', null],
];

describe('set and merge equal lodash', () => {
	it('set builds the same objects', () => {
		for (let start = 0; start < SETS.length; start++) {
			const mine: IDataObject = {};
			const theirs: IDataObject = {};
			for (const [path, value] of [...SETS.slice(start), ...SETS.slice(0, start)]) {
				setPath(mine, path, value);
				lodashSet(theirs, path, value);
			}
			expect(mine).toStrictEqual(theirs);
		}
		expect(({} as IDataObject).polluted).toBeUndefined();
	});

	it('merge of request fragments gives the same request', () => {
		const fragments = SETS.map(([path, value]) => ({ qs: {}, headers: { h: path }, body: lodashSet({}, path, value) as IDataObject }));
		fragments.push({ qs: { a: [1, 2, 3] } as never, headers: {} as never, body: { list: { 0: { extra: 1 } }, a: [9] } as never });
		fragments.push({ qs: { a: { b: 1 } } as never, headers: {} as never, body: Buffer.from('raw') as never });
		const mine: IDataObject = { qs: {}, body: {}, headers: { Accept: 'application/json' } };
		const theirs: IDataObject = { qs: {}, body: {}, headers: { Accept: 'application/json' } };
		for (const fragment of fragments) {
			mergeInto(mine, fragment as never);
			lodashMerge(theirs, fragment);
		}
		expect(mine).toStrictEqual(theirs);
	});
});
