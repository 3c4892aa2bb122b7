/**
 * `npm run editor-timing -- --variants`: the nodes under test with one thing changed, so one browser
 * session measures what a design change would save before anyone makes it.
 *
 * - "<node> without Authentication": the Capillary node minus its Authentication dropdown (till
 *   credential only): the cost of the one field every operation shows.
 * - "HubSpot + N hidden fields": HubSpot with N string fields no operation shows, N bringing it to
 *   the property count of the largest Capillary node measured: the cost of properties that are
 *   never rendered.
 *
 * n8n loads them as custom nodes (N8N_CUSTOM_EXTENSIONS, package "CUSTOM"): small files that
 * require the built node, or n8n-nodes-base's HubSpot, and change its description.
 */
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

export interface VariantSource {
	label: string;
	/** The built node file (absolute) and its class. */
	file: string;
	className: string;
}

export interface Variant {
	label: string;
	type: string;
	description: INodeTypeDescription;
	/** Whether the variant takes the Capillary till credential. */
	capillary: boolean;
}

const load = (file: string, className: string) =>
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	new (require(file) as Record<string, new () => { description: INodeTypeDescription }>)[className]().description;

function writeNode(dir: string, className: string, iconFrom: string, body: string): string {
	const folder = mkdtempSync(join(dir, `${className}-`));
	for (const icon of readdirSync(iconFrom).filter((f) => f.endsWith('.svg'))) copyFileSync(join(iconFrom, icon), join(folder, icon));
	const file = join(folder, `${className}.node.js`);
	writeFileSync(file, `"use strict";\n${body}\nexports.${className} = ${className};\n`);
	return file;
}

/** Writes the variant nodes into a new folder; returns it (for N8N_CUSTOM_EXTENSIONS) and the variants. */
export function writeVariants(capillary: VariantSource[], hubspotFile: string | undefined): { dir: string; variants: Variant[] } {
	const dir = mkdtempSync(join(tmpdir(), 'capillary-editor-variants-'));
	const variants: Variant[] = [];
	let largest = 0;
	for (const source of capillary) {
		largest = Math.max(largest, load(source.file, source.className).properties.length);
		const className = `${source.className}NoAuthentication`;
		const label = `${source.label} without Authentication`;
		const file = writeNode(
			dir,
			className,
			dirname(source.file),
			`const { ${source.className}: Base } = require(${JSON.stringify(source.file)});
class ${className} extends Base {
	constructor() {
		super();
		const d = this.description;
		this.description = { ...d, name: ${JSON.stringify(className.charAt(0).toLowerCase() + className.slice(1))}, displayName: ${JSON.stringify(label)}, defaults: { name: ${JSON.stringify(label)} },
			credentials: [{ name: 'capillaryApi', required: true }], properties: d.properties.filter((p) => p.name !== 'authentication') };
	}
}`,
		);
		const description = load(file, className);
		variants.push({ label, type: `CUSTOM.${description.name}`, description, capillary: true });
	}
	if (hubspotFile) {
		const className = 'HubspotHiddenFields';
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Hubspot } = require(hubspotFile) as { Hubspot: new () => { description: { defaultVersion: number }; nodeVersions: Record<string, { description: INodeTypeDescription }> } };
		const versioned = new Hubspot();
		const own = versioned.nodeVersions[String(versioned.description.defaultVersion)].description.properties.length;
		const hidden = Math.max(0, largest - own);
		const label = `HubSpot + ${hidden} hidden fields`;
		const file = writeNode(
			dir,
			className,
			dirname(hubspotFile),
			`const { Hubspot } = require(${JSON.stringify(hubspotFile)});
class ${className} {
	constructor() {
		const versioned = new Hubspot();
		const version = versioned.description.defaultVersion;
		const inner = versioned.nodeVersions[String(version)];
		const hidden = Array.from({ length: ${hidden} }, (_, i) => ({ displayName: 'Hidden ' + i, name: 'hidden' + i, type: 'string', default: '', description: 'Never shown',
			displayOptions: { show: { resource: ['contact'], operation: ['never' + i] } } }));
		this.description = { ...inner.description, version, name: 'hubspotHiddenFields', displayName: ${JSON.stringify(label)}, defaults: { name: ${JSON.stringify(label)} },
			properties: [...inner.description.properties, ...hidden] };
		this.methods = inner.methods;
	}
}`,
		);
		variants.push({ label, type: 'CUSTOM.hubspotHiddenFields', description: load(file, className), capillary: false });
	}
	return { dir, variants };
}
