import type { ICredentialTestRequest } from 'n8n-workflow';

/** A cheap read every API client may call: the organization's own details. */
export const CREDENTIAL_TEST_PATH = '/v1.1/organization/get';

/** v1.1 can answer HTTP 200 with the failure inside the body; these rules catch that too. */
export const credentialTestRules: NonNullable<ICredentialTestRequest['rules']> = [
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'response.status.success',
			value: 'false',
			message: 'Capillary rejected the credentials. Check the username and password (or key and secret) and the Region.',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'response.status.success',
			value: false,
			message: 'Capillary rejected the credentials. Check the username and password (or key and secret) and the Region.',
		},
	},
];
