import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, headerField, optionalField, options, toBody, toQuery } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

/**
 * Staff users (B2B sellers with both admin and till rights). Admin calls may need the admin's
 * auth key, staff-session calls the staff user's access token (Get Access Token); both travel as
 * headers and are secrets, so the fields are password fields and never reach the output.
 */

function secretHeader(displayName: string, name: string, header: string, description: string, required = false): INodeProperties {
	return { ...headerField(displayName, name, header, description), typeOptions: { password: true }, required };
}

const adminAuthKey = secretHeader(
	'Admin Auth Key',
	'adminAuthKey',
	'X-CAP-API-AUTH-KEY',
	'Authentication key of the admin user, sent as X-CAP-API-AUTH-KEY; leave empty when the credential itself is an admin',
);

function accessToken(required: boolean): INodeProperties {
	return secretHeader(
		'Access Token',
		'accessToken',
		'X-CAP-API-ACCESS-TOKEN',
		required
			? 'Access token of the staff or admin user (from Get Access Token), sent as X-CAP-API-ACCESS-TOKEN'
			: 'Access token of the staff user (from Get Access Token), sent as X-CAP-API-ACCESS-TOKEN; leave empty to act as the credential user',
		required,
	);
}

/** `{<id|username|mobile|email>: value}` in the body. */
function staffIdentifier(types: Array<[string, string]> = [['Staff ID', 'id'], ['Username', 'username'], ['Mobile', 'mobile'], ['Email', 'email']]): INodeProperties[] {
	const firstType = types[0][1];
	return [
		{
			displayName: 'Staff Identifier Type',
			name: 'staffIdentifierType',
			type: 'options',
			options: options(types),
			default: firstType,
			description: 'Which identifier of the staff user you know',
		},
		{
			displayName: 'Staff Identifier Value',
			name: 'staffIdentifierValue',
			description: 'Value of that identifier, e.g. the username, mobile number or email of the staff user',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'timjames',
			routing: toBody('={{ $parameter.staffIdentifierType }}'),
		},
	];
}

const staffId: INodeProperties = {
	displayName: 'Staff ID',
	name: 'staffId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '75025585',
	description: 'Unique ID Capillary generated for the staff account (returned by Create)',
	routing: toBody('id'),
};

const username: INodeProperties = {
	displayName: 'Username',
	name: 'username',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'timjames',
	description: 'Username of the staff account (letters and digits, no special characters)',
	routing: toBody('username'),
};

const profileFields = [
	optionalField('First Name', 'firstname', 'string', 'First name of the staff user', 'body'),
	optionalField('Last Name', 'lastname', 'string', 'Last name of the staff user', 'body'),
	optionalField('Title', 'title', 'string', 'Role or designation, e.g. Manager', 'body'),
];

const identifierChangeFields: INodeProperties[] = [
	{
		displayName: 'Identifier Type',
		name: 'identifierType',
		type: 'options',
		options: options([
			['Email', 'email'],
			['Mobile', 'mobile'],
		]),
		default: 'email',
		description: 'Which identifier of the current staff user changes',
		routing: toBody('type'),
	},
	{
		displayName: 'New Identifier',
		name: 'newIdentifier',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'tim.james@example.com',
		description: 'The new mobile number or email ID; the OTP goes to it',
		routing: toBody('identifier'),
	},
];

const notesField = additionalFields([optionalField('Notes', 'notes', 'string', 'Why the identifier changes', 'body')]);

const staffOutput = { valueName: 'id' };

export const staff = defineResource({
	value: 'staff',
	name: 'Staff',
	description: 'Staff user accounts of stores and zones',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a staff account',
			method: 'POST',
			path: '/v2/staff',
			fields: [
				username,
				{
					displayName: 'Password',
					name: 'password',
					type: 'string',
					typeOptions: { password: true },
					required: true,
					default: '',
					description: 'Password of the new account',
					routing: toBody('password'),
				},
				adminAuthKey,
				additionalFields([
					optionalField('Mobile', 'mobile', 'string', 'Mobile number of the staff user, with country code', 'body'),
					optionalField('Email', 'email', 'string', 'Email ID of the staff user', 'body'),
					...profileFields,
					locatorField({
						displayName: 'Store',
						name: 'storeCode',
						searchMethod: 'searchStoreCodes',
						required: false,
						placeholder: 'east_store',
						description: 'Store the staff user belongs to (store code); the default store (InfluenceStore) when empty',
						routing: toBody('storeCode'),
					}),
					optionalField('Zone Code', 'zoneCode', 'string', 'Zone of the store; derived from the store when empty', 'body'),
					optionalField('Concept Code', 'conceptCode', 'string', 'Concept of the store; derived from the store when empty', 'body'),
				]),
			],
			output: staffOutput,
		},
		{
			value: 'getAccessToken',
			name: 'Get Access Token',
			action: 'Get an access token for a staff user',
			method: 'GET',
			path: '/v2/staff/accessToken',
			hint: 'Issues a token for the user of the credential (use a credential with the staff user\'s username and password). The API index lists GET; the older docs say POST without a body.',
			output: { valueName: 'accessToken' },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update the profile of a staff user',
			method: 'POST',
			path: '/v2/staff/edit',
			fields: [...staffIdentifier(), accessToken(false), additionalFields(profileFields)],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a staff user',
			method: 'GET',
			path: '/v2/staff',
			fields: [
				{
					displayName: 'Staff Identifier Type',
					name: 'staffIdentifierType',
					type: 'options',
					options: options([
						['Username', 'username'],
						['Mobile', 'mobile'],
						['Email', 'email'],
						['Staff ID (Ref ID)', 'refId'],
					]),
					default: 'username',
					description: 'Which identifier of the staff user you know',
				},
				{
					displayName: 'Staff Identifier Value',
					name: 'staffIdentifierValue',
					description: 'Value of that identifier, e.g. the username, mobile number or email of the staff user',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'timjames',
					routing: toQuery('={{ $parameter.staffIdentifierType }}'),
				},
				accessToken(true),
			],
		},
		{
			value: 'changePassword',
			name: 'Change Password',
			action: 'Change the password of a staff account',
			method: 'POST',
			path: '/v2/staff/changePassword',
			hint: 'Changes the password of the staff user the access token belongs to, or of the credential user when no token is given.',
			fields: [
				{
					displayName: 'New Password',
					name: 'newPassword',
					description: 'New password of the staff account; never copied to the output',
					type: 'string',
					typeOptions: { password: true },
					required: true,
					default: '',
					routing: toBody('password'),
				},
				accessToken(false),
			],
			output: staffOutput,
		},
		{
			value: 'sendOtp',
			name: 'Send OTP',
			action: 'Send an OTP to a staff user',
			method: 'POST',
			path: '/v2/staff/sendOtp',
			fields: [
				{
					displayName: 'OTP Purpose',
					name: 'otpType',
					type: 'options',
					options: options([
						['Log In', 'LOGIN'],
						['Validate Email', 'VALIDATE_EMAIL'],
						['Validate Mobile', 'VALIDATE_MOBILE'],
					]),
					default: 'VALIDATE_EMAIL',
					description: 'What the OTP is for; it goes to the email ID or mobile number accordingly',
					routing: toQuery('otp_type'),
				},
				staffId,
				username,
				adminAuthKey,
				additionalFields([
					optionalField('Mobile', 'mobile', 'string', 'Registered mobile number to send the OTP to', 'body'),
					optionalField('Email', 'email', 'string', 'Registered email ID to send the OTP to', 'body'),
				]),
			],
			output: staffOutput,
		},
		{
			value: 'validateOtp',
			name: 'Validate OTP',
			action: 'Validate the OTP of a staff user',
			method: 'POST',
			path: '/v2/staff/validate',
			fields: [
				staffId,
				username,
				{
					displayName: 'Identifier Type',
					name: 'identifierType',
					type: 'options',
					options: options([
						['Email', 'EMAIL'],
						['Mobile', 'MOBILE'],
					]),
					default: 'EMAIL',
					description: 'Whether the OTP validates the email ID or the mobile number',
					routing: toBody('identifierType'),
				},
				{
					displayName: 'OTP',
					name: 'otp',
					type: 'string',
					typeOptions: { password: true },
					required: true,
					default: '',
					description: 'The one-time password the staff user received',
					routing: toBody('otp'),
				},
				{
					displayName: 'Password',
					name: 'password',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'Password of the staff account',
					routing: toBody('password'),
				},
				adminAuthKey,
				additionalFields([
					optionalField('Mobile', 'mobile', 'string', 'Mobile number of the staff user', 'body'),
					optionalField('Email', 'email', 'string', 'Email ID of the staff user', 'body'),
				]),
			],
			output: staffOutput,
		},
		{
			value: 'changeIdentifierSendOtp',
			name: 'Send Identifier Change OTP',
			action: 'Send an OTP to a new staff identifier',
			method: 'POST',
			path: '/v2/staff/changeidentifier/sendotp',
			hint: 'Step 1 of 2: sends an OTP to the new identifier of the staff user of the credential (or access token). Then run Change Identifier with the OTP.',
			fields: [...identifierChangeFields, accessToken(false), notesField],
			output: staffOutput,
		},
		{
			value: 'changeIdentifier',
			name: 'Change Identifier',
			action: 'Change the mobile or email of a staff user',
			method: 'POST',
			path: '/v2/staff/changeidentifier',
			hint: 'Step 2 of 2: validates the OTP sent by Send Identifier Change OTP and switches to the new identifier.',
			fields: [
				...identifierChangeFields,
				{
					displayName: 'OTP',
					name: 'otp',
					type: 'string',
					typeOptions: { password: true },
					required: true,
					default: '',
					description: 'The OTP received on the new identifier',
					routing: toBody('otp'),
				},
				accessToken(false),
				notesField,
			],
			output: staffOutput,
		},
		{
			value: 'transfer',
			name: 'Transfer',
			action: 'Move a staff user to another store',
			method: 'POST',
			path: '/v2/staff/transfer',
			fields: [
				...staffIdentifier(),
				locatorField({
					displayName: 'New Store',
					name: 'storeCode',
					searchMethod: 'searchStoreCodes',
					placeholder: 'stb23',
					description: 'Store (store code) the staff user moves to',
					routing: toBody('storeCode'),
				}),
				adminAuthKey,
			],
			output: staffOutput,
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the staff users of a store or zone',
			method: 'GET',
			path: '/v2/staff/getUsersList',
			fields: [
				{
					displayName: 'List By',
					name: 'listBy',
					type: 'options',
					options: options([
						['Store', 'storeCode'],
						['Zone', 'zoneCode'],
					]),
					default: 'storeCode',
					description: 'Whether to list the staff of a store or of a zone',
				},
				{
					...locatorField({
						displayName: 'Store',
						name: 'storeCode',
						searchMethod: 'searchStoreCodes',
						placeholder: 'store1',
						description: 'Store (store code) whose staff to list',
						routing: toQuery('storeCode'),
					}),
					displayOptions: { show: { listBy: ['storeCode'] } },
				},
				{
					displayName: 'Zone Code',
					name: 'zoneCode',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'root',
					description: 'Code of the zone whose staff to list',
					displayOptions: { show: { listBy: ['zoneCode'] } },
					routing: toQuery('zoneCode'),
				},
				adminAuthKey,
			],
			pagination: { style: 'none' },
		},
		{
			value: 'logout',
			name: 'Log Out',
			action: 'Log out a staff access token',
			method: 'GET',
			path: '/v2/staff/logout',
			fields: [accessToken(true)],
		},
		{
			value: 'deactivate',
			name: 'Deactivate',
			action: 'Deactivate a staff account',
			method: 'POST',
			path: '/v2/staff/delete',
			fields: [
				...staffIdentifier([
					['Staff ID (Ref ID)', 'refId'],
					['Username', 'username'],
					['Mobile', 'mobile'],
					['Email', 'email'],
				]),
				adminAuthKey,
			],
			output: staffOutput,
		},
	],
});
