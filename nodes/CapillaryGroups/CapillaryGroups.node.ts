import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { customerHierarchy, fleetHierarchy, targetGroup, userGroup } from '../Capillary/resources';
import { actionNodeMethods, actionNodeParts } from '../Capillary/shared/actionNode';
import { buildCustomOperations } from '../Capillary/shared/runner';

export class CapillaryGroups implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Groups & Targets',
		name: 'capillaryGroups',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage user groups that pool points, fleet hierarchies and the customers in them, and target loyalty (target groups, periods and targets) in Capillary',
		defaults: { name: 'Capillary Groups & Targets' },
		usableAsTool: true,
		...actionNodeParts([userGroup, fleetHierarchy, customerHierarchy, targetGroup]),
	};

	methods = actionNodeMethods;

	/** Every operation runs through the generic runner, which n8n picks before its RoutingNode. */
	customOperations = buildCustomOperations(this.description).customOperations;
}
