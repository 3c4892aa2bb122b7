import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { accountIdField, additionalFields, isBlank, options, parseJsonParameter, queryOptions, sourceField, toQuery } from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import { buildWith, compact, identifierList, parameter, PROFILE_IDENTIFIER_TYPES, PROFILE_SOURCES, SORT_BY_DATES, SORT_ORDER } from './common';
import {
	customerFromForm,
	listBodyInput,
	loyaltyTypeField,
	nameFields,
	profileAccountField,
	profileExtras,
	profileSourceField,
	simplifyCustomer,
} from './profileFields';

/**
 * Customer Hierarchy: register customers into a parent/child or company hierarchy, change the
 * association and read the customers under a parent.
 */

const associationCollection: INodeProperties = {
	displayName: 'Association',
	name: 'association',
	description: 'Where the customer sits in the hierarchy: parent customer, roles, company and child customers',
	type: 'collection',
	placeholder: 'Add Association Detail',
	default: {},
	options: [
		{
			displayName: 'Child Customers (JSON)',
			name: 'childCustomers',
			type: 'json',
			default: '[]',
			description: 'Customers to register (if new) and attach as children: a list of customer objects with profiles',
		},
		{ displayName: 'Child Role Code', name: 'childRoleCode', type: 'string', default: '', placeholder: 'FC', description: 'Role the child customers get' },
		{ displayName: 'Fleet Company External ID', name: 'fleetCompanyExternalId', type: 'string', default: '', description: 'Company the customer belongs to' },
		{ displayName: 'Hierarchy Code', name: 'hierarchyCode', type: 'string', default: '', description: 'Hierarchy whose configuration applies to the customer' },
		{
			displayName: 'Parent Identifier Type',
			name: 'parentIdentifierType',
			type: 'options',
			options: PROFILE_IDENTIFIER_TYPES,
			default: 'mobile',
			description: 'Identifier of the parent customer (registered in the same source)',
		},
		{ displayName: 'Parent Identifier Value', name: 'parentIdentifierValue', description: 'Value of the parent customer identifier, e.g. the mobile number', type: 'string', default: '' },
		{ displayName: 'Role Code', name: 'roleCode', type: 'string', default: '', placeholder: 'FA', description: 'Role of the customer in the hierarchy' },
	],
};

function associationFrom(context: IExecuteSingleFunctions): IDataObject | undefined {
	const value = parameter<IDataObject>(context, 'association', {});
	const details = compact({ hierarchyCode: value.hierarchyCode as string, roleCode: value.roleCode as string, childRoleCode: value.childRoleCode as string });
	if (!isBlank(value.fleetCompanyExternalId)) details.fleetCompany = { externalId: String(value.fleetCompanyExternalId).trim() };
	if (!isBlank(value.parentIdentifierValue)) {
		details.parentCustomer = {
			profiles: [
				compact({
					identifiers: [{ type: (value.parentIdentifierType as string) || 'mobile', value: String(value.parentIdentifierValue).trim() }],
					source: parameter<string>(context, 'source', ''),
					accountId: parameter<string>(context, 'accountId', ''),
				}),
			],
		};
	}
	if (value.childCustomers !== undefined) {
		const children = parseJsonParameter(context, 'Child Customers (JSON)', 'association.childCustomers');
		if (Array.isArray(children) && children.length) details.childCustomers = children as IDataObject[];
	}
	return Object.keys(details).length ? details : undefined;
}

const associateFields: INodeProperties[] = listBodyInput(
	[
		loyaltyTypeField(
			buildWith((context, request) => {
				const customer = customerFromForm(context);
				const association = associationFrom(context);
				if (association) customer.associationDetails = association;
				request.body = [customer];
			}),
		),
		profileSourceField('Source the customers are registered in'),
		profileAccountField,
		...nameFields,
		identifierList('Identifiers', 'identifiers', 'Identifiers of the customer to register or associate'),
		associationCollection,
		additionalFields(profileExtras()),
	],
	'One customer or a list, each with "associationDetails": {"hierarchyCode", "roleCode", "parentCustomer", "childCustomers", "fleetCompany": {"externalId"}}',
);

const updateAssociationFields: INodeProperties[] = [
	sourceField({ options: PROFILE_SOURCES, description: 'Source of the customers' }),
	accountIdField(),
	...listBodyInput(
		[
			loyaltyTypeField(
				buildWith((context, request) => {
					const customer = customerFromForm(context);
					const association = associationFrom(context);
					if (association) customer.associationDetails = association;
					request.body = [customer];
				}),
			),
			...nameFields,
			identifierList('Identifiers', 'identifiers', 'Identifiers of the customer whose association changes'),
			associationCollection,
			additionalFields(profileExtras()),
		],
		'One customer or a list, each with its profiles (identifiers) and the new "associationDetails"',
	),
];

export const customerHierarchy = defineResource({
	value: 'customerHierarchy',
	name: 'Customer Hierarchy',
	description: 'Parent, child and company associations of customers',
	default: 'getMembers',
	operations: [
		{
			value: 'associate',
			name: 'Create or Associate',
			action: 'Create customers and associate them with a hierarchy',
			method: 'POST',
			path: '/v2/customers/bulk',
			fields: associateFields,
			output: { perEntityStatus: true },
			hint: 'Uses /v2/customers/bulk as in the 2022 docs (the newer docs also show /v2/bulk). Each customer comes back as its own item with success, errorCode and errorMessage.',
		},
		{
			value: 'updateAssociation',
			name: 'Update Association',
			action: 'Update the hierarchy association of customers',
			method: 'PUT',
			path: '/v2/customers/bulk',
			fields: updateAssociationFields,
			output: { perEntityStatus: true },
			hint: 'Uses /v2/customers/bulk as in the 2022 docs (the newer docs also show /v2/bulk). Each customer comes back as its own item with success, errorCode and errorMessage.',
		},
		{
			value: 'getMembers',
			name: 'Get Members',
			action: 'Get the customers under a parent customer or company',
			method: 'GET',
			path: '/v2/customers/bulk',
			fields: [
				sourceField({ required: true }),
				accountIdField(),
				{
					displayName: 'Parent Type',
					name: 'associationEntityType',
					description: 'Whether the parent is a customer or a company',
					type: 'options',
					options: options([
						['Parent Customer', 'parentCustomer'],
						['Company', 'company'],
					]),
					default: 'parentCustomer',
					routing: toQuery('associationEntityType'),
				},
				{
					displayName: 'Parent Identifier Type',
					name: 'associationEntityIdentifierType',
					type: 'options',
					options: options([
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'externalId'],
						['Card Number', 'cardnumber'],
						['WeChat', 'wechat'],
						['Martjack ID', 'martjackId'],
						['Facebook ID', 'fbId'],
					]),
					default: 'mobile',
					description: 'For a company use External ID',
					routing: toQuery('associationEntityIdentifierType'),
				},
				{
					displayName: 'Parent Identifier Value',
					name: 'associationEntityIdentifierValue',
					description: 'Identifier value of the parent customer or company',
					type: 'string',
					required: true,
					default: '',
					routing: toQuery('associationEntityIdentifierValue'),
				},
				queryOptions([SORT_BY_DATES, SORT_ORDER]),
			],
			pagination: { style: 'offset', maxPageSize: 100, items: 'entity.customers' },
			output: { items: 'entity.customers', simplify: simplifyCustomer },
		},
	],
});
