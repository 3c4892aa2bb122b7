import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { keyValueField, optionalField, toBody } from '../../shared/fields';

/**
 * Parameters of the rewards catalog (api_gateway/rewards/core/v1) used by the Reward and the Reward
 * Promotion resources. Answers carry `{status: {success, code, message}, <payload>}`; the org is
 * named by the X-CAP-API-AUTH-ORG-ID header of the credential.
 */

export const BASE = '/api_gateway/rewards/core/v1';

/** ISO date-time as Capillary's examples write it: 2025-01-26T20:00:00Z. */
export const ISO_UTC = '={{ new Date($value).toISOString().replace(/\\.\\d{3}Z$/, "Z") }}';

/** "229, 486" → [229, 486]. */
export const NUMBER_LIST = '={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v !== "").map(Number) }}';

/** "EV1, EV2" → ["EV1", "EV2"]. */
export const TEXT_LIST = '={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v !== "") }}';

export const brandIdField: INodeProperties = {
	displayName: 'Brand ID',
	name: 'brandId',
	type: 'number',
	required: true,
	default: 0,
	placeholder: '61',
	description: 'Numeric ID of the brand the catalog belongs to',
};

export const brandNameField: INodeProperties = {
	displayName: 'Brand Name',
	name: 'brandName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'DOCDEMO',
	description: 'Name of the brand the catalog belongs to',
};

export const rewardIdField: INodeProperties = {
	displayName: 'Reward ID',
	name: 'rewardId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '355104',
	description: 'ID of the reward in the catalog',
};

export const languageOption = optionalField('Language', 'language', 'string', 'ISO language code of the texts, e.g. en, zh, ar');

/** Description and language of the first (usually only) entry of languageSpecificInfo. */
export function languageFields(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Description',
			name: 'localDescription',
			type: 'string',
			default: '',
			description: `${what} description shown to customers`,
			routing: toBody('languageSpecificInfo[0].description'),
		},
		{
			displayName: 'Language Code',
			name: 'languageCode',
			type: 'string',
			default: 'en',
			description: 'Language of the name and description',
			routing: toBody('languageSpecificInfo[0].languageCode'),
		},
	];
}

export const customFieldsBody = keyValueField('Custom Fields', 'customFields', 'customFields', 'Values of the custom fields defined for this scope, by name');

/** When a reward or promotion is valid; Capillary wants ISO UTC without milliseconds. */
export function validityFields(create: boolean): INodeProperties[] {
	const time = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'dateTime', required: create, default: '', description, routing: toBody(name, ISO_UTC) });
	return [time('Start Time', 'startTime', 'When it becomes valid'), time('End Time', 'endTime', 'When it ends')];
}

/** An entry of languageSpecificInfo built from fields needs a language code and the enabled flag. */
export const languageDefaults: INodeProperties = {
	displayName: 'Language Defaults',
	name: 'languageDefaults',
	type: 'hidden',
	default: '',
	routing: {
		send: {
			preSend: [
				async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
					const body = (request.body ?? {}) as IDataObject;
					const entries = body.languageSpecificInfo;
					const first = Array.isArray(entries) ? (entries[0] as IDataObject | undefined) : undefined;
					if (first && typeof first === 'object') {
						if (!first.languageCode) first.languageCode = 'en';
						if (first.enabled === undefined) first.enabled = true;
					}
					return request;
				},
			],
		},
	},
};
