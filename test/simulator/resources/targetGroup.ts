/**
 * v3 target loyalty: target groups, their periods, targets and target communications, the
 * communication channels, and the target groups of a customer (with progress computed from the
 * customer's transactions). Answers use the v3 envelope `{data, errors, warnings}`.
 *
 * State (collections on `sim.state`): `targetGroups`, `targetPeriods`, `targets`,
 * `targetCommunications`, each keyed by id. Deleting a group removes its periods, targets and
 * communications; deactivating a target or a period keeps it with `active: false`.
 *
 * The error codes are the simulator's own (Capillary documents none for these endpoints):
 * 3101 invalid input, 3102 invalid till, 3103 duplicate name, 3104 group not found,
 * 3105 period not found, 3106 target not found, 3107 invalid channel.
 */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { bodyObject, ok, v3Error } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';
import { callingTill, orgEntities } from './organization';

export const CHANNELS: JsonObject[] = [
	{ id: 1, name: 'SMS' },
	{ id: 2, name: 'EMAIL' },
	{ id: 3, name: 'MOBILE PUSH' },
];

const PERIOD_STATUSES = ['RUNNING', 'NOT_STARTED', 'ENDED'];
const TARGET_TYPES = ['QUANTITY', 'SALES', 'COUNT', 'VISIT'];
const TARGET_ENTITIES = ['TRANSACTION', 'LINEITEM', 'POINTS'];
const ENROLMENT_METHODS = ['TRANSACTION', 'IMPORT'];
const FILTER_TYPES = ['STORE', 'ZONE', 'CONCEPT'];
const COMMUNICATION_TYPES = ['START', 'FINISH', 'CHANGE', 'REMINDER'];

export const groupsOf = (state: SimState) => state.collection('targetGroups');
export const periodsOf = (state: SimState) => state.collection('targetPeriods');
export const targetsOf = (state: SimState) => state.collection('targets');
const communicationsOf = (state: SimState) => state.collection('targetCommunications');

const data = (value: Json): SimReply => ok({ data: value, errors: null, warnings: [] });

class Invalid extends Error {
	constructor(
		readonly status: number,
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

const invalid = (message: string) => new Invalid(400, 3101, message);

/** Runs a handler; an `Invalid` thrown inside becomes Capillary's v3 error envelope. */
function guarded(handler: (req: SimRequest) => SimReply): (req: SimRequest) => SimReply {
	return (req) => {
		try {
			return handler(req);
		} catch (error) {
			if (error instanceof Invalid) return v3Error(error.status, error.code, error.message);
			throw error;
		}
	};
}

function attribution(state: SimState, req: SimRequest, previous?: JsonObject): JsonObject {
	const till = callingTill(state, req);
	const who = { id: Number(till.id), code: String(till.code), description: '', name: String(till.code), type: 'TILL' };
	const now = new Date().toISOString().replace('Z', '+0000');
	return { createdOn: (previous?.createdOn as string | undefined) ?? now, lastUpdatedOn: now, lastUpdatedBy: who, createdBy: (previous?.createdBy as JsonObject | undefined) ?? who };
}

function isoTime(value: unknown, field: string, required = false): string | undefined {
	if (value === undefined || value === null || value === '') {
		if (required) throw invalid(`${field} must not be null`);
		return undefined;
	}
	if (Number.isNaN(Date.parse(String(value)))) throw invalid(`${field} is not a valid ISO date-time: ${String(value)}`);
	return String(value);
}

const dateOnly = (value: unknown) => (value ? new Date(Date.parse(String(value))).toISOString().slice(0, 10) : null);

function oneOf(value: unknown, allowed: string[], field: string, fallback?: string): string {
	const v = value === undefined || value === null || value === '' ? fallback : String(value).toUpperCase();
	if (v === undefined || !allowed.includes(v)) throw invalid(`${field} must be one of ${allowed.join(', ')}`);
	return v;
}

function listBody(req: SimRequest): JsonObject[] {
	if (Array.isArray(req.body)) return req.body as JsonObject[];
	const single = bodyObject(req);
	if (Object.keys(single).length) return [single];
	throw invalid('Request body must be a list');
}

function groupOf(state: SimState, id: string): JsonObject {
	const group = groupsOf(state).get(String(Number(id)));
	if (!group) throw new Invalid(404, 3104, `Target group not found: ${id}`);
	return group;
}

function targetOf(state: SimState, group: JsonObject, id: string): JsonObject {
	const target = targetsOf(state).get(String(Number(id)));
	if (!target || target.targetGroupId !== group.id) throw new Invalid(404, 3106, `Target ${id} not found in target group ${String(group.id)}`);
	return target;
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

function periodView(p: JsonObject): JsonObject {
	return {
		id: p.id,
		attribution: p.attribution,
		startDate: dateOnly(p.startDate),
		endDate: dateOnly(p.endDate),
		refCode: p.refCode,
		periodStatus: p.periodStatus,
		targetGroupId: p.targetGroupId,
		description: p.description,
		active: p.active,
	};
}

function periodsOfGroup(state: SimState, groupId: unknown): JsonObject[] {
	return [...periodsOf(state).values()].filter((p) => p.targetGroupId === groupId);
}

function groupView(state: SimState, g: JsonObject, withPeriods = false): JsonObject {
	const view: JsonObject = {
		id: g.id,
		attribution: g.attribution,
		name: g.name,
		description: g.description,
		fromDate: dateOnly(g.fromDate),
		toDate: dateOnly(g.toDate),
		active: g.active,
		preferredTillId: g.preferredTillId,
		totalPeriods: g.totalPeriods,
		targetEvaluationType: g.targetEvaluationType,
		recurringCycles: g.recurringCycles,
		frequency: g.frequency,
		frequencyType: g.frequencyType,
		targetCycleStartDate: g.targetCycleStartDate,
	};
	if (withPeriods) {
		view.periods = periodsOfGroup(state, g.id).map(periodView);
		if (g.activePeriod) view.activePeriod = g.activePeriod;
	}
	return view;
}

function targetView(t: JsonObject): JsonObject {
	return { ...t };
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

function buildPeriod(state: SimState, req: SimRequest, groupId: number, input: JsonObject, previous?: JsonObject, requireDescription = true): JsonObject {
	const startDate = isoTime(input.startDate ?? previous?.startDate, 'startDate', true)!;
	const endDate = isoTime(input.endDate ?? previous?.endDate, 'endDate', true)!;
	if (Date.parse(endDate) <= Date.parse(startDate)) throw invalid('endDate must be after startDate');
	const description = input.description ?? previous?.description;
	if (requireDescription && (description === undefined || String(description).trim() === '')) throw invalid('description must not be blank');
	return {
		id: previous?.id ?? 0,
		attribution: attribution(state, req, previous?.attribution as JsonObject | undefined),
		startDate,
		endDate,
		refCode: String(input.refCode ?? previous?.refCode ?? ''),
		periodStatus: oneOf(input.periodStatus ?? previous?.periodStatus, PERIOD_STATUSES, 'periodStatus', 'NOT_STARTED'),
		targetGroupId: groupId,
		description: description === undefined ? '' : String(description),
		active: input.active === undefined ? (previous?.active ?? true) : input.active === true || String(input.active) === 'true',
	};
}

function buildTarget(state: SimState, req: SimRequest, group: JsonObject, input: JsonObject, previous?: JsonObject): JsonObject {
	const merged = { ...(previous ?? {}), ...input };
	if (!String(merged.name ?? '').trim()) throw invalid('name must not be blank');
	const filters = Array.isArray(merged.filters) ? (merged.filters as JsonObject[]) : [];
	const periodIds = new Set(periodsOfGroup(state, group.id).map((p) => Number(p.id)));
	const defaults = Array.isArray(merged.defaultValues) ? (merged.defaultValues as JsonObject[]) : [];
	for (const d of defaults) {
		if (!periodIds.has(Number(d.periodId))) throw new Invalid(404, 3105, `Target period ${String(d.periodId)} is not a period of target group ${String(group.id)}`);
	}
	return {
		id: previous?.id ?? 0,
		attribution: attribution(state, req, previous?.attribution as JsonObject | undefined),
		name: String(merged.name),
		description: String(merged.description ?? ''),
		emfRuleSetId: Number(merged.emfRuleSetId ?? 0),
		emfUnrolledRulesetId: Number(merged.emfUnrolledRulesetId ?? 0),
		targetType: oneOf(merged.targetType, TARGET_TYPES, 'targetType'),
		targetEntity: oneOf(merged.targetEntity, TARGET_ENTITIES, 'targetEntity', 'TRANSACTION'),
		targetGroupId: group.id,
		active: merged.active === undefined ? true : merged.active === true || String(merged.active) === 'true',
		expression: String(merged.expression ?? 'true'),
		expressionJson: String(merged.expressionJson ?? '{"arity":"literal","value":"true","type":"boolean:primitive"}'),
		filters: filters.map((f) => ({
			entityType: oneOf(f.entityType, FILTER_TYPES, 'filters.entityType'),
			entityIds: (Array.isArray(f.entityIds) ? f.entityIds : []).map((id) => Number(id)),
		})),
		enrolmentMethod: oneOf(merged.enrolmentMethod, ENROLMENT_METHODS, 'enrolmentMethod', 'TRANSACTION'),
		defaultValues: defaults.map((d, i) => ({
			id: (d.id as number | undefined) ?? Number(previous?.id ?? 0) * 100 + i + 1,
			periodId: Number(d.periodId),
			defaultValue: Number(d.defaultValue ?? 0),
		})),
	};
}

// ---------------------------------------------------------------------------------------------
// Customer progress (GET v3/users/{userId}/targetGroups)
// ---------------------------------------------------------------------------------------------

function currentPeriod(state: SimState, groupId: unknown): JsonObject | undefined {
	const now = Date.now();
	const periods = periodsOfGroup(state, groupId).filter((p) => p.active !== false);
	return periods.find((p) => Date.parse(String(p.startDate)) <= now && now <= Date.parse(String(p.endDate))) ?? periods.find((p) => p.periodStatus === 'RUNNING');
}

function achieved(state: SimState, customerId: number, target: JsonObject, period: JsonObject): number {
	const from = Date.parse(String(period.startDate));
	const to = Date.parse(String(period.endDate));
	const bills = state
		.transactionsOf(customerId)
		.filter((t) => t.type.toUpperCase() === 'REGULAR')
		.filter((t) => {
			const at = Date.parse(t.billingTime.replace(' ', 'T'));
			return at >= from && at <= to;
		});
	switch (target.targetType) {
		case 'SALES':
			return bills.reduce((sum, t) => sum + t.amount, 0);
		case 'QUANTITY':
			return bills.reduce((sum, t) => sum + t.lineItems.reduce((q, li) => q + Number(li.qty ?? 1), 0), 0);
		case 'VISIT':
			return new Set(bills.map((t) => t.billingTime.slice(0, 10))).size;
		default:
			return bills.length;
	}
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.get('/v3/targetGroups/channels', () => data(CHANNELS));

	router.post(
		'/v3/targetGroups',
		guarded((req) => {
			const body = bodyObject(req);
			const name = String(body.name ?? '').trim();
			if (!name) throw invalid('name must not be blank');
			const till = orgEntities(state()).get(String(body.preferredTillId ?? ''));
			if (!till || till.type !== 'TILL') throw new Invalid(400, 3102, `preferredTillId is not a till of the org: ${String(body.preferredTillId ?? '')}`);
			if ([...groupsOf(state()).values()].some((g) => String(g.name).toLowerCase() === name.toLowerCase())) throw new Invalid(400, 3103, `A target group named "${name}" exists`);
			const fromDate = isoTime(body.fromDate, 'fromDate');
			const toDate = isoTime(body.toDate, 'toDate');
			if (fromDate && toDate && Date.parse(toDate) <= Date.parse(fromDate)) throw invalid('toDate must be after fromDate');
			const id = state().nextEntityId++;
			const periods = (Array.isArray(body.periods) ? (body.periods as JsonObject[]) : []).map((p) => buildPeriod(state(), req, id, p, undefined, false));
			const active = body.activePeriod && typeof body.activePeriod === 'object' ? (body.activePeriod as JsonObject) : undefined;
			const group: JsonObject = {
				id,
				attribution: attribution(state(), req),
				name,
				description: String(body.description ?? ''),
				fromDate: fromDate ?? null,
				toDate: toDate ?? null,
				active: body.active === undefined ? true : body.active === true,
				preferredTillId: Number(till.id),
				totalPeriods: Number(body.totalPeriods ?? periods.length),
				targetEvaluationType: 'FIXED_CALENDAR_WINDOW',
				recurringCycles: Number(body.recurringCycles ?? -1),
				frequency: Number(body.frequency ?? 0),
				frequencyType: String(body.frequencyType ?? 'MONTHLY'),
				targetCycleStartDate: (body.targetCycleStartDate as string | undefined) ?? null,
				activePeriod: active
					? { startDate: dateOnly(active.startDate), endDate: dateOnly(active.endDate), refCode: String(active.refCode ?? ''), periodStatus: String(active.periodStatus ?? 'RUNNING'), description: String(active.description ?? ''), active: active.active !== false }
					: null,
			};
			groupsOf(state()).set(String(id), group);
			for (const p of periods) {
				p.id = state().nextEntityId++;
				periodsOf(state()).set(String(p.id), p);
			}
			return data(groupView(state(), group, true));
		}),
	);

	router.get('/v3/targetGroups/:groupId', guarded((req) => data(groupView(state(), groupOf(state(), req.params.groupId)))));

	router.delete(
		'/v3/targetGroups/:groupId',
		guarded((req) => {
			const group = groupOf(state(), req.params.groupId);
			groupsOf(state()).delete(String(group.id));
			for (const [key, p] of periodsOf(state())) if (p.targetGroupId === group.id) periodsOf(state()).delete(key);
			for (const [key, t] of targetsOf(state())) if (t.targetGroupId === group.id) targetsOf(state()).delete(key);
			for (const [key, c] of communicationsOf(state())) if (c.targetGroupId === group.id) communicationsOf(state()).delete(key);
			// As in Capillary's sample: data true with an empty error entry.
			return ok({ data: true, errors: [{ code: 0, message: '' }] });
		}),
	);

	// ----- periods -------------------------------------------------------------------------------

	router.get('/v3/targetGroups/:groupId/targetPeriods', guarded((req) => data(periodsOfGroup(state(), groupOf(state(), req.params.groupId).id).map(periodView))));

	router.post(
		'/v3/targetGroups/:groupId/targetPeriods',
		guarded((req) => {
			const group = groupOf(state(), req.params.groupId);
			const built = listBody(req).map((p) => buildPeriod(state(), req, Number(group.id), p));
			for (const p of built) {
				p.id = state().nextEntityId++;
				periodsOf(state()).set(String(p.id), p);
			}
			group.totalPeriods = periodsOfGroup(state(), group.id).length;
			// Capillary answers with every period of the group.
			return data(periodsOfGroup(state(), group.id).map(periodView));
		}),
	);

	router.put(
		'/v3/targetGroups/:groupId/targetPeriods',
		guarded((req) => {
			const group = groupOf(state(), req.params.groupId);
			const changes = listBody(req).map((input) => {
				const previous = periodsOf(state()).get(String(Number(input.id)));
				if (!previous || previous.targetGroupId !== group.id) throw new Invalid(404, 3105, `Target period ${String(input.id ?? '')} not found in target group ${String(group.id)}`);
				return buildPeriod(state(), req, Number(group.id), input, previous);
			});
			for (const p of changes) periodsOf(state()).set(String(p.id), p);
			return data(changes.map(periodView));
		}),
	);

	// ----- targets -------------------------------------------------------------------------------

	router.get('/v3/targetGroups/:groupId/targets', guarded((req) => {
		const group = groupOf(state(), req.params.groupId);
		return data([...targetsOf(state()).values()].filter((t) => t.targetGroupId === group.id).map(targetView));
	}));

	router.post(
		'/v3/targetGroups/:groupId/targets',
		guarded((req) => {
			const group = groupOf(state(), req.params.groupId);
			const built = listBody(req).map((t) => buildTarget(state(), req, group, t));
			for (const t of built) {
				t.id = state().nextEntityId++;
				if (!t.emfRuleSetId) t.emfRuleSetId = 13000 + Number(t.id);
				(t.defaultValues as JsonObject[]).forEach((d, i) => (d.id = Number(t.id) * 100 + i + 1));
				targetsOf(state()).set(String(t.id), t);
			}
			return data(built.map(targetView));
		}),
	);

	router.put(
		'/v3/targetGroups/:groupId/targets/:targetId',
		guarded((req) => {
			const group = groupOf(state(), req.params.groupId);
			const previous = targetOf(state(), group, req.params.targetId);
			const input = Array.isArray(req.body) ? ((req.body[0] ?? {}) as JsonObject) : bodyObject(req);
			const updated = buildTarget(state(), req, group, { ...input, id: previous.id }, previous);
			targetsOf(state()).set(String(previous.id), updated);
			return data(targetView(updated));
		}),
	);

	router.delete(
		'/v3/targetGroups/:groupId/targets/:targetId',
		guarded((req) => {
			const group = groupOf(state(), req.params.groupId);
			const target = targetOf(state(), group, req.params.targetId);
			target.active = false;
			target.attribution = attribution(state(), req, target.attribution as JsonObject);
			return data(true);
		}),
	);

	// ----- communications ------------------------------------------------------------------------

	router.get(
		'/v3/targetGroups/:groupId/targets/:targetId/communications',
		guarded((req) => {
			const group = groupOf(state(), req.params.groupId);
			const target = targetOf(state(), group, req.params.targetId);
			return data([...communicationsOf(state()).values()].filter((c) => c.targetId === target.id).map((c) => ({ ...c, configs: [] })));
		}),
	);

	router.post(
		'/v3/targetGroups/:groupId/targets/:targetId/communications/upsert',
		guarded((req) => {
			const group = groupOf(state(), req.params.groupId);
			const target = targetOf(state(), group, req.params.targetId);
			const existing = () => [...communicationsOf(state()).values()].filter((c) => c.targetId === target.id);
			const built = listBody(req).map((input) => {
				const type = oneOf(input.communicationType, COMMUNICATION_TYPES, 'communicationType');
				const channelId = Number(input.channelId);
				if (!CHANNELS.some((c) => c.id === channelId)) throw new Invalid(400, 3107, `Invalid channelId: ${String(input.channelId ?? '')}`);
				if (!String(input.messageTemplate ?? '').trim()) throw invalid('messageTemplate must not be blank');
				const offsetDays = Number(input.offsetDays ?? 0);
				const previous =
					input.id !== undefined
						? existing().find((c) => c.id === Number(input.id))
						: existing().find((c) => c.communicationType === type && c.channelId === channelId && c.offsetDays === offsetDays);
				if (input.id !== undefined && !previous) throw invalid(`Communication ${String(input.id)} is not a communication of target ${String(target.id)}`);
				return {
					id: previous?.id ?? 0,
					attribution: attribution(state(), req, previous?.attribution as JsonObject | undefined),
					targetId: target.id,
					targetGroupId: group.id,
					communicationType: type,
					channelId,
					subjectTemplate: String(input.subjectTemplate ?? previous?.subjectTemplate ?? ''),
					messageTemplate: String(input.messageTemplate),
					sender: String(input.sender ?? previous?.sender ?? ''),
					offsetDays,
					active: input.active === undefined ? true : input.active === true || String(input.active) === 'true',
				} as JsonObject;
			});
			for (const c of built) {
				if (!c.id) c.id = state().nextEntityId++;
				communicationsOf(state()).set(String(c.id), c);
			}
			return data(built);
		}),
	);

	// ----- a customer's target groups --------------------------------------------------------------

	router.get(
		'/v3/users/:userId/targetGroups',
		guarded((req) => {
			const customer = state().customers.get(Number(req.params.userId));
			if (!customer) throw new Invalid(404, 8015, `No customer found with the given identifier: ${req.params.userId}`);
			const groups: JsonObject[] = [];
			for (const group of groupsOf(state()).values()) {
				if (group.active === false) continue;
				const period = currentPeriod(state(), group.id);
				if (!period) continue;
				const targets = [...targetsOf(state()).values()].filter((t) => t.targetGroupId === group.id && t.active !== false && t.enrolmentMethod === 'TRANSACTION');
				const progress = targets.map((t) => {
					const value = (t.defaultValues as JsonObject[]).find((d) => d.periodId === period.id)?.defaultValue as number | undefined;
					const achievedValue = achieved(state(), customer.id, t, period);
					return { targetId: t.id, name: t.name, targetType: t.targetType, targetEntity: t.targetEntity, periodId: period.id, targetValue: value ?? null, achievedValue, achieved: value !== undefined && achievedValue >= value };
				});
				// Enrolled (enrolment by transaction): at least one transaction in the running period.
				if (!progress.some((p) => p.achievedValue > 0)) continue;
				groups.push({ ...groupView(state(), group), userId: customer.id, activePeriod: periodView(period), targets: progress });
			}
			return data(groups);
		}),
	);
}

// ---------------------------------------------------------------------------------------------
// Demo data for tests and examples (ids as in Capillary's samples)
// ---------------------------------------------------------------------------------------------

export const DEMO_TARGETS = { groupId: 30, endedPeriodId: 70, runningPeriodId: 71, targetId: 34, communicationId: 2 } as const;

/**
 * Target group 30 "Demo Targets" with an ended period (70), a running one (71, around today), a
 * SALES target 34 (10,000 per period, enrolment by transaction) and its REMINDER SMS (2).
 */
export function seedTargetGroup(state: SimState): void {
	const till = [...orgEntities(state).values()].find((e) => e.type === 'TILL' && e.code === 'store.server')!;
	const who = { id: Number(till.id), code: String(till.code), description: '', name: String(till.code), type: 'TILL' };
	const attr = { createdOn: '2026-01-01T10:00:00.000+0000', lastUpdatedOn: '2026-01-01T10:00:00.000+0000', lastUpdatedBy: who, createdBy: who };
	const day = 86_400_000;
	const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
	const { groupId, endedPeriodId, runningPeriodId, targetId, communicationId } = DEMO_TARGETS;
	groupsOf(state).set(String(groupId), {
		id: groupId,
		attribution: attr,
		name: 'Demo Targets',
		description: 'Spend targets',
		fromDate: iso(-40),
		toDate: iso(60),
		active: true,
		preferredTillId: Number(till.id),
		totalPeriods: 2,
		targetEvaluationType: 'FIXED_CALENDAR_WINDOW',
		recurringCycles: -1,
		frequency: 0,
		frequencyType: 'MONTHLY',
		targetCycleStartDate: iso(-40),
		activePeriod: null,
	});
	const period = (id: number, from: number, to: number, refCode: string, periodStatus: string) =>
		periodsOf(state).set(String(id), { id, attribution: attr, startDate: iso(from), endDate: iso(to), refCode, periodStatus, targetGroupId: groupId, description: refCode, active: true });
	period(endedPeriodId, -40, -11, 'Cycle 1', 'ENDED');
	period(runningPeriodId, -10, 20, 'Cycle 2', 'RUNNING');
	targetsOf(state).set(String(targetId), {
		id: targetId,
		attribution: attr,
		name: 'Spend 10,000',
		description: '',
		emfRuleSetId: 9937,
		emfUnrolledRulesetId: 9936,
		targetType: 'SALES',
		targetEntity: 'TRANSACTION',
		targetGroupId: groupId,
		active: true,
		expression: 'true',
		expressionJson: '{"arity":"literal","value":"true","type":"boolean:primitive"}',
		filters: [{ entityType: 'STORE', entityIds: [50000010, 50000011] }],
		enrolmentMethod: 'TRANSACTION',
		defaultValues: [
			{ id: 54, periodId: endedPeriodId, defaultValue: 9997 },
			{ id: 55, periodId: runningPeriodId, defaultValue: 10000 },
		],
	});
	communicationsOf(state).set(String(communicationId), {
		id: communicationId,
		attribution: attr,
		targetId,
		targetGroupId: groupId,
		communicationType: 'REMINDER',
		channelId: 1,
		subjectTemplate: '',
		messageTemplate: 'Only a little more to reach your target!',
		sender: 'DEMO',
		offsetDays: 1,
		active: true,
	});
}
