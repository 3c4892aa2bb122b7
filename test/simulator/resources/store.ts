/**
 * v1.1 store endpoints: details, staff, tasks, login check, log and report uploads, reports and
 * configurations. Every call acts for the store of the calling till (store.server → Bangalore).
 *
 * State (collections on `sim.state`):
 * - `storeAssociates` keyed by id: seeded associates/managers of the demo stores; staff accounts
 *   created with Staff → Create (collection `staff`) count as the staff of their store too.
 * - `storeLogs` keyed by id: uploaded InStore log files (name, size, SHA1, times, content).
 * - `storeReports` keyed by id: uploaded tracker reports; their not-interested counts show up in
 *   the loyalty report of their day.
 * Tasks are the Task group's (`tasks` collection, see task.ts): their entries are the store tasks.
 */
import { createHash } from 'node:crypto';

import type { Json, JsonObject, Router, SimRequest } from '../http';
import { itemStatus, nowIso, nowV11, v11Entities, v11Error, v11Ok } from '../http';
import { header } from '../auth';
import type { Simulator } from '../server';
import type { SimState } from '../state';
import { ORG_ID } from '../state';
import { callingTill, entityByCode, orgEntities, parentStoreOf } from './organization';
import { lastTaskChange, storeTaskEntries } from './task';

const ORG_NAME = 'Capillary Simulator Demo Org';

// ---------------------------------------------------------------------------------------------
// State helpers (also used by task.ts)
// ---------------------------------------------------------------------------------------------

const SEED_ASSOCIATES: JsonObject[] = [
	{ id: 2313, type: 'ASSOCIATE', code: 'george.m', firstname: 'George', lastname: 'Milton', mobile: '447009000693', email: 'george.milton@example.com', storeCode: 'store.bangalore' },
	{ id: 2314, type: 'ASSOCIATE', code: 'lennie.s', firstname: 'Lennie', lastname: 'Small', mobile: '447009000694', email: 'lennie.small@example.com', storeCode: 'store.bangalore' },
	{ id: 2320, type: 'MANAGER', code: 'slim.m', firstname: 'Slim', lastname: 'Mason', mobile: '447009000695', email: 'slim.mason@example.com', storeCode: 'store.bangalore' },
	{ id: 2330, type: 'ASSOCIATE', code: 'candy.r', firstname: 'Candy', lastname: 'Roberts', mobile: '447009000696', email: 'candy.roberts@example.com', storeCode: 'store.mumbai' },
];

export function associates(state: SimState): Map<string, JsonObject> {
	const map = state.collection('storeAssociates');
	if (map.size === 0) for (const a of SEED_ASSOCIATES) map.set(String(a.id), { ...a });
	return map;
}

/** The store of the calling till (its parent), or the first store of the org. */
export function callingStore(state: SimState, req: SimRequest): JsonObject {
	const till = callingTill(state, req);
	return parentStoreOf(state, till) ?? [...orgEntities(state).values()].find((e) => e.type === 'STORE')!;
}

/** Staff of a store: the seeded associates plus Staff-group accounts created for that store. */
export function staffOf(state: SimState, store: JsonObject): JsonObject[] {
	const own = [...associates(state).values()].filter((a) => a.storeCode === store.code);
	const accounts = [...state.collection('staff').values()]
		.filter((s) => s.storeCode === store.code && s.active !== false)
		.map((s) => ({
			id: s.id,
			type: /manager/i.test(String(s.title ?? '')) ? 'MANAGER' : 'ASSOCIATE',
			code: s.username,
			firstname: s.firstname ?? '',
			lastname: s.lastname ?? '',
			mobile: s.mobile ?? '',
			email: s.email ?? '',
			storeCode: store.code,
		}));
	return [...own, ...(accounts as JsonObject[])];
}

/** Any associate of the org by id (seeded or Staff-group account). */
export function associateById(state: SimState, id: string): JsonObject | undefined {
	const seeded = associates(state).get(id);
	if (seeded) return seeded;
	const account = state.collection('staff').get(id);
	return account ? { id: account.id, code: account.username, firstname: account.firstname ?? '', lastname: account.lastname ?? '', storeCode: account.storeCode } : undefined;
}

function staffView(a: JsonObject, store: JsonObject): JsonObject {
	return {
		id: String(a.id),
		type: String(a.type),
		code: String(a.code ?? ''),
		firstname: String(a.firstname ?? ''),
		lastname: String(a.lastname ?? ''),
		mobile: String(a.mobile ?? ''),
		email: String(a.email ?? ''),
		store_id: String(store.id),
		store_code: String(store.code),
	};
}

function storeView(store: JsonObject): JsonObject {
	const externalIds = String(store.externalId ?? '').split(',');
	return {
		id: String(store.id),
		name: String(store.name),
		code: String(store.code),
		location: { latitude: String(store.latitude ?? ''), longitude: String(store.longitude ?? '') },
		currency: { name: 'Indian Rupee', symbol: '₹', iso_code: { alpha: 'INR', numeric: '356' } },
		language: 'English',
		time_zone: { coordinates: '+1258+07735', offset: { std: 'UTC+05:30', summer: 'NULL' } },
		mobile: String(store.mobile ?? ''),
		email: String(store.email ?? ''),
		land_line: String(store.landline ?? ''),
		external_id: externalIds[0] ?? '',
		external_id_1: externalIds[1] ?? '',
		external_id_2: externalIds[2] ?? '',
		country_name: 'India',
		state_name: '',
		city_name: /mumbai/i.test(String(store.code)) ? 'Mumbai' : 'Bangalore',
		area_name: String(store.address ?? ''),
		template: { sms: { name: String(store.name), email: String(store.email ?? ''), mobile: String(store.mobile ?? '') }, email: { name: String(store.name), mobile: String(store.mobile ?? ''), email: String(store.email ?? '') } },
		item_status: itemStatus(true, 900, 'Store Info Retrieval Successful'),
	};
}

// ---------------------------------------------------------------------------------------------
// Login
// ---------------------------------------------------------------------------------------------

/** The entity named by the attribution headers (OAuth ENTITY pair or Basic LOOKUP pair), if any. */
function attributed(state: SimState, req: SimRequest): { type: string; code: string; entity?: JsonObject } | undefined {
	const type = header(req, 'x-cap-api-attribution-entity-type') ?? header(req, 'x-cap-api-attribution-lookup-type');
	const code = header(req, 'x-cap-api-attribution-entity-code') ?? header(req, 'x-cap-api-attribution-lookup');
	if (!type && !code) return undefined;
	const all = [...orgEntities(state).values()];
	const stores = all.filter((e) => e.type === 'STORE');
	const value = String(code ?? '');
	let entity: JsonObject | undefined;
	switch (String(type ?? 'TILL').toUpperCase()) {
		case 'TILL':
		case 'TILL_CODE':
			entity = entityByCode(state, 'TILL', value);
			break;
		case 'STORE_CODE':
			entity = stores.find((s) => s.code === value);
			break;
		case 'STORE_NAME':
			entity = stores.find((s) => s.name === value);
			break;
		case 'STORE_EXTERNAL_ID':
		case 'STORE_EXTERNAL_ID_1':
		case 'STORE_EXTERNAL_ID_2':
			entity = stores.find((s) => String(s.externalId ?? '').split(',').includes(value));
			break;
		default:
			entity = undefined;
	}
	return { type: String(type ?? ''), code: value, entity };
}

function loginUser(state: SimState, user: JsonObject, storeView: boolean): JsonObject {
	const [first, ...rest] = String(user.name ?? user.code).split(' ');
	const view: JsonObject = {
		username: String(user.code),
		first_name: first ?? '',
		last_name: rest.join(' '),
		org_name: ORG_NAME,
		user_id: String(user.id),
		type: String(user.type),
		org_id: String(ORG_ID),
		server_time: nowIso(),
		store_server_prefix: '',
		associate_login_enabled: 'false',
	};
	if (storeView) {
		const store = user.type === 'STORE' ? user : orgEntities(state).get(String(user.parentId));
		delete view.type;
		view.store_server_prefix = store ? String(store.code).split('.').pop()!.toUpperCase() : '';
		view.associate_login_enabled = store && staffOf(state, store).length > 0 ? 'true' : 'false';
	}
	return view;
}

// ---------------------------------------------------------------------------------------------
// Logs: multipart/form-data with the file and the X-CAP-CLIENT-* headers
// ---------------------------------------------------------------------------------------------

interface FilePart {
	name: string;
	fileName?: string;
	contentType?: string;
	content: Buffer;
}

export function multipartParts(req: SimRequest): FilePart[] | undefined {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(header(req, 'content-type') ?? '');
	if (!boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: FilePart[] = [];
	let start = req.rawBody.indexOf(delimiter);
	while (start >= 0) {
		const next = req.rawBody.indexOf(delimiter, start + delimiter.length);
		if (next < 0) break;
		const chunk = req.rawBody.subarray(start + delimiter.length + 2, next - 2);
		const split = chunk.indexOf('\r\n\r\n');
		if (split >= 0) {
			const head = chunk.subarray(0, split).toString('utf8');
			const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
			const fileName = /filename="([^"]*)"/.exec(head)?.[1];
			const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
			parts.push({ name, fileName, contentType, content: chunk.subarray(split + 4) });
		}
		start = next;
	}
	return parts;
}

/** Upload-log failures carry success/code/message directly under `response`, as in Capillary's docs. */
function logFailure(code: number, message: string) {
	return { status: 200, body: { response: { success: 'false', code: String(code), message } } };
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;

function dayOf(value: unknown): string {
	return String(value ?? '').slice(0, 10);
}

function reportWindow(query: Record<string, string>): { from: string; to: string } | { error: string } {
	const { start_date: start, end_date: end } = query;
	if (Boolean(start) !== Boolean(end)) return { error: 'Input is invalid: start_date and end_date must be passed together' };
	if (start && end) {
		if (dayOf(start) > dayOf(end)) return { error: 'Input is invalid: start_date is after end_date' };
		return { from: dayOf(start), to: dayOf(end) };
	}
	const today = nowV11().slice(0, 10);
	const from = nowV11(new Date(Date.now() - 6 * DAY)).slice(0, 10);
	return { from, to: today };
}

function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let t = Date.parse(`${to}T00:00:00Z`); t >= Date.parse(`${from}T00:00:00Z`) && days.length < 400; t -= DAY) days.push(new Date(t).toISOString().slice(0, 10));
	return days;
}

function loyaltyRow(state: SimState, store: JsonObject, from: string, to: string): JsonObject {
	const inRange = (value: unknown) => dayOf(value) >= from && dayOf(value) <= to;
	const customers = [...state.customers.values()].filter((c) => inRange(c.createdOn)).length;
	const transactions = [...state.transactions.values()].filter((t) => inRange(t.billingTime) && t.type.toUpperCase() !== 'RETURN').length;
	const reports = [...state.collection('storeReports').values()].filter((r) => r.store_code === store.code && inRange(r.date));
	const notInterested = reports.reduce((sum, r) => sum + Number((r.transaction_count as JsonObject | undefined)?.not_interested ?? 0), 0);
	const issued = state.ledger.filter((e) => e.entryType === 'CREDIT' && inRange(e.date)).reduce((sum, e) => sum + e.points, 0);
	const redeemed = [...state.redemptions.values()].filter((r) => inRange(r.date)).reduce((sum, r) => sum + r.points - r.reversedPoints, 0);
	return {
		start_date: `${from} 00:00:00`,
		end_date: `${to} 23:59:59`,
		customers: String(customers),
		transactions: String(transactions),
		not_interested_transactions: String(notInterested),
		points_issued: String(issued),
		points_redeemed: String(redeemed),
	};
}

function redemptionRows(state: SimState, till: JsonObject, from: string, to: string): JsonObject[] {
	return [...state.redemptions.values()]
		.filter((r) => dayOf(r.date) >= from && dayOf(r.date) <= to)
		.map((r) => {
			const customer = state.customers.get(r.customerId);
			const profile = customer?.profiles[0];
			return {
				store_username: String(till.code),
				customer: { firstname: profile?.firstName ?? '', lastname: profile?.lastName ?? '', mobile: customer ? state.identifier(customer, 'mobile') : '' },
				transaction_number: r.billNumber,
				points_redeemed: String(r.points),
				redemption_date: String(r.date).replace('T', ' ').slice(0, 19),
			};
		});
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.get('/v1.1/store/get', (req) => {
		const { id, external_id: externalId } = req.query;
		const failed = (code: number, message: string) =>
			v11Error(500, 'All requests have failed due to errors', 200, { stores: { store: { id: id ?? '', external_id: externalId ?? '', item_status: itemStatus(false, code, message) } } });
		if (!id && !externalId) return failed(913, 'Unable to fetch store details. No identifier is passed');
		const stores = [...orgEntities(state()).values()].filter((e) => e.type === 'STORE');
		const store = id ? stores.find((s) => String(s.id) === id) : stores.find((s) => String(s.externalId ?? '').split(',').includes(externalId));
		if (!store) return failed(902, 'Store identifier is invalid');
		return v11Ok({ stores: { store: storeView(store) } }, 'SUCCESS');
	});

	router.get('/v1.1/store/staff', (req) => {
		const type = String(req.query.type ?? '').toUpperCase();
		if (type && type !== 'ASSOCIATE' && type !== 'MANAGER') return v11Error(400, 'Input is invalid: type must be ASSOCIATE or MANAGER');
		const store = callingStore(state(), req);
		const users = staffOf(state(), store)
			.filter((a) => !type || a.type === type)
			.map((a) => staffView(a, store));
		return v11Ok({ store: { staff: { user: users } } }, 'success');
	});

	router.get('/v1.1/store/tasks', (req) => {
		const store = callingStore(state(), req);
		const { all: actionType, assoc_id: assocId, customer_id: customerId, start_date: start, end_date: end, count } = req.query;
		if (actionType && !['sms', 'email', 'call', 'none'].includes(actionType.toLowerCase())) {
			return v11Error(500, 'All requests have failed due to errors', 200, { store: { tasks: { item_status: itemStatus(false, 908, 'Tasks retrieval failed: invalid action type') } } });
		}
		let list = storeTaskEntries(state(), Number(store.id)).filter(
			({ task, entry }) =>
				(!actionType || String((task.action as JsonObject).type).toLowerCase() === actionType.toLowerCase()) &&
				(!assocId || entry.associate_id === assocId) &&
				(!customerId || entry.customer_id === customerId) &&
				(!start || String(task.created_on) >= start) &&
				(!end || String(task.created_on).slice(0, end.length) <= end),
		);
		if (count) list = list.slice(0, Math.max(0, Number(count) || 0));
		const tasks = list.map(({ task, entry }) => ({
			id: String(task.id),
			entry_id: String(entry.entry_id),
			title: String(task.title),
			type: String(entry.type),
			associate_id: String(entry.associate_id),
			customer_id: String(entry.customer_id),
			store_id: String(entry.store_id),
			status: String(entry.status),
		}));
		return v11Ok({ store: { tasks: { task: tasks } } }, 'SUCCESS');
	});

	router.get('/v1.1/store/login', (req) => {
		const attribution = attributed(state(), req);
		if (attribution) {
			if (!attribution.entity) {
				return v11Error(500, 'All requests have failed due to errors', 200, {
					store: { user: { username: attribution.code, item_status: itemStatus(false, 902, `Store identifier is invalid: no ${attribution.type} "${attribution.code}"`) } },
				});
			}
			const entity = attribution.entity;
			// A store logs in through its store server (or, without one, its first till).
			const user =
				entity.type === 'STORE'
					? ([...orgEntities(state()).values()].find((e) => e.type === 'STR_SERVER' && e.parentId === entity.id) ??
						[...orgEntities(state()).values()].find((e) => e.type === 'TILL' && e.parentId === entity.id) ??
						entity)
					: entity;
			return v11Ok({ store: { user: loginUser(state(), user, true) } }, 'SUCCESS');
		}
		return v11Ok({ store: { user: loginUser(state(), callingTill(state(), req), false) } }, 'SUCCESS');
	});

	router.post('/v1.1/store/logs', (req) => {
		const parts = multipartParts(req);
		const file = parts?.find((p) => p.fileName !== undefined) ?? parts?.find((p) => p.name === 'file');
		if (!file) return v11Error(400, 'Input is invalid: no log file in the multipart/form-data body');
		const size = header(req, 'x-cap-client-logfilesize') ?? header(req, 'x-cap-client-filesize');
		if (size !== undefined && Number(size) !== file.content.length) return logFailure(904, 'Client log file size passed does not match size uploaded on server');
		const signature = header(req, 'x-cap-client-file-signature') ?? header(req, 'x-cap-client-filesignature');
		const sha1 = createHash('sha1').update(file.content).digest('hex');
		if (signature !== undefined && signature.toLowerCase() !== sha1) return logFailure(905, 'Client log file signature passed does not match file signature on server');
		const id = state().nextEntityId++;
		const till = callingTill(state(), req);
		state().collection('storeLogs').set(String(id), {
			id,
			fileName: header(req, 'x-cap-client-logfilename') ?? file.fileName ?? '',
			size: file.content.length,
			sha1,
			content: file.content.toString('utf8'),
			tillCode: String(till.code),
			loggedTime: req.query.logged_time ?? '',
			uploadedTime: req.query.uploaded_time ?? nowV11(),
		});
		return { status: 200, body: { response: { success: 'true', code: '200', message: 'SUCCESS' } } };
	});

	router.post('/v1.1/store/reports', (req) => {
		const reports = v11Entities(req, 'report');
		if (reports.length === 0) return v11Error(400, 'Input is invalid: root.report is missing');
		const callerStore = callingStore(state(), req);
		let failed = 0;
		const results: JsonObject[] = reports.map((report) => {
			const type = String(report['-type'] ?? report.type ?? 'loyalty').toLowerCase();
			const storeCode = String(report.store_code ?? '') || String(callerStore.code);
			const base = { type, store_code: storeCode, date: String(report.date ?? '') };
			const reject = (code: number, message: string) => {
				failed++;
				return { ...base, item_status: itemStatus(false, code, message) };
			};
			if (type !== 'loyalty' && type !== 'redemption') return reject(911, 'Report type is invalid');
			if (!entityByCode(state(), 'STORE', storeCode)) return reject(902, 'Store identifier is invalid');
			if (!/^\d{4}-\d{2}-\d{2}/.test(base.date)) return reject(912, 'Report upload failed: date is missing or invalid');
			const id = state().nextEntityId++;
			state().collection('storeReports').set(String(id), { ...(report as JsonObject), id, type, store_code: storeCode, uploadedOn: nowV11() });
			return { ...base, item_status: itemStatus(true, 900, 'store report uploaded successfully') };
		});
		const list: Json = results.length === 1 ? results[0] : results;
		const payload = { store: { report: list } };
		if (failed === 0) return v11Ok(payload, 'SUCCESS');
		if (failed < results.length) return { status: 200, body: { response: { status: { success: 'true', code: '201', message: 'Some requests have failed due to errors' }, ...payload } } };
		return v11Error(500, 'All requests have failed due to errors', 200, payload);
	});

	router.get('/v1.1/store/reports', (req) => {
		const type = req.query.type ? String(req.query.type).toLowerCase() : '';
		if (type && type !== 'loyalty' && type !== 'redemption') return v11Error(500, 'All requests have failed due to errors', 200, { report: { item_status: itemStatus(false, 911, 'Report type is invalid') } });
		const window = reportWindow(req.query);
		if ('error' in window) return v11Error(400, window.error);
		const store = callingStore(state(), req);
		const report: JsonObject = {};
		if (!type || type === 'loyalty') {
			const rows = daysBetween(window.from, window.to).map((day) => loyaltyRow(state(), store, day, day));
			rows.push(loyaltyRow(state(), store, window.from, window.to));
			report.loyalty = { row: rows };
		}
		if (!type || type === 'redemption') report.redemption = { row: redemptionRows(state(), callingTill(state(), req), window.from, window.to) };
		return v11Ok({ report }, 'SUCCESS');
	});

	router.get('/v1.1/store/configurations', (req) => {
		const store = callingStore(state(), req);
		const template = (id: number) => ({ id: String(id), name: 'IntegrationPostOutputTemplate', client_monitoring_type: 'FILE_CHECK' });
		return v11Ok(
			{
				store: {
					configurations: {
						last_modified_time: {
							configurations: '2026-01-01 10:00:00',
							custom_fields: '2026-01-01 10:00:00',
							countries: '',
							store_attributes: '',
							cron_entries: '',
							store_tasks: lastTaskChange(state(), Number(store.id)),
							store_tasks_entries: lastTaskChange(state(), Number(store.id)),
							purchased_features: '',
						},
						data_providers_file: '323',
						client_log_config_file: '',
						printer_templates: { dvs_coupon: '', transaction: '', customer: '', campaign_coupon: '', points_redemption: '' },
						rules_packages: { dvs_issue: { version: '', file_id: '' }, dvs_redeem: { version: '', file_id: '' } },
						inventory_version: '',
						integration_output_templates: { points_redemption: '-1', coupon_redemption: '', coupon_issue: '', customer_register: '', customer_update: '', transaction_submit: '', gift_card: '' },
						integration_post_output_templates: { points_redemption: template(234), transaction_submit: template(235), customer_register: template(236) },
						store_code: String(store.code),
						client_upload_logs: String(state().collection('storeLogs').size),
					},
				},
			},
			'SUCCESS',
		);
	});
}
