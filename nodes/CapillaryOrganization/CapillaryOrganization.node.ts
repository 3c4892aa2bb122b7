import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { apiClient, company, organization, product, staff, store, task } from '../Capillary/resources';
import { actionNodeMethods, actionNodeParts } from '../Capillary/shared/actionNode';
import { buildCustomOperations } from '../Capillary/shared/runner';

export class CapillaryOrganization implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Organization',
		name: 'capillaryOrganization',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Read and manage the organization, stores, staff, store tasks, companies, products and API clients in Capillary',
		defaults: { name: 'Capillary Organization' },
		usableAsTool: true,
		...actionNodeParts([organization, store, staff, task, company, product, apiClient]),
	};

	methods = actionNodeMethods;

	/** Every operation runs through the generic runner, which n8n picks before its RoutingNode. */
	customOperations = buildCustomOperations(this.description).customOperations;
}
