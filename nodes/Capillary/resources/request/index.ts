import { defineResource } from '../../shared/operation';
import { changeGoodwillOperations } from './changeGoodwill';
import { transactionRequestOperations } from './transaction';

/**
 * Requests Capillary reviews before they take effect: identifier changes, account merges, goodwill
 * points/coupons and retro transactions (v1.1 request/*), and transaction or merge requests (v2
 * requests). PII deletion requests share the v2 endpoints and live in their own resource
 * (piiDeletion.ts); both build on shared/requests.ts.
 */
export const request = defineResource({
	value: 'request',
	name: 'Request',
	default: 'addTransaction',
	description: 'Goodwill, retro, identifier change and transaction requests',
	operations: [...changeGoodwillOperations, ...transactionRequestOperations],
});
