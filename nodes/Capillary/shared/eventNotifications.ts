import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Event Notifications (webhooks): the event names Capillary documents for a webhook account
 * (api-documentation, _eventNotifications.md, "eventNames" of Add/Update Webhook Account), with the
 * words the node shows for them. Used by the Event Notification resource and the Event Trigger
 * (as the fallback when the org's own list cannot be read).
 */
export const DOCUMENTED_EVENTS: Array<{ value: string; name: string; description: string }> = [
	{ value: 'transactionAdded', name: 'Transaction Added', description: 'A transaction (purchase or return) was added' },
	{ value: 'transactionUpdated', name: 'Transaction Updated', description: 'A transaction was updated' },
	{ value: 'customerAdded', name: 'Customer Added', description: 'A customer registered' },
	{ value: 'customerUpdated', name: 'Customer Updated', description: "A customer's profile was updated" },
	{ value: 'pointsIssued', name: 'Points Issued', description: 'Points were issued to a customer' },
	{ value: 'pointsRedeemed', name: 'Points Redeemed', description: 'A customer redeemed points' },
	{ value: 'redeemedPointsReversed', name: 'Redeemed Points Reversed', description: 'A points redemption was reversed' },
	{ value: 'pointsExpired', name: 'Points Expired', description: "Some of a customer's points expired" },
	{ value: 'pointsExpiryReminder', name: 'Points Expiry Reminder', description: 'Points of a customer are about to expire' },
	{ value: 'pointsTransferredInitiated', name: 'Points Transfer Initiated', description: 'A customer sent points to another customer' },
	{ value: 'pointsTransferredReceived', name: 'Points Transfer Received', description: 'A customer received transferred points' },
	{ value: 'promisedToCurrentPointsConversion', name: 'Promised Points Converted', description: 'Promised points became current points' },
	{ value: 'tierUpgraded', name: 'Tier Upgraded', description: 'A customer moved up a tier' },
	{ value: 'tierDowngraded', name: 'Tier Downgraded', description: 'A customer moved down a tier' },
	{ value: 'tierRenewed', name: 'Tier Renewed', description: "A customer's tier was renewed" },
	{ value: 'tierDowngradeReminder', name: 'Tier Downgrade Reminder', description: 'A customer is about to be downgraded' },
];

export const DOCUMENTED_EVENT_NAMES = DOCUMENTED_EVENTS.map((e) => e.value);

export function documentedEventOptions(): INodePropertyOptions[] {
	return DOCUMENTED_EVENTS.map((e) => ({ name: e.name, value: e.value, description: e.description }));
}
