/** User authentication endpoints (v2/user_auth): register, authorize, update password. */
import type { JsonObject, Router, SimRequest } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer } from '../state';

/** Login records keyed by customer id; `passwordMd5` never leaves the simulator. */
export interface UserAuthRecord extends JsonObject {
	customerId: number;
	passwordMd5: string;
	registeredOn: string;
	updatedOn: string;
	failedAttempts: number;
}

const MD5 = /^[0-9a-f]{32}$/;

/** The customer as user_auth/register returns it (a v2 customer without the password). */
function customerView(customer: Customer): JsonObject {
	return {
		id: customer.id,
		profiles: customer.profiles.map((p) => ({
			firstName: p.firstName,
			lastName: p.lastName,
			fields: p.fields as JsonObject,
			identifiers: p.identifiers.map((i) => ({ type: i.type, value: i.value })),
			commChannels: p.commChannels,
			source: p.source,
			userId: customer.id,
			accountId: p.accountId,
			conflictingProfileList: [],
			autoUpdateTime: customer.updatedOn,
		})),
		loyaltyInfo: { loyaltyType: customer.loyaltyType, lifetimePurchases: customer.lifetimePurchases, score: 0 },
		segments: {},
		warnings: [],
		extendedFields: customer.extendedFields as JsonObject,
		loyaltyPoints: customer.points,
		tier: customer.tier,
	};
}

export function register(router: Router, sim: Simulator): void {
	const logins = () => sim.state.collection('userAuth') as Map<string, UserAuthRecord>;

	/** The customer of `mobile`/`email` in the body (registered in any source). */
	const who = (req: SimRequest) => {
		const body = bodyObject(req);
		const password = String(body.password ?? '');
		const key = body.mobile ? 'mobile' : body.email ? 'email' : undefined;
		const customer = key ? sim.state.findCustomer(key, String(body[key])) : undefined;
		return { body, password, customer };
	};

	router.post('/v2/user_auth/register', (req) => {
		const { password, customer } = who(req);
		if (!customer) return v2Error(400, 91027, 'Invalid username (mobile number/email id)');
		if (!MD5.test(password)) return v2Error(400, 91028, 'Invalid password format. Pass the password in MD5 Hash format');
		if (logins().has(String(customer.id))) return v2Error(400, 91029, 'User is registered already');
		const now = nowIso();
		logins().set(String(customer.id), { customerId: customer.id, passwordMd5: password, registeredOn: now, updatedOn: now, failedAttempts: 0 });
		return ok(customerView(customer));
	});

	router.post('/v2/user_auth/authorize_user', (req) => {
		const { password, customer } = who(req);
		if (!customer) return v2Error(400, 91027, 'Invalid username (mobile number/email id)');
		const login = logins().get(String(customer.id));
		if (!login || login.passwordMd5 !== password) {
			if (login) login.failedAttempts += 1;
			return v2Error(400, 91024, 'Authentation failed. Unable to authorize user with the given credentials');
		}
		login.failedAttempts = 0;
		return ok({ entity: true, warnings: [] });
	});

	const update = (req: SimRequest) => {
		const { password, customer } = who(req);
		if (!customer) return v2Error(400, 91027, 'Invalid username (mobile number/email id)');
		if (!MD5.test(password)) return v2Error(400, 91028, 'Invalid password format. Pass the password in MD5 Hash format');
		const login = logins().get(String(customer.id));
		if (!login) return v2Error(400, 91026, 'Unable to update password');
		login.passwordMd5 = password;
		login.updatedOn = nowIso();
		return ok({ entity: true, warnings: [] });
	};
	// The API index says POST, the older docs PUT: accept both.
	router.post('/v2/user_auth/update', update);
	router.put('/v2/user_auth/update', update);
}
