/**
 * Bad input on EVERY operation, generated from the built action nodes' descriptions (operations added
 * later are covered without extra work). For each operation and each kind of bad input the node
 * must: finish (no crash, no hang); either succeed or fail with a NodeOperationError/NodeApiError
 * that names the parameter or carries Capillary's code; send nothing when the input is locally
 * invalid; and keep every path value inside its path segment (URL-encoded).
 */
import type { INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { actionNodeTypes } from '../harness/engine';
import { useCapillary } from '../harness/fixtures';
import { fuzzCases, type FuzzCase, type OperationShape } from './generate';

interface Outcome {
	operation: string;
	kind: string;
	verdict: 'success' | 'local error' | 'api error';
}

async function operationShapes(): Promise<OperationShape[]> {
	const shapes: OperationShape[] = [];
	for (const { type } of await actionNodeTypes()) shapes.push(...shapesOf(type.description.properties as INodeProperties[]));
	return shapes;
}

/** The operations of one action node, each with the fields shown for it. */
function shapesOf(properties: INodeProperties[]): OperationShape[] {
	const shapes: OperationShape[] = [];
	for (const operationProperty of properties.filter((p) => p.name === 'operation')) {
		const resource = (operationProperty.displayOptions!.show!.resource as string[])[0];
		for (const option of (operationProperty.options ?? []) as INodePropertyOptions[]) {
			const operation = String(option.value);
			const fields = properties.filter((p) => {
				const show = p.displayOptions?.show;
				return p.name !== 'operation' && (show?.resource as string[] | undefined)?.includes(resource) && (show?.operation as string[] | undefined)?.includes(operation);
			});
			const url = String((option.routing?.request as { url?: string } | undefined)?.url ?? '');
			shapes.push({ resource, operation, fields, url });
		}
	}
	return shapes;
}

describe('fuzzing every operation with bad input', () => {
	const capillary = useCapillary({ resetEach: false });
	const outcomes: Outcome[] = [];
	let cases: FuzzCase[] = [];

	beforeAll(async () => {
		cases = fuzzCases(await operationShapes());
	});

	afterAll(() => {
		const operations = new Set(outcomes.map((o) => o.operation)).size;
		const tally = outcomes.reduce<Record<string, number>>((t, o) => ((t[o.verdict] = (t[o.verdict] ?? 0) + 1), t), {});
		// The count the hardening issue asks for: operations × cases run.
		console.log(`fuzz: ${operations} operations × bad-input kinds = ${outcomes.length} runs (${JSON.stringify(tally)})`);
	});

	it('generates cases for every operation of the node', async () => {
		const shapes = await operationShapes();
		expect(shapes.length).toBeGreaterThan(10);
		const covered = new Set(cases.map((c) => `${c.resource}:${c.operation}`));
		expect(shapes.filter((s) => !covered.has(`${s.resource}:${s.operation}`))).toEqual([]);
	});

	it('every operation × every kind of bad input: finishes, explains, sends nothing when invalid, encodes paths', async () => {
		const problems: string[] = [];
		for (const c of cases) {
			capillary.sim.reset('demo');
			const parameters: INodeParameters = { resource: c.resource, operation: c.operation, ...c.parameters, requestOptions: { maxRetries: 0 } };
			let timer: NodeJS.Timeout | undefined;
			const result = await Promise.race([
				capillary.run(parameters, { items: c.items, auth: c.auth }),
				new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), 30_000))),
			]).finally(() => clearTimeout(timer));
			const label = `${c.resource}:${c.operation} [${c.kind}]`;
			if (result === 'hang') {
				problems.push(`${label}: did not finish`);
				// A few hangs say enough; stop before the test's own timeout hides them.
				if (problems.filter((problem) => problem.endsWith('did not finish')).length >= 3) break;
				continue;
			}
			const requests = capillary.sim.apiRequests();
			for (const request of requests) {
				const expectedSegments = c.pathSegments;
				const segments = request.path.split('/').filter(Boolean).length;
				if (expectedSegments !== undefined && segments !== expectedSegments) problems.push(`${label}: path ${request.path} has ${segments} segments, expected ${expectedSegments}`);
			}
			if (!result.error) {
				outcomes.push({ operation: `${c.resource}:${c.operation}`, kind: c.kind, verdict: 'success' });
				if (c.mustFailLocally) problems.push(`${label}: accepted input that should have been refused locally`);
				continue;
			}
			const { name, message } = result.error;
			if (!/NodeApiError|NodeOperationError|WorkflowHasIssuesError|ExpressionError/.test(String(name))) problems.push(`${label}: unexpected error type ${name}: ${message}`);
			const local = /^Parameter "|parameter|No binary data|needs the Org ID|is required|not valid JSON|must be/i.test(message) && !/^Capillary error/.test(message);
			const api = /^Capillary error \w+|request to Capillary at/.test(message);
			if (!local && !api) problems.push(`${label}: error neither names a parameter nor carries a Capillary code: "${message}"`);
			if (local && requests.length > 0) problems.push(`${label}: refused locally ("${message}") but sent ${requests.length} request(s)`);
			if (c.mustFailLocally && !local) problems.push(`${label}: expected a local refusal, got "${message}"`);
			outcomes.push({ operation: `${c.resource}:${c.operation}`, kind: c.kind, verdict: local ? 'local error' : 'api error' });
		}
		expect(problems).toEqual([]);
	}, 30 * 60_000);
});
