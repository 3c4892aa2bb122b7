/**
 * Event Notifications (v3 webHooks): webhook accounts, the org's events and their schemas, and
 * the deliveries themselves. When something happens in `sim.state` (a customer registers, a
 * transaction is added, points are issued or redeemed, a tier changes — SimState.notify), every
 * active account subscribed to that event gets an HTTP POST with Capillary's payload and the
 * account's `webHookHeaders`. A non-2xx answer or a network error is retried (Capillary retries
 * too), so a receiver that processed an event but answered late sees it again: same eventId.
 *
 * Payloads follow docs.capillarytech.com "Event schema (Payload)": `{eventId, eventType:
 * "<orgId>_<eventName>", consumerGroupId, actionType, timeStamp, attributes: {createdAt, data,
 * eventName, refId, apiRequestId}}`. The `data` of customerAdded and transactionAdded is the
 * documented one; pointsIssued, pointsRedeemed and tier changes are modelled on it (assumed).
 *
 * Tests drive deliveries with `webhookDeliveries(sim)`, `settleWebhooks(sim)`,
 * `redeliver(sim, eventId)`, and `setEventNotifications(sim, {enabled, retryDelayMs})`.
 */
import { randomUUID } from 'node:crypto';

import type { Json, JsonObject, Router, SimRequest } from '../http';
import { bodyObject, nowIso, ok, v3Error } from '../http';
import type { Simulator } from '../server';
import { ORG_ID, type Customer, type StateEvent } from '../state';

/** The webhook event names Capillary documents (Add Webhook Account, eventNames). */
export const WEBHOOK_EVENTS = [
	'tierDowngradeReminder', 'pointsExpiryReminder', 'pointsRedeemed', 'transactionAdded', 'pointsExpired', 'transactionUpdated',
	'customerAdded', 'promisedToCurrentPointsConversion', 'pointsTransferredReceived', 'pointsIssued', 'redeemedPointsReversed',
	'tierRenewed', 'tierDowngraded', 'customerUpdated', 'pointsTransferredInitiated', 'tierUpgraded',
];

export interface DeliveryRecord {
	webHookId: string;
	eventId: string;
	eventName: string;
	url: string;
	attempt: number;
	/** HTTP status of the receiver, or 0 for a network error. */
	status: number;
	headers: Record<string, string>;
	body: JsonObject;
	/** What the receiver answered (first 500 characters). */
	response: string;
}

interface Settings {
	enabled: boolean;
	/** First wait before a retry (doubles each time). */
	retryDelayMs: number;
	/** Retries after a failed delivery when the account does not say (noOfRetryAttempts). */
	defaultRetries: number;
}

interface Runtime {
	settings: Settings;
	deliveries: DeliveryRecord[];
	/** The payload of every event raised, by eventId (for redelivery). */
	payloads: Map<string, { payload: JsonObject; eventName: string }>;
	pending: Set<Promise<void>>;
}

const runtimes = new WeakMap<object, Runtime>();

/** Per simulator state: a reset starts with no accounts, deliveries or pending work. */
function runtime(sim: Simulator): Runtime {
	let r = runtimes.get(sim.state);
	if (!r) {
		r = { settings: { enabled: true, retryDelayMs: 20, defaultRetries: 3 }, deliveries: [], payloads: new Map(), pending: new Set() };
		runtimes.set(sim.state, r);
	}
	return r;
}

function accounts(sim: Simulator): Map<string, JsonObject> {
	return sim.state.collection('webhookAccounts');
}

export function setEventNotifications(sim: Simulator, settings: Partial<Settings>): void {
	Object.assign(runtime(sim).settings, settings);
}

export function webhookAccounts(sim: Simulator): JsonObject[] {
	return [...accounts(sim).values()];
}

export function webhookDeliveries(sim: Simulator): DeliveryRecord[] {
	return runtime(sim).deliveries;
}

/** Waits until every delivery (and its retries) has finished. */
export async function settleWebhooks(sim: Simulator): Promise<void> {
	const { pending } = runtime(sim);
	while (pending.size) await Promise.allSettled([...pending]);
}

/** Sends an event again to every account subscribed to it, as Capillary does after a lost answer. */
export function redeliver(sim: Simulator, eventId: string): void {
	const raised = runtime(sim).payloads.get(eventId);
	if (!raised) throw new Error(`no event ${eventId} was raised`);
	for (const account of subscribers(sim, raised.eventName)) track(sim, deliver(sim, account, raised.eventName, raised.payload));
}

// ---------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------

function identifiersOf(sim: Simulator, customer: Customer): JsonObject {
	const profile = customer.profiles[0];
	const ids: JsonObject = {};
	for (const type of ['mobile', 'email', 'externalId']) {
		const value = sim.state.identifier(customer, type);
		if (value) ids[type] = value;
	}
	return { customerId: customer.id, [String(profile?.source ?? 'INSTORE').toLowerCase()]: ids };
}

const ENTERED_BY: JsonObject = {
	id: 75040399,
	till: { code: 'store.server', name: 'store.server' },
	store: { code: 'store.server.1', name: 'Simulated Store', externalId: 'SIM-STORE-1', externalId1: '', externalId2: '' },
};

/** `data`, refId and requestId of an event, or undefined for events the simulator does not raise. */
function describe(sim: Simulator, event: StateEvent): { data: JsonObject; refId: string; requestId?: string } | undefined {
	const customer = event.customer;
	const who: JsonObject = customer ? { customerIdentifiers: identifiersOf(sim, customer) } : {};
	if (event.name === 'customerAdded' && customer) {
		const profile = customer.profiles[0];
		return {
			refId: `${ORG_ID}_${customer.id}`,
			data: {
				loyaltyType: customer.loyaltyType.toUpperCase(),
				source: String(profile?.source ?? 'INSTORE').toLowerCase(),
				firstName: profile?.firstName ?? '',
				lastName: profile?.lastName ?? '',
				enteredAt: Date.parse(customer.createdOn) || Date.now(),
				enteredBy: ENTERED_BY,
				...who,
			},
		};
	}
	if (event.name === 'transactionAdded' && event.transaction) {
		const t = event.transaction;
		const requestId = (t as unknown as { requestId?: string }).requestId;
		return {
			refId: `${ORG_ID}_${t.id}`,
			requestId,
			data: {
				amount: t.amount,
				billNumber: t.number,
				billClientId: t.number,
				enteredAt: Date.now(),
				transactionId: t.id,
				billType: t.type.toUpperCase(),
				lineItemCount: t.lineItems.length,
				discount: t.discount ?? 0,
				grossAmount: t.grossAmount ?? t.amount,
				currencyCode: t.currency ?? 'INR',
				enteredBy: ENTERED_BY,
				...who,
			},
		};
	}
	if (!customer) return undefined;
	if (event.name === 'pointsRedeemed' && event.redemption) {
		const r = event.redemption;
		return {
			refId: `${ORG_ID}_${r.id}`,
			data: { redemptionId: r.id, pointsRedeemed: r.points, billNumber: r.billNumber, redeemedAt: Date.now(), balance: customer.points, enteredBy: ENTERED_BY, ...who },
		};
	}
	if (event.name === 'pointsIssued') {
		return { refId: `${ORG_ID}_${customer.id}`, data: { points: event.points ?? 0, balance: customer.points, issuedAt: Date.now(), ...who } };
	}
	if (event.name === 'tierUpgraded' || event.name === 'tierDowngraded') {
		return { refId: `${ORG_ID}_${customer.id}`, data: { fromTier: { name: event.fromTier ?? '' }, toTier: { name: customer.tier }, changedAt: Date.now(), ...who } };
	}
	return undefined;
}

function payloadOf(eventName: string, described: { data: JsonObject; refId: string; requestId?: string }): JsonObject {
	const now = Date.now();
	return {
		eventId: randomUUID(),
		eventType: `${ORG_ID}_${eventName}`,
		consumerGroupId: null,
		actionType: 'START',
		timeStamp: now,
		attributes: {
			createdAt: now,
			data: described.data,
			eventName,
			refId: described.refId,
			apiRequestId: described.requestId ?? randomUUID().replace(/-/g, ''),
			orgId: ORG_ID,
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Delivery
// ---------------------------------------------------------------------------------------------

function subscribers(sim: Simulator, eventName: string): JsonObject[] {
	return webhookAccounts(sim).filter((a) => a.active === true && a.webHookType === 'HTTP' && (a.eventNames as string[]).includes(eventName));
}

function track(sim: Simulator, work: Promise<void>): void {
	const { pending } = runtime(sim);
	pending.add(work);
	void work.finally(() => pending.delete(work));
}

function raise(sim: Simulator, event: StateEvent): void {
	const { settings, payloads } = runtime(sim);
	if (!settings.enabled || !subscribers(sim, event.name).length) return;
	// After the handler that raised it has finished changing state (request ID, profile …).
	track(
		sim,
		new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
			const described = describe(sim, event);
			if (!described) return;
			const payload = payloadOf(event.name, described);
			payloads.set(String(payload.eventId), { payload, eventName: event.name });
			logDelivery(sim, event.name, payload);
			await Promise.all(subscribers(sim, event.name).map((account) => deliver(sim, account, event.name, payload)));
		}),
	);
}

/** The event log (GET /v3/webHooks/eventLog/…) shows the delivered eventId. */
function logDelivery(sim: Simulator, eventName: string, payload: JsonObject): void {
	const attributes = payload.attributes as JsonObject;
	const logs = sim.state.collection('eventNotificationLogs');
	const key = `${eventName}:${String(attributes.refId)}`;
	const at = nowIso().replace(/\+05:30$/, '.000+0530');
	logs.set(key, {
		refId: attributes.refId,
		requestId: attributes.apiRequestId,
		eventName,
		eventId: payload.eventId,
		consumerGroupId: null,
		eventIngestionTimestamp: at,
		eventStartTimestamp: at,
		eventEndTimestamp: at,
		slaBreachTimestamp: null,
		consumerResponse: { webhookHttpStatus: 200.0, time_taken: 10 },
	});
}

async function deliver(sim: Simulator, account: JsonObject, eventName: string, payload: JsonObject): Promise<void> {
	const { settings, deliveries } = runtime(sim);
	// The account's headers, and a JSON content type unless they name one (header names are case-insensitive).
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries((account.webHookHeaders ?? {}) as JsonObject)) headers[name.toLowerCase()] = String(value);
	headers['content-type'] ??= 'application/json';
	const retries = typeof account.noOfRetryAttempts === 'number' && account.noOfRetryAttempts > 0 ? account.noOfRetryAttempts : settings.defaultRetries;
	for (let attempt = 1; attempt <= retries + 1; attempt++) {
		let status = 0;
		let answer = '';
		try {
			const response = await fetch(String(account.webHookUrl), { method: 'POST', headers, body: JSON.stringify(payload), signal: AbortSignal.timeout(15_000) });
			status = response.status;
			answer = (await response.text()).slice(0, 500);
		} catch (error) {
			status = 0;
			answer = (error as Error).message;
		}
		deliveries.push({ webHookId: String(account.webHookId), eventId: String(payload.eventId), eventName, url: String(account.webHookUrl), attempt, status, headers, body: payload, response: answer });
		if (status >= 200 && status < 300) return;
		if (attempt <= retries) await new Promise((resolve) => setTimeout(resolve, settings.retryDelayMs * 2 ** (attempt - 1)));
	}
}

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

function attribution(): JsonObject {
	const now = nowIso().replace(/\+05:30$/, '.000+0530');
	const till = { id: 75040399, code: 'store.server', description: '', name: 'store.server', type: 'TILL' };
	return { createdOn: now, lastUpdatedOn: now, lastUpdatedBy: till, createdBy: till };
}

/** A problem with the account fields, in Capillary's words, or undefined. */
function invalid(sim: Simulator, body: JsonObject, partial: boolean): string | undefined {
	if (!partial || body.name !== undefined) {
		if (typeof body.name !== 'string' || !body.name.trim()) return 'name is mandatory';
	}
	if (!partial || body.eventNames !== undefined) {
		if (!Array.isArray(body.eventNames) || body.eventNames.length === 0) return 'eventNames should not be empty';
		const unknown = (body.eventNames as Json[]).find((e) => typeof e !== 'string' || !WEBHOOK_EVENTS.includes(e));
		if (unknown !== undefined) return `Invalid event name ${String(unknown)}`;
	}
	if (body.webHookType !== undefined && !['HTTP', 'queue'].includes(String(body.webHookType))) return 'Invalid webHookType';
	if (body.methodType !== undefined && body.methodType !== 'POST') return 'Invalid methodType';
	if ((!partial || body.webHookUrl !== undefined) && (body.webHookType ?? 'HTTP') === 'HTTP' && !/^https?:\/\/\S+$/.test(String(body.webHookUrl ?? ''))) return 'webHookUrl is invalid';
	if (body.webHookHeaders !== undefined && (body.webHookHeaders === null || typeof body.webHookHeaders !== 'object' || Array.isArray(body.webHookHeaders))) return 'webHookHeaders should be an object';
	void sim;
	return undefined;
}

function apply(account: JsonObject, body: JsonObject): void {
	for (const key of ['name', 'eventNames', 'webHookUrl', 'webHookType', 'methodType', 'webHookHeaders', 'active', 'noOfRetryAttempts']) {
		if (body[key] !== undefined) account[key] = body[key];
	}
	// The docs' sample sends 10.99 and gets 10 back.
	if (body.maxAllowedConnections !== undefined) account.maxAllowedConnections = Math.floor(Number(body.maxAllowedConnections)) || 10;
	if (body.slaInSeconds !== undefined) account.slaInSeconds = Math.floor(Number(body.slaInSeconds)) || 30;
}

/** The org has Event Notifications switched off (assumed answer: HTTP 400 with a v3 error). */
function disabled(sim: Simulator) {
	return runtime(sim).settings.enabled ? undefined : v3Error(400, 1301, 'Event notification is not enabled for the org');
}

function schemaOf(eventName: string): JsonObject {
	const transaction = eventName.startsWith('transaction');
	return {
		$schema: 'http://json-schema.org/draft-04/schema#',
		type: 'object',
		required: ['eventId', 'eventType', 'attributes'],
		properties: {
			eventId: { type: 'string' },
			eventType: { type: 'string' },
			timeStamp: { type: 'integer' },
			attributes: {
				type: 'object',
				required: ['eventName', 'data'],
				properties: {
					createdAt: { type: 'integer' },
					eventName: { type: 'string' },
					refId: { type: 'string' },
					data: transaction
						? { type: 'object', required: ['transactionId', 'billNumber'], properties: { amount: { type: 'number' }, billNumber: { type: 'string' }, transactionId: { type: 'integer' }, customerIdentifiers: { type: 'object' } } }
						: { type: 'object', properties: { customerIdentifiers: { type: 'object' } } },
				},
			},
		},
	};
}

function newAccount(): JsonObject {
	return {
		attribution: attribution(),
		webHookId: randomUUID().replace(/-/g, '').slice(0, 24),
		name: '',
		eventNames: [],
		webHookUrl: '',
		webHookType: 'HTTP',
		methodType: 'POST',
		webHookHeaders: {},
		noOfRetryAttempts: 0,
		maxAllowedConnections: 10,
		active: true,
		slaInSeconds: 30,
		consumerGroupId: randomUUID(),
	};
}

/** An existing account (tests): the given fields over the defaults, e.g. the docs' sample webHookId. */
export function seedWebhookAccount(sim: Simulator, fields: JsonObject): JsonObject {
	const account = newAccount();
	apply(account, fields);
	if (fields.webHookId !== undefined) account.webHookId = fields.webHookId;
	accounts(sim).set(String(account.webHookId), account);
	return account;
}

export function register(router: Router, sim: Simulator): void {
	sim.state.eventListeners.push((event) => raise(sim, event));

	router.post('/v3/webHooks', (req: SimRequest) => {
		const off = disabled(sim);
		if (off) return off;
		const body = bodyObject(req);
		const problem = invalid(sim, body, false);
		if (problem) return v3Error(400, 1302, problem);
		if (webhookAccounts(sim).some((a) => a.name === body.name)) return v3Error(400, 1303, `Webhook with name ${String(body.name)} already exists`);
		const account = newAccount();
		apply(account, body);
		accounts(sim).set(String(account.webHookId), account);
		return ok({ data: account, errors: null });
	});

	router.put('/v3/webHooks/:webHookId', (req) => {
		const off = disabled(sim);
		if (off) return off;
		const account = accounts(sim).get(req.params.webHookId);
		if (!account) return v3Error(404, 1304, `Webhook not found for id ${req.params.webHookId}`);
		const body = bodyObject(req);
		const problem = invalid(sim, body, true);
		if (problem) return v3Error(400, 1302, problem);
		if (body.name !== undefined && webhookAccounts(sim).some((a) => a !== account && a.name === body.name)) return v3Error(400, 1303, `Webhook with name ${String(body.name)} already exists`);
		apply(account, body);
		(account.attribution as JsonObject).lastUpdatedOn = nowIso().replace(/\+05:30$/, '.000+0530');
		return ok({ data: account, errors: null });
	});

	router.get('/v3/webHooks/eventMetaData', () => {
		const off = disabled(sim);
		if (off) return off;
		return ok({ data: WEBHOOK_EVENTS.map((eventName) => ({ active: true, eventName })), errors: null });
	});

	router.get('/v3/webHooks/eventMetaData/:eventName', (req) => {
		const off = disabled(sim);
		if (off) return off;
		const eventName = req.params.eventName;
		if (!WEBHOOK_EVENTS.includes(eventName)) return v3Error(404, 1305, `Event ${eventName} not found`);
		return ok({ data: { active: true, eventName, schema: schemaOf(eventName) }, errors: null });
	});
}
