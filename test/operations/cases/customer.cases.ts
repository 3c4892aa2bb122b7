import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { byTomLookup, byTomV11, identifiers, PNG, PNG_BASE64, RITA, rita, seedCoupons, TOM, tom, tomQuery } from './customer.fixtures';

/** Customer: create, find, update, status and image. */
export const cases: OperationCase[] = [
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
		resource: 'customer',
		operation: 'updateByIdentifier',
		parameters: {
			...byTomLookup,
			options: { useAsync: true },
			updateFields: {
				firstName: 'Tommy',
				customFields: { field: [{ name: 'city', value: 'Pune' }] },
				extendedFields: { field: [{ name: 'dob', value: '1990-04-01' }] },
				identifiers: { identifier: [{ type: 'wechat', value: 'wc_tom' }] },
			},
		},
		request: {
			method: 'PUT',
			path: '/v2/customers/lookup',
			query: { ...tomQuery, use_async: 'true' },
			body: { profiles: [{ firstName: 'Tommy', fields: { city: 'Pune' }, identifiers: [{ type: 'wechat', value: 'wc_tom' }] }], extendedFields: { dob: '1990-04-01' } },
		},
		output: (items, sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ createdId: tom(sim).id, sideEffects: [] })]);
			expect(requests[0].body).not.toHaveProperty('loyaltyInfo');
			const profile = tom(sim).profiles[0];
			expect(profile.firstName).toBe('Tommy');
			expect(profile.lastName).toBe('Sawyer');
			expect(profile.fields.city).toBe('Pune');
			expect(tom(sim).extendedFields.dob).toBe('1990-04-01');
			expect(sim.state.findCustomer('wechat', 'wc_tom')?.id).toBe(tom(sim).id);
		},
	},
	{
		resource: 'customer',
		operation: 'updateByIdentifier',
		title: 'JSON body, non-loyalty customer becomes a member',
		auth: 'oauth',
		setup: (sim) => {
			sim.state.addCustomer({ loyaltyType: 'non_loyalty', profile: { firstName: 'Ben', identifiers: [{ type: 'email', value: 'ben.rogers@example.com' }] } });
		},
		parameters: {
			identifierName: 'email',
			identifierValue: 'ben.rogers@example.com',
			source: 'INSTORE',
			bodyInput: 'json',
			bodyJson: JSON.stringify({ loyaltyInfo: { loyaltyType: 'loyalty' }, extendedFields: { city: 'Delhi' } }),
		},
		request: { method: 'PUT', path: '/v2/customers/lookup', query: { identifierName: 'email', identifierValue: 'ben.rogers@example.com' }, body: { loyaltyInfo: { loyaltyType: 'loyalty' }, extendedFields: { city: 'Delhi' } } },
		output: (_items, sim) => {
			const ben = sim.state.findCustomer('email', 'ben.rogers@example.com')!;
			expect(ben.loyaltyType).toBe('loyalty');
			expect(ben.extendedFields.city).toBe('Delhi');
		},
	},
	{
		resource: 'customer',
		operation: 'getByIdentifier',
		parameters: { ...byTomLookup, options: { embed: ['mlp', 'subscriptions'] } },
		request: { method: 'GET', path: '/v2/customers/lookup/customerDetails', query: { ...tomQuery, embed: 'mlp,subscriptions' } },
		output: (items, sim) => {
			expect(items).toEqual([
				{
					id: tom(sim).id,
					firstName: 'Tom',
					lastName: 'Sawyer',
					source: 'INSTORE',
					mobile: TOM,
					email: 'tom.sawyer@example.com',
					externalId: 'TS-001',
					loyaltyType: 'loyalty',
					loyaltyPoints: 620,
					lifetimePoints: 620,
					lifetimePurchases: 1200,
					currentSlab: 'Bronze',
					extendedFields: {},
				},
			]);
		},
	},
	{
		resource: 'customer',
		operation: 'getByIdentifier',
		title: 'WeChat account, raw response',
		parameters: { identifierName: 'wechat', identifierValue: 'wc_42', source: 'WECHAT', accountId: 'WECHAT-1', simplify: false, options: { embed: ['mlp'] } },
		request: { method: 'GET', path: '/v2/customers/lookup/customerDetails', query: { identifierName: 'wechat', identifierValue: 'wc_42', source: 'WECHAT', accountId: 'WECHAT-1', embed: 'mlp' } },
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ profiles: [expect.objectContaining({ firstName: 'Wei', source: 'WECHAT' })], loyaltyProgramDetails: [expect.objectContaining({ programId: 1, currentSlab: 'Bronze' })] });
			expect(items[0]).not.toHaveProperty('subscriptions');
		},
	},
	{
		resource: 'customer',
		operation: 'updateStatus',
		auth: 'oauth',
		parameters: { ...byTomLookup, label: 'Suspended', reason: 'Chargeback under review', additionalFields: { createdOn: '2025-03-01T10:00:00Z' } },
		request: { method: 'PUT', path: '/v2/customers/lookup/status', query: tomQuery, body: { label: 'Suspended', reason: 'Chargeback under review', createdOn: '2025-03-01T10:00:00Z' } },
		output: (items, sim) => {
			expect(items).toEqual([{ warnings: [], error: [] }]);
			expect(tom(sim).status).toBe('SUSPENDED');
			expect(tom(sim).statusLog.at(-1)).toMatchObject({ label: 'Suspended', reason: 'Chargeback under review', prevLabel: 'ACTIVE', isActive: true });
		},
	},
	{
		resource: 'customer',
		operation: 'setImageByIdentifier',
		title: 'image given as Base64 from the item',
		setup: () => [{ photo: `data:image/png;base64,${PNG.toString('base64')}` }],
		parameters: { ...byTomLookup, imageSource: 'base64', imageBase64: '={{ $json.photo }}', imageFileName: 'tom.png', imageMimeType: 'image/png' },
		request: { method: 'POST', path: '/v2/customers/lookup/setImage', query: tomQuery },
		output: (items, sim, requests) => {
			expect(requests[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(String(requests[0].body)).toContain('Content-Disposition: form-data; name="file"; filename="tom.png"\r\nContent-Type: image/png');
			expect(items).toEqual([expect.objectContaining({ code: 200, message: 'Successfully uploaded file', file: expect.objectContaining({ namespace: 'customerImage', version: 1 }) })]);
			expect(tom(sim).image).toBe((items[0].file as { fileHandle: string }).fileHandle);
			expect(tom(sim).extra.images).toEqual([expect.objectContaining({ fileName: 'tom.png', mimeType: 'image/png', size: PNG.length, version: 1 })]);
		},
	},
	{
		resource: 'customer',
		operation: 'createWithReferralCode',
		parameters: {
			mobile: '919333333333',
			email: 'huck.finn@example.com',
			additionalFields: {
				firstname: 'Huck',
				lastname: 'Finn',
				type: 'LOYALTY',
				extendedFields: { field: [{ name: 'gender', value: 'Male' }] },
				customFields: { field: [{ name: 'FavoriteColor', value: 'Green' }] },
				subscriptions: { subscription: [{ channel: 'sms', priority: 'BULK', isSubscribed: false, scope: 'all' }] },
			},
		},
		request: {
			method: 'POST',
			path: '/v1.1/customer/add',
			query: { format: 'json' },
			body: {
				root: {
					customer: [
						{
							mobile: '919333333333',
							email: 'huck.finn@example.com',
							firstname: 'Huck',
							lastname: 'Finn',
							type: 'LOYALTY',
							extended_fields: { field: [{ name: 'gender', value: 'Male' }] },
							custom_fields: { field: [{ name: 'FavoriteColor', value: 'Green' }] },
							subscriptions: { subscription: [{ channel: 'sms', priority: 'BULK', is_subscribed: '0', scope: 'all' }] },
						},
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, firstname: 'Huck', mobile: '919333333333', user_id: expect.any(String) })]);
			const huck = sim.state.findCustomer('mobile', '919333333333')!;
			expect(String(huck.id)).toBe(items[0].user_id);
			expect(huck.extendedFields.gender).toBe('Male');
			expect(huck.profiles[0].fields.FavoriteColor).toBe('Green');
			expect(huck.subscriptions).toEqual([expect.objectContaining({ channel: 'SMS', priority: 'BULK', type: 'OPTOUT' })]);
		},
	},
	{
		resource: 'customer',
		operation: 'createWithReferralCode',
		title: 'several customers from JSON, one invalid',
		auth: 'oauth',
		parameters: {
			bodyInput: 'json',
			bodyJson: JSON.stringify([
				{ mobile: '919444444444', firstname: 'Becky', lastname: 'Thatcher' },
				{ mobile: 'not-a-number', firstname: 'Joe' },
			]),
		},
		request: { method: 'POST', path: '/v1.1/customer/add', body: { root: { customer: [{ mobile: '919444444444' }, { mobile: 'not-a-number' }] } } },
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({ success: true, firstname: 'Becky' }),
				expect.objectContaining({ success: false, errorCode: '1001', errorMessage: expect.stringMatching(/Invalid mobile/) }),
			]);
			expect(sim.state.findCustomer('mobile', '919444444444')).toBeDefined();
			expect(sim.state.customers.size).toBe(4);
		},
	},
	{
		resource: 'customer',
		operation: 'updateWithFraudStatus',
		parameters: {
			...byTomV11,
			additionalFields: {
				firstname: 'Thomas',
				fraudStatus: 'NONE',
				extendedFields: { field: [{ name: 'city', value: 'Mysore' }] },
			},
		},
		request: {
			method: 'POST',
			path: '/v1.1/customer/update',
			query: { format: 'json' },
			body: { root: { customer: [{ mobile: TOM, firstname: 'Thomas', fraud_status: { status: 'NONE' }, extended_fields: { field: [{ name: 'city', value: 'Mysore' }] } }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ success: true, firstname: 'Thomas', loyalty_points: '620' })]);
			expect(tom(sim).profiles[0].firstName).toBe('Thomas');
			expect(tom(sim).extendedFields.city).toBe('Mysore');
		},
	},
	{
		resource: 'customer',
		operation: 'getWithHistory',
		setup: seedCoupons,
		parameters: { ...byTomV11, language: 'zh', options: { userId: true, nextSlab: true, couponLimit: 1 } },
		request: { method: 'GET', path: '/v1.1/customer/get', query: { mobile: TOM, user_id: 'true', next_slab: 'true', coupon_limit: '1', format: 'json' } },
		output: (items, sim, requests) => {
			expect(requests[0].headers.language).toBe('zh');
			expect(items).toEqual([{ user_id: String(tom(sim).id), firstname: 'Tom', lastname: 'Sawyer', mobile: TOM, email: 'tom.sawyer@example.com', external_id: 'TS-001', type: 'LOYALTY', loyalty_points: '620', lifetime_points: '620', lifetime_purchases: '1200', current_slab: 'Bronze', tier_expiry_date: expect.any(String), registered_on: expect.any(String), updated_on: expect.any(String), source: 'instore' }]);
		},
	},
	{
		resource: 'customer',
		operation: 'getWithHistory',
		title: 'two customers in one call, raw response',
		setup: seedCoupons,
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: `${TOM},${RITA}`, simplify: false, options: { nextSlab: true } },
		request: { method: 'GET', path: '/v1.1/customer/get', query: { mobile: `${TOM},${RITA}` } },
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ firstname: 'Tom', next_slab: 'Silver', coupons: [expect.objectContaining({ code: 'SHOE10B' }), expect.objectContaining({ code: 'SHOE10A' })] });
			expect(items[0]).not.toHaveProperty('user_id');
			expect(items[1]).toMatchObject({ firstname: 'Rita', coupons: [expect.objectContaining({ code: 'RITA10' })], item_status: expect.objectContaining({ success: 'true' }) });
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
		resource: 'customer',
		operation: 'getByIdentifier',
		title: 'WeChat without account ID (8045)',
		parameters: { identifierName: 'wechat', identifierValue: 'wc_42', source: 'WECHAT' },
		message: /8045/,
		description: /Account ID/,
	},
	{
		resource: 'customer',
		operation: 'updateStatus',
		title: 'customer exists only in another source (8065)',
		parameters: { identifierName: 'mobile', identifierValue: '8613800000000', source: 'INSTORE', label: 'Active', reason: 'x' },
		message: /8065/,
	},
	{
		resource: 'customer',
		operation: 'getWithHistory',
		title: 'unknown customer (item_status 1012 inside HTTP 200)',
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: '910000000000' },
		message: /Capillary error 1012: Cannot find customer/,
		httpCode: '200',
	},
];

export default { cases, errors } satisfies CaseFile;
