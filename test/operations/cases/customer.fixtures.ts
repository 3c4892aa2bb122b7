/** Simulator state and parameters shared by the case files of the Capillary Customers node's resources. */
import { nowIso, nowV11 } from '../../simulator/http';
import type { Simulator } from '../../simulator/server';
import type { CouponRecord, CouponSeriesRecord, RequestRecord } from '../../simulator/state';

export const TOM = '919111111111';
export const RITA = '919222222222';

/** A 1×1 transparent PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
export const PNG = Buffer.from(PNG_BASE64, 'base64');

/** A loyalty program picked by ID in a resource locator. */
export const program = (id: string) => ({ __rl: true, mode: 'id', value: id });

export function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

export function rita(sim: Simulator) {
	return sim.state.findCustomer('mobile', RITA)!;
}

/** Tom, found by mobile in the INSTORE source (the v2 "by Identifier" operations). */
export const byTomLookup = { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' };
export const tomQuery = { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' };

/** Tom, named by mobile the v1.1 way. */
export const byTomV11 = { v11IdentifierType: 'mobile', v11IdentifierValue: TOM };

export const identifiers = (...list: Array<[string, string]>) => ({ identifier: list.map(([type, value]) => ({ type, value })) });

export function addGroup(sim: Simulator) {
	sim.state.userGroups.set(77, { id: 77, name: 'Sawyer family', externalId: 'FAM-77', primaryUserId: 1001, members: [1001, 1002], points: 0, status: 'ACTIVE', createdOn: '2026-01-01T10:00:00+05:30' });
}

export function addRequest(sim: Simulator, record: Partial<RequestRecord> & { id: number; type: string; baseType: string }) {
	sim.state.requests.set(record.id, { status: 'PENDING', customerId: 1001, createdOn: '2026-01-02T10:00:00+05:30', updatedOn: '2026-01-02T10:00:00+05:30', ...record } as RequestRecord);
}

export function addCoupons(sim: Simulator) {
	const series: CouponSeriesRecord = {
		id: 501,
		description: '10% off',
		discountType: 'PERC',
		discountValue: 10,
		validTillDate: '2099-12-31T23:59:59+05:30',
		maxCreate: -1,
		maxRedeem: -1,
		numIssued: 2,
		numRedeemed: 1,
		createdOn: '2026-01-01T10:00:00+05:30',
	};
	sim.state.couponSeries.set(series.id, series);
	const coupon = (id: number, code: string, redeemed: boolean): CouponRecord => ({
		id,
		code,
		seriesId: 501,
		customerId: 1001,
		issuedOn: '2026-01-05T10:00:00+05:30',
		validTill: '2099-12-31T23:59:59+05:30',
		redeemed,
		redeemedOn: redeemed ? '2026-01-06T10:00:00+05:30' : null,
		transactionNumber: redeemed ? 'BILL-1001' : null,
	});
	sim.state.coupons.set('SAVE10', coupon(601, 'SAVE10', false));
	sim.state.coupons.set('USED10', coupon(602, 'USED10', true));
}

export function addRetroRequest(sim: Simulator, id: number, status: string, daysAgo: number) {
	const when = nowIso(new Date(Date.now() - daysAgo * 86_400_000));
	sim.state.requests.set(id, { id, type: 'TRANSACTION', baseType: 'RETRO', status, customerId: tom(sim).id, createdOn: when, updatedOn: when, transactionId: 5000 + id, reason: 'missed bill' });
}

export function seedCoupons(sim: Simulator) {
	sim.state.couponSeries.set(41, { id: 41, description: '10% off shoes', discountType: 'PERC', discountValue: 10, validTillDate: '2099-12-31', maxCreate: 100, maxRedeem: 1, numIssued: 2, numRedeemed: 1, createdOn: nowIso() });
	sim.state.coupons.set('SHOE10A', { id: 88001, code: 'SHOE10A', seriesId: 41, customerId: tom(sim).id, issuedOn: '2025-01-05 10:00:00', validTill: '2099-12-31', redeemed: true, redeemedOn: '2025-02-01 12:00:00', transactionNumber: 'BILL-1001' });
	sim.state.coupons.set('SHOE10B', { id: 88002, code: 'SHOE10B', seriesId: 41, customerId: tom(sim).id, issuedOn: '2025-01-06 10:00:00', validTill: '2099-12-31', redeemed: false, redeemedOn: null, transactionNumber: null });
	sim.state.coupons.set('RITA10', { id: 88003, code: 'RITA10', seriesId: 41, customerId: rita(sim).id, issuedOn: '2025-01-06 10:00:00', validTill: '2099-12-31', redeemed: false, redeemedOn: null, transactionNumber: null });
}

export function addBill(sim: Simulator, customerId: number, number: string, amount: number, daysAgo: number, items: string[] = []) {
	return sim.state.addTransaction({
		number,
		type: 'REGULAR',
		customerId,
		amount,
		billingTime: nowV11(new Date(Date.now() - daysAgo * 86_400_000)),
		lineItems: items.map((itemCode) => ({ itemCode, amount, rate: amount, qty: 1 })),
		paymentModes: [],
		extendedFields: {},
		customFields: {},
		notes: '',
		storeCode: 'store.server',
		source: 'v1.1',
	});
}
