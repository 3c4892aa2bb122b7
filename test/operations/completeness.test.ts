/**
 * Every operation of the built node has at least one engine case, and every resource at least
 * one error case; an operation added without a test fails here.
 */
import type { INodeProperties } from 'n8n-workflow';

import { actionNodeTypes } from '../harness/engine';
import { loadCaseFiles } from './load-cases';

async function builtOperations(): Promise<string[]> {
	const operations: string[] = [];
	for (const property of (await actionNodeTypes()).flatMap(({ type }) => type.description.properties as INodeProperties[])) {
		if (property.name !== 'operation') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const resource of resources) for (const option of property.options ?? []) operations.push(`${resource}:${(option as { value: string }).value}`);
	}
	return operations;
}

describe('test completeness', () => {
	const files = loadCaseFiles();
	const covered = new Set(files.flatMap((f) => f.cases.map((c) => `${c.resource}:${c.operation}`)));
	const erroring = new Set(files.flatMap((f) => f.errors.map((e) => e.resource)));

	it('has an engine case for every operation of the node', async () => {
		const missing = (await builtOperations()).filter((op) => !covered.has(op));
		expect(missing).toEqual([]);
	});

	it('has an error-envelope case for every resource', async () => {
		const resources = new Set((await builtOperations()).map((op) => op.split(':')[0]));
		const missing = [...resources].filter((r) => !erroring.has(r));
		expect(missing).toEqual([]);
	});

	it('cases name only operations that exist', async () => {
		const built = new Set(await builtOperations());
		const unknown = [...covered].filter((op) => !built.has(op));
		expect(unknown).toEqual([]);
	});
});
