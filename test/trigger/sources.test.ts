/**
 * Every event type of the Capillary Trigger: first activation emits nothing, a new event is emitted
 * once with its own fields plus eventType/eventId, the next (idle) poll emits nothing, and the
 * filters the type offers reach the endpoint.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { basicCredentials, oauthCredentials, useCapillary } from '../harness/fixtures';
import { createPoller } from '../harness/poll';
import { defineBehaviouralEvent } from '../simulator/resources/behaviouralEvent';
import { addMember, createGroup } from '../simulator/resources/userGroup';
import { nowIso, nowV11 } from '../simulator/http';
import { DEFAULT_TILL } from '../simulator/auth';

const capillary = useCapillary();

const TOM = '919111111111';
const tom = () => capillary.sim.state.findCustomer('mobile', TOM)!;
const watchTom = { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' };

async function v11(path: string, body: unknown): Promise<void> {
	const auth = Buffer.from(`${DEFAULT_TILL.username}:${require('node:crypto').createHash('md5').update(DEFAULT_TILL.password).digest('hex')}`).toString('base64');
	const response = await fetch(`${capillary.sim.url}${path}?format=json`, { method: 'POST', headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
	expect(response.status).toBe(200);
}

interface SourceCase {
	event: string;
	parameters?: INodeParameters;
	/** Prepare state before activation (e.g. a group to watch). */
	prepare?: () => INodeParameters | void;
	/** Make one new event happen; return what identifies it in the output. */
	produce: () => Promise<IDataObject> | IDataObject;
	/** Query the endpoint must receive. */
	query?: Record<string, string | RegExp>;
	path: string | RegExp;
}

const cases: SourceCase[] = [
	{
		event: 'behaviouralEventDefinition',
		parameters: { eventName: 'CartAbandoned' },
		produce: () => {
			defineBehaviouralEvent(capillary.sim, { eventName: 'CartAbandoned', actions: ['EMFConsumer'], fields: [] });
			return { eventName: 'CartAbandoned', updatedType: 'CREATE' };
		},
		path: '/v2/events/audit_logs',
		query: { eventName: 'CartAbandoned' },
	},
	{
		event: 'request',
		parameters: { requestType: 'CHANGE_IDENTIFIER', baseTypeCHANGE_IDENTIFIER: 'EMAIL', requestStatus: 'PENDING' },
		produce: async () => {
			await v11('/v1.1/request/add', { root: { request: [{ type: 'CHANGE_IDENTIFIER', base_type: 'EMAIL', customer: { mobile: TOM }, old_value: 'tom.sawyer@example.com', new_value: 'tom.trigger@example.com' }] } });
			return { type: 'CHANGE_IDENTIFIER', base_type: 'EMAIL', new_value: 'tom.trigger@example.com' };
		},
		path: '/v1.1/request/logs',
		query: { type: 'CHANGE_IDENTIFIER', base_type: 'EMAIL', status: 'PENDING', start_id: /^\d+$/ },
	},
	{
		event: 'customerTransaction',
		parameters: watchTom,
		produce: () => {
			capillary.sim.state.addTransaction({ number: 'TRG-1', type: 'REGULAR', customerId: tom().id, amount: 900, billingTime: nowV11(), lineItems: [], paymentModes: [], extendedFields: {}, customFields: {}, notes: '', storeCode: 'store.server', source: 'v2' });
			return { billNumber: 'TRG-1' };
		},
		path: /^\/v2\/customers\/1001\/transactions$/,
		query: { sortBy: 'BILLING_TIME', sortOrder: 'ASC', startId: /^\d+$/ },
	},
	{
		event: 'customerLoyaltyEvent',
		parameters: watchTom,
		produce: () => {
			capillary.sim.state.loyaltyEvent(tom(), 'PointsExpiry');
			return { eventName: 'PointsExpiry' };
		},
		path: '/v2/customers/1001/loyaltyEvents',
	},
	{
		event: 'customerStatusChange',
		parameters: watchTom,
		produce: () => {
			tom().statusLog.push({ status: 'SUSPENDED', label: 'Suspended', reason: 'Fraud review', createdOn: nowIso(new Date(Date.now() + 2000)), isActive: true });
			return { status: 'SUSPENDED', reason: 'Fraud review' };
		},
		path: '/v2/customers/1001/statusLog',
	},
	{
		event: 'customerPointsLedger',
		parameters: watchTom,
		produce: () => {
			const entry = capillary.sim.state.credit(tom(), 75, 'GoodwillPoints');
			entry.date = nowIso(new Date(Date.now() + 2000));
			return { eventName: 'GoodwillPoints' };
		},
		path: '/v2/pointsLedger/getCustomerLedgerInfo',
		query: { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE', sortOrder: 'ASC', startDate: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/ },
	},
	{
		event: 'userGroupTransaction',
		prepare: () => {
			const group = createGroup(capillary.sim.state, { externalId: 'FAM-1', groupName: 'Sawyers' });
			addMember(group, tom().id, true);
			return { groupId: String(group.id) };
		},
		produce: () => {
			capillary.sim.state.addTransaction({ number: 'GRP-1', type: 'REGULAR', customerId: tom().id, amount: 400, billingTime: nowV11(new Date(Date.now() + 2000)), lineItems: [], paymentModes: [], extendedFields: {}, customFields: {}, notes: '', storeCode: 'store.server', source: 'v2' });
			return {};
		},
		path: '/v2/userGroup2/transactions',
		query: { order: 'asc', startDate: /T/ },
	},
	{
		event: 'userGroupTierChange',
		prepare: () => {
			const group = createGroup(capillary.sim.state, { externalId: 'FAM-2', groupName: 'Thatchers', points: 10 });
			addMember(group, tom().id, true);
			return { groupId: String(group.id) };
		},
		produce: () => {
			[...capillary.sim.state.userGroups.values()].find((g) => g.externalId === 'FAM-2')!.points = 1500;
			return { to: 'Silver', type: 'UPGRADE' };
		},
		path: '/v2/userGroup2/slabHistory',
		query: { fleetGroupId: /^\d+$/ },
	},
];

describe.each(cases)('Capillary Trigger event "$event"', (c) => {
	it('seeds silently, emits the new event once, then nothing', async () => {
		const extra = c.prepare?.() ?? {};
		const credentials: Record<string, ICredentialDataDecryptedObject> = { capillaryApi: basicCredentials(capillary.sim) };
		const trigger = await createPoller({
			parameters: { authentication: 'basicAuth', event: c.event, ...c.parameters, ...extra, options: { timeZone: 'Asia/Kolkata' }, requestOptions: { retryDelay: 1 } },
			credentials,
		});
		expect((await trigger.poll()).items).toBeNull();
		const expected = await c.produce();
		capillary.sim.clearRequests();
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(1);
		expect(first.items![0]).toMatchObject({ eventType: c.event, eventId: expect.any(String), ...expected });
		const requests = capillary.sim.apiRequests().filter((r) => (typeof c.path === 'string' ? r.path === c.path : c.path.test(r.path)));
		expect(requests.length).toBeGreaterThan(0);
		for (const [key, want] of Object.entries(c.query ?? {})) {
			if (want instanceof RegExp) expect(requests[0].query[key]).toMatch(want);
			else expect(requests[0].query[key]).toBe(want);
		}
		expect((await trigger.poll()).items).toBeNull();
	});
});

describe('Capillary Trigger with OAuth', () => {
	it('polls with an OAuth credential and survives a token that expired between polls', async () => {
		const trigger = await createPoller({
			parameters: { authentication: 'oAuth', event: 'customerLoyaltyEvent', ...watchTom, options: { timeZone: 'Asia/Kolkata' } },
			credentials: { capillaryOAuthApi: oauthCredentials(capillary.sim) },
		});
		await trigger.poll();
		capillary.sim.auth.expireAll();
		capillary.sim.state.loyaltyEvent(tom(), 'TierUpgrade');
		const next = await trigger.poll();
		expect(next.error).toBeUndefined();
		expect(next.items).toEqual([expect.objectContaining({ eventName: 'TierUpgrade' })]);
	});
});
