import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { customerIdField, toQuery } from '../../shared/fields';
import { locatorField } from '../../shared/lookups';
import { defineResource } from '../../shared/operation';

/**
 * Customer Label: org labels and tagging customers with them.
 */

/** A list of org labels, each picked from the org's labels, sent as `{<target>: [{labelName}, …]}`. */
function labelList(displayName: string, name: string, target: 'add' | 'remove', description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Label',
		default: {},
		description,
		options: [
			{
				displayName: 'Label',
				name: 'label',
				values: [
					locatorField({
						displayName: 'Label Name',
						name: 'labelName',
						searchMethod: 'searchOrgLabels',
						placeholder: 'Premium',
						description: 'Name of an org label (Customer Label → Get Org Labels lists them)',
						routing: { send: { type: 'body', property: `=${target}[{{$index}}].labelName` } },
					}),
				],
			},
		],
	};
}

const customerUserId = customerIdField({ name: 'userId' });

export const customerLabel = defineResource({
	value: 'customerLabel',
	name: 'Customer Label',
	description: 'Org labels and tagging customers with them',
	default: 'getCustomerLabels',
	operations: [
		{
			value: 'createOrgLabels',
			name: 'Create Org Labels',
			action: 'Create labels for the org',
			description: 'Adds one or more labels (tags) to the org; the org-level label limit ORG_MAX_LABEL_COUNT applies',
			method: 'POST',
			path: '/v2/organization/labels',
			fields: [
				{
					displayName: 'Labels',
					name: 'orgLabels',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Label',
					default: {},
					description: 'Labels to add to the org',
					options: [
						{
							displayName: 'Label',
							name: 'label',
							values: [
								{
									displayName: 'Name',
									name: 'name',
									type: 'string',
									default: '',
									placeholder: 'Premium',
									description: 'Name of the label (up to 50 characters)',
									routing: { send: { type: 'body', property: '=orgLabels[{{$index}}].name' } },
								},
								{
									displayName: 'Description',
									name: 'description',
									type: 'string',
									default: '',
									description: 'What the label means, e.g. which customers get it',
									routing: { send: { type: 'body', property: '=orgLabels[{{$index}}].description' } },
								},
							],
						},
					],
				},
			],
			output: { valueName: 'orgId' },
		},
		{
			value: 'getOrgLabels',
			name: 'Get Org Labels',
			action: 'Get the labels of the org',
			method: 'GET',
			path: '/v2/organization/labels',
			pagination: { style: 'none' },
		},
		{
			value: 'changeLabels',
			name: 'Tag or Untag Customer',
			action: 'Tag a customer with labels or remove labels',
			description: 'Adds labels to a customer and/or removes labels from them in one call',
			method: 'POST',
			path: '/v2/customers/{userId}/changeLabels',
			fields: [
				customerUserId,
				labelList('Labels to Add', 'labelsToAdd', 'add', 'Labels to tag the customer with'),
				labelList('Labels to Remove', 'labelsToRemove', 'remove', 'Labels to take off the customer'),
			],
			output: { valueName: 'customerId' },
		},
		{
			value: 'getCustomerLabels',
			name: 'Get Customer Labels',
			action: 'Get the labels of a customer',
			method: 'GET',
			path: '/v2/customers/{userId}/labels',
			fields: [customerUserId],
			pagination: { style: 'none' },
		},
		{
			value: 'searchCustomers',
			name: 'Search Customers by Label',
			action: 'Find customers tagged with a label',
			method: 'GET',
			path: '/v2/customers/labels/search',
			fields: [
				{
					displayName: 'Label Name',
					name: 'q',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'Premium',
					description: 'Label name, or its beginning (e.g. "pre" finds customers tagged Premium or Preferred)',
					routing: toQuery('q'),
				},
			],
			pagination: { style: 'offset', maxPageSize: 100 },
			hint: 'Capillary documents this search both as "starts with" and as an exact, case-insensitive match; the node sends the text as typed',
			output: {
				simplify: (entity: IDataObject) => ({
					userId: entity.userId,
					labels: ((entity.customerLabels as IDataObject[] | undefined) ?? []).map((l) => l.labelName),
				}),
			},
		},
	],
});
