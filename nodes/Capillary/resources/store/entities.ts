import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, optionalField, options, toBody, toQuery } from '../../shared/fields';
import { locatorField } from '../../shared/lookups';
import type { OperationSpec } from '../../shared/types';

/**
 * The v2 store-entity operations of the Store resource: create a store or a store associate, and
 * read tills (the store's POS terminals). The v1.1 store calls are in index.ts.
 */

const newStoreFields: INodeProperties[] = [
	{
		displayName: 'Store Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'store.indiranagar',
		description: 'Unique alphanumeric code of the new store',
		routing: toBody('code'),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Indiranagar Store',
		description: 'Name of the store as shown in InTouch and on reports',
		routing: toBody('name'),
	},
	locatorField({
		displayName: 'Parent Zone ID',
		name: 'parentZoneId',
		searchMethod: 'searchZones',
		placeholder: '300001744',
		description: 'Zone the store belongs to',
		required: false,
		routing: toBody('parentZoneId', '={{ $value === "" ? undefined : Number($value) }}'),
	}),
	additionalFields([
		optionalField('Description', 'description', 'string', 'Short description of the store', 'body'),
		{
			displayName: 'Admin Type',
			name: 'adminType',
			type: 'options',
			options: options([
				['General', 'GENERAL'],
				['Admin', 'ADMIN'],
			]),
			default: 'GENERAL',
			description: 'GENERAL for a normal store, ADMIN for an admin store',
			routing: toBody('adminType'),
		},
		{
			displayName: 'Active',
			name: 'isActive',
			type: 'boolean',
			default: true,
			description: 'Whether the store is active',
			routing: toBody('isActive'),
		},
		optionalField('Time Zone ID', 'timeZoneId', 'number', "Capillary's ID of the store's base time zone", 'body'),
		optionalField('Currency ID', 'currencyId', 'number', "Capillary's ID of the store's base currency", 'body'),
		optionalField('Language ID', 'languageId', 'number', "Capillary's ID of the store's base language", 'body'),
		{
			displayName: 'External IDs',
			name: 'externalIds',
			type: 'string',
			default: '',
			placeholder: 'Ex-9399',
			description: 'External IDs of the store, comma-separated',
			routing: toBody('externalIds', '={{ String($value).split(",").map(s => s.trim()).filter(s => s) }}'),
		},
		{ ...optionalField('Email', 'email', 'string', 'Email address of the store', 'body'), placeholder: 'name@email.com' },
		optionalField('Mobile', 'mobile', 'string', 'Mobile number of the store with country code', 'body'),
		optionalField('Landline', 'landline', 'string', 'Landline number of the store', 'body'),
		optionalField('Address', 'address', 'string', 'Postal address of the store', 'body'),
		optionalField('Latitude', 'latitude', 'string', 'Latitude of the store location', 'body'),
		optionalField('Longitude', 'longitude', 'string', 'Longitude of the store location', 'body'),
		optionalField('City ID', 'cityId', 'number', "Capillary's ID of the store's city", 'body'),
		optionalField('Area ID', 'areaId', 'number', "Capillary's ID of the store's area", 'body'),
		{
			displayName: 'Entity Type',
			name: 'type',
			type: 'options',
			options: options([['Store', 'STORE']]),
			default: 'STORE',
			description: 'Type of the new entity; Capillary accepts only STORE here',
			routing: toBody('type'),
		},
	]),
];

export const storeEntityOperations: OperationSpec[] = [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a store',
		method: 'POST',
		path: '/v2/orgEntity/store',
		fields: newStoreFields,
	},
	{
		value: 'getTillByCode',
		name: 'Get Till by Code',
		action: 'Get a till by its code',
		method: 'GET',
		path: '/v2/organization/till',
		fields: [
			locatorField({
				displayName: 'Till Code',
				name: 'tillCode',
				searchMethod: 'searchTillCodes',
				placeholder: 'mp.1',
				description: 'Code (username) of the till',
				routing: toQuery('code'),
			}),
		],
	},
	{
		value: 'getTill',
		name: 'Get Till by ID',
		action: 'Get a till by its ID',
		method: 'GET',
		path: '/v2/organization/till/{tillId}',
		fields: [
			locatorField({
				displayName: 'Till ID',
				name: 'tillId',
				searchMethod: 'searchTills',
				placeholder: '50006799',
				description: "Capillary's ID of the till",
			}),
		],
	},
	{
		value: 'getActiveTills',
		name: 'Get Active Tills',
		action: 'Get the active tills of the org',
		method: 'GET',
		path: '/v2/organization/activeTill',
		pagination: { style: 'none' },
		hint: 'GET /v2/organization/activeTill is not documented by Capillary. The node sends no parameters and expects the active tills in data[] with the fields of Get Till by ID (a single till object is returned as one item).',
	},
	{
		value: 'createAssociate',
		name: 'Create Associate',
		action: 'Create an associate of a store',
		description: 'Adds a store associate (staff member); only admin users of the org can',
		method: 'POST',
		path: '/v2/orgEntity/associate',
		fields: [
			{
				displayName: 'Associate Code',
				name: 'code',
				type: 'string',
				required: true,
				default: '',
				placeholder: '01099-james',
				description: 'Unique code of the associate',
				routing: toBody('code'),
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'William James',
				description: 'Full name of the associate',
				routing: toBody('name'),
			},
			locatorField({
				displayName: 'Store',
				name: 'storeId',
				searchMethod: 'searchStores',
				placeholder: '50007863',
				description: 'The store the associate works at (its ID)',
				routing: toBody('storeId', '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}'),
			}),
			{
				displayName: 'Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description: 'Whether the associate is active',
				routing: toBody('isActive'),
			},
		],
	},
];
