import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	addCommonHeaders,
	currentToken,
	orgAndAttributionProperties,
	tokenForN8n,
	tokenScopeOf,
	regionProperties,
} from './CapillaryAuth';
import { credentialTest } from './CapillaryCredentialTest';

/** API client key + secret, exchanged for a short-lived token sent as X-CAP-API-OAUTH-TOKEN. */
export class CapillaryOAuthApi implements ICredentialType {
	name = 'capillaryOAuthApi';

	displayName = 'Capillary OAuth API';

	icon: Icon = { light: 'file:icons/capillary.svg', dark: 'file:icons/capillary.dark.svg' };

	documentationUrl = 'https://docs.capillarytech.com/docs/authentication';

	properties: INodeProperties[] = [
		...regionProperties,
		{
			displayName: 'Client Key',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Key of the API client (InTouch > Settings > Organization settings > API clients)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		...orgAndAttributionProperties,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			// Which base URL and client key the saved token was minted for: after either changes, the
			// saved token is ignored and a new one minted (see storedToken).
			displayName: 'Token Scope',
			name: 'tokenScope',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/** n8n calls this when its stored token is empty, was answered with HTTP 401, or on a credential test. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { accessToken: await tokenForN8n(this.helpers, credentials), tokenScope: tokenScopeOf(credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers as Record<string, string> | undefined) };
		headers['X-CAP-API-OAUTH-TOKEN'] = currentToken(credentials);
		addCommonHeaders(credentials, headers, ['X-CAP-API-ATTRIBUTION-ENTITY-TYPE', 'X-CAP-API-ATTRIBUTION-ENTITY-CODE']);
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = credentialTest;
}
