/**
 * `npm run demo`: the package in a real n8n against the local Capillary simulator, in one command.
 * Installs n8n into .cache/ on first use, imports the example workflows, runs them and says what
 * they did. `--keep` (or `npm run demo:open`) leaves n8n running and prints the editor URL.
 *   --keep              keep n8n and the simulator running until Ctrl+C
 *   --n8n-version X     2.41.1 (default) or 1.123.81
 *   --port N            n8n port (default 5678)   --sim-port N   simulator port (default 8787)
 */
import { join } from 'node:path';

import { settleWebhooks } from '../test/simulator/resources/eventNotification';
import { OWNER, ROOT } from './lib/n8n';
import { examples, startStack, type Example, type Stack } from './lib/stack';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 && argv[i + 1] ? argv[i + 1] : (process.env[`DEMO_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
};
const keep = argv.includes('--keep');
const version = option('n8n-version', '2.41.1');

const started = Date.now();
const step = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}`);
const money = (n: unknown) => Number(n).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** One line per example: what the workflow did, from its output. */
function summarise(name: string, output: Record<string, Array<Record<string, unknown>>>): string {
	const first = (node: string) => output[node]?.[0] ?? {};
	if (name.includes('order')) {
		const customer = first('Register or Update Customer');
		const bill = first('Add Transaction');
		const balance = first('Points Balance');
		const order = first('Order');
		return `registered or updated customer ${String(customer.entityId)} (${String(order.firstName)} ${String(order.lastName)}), added transaction ${String(order.orderId)} of ${money(order.amount)} (transaction ${String(bill.createdId)}), balance now ${String(balance.totalPoints ?? balance.mainPoints)} points`;
	}
	if (name.includes('coupon')) {
		const series = first('Create Coupon Series');
		const coupon = first('Issue Coupon');
		const redeemed = first('Redeem Coupon');
		return `created coupon series ${String(series.id)} ("${String(series.description)}"), issued coupon ${String(coupon.code)} to customer ${String((coupon.customer as { id?: unknown } | undefined)?.id ?? '')}, redeemed it (status ${String((redeemed.redemptionStatus as { message?: unknown } | undefined)?.message ?? 'ok')})`;
	}
	if (name.includes('rejected')) {
		const alert = first('Compose Alert');
		return `the trigger's test event: ${String(alert.alert)}`;
	}
	if (name.includes('thank-you SMS')) {
		const sms = first('Send Thank-You SMS');
		return `Capillary pushed transactionAdded, the workflow looked up the customer and sent SMS ${String(sms.id ?? '')} to ${String(sms.to ?? '')}`;
	}
	if (name.includes('sync')) {
		const rows = output['Map to CRM Fields'] ?? [];
		return `synced ${rows.length} customers (${rows.map((r) => String(r.name)).join(', ')})`;
	}
	return `nodes ran: ${Object.keys(output).join(', ')}`;
}

/** A webhook-triggered example: activate it, make Capillary raise the event, return the execution. */
async function runOnEvent(stack: Stack, example: Example) {
	const before = (await stack.n8n.executions(example.id)).length;
	await stack.n8n.activate(example.id);
	try {
		// n8n 2.x registers the webhook in the background after activation.
		for (let i = 0; i < 60 && !stack.sim.state.collection('webhookAccounts').size; i++) await new Promise((r) => setTimeout(r, 500));
		const tom = stack.sim.state.findCustomer('mobile', '919111111111');
		stack.sim.state.addTransaction({ number: `DEMO-${Date.now()}`, type: 'REGULAR', customerId: tom?.id, amount: 750, billingTime: '2026-01-10 10:00:00', lineItems: [], paymentModes: [], extendedFields: {}, customFields: {}, notes: '', storeCode: 'store.server', source: 'v2' });
		await settleWebhooks(stack.sim);
		for (let i = 0; i < 60; i++) {
			const runs = (await stack.n8n.executions(example.id)).filter((e) => e.status !== 'running' && e.status !== 'new');
			if (runs.length > before) return await stack.n8n.execution(runs.sort((a, b) => Number(b.id) - Number(a.id))[0].id);
			await new Promise((r) => setTimeout(r, 500));
		}
		return { id: '', status: 'no execution', mode: 'webhook', output: {}, raw: null };
	} finally {
		await stack.n8n.deactivate(example.id);
	}
}

async function main() {
	step(`building done; starting the demo with n8n ${version} (first run installs n8n into .cache/, a few minutes)`);
	let stack: Stack | undefined;
	const stop = async () => {
		await stack?.stop();
	};
	process.on('SIGINT', () => void stop().then(() => process.exit(130)));
	process.on('SIGTERM', () => void stop().then(() => process.exit(143)));
	try {
		stack = await startStack({
			version,
			simPort: Number(option('sim-port', '8787')),
			n8nPort: Number(option('port', '5678')),
			userFolder: join(ROOT, '.cache', `demo-n8n-${version}`),
			log: step,
		});
		let failures = 0;
		for (const example of examples()) {
			const result = example.json.nodes.some((n) => n.type.endsWith('capillaryEventTrigger'))
				? await runOnEvent(stack, example)
				: await stack.n8n.runWorkflow(example.id, example.startNode);
			if (result.status !== 'success') {
				failures++;
				step(`✗ ${example.name}: ${result.status}${result.error ? ` — ${result.error}` : ''}`);
				continue;
			}
			step(`✓ ${example.name}: ${summarise(example.name, result.output)}`);
		}
		step(`the simulator received ${stack.sim.apiRequests().length} Capillary API calls`);
		if (keep) {
			console.log(`\nn8n is running: ${stack.n8n.url}  (login ${OWNER.email} / ${OWNER.password})`);
			console.log(`Capillary simulator: ${stack.sim.url}  (try GET ${stack.sim.url}/__sim/requests)`);
			console.log('Open the example workflows from the overview page. Ctrl+C stops everything.');
			await new Promise(() => undefined);
		}
		await stop();
		process.exit(failures ? 1 : 0);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		await stop();
		process.exit(1);
	}
}

void main();
