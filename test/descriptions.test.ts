/**
 * Every property of every node says what it is for (issue 13): a field, an option inside a
 * collection, a value of a fixed collection. Notices are their own text and hidden fields are
 * never shown, so both are left out, and so
 * are n8n's Request Options collection of declarative nodes and its Batching option (n8n's text).
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage } from './harness/engine';

function undescribed(node: INodeTypeDescription): string[] {
	const missing: string[] = [];
	const visit = (properties: INodeProperties[], path: string) => {
		for (const property of properties) {
			if (path === 'requestOptions.' && property.name === 'batching') continue;
			const here = `${path}${property.name}`;
			// n8n replaces an action node's Request Options collection by its own (no description); its options are checked.
			const n8nCollection = path === '' && property.name === 'requestOptions' && property.isNodeSetting === true;
			if (property.type !== 'notice' && property.type !== 'hidden' && !property.description && !n8nCollection) {
				const show = property.displayOptions?.show;
				const scope = show?.resource ? ` [${String(show.resource)}: ${String(show.operation ?? '')}]` : '';
				missing.push(`${node.name} ${here}${scope}`);
			}
			for (const option of (property.options ?? []) as unknown[]) {
				const o = option as Partial<INodeProperties> & { values?: INodeProperties[] };
				if (Array.isArray(o.values)) visit(o.values, `${here}.${String(o.name)}.`);
				else if (o.type !== undefined) visit([o as INodeProperties], `${here}.`);
			}
		}
	};
	visit(node.properties, '');
	return missing;
}

describe('Request Options', () => {
	it("every node has one, on the Settings tab; on the action nodes n8n's options and the package's share it", async () => {
		const { nodeTypes } = await loadPackage();
		const shapes = Object.entries(nodeTypes).map(([name, { type }]) => {
			const found = type.description.properties.filter((p) => p.name === 'requestOptions');
			const names = found.flatMap((p) => ((p.options ?? []) as INodeProperties[]).map((o) => o.name));
			return { name, count: found.length, setting: found.every((p) => p.isNodeSetting === true), unique: new Set(names).size === names.length, names: new Set(names) };
		});
		for (const shape of shapes) expect({ name: shape.name, count: shape.count, setting: shape.setting, unique: shape.unique }).toEqual({ name: shape.name, count: 1, setting: true, unique: true });
		const customers = shapes.find((s) => s.name === 'capillaryCustomers')!;
		for (const option of ['batching', 'proxy', 'allowUnauthorizedCerts', 'timeout', 'maxConcurrency', 'maxRetries', 'retryDelay', 'maxPages']) expect(customers.names.has(option)).toBe(true);
	});
});

describe('property descriptions', () => {
	it('every property of every node has a description', async () => {
		const { nodeTypes } = await loadPackage();
		const missing = Object.values(nodeTypes).flatMap(({ type }) => undescribed(type.description));
		expect(Object.keys(nodeTypes).length).toBeGreaterThan(6);
		expect(missing).toEqual([]);
	});

	it('the check finds a property without a description', () => {
		const node = { name: 'probe', properties: [{ displayName: 'X', name: 'x', type: 'string', default: '' }] } as unknown as INodeTypeDescription;
		expect(undescribed(node)).toEqual(['probe x']);
	});
});
