/**
 * Behavioural events: custom event definitions, the inbound webhook that receives event data,
 * and what processing that data leaves behind (event logs, running status, customer event data,
 * audit logs of definition changes).
 *
 * Event data reaches Capillary by POSTing to the `webHookUri` returned by POST v2/events/webhook
 * (docs: "Push Data to Webhook" / "Post event"). The simulator hands out
 * `<sim.url>/webhooks/<webHookId>` and accepts posts there; tests and other groups can also call
 * `pushBehaviouralEvent(sim, payload)` directly. Every post becomes one entry of
 * GET v2/events/logs, one running status and, when a customer is resolved, one customer event.
 *
 * GET v2/events/logs (polled by the trigger node), as simulated:
 * - entries `{startTime (epoch ms), responseTime, orgId, status, eventName, inputRequest, id (uuid),
 *   webhookId, parentOrgId, message}`, newest first (by startTime, then insertion);
 * - `event_name`: exact event name; `from_date`: startTime >= from; `to_date`: startTime <= to;
 * - date formats (Capillary documents none): epoch milliseconds (13 digits) or seconds (10 digits),
 *   `YYYY-MM-DD` (a to_date of this form means the end of that day), `YYYY-MM-DD HH:mm[:ss]` or
 *   `YYYY-MM-DDTHH:mm[:ss]` without offset (read in the org time zone, +05:30), ISO 8601 with `Z`
 *   or an offset. Anything else is a 400;
 * - `limit`: default 10, must be a positive integer (400 otherwise); no offset.
 */
import { randomUUID } from 'node:crypto';

import type { Json, JsonObject, Router, SimReply } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer } from '../state';
import { ORG_ID } from '../state';

const ORG_OFFSET = '+05:30';

/** Epoch ms for the date formats the simulator accepts (see the file comment), else undefined. */
export function parseSimDate(value: string | undefined | null): number | undefined {
	if (value === undefined || value === null) return undefined;
	const v = String(value).trim();
	if (v === '') return undefined;
	if (/^\d{13}$/.test(v)) return Number(v);
	if (/^\d{10}$/.test(v)) return Number(v) * 1000;
	let iso: string | undefined;
	if (/^\d{4}-\d{2}-\d{2}$/.test(v)) iso = `${v}T00:00:00${ORG_OFFSET}`;
	else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(v)) iso = `${v.replace(' ', 'T')}${ORG_OFFSET}`;
	else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
		iso = v.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
	}
	if (!iso) return undefined;
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? ms : undefined;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const ACTIONS = ['EMFConsumer', 'EIConsumer'];

const FIELD_TYPES = ['customer', 'tillCode', 'couponCode', 'productSku', 'productBrand', 'productCategory', 'string', 'double', 'date', 'enum', 'groupId', 'boolean'];

const BOOLEAN_ATTRIBUTES = ['isRequired', 'addCustomerIfNotExists', 'isUniqueKeyField', 'isPsiData'];

const TRANSFORMERS = ['WebEngageTransformer'];

interface Collections {
	events: Map<string, JsonObject>;
	audit: Map<string, JsonObject>;
	webhooks: Map<string, JsonObject>;
	logs: Map<string, JsonObject>;
	data: Map<string, JsonObject>;
	status: Map<string, JsonObject>;
}

function collections(sim: Simulator): Collections {
	return {
		events: sim.state.collection('behaviouralEvents'),
		audit: sim.state.collection('behaviouralEventAuditLogs'),
		webhooks: sim.state.collection('behaviouralEventWebhooks'),
		logs: sim.state.collection('behaviouralEventLogs'),
		data: sim.state.collection('behaviouralEventData'),
		status: sim.state.collection('behaviouralEventRunningStatus'),
	};
}

function findEvent(sim: Simulator, name: string): JsonObject | undefined {
	return collections(sim).events.get(name.toLowerCase());
}

function attributeValue(field: JsonObject, name: string): string | undefined {
	const attributes = (field.attributes ?? {}) as JsonObject;
	const attribute = attributes[name] as JsonObject | undefined;
	return attribute && attribute.value !== undefined && attribute.value !== null ? String(attribute.value) : undefined;
}

/** Validates a definition body; returns the error reply or the normalised definition parts. */
function validateDefinition(body: JsonObject): { error: SimReply } | { eventName: string; actions: string[]; fields: JsonObject[]; description: string } {
	const eventName = String(body.eventName ?? '').trim();
	if (!/^[A-Za-z0-9_-]{1,100}$/.test(eventName)) return { error: v2Error(400, 1811, 'event name invalid') };
	const actions = body.actions;
	if (!Array.isArray(actions) || actions.length === 0 || actions.some((a) => !ACTIONS.includes(String(a)))) return { error: v2Error(400, 1810, 'event actions invalid') };
	const fields = body.fields === undefined || body.fields === null ? [] : body.fields;
	if (!Array.isArray(fields)) return { error: v2Error(400, 1823, 'invalid field type') };
	for (const raw of fields) {
		const field = (raw ?? {}) as JsonObject;
		if (!String(field.name ?? '').trim()) return { error: v2Error(400, 403, 'Field name is mandatory.') };
		if (!FIELD_TYPES.some((t) => t.toLowerCase() === String(field.type ?? '').toLowerCase())) return { error: v2Error(400, 1823, 'invalid field type') };
		for (const attribute of BOOLEAN_ATTRIBUTES) {
			const value = attributeValue(field, attribute);
			if (value !== undefined && !['true', 'false'].includes(value.toLowerCase())) return { error: v2Error(400, 1802, `field attribute value fails validation (${attribute})`) };
		}
		if (attributeValue(field, 'isUniqueKeyField') === 'true' && attributeValue(field, 'isRequired') !== 'true') {
			return { error: v2Error(400, 1802, 'field attribute value fails validation (isRequired)') };
		}
	}
	return { eventName, actions: actions.map(String), fields: fields as JsonObject[], description: String(body.description ?? '') };
}

function audit(sim: Simulator, eventName: string, updatedType: string, value: JsonObject, previous?: JsonObject): void {
	const { audit: log } = collections(sim);
	const now = nowIso();
	const valueHistory: Json[] = [];
	if (previous) valueHistory.push({ value: JSON.stringify(previous), changedOn: String(previous.changedOn ?? now) });
	valueHistory.push({ value: JSON.stringify(value), changedOn: now });
	const id = randomUUID();
	log.set(id, { id, orgId: ORG_ID, valueHistory, updatedType, requestId: randomUUID(), eventName, seq: log.size });
}

function definitionSnapshot(definition: JsonObject): JsonObject {
	return { actions: definition.actions, fields: definition.fields, description: definition.description, changedOn: definition.updatedOn ?? nowIso() };
}

/**
 * Creates a custom event definition as POST v2/events does (validation, audit entry); tests and
 * other groups use it to seed. Returns the error reply or the stored definition.
 */
export function defineBehaviouralEvent(sim: Simulator, body: JsonObject): { error: SimReply } | { definition: JsonObject } {
	const checked = validateDefinition(body);
	if ('error' in checked) return checked;
	const { events } = collections(sim);
	if (events.has(checked.eventName.toLowerCase())) return { error: v2Error(400, 1806, `${checked.eventName} event already exists`) };
	const now = Date.now();
	const definition: JsonObject = {
		eventId: randomUUID(),
		eventName: checked.eventName,
		eventType: 'USEREVENT',
		actions: checked.actions,
		fields: checked.fields,
		orgId: ORG_ID,
		status: 'UNPUBLISHED',
		testStatus: 'NOT_VERIFIED',
		description: checked.description,
		date: now,
		standardEvent: false,
		updatedOn: nowIso(new Date(now)),
	};
	events.set(checked.eventName.toLowerCase(), definition);
	audit(sim, checked.eventName, 'CREATE', definitionSnapshot(definition));
	return { definition };
}

// ---------------------------------------------------------------------------------------------
// Event data processing
// ---------------------------------------------------------------------------------------------

export interface PushOptions {
	/** Webhook the data came through; the first one of the org when omitted. */
	webhookId?: string;
	/** Processing time (epoch ms) to record; now when omitted. */
	at?: number;
}

export interface PushResult {
	id: string;
	status: string;
	message: string;
	customerId?: number;
}

let responseTimeSeed = 0;

/** Processes one posted event-data payload (`{event_name, <field>: value, …}`) like Capillary. */
export function pushBehaviouralEvent(sim: Simulator, payload: JsonObject, options: PushOptions = {}): PushResult {
	const c = collections(sim);
	const startTime = options.at ?? Date.now();
	const isoAt = nowIso(new Date(startTime));
	const id = randomUUID();
	const eventName = String(payload.event_name ?? payload.eventName ?? '').trim();
	const webhook = options.webhookId ? c.webhooks.get(options.webhookId) : [...c.webhooks.values()][0];
	const stateList: JsonObject[] = [{ message: eventName, date: isoAt, status: 'EVENT_PROCESSING_STARTED' }];
	let status = 'EVENT_SUCCESS';
	let message = 'Event processed successfully';
	let customer: Customer | undefined;
	const definition = eventName ? findEvent(sim, eventName) : undefined;
	if (!definition) {
		status = 'INVALID_EVENT_NAME';
		message = `Event ${eventName || '(none)'} is not configured for the org`;
	} else {
		const fields = (definition.fields ?? []) as JsonObject[];
		const present = (name: string) => payload[name] !== undefined && payload[name] !== null && payload[name] !== '';
		const missing = fields.find((f) => attributeValue(f, 'isRequired') === 'true' && String(f.type) !== 'customer' && !present(String(f.name)));
		const customerField = fields.find((f) => String(f.type).toLowerCase() === 'customer');
		for (const f of fields) {
			stateList.push({ message: String(f.name), date: isoAt, status: 'EVENT_FIELD_VALIDATION_STARTED' }, { message: String(f.name), date: isoAt, status: 'EVENT_FIELD_VALIDATION_FINISHED' });
		}
		if (missing) {
			status = 'MANDATORY_FIELD_MISSING';
			message = `Mandatory field ${String(missing.name)} not passed`;
		} else if (customerField) {
			const value = payload[String(customerField.name)] ?? payload.customer_id ?? payload.mobile;
			const identifierType = attributeValue(customerField, 'identifierType') ?? 'mobile';
			if (value === undefined || value === null || value === '') {
				status = 'NO_CUSTOMER_DETAILS_PASSED';
				message = 'Customer details not passed';
			} else {
				customer = sim.state.findCustomer(identifierType, String(value));
				if (!customer && attributeValue(customerField, 'addCustomerIfNotExists') === 'true' && identifierType !== 'userId') {
					customer = sim.state.addCustomer({ profile: { identifiers: [{ type: identifierType, value: String(value) }] } });
				}
				if (!customer) {
					status = 'CUSTOMER_NOT_FOUND';
					message = `Customer not found for ${identifierType} ${String(value)}`;
				}
			}
		}
		if (status === 'EVENT_SUCCESS') {
			stateList.push({ message: eventName, date: isoAt, status: 'EVENT_VALIDATION_FINISHED' });
			for (const action of (definition.actions ?? []) as string[]) {
				stateList.push({ message: action, date: isoAt, status: 'EVENT_CONSUMER_STARTED' }, { message: action, date: isoAt, status: 'EVENT_CONSUMER_FINISHED' });
			}
			if (customer) {
				if (((definition.actions ?? []) as string[]).includes('EMFConsumer')) sim.state.loyaltyEvent(customer, eventName, isoAt);
				const attributes: JsonObject = {};
				for (const [key, val] of Object.entries(payload)) attributes[key.toLowerCase()] = val as Json;
				c.data.set(id, {
					orgId: ORG_ID,
					userId: customer.id,
					date: new Date(startTime).toISOString().replace(/\.\d{3}Z$/, 'Z'),
					eventName,
					eventId: id,
					source: 'INSTORE',
					tillCode: String(webhook?.tillCode ?? payload.till ?? ''),
					additonalAttributes: { ...attributes, eventName, id, orgId: ORG_ID, userId: customer.id, source: 'INSTORE' },
				});
			}
		} else {
			stateList.push({ message: eventName, date: isoAt, status: 'EVENT_VALIDATION_FAILED' });
		}
	}
	stateList.push({ message: status, date: isoAt, status: status === 'EVENT_SUCCESS' ? 'EVENT_PROCESSING_FINISHED' : 'EVENT_PROCESSING_FAILED' });
	c.status.set(id, { id, orgId: ORG_ID, stateList, eventName });
	c.logs.set(id, {
		startTime,
		responseTime: 120 + (responseTimeSeed++ * 37) % 400,
		orgId: ORG_ID,
		status,
		eventName,
		inputRequest: JSON.stringify(payload),
		id,
		webhookId: String(webhook?.webHookId ?? ''),
		parentOrgId: -1,
		message,
		seq: c.logs.size,
	});
	return { id, status, message, customerId: customer?.id };
}

function publicLog(entry: JsonObject): JsonObject {
	const { seq: _seq, ...rest } = entry;
	void _seq;
	return rest;
}

export function register(router: Router, sim: Simulator): void {
	router.post('/v2/events/webhook', (req) => {
		const body = bodyObject(req);
		const transformer = TRANSFORMERS.find((t) => t.toLowerCase() === String(body.transformerType ?? '').toLowerCase());
		if (!body.transformerType) return v2Error(400, 403, 'Field transformerType is mandatory.');
		if (!transformer) return v2Error(400, 400, `Invalid transformerType ${String(body.transformerType)}`);
		const tillCode = String(body.tillCode ?? '').trim();
		if (!tillCode) return v2Error(400, 403, 'Field tillCode is mandatory.');
		const authEnabled = body.authEnabled === true || body.authEnabled === 'true';
		if (authEnabled && !body.authMechanism) return v2Error(400, 1839, 'auth mechanism not present');
		const { webhooks } = collections(sim);
		// One webhook account per transformer: posting again updates it.
		let webhook = [...webhooks.values()].find((w) => String(w.transformerType).toLowerCase() === String(body.transformerType).toLowerCase());
		if (!webhook) {
			const webHookId = randomUUID().replace(/-/g, '');
			webhook = { webHookId, transformerType: String(body.transformerType), webHookUri: `${sim.url}/webhooks/${webHookId}` };
			webhooks.set(webHookId, webhook);
		}
		Object.assign(webhook, {
			tillCode,
			authEnabled,
			uniquenessCheckEnabled: body.uniquenessCheckEnabled === true || body.uniquenessCheckEnabled === 'true',
			listenToChildEvents: body.listenToChildEvents === true || body.listenToChildEvents === 'true',
			...(body.authMechanism ? { authMechanism: String(body.authMechanism) } : {}),
		});
		return ok({
			transformerType: webhook.transformerType,
			uniquenessCheckEnabled: webhook.uniquenessCheckEnabled,
			tillCode,
			webHookUri: webhook.webHookUri,
			authEnabled,
			warnings: [],
		});
	});

	// The webhook URL itself (outside the v2 API): event data is posted here.
	router.post('/webhooks/:webhookId', (req) => {
		if (!collections(sim).webhooks.has(req.params.webhookId)) return { status: 404, body: { status: { code: 1101, message: 'Webhook not found' } } };
		const result = pushBehaviouralEvent(sim, bodyObject(req), { webhookId: req.params.webhookId });
		return { status: 200, body: { status: { code: 1100, message: 'Event pushed to transformation state' } }, headers: { 'x-cap-hydra-request-id': result.id } };
	});

	router.get('/v2/events/running_status', (req) => {
		const eventId = (req.query.eventId ?? '').trim();
		if (!eventId) return v2Error(400, 403, 'Field eventId is mandatory.');
		const entry = collections(sim).status.get(eventId);
		if (!entry) return v2Error(404, 404, `No event found for eventId ${eventId}`);
		return ok({ ...entry, warnings: [] });
	});

	router.get('/v2/events/event_data/:userId', (req) => {
		const customer = /^\d+$/.test(req.params.userId) ? sim.state.customers.get(Number(req.params.userId)) : undefined;
		if (!customer) return v2Error(404, 8015, 'Customer not found for the given identifiers.');
		const data = [...collections(sim).data.values()].filter((d) => d.userId === customer.id).reverse();
		return ok({ data, warnings: [], errors: [] });
	});

	router.get('/v2/events/audit_logs', (req) => {
		const eventName = (req.query.eventName ?? '').trim();
		if (!eventName) return v2Error(400, 400, 'Bad request: eventName is mandatory');
		const data = [...collections(sim).audit.values()]
			.filter((a) => String(a.eventName).toLowerCase() === eventName.toLowerCase())
			.sort((a, b) => Number(b.seq) - Number(a.seq))
			.map(publicLog);
		return ok({ data, warnings: [], errors: [] });
	});

	router.get('/v2/events/logs', (req) => {
		const q = req.query;
		const limitText = q.limit ?? '10';
		if (!/^\d+$/.test(limitText) || Number(limitText) < 1) return v2Error(400, 400, `Invalid limit ${limitText}`);
		const from = q.from_date ? parseSimDate(q.from_date) : -Infinity;
		if (from === undefined) return v2Error(400, 400, `Invalid from_date ${q.from_date}`);
		let to = q.to_date ? parseSimDate(q.to_date) : Infinity;
		if (to === undefined) return v2Error(400, 400, `Invalid to_date ${q.to_date}`);
		if (q.to_date && DATE_ONLY.test(q.to_date.trim())) to += 86_400_000 - 1;
		if (from > to) return v2Error(400, 400, 'from_date must not be after to_date');
		const data = [...collections(sim).logs.values()]
			.filter((l) => !q.event_name || l.eventName === q.event_name)
			.filter((l) => Number(l.startTime) >= from && Number(l.startTime) <= to)
			.sort((a, b) => Number(b.startTime) - Number(a.startTime) || Number(b.seq) - Number(a.seq))
			.slice(0, Number(limitText))
			.map(publicLog);
		return ok({ data, warnings: [], errors: [] });
	});

	router.post('/v2/events', (req) => {
		const created = defineBehaviouralEvent(sim, bodyObject(req));
		if ('error' in created) return created.error;
		return ok({ warnings: [], errors: [] });
	});

	router.put('/v2/events', (req) => {
		const checked = validateDefinition(bodyObject(req));
		if ('error' in checked) return checked.error;
		const definition = findEvent(sim, checked.eventName);
		if (!definition) return v2Error(400, 1811, `event name invalid: ${checked.eventName} does not exist`);
		const previous = definitionSnapshot(definition);
		Object.assign(definition, { actions: checked.actions, fields: checked.fields, description: checked.description, updatedOn: nowIso() });
		audit(sim, String(definition.eventName), 'UPDATE', definitionSnapshot(definition), previous);
		return ok({ warnings: [], errors: [] });
	});

	router.get('/v2/events', (req) => {
		const { events } = collections(sim);
		const view = (definition: JsonObject): JsonObject => {
			const { updatedOn: _updatedOn, ...meta } = definition;
			void _updatedOn;
			return meta;
		};
		if (req.query.id !== undefined) {
			const id = req.query.id.trim();
			const data = [...events.values()]
				.filter((e) => e.eventId === id)
				.map((e) => ({ clickEventsMeta: view(e), transformerMappings: { defaultTransformerMappping: false, webEngageTransformerMapping: null } }));
			return ok({ data, warnings: [], errors: [] });
		}
		const data = [...events.values()].map((e) => ({ clickEventsMeta: view(e), defaultTransformerMappping: false }));
		return ok({ data, warnings: [], errors: [] });
	});
}
