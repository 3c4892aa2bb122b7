import type { JsonObject } from '../../simulator/http';
import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { leadReasons, leads, leadSubStatuses } from '../../simulator/resources/lead';

const TOM = '919111111111';
const TOM_ID = 1001;
const RITA_ID = 1002;

const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

function addReason(sim: Simulator, reason: string): number {
	const reasonId = sim.state.nextEntityId++;
	leadReasons(sim.state).set(String(reasonId), { id: reasonId, reason });
	return reasonId;
}

function addSubStatus(sim: Simulator, status: string, subStatus: string) {
	leadSubStatuses(sim.state).set(`${status}:${subStatus}`, { status, subStatus });
}

/** A lead as the simulator keeps it, created OPEN with the APICALL reason. */
function seedLead(sim: Simulator, overrides: JsonObject = {}): JsonObject {
	const leadId = sim.state.nextEntityId++;
	const createdOn = String(overrides.createdOn ?? '2026-01-01T10:00:00+05:30');
	const lead: JsonObject = {
		id: leadId,
		userId: TOM_ID,
		type: 'SKU',
		leadFor: 'item001',
		status: 'OPEN',
		nextFollowUp: null,
		createdOn,
		createdBy: 50006799,
		lastUpdatedOn: createdOn,
		lastUpdatedBy: 50006799,
		followUpDetails: [],
		statusLogDetails: [{ id: sim.state.nextEntityId++, userId: Number(overrides.userId ?? TOM_ID), leadId, status: 'OPEN', createdBy: 50006799, createdOn, reasonId: 1, reason: 'APICALL' }],
		orgSourceId: -1,
		extendedFields: {},
		tillCode: 'store.server',
		storeCode: 'store.bangalore',
		...overrides,
	};
	leads(sim.state).set(String(leadId), lead);
	return lead;
}

function leadOf(sim: Simulator, leadId: unknown): JsonObject {
	return leads(sim.state).get(String(leadId))!;
}

export const cases: OperationCase[] = [
	{
		resource: 'lead',
		operation: 'create',
		title: 'fields, with status history and follow-ups',
		setup: (sim) => [{ reasonId: addReason(sim, 'Best price available at another store') }],
		parameters: {
			leadFor: 'item001',
			type: 'SKU',
			customerIdentifierType: 'MOBILE',
			customerIdentifierValue: TOM,
			additionalFields: {
				status: 'ON_HOLD',
				owner: 'associate.anna',
				nextFollowUp: '2026-10-05T08:00:00+05:30',
				extendedFields: { field: [{ name: 'trial_status', value: 'Not Done' }] },
			},
			statusLogDetails: '={{ JSON.stringify([{ status: "OPEN", reasonId: 1 }, { status: "ON_HOLD", reasonId: $json.reasonId }]) }}',
			followUpDetails: '[{"scheduledFollowUp":"2026-10-04T12:30:00+05:30","followedUpOn":"2026-10-04T12:45:00+05:30","notes":"called, busy"}]',
		},
		request: [
			{
				method: 'POST',
				path: '/v2/leads',
				body: {
					leadFor: 'item001',
					type: 'SKU',
					idType: 'MOBILE',
					identifier: TOM,
					status: 'ON_HOLD',
					owner: 'associate.anna',
					nextFollowUp: '2026-10-05T08:00:00+05:30',
					extendedFields: { trial_status: 'Not Done' },
					statusLogDetails: [{ status: 'OPEN', reasonId: 1 }, { status: 'ON_HOLD' }],
					followUpDetails: [{ notes: 'called, busy' }],
				},
			},
		],
		output: (items, sim, requests) => {
			expect(requests[0].body).not.toHaveProperty('userId');
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ userId: TOM_ID, status: 'ON_HOLD', owner: 'associate.anna', extendedFields: { trial_status: 'Not Done' } });
			expect(items[0].statusLogDetails).toEqual([
				expect.objectContaining({ status: 'OPEN', reason: 'APICALL' }),
				expect.objectContaining({ status: 'ON_HOLD', reason: 'Best price available at another store' }),
			]);
			expect(items[0].followUpDetails).toEqual([expect.objectContaining({ notes: 'called, busy', followedUpOn: '2026-10-04T12:45:00+05:30' })]);
			expect(leadOf(sim, items[0].id)).toMatchObject({ status: 'ON_HOLD', userId: TOM_ID });
		},
	},
	{
		resource: 'lead',
		operation: 'create',
		title: 'by customer ID',
		parameters: { leadFor: 'Denim', type: 'CATEGORY', customerIdentifierType: 'userId', customerIdentifierValue: String(RITA_ID) },
		// POST, as the Add Lead page says (the API index row's PATCH is not documented).
		request: { method: 'POST', path: '/v2/leads', body: { leadFor: 'Denim', type: 'CATEGORY', userId: RITA_ID } },
		output: (items, _sim, requests) => {
			expect(requests[0].body).not.toHaveProperty('idType');
			expect(requests[0].body).not.toHaveProperty('subStatus');
			expect(items).toEqual([expect.objectContaining({ userId: RITA_ID, status: 'OPEN', statusLogDetails: [expect.objectContaining({ status: 'OPEN', reason: 'APICALL' })] })]);
		},
	},
	{
		resource: 'lead',
		operation: 'create',
		title: 'JSON body; a new email becomes a non-loyalty customer',
		auth: 'oauth',
		parameters: { bodyInput: 'json', bodyJson: '{"type":"BRAND","leadFor":"Levis","idType":"EMAIL","identifier":"new.lead@example.com"}' },
		request: { method: 'POST', path: '/v2/leads', body: { type: 'BRAND', leadFor: 'Levis', idType: 'EMAIL', identifier: 'new.lead@example.com' } },
		output: (items, sim) => {
			const customer = sim.state.findCustomer('email', 'new.lead@example.com');
			expect(customer).toMatchObject({ loyaltyType: 'non_loyalty' });
			expect(items).toEqual([expect.objectContaining({ userId: customer!.id, type: 'BRAND', status: 'OPEN' })]);
		},
	},
	{
		resource: 'lead',
		operation: 'updateStatus',
		setup: (sim) => {
			const lead = seedLead(sim);
			const reasonId = addReason(sim, 'Customer is comparing prices');
			addSubStatus(sim, 'ON_HOLD', 'YetToDecide');
			return [{ leadId: lead.id, reasonId }];
		},
		parameters: {
			leadId: { __rl: true, mode: 'list', value: '={{ $json.leadId }}' },
			status: 'ON_HOLD',
			reasonId: { __rl: true, mode: 'list', value: '={{ $json.reasonId }}' },
			subStatus: id('YetToDecide'),
			additionalFields: { createdBy: 28812689 },
		},
		request: { method: 'PUT', path: '/v2/leads/30001/status', body: { status: 'ON_HOLD', reasonId: 30003, subStatus: 'YetToDecide', createdBy: 28812689 } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ id: 30001, status: 'ON_HOLD', subStatus: 'YetToDecide' });
			expect(items[0].statusLogDetails).toEqual([
				expect.objectContaining({ status: 'OPEN' }),
				expect.objectContaining({ status: 'ON_HOLD', reasonId: 30003, reason: 'Customer is comparing prices', subStatus: 'YetToDecide', createdBy: 28812689 }),
			]);
			expect(leadOf(sim, 30001).status).toBe('ON_HOLD');
		},
	},
	{
		resource: 'lead',
		operation: 'addFollowUp',
		auth: 'oauth',
		setup: (sim) => [{ leadId: seedLead(sim).id }],
		parameters: {
			leadId: id('={{ $json.leadId }}'),
			followedUpOn: '2026-04-17T10:00:00+05:30',
			createdBy: id('50006799'),
			additionalFields: { notes: 'Customer will visit on Saturday', nextFollowUp: '2026-04-20T10:00:00+05:30', followedUpBy: 124 },
		},
		request: {
			method: 'POST',
			path: '/v2/leads/30001/followup',
			body: { followedUpOn: '2026-04-17T10:00:00+05:30', createdBy: 50006799, notes: 'Customer will visit on Saturday', nextFollowUp: '2026-04-20T10:00:00+05:30', followedUpBy: 124 },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ id: 30001, nextFollowUp: '2026-04-20T10:00:00+05:30', lastFollowUp: '2026-04-17T10:00:00+05:30' });
			expect(leadOf(sim, 30001).followUpDetails).toEqual([expect.objectContaining({ notes: 'Customer will visit on Saturday', createdBy: 50006799, followedUpBy: 124 })]);
		},
	},
	{
		resource: 'lead',
		operation: 'update',
		setup: (sim) => [{ leadId: seedLead(sim, { extendedFields: { trial_status: 'Not Done', size: 'M' } }).id }],
		parameters: { leadId: id('={{ $json.leadId }}'), updateFields: { owner: 'associate.bob', extendedFields: { field: [{ name: 'trial_status', value: 'Done' }] } } },
		request: { method: 'PUT', path: '/v2/leads/30001', body: { owner: 'associate.bob', extendedFields: { trial_status: 'Done' } } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ owner: 'associate.bob', extendedFields: { trial_status: 'Done', size: 'M' } });
			expect(leadOf(sim, 30001).owner).toBe('associate.bob');
		},
	},
	{
		resource: 'lead',
		operation: 'getStatusLog',
		setup: (sim) => {
			const lead = seedLead(sim);
			const log = lead.statusLogDetails as JsonObject[];
			log.push({ id: 90, userId: TOM_ID, leadId: lead.id, status: 'ON_HOLD', createdBy: 1, createdOn: '2026-01-02T10:00:00+05:30', reasonId: 2, reason: 'AUTO_CLOSE' });
			log.push({ id: 91, userId: TOM_ID, leadId: lead.id, status: 'WON', createdBy: 1, createdOn: '2026-01-03T10:00:00+05:30', reasonId: 1, reason: 'APICALL' });
			return [{ leadId: lead.id }];
		},
		parameters: { leadId: id('={{ $json.leadId }}'), returnAll: true },
		request: { method: 'GET', path: '/v2/leads/30001/statusLog' },
		output: (items) => expect(items.map((i) => i.status)).toEqual(['OPEN', 'ON_HOLD', 'WON']),
	},
	{
		resource: 'lead',
		operation: 'getFollowUps',
		setup: (sim) => {
			const lead = seedLead(sim);
			lead.followUpDetails = [1, 2, 3].map((n) => ({ id: 100 + n, userId: TOM_ID, leadId: lead.id, notes: `notes ${n}`, createdBy: 1, createdOn: '', followedUpOn: '', scheduledFollowUp: '' }));
			return [{ leadId: lead.id }];
		},
		parameters: { leadId: id('={{ $json.leadId }}'), returnAll: false, limit: 2 },
		request: { method: 'GET', path: '/v2/leads/30001/followups' },
		output: (items) => expect(items.map((i) => i.notes)).toEqual(['notes 1', 'notes 2']),
	},
	{
		resource: 'lead',
		operation: 'getForCustomer',
		setup: (sim) => {
			seedLead(sim, { leadFor: 'Denim', status: 'ON_HOLD' });
			seedLead(sim, { leadFor: 'Shirt', status: 'OPEN' });
			seedLead(sim, { leadFor: 'Other customer', status: 'ON_HOLD', userId: RITA_ID });
		},
		parameters: { userId: String(TOM_ID), options: { status: 'ON_HOLD', entityType: 'STORE', entityCode: 'store.bangalore' }, language: 'zh', returnAll: true, simplify: false },
		request: { method: 'GET', path: '/v2/leads', query: { userId: String(TOM_ID), status: 'ON_HOLD', entityType: 'STORE', entityCode: 'store.bangalore', offset: '0' } },
		output: (items, _sim, requests) => {
			expect(requests[0].headers.language).toBe('zh');
			expect(items).toEqual([expect.objectContaining({ leadFor: 'Denim', userId: TOM_ID, statusLogDetails: expect.any(Array) })]);
		},
	},
	{
		resource: 'lead',
		operation: 'getAssigned',
		setup: (sim) => {
			seedLead(sim, { leadFor: 'Denim', owner: 'associate.anna' });
			seedLead(sim, { leadFor: 'Shirt', owner: 'associate.bob' });
		},
		parameters: { owner: 'associate.anna', returnAll: true },
		request: { method: 'GET', path: '/v2/leads', query: { owner: 'associate.anna' } },
		output: (items) => {
			// Simplified by default: no follow-up or status-log lists.
			expect(items).toEqual([{ id: 30001, userId: TOM_ID, type: 'SKU', leadFor: 'Denim', status: 'OPEN', owner: 'associate.anna', nextFollowUp: null, createdOn: '2026-01-01T10:00:00+05:30', lastUpdatedOn: '2026-01-01T10:00:00+05:30', orgSourceId: -1 }]);
		},
	},
	{
		resource: 'lead',
		operation: 'search',
		title: 'Return All over two pages, newest first',
		setup: (sim) => {
			for (let n = 0; n < 120; n++) seedLead(sim, { leadFor: `item${n}`, createdOn: `2026-01-01T10:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}+05:30` });
			seedLead(sim, { type: 'BRAND', leadFor: 'Levis' });
		},
		parameters: { type: 'SKU', options: { sortBy: 'createdon', sortOrder: 'DESC', orgSourceId: -1 }, returnAll: true },
		request: [
			{ method: 'GET', path: '/v2/leads', query: { type: 'SKU', sortBy: 'createdon', sortOrder: 'DESC', orgSourceId: '-1', limit: '100', offset: '0' } },
			{ method: 'GET', path: '/v2/leads', query: { type: 'SKU', limit: '100', offset: '100' } },
		],
		output: (items) => {
			expect(items).toHaveLength(120);
			expect(items[0].leadFor).toBe('item119');
			expect(items[119].leadFor).toBe('item0');
			expect(items.some((i) => i.leadFor === 'Levis')).toBe(false);
		},
	},
	{
		resource: 'lead',
		operation: 'addReasons',
		parameters: { reasons: { reason: [{ reason: 'Item not available in store' }, { reason: 'Interested in our brand products' }] } },
		request: { method: 'POST', path: '/v2/leads/reasons', body: [{ reason: 'Item not available in store' }, { reason: 'Interested in our brand products' }] },
		output: (items, sim) => {
			expect(items).toEqual([
				{ id: expect.any(Number), reason: 'Item not available in store' },
				{ id: expect.any(Number), reason: 'Interested in our brand products' },
			]);
			expect([...leadReasons(sim.state).values()].map((r) => r.reason)).toContain('Interested in our brand products');
		},
	},
	{
		resource: 'lead',
		operation: 'getReasons',
		setup: (sim) => void addReason(sim, 'Item not available in store'),
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/leads/reasons' },
		output: (items) => expect(items.map((i) => i.reason)).toEqual(['APICALL', 'AUTO_CLOSE', 'Item not available in store']),
	},
	{
		resource: 'lead',
		operation: 'addSubStatus',
		auth: 'oauth',
		parameters: { status: 'LOST', subStatus: 'InvalidPhoneNumber' },
		request: { method: 'POST', path: '/v2/leads/substatus', body: { status: 'LOST', subStatus: 'InvalidPhoneNumber' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ status: 'LOST', subStatus: 'InvalidPhoneNumber' })]);
			expect(leadSubStatuses(sim.state).has('LOST:InvalidPhoneNumber')).toBe(true);
		},
	},
	{
		resource: 'lead',
		operation: 'getSubStatuses',
		setup: (sim) => {
			addSubStatus(sim, 'LOST', 'InvalidPhoneNumber');
			addSubStatus(sim, 'ON_HOLD', 'YetToDecide');
		},
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/leads/substatuses' },
		output: (items) =>
			expect(items).toEqual([
				{ status: 'LOST', subStatus: 'InvalidPhoneNumber' },
				{ status: 'ON_HOLD', subStatus: 'YetToDecide' },
			]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'lead',
		operation: 'updateStatus',
		title: 'reason not configured (v2 errors[])',
		setup: (sim) => void seedLead(sim),
		parameters: { leadId: id('30001'), status: 'WON', reasonId: id('999') },
		message: /400.*Invalid reason id 999/,
	},
	{
		resource: 'lead',
		operation: 'updateStatus',
		title: 'sub-status not configured for the status',
		setup: (sim) => {
			seedLead(sim);
			addSubStatus(sim, 'ON_HOLD', 'YetToDecide');
		},
		parameters: { leadId: id('30001'), status: 'LOST', reasonId: id('1'), subStatus: id('YetToDecide') },
		message: /Invalid sub-status YetToDecide for status LOST/,
	},
	{
		resource: 'lead',
		operation: 'getStatusLog',
		title: 'unknown lead (HTTP 404)',
		parameters: { leadId: id('424242') },
		message: /404.*Lead not found/,
	},
];

export default { cases, errors } satisfies CaseFile;
