import type { INodeProperties } from 'n8n-workflow';

import { optionalField } from '../../shared/fields';

/** Fields shared by the change/goodwill and the transaction requests. */

export const autoApprove = optionalField(
	'Client Auto Approve',
	'client_auto_approve',
	'boolean',
	'Whether to approve the request right away, overriding the org\'s approval settings (Capillary advises against it in normal use)',
);

/**
 * Adds descriptions to the fields (or collection options) named in `descriptions` that have none:
 * the shared request builders leave some to the resource that knows what they mean here.
 */
export function withDescriptions(field: INodeProperties, descriptions: Record<string, string>): INodeProperties;
export function withDescriptions(field: INodeProperties[], descriptions: Record<string, string>): INodeProperties[];
export function withDescriptions(field: INodeProperties | INodeProperties[], descriptions: Record<string, string>): INodeProperties | INodeProperties[] {
	const one = (f: INodeProperties): INodeProperties => (f.description || !descriptions[f.name] ? f : { ...f, description: descriptions[f.name] });
	if (Array.isArray(field)) return field.map(one);
	return { ...field, options: (field.options as INodeProperties[] | undefined)?.map(one) };
}

