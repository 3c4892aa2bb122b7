/**
 * customerLookup endpoints: `/v2/customers/lookup/…`, where the customer is named by
 * identifierName + identifierValue + source (+ accountId) in the query.
 */
import type { Json, JsonObject, SimReply, SimRequest } from '../http';
import type { Router } from '../http';
import { nowIso, nowV11, ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState } from '../state';
import { ORG_ID, normaliseIdentifierType } from '../state';
import { customerV2, lookup } from './customer';

const DEFAULT_PROGRAM_ID = 1;

/** Sources where one org can hold several accounts; lookups there need `accountId`. */
const MULTI_ACCOUNT_SOURCES = ['WECHAT', 'FACEBOOK', 'MOBILE_APP', 'LINE'];

/** The lookup customer, with Capillary's source/account checks. */
function lookupCustomer(state: SimState, req: SimRequest): { customer: Customer } | { error: SimReply } {
	const source = (req.query.source ?? '').toUpperCase();
	if (!source) return { error: v2Error(400, 8012, 'Invalid source. source is mandatory for lookup.') };
	if (MULTI_ACCOUNT_SOURCES.includes(source) && !req.query.accountId) return { error: v2Error(400, 8045, 'Account id is not passed.') };
	const found = lookup(state, { ...req, query: { ...req.query, source } });
	if (found.error) return { error: found.error };
	if (found.customer!.mergedInto) return { error: v2Error(400, 8069, `The customer is merged into another account ${found.customer!.mergedInto}.`) };
	return { customer: found.customer! };
}

function limitOffset(query: Record<string, string>, defaultLimit: number, maxLimit: number): { limit: number; offset: number } | { error: SimReply } {
	const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
	const offset = query.offset === undefined ? 0 : Number(query.offset);
	if (!Number.isInteger(limit) || limit < 0 || limit > maxLimit) return { error: v2Error(400, 400, `limit must be between 0 and ${maxLimit}`) };
	if (!Number.isInteger(offset) || offset < 0) return { error: v2Error(400, 400, 'offset should not be negative') };
	return { limit, offset };
}

const tierNames = ['Bronze', 'Silver', 'Gold'];

function programDetails(c: Customer): JsonObject {
	const serial = tierNames.indexOf(c.tier) + 1 || 1;
	const next = tierNames[serial] ?? '';
	return {
		redeemed: 0,
		expired: 0,
		returned: 0,
		adjusted: 0,
		lifetimePoints: c.lifetimePoints,
		loyaltyPoints: c.points,
		cumulativePurchases: c.lifetimePurchases,
		loyaltyId: c.id,
		currentSlab: c.tier,
		nextSlab: next,
		nextSlabSerialNumber: next ? serial + 1 : -1,
		nextSlabDescription: next,
		slabSNo: serial,
		slabExpiryDate: '2099-12-31T23:59:59+05:30',
		programId: DEFAULT_PROGRAM_ID,
		delayedPoints: Number(c.extra.promisedPoints ?? 0),
		delayedReturnedPoints: 0,
		totalAvailablePoints: c.points,
		totalReturnedPoints: 0,
		linkedPartnerPrograms: [],
		programTitle: 'Default Program',
		programDescription: 'Default program of the org',
		programPointsToCurrencyRatio: 1,
	};
}

/** v2 subscription list of a customer; channels never set count as opted in. */
function subscriptionsOf(c: Customer): JsonObject[] {
	const list: JsonObject[] = [];
	for (const priority of ['TRANS', 'BULK']) {
		for (const channel of ['EMAIL', 'SMS']) {
			const found = c.subscriptions.find((s) => s.channel === channel && s.priority === priority && !s.accountId);
			list.push({ channel, priority, type: found ? String(found.type) : 'OPTIN' });
		}
	}
	for (const s of c.subscriptions) {
		if (['EMAIL', 'SMS'].includes(String(s.channel)) && !s.accountId) continue;
		list.push({ channel: s.channel, accountId: s.accountId ?? '', priority: s.priority, type: s.type });
	}
	return list;
}

/** The customer's referral code (the same one the Customer group's referral handlers report). */
export function referralCodeOf(c: Customer): string {
	return String(c.extra.referralCode ?? '') || `${c.id.toString(36)}default`.slice(0, 10);
}

/** Built-in loyalty promotions (kept in the group's own collection so tests can add or change them). */
function promotions(state: SimState): JsonObject[] {
	const store = state.collection('customerLookup.promotions');
	if (store.size === 0) {
		const seed: JsonObject[] = [
			{ promotionId: 1119508, promotionName: 'Double points weekend', pointsOfferType: 'GENERIC', eventName: 'TransactionAdd', startDate: '2024-01-01T00:00:00.000Z', endDate: '2099-12-31T23:59:59.000Z', sourceType: 'UI' },
			{ promotionId: 1119509, promotionName: 'Birthday bonus', pointsOfferType: 'LOYALTY', eventName: 'TransactionAdd', startDate: '2024-01-01T00:00:00.000Z', endDate: '2099-12-31T23:59:59.000Z', sourceType: 'API' },
			{ promotionId: 1119990, promotionName: 'Enrol and earn', pointsOfferType: 'LOYALTY_EARNING', eventName: 'TransactionAdd', startDate: '2024-01-01T00:00:00.000Z', endDate: '2099-12-31T23:59:59.000Z', sourceType: 'CAMPAIGN' },
			{ promotionId: 1115386, promotionName: 'Launch promo', pointsOfferType: 'GENERIC', eventName: 'TransactionAdd', startDate: '2023-11-06T00:00:00.000Z', endDate: '2023-12-31T23:59:59.000Z', sourceType: 'UI' },
		];
		for (const p of seed) store.set(String(p.promotionId), { ...p, programId: DEFAULT_PROGRAM_ID, enrolledCustomers: [] });
	}
	return [...store.values()];
}

function promotionView(p: JsonObject, c: Customer): JsonObject {
	const enrolled = Array.isArray(p.enrolledCustomers) && (p.enrolledCustomers as number[]).includes(c.id);
	return {
		promotionId: p.promotionId,
		promotionName: p.promotionName,
		programId: p.programId,
		startDate: p.startDate,
		endDate: p.endDate,
		identifier: `promo-${String(p.promotionId)}`,
		description: String(p.promotionName),
		active: String(p.endDate) >= new Date().toISOString(),
		eventName: p.eventName,
		limits: { maxPointsPerEvent: '0', pointsPerCustomer: '0', numberOFTimesPerCustomer: 0, totalPointsInPromotion: '0' },
		customerUsage: { currentPointsPerCustomer: '0', currentNumberOfTimesPerCustomer: 0, currentTotalPointsInPromotion: '0' },
		pointsOfferType: p.pointsOfferType,
		promotionRestriction: { issualRestrictions: [], earnRestrictions: [], redemptionRestrictions: [] },
		...(p.pointsOfferType === 'LOYALTY_EARNING' ? { customerPromotionTimelines: enrolled ? [{ enrollmentDate: p.startDate, enrollmentExpiryDate: p.endDate, issuedDetails: [] }] : [] } : {}),
	};
}

/** Extracts the part named `name` of a multipart/form-data body. */
function multipartFile(req: SimRequest, name: string): { fileName: string; contentType: string; size: number } | undefined {
	const type = String(req.headers['content-type'] ?? '');
	const boundary = /boundary=([^;]+)/i.exec(type)?.[1];
	if (!type.toLowerCase().startsWith('multipart/form-data') || !boundary) return undefined;
	const raw = req.rawBody;
	const delimiter = Buffer.from(`--${boundary}`);
	let start = raw.indexOf(delimiter);
	while (start >= 0) {
		const next = raw.indexOf(delimiter, start + delimiter.length);
		if (next < 0) break;
		const part = raw.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd >= 0) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const partName = /name="([^"]*)"/i.exec(headers)?.[1];
			if (partName === name) {
				return {
					fileName: /filename="([^"]*)"/i.exec(headers)?.[1] ?? '',
					contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream',
					size: part.length - headerEnd - 4,
				};
			}
		}
		start = next;
	}
	return undefined;
}

const asArray = (value: unknown) => (Array.isArray(value) ? (value as JsonObject[]) : []);
const asObject = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {});

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;
	// Fixed paths only: customer.ts registers its `/v2/customers/:customerId/…` routes after every
	// group's fixed routes, so these literal `lookup` paths are matched first.
	router.put('/v2/customers/lookup', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const c = found.customer;
		const body = asObject(req.body);
		const warnings: JsonObject[] = [];
		const profileInput = asArray(body.profiles)[0];
		if (profileInput) {
			const source = String(profileInput.source ?? req.query.source).toUpperCase();
			const profile = c.profiles.find((p) => p.source === source) ?? c.profiles[0];
			if (typeof profileInput.firstName === 'string') profile.firstName = profileInput.firstName;
			if (typeof profileInput.lastName === 'string') profile.lastName = profileInput.lastName;
			Object.assign(profile.fields, asObject(profileInput.fields));
			for (const identifier of asArray(profileInput.identifiers)) {
				const type = normaliseIdentifierType(String(identifier.type ?? ''));
				const value = String(identifier.value ?? '');
				if (!type || !value) continue;
				const owner = state().findCustomer(type, value);
				if (owner && owner.id !== c.id) {
					warnings.push({ status: false, code: 91007, message: `Failed to register. ${type} already exists for some other user` });
					continue;
				}
				const current = profile.identifiers.find((i) => i.type === type);
				if (current && current.value !== value) {
					warnings.push({ status: false, code: 91006, message: `${type} update is not allowed.` });
					continue;
				}
				if (!current) profile.identifiers.push({ type, value });
			}
			if (Array.isArray(profileInput.commChannels)) profile.commChannels = profileInput.commChannels as JsonObject[];
		}
		Object.assign(c.extendedFields, asObject(body.extendedFields));
		const loyaltyType = asObject(body.loyaltyInfo).loyaltyType;
		if (loyaltyType === 'loyalty' && c.loyaltyType === 'non_loyalty') {
			c.loyaltyType = 'loyalty';
			state().loyaltyEvent(c, 'CustomerRegistration');
		} else if (loyaltyType === 'non_loyalty' && c.loyaltyType === 'loyalty') {
			return v2Error(400, 1046, 'Conversion of loyalty customer to non-loyalty is not allowed');
		}
		c.updatedOn = nowIso();
		return ok({ createdId: c.id, warnings, sideEffects: [] });
	});

	router.get('/v2/customers/lookup/customerDetails', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const c = found.customer;
		const embed = (req.query.embed ?? '').split(',').map((e) => e.trim());
		const view = customerV2(state(), c) as unknown as JsonObject;
		view.fraudDetails = { markedBy: {}, status: String(c.extra.fraudStatus ?? 'NOT_FRAUD') };
		view.loyaltyInfo = { ...asObject(view.loyaltyInfo), lifetimePurchases: c.lifetimePurchases };
		if (embed.includes('mlp')) view.loyaltyProgramDetails = [programDetails(c)];
		if (embed.includes('subscriptions')) view.subscriptions = subscriptionsOf(c);
		if (embed.includes('customerImage') && c.image) view.customerImage = c.image;
		return ok(view);
	});

	router.put('/v2/customers/lookup/status', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const c = found.customer;
		const body = asObject(req.body);
		const label = String(body.label ?? '').trim();
		const reason = String(body.reason ?? '').trim();
		if (!label) return v2Error(400, 400, 'Status label is mandatory');
		if (!reason) return v2Error(400, 400, 'Reason is mandatory');
		const known = ['Active', 'Inactive', 'Suspended', 'Blocked', 'Fraud', 'Deleted'];
		const match = known.find((k) => k.toLowerCase() === label.toLowerCase());
		if (!match) return v2Error(400, 400, `Invalid status label: ${label}`);
		for (const entry of c.statusLog) entry.isActive = false;
		const previous = c.status;
		c.status = match.toUpperCase();
		c.statusLog.push({ status: c.status, label: match, prevLabel: previous, reason, createdOn: String(body.createdOn ?? nowIso()), isActive: true });
		c.updatedOn = nowIso();
		return ok({ warnings: [], error: [] });
	});

	router.get('/v2/customers/lookup/subscriptions', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		return ok({ subscriptions: subscriptionsOf(found.customer), campaignId: 0, communicationId: 0, warnings: [] });
	});

	router.get('/v2/customers/lookup/loyaltyDetails', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		if (found.customer.loyaltyType !== 'loyalty') return v2Error(400, 8089, 'Customer not registered for the Loyalty Program.');
		return ok({ data: [programDetails(found.customer)], warnings: [], errors: [] });
	});

	router.get('/v2/customers/lookup/retroRequest', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const paging = limitOffset(req.query, 10, 1000);
		if ('error' in paging) return paging.error;
		const q = req.query;
		const changeType = (q.changeType ?? 'RETRO').toUpperCase();
		let list = [...state().requests.values()].filter((r) => r.customerId === found.customer.id && String(r.baseType).toUpperCase() === changeType);
		if (q.startDate) list = list.filter((r) => r.createdOn.slice(0, 10) >= q.startDate.slice(0, 10));
		if (q.endDate) list = list.filter((r) => r.createdOn.slice(0, 10) <= q.endDate.slice(0, 10));
		if (q.startId) list = list.filter((r) => r.id >= Number(q.startId));
		if (q.endId) list = list.filter((r) => r.id <= Number(q.endId));
		list.sort((a, b) => (String(q.sortOrder).toUpperCase() === 'ASC' ? a.id - b.id : b.id - a.id));
		const data = list.slice(paging.offset, paging.offset + paging.limit).map((r) => ({
			id: r.id,
			status: r.status,
			addedBy: { id: 75000001, code: 'store.server', name: 'store.server', type: 'TILL' },
			addedOn: r.createdOn,
			updatedOn: r.updatedOn,
			userId: r.customerId,
			requestId: r.id,
			baseType: r.baseType,
			reason: String(r.reason ?? ''),
			comments: String(r.comments ?? ''),
			transactionId: (r.transactionId ?? null) as Json,
			warnings: [],
			reqAdd: true,
			oneStep: false,
		}));
		return ok({ pagination: { limit: paging.limit, offset: paging.offset, total: list.length }, data, warnings: [], errors: [] });
	});

	router.post('/v2/customers/lookup/setImage', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const file = multipartFile(req, 'file');
		if (!file) return v2Error(415, 415, 'Unsupported media type: send the image as multipart/form-data in the part "file"');
		if (!file.contentType.startsWith('image/')) return v2Error(400, 400, `Input is invalid: ${file.contentType} is not an image`);
		if (file.size === 0) return v2Error(400, 400, 'Input is invalid: empty file');
		const c = found.customer;
		// Same record shape as the Customer group's setImage/getImage: c.extra.images, c.image = latest handle.
		const images = Array.isArray(c.extra.images) ? (c.extra.images as JsonObject[]) : [];
		const version = images.length + 1;
		const handle = `${(c.id * 7919 + version * 104729).toString(16)}-0822-48b3-90ad-${(state().nextEntityId++).toString(16).padStart(12, '0')}`;
		const image: JsonObject = {
			acl: 'PRIVATE',
			fileHandle: handle,
			lastModified: nowV11(),
			latestVersion: version,
			name: `${ORG_ID}/${c.id}/0`,
			namespace: 'customerImage',
			s3Token: `customerImage/${ORG_ID}/${c.id}/${handle}`,
			version,
			fileName: file.fileName,
			mimeType: file.contentType,
			size: file.size,
		};
		c.extra.images = [...images, image];
		c.image = handle;
		return ok({ data: [{ code: 200, file: image, message: 'Successfully uploaded file', status: 'true' }], warnings: [], errors: [] });
	});

	router.get('/v2/customers/lookup/referrals', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const paging = limitOffset(req.query, 10, 100);
		if ('error' in paging) return paging.error;
		const c = found.customer;
		const code = referralCodeOf(c);
		const invitees = c.referrals.map((r) => ({ type: r.type, identifier: r.identifier, invitedOn: r.invitedOn, till: { code: r.till ?? 'store.server', name: r.till ?? 'store.server' } }));
		const referee = [...state().customers.values()]
			.filter((other) => other.id !== c.id && (other.extra.referralCodeUsed === code || c.referrals.some((r) => r.identifier && [state().identifier(other, 'mobile'), state().identifier(other, 'email')].includes(String(r.identifier)))))
			.map((other) => ({ eventType: 'REGISTRATION', userId: other.id, firstName: other.profiles[0].firstName, lastName: other.profiles[0].lastName, mobile: state().identifier(other, 'mobile'), email: state().identifier(other, 'email'), addedOn: other.createdOn }));
		// One entry per customer (the referral code with its invitees); paging counts invitees.
		const entry: JsonObject = { customer: { id: c.id, profiles: customerV2(state(), c).profiles as unknown as Json }, referralCode: code, invitees, referee, incentives: [] };
		return ok({ pagination: { limit: paging.limit, offset: paging.offset, total: invitees.length }, data: paging.offset > 0 ? [] : [entry], warnings: [], errors: [] });
	});

	router.get('/v2/customers/lookup/recommendations', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const c = found.customer;
		const recommendations = [...state().collection('customerLookup.recommendations').values()].filter((rec) => rec.customerId === c.id);
		return ok({
			customer: {
				id: c.id,
				extendedFields: c.extendedFields,
				lifetimePurchases: c.lifetimePurchases,
				orgId: ORG_ID,
				source: c.profiles[0].source,
				type: c.loyaltyType === 'loyalty' ? 'LOYALTY' : 'NON_LOYALTY',
				mergeSurvivor: false,
			},
			recommendations,
			count: recommendations.length,
			warnings: [],
		});
	});

	router.get('/v2/customers/lookup/points/balance', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const c = found.customer;
		const entityType = (req.query.entityType ?? 'CUSTOMER').toUpperCase();
		if (!['CUSTOMER', 'FLEET'].includes(entityType)) return v2Error(400, 400, `Invalid entityType ${req.query.entityType}`);
		if (entityType === 'FLEET') {
			const group = [...state().userGroups.values()].find((g) => g.members.includes(c.id));
			if (!group) return v2Error(404, 1645, 'Group details passed are not valid');
			return ok({ entityId: group.id, entityType, programId: DEFAULT_PROGRAM_ID, totalPoints: group.points, mainPoints: group.points, promisedPoints: 0, promisedPointsBreakup: { delayedAccrualPoints: 0, externalTriggerBasedPoints: 0 }, warnings: [] });
		}
		const promised = Number(c.extra.promisedPoints ?? 0);
		return ok({
			entityId: c.id,
			entityType,
			programId: Number(req.query.programId ?? DEFAULT_PROGRAM_ID),
			totalPoints: c.points + promised,
			mainPoints: c.points,
			promisedPoints: promised,
			promisedPointsBreakup: { delayedAccrualPoints: promised, externalTriggerBasedPoints: 0 },
			warnings: [],
		});
	});

	router.get('/v2/customers/lookup/tierDetails', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const c = found.customer;
		const details = programDetails(c);
		return ok({
			entityId: c.id,
			entityType: (req.query.entityType ?? 'CUSTOMER').toUpperCase(),
			programTiers: [
				{
					programId: DEFAULT_PROGRAM_ID,
					currentTierName: c.tier,
					currentTierSerialNumber: details.slabSNo,
					tierExpiryDate: '2099-12-31 23:59:59',
					nextTierName: details.nextSlab,
					nextTierSerialNumber: details.nextSlabSerialNumber,
				},
			],
			warnings: [],
		});
	});

	router.get('/v2/customers/lookup/promisedPointsSchedule', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const c = found.customer;
		const q = req.query;
		if (q.startDate && q.endDate && q.startDate > q.endDate) return v2Error(400, 1214, 'startDate is after endDate.');
		const promised = Number(c.extra.promisedPoints ?? 0);
		const redeemableFrom = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		const inWindow = (!q.startDate || redeemableFrom >= q.startDate) && (!q.endDate || redeemableFrom <= q.endDate);
		return ok({
			entityId: c.id,
			entityType: (q.entityType ?? 'CUSTOMER').toUpperCase(),
			promisedPointsScheduleList: promised > 0 && inWindow ? [{ points: promised, redeemableFrom, programId: DEFAULT_PROGRAM_ID, pointsType: 'bill_regular' }] : [],
			triggerBasedPointsList: [],
			warnings: [],
		});
	});

	router.get('/v2/customers/lookup/promotionData', (req) => {
		const found = lookupCustomer(state(), req);
		if ('error' in found) return found.error;
		const paging = limitOffset(req.query, 10, 100);
		if ('error' in paging) return paging.error;
		const c = found.customer;
		const q = req.query;
		const now = new Date().toISOString();
		const typeMap: Record<string, string> = { GENERIC: 'GENERIC', DIRECT_ISSUE: 'LOYALTY', ENROL_AND_ISSUE: 'LOYALTY_EARNING' };
		let list = promotions(state());
		if (q.promotionType) list = list.filter((p) => p.pointsOfferType === typeMap[q.promotionType.toUpperCase()]);
		if (q.sourceType) list = list.filter((p) => p.sourceType === q.sourceType.toUpperCase());
		if (q.programs) {
			const ids = q.programs.split(',').map((s) => Number(s.trim()));
			list = list.filter((p) => ids.includes(Number(p.programId)));
		}
		const status = (q.promotionStatusForCustomer ?? '').toUpperCase();
		const enrolled = (p: JsonObject) => Array.isArray(p.enrolledCustomers) && (p.enrolledCustomers as number[]).includes(c.id);
		const live = (p: JsonObject) => String(p.endDate) >= now;
		if (status === 'EXPIRED') list = list.filter((p) => !live(p));
		if (status === 'AVAILABLE_TO_ENROL') list = list.filter((p) => live(p) && p.pointsOfferType === 'LOYALTY_EARNING' && !enrolled(p));
		if (status === 'AVAILABLE_TO_EARN') list = list.filter((p) => live(p) && (p.pointsOfferType === 'LOYALTY' || (p.pointsOfferType === 'LOYALTY_EARNING' && enrolled(p))));
		if (status === 'AVAILABLE_TO_REDEEM') list = list.filter((p) => live(p));
		const pageItems = list.slice(paging.offset, paging.offset + paging.limit);
		return ok({
			pageDetails: { pageNumber: paging.limit ? Math.floor(paging.offset / paging.limit) : 0, pageSize: paging.limit, totalEntries: list.length, pageCount: paging.limit ? Math.ceil(list.length / paging.limit) : 0 },
			customerId: c.id,
			promotions: pageItems.map((p) => promotionView(p, c)),
			warnings: [],
		});
	});
}
