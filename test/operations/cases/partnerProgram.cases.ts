import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { memberships, type MembershipRecord } from '../../simulator/resources/partnerProgram';

const TOM = '919111111111';

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

/** Tom already linked to Apparel-Partner (ID 35) in tier Bronze, with one earlier activity. */
function linkTom(sim: Simulator): MembershipRecord {
	const membership: MembershipRecord = {
		customerId: tom(sim).id,
		partnerProgramId: 35,
		partnerMembershipId: 'APP-TOM',
		partnerTierName: 'Bronze',
		partnerTierExpiryDate: '2099-12-31T23:59:59+05:30',
		status: 'LINKED',
		membershipStartDate: '2025-01-01T10:00:00+05:30',
		lastUpdatedDate: '2025-01-01T10:00:00+05:30',
		lastUpdatedActivity: 'LINKED',
		history: [{ activityId: 1, activityType: 'LINKED', activityDate: '2025-01-01T10:00:00+05:30', linkingDetails: { partnerTierName: 'Bronze' } }],
		benefits: [],
	};
	memberships(sim.state).set(`${tom(sim).id}:35`, membership);
	return membership;
}

function membershipOf(sim: Simulator, programId: number) {
	return memberships(sim.state).get(`${tom(sim).id}:${programId}`) as MembershipRecord | undefined;
}

const apparel = { __rl: true, mode: 'list', value: 'Apparel-Partner' };

export const cases: OperationCase[] = [
	{
		resource: 'partnerProgram',
		operation: 'linkCustomer',
		parameters: {
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM,
			partnerProgram: apparel,
			partnerMembershipId: 'APP-919111111111',
			additionalFields: { partnerTierName: 'Bronze', partnerTierExpiryDate: '2099-12-29T23:59:59+05:30' },
		},
		request: {
			method: 'POST',
			path: '/v2/partnerProgram/linkCustomer',
			body: {
				linkCustomers: [
					{
						customer: { mobile: TOM },
						linkToPartnerPrograms: [
							{
								partnerProgramName: 'Apparel-Partner',
								customerPartnerReference: { partnerMembershipId: 'APP-919111111111', partnerTierName: 'Bronze', partnerTierExpiryDate: '2099-12-29T23:59:59+05:30' },
							},
						],
					},
				],
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({
					customer: expect.objectContaining({ id: tom(sim).id, status: expect.objectContaining({ code: 1000 }) }),
					linkToPartnerPrograms: [{ partnerProgramName: 'Apparel-Partner', partnerLinkStatus: { status: true, message: 'Success', code: 200 } }],
				}),
			]);
			expect(membershipOf(sim, 35)).toMatchObject({ status: 'LINKED', partnerTierName: 'Bronze', partnerMembershipId: 'APP-919111111111' });
		},
	},
	{
		resource: 'partnerProgram',
		operation: 'linkCustomer',
		title: 'JSON body, one of two programs unknown',
		auth: 'oauth',
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify({
				linkCustomers: [
					{
						customer: { email: 'tom.sawyer@example.com' },
						linkToPartnerPrograms: [
							{ partnerProgramName: 'NoTierPartnerProgram', customerPartnerReference: { partnerMembershipId: 'NT-1' } },
							{ partnerProgramName: 'NoSuchProgram', customerPartnerReference: { partnerMembershipId: 'X-1' } },
						],
					},
				],
			}),
		},
		request: { method: 'POST', path: '/v2/partnerProgram/linkCustomer', body: { linkCustomers: [{ customer: { email: 'tom.sawyer@example.com' } }] } },
		output: (items, sim) => {
			expect(items).toHaveLength(1);
			expect(items[0].linkToPartnerPrograms).toEqual([
				expect.objectContaining({ partnerProgramName: 'NoTierPartnerProgram', partnerLinkStatus: expect.objectContaining({ status: true }) }),
				expect.objectContaining({ partnerProgramName: 'NoSuchProgram', partnerLinkStatus: expect.objectContaining({ status: false, code: 2006 }) }),
			]);
			expect(membershipOf(sim, 11)?.status).toBe('LINKED');
		},
	},
	{
		resource: 'partnerProgram',
		operation: 'linkCustomer',
		title: 'a partner program the org lists in v2/organization/programs (the dropdown)',
		setup: async (sim) => {
			const route = sim.router.match('GET', '/v2/organization/programs')!;
			const reply = await route.handler({ method: 'GET', path: '/v2/organization/programs', query: {}, headers: {}, body: undefined, rawBody: Buffer.alloc(0), params: {} });
			const partners = ((reply.body as { data: Array<{ partnerPrograms?: Array<Record<string, unknown>> }> }).data ?? []).flatMap((p) => p.partnerPrograms ?? []);
			const tiered = partners.find((p) => p.tierBased === true)!;
			const tiers = tiered.partnerProgramTiers as Array<{ tierName: string }>;
			return [{ name: String(tiered.partnerProgramName), id: Number(tiered.partnerProgramId), tier: tiers[tiers.length - 1].tierName }];
		},
		parameters: {
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM,
			partnerProgram: { __rl: true, mode: 'list', value: '={{ $json.name }}' },
			partnerMembershipId: 'PP-1',
			additionalFields: { partnerTierName: '={{ $json.tier }}' },
		},
		request: { method: 'POST', path: '/v2/partnerProgram/linkCustomer' },
		output: (items, sim, requests) => {
			const sent = (requests[0].body as { linkCustomers: Array<{ linkToPartnerPrograms: Array<{ partnerProgramName: string }> }> }).linkCustomers[0].linkToPartnerPrograms[0];
			expect(items[0]).toMatchObject({ linkToPartnerPrograms: [{ partnerProgramName: sent.partnerProgramName, partnerLinkStatus: { status: true } }] });
			const linked = [...memberships(sim.state).values()].find((m) => m.customerId === tom(sim).id);
			expect(linked).toMatchObject({ status: 'LINKED', partnerMembershipId: 'PP-1' });
		},
	},
	{
		resource: 'partnerProgram',
		operation: 'updateCustomer',
		setup: (sim) => void linkTom(sim),
		parameters: {
			customerIdentifierType: 'externalId',
			customerIdentifierValue: 'TS-001',
			partnerProgram: { __rl: true, mode: 'id', value: 'Apparel-Partner' },
			updateType: 'UPGRADE',
			updatedTierName: 'Silver',
			additionalFields: { updatedTierExpiryDate: '2099-06-30T23:59:59+05:30' },
		},
		request: {
			method: 'POST',
			path: '/v2/partnerProgram/customerPartnerProgramUpdate',
			body: {
				customersPartnerUpdates: [
					{
						customer: { externalId: 'TS-001' },
						partnerProgramUpdates: [{ partnerProgramName: 'Apparel-Partner', updateType: 'UPGRADE', updateDetails: { updatedTierName: 'Silver', updatedTierExpiryDate: '2099-06-30T23:59:59+05:30' } }],
					},
				],
			},
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ partnerProgramUpdates: [{ updateType: 'UPGRADE', updateStatus: { status: true } }] });
			expect(membershipOf(sim, 35)).toMatchObject({ partnerTierName: 'Silver', partnerTierExpiryDate: '2099-06-30T23:59:59+05:30', lastUpdatedActivity: 'UPGRADE' });
		},
	},
	{
		resource: 'partnerProgram',
		operation: 'updateCustomer',
		title: 'cancel pending relinking sends no tier',
		setup: (sim) => void linkTom(sim),
		parameters: { customerIdentifierType: 'mobile', customerIdentifierValue: TOM, partnerProgram: apparel, updateType: 'MEMBERSHIP_RELINKING_CANCELLED', updatedTierName: 'ignored' },
		request: { method: 'POST', path: '/v2/partnerProgram/customerPartnerProgramUpdate', body: { customersPartnerUpdates: [{ partnerProgramUpdates: [{ updateType: 'MEMBERSHIP_RELINKING_CANCELLED' }] }] } },
		output: (items, sim, requests) => {
			const update = (requests[0].body as { customersPartnerUpdates: Array<{ partnerProgramUpdates: object[] }> }).customersPartnerUpdates[0].partnerProgramUpdates[0];
			expect(update).not.toHaveProperty('updateDetails');
			expect(membershipOf(sim, 35)).toMatchObject({ partnerTierName: 'Bronze', lastUpdatedActivity: 'MEMBERSHIP_RELINKING_CANCELLED' });
		},
	},
	{
		resource: 'partnerProgram',
		operation: 'updateCustomer',
		title: 'JSON body, renew',
		setup: (sim) => void linkTom(sim),
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify({
				customersPartnerUpdates: [{ customer: { mobile: TOM }, partnerProgramUpdates: [{ partnerProgramName: 'Apparel-Partner', updateType: 'RENEW', updateDetails: { updatedTierName: 'Bronze', updatedTierExpiryDate: '2100-01-01T00:00:00+05:30' } }] }],
			}),
		},
		request: { method: 'POST', path: '/v2/partnerProgram/customerPartnerProgramUpdate', body: { customersPartnerUpdates: [{ partnerProgramUpdates: [{ updateType: 'RENEW' }] }] } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ partnerProgramUpdates: [{ updateStatus: { status: true } }] });
			expect(membershipOf(sim, 35)).toMatchObject({ partnerTierExpiryDate: '2100-01-01T00:00:00+05:30', lastUpdatedActivity: 'RENEW' });
		},
	},
	{
		resource: 'partnerProgram',
		operation: 'delinkCustomer',
		setup: (sim) => void linkTom(sim),
		parameters: { customerIdentifierType: 'mobile', customerIdentifierValue: TOM, partnerProgram: apparel },
		request: {
			method: 'POST',
			path: '/v2/partnerProgram/deLinkCustomer',
			body: { deLinkCustomers: [{ customer: { mobile: TOM }, deLinkFromPartnerPrograms: [{ partnerProgramName: 'Apparel-Partner' }] }] },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ deLinkFromPartnerPrograms: [{ partnerProgramName: 'Apparel-Partner', partnerDeLinkStatus: { status: true } }] });
			expect(membershipOf(sim, 35)?.status).toBe('DELINKED');
		},
	},
	{
		resource: 'partnerProgram',
		operation: 'getActivityHistory',
		auth: 'oauth',
		setup: (sim) => {
			const membership = linkTom(sim);
			membership.history.push({ activityId: 2, activityType: 'UPGRADE', activityDate: '2025-03-01T10:00:00+05:30', linkingDetails: { partnerTierName: 'Silver' } });
		},
		parameters: {
			identifierName: 'mobile',
			identifierValue: TOM,
			source: 'INSTORE',
			activityType: 'linkingUpdates',
			partnerProgramId: { __rl: true, mode: 'id', value: '35' },
			returnAll: true,
		},
		request: {
			method: 'GET',
			path: '/v2/partnerProgram/customerActivityHistory',
			query: { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE', activityType: 'linkingUpdates', partnerProgramId: '35', limit: '10', offset: '0' },
		},
		output: (items) => {
			expect(items.map((i) => i.activityType)).toEqual(['UPGRADE', 'LINKED']);
			expect(items[0]).toMatchObject({ linkingDetails: { partnerTierName: 'Silver' } });
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'partnerProgram',
		operation: 'linkCustomer',
		title: 'tier not in the partner program (2007)',
		parameters: { customerIdentifierType: 'mobile', customerIdentifierValue: TOM, partnerProgram: apparel, partnerMembershipId: 'A-1', additionalFields: { partnerTierName: 'Platinum' } },
		message: /2007.*tier/,
	},
	{
		resource: 'partnerProgram',
		operation: 'updateCustomer',
		title: 'customer not linked (2004)',
		parameters: { customerIdentifierType: 'mobile', customerIdentifierValue: TOM, partnerProgram: apparel, updateType: 'RENEW', updatedTierName: 'Bronze' },
		message: /2004/,
	},
	{
		resource: 'partnerProgram',
		operation: 'getActivityHistory',
		title: 'dates with linking updates (2015)',
		setup: (sim) => void linkTom(sim),
		parameters: { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE', activityType: 'linkingUpdates', options: { startDate: '2025-01-01 00:00:00' } },
		message: /2015/,
	},
];

export default { cases, errors } satisfies CaseFile;
