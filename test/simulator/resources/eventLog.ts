/**
 * Event notification delivery logs (v3 webHooks/eventLog). Capillary raises a notification for
 * API activity (transactionAdded, customerAdded, pointsRedeemed …) and logs its delivery to the
 * org's webhook. The simulator derives one log entry per transaction, customer and redemption in
 * `sim.state` the first time it is asked (`eventNotifications(sim)`), keeps it in the collection
 * `eventNotificationLogs`, and answers lookups by request ID, reference ID
 * (`{orgId}_{transactionId|userId|redemptionId}`) and event ID.
 */
import { randomUUID } from 'node:crypto';

import type { JsonObject, Router } from '../http';
import { nowIso, ok, v3Error } from '../http';
import type { Simulator } from '../server';
import { ORG_ID } from '../state';
import { parseSimDate } from './behaviouralEvent';

/** The consumer group (webhook subscription) the simulated org delivers to. */
export const SIM_CONSUMER_GROUP_ID = '36b25f81-7047-4f60-8a24-21908cc0bdad';

/** `2020-04-23T10:53:13.240+0530`, the timestamp style of these logs. */
function logTime(ms: number): string {
	return nowIso(new Date(ms)).replace(/\+05:30$/, '').concat(`.${String(ms % 1000).padStart(3, '0')}+0530`);
}

let timeTakenSeed = 0;

function entry(refId: string, eventName: string, at: number): JsonObject {
	const taken = 150 + ((timeTakenSeed++ * 211) % 3000);
	return {
		refId,
		requestId: randomUUID(),
		eventName,
		eventId: randomUUID(),
		consumerGroupId: SIM_CONSUMER_GROUP_ID,
		eventIngestionTimestamp: logTime(at),
		eventStartTimestamp: logTime(at + 22),
		eventEndTimestamp: logTime(at + 22 + Math.round(taken / 60)),
		slaBreachTimestamp: null,
		consumerResponse: { webhookHttpStatus: 200.0, time_taken: taken },
	};
}

/** Brings the notification log up to date with sim.state and returns every entry, oldest first. */
export function eventNotifications(sim: Simulator): JsonObject[] {
	const logs = sim.state.collection('eventNotificationLogs');
	const add = (refId: string, eventName: string, date: string | undefined) => {
		const key = `${eventName}:${refId}`;
		if (logs.has(key)) return;
		logs.set(key, entry(refId, eventName, parseSimDate(date) ?? Date.now()));
	};
	for (const customer of sim.state.customers.values()) add(`${ORG_ID}_${customer.id}`, 'customerAdded', customer.createdOn);
	for (const transaction of sim.state.transactions.values()) {
		add(`${ORG_ID}_${transaction.id}`, transaction.type.toUpperCase() === 'RETURN' ? 'transactionReturned' : 'transactionAdded', transaction.addedOn);
	}
	for (const redemption of sim.state.redemptions.values()) add(`${ORG_ID}_${redemption.id}`, 'pointsRedeemed', redemption.date);
	return [...logs.values()];
}

export function register(router: Router, sim: Simulator): void {
	router.get('/v3/webHooks/eventLog/requestId/:requestId', (req) => {
		const data = eventNotifications(sim).filter((e) => e.requestId === req.params.requestId);
		return ok({ data, errors: null });
	});

	router.get('/v3/webHooks/eventLog/refId/:refId', (req) => {
		const data = eventNotifications(sim).filter((e) => e.refId === req.params.refId);
		return ok({ data, errors: null });
	});

	router.get('/v3/webHooks/eventLog/:eventId', (req) => {
		const found = eventNotifications(sim).find((e) => e.eventId === req.params.eventId);
		if (!found) return v3Error(404, 404, `No event log found for eventId ${req.params.eventId}`);
		return ok({ data: found, errors: null });
	});
}
