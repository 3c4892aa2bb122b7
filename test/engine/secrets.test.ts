/**
 * Secrets never leak: every operation case is run again with credentials holding distinctive
 * secrets (password, its MD5, the Basic header, client secret, minted tokens), on success and on
 * failure paths, and output items, errors (message, description, cause, context) and everything
 * written to the console and n8n's logger are scanned for them.
 */
import { createHash } from 'node:crypto';
import { format } from 'node:util';

import { basicCredentials, oauthCredentials, useCapillary } from '../harness/fixtures';
import { loadCaseFiles } from '../operations/load-cases';
import type { RunResult } from '../harness/engine';
import { faultReplies } from '../simulator/faults';
import { setEventNotifications, settleWebhooks } from '../simulator/resources/eventNotification';
import { createEventTrigger } from '../harness/webhook';

const PASSWORD = 'Pw-SECRET-9c1f-e5b0';
const CLIENT_SECRET = 'CS-SECRET-77aa-31d4';
const TILL = 'secret.till';
const CLIENT = 'secret-client';
const MD5 = createHash('md5').update(PASSWORD).digest('hex');
const BASIC = Buffer.from(`${TILL}:${MD5}`).toString('base64');

/** Everything reachable from a value, including non-enumerable error fields. */
function dump(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || typeof value !== 'object') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	const keys = new Set([...Object.keys(value), ...Object.getOwnPropertyNames(value)]);
	if (value instanceof Error) ['message', 'description', 'cause', 'stack', 'context', 'messages', 'errorResponse'].forEach((k) => keys.add(k));
	return [...keys].map((k) => `${k}:${dump((value as Record<string, unknown>)[k], seen)}`).join('|');
}

describe('secrets never leak', () => {
	const capillary = useCapillary();
	let captured: string[] = [];
	const restore: Array<() => void> = [];

	beforeAll(() => {
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void captured.push(format(...args)));
			restore.push(() => spy.mockRestore());
		}
		for (const stream of [process.stdout, process.stderr]) {
			const original = stream.write.bind(stream);
			stream.write = ((chunk: unknown, ...rest: unknown[]) => {
				captured.push(String(chunk));
				return original(chunk as string, ...(rest as []));
			}) as typeof stream.write;
			restore.push(() => (stream.write = original));
		}
	});
	afterAll(() => restore.forEach((r) => r()));

	beforeEach(() => {
		captured = [];
		capillary.sim.auth.config.tills.set(TILL, MD5);
		capillary.sim.auth.config.clients.set(CLIENT, CLIENT_SECRET);
	});

	function secrets(): string[] {
		return [PASSWORD, MD5, BASIC, CLIENT_SECRET, ...capillary.sim.auth.tokens.keys()];
	}

	function expectClean(results: RunResult[]) {
		const haystack = [...results.map((r) => dump(r.items) + dump(r.error) + dump(r.run?.data?.resultData)), ...captured].join('\n');
		for (const secret of secrets()) expect(haystack).not.toContain(secret);
	}

	const basic = () => basicCredentials(capillary.sim, { username: TILL, password: PASSWORD });
	const oauth = () => oauthCredentials(capillary.sim, { clientId: CLIENT, clientSecret: CLIENT_SECRET });

	const allCases = loadCaseFiles().flatMap((f) => f.cases);

	it('the scanner finds a secret hidden in an error cause or a log line (so the checks below can fail)', () => {
		const planted = new Error('outer', { cause: Object.assign(new Error('inner'), { description: `x${MD5}y` }) });
		expect(dump(planted)).toContain(MD5);
		captured.push(`debug: token ${CLIENT_SECRET}`);
		expect(() => expectClean([])).toThrow();
		captured = [];
	});

	it(`runs all ${allCases.length} operation cases with both credential types: no secret in output or logs`, async () => {
		const results: RunResult[] = [];
		for (const c of allCases) {
			for (const auth of ['basic', 'oauth'] as const) {
				capillary.sim.reset('demo');
				capillary.sim.auth.config.tills.set(TILL, MD5);
				capillary.sim.auth.config.clients.set(CLIENT, CLIENT_SECRET);
				const prepared = await c.setup?.(capillary.sim);
				const items = c.items ?? (Array.isArray(prepared) ? prepared : undefined);
				results.push(await capillary.run({ resource: c.resource, operation: c.operation, ...c.parameters }, { auth, items, inputItems: c.inputItems, credentials: auth === "oauth" ? oauth() : basic() }));
			}
		}
		expect(results.length).toBe(allCases.length * 2);
		expectClean(results);
	}, 20 * 60_000);

	it('failure paths: wrong password, wrong secret, server error pages, expired tokens, network errors', async () => {
		const lookup = { resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE', requestOptions: { maxRetries: 0 } };
		const results: RunResult[] = [];
		results.push(await capillary.run(lookup, { credentials: basicCredentials(capillary.sim, { username: TILL, password: `${PASSWORD}-wrong` }) }));
		results.push(await capillary.run(lookup, { auth: 'oauth', credentials: oauthCredentials(capillary.sim, { clientId: CLIENT, clientSecret: `${CLIENT_SECRET}-wrong` }) }));
		capillary.sim.faults.add({ path: '/v2/customers/lookup', times: 1, ...faultReplies.html502() });
		results.push(await capillary.run(lookup, { credentials: basic() }));
		const first = await capillary.run(lookup, { auth: 'oauth', credentials: oauth() });
		capillary.sim.auth.expireAll();
		results.push(first, await capillary.run(lookup, { auth: 'oauth', credentials: oauth(), credentialsHelper: first.credentialsHelper }));
		capillary.sim.faults.add({ path: '/v2/customers/lookup', dropConnection: true });
		results.push(await capillary.run(lookup, { credentials: basic() }), await capillary.run(lookup, { auth: 'oauth', credentials: oauth() }));
		results.push(await capillary.run(lookup, { credentials: basicCredentials(capillary.sim, { username: TILL, password: PASSWORD, url: 'http://127.0.0.1:9' }) }));
		results.push(await capillary.run(lookup, { auth: 'oauth', credentials: oauthCredentials(capillary.sim, { clientId: CLIENT, clientSecret: CLIENT_SECRET, url: 'http://127.0.0.1:9' }) }));
		expect(results.map((r) => (r.error ? "error" : "ok"))).toEqual(["error", "error", "error", "ok", "ok", "error", "error", "error", "error"]);
		expectClean(results);
	});

	it('Capillary Event Trigger: its webhook secret and the credentials never reach items, answers, errors or logs', async () => {
		const webhookSecrets = () =>
			capillary.sim.requests
				.map((r) => ((r.body as { webHookHeaders?: Record<string, string> } | undefined)?.webHookHeaders ?? {})['X-N8n-Capillary-Secret'])
				.filter((v): v is string => typeof v === 'string' && v !== '');
		const seen: string[] = [];
		const haystack: string[] = [];
		for (const auth of ['basic', 'oauth'] as const) {
			const credentials: Record<string, ReturnType<typeof basic>> = auth === 'oauth' ? { capillaryOAuthApi: oauth() } : { capillaryApi: basic() };
			const parameters = { authentication: auth === 'oauth' ? 'oAuth' : 'basicAuth', events: ['customerAdded', 'transactionAdded'], options: { fetchEntity: true }, requestOptions: { maxRetries: 0 } };
			const t = await createEventTrigger({ parameters, credentials });
			try {
				await t.activate();
				await t.activate('test');
				capillary.sim.state.addCustomer({ profile: { firstName: 'Sec', identifiers: [{ type: 'mobile', value: `91966600000${auth === 'oauth' ? 1 : 2}` }] } });
				await settleWebhooks(capillary.sim);
				const secret = String((t.staticData().production as { secret: string }).secret);
				await t.call({ eventId: `wrong-${auth}`, eventName: 'customerAdded', data: {} }, { 'x-n8n-capillary-secret': `${secret.slice(0, -1)}0` });
				await t.call({ eventId: `gone-${auth}`, eventName: 'customerAdded', data: { customerIdentifiers: { customerId: 424242 } } }, { 'x-n8n-capillary-secret': secret });
				expect(t.executions().length).toBeGreaterThanOrEqual(2);
				await t.deactivate('test');
				await t.deactivate();
				// Failure paths of the setup calls: access denied, Event Notifications disabled, Capillary unreachable.
				const errors: unknown[] = [];
				capillary.sim.faults.add({ path: /^\/v3\/webHooks/, times: 1, ...faultReplies.accessDenied() });
				errors.push(await t.activate().catch((e: unknown) => e));
				setEventNotifications(capillary.sim, { enabled: false });
				errors.push(await t.activate().catch((e: unknown) => e));
				setEventNotifications(capillary.sim, { enabled: true });
				capillary.sim.faults.add({ path: /^\/v3\/webHooks/, dropConnection: true });
				errors.push(await t.activate().catch((e: unknown) => e));
				capillary.sim.faults.clear();
				expect(errors.every((e) => e instanceof Error)).toBe(true);
				haystack.push(dump(t.deliveries), dump(errors));
			} finally {
				await t.close();
			}
			seen.push(...webhookSecrets());
		}
		expect(seen.length).toBeGreaterThanOrEqual(6);
		const all = [...haystack, ...captured].join('\n');
		for (const secret of [...secrets(), ...seen]) expect(all).not.toContain(secret);
	});
});
