/**
 * GET v2/earning/{transactionId} (docs: _transaction.md "Get Transaction Earning"): a transaction of
 * `state.transactions` in the docs' shape, with the points it earned under
 * `billDetails.pointsEarningEntities.billPoints[]` (one entry, the default program).
 */
import type { JsonObject, Router } from '../http';
import { ok, v2Error } from '../http';
import type { Simulator } from '../server';

/** The simulator's default loyalty program (organization.ts seeds programs 1 and 2). */
const PROGRAM_ID = 1;

export function register(router: Router, sim: Simulator): void {
	router.get('/v2/earning/:transactionId', (req) => {
		const id = req.params.transactionId.trim();
		const t = /^\d+$/.test(id) ? sim.state.transactions.get(Number(id)) : undefined;
		if (!t) return v2Error(400, 620, 'Transaction id is invalid.');
		const store = { code: t.storeCode, description: '', name: t.storeCode, type: 'STORE', adminType: 'GENERAL', isActive: true };
		const points = t.customerId
			? [
					{
						programId: PROGRAM_ID,
						currentPointsSummary: { availablePoints: t.pointsAwarded, expiredPoints: 0, redeemedPoints: 0, promisedPoints: 0, returnedPromisedPoints: 0, returnedPoints: 0, promisedPointsConverted: 0 },
						issuedPointsSummary: { redeemablePointsIssued: t.pointsAwarded, promisedPointsIssued: 0 },
						currentPointsBreakup: { regularPointsInfo: null, promotionalPointsInfo: null },
					},
				]
			: [];
		const body: JsonObject = {
			useDefaultFleetGroup: false,
			attribution: { createDate: t.addedOn, createdBy: { ...store, type: 'TILL' }, modifiedBy: {}, modifiedDate: t.addedOn },
			billDetails: {
				amount: t.amount,
				billingStore: store,
				billNumber: t.number,
				billingTime: t.billingTime,
				discount: t.discount ?? 0,
				grossAmount: t.grossAmount ?? 0,
				note: t.notes,
				returnDetails: { canceled: false },
				niReturnDetails: {},
				invalidBill: false,
				pointsEarningEntities: { entityId: t.customerId ?? -1, entityType: 'customer', billPoints: points },
			},
			customFields: t.customFields,
			addWithLocalCurrency: false,
			async: false,
			useV2: false,
			customerId: t.customerId ?? -1,
			id: t.id,
			lineItems: t.lineItems.map((details, i) => ({ id: t.id * 100 + i, customerId: t.customerId ?? -1, details })),
			autoUpdateTime: t.addedOn,
			niReturnDetails: {},
			basketSize: t.lineItems.reduce((sum, li) => sum + Number(li.qty ?? 0), 0),
			returnDetails: { canceled: false },
			warnings: [],
		};
		return ok(body);
	});
}
