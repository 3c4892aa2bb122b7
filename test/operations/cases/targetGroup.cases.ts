import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { DEMO_TARGETS, seedTargetGroup } from '../../simulator/resources/targetGroup';
import type { Simulator } from '../../simulator/server';

const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const { groupId, runningPeriodId, targetId, communicationId } = DEMO_TARGETS;
const GROUP = String(groupId);
const TARGET = String(targetId);

const seed = (sim: Simulator) => seedTargetGroup(sim.state);
const collection = (sim: Simulator, name: string) => sim.state.collection(name);
const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

export const cases: OperationCase[] = [
	{
		resource: 'targetGroup',
		operation: 'create',
		parameters: {
			name: 'Summer Spend',
			preferredTillId: fromList('50006799'),
			additionalFields: { description: 'Spend more in summer', fromDate: '2026-04-01T00:00:00.000Z', toDate: '2026-06-30T23:59:59.000Z', frequencyType: 'MONTHLY', totalPeriods: 1 },
			periods: { period: [{ description: 'April', startDate: '2026-04-01T00:00:00.000Z', endDate: '2026-04-30T23:59:59.000Z', refCode: 'APR', periodStatus: 'NOT_STARTED', active: true }] },
			activePeriod: { period: { startDate: '2026-04-01T00:00:00.000Z', endDate: '2026-04-30T23:59:59.000Z', refCode: 'APR', periodStatus: 'RUNNING', description: 'April', active: true } },
		},
		request: {
			method: 'POST',
			path: '/v3/targetGroups',
			body: {
				name: 'Summer Spend',
				preferredTillId: 50006799,
				fromDate: '2026-04-01T00:00:00.000Z',
				frequencyType: 'MONTHLY',
				periods: [{ description: 'April', refCode: 'APR', periodStatus: 'NOT_STARTED', active: true }],
				activePeriod: { refCode: 'APR', periodStatus: 'RUNNING' },
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({
					name: 'Summer Spend',
					fromDate: '2026-04-01',
					preferredTillId: 50006799,
					periods: [expect.objectContaining({ refCode: 'APR', startDate: '2026-04-01', targetGroupId: items[0].id })],
					activePeriod: expect.objectContaining({ refCode: 'APR', periodStatus: 'RUNNING' }),
				}),
			]);
			expect(collection(sim, 'targetGroups').get(String(items[0].id))).toMatchObject({ name: 'Summer Spend' });
			expect(collection(sim, 'targetPeriods').size).toBe(1);
		},
	},
	{
		resource: 'targetGroup',
		operation: 'get',
		auth: 'oauth',
		setup: seed,
		parameters: { groupId: GROUP },
		request: { method: 'GET', path: `/v3/targetGroups/${GROUP}` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: groupId, name: 'Demo Targets', frequencyType: 'MONTHLY', totalPeriods: 2 })]),
	},
	{
		resource: 'targetGroup',
		operation: 'delete',
		setup: seed,
		parameters: { groupId: GROUP },
		request: { method: 'DELETE', path: `/v3/targetGroups/${GROUP}` },
		output: (items, sim) => {
			expect(items).toEqual([{ deleted: true }]);
			expect(collection(sim, 'targetGroups').size).toBe(0);
			expect(collection(sim, 'targetPeriods').size).toBe(0);
			expect(collection(sim, 'targets').size).toBe(0);
		},
	},
	{
		resource: 'targetGroup',
		operation: 'getPeriods',
		setup: seed,
		parameters: { groupId: GROUP, returnAll: true },
		request: { method: 'GET', path: `/v3/targetGroups/${GROUP}/targetPeriods` },
		output: (items) => expect(items.map((p) => [p.refCode, p.periodStatus, p.active])).toEqual([
			['Cycle 1', 'ENDED', true],
			['Cycle 2', 'RUNNING', true],
		]),
	},
	{
		resource: 'targetGroup',
		operation: 'createPeriods',
		auth: 'oauth',
		setup: seed,
		parameters: { groupId: GROUP, description: 'Cycle 3', startDate: iso(21), endDate: iso(50), additionalFields: { refCode: 'C3', periodStatus: 'NOT_STARTED' } },
		request: { method: 'POST', path: `/v3/targetGroups/${GROUP}/targetPeriods`, body: [{ description: 'Cycle 3', refCode: 'C3', periodStatus: 'NOT_STARTED' }] },
		output: (items, sim) => {
			expect(items.map((p) => p.refCode)).toEqual(['Cycle 1', 'Cycle 2', 'C3']);
			expect(collection(sim, 'targetGroups').get(GROUP)!.totalPeriods).toBe(3);
		},
	},
	{
		resource: 'targetGroup',
		operation: 'updatePeriods',
		setup: seed,
		parameters: {
			groupId: GROUP,
			periodId: fromList(String(runningPeriodId)),
			description: 'Cycle 2 (cancelled)',
			startDate: iso(-10),
			endDate: iso(20),
			additionalFields: { active: false, periodStatus: 'ENDED' },
		},
		request: { method: 'PUT', path: `/v3/targetGroups/${GROUP}/targetPeriods`, body: [{ id: runningPeriodId, description: 'Cycle 2 (cancelled)', active: false, periodStatus: 'ENDED' }] },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: runningPeriodId, active: false, periodStatus: 'ENDED' })]);
			expect(collection(sim, 'targetPeriods').get(String(runningPeriodId))).toMatchObject({ active: false, description: 'Cycle 2 (cancelled)' });
		},
	},
	{
		resource: 'targetGroup',
		operation: 'getTargets',
		setup: seed,
		parameters: { groupId: GROUP },
		request: { method: 'GET', path: `/v3/targetGroups/${GROUP}/targets` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: targetId, targetType: 'SALES', defaultValues: expect.arrayContaining([expect.objectContaining({ periodId: runningPeriodId, defaultValue: 10000 })]) })]),
	},
	{
		resource: 'targetGroup',
		operation: 'createTargets',
		setup: seed,
		parameters: {
			groupId: GROUP,
			name: 'Five visits',
			targetType: 'VISIT',
			additionalFields: { targetEntity: 'TRANSACTION', enrolmentMethod: 'TRANSACTION', description: 'Visit five times' },
			filters: { filter: [{ entityType: 'STORE', entityIds: '50000010, 50000011' }] },
			defaultValues: { value: [{ periodId: String(runningPeriodId), defaultValue: 5 }] },
		},
		request: {
			method: 'POST',
			path: `/v3/targetGroups/${GROUP}/targets`,
			body: [
				{
					name: 'Five visits',
					targetType: 'VISIT',
					targetGroupId: groupId,
					targetEntity: 'TRANSACTION',
					filters: [{ entityType: 'STORE', entityIds: [50000010, 50000011] }],
					defaultValues: [{ periodId: runningPeriodId, defaultValue: 5 }],
				},
			],
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ name: 'Five visits', targetGroupId: groupId, active: true, emfRuleSetId: expect.any(Number) })]);
			expect(collection(sim, 'targets').size).toBe(2);
		},
	},
	{
		resource: 'targetGroup',
		operation: 'updateTarget',
		auth: 'oauth',
		setup: seed,
		parameters: { groupId: GROUP, targetId: fromList(TARGET), name: 'Spend 12,000', targetType: 'SALES', defaultValues: { value: [{ periodId: String(runningPeriodId), defaultValue: 12000 }] } },
		request: { method: 'PUT', path: `/v3/targetGroups/${GROUP}/targets/${TARGET}`, body: { name: 'Spend 12,000', targetType: 'SALES', defaultValues: [{ periodId: runningPeriodId, defaultValue: 12000 }] } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: targetId, name: 'Spend 12,000' })]);
			expect(collection(sim, 'targets').get(TARGET)).toMatchObject({ name: 'Spend 12,000', defaultValues: [expect.objectContaining({ defaultValue: 12000 })], filters: [expect.objectContaining({ entityType: 'STORE' })] });
		},
	},
	{
		resource: 'targetGroup',
		operation: 'deactivateTarget',
		setup: seed,
		parameters: { groupId: GROUP, targetId: byId(TARGET) },
		request: { method: 'DELETE', path: `/v3/targetGroups/${GROUP}/targets/${TARGET}` },
		output: (items, sim) => {
			expect(items).toEqual([{ deactivated: true }]);
			expect(collection(sim, 'targets').get(TARGET)).toMatchObject({ active: false });
		},
	},
	{
		resource: 'targetGroup',
		operation: 'getCommunications',
		setup: seed,
		parameters: { groupId: GROUP, targetId: byId(TARGET) },
		request: { method: 'GET', path: `/v3/targetGroups/${GROUP}/targets/${TARGET}/communications` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: communicationId, communicationType: 'REMINDER', channelId: 1, configs: [] })]),
	},
	{
		resource: 'targetGroup',
		operation: 'upsertCommunications',
		setup: seed,
		parameters: {
			groupId: GROUP,
			targetId: byId(TARGET),
			communicationType: 'REMINDER',
			channelId: fromList('1'),
			messageTemplate: 'Two days left!',
			additionalFields: { offsetDays: 1, sender: 'DEMO' },
		},
		request: {
			method: 'POST',
			path: `/v3/targetGroups/${GROUP}/targets/${TARGET}/communications/upsert`,
			body: [{ communicationType: 'REMINDER', channelId: 1, messageTemplate: 'Two days left!', offsetDays: 1, sender: 'DEMO' }],
		},
		output: (items, sim) => {
			// Same type, channel and offset as communication 2: it is replaced, not duplicated.
			expect(items).toEqual([expect.objectContaining({ id: communicationId, messageTemplate: 'Two days left!' })]);
			expect(collection(sim, 'targetCommunications').size).toBe(1);
		},
	},
	{
		resource: 'targetGroup',
		operation: 'upsertCommunications',
		title: 'adds a new communication',
		setup: seed,
		parameters: { groupId: GROUP, targetId: byId(TARGET), communicationType: 'FINISH', channelId: byId('2'), messageTemplate: 'Target reached!' },
		request: { method: 'POST', path: `/v3/targetGroups/${GROUP}/targets/${TARGET}/communications/upsert`, body: [{ communicationType: 'FINISH', channelId: 2 }] },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ communicationType: 'FINISH', channelId: 2, targetId })]);
			expect(items[0].id).not.toBe(communicationId);
			expect(collection(sim, 'targetCommunications').size).toBe(2);
		},
	},
	{
		resource: 'targetGroup',
		operation: 'getChannels',
		parameters: {},
		request: { method: 'GET', path: '/v3/targetGroups/channels' },
		output: (items) => expect(items.map((c) => c.name)).toEqual(['SMS', 'EMAIL', 'MOBILE PUSH']),
	},
	{
		resource: 'targetGroup',
		operation: 'getCustomerTargetGroups',
		setup: seed,
		parameters: { userId: '1001' },
		request: { method: 'GET', path: '/v3/users/1001/targetGroups' },
		output: (items) => {
			// Tom's seeded bill (1,200, three days ago) falls in the running period.
			expect(items).toEqual([
				expect.objectContaining({
					id: groupId,
					userId: 1001,
					activePeriod: expect.objectContaining({ id: runningPeriodId }),
					targets: [expect.objectContaining({ targetId, targetValue: 10000, achievedValue: 1200, achieved: false })],
				}),
			]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'targetGroup',
		operation: 'get',
		title: 'unknown group (v3 errors[] 3104)',
		parameters: { groupId: '999' },
		message: /3104.*Target group not found/,
	},
	{
		resource: 'targetGroup',
		operation: 'createPeriods',
		title: 'end before start (v3 errors[] 3101)',
		setup: (sim) => seedTargetGroup(sim.state),
		parameters: { groupId: GROUP, description: 'Backwards', startDate: '2026-05-01T00:00:00.000Z', endDate: '2026-04-01T00:00:00.000Z' },
		message: /3101.*endDate must be after startDate/,
	},
];

export default { cases, errors } satisfies CaseFile;
