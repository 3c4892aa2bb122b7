import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { partnerProgram, points, pointsLedger, request, transaction, transactionRejection } from '../Capillary/resources';
import { actionNodeMethods, actionNodeParts } from '../Capillary/shared/actionNode';
import { buildCustomOperations } from '../Capillary/shared/runner';

export class CapillaryLoyalty implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Loyalty',
		name: 'capillaryLoyalty',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Add transactions, award and redeem points, read the points ledger, handle rejected transactions, goodwill and retro requests and partner programs in Capillary',
		defaults: { name: 'Capillary Loyalty' },
		usableAsTool: true,
		...actionNodeParts([transaction, points, pointsLedger, transactionRejection, request, partnerProgram]),
	};

	methods = actionNodeMethods;

	/** Every operation runs through the generic runner, which n8n picks before its RoutingNode. */
	customOperations = buildCustomOperations(this.description).customOperations;
}
