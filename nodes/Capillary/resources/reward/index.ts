import { defineResource } from '../../shared/operation';
import { catalogOperations } from './catalog';
import { customerRewardOperations } from './customer';
import { promotionOperations } from './promotion';

/**
 * The rewards catalog (api_gateway/rewards/core/v1) as two resources: Reward (the catalog, its custom
 * fields and the rewards of a customer) and Reward Promotion (discounts on the points price of
 * rewards). Reward promotions are not the cart and loyalty promotions of the Promotion resource:
 * another API, and they discount rewards, not bills.
 */

export const rewardCatalog = defineResource({
	value: 'reward',
	name: 'Reward',
	description: 'Reward catalog, its custom fields and the rewards of a customer',
	default: 'getBrandRewards',
	operations: [...catalogOperations, ...customerRewardOperations],
});

export const rewardPromotion = defineResource({
	value: 'rewardPromotion',
	name: 'Reward Promotion',
	description: 'Time-bound discounts on the points price of catalog rewards (not cart or loyalty promotions)',
	default: 'getMany',
	operations: promotionOperations,
});
