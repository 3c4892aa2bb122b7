import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { badge, card, coupon, couponUpload, promotion, rewardCatalog, rewardPromotion } from '../Capillary/resources';
import { actionNodeMethods, actionNodeParts } from '../Capillary/shared/actionNode';
import { buildCustomOperations } from '../Capillary/shared/runner';

export class CapillaryCoupons implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Coupons & Rewards',
		name: 'capillaryCoupons',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Issue and redeem coupons, upload coupon codes, manage the reward catalog, promotions, badges and loyalty cards in Capillary',
		defaults: { name: 'Capillary Coupons & Rewards' },
		usableAsTool: true,
		...actionNodeParts([coupon, couponUpload, rewardCatalog, rewardPromotion, promotion, badge, card]),
	};

	methods = actionNodeMethods;

	/** Every operation runs through the generic runner, which n8n picks before its RoutingNode. */
	customOperations = buildCustomOperations(this.description).customOperations;
}
