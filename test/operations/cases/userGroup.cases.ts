import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { addMember, createGroup } from '../../simulator/resources/userGroup';
import type { Simulator } from '../../simulator/server';
import type { UserGroupRecord } from '../../simulator/state';

const TOM = 1001;
const RITA = 1002;
const WEI = 1003;

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byList = (value: string) => ({ __rl: true, mode: 'list', value });

/** The first group created after a reset gets ID 30001. */
const GROUP = 30001;

/** The Sawyer family: Tom (primary) and Rita. */
function family(sim: Simulator, points = 0): UserGroupRecord {
	const group = createGroup(sim.state, { externalId: 'sawyer_family', groupName: 'Sawyer family', maxGroupSize: 5, points });
	addMember(group, TOM, true);
	addMember(group, RITA, false, ['block_points_redemption']);
	return group;
}

function bill(sim: Simulator, customerId: number, number: string, billingTime: string, amount = 1000, type = 'REGULAR') {
	return sim.state.addTransaction({
		number,
		type,
		customerId,
		amount,
		billingTime,
		lineItems: [{ itemCode: `SKU-${number}`, amount, rate: amount, qty: 1 }],
		paymentModes: [],
		extendedFields: {},
		customFields: { channel: 'app' },
		notes: '',
		storeCode: 'store.server',
		source: 'v2',
	});
}

function groupBills(sim: Simulator) {
	family(sim);
	bill(sim, TOM, 'UG-1', '2025-06-01 10:00:00');
	bill(sim, RITA, 'UG-2', '2025-06-15 12:00:00', 300);
	bill(sim, WEI, 'UG-3', '2025-06-20 10:00:00');
	bill(sim, TOM, 'UG-4', '2025-07-05 09:00:00');
}

const WINDOW = { startDate: '2025-06-01T10:00:00+05:30', endDate: '2025-07-05T09:00:00+05:30' };

export const cases: OperationCase[] = [
	{
		resource: 'userGroup',
		operation: 'create',
		parameters: { externalId: 'sawyer_family', maxGroupSize: 5, additionalFields: { groupName: 'Sawyer family' } },
		request: { method: 'POST', path: '/v2/userGroup2', body: { externalId: 'sawyer_family', maxGroupSize: 5, groupName: 'Sawyer family' } },
		output: (items, sim) => {
			expect(items).toEqual([{ groupId: GROUP }]);
			expect(sim.state.userGroups.get(GROUP)).toMatchObject({ externalId: 'sawyer_family', name: 'Sawyer family', maxGroupSize: 5, members: [], status: 'ACTIVE' });
		},
	},
	{
		resource: 'userGroup',
		operation: 'update',
		title: 'by external ID',
		auth: 'oauth',
		setup: (sim) => void family(sim),
		parameters: { groupKey: 'externalId', groupIdentifier: 'sawyer_family', additionalFields: { groupName: 'The Sawyers', maxGroupSize: 8 } },
		request: { method: 'PUT', path: '/v2/userGroup2', body: { externalId: 'sawyer_family', groupName: 'The Sawyers', maxGroupSize: 8 } },
		output: (items, sim) => {
			expect(items).toEqual([{ id: GROUP, groupName: 'The Sawyers', maxGroupSize: 8, warnings: [] }]);
			expect(sim.state.userGroups.get(GROUP)).toMatchObject({ name: 'The Sawyers', maxGroupSize: 8 });
		},
	},
	{
		resource: 'userGroup',
		operation: 'update',
		title: 'by group ID from the list',
		setup: (sim) => void family(sim),
		parameters: { groupKey: 'id', groupId: byList(String(GROUP)), additionalFields: { groupName: 'Renamed' } },
		request: { method: 'PUT', path: '/v2/userGroup2', body: { id: GROUP, groupName: 'Renamed' } },
		output: (_items, sim) => expect(sim.state.userGroups.get(GROUP)!.name).toBe('Renamed'),
	},
	{
		resource: 'userGroup',
		operation: 'search',
		setup: (sim) => {
			family(sim);
			createGroup(sim.state, { externalId: 'chen_fleet', groupName: 'Chen fleet' });
		},
		parameters: { q: '919111111111', returnAll: true },
		request: { method: 'GET', path: '/v2/userGroup2/search', query: { q: '919111111111', limit: '100', offset: '0' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({ groupId: GROUP, groupName: 'Sawyer family', groupExternalId: 'sawyer_family', primaryMemberId: TOM, firstName: 'Tom', mobile: '919111111111', totalMembers: 2 }),
			]);
		},
	},
	{
		resource: 'userGroup',
		operation: 'delete',
		setup: (sim) => void family(sim),
		parameters: { groupKey: 'id', groupId: byId(String(GROUP)) },
		request: { method: 'DELETE', path: '/v2/userGroup2', query: { id: String(GROUP) } },
		output: (items, sim) => {
			expect(items).toEqual([{ warnings: [] }]);
			expect(sim.state.userGroups.has(GROUP)).toBe(false);
		},
	},
	{
		resource: 'userGroup',
		operation: 'join',
		setup: (sim) => void createGroup(sim.state, { externalId: 'sawyer_family', maxGroupSize: 5 }),
		parameters: {
			groupKey: 'id',
			groupId: byId(String(GROUP)),
			membersInput: 'fields',
			members: {
				member: [
					{ userId: String(TOM), primaryMember: true, permissions: [] },
					{ userId: String(RITA), primaryMember: false, permissions: ['block_points_redemption'] },
					{ userId: '999999', primaryMember: false, permissions: [] },
				],
			},
		},
		request: {
			method: 'POST',
			path: '/v2/userGroup2/join',
			query: { id: String(GROUP) },
			body: [
				{ userId: TOM, primaryMember: true, permissions: [] },
				{ userId: RITA, primaryMember: false, permissions: ['block_points_redemption'] },
				{ userId: 999999, primaryMember: false },
			],
		},
		output: (items, sim) => {
			expect(items.map((i) => i.success)).toEqual([true, true, false]);
			expect(items[2]).toMatchObject({ errorCode: '8015' });
			expect(items[1]).toMatchObject({ result: { userId: RITA, groupId: GROUP, permissions: ['block_points_redemption'], primaryMember: false } });
			const group = sim.state.userGroups.get(GROUP)!;
			expect(group.members).toEqual([TOM, RITA]);
			expect(group.primaryUserId).toBe(TOM);
		},
	},
	{
		resource: 'userGroup',
		operation: 'join',
		title: 'members as JSON, group by external ID',
		auth: 'oauth',
		setup: (sim) => void family(sim),
		parameters: { groupKey: 'externalId', groupIdentifier: 'sawyer_family', membersInput: 'json', membersJson: JSON.stringify([{ userId: WEI, primaryMember: false }]) },
		request: { method: 'POST', path: '/v2/userGroup2/join', query: { externalId: 'sawyer_family' }, body: [{ userId: WEI, primaryMember: false }] },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, result: expect.objectContaining({ userId: WEI }) })]);
			expect(sim.state.userGroups.get(GROUP)!.members).toEqual([TOM, RITA, WEI]);
		},
	},
	{
		resource: 'userGroup',
		operation: 'leave',
		setup: (sim) => void family(sim),
		parameters: { groupId: byId(String(GROUP)), identifierName: 'mobile', identifierValue: '919222222222', source: 'INSTORE' },
		request: { method: 'DELETE', path: `/v2/userGroup2/${GROUP}/leave`, query: { identifierName: 'mobile', identifierValue: '919222222222', source: 'INSTORE' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true })]);
			expect(sim.state.userGroups.get(GROUP)!.members).toEqual([TOM]);
		},
	},
	{
		resource: 'userGroup',
		operation: 'transfer',
		setup: (sim) => {
			family(sim);
			const chen = createGroup(sim.state, { externalId: 'chen_fleet' });
			addMember(chen, WEI, true);
		},
		parameters: { leaveGroupId: byId(String(GROUP)), joinGroupId: byList(String(GROUP + 1)), userIds: String(RITA) },
		request: { method: 'POST', path: '/v2/userGroup2/transfer', body: { leaveGroupId: GROUP, joinGroupId: GROUP + 1, userIds: [RITA] } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true })]);
			expect(sim.state.userGroups.get(GROUP)!.members).toEqual([TOM]);
			expect(sim.state.userGroups.get(GROUP + 1)!.members).toEqual([WEI, RITA]);
		},
	},
	{
		resource: 'userGroup',
		operation: 'getTransactions',
		title: 'by primary member, date window, first page',
		setup: groupBills,
		parameters: { groupKey: 'primaryUserId', groupIdentifier: String(TOM), options: WINDOW, returnAll: false, limit: 1 },
		request: { method: 'GET', path: '/v2/userGroup2/transactions', query: { primaryUserId: String(TOM), ...WINDOW, limit: '1', offset: '0' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ billNumber: 'UG-2', customerId: RITA, groupId: GROUP, amount: 300, issuedPoints: 30, type: 'REGULAR' })]);
		},
	},
	{
		resource: 'userGroup',
		operation: 'getTransactions',
		title: 'all, oldest first, with line items',
		auth: 'oauth',
		setup: groupBills,
		parameters: { groupKey: 'id', groupId: byId(String(GROUP)), options: { ...WINDOW, order: 'asc', embed: ['LINEITEMS', 'CUSTOMFIELDS'] }, returnAll: true, simplify: false },
		request: { method: 'GET', path: '/v2/userGroup2/transactions', query: { id: String(GROUP), order: 'asc', embed: 'LINEITEMS,CUSTOMFIELDS', limit: '100', offset: '0' } },
		output: (items) => {
			expect(items.map((i) => (i.billDetails as { billNumber: string }).billNumber)).toEqual(['UG-1', 'UG-2']);
			expect(items[0]).toMatchObject({ customerId: TOM, customFields: { channel: 'app' }, lineItems: [expect.objectContaining({ details: expect.objectContaining({ itemCode: 'SKU-UG-1' }) })] });
			expect(items[0].extendedFields).toBeUndefined();
		},
	},
	{
		resource: 'userGroup',
		operation: 'getMembers',
		setup: (sim) => void family(sim),
		parameters: { groupKey: 'externalId', groupIdentifier: 'sawyer_family', returnAll: true },
		request: { method: 'GET', path: '/v2/userGroup2', query: { externalId: 'sawyer_family' } },
		output: (items, _sim, requests) => {
			expect(requests[0].query.expirySchedules).toBeUndefined();
			expect(items).toEqual([
				expect.objectContaining({ userId: TOM, groupId: GROUP, primaryMember: true, active: true }),
				expect.objectContaining({ userId: RITA, groupId: GROUP, primaryMember: false, permissions: ['block_points_redemption'] }),
			]);
		},
	},
	{
		resource: 'userGroup',
		operation: 'get',
		auth: 'oauth',
		setup: (sim) => void family(sim, 300),
		parameters: { groupKey: 'id', groupId: byId(String(GROUP)), options: { expirySchedules: true, gapToUpgradeFor: 1, primaryUserId: String(TOM) } },
		request: { method: 'GET', path: '/v2/userGroup2', query: { id: String(GROUP), expirySchedules: 'true', gapToUpgradeFor: '1', primaryUserId: String(TOM) } },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				id: GROUP,
				groupName: 'Sawyer family',
				maxGroupSize: 5,
				fleetGroupUsers: [expect.objectContaining({ userId: TOM, primaryMember: true }), expect.objectContaining({ userId: RITA, primaryMember: false })],
				expirySchedules: [expect.objectContaining({ points: 300, programId: 1 })],
				gapToUpgrade: [expect.objectContaining({ upgradeThreshold: 1000, customerUpgradeEntityValues: expect.objectContaining({ gapToUpgrade: 700 }) })],
			});
			expect(items[0].expiredPoints).toBeUndefined();
		},
	},
	{
		resource: 'userGroup',
		operation: 'getMembersWithCards',
		setup: (sim) => {
			family(sim);
			sim.state.cards.set('CARD-TOM-1', { cardNumber: 'CARD-TOM-1', seriesId: 7, customerId: TOM, statusLabel: 'ACTIVE', createdOn: '2026-01-01T00:00:00+05:30' });
		},
		parameters: { groupId: byList(String(GROUP)), source: 'INSTORE', options: { includeCardDetails: true, includeStatusDetails: true, sortBy: 'IS_PRIMARY' }, returnAll: false, limit: 1 },
		request: {
			method: 'GET',
			path: '/v2/userGroup2/members',
			query: { identifierName: 'id', identifierValue: String(GROUP), source: 'INSTORE', paginationDetails: 'true', includeCardDetails: 'true', includeStatusDetails: 'true', sortBy: 'IS_PRIMARY', limit: '1', offset: '0' },
		},
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({
					fleetUserId: TOM,
					firstName: 'Tom',
					role: 'PRIMARY',
					primaryMember: true,
					mobile: '919111111111',
					cardDetails: [expect.objectContaining({ cardNumber: 'CARD-TOM-1', statusLabel: 'ACTIVE' })],
					statusDetails: expect.objectContaining({ status: 'ACTIVE' }),
				}),
			]);
		},
	},
	{
		resource: 'userGroup',
		operation: 'getSlabHistory',
		setup: (sim) => void family(sim, 1200),
		parameters: { fleetGroupId: byId(String(GROUP)), returnAll: false, limit: 5 },
		request: { method: 'GET', path: '/v2/userGroup2/slabHistory', query: { fleetGroupId: String(GROUP), pageSize: '5' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ from: 'Bronze', to: 'Silver', fromSlabNumber: 1, toSlabNumber: 2, type: 'UPGRADE', programId: 1 })]);
			expect(sim.state.userGroups.get(GROUP)!.slabHistory).toHaveLength(1);
		},
	},
	{
		resource: 'userGroup',
		operation: 'getLedger',
		auth: 'oauth',
		setup: (sim) => void family(sim, 500),
		parameters: { groupId: byId(String(GROUP)), source: 'INSTORE', options: { startDate: '2026-01-01T00:00:00', endDate: '2026-01-20T00:00:00' }, returnAll: true },
		request: {
			method: 'GET',
			path: '/v2/pointsLedger/getCustomerLedgerInfo',
			query: { type: 'USERGROUP2', identifierName: 'id', identifierValue: String(GROUP), source: 'INSTORE', startDate: '2026-01-01T00:00:00', endDate: '2026-01-20T00:00:00', limit: '10', offset: '0' },
		},
		// The Points Ledger simulator answers groups with {customerDetails, ledgerDetails, ledgerEntries: []}.
		output: (items) => expect(items).toEqual([]),
	},
	{
		resource: 'userGroup',
		operation: 'getPointsExpirySchedule',
		setup: (sim) => void family(sim, 450),
		parameters: { groupKey: 'externalId', groupIdentifier: 'sawyer_family', options: { fetchEarliestExpiryOnly: true, getDataForAllPrograms: true }, returnAll: true },
		request: { method: 'GET', path: '/v2/userGroup2/pointsExpirySchedule', query: { externalId: 'sawyer_family', fetchEarliestExpiryOnly: 'true', getDataForAllPrograms: 'true' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ points: 450, programId: 1, expiryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
		},
	},
	{
		resource: 'userGroup',
		operation: 'getPromisedPointsSchedule',
		setup: (sim) => {
			family(sim);
			sim.state.customers.get(RITA)!.extra.promisedPoints = 25;
		},
		parameters: { groupKey: 'primaryUserId', groupIdentifier: String(TOM), options: { programId: 1 } },
		request: { method: 'GET', path: '/v2/userGroup2/promisedPointsSchedule', query: { primaryUserId: String(TOM), programId: '1' } },
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({ entityId: GROUP, entityType: 'USERGROUP2', promisedPointsScheduleList: [expect.objectContaining({ points: 25, userId: RITA, programId: 1 })], triggerBasedPointsList: [] }),
			]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'userGroup',
		operation: 'create',
		title: 'external ID already used (1633)',
		setup: (sim) => void family(sim),
		parameters: { externalId: 'sawyer_family', maxGroupSize: 5 },
		message: /1633.*sawyer_family/,
	},
	{
		resource: 'userGroup',
		operation: 'join',
		title: 'every member failed (bulk entity errors become an error)',
		setup: (sim) => void family(sim),
		parameters: { groupKey: 'id', groupId: byId(String(GROUP)), membersInput: 'fields', members: { member: [{ userId: String(TOM), primaryMember: false, permissions: [] }] } },
		message: /1636.*already a member/,
	},
	{
		resource: 'userGroup',
		operation: 'transfer',
		title: 'primary member cannot be transferred (1624)',
		setup: (sim) => {
			family(sim);
			createGroup(sim.state, { externalId: 'other' });
		},
		parameters: { leaveGroupId: byId(String(GROUP)), joinGroupId: byId(String(GROUP + 1)), userIds: String(TOM) },
		message: /1624/,
	},
];

export default { cases, errors } satisfies CaseFile;
