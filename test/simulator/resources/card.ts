/**
 * Card endpoints: generation, add/update (single and bulk), details, status log, card series
 * list (for the dropdown) and the org limit on active cards per customer.
 *
 * Cards live in the shared `state.cards` map (by card number) so customer endpoints that link
 * cards see them. Card series, generation logs and org configs are collections of this group.
 */
import type { JsonObject, Router, SimReply } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { CardRecord, SimState } from '../state';
import { ORG_ID } from '../state';

export const DEMO_CARD_SERIES = { gold: 10, fuel: 15 } as const;

/** System statuses and the default labels that map to them (labels are case-insensitive). */
const LABELS: Record<string, string> = {
	NOT_ISSUED: 'NOT_ISSUED',
	CARD_GENERATED: 'NOT_ISSUED',
	NEW: 'NOT_ISSUED',
	ACTIVE: 'ACTIVE',
	SUSPENDED: 'SUSPENDED',
	EXPIRED: 'EXPIRED',
	DELETED: 'DELETED',
};

const MAX_CARDS_KEY = 'CONF_MAX_CARDS_PER_ORG';

export function cardSeries(state: SimState): Map<string, JsonObject> {
	const series = state.collection('cardSeries');
	if (series.size === 0) {
		const base = { orgId: ORG_ID, createdBy: 50006796, lastUpdateBy: 50006796, createdOn: '2021-04-02T17:53:27+05:30', lastUpdatedOn: '2021-04-02T17:53:27+05:30', orgUnitId: 0, isActive: true, cardExpiryEnabled: true };
		series.set(String(DEMO_CARD_SERIES.gold), {
			...base,
			id: DEMO_CARD_SERIES.gold,
			name: 'Gold Card',
			code: 'GOLDDIG',
			type: 'DIGITAL',
			trigger: 'REGISTRATION',
			expiryDays: 1000,
			maxActiveCardsPerCustomer: 5,
			cardGenerationEnabled: true,
			cardGenerationConfiguration: { seriesId: DEMO_CARD_SERIES.gold, prefix: 'GOLD', suffix: 'ZS', length: 16, method: 'DEFAULT', orgId: ORG_ID },
		});
		series.set(String(DEMO_CARD_SERIES.fuel), {
			...base,
			id: DEMO_CARD_SERIES.fuel,
			name: 'Fuel Card',
			code: 'FUELPHY',
			type: 'PHYSICAL',
			trigger: 'SERIES_ID',
			expiryDays: 355,
			maxActiveCardsPerCustomer: 0,
			cardGenerationEnabled: false,
		});
	}
	return series;
}

function seriesOf(state: SimState, id: unknown): JsonObject | undefined {
	return cardSeries(state).get(String(id ?? '').trim());
}

/** The org limit set with POST v2/organization/configs, if any. */
export function maxActiveCards(state: SimState): number | undefined {
	const config = state.collection('orgConfigs').get(MAX_CARDS_KEY);
	return config ? Number(config.value) : undefined;
}

function statusOf(label: string): string | undefined {
	return LABELS[label.trim().toUpperCase()];
}

function logStatus(card: CardRecord, label: string, reason: string): void {
	const log = Array.isArray(card.statusLog) ? (card.statusLog as JsonObject[]) : [];
	for (const entry of log) entry.isActive = false;
	const now = nowIso();
	log.push({ reason, createdBy: 0, actions: [], autoUpdateTime: now.slice(0, 10), createdOn: now, entityId: Number(card.cardId), isActive: true, label, status: statusOf(label) ?? 'NOT_ISSUED' });
	card.statusLog = log;
	card.statusLabel = label;
	card.status = statusOf(label) ?? 'NOT_ISSUED';
}

/** Cards tagged through customer endpoints carry only the shared CardRecord fields: fill in ours. */
function ensureShape(state: SimState, card: CardRecord): CardRecord {
	if (card.cardId === undefined) card.cardId = state.nextEntityId++;
	if (card.status === undefined) card.status = statusOf(String(card.statusLabel)) ?? 'ACTIVE';
	if (!Array.isArray(card.statusLog)) {
		card.statusLog = [{ reason: '', createdBy: 0, actions: [], autoUpdateTime: String(card.createdOn).slice(0, 10), createdOn: card.createdOn, entityId: Number(card.cardId), isActive: true, label: card.statusLabel, status: String(card.status) }];
	}
	return card;
}

function cardByNumber(state: SimState, number: string): CardRecord | undefined {
	const card = state.cards.get(number);
	return card ? ensureShape(state, card) : undefined;
}

export function addCard(state: SimState, input: { cardNumber: string; seriesId: number; statusLabel?: string; customerId?: number | null; cardExternalId?: string; reason?: string }): CardRecord {
	const id = state.nextEntityId++;
	const card: CardRecord = {
		cardNumber: input.cardNumber,
		seriesId: input.seriesId,
		customerId: input.customerId ?? null,
		statusLabel: input.statusLabel ?? 'NOT_ISSUED',
		createdOn: nowIso(),
		cardId: id,
		cardExternalId: input.cardExternalId ?? null,
		customFields: {},
		extendedFields: {},
		mappedEntity: null,
		statusLog: [],
		seriesCode: String(seriesOf(state, input.seriesId)?.code ?? ''),
	};
	logStatus(card, input.statusLabel ?? 'NOT_ISSUED', input.reason ?? '');
	state.cards.set(card.cardNumber, card);
	return card;
}

function findCard(state: SimState, body: JsonObject): CardRecord | undefined {
	if (body.cardNumber !== undefined && body.cardNumber !== '') return cardByNumber(state, String(body.cardNumber));
	if (body.cardExternalId !== undefined && body.cardExternalId !== '') {
		const card = [...state.cards.values()].find((c) => c.cardExternalId === String(body.cardExternalId));
		return card ? ensureShape(state, card) : undefined;
	}
	return undefined;
}

function cardView(state: SimState, card: CardRecord): JsonObject {
	const series = seriesOf(state, card.seriesId);
	const log = (card.statusLog as JsonObject[]) ?? [];
	const current = log[log.length - 1] ?? {};
	const limit = maxActiveCards(state);
	return {
		cardId: card.cardId,
		id: card.cardId,
		issuedDate: card.issuedDate ?? card.createdOn,
		createdDate: String(card.createdOn).slice(0, 10),
		expiryDays: Number(series?.expiryDays ?? 0),
		seriesName: String(series?.name ?? ''),
		seriesCode: String(series?.code ?? ''),
		customerId: card.customerId ?? 0,
		maxActiveCards: limit ?? Number(series?.maxActiveCardsPerCustomer ?? 0),
		extendedFields: card.extendedFields ?? {},
		customFields: card.customFields ?? {},
		...(card.mappedEntity ? { mappedEntity: card.mappedEntity, entityCode: String((card.mappedEntity as JsonObject).value ?? '') } : {}),
		type: String(series?.type ?? 'DIGITAL'),
		cardNumber: card.cardNumber,
		...(card.cardExternalId ? { cardExternalId: card.cardExternalId } : {}),
		seriesId: card.seriesId,
		orgId: ORG_ID,
		statusInfo: { ...current, labelId: 200 + Object.keys(LABELS).indexOf(String(card.statusLabel).toUpperCase()) },
		statusLabelInfo: { label: card.statusLabel, status: card.status ?? 'NOT_ISSUED', type: 'CARD', isActive: true, orgId: ORG_ID },
		transactionNotAllowed: card.status !== 'ACTIVE',
	};
}

function plainObject(value: unknown): JsonObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

type Outcome = { card: CardRecord; warnings: JsonObject[] } | { error: { status: number; code: number; message: string } };

/** One card update as PUT v2/card and each entry of PUT v2/card/bulk apply it. */
function updateCard(state: SimState, body: JsonObject): Outcome {
	if (!body.cardNumber && !body.cardExternalId) return { error: { status: 400, code: 3010, message: 'Card number does not exists.' } };
	const card = findCard(state, body);
	if (!card) return { error: { status: 404, code: 3010, message: 'Card number does not exists.' } };
	if (body.cardNumber && body.cardExternalId && card.cardExternalId && card.cardExternalId !== body.cardExternalId) {
		return { error: { status: 400, code: 3046, message: 'Card external id & card number mismatch.' } };
	}
	if (body.seriesId !== undefined && Number(body.seriesId) !== card.seriesId) return { error: { status: 400, code: 3004, message: 'Series does not exist.' } };
	const warnings: JsonObject[] = [];
	if (body.statusLabel !== undefined) {
		const label = String(body.statusLabel);
		const status = statusOf(label);
		if (!status) return { error: { status: 400, code: 3017, message: 'Status label invalid.' } };
		if (label.toUpperCase() === String(card.statusLabel).toUpperCase()) {
			warnings.push({ status: false, code: 3039, message: 'No update in status label' });
		} else {
			const limit = maxActiveCards(state);
			if (status === 'ACTIVE' && card.customerId && limit !== undefined) {
				const active = [...state.cards.values()].filter((c) => c.customerId === card.customerId && ensureShape(state, c).status === 'ACTIVE' && c.cardNumber !== card.cardNumber).length;
				if (active >= limit) return { error: { status: 400, code: 3039, message: 'Active cards of the customer exceeded the max configured value for this org.' } };
			}
			const reason = String(plainObject(body.statusInfo)?.reason ?? '');
			logStatus(card, label, reason);
		}
	}
	const mapped = plainObject(body.mappedEntity);
	if (mapped) {
		if (String(mapped.type ?? 'TILL').toUpperCase() !== 'TILL') return { error: { status: 400, code: 3049, message: 'Mapped Entity Type Passed is invalid.' } };
		card.mappedEntity = { type: 'TILL', value: String(mapped.value ?? ''), id: 50016843 };
	}
	const custom = plainObject(body.customFields);
	if (custom) card.customFields = { ...((card.customFields as JsonObject) ?? {}), ...custom };
	const extended = plainObject(body.extendedFields);
	if (extended) card.extendedFields = { ...((card.extendedFields as JsonObject) ?? {}), ...extended };
	if (body.cardExternalId && !card.cardExternalId) card.cardExternalId = String(body.cardExternalId);
	return { card, warnings };
}

function fail(e: { status: number; code: number; message: string }): SimReply {
	return v2Error(e.status, e.code, e.message);
}

/** Card numbers as the series configuration builds them: prefix + digits + suffix. */
function generateNumber(state: SimState, series: JsonObject): string {
	const config = plainObject(series.cardGenerationConfiguration) ?? {};
	const prefix = String(config.prefix ?? '');
	const suffix = String(config.suffix ?? '');
	const length = Number(config.length ?? 16);
	for (let n = state.nextEntityId++; ; n = state.nextEntityId++) {
		const digits = String((n * 7919) % 10 ** Math.max(1, length - prefix.length - suffix.length)).padStart(Math.max(1, length - prefix.length - suffix.length), '0');
		const number = `${prefix}${digits}${suffix}`;
		if (!state.cards.has(number)) return number;
	}
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.get('/v2/card/series/get/all', () => ok({ data: [...cardSeries(state()).values()], warnings: [], errors: [] }));

	router.post('/v2/card/generate', (req) => {
		const body = bodyObject(req);
		const series = seriesOf(state(), body.seriesId);
		if (!series) return v2Error(400, 3004, 'Series does not exist.');
		if (series.cardGenerationEnabled !== true) return v2Error(400, 703, 'Card number generation disabled');
		const count = Number(body.count);
		if (!Number.isInteger(count) || count <= 0) return v2Error(400, 3025, 'Count field invalid.');
		if (count > 100000) return v2Error(400, 3026, 'Card count exceeds 100000.');
		const label = String(body.statusLabel ?? '');
		if (!label) return v2Error(400, 3011, 'Card status not passed.');
		if (statusOf(label) !== 'NOT_ISSUED') return v2Error(400, 3018, 'Card status label is not mapped to NOT_ISSUED.');
		const numbers: string[] = [];
		for (let i = 0; i < count; i++) numbers.push(addCard(state(), { cardNumber: generateNumber(state(), series), seriesId: Number(series.id), statusLabel: label }).cardNumber);
		const logs = state().collection('cardGenerationLogs');
		const id = logs.size + 46;
		logs.set(String(id), { count, createdBy: 50006796, date: nowIso(), description: '', fileHandle: `sim-${series.id}-${id}`, id, orgId: ORG_ID, seriesId: Number(series.id) });
		return ok({ entity: numbers, warnings: [] });
	});

	router.get('/v2/card/generation/logs/:seriesId', (req) => {
		const series = seriesOf(state(), req.params.seriesId);
		if (!series) return v2Error(400, 3004, 'Series does not exist.');
		const logs = [...state().collection('cardGenerationLogs').values()].filter((l) => l.seriesId === Number(series.id));
		return ok({ entity: logs, warnings: [] });
	});

	router.post('/v2/card', (req) => {
		const body = bodyObject(req);
		const series = seriesOf(state(), body.seriesId);
		if (!series) return v2Error(400, 3004, 'Series does not exist.');
		const number = String(body.cardNumber ?? '').trim();
		if (!number) return v2Error(400, 3010, 'Card number does not exists.');
		if (number.length < 5) return v2Error(400, 3028, 'Card length should not be less than 5.');
		if (state().cards.has(number)) return v2Error(400, 3009, 'Card number exists.');
		if (body.cardExternalId && [...state().cards.values()].some((c) => c.cardExternalId === String(body.cardExternalId))) return v2Error(400, 3045, 'Card external id exists.');
		const label = String(body.statusLabel ?? '');
		if (!label) return v2Error(400, 3011, 'Card status not passed.');
		if (!statusOf(label)) return v2Error(400, 3017, 'Status label invalid.');
		const card = addCard(state(), { cardNumber: number, seriesId: Number(series.id), statusLabel: label, cardExternalId: body.cardExternalId ? String(body.cardExternalId) : undefined, reason: String(plainObject(body.statusInfo)?.reason ?? '') });
		card.customFields = plainObject(body.customFields) ?? {};
		card.extendedFields = plainObject(body.extendedFields) ?? {};
		return ok({ entity: card.cardId, warnings: [] });
	});

	router.put('/v2/card', (req) => {
		const outcome = updateCard(state(), bodyObject(req));
		if ('error' in outcome) return fail(outcome.error);
		return ok({ ...cardView(state(), outcome.card), warnings: outcome.warnings });
	});

	router.put('/v2/card/bulk', (req) => {
		if (!Array.isArray(req.body)) return v2Error(400, 400, 'Request body must be a list of cards');
		const cards = req.body as JsonObject[];
		if (cards.length === 0) return v2Error(400, 400, 'No cards passed');
		if (cards.length > 200) return v2Error(400, 1060, 'Exceeded maximum limit size of 200.');
		const response = cards.map((entry) => {
			const outcome = updateCard(state(), plainObject(entry) ?? {});
			if ('error' in outcome) {
				return { entityId: { cardNumber: entry?.cardNumber ?? null, cardExternalId: entry?.cardExternalId ?? null }, errors: [{ status: false, code: outcome.error.code, message: outcome.error.message }], warnings: [] };
			}
			return { entityId: cardView(state(), outcome.card), errors: [], warnings: outcome.warnings };
		});
		const failureCount = response.filter((r) => r.errors.length > 0).length;
		return ok({ response, totalCount: response.length, failureCount }, failureCount > 0 ? 201 : 200);
	});

	router.get('/v2/card', (req) => {
		const card = cardByNumber(state(), String(req.query.number ?? ''));
		if (!card) return v2Error(404, 3010, 'Card number does not exists.');
		return ok({ ...cardView(state(), card), warnings: [] });
	});

	router.get('/v2/card/statusLog', (req) => {
		const card = cardByNumber(state(), String(req.query.number ?? ''));
		if (!card) return v2Error(404, 3010, 'Card number does not exists.');
		return ok({ data: (card.statusLog as JsonObject[]) ?? [], warnings: [], errors: [] });
	});

	router.post('/v2/organization/configs', (req) => {
		const body = bodyObject(req);
		if (body.keyName !== MAX_CARDS_KEY) return v2Error(400, 400, `Unsupported config key ${String(body.keyName ?? '')}`);
		if (String(body.scope ?? '').toUpperCase() !== 'ORG') return v2Error(400, 400, 'Invalid scope: pass ORG');
		const value = Number(body.value);
		if (!Number.isInteger(value)) return v2Error(400, 400, 'Invalid value for CONF_MAX_CARDS_PER_ORG');
		if (value < 0) return v2Error(400, 3034, 'Max active card per customer passed is negative.');
		const configs = state().collection('orgConfigs');
		const id = Number(configs.get(MAX_CARDS_KEY)?.id ?? 1290976 + configs.size);
		configs.set(MAX_CARDS_KEY, { id, entityId: ORG_ID, keyName: MAX_CARDS_KEY, value: String(value), scope: 'ORG' });
		return ok({ id, entityId: ORG_ID, keyName: MAX_CARDS_KEY, value: String(value), warnings: [] });
	});
}
