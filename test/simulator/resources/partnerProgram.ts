/**
 * Partner programs: link, tier update, delink and activity history. The programs themselves are
 * route-free data (collection `partnerPrograms`, seeded lazily, like the programs sample of
 * v2/organization/programs); memberships live in `partnerProgramMemberships` keyed
 * `<customerId>:<partnerProgramId>`.
 */
import type { Json, JsonObject, Router, SimReply } from '../http';
import { bodyObject, nowIso, ok, paginate, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState } from '../state';
import { customerFromQuery, DEMO_PROGRAM } from './pointsLedger';

export interface PartnerProgramRecord extends JsonObject {
	partnerProgramId: number;
	partnerProgramName: string;
	partnerProgramDescription: string;
	partnerProgramType: 'EXTERNAL' | 'SUPPLEMENTARY';
	tierBased: boolean;
	partnerProgramTiers: JsonObject[];
	pointsExchangeRate: number;
	membershipPeriodValue: number;
}

export interface MembershipRecord extends JsonObject {
	customerId: number;
	partnerProgramId: number;
	partnerMembershipId: string;
	partnerTierName: string;
	partnerTierExpiryDate: string;
	status: 'LINKED' | 'DELINKED';
	membershipStartDate: string;
	lastUpdatedDate: string;
	lastUpdatedActivity: string;
	history: JsonObject[];
	benefits: JsonObject[];
}

const tiers = (...names: string[]) => names.map((tierName, i) => ({ tierNumber: i + 1, tierName }));

/** The simulator's own partner programs (shapes of the v2/organization/programs sample). */
export function partnerPrograms(state: SimState): Map<string, JsonObject> {
	const collection = state.collection('partnerPrograms');
	if (collection.size > 0) return collection;
	const add = (p: PartnerProgramRecord) => collection.set(String(p.partnerProgramId), p);
	add({ partnerProgramId: 11, partnerProgramName: 'NoTierPartnerProgram', partnerProgramDescription: 'NoTierPartnerProgram', partnerProgramType: 'EXTERNAL', tierBased: false, partnerProgramTiers: [], pointsExchangeRate: 1, membershipPeriodValue: 0 });
	add({ partnerProgramId: 35, partnerProgramName: 'Apparel-Partner', partnerProgramDescription: 'Apparel partner', partnerProgramType: 'EXTERNAL', tierBased: true, partnerProgramTiers: tiers('Bronze', 'Silver', 'Gold'), pointsExchangeRate: 1, membershipPeriodValue: 0 });
	add({ partnerProgramId: 49, partnerProgramName: 'DemoSupplementaryProgram', partnerProgramDescription: 'Demo supplementary program', partnerProgramType: 'SUPPLEMENTARY', tierBased: false, partnerProgramTiers: [], pointsExchangeRate: 1, membershipPeriodValue: 365 });
	return collection;
}

export function memberships(state: SimState): Map<string, JsonObject> {
	return state.collection('partnerProgramMemberships');
}

/** Partner programs by ID: the simulator's own, and those the org lists in v2/organization/programs. */
type Catalog = Map<string, PartnerProgramRecord>;

function programByName(catalog: Catalog, name: unknown): PartnerProgramRecord | undefined {
	const wanted = String(name ?? '').trim().toLowerCase();
	return [...catalog.values()].find((p) => String(p.partnerProgramName).toLowerCase() === wanted);
}

function asPartnerProgram(value: JsonObject): PartnerProgramRecord {
	return {
		partnerProgramDescription: '',
		partnerProgramType: 'EXTERNAL',
		pointsExchangeRate: 1,
		membershipPeriodValue: 0,
		...value,
		partnerProgramId: Number(value.partnerProgramId),
		partnerProgramName: String(value.partnerProgramName ?? ''),
		tierBased: value.tierBased === true,
		partnerProgramTiers: Array.isArray(value.partnerProgramTiers) ? (value.partnerProgramTiers as JsonObject[]) : [],
	};
}

/** `{mobile|email|externalId}` of the body → the customer. */
function bodyCustomer(state: SimState, customer: unknown): Customer | undefined {
	const c = (customer ?? {}) as Record<string, unknown>;
	for (const key of ['mobile', 'email', 'externalId']) {
		const value = c[key];
		if (value !== undefined && value !== null && String(value).trim() !== '') return state.findCustomer(key, String(value));
	}
	return undefined;
}

function customerBlock(state: SimState, customer: Customer): JsonObject {
	return {
		id: customer.id,
		mobile: state.identifier(customer, 'mobile'),
		email: state.identifier(customer, 'email'),
		externalId: state.identifier(customer, 'externalId'),
		status: { status: true, message: 'Customer successfully retrieved', code: 1000 },
	};
}

const success = { status: true, message: 'Success', code: 200 };
const failure = (code: number, message: string) => ({ status: false, message, code });

function pastDate(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	const time = Date.parse(String(value));
	return Number.isFinite(time) && time < Date.now();
}

function hasTier(program: PartnerProgramRecord, tier: unknown): boolean {
	return program.partnerProgramTiers.some((t) => String(t.tierName).toLowerCase() === String(tier ?? '').toLowerCase());
}

/**
 * Runs a batch of `{customer, <programs>: [...]}` entries. Each program gets a status; when every
 * program of every customer failed (or the only customer is unknown), the request fails with the
 * first error, as Capillary reports a failed event.
 */
function runBatch(
	state: SimState,
	catalog: Catalog,
	entries: unknown,
	programsKey: string,
	statusKey: string,
	apply: (customer: Customer, program: PartnerProgramRecord | undefined, input: JsonObject) => { code: number; message: string } | undefined,
): { results: JsonObject[] } | { error: SimReply } {
	if (!Array.isArray(entries) || entries.length === 0) return { error: v2Error(400, 2001, 'Cannot process the partner program event.') };
	if (entries.length > 50) return { error: v2Error(400, 2008, 'Cannot process if partner program limit is more than 50.') };
	const results: JsonObject[] = [];
	let firstError: { code: number; message: string } | undefined;
	let successes = 0;
	for (const raw of entries as JsonObject[]) {
		const customer = bodyCustomer(state, raw.customer);
		if (!customer) {
			firstError ??= { code: 8015, message: 'No customer found with the given identifier.' };
			results.push({ customer: { ...((raw.customer ?? {}) as JsonObject), status: failure(8015, 'Customer not found') }, [programsKey]: [] });
			continue;
		}
		const programs = Array.isArray(raw[programsKey]) ? (raw[programsKey] as JsonObject[]) : [];
		const outcomes = programs.map((input) => {
			const program = programByName(catalog, input.partnerProgramName);
			const problem = program ? apply(customer, program, input) : { code: 2006, message: 'Cannot find the partner program.' };
			if (problem) firstError ??= problem;
			else successes++;
			return { partnerProgramName: input.partnerProgramName, ...(input.updateType ? { updateType: input.updateType } : {}), [statusKey]: problem ? failure(problem.code, problem.message) : success } as JsonObject;
		});
		if (!programs.length) firstError ??= { code: 2002, message: 'Cannot proceed if updateDetails, updatedTierName, or partnerProgramName is empty or null.' };
		results.push({ customer: customerBlock(state, customer), [programsKey]: outcomes as Json[] });
	}
	if (successes === 0 && firstError) return { error: v2Error(400, firstError.code, firstError.message) };
	return { results };
}

function historyEntry(state: SimState, program: PartnerProgramRecord, activityType: string, membership: MembershipRecord): JsonObject {
	return {
		activityId: state.nextEntityId++,
		activityType,
		activityDate: nowIso(),
		linkingDetails: {
			partnerProgramName: program.partnerProgramName,
			partnerMembershipId: membership.partnerMembershipId,
			partnerTierName: membership.partnerTierName,
			partnerTierExpiryDate: membership.partnerTierExpiryDate,
		},
	};
}

function normalisedActivity(value: string | undefined): 'linking' | 'benefits' | undefined {
	const v = String(value ?? '').toLowerCase().replace(/_/g, '');
	if (v === 'linkingupdates') return 'linking';
	if (v === 'benefitsavailed') return 'benefits';
	return undefined;
}

/** `2020-01-29 12:11:45` (org time) or ISO → epoch ms. */
function parseActivityDate(value: string | undefined): number | undefined {
	if (!value) return undefined;
	const iso = /T/.test(value) ? value : `${value.trim().replace(' ', 'T')}${value.length <= 10 ? 'T00:00:00' : ''}+05:30`;
	const time = Date.parse(iso);
	return Number.isFinite(time) ? time : NaN;
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	/**
	 * The partner programs a request may name: ours, plus whatever GET v2/organization/programs
	 * lists (the Organization group's data, asked through its route), so the dropdown's choices work.
	 */
	const catalog = async (): Promise<Catalog> => {
		const map: Catalog = new Map();
		for (const p of partnerPrograms(state()).values()) map.set(String(p.partnerProgramId), asPartnerProgram(p));
		const route = router.match('GET', '/v2/organization/programs');
		if (route) {
			const reply = await route.handler({ method: 'GET', path: '/v2/organization/programs', query: {}, headers: {}, body: undefined, rawBody: Buffer.alloc(0), params: {} });
			const data = (reply.body as JsonObject | undefined)?.data;
			for (const program of Array.isArray(data) ? (data as JsonObject[]) : []) {
				for (const partner of Array.isArray(program.partnerPrograms) ? (program.partnerPrograms as JsonObject[]) : []) {
					map.set(String(partner.partnerProgramId), asPartnerProgram(partner));
				}
			}
		}
		return map;
	};

	// The partner-program dropdown reads v2/organization/programs. Answer it here only when the
	// Organization group does not.
	if (!router.templates().includes('GET /v2/organization/programs')) {
		router.get('/v2/organization/programs', () =>
			ok({
				data: [
					{
						programId: DEMO_PROGRAM.id,
						programName: DEMO_PROGRAM.name,
						pointsToCurrencyRatio: 1,
						programDescription: 'Default program of the simulator org',
						partnerPrograms: [...partnerPrograms(state()).values()] as Json[],
						default: true,
					},
				],
				warnings: [],
				errors: [],
			}),
		);
	}

	router.post('/v2/partnerProgram/linkCustomer', async (req) => {
		const outcome = runBatch(state(), await catalog(), bodyObject(req).linkCustomers, 'linkToPartnerPrograms', 'partnerLinkStatus', (customer, program, input) => {
			if (!program) return { code: 2006, message: 'Cannot find the partner program.' };
			const key = `${customer.id}:${program.partnerProgramId}`;
			const existing = memberships(state()).get(key) as MembershipRecord | undefined;
			if (existing?.status === 'LINKED') return { code: 2005, message: 'Customer is already linked with the partner program.' };
			const reference = (input.customerPartnerReference ?? {}) as JsonObject;
			if (!reference.partnerMembershipId) return { code: 2001, message: 'Cannot process the partner program event.' };
			if (program.tierBased && !hasTier(program, reference.partnerTierName)) return { code: 2007, message: 'Cannot find the partner program tier.' };
			if (pastDate(reference.partnerTierExpiryDate)) return { code: 2003, message: 'Partner tier expiry date should not be a past date.' };
			const now = nowIso();
			const membership: MembershipRecord = {
				customerId: customer.id,
				partnerProgramId: program.partnerProgramId,
				partnerMembershipId: String(reference.partnerMembershipId),
				partnerTierName: program.tierBased ? String(reference.partnerTierName) : '',
				partnerTierExpiryDate: String(reference.partnerTierExpiryDate ?? ''),
				status: 'LINKED',
				membershipStartDate: now,
				lastUpdatedDate: now,
				lastUpdatedActivity: 'LINKED',
				history: existing?.history ?? [],
				benefits: existing?.benefits ?? [],
			};
			membership.history.push(historyEntry(state(), program, 'LINKED', membership));
			memberships(state()).set(key, membership);
			return undefined;
		});
		if ('error' in outcome) return outcome.error;
		return ok({ linkCustomers: outcome.results as Json[], warnings: [] });
	});

	router.post('/v2/partnerProgram/customerPartnerProgramUpdate', async (req) => {
		const outcome = runBatch(state(), await catalog(), bodyObject(req).customersPartnerUpdates, 'partnerProgramUpdates', 'updateStatus', (customer, program, input) => {
			if (!program) return { code: 2006, message: 'Cannot find the partner program.' };
			const membership = memberships(state()).get(`${customer.id}:${program.partnerProgramId}`) as MembershipRecord | undefined;
			if (!membership || membership.status !== 'LINKED') return { code: 2004, message: 'Link the customer with the partner program.' };
			const type = String(input.updateType ?? '').toUpperCase();
			const details = (input.updateDetails ?? {}) as JsonObject;
			if (type === 'MEMBERSHIP_RELINKING_CANCELLED') {
				membership.lastUpdatedActivity = type;
			} else {
				if (!['UPGRADE', 'DOWNGRADE', 'RENEW'].includes(type)) return { code: 2009, message: 'updateType supports only UPGRADE, RENEW, DOWNGRADE.' };
				if (!details.updatedTierName) return { code: 2002, message: 'Cannot proceed if updateDetails, updatedTierName, or partnerProgramName is empty or null.' };
				if (program.tierBased && !hasTier(program, details.updatedTierName)) return { code: 2007, message: 'Cannot find the partner program tier.' };
				if (pastDate(details.updatedTierExpiryDate)) return { code: 2003, message: 'Partner tier expiry date should not be a past date.' };
				membership.partnerTierName = String(details.updatedTierName);
				if (details.updatedTierExpiryDate) membership.partnerTierExpiryDate = String(details.updatedTierExpiryDate);
				membership.lastUpdatedActivity = type;
			}
			membership.lastUpdatedDate = nowIso();
			membership.history.push(historyEntry(state(), program, type, membership));
			return undefined;
		});
		if ('error' in outcome) return outcome.error;
		return ok({ customersPartnerUpdates: outcome.results as Json[], warnings: [] });
	});

	router.post('/v2/partnerProgram/deLinkCustomer', async (req) => {
		const outcome = runBatch(state(), await catalog(), bodyObject(req).deLinkCustomers, 'deLinkFromPartnerPrograms', 'partnerDeLinkStatus', (customer, program) => {
			if (!program) return { code: 2006, message: 'Cannot find the partner program.' };
			const membership = memberships(state()).get(`${customer.id}:${program.partnerProgramId}`) as MembershipRecord | undefined;
			if (!membership || membership.status !== 'LINKED') return { code: 2004, message: 'Link the customer with the partner program.' };
			membership.status = 'DELINKED';
			membership.lastUpdatedDate = nowIso();
			membership.lastUpdatedActivity = 'DELINKED';
			membership.history.push(historyEntry(state(), program, 'DELINKED', membership));
			return undefined;
		});
		if ('error' in outcome) return outcome.error;
		return ok({ deLinkCustomers: outcome.results as Json[], warnings: [] });
	});

	router.get('/v2/partnerProgram/customerActivityHistory', async (req) => {
		const found = customerFromQuery(state(), req.query);
		if (found.error) return found.error;
		const activity = normalisedActivity(req.query.activityType);
		if (!activity) return v2Error(400, 2014, 'Invalid input. Activity type passed should be LINKINGUPDATES or BENEFITSAVAILED.');
		const start = parseActivityDate(req.query.startDate);
		const end = parseActivityDate(req.query.endDate);
		if (activity === 'linking' && (start !== undefined || end !== undefined)) {
			return v2Error(400, 2015, 'Cannot allow the date parameter if activityType = linkingUpdates.');
		}
		if (Number.isNaN(start) || Number.isNaN(end)) return v2Error(400, 2012, 'Cannot fetch partner program activity.');
		if (start !== undefined && end !== undefined && end - start > 366 * 86_400_000) {
			return v2Error(400, 2013, 'Input time interval should be less than a year for activity history.');
		}
		const programs = await catalog();
		let mine = [...memberships(state()).values()].filter((m) => m.customerId === found.customer.id) as MembershipRecord[];
		if (req.query.partnerProgramId) mine = mine.filter((m) => String(m.partnerProgramId) === req.query.partnerProgramId);
		if (req.query.partnerProgramType) {
			mine = mine.filter((m) => programs.get(String(m.partnerProgramId))?.partnerProgramType === req.query.partnerProgramType.toUpperCase());
		}
		if (!mine.length) return v2Error(404, 2011, 'Cannot find partner program activity for the customer.');
		mine.sort((a, b) => b.lastUpdatedDate.localeCompare(a.lastUpdatedDate));
		const latest = mine[0];
		const program = programs.get(String(latest.partnerProgramId))!;
		const history = mine
			.flatMap((m) => (activity === 'linking' ? m.history : m.benefits))
			.filter((h) => {
				const at = Date.parse(String(h.activityDate));
				return (start === undefined || at >= start) && (end === undefined || at <= end);
			})
			.sort((a, b) => String(b.activityDate).localeCompare(String(a.activityDate)) || Number(b.activityId ?? 0) - Number(a.activityId ?? 0));
		const { page } = paginate(history, req.query, 10, 10);
		return ok({
			partnerProgramDetails: {
				partnerProgramId: program.partnerProgramId,
				partnerProgramName: program.partnerProgramName,
				partnerProgramDescription: program.partnerProgramDescription,
				partnerTierName: latest.partnerTierName,
				partnerTierExpiryDate: latest.partnerTierExpiryDate,
				partnerMembershipId: latest.partnerMembershipId,
				partnerProgramType: program.partnerProgramType,
				partnerProgramMembershipStartDate: latest.membershipStartDate,
				partnerProgramMembershipLastUpdatedDate: latest.lastUpdatedDate,
				partnerProgramMembershipLastUpdatedActivity: latest.lastUpdatedActivity,
				tierBased: program.tierBased,
			},
			customerActivityHistory: page as Json[],
			warnings: [],
			errors: [],
		});
	});
}
