import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { labelOf, listSearch } from '../shared/lookups';

/** Event definitions sit under `clickEventsMeta` in GET v2/events. */
const eventMeta = (e: IDataObject) => (e.clickEventsMeta ?? e) as IDataObject;

const eventLabel = (e: IDataObject) => {
	const meta = eventMeta(e);
	const name = labelOf(meta, 'eventName');
	const status = labelOf(meta, 'status');
	const standard = meta.standardEvent === true ? 'standard' : 'custom';
	return `${name} (${standard}${status ? `, ${status.toLowerCase()}` : ''})`;
};

const groupLabel = (g: IDataObject) => {
	const name = labelOf(g, 'groupName', 'groupExternalId') || `Group ${labelOf(g, 'groupId')}`;
	const primary = labelOf(g, 'mobile', 'email', 'primaryMemberId');
	return `${name} (${labelOf(g, 'groupId')}${primary ? `, primary ${primary}` : ''})`;
};

/**
 * User groups have no "list all" endpoint: search needs a query (name, ID, external ID or the
 * primary member's mobile, email or card). The dropdown searches as the user types.
 */
async function searchUserGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const q = (filter ?? '').trim();
	if (!q) return { results: [] };
	const search = listSearch({
		path: '/v2/userGroup2/search',
		qs: { q, limit: 50, offset: 0 },
		name: groupLabel,
		value: (g) => labelOf(g, 'groupId'),
	});
	// Capillary already matched the query (also on fields the label does not show): no second filter.
	return await search.call(this, '');
}

/** List searches (dropdowns filled from Capillary) for the engagement resources. */
export const engagementSearch = {
	/** Org labels by name (customers are tagged by label name). */
	searchOrgLabels: listSearch({
		path: '/v2/organization/labels',
		name: (l) => {
			const name = labelOf(l, 'name');
			const description = labelOf(l, 'description');
			return description ? `${name} — ${description}` : name;
		},
		value: (l) => labelOf(l, 'name'),
	}),

	searchUserGroups,

	/** Behavioural event definitions by name. */
	searchBehaviouralEvents: listSearch({
		path: '/v2/events',
		name: eventLabel,
		value: (e) => labelOf(eventMeta(e), 'eventName'),
	}),

	/** Behavioural event definitions by event ID (UUID). */
	searchBehaviouralEventIds: listSearch({
		path: '/v2/events',
		name: eventLabel,
		value: (e) => labelOf(eventMeta(e), 'eventId'),
	}),

	/** Standard events Capillary offers (GET v2/events/standard_events_meta), by name. */
	searchStandardEvents: listSearch({
		path: '/v2/events/standard_events_meta',
		name: (e) => {
			const meta = (e.standardClickEventsMeta ?? e) as IDataObject;
			const category = labelOf(meta, 'eventCategory');
			return `${labelOf(meta, 'label', 'eventName')}${category ? ` (${category})` : ''}`;
		},
		value: (e) => labelOf((e.standardClickEventsMeta ?? e) as IDataObject, 'eventName'),
	}),

	/** Inbound webhook accounts of the org (GET v2/events/webhooks), by GUID. */
	searchBehaviouralEventWebhooks: listSearch({
		path: '/v2/events/webhooks',
		name: (w) => `${labelOf(w, 'transformerType')} (till ${labelOf(w, 'tillCode')})`,
		value: (w) => labelOf(w, 'webHookId'),
	}),
};
