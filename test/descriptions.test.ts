/**
 * Every property of every node says what it is for (issue 13): a field, an option inside a
 * collection, a value of a fixed collection. Notices are their own text and hidden fields are
 * never shown, so both are left out, and so
 * is the Request Options collection n8n adds to declarative nodes when it loads them (n8n's text).
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage } from './harness/engine';

function undescribed(node: INodeTypeDescription): string[] {
	const missing: string[] = [];
	const visit = (properties: INodeProperties[], path: string) => {
		for (const property of properties) {
			if (path === '' && property.name === 'requestOptions') continue;
			const here = `${path}${property.name}`;
			if (property.type !== 'notice' && property.type !== 'hidden' && !property.description) {
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
