/**
 * `npm run screenshots`: pictures of the real n8n editor with this package, for the README.
 * Starts the demo stack (n8n 2.41.1 + simulator), opens the editor in Debian's headless Chromium
 * (apt-get install chromium) and saves PNGs into docs/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { ROOT } from './lib/n8n';
import { startStack, OAUTH_CREDENTIAL, TILL_CREDENTIAL } from './lib/stack';

const DOCS = join(ROOT, 'docs');
const WORKFLOW = 'capScreenshots001';

function screenshotWorkflow(): string {
	const workflow = {
		id: WORKFLOW,
		name: 'Capillary: a tour of the nodes',
		active: false,
		nodes: [
			{
				parameters: { event: 'rejectedTransaction', options: { timeZone: 'Asia/Kolkata' } },
				id: 'shot-trigger',
				name: 'Capillary Trigger',
				type: 'n8n-nodes-capillary.capillaryTrigger',
				typeVersion: 1,
				position: [0, 0],
				credentials: { capillaryApi: TILL_CREDENTIAL },
			},
			{
				parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.userId }}', source: 'INSTORE' },
				id: 'shot-capillary',
				name: 'Capillary Customers',
				type: 'n8n-nodes-capillary.capillaryCustomers',
				typeVersion: 1,
				position: [260, 0],
				credentials: { capillaryApi: TILL_CREDENTIAL },
			},
		],
		connections: { 'Capillary Trigger': { main: [[{ node: 'Capillary Customers', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const file = join(mkdtempSync(join(tmpdir(), 'capillary-shots-')), 'workflow.json');
	writeFileSync(file, JSON.stringify(workflow));
	return file;
}

async function openNode(page: Page, name: string) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"], [data-name="${name}"]`).first().dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'visible', timeout: 20_000 });
	await page.waitForTimeout(800);
}

/** Back to a clean canvas (reloading is more robust than closing the panel). */
async function closeNode(page: Page, url: string) {
	await page.goto(url);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1000);
}

async function openDropdown(page: Page, parameter: string) {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).first().click();
	await page.waitForTimeout(700);
}

async function main() {
	mkdirSync(DOCS, { recursive: true });
	const stack = await startStack({ version: '2.41.1', extraWorkflows: [screenshotWorkflow()], log: (l) => console.log(l) });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		const page = await context.newPage();
		await page.goto(`${stack.n8n.url}/signin`);
		await page.fill('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]', 'demo@example.com');
		await page.fill('input[type="password"]', 'Capillary-Demo-1');
		await page.keyboard.press('Enter');
		await page.waitForURL(/home|workflows/, { timeout: 30_000 });
		const workflowUrl = `${stack.n8n.url}/workflow/${WORKFLOW}`;
		await closeNode(page, workflowUrl);
		await page.screenshot({ path: join(DOCS, 'workflow.png') });

		await openNode(page, 'Capillary Customers');
		await page.screenshot({ path: join(DOCS, 'customer-get.png') });
		await openDropdown(page, 'resource');
		await page.screenshot({ path: join(DOCS, 'resource-picker.png') });
		await page.keyboard.press('Escape');
		await openDropdown(page, 'operation');
		await page.screenshot({ path: join(DOCS, 'operation-picker.png') });
		await page.keyboard.press('Escape');
		// The node-wide Request Options live on the Settings tab (isNodeSetting), with n8n's own.
		await page.locator('[data-test-id="ndv"]').getByText('Settings', { exact: true }).first().click();
		await page.locator('[data-test-id="ndv"]').getByText('Request Options', { exact: true }).first().waitFor({ timeout: 20_000 });
		await page.locator('[data-test-id="ndv"] [placeholder="Add Option"]:visible, [data-test-id="ndv"] .el-select__placeholder:visible').first().click();
		await page.waitForTimeout(700);
		await page.screenshot({ path: join(DOCS, 'request-options.png') });
		await page.keyboard.press('Escape');
		await closeNode(page, workflowUrl);

		await openNode(page, 'Capillary Trigger');
		await openDropdown(page, 'event');
		await page.screenshot({ path: join(DOCS, 'trigger-events.png') });
		await closeNode(page, workflowUrl);

		for (const [credential, file] of [
			[TILL_CREDENTIAL, 'credential-basic.png'],
			[OAUTH_CREDENTIAL, 'credential-oauth.png'],
		] as const) {
			await page.goto(`${stack.n8n.url}/home/credentials/${credential.id}`);
			await page.locator('[data-test-id="credential-edit-dialog"], [data-test-id="editCredential-modal"]').first().waitFor({ timeout: 20_000 });
			await page.waitForTimeout(1500);
			await page.screenshot({ path: join(DOCS, file) });
			if (credential === TILL_CREDENTIAL) {
				await page.locator('[data-test-id="parameter-input-region"]').first().click();
				await page.waitForTimeout(700);
				await page.screenshot({ path: join(DOCS, 'credential-regions.png') });
			}
			await page.keyboard.press('Escape');
		}
		console.log(`screenshots written to ${DOCS}`);
	} finally {
		await browser.close();
		await stack.stop();
	}
}

void main().catch((error) => {
	console.error(error);
	process.exit(1);
});
