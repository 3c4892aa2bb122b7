import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	addCommonHeaders,
	basicAuthorization,
	checkTillCredentials,
	orgAndAttributionProperties,
	regionProperties,
} from './CapillaryAuth';
import { credentialTest } from './CapillaryCredentialTest';

/**
 * Basic-auth attribution is X-CAP-API-ATTRIBUTION-LOOKUP-TYPE: a lookup name the org defines (the
 * docs: "the combination of attribution_lookup and lookup_code are mapped to TILL ids"), so free
 * text; the OAuth entity types are only suggestions.
 */
const lookupTypeField: INodeProperties = {
	displayName: 'Attribution Lookup Type',
	name: 'attributionType',
	type: 'string',
	default: '',
	placeholder: 'TILL',
	description:
		'Lookup name your org maps to tills, sent as X-CAP-API-ATTRIBUTION-LOOKUP-TYPE to record calls on behalf of another till. Leave empty to use this till.',
	hint: 'Defined by your org (ask your Capillary admin); common names: TILL, STORE_CODE, STORE_NAME, STORE_EXTERNAL_ID',
};

/** Till (store server) credentials: Basic auth with the MD5 of the password, as Capillary expects. */
export class CapillaryApi implements ICredentialType {
	name = 'capillaryApi';

	displayName = 'Capillary API';

	icon: Icon = { light: 'file:icons/capillary.svg', dark: 'file:icons/capillary.dark.svg' };

	documentationUrl = 'https://docs.capillarytech.com/docs/authentication';

	properties: INodeProperties[] = [
		...regionProperties,
		{
			displayName: 'Till Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'store.server',
			description: 'Till code (TILL ID) of the store server account',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The till password as you know it; the node sends its MD5 hash',
		},
		{
			displayName: 'Password Is Already MD5 Hashed',
			name: 'isMd5Hash',
			type: 'boolean',
			default: false,
			description: 'Whether the Password field holds the 32-character MD5 hex digest instead of the plain password',
		},
		...orgAndAttributionProperties.map((p) =>
			p.name === 'attributionType'
				? lookupTypeField
				: p.name === 'attributionCode'
					? { ...p, displayName: 'Attribution Lookup Value', description: 'Value of that lookup for the till to act for, sent as X-CAP-API-ATTRIBUTION-LOOKUP (case sensitive)' }
					: p,
		),
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers as Record<string, string> | undefined) };
		checkTillCredentials(String(credentials.username ?? ''), String(credentials.password ?? ''), credentials.isMd5Hash === true);
		headers.Authorization = basicAuthorization(
			String(credentials.username ?? ''),
			String(credentials.password ?? ''),
			credentials.isMd5Hash === true,
		);
		// Basic-auth clients act for another till with the LOOKUP pair (Capillary docs, "Attribution").
		addCommonHeaders(credentials, headers, ['X-CAP-API-ATTRIBUTION-LOOKUP-TYPE', 'X-CAP-API-ATTRIBUTION-LOOKUP']);
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = credentialTest;
}
