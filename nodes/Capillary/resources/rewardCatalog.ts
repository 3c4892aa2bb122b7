import { defineResource } from '../shared/operation';

export const rewardCatalog = defineResource({
	value: 'reward',
	name: 'Reward',
	description: 'Reward catalog, promotions and user rewards (API gateway)',
	operations: [],
});
