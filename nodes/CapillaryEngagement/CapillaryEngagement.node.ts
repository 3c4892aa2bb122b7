import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { behaviouralEvent, communication, eventLog, eventNotification, lead, otp, userAuthentication } from '../Capillary/resources';
import { actionNodeMethods, actionNodeParts } from '../Capillary/shared/actionNode';
import { buildCustomOperations } from '../Capillary/shared/runner';

export class CapillaryEngagement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Engagement',
		name: 'capillaryEngagement',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send behavioural events, read event logs, manage event notifications, send messages and OTPs, log customers in and work with sales leads in Capillary',
		defaults: { name: 'Capillary Engagement' },
		usableAsTool: true,
		...actionNodeParts([behaviouralEvent, eventLog, eventNotification, communication, otp, userAuthentication, lead]),
	};

	methods = actionNodeMethods;

	/** Every operation runs through the generic runner, which n8n picks before its RoutingNode. */
	customOperations = buildCustomOperations(this.description).customOperations;
}
