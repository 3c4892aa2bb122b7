import { createHash } from 'node:crypto';

import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import type { UserAuthRecord } from '../../simulator/resources/userAuthentication';

const md5 = (value: string) => createHash('md5').update(value).digest('hex');
const TOM = '919111111111';
const TOM_EMAIL = 'tom.sawyer@example.com';

function logins(sim: Simulator) {
	return sim.state.collection('userAuth') as Map<string, UserAuthRecord>;
}

function tomId(sim: Simulator): number {
	return sim.state.findCustomer('mobile', TOM)!.id;
}

function registerTom(sim: Simulator, password: string) {
	logins(sim).set(String(tomId(sim)), { customerId: tomId(sim), passwordMd5: md5(password), registeredOn: '', updatedOn: '', failedAttempts: 0 });
}

/** The plain password and its hash must both stay out of the output. */
const noSecret = (items: unknown[], password: string) => {
	const text = JSON.stringify(items);
	expect(text).not.toContain(password);
	expect(text).not.toContain(md5(password));
};

export const cases: OperationCase[] = [
	{
		resource: 'userAuthentication',
		operation: 'register',
		parameters: { identifierType: 'mobile', identifierValue: TOM, password: 'Tom-Secret-1' },
		request: { method: 'POST', path: '/v2/user_auth/register', body: { mobile: TOM, password: md5('Tom-Secret-1') } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: tomId(sim), profiles: [expect.objectContaining({ firstName: 'Tom' })] })]);
			expect(logins(sim).get(String(tomId(sim)))!.passwordMd5).toBe(md5('Tom-Secret-1'));
			noSecret(items, 'Tom-Secret-1');
		},
	},
	{
		resource: 'userAuthentication',
		operation: 'register',
		title: 'password given as MD5 hash',
		auth: 'oauth',
		parameters: { identifierType: 'email', identifierValue: TOM_EMAIL, password: md5('Tom-Secret-2').toUpperCase(), passwordIsMd5: true },
		request: { method: 'POST', path: '/v2/user_auth/register', body: { email: TOM_EMAIL, password: md5('Tom-Secret-2') } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ id: tomId(sim) });
			expect(logins(sim).get(String(tomId(sim)))!.passwordMd5).toBe(md5('Tom-Secret-2'));
			noSecret(items, 'Tom-Secret-2');
		},
	},
	{
		resource: 'userAuthentication',
		operation: 'authorize',
		setup: (sim) => registerTom(sim, 'Tom-Secret-1'),
		parameters: { identifierType: 'mobile', identifierValue: TOM, password: 'Tom-Secret-1' },
		request: { method: 'POST', path: '/v2/user_auth/authorize_user', body: { mobile: TOM, password: md5('Tom-Secret-1') } },
		output: (items) => {
			expect(items).toEqual([{ authorized: true }]);
			noSecret(items, 'Tom-Secret-1');
		},
	},
	{
		resource: 'userAuthentication',
		operation: 'updatePassword',
		auth: 'oauth',
		setup: (sim) => registerTom(sim, 'Tom-Secret-1'),
		parameters: { identifierType: 'email', identifierValue: TOM_EMAIL, password: 'Brand-New-9' },
		request: { method: 'POST', path: '/v2/user_auth/update', body: { email: TOM_EMAIL, password: md5('Brand-New-9') } },
		output: (items, sim) => {
			expect(items).toEqual([{ updated: true }]);
			expect(logins(sim).get(String(tomId(sim)))!.passwordMd5).toBe(md5('Brand-New-9'));
			noSecret(items, 'Brand-New-9');
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'userAuthentication',
		operation: 'authorize',
		title: 'wrong password (v2 errors[] 91024)',
		setup: (sim) => registerTom(sim, 'Tom-Secret-1'),
		parameters: { identifierType: 'mobile', identifierValue: TOM, password: 'not-it' },
		message: /91024.*Unable to authorize/,
	},
	{
		resource: 'userAuthentication',
		operation: 'register',
		title: 'already registered (91029)',
		setup: (sim) => registerTom(sim, 'Tom-Secret-1'),
		parameters: { identifierType: 'mobile', identifierValue: TOM, password: 'Tom-Secret-1' },
		message: /91029/,
	},
];

export default { cases, errors } satisfies CaseFile;
