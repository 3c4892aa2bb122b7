/**
 * `npm run editor-timing`: how the Capillary action nodes feel in the real n8n editor, side by side
 * with n8n's HubSpot node, in one browser session.
 *
 * - In Node: each node's description size (JSON length) and the time of n8n-workflow's
 *   `NodeHelpers.getNodeParameters` on its properties (what the editor runs on every parameter
 *   change), over its (resource, operation) pairs. Capillary descriptions come from the built dist,
 *   HubSpot's from the n8n install's nodes-base.
 * - In the editor (n8n 2.41.1 + simulator, Debian's headless Chromium): each node is opened from the
 *   canvas `--rounds` times (the nodes interleaved, so a load spike hits all of them alike) and its
 *   Resource and Operation switched `--n` times per opening, alternately. Per step: the time from the
 *   user's click to the moment the new value is shown and the main thread has gone quiet, and the
 *   main thread's long tasks (PerformanceObserver 'longtask') in that time.
 *
 * Node names, resources and operations are read from the descriptions, not written here.
 *
 *   npm run editor-timing -- [--n 10] [--rounds 3] [--out /tmp/x.json] [--version 2.41.1] [--node-only]
 *                            [--only Loyalty,HubSpot] [--profile /tmp/dir] [--variants]
 * --only: the nodes whose names contain one of these words. --profile: a CPU profile of the page
 * (Chrome DevTools format) per node and opening, to see where the editor spends a switch.
 * --variants: also each node with one thing changed (see scripts/lib/editor-variants.ts).
 * Needs chromium (apt-get install chromium; or CHROMIUM=/path/to/chrome).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { chromium, type Page } from 'playwright-core';

import { type VariantSource, writeVariants } from './lib/editor-variants';
import { ensureN8n, ROOT } from './lib/n8n';
import { startStack, TILL_CREDENTIAL } from './lib/stack';

interface Options {
	n: number;
	rounds: number;
	out: string;
	version: string;
	nodeOnly: boolean;
	only: string[];
	profile?: string;
	variants: boolean;
}

function parseArgs(argv: string[]): Options {
	const value = (flag: string) => {
		const i = argv.indexOf(flag);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	return {
		n: Number(value('--n') ?? 10),
		rounds: Number(value('--rounds') ?? 3),
		out: value('--out') ?? join(tmpdir(), `capillary-editor-timing-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
		version: value('--version') ?? '2.41.1',
		nodeOnly: argv.includes('--node-only'),
		only: (value('--only') ?? '').split(',').filter(Boolean),
		profile: value('--profile'),
		variants: argv.includes('--variants'),
	};
}

interface Choice {
	name: string;
	value: string;
}

interface NodeUnderTest {
	/** Display name, also the node's name on the canvas. */
	label: string;
	type: string;
	typeVersion: number;
	description: INodeTypeDescription;
	resources: Choice[];
	/** Operations per resource value, and the operation each resource opens on. */
	operations: Record<string, Choice[]>;
	defaultOperation: Record<string, string>;
	credentials?: Record<string, { id: string; name: string }>;
	/** The built file and class of a Capillary node (for --variants). */
	source?: VariantSource;
}

const median = (xs: number[]) => {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function choicesOf(description: INodeTypeDescription): Pick<NodeUnderTest, 'resources' | 'operations' | 'defaultOperation'> {
	const resourceProperty = description.properties.find((p) => p.name === 'resource' && p.type === 'options');
	const resources = ((resourceProperty?.options ?? []) as Choice[]).map(({ name, value }) => ({ name, value: String(value) }));
	const operations: Record<string, Choice[]> = {};
	const defaultOperation: Record<string, string> = {};
	for (const resource of resources) {
		const property = description.properties.find(
			(p: INodeProperties) => p.name === 'operation' && ((p.displayOptions?.show?.resource as string[] | undefined) ?? []).includes(resource.value),
		);
		operations[resource.value] = ((property?.options ?? []) as Choice[]).map(({ name, value }) => ({ name, value: String(value) }));
		defaultOperation[resource.value] = String(property?.default ?? operations[resource.value][0]?.value ?? '');
	}
	return { resources, operations, defaultOperation };
}

/** This package's action nodes (those with a Resource), from package.json and the built dist. */
function capillaryNodes(): NodeUnderTest[] {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; n8n: { nodes: string[] } };
	const nodes: NodeUnderTest[] = [];
	for (const entry of pkg.n8n.nodes) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(ROOT, entry)) as Record<string, new () => { description: INodeTypeDescription }>;
		const className = basename(entry, '.node.js');
		const description = new module[className]().description;
		if (description.group.includes('trigger') || !description.properties.some((p) => p.name === 'resource')) continue;
		nodes.push({
			label: description.displayName,
			type: `${pkg.name}.${description.name}`,
			typeVersion: Array.isArray(description.version) ? Math.max(...description.version) : description.version,
			description,
			...choicesOf(description),
			credentials: { capillaryApi: TILL_CREDENTIAL },
			source: { label: description.displayName, file: join(ROOT, entry), className },
		});
	}
	return nodes;
}

const HUBSPOT_FILE = 'node_modules/n8n-nodes-base/dist/nodes/Hubspot/Hubspot.node.js';

/** n8n's HubSpot node (its default version) from the n8n install the editor runs. */
function hubspotNode(installDir: string): NodeUnderTest {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Hubspot } = require(join(installDir, HUBSPOT_FILE)) as {
		Hubspot: new () => { description: { defaultVersion: number }; nodeVersions: Record<string, { description: INodeTypeDescription }> };
	};
	const versioned = new Hubspot();
	const version = versioned.description.defaultVersion;
	const description = versioned.nodeVersions[String(version)].description;
	return { label: description.displayName, type: 'n8n-nodes-base.hubspot', typeVersion: version, description, ...choicesOf(description) };
}

interface NodeHelpersModule {
	NodeHelpers: {
		getNodeParameters: (properties: INodeProperties[], values: object, returnDefaults: boolean, returnOnlyMandatory: boolean, node: object, description: object) => unknown;
	};
}

/**
 * Median time of one `getNodeParameters(properties, {resource, operation}, true, false, node,
 * description)` call — the arguments the editor passes when a parameter changes — over every
 * (resource, operation) pair, after one warm-up pass.
 */
function timeGetNodeParameters(workflow: NodeHelpersModule, node: NodeUnderTest): { medianMs: number; calls: number } {
	const pairs = node.resources.flatMap((r) => node.operations[r.value].map((o) => ({ resource: r.value, operation: o.value })));
	const call = (parameters: { resource: string; operation: string }) =>
		workflow.NodeHelpers.getNodeParameters(
			node.description.properties,
			parameters,
			true,
			false,
			{ id: 'timing', name: node.label, type: node.type, typeVersion: node.typeVersion, position: [0, 0], parameters },
			node.description,
		);
	pairs.forEach(call);
	const samples: number[] = [];
	const deadline = Date.now() + 3000;
	while (samples.length < 200 || (samples.length < 2000 && Date.now() < deadline)) {
		const parameters = pairs[samples.length % pairs.length];
		const start = process.hrtime.bigint();
		call(parameters);
		samples.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	return { medianMs: median(samples), calls: samples.length };
}

// ---------------------------------------------------------------------------------------------
// The editor

/** The little of the DOM the page functions below use (this project type-checks without the DOM lib). */
interface PageElement {
	querySelector(selector: string): PageElement | null;
	querySelectorAll(selector: string): ArrayLike<PageElement>;
	innerText?: string;
	value?: string;
	offsetParent?: unknown;
}
interface PageCap {
	longTasks: Array<{ start: number; duration: number }>;
	armed: string;
	t0: number;
}
interface PageWindow {
	__cap: PageCap;
	document: PageElement;
	requestAnimationFrame(callback: () => void): number;
	addEventListener(type: string, listener: (event: { timeStamp: number }) => void, capture: boolean): void;
	PerformanceObserver: new (callback: (list: { getEntries(): Array<{ startTime: number; duration: number }> }) => void) => { observe(options: { type: string; buffered: boolean }): void };
}

/**
 * Installed before n8n's scripts: long tasks, and the time of the user's click that starts a step.
 * `__name`: tsx compiles this file with esbuild's keepNames, which wraps named functions inside the
 * page functions in `__name(…)`; the page has no such helper.
 */
const PAGE_PROBE = `window.__name = (fn) => fn; (${(() => {
	const w = globalThis as unknown as PageWindow;
	const cap: PageCap = { longTasks: [], armed: '', t0: -1 };
	w.__cap = cap;
	new w.PerformanceObserver((list) => {
		for (const entry of list.getEntries()) cap.longTasks.push({ start: entry.startTime, duration: entry.duration });
	}).observe({ type: 'longtask', buffered: true });
	for (const type of ['click', 'dblclick']) {
		w.addEventListener(
			type,
			(event) => {
				if (cap.armed === type && cap.t0 < 0) cap.t0 = event.timeStamp;
			},
			true,
		);
	}
}).toString()})();`;

interface StepTiming {
	/** Click to "shown and quiet": the later of the new value on screen and the end of the last long task. */
	ms: number;
	/** Click to the new value (or the panel) on screen. */
	shownMs: number;
	longTaskMs: number;
	longTasks: number;
	/** What was selected ("Resource → Operation" after the step). */
	target?: string;
}

/**
 * Waits in the page for the step started by the next `event` (click/dblclick) to finish: `ready`
 * true and no long task for `quietMs`. Start it before the click.
 */
async function measureStep(page: Page, event: 'click' | 'dblclick', ready: { kind: 'ndv' } | { kind: 'value'; parameter: string; name: string; also?: string }, quietMs = 500): Promise<StepTiming> {
	return await page.evaluate(
		async ({ event, ready, quietMs }) => {
			const w = globalThis as unknown as PageWindow;
			const cap = w.__cap;
			cap.armed = event;
			cap.t0 = -1;
			const shownValue = (parameter: string) => {
				const root = w.document.querySelector(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]`);
				if (!root) return [];
				return Array.from(root.querySelectorAll('input'))
					.map((input) => (input.value ?? '').trim())
					.concat((root.innerText ?? '').split('\n').map((line) => line.trim()));
			};
			const isReady = () => {
				if (ready.kind === 'ndv') {
					const ndv = w.document.querySelector('[data-test-id="ndv"]');
					return !!ndv && ndv.offsetParent !== null && !!ndv.querySelector('[data-test-id="parameter-input-resource"]') && !!ndv.querySelector('[data-test-id="parameter-input-operation"]');
				}
				if (!shownValue(ready.parameter).includes(ready.name)) return false;
				return !ready.also || !!w.document.querySelector(`[data-test-id="ndv"] [data-test-id="parameter-input-${ready.also}"]`);
			};
			const started = performance.now();
			return await new Promise<{ ms: number; shownMs: number; longTaskMs: number; longTasks: number }>((resolve, reject) => {
				let shownAt = -1;
				const tick = () => {
					const now = performance.now();
					if (now - started > 90_000) return reject(new Error(`step did not finish: ${JSON.stringify(ready)}`));
					if (cap.t0 >= 0) {
						if (shownAt < 0 && isReady()) shownAt = now;
						const tasks = cap.longTasks.filter((t) => t.start >= cap.t0 - 1);
						const lastEnd = tasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
						const doneAt = Math.max(shownAt, lastEnd);
						if (shownAt >= 0 && now - doneAt >= quietMs) {
							const counted = tasks.filter((t) => t.start <= doneAt);
							cap.armed = '';
							return resolve({ ms: doneAt - cap.t0, shownMs: shownAt - cap.t0, longTaskMs: counted.reduce((s, t) => s + t.duration, 0), longTasks: counted.length });
						}
					}
					w.requestAnimationFrame(tick);
				};
				w.requestAnimationFrame(tick);
			});
		},
		{ event, ready, quietMs },
	);
}

/** Waits until the page has had no long task for `quietMs` (after a load or reload). */
async function settle(page: Page, quietMs = 1500): Promise<void> {
	await page.waitForFunction(
		(quiet) => {
			const w = globalThis as unknown as PageWindow;
			const lastEnd = w.__cap.longTasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
			return performance.now() - lastEnd > quiet && w.document.querySelectorAll('[data-test-id="canvas-node"]').length > 0;
		},
		quietMs,
		{ timeout: 120_000, polling: 200 },
	);
}

async function selectOption(page: Page, parameter: string, name: string, also?: string): Promise<StepTiming> {
	await page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]`).first().click();
	const option = page.locator('.el-select-dropdown__item:visible').filter({ has: page.getByText(name, { exact: true }) }).first();
	await option.waitFor({ state: 'visible', timeout: 30_000 });
	await page.waitForTimeout(300);
	const timing = measureStep(page, 'click', { kind: 'value', parameter, name, also });
	await option.click();
	return await timing;
}

interface EditorSamples {
	open: StepTiming[];
	resourceSwitch: StepTiming[];
	operationSwitch: StepTiming[];
}

/** One opening of a node's panel and `n` alternating Resource / Operation switches. */
async function exerciseNode(page: Page, workflowUrl: string, node: NodeUnderTest, n: number, round: number, samples: EditorSamples): Promise<void> {
	await page.goto(workflowUrl);
	await settle(page);
	const opened = measureStep(page, 'dblclick', { kind: 'ndv' });
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${node.label}"]`).first().dblclick();
	samples.open.push({ ...(await opened), target: 'open' });

	let resourceIndex = Math.max(0, node.resources.findIndex((r) => r.value === String(node.description.properties.find((p) => p.name === 'resource')?.default)));
	let operation = node.defaultOperation[node.resources[resourceIndex].value];
	for (let step = 0; step < n; step++) {
		const resource = node.resources[resourceIndex];
		const operations = node.operations[resource.value];
		if (step % 2 === 0 || operations.length < 2) {
			// Each round starts at another resource (never the one shown), so the rounds together visit more of them.
			resourceIndex = (resourceIndex + 1 + (step === 0 ? round % Math.max(1, node.resources.length - 1) : 0)) % node.resources.length;
			const next = node.resources[resourceIndex];
			operation = node.defaultOperation[next.value];
			const opName = node.operations[next.value].find((o) => o.value === operation)?.name ?? operation;
			samples.resourceSwitch.push({ ...(await selectOption(page, 'resource', next.name, 'operation')), target: `${next.name} → ${opName}` });
		} else {
			const current = operations.findIndex((o) => o.value === operation);
			const next = operations[(current + 1 + ((step * 5 + round) % (operations.length - 1))) % operations.length];
			samples.operationSwitch.push({ ...(await selectOption(page, 'operation', next.name)), target: `${resource.name} → ${next.name}` });
			operation = next.value;
		}
	}
}

function editorWorkflow(id: string, nodes: NodeUnderTest[]): string {
	const workflow = {
		id,
		name: 'Editor timing',
		active: false,
		nodes: nodes.map((node, i) => ({
			parameters: {},
			id: `timing-${i}`,
			name: node.label,
			type: node.type,
			typeVersion: node.typeVersion,
			position: [(i % 4) * 260, Math.floor(i / 4) * 220],
			...(node.credentials ? { credentials: node.credentials } : {}),
		})),
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	const file = join(mkdtempSync(join(tmpdir(), 'capillary-editor-timing-')), 'workflow.json');
	writeFileSync(file, JSON.stringify(workflow));
	return file;
}

async function measureEditor(options: Options, nodes: NodeUnderTest[], customExtensions?: string): Promise<Map<string, EditorSamples>> {
	const workflowId = 'capEditorTiming01';
	const stack = await startStack({
		version: options.version,
		extraWorkflows: [editorWorkflow(workflowId, nodes)],
		log: (l) => console.log(l),
		...(customExtensions ? { env: { N8N_CUSTOM_EXTENSIONS: customExtensions } } : {}),
	});
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
	});
	const results = new Map<string, EditorSamples>(nodes.map((node) => [node.label, { open: [], resourceSwitch: [], operationSwitch: [] }]));
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		await context.addInitScript({ content: PAGE_PROBE });
		const page = await context.newPage();
		// Leaving a changed workflow asks "leave the page?": yes.
		page.on('dialog', (dialog) => void dialog.accept());
		await page.goto(`${stack.n8n.url}/signin`);
		await page.fill('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]', 'demo@example.com');
		await page.fill('input[type="password"]', 'Capillary-Demo-1');
		await page.keyboard.press('Enter');
		await page.waitForURL(/home|workflows/, { timeout: 60_000 });
		const workflowUrl = `${stack.n8n.url}/workflow/${workflowId}`;
		// A first visit warms the browser's caches for every node alike.
		await page.goto(workflowUrl);
		await settle(page);
		for (let round = 0; round < options.rounds; round++) {
			for (const node of nodes) {
				console.log(`round ${round + 1}/${options.rounds}: ${node.label}`);
				try {
					const profiler = options.profile ? await context.newCDPSession(page) : undefined;
					if (profiler) {
						await profiler.send('Profiler.enable');
						await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
						await profiler.send('Profiler.start');
					}
					await exerciseNode(page, workflowUrl, node, options.n, round, results.get(node.label)!);
					if (profiler) {
						const { profile } = await profiler.send('Profiler.stop');
						mkdirSync(options.profile!, { recursive: true });
						writeFileSync(join(options.profile!, `${node.label.replace(/\W+/g, '-')}-${round + 1}.cpuprofile`), JSON.stringify(profile));
						await profiler.detach();
					}
				} catch (error) {
					const shot = join(tmpdir(), `editor-timing-failure-${Date.now()}.png`);
					await page.screenshot({ path: shot }).catch(() => undefined);
					throw new Error(`${node.label}, round ${round + 1}: ${(error as Error).message} (screenshot ${shot})`);
				}
			}
		}
	} finally {
		await browser.close();
		await stack.stop();
	}
	return results;
}

// ---------------------------------------------------------------------------------------------

interface Row {
	node: string;
	type: string;
	resources: number;
	actions: number;
	topLevelProperties: number;
	descriptionBytes: number;
	getNodeParametersMs: number;
	panelOpenMs?: number;
	switchMs?: number;
	resourceSwitchMs?: number;
	operationSwitchMs?: number;
	longTaskMsPerSwitch?: number;
	samples?: EditorSamples;
}

const fmt = (x: number | undefined, digits = 0) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

function table(rows: Row[], reference: Row | undefined): string {
	const ratio = (x: number | undefined, ref: number | undefined) => (x === undefined || !ref ? '' : ` (${(x / ref).toFixed(2)}×)`);
	const lines = [
		'| Node | Resources | Actions | Description KB | getNodeParameters ms | Panel open ms | Switch ms | Resource switch ms | Operation switch ms | Long tasks ms per switch |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
	];
	for (const row of rows) {
		lines.push(
			`| ${row.node} | ${row.resources} | ${row.actions} | ${fmt(row.descriptionBytes / 1024)} | ${fmt(row.getNodeParametersMs, 2)} | ` +
				`${fmt(row.panelOpenMs)}${ratio(row.panelOpenMs, reference?.panelOpenMs)} | ${fmt(row.switchMs)}${ratio(row.switchMs, reference?.switchMs)} | ` +
				`${fmt(row.resourceSwitchMs)} | ${fmt(row.operationSwitchMs)} | ${fmt(row.longTaskMsPerSwitch)} |`,
		);
	}
	return lines.join('\n');
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const installed = ensureN8n(options.version, (l) => console.log(l));
	const nodes = [...capillaryNodes(), hubspotNode(installed.installDir)].filter((node) => !options.only.length || options.only.some((word) => node.label.includes(word)));
	let customExtensions: string | undefined;
	if (options.variants) {
		const hubspot = nodes.some((node) => node.type === 'n8n-nodes-base.hubspot') ? join(installed.installDir, HUBSPOT_FILE) : undefined;
		const { dir, variants } = writeVariants(nodes.flatMap((node) => (node.source ? [node.source] : [])), hubspot);
		customExtensions = dir;
		for (const variant of variants) {
			const { label, type, description } = variant;
			nodes.push({ label, type, typeVersion: Number(description.version), description, ...choicesOf(description), ...(variant.capillary ? { credentials: { capillaryApi: TILL_CREDENTIAL } } : {}) });
		}
	}
	// The editor's own n8n-workflow (the install's), so the timing is of the code the editor runs.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const workflowModule = require(join(installed.installDir, 'node_modules/n8n-workflow')) as NodeHelpersModule;

	const rows: Row[] = nodes.map((node) => ({
		node: node.label,
		type: node.type,
		resources: node.resources.length,
		actions: Object.values(node.operations).reduce((s, ops) => s + ops.length, 0),
		topLevelProperties: node.description.properties.length,
		descriptionBytes: Buffer.byteLength(JSON.stringify(node.description)),
		getNodeParametersMs: timeGetNodeParameters(workflowModule, node).medianMs,
	}));

	if (!options.nodeOnly) {
		const samples = await measureEditor(options, nodes, customExtensions);
		for (const row of rows) {
			const s = samples.get(row.node)!;
			const switches = [...s.resourceSwitch, ...s.operationSwitch];
			Object.assign(row, {
				panelOpenMs: median(s.open.map((t) => t.ms)),
				switchMs: median(switches.map((t) => t.ms)),
				resourceSwitchMs: median(s.resourceSwitch.map((t) => t.ms)),
				operationSwitchMs: median(s.operationSwitch.map((t) => t.ms)),
				longTaskMsPerSwitch: median(switches.map((t) => t.longTaskMs)),
				samples: s,
			});
		}
	}

	const reference = rows.find((r) => r.type === 'n8n-nodes-base.hubspot');
	const report = {
		date: new Date().toISOString(),
		n8n: options.version,
		switchesPerOpening: options.n,
		rounds: options.rounds,
		machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
		rows,
	};
	writeFileSync(options.out, JSON.stringify(report, null, 2));
	console.log(`\nn8n ${options.version}, ${options.rounds} openings × ${options.n} switches per node, medians; ratios against ${reference?.node ?? 'HubSpot'}`);
	console.log(table(rows, reference));
	console.log(`\nload average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores; JSON written to ${options.out}`);
}

void main().catch((error) => {
	console.error(error);
	process.exit(1);
});
