import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../../../credentials/CapillaryAuth';
import { listSearchMethods, loadOptionsMethods } from '../methods';
import { executeCapillaryRequest } from './executor';
import { assembleProperties, type BuiltResource } from './operation';
import { authenticationField, credentialDescriptions, requestOptionsWithout } from './transport';

/** What every action node shares besides its identity (name, icon, subtitle…). */
export type ActionNodeParts = Pick<
	INodeTypeDescription,
	'inputs' | 'outputs' | 'credentials' | 'requestDefaults' | 'requestOperations' | 'properties'
>;

/**
 * The body of a product-area action node (Capillary Customers, Capillary Loyalty…): its
 * connections, credentials, request defaults and properties for these resources, in the order of
 * its Resource dropdown (the first is the default). The API is split into several nodes so each
 * one's action list and description stay small enough for the editor; all share the same fields,
 * executor, transport, errors and runner. The node file writes its identity (name, icon,
 * subtitle, usableAsTool) itself, where n8n's verification reads it, and builds its
 * customOperations from the finished description with `buildCustomOperations` (runner.ts).
 */
export function actionNodeParts(resources: BuiltResource[]): ActionNodeParts {
	const defaultResource = resources[0].option.value;
	const resourceField: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((r) => r.option),
		default: defaultResource,
		description: 'What the operation works on',
	};
	return {
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
		properties: [authenticationField, resourceField, ...assembleProperties(resources), requestOptionsWithout('timeout')],
	};
}

/** The dropdowns filled from Capillary; every action node offers all of them (fields name them). */
export const actionNodeMethods = { listSearch: listSearchMethods, loadOptions: loadOptionsMethods };
