import type { JsonObject } from '../../simulator/http';
import { addBadge, badges } from '../../simulator/resources/badge';
import type { Simulator } from '../../simulator/server';
import type { CaseFile, ErrorCase, OperationCase } from '../case';

const TOM = 1001;
const RITA = 1002;
const BASE = '/api_gateway/v1/badges';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

/** An Issue-and-Earn badge claimed by Loyalty (reference L-1), with Tom already enrolled. */
function enrolmentBadge(sim: Simulator, id?: string): JsonObject {
	const badge = addBadge(sim.state, {
		...(id ? { id } : {}),
		name: 'Pet Lover',
		earnType: 'ISSUE_EARN',
		ownership: { restrictedToOwners: ['Loyalty', 'Milestones'], claims: [{ ownerType: 'Loyalty', referenceId: 'L-1', isActive: true }] },
	});
	sim.state.collection('badgeIssues').set('6a0000000000000000000aaa', {
		issuedId: '6a0000000000000000000aaa',
		badgeMetaId: badge.id,
		customerId: TOM,
		status: 'ACTIVE',
		issuedOn: Date.now() / 1000,
	});
	return badge;
}

function issuesOf(sim: Simulator, badgeId: unknown) {
	return [...sim.state.collection('badgeIssues').values()].filter((i) => i.badgeMetaId === badgeId);
}

export const cases: OperationCase[] = [
	{
		resource: 'badge',
		operation: 'createOrgMeta',
		auth: 'oauth',
		parameters: {
			tags: {
				tag: [
					{ key: 'Category', dataType: 'string', description: 'Type of badge (Exclusive, Regular)', mandatory: false },
					{ key: 'Priority', dataType: 'integer', description: 'Priority of the badge', mandatory: true },
				],
			},
		},
		request: {
			method: 'POST',
			path: `${BASE}/orgMeta`,
			body: {
				orgId: 50672,
				tags: [
					{ key: 'Category', dataType: 'string', mandatory: false },
					{ key: 'Priority', dataType: 'integer', mandatory: true },
				],
			},
		},
		output: (items, sim, requests) => {
			expect(requests[0].headers['x-cap-api-auth-org-id']).toBe('50672');
			expect(items).toEqual([expect.objectContaining({ orgId: 50672, tags: [expect.objectContaining({ key: 'Category' }), expect.objectContaining({ key: 'Priority', mandatory: true })] })]);
			expect(sim.state.collection('badgeOrgMeta').get('org')!.tags).toHaveLength(2);
		},
	},
	{
		resource: 'badge',
		operation: 'updateOrgMeta',
		setup: (sim) => void sim.state.collection('badgeOrgMeta').set('org', { id: 'm1', orgId: 50672, tags: [{ key: 'Category', dataType: 'string', description: '', mandatory: false }], createdOn: 1, createdBy: 1, lastUpdatedOn: 1, lastUpdatedBy: 1 }),
		parameters: { orgMetaOrgId: '50672', tags: { tag: [{ key: 'Tier', dataType: 'string', description: 'Tier of the badge', mandatory: false }] } },
		request: { method: 'PUT', path: `${BASE}/orgMeta`, body: { orgId: 50672, tags: [{ key: 'Tier', description: 'Tier of the badge' }] } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: 'm1', tags: [expect.objectContaining({ key: 'Tier' })] })]);
			expect((sim.state.collection('badgeOrgMeta').get('org')!.tags as JsonObject[]).map((t) => t.key)).toEqual(['Tier']);
		},
	},
	{
		resource: 'badge',
		operation: 'getOrgMeta',
		setup: (sim) => void sim.state.collection('badgeOrgMeta').set('org', { id: 'm1', orgId: 50672, tags: [{ key: 'Priority', dataType: 'integer', description: '', mandatory: false }] }),
		parameters: {},
		request: { method: 'GET', path: `${BASE}/orgMeta` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 'm1', tags: [expect.objectContaining({ key: 'Priority' })] })]),
	},
	{
		resource: 'badge',
		operation: 'create',
		parameters: {
			migrationMode: true,
			name: 'Furry Friend',
			earnType: 'ISSUE_EARN',
			owners: ['Loyalty', 'Milestones'],
			additionalFields: { description: 'Buy 5 pet products in 3 months', startOn: '2025-01-01T00:00:00Z', expiresOn: '2030-01-01T00:00:00Z', badgeRank: 2 },
			badgeSettingsJson: '{"earnedBadgeExpiry": {"expiryType": "RELATIVE", "relativeExpirytype": "MONTHS", "value": 3}}',
		},
		request: {
			method: 'POST',
			path: `${BASE}/badgeMeta`,
			body: {
				name: 'Furry Friend',
				earnType: 'ISSUE_EARN',
				ownership: { restrictedToOwners: ['Loyalty', 'Milestones'] },
				description: 'Buy 5 pet products in 3 months',
				startOn: 1735689600,
				expiresOn: 1893456000,
				badgeRank: 2,
				earnedBadgeExpiry: { expiryType: 'RELATIVE', value: 3 },
			},
		},
		output: (items, sim, requests) => {
			expect(requests[0].headers['x-cap-badges-migration']).toBe('migration');
			expect(items).toEqual([expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Furry Friend', status: 'LIVE', earnType: 'ISSUE_EARN' })]);
			expect([...badges(sim.state).values()].map((b) => b.name)).toEqual(['Furry Friend']);
		},
	},
	{
		resource: 'badge',
		operation: 'create',
		title: 'raw JSON body',
		auth: 'oauth',
		parameters: {
			bodyInput: 'json',
			bodyJson: '{"name": "Birthday", "earnType": "EARN", "ownership": {"restrictedToOwners": ["Journeys"]}, "startOn": 1716803487, "expiresOn": 4102444800}',
		},
		request: { method: 'POST', path: `${BASE}/badgeMeta`, body: { name: 'Birthday', ownership: { restrictedToOwners: ['Journeys'] } } },
		output: (items, sim, requests) => {
			expect(requests[0].headers['x-cap-badges-migration']).toBeUndefined();
			expect(items[0]).toMatchObject({ name: 'Birthday', earnType: 'EARN' });
			expect(badges(sim.state).size).toBe(1);
		},
	},
	{
		resource: 'badge',
		operation: 'update',
		setup: (sim) => [{ id: addBadge(sim.state, { name: 'Old Name', badgeRank: 1 }).id }],
		parameters: {
			badgeId: byId('={{ $json.id }}'),
			additionalFields: { name: 'New Name', badgeRank: 4, active: false },
		},
		request: { method: 'PUT', path: `${BASE}/badgeMeta`, body: { id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'New Name', badgeRank: 4, active: false } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ name: 'New Name', badgeRank: 4, active: false });
			const [stored] = [...badges(sim.state).values()];
			expect(stored).toMatchObject({ name: 'New Name', badgeRank: 4, active: false, earnType: 'EARN' });
		},
	},
	{
		resource: 'badge',
		operation: 'getAll',
		setup: (sim) => {
			addBadge(sim.state, { name: 'Live Loyalty' });
			addBadge(sim.state, { name: 'Live Journeys', ownership: { restrictedToOwners: ['Journeys'], claims: [] } });
			addBadge(sim.state, { name: 'Expired Loyalty', startOn: 1_600_000_000, expiresOn: 1_700_000_000 });
		},
		parameters: { options: { status: 'LIVE', owner: 'Loyalty' } },
		request: { method: 'GET', path: `${BASE}/badgeMeta`, query: { status: 'LIVE', owner: 'Loyalty' } },
		output: (items) => expect(items.map((i) => i.name)).toEqual(['Live Loyalty']),
	},
	{
		resource: 'badge',
		operation: 'get',
		setup: (sim) => void enrolmentBadge(sim, '6a00000000000000000000b1'),
		parameters: { badgeId: byId('6a00000000000000000000b1'), options: { includeStatistics: true } },
		request: { method: 'GET', path: `${BASE}/badgeMeta/6a00000000000000000000b1`, query: { includeStatistics: 'true' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ name: 'Pet Lover', issuedCount: 1, earnedCount: 0, status: 'LIVE' })]),
	},
	{
		resource: 'badge',
		operation: 'claim',
		auth: 'oauth',
		setup: (sim) => [{ id: addBadge(sim.state, { id: '6a00000000000000000000c1', name: 'Claimable', ownership: { restrictedToOwners: ['Milestones'], claims: [] } }).id }],
		parameters: { badgeId: fromList('={{ $json.id }}'), ownerType: 'Milestones', referenceId: 'MS-7' },
		request: { method: 'POST', path: `${BASE}/badgeMeta/6a00000000000000000000c1/claim`, body: { ownerType: 'Milestones', referenceId: 'MS-7' } },
		output: (items, sim) => {
			expect(items).toEqual([{ ownerType: 'Milestones', referenceId: 'MS-7', isActive: true }]);
			const [stored] = [...badges(sim.state).values()];
			expect((stored.ownership as JsonObject).claims).toEqual([{ ownerType: 'Milestones', referenceId: 'MS-7', isActive: true }]);
		},
	},
	{
		resource: 'badge',
		operation: 'setActivation',
		setup: (sim) => void addBadge(sim.state, { id: '6a00000000000000000000d1', name: 'Switchable' }),
		parameters: { badgeId: byId('6a00000000000000000000d1'), activationStatus: 'deactivate' },
		request: { method: 'PUT', path: `${BASE}/badgeMeta/6a00000000000000000000d1/deactivate` },
		output: (items, sim) => {
			expect(items).toEqual([{ id: expect.any(String), isActive: false }]);
			expect([...badges(sim.state).values()][0].active).toBe(false);
		},
	},
	{
		resource: 'badge',
		operation: 'enrolCustomers',
		title: 'partial failure: one item per customer',
		setup: (sim) => [{ id: enrolmentBadge(sim).id }],
		parameters: {
			badgeMetaId: byId('={{ $json.id }}'),
			customerIds: `${TOM}, ${RITA}, 999999`,
			additionalFields: { triggeredByOwnerType: 'Loyalty', triggeredByReferenceId: 'L-1', requestId: 'enrol-1', issueEventDate: '2025-11-03T21:51:00.192Z' },
		},
		request: {
			method: 'POST',
			path: `${BASE}/badgeMeta/customer/issueBulk`,
			body: { customers: [TOM, RITA, 999999], triggeredBy: { ownerType: 'Loyalty', referenceId: 'L-1' }, requestId: 'enrol-1', issueEventDate: '2025-11-03T21:51:00.192Z' },
		},
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ customerId: TOM, success: false, errorCode: '1040', errorMessage: 'An active issue for the badge already exists.' }),
				expect.objectContaining({ customerId: RITA, success: true, issuedId: expect.any(String), status: 'ACTIVE' }),
				expect.objectContaining({ customerId: 999999, success: false, errorCode: '8015' }),
			]);
			const [badge] = [...badges(sim.state).values()];
			expect(issuesOf(sim, badge.id).map((i) => i.customerId).sort()).toEqual([TOM, RITA]);
		},
	},
	{
		resource: 'badge',
		operation: 'enrolCustomers',
		title: 'customer list from an expression',
		auth: 'oauth',
		setup: (sim) => [{ id: addBadge(sim.state, { name: 'Open', earnType: 'ISSUE_EARN' }).id, ids: [RITA, 1003] }],
		parameters: { badgeMetaId: byId('={{ $json.id }}'), customerIds: '={{ $json.ids }}' },
		request: { method: 'POST', path: `${BASE}/badgeMeta/customer/issueBulk`, body: { customers: [RITA, 1003] } },
		output: (items) => {
			expect(items.map((i) => [i.customerId, i.success])).toEqual([
				[RITA, true],
				[1003, true],
			]);
		},
	},
	{
		resource: 'badge',
		operation: 'earn',
		setup: (sim) => {
			const badge = enrolmentBadge(sim);
			return [{ id: badge.id }];
		},
		parameters: {
			badgeMetaId: byId('={{ $json.id }}'),
			customerId: String(TOM),
			requestId: 'earn-42',
			triggeredByOwnerType: 'Loyalty',
			triggeredByReferenceId: 'L-1',
			additionalFields: { earnEventDate: '2025-12-02T11:30:00.192Z' },
		},
		request: {
			method: 'POST',
			path: `${BASE}/customer/earn`,
			body: { customerId: TOM, requestId: 'earn-42', triggeredBy: { ownerType: 'Loyalty', referenceId: 'L-1' }, earnEventDate: '2025-12-02T11:30:00.192Z' },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ customerId: TOM, earnedBadgeId: expect.stringMatching(/^[0-9a-f]{24}$/), issuedId: '6a0000000000000000000aaa', requestId: 'earn-42' })]);
			expect([...sim.state.collection('badgeEarns').values()]).toEqual([expect.objectContaining({ customerId: TOM, isActive: true })]);
		},
	},
	{
		resource: 'badge',
		operation: 'revokeEnrolment',
		title: 'by customer IDs',
		setup: (sim) => [{ id: enrolmentBadge(sim).id }],
		parameters: { badgeMetaId: byId('={{ $json.id }}'), revokeBy: 'customers', revokeCustomerIds: `${TOM},${RITA}` },
		request: { method: 'POST', path: `${BASE}/badgeMeta/customer/revokeIssue`, body: { customers: [TOM, RITA] } },
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ customerId: TOM, issuedId: '6a0000000000000000000aaa', success: true }),
				expect.objectContaining({ customerId: RITA, issuedId: null, success: false, errorCode: '404', errorMessage: "Customer doesn't have issue instance" }),
			]);
			expect(sim.state.collection('badgeIssues').get('6a0000000000000000000aaa')!.status).toBe('REVOKED');
		},
	},
	{
		resource: 'badge',
		operation: 'revokeEnrolment',
		title: 'by enrolment',
		auth: 'oauth',
		setup: (sim) => [{ id: enrolmentBadge(sim).id }],
		parameters: { badgeMetaId: byId('={{ $json.id }}'), revokeBy: 'enrolments', enrolments: { enrolment: [{ customerId: String(TOM), issueId: '6a0000000000000000000aaa' }] } },
		request: { method: 'POST', path: `${BASE}/badgeMeta/customer/revokeIssue`, body: { revokeIssuals: [{ customerId: String(TOM), issueId: '6a0000000000000000000aaa' }] } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ customerId: TOM, success: true })]);
			expect(sim.state.collection('badgeIssues').get('6a0000000000000000000aaa')!.status).toBe('REVOKED');
		},
	},
	{
		resource: 'badge',
		operation: 'revokeEarn',
		setup: (sim) => {
			const badge = addBadge(sim.state, { name: 'Earned' });
			sim.state.collection('badgeEarns').set('6a00000000000000000000e1', { earnedBadgeId: '6a00000000000000000000e1', badgeMetaId: badge.id, customerId: RITA, isActive: true, earnedOn: 1, expiresOn: 4102444800 });
			return [{ id: badge.id }];
		},
		parameters: { badgeMetaId: byId('={{ $json.id }}'), customerId: String(RITA), earnedBadgeId: '6a00000000000000000000e1' },
		request: { method: 'POST', path: `${BASE}/customer/revokeEarn`, body: { customerId: RITA, earnedBadgeId: '6a00000000000000000000e1' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ customerId: RITA, isActive: false })]);
			expect(sim.state.collection('badgeEarns').get('6a00000000000000000000e1')!.isActive).toBe(false);
		},
	},
	{
		resource: 'badge',
		operation: 'getForCustomer',
		setup: (sim) => {
			const earned = addBadge(sim.state, { name: 'Earned One', badgeRank: 2 });
			addBadge(sim.state, { name: 'Not Earned' });
			sim.state.collection('badgeEarns').set('e1', { earnedBadgeId: 'e1', badgeMetaId: earned.id, customerId: TOM, isActive: true, earnedOn: Date.now() / 1000, earnEventDate: Date.now() / 1000, expiresOn: Date.now() / 1000 + 86_400 });
		},
		parameters: { customerIdentifierType: 'mobile', customerId: '919111111111', options: { badgeType: 'EARNED', sortOn: 'rank' } },
		request: { method: 'GET', path: `${BASE}/customer/919111111111`, query: { badgeType: 'EARNED', sortOn: 'rank' } },
		output: (items, _sim, requests) => {
			expect(requests[0].headers['x-cap-customer-identifier']).toBe('mobile');
			expect(items).toEqual([expect.objectContaining({ name: 'Earned One', earnedCount: 1 })]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'badge',
		operation: 'get',
		title: 'unknown badge (404 with errors[])',
		parameters: { badgeId: byId('6a00000000000000000000ff') },
		message: /Capillary error 404: Passed badge is not found/,
		httpCode: '404',
	},
	{
		resource: 'badge',
		operation: 'earn',
		title: 'earn before enrolment (409, code 811)',
		setup: (sim) =>
			void addBadge(sim.state, {
				id: '6a00000000000000000000aa',
				name: 'Needs Enrolment',
				earnType: 'ISSUE_EARN',
				ownership: { restrictedToOwners: ['Loyalty'], claims: [{ ownerType: 'Loyalty', referenceId: 'x', isActive: true }] },
			}),
		parameters: { badgeMetaId: byId('6a00000000000000000000aa'), customerId: String(RITA), requestId: 'r-1', triggeredByOwnerType: 'Loyalty', triggeredByReferenceId: 'x' },
		message: /Capillary error 811: Badge issue is mandatory before earn/,
		httpCode: '409',
	},
	{
		resource: 'badge',
		operation: 'create',
		title: 'duplicate name (400, code 725)',
		setup: (sim) => void addBadge(sim.state, { name: 'Taken' }),
		parameters: { name: 'Taken', earnType: 'EARN', owners: ['Loyalty'] },
		message: /Capillary error 725: Badge name cannot be duplicate/,
		httpCode: '400',
	},
	{
		resource: 'badge',
		operation: 'enrolCustomers',
		title: 'invalid customer list is refused before sending',
		setup: (sim) => void addBadge(sim.state, { id: '6a00000000000000000000ab', name: 'Any' }),
		parameters: { badgeMetaId: byId('6a00000000000000000000ab'), customerIds: '1001, tom' },
		message: /Customer IDs.*numeric/,
	},
];

export default { cases, errors } satisfies CaseFile;
