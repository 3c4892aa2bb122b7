import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../../credentials/CapillaryAuth';
import { listSearchMethods, loadOptionsMethods } from './methods';
import { resources } from './resources';
import { executeCapillaryRequest } from './shared/executor';
import { assembleProperties } from './shared/operation';
import { buildCustomOperations } from './shared/runner';
import { authenticationField, credentialDescriptions, throughputSettings } from './shared/transport';

const resourceField: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resources.map((r) => r.option),
	default: 'customer',
};

export class Capillary implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary',
		name: 'capillary',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage customers, transactions, points, coupons and more in Capillary CRM & Loyalty',
		defaults: { name: 'Capillary' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialDescriptions,
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// The declarative engine sends every item's request at once and never retries. Every
		// operation therefore runs through one executor (n8n calls it as the pagination handler)
		// that adds the concurrency cap, retries, token refresh, paging and Capillary's error mapping.
		requestOperations: { pagination: executeCapillaryRequest },
		properties: [
			authenticationField,
			resourceField,
			...assembleProperties(resources),
			throughputSettings,
		],
	};

	methods = {
		listSearch: listSearchMethods,
		loadOptions: loadOptionsMethods,
	};

	/**
	 * Every operation runs through the generic operation runner (shared/runner.ts), which n8n picks
	 * before its RoutingNode: same request, same items, without RoutingNode's walk over all of the
	 * node's properties for every item. The description stays declarative for the editor.
	 */
	customOperations = buildCustomOperations(this.description).customOperations;
}
