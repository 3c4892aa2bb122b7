/**
 * Scripted event streams for the trigger tests: write entries into the simulator's logs with
 * chosen timestamps — bursts with equal times, late arrivals, big backlogs — through the same
 * state the endpoints read.
 */
import { nowIso } from './http';
import { defineBehaviouralEvent, pushBehaviouralEvent } from './resources/behaviouralEvent';
import { rejections } from './resources/transactionRejection';
import type { Simulator } from './server';
import { ORG_ID } from './state';

export function isoAt(epoch: number): string {
	return nowIso(new Date(epoch));
}

/** Adds rejected transactions with the given event times (epoch ms); returns their entity IDs. */
export function addRejections(sim: Simulator, times: number[], status = 'OPEN'): number[] {
	const collection = rejections(sim.state);
	const tom = sim.state.findCustomer('mobile', '919111111111')!;
	return times.map((at) => {
		const entityId = sim.state.nextEntityId++;
		collection.set(String(entityId), {
			entityId,
			userId: tom.id,
			orgId: ORG_ID,
			retryCount: 0,
			billNumber: `RJ-${entityId}`,
			eventDate: isoAt(at),
			autoUpdateTime: isoAt(at),
			status,
			errors: [{ code: 683, message: `invalid item code: SKU-${entityId}`, value: `SKU-${entityId}`, status: false, referenceId: entityId }],
			fixed: false,
			payload: { amount: 100, itemCode: `SKU-${entityId}` },
			comments: '',
		});
		return entityId;
	});
}

/** Removes the demo rejections so a test starts from an empty queue. */
export function clearRejections(sim: Simulator): void {
	rejections(sim.state).clear();
	sim.state.collection('rejectedTransactions').set('__empty', { entityId: -1, status: 'SUCCESS', eventDate: '2000-01-01T00:00:00+05:30', errors: [] });
}

/** Posts behavioural event data processed at the given times; returns the log entry IDs. */
export function addBehaviouralEvents(sim: Simulator, times: number[], eventName = 'AppOpened'): string[] {
	if (![...sim.state.collection('behaviouralEvents').values()].some((e) => e.eventName === eventName)) {
		defineBehaviouralEvent(sim, { eventName, actions: ['EMFConsumer'], fields: [{ name: 'customer', type: 'customer', attributes: { identifierType: { value: 'mobile' } } }] });
		if (!sim.state.collection('behaviouralEventWebhooks').size) {
			sim.state.collection('behaviouralEventWebhooks').set('wh-1', { webHookId: 'wh-1', webHookUri: `${sim.url}/webhooks/wh-1`, tillCode: 'store.server' });
		}
	}
	return times.map((at) => pushBehaviouralEvent(sim, { event_name: eventName, customer: '919111111111' }, { at }).id);
}
