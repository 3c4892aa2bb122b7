import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { faultReplies } from '../../simulator/faults';
import { nowIso } from '../../simulator/http';
import { byTomLookup, byTomV11, RITA, rita, TOM, tom, tomQuery } from './customer.fixtures';

/** Referral: referrals, invitations, statistics and referral codes. */
export const cases: OperationCase[] = [
	{
		resource: 'referral',
		operation: 'addReferrals',
		parameters: {
			customerId: '1001',
			referralCampaign: 'CWRME',
			invitees: {
				invitee: [
					{ type: 'MOBILE', identifier: '918867710032', name: 'Sam', invitedOn: '2021-12-16 13:15:45' },
					{ type: 'EMAIL', identifier: 'sam@example.com', name: 'Sam' },
				],
			},
			additionalFields: { mobile: TOM },
		},
		request: {
			method: 'POST',
			path: '/v2/customers/1001/referrals',
			body: {
				customerReferrals: [
					{
						customer: { id: 1001, mobile: TOM },
						campaignToken: 'CWRME',
						referrals: [
							{ type: 'MOBILE', referral: [{ name: 'Sam', identifier: '918867710032', invitedOn: '2021-12-16 13:15:45' }] },
							{ type: 'EMAIL', referral: [{ name: 'Sam', identifier: 'sam@example.com' }] },
						],
					},
				],
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ campaignToken: 'CWRME', customer: expect.objectContaining({ id: 1001 }) })]);
			expect(tom(sim).referrals).toEqual([
				expect.objectContaining({ type: 'MOBILE', identifier: '918867710032', campaignToken: 'CWRME' }),
				expect.objectContaining({ type: 'EMAIL', identifier: 'sam@example.com' }),
			]);
		},
	},
	{
		resource: 'referral',
		operation: 'getReferrals',
		setup: (sim) => void tom(sim).referrals.push({ campaignToken: 'CWRME', type: 'MOBILE', name: 'Rita', identifier: RITA, invitedOn: '2020-05-21 11:52:33', till: 'store.server' }),
		parameters: { customerId: '1001' },
		request: { method: 'GET', path: '/v2/customers/1001/referrals', query: { limit: '50', offset: '0' } },
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({
					referralCode: expect.any(String),
					invitees: [expect.objectContaining({ type: 'MOBILE', identifier: RITA })],
					referee: [expect.objectContaining({ userId: 1002, firstName: 'Rita', eventType: 'REGISTRATION' })],
				}),
			]),
	},
	{
		resource: 'referral',
		operation: 'getReferralsByIdentifier',
		setup: (sim) => {
			tom(sim).referrals.push(
				{ campaignToken: 'CWRME', type: 'EMAIL', name: 'Joe', identifier: 'joe.harper@example.com', invitedOn: nowIso(), till: 'store.server' },
				{ campaignToken: 'CWRME', type: 'MOBILE', name: 'Amy', identifier: '919700000002', invitedOn: nowIso(), till: 'store.server' },
			);
		},
		parameters: { ...byTomLookup },
		// Capillary's total counts invitees, not entries: the short first page is followed by an empty one.
		request: [
			{ method: 'GET', path: '/v2/customers/lookup/referrals', query: { ...tomQuery, limit: '50', offset: '0' } },
			{ method: 'GET', path: '/v2/customers/lookup/referrals', query: { ...tomQuery, limit: '49', offset: '1' } },
		],
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({
					customer: expect.objectContaining({ id: tom(sim).id }),
					referralCode: expect.any(String),
					invitees: [expect.objectContaining({ identifier: 'joe.harper@example.com' }), expect.objectContaining({ type: 'MOBILE', identifier: '919700000002' })],
				}),
			]);
		},
	},
	{
		resource: 'referral',
		operation: 'addReferralsByIdentifier',
		parameters: {
			...byTomV11,
			referralCampaign: 'CWRME',
			referralType: 'EMAIL',
			invitees: { invitee: [{ name: 'Joe Harper', identifier: 'joe.harper@example.com', id: '1' }, { name: 'Amy', identifier: 'amy@example.com', invitedOn: '2025-03-01T10:00:00+05:30' }] },
		},
		request: {
			method: 'POST',
			path: '/v1.1/customer/referrals',
			body: { root: { customer: [{ mobile: TOM, referrals: { campaign_token: 'CWRME', referral_type: { type: 'EMAIL', referral: [{ name: 'Joe Harper', identifier: 'joe.harper@example.com', id: '1' }, { name: 'Amy', identifier: 'amy@example.com' }] } } }] } },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ referrals: { referral_type: [{ type: 'EMAIL', referral: [expect.objectContaining({ status: expect.objectContaining({ success: 'true' }) }), expect.anything()] }] } });
			expect(tom(sim).referrals.map((r) => r.identifier)).toEqual(['joe.harper@example.com', 'amy@example.com']);
		},
	},
	{
		resource: 'referral',
		operation: 'getStatistics',
		setup: (sim) => void tom(sim).referrals.push({ campaignToken: 'CWRME', type: 'MOBILE', name: 'Joe', identifier: '919700000001', invitedOn: nowIso(), till: 'store.server' }),
		parameters: { ...byTomV11, options: { referralCampaign: 'CWRME' } },
		request: { method: 'GET', path: '/v1.1/customer/referrals', query: { mobile: TOM, campaign_token: 'CWRME' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ referral_code: expect.any(String), invitees: { referral_type: [{ type: 'MOBILE', invitee: [expect.objectContaining({ identifier: '919700000001' })] }] } })]);
		},
	},
	{
		resource: 'referral',
		operation: 'validate',
		setup: (sim) => {
			rita(sim).extra.referralCode = 'RITA-FRIENDS';
			return [{ code: 'rita-friends' }];
		},
		parameters: { code: '={{ $json.code }}' },
		request: { method: 'GET', path: '/v2/referral/validate', query: { code: 'rita-friends' } },
		output: (items, sim) => expect(items).toEqual([expect.objectContaining({ valid: true, referrer: rita(sim).id })]),
	},
	{
		resource: 'referral',
		operation: 'validate',
		title: 'unknown code is valid = false, not an error',
		auth: 'oauth',
		parameters: { code: 'NOPE-123' },
		request: { method: 'GET', path: '/v2/referral/validate', query: { code: 'NOPE-123' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ valid: false, referrer: -1 })]),
	},
	{
		resource: 'referral',
		operation: 'validate',
		title: 'code outside its campaign period',
		setup: (sim) => {
			rita(sim).extra.referralCode = 'OLD-CAMPAIGN';
			rita(sim).extra.referralCampaignEnds = '2020-01-01T00:00:00+05:30';
		},
		parameters: { code: 'OLD-CAMPAIGN' },
		request: { method: 'GET', path: '/v2/referral/validate', query: { code: 'OLD-CAMPAIGN' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ valid: false, referrer: -1 })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'referral',
		operation: 'validate',
		title: 'API client without access to referrals (4000)',
		setup: (sim) => void sim.faults.add({ path: '/v2/referral/validate', ...faultReplies.accessDenied() }),
		parameters: { code: 'ANY' },
		message: /4000/,
		description: /access group/,
	},
];

export default { cases, errors } satisfies CaseFile;
