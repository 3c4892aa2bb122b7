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

export function readmeWithTable(readme: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < 0) throw new Error(`README.md needs the markers ${START} and ${END}`);
	return `${readme.slice(0, start + START.length)}\n${operationsTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
	const file = join(ROOT, 'README.md');
	writeFileSync(file, readmeWithTable(readFileSync(file, 'utf8')));
	console.log('README.md operations table updated');
}
