/**
 * OTP (v2/otp): generate with expiry and Capillary's daily quota (10 per customer per day, then
 * 429 "… per day"), validate (answers `entity: false` for a wrong or expired code), and read the
 * latest valid OTP of a customer.
 */
import type { JsonObject, Router } from '../http';
import { bodyObject, nowIso, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';
import { ORG_ID } from '../state';

export const OTP_VALIDITY_MS = 10 * 60_000;
export const OTP_DAILY_LIMIT = 10;
const DAY_MS = 86_400_000;

const ACTIONS = [
	'COUPON',
	'POINTS',
	'REGISTRATION',
	'USERGROUP',
	'SUBSCRIPTION',
	'GENERIC',
	'POINTSTRANSFER',
	'CUSTOMER_STATUS_UPDATE',
	'CUSTOMER_IDENTIFIER_CHANGE',
	'CUSTOMER_ISSUE_LINK_CARD',
];
const CHANNELS = ['SMS', 'EMAIL', 'MOBILE', 'PHONE', 'BOTH'];

export function otps(state: SimState): Map<string, JsonObject> {
	return state.collection('otps');
}

const entityKey = (type: string, value: string) => `${type.toUpperCase()}:${value.trim().toLowerCase()}`;

/** Issues an OTP record (the handler and tests use it). */
export function issueOtp(state: SimState, entityType: string, entityValue: string, action: string, createdAt = Date.now()): JsonObject {
	const customer = state.findCustomer(entityType.toLowerCase(), entityValue);
	const id = state.nextEntityId++;
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	let n = id * 2_654_435_761;
	let code = '';
	for (let i = 0; i < 7; i++) {
		code += alphabet[n % alphabet.length];
		n = Math.floor(n / alphabet.length) + i * 7;
	}
	const record: JsonObject = {
		id,
		key: entityKey(entityType, entityValue),
		customerId: customer ? customer.id : null,
		action,
		code,
		createdAt,
		expiresAt: createdAt + OTP_VALIDITY_MS,
		used: false,
	};
	otps(state).set(String(id), record);
	return record;
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v2/otp/generate', (req) => {
		const body = bodyObject(req);
		const problems: Array<[number, string]> = [];
		if (!ACTIONS.includes(String(body.action ?? '').toUpperCase())) problems.push([600, 'Invalid or Null action passed']);
		if (!['MOBILE', 'EMAIL'].includes(String(body.entityType ?? '').toUpperCase())) problems.push([601, 'Invalid or Null entity type passed']);
		if (!String(body.entityValue ?? '').trim()) problems.push([602, 'Invalid or Null entity value passed']);
		const channels = Array.isArray(body.channels) ? (body.channels as JsonObject[]) : [];
		if (channels.length === 0 || channels.some((c) => !CHANNELS.includes(String(c.type ?? '').toUpperCase()))) {
			problems.push([603, 'Invalid or Null communication channel value passed']);
		}
		if (problems.length) return { status: 400, body: { errors: problems.map(([code, message]) => ({ status: false, code, message })), warnings: [] } };
		const type = String(body.entityType).toUpperCase();
		const value = String(body.entityValue);
		const key = entityKey(type, value);
		const today = [...otps(state()).values()].filter((o) => o.key === key && Number(o.createdAt) > Date.now() - DAY_MS);
		if (today.length >= OTP_DAILY_LIMIT) return v2Error(429, 429, 'Rate limit exceeded. A maximum of 10 OTPs can be generated for an user per day');
		const record = issueOtp(state(), type, value, String(body.action).toUpperCase());
		record.channels = channels;
		return ok({ createdId: record.id, warnings: [] });
	});

	router.post('/v2/otp/validate', (req) => {
		const body = bodyObject(req);
		if (!ACTIONS.includes(String(body.action ?? '').toUpperCase())) return v2Error(400, 600, 'Invalid or Null action passed');
		if (!['MOBILE', 'EMAIL'].includes(String(body.entityType ?? '').toUpperCase())) return v2Error(400, 601, 'Invalid or Null entity type passed');
		if (!String(body.entityValue ?? '').trim()) return v2Error(400, 602, 'Invalid or Null entity value passed');
		if (!String(body.code ?? '').trim()) return v2Error(400, 604, 'No OTP passed');
		const key = entityKey(String(body.entityType), String(body.entityValue));
		const match = [...otps(state()).values()].find(
			(o) => o.key === key && o.code === String(body.code).trim().toUpperCase() && o.action === String(body.action).toUpperCase() && o.used !== true && Number(o.expiresAt) > Date.now(),
		);
		if (!match) return ok({ entity: false, warnings: [] });
		match.used = true;
		return ok({ entity: true, warnings: [] });
	});

	router.get('/v2/otp', (req) => {
		const { identifierName, identifierValue, scope, source, threshold } = req.query;
		if (!identifierName || !identifierValue) return v2Error(400, 8013, 'identifierName and identifierValue are mandatory');
		if (!ACTIONS.includes(String(scope ?? '').toUpperCase())) return v2Error(400, 600, 'Invalid or Null action passed');
		const customer = state().findCustomer(identifierName, identifierValue, source || undefined);
		if (!customer) return v2Error(404, 8015, 'No customer found with the given identifier.');
		const now = Date.now();
		const since = threshold ? now - Number(threshold) * 1000 : 0;
		const latest = [...otps(state()).values()]
			.filter((o) => o.customerId === customer.id && o.action === scope.toUpperCase() && o.used !== true && Number(o.expiresAt) > now && Number(o.createdAt) >= since)
			.sort((a, b) => Number(b.createdAt) - Number(a.createdAt) || Number(b.id) - Number(a.id))[0];
		if (!latest) return v2Error(400, 9001, 'No valid OTP found.');
		return ok({ orgId: ORG_ID, userId: customer.id, code: latest.code, validUpto: nowIso(new Date(Number(latest.expiresAt))), warnings: [] });
	});
}
