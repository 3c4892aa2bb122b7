import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { md5Hex } from '../../../credentials/CapillaryAuth';
import { options, toBody } from '../shared/fields';
import { defineResource } from '../shared/operation';

/**
 * Web/app logins of existing customers. Capillary stores the password as an MD5 hash and expects
 * it hashed in the request; the node hashes a plain password itself unless told it already is one.
 * Passwords are password fields and never reach the output.
 */

const identifierFields: INodeProperties[] = [
	{
		displayName: 'Identifier Type',
		name: 'identifierType',
		type: 'options',
		options: options([
			['Mobile', 'mobile'],
			['Email', 'email'],
		]),
		default: 'mobile',
		description: 'Which registered identifier of the customer logs in',
	},
	{
		displayName: 'Identifier Value',
		name: 'identifierValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: '919111111111',
		description: 'Mobile number (with country code) or email ID the customer is registered with',
		routing: toBody('={{ $parameter.identifierType }}'),
	},
];

/** Puts the password into the body, as the MD5 hash Capillary expects. */
async function hashPassword(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const password = String(this.getNodeParameter('password', '') ?? '');
	const isHash = this.getNodeParameter('passwordIsMd5', false) === true;
	if (password === '') return request;
	const value = isHash ? password.trim().toLowerCase() : md5Hex(password);
	request.body = { ...((request.body as IDataObject) ?? {}), password: value };
	return request;
}

function passwordFields(label: string, description: string): INodeProperties[] {
	return [
		{
			displayName: label,
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description,
			routing: { send: { preSend: [hashPassword] } },
		},
		{
			displayName: 'Password Is MD5 Hash',
			name: 'passwordIsMd5',
			type: 'boolean',
			default: false,
			description: 'Whether the password above is already the MD5 hash; otherwise the node hashes it before sending',
		},
	];
}

export const userAuthentication = defineResource({
	value: 'userAuthentication',
	name: 'User Authentication',
	description: 'Register and authorize users with passwords',
	operations: [
		{
			value: 'register',
			name: 'Register',
			action: 'Register a customer for password login',
			method: 'POST',
			path: '/v2/user_auth/register',
			hint: 'The customer must already exist in the org (any source). Returns the customer profile.',
			fields: [...identifierFields, ...passwordFields('Password', 'Password the customer will log in with')],
		},
		{
			value: 'authorize',
			name: 'Authorize',
			action: 'Check the login credentials of a customer',
			method: 'POST',
			path: '/v2/user_auth/authorize_user',
			fields: [...identifierFields, ...passwordFields('Password', 'Password the customer entered')],
			output: { valueName: 'authorized' },
			idempotent: true,
		},
		{
			value: 'updatePassword',
			name: 'Update Password',
			action: 'Update the login password of a customer',
			method: 'POST',
			path: '/v2/user_auth/update',
			hint: 'Sent as POST as in the API index; the older docs show PUT for this endpoint.',
			fields: [...identifierFields, ...passwordFields('New Password', 'The new password of the customer')],
			output: { valueName: 'updated' },
		},
	],
});
