/** Staff endpoints: accounts, access tokens, OTPs, identifier change, transfer, list, logout, deactivate. */
import { createHash, randomBytes } from 'node:crypto';

import type { JsonObject, Router, SimRequest } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import { header } from '../auth';

/** A staff account as the simulator keeps it; `passwordMd5` and `otp` never leave the simulator. */
export interface StaffRecord extends JsonObject {
	id: number;
	username: string;
	mobile: string;
	email: string;
	firstname: string;
	lastname: string;
	title: string;
	storeCode: string;
	zoneCode: string;
	conceptCode: string;
	tillCode: string;
	passwordMd5: string;
	active: boolean;
	emailValidated: boolean;
	mobileValidated: boolean;
	createdOn: string;
}

const md5 = (value: string) => createHash('md5').update(value).digest('hex');

const STORES: Record<string, { zone: string; concept: string }> = {
	InfluenceStore: { zone: 'root', concept: 'root' },
	'store.server': { zone: 'root', concept: 'root' },
	store1: { zone: 'root', concept: 'root' },
	east_store: { zone: 'north346', concept: 'mobiles3458' },
	stb23: { zone: 'south12', concept: 'root' },
	// The stores of the organization simulator's demo org.
	'store.bangalore': { zone: 'zone.south', concept: 'supermarket' },
	'store.mumbai': { zone: 'zone.south', concept: 'supermarket' },
};

const envelope = (entity: unknown) => ok({ entity: entity as JsonObject, warnings: [], errors: [], success: true });

/** What Capillary shows of a staff account: no password, no OTP. */
export function staffView(s: StaffRecord): JsonObject {
	const view: JsonObject = { username: s.username, storeCode: s.storeCode, zoneCode: s.zoneCode, conceptCode: s.conceptCode, tillCode: s.tillCode, id: s.id };
	if (s.mobile) view.mobile = s.mobile;
	if (s.email) view.email = s.email;
	if (s.firstname) view.firstname = s.firstname;
	if (s.lastname) view.lastname = s.lastname;
	if (s.title) view.title = s.title;
	return view;
}

export function register(router: Router, sim: Simulator): void {
	const accounts = () => sim.state.collection('staff') as Map<string, StaffRecord>;
	const tokens = () => sim.state.collection('staffTokens');
	const otps = () => sim.state.collection('staffOtps');

	const all = () => [...accounts().values()];
	const find = (type: string, value: unknown): StaffRecord | undefined => {
		const v = String(value ?? '').trim().toLowerCase();
		if (!v) return undefined;
		const key = type === 'refId' ? 'id' : type;
		return all().find((s) => ['id', 'username', 'mobile', 'email'].includes(key) && String(s[key]).toLowerCase() === v);
	};
	/** Body identifiers: any one of id / refId / username / mobile / email. */
	const fromBody = (body: JsonObject) => {
		for (const key of ['id', 'refId', 'username', 'mobile', 'email']) {
			if (body[key] !== undefined && body[key] !== '') return find(key, body[key]);
		}
		return undefined;
	};
	/** The staff user acting: the access token's user, else the Basic-auth user. */
	const actor = (req: SimRequest): { staff?: StaffRecord; error?: ReturnType<typeof v2Error> } => {
		const token = header(req, 'x-cap-api-access-token');
		if (token !== undefined) {
			const entry = tokens().get(token);
			const staff = entry ? accounts().get(String(entry.staffId)) : undefined;
			if (!staff || !staff.active) return { error: v2Error(401, 401, 'Invalid authentication. Please check your username,password or authentication token') };
			return { staff };
		}
		const staff = req.auth?.username ? find('username', req.auth.username) : undefined;
		return { staff: staff?.active ? staff : undefined };
	};
	const issueOtp = (staff: StaffRecord, purpose: string, target: string) => {
		const code = String(100000 + ((staff.id * 7919 + otps().size * 104729) % 900000));
		otps().set(`${staff.id}:${purpose}`, { code, target, expiresAt: Date.now() + 10 * 60_000 });
		return code;
	};
	const consumeOtp = (staff: StaffRecord, purpose: string, code: unknown, target?: string) => {
		const entry = otps().get(`${staff.id}:${purpose}`);
		if (!entry || entry.code !== String(code ?? '') || Number(entry.expiresAt) < Date.now()) return false;
		if (target !== undefined && String(entry.target).toLowerCase() !== target.toLowerCase()) return false;
		otps().delete(`${staff.id}:${purpose}`);
		return true;
	};

	router.post('/v2/staff', (req) => {
		const body = bodyObject(req);
		const username = String(body.username ?? '').trim();
		if (!username && !body.mobile && !body.email) return v2Error(400, 1007, 'username or identifier not set');
		if (!body.password) return v2Error(400, 1001, 'Password not set');
		if (username && !/^[A-Za-z0-9._]+$/.test(username)) return v2Error(400, 1009, 'Invalid identifier details passed');
		for (const key of ['username', 'mobile', 'email'] as const) {
			if (body[key] && find(key, body[key])) return v2Error(400, 1005, `The identifier already exists: ${key}`);
		}
		const storeCode = String(body.storeCode ?? '') || 'InfluenceStore';
		const store = STORES[storeCode];
		if (!store) return v2Error(400, 1215, 'Invalid ParentZoneId/External Id/ParentConceptId specified');
		const id = 75025000 + sim.state.nextEntityId++;
		const record: StaffRecord = {
			id,
			username: username || String(body.mobile ?? body.email),
			mobile: String(body.mobile ?? ''),
			email: String(body.email ?? ''),
			firstname: String(body.firstname ?? ''),
			lastname: String(body.lastname ?? ''),
			title: String(body.title ?? ''),
			storeCode,
			zoneCode: String(body.zoneCode ?? '') || store.zone,
			conceptCode: String(body.conceptCode ?? body.ConceptCode ?? '') || store.concept,
			tillCode: `${storeCode}${username || 'staff'}`,
			passwordMd5: md5(String(body.password)),
			active: true,
			emailValidated: false,
			mobileValidated: false,
			createdOn: nowIso(),
		};
		accounts().set(String(id), record);
		return envelope(id);
	});

	router.get('/v2/staff/accessToken', (req) => {
		const staff = req.auth?.username ? find('username', req.auth.username) : undefined;
		if (!staff || !staff.active) return v2Error(401, 1009, 'Invalid identifier details passed: the credential is not an active staff user');
		const token = randomBytes(36).toString('base64url');
		tokens().set(token, { staffId: staff.id, issuedOn: nowIso() });
		return envelope(token);
	});

	router.post('/v2/staff/edit', (req) => {
		const body = bodyObject(req);
		const { staff: self, error } = actor(req);
		if (error) return error;
		const staff = fromBody(body) ?? (Object.keys(body).some((k) => ['id', 'refId', 'username', 'mobile', 'email'].includes(k)) ? undefined : self);
		if (!staff) return v2Error(400, 1009, 'Invalid identifier details passed');
		if (!staff.active) return v2Error(400, 1011, 'Inactive user passed');
		for (const key of ['firstname', 'lastname', 'title'] as const) if (body[key] !== undefined) staff[key] = String(body[key]);
		return envelope({ firstname: staff.firstname, lastname: staff.lastname, title: staff.title, id: staff.id });
	});

	router.get('/v2/staff', (req) => {
		const token = header(req, 'x-cap-api-access-token');
		if (!token || !tokens().has(token)) return v2Error(401, 401, 'Invalid authentication. Please check your username,password or authentication token');
		const key = ['username', 'mobile', 'email', 'refId'].find((k) => req.query[k]);
		const staff = key ? find(key, req.query[key]) : undefined;
		if (!staff) return v2Error(400, 1009, 'Invalid identifier details passed');
		return envelope(staffView(staff));
	});

	router.post('/v2/staff/changePassword', (req) => {
		const body = bodyObject(req);
		const { staff, error } = actor(req);
		if (error) return error;
		if (!staff) return v2Error(400, 1009, 'Invalid identifier details passed');
		if (!body.password || String(body.password).length < 6) return v2Error(400, 1001, 'Password not set or too short');
		staff.passwordMd5 = md5(String(body.password));
		return envelope(staff.id);
	});

	router.post('/v2/staff/sendOtp', (req) => {
		const body = bodyObject(req);
		const purpose = String(req.query.otp_type ?? '');
		if (!['LOGIN', 'VALIDATE_EMAIL', 'VALIDATE_MOBILE'].includes(purpose)) return v2Error(400, 1010, 'Invalid otp type passed');
		const staff = body.id !== undefined ? find('id', body.id) : undefined;
		if (!staff || staff.username !== String(body.username ?? '')) return v2Error(400, 1009, 'Invalid identifier details passed');
		const target = purpose === 'VALIDATE_MOBILE' ? staff.mobile : staff.email || staff.mobile;
		if (!target) return v2Error(400, 1007, 'EMAIL or Mobile identifier is not set');
		issueOtp(staff, purpose === 'VALIDATE_MOBILE' ? 'MOBILE' : purpose === 'VALIDATE_EMAIL' ? 'EMAIL' : 'LOGIN', target);
		return envelope(staff.id);
	});

	router.post('/v2/staff/validate', (req) => {
		const body = bodyObject(req);
		const staff = body.id !== undefined ? find('id', body.id) : fromBody(body);
		if (!staff || (body.username !== undefined && staff.username !== String(body.username))) return v2Error(400, 1009, 'Invalid identifier details passed');
		const type = String(body.identifierType ?? '').toUpperCase();
		if (!['EMAIL', 'MOBILE'].includes(type)) return v2Error(400, 1008, 'Invalid identifier type passed');
		if (!consumeOtp(staff, type, body.otp)) return v2Error(400, 1700, 'Authentication service error. Invalid OTP');
		if (type === 'EMAIL') staff.emailValidated = true;
		else staff.mobileValidated = true;
		return envelope(staff.id);
	});

	router.post('/v2/staff/changeidentifier/sendotp', (req) => {
		const body = bodyObject(req);
		const { staff, error } = actor(req);
		if (error) return error;
		if (!staff) return v2Error(401, 401, 'Invalid authentication. Please check your username,password or authentication token');
		const type = String(body.type ?? '').toLowerCase();
		if (!['email', 'mobile'].includes(type)) return v2Error(400, 1010, 'Invalid otp type passed (identifier type)');
		const identifier = String(body.identifier ?? '').trim();
		if (!identifier || (type === 'email' && !identifier.includes('@')) || (type === 'mobile' && !/^\d{8,15}$/.test(identifier))) {
			return v2Error(400, 1009, 'Invalid identifier passed');
		}
		if (find(type, identifier)) return v2Error(400, 1005, 'Identifier already exists');
		issueOtp(staff, `CHANGE_${type.toUpperCase()}`, identifier);
		return envelope(staff.id);
	});

	router.post('/v2/staff/changeidentifier', (req) => {
		const body = bodyObject(req);
		const { staff, error } = actor(req);
		if (error) return error;
		if (!staff) return v2Error(401, 401, 'Invalid authentication. Please check your username,password or authentication token');
		const type = String(body.type ?? '').toLowerCase() as 'email' | 'mobile';
		if (!['email', 'mobile'].includes(type)) return v2Error(400, 1010, 'Invalid otp type passed (identifier type)');
		const identifier = String(body.identifier ?? '').trim();
		if (!identifier) return v2Error(400, 1007, 'No identifier (email/mobile) passed to validate OTP');
		if (!consumeOtp(staff, `CHANGE_${type.toUpperCase()}`, body.otp, identifier)) return v2Error(400, 1700, 'Invalid OTP or OTP expired');
		staff[type] = identifier;
		return envelope(staff.id);
	});

	router.post('/v2/staff/transfer', (req) => {
		const body = bodyObject(req);
		const staff = fromBody(body);
		if (!staff || !staff.active) return v2Error(400, 1009, 'Invalid identifier details passed');
		const storeCode = String(body.storeCode ?? '');
		const store = STORES[storeCode];
		if (!store) return v2Error(400, 1215, 'Invalid ParentZoneId/External Ids/ParentConceptId specified');
		staff.storeCode = storeCode;
		staff.zoneCode = store.zone;
		staff.conceptCode = store.concept;
		return envelope(staff.id);
	});

	router.get('/v2/staff/getUsersList', (req) => {
		const { storeCode, zoneCode } = req.query;
		if (!storeCode && !zoneCode) return v2Error(400, 1009, 'Invalid identifier details passed');
		const list = all().filter((s) => s.active && (storeCode ? s.storeCode === storeCode : s.zoneCode === zoneCode));
		return envelope(list.map(staffView));
	});

	router.get('/v2/staff/logout', (req) => {
		const token = header(req, 'x-cap-api-access-token');
		if (!token || !tokens().has(token)) return v2Error(401, 401, 'Invalid authentication. Please check your username,password or authentication token');
		tokens().delete(token);
		return ok({ warnings: [], errors: [], success: true });
	});

	router.post('/v2/staff/delete', (req) => {
		const body = bodyObject(req);
		const staff = fromBody(body);
		if (!staff) return v2Error(400, 1009, 'Invalid identifier details passed');
		if (!staff.active) return v2Error(400, 1011, 'inactive user passed');
		staff.active = false;
		for (const [token, entry] of tokens()) if (entry.staffId === staff.id) tokens().delete(token);
		return envelope(staff.id);
	});
}
