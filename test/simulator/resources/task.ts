/**
 * v1.1 task endpoints: add, update, list (metadata), update logs, status mappings and reminders.
 *
 * State (collections on `sim.state`):
 * - `tasks` keyed by id: the task with its `entries` (one status per executor: associate, store
 *   or customer) and the store it was created at. Store → Get Tasks lists these entries.
 * - `taskLogs` keyed by id: what happened to a task (created, status changes, updates, reminders).
 * - `taskReminders` keyed by id, `taskStatusMappings` keyed by id (seeded with the three
 *   built-in statuses; labels posted are what task lists show as status labels).
 */
import type { Json, JsonObject, Router, SimReply, SimRequest } from '../http';
import { itemStatus, nowV11, v11Entities, v11Error, v11Ok } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';
import { callingTill, orgEntities } from './organization';
import { associateById, callingStore } from './store';

const ACTION_TYPES = ['sms', 'email', 'call', 'none'];
const INTERNAL_STATUSES = ['OPEN', 'IN_PROGRESS', 'CLOSED', 'NONE'];
const DEFAULT_STATUSES = 'OPEN,IN_PROGRESS,CLOSED';

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

export const tasksOf = (state: SimState) => state.collection('tasks');
const logsOf = (state: SimState) => state.collection('taskLogs');
const remindersOf = (state: SimState) => state.collection('taskReminders');

function mappingsOf(state: SimState): Map<string, JsonObject> {
	const map = state.collection('taskStatusMappings');
	if (map.size === 0) {
		['OPEN', 'IN_PROGRESS', 'CLOSED'].forEach((value, i) => map.set(String(i + 1), { id: i + 1, value, label: value }));
	}
	return map;
}

/** Entries of the tasks of one store, newest task first (Store → Get Tasks). */
export function storeTaskEntries(state: SimState, storeId: number): Array<{ task: JsonObject; entry: JsonObject }> {
	const list: Array<{ task: JsonObject; entry: JsonObject }> = [];
	for (const task of [...tasksOf(state).values()].reverse()) {
		for (const entry of task.entries as JsonObject[]) if (Number(entry.store_id) === storeId) list.push({ task, entry });
	}
	return list;
}

/** When a task of the store last changed ('' when it has none): InStore's store_tasks timestamp. */
export function lastTaskChange(state: SimState, storeId: number): string {
	const times = [...tasksOf(state).values()].filter((t) => Number(t.store_id) === storeId).map((t) => String(t.updated_on));
	return times.sort().pop() ?? '';
}

function log(state: SimState, task: JsonObject, req: SimRequest, entry: JsonObject): void {
	const id = state.nextEntityId++;
	logsOf(state).set(String(id), { id, task_id: task.id, entry_id: '', old_status: '', new_status: '', changes: '', updated_by: String(callingTill(state, req).id), updated_on: nowV11(), ...entry });
}

/** v1.1 times: `YYYY-MM-DD HH:MM:SS`, also with one-digit months/days as in Capillary's samples. */
function v11Time(value: unknown): number | undefined {
	const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(String(value ?? '').trim());
	if (!m) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
	return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

const csv = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s);

const truthy = (value: unknown) => value === true || String(value).toLowerCase() === 'true';

function labelFor(state: SimState, value: string): string {
	return [...mappingsOf(state).values()].find((m) => m.value === value)?.label as string | undefined ?? value;
}

/** A status a task accepts: one of its possible statuses, or an org label mapped to Capillary's statuses. */
function acceptedStatus(state: SimState, task: JsonObject, status: string): string | undefined {
	const wanted = status.trim().toUpperCase();
	const own = (task.possible_statuses as string[]).find((s) => s.toUpperCase() === wanted);
	if (own) return own;
	const mapped = [...mappingsOf(state).values()].find((m) => String(m.label).toUpperCase() === wanted);
	return mapped ? String(mapped.label) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

function entryView(entry: JsonObject): JsonObject {
	return {
		entry_id: String(entry.entry_id),
		customer_id: String(entry.customer_id),
		associate_id: String(entry.associate_id),
		associate_name: String(entry.associate_name),
		store_id: String(entry.store_id),
		status: String(entry.status),
		type: String(entry.type),
	};
}

function reminderView(r: JsonObject): JsonObject {
	return { id: String(r.id), task_id: String(r.task_id), created_by: String(r.created_by), remindee_id: String(r.remindee_id), time: String(r.time), template: String(r.template) };
}

function remindersOfTask(state: SimState, taskId: unknown): JsonObject[] {
	return [...remindersOf(state).values()].filter((r) => String(r.task_id) === String(taskId)).map(reminderView);
}

function taskView(state: SimState, task: JsonObject): JsonObject {
	return {
		id: String(task.id),
		local_id: String(task.local_id),
		title: String(task.title),
		body: String(task.body),
		start_date: String(task.start_date),
		end_date: String(task.end_date),
		expiry_date: String(task.expiry_date),
		type: String(task.type),
		action: task.action,
		cashier_task: String(task.target_type !== 'CUSTOMER'),
		customer_task: String(task.target_type === 'CUSTOMER'),
		execute_by_all: String(task.execute_by_all),
		creator: task.creator,
		possible_statuses: (task.possible_statuses as string[]).join(','),
		tags: String(task.tags),
		entries: { entry: (task.entries as JsonObject[]).map(entryView) },
		reminders: { reminder: remindersOfTask(state, task.id) },
	};
}

function metadataView(state: SimState, task: JsonObject): JsonObject {
	return {
		id: String(task.id),
		title: String(task.title),
		body: String(task.body),
		start_date: String(task.start_date),
		end_date: String(task.end_date),
		expiry_date: String(task.expiry_date),
		action: task.action,
		task_type: String(task.type),
		cashier_task: String(task.target_type !== 'CUSTOMER'),
		customer_task: String(task.target_type === 'CUSTOMER'),
		execute_by_all: String(task.execute_by_all),
		creator: task.creator,
		possible_statuses: { status: (task.possible_statuses as string[]).map((value) => ({ label: labelFor(state, value), value })) },
		tags: String(task.tags),
		created_on: String(task.created_on),
		store_id: String(task.store_id),
	};
}

// ---------------------------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------------------------

const succeeded = (entity: JsonObject) => (entity.item_status as JsonObject | undefined)?.success === 'true';

/** Batch answer under `tasks.<...path>`: 200 when all succeeded, 201 when some, 500 (in HTTP 200) when none. */
function batch(path: string[], results: JsonObject[], single = true): SimReply {
	let payload: Json = single && results.length === 1 ? results[0] : results;
	for (const key of [...path].reverse()) payload = { [key]: payload };
	const good = results.filter(succeeded).length;
	const body = { tasks: payload } as JsonObject;
	if (good === results.length) return v11Ok(body, 'SUCCESS');
	if (good > 0) return { status: 200, body: { response: { status: { success: 'true', code: '201', message: 'Some requests have failed due to errors' }, ...body } } };
	return v11Error(500, 'All requests have failed due to errors', 200, body);
}

function failure(base: JsonObject, code: number, message: string): JsonObject {
	return { ...base, item_status: itemStatus(false, code, message) };
}

// ---------------------------------------------------------------------------------------------
// Add and update
// ---------------------------------------------------------------------------------------------

function checkDates(task: JsonObject): { code: number; message: string } | undefined {
	const start = v11Time(task.start_date);
	const end = v11Time(task.end_date);
	const expiry = v11Time(task.expiry_date);
	for (const key of ['start_date', 'end_date', 'expiry_date']) {
		if (task[key] && v11Time(task[key]) === undefined) return { code: 5205, message: `One or more params you have passed are invalid. Please check the parameters (${key})` };
	}
	if (start !== undefined && end !== undefined && end < start) return { code: 5208, message: 'Task end date should be greater than the task start date' };
	if (end !== undefined && expiry !== undefined && expiry < end) return { code: 5209, message: 'Task expiry date should be greater than the task end date' };
	return undefined;
}

function buildEntries(state: SimState, input: JsonObject, store: JsonObject, initial: string): { entries?: JsonObject[]; error?: { code: number; message: string } } {
	const entry = (fields: JsonObject, type: string): JsonObject => ({
		entry_id: state.nextEntityId++,
		customer_id: '',
		associate_id: '',
		associate_name: '',
		store_id: store.id,
		status: initial,
		type,
		...fields,
	});
	if (String(input.target_type ?? '').toUpperCase().includes('CUSTOMER') && !String(input.target_type).toUpperCase().includes('CASHIER')) {
		const ids = csv(input.customer_ids);
		for (const groupId of csv(input.selected_audience_groups)) {
			const group = state.userGroups.get(Number(groupId));
			if (!group) return { error: { code: 5212, message: `Customers are not registered in this organization (audience group ${groupId})` } };
			ids.push(...group.members.map(String));
		}
		if (ids.length === 0) return { error: { code: 5205, message: 'One or more params you have passed are invalid. Please check the parameters (customer_ids or selected_audience_groups)' } };
		const unknown = ids.filter((id) => !state.customers.has(Number(id)));
		if (unknown.length) return { error: { code: 5213, message: `One or more customers passed are not registered: ${unknown.join(',')}` } };
		return { entries: [...new Set(ids)].map((id) => entry({ customer_id: id }, 'CUSTOMER')) };
	}
	const ids = csv(input.executable_by_ids);
	if (String(input.executable_by_type ?? 'cashier').toLowerCase() === 'store' && ids.length) {
		const stores = ids.map((id) => orgEntities(state).get(id));
		if (stores.some((s) => s?.type !== 'STORE')) return { error: { code: 5212, message: 'Invalid id the recipient (an associate) to whom the task is assigned' } };
		return { entries: stores.map((s) => entry({ store_id: s!.id }, 'STORE')) };
	}
	if (ids.length && !truthy(input.execute_by_all)) {
		const people = ids.map((id) => associateById(state, id));
		if (people.some((p) => !p)) return { error: { code: 5212, message: 'Invalid id the recipient (an associate) to whom the task is assigned' } };
		return { entries: people.map((p) => entry({ associate_id: String(p!.id), associate_name: `${String(p!.firstname)} ${String(p!.lastname)}`.trim() }, 'CASHIER')) };
	}
	return { entries: [entry({}, 'CASHIER')] };
}

function addReminder(state: SimState, task: JsonObject, input: JsonObject, req: SimRequest): JsonObject {
	const id = state.nextEntityId++;
	const reminder = {
		id,
		task_id: task.id,
		created_by: String(input.created_by ?? '') || String((task.creator as JsonObject).id ?? '') || String(callingTill(state, req).id),
		remindee_id: String(input.remindee_id ?? ''),
		time: String(input.time),
		template: String(input.template ?? ''),
	};
	remindersOf(state).set(String(id), reminder);
	return reminder;
}

function addTask(state: SimState, req: SimRequest, input: JsonObject): JsonObject {
	const base = { id: String(input.id ?? '-1'), local_id: String(input.local_id ?? ''), title: String(input.title ?? '') };
	if (input.id !== undefined && String(input.id) !== '-1' && String(input.id) !== '') {
		// A positive id updates that task (entries: their statuses), as Capillary's docs describe.
		return updateTask(state, req, { ...input, status: ((input.entries as JsonObject | undefined)?.entry as JsonObject[] | undefined)?.[0]?.status ?? input.status });
	}
	if (!String(input.title ?? '').trim()) return failure(base, 5205, 'One or more params you have passed are invalid. Please check the parameters (title)');
	const action = (input.action ?? {}) as JsonObject;
	const actionType = String(action.type ?? 'none').toLowerCase();
	if (!ACTION_TYPES.includes(actionType)) return failure(base, 5205, `One or more params you have passed are invalid. Please check the parameters (action type ${String(action.type)})`);
	const creator = (input.creator ?? {}) as JsonObject;
	const creatorId = String(creator.id ?? '');
	const creatorPerson = creatorId ? associateById(state, creatorId) : undefined;
	if (creatorId && !creatorPerson) return failure(base, 5213, 'Invalid create by id');
	const possible = csv(input.possible_statuses || DEFAULT_STATUSES).map((s) => s.toUpperCase());
	const task: JsonObject = {
		id: 0,
		local_id: base.local_id,
		title: base.title,
		body: String(input.body ?? ''),
		start_date: String(input.start_date ?? ''),
		end_date: String(input.end_date ?? ''),
		expiry_date: String(input.expiry_date ?? ''),
		type: String(input.type ?? 'TASK').toUpperCase(),
		action: { type: actionType, template: String(action.template ?? '') },
		creator: { type: String(creator.type ?? 'manager'), id: creatorId, name: creatorPerson ? `${String(creatorPerson.firstname)} ${String(creatorPerson.lastname)}`.trim() : '' },
		target_type: String(input.target_type ?? 'CASHIER').toUpperCase(),
		execute_by_all: truthy(input.execute_by_all),
		executable_by_type: String(input.executable_by_type ?? 'cashier'),
		possible_statuses: possible,
		tags: String(input.tags ?? ''),
		created_on: nowV11(),
		updated_on: nowV11(),
		entries: [],
	};
	const dates = checkDates(task);
	if (dates) return failure(base, dates.code, dates.message);
	const store = callingStore(state, req);
	task.store_id = store.id;
	const built = buildEntries(state, input, store, possible[0]);
	if (built.error) return failure(base, built.error.code, built.error.message);
	task.entries = built.entries!;
	task.id = state.nextEntityId++;
	tasksOf(state).set(String(task.id), task);
	log(state, task, req, { action: 'CREATED', new_status: possible[0], changes: `${(task.entries as JsonObject[]).length} entries` });
	const reminders = Array.isArray(input.reminder) ? (input.reminder as JsonObject[]) : input.reminder ? [input.reminder as JsonObject] : [];
	for (const r of reminders) if (r.time) addReminder(state, task, r, req);
	return { ...taskView(state, task), item_status: itemStatus(true, 200, 'Task Added Successfully') };
}

const METADATA_FIELDS: Array<[input: string, key: string]> = [
	['title', 'title'],
	['body', 'body'],
	['start_date', 'start_date'],
	['end_date', 'end_date'],
	['expiry_date', 'expiry_date'],
	['tags', 'tags'],
];

function updateTask(state: SimState, req: SimRequest, input: JsonObject): JsonObject {
	const task = tasksOf(state).get(String(input.id ?? ''));
	const base = { id: String(input.id ?? '') };
	if (!task) return failure(base, 5204, 'Invalid or empty task identifier');
	const draft: JsonObject = { ...task, action: { ...(task.action as JsonObject) } };
	const changed: string[] = [];
	for (const [from, key] of METADATA_FIELDS) {
		if (input[from] !== undefined && String(input[from]) !== String(task[key])) {
			draft[key] = String(input[from]);
			changed.push(key);
		}
	}
	if (input.action_type !== undefined) {
		const type = String(input.action_type).toLowerCase();
		if (!ACTION_TYPES.includes(type)) return failure(base, 5205, `One or more params you have passed are invalid. Please check the parameters (action_type ${type})`);
		(draft.action as JsonObject).type = type;
		changed.push('action_type');
	}
	if (input.action_template !== undefined) {
		(draft.action as JsonObject).template = String(input.action_template);
		changed.push('action_template');
	}
	const dates = checkDates(draft);
	if (dates) return failure(base, dates.code, dates.message);
	let newEntries: JsonObject[] = [];
	if (input.executable_by_ids !== undefined && csv(input.executable_by_ids).length) {
		const store = orgEntities(state).get(String(task.store_id)) ?? callingStore(state, req);
		const existing = new Set((task.entries as JsonObject[]).map((e) => String(e.associate_id)));
		const ids = csv(input.executable_by_ids).filter((id) => !existing.has(id));
		const built = buildEntries(state, { executable_by_ids: ids.join(','), executable_by_type: 'cashier' }, store, (task.possible_statuses as string[])[0]);
		if (built.error) return failure(base, built.error.code, built.error.message);
		newEntries = ids.length ? built.entries! : [];
	}
	let status = '';
	let targets: JsonObject[] = [];
	if (input.status !== undefined && String(input.status) !== '') {
		const accepted = acceptedStatus(state, task, String(input.status));
		if (!accepted) return failure(base, 5207, `Invalid status passed: ${String(input.status)}`);
		status = accepted;
		const entries = task.entries as JsonObject[];
		targets = entries.filter(
			(e) =>
				(!input.entry_id || String(e.entry_id) === String(input.entry_id)) &&
				(!input.customer_id || String(e.customer_id) === String(input.customer_id)) &&
				(!input.associate_id || String(e.associate_id) === String(input.associate_id)),
		);
		if (targets.length === 0) return failure(base, 5205, 'One or more params you have passed are invalid. Please check the parameters (no such task entry)');
	}
	// Valid: apply.
	Object.assign(task, draft, { entries: [...(task.entries as JsonObject[]), ...newEntries], updated_on: nowV11() });
	for (const entry of targets) {
		const old = String(entry.status);
		entry.status = status;
		log(state, task, req, { action: 'STATUS_CHANGED', entry_id: entry.entry_id, old_status: old, new_status: status });
	}
	if (changed.length || newEntries.length) log(state, task, req, { action: 'UPDATED', changes: [...changed, ...(newEntries.length ? ['executable_by_ids'] : [])].join(',') });
	return {
		id: String(task.id),
		status,
		start_date: String(task.start_date),
		end_date: String(task.end_date),
		expiry_date: String(task.expiry_date),
		item_status: itemStatus(true, 200, status ? 'Task Status Updated Successfully' : 'Task Updated Successfully'),
	};
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v1.1/task/add', (req) => {
		const inputs = v11Entities(req, 'task');
		if (inputs.length === 0) return v11Error(400, 'Input is invalid: root.task is missing');
		return batch(['task'], inputs.map((input) => addTask(state(), req, input)));
	});

	router.post('/v1.1/task/update', (req) => {
		const inputs = v11Entities(req, 'task');
		if (inputs.length === 0) return v11Error(400, 'Input is invalid: root.task is missing');
		return batch(['task'], inputs.map((input) => updateTask(state(), req, input)));
	});

	router.get('/v1.1/task/metadata', (req) => {
		const q = req.query;
		if (q.action_type && !ACTION_TYPES.includes(q.action_type.toLowerCase())) return v11Error(500, 'All requests have failed due to errors', 200, { tasks: { task: { item_status: itemStatus(false, 5205, 'One or more params you have passed are invalid. Please check the parameters (action_type)') } } });
		const bool = (value: string | undefined) => (value === undefined || value === '' ? undefined : truthy(value));
		let list = [...tasksOf(state()).values()].filter((t) => {
			const entries = t.entries as JsonObject[];
			const creator = t.creator as JsonObject;
			if (bool(q.assoc) === true && !entries.some((e) => e.associate_id !== '')) return false;
			if (q.action_type && (t.action as JsonObject).type !== q.action_type.toLowerCase()) return false;
			if (q.created_by && String(creator.id) !== q.created_by) return false;
			if (q.created_by_type && String(creator.type).toLowerCase() !== q.created_by_type.toLowerCase()) return false;
			if (bool(q.execute_by_all) !== undefined && t.execute_by_all !== bool(q.execute_by_all)) return false;
			if (bool(q.customer_task) !== undefined && (t.target_type === 'CUSTOMER') !== bool(q.customer_task)) return false;
			if (q.start_id && Number(t.id) < Number(q.start_id)) return false;
			if (q.end_id && Number(t.id) > Number(q.end_id)) return false;
			if (q.start_date && String(t.created_on) < q.start_date) return false;
			if (q.end_date && String(t.created_on).slice(0, q.end_date.length) > q.end_date) return false;
			return true;
		});
		if (q.batch_size) list = list.slice(0, Math.max(0, Number(q.batch_size) || 0));
		return v11Ok({ tasks: { task: list.map((t) => metadataView(state(), t)) } }, 'SUCCESS');
	});

	router.get('/v1.1/task/log', (req) => {
		const ids = csv(req.query.task_id);
		if (ids.length === 0) return v11Error(500, 'All requests have failed due to errors', 200, { tasks: { task: { log: [{ task_id: '', item_status: itemStatus(false, 5203, 'No identifier passed') }] } } });
		const entries: JsonObject[] = [];
		let unknown = 0;
		for (const id of ids) {
			if (!tasksOf(state()).has(id)) {
				unknown++;
				entries.push({ task_id: id, item_status: itemStatus(false, 5204, 'Task Identifier is Empty or Invalid') });
				continue;
			}
			for (const l of logsOf(state()).values()) {
				if (String(l.task_id) !== id) continue;
				entries.push({
					task_id: id,
					log_id: String(l.id),
					entry_id: String(l.entry_id),
					action: String(l.action),
					old_status: String(l.old_status),
					new_status: String(l.new_status),
					changes: String(l.changes),
					updated_by: String(l.updated_by),
					updated_on: String(l.updated_on),
				});
			}
		}
		const payload = { tasks: { task: { log: entries } } };
		if (unknown === ids.length) return v11Error(500, 'All requests have failed due to errors', 200, payload);
		return v11Ok(payload, 'SUCCESS');
	});

	router.get('/v1.1/task/statusmapping', () => {
		const list = [...mappingsOf(state()).values()].map((m) => ({ id: String(m.id), value: String(m.value), label: String(m.label) }));
		return v11Ok({ tasks: { task_statuses: { status: list } } }, 'SUCCESS');
	});

	router.post('/v1.1/task/statusmapping', (req) => {
		const inputs = v11Entities(req, 'status');
		if (inputs.length === 0) return v11Error(400, 'Input is invalid: root.status is missing');
		const map = mappingsOf(state());
		const results = inputs.map((input) => {
			const value = String(input.value ?? '').toUpperCase();
			const label = String(input.label ?? '').trim();
			const base = { id: String(input.id ?? ''), value, label };
			if (!INTERNAL_STATUSES.includes(value)) return failure(base, 5208, 'Invalid internal status');
			if (!label) return failure(base, 5205, 'One or more params you have passed are invalid. Please check the parameters (label)');
			let mapping = input.id !== undefined && String(input.id) !== '' ? map.get(String(input.id)) : [...map.values()].find((m) => String(m.label).toUpperCase() === label.toUpperCase());
			if (input.id !== undefined && String(input.id) !== '' && !mapping) return failure(base, 5207, `Invalid status passed: no mapping ${String(input.id)}`);
			if (!mapping) {
				const id = Math.max(0, ...[...map.keys()].map(Number)) + 1;
				mapping = { id, value, label };
				map.set(String(id), mapping);
			}
			mapping.value = value;
			mapping.label = label;
			return { id: String(mapping.id), value, label, item_status: itemStatus(true, 200, 'status added successfully') };
		});
		return batch(['task_statuses', 'status'], results, false);
	});

	router.get('/v1.1/task/reminder', (req) => {
		const store = callingStore(state(), req);
		const onlyStore = truthy(req.query.only_for_stores);
		const list = [...remindersOf(state()).values()].filter((r) => !onlyStore || Number(tasksOf(state()).get(String(r.task_id))?.store_id) === Number(store.id)).map(reminderView);
		return v11Ok({ tasks: { reminders: { reminder: list } } }, 'SUCCESS');
	});

	router.post('/v1.1/task/reminder', (req) => {
		const inputs = v11Entities(req, 'reminder');
		if (inputs.length === 0) return v11Error(400, 'Input is invalid: root.reminder is missing');
		const results = inputs.map((input) => {
			const base = { id: String(input.id ?? ''), task_id: String(input.task_id ?? ''), time: String(input.time ?? ''), template: String(input.template ?? '') };
			const task = tasksOf(state()).get(base.task_id);
			if (!task) return failure(base, 5204, 'Invalid or empty task identifier');
			if (v11Time(input.time) === undefined) return failure(base, 5205, 'One or more params you have passed are invalid. Please check the parameters (time)');
			if (base.id) {
				const existing = remindersOf(state()).get(base.id);
				if (!existing || String(existing.task_id) !== base.task_id) return failure(base, 5206, 'Unable to add reminder: no such reminder of this task');
				for (const key of ['time', 'template', 'created_by', 'remindee_id']) if (input[key] !== undefined) existing[key] = String(input[key]);
				log(state(), task, req, { action: 'REMINDER_UPDATED', changes: `reminder ${base.id}` });
				return { ...reminderView(existing), item_status: itemStatus(true, 200, 'Reminder Updated Successfully') };
			}
			const reminder = addReminder(state(), task, input, req);
			log(state(), task, req, { action: 'REMINDER_ADDED', changes: `reminder ${String(reminder.id)}` });
			return { ...reminderView(reminder), item_status: itemStatus(true, 200, 'Reminder Added Successfully') };
		});
		return batch(['reminders', 'reminder'], results, false);
	});
}
