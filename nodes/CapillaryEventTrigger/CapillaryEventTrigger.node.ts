import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { authenticationField, credentialDescriptions, requestOptionsWithout } from '../Capillary/shared/transport';
import {
	accountBody,
	callCapillary,
	eventOptions,
	isDuplicateName,
	isMissing,
	newSecret,
	uniqueSuffix,
	type AccountDefinition,
	type StoredAccount,
} from './account';
import {
	passesFilters,
	readEvents,
	readFilters,
	rememberEvents,
	VERIFICATION_HEADER,
	secretMatches,
	seenInMemory,
	toItem,
	type CapillaryEvent,
} from './delivery';

const DEFAULT_DEDUPE_WINDOW = 1000;

/** Static data of the node: one account per URL kind, and the event IDs seen last. */
interface TriggerData extends IDataObject {
	production?: StoredAccount & IDataObject;
	test?: StoredAccount & IDataObject;
	/** Event IDs seen last by the production URL (`testSeen`: by the test URL). */
	seen?: string[];
	testSeen?: string[];
}

type Kind = 'production' | 'test';

/** "Listen for test event" runs in manual mode with the test URL; an active workflow uses the production URL. */
function kindOf(context: IHookFunctions | IWebhookFunctions): Kind {
	return context.getMode() === 'manual' ? 'test' : 'production';
}

function storedAccount(context: IHookFunctions | IWebhookFunctions): StoredAccount | undefined {
	const data = context.getWorkflowStaticData('node') as TriggerData;
	const stored = data[kindOf(context)];
	return stored && typeof stored.webhookId === 'string' && stored.webhookId ? stored : undefined;
}

function store(context: IHookFunctions, account: StoredAccount | undefined): void {
	const data = context.getWorkflowStaticData('node') as TriggerData;
	if (account) data[kindOf(context)] = { ...account } as StoredAccount & IDataObject;
	else delete data[kindOf(context)];
}

function options(context: IHookFunctions | IWebhookFunctions): IDataObject {
	return (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
}

function wantedEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	const events = context.getNodeParameter('events', []) as unknown;
	return (Array.isArray(events) ? events : [events]).map(String).filter((e) => e !== '');
}

function definition(context: IHookFunctions, name: string, secret: string): AccountDefinition {
	const url = context.getNodeWebhookUrl('default');
	const events = wantedEvents(context);
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n has no webhook URL for this trigger');
	if (events.length === 0) throw new NodeOperationError(context.getNode(), 'Choose at least one event in "Events"');
	const opts = options(context);
	return {
		name,
		url,
		events,
		secret,
		active: true,
		maxAllowedConnections: Number(opts.maxAllowedConnections ?? 10) || 10,
		slaInSeconds: Number(opts.slaInSeconds ?? 30) || 30,
	};
}

function sameEvents(a: string[], b: string[]): boolean {
	return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

function toStored(webhookId: string, wanted: AccountDefinition): StoredAccount {
	return { webhookId, name: wanted.name, url: wanted.url, events: wanted.events, secret: wanted.secret, active: true };
}

/**
 * Starts the workflow when Capillary pushes an event notification (webhook). On activation it
 * creates (or reactivates) a webhook account for n8n's URL with a secret header; on deactivation
 * it deactivates it. See docs/event-trigger.md.
 */
export class CapillaryEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Event Trigger',
		name: 'capillaryEventTrigger',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow the moment Capillary sends an event notification: transactions, customers, points, tiers',
		defaults: { name: 'Capillary Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialDescriptions,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			authenticationField,
			{
				displayName: 'Events Names or IDs',
				name: 'events',
				type: 'multiOptions',
				required: true,
				typeOptions: { loadOptionsMethod: 'getEvents' },
				default: [],
				description:
					'Events that start the workflow. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Only Events Where',
				name: 'filters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Condition',
				default: {},
				description: 'Start the workflow only for events whose payload matches every condition (others are acknowledged and dropped)',
				options: [
					{
						displayName: 'Condition',
						name: 'condition',
						values: [
							{
								displayName: 'Payload Field',
								name: 'field',
								type: 'string',
								default: '',
								placeholder: 'source',
								description: 'Dot path inside the event payload (data), e.g. source, billType or customerIdentifiers.customerId',
							},
							{
								displayName: 'Values',
								name: 'values',
								type: 'string',
								default: '',
								placeholder: 'INSTORE, ECOMMERCE',
								description: 'Accepted values, separated by commas (compared case-insensitively)',
							},
						],
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				description: 'Duplicate handling, entity fetch and the delivery settings of the webhook account',
				options: [
					{
						displayName: 'Duplicate Window (Events)',
						name: 'dedupeWindow',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 10000 },
						default: DEFAULT_DEDUPE_WINDOW,
						description: 'How many recent event IDs are remembered to drop redeliveries (Capillary retries deliveries it considers failed)',
					},
					{
						displayName: 'Fetch Full Entity',
						name: 'fetchEntity',
						type: 'boolean',
						default: false,
						description:
							'Whether to read the transaction or customer the event is about from Capillary and add it as "entity" (one extra API call per event, made after Capillary got its answer)',
					},
					{
						displayName: 'Max Parallel Deliveries',
						name: 'maxAllowedConnections',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100 },
						default: 10,
						description: 'How many notifications Capillary sends to n8n at once (maxAllowedConnections of the webhook account)',
					},
					{
						displayName: 'Delivery SLA (Seconds)',
						name: 'slaInSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 30,
						description: 'Delivery time after which Capillary flags a notification as late in its event log',
					},
				],
			},
			// Setup calls and entity reads go one at a time and do not page; only the retry and timeout settings apply.
			requestOptionsWithout('maxConcurrency', 'maxPages'),
		],
	};

	methods = {
		loadOptions: {
			async getEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return await eventOptions(this);
			},
		},
	};

	webhookMethods = {
		default: {
			/** True when the stored account exists and now matches this URL and these events. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const stored = storedAccount(this);
				if (!stored || !stored.active || !stored.secret) return false;
				// Capillary has no documented read of an account: an update with the wanted definition
				// proves it exists and brings its URL and events up to date in one call.
				const wanted = definition(this, stored.name, stored.secret);
				const result = await callCapillary(this, 'PUT', `/v3/webHooks/${encodeURIComponent(stored.webhookId)}`, { body: accountBody(wanted), secret: stored.secret });
				if (isMissing(result)) {
					store(this, undefined);
					return false;
				}
				if (!result.ok) throw result.error!;
				if (stored.url !== wanted.url || !sameEvents(stored.events, wanted.events)) store(this, toStored(stored.webhookId, wanted));
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const stored = storedAccount(this);
				const secret = newSecret();
				// A deactivated account of this trigger is reactivated (names are unique per cluster).
				if (stored) {
					const wanted = definition(this, stored.name, secret);
					const result = await callCapillary(this, 'PUT', `/v3/webHooks/${encodeURIComponent(stored.webhookId)}`, { body: accountBody(wanted), secret });
					if (result.ok) {
						store(this, toStored(stored.webhookId, wanted));
						return true;
					}
					if (!isMissing(result)) throw result.error!;
				}
				const workflowId = this.getWorkflow().id ?? 'workflow';
				const base = `n8n-${workflowId}-${this.getNode().id}`;
				// A test URL gets an account of its own each time (n8n does not keep a test's static data).
				let wanted = definition(this, kindOf(this) === 'test' ? `${base}-test-${uniqueSuffix()}` : base, secret);
				let result = await callCapillary(this, 'POST', '/v3/webHooks', { body: accountBody(wanted), secret });
				if (isDuplicateName(result)) {
					wanted = { ...wanted, name: `${base}-${uniqueSuffix()}` };
					result = await callCapillary(this, 'POST', '/v3/webHooks', { body: accountBody(wanted), secret });
				}
				if (!result.ok) {
					if (result.outcomeUnknown) {
						result.error!.description = `Capillary may have created the account "${wanted.name}" although it answered with an error. If activating again creates a second account (named "${base}-…"), deactivate "${wanted.name}" in InTouch (Settings > Event Notifications): n8n does not know its secret and refuses its deliveries.`;
					}
					throw result.error!;
				}
				// Documented as text; a number is the same ID.
				const id = (result.data as IDataObject | undefined)?.webHookId;
				const webhookId = typeof id === 'number' && Number.isFinite(id) ? String(id) : id;
				if (typeof webhookId !== 'string' || !webhookId) {
					throw new NodeOperationError(this.getNode(), 'Capillary created the webhook account but returned no webHookId', {
						description: 'Check the account in InTouch (Settings > Event Notifications) and deactivate it, then activate the workflow again.',
					});
				}
				store(this, toStored(webhookId, wanted));
				return true;
			},

			/** Deactivates the account (Capillary documents no delete); kept in static data for reuse. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const stored = storedAccount(this);
				if (!stored) return true;
				const opts = options(this);
				const body = accountBody({
					name: stored.name,
					url: stored.url,
					events: stored.events,
					secret: '',
					active: false,
					maxAllowedConnections: Number(opts.maxAllowedConnections ?? 10) || 10,
					slaInSeconds: Number(opts.slaInSeconds ?? 30) || 30,
				});
				const result = await callCapillary(this, 'PUT', `/v3/webHooks/${encodeURIComponent(stored.webhookId)}`, { body, secret: stored.secret });
				if (!result.ok && !isMissing(result)) return false;
				store(this, kindOf(this) === 'test' || isMissing(result) ? undefined : { ...stored, secret: '', active: false });
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const stored = storedAccount(this);
		const headers = this.getHeaderData();
		const res = this.getResponseObject();
		if (!stored?.active || !secretMatches(headers[VERIFICATION_HEADER.toLowerCase()], stored.secret)) {
			res.writeHead(401, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ message: 'Unauthorized: missing or wrong secret header' }));
			return { noWebhookResponse: true };
		}

		let received = readEvents(this.getBodyData());
		// A body n8n did not parse as JSON (another content type, JSON sent as a form) holds them as text.
		if (received.length === 0) received = readEvents(rawBodyOf(this));
		const subscribed = wantedEvents(this);
		const filters = readFilters(this.getNodeParameter('filters', {}));
		const opts = options(this);
		const window = Math.max(1, Math.floor(Number(opts.dedupeWindow ?? DEFAULT_DEDUPE_WINDOW)) || DEFAULT_DEDUPE_WINDOW);
		const data = this.getWorkflowStaticData('node') as TriggerData;
		const memory = seenInMemory(`${this.getWorkflow().id ?? ''}:${this.getNode().id}:${stored.webhookId}`, window);
		const seenKey = kindOf(this) === 'test' ? 'testSeen' : 'seen';
		const remembered = Array.isArray(data[seenKey]) ? (data[seenKey] as unknown[]).map(String) : [];
		const seen = new Set(remembered);

		const fresh: CapillaryEvent[] = [];
		const ids: string[] = [];
		for (const event of received) {
			if (event.eventId !== undefined) {
				if (seen.has(event.eventId) || memory.has(event.eventId) || ids.includes(event.eventId)) continue;
				ids.push(event.eventId);
				memory.add(event.eventId);
			}
			// An event of another subscription on the same account is not this workflow's.
			if (event.eventName !== '' && !subscribed.includes(event.eventName)) continue;
			if (!passesFilters(event, filters)) continue;
			fresh.push(event);
		}
		// Items first: an event is remembered as delivered only once its item exists.
		let items: INodeExecutionData[];
		try {
			items = fresh.map((event) => ({ json: toItem(event) }));
		} catch (error) {
			for (const id of ids) memory.forget(id);
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		if (ids.length) data[seenKey] = rememberEvents(remembered, ids, window);

		const summary = { received: received.length, emitted: fresh.length };
		if (fresh.length === 0) return { webhookResponse: summary };
		if (opts.fetchEntity !== true) return { workflowData: [items] };

		// Capillary gets its answer now; the entity reads must not count against its delivery SLA.
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(summary));
		for (const item of items) Object.assign(item.json, await fetchEntity(this, item.json));
		return { noWebhookResponse: true, workflowData: [items] };
	}
}

/** The request's bytes read as JSON, if they are. */
function rawBodyOf(context: IWebhookFunctions): unknown {
	const raw = (context.getRequestObject() as { rawBody?: unknown }).rawBody;
	const text = raw instanceof Uint8Array || typeof raw === 'string' ? String(typeof raw === 'string' ? raw : new TextDecoder().decode(raw)) : '';
	try {
		return text.trim() ? (JSON.parse(text) as unknown) : undefined;
	} catch {
		return undefined;
	}
}

/** The transaction or customer an event is about; a failed read is reported on the item, never dropped. */
async function fetchEntity(context: IWebhookFunctions, item: IDataObject): Promise<IDataObject> {
	const payload = (item.payload ?? {}) as IDataObject;
	const request =
		item.transactionId !== undefined && String(item.eventName).startsWith('transaction')
			? { path: `/v2/transactions/${encodeURIComponent(String(item.transactionId))}`, qs: { type: String(payload.billType ?? 'REGULAR').toUpperCase() } }
			: item.customerId !== undefined
				? { path: `/v2/customers/${encodeURIComponent(String(item.customerId))}`, qs: {} }
				: undefined;
	if (!request) return { entity: null };
	try {
		const result = await callCapillary(context, 'GET', request.path, { qs: request.qs });
		if (result.ok) return { entity: result.data ?? null };
		return { entity: null, entityError: result.error?.message ?? 'Capillary refused the read' };
	} catch (error) {
		return { entity: null, entityError: (error as Error).message };
	}
}
