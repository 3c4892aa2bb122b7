import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { eventNotifications } from '../../simulator/resources/eventLog';
import type { Simulator } from '../../simulator/server';
import { ORG_ID } from '../../simulator/state';

/** A fresh purchase by Tom (customer 1001); returns its transaction ID. */
function purchase(sim: Simulator, number = 'BILL-EL-1'): number {
	return sim.state.addTransaction({
		number,
		type: 'REGULAR',
		customerId: 1001,
		amount: 500,
		billingTime: '2026-01-10 10:00:00',
		lineItems: [],
		paymentModes: [],
		extendedFields: {},
		customFields: {},
		notes: '',
		storeCode: 'store.server',
		source: 'v2',
	}).id;
}

const REQUEST_ID = 'a8bc7e42-9580-4820-9d21-8733b5f91a1d';
const EVENT_ID = 'ccc983c2-df7a-4ece-b5cc-e574cec66fc1';

function logOf(sim: Simulator, refId: string) {
	return eventNotifications(sim).find((e) => e.refId === refId)!;
}

export const cases: OperationCase[] = [
	{
		resource: 'eventLog',
		operation: 'getByRequestId',
		setup: (sim) => {
			// The request ID is the X-CAP-REQUEST-ID of the API call; pin it to the docs' sample value.
			logOf(sim, `${ORG_ID}_${purchase(sim)}`).requestId = REQUEST_ID;
			return [{ requestId: REQUEST_ID }];
		},
		parameters: { requestId: '={{ $json.requestId }}' },
		request: { method: 'GET', path: `/v3/webHooks/eventLog/requestId/${REQUEST_ID}` },
		output: (items, sim) => {
			const transaction = [...sim.state.transactions.values()].find((t) => t.number === 'BILL-EL-1')!;
			expect(items).toEqual([
				expect.objectContaining({ eventName: 'transactionAdded', refId: `${ORG_ID}_${transaction.id}`, webhookHttpStatus: 200, slaBreached: false, eventId: expect.any(String) }),
			]);
		},
	},
	{
		resource: 'eventLog',
		operation: 'getByRefId',
		auth: 'oauth',
		parameters: { refId: `${ORG_ID}_1001`, simplify: false },
		request: { method: 'GET', path: `/v3/webHooks/eventLog/refId/${ORG_ID}_1001` },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				refId: `${ORG_ID}_1001`,
				eventName: 'customerAdded',
				consumerGroupId: expect.any(String),
				eventIngestionTimestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0530$/),
				consumerResponse: { webhookHttpStatus: 200, time_taken: expect.any(Number) },
			});
		},
	},
	{
		resource: 'eventLog',
		operation: 'getByEventId',
		setup: (sim) => {
			sim.state.redemptions.set('RDM001', { id: 'RDM001', customerId: 1001, points: 40, billNumber: '', date: '2026-01-11T09:00:00+05:30', reversedPoints: 0 });
			logOf(sim, `${ORG_ID}_RDM001`).eventId = EVENT_ID;
		},
		parameters: { eventId: EVENT_ID },
		request: { method: 'GET', path: `/v3/webHooks/eventLog/${EVENT_ID}` },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ eventName: 'pointsRedeemed', refId: `${ORG_ID}_RDM001`, eventId: EVENT_ID })]);
			expect(items[0].eventIngestionTimestamp).toBe('2026-01-11T09:00:00.000+0530');
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'eventLog',
		operation: 'getByEventId',
		title: 'unknown event ID (v3 errors[])',
		parameters: { eventId: '00000000-0000-0000-0000-000000000000' },
		message: /404.*No event log found/,
	},
];

export default { cases, errors } satisfies CaseFile;
