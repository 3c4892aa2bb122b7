import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	customer,
	customerActivity,
	customerCoupon,
	customerIdentifier,
	customerLabel,
	customerLoyalty,
	customerNote,
	customerRequest,
	customerSubscription,
	personalDataDeletion,
	referral,
} from '../Capillary/resources';
import { actionNodeMethods, actionNodeParts } from '../Capillary/shared/actionNode';
import { buildCustomOperations } from '../Capillary/shared/runner';

export class CapillaryCustomers implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Customers',
		name: 'capillaryCustomers',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Register, find and update customers, their identifiers, labels, notes, preferences, referrals and personal-data deletion in Capillary',
		defaults: { name: 'Capillary Customers' },
		usableAsTool: true,
		...actionNodeParts([
			customer,
			customerIdentifier,
			customerLoyalty,
			customerCoupon,
			customerActivity,
			customerSubscription,
			customerNote,
			customerRequest,
			customerLabel,
			referral,
			personalDataDeletion,
		]),
	};

	methods = actionNodeMethods;

	/** Every operation runs through the generic runner, which n8n picks before its RoutingNode. */
	customOperations = buildCustomOperations(this.description).customOperations;
}
