import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import type { CouponRecord } from '../../simulator/state';
import { DEMO_SERIES, findCoupon, findSeries, issueCoupon, redeemBlocker, redeemCoupon, redemptions, seriesMap } from '../../simulator/resources/coupon';

const TOM = '919111111111';
const RITA = '919222222222';

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

/** A coupon of the demo "10 units" series issued to Tom (optionally with a fixed code). */
function issueToTom(sim: Simulator, code?: string, seriesId: number = DEMO_SERIES.tenOff): CouponRecord {
	const series = seriesMap(sim.state).get(seriesId)!;
	return issueCoupon(sim.state, series, tom(sim).id, code) as CouponRecord;
}

function redeemForTom(sim: Simulator, coupon: CouponRecord) {
	return redeemCoupon(sim.state, coupon, tom(sim), { transactionNumber: 'BILL-1', billAmount: 100 });
}

const series = (id: number | string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value: String(id) });

const tomAsCustomer = { customerIdentifierType: 'mobile', customerIdentifierValue: TOM };

export const cases: OperationCase[] = [
	// ----- series ------------------------------------------------------------------------------
	{
		resource: 'coupon',
		operation: 'createSeries',
		parameters: {
			description: 'DIWALI 10% OFF',
			discountCode: 'XYZ123',
			discountType: 'PERC',
			discountValue: 10,
			clientHandlingType: 'DISC_CODE',
			expiryStrategyType: 'DAYS',
			validTillDate: '2030-05-10T00:00:00+05:30',
			anyUser: false,
			smsTemplate: 'Hi {{first_name}}, your code is {{voucher}}',
			additionalFields: { maxCreate: 2, maxRedeem: 1, expiryStrategyValue: 30, customPropertyMap: { field: [{ name: 'standard_terms_and_conditions', value: 'T&C apply' }] } },
		},
		request: {
			method: 'POST',
			path: '/v2/coupon/series',
			body: {
				CouponSeriesV2: {
					description: 'DIWALI 10% OFF',
					discountCode: 'XYZ123',
					discountType: 'PERC',
					discountValue: 10,
					clientHandlingType: 'DISC_CODE',
					expiryStrategyType: 'DAYS',
					expiryStrategyValue: 30,
					validTillDate: '2030-05-10T00:00:00+05:30',
					anyUser: false,
					smsTemplate: 'Hi {{first_name}}, your code is {{voucher}}',
					maxCreate: 2,
					maxRedeem: 1,
					customPropertyMap: { standard_terms_and_conditions: 'T&C apply' },
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: expect.any(Number), description: 'DIWALI 10% OFF', numIssued: 0 })]);
			const created = findSeries(sim.state, items[0].id)!;
			expect(created).toMatchObject({ maxCreate: 2, maxRedeem: 1, discountType: 'PERC' });
		},
	},
	{
		resource: 'coupon',
		operation: 'createSeries',
		title: 'raw JSON without the CouponSeriesV2 wrapper',
		auth: 'oauth',
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify({ description: 'Weekend 50', discountCode: 'WKND', discountType: 'ABS', discountValue: 50, clientHandlingType: 'GENERIC', genericCode: 'WKND50', expiryStrategyType: 'SERIES_EXPIRY', validTillDate: '2031-01-01T00:00:00+05:30', anyUser: true, smsTemplate: 'x' }),
		},
		request: { method: 'POST', path: '/v2/coupon/series', body: { CouponSeriesV2: { description: 'Weekend 50', genericCode: 'WKND50', anyUser: true } } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ description: 'Weekend 50', clientHandlingType: 'GENERIC' });
			expect([...sim.state.couponSeries.values()].some((s) => s.description === 'Weekend 50')).toBe(true);
		},
	},
	{
		resource: 'coupon',
		operation: 'updateSeries',
		setup: (sim) => void seriesMap(sim.state),
		parameters: {
			seriesId: series(DEMO_SERIES.tenOff, 'id'),
			discountCode: 'NO_VALUE',
			discountType: 'ABS',
			discountValue: 25,
			clientHandlingType: 'DISC_CODE',
			expiryStrategyType: 'SERIES_EXPIRY',
			seriesCode: '6LQG2MOU',
			anyUser: false,
			smsTemplate: 'Your code {{voucher}}',
			additionalFields: { description: '25 units', maxRedeem: 500 },
		},
		request: {
			method: 'PUT',
			path: `/v2/coupon/series/${DEMO_SERIES.tenOff}`,
			body: { CouponSeriesV2: { discountValue: 25, seriesCode: '6LQG2MOU', description: '25 units', maxRedeem: 500 } },
		},
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ id: DEMO_SERIES.tenOff, discountValue: 25, description: '25 units' });
			expect(findSeries(sim.state, DEMO_SERIES.tenOff)).toMatchObject({ discountValue: 25, maxRedeem: 500 });
		},
	},
	{
		resource: 'coupon',
		operation: 'getSeries',
		setup: (sim) => void issueToTom(sim),
		parameters: { seriesId: series(DEMO_SERIES.tenOff) },
		request: { method: 'GET', path: '/v2/coupon/series', query: { ids: String(DEMO_SERIES.tenOff) } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ id: DEMO_SERIES.tenOff, description: '10 units', numIssued: 1 })]);
			// Simplify (on by default) leaves the long configuration out
			expect(items[0].smsTemplate).toBeUndefined();
		},
	},
	{
		resource: 'coupon',
		operation: 'getManySeries',
		setup: (sim) => {
			seriesMap(sim.state);
			const restricted = findSeries(sim.state, DEMO_SERIES.marvel)!;
			restricted.redemptionOrgEntityDetails = [{ redemptionOrgEntityType: 'TILL', orgEntityId: 1 }];
		},
		parameters: { orgEntityType: 'STORE', orgEntityIds: '50014511, 50014512', returnAll: true, simplify: false },
		request: { method: 'GET', path: '/v2/coupon/series', query: { orgEntityType: 'STORE', orgEntityIds: '50014511,50014512' } },
		output: (items) => {
			expect(items.map((s) => s.id)).toEqual([DEMO_SERIES.tenOff]);
			expect(items[0].smsTemplate).toBeDefined();
		},
	},
	// ----- issue -------------------------------------------------------------------------------
	{
		resource: 'coupon',
		operation: 'issue',
		parameters: { seriesId: series(DEMO_SERIES.tenOff), ...tomAsCustomer },
		request: { method: 'POST', path: '/v2/coupon/issue', body: { seriesId: DEMO_SERIES.tenOff, customer: { mobile: TOM } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ code: expect.stringMatching(/^[A-Z0-9]{8}$/), seriesId: DEMO_SERIES.tenOff, customer: expect.objectContaining({ id: tom(sim).id }) })]);
			expect(sim.state.coupons.get(items[0].code as string)).toMatchObject({ customerId: tom(sim).id, redeemed: false });
			expect(findSeries(sim.state, DEMO_SERIES.tenOff)!.numIssued).toBe(1);
		},
	},
	{
		resource: 'coupon',
		operation: 'issue',
		title: 'by customer ID (sent as a number)',
		auth: 'oauth',
		parameters: { seriesId: series(DEMO_SERIES.marvel, 'id'), customerIdentifierType: 'id', customerIdentifierValue: '1002' },
		request: { method: 'POST', path: '/v2/coupon/issue', body: { seriesId: DEMO_SERIES.marvel, customer: { id: 1002 } } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ seriesId: DEMO_SERIES.marvel, discountType: 'PERC' });
			expect(sim.state.coupons.get(items[0].code as string)!.customerId).toBe(1002);
		},
	},
	{
		resource: 'coupon',
		operation: 'bulkIssue',
		title: 'partial failure: one unknown series',
		auth: 'oauth',
		parameters: { source: 'INSTORE', seriesIds: `${DEMO_SERIES.tenOff}, 99999`, ...tomAsCustomer },
		request: { method: 'POST', path: '/v2/coupon/bulk/issue', query: { source: 'INSTORE' }, body: { seriesIds: [DEMO_SERIES.tenOff, 99999], customer: { mobile: TOM } } },
		output: (items, sim) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ entityId: DEMO_SERIES.tenOff, success: true, result: expect.objectContaining({ code: expect.any(String) }) });
			expect(items[1]).toMatchObject({ entityId: 99999, success: false, errorCode: '707', errorMessage: expect.stringContaining('invalid') });
			expect([...sim.state.coupons.values()].filter((c) => c.customerId === tom(sim).id)).toHaveLength(1);
		},
	},
	{
		resource: 'coupon',
		operation: 'bulkIssue',
		title: 'series list from the input item',
		setup: () => [{ offers: [DEMO_SERIES.tenOff, DEMO_SERIES.marvel] }],
		parameters: { source: 'INSTORE', seriesIds: '={{ $json.offers }}', customerIdentifierType: 'email', customerIdentifierValue: 'rita.james@example.com' },
		request: { method: 'POST', path: '/v2/coupon/bulk/issue', body: { seriesIds: [DEMO_SERIES.tenOff, DEMO_SERIES.marvel], customer: { email: 'rita.james@example.com' } } },
		output: (items, sim) => {
			expect(items.map((i) => i.success)).toEqual([true, true]);
			const rita = sim.state.findCustomer('mobile', RITA)!;
			expect([...sim.state.coupons.values()].filter((c) => c.customerId === rita.id).map((c) => c.seriesId).sort()).toEqual([DEMO_SERIES.tenOff, DEMO_SERIES.marvel]);
		},
	},
	{
		resource: 'coupon',
		operation: 'bulkIssue',
		title: 'raw JSON body',
		parameters: { source: 'INSTORE', bodyInput: 'json', bodyJson: JSON.stringify({ seriesIds: [DEMO_SERIES.marvel], customer: { externalId: 'TS-001' } }) },
		request: { method: 'POST', path: '/v2/coupon/bulk/issue', body: { seriesIds: [DEMO_SERIES.marvel], customer: { externalId: 'TS-001' } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ entityId: DEMO_SERIES.marvel, success: true })]);
			expect(findSeries(sim.state, DEMO_SERIES.marvel)!.numIssued).toBe(1);
		},
	},
	// ----- redeem ------------------------------------------------------------------------------
	{
		resource: 'coupon',
		operation: 'redeem',
		setup: (sim) => [{ code: issueToTom(sim).code }],
		parameters: { couponCode: '={{ $json.code }}', ...tomAsCustomer, billAmount: 2000, additionalFields: { transactionNumber: 'BILL-9', redemptionTime: '2026-01-05 10:00:00' } },
		request: {
			method: 'POST',
			path: '/v2/coupon/redeem',
			body: { redemptionRequestList: [{ code: expect.any(String) }], user: { mobile: TOM }, billAmount: 2000, transactionNumber: 'BILL-9', redemptionTime: '2026-01-05 10:00:00' },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: expect.any(Number), couponValue: 10, redemptionStatus: expect.objectContaining({ code: 700 }) })]);
			const coupon = findCoupon(sim.state, 'code', items[0].code as string)!;
			expect(coupon).toMatchObject({ redeemed: true, transactionNumber: 'BILL-9' });
			expect(redeemBlocker(sim.state, coupon, tom(sim))).toMatchObject({ code: 716 });
			expect(findSeries(sim.state, DEMO_SERIES.tenOff)!.numRedeemed).toBe(1);
		},
	},
	{
		resource: 'coupon',
		operation: 'bulkRedeem',
		title: 'partial failure: one coupon already redeemed',
		setup: (sim) => {
			const fresh = issueToTom(sim, 'FRESH001');
			const used = issueToTom(sim, 'USED0001');
			redeemForTom(sim, used);
			return [{ codes: [fresh.code, used.code] }];
		},
		parameters: { source: 'INSTORE', couponCodes: '={{ $json.codes }}', ...tomAsCustomer, billAmount: 500, additionalFields: { transactionNumber: 'BILL-77' } },
		request: {
			method: 'POST',
			path: '/v2/coupon/bulk/redeem',
			query: { source: 'INSTORE' },
			body: { redemptionRequestList: [{ code: 'FRESH001' }, { code: 'USED0001' }], user: { mobile: TOM }, billAmount: 500, transactionNumber: 'BILL-77' },
		},
		output: (items, sim) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ success: true, result: expect.objectContaining({ code: 'FRESH001' }) });
			expect(items[1]).toMatchObject({ success: false, errorCode: '716', result: expect.objectContaining({ code: 'USED0001' }) });
			expect(sim.state.coupons.get('FRESH001')).toMatchObject({ redeemed: true, transactionNumber: 'BILL-77' });
		},
	},
	{
		resource: 'coupon',
		operation: 'checkRedeemable',
		title: 'one redeemable, one already redeemed',
		setup: (sim) => {
			issueToTom(sim, 'OPEN0001');
			redeemForTom(sim, issueToTom(sim, 'USED0002'));
		},
		parameters: { ...tomAsCustomer, code: 'OPEN0001, USED0002', options: { details: 'true' } },
		request: { method: 'GET', path: '/v2/coupon/is_redeemable', query: { mobile: TOM, code: 'OPEN0001,USED0002', details: 'true' } },
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ code: 'OPEN0001', isRedeemable: true, success: true, seriesInfo: expect.objectContaining({ id: DEMO_SERIES.tenOff }) });
			expect(items[1]).toMatchObject({ code: 'USED0002', isRedeemable: false, success: false, errorCode: '716' });
		},
	},
	{
		resource: 'coupon',
		operation: 'reactivate',
		auth: 'oauth',
		setup: (sim) => {
			const redemption = redeemForTom(sim, issueToTom(sim, 'BACK0001'));
			return [{ redemptionId: redemption.id }];
		},
		parameters: { redemptionIds: '={{ $json.redemptionId }}' },
		request: { method: 'POST', path: '/v2/coupon/reactivate', body: { redemptionIds: [expect.any(Number)] } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true })]);
			const coupon = sim.state.coupons.get('BACK0001')!;
			expect(coupon.redeemed).toBe(false);
			expect(redeemBlocker(sim.state, coupon, tom(sim))).toBeUndefined();
			expect(findSeries(sim.state, DEMO_SERIES.tenOff)!.numRedeemed).toBe(0);
			expect([...redemptions(sim.state).values()][0].active).toBe(false);
		},
	},
	{
		resource: 'coupon',
		operation: 'getDetails',
		setup: (sim) => {
			issueToTom(sim, 'TOMCPN01');
			issueToTom(sim, 'TOMCPN02', DEMO_SERIES.marvel);
			return [{ customerId: tom(sim).id }];
		},
		parameters: { findBy: 'issuedToIds', findValues: '={{ $json.customerId }}', returnAll: true },
		request: { method: 'GET', path: '/v2/coupon', query: { issuedToIds: '1001' } },
		output: (items) => {
			expect(items.map((c) => c.code)).toEqual(['TOMCPN01', 'TOMCPN02']);
			expect(items[1]).toMatchObject({ seriesId: DEMO_SERIES.marvel, discountType: 'PERC', discountValue: 15 });
		},
	},
	// ----- v1.1 --------------------------------------------------------------------------------
	{
		resource: 'coupon',
		operation: 'issueByCardNumber',
		parameters: { seriesId: series(DEMO_SERIES.marvel), v11IdentifierType: 'mobile', v11IdentifierValue: TOM },
		request: { method: 'POST', path: '/v1.1/coupon/issue', query: { format: 'json' }, body: { root: { coupon: [{ series_id: String(DEMO_SERIES.marvel), customer: { mobile: TOM } }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ code: expect.any(String), series_info: expect.objectContaining({ id: String(DEMO_SERIES.marvel) }), item_status: expect.objectContaining({ success: 'true', code: '700' }) })]);
			expect(sim.state.coupons.get(items[0].code as string)!.customerId).toBe(tom(sim).id);
		},
	},
	{
		resource: 'coupon',
		operation: 'resend',
		setup: (sim) => void issueToTom(sim, 'RESEND01'),
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: TOM, couponReference: 'code', couponValue: 'RESEND01' },
		request: { method: 'GET', path: '/v1.1/coupon/resend', query: { mobile: TOM, code: 'RESEND01', format: 'json' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ code: 'RESEND01', item_status: expect.objectContaining({ message: 'Coupon Resent' }) })]);
			expect(sim.state.coupons.get('RESEND01')!.resendCount).toBe(1);
		},
	},
	{
		resource: 'coupon',
		operation: 'redeemWithValidationCode',
		auth: 'oauth',
		setup: (sim) => void issueToTom(sim, 'V11RDM01'),
		parameters: {
			couponReference: 'code',
			couponValue: 'V11RDM01',
			v11IdentifierType: 'mobile',
			v11IdentifierValue: TOM,
			additionalFields: { transactionNumber: 'bill-110', transactionAmount: 1000, customFields: { field: [{ name: 'Sport', value: 'Soccer' }] } },
		},
		request: {
			method: 'POST',
			path: '/v1.1/coupon/redeem',
			query: { format: 'json' },
			body: { root: { coupon: [{ code: 'V11RDM01', customer: { mobile: TOM }, transaction: [{ number: 'bill-110', amount: 1000 }], custom_fields: { field: [{ name: 'Sport', value: 'Soccer' }] } }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ code: 'V11RDM01', redemptionId: expect.any(String), transaction: { amount: '1000.00', number: 'bill-110' } })]);
			expect(sim.state.coupons.get('V11RDM01')).toMatchObject({ redeemed: true, transactionNumber: 'bill-110' });
		},
	},
	{
		resource: 'coupon',
		operation: 'getWithRedemption',
		setup: (sim) => {
			issueToTom(sim, 'GETV1101');
			redeemForTom(sim, issueToTom(sim, 'GETV1102'));
		},
		parameters: { couponReference: 'code', couponValue: 'GETV1101, GETV1102' },
		request: { method: 'GET', path: '/v1.1/coupon/get', query: { code: 'GETV1101,GETV1102', format: 'json' } },
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ code: 'GETV1101', redemption_info: { redeemed: 'false' }, customer: expect.objectContaining({ mobile: TOM }) });
			expect(items[1]).toMatchObject({ code: 'GETV1102', redemption_info: expect.objectContaining({ redeemed: 'true' }), transaction: { number: 'BILL-1' } });
		},
	},
	{
		resource: 'coupon',
		operation: 'checkRedeemableByCardNumber',
		setup: (sim) => void issueToTom(sim, 'CHKV1101'),
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: TOM, code: 'CHKV1101', options: { details: 'true' } },
		request: { method: 'GET', path: '/v1.1/coupon/isredeemable', query: { mobile: TOM, code: 'CHKV1101', details: 'true', format: 'json' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ code: 'CHKV1101', is_redeemable: 'true', series_info: expect.objectContaining({ description: '10 units' }) })]),
	},
	{
		resource: 'coupon',
		operation: 'getAllSeries',
		title: 'all active series',
		parameters: { seriesId: series(''), options: { expired: 'false' }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/coupon/series', query: { expired: 'false', format: 'json' } },
		output: (items, _sim, requests) => {
			expect(items.map((s) => s.id)).toEqual([String(DEMO_SERIES.tenOff), String(DEMO_SERIES.marvel)]);
			expect(requests[0].query.id).toBeUndefined();
		},
	},
	{
		resource: 'coupon',
		operation: 'getAllSeries',
		title: 'one series by ID',
		setup: (sim) => void issueToTom(sim),
		parameters: { seriesId: series(DEMO_SERIES.tenOff, 'id'), returnAll: false, limit: 5 },
		request: { method: 'GET', path: '/v1.1/coupon/series', query: { id: String(DEMO_SERIES.tenOff), format: 'json' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: String(DEMO_SERIES.tenOff), coupons: { issued: '1', redeemed: '0' } })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'coupon',
		operation: 'redeem',
		title: 'redeeming a coupon twice (v2 errors[] 716)',
		setup: (sim) => void redeemForTom(sim, issueToTom(sim, 'TWICE001')),
		parameters: { couponCode: 'TWICE001', ...tomAsCustomer, billAmount: 100 },
		message: /716.*same coupon multiple times/,
	},
	{
		resource: 'coupon',
		operation: 'issue',
		title: 'series reached maxCreate (v2 errors[] 722)',
		setup: (sim) => {
			const s = seriesMap(sim.state).get(DEMO_SERIES.tenOff)!;
			s.maxCreate = 1;
			issueToTom(sim);
		},
		parameters: { seriesId: series(DEMO_SERIES.tenOff), ...tomAsCustomer },
		message: /722.*maximum of 1 coupons/,
	},
	{
		resource: 'coupon',
		operation: 'redeem',
		title: 'series reached maxRedeem (v2 errors[] 714)',
		setup: (sim) => {
			seriesMap(sim.state).get(DEMO_SERIES.tenOff)!.maxRedeem = 1;
			redeemForTom(sim, issueToTom(sim, 'LIMIT001'));
			issueToTom(sim, 'LIMIT002');
		},
		parameters: { couponCode: 'LIMIT002', ...tomAsCustomer, billAmount: 100 },
		message: /714/,
	},
	{
		resource: 'coupon',
		operation: 'checkRedeemable',
		title: 'the only code is redeemed (every entity failed)',
		setup: (sim) => void redeemForTom(sim, issueToTom(sim, 'DONE0001')),
		parameters: { ...tomAsCustomer, code: 'DONE0001' },
		message: /716/,
	},
	{
		resource: 'coupon',
		operation: 'checkRedeemableByCardNumber',
		title: 'coupon issued to another customer (v1.1 item_status 703 inside HTTP 200)',
		setup: (sim) => void issueToTom(sim, 'TOMONLY1'),
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: RITA, code: 'TOMONLY1' },
		message: /703.*not issued to this customer/,
	},
	{
		resource: 'coupon',
		operation: 'bulkIssue',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { source: 'INSTORE', seriesIds: String(DEMO_SERIES.tenOff), customerIdentifierType: 'mobile', customerIdentifierValue: '910000000000' },
		message: /8015/,
		description: /identifier type and value/,
	},
];

export default { cases, errors } satisfies CaseFile;
