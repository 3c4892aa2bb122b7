import { issueOtp, otps } from '../../simulator/resources/otp';
import type { CaseFile, ErrorCase, OperationCase } from '../case';

const TOM_MOBILE = '919111111111';
const TOM_EMAIL = 'tom.sawyer@example.com';

export const cases: OperationCase[] = [
	{
		resource: 'otp',
		operation: 'generate',
		parameters: {
			entityType: 'MOBILE',
			entityValue: TOM_MOBILE,
			action: 'POINTS',
			channels: { channel: [{ type: 'SMS', value: '' }, { type: 'EMAIL', value: TOM_EMAIL }] },
			additionalFields: { template: 'Your OTP is {{ validation_code }}', emailSubject: 'Validation Code', emailBody: 'Code: {{ validation_code }}' },
		},
		request: {
			method: 'POST',
			path: '/v2/otp/generate',
			body: {
				entityType: 'MOBILE',
				entityValue: TOM_MOBILE,
				action: 'POINTS',
				channels: [{ type: 'SMS' }, { type: 'EMAIL', value: TOM_EMAIL }],
				template: 'Your OTP is {{ validation_code }}',
				emailTemplate: { subject: 'Validation Code', body: 'Code: {{ validation_code }}' },
			},
		},
		output: (items, sim, requests) => {
			expect((requests[0].body as { channels: unknown[] }).channels).toEqual([{ type: 'SMS' }, { type: 'EMAIL', value: TOM_EMAIL }]);
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			const [record] = [...otps(sim.state).values()];
			expect(record).toMatchObject({ id: items[0].createdId, customerId: 1001, action: 'POINTS', used: false });
		},
	},
	{
		resource: 'otp',
		operation: 'validate',
		auth: 'oauth',
		setup: (sim) => [{ code: issueOtp(sim.state, 'EMAIL', TOM_EMAIL, 'REGISTRATION').code }],
		parameters: { entityType: 'EMAIL', entityValue: TOM_EMAIL, code: '={{ $json.code }}', action: 'REGISTRATION' },
		request: { method: 'POST', path: '/v2/otp/validate', body: { entityType: 'EMAIL', entityValue: TOM_EMAIL, code: expect.stringMatching(/^[A-Z0-9]{7}$/), action: 'REGISTRATION' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ valid: true })]);
			expect([...otps(sim.state).values()][0].used).toBe(true);
		},
	},
	{
		resource: 'otp',
		operation: 'validate',
		title: 'expired code is not valid',
		setup: (sim) => [{ code: issueOtp(sim.state, 'MOBILE', TOM_MOBILE, 'POINTS', Date.now() - 11 * 60_000).code }],
		parameters: { entityType: 'MOBILE', entityValue: TOM_MOBILE, code: '={{ $json.code }}', action: 'POINTS' },
		request: { method: 'POST', path: '/v2/otp/validate' },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ valid: false })]);
			expect([...otps(sim.state).values()][0].used).toBe(false);
		},
	},
	{
		resource: 'otp',
		operation: 'get',
		setup: (sim) => {
			issueOtp(sim.state, 'MOBILE', TOM_MOBILE, 'POINTS', Date.now() - 60_000);
			issueOtp(sim.state, 'MOBILE', TOM_MOBILE, 'COUPON');
			return [{ latest: issueOtp(sim.state, 'MOBILE', TOM_MOBILE, 'POINTS').code }];
		},
		parameters: { identifierName: 'mobile', identifierValue: TOM_MOBILE, scope: 'POINTS', options: { source: 'INSTORE', threshold: 300 } },
		request: { method: 'GET', path: '/v2/otp', query: { identifierName: 'mobile', identifierValue: TOM_MOBILE, scope: 'POINTS', source: 'INSTORE', threshold: '300' } },
		output: (items, sim) => {
			const latest = [...otps(sim.state).values()].filter((o) => o.action === 'POINTS').sort((a, b) => Number(b.id) - Number(a.id))[0];
			expect(items).toEqual([expect.objectContaining({ userId: 1001, orgId: 50672, code: latest.code, validUpto: expect.any(String) })]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'otp',
		operation: 'generate',
		title: 'daily quota used up (429 … per day)',
		setup: (sim) => {
			for (let i = 0; i < 10; i++) issueOtp(sim.state, 'MOBILE', TOM_MOBILE, 'POINTS');
		},
		parameters: { entityType: 'MOBILE', entityValue: TOM_MOBILE, action: 'POINTS', channels: { channel: [{ type: 'SMS', value: '' }] } },
		message: /Capillary error 429: Rate limit exceeded\. A maximum of 10 OTPs can be generated for an user per day/,
		httpCode: '429',
	},
	{
		resource: 'otp',
		operation: 'get',
		title: 'no valid OTP (9001)',
		parameters: { identifierName: 'email', identifierValue: TOM_EMAIL, scope: 'COUPON' },
		message: /Capillary error 9001: No valid {1,2}OTP found/,
	},
	{
		resource: 'otp',
		operation: 'generate',
		title: 'no channel is refused before sending',
		parameters: { entityType: 'MOBILE', entityValue: TOM_MOBILE, action: 'POINTS' },
		message: /"Channels" needs at least one channel/,
	},
];

export default { cases, errors } satisfies CaseFile;
