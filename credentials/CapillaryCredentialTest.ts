import type { ICredentialTestRequest } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from './CapillaryAuth';

/** A cheap read every API client may call: the organization's own details. */
export const CREDENTIAL_TEST_PATH = '/v1.1/organization/get';

const REJECTED = 'Capillary rejected the credentials. Check the username and password (or key and secret) and the Region.';

/**
 * n8n's credential Test for both credential types. v1.1 can answer HTTP 200 with the failure inside
 * the body; an answer without Capillary's status (another host, a catch-all page) is no success either.
 */
export const credentialTest: ICredentialTestRequest = {
	request: {
		baseURL: BASE_URL_EXPRESSION,
		url: CREDENTIAL_TEST_PATH,
		qs: { format: 'json' },
		headers: { Accept: 'application/json' },
		// Credentials go to the Capillary host only.
		disableFollowRedirect: true,
		// A host that never answers fails the test in seconds, not after n8n's default of 5 minutes.
		timeout: 30_000,
	},
	rules: [
		{ type: 'responseSuccessBody', properties: { key: 'response.status.success', value: 'false', message: REJECTED } },
		{ type: 'responseSuccessBody', properties: { key: 'response.status.success', value: false, message: REJECTED } },
		{
			type: 'responseSuccessBody',
			properties: {
				key: 'response.status.success',
				value: undefined,
				message: "The host answered, but not as Capillary's API does. Check the Region or Base URL: it must be Capillary's API host (e.g. https://eu.api.capillarytech.com), not a website or a proxy page.",
			},
		},
	],
};
