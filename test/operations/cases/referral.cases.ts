import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { faultReplies } from '../../simulator/faults';
import type { Simulator } from '../../simulator/server';

function rita(sim: Simulator) {
	return sim.state.findCustomer('mobile', '919222222222')!;
}

export const cases: OperationCase[] = [
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
