import { defineResource } from '../../shared/operation';
import { cardNumberOperations, issueRedeemOperations } from './issueRedeem';
import { allSeriesOperation, seriesOperations } from './series';

/** Coupons: series (series.ts), issue and redemption (issueRedeem.ts); shared fields in fields.ts. */
export const coupon = defineResource({
	value: 'coupon',
	name: 'Coupon',
	description: 'Coupon series, issue, redeem and reactivate',
	default: 'issue',
	operations: [...seriesOperations, ...issueRedeemOperations, ...cardNumberOperations, allSeriesOperation],
});
