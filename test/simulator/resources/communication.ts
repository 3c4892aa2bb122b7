/**
 * Communications: v2 email (body `root.email[]`, camelCase) and the v1.1 SMS/email calls. Sent
 * messages are kept, so the v1.1 GET calls read what either version sent (by ID, comma-separated
 * IDs for several). Failures use the v1.1 status block with the communication codes (41xx/42xx).
 */
import type { Json, JsonObject, Router } from '../http';
import { nowV11, v11Entities, v11Error, v11Ok } from '../http';
import type { Simulator } from '../server';
import type { SimState } from '../state';

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

export function smsMessages(state: SimState): Map<string, JsonObject> {
	return state.collection('smsMessages');
}

export function emailMessages(state: SimState): Map<string, JsonObject> {
	return state.collection('emailMessages');
}

/** Sent time as the v1.1 docs print it ("2016-08-05 22:00::IST"). */
const istTime = (text?: Json) => (text ? String(text) : `${nowV11().slice(0, 16)}::IST`);

function attachmentsOf(email: JsonObject): JsonObject[] {
	const list = (email.attachments as JsonObject | undefined)?.attachment;
	return Array.isArray(list) ? (list as JsonObject[]) : [];
}

function storeEmail(state: SimState, email: JsonObject, scheduled: Json | undefined, via: 'v2' | 'v1.1'): JsonObject | string {
	const to = String(email.to ?? '').trim();
	if (!EMAIL.test(to)) return 'Invalid email id';
	for (const cc of [email.cc, email.bcc]) {
		if (cc && String(cc).split(',').some((a) => !EMAIL.test(a.trim()))) return 'Invalid email id';
	}
	if (!String(email.subject ?? '').trim() && !String(email.body ?? '').trim()) return 'Unable to send email';
	const id = String(state.nextEntityId++);
	const record: JsonObject = {
		id,
		to,
		cc: (email.cc as Json) ?? '',
		bcc: (email.bcc as Json) ?? '',
		from: (email.from as Json) ?? '',
		subject: (email.subject as Json) ?? '',
		description: (email.body as Json) ?? '',
		attachments: attachmentsOf(email),
		scheduled: (scheduled as Json) ?? null,
		status: scheduled ? 'Queued' : 'Delivered',
		sent_time: istTime(scheduled),
		via,
	};
	emailMessages(state).set(id, record);
	return record;
}

function byIds(map: Map<string, JsonObject>, ids: string | undefined): JsonObject[] {
	return String(ids ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id)
		.map((id) => map.get(id))
		.filter((m): m is JsonObject => m !== undefined);
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	// v2 and v1.1 take the same email; they differ in the spelling of the scheduled time.
	for (const [version, scheduledKey] of [
		['v2', 'scheduledTime'],
		['v1.1', 'scheduled_time'],
	] as const) {
		router.post(`/${version}/communications/email`, (req) => {
			const [email] = v11Entities(req, 'email');
			if (!email) return v11Error(400, 'Input is invalid: root.email is missing');
			const stored = storeEmail(state(), email, email[scheduledKey] as Json, version);
			if (typeof stored === 'string') return v11Error(stored === 'Invalid email id' ? 4208 : 4201, stored);
			const { id, to, cc, bcc, subject, description } = stored;
			return v11Ok({ email: { id, to, cc, bcc, status: 'Queued', subject, description, [scheduledKey]: istTime(email[scheduledKey] as Json) } }, 'success');
		});
	}

	router.get('/v1.1/communications/email', (req) => {
		if (!req.query.id) return v11Error(400, 'Input is invalid: id is mandatory');
		const found = byIds(emailMessages(state()), req.query.id).map((m) => ({
			id: m.id,
			to: m.to,
			cc: m.cc,
			subject: m.subject,
			description: m.description,
			status: m.status,
			sent_time: m.sent_time,
		}));
		if (found.length === 0) return v11Error(4202, 'Unable to find/retrieve email');
		return v11Ok({ email: found.length === 1 ? found[0] : found }, 'success');
	});

	router.post('/v1.1/communications/sms', (req) => {
		const [sms] = v11Entities(req, 'sms');
		if (!sms) return v11Error(400, 'Input is invalid: root.sms is missing');
		const to = String(sms.to ?? '').replace(/[\s+-]/g, '');
		if (!/^\d{8,15}$/.test(to)) return v11Error(4101, 'Unable to send message: invalid mobile number');
		if (!String(sms.body ?? '').trim()) return v11Error(4101, 'Unable to send message: empty message');
		const id = String(state().nextEntityId++);
		const record: JsonObject = {
			id,
			to,
			status: sms.scheduled_time ? 'Queued' : 'Sent',
			scheduled_time: (sms.scheduled_time as Json) ?? `${nowV11()}IST`,
			message: String(sms.body),
			sender: 'CAPILLARY',
		};
		smsMessages(state()).set(id, record);
		return v11Ok({ sms: { id, to, status: record.status, scheduled_time: record.scheduled_time } }, 'success');
	});

	router.get('/v1.1/communications/sms', (req) => {
		if (!req.query.id) return v11Error(400, 'Input is invalid: id is mandatory');
		const found = byIds(smsMessages(state()), req.query.id);
		if (found.length === 0) return v11Error(4102, 'Unable to find/retrieve SMS');
		return v11Ok({ sms: found.length === 1 ? found[0] : found }, 'success');
	});
}
