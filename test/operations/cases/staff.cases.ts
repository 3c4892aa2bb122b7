import { createHash } from 'node:crypto';

import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import type { StaffRecord } from '../../simulator/resources/staff';

const md5 = (value: string) => createHash('md5').update(value).digest('hex');
const store = (code: string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value: code });

function accounts(sim: Simulator) {
	return sim.state.collection('staff') as Map<string, StaffRecord>;
}

function seedStaff(sim: Simulator, overrides: Partial<StaffRecord> = {}): StaffRecord {
	const id = overrides.id ?? 75025000 + sim.state.nextEntityId++;
	const record: StaffRecord = {
		id,
		username: 'timjames',
		mobile: '919800500000',
		email: 'tim.james@example.com',
		firstname: 'Tim',
		lastname: 'James',
		title: '',
		storeCode: 'store1',
		zoneCode: 'root',
		conceptCode: 'root',
		tillCode: 'store1timjames',
		passwordMd5: md5('timpass45'),
		active: true,
		emailValidated: false,
		mobileValidated: false,
		createdOn: '2026-01-01T10:00:00+05:30',
		...overrides,
	};
	accounts(sim).set(String(id), record);
	return record;
}

function seedToken(sim: Simulator, staff: StaffRecord, token = 'tok-tim-1'): string {
	sim.state.collection('staffTokens').set(token, { staffId: staff.id, issuedOn: '' });
	return token;
}

/** The till the tests authenticate with is also a staff user (staff accounts log in like tills). */
const TILL_USER = 'store.server';

const noSecret = (items: unknown[], ...secrets: string[]) => {
	const text = JSON.stringify(items);
	for (const secret of secrets) expect(text).not.toContain(secret);
};

export const cases: OperationCase[] = [
	{
		resource: 'staff',
		operation: 'create',
		parameters: {
			username: 'timjames',
			password: 'timpass45',
			adminAuthKey: 'admin-key-1',
			additionalFields: { mobile: '919800500000', email: 'tim.james@example.com', firstname: 'Tim', title: 'Manager', storeCode: store('east_store', 'id') },
		},
		request: {
			method: 'POST',
			path: '/v2/staff',
			body: { username: 'timjames', password: 'timpass45', mobile: '919800500000', firstname: 'Tim', title: 'Manager', storeCode: 'east_store' },
		},
		output: (items, sim, requests) => {
			expect(items).toEqual([{ id: expect.any(Number) }]);
			const created = accounts(sim).get(String(items[0].id))!;
			expect(created).toMatchObject({ username: 'timjames', zoneCode: 'north346', conceptCode: 'mobiles3458', passwordMd5: md5('timpass45') });
			expect(requests[0].headers['x-cap-api-auth-key']).toBe('admin-key-1');
			noSecret(items, 'timpass45');
		},
	},
	{
		resource: 'staff',
		operation: 'getAccessToken',
		setup: (sim) => void seedStaff(sim, { username: TILL_USER }),
		parameters: {},
		request: { method: 'GET', path: '/v2/staff/accessToken' },
		output: (items, sim) => {
			expect(items).toEqual([{ accessToken: expect.stringMatching(/^[\w-]{20,}$/) }]);
			expect(sim.state.collection('staffTokens').has(String(items[0].accessToken))).toBe(true);
		},
	},
	{
		resource: 'staff',
		operation: 'update',
		auth: 'oauth',
		setup: (sim) => [{ id: seedStaff(sim).id }],
		parameters: { staffIdentifierType: 'id', staffIdentifierValue: '={{ $json.id }}', additionalFields: { title: 'Store Manager', lastname: 'Jameson' } },
		request: { method: 'POST', path: '/v2/staff/edit', body: { title: 'Store Manager', lastname: 'Jameson' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ title: 'Store Manager', lastname: 'Jameson', firstname: 'Tim' })]);
			expect(accounts(sim).get(String(items[0].id))!.title).toBe('Store Manager');
		},
	},
	{
		resource: 'staff',
		operation: 'get',
		setup: (sim) => [{ token: seedToken(sim, seedStaff(sim)) }],
		parameters: { staffIdentifierType: 'username', staffIdentifierValue: 'timjames', accessToken: '={{ $json.token }}' },
		request: { method: 'GET', path: '/v2/staff', query: { username: 'timjames' } },
		output: (items, _sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ username: 'timjames', storeCode: 'store1', id: expect.any(Number) })]);
			expect(items[0]).not.toHaveProperty('passwordMd5');
			expect(requests[0].headers['x-cap-api-access-token']).toBe('tok-tim-1');
			noSecret(items, 'tok-tim-1');
		},
	},
	{
		resource: 'staff',
		operation: 'changePassword',
		setup: (sim) => [{ token: seedToken(sim, seedStaff(sim)) }],
		parameters: { newPassword: 'N3w-Secret-77', accessToken: '={{ $json.token }}' },
		request: { method: 'POST', path: '/v2/staff/changePassword', body: { password: 'N3w-Secret-77' } },
		output: (items, sim) => {
			const tim = [...accounts(sim).values()].find((s) => s.username === 'timjames')!;
			expect(items).toEqual([{ id: tim.id }]);
			expect(tim.passwordMd5).toBe(md5('N3w-Secret-77'));
			noSecret(items, 'N3w-Secret-77', 'tok-tim-1');
		},
	},
	{
		resource: 'staff',
		operation: 'sendOtp',
		setup: (sim) => [{ id: seedStaff(sim).id }],
		parameters: { otpType: 'VALIDATE_EMAIL', staffId: '={{ $json.id }}', username: 'timjames', additionalFields: { email: 'tim.james@example.com' } },
		request: { method: 'POST', path: '/v2/staff/sendOtp', query: { otp_type: 'VALIDATE_EMAIL' }, body: { username: 'timjames', email: 'tim.james@example.com' } },
		output: (items, sim) => {
			expect(items).toEqual([{ id: expect.any(Number) }]);
			expect(sim.state.collection('staffOtps').get(`${items[0].id}:EMAIL`)).toMatchObject({ target: 'tim.james@example.com' });
		},
	},
	{
		resource: 'staff',
		operation: 'validateOtp',
		setup: (sim) => {
			const tim = seedStaff(sim);
			sim.state.collection('staffOtps').set(`${tim.id}:EMAIL`, { code: '335713', target: tim.email, expiresAt: Date.now() + 60_000 });
			return [{ id: tim.id }];
		},
		parameters: { staffId: '={{ $json.id }}', username: 'timjames', identifierType: 'EMAIL', otp: '335713', password: 'timpass45' },
		request: { method: 'POST', path: '/v2/staff/validate', body: { username: 'timjames', identifierType: 'EMAIL', otp: '335713', password: 'timpass45' } },
		output: (items, sim) => {
			const tim = [...accounts(sim).values()][0];
			expect(items).toEqual([{ id: tim.id }]);
			expect(tim.emailValidated).toBe(true);
			noSecret(items, '335713', 'timpass45');
		},
	},
	{
		resource: 'staff',
		operation: 'changeIdentifierSendOtp',
		setup: (sim) => void seedStaff(sim, { username: TILL_USER }),
		parameters: { identifierType: 'email', newIdentifier: 'tim.new@example.com', additionalFields: { notes: 'changing email' } },
		request: { method: 'POST', path: '/v2/staff/changeidentifier/sendotp', body: { type: 'email', identifier: 'tim.new@example.com', notes: 'changing email' } },
		output: (items, sim) => {
			expect(items).toEqual([{ id: expect.any(Number) }]);
			expect(sim.state.collection('staffOtps').get(`${items[0].id}:CHANGE_EMAIL`)).toMatchObject({ target: 'tim.new@example.com' });
		},
	},
	{
		resource: 'staff',
		operation: 'changeIdentifier',
		setup: (sim) => {
			const tim = seedStaff(sim);
			sim.state.collection('staffOtps').set(`${tim.id}:CHANGE_MOBILE`, { code: '13482', target: '919800511111', expiresAt: Date.now() + 60_000 });
			return [{ token: seedToken(sim, tim) }];
		},
		parameters: { identifierType: 'mobile', newIdentifier: '919800511111', otp: '13482', accessToken: '={{ $json.token }}' },
		request: { method: 'POST', path: '/v2/staff/changeidentifier', body: { type: 'mobile', identifier: '919800511111', otp: '13482' } },
		output: (items, sim) => {
			const tim = [...accounts(sim).values()][0];
			expect(items).toEqual([{ id: tim.id }]);
			expect(tim.mobile).toBe('919800511111');
		},
	},
	{
		resource: 'staff',
		operation: 'transfer',
		setup: (sim) => void seedStaff(sim),
		parameters: { staffIdentifierType: 'username', staffIdentifierValue: 'timjames', storeCode: store('store.bangalore'), adminAuthKey: 'admin-key-1' },
		request: { method: 'POST', path: '/v2/staff/transfer', body: { username: 'timjames', storeCode: 'store.bangalore' } },
		output: (items, sim) => {
			const tim = [...accounts(sim).values()][0];
			expect(items).toEqual([{ id: tim.id }]);
			expect(tim).toMatchObject({ storeCode: 'store.bangalore', zoneCode: 'zone.south' });
		},
	},
	{
		resource: 'staff',
		operation: 'getMany',
		setup: (sim) => {
			seedStaff(sim);
			seedStaff(sim, { username: 'tomsawyer', mobile: '91939511111', email: '' });
			seedStaff(sim, { username: 'sivaru', mobile: '919395222222', email: 'abc4@example.com' });
			seedStaff(sim, { username: 'elsewhere', mobile: '919395333333', email: '', storeCode: 'stb23', zoneCode: 'south12' });
			seedStaff(sim, { username: 'gone', mobile: '919395444444', email: '', active: false });
		},
		parameters: { listBy: 'storeCode', storeCode: store('store1'), returnAll: false, limit: 2 },
		request: { method: 'GET', path: '/v2/staff/getUsersList', query: { storeCode: 'store1' } },
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items.map((i) => i.username)).toEqual(['timjames', 'tomsawyer']);
		},
	},
	{
		resource: 'staff',
		operation: 'getMany',
		title: 'zone, return all',
		setup: (sim) => {
			seedStaff(sim);
			seedStaff(sim, { username: 'elsewhere', mobile: '919395333333', email: '', storeCode: 'stb23', zoneCode: 'south12' });
		},
		parameters: { listBy: 'zoneCode', zoneCode: 'south12', returnAll: true },
		request: { method: 'GET', path: '/v2/staff/getUsersList', query: { zoneCode: 'south12' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ username: 'elsewhere', storeCode: 'stb23' })]),
	},
	{
		resource: 'staff',
		operation: 'logout',
		setup: (sim) => [{ token: seedToken(sim, seedStaff(sim)) }],
		parameters: { accessToken: '={{ $json.token }}' },
		request: { method: 'GET', path: '/v2/staff/logout' },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true })]);
			expect(sim.state.collection('staffTokens').has('tok-tim-1')).toBe(false);
		},
	},
	{
		resource: 'staff',
		operation: 'deactivate',
		auth: 'oauth',
		setup: (sim) => [{ id: seedStaff(sim).id }],
		parameters: { staffIdentifierType: 'refId', staffIdentifierValue: '={{ $json.id }}' },
		request: { method: 'POST', path: '/v2/staff/delete', body: { refId: expect.any(Number) } },
		output: (items, sim) => {
			const tim = [...accounts(sim).values()][0];
			expect(items).toEqual([{ id: tim.id }]);
			expect(tim.active).toBe(false);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'staff',
		operation: 'validateOtp',
		title: 'wrong OTP (v2 errors[] 1700)',
		setup: (sim) => void seedStaff(sim, { id: 75029999 }),
		parameters: { staffId: '75029999', username: 'timjames', identifierType: 'EMAIL', otp: '000000' },
		message: /1700.*Invalid OTP/,
	},
	{
		resource: 'staff',
		operation: 'transfer',
		title: 'unknown staff user (1009)',
		parameters: { staffIdentifierType: 'username', staffIdentifierValue: 'nobody', storeCode: store('stb23', 'id') },
		message: /1009/,
	},
];

export default { cases, errors } satisfies CaseFile;
