/**
 * Store log uploads from n8n binary data (multipart/form-data, file under `file`, checked by size
 * and SHA1 headers), the task and target-group lifecycles across operations, and the dropdowns of
 * the store resources (tasks, targets, periods, channels).
 */

import { createHash } from 'node:crypto';

import { fileItem, useCapillary } from '../harness/fixtures';
import { runListSearch } from '../harness/list-search';
import type { JsonObject } from '../simulator/http';
import { nowV11 } from '../simulator/http';
import { DEMO_TARGETS, seedTargetGroup } from '../simulator/resources/targetGroup';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

describe('store log upload with binary files', () => {
	const capillary = useCapillary();

	it('uploads the binary file as multipart with its name, size and SHA1', async () => {
		const { sim } = capillary;
		const log = '2026-03-01 18:00:01 ERROR printer offline\n2026-03-01 18:00:09 INFO printer back\n';
		const result = await capillary.run(
			{ resource: 'store', operation: 'uploadLogs', options: { uploadedTime: '2026-03-01 18:05:00' } },
			{ inputItems: [fileItem(log, 'instore.log', 'text/plain')], auth: 'oauth' },
		);
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ success: 'true', code: '200', message: 'SUCCESS' }]);

		const [request] = sim.apiRequests();
		expect(`${request.method} ${request.path}`).toBe('POST /v1.1/store/logs');
		expect(request.query).toEqual({ uploaded_time: '2026-03-01 18:05:00', format: 'json' });
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(String(request.body)).toContain(`Content-Disposition: form-data; name="file"; filename="instore.log"\r\nContent-Type: text/plain\r\n\r\n${log}\r\n`);
		const sha1 = createHash('sha1').update(log).digest('hex');
		expect(request.headers).toMatchObject({
			'x-cap-client-logfilename': 'instore.log',
			'x-cap-client-logfilesize': String(Buffer.byteLength(log)),
			'x-cap-client-file-signature': sha1,
		});
		expect([...sim.state.collection('storeLogs').values()]).toEqual([expect.objectContaining({ fileName: 'instore.log', sha1, content: log, tillCode: 'store.server' })]);
	});

	it('reads the file from another binary field', async () => {
		const result = await capillary.run(
			{ resource: 'store', operation: 'uploadLogs', binaryPropertyName: 'perf' },
			{ inputItems: [fileItem(Buffer.from([0x1f, 0x8b, 0x08, 0x00]), 'perf.gz', 'application/gzip', 'perf')] },
		);
		expect(result.error).toBeUndefined();
		expect([...capillary.sim.state.collection('storeLogs').values()]).toEqual([expect.objectContaining({ fileName: 'perf.gz', size: 4 })]);
	});

	it('names the missing binary field and sends nothing', async () => {
		const result = await capillary.run(
			{ resource: 'store', operation: 'uploadLogs', binaryPropertyName: 'log' },
			{ inputItems: [fileItem('x', 'x.log', 'text/plain', 'data')] },
		);
		expect(result.error).toBeDefined();
		expect(result.error!.message).toContain('No binary data in the input field "log"');
		expect(result.error!.description).toContain('"data"');
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('refuses empty log text without sending', async () => {
		const result = await capillary.run({ resource: 'store', operation: 'uploadLogs', fileSource: 'text', logContent: '' });
		expect(result.error?.message).toMatch(/Log Content/);
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});
});

describe('task lifecycle across operations', () => {
	const capillary = useCapillary();

	it('a task added shows in the store tasks, its update in the logs, mapped labels in the task list', async () => {
		const added = await capillary.run({
			resource: 'task',
			operation: 'add',
			title: 'Call lapsed customers',
			targetType: 'CUSTOMER',
			additionalFields: { customerIds: '1001,1002', actionType: 'call' },
		});
		expect(added.error).toBeUndefined();
		const taskId = String(added.json[0].id);

		const storeTasks = await capillary.run({ resource: 'store', operation: 'getTasks', options: { customerId: '1002' } });
		expect(storeTasks.json).toEqual([expect.objectContaining({ id: taskId, customer_id: '1002', status: 'OPEN', type: 'CUSTOMER' })]);

		const updated = await capillary.run({ resource: 'task', operation: 'update', taskId: fromList(taskId), status: 'IN_PROGRESS', additionalFields: { customerId: '1002' } });
		expect(updated.json).toEqual([expect.objectContaining({ success: true, status: 'IN_PROGRESS' })]);

		const afterUpdate = await capillary.run({ resource: 'store', operation: 'getTasks', returnAll: true });
		expect(afterUpdate.json.map((t) => [t.customer_id, t.status])).toEqual([
			['1001', 'OPEN'],
			['1002', 'IN_PROGRESS'],
		]);

		const logs = await capillary.run({ resource: 'task', operation: 'getLogs', taskIds: taskId });
		expect(logs.json.map((l) => [l.action, l.new_status])).toEqual([
			['CREATED', 'OPEN'],
			['STATUS_CHANGED', 'IN_PROGRESS'],
		]);

		const mapped = await capillary.run({ resource: 'task', operation: 'updateStatusMappings', mappings: { mapping: [{ value: 'IN_PROGRESS', label: 'CALLING', id: '2' }] } });
		expect(mapped.json).toEqual([expect.objectContaining({ id: '2', label: 'CALLING', success: true })]);
		const mappings = await capillary.run({ resource: 'task', operation: 'getStatusMappings' });
		expect(mappings.json).toContainEqual({ id: '2', value: 'IN_PROGRESS', label: 'CALLING' });
		const list = await capillary.run({ resource: 'task', operation: 'getMany' });
		expect((list.json[0].possible_statuses as JsonObject).status).toContainEqual({ label: 'CALLING', value: 'IN_PROGRESS' });

		// The org's label is accepted as a status too.
		const labelled = await capillary.run({ resource: 'task', operation: 'update', taskId: byId(taskId), status: 'CALLING', additionalFields: { customerId: '1001' } });
		expect(labelled.json).toEqual([expect.objectContaining({ status: 'CALLING' })]);

		const reminder = await capillary.run({ resource: 'task', operation: 'upsertReminder', taskId: byId(taskId), time: '2026-03-02 10:00:00', template: 'Call back' });
		const reminderId = String(reminder.json[0].id);
		const changed = await capillary.run({ resource: 'task', operation: 'upsertReminder', taskId: byId(taskId), time: '2026-03-02 12:00:00', template: 'Call back at noon', additionalFields: { reminderId } });
		expect(changed.json).toEqual([expect.objectContaining({ id: reminderId, time: '2026-03-02 12:00:00', success: true })]);
		const reminders = await capillary.run({ resource: 'task', operation: 'getReminders' });
		expect(reminders.json).toEqual([expect.objectContaining({ id: reminderId, template: 'Call back at noon' })]);
	});

	it('JSON input adds several tasks; each comes back with its own status', async () => {
		const result = await capillary.run({
			resource: 'task',
			operation: 'add',
			bodyInput: 'json',
			bodyJson: JSON.stringify([
				{ id: '-1', title: 'Good', target_type: 'CASHIER', executable_by_ids: '2313' },
				{ id: '-1', title: 'Bad dates', start_date: '2026-03-05 10:00:00', end_date: '2026-03-01 10:00:00' },
			]),
		});
		expect(result.error).toBeUndefined();
		expect(result.json.map((t) => [t.success, t.errorCode ?? ''])).toEqual([
			[true, ''],
			[false, '5208'],
		]);
		expect(capillary.sim.apiRequests()[0].body).toMatchObject({ root: { task: [{ title: 'Good' }, { title: 'Bad dates' }] } });
	});
});

describe('target group lifecycle across operations', () => {
	const capillary = useCapillary();

	it('creates a group, adds periods and targets, deactivates them and deletes the group', async () => {
		const run = async (operation: string, parameters: Record<string, unknown>) => {
			const result = await capillary.run({ resource: 'targetGroup', operation, ...parameters } as never);
			return result;
		};
		const created = await run('create', { name: 'Q2 Targets', preferredTillId: byId('50006799') });
		expect(created.error).toBeUndefined();
		const groupId = String(created.json[0].id);

		const periods = await run('createPeriods', { groupId, description: 'April', startDate: '2026-04-01T00:00:00.000Z', endDate: '2026-04-30T23:59:59.000Z', additionalFields: { refCode: 'APR' } });
		const periodId = String(periods.json[0].id);
		await run('createPeriods', {
			groupId,
			bodyInput: 'json',
			bodyJson: JSON.stringify([
				{ description: 'May', startDate: '2026-05-01T00:00:00.000Z', endDate: '2026-05-31T23:59:59.000Z', refCode: 'MAY' },
				{ description: 'June', startDate: '2026-06-01T00:00:00.000Z', endDate: '2026-06-30T23:59:59.000Z', refCode: 'JUN' },
			]),
		});
		expect((await run('getPeriods', { groupId })).json.map((p) => p.refCode)).toEqual(['APR', 'MAY', 'JUN']);

		const targets = await run('createTargets', { groupId, name: 'Spend 5,000', targetType: 'SALES', defaultValues: { value: [{ periodId, defaultValue: 5000 }] } });
		const targetId = String(targets.json[0].id);
		expect(targets.json[0]).toMatchObject({ targetGroupId: Number(groupId), defaultValues: [expect.objectContaining({ periodId: Number(periodId), defaultValue: 5000 })] });

		await run('updatePeriods', { groupId, periodId: byId(periodId), description: 'April', startDate: '2026-04-01T00:00:00.000Z', endDate: '2026-04-30T23:59:59.000Z', additionalFields: { active: false } });
		expect((await run('getPeriods', { groupId })).json.map((p) => [p.refCode, p.active])).toEqual([
			['APR', false],
			['MAY', true],
			['JUN', true],
		]);

		expect((await run('deactivateTarget', { groupId, targetId: byId(targetId) })).json).toEqual([{ deactivated: true }]);
		expect((await run('getTargets', { groupId })).json).toEqual([expect.objectContaining({ id: Number(targetId), active: false })]);

		expect((await run('delete', { groupId })).json).toEqual([{ deleted: true }]);
		const gone = await run('get', { groupId });
		expect(gone.error?.message).toMatch(/3104/);
	});

	it('a customer joins a group by transacting in its running period', async () => {
		const { sim } = capillary;
		seedTargetGroup(sim.state);
		const wei = sim.state.findCustomer('mobile', '8613800000000')!;
		const before = await capillary.run({ resource: 'targetGroup', operation: 'getCustomerTargetGroups', userId: String(wei.id) });
		expect(before.error).toBeUndefined();
		expect(before.json).toEqual([]);
		sim.state.addTransaction({ number: 'BILL-T1', type: 'REGULAR', customerId: wei.id, amount: 700, billingTime: nowV11(), lineItems: [], paymentModes: [], extendedFields: {}, customFields: {}, notes: '', storeCode: 'store.server', source: 'v2' });
		const after = await capillary.run({ resource: 'targetGroup', operation: 'getCustomerTargetGroups', userId: String(wei.id) });
		expect(after.json).toEqual([expect.objectContaining({ id: DEMO_TARGETS.groupId, targets: [expect.objectContaining({ targetValue: 10000, achievedValue: 700, achieved: false })] })]);
	});
});

/** The dropdowns of these resources: the built listSearch methods against the simulator (Basic auth). */
describe('store dropdowns', () => {
	const capillary = useCapillary();

	const search = (method: string, parameters: Record<string, unknown> = {}, filter?: string) => runListSearch(capillary.sim, method, filter, parameters);

	it('lists the targets and periods of the group entered, nothing without a group', async () => {
		seedTargetGroup(capillary.sim.state);
		const group = { groupId: String(DEMO_TARGETS.groupId) };
		expect((await search('searchTargets', group)).results).toEqual([{ name: 'Spend 10,000 (#34)', value: '34', url: undefined }]);
		expect(capillary.sim.apiRequests()[0].path).toBe('/v3/targetGroups/30/targets');
		const periods = await search('searchTargetPeriods', group, 'cycle 2');
		expect(periods.results.map((r) => r.value)).toEqual([String(DEMO_TARGETS.runningPeriodId)]);
		capillary.sim.clearRequests();
		expect((await search('searchTargets', {})).results).toEqual([]);
		expect((await search('searchTargets', { groupId: '={{ $json.group }}' })).results).toEqual([]);
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('lists channels and tasks', async () => {
		expect((await search('searchTargetChannels')).results.map((r) => r.name)).toEqual(['SMS (1)', 'EMAIL (2)', 'MOBILE PUSH (3)']);
		await capillary.run({ resource: 'task', operation: 'add', title: 'Count the stock', targetType: 'CASHIER' });
		const tasks = await search('searchTasks');
		expect(tasks.results).toEqual([{ name: expect.stringMatching(/^Count the stock \(#\d+\)$/), value: expect.stringMatching(/^\d+$/), url: undefined }]);
	});
});
