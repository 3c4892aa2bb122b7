import { createHash } from 'node:crypto';

import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { DEFAULT_TILL } from '../../simulator/auth';
import type { JsonObject } from '../../simulator/http';
import { defineBehaviouralEvent, pushBehaviouralEvent } from '../../simulator/resources/behaviouralEvent';
import type { Simulator } from '../../simulator/server';

const TOM = '919111111111';
const RITA = '919222222222';

const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const bool = (value: boolean) => ({ valueType: 'Boolean', value: String(value) });

/** The StoreVisit definition most cases start from: customer (by mobile, auto-enrol), store, visit ID. */
const STORE_VISIT: JsonObject = {
	eventName: 'StoreVisit',
	actions: ['EMFConsumer'],
	description: 'A customer walked into a store',
	fields: [
		{ name: 'customer', type: 'customer', attributes: { addCustomerIfNotExists: bool(true), identifierType: { valueType: 'ENUM', value: 'mobile' } } },
		{ name: 'storeName', type: 'string', attributes: { isRequired: bool(true) } },
		{ name: 'visitId', type: 'string', attributes: { isRequired: bool(false) } },
	],
};

function define(sim: Simulator, body: JsonObject = STORE_VISIT): JsonObject {
	const result = defineBehaviouralEvent(sim, body);
	if ('error' in result) throw new Error(JSON.stringify(result.error.body));
	return result.definition;
}

/** Calls the simulator directly (as another system would), with the default till's Basic auth. */
async function simCall(sim: Simulator, method: string, url: string, body?: unknown): Promise<{ status: number; headers: Headers; json: JsonObject }> {
	const md5 = createHash('md5').update(DEFAULT_TILL.password).digest('hex');
	const response = await fetch(url.startsWith('http') ? url : `${sim.url}${url}`, {
		method,
		headers: { Authorization: `Basic ${Buffer.from(`${DEFAULT_TILL.username}:${md5}`).toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, headers: response.headers, json: (await response.json()) as JsonObject };
}

const DAY = 86_400_000;
/** 2026-01-10 00:00:00 in the org's time zone (+05:30). */
const JAN_10 = Date.parse('2026-01-10T00:00:00+05:30');

export const cases: OperationCase[] = [
	{
		resource: 'behaviouralEvent',
		operation: 'create',
		parameters: {
			eventName: 'StoreVisit',
			actions: ['EMFConsumer', 'EIConsumer'],
			fieldsInput: 'fields',
			eventFields: {
				field: [
					{ name: 'customer', type: 'customer', addCustomerIfNotExists: true, identifierType: 'mobile', isRequired: true },
					{ name: 'storeName', type: 'string', isRequired: true },
					{ name: 'visitId', type: 'string', isRequired: true, isUniqueKeyField: true },
				],
			},
			additionalFields: { description: 'A customer walked into a store' },
		},
		request: {
			method: 'POST',
			path: '/v2/events',
			body: {
				eventName: 'StoreVisit',
				actions: ['EMFConsumer', 'EIConsumer'],
				description: 'A customer walked into a store',
				fields: [
					{ name: 'customer', type: 'customer', attributes: { isRequired: bool(true), addCustomerIfNotExists: bool(true), identifierType: { valueType: 'ENUM', value: 'mobile' } } },
					{ name: 'storeName', type: 'string', attributes: { isRequired: bool(true) } },
					{ name: 'visitId', type: 'string', attributes: { isRequired: bool(true), isUniqueKeyField: bool(true) } },
				],
			},
		},
		output: (items, sim, requests) => {
			// Customer-only attributes are left off other fields; unset flags are not sent.
			const fields = (requests[0].body as { fields: Array<{ attributes: object }> }).fields;
			expect(fields[1].attributes).toEqual({ isRequired: bool(true) });
			expect(items).toEqual([{ warnings: [] }]);
			const stored = sim.state.collection('behaviouralEvents').get('storevisit')!;
			expect(stored).toMatchObject({ eventName: 'StoreVisit', actions: ['EMFConsumer', 'EIConsumer'], status: 'UNPUBLISHED', eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
			expect([...sim.state.collection('behaviouralEventAuditLogs').values()]).toEqual([expect.objectContaining({ eventName: 'StoreVisit', updatedType: 'CREATE' })]);
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'create',
		title: 'fields as JSON',
		auth: 'oauth',
		parameters: {
			eventName: 'AppLogin',
			actions: ['EIConsumer'],
			fieldsInput: 'json',
			fieldsJson: JSON.stringify([{ name: 'customer', type: 'customer', attributes: { identifierType: { valueType: 'ENUM', value: 'email' } } }, { name: 'device', type: 'string' }]),
		},
		request: {
			method: 'POST',
			path: '/v2/events',
			body: { eventName: 'AppLogin', actions: ['EIConsumer'], fields: [{ name: 'customer', type: 'customer' }, { name: 'device', type: 'string' }] },
		},
		output: (_items, sim) => {
			expect(sim.state.collection('behaviouralEvents').get('applogin')).toMatchObject({ eventName: 'AppLogin', fields: [expect.anything(), { name: 'device', type: 'string' }] });
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'update',
		setup: (sim) => void define(sim),
		parameters: {
			eventName: byList('StoreVisit'),
			actions: ['EMFConsumer'],
			fieldsInput: 'json',
			fieldsJson: JSON.stringify([{ name: 'customer', type: 'customer' }, { name: 'spend', type: 'double', attributes: { isRequired: bool(false) } }]),
			additionalFields: { description: 'Visit with spend' },
		},
		request: {
			method: 'PUT',
			path: '/v2/events',
			body: { eventName: 'StoreVisit', actions: ['EMFConsumer'], description: 'Visit with spend', fields: [{ name: 'customer' }, { name: 'spend', type: 'double' }] },
		},
		output: (_items, sim) => {
			const stored = sim.state.collection('behaviouralEvents').get('storevisit')!;
			expect((stored.fields as JsonObject[]).map((f) => f.name)).toEqual(['customer', 'spend']);
			expect(stored.description).toBe('Visit with spend');
			expect([...sim.state.collection('behaviouralEventAuditLogs').values()].map((a) => a.updatedType)).toEqual(['CREATE', 'UPDATE']);
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getMany',
		auth: 'oauth',
		setup: (sim) => {
			define(sim);
			define(sim, { eventName: 'AppLogin', actions: ['EIConsumer'], fields: [{ name: 'customer', type: 'customer' }] });
		},
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/events' },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({ eventName: 'StoreVisit', actions: ['EMFConsumer'], status: 'UNPUBLISHED', standardEvent: false, fields: ['customer (customer)', 'storeName (string)', 'visitId (string)'] }),
				expect.objectContaining({ eventName: 'AppLogin', fields: ['customer (customer)'] }),
			]);
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'get',
		setup: (sim) => {
			define(sim, { eventName: 'AppLogin', actions: ['EIConsumer'] });
			return [{ eventId: define(sim).eventId as string }];
		},
		parameters: { eventId: byId('={{ $json.eventId }}'), simplify: false },
		request: { method: 'GET', path: '/v2/events' },
		output: (items, sim, requests) => {
			const id = sim.state.collection('behaviouralEvents').get('storevisit')!.eventId;
			expect(requests[0].query).toEqual({ id });
			expect(items).toEqual([expect.objectContaining({ clickEventsMeta: expect.objectContaining({ eventId: id, eventName: 'StoreVisit' }), transformerMappings: expect.any(Object) })]);
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getRunningStatus',
		setup: (sim) => {
			define(sim);
			const pushed = pushBehaviouralEvent(sim, { event_name: 'StoreVisit', customer: TOM, storeName: 'Indiranagar' });
			return [{ requestId: pushed.id }];
		},
		parameters: { eventId: '={{ $json.requestId }}' },
		request: { method: 'GET', path: '/v2/events/running_status' },
		output: (items, _sim, requests) => {
			expect(requests[0].query.eventId).toMatch(/^[0-9a-f-]{36}$/);
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ id: requests[0].query.eventId, eventName: 'StoreVisit' });
			const states = (items[0].stateList as Array<{ status: string }>).map((s) => s.status);
			expect(states[0]).toBe('EVENT_PROCESSING_STARTED');
			expect(states).toContain('EVENT_CONSUMER_STARTED');
			expect(states[states.length - 1]).toBe('EVENT_PROCESSING_FINISHED');
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getCustomerEvents',
		auth: 'oauth',
		setup: (sim) => {
			define(sim);
			pushBehaviouralEvent(sim, { event_name: 'StoreVisit', customer: TOM, storeName: 'Indiranagar', visitId: 'V1' });
			pushBehaviouralEvent(sim, { event_name: 'StoreVisit', customer: RITA, storeName: 'Koramangala' });
			pushBehaviouralEvent(sim, { event_name: 'StoreVisit', customer: TOM, storeName: 'Whitefield' });
		},
		parameters: { userId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/events/event_data/1001' },
		output: (items, sim) => {
			expect(items).toHaveLength(2);
			expect(items.map((i) => (i.additonalAttributes as JsonObject).storename)).toEqual(['Whitefield', 'Indiranagar']);
			expect(items[0]).toMatchObject({ userId: 1001, eventName: 'StoreVisit', eventId: expect.any(String) });
			// EMFConsumer events reach loyalty: the customer's loyalty events show them.
			expect(sim.state.customers.get(1001)!.loyaltyEvents.filter((e) => e.eventName === 'StoreVisit')).toHaveLength(2);
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'createWebhook',
		parameters: { transformerType: 'WebEngageTransformer', tillCode: 'store.till1', additionalFields: { uniquenessCheckEnabled: true, authEnabled: true, authMechanism: 'Basic' } },
		request: {
			method: 'POST',
			path: '/v2/events/webhook',
			body: { transformerType: 'WebEngageTransformer', tillCode: 'store.till1', uniquenessCheckEnabled: true, authEnabled: true, authMechanism: 'Basic' },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ transformerType: 'WebEngageTransformer', tillCode: 'store.till1', uniquenessCheckEnabled: true, authEnabled: true })]);
			expect(items[0].webHookUri).toMatch(new RegExp(`^${sim.url}/webhooks/[0-9a-f]{32}$`));
			expect(sim.state.collection('behaviouralEventWebhooks').size).toBe(1);
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getAuditLogs',
		setup: async (sim) => {
			define(sim);
			const update = await simCall(sim, 'PUT', '/v2/events', { ...STORE_VISIT, actions: ['EMFConsumer', 'EIConsumer'] });
			expect(update.status).toBe(200);
		},
		parameters: { eventName: byList('StoreVisit'), returnAll: true },
		request: { method: 'GET', path: '/v2/events/audit_logs', query: { eventName: 'StoreVisit' } },
		output: (items) => {
			expect(items.map((i) => i.updatedType)).toEqual(['UPDATE', 'CREATE']);
			expect(items[0]).toMatchObject({ eventName: 'StoreVisit', requestId: expect.any(String), valueHistory: [expect.objectContaining({ value: expect.stringContaining('"EMFConsumer"]') }), expect.objectContaining({ value: expect.stringContaining('EIConsumer') })] });
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getLogs',
		title: 'event data posted to the webhook URL, Return All',
		setup: async (sim) => {
			define(sim);
			const webhook = await simCall(sim, 'POST', '/v2/events/webhook', { transformerType: 'WebEngageTransformer', tillCode: 'store.till1' });
			const uri = String(webhook.json.webHookUri);
			const first = await simCall(sim, 'POST', uri, { event_name: 'StoreVisit', customer: TOM, storeName: 'Indiranagar' });
			expect(first.json).toEqual({ status: { code: 1100, message: 'Event pushed to transformation state' } });
			expect(first.headers.get('x-cap-hydra-request-id')).toMatch(/^[0-9a-f-]{36}$/);
			await simCall(sim, 'POST', uri, { event_name: 'StoreVisit', storeName: 'Indiranagar' });
			await simCall(sim, 'POST', uri, { event_name: 'NoSuchEvent', customer: TOM });
		},
		parameters: { eventName: byList(''), returnAll: true },
		request: { method: 'GET', path: '/v2/events/logs', query: { limit: '100' } },
		output: (items, sim, requests) => {
			expect(requests[0].query.event_name).toBeUndefined();
			expect(items.map((i) => i.status)).toEqual(['INVALID_EVENT_NAME', 'NO_CUSTOMER_DETAILS_PASSED', 'EVENT_SUCCESS']);
			const webhookId = [...sim.state.collection('behaviouralEventWebhooks').keys()][0];
			expect(items[2]).toMatchObject({ eventName: 'StoreVisit', webhookId, message: 'Event processed successfully', parentOrgId: -1, startTime: expect.any(Number), id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
			expect(JSON.parse(String(items[2].inputRequest))).toEqual({ event_name: 'StoreVisit', customer: TOM, storeName: 'Indiranagar' });
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getLogs',
		title: 'event name, date window and limit',
		setup: (sim) => {
			define(sim);
			define(sim, { eventName: 'AppLogin', actions: ['EIConsumer'] });
			const push = (eventName: string, at: number, storeName = 'S') => pushBehaviouralEvent(sim, { event_name: eventName, customer: TOM, storeName }, { at });
			push('StoreVisit', JAN_10 - 1, 'before the window');
			push('StoreVisit', JAN_10, 'first in window');
			push('AppLogin', JAN_10 + 3_600_000);
			push('StoreVisit', JAN_10 + 7_200_000, 'second in window');
			push('StoreVisit', JAN_10 + DAY - 1, 'last in window');
			push('StoreVisit', JAN_10 + DAY, 'after the window');
		},
		parameters: { eventName: byId('StoreVisit'), options: { fromDate: '2026-01-10 00:00:00', toDate: '2026-01-10' }, returnAll: false, limit: 2 },
		request: { method: 'GET', path: '/v2/events/logs', query: { event_name: 'StoreVisit', from_date: '2026-01-10 00:00:00', to_date: '2026-01-10', limit: '2' } },
		output: (items) => {
			expect(items.map((i) => JSON.parse(String(i.inputRequest)).storeName)).toEqual(['last in window', 'second in window']);
			expect(items.map((i) => i.startTime)).toEqual([JAN_10 + DAY - 1, JAN_10 + 7_200_000]);
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getLogs',
		title: 'Return All pages backwards by to_date (documented: limit, no offset)',
		setup: (sim) => {
			define(sim);
			for (let i = 0; i < 150; i++) pushBehaviouralEvent(sim, { event_name: 'StoreVisit', customer: TOM, storeName: `S${i}` }, { at: JAN_10 + i * 1000 });
		},
		parameters: { eventName: byId('StoreVisit'), options: { fromDate: '2026-01-10' }, returnAll: true },
		request: [
			{ method: 'GET', path: '/v2/events/logs', query: { event_name: 'StoreVisit', from_date: '2026-01-10', limit: '100' } },
			// The oldest entry of page one ends page two (to_date is inclusive; the repeated entry is skipped).
			{ method: 'GET', path: '/v2/events/logs', query: { event_name: 'StoreVisit', from_date: '2026-01-10', limit: '100', to_date: String(JAN_10 + 50_000) } },
		],
		output: (items, _sim, requests) => {
			expect(requests).toHaveLength(2);
			expect(items).toHaveLength(150);
			expect(new Set(items.map((i) => i.id)).size).toBe(150);
			expect(items[0].startTime).toBe(JAN_10 + 149_000);
			expect(items[149].startTime).toBe(JAN_10);
		},
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getLogs',
		title: 'epoch milliseconds and ISO dates',
		auth: 'oauth',
		setup: (sim) => {
			define(sim);
			for (const offset of [0, 1000, 2000, 3000]) pushBehaviouralEvent(sim, { event_name: 'StoreVisit', customer: TOM, storeName: `at ${offset}` }, { at: JAN_10 + offset });
		},
		parameters: { eventName: byList(''), options: { fromDate: String(JAN_10 + 1000), toDate: '2026-01-09T18:30:02Z' } },
		request: { method: 'GET', path: '/v2/events/logs', query: { from_date: String(JAN_10 + 1000), to_date: '2026-01-09T18:30:02Z', limit: '50' } },
		output: (items) => {
			expect(items.map((i) => i.startTime)).toEqual([JAN_10 + 2000, JAN_10 + 1000]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'behaviouralEvent',
		operation: 'create',
		title: 'event already exists (1806)',
		setup: (sim) => void define(sim),
		parameters: { eventName: 'StoreVisit', actions: ['EMFConsumer'], fieldsInput: 'json', fieldsJson: '[]' },
		message: /1806.*already exists/,
	},
	{
		resource: 'behaviouralEvent',
		operation: 'getLogs',
		title: 'from date in an unknown format',
		parameters: { eventName: byList(''), options: { fromDate: '10/01/2026' } },
		message: /400.*from_date/,
	},
];

export default { cases, errors } satisfies CaseFile;
