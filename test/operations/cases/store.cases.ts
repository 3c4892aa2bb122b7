import { createHash } from 'node:crypto';

import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { JsonObject } from '../../simulator/http';
import { nowIso, nowV11 } from '../../simulator/http';
import type { Simulator } from '../../simulator/server';
import { addTask, CASHIER_TASK, simApi } from './task.cases';

const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const today = () => nowV11().slice(0, 10);

function seedStaffAccount(sim: Simulator) {
	sim.state.collection('staff').set('75025585', {
		id: 75025585,
		username: 'timjames',
		mobile: '919800500000',
		email: 'tim.james@example.com',
		firstname: 'Tim',
		lastname: 'James',
		title: 'Store Manager',
		storeCode: 'store.bangalore',
		active: true,
	});
}

export const cases: OperationCase[] = [
	{
		resource: 'store',
		operation: 'get',
		parameters: { storeIdentifier: 'id', storeId: fromList('50000010') },
		request: { method: 'GET', path: '/v1.1/store/get', query: { id: '50000010', format: 'json' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ id: '50000010', code: 'store.bangalore', name: 'Bangalore Store', external_id: 'BLR-01' })]);
			expect(items[0].item_status).toMatchObject({ success: 'true', code: '900' });
		},
	},
	{
		resource: 'store',
		operation: 'get',
		title: 'by external ID',
		auth: 'oauth',
		parameters: { storeIdentifier: 'external_id', externalId: 'MUM-01' },
		request: { method: 'GET', path: '/v1.1/store/get', query: { external_id: 'MUM-01' } },
		output: (items, _sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ code: 'store.mumbai', city_name: 'Mumbai' })]);
			expect(requests[0].query.id).toBeUndefined();
		},
	},
	{
		resource: 'store',
		operation: 'getStaff',
		setup: (sim) => seedStaffAccount(sim),
		parameters: { staffType: 'MANAGER', returnAll: true },
		request: { method: 'GET', path: '/v1.1/store/staff', query: { type: 'MANAGER', format: 'json' } },
		output: (items) => {
			expect(items.map((i) => [i.code, i.type, i.store_code])).toEqual([
				['slim.m', 'MANAGER', 'store.bangalore'],
				['timjames', 'MANAGER', 'store.bangalore'],
			]);
		},
	},
	{
		resource: 'store',
		operation: 'getTasks',
		setup: async (sim) => {
			await addTask(sim, CASHIER_TASK);
			await addTask(sim, { title: 'Send the new catalogue', target_type: 'CASHIER', executable_by_ids: '2313', action: { type: 'email', template: '' } });
		},
		parameters: { options: { actionType: 'call', assocId: '2313', count: 10 } },
		request: { method: 'GET', path: '/v1.1/store/tasks', query: { all: 'call', assoc_id: '2313', count: '10', format: 'json' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ title: 'Restock shelf 4', associate_id: '2313', status: 'OPEN', type: 'CASHIER', store_id: '50000010' })]);
		},
	},
	{
		resource: 'store',
		operation: 'verifyLogin',
		parameters: {},
		request: { method: 'GET', path: '/v1.1/store/login', query: { format: 'json' } },
		output: (items, _sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ username: 'store.server', type: 'TILL', user_id: '50006799', org_id: '50672' })]);
			expect(requests[0].headers['x-cap-api-attribution-lookup-type']).toBeUndefined();
		},
	},
	{
		resource: 'store',
		operation: 'verifyStoreLogin',
		auth: 'oauth',
		parameters: { loginEntityType: 'STORE_CODE', loginStoreCode: fromList('store.mumbai') },
		request: { method: 'GET', path: '/v1.1/store/login' },
		output: (items, _sim, requests) => {
			expect(requests[0].headers['x-cap-api-attribution-entity-type']).toBe('STORE_CODE');
			expect(requests[0].headers['x-cap-api-attribution-entity-code']).toBe('store.mumbai');
			expect(items).toEqual([expect.objectContaining({ username: 'mp.1', store_server_prefix: 'MUMBAI', associate_login_enabled: 'true' })]);
			expect(items[0].type).toBeUndefined();
		},
	},
	{
		resource: 'store',
		operation: 'verifyStoreLogin',
		title: 'a till, with Basic auth',
		parameters: { loginEntityType: 'TILL', loginTillCode: byId('store.server') },
		request: { method: 'GET', path: '/v1.1/store/login' },
		output: (items, _sim, requests) => {
			expect(requests[0].headers['x-cap-api-attribution-lookup-type']).toBe('TILL');
			expect(requests[0].headers['x-cap-api-attribution-lookup']).toBe('store.server');
			expect(items).toEqual([expect.objectContaining({ username: 'store.server', store_server_prefix: 'BANGALORE' })]);
		},
	},
	{
		resource: 'store',
		operation: 'uploadLogs',
		parameters: { fileSource: 'text', logContent: 'ERROR printer offline\n', logFileName: 'pos.log', options: { loggedTime: '2026-03-01 18:00:00' } },
		request: { method: 'POST', path: '/v1.1/store/logs', query: { logged_time: '2026-03-01 18:00:00', format: 'json' } },
		output: (items, sim, requests) => {
			expect(items).toEqual([{ success: 'true', code: '200', message: 'SUCCESS' }]);
			expect(requests[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(String(requests[0].body)).toContain('name="file"; filename="pos.log"\r\nContent-Type: text/plain\r\n\r\nERROR printer offline\n\r\n');
			expect(requests[0].headers['x-cap-client-logfilesize']).toBe('22');
			const sha1 = createHash('sha1').update('ERROR printer offline\n').digest('hex');
			expect(requests[0].headers['x-cap-client-file-signature']).toBe(sha1);
			expect([...sim.state.collection('storeLogs').values()]).toEqual([expect.objectContaining({ fileName: 'pos.log', size: 22, sha1, loggedTime: '2026-03-01 18:00:00' })]);
		},
	},
	{
		resource: 'store',
		operation: 'uploadReport',
		auth: 'oauth',
		parameters: {
			reportType: 'loyalty',
			reportDate: '2026-03-14 18:00:13',
			reportStoreCode: fromList('store.bangalore'),
			additionalFields: { totalTransactions: 10, totalSales: 5000, footfallCount: 12, transactionCountRegular: 5, transactionCountNotInterested: 4 },
		},
		request: {
			method: 'POST',
			path: '/v1.1/store/reports',
			body: {
				root: {
					report: [
						{ '-type': 'loyalty', store_code: 'store.bangalore', date: '2026-03-14 18:00:13', total_transactions: 10, total_sales: 5000, footfall_count: 12, transaction_count: { regular: 5, not_interested: 4 } },
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ type: 'loyalty', store_code: 'store.bangalore', success: true })]);
			expect([...sim.state.collection('storeReports').values()]).toEqual([expect.objectContaining({ store_code: 'store.bangalore', footfall_count: 12 })]);
		},
	},
	{
		resource: 'store',
		operation: 'getLoyaltyReport',
		setup: async (sim) => {
			await simApi(sim, 'POST', '/v1.1/store/reports?format=json', {
				root: { report: [{ '-type': 'loyalty', store_code: 'store.bangalore', date: `${today()} 18:00:00`, transaction_count: { regular: '2', not_interested: '3' } }] },
			});
		},
		parameters: { options: { startDate: `${today()} 00:00:00`, endDate: `${today()} 23:59:59` } },
		request: { method: 'GET', path: '/v1.1/store/reports', query: { type: 'loyalty', format: 'json' } },
		output: (items) => {
			// One row for the day and one for the whole period (the same day here).
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ start_date: `${today()} 00:00:00`, customers: '3', not_interested_transactions: '3' });
			expect(Number(items[0].points_issued)).toBeGreaterThan(0);
			expect(items[1]).toMatchObject({ not_interested_transactions: '3' });
		},
	},
	{
		resource: 'store',
		operation: 'getRedemptionReport',
		setup: (sim) => {
			const tom = sim.state.findCustomer('mobile', '919111111111')!;
			sim.state.redemptions.set('R1', { id: 'R1', customerId: tom.id, points: 40, billNumber: 'BILL-9', date: nowIso(), reversedPoints: 0 });
		},
		parameters: {},
		request: { method: 'GET', path: '/v1.1/store/reports', query: { type: 'redemption' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ store_username: 'store.server', transaction_number: 'BILL-9', points_redeemed: '40', customer: expect.objectContaining({ firstname: 'Tom' }) })]);
		},
	},
	{
		resource: 'store',
		operation: 'getConfigurations',
		setup: async (sim) => void (await addTask(sim, CASHIER_TASK)),
		parameters: {},
		request: { method: 'GET', path: '/v1.1/store/configurations', query: { format: 'json' } },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ store_code: 'store.bangalore', data_providers_file: '323' });
			expect((items[0].last_modified_time as JsonObject).store_tasks).toMatch(new RegExp(`^${today()}`));
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'store',
		operation: 'get',
		title: 'unknown store (v1.1 item_status 902 inside HTTP 200)',
		parameters: { storeIdentifier: 'id', storeId: byId('123') },
		message: /902.*Store identifier is invalid/,
	},
	{
		resource: 'store',
		operation: 'verifyStoreLogin',
		title: 'unknown store code in the attribution (902)',
		parameters: { loginEntityType: 'STORE_CODE', loginStoreCode: byId('store.nowhere') },
		message: /902/,
	},
];

export default { cases, errors } satisfies CaseFile;
