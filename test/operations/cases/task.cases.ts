import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { DEFAULT_TILL, md5 } from '../../simulator/auth';
import type { JsonObject } from '../../simulator/http';
import type { Simulator } from '../../simulator/server';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

/** Calls the simulator's API directly (Basic auth of the default till), to prepare state like a client would. */
export async function simApi(sim: Simulator, method: string, path: string, body?: unknown): Promise<JsonObject> {
	const authorization = `Basic ${Buffer.from(`${DEFAULT_TILL.username}:${md5(DEFAULT_TILL.password)}`).toString('base64')}`;
	const response = await fetch(`${sim.url}${path}`, {
		method,
		headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as JsonObject;
}

/** Adds a task through POST v1.1/task/add and returns its id. */
export async function addTask(sim: Simulator, task: JsonObject): Promise<string> {
	const answer = await simApi(sim, 'POST', '/v1.1/task/add?format=json', { root: { task: [{ id: '-1', ...task }] } });
	const added = ((answer.response as JsonObject).tasks as JsonObject).task as JsonObject;
	if ((added.item_status as JsonObject).success !== 'true') throw new Error(`task/add failed: ${JSON.stringify(added.item_status)}`);
	return String(added.id);
}

export const CASHIER_TASK = { title: 'Restock shelf 4', type: 'TASK', target_type: 'CASHIER', executable_by_type: 'cashier', executable_by_ids: '2313,2314', action: { type: 'call', template: '' } };

const tasks = (sim: Simulator) => sim.state.collection('tasks');
const entriesOf = (sim: Simulator, id: string) => tasks(sim).get(id)!.entries as JsonObject[];
const logsOf = (sim: Simulator, id: string) => [...sim.state.collection('taskLogs').values()].filter((l) => String(l.task_id) === id);

export const cases: OperationCase[] = [
	{
		resource: 'task',
		operation: 'add',
		parameters: {
			title: 'Birthday call',
			taskType: 'TASK',
			targetType: 'CUSTOMER',
			additionalFields: {
				customerIds: '1001,1002',
				actionType: 'call',
				actionTemplate: 'Hi {name}, happy birthday!',
				startDate: '2026-03-01 09:00:00',
				endDate: '2026-03-05 18:00:00',
				possibleStatuses: 'OPEN,IN_PROGRESS,CLOSED',
				localId: 'L-77',
			},
			reminders: { reminder: [{ time: '2026-03-02 10:00:00', template: 'Call today' }] },
		},
		request: {
			method: 'POST',
			path: '/v1.1/task/add',
			query: { format: 'json' },
			body: {
				root: {
					task: [
						{
							id: '-1',
							title: 'Birthday call',
							type: 'TASK',
							target_type: 'CUSTOMER',
							customer_ids: '1001,1002',
							action: { type: 'call', template: 'Hi {name}, happy birthday!' },
							start_date: '2026-03-01 09:00:00',
							local_id: 'L-77',
							reminder: [{ '-create': 'true', time: '2026-03-02 10:00:00', template: 'Call today' }],
						},
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, title: 'Birthday call', customer_task: 'true', local_id: 'L-77' })]);
			const id = String(items[0].id);
			expect(entriesOf(sim, id).map((e) => [e.customer_id, e.status, e.type])).toEqual([
				['1001', 'OPEN', 'CUSTOMER'],
				['1002', 'OPEN', 'CUSTOMER'],
			]);
			expect((items[0].reminders as JsonObject).reminder).toEqual([expect.objectContaining({ time: '2026-03-02 10:00:00', template: 'Call today', task_id: id })]);
			expect(logsOf(sim, id)).toEqual([expect.objectContaining({ action: 'CREATED', new_status: 'OPEN' })]);
		},
	},
	{
		resource: 'task',
		operation: 'update',
		auth: 'oauth',
		setup: async (sim) => [{ taskId: await addTask(sim, CASHIER_TASK) }],
		parameters: { taskId: byId('={{ $json.taskId }}'), status: 'CLOSED', additionalFields: { associateId: '2313', title: 'Restock shelf 4 (done)' } },
		request: {
			method: 'POST',
			path: '/v1.1/task/update',
			body: { root: { task: [{ id: expect.stringMatching(/^\d+$/), status: 'CLOSED', associate_id: '2313', title: 'Restock shelf 4 (done)' }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, status: 'CLOSED' })]);
			const id = String(items[0].id);
			expect(entriesOf(sim, id).map((e) => [e.associate_id, e.status])).toEqual([
				['2313', 'CLOSED'],
				['2314', 'OPEN'],
			]);
			expect(tasks(sim).get(id)!.title).toBe('Restock shelf 4 (done)');
			expect(logsOf(sim, id).map((l) => l.action)).toEqual(['CREATED', 'STATUS_CHANGED', 'UPDATED']);
		},
	},
	{
		resource: 'task',
		operation: 'getMany',
		setup: async (sim) => {
			await addTask(sim, CASHIER_TASK);
			await addTask(sim, { title: 'Win back Rita', target_type: 'CUSTOMER', customer_ids: '1002', action: { type: 'sms', template: 'We miss you' } });
			await simApi(sim, 'POST', '/v1.1/task/statusmapping?format=json', { root: { status: [{ id: '1', value: 'OPEN', label: 'NEW' }] } });
		},
		parameters: { options: { customerTask: true, actionType: 'sms' } },
		request: { method: 'GET', path: '/v1.1/task/metadata', query: { customer_task: 'true', action_type: 'sms', format: 'json' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({
					title: 'Win back Rita',
					customer_task: 'true',
					action: expect.objectContaining({ type: 'sms' }),
					possible_statuses: { status: expect.arrayContaining([{ label: 'NEW', value: 'OPEN' }]) },
				}),
			]);
		},
	},
	{
		resource: 'task',
		operation: 'getLogs',
		setup: async (sim) => {
			const taskId = await addTask(sim, CASHIER_TASK);
			await simApi(sim, 'POST', '/v1.1/task/update?format=json', { root: { task: [{ id: taskId, status: 'IN_PROGRESS' }] } });
			return [{ taskId }];
		},
		parameters: { taskIds: '={{ $json.taskId }},999999', returnAll: true },
		request: { method: 'GET', path: '/v1.1/task/log', query: { task_id: expect.stringMatching(/^\d+,999999$/) as unknown as string, format: 'json' } },
		output: (items) => {
			expect(items.map((i) => i.action ?? (i.item_status as JsonObject).code)).toEqual(['CREATED', 'STATUS_CHANGED', 'STATUS_CHANGED', '5204']);
			expect(items[1]).toMatchObject({ old_status: 'OPEN', new_status: 'IN_PROGRESS' });
			expect(items[3]).toMatchObject({ task_id: '999999', item_status: { success: 'false' } });
		},
	},
	{
		resource: 'task',
		operation: 'updateStatusMappings',
		parameters: {
			mappings: {
				mapping: [
					{ value: 'OPEN', label: 'NEW', id: '' },
					{ value: 'CLOSED', label: 'FINISHED', id: '3' },
				],
			},
		},
		request: { method: 'POST', path: '/v1.1/task/statusmapping', body: { root: { status: [{ value: 'OPEN', label: 'NEW' }, { id: '3', value: 'CLOSED', label: 'FINISHED' }] } } },
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ id: '4', value: 'OPEN', label: 'NEW', success: true }),
				expect.objectContaining({ id: '3', value: 'CLOSED', label: 'FINISHED', success: true }),
			]);
			expect([...sim.state.collection('taskStatusMappings').values()].map((m) => m.label)).toEqual(['OPEN', 'IN_PROGRESS', 'FINISHED', 'NEW']);
		},
	},
	{
		resource: 'task',
		operation: 'getStatusMappings',
		auth: 'oauth',
		setup: async (sim) => void (await simApi(sim, 'POST', '/v1.1/task/statusmapping?format=json', { root: { status: [{ value: 'IN_PROGRESS', label: 'WORKING' }] } })),
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v1.1/task/statusmapping', query: { format: 'json' } },
		output: (items) => {
			expect(items).toHaveLength(4);
			expect(items[3]).toEqual({ id: '4', value: 'IN_PROGRESS', label: 'WORKING' });
		},
	},
	{
		resource: 'task',
		operation: 'getReminders',
		setup: async (sim) => {
			await addTask(sim, { ...CASHIER_TASK, reminder: [{ '-create': 'true', time: '2026-03-02 10:00:00', template: 'Shelf 4 today' }] });
		},
		parameters: { onlyForStores: true },
		request: { method: 'GET', path: '/v1.1/task/reminder', query: { only_for_stores: 'true', format: 'json' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ time: '2026-03-02 10:00:00', template: 'Shelf 4 today', created_by: expect.any(String) })]),
	},
	{
		resource: 'task',
		operation: 'upsertReminder',
		setup: async (sim) => [{ taskId: await addTask(sim, CASHIER_TASK) }],
		parameters: {
			taskId: fromList('={{ $json.taskId }}'),
			time: '2026-03-03 09:30:00',
			template: 'Check shelf 4',
			additionalFields: { remindeeId: '2313', createdBy: '2320' },
			onlyForStores: true,
		},
		request: {
			method: 'POST',
			path: '/v1.1/task/reminder',
			query: { only_for_stores: 'true', format: 'json' },
			body: { root: { reminder: [{ task_id: expect.stringMatching(/^\d+$/), time: '2026-03-03 09:30:00', template: 'Check shelf 4', remindee_id: '2313', created_by: '2320' }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, remindee_id: '2313', id: expect.any(String) })]);
			expect(sim.state.collection('taskReminders').get(String(items[0].id))).toMatchObject({ template: 'Check shelf 4', created_by: '2320' });
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'task',
		operation: 'update',
		title: 'unknown task (v1.1 item_status 5204 inside HTTP 200)',
		parameters: { taskId: byId('999999'), status: 'CLOSED' },
		message: /5204/,
	},
	{
		resource: 'task',
		operation: 'upsertReminder',
		title: 'reminder for an unknown task (5204)',
		parameters: { taskId: byId('999999'), time: '2026-03-03 09:30:00', template: 'x', onlyForStores: true },
		message: /5204.*Invalid or empty task identifier/,
	},
];

export default { cases, errors } satisfies CaseFile;
