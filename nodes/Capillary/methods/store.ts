import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ListSearchSpec } from '../shared/lookups';
import { labelOf, listSearch } from '../shared/lookups';

/**
 * List searches (dropdowns filled from Capillary) for the store resources: tasks, and the
 * targets, periods and channels of target loyalty. Stores and tills come from the organization
 * searches (searchStores, searchStoreCodes, searchTills, searchTillCodes).
 */

/** The Target Group ID the user entered (plain text); undefined while it is empty or an unresolved expression. */
function currentGroupId(context: ILoadOptionsFunctions): string | undefined {
	const raw = context.getCurrentNodeParameter('groupId') as unknown;
	const value = String(raw ?? '').trim();
	if (!value || value.startsWith('=') || value.includes('{{')) return undefined;
	return value;
}

/** A list under one target group: `/v3/targetGroups/{groupId}/<suffix>`; empty until a group is entered. */
function groupList(suffix: string, spec: Omit<ListSearchSpec, 'path'>) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const groupId = currentGroupId(this);
		if (!groupId) return { results: [] };
		return await listSearch({ ...spec, path: `/v3/targetGroups/${encodeURIComponent(groupId)}/${suffix}` }).call(this, filter);
	};
}

const inactive = (entity: IDataObject) => (entity.active === false ? ' [inactive]' : '');

export const storeSearch = {
	/** Tasks of the org by ID (v1.1 task/metadata). */
	searchTasks: listSearch({
		path: '/v1.1/task/metadata',
		items: 'tasks.task',
		name: (t) => `${labelOf(t, 'title') || 'Untitled'} (#${labelOf(t, 'id')})`,
		value: (t) => labelOf(t, 'id'),
	}),

	/** Targets of the Target Group ID entered in the node. */
	searchTargets: groupList('targets', {
		name: (t) => `${labelOf(t, 'name') || `${labelOf(t, 'targetType')} ${labelOf(t, 'targetEntity')}`} (#${labelOf(t, 'id')})${inactive(t)}`,
		value: (t) => labelOf(t, 'id'),
	}),

	/** Periods of the Target Group ID entered in the node. */
	searchTargetPeriods: groupList('targetPeriods', {
		name: (p) => `${labelOf(p, 'refCode', 'description') || 'Period'}: ${labelOf(p, 'startDate')} – ${labelOf(p, 'endDate')} (#${labelOf(p, 'id')})${inactive(p)}`,
		value: (p) => labelOf(p, 'id'),
	}),

	/** Channels target communications can use. */
	searchTargetChannels: listSearch({
		path: '/v3/targetGroups/channels',
		name: (c) => `${labelOf(c, 'name')} (${labelOf(c, 'id')})`,
		value: (c) => labelOf(c, 'id'),
	}),
};
