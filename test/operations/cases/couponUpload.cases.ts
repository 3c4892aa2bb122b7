import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { DEMO_SERIES, findSeries, issueCoupon, seriesMap } from '../../simulator/resources/coupon';

const TOM = '919111111111';
const RITA = '919222222222';
const series = (id: number | string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value: String(id) });

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

/** Multipart text part as the node sends it. */
const part = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

function addJob(sim: Simulator, kind: 'issue' | 'redeem', jobId: number, seriesId: number) {
	sim.state.collection('couponUploadJobs').set(String(jobId), {
		jobId,
		kind,
		couponSeriesId: seriesId,
		[kind === 'redeem' ? 'uploadRedeemedCouponStatus' : 'uploadStatus']: kind === 'redeem' ? 'COMPLETED' : 'FINISHED',
		createdOn: '1603101625000',
		updatedOn: '1603101632000',
		totalUploadedCount: 3,
		actualRowCount: 3,
		errorCount: 0,
		uploadedFileName: 'couponCode.csv',
	});
}

export const cases: OperationCase[] = [
	{
		resource: 'couponUpload',
		operation: 'uploadCoupons',
		title: 'CSV text, codes tagged to mobiles (one unknown customer)',
		auth: 'oauth',
		setup: (sim) => void seriesMap(sim.state),
		parameters: {
			couponSeriesId: series(DEMO_SERIES.tenOff),
			fileSource: 'text',
			csvContent: `mobile,coupon code\n${TOM},UPLD0001\n${RITA},UPLD0002\n910000000000,UPLD0003\n`,
			csvFileName: 'couponCode.csv',
			customerIdentifier: 'MOBILE',
			additionalFields: { customerIdentifierColumn: 0 },
		},
		request: { method: 'POST', path: `/coupon/api/v1/upload/file/${DEMO_SERIES.tenOff}` },
		output: (items, sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ jobId: expect.any(Number), uploadStatus: 'STARTED', uploadedFileName: 'couponCode.csv' })]);
			const body = String(requests[0].body);
			expect(requests[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(body).toContain(part('customerIdentifier', 'MOBILE'));
			expect(body).toContain(part('customerIdentifierColumn', '0'));
			expect(body).toContain('name="file"; filename="couponCode.csv"');
			expect(sim.state.coupons.get('UPLD0001')).toMatchObject({ customerId: tom(sim).id, seriesId: DEMO_SERIES.tenOff });
			expect(sim.state.coupons.has('UPLD0003')).toBe(false);
			const job = sim.state.collection('couponUploadJobs').get(String(items[0].jobId))!;
			expect(job).toMatchObject({ uploadStatus: 'FINISHED', actualRowCount: 3, errorCount: 1 });
		},
	},
	{
		resource: 'couponUpload',
		operation: 'uploadRedeemed',
		title: 'CSV text, redemptions by customer ID and coupon code',
		setup: (sim) => {
			issueCoupon(sim.state, seriesMap(sim.state).get(DEMO_SERIES.tenOff)!, tom(sim).id, 'EXTRD001');
			return [{ csv: `redeemed date in millis,redeemed at,user id,coupon code,bill id,bill number\n1603128622000,50015497,${tom(sim).id},EXTRD001,1603128596,BILL-55\n` }];
		},
		parameters: {
			couponSeriesId: series(DEMO_SERIES.tenOff, 'id'),
			fileSource: 'text',
			csvContent: '={{ $json.csv }}',
			customerIdentifier: 'USER_ID',
			couponIdentifier: 'COUPON_CODE',
			redeemedDateColumn: 0,
			redeemedAtColumn: 1,
			customerColumn: 2,
			couponColumn: 3,
			additionalFields: { billIdColumn: 4, billNumberColumn: 5, details: 'POS import' },
		},
		request: { method: 'POST', path: `/coupon/api/v1/upload/redeemFile/${DEMO_SERIES.tenOff}` },
		output: (items, sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ jobId: expect.any(Number), uploadRedeemedCouponStatus: 'QUEUED' })]);
			const body = String(requests[0].body);
			expect(body).toContain(part('customerIdentifier', 'USER_ID'));
			expect(body).toContain(part('couponIdentifier', 'COUPON_CODE'));
			expect(body).toContain(part('details', 'POS import'));
			const headers = /name="uploadHeaders"\r\n\r\n([^\r]*)\r\n/.exec(body)?.[1];
			expect(JSON.parse(headers!)).toEqual({ redeemedDateInMillis: 0, redeemedAt: 1, userId: 2, couponCode: 3, billId: 4, billNumber: 5 });
			expect(sim.state.coupons.get('EXTRD001')).toMatchObject({ redeemed: true, transactionNumber: 'BILL-55' });
			expect(findSeries(sim.state, DEMO_SERIES.tenOff)!.numRedeemed).toBe(1);
		},
	},
	{
		resource: 'couponUpload',
		operation: 'getUploadStatus',
		setup: (sim) => {
			seriesMap(sim.state);
			addJob(sim, 'issue', 93477, DEMO_SERIES.tenOff);
			addJob(sim, 'issue', 93478, DEMO_SERIES.marvel);
			addJob(sim, 'redeem', 93479, DEMO_SERIES.tenOff);
		},
		parameters: { couponSeriesId: series(DEMO_SERIES.tenOff), returnAll: true },
		request: { method: 'GET', path: `/coupon/api/v1/upload/getUploadStatus/${DEMO_SERIES.tenOff}` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ jobId: 93477, uploadStatus: 'FINISHED', totalUploadedCount: 3 })]),
	},
	{
		resource: 'couponUpload',
		operation: 'getRedeemedUploadStatus',
		auth: 'oauth',
		setup: (sim) => {
			seriesMap(sim.state);
			addJob(sim, 'redeem', 4455, DEMO_SERIES.marvel);
			addJob(sim, 'redeem', 4456, DEMO_SERIES.marvel);
			addJob(sim, 'issue', 4457, DEMO_SERIES.marvel);
		},
		parameters: { couponSeriesId: series(DEMO_SERIES.marvel, 'id'), returnAll: false, limit: 1 },
		request: { method: 'GET', path: `/coupon/api/v1/upload/getUploadRedeemedCouponStatus/${DEMO_SERIES.marvel}` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ jobId: 4455, uploadRedeemedCouponStatus: 'COMPLETED' })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'couponUpload',
		operation: 'getUploadStatus',
		title: 'unknown coupon series (upload service HTTP 400)',
		parameters: { couponSeriesId: series(424242, 'id') },
		message: /400.*Invalid coupon series id 424242/,
		httpCode: '400',
	},
	{
		resource: 'couponUpload',
		operation: 'uploadCoupons',
		title: 'upload into an unknown series (HTTP 400, nothing stored)',
		parameters: { couponSeriesId: series(777, 'id'), fileSource: 'text', csvContent: 'code\nNOPE0001\n', customerIdentifier: 'NOT_TAGGED' },
		message: /400.*Invalid coupon series id 777/,
	},
];

export default { cases, errors } satisfies CaseFile;
