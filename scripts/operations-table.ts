/**
 * Writes the README's table of resources and operations from the BUILT node, so the README never
 * drifts from the code. `npm run docs` (after a build); test/docs.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const ROOT = join(__dirname, '..');
const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

export function operationsTable(): string {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Capillary } = require(join(ROOT, 'dist/nodes/Capillary/Capillary.node.js')) as { Capillary: new () => { description: { properties: INodeProperties[] } } };
	const properties = new Capillary().description.properties;
	const resources = (properties.find((p) => p.name === 'resource')!.options ?? []) as INodePropertyOptions[];
	const lines: string[] = [];
	let total = 0;
	for (const resource of resources) {
		const operationProperty = properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(String(resource.value)));
		const operations = (operationProperty?.options ?? []) as INodePropertyOptions[];
		total += operations.length;
		const cells = operations.map((o) => {
			const request = o.routing?.request as { method?: string; url?: string } | undefined;
			const path = String(request?.url ?? '')
				.replace(/^=/, '')
				.replace(/\{\{encodeURIComponent\(\$parameter\.(\w+)\)\}\}/g, '{$1}');
			return `${o.name} <sub>\`${request?.method ?? 'GET'} ${path}\`</sub>`;
		});
		lines.push(`| **${resource.name}** | ${cells.join('<br>')} |`);
	}
	return [`${resources.length} resources, ${total} operations.`, '', '| Resource | Operations (method and path) |', '| --- | --- |', ...lines].join('\n');
}

/** The error codes the node explains, with the message and advice a user sees. */
export function errorsTable(): string {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { KNOWN_CODES, describeProblem } = require(join(ROOT, 'dist/nodes/Capillary/shared/errors.js')) as {
		KNOWN_CODES: Record<string, { message: string; hint: string }>;
		describeProblem: (p: { httpCode: number; code: string; message: string; kind: string }, c: { accessGroup?: string }) => { message: string; description: string };
	};
	const rows = Object.entries(KNOWN_CODES).map(([code, known]) => {
		const { message, description } = describeProblem({ httpCode: 400, code, message: known.message, kind: 'v2 errors' }, {});
		return `| ${code} | ${message} | ${description} |`;
	});
	return ['| Code | The node says | What to check |', '| --- | --- | --- |', ...rows].join('\n');
}

function replaceBetween(text: string, start: string, end: string, content: string): string {
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	if (a < 0 || b < 0) throw new Error(`README.md needs the markers ${start} and ${end}`);
	return `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`;
}

export function readmeWithTable(readme: string): string {
	const withOperations = replaceBetween(readme, START, END, operationsTable());
	return replaceBetween(withOperations, '<!-- errors:start -->', '<!-- errors:end -->', errorsTable());
}

if (require.main === module) {
	const file = join(ROOT, 'README.md');
	writeFileSync(file, readmeWithTable(readFileSync(file, 'utf8')));
	console.log('README.md operations table updated');
}
