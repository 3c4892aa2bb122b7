/**
 * Coupon uploads from n8n binary data (multipart/form-data with the CSV under `file`).
 * The engine cases (cases/couponUpload.cases.ts) use the CSV Text source; these use real binary input.
 */

import { fileItem, useCapillary } from '../harness/fixtures';
import { runListSearch } from '../harness/list-search';
import { DEMO_SERIES, issueCoupon, seriesMap } from '../simulator/resources/coupon';

const TOM = '919111111111';
const series = (id: number) => ({ __rl: true, mode: 'list', value: String(id) });

describe('coupon upload with binary files', () => {
	const capillary = useCapillary();

	it('uploads a CSV file of codes tagged to customers', async () => {
		const { sim } = capillary;
		seriesMap(sim.state);
		const csv = `customer_identifier,coupon code\n${TOM},BIN00001\n919222222222,BIN00002\n`;
		const result = await capillary.run(
			{ resource: 'couponUpload', operation: 'uploadCoupons', couponSeriesId: series(DEMO_SERIES.marvel), customerIdentifier: 'MOBILE' },
			{ inputItems: [fileItem(csv, 'couponCode.csv')], auth: 'oauth' },
		);
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([expect.objectContaining({ uploadStatus: 'STARTED', uploadedFileName: 'couponCode.csv' })]);

		const [request] = sim.apiRequests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/coupon/api/v1/upload/file/${DEMO_SERIES.marvel}`);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const body = String(request.body);
		expect(body).toContain('Content-Disposition: form-data; name="file"; filename="couponCode.csv"\r\nContent-Type: text/csv\r\n\r\n' + csv);
		expect(body).toContain('name="customerIdentifier"\r\n\r\nMOBILE\r\n');

		const tom = sim.state.findCustomer('mobile', TOM)!;
		expect(sim.state.coupons.get('BIN00001')).toMatchObject({ customerId: tom.id, seriesId: DEMO_SERIES.marvel });
		expect(sim.state.coupons.get('BIN00002')).toBeDefined();

		const status = await capillary.run({ resource: 'couponUpload', operation: 'getUploadStatus', couponSeriesId: series(DEMO_SERIES.marvel), returnAll: true });
		expect(status.json).toEqual([expect.objectContaining({ uploadStatus: 'FINISHED', actualRowCount: 2, totalUploadedCount: 2, errorCount: 0 })]);
	});

	it('uploads redeemed coupons from a binary field with another name', async () => {
		const { sim } = capillary;
		const tom = sim.state.findCustomer('mobile', TOM)!;
		const coupon = issueCoupon(sim.state, seriesMap(sim.state).get(DEMO_SERIES.tenOff)!, tom.id, 'BINRED01');
		const csv = `redeemedDateInMillis,redeemedAt,mobile,couponId\n1603128622000,50015497,${TOM},${String((coupon as { id: number }).id)}\n`;
		const result = await capillary.run(
			{
				resource: 'couponUpload',
				operation: 'uploadRedeemed',
				couponSeriesId: series(DEMO_SERIES.tenOff),
				binaryPropertyName: 'report',
				customerIdentifier: 'MOBILE',
				couponIdentifier: 'COUPON_ID',
				redeemedDateColumn: 0,
				redeemedAtColumn: 1,
				customerColumn: 2,
				couponColumn: 3,
			},
			{ inputItems: [fileItem(csv, 'redeemed.csv', 'text/csv', 'report')] },
		);
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([expect.objectContaining({ uploadRedeemedCouponStatus: 'QUEUED' })]);
		const body = String(sim.apiRequests()[0].body);
		const headers = /name="uploadHeaders"\r\n\r\n([^\r]*)\r\n/.exec(body)?.[1];
		expect(JSON.parse(headers!)).toEqual({ redeemedDateInMillis: 0, redeemedAt: 1, mobile: 2, couponId: 3 });
		expect(sim.state.coupons.get('BINRED01')).toMatchObject({ redeemed: true });

		const status = await capillary.run({ resource: 'couponUpload', operation: 'getRedeemedUploadStatus', couponSeriesId: series(DEMO_SERIES.tenOff), returnAll: true });
		expect(status.json).toEqual([expect.objectContaining({ uploadRedeemedCouponStatus: 'COMPLETED', totalUploadedCount: 1, errorCount: 0 })]);
	});

	it('sends one upload per input item', async () => {
		const { sim } = capillary;
		seriesMap(sim.state);
		const result = await capillary.run(
			{ resource: 'couponUpload', operation: 'uploadCoupons', couponSeriesId: series(DEMO_SERIES.tenOff), customerIdentifier: 'NOT_TAGGED' },
			{ inputItems: [fileItem('code\nPOOL0001\n', 'a.csv'), fileItem('code\nPOOL0002\nPOOL0003\n', 'b.csv')] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sim.apiRequests()).toHaveLength(2);
		expect(['POOL0001', 'POOL0002', 'POOL0003'].map((c) => sim.state.coupons.get(c)?.customerId)).toEqual([0, 0, 0]);
	});

	it('names the missing binary field and sends nothing', async () => {
		const { sim } = capillary;
		seriesMap(sim.state);
		const result = await capillary.run(
			{ resource: 'couponUpload', operation: 'uploadCoupons', couponSeriesId: series(DEMO_SERIES.tenOff), binaryPropertyName: 'csv', customerIdentifier: 'MOBILE' },
			{ inputItems: [fileItem('x', 'x.csv', 'text/csv', 'data')] },
		);
		expect(result.error).toBeDefined();
		expect(result.error!.message).toContain('No binary data in the input field "csv"');
		expect(result.error!.description).toContain('"data"');
		expect(sim.apiRequests()).toHaveLength(0);
	});
});

/**
 * The Coupon Series dropdown of these operations (and of Coupon, Card Series of Card): the built
 * listSearch methods against the simulator, with a minimal load-options context (Basic auth).
 */
describe('series dropdowns', () => {
	const capillary = useCapillary();

	const search = (method: string, filter?: string) => runListSearch(capillary.sim, method, filter);

	it('lists coupon series from v1.1 coupon/series (all series of the org)', async () => {
		const { results } = await search('searchCouponSeries');
		expect(results).toEqual([
			{ name: `10 units (${DEMO_SERIES.tenOff})`, value: String(DEMO_SERIES.tenOff), url: undefined },
			{ name: `Test Marvel (${DEMO_SERIES.marvel})`, value: String(DEMO_SERIES.marvel), url: undefined },
		]);
		const request = capillary.sim.apiRequests()[0];
		expect(request.path).toBe('/v1.1/coupon/series');
		expect(request.query).toEqual({ format: 'json' });
		expect((await search('searchCouponSeries', 'marvel')).results.map((r) => r.value)).toEqual([String(DEMO_SERIES.marvel)]);
	});

	it('lists card series', async () => {
		const { results } = await search('searchCardSeries');
		expect(results.map((r) => r.name)).toEqual(['Gold Card (10)', 'Fuel Card (15)']);
		expect(capillary.sim.apiRequests()[0].path).toBe('/v2/card/series/get/all');
	});
});
