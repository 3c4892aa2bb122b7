/**
 * Answers that deviate from the docs, for every operation: the simulator rewrites each reply of
 * every operation case (extra fields, missing fields, nulls, numbers as strings, empty lists, a
 * 2 MB list, a truncated body, an HTML 502 page). The node must turn each into items or a clear
 * NodeApiError — never an unhandled exception — and never report success for a failure.
 */
import type { SimReply } from '../simulator/http';
import { useCapillary } from '../harness/fixtures';
import { loadCaseFiles } from '../operations/load-cases';

type Mutation = { name: string; apply: (reply: SimReply) => SimReply; /** the result must be an error */ fails?: boolean };

function mapDeep(value: unknown, fn: (v: unknown, key: string) => unknown, key = ''): unknown {
	const mapped = fn(value, key);
	if (Array.isArray(mapped)) return mapped.map((v) => mapDeep(v, fn));
	if (mapped && typeof mapped === 'object') return Object.fromEntries(Object.entries(mapped).map(([k, v]) => [k, mapDeep(v, fn, k)]));
	return mapped;
}

const ENVELOPE = new Set(['status', 'success', 'code', 'message', 'errors', 'item_status', 'response']);
const withBody = (reply: SimReply, body: unknown): SimReply => ({ ...reply, body });

export const mutations: Mutation[] = [
	{ name: 'extra fields everywhere', apply: (r) => withBody(r, mapDeep(r.body, (v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as object), unexpectedField: { nested: [1, 'x'] } } : v))) },
	{ name: 'optional fields missing', apply: (r) => withBody(r, mapDeep(r.body, (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).filter(([k], i) => ENVELOPE.has(k) || i % 2 === 0)) : v))) },
	{ name: 'null where an object is expected', apply: (r) => withBody(r, mapDeep(r.body, (v, k) => (v && typeof v === 'object' && !ENVELOPE.has(k) && k !== '' ? null : v))) },
	{ name: 'numbers and booleans as strings', apply: (r) => withBody(r, mapDeep(r.body, (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v))) },
	{ name: 'empty lists', apply: (r) => withBody(r, mapDeep(r.body, (v, k) => (Array.isArray(v) && k !== 'errors' ? [] : v))) },
	{
		name: 'a 2 MB list',
		apply: (r) => {
			const filler = Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `entity-${i}`, note: 'x'.repeat(80) }));
			const body = r.body && typeof r.body === 'object' && !Array.isArray(r.body) ? { ...(r.body as object), data: filler } : filler;
			return withBody(r, body);
		},
	},
	{ name: 'truncated JSON body', apply: (r) => ({ status: r.status, raw: JSON.stringify(r.body ?? {}).slice(0, Math.max(1, Math.floor(JSON.stringify(r.body ?? {}).length / 2))), headers: { 'content-type': 'application/json' } }), fails: true },
	{ name: 'HTML 502 page', apply: () => ({ status: 502, raw: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', headers: { 'content-type': 'text/html' } }), fails: true },
];

describe('response robustness on every operation', () => {
	const capillary = useCapillary({ resetEach: false });
	const files = loadCaseFiles();
	const cases = files.flatMap((f) => f.cases);
	const errors = files.flatMap((f) => f.errors);

	it(`turns deviating answers into items or clear errors (${cases.length} cases × ${mutations.length} mutations)`, async () => {
		const problems: string[] = [];
		let runs = 0;
		for (const c of cases) {
			for (const mutation of mutations) {
				capillary.sim.reset('demo');
				const prepared = await c.setup?.(capillary.sim);
				const items = c.items ?? (Array.isArray(prepared) ? prepared : undefined);
				let mutated = 0;
				capillary.sim.responseMutator = (reply) => {
					if (reply.status >= 300 || reply.raw !== undefined) return reply;
					mutated++;
					return mutation.apply(reply);
				};
				const result = await capillary.run({ resource: c.resource, operation: c.operation, ...c.parameters, requestOptions: { maxRetries: 0 } }, { auth: c.auth, items, inputItems: c.inputItems });
				runs++;
				const label = `${c.resource}:${c.operation} [${mutation.name}]`;
				if (result.error && !/NodeApiError|NodeOperationError/.test(String(result.error.name))) problems.push(`${label}: ${result.error.name}: ${result.error.message}`);
				if (mutation.fails && mutated > 0 && !result.error) problems.push(`${label}: a broken answer was reported as success`);
				if (!result.error && result.items.some((i) => i.json === undefined || i.json === null || typeof i.json !== 'object')) problems.push(`${label}: an item without a JSON object`);
			}
		}
		expect(runs).toBe(cases.length * mutations.length);
		expect(problems).toEqual([]);
	}, 30 * 60_000);

	it(`still reports every error case as an error when Capillary writes numbers and booleans as strings (${errors.length} cases)`, async () => {
		const problems: string[] = [];
		for (const e of errors) {
			capillary.sim.reset('demo');
			await e.setup?.(capillary.sim);
			capillary.sim.responseMutator = (reply) => (reply.raw === undefined ? mutations[3].apply(reply) : reply);
			const result = await capillary.run({ resource: e.resource, operation: e.operation, ...e.parameters, requestOptions: { maxRetries: 0 } });
			if (!result.error) problems.push(`${e.resource}:${e.operation} (${e.title}): reported success`);
		}
		expect(problems).toEqual([]);
	}, 10 * 60_000);
});
