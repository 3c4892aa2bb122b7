import { labelOf, listSearch } from '../shared/lookups';

/** List searches (dropdowns filled from Capillary) for the badge resources. */
export const badgeSearch = {
	/** Badge definitions of the org: "Name (STATUS)" → badge meta ID. */
	searchBadges: listSearch({
		path: '/api_gateway/v1/badges/badgeMeta',
		items: 'data.metaBasicDetails',
		name: (badge) => {
			const name = labelOf(badge, 'name', 'id');
			const status = labelOf(badge, 'status');
			return status ? `${name} (${status})` : name;
		},
		value: (badge) => labelOf(badge, 'id'),
	}),
};
