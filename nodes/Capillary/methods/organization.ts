import { labelOf, listSearch } from '../shared/lookups';

/** Org-wide lists used by many resources. */
export const organizationSearch = {
	searchPrograms: listSearch({
		path: '/v2/organization/programs',
		name: (p) => `${labelOf(p, 'programName', 'name')} (${labelOf(p, 'programId', 'id')})`,
		value: (p) => labelOf(p, 'programId', 'id'),
	}),
};
