/**
 * Every operation through n8n's engine: the request the simulator received and the items produced.
 * Cases live in ./cases/<resource>.cases.ts; see case.ts.
 */
import { useCapillary } from '../harness/fixtures';
import type { ExpectedRequest } from './case';
import { loadCaseFiles } from './load-cases';

const files = loadCaseFiles();

describe.each(files)('$file', ({ cases, errors }) => {
	const capillary = useCapillary();

	const named = cases.map((c) => [`${c.resource} → ${c.operation}${c.title ? ` (${c.title})` : ''}`, c] as const);
	it.each(named)('%s', async (_name, c) => {
		const prepared = await c.setup?.(capillary.sim);
		capillary.sim.clearRequests();
		const items = c.items ?? (Array.isArray(prepared) ? prepared : undefined);
		const result = await capillary.run({ resource: c.resource, operation: c.operation, ...c.parameters }, { auth: c.auth, items, inputItems: c.inputItems });
		if (result.error) throw new Error(`${result.error.message}${result.error.description ? ` — ${result.error.description}` : ''}`);
		const received = capillary.sim.apiRequests();
		const expected: ExpectedRequest[] = Array.isArray(c.request) ? c.request : [c.request];
		expect(received.map((r) => `${r.method} ${r.path}`)).toEqual(expected.map((r) => `${r.method} ${r.path}`));
		expected.forEach((want, i) => {
			if (want.query) expect(received[i].query).toMatchObject(want.query);
			if (want.body !== undefined) expect(received[i].body).toMatchObject(want.body as object);
		});
		for (const item of result.items) expect(item.pairedItem).toBeDefined();
		c.output(result.json, capillary.sim, received);
	});

	const namedErrors = errors.map((e) => [`${e.resource} → ${e.operation}: ${e.title}`, e] as const);
	if (namedErrors.length) {
		it.each(namedErrors)('error: %s', async (_name, e) => {
			await e.setup?.(capillary.sim);
			const result = await capillary.run({ resource: e.resource, operation: e.operation, ...e.parameters });
			expect(result.error).toBeDefined();
			expect(result.error!.name).toMatch(/NodeApiError|NodeOperationError/);
			expect(result.error!.message).toMatch(e.message);
			if (e.description) expect(result.error!.description).toMatch(e.description);
			if (e.httpCode) expect(result.error!.httpCode).toBe(e.httpCode);
		});
	}
});
