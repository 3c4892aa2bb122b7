import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, keyValueField, optionalField, options, queryOptions, sortOrderField, toBody, toQuery } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

/**
 * Companies (the "company" user-group entity of group/fleet loyalty): customers belong to a
 * company, companies can have a parent company, and each follows one of the org's hierarchies.
 */

const extendedFields = keyValueField(
	'Extended Fields',
	'extendedFields',
	'extendedFields',
	'Company details as name/value pairs, e.g. owner, industry, company_city, phone',
	'getCompanyExtendedFields',
);

/** `?externalId=` or `?id=`: the two ways the company endpoints identify a company. */
function companySelector(): INodeProperties[] {
	return [
		{
			displayName: 'Identify Company By',
			name: 'companyIdentifier',
			description: "Whether to identify the company by its external ID or by Capillary's company ID",
			type: 'options',
			options: options([
				['External ID', 'externalId'],
				['Company ID', 'id'],
			]),
			default: 'externalId',
		},
		{
			...locatorField({
				displayName: 'Company External ID',
				name: 'companyExternalId',
				searchMethod: 'searchCompanies',
				placeholder: 'Purple2345',
				description: 'External ID of the company',
				routing: toQuery('externalId'),
			}),
			displayOptions: { show: { companyIdentifier: ['externalId'] } },
		},
		{
			...locatorField({
				displayName: 'Company ID',
				name: 'companyId',
				searchMethod: 'searchCompanyIds',
				placeholder: '98',
				description: "Capillary's ID of the company (companyId)",
				routing: toQuery('id'),
			}),
			displayOptions: { show: { companyIdentifier: ['id'] } },
		},
	];
}

const sortOptions: INodeProperties[] = [
	{
		displayName: 'Sort By',
		name: 'sortBy',
		description: 'Field the companies are ordered by',
		type: 'options',
		options: options([['Created Date', 'createdDate']]),
		default: 'createdDate',
		routing: toQuery('sortBy'),
	},
	sortOrderField(),
];

export const company = defineResource({
	value: 'company',
	name: 'Company',
	description: 'Companies that customers belong to',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a company',
			method: 'POST',
			path: '/v2/companies',
			fields: [
				{
					displayName: 'Name',
					name: 'name',
					description: 'Name of the company',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'Purple Distributors',
					routing: toBody('name'),
				},
				{
					displayName: 'External ID',
					name: 'externalId',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'Purple2345',
					description: 'Your own unique ID for the company',
					routing: toBody('externalId'),
				},
				{
					displayName: 'Hierarchy Code',
					name: 'hierarchyDefinitionCode',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'code-association2',
					description: 'Code of one of the hierarchies configured for the org; it decides which roles and child companies are allowed',
					routing: toBody('hierarchyDefinitionCode'),
				},
				additionalFields([
					extendedFields,
					optionalField('Parent Company External ID', 'parentCompany.externalId', 'string', 'External ID of the holding company, for a child company', 'body', 'parentCompanyExternalId'),
				]),
			],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a company',
			method: 'PUT',
			path: '/v2/companies',
			fields: [
				...companySelector(),
				additionalFields(
					[
						optionalField('Name', 'name', 'string', 'New name of the company', 'body'),
						optionalField('New External ID', 'externalId', 'string', 'Replaces the external ID of the company', 'body', 'newExternalId'),
						optionalField('Hierarchy Code', 'hierarchyDefinitionCode', 'string', 'Hierarchy of the company; Capillary does not let it change, so only its current code is accepted', 'body'),
						extendedFields,
					],
					'updateFields',
				),
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a company',
			method: 'GET',
			path: '/v2/companies',
			fields: companySelector(),
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a company',
			description: 'Deactivate a company and its child companies; their customers stay active',
			method: 'DELETE',
			path: '/v2/companies',
			fields: [
				locatorField({
					displayName: 'Company External ID',
					name: 'companyExternalId',
					searchMethod: 'searchCompanies',
					placeholder: 'Purple2345',
					description: 'External ID of the company to deactivate',
					routing: toQuery('externalId'),
				}),
			],
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many companies',
			method: 'GET',
			path: '/v2/companies/all',
			fields: [
				queryOptions([
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: options([
							['Active', 'ACTIVE'],
							['Inactive', 'INACTIVE'],
						]),
						default: 'ACTIVE',
						description: 'Only companies in this state (Capillary returns active ones when not set)',
						routing: toQuery('status'),
					},
					...sortOptions,
				]),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
		{
			value: 'searchByExtendedField',
			name: 'Search by Extended Field',
			action: 'Search companies by an extended field value',
			method: 'GET',
			path: '/v2/companies/extendedFieldSearch',
			fields: [
				{
					displayName: 'Extended Field Name or ID',
					name: 'extendedFieldName',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCompanyExtendedFields' },
					required: true,
					default: '',
					description: 'Company extended field to search in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					routing: toQuery('extendedFieldName'),
				},
				{
					displayName: 'Value Starts With',
					name: 'q',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'Ban',
					description: 'First characters of the value (at least 3); matching is by prefix',
					routing: toQuery('q'),
				},
				queryOptions(sortOptions),
			],
			pagination: { style: 'offset', maxPageSize: 100 },
		},
	],
});
