/**
 * Coupon upload service (`/coupon/api/v1/upload/...`): multipart CSV uploads of coupon codes and
 * of coupons redeemed elsewhere, plus their job status. Uploads are processed at once, but the
 * upload reply shows the job as just started (STARTED / QUEUED) like Capillary's asynchronous
 * service; the status endpoints then show the finished job with its counts.
 *
 * Uploaded codes become CouponRecords in `state.coupons` (issued to the customer of their row, or
 * untagged with customerId 0); redeemed rows redeem existing coupons through coupon.ts.
 */
import type { JsonObject, Router, SimReply, SimRequest } from '../http';
import { nowV11 } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState } from '../state';
import { ORG_ID } from '../state';
import { findCoupon, findSeries, isFailure, issueCoupon, redeemBlocker, redeemCoupon } from './coupon';

export interface MultipartFile {
	fileName: string;
	contentType: string;
	content: Buffer;
}

/** Splits a multipart/form-data body into text fields and files. */
export function parseMultipart(req: SimRequest): { fields: Record<string, string>; files: Record<string, MultipartFile> } | undefined {
	const type = String(req.headers['content-type'] ?? '');
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
	if (!type.toLowerCase().startsWith('multipart/form-data') || !boundary) return undefined;
	const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const fields: Record<string, string> = {};
	const files: Record<string, MultipartFile> = {};
	const raw = req.rawBody;
	let start = raw.indexOf(marker);
	while (start >= 0) {
		const next = raw.indexOf(marker, start + marker.length);
		if (next < 0) break;
		const part = raw.subarray(start + marker.length + 2, next - 2); // drop the CRLF after the marker and before the next
		const split = part.indexOf('\r\n\r\n');
		if (split >= 0) {
			const head = part.subarray(0, split).toString('utf8');
			const content = part.subarray(split + 4);
			const name = /name="([^"]*)"/i.exec(head)?.[1];
			const fileName = /filename="([^"]*)"/i.exec(head)?.[1];
			const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
			if (name !== undefined) {
				if (fileName !== undefined) files[name] = { fileName, contentType, content: Buffer.from(content) };
				else fields[name] = content.toString('utf8');
			}
		}
		start = next;
	}
	return { fields, files };
}

/** The upload service's error shape. */
function uploadError(status: number, message: string): SimReply {
	return { status, body: { success: false, status, message, result: null } };
}

function uploadOk(result: JsonObject): SimReply {
	return { status: 200, body: { success: true, status: 200, result } };
}

function csvRows(content: Buffer): string[][] {
	const lines = content
		.toString('utf8')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l);
	return lines.slice(1).map((line) => line.split(',').map((c) => c.trim())); // first line is the header
}

const CUSTOMER_TYPES: Record<string, string> = { MOBILE: 'mobile', EMAIL: 'email', EXTERNAL_ID: 'externalId', USER_ID: 'id' };
const UPLOAD_HEADER_KEYS: Record<string, string> = { MOBILE: 'mobile', EMAIL: 'email', EXTERNAL_ID: 'externalId', USER_ID: 'userId' };

function jobs(state: SimState) {
	return state.collection('couponUploadJobs');
}

function jobView(job: JsonObject, asUploaded: boolean): JsonObject {
	const view: JsonObject = { ...job };
	delete view.kind;
	delete view.finalStatus;
	delete view.rowErrors;
	delete view.couponSeriesId;
	if (asUploaded) {
		const statusKey = job.kind === 'redeem' ? 'uploadRedeemedCouponStatus' : 'uploadStatus';
		view[statusKey] = job.kind === 'redeem' ? 'QUEUED' : 'STARTED';
		view.totalUploadedCount = 0;
		view.actualRowCount = 0;
		view.errorCount = 0;
		view.errorFileUrl = null;
		view.uploadTableName = null;
	}
	return view;
}

function newJob(state: SimState, kind: 'issue' | 'redeem', seriesId: number, file: MultipartFile, rows: number, errors: string[]): JsonObject {
	const jobId = jobs(state).size + 9137;
	const now = String(Date.now());
	const stored = `couponCode_${now}_${seriesId}.csv`;
	const job: JsonObject = {
		jobId,
		kind,
		couponSeriesId: seriesId,
		[kind === 'redeem' ? 'uploadRedeemedCouponStatus' : 'uploadStatus']: kind === 'redeem' ? 'COMPLETED' : 'FINISHED',
		createdOn: now,
		updatedOn: now,
		errorFileUrl: errors.length ? `error_${kind === 'redeem' ? 'redemption_upload_' : ''}${ORG_ID}_${seriesId}_${now}` : null,
		successFileUrl: null,
		uploadedFileUrl: stored,
		totalUploadedCount: rows - errors.length,
		actualRowCount: rows,
		errorCount: errors.length,
		uploadTableName: `temp_${kind === 'redeem' ? 'redemption_upload_' : ''}${ORG_ID}_${now}`,
		uploadedFileName: file.fileName,
		rowErrors: errors,
		...(kind === 'issue' ? { audienceGroupId: 0, audienceGroupVersionId: 0 } : {}),
	};
	jobs(state).set(String(jobId), job);
	return job;
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	const seriesFor = (req: SimRequest) => {
		const series = findSeries(state(), req.params.couponSeriesId);
		return series;
	};

	router.post('/coupon/api/v1/upload/file/:couponSeriesId', (req) => {
		const series = seriesFor(req);
		if (!series) return uploadError(400, `Invalid coupon series id ${req.params.couponSeriesId}`);
		const form = parseMultipart(req);
		if (!form) return uploadError(415, 'Content-Type must be multipart/form-data');
		const file = form.files.file;
		if (!file) return uploadError(400, 'Required request part file is not present');
		const identifier = String(form.fields.customerIdentifier ?? '').toUpperCase();
		if (!CUSTOMER_TYPES[identifier] && identifier !== 'NOT_TAGGED') return uploadError(400, `Invalid customerIdentifier ${form.fields.customerIdentifier ?? ''}`);
		const customerColumn = Number(form.fields.customerIdentifierColumn ?? 0);
		const rows = csvRows(file.content);
		const errors: string[] = [];
		rows.forEach((row, i) => {
			const codeColumn = identifier === 'NOT_TAGGED' ? 0 : row.findIndex((_, c) => c !== customerColumn);
			const code = row[codeColumn];
			if (!code) return void errors.push(`row ${i + 2}: coupon code missing`);
			if (state().coupons.has(code)) return void errors.push(`row ${i + 2}: coupon code ${code} exists`);
			if (identifier === 'NOT_TAGGED') {
				const id = state().nextEntityId++;
				state().coupons.set(code, { id, code, seriesId: series.id, customerId: 0, issuedOn: nowV11(), validTill: series.validTillDate, redeemed: false, redeemedOn: null, transactionNumber: null, uploaded: true });
				series.numUploadedNonIssued = Number(series.numUploadedNonIssued ?? 0) + 1;
			} else {
				const customer = state().findCustomer(CUSTOMER_TYPES[identifier], row[customerColumn] ?? '');
				if (!customer) return void errors.push(`row ${i + 2}: customer ${row[customerColumn] ?? ''} not found`);
				const issued = issueCoupon(state(), series, customer.id, code);
				if (isFailure(issued)) return void errors.push(`row ${i + 2}: ${issued.message}`);
				issued.uploaded = true;
			}
			series.numUploadedTotal = Number(series.numUploadedTotal ?? 0) + 1;
		});
		const job = newJob(state(), 'issue', series.id, file, rows.length, errors);
		return uploadOk({ orgId: ORG_ID, couponSeriesId: series.id, uploadJobStatuses: [jobView(job, true)], fileName: String(job.uploadedFileUrl) });
	});

	router.post('/coupon/api/v1/upload/redeemFile/:couponSeriesId', (req) => {
		const series = seriesFor(req);
		if (!series) return uploadError(400, `Invalid coupon series id ${req.params.couponSeriesId}`);
		const form = parseMultipart(req);
		if (!form) return uploadError(415, 'Content-Type must be multipart/form-data');
		const file = form.files.file;
		if (!file) return uploadError(400, 'Required request part file is not present');
		const identifier = String(form.fields.customerIdentifier ?? '').toUpperCase();
		if (!CUSTOMER_TYPES[identifier]) return uploadError(400, `Invalid customerIdentifier ${form.fields.customerIdentifier ?? ''}`);
		const couponBy = String(form.fields.couponIdentifier ?? '').toUpperCase();
		if (couponBy !== 'COUPON_CODE' && couponBy !== 'COUPON_ID') return uploadError(400, `Invalid couponIdentifier ${form.fields.couponIdentifier ?? ''}`);
		let headers: Record<string, number>;
		try {
			headers = JSON.parse(String(form.fields.uploadHeaders ?? '')) as Record<string, number>;
		} catch {
			return uploadError(400, 'uploadHeaders must be JSON text');
		}
		const customerKey = UPLOAD_HEADER_KEYS[identifier];
		const couponKey = couponBy === 'COUPON_CODE' ? 'couponCode' : 'couponId';
		const missing = ['redeemedDateInMillis', 'redeemedAt', customerKey, couponKey].find((k) => typeof headers[k] !== 'number');
		if (missing) return uploadError(400, `uploadHeaders has no column for ${missing}`);
		const rows = csvRows(file.content);
		const errors: string[] = [];
		rows.forEach((row, i) => {
			const coupon = findCoupon(state(), couponBy === 'COUPON_CODE' ? 'code' : 'id', row[headers[couponKey]] ?? '');
			const customer: Customer | undefined = state().findCustomer(CUSTOMER_TYPES[identifier], row[headers[customerKey]] ?? '');
			if (!customer) return void errors.push(`row ${i + 2}: customer not found`);
			if (coupon && coupon.seriesId !== series.id) return void errors.push(`row ${i + 2}: coupon belongs to series ${coupon.seriesId}`);
			const blocker = redeemBlocker(state(), coupon, customer);
			if (blocker) return void errors.push(`row ${i + 2}: ${blocker.message}`);
			const millis = Number(row[headers.redeemedDateInMillis]);
			redeemCoupon(state(), coupon!, customer, {
				time: Number.isFinite(millis) && millis > 0 ? nowV11(new Date(millis)) : undefined,
				transactionNumber: headers.billNumber !== undefined ? row[headers.billNumber] : undefined,
			});
		});
		const job = newJob(state(), 'redeem', series.id, file, rows.length, errors);
		if (form.fields.details) job.details = form.fields.details;
		return uploadOk({ orgId: ORG_ID, couponSeriesId: series.id, redeemUploadJobStatuses: [jobView(job, true)], fileName: String(job.uploadedFileUrl) });
	});

	const status = (kind: 'issue' | 'redeem') => (req: SimRequest) => {
		const series = seriesFor(req);
		if (!series) return uploadError(400, `Invalid coupon series id ${req.params.couponSeriesId}`);
		const list = [...jobs(state()).values()].filter((j) => j.kind === kind && j.couponSeriesId === series.id).map((j) => jobView(j, false));
		return uploadOk({ orgId: ORG_ID, couponSeriesId: series.id, [kind === 'redeem' ? 'redeemUploadJobStatuses' : 'uploadJobStatuses']: list });
	};
	router.get('/coupon/api/v1/upload/getUploadStatus/:couponSeriesId', status('issue'));
	router.get('/coupon/api/v1/upload/getUploadRedeemedCouponStatus/:couponSeriesId', status('redeem'));
}
