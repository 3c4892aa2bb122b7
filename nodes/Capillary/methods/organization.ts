import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { labelOf, listSearch, loadEntities } from '../shared/lookups';

/** v1.1 `organization/entities` lists entities under `organization.entities.entity`. */
const ENTITY_LIST = 'organization.entities.entity';

const entityLabel = (e: IDataObject) => {
	const name = labelOf(e, 'name', 'code');
	const code = labelOf(e, 'code');
	return code && code !== name ? `${name} (${code})` : name;
};

const customFieldLabel = (f: IDataObject) => {
	const label = labelOf(f, 'label', 'name');
	const name = labelOf(f, 'name');
	const scope = labelOf(f, 'scope');
	return `${label}${label !== name ? ` [${name}]` : ''}${scope ? ` (${scope})` : ''}`;
};

/** Entities of one type (TILL, STORE, ZONE …) from v1.1 `organization/entities`, valued by ID or code. */
function entitySearch(type: string, valueKey: 'id' | 'code') {
	return listSearch({
		path: '/v1.1/organization/entities',
		qs: { type, details: 'basic' },
		items: ENTITY_LIST,
		name: entityLabel,
		value: (e) => labelOf(e, valueKey),
	});
}

function customFieldSearch(scope?: string) {
	return listSearch({
		path: '/v2/organization/customFields',
		qs: scope ? { scope } : {},
		name: customFieldLabel,
		value: (f) => labelOf(f, 'name'),
	});
}

/**
 * Extended field names of one entity type for a dropdown (loadOptions), from GET v2/extendedFields
 * (`entity.<type>[]`). The docs' sample shows customer, transaction and lineitem; for a type the org
 * does not list, every field is offered, labelled with its type.
 */
function extendedFieldOptions(entityType: string) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const [groups] = await loadEntities(this, { path: '/v2/extendedFields', items: 'entity' });
		const own = groups?.[entityType];
		const lists: Array<[string, unknown]> = Array.isArray(own) ? [[entityType, own]] : Object.entries(groups ?? {});
		const options: INodePropertyOptions[] = [];
		for (const [type, fields] of lists) {
			if (!Array.isArray(fields)) continue;
			for (const field of fields as IDataObject[]) {
				const name = labelOf(field, 'name');
				if (!name) continue;
				const label = labelOf(field, 'label') || name;
				options.push({
					name: `${label}${label !== name ? ` [${name}]` : ''}${type !== entityType ? ` · ${type}` : ''}`,
					value: name,
					description: labelOf(field, 'dataType'),
				});
			}
		}
		return options.sort((a, b) => a.name.localeCompare(b.name));
	};
}

/** Dropdowns inside lists (loadOptions): names of the org's extended fields per entity type. */
export const organizationLoadOptions = {
	getCustomerExtendedFields: extendedFieldOptions('customer'),
	getTransactionExtendedFields: extendedFieldOptions('transaction'),
	getCardExtendedFields: extendedFieldOptions('card'),
	getCompanyExtendedFields: extendedFieldOptions('company'),
};

/** Every extended field of the org, by ID (GET v2/extendedFields groups them by entity type). */
async function searchExtendedFieldIds(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const [groups] = await loadEntities(this, { path: '/v2/extendedFields', items: 'entity' });
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	for (const [entityType, fields] of Object.entries(groups ?? {})) {
		if (!Array.isArray(fields)) continue;
		for (const field of fields as IDataObject[]) {
			const id = labelOf(field, 'id');
			const name = `${labelOf(field, 'label', 'name')} [${labelOf(field, 'name')}] · ${entityType}`;
			if (!id || (needle && !`${name} ${id}`.toLowerCase().includes(needle))) continue;
			results.push({ name, value: id });
		}
	}
	return { results };
}

/** Org-wide lists used by many resources (programs, tills, stores, custom fields, companies, lead settings). */
export const organizationSearch = {
	searchPrograms: listSearch({
		path: '/v2/organization/programs',
		name: (p) => `${labelOf(p, 'programName', 'name')} (${labelOf(p, 'programId', 'id')})`,
		value: (p) => labelOf(p, 'programId', 'id'),
	}),

	/** Tills by ID (v1.1 entities is the documented list of every till of the org). */
	searchTills: entitySearch('TILL', 'id'),

	/** Tills by code (the till username). */
	searchTillCodes: entitySearch('TILL', 'code'),

	/** Stores by ID. */
	searchStores: entitySearch('STORE', 'id'),

	/** Stores by code. */
	searchStoreCodes: entitySearch('STORE', 'code'),

	/** Zones by ID (parents of stores). */
	searchZones: entitySearch('ZONE', 'id'),

	/** Custom fields of the org by name, all scopes. */
	searchCustomFields: customFieldSearch(),
	/** Custom fields of customer registration (`loyalty_registration`). */
	searchRegistrationCustomFields: customFieldSearch('loyalty_registration'),
	/** Custom fields of transactions (`loyalty_transaction`). */
	searchTransactionCustomFields: customFieldSearch('loyalty_transaction'),

	/** Active companies by external ID. */
	searchCompanies: listSearch({
		path: '/v2/companies/all',
		qs: { limit: 100, status: 'ACTIVE' },
		name: (c) => `${labelOf(c, 'name')} (${labelOf(c, 'externalId')})`,
		value: (c) => labelOf(c, 'externalId'),
	}),

	/** Active companies by company ID. */
	searchCompanyIds: listSearch({
		path: '/v2/companies/all',
		qs: { limit: 100, status: 'ACTIVE' },
		name: (c) => `${labelOf(c, 'name')} (${labelOf(c, 'externalId')})`,
		value: (c) => labelOf(c, 'companyId', 'id'),
	}),

	/** Extended fields of the org by ID (any entity type). */
	searchExtendedFieldIds,

	/** Sources of the org (GET v2/meta/sources) by ID. */
	searchOrgSources: listSearch({
		path: '/v2/meta/sources',
		name: (s) => `${labelOf(s, 'name')} (${labelOf(s, 'id')})`,
		value: (s) => labelOf(s, 'id'),
	}),

	/** API (OAuth) clients of the org by client key. */
	searchApiClients: listSearch({
		path: '/v3/integrations/clients',
		name: (c) => `${labelOf(c, 'name')} (${labelOf(c, 'clientKey')})${c.isValid === false ? ' · invalid' : ''}`,
		value: (c) => labelOf(c, 'clientKey'),
	}),

	/** The org's most recently updated leads. */
	searchLeads: listSearch({
		path: '/v2/leads',
		qs: { type: 'ALL', sortBy: 'lastUpdatedOn', sortOrder: 'DESC', limit: 100 },
		name: (l) => `#${labelOf(l, 'id')} ${labelOf(l, 'leadFor')} (${labelOf(l, 'status')})`,
		value: (l) => labelOf(l, 'id'),
	}),

	/** Lead reasons configured for the org (their IDs are needed to change a lead's status). */
	searchLeadReasons: listSearch({
		path: '/v2/leads/reasons',
		name: (r) => `${labelOf(r, 'reason')} (${labelOf(r, 'id')})`,
		value: (r) => labelOf(r, 'id'),
	}),

	/** Lead sub-statuses configured for the org. */
	searchLeadSubStatuses: listSearch({
		path: '/v2/leads/substatuses',
		name: (s) => `${labelOf(s, 'subStatus')} (${labelOf(s, 'status')})`,
		value: (s) => labelOf(s, 'subStatus'),
	}),
};
