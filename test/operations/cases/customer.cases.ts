import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import type { CouponRecord, CouponSeriesRecord, RequestRecord } from '../../simulator/state';

const TOM = '919111111111';
const RITA = '919222222222';
/** A 1×1 PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const program = (id: string) => ({ __rl: true, mode: 'id', value: id });

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

function rita(sim: Simulator) {
	return sim.state.findCustomer('mobile', RITA)!;
}

function addGroup(sim: Simulator) {
	sim.state.userGroups.set(77, { id: 77, name: 'Sawyer family', externalId: 'FAM-77', primaryUserId: 1001, members: [1001, 1002], points: 0, status: 'ACTIVE', createdOn: '2026-01-01T10:00:00+05:30' });
}

function addRequest(sim: Simulator, record: Partial<RequestRecord> & { id: number; type: string; baseType: string }) {
	sim.state.requests.set(record.id, { status: 'PENDING', customerId: 1001, createdOn: '2026-01-02T10:00:00+05:30', updatedOn: '2026-01-02T10:00:00+05:30', ...record } as RequestRecord);
}

function addCoupons(sim: Simulator) {
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

const identifiers = (...list: Array<[string, string]>) => ({ identifier: list.map(([type, value]) => ({ type, value })) });

export const cases: OperationCase[] = [
	// ----- register, look up, update ------------------------------------------------------------
	{
		resource: 'customer',
		operation: 'create',
		title: 'fields: identifiers with a card, channels, custom and extended fields, enrollment',
		parameters: {
			loyaltyType: 'loyalty',
			source: 'INSTORE',
			firstName: 'Ann',
			lastName: 'Lee',
			identifiers: {
				identifier: [
					{ type: 'mobile', value: '919333333333' },
					{ type: 'cardnumber', value: 'CARD-9', seriesId: 19, statusLabel: 'ACTIVE' },
				],
			},
			additionalFields: {
				commChannels: { channel: [{ type: 'email', value: 'ann@example.com', primary: true, verified: true }] },
				customFields: { field: [{ name: 'dateofbirth', value: '22-10-2000' }] },
				extendedFields: { field: [{ name: 'gender', value: 'Female' }] },
				loyaltyProgramEnrollments: { enrollment: [{ programId: 1, loyaltyPoints: 75 }] },
			},
			options: { rawSideEffects: true, waitForDownstream: true },
		},
		request: {
			method: 'POST',
			path: '/v2/customers',
			query: { rawSideEffects: 'true' },
			body: {
				loyaltyInfo: { loyaltyType: 'loyalty' },
				profiles: [
					{
						firstName: 'Ann',
						lastName: 'Lee',
						source: 'INSTORE',
						identifiers: [
							{ type: 'mobile', value: '919333333333' },
							{ type: 'cardnumber', value: 'CARD-9', seriesId: 19, statusLabel: 'ACTIVE' },
						],
						commChannels: [{ type: 'email', value: 'ann@example.com', primary: true, verified: true }],
						fields: { dateofbirth: '22-10-2000' },
					},
				],
				extendedFields: { gender: 'Female' },
				loyaltyProgramEnrollments: [{ programId: 1, loyaltyPoints: 75 }],
			},
		},
		output: (items, sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ createdId: 1004, sideEffects: [expect.objectContaining({ awardedPoints: 75, type: 'points', awardedOn: expect.any(String) })] })]);
			expect(requests[0].headers.wait_for_downstream).toBe('true');
			expect((requests[0].body as { profiles: Array<Record<string, unknown>> }).profiles[0]).not.toHaveProperty('accountId');
			const ann = sim.state.customers.get(1004)!;
			expect(ann.points).toBe(75);
			expect(ann.profiles[0]).toMatchObject({ firstName: 'Ann', fields: { dateofbirth: '22-10-2000' } });
			expect(sim.state.cards.get('CARD-9')).toMatchObject({ customerId: 1004, seriesId: 19, statusLabel: 'ACTIVE' });
		},
	},
	{
		resource: 'customer',
		operation: 'create',
		title: 'JSON body; the identifier exists in another source, so the accounts merge',
		auth: 'oauth',
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify({
				loyaltyInfo: { loyaltyType: 'loyalty' },
				profiles: [{ firstName: 'Rita', identifiers: [{ type: 'mobile', value: RITA }], source: 'WECHAT', accountId: 'WECHAT-1' }],
			}),
		},
		request: { method: 'POST', path: '/v2/customers', body: { profiles: [{ source: 'WECHAT', accountId: 'WECHAT-1' }] } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ createdId: 1002, warnings: [expect.objectContaining({ code: 8050 })] })]);
			expect(rita(sim).profiles.map((p) => p.source)).toEqual(['INSTORE', 'WECHAT']);
		},
	},
	{
		resource: 'customer',
		operation: 'getId',
		parameters: { identifierName: 'email', identifierValue: 'tom.sawyer@example.com', source: 'INSTORE' },
		request: { method: 'GET', path: '/v2/customers/lookup', query: { identifierName: 'email', identifierValue: 'tom.sawyer@example.com', source: 'INSTORE' } },
		output: (items) => expect(items).toEqual([{ customerId: 1001 }]),
	},
	{
		resource: 'customer',
		operation: 'get',
		title: 'raw profile with embedded points and subscriptions',
		parameters: { customerId: '1001', source: 'INSTORE', options: { embed: ['points', 'subscriptions'], language: 'zh' }, simplify: false },
		request: { method: 'GET', path: '/v2/customers/1001', query: { source: 'INSTORE', embed: 'points,subscriptions' } },
		output: (items, _sim, requests) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ id: 1001, pointsSummary: { loyaltyPoints: 620, currentSlab: 'Bronze' }, subscriptionInfo: { subscriptions: expect.arrayContaining([{ channel: 'SMS', priority: 'BULK', type: 'OPTIN' }]) } });
			expect(requests[0].headers.language).toBe('zh');
		},
	},
	{
		resource: 'customer',
		operation: 'get',
		title: 'simplified',
		auth: 'oauth',
		parameters: { customerId: '1001', source: 'ALL' },
		request: { method: 'GET', path: '/v2/customers/1001', query: { source: 'ALL' } },
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ id: 1001, firstName: 'Tom', lastName: 'Sawyer', mobile: TOM, email: 'tom.sawyer@example.com', externalId: 'TS-001', loyaltyType: 'loyalty', loyaltyPoints: 620, currentSlab: 'Bronze' })]);
			expect(items[0]).not.toHaveProperty('profiles');
		},
	},
	{
		resource: 'customer',
		operation: 'update',
		parameters: {
			customerId: '1001',
			source: 'INSTORE',
			updateFields: {
				firstName: 'Thomas',
				customFields: { field: [{ name: 'city', value: 'Mumbai' }] },
				extendedFields: { field: [{ name: 'preferred_store', value: 'S-12' }] },
				commChannels: { channel: [{ type: 'mobile', value: TOM, primary: true, verified: true }] },
			},
			options: { useAsync: true },
		},
		request: {
			method: 'PUT',
			path: '/v2/customers/1001',
			query: { source: 'INSTORE', use_async: 'true' },
			body: { profiles: [{ firstName: 'Thomas', source: 'INSTORE', fields: { city: 'Mumbai' }, commChannels: [{ type: 'mobile', value: TOM }] }], extendedFields: { preferred_store: 'S-12' } },
		},
		output: (items, sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ createdId: 1001 })]);
			const body = requests[0].body as Record<string, unknown>;
			expect(body).not.toHaveProperty('loyaltyInfo');
			expect((body.profiles as Array<Record<string, unknown>>)[0]).not.toHaveProperty('lastName');
			expect(tom(sim).profiles[0]).toMatchObject({ firstName: 'Thomas', lastName: 'Sawyer', fields: { city: 'Mumbai', gender: 'Male' } });
			expect(tom(sim).extendedFields).toMatchObject({ preferred_store: 'S-12' });
		},
	},
	{
		resource: 'customer',
		operation: 'search',
		parameters: { q: 'ri', limit: 5 },
		request: { method: 'GET', path: '/v2/customers/search', query: { q: 'ri', limit: '5', offset: '0' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ userId: 1002, matchedIdentifiers: expect.arrayContaining([expect.objectContaining({ idType: 'firstName', idValue: 'Rita' })]) })]),
	},
	{
		resource: 'customer',
		operation: 'search',
		title: 'return all pages',
		setup: (sim) => {
			for (let i = 0; i < 120; i++) sim.state.addCustomer({ profile: { firstName: `Sam${i}`, identifiers: [{ type: 'mobile', value: String(918000000000 + i) }] } });
		},
		parameters: { q: 'sam', returnAll: true },
		request: [
			{ method: 'GET', path: '/v2/customers/search', query: { q: 'sam', limit: '100', offset: '0' } },
			{ method: 'GET', path: '/v2/customers/search', query: { q: 'sam', limit: '100', offset: '100' } },
		],
		output: (items) => {
			expect(items).toHaveLength(120);
			expect(new Set(items.map((i) => i.userId)).size).toBe(120);
		},
	},

	// ----- identifiers and cards ----------------------------------------------------------------
	{
		resource: 'customerIdentifier',
		operation: 'addOrRemove',
		parameters: {
			customerId: '1001',
			source: 'INSTORE',
			add: identifiers(['email', 'tom@new.example.com']),
			remove: identifiers(['email', 'tom.sawyer@example.com']),
			options: { useAsync: true },
		},
		request: {
			method: 'POST',
			path: '/v2/customers/1001/changeIdentifier',
			query: { source: 'INSTORE', use_async: 'true' },
			body: { add: [{ type: 'email', value: 'tom@new.example.com' }], remove: [{ type: 'email', value: 'tom.sawyer@example.com' }] },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			expect(sim.state.identifier(tom(sim), 'email')).toBe('tom@new.example.com');
			expect(sim.state.requests.get(Number(items[0].createdId))).toMatchObject({ type: 'CHANGE_IDENTIFIER', baseType: 'EMAIL', customerId: 1001, status: 'APPROVED' });
		},
	},
	{
		resource: 'customerIdentifier',
		operation: 'linkCard',
		title: 'link an unissued card',
		setup: (sim) => void sim.state.cards.set('GOLD-1', { cardNumber: 'GOLD-1', seriesId: 19, customerId: null, statusLabel: 'NOT_ISSUED', createdOn: '2026-01-01T10:00:00+05:30' }),
		parameters: { customerId: '1001', source: 'INSTORE', cardAction: 'add', cardNumber: 'GOLD-1', seriesCode: 'GOLDPHY98' },
		request: {
			method: 'POST',
			path: '/v2/customers/1001/changeIdentifier',
			query: { source: 'INSTORE' },
			body: { add: [{ type: 'cardnumber', value: 'GOLD-1', seriesCode: 'GOLDPHY98', statusLabel: 'ACTIVE' }] },
		},
		output: (items, sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			expect(requests[0].body).not.toHaveProperty('remove');
			expect(sim.state.cards.get('GOLD-1')).toMatchObject({ customerId: 1001, statusLabel: 'ACTIVE', seriesCode: 'GOLDPHY98' });
			expect(sim.state.identifier(tom(sim), 'cardnumber')).toBe('GOLD-1');
		},
	},
	{
		resource: 'customerIdentifier',
		operation: 'linkCard',
		title: 'delink a card',
		auth: 'oauth',
		setup: (sim) => {
			sim.state.cards.set('GOLD-2', { cardNumber: 'GOLD-2', seriesId: 19, customerId: 1001, statusLabel: 'ACTIVE', createdOn: '2026-01-01T10:00:00+05:30' });
			tom(sim).profiles[0].identifiers.push({ type: 'cardnumber', value: 'GOLD-2' });
		},
		parameters: { customerId: '1001', source: 'INSTORE', cardAction: 'remove', cardNumber: 'GOLD-2' },
		request: { method: 'POST', path: '/v2/customers/1001/changeIdentifier', body: { remove: [{ type: 'cardnumber', value: 'GOLD-2', statusLabel: 'NOT_ISSUED' }] } },
		output: (_items, sim) => {
			expect(sim.state.cards.get('GOLD-2')).toMatchObject({ customerId: null, statusLabel: 'NOT_ISSUED' });
			expect(sim.state.identifier(tom(sim), 'cardnumber')).toBe('');
		},
	},

	// ----- upsert and hierarchy (bulk) ----------------------------------------------------------
	{
		resource: 'customer',
		operation: 'upsert',
		title: 'fields: an existing customer gets a new name and external ID',
		parameters: {
			source: 'INSTORE',
			firstName: 'Thomas',
			identifiers: identifiers(['mobile', TOM], ['externalId', 'TS-002']),
			options: { skipChangeIdentifier: false },
		},
		request: {
			method: 'POST',
			path: '/v2/integrations/customer/upsert/bulk',
			query: { skipChangeIdentifier: 'false' },
			body: [{ loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [{ firstName: 'Thomas', source: 'INSTORE', identifiers: [{ type: 'mobile', value: TOM }, { type: 'externalId', value: 'TS-002' }] }] }],
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ entityId: 1001, success: true })]);
			expect(tom(sim).profiles[0].firstName).toBe('Thomas');
			expect(sim.state.identifier(tom(sim), 'externalId')).toBe('TS-002');
		},
	},
	{
		resource: 'customer',
		operation: 'upsert',
		title: 'JSON list: one created, one rejected (per-customer status)',
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify([
				{ profiles: [{ firstName: 'Neo', identifiers: [{ type: 'mobile', value: '919666666666' }], source: 'INSTORE' }] },
				{ profiles: [{ firstName: 'Nobody', identifiers: [], source: 'INSTORE' }] },
			]),
		},
		request: { method: 'POST', path: '/v2/integrations/customer/upsert/bulk' },
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ entityId: 1004, success: true }),
				expect.objectContaining({ success: false, errorCode: '1007', errorMessage: expect.stringMatching(/primary identifier/) }),
			]);
			expect(sim.state.findCustomer('mobile', '919666666666')?.profiles[0].firstName).toBe('Neo');
		},
	},
	{
		resource: 'customerHierarchy',
		operation: 'associate',
		parameters: {
			source: 'INSTORE',
			firstName: 'Fleet',
			lastName: 'Owner',
			identifiers: identifiers(['mobile', '919444444444']),
			association: {
				hierarchyCode: 'code-association2',
				roleCode: 'FA',
				childRoleCode: 'FC',
				fleetCompanyExternalId: 'CO-1',
				childCustomers: JSON.stringify([{ profiles: [{ firstName: 'Kid', identifiers: [{ type: 'mobile', value: '919555555555' }], source: 'INSTORE' }] }]),
			},
		},
		request: {
			method: 'POST',
			path: '/v2/customers/bulk',
			body: [
				{
					profiles: [{ firstName: 'Fleet', lastName: 'Owner', source: 'INSTORE', identifiers: [{ type: 'mobile', value: '919444444444' }] }],
					associationDetails: { hierarchyCode: 'code-association2', roleCode: 'FA', childRoleCode: 'FC', fleetCompany: { externalId: 'CO-1' }, childCustomers: [{ profiles: [{ firstName: 'Kid' }] }] },
				},
			],
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, childCount: 1, childSuccessCount: 1, entity: expect.objectContaining({ id: 1004 }) })]);
			const kid = sim.state.findCustomer('mobile', '919555555555')!;
			expect(kid.extra.association).toMatchObject({ parentId: 1004, roleCode: 'FC', fleetCompanyExternalId: 'CO-1' });
		},
	},
	{
		resource: 'customerHierarchy',
		operation: 'updateAssociation',
		auth: 'oauth',
		parameters: {
			source: 'INSTORE',
			identifiers: identifiers(['mobile', RITA]),
			association: { hierarchyCode: 'code-2', roleCode: 'FC', parentIdentifierType: 'mobile', parentIdentifierValue: TOM },
		},
		request: {
			method: 'PUT',
			path: '/v2/customers/bulk',
			query: { source: 'INSTORE' },
			body: [{ profiles: [{ identifiers: [{ type: 'mobile', value: RITA }] }], associationDetails: { hierarchyCode: 'code-2', roleCode: 'FC', parentCustomer: { profiles: [{ identifiers: [{ type: 'mobile', value: TOM }], source: 'INSTORE' }] } } }],
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: 1002, success: true, associationDetails: expect.objectContaining({ hierarchyCode: 'code-2' }) })]);
			expect(rita(sim).extra.association).toMatchObject({ parentId: 1001, hierarchyCode: 'code-2' });
		},
	},
	{
		resource: 'customerHierarchy',
		operation: 'getMembers',
		setup: (sim) => {
			rita(sim).extra.association = { hierarchyCode: 'code-2', roleCode: 'FC', parentId: 1001, fleetCompanyExternalId: '' };
		},
		parameters: { source: 'INSTORE', associationEntityType: 'parentCustomer', associationEntityIdentifierType: 'mobile', associationEntityIdentifierValue: TOM, returnAll: true, options: { sortOrder: 'ASC' } },
		request: {
			method: 'GET',
			path: '/v2/customers/bulk',
			query: { source: 'INSTORE', associationEntityType: 'parentCustomer', associationEntityIdentifierType: 'mobile', associationEntityIdentifierValue: TOM, sortOrder: 'ASC', limit: '100', offset: '0' },
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 1002, firstName: 'Rita', mobile: RITA })]),
	},

	// ----- subscriptions ------------------------------------------------------------------------
	{
		resource: 'customerSubscription',
		operation: 'updateSubscriptions',
		parameters: {
			customerId: '1001',
			subscriptions: {
				subscription: [
					{ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT', sourceName: 'INSTORE' },
					{ channel: 'MOBILE', priority: 'TRANS', type: 'OPTIN', sourceName: 'INSTORE' },
				],
			},
			additionalFields: { reason: 'Customer asked', campaignId: -1, scope: 'USER', subScope: 'NONE' },
		},
		// POST, as the Update Subscription Details page says (the API index row's PUT is not documented).
		request: [
			{
			method: 'POST',
			path: '/v2/customers/1001/subscriptions',
			body: {
				subscriptions: [
					{ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT', sourceName: 'INSTORE' },
					{ channel: 'MOBILE', priority: 'TRANS', type: 'OPTIN', sourceName: 'INSTORE' },
				],
				reason: 'Customer asked',
				campaignId: -1,
				scope: { scope: 'USER', subScope: 'NONE' },
			},
			},
		],
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT' }), expect.objectContaining({ channel: 'SMS', priority: 'TRANS', type: 'OPTIN' })]);
			expect(tom(sim).subscriptions).toContainEqual(expect.objectContaining({ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT' }));
			expect(tom(sim).subscriptionLog).toHaveLength(2);
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptions',
		setup: (sim) => void tom(sim).subscriptions.push({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' }),
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/subscriptions' },
		output: (items) => {
			expect(items).toHaveLength(4);
			expect(items).toContainEqual({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' });
			expect(items).toContainEqual({ channel: 'EMAIL', priority: 'TRANS', type: 'OPTIN' });
		},
	},
	{
		resource: 'customerSubscription',
		operation: 'getSubscriptionLog',
		setup: (sim) => {
			tom(sim).subscriptionLog.push(
				{ channel: 'EMAIL', priority: 'BULK', type: 'OPTOUT', addedOn: '2026-01-02T10:00:00+05:30', source: 'INSTORE', reason: 'Asked by phone' },
				{ channel: 'SMS', priority: 'TRANS', type: 'OPTIN', addedOn: '2026-01-03T10:00:00+05:30' },
			);
		},
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/subscriptionStatusChangeLog' },
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({ commChannelType: 'email', priority: 'BULK', status: false, addedOn: '2026-01-02', reason: 'Asked by phone' }),
				expect.objectContaining({ commChannelType: 'mobile', priority: 'TRANS', status: true }),
			]),
	},

	// ----- points, tier, loyalty ----------------------------------------------------------------
	{
		resource: 'customerLoyalty',
		operation: 'getPointsExpirySchedule',
		parameters: { customerId: '1001', options: { programId: program('1') }, returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/pointsExpirySchedule', query: { programId: '1' } },
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items.reduce((sum, s) => sum + Number(s.points), 0)).toBe(620);
			expect(items).toContainEqual(expect.objectContaining({ points: 120, pointsType: 'bill_regular', expiryType: 'fixed', programId: 1 }));
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsExpiryScheduleByIdentifier',
		auth: 'oauth',
		setup: (sim) => void sim.state.debit(rita(sim), 100, 'PointsRedemption', 'R-1'),
		parameters: { identifierName: 'mobile', identifierValue: RITA, source: 'INSTORE', options: { fetchDataForAllPrograms: true, fetchEarliestExpiryOnly: true }, limit: 10 },
		request: { method: 'GET', path: '/v2/customers/lookup/pointsExpirySchedule', query: { identifierName: 'mobile', identifierValue: RITA, source: 'INSTORE', fetchDataForAllPrograms: 'true', fetchEarliestExpiryOnly: 'true' } },
		output: (items) => {
			// 120 registration points and 30 bill points; 100 redeemed from the oldest credit first.
			expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ points: 20, pointsType: 'customer_promotions' }), expect.objectContaining({ points: 30, pointsType: 'bill_regular' })]));
			expect(items).toHaveLength(2);
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getEvents',
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/loyaltyEvents' },
		output: (items) => expect(items.map((e) => e.eventName)).toEqual(['CustomerRegistration', 'TransactionAdd']),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getDetails',
		setup: (sim) => void sim.state.debit(tom(sim), 40, 'PointsRedemption', 'R-2'),
		parameters: { customerId: '1001', options: { programId: program('1') } },
		request: { method: 'GET', path: '/v2/customers/1001/loyaltyDetails', query: { programId: '1' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ programId: 1, loyaltyPoints: 580, lifetimePoints: 620, redeemed: 40, currentSlab: 'Bronze', nextSlab: 'Silver', cumulativePurchases: 1200 })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsTransfers',
		setup: (sim) => {
			sim.state.transfers.push({ id: 9, fromType: 'CUSTOMER', fromId: 1001, toType: 'CUSTOMER', toId: 1002, points: 15, notes: 'gift', date: '2026-01-01 10:00:00' });
			sim.state.transfers.push({ id: 10, fromType: 'CUSTOMER', fromId: 1002, toType: 'CUSTOMER', toId: 1003, points: 5, notes: '', date: '2026-01-02 10:00:00' });
		},
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/pointsTransfers' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ transferId: 9, transferType: 'DEDUCTION', pointsTransferred: 15, transferredTo: expect.objectContaining({ userId: 1002, firstName: 'Rita' }) })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsBalance',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 25),
		parameters: { customerId: '1001', options: { entityType: 'CUSTOMER', programId: program('1'), source: 'INSTORE' } },
		request: { method: 'GET', path: '/v2/customers/1001/points/balance', query: { entityType: 'CUSTOMER', programId: '1', source: 'INSTORE' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ entityId: 1001, mainPoints: 620, promisedPoints: 25, totalPoints: 645, programId: 1 })]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getTier',
		parameters: { customerId: '1001', options: { fetchDataForAllPrograms: true } },
		request: { method: 'GET', path: '/v2/customers/1001/tierDetails', query: { fetchDataForAllPrograms: 'true' } },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ entityId: 1001, entityType: 'CUSTOMER' });
			expect(items[0].programTiers).toEqual([
				expect.objectContaining({ programId: 1, currentTierName: 'Bronze', currentTierSerialNumber: 1, nextTierName: 'Silver' }),
				expect.objectContaining({ programId: 2 }),
			]);
		},
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPromisedPointsSchedule',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 40),
		parameters: { customerId: '1001', options: { startDate: '2000-01-01', endDate: '2999-12-31' } },
		request: { method: 'GET', path: '/v2/customers/1001/promisedPointsSchedule', query: { startDate: '2000-01-01', endDate: '2999-12-31' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ entityId: 1001, promisedPointsScheduleList: [expect.objectContaining({ points: 40, programId: 1, redeemableFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })] })]),
	},

	// ----- coupons ------------------------------------------------------------------------------
	{
		resource: 'customerCoupon',
		operation: 'getCoupons',
		setup: addCoupons,
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/coupons' },
		output: (items) =>
			expect(items).toEqual([
				{ id: 602, code: 'USED10', seriesId: 501, seriesName: '10% off', discountType: 'PERC', discountValue: 10, issuedOn: '2026-01-05T10:00:00+05:30', validTill: '2099-12-31T23:59:59+05:30', redeemed: true, redemptionsLeft: 0 },
				expect.objectContaining({ id: 601, code: 'SAVE10', redeemed: false, redemptionsLeft: 1 }),
			]),
	},
	{
		resource: 'customerCoupon',
		operation: 'getCouponsByIdentifier',
		auth: 'oauth',
		setup: addCoupons,
		parameters: { couponIdentifierType: 'mobile', couponIdentifierValue: TOM, options: { status: 'Unredeemed' } },
		request: { method: 'GET', path: '/v2/customers/coupons', query: { mobile: TOM, status: 'Unredeemed' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 1001, firstname: 'Tom', coupons: [expect.objectContaining({ code: 'SAVE10', discountType: 'PERC', redemptionsLeft: 1 })] })]),
	},

	// ----- requests -----------------------------------------------------------------------------
	{
		resource: 'customerRequest',
		operation: 'getRetroRequests',
		setup: (sim) => {
			addRequest(sim, { id: 7062100, type: 'TRANSACTION_UPDATE', baseType: 'RETRO', status: 'APPROVED', transactionId: '5001' });
			addRequest(sim, { id: 7062101, type: 'CHANGE_IDENTIFIER', baseType: 'MOBILE', newValue: '919777777777', oldValue: TOM });
			addRequest(sim, { id: 7062102, type: 'TRANSACTION_UPDATE', baseType: 'RETRO', customerId: 1002 });
		},
		parameters: { customerId: '1001', options: { changeType: 'RETRO', startDate: '2026-01-01' } },
		request: { method: 'GET', path: '/v2/customers/1001/retroRequest', query: { changeType: 'RETRO', startDate: '2026-01-01', limit: '50', offset: '0' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ requestId: 7062100, baseType: 'RETRO', status: 'APPROVED', transactionId: '5001', userId: 1001 })]),
	},
	{
		resource: 'customerIdentifier',
		operation: 'getChangeRequests',
		setup: (sim) => {
			addRequest(sim, { id: 7062101, type: 'CHANGE_IDENTIFIER', baseType: 'MOBILE', status: 'APPROVED', newValue: '919777777777', oldValue: TOM });
			addRequest(sim, { id: 7062103, type: 'CHANGE_IDENTIFIER', baseType: 'EMAIL', newValue: 'x@example.com' });
		},
		parameters: { customerId: '1001', options: { changeType: 'MOBILE', sortOrder: 'DESC' } },
		request: { method: 'GET', path: '/v2/customers/1001/changeRequest', query: { changeType: 'MOBILE', sortOrder: 'DESC' } },
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({ id: 7062101, changeType: 'MOBILE', status: 'APPROVED', changeIdentifiers: { add: [{ type: 'MOBILE', value: '919777777777' }], remove: [{ type: 'MOBILE', value: TOM }] } }),
			]),
	},
	{
		resource: 'customerRequest',
		operation: 'getGoodwillRequests',
		setup: (sim) => {
			addRequest(sim, { id: 7062200, type: 'GOODWILL', baseType: 'POINTS', status: 'APPROVED', points: 450, approvedValue: '450', reason: 'Late delivery', approvalType: 'CLIENT' });
			addRequest(sim, { id: 7062201, type: 'GOODWILL', baseType: 'POINTS', status: 'PENDING', points: 10, approvalType: 'CONFIG_DISABLED' });
		},
		parameters: { customerId: '1001', options: { autoApprove: true } },
		request: { method: 'GET', path: '/v2/customers/1001/goodwillRequest', query: { autoApprove: 'true' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ requestId: 7062200, goodwillType: 'POINTS', goodwillStatus: 'APPROVED', approvedValue: '450', reason: 'Late delivery' })]),
	},
	{
		resource: 'customerRequest',
		operation: 'requestGroupGoodwill',
		setup: addGroup,
		parameters: {
			groupIdentifierType: 'id',
			groupIdentifierValue: '77',
			points: 100,
			reason: 'POINTS_ISSUE',
			additionalFields: { goodwillComments: 'Loyal family', programId: 1, source: 'INSTORE' },
		},
		request: {
			method: 'POST',
			path: '/v2/requests',
			body: {
				type: 'GOODWILL',
				baseType: 'POINTS',
				goodwillRequest: { points: 100, reason: 'POINTS_ISSUE', comments: 'Loyal family' },
				earningEntityType: 'USERGROUP2',
				userGroup2IdentificationInfo: { identifierType: 'id', identifierValue: 77, source: 'INSTORE' },
				programId: 1,
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ createdId: expect.any(Number) })]);
			expect(sim.state.requests.get(Number(items[0].createdId))).toMatchObject({ type: 'GOODWILL', baseType: 'POINTS', status: 'PENDING', userGroupId: 77, points: 100, customerId: null });
		},
	},
	{
		resource: 'customerRequest',
		operation: 'getGroupGoodwillRequests',
		setup: (sim) => {
			addGroup(sim);
			addRequest(sim, { id: 7062300, type: 'GOODWILL', baseType: 'POINTS', customerId: null, earningEntityType: 'USERGROUP2', userGroupId: 77, points: 100 });
			addRequest(sim, { id: 7062301, type: 'GOODWILL', baseType: 'COUPON', customerId: null });
			addRequest(sim, { id: 7062302, type: 'GOODWILL', baseType: 'POINTS', status: 'APPROVED' });
		},
		parameters: { requestType: 'GOODWILL', requestSubType: 'POINTS', options: { status: 'PENDING' } },
		request: { method: 'GET', path: '/v2/requests', query: { requestType: 'GOODWILL', requestSubType: 'POINTS', status: 'PENDING', limit: '50', offset: '0' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 7062300, type: 'GOODWILL', baseType: 'POINTS', status: 'PENDING' })]),
	},

	// ----- image --------------------------------------------------------------------------------
	{
		resource: 'customer',
		operation: 'setImage',
		title: 'Base64 image (binary input: customer.files.test.ts)',
		parameters: { customerId: '1001', imageSource: 'base64', imageBase64: `data:image/png;base64,${PNG_BASE64}`, imageFileName: 'tom.png', imageMimeType: 'image/png' },
		request: { method: 'POST', path: '/v2/customers/1001/setImage' },
		output: (items, sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ code: 200, message: 'Successfully uploaded file', file: expect.objectContaining({ fileHandle: 'img-1001-1', version: 1 }) })]);
			expect(requests[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(String(requests[0].body)).toContain('Content-Disposition: form-data; name="file"; filename="tom.png"\r\nContent-Type: image/png');
			expect(tom(sim).image).toBe('customerImage/50672/1001/img-1001-1');
			expect(tom(sim).extra.imageFile).toEqual({ fileName: 'tom.png', contentType: 'image/png', size: Buffer.from(PNG_BASE64, 'base64').length });
		},
	},
	{
		resource: 'customer',
		operation: 'deleteImage',
		setup: (sim) => {
			tom(sim).image = 'customerImage/50672/1001/img-1001-1';
			tom(sim).extra.imageVersion = 1;
		},
		parameters: { customerId: '1001', options: { imageIds: 'img-1001-1' } },
		request: { method: 'DELETE', path: '/v2/customers/1001/deleteImage', query: { image_ids: 'img-1001-1' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ code: 200, message: 'Success' })]);
			expect(tom(sim).image).toBeUndefined();
		},
	},

	// ----- referrals, logs, trackers, transactions ----------------------------------------------
	{
		resource: 'referral',
		operation: 'addReferrals',
		parameters: {
			customerId: '1001',
			referralCampaign: 'CWRME',
			invitees: {
				invitee: [
					{ type: 'MOBILE', identifier: '918867710032', name: 'Sam', invitedOn: '2021-12-16 13:15:45' },
					{ type: 'EMAIL', identifier: 'sam@example.com', name: 'Sam' },
				],
			},
			additionalFields: { mobile: TOM },
		},
		request: {
			method: 'POST',
			path: '/v2/customers/1001/referrals',
			body: {
				customerReferrals: [
					{
						customer: { id: 1001, mobile: TOM },
						campaignToken: 'CWRME',
						referrals: [
							{ type: 'MOBILE', referral: [{ name: 'Sam', identifier: '918867710032', invitedOn: '2021-12-16 13:15:45' }] },
							{ type: 'EMAIL', referral: [{ name: 'Sam', identifier: 'sam@example.com' }] },
						],
					},
				],
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ campaignToken: 'CWRME', customer: expect.objectContaining({ id: 1001 }) })]);
			expect(tom(sim).referrals).toEqual([
				expect.objectContaining({ type: 'MOBILE', identifier: '918867710032', campaignToken: 'CWRME' }),
				expect.objectContaining({ type: 'EMAIL', identifier: 'sam@example.com' }),
			]);
		},
	},
	{
		resource: 'referral',
		operation: 'getReferrals',
		setup: (sim) => void tom(sim).referrals.push({ campaignToken: 'CWRME', type: 'MOBILE', name: 'Rita', identifier: RITA, invitedOn: '2020-05-21 11:52:33', till: 'store.server' }),
		parameters: { customerId: '1001' },
		request: { method: 'GET', path: '/v2/customers/1001/referrals', query: { limit: '50', offset: '0' } },
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({
					referralCode: expect.any(String),
					invitees: [expect.objectContaining({ type: 'MOBILE', identifier: RITA })],
					referee: [expect.objectContaining({ userId: 1002, firstName: 'Rita', eventType: 'REGISTRATION' })],
				}),
			]),
	},
	{
		resource: 'customer',
		operation: 'getStatusLog',
		setup: (sim) => void tom(sim).statusLog.push({ status: 'SUSPENDED', label: 'Suspended', reason: 'Fraud check', createdOn: '2026-01-03T10:00:00+05:30', isActive: false }),
		parameters: { customerId: '1001', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1001/statusLog' },
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({ status: 'ACTIVE', label: 'Active', entityId: 1001 }),
				expect.objectContaining({ status: 'SUSPENDED', label: 'Suspended', prevLabel: 'Active', reason: 'Fraud check' }),
			]),
	},
	{
		resource: 'customerLoyalty',
		operation: 'getGroupTrackers',
		setup: addGroup,
		parameters: { trackerEntityType: 'USERGROUP2', trackerIdentifierType: 'id', trackerIdentifierValue: '77', options: { source: 'INSTORE' }, returnAll: true },
		request: { method: 'GET', path: '/v2/customers/userEntityTrackers', query: { type: 'USERGROUP2', identifierType: 'id', identifierValue: '77', source: 'INSTORE' } },
		output: (items) =>
			expect(items).toEqual([expect.objectContaining({ name: 'Total spend', type: 'SUM', value: 1500 }), expect.objectContaining({ name: 'Visits', type: 'COUNT', value: 2 })]),
	},
	{
		resource: 'customerActivity',
		operation: 'getTransactions',
		setup: (sim) => {
			sim.state.addTransaction({
				number: 'BILL-1003',
				type: 'REGULAR',
				customerId: 1001,
				amount: 500,
				billingTime: '2099-01-01 10:00:00',
				lineItems: [],
				paymentModes: [{ mode: 'Cash', value: 500 }],
				extendedFields: {},
				customFields: { channel: 'app' },
				notes: '',
				storeCode: 'store.server',
				source: 'v2',
			});
		},
		parameters: { customerId: '1001', returnAll: true, options: { embed: ['BILL_CF', 'PAYMENT_MODES'], sortOrder: 'ASC', startDate: '2000-01-01 00:00:00' } },
		request: { method: 'GET', path: '/v2/customers/1001/transactions', query: { embed: 'BILL_CF,PAYMENT_MODES', sortOrder: 'ASC', startDate: '2000-01-01 00:00:00', limit: '1000', offset: '0' } },
		output: (items) => {
			expect(items.map((t) => t.billNumber)).toEqual(['BILL-1001', 'BILL-1003']);
			expect(items[1]).toMatchObject({ amount: 500, customFields: { channel: 'app' }, paymentModes: [{ mode: 'Cash', value: 500 }], type: 'REGULAR' });
			expect(items[0]).not.toHaveProperty('extendedFields');
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customer',
		operation: 'get',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { customerId: '999999', source: 'INSTORE' },
		message: /8015.*No customer found/,
	},
	{
		resource: 'customer',
		operation: 'update',
		title: 'loyalty member cannot become non-loyalty (1046)',
		parameters: { customerId: '1001', source: 'INSTORE', updateFields: { loyaltyType: 'non_loyalty' } },
		message: /1046.*non-loyalty is not allowed/,
	},
	{
		resource: 'customer',
		operation: 'create',
		title: 'identifier already registered in the source (1014)',
		parameters: { loyaltyType: 'loyalty', source: 'INSTORE', identifiers: { identifier: [{ type: 'mobile', value: TOM }] } },
		message: /1014.*registered already/,
	},
	{
		resource: 'customer',
		operation: 'upsert',
		title: 'every customer of the batch failed (per-entity 1007 becomes the error)',
		parameters: { bodyInput: 'json', bodyJson: JSON.stringify([{ profiles: [{ identifiers: [], source: 'INSTORE' }] }]) },
		message: /1007/,
	},
	{
		resource: 'customerLoyalty',
		operation: 'getPointsBalance',
		title: 'unknown program (1213)',
		parameters: { customerId: '1001', options: { programId: program('999') } },
		message: /1213.*programId/,
	},
	{
		resource: 'customerRequest',
		operation: 'requestGroupGoodwill',
		title: 'unknown user group (93026)',
		parameters: { groupIdentifierType: 'id', groupIdentifierValue: '404', points: 10, reason: 'POINTS_ISSUE' },
		message: /93026.*Invalid Group Details/,
	},
	{
		resource: 'customerIdentifier',
		operation: 'addOrRemove',
		title: 'the new identifier belongs to another customer (8008)',
		parameters: { customerId: '1001', source: 'INSTORE', add: identifiers(['mobile', RITA]) },
		message: /8008/,
	},
];

export default { cases, errors } satisfies CaseFile;
