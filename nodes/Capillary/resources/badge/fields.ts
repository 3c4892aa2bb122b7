import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { options, toBody } from '../../shared/fields';
import { locatorField } from '../../shared/lookups';

/** Values and field builders shared by the badge operations. */

export const BASE = '/api_gateway/v1/badges';

/** Modules that may own, claim or trigger a badge (Capillary's spelling, case sensitive). */
export const OWNER_TYPES = options([
	['Audience Campaigns', 'Audience_Campaigns'],
	['Goodwill Module', 'Goodwill_Module'],
	['Historical Import', 'Historical_Import'],
	['Journeys', 'Journeys'],
	['Loyalty', 'Loyalty'],
	['Loyalty Promotion', 'Loyalty_Promotion'],
	['Milestones', 'Milestones'],
	['Referral Campaigns', 'Referral_Campaigns'],
	['Rewards Catalog', 'Rewards_Catalog'],
]);

/** Numeric IDs travel as numbers (Capillary's customer IDs are numeric); anything else as typed. */
export const AS_NUMBER_IF_NUMERIC = '={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}';

/** ISO date-time → epoch seconds, the unit of startOn/expiresOn. */
export const EPOCH_SECONDS = '={{ Math.floor(new Date($value).getTime() / 1000) }}';

export function badgeField(overrides: { name?: string; property?: string; description?: string } = {}): INodeProperties {
	return locatorField({
		displayName: 'Badge',
		name: overrides.name ?? 'badgeId',
		searchMethod: 'searchBadges',
		placeholder: '66276dc68fe258516a88ff8e',
		description: overrides.description ?? 'The badge definition (badge meta ID)',
		...(overrides.property ? { routing: toBody(overrides.property) } : {}),
	});
}

export function credentialType(context: IExecuteSingleFunctions): string {
	return context.getNodeParameter('authentication', 'basicAuth') === 'oAuth' ? 'capillaryOAuthApi' : 'capillaryApi';
}

/** `orgId` of the org meta body: the typed value, or the Org ID of the credential. */
export async function orgIdIntoBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	let orgId = String(this.getNodeParameter('orgMetaOrgId', '') ?? '').trim();
	if (!orgId) {
		const credentials = await this.getCredentials(credentialType(this));
		orgId = String(credentials.orgId ?? '').trim();
	}
	if (!orgId) return request;
	request.body = { ...((request.body as IDataObject) ?? {}), orgId: /^\d+$/.test(orgId) ? Number(orgId) : orgId };
	return request;
}

/**
 * A list of customer IDs from one parameter: "1001, 1002", a JSON array (`[1001, 1002]`), or an
 * expression returning an array. Sent as numbers under `property`.
 */
export function customerIdList(parameter: string, displayName: string, property: string) {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const raw = this.getNodeParameter(parameter, '') as unknown;
		let values: unknown[];
		if (Array.isArray(raw)) values = raw;
		else if (typeof raw === 'number') values = [raw];
		else {
			const text = String(raw ?? '').trim();
			if (text.startsWith('[')) {
				try {
					const parsed = JSON.parse(text) as unknown;
					values = Array.isArray(parsed) ? parsed : [parsed];
				} catch (error) {
					throw new NodeOperationError(this.getNode(), `Parameter "${displayName}" is not a valid JSON array`, {
						description: `${(error as Error).message}. Use a list such as [1001, 1002] or comma-separated IDs.`,
						itemIndex: this.getItemIndex(),
					});
				}
			} else values = text.split(/[,\s]+/);
		}
		const ids = values.map((v) => String(v ?? '').trim()).filter((v) => v !== '');
		const invalid = ids.filter((v) => !/^\d+$/.test(v));
		if (ids.length === 0 || invalid.length) {
			throw new NodeOperationError(this.getNode(), `Parameter "${displayName}" needs numeric customer IDs`, {
				description: invalid.length ? `Not a customer ID: ${invalid.slice(0, 5).join(', ')}` : 'The list is empty.',
				itemIndex: this.getItemIndex(),
			});
		}
		request.body = { ...((request.body as IDataObject) ?? {}), [property]: ids.map(Number) };
		return request;
	};
}

export function triggeredByFields(required: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Triggered By Owner Type',
			name: 'triggeredByOwnerType',
			type: 'options',
			options: OWNER_TYPES,
			default: 'Loyalty',
			description: 'Module on whose behalf this happens; it must have claimed the badge (see Claim)',
			routing: toBody('triggeredBy.ownerType'),
		},
		{
			displayName: 'Triggered By Reference ID',
			name: 'triggeredByReferenceId',
			type: 'string',
			required,
			default: '',
			placeholder: '123694',
			description: 'The reference ID the module used when it claimed the badge',
			routing: toBody('triggeredBy.referenceId'),
		},
	];
}
