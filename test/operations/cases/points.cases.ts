import type { CaseFile, OperationCase, ErrorCase } from '../case';
import type { Simulator } from '../../simulator/server';

const TOM = '919111111111';
const RITA = '919222222222';

function tom(sim: Simulator) {
	return sim.state.findCustomer('mobile', TOM)!;
}

function giveGroup(sim: Simulator, id: string, points: number) {
	sim.state.userGroups.set(Number(id), { id: Number(id), name: 'Family', externalId: '', primaryUserId: tom(sim).id, members: [tom(sim).id], points, status: 'ACTIVE', createdOn: '' });
}

const transferParams = {
	pointsToTransfer: 50,
	fromIdentifierType: 'MOBILE',
	fromIdentifierValue: TOM,
	toIdentifierType: 'MOBILE',
	toIdentifierValue: RITA,
};

export const cases: OperationCase[] = [
	{
		resource: 'points',
		operation: 'checkTransfer',
		parameters: { ...transferParams, additionalFields: { issueOtp: true, notes: 'gift' } },
		request: {
			method: 'POST',
			path: '/v2/points/isTransferrable',
			body: { pointsTobeTransferred: 50, fromCustomerIdentifier: { type: 'MOBILE', value: TOM }, toCustomerIdentifier: { type: 'MOBILE', value: RITA }, issueOtp: true, notes: 'gift' },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ transferrable: true, pointsTobeTransferred: 50 })]);
			expect(sim.state.validationCodes).toHaveLength(1);
		},
	},
	{
		resource: 'points',
		operation: 'transfer',
		auth: 'oauth',
		setup: (sim) => [{ code: sim.state.issueValidationCode(tom(sim), 50).code }],
		parameters: { ...transferParams, otpCode: '={{ $json.code }}', additionalFields: { notes: 'birthday' } },
		request: { method: 'POST', path: '/v2/points/transfer', body: { pointsTobeTransferred: 50, code: expect.stringMatching(/^\d{6}$/), notes: 'birthday' } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ pointsTransferred: 50, transferredTo: expect.objectContaining({ firstName: 'Rita' }) })]);
			expect(tom(sim).points).toBe(620 - 50);
			expect(sim.state.findCustomer('mobile', RITA)!.points).toBe(120 + 30 + 50);
		},
	},
	{
		resource: 'points',
		operation: 'getTransfers',
		setup: (sim) => {
			const from = tom(sim);
			sim.state.transfers.push({ id: 1, fromType: 'CUSTOMER', fromId: from.id, toType: 'CUSTOMER', toId: from.id + 1, points: 5, notes: 'n', date: '2026-01-01 10:00:00' });
		},
		parameters: { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE', options: { userEntityType: 'CUSTOMER' } },
		request: { method: 'GET', path: '/v2/points/transfer', query: { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE', userEntityType: 'CUSTOMER' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ transferId: 1, pointsTransferred: 5 })]),
	},
	{
		resource: 'points',
		operation: 'reverseRedemption',
		setup: (sim) => {
			sim.state.redemptions.set('R1', { id: 'R1', customerId: tom(sim).id, points: 40, billNumber: 'B', date: '', reversedPoints: 0 });
		},
		parameters: { redemptionId: 'R1', identifierName: 'mobile', identifierValue: TOM, additionalFields: { pointsToBeReversed: 15 } },
		request: { method: 'POST', path: '/v2/points/reverse', body: { redemptionId: 'R1', identifier: { type: 'mobile', value: TOM }, pointsToBeReversed: 15 } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ redemptionId: 'R1', pointsReversed: 15 })]);
			expect(tom(sim).points).toBe(620 + 15);
		},
	},
	{
		resource: 'points',
		operation: 'checkGroupTransfer',
		setup: (sim) => giveGroup(sim, '77', 100),
		parameters: {
			pointsToTransfer: 30,
			fromEntityType: 'USERGROUP2',
			fromEntityIdentifierType: 'id',
			fromEntityIdentifierValue: '77',
			toEntityType: 'CUSTOMER',
			toEntityIdentifierType: 'mobile',
			toEntityIdentifierValue: TOM,
			toEntitySource: 'INSTORE',
			toEntityAccountId: '',
			transferredByIdentifierType: 'mobile',
			transferredByIdentifierValue: TOM,
			transferredBySource: '  ',
		},
		request: {
			method: 'POST',
			path: '/v2/points/userGroup2/isTransferrable',
			body: { pointsTobeTransferred: 30, fromEntity: { type: 'USERGROUP2', identifierType: 'id', identifierValue: '77' }, toEntity: { type: 'CUSTOMER', identifierValue: TOM, source: 'INSTORE' }, transferredBy: { identifierValue: TOM } },
		},
		output: (items, _sim, requests) => {
			expect(items).toEqual([expect.objectContaining({ transferrable: true })]);
			// Empty source / account ID are left out (the docs' group party has neither).
			const body = requests[0].body as Record<string, Record<string, unknown>>;
			expect(Object.keys(body.fromEntity).sort()).toEqual(['identifierType', 'identifierValue', 'type']);
			expect(Object.keys(body.transferredBy).sort()).toEqual(['identifierType', 'identifierValue']);
			expect(body.toEntity).not.toHaveProperty('accountId');
		},
	},
	{
		resource: 'points',
		operation: 'groupTransfer',
		setup: (sim) => giveGroup(sim, '77', 100),
		parameters: {
			pointsToTransfer: 30,
			fromEntityType: 'USERGROUP2',
			fromEntityIdentifierType: 'id',
			fromEntityIdentifierValue: '77',
			toEntityType: 'CUSTOMER',
			toEntityIdentifierType: 'mobile',
			toEntityIdentifierValue: TOM,
			toEntitySource: 'INSTORE',
			toEntityAccountId: 'INSTORE-1',
			transferredByIdentifierType: 'mobile',
			transferredByIdentifierValue: TOM,
			transferredBySource: 'INSTORE',
		},
		request: { method: 'POST', path: '/v2/points/userGroup2/transfer', body: { pointsTobeTransferred: 30, toEntity: { source: 'INSTORE', accountId: 'INSTORE-1' }, transferredBy: { source: 'INSTORE' } } },
		output: (items, sim) => {
			expect(items[0]).toMatchObject({ fromEntityType: 'USERGROUP2', toEntityType: 'CUSTOMER', pointsTransferred: 30 });
			expect(sim.state.userGroups.get(77)!.points).toBe(70);
		},
	},
	{
		resource: 'points',
		operation: 'unlockPromised',
		setup: (sim) => void (tom(sim).extra.promisedPoints = 25),
		parameters: { identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE', eventName: 'TransactionAdd', billNumber: 'BILL-1001', additionalFields: { itemCodes: 'SKU-1, SKU-2' } },
		request: { method: 'POST', path: '/v2/points/unlockPromisedPoints', query: { identifierName: 'mobile', source: 'INSTORE' }, body: { eventName: 'TransactionAdd', billNumber: 'BILL-1001', itemCodes: ['SKU-1', 'SKU-2'] } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ pointsUnlocked: [expect.objectContaining({ pointsUnlocked: 25 })] })]),
	},
	{
		resource: 'points',
		operation: 'checkRedeemable',
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: TOM, points: 100, options: { issueOtp: true, validationType: 'MISSED_CALL', userGroup2Id: 77, userGroup2PrimaryUserSource: 'INSTORE' } },
		request: {
			method: 'GET',
			path: '/v1.1/points/isredeemable',
			query: { mobile: TOM, points: '100', issue_otp: 'true', validation_type: 'MISSED_CALL', user_group2_id: '77', user_group2_primary_user_source: 'INSTORE', format: 'json' },
		},
		// One item, from response.points.redeemable (the shape real clients read, not the garbled JSON sample).
		output: (items) => expect(items).toEqual([expect.objectContaining({ is_redeemable: 'true', points: '100', points_redeem_value: 100, item_status: expect.objectContaining({ code: '800' }) })]),
	},
	{
		resource: 'points',
		operation: 'issueValidationCode',
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: TOM, points: 100 },
		request: { method: 'GET', path: '/v1.1/points/validationcode', query: { mobile: TOM, points: '100', format: 'json' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ points: '100', item_status: expect.objectContaining({ success: 'true' }) })]),
	},
	{
		resource: 'points',
		operation: 'redeem',
		setup: (sim) => {
			giveGroup(sim, '77', 0);
			sim.state.validationCodes.push({ customerId: tom(sim).id, points: 100, code: '424242', expiresAt: Date.now() + 60_000 });
		},
		parameters: {
			v11IdentifierType: 'mobile',
			v11IdentifierValue: TOM,
			points: 100,
			validationCode: '424242',
			additionalFields: { transactionNumber: 'BILL-9', customFields: { field: [{ name: 'reason', value: 'gift' }] }, userGroup2Id: 77, userGroup2PrimaryUserIdentifierType: 'mobile', userGroup2PrimaryUserIdentifierValue: TOM },
		},
		request: {
			method: 'POST',
			path: '/v1.1/points/redeem',
			query: { format: 'json', user_group2_id: '77', user_group2_primary_user_identifier_type: 'mobile', user_group2_primary_user_identifier_value: TOM },
			body: { root: { redeem: [{ customer: { mobile: TOM }, points_redeemed: 100, validation_code: '424242', transaction_number: 'BILL-9', custom_fields: [{ name: 'reason', value: 'gift' }] }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ points_redeemed: '100', redemption_id: expect.any(String) })]);
			expect(tom(sim).points).toBe(620 - 100);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'points',
		operation: 'redeem',
		title: 'insufficient points (v1.1 item_status 804 inside HTTP 200)',
		parameters: { v11IdentifierType: 'mobile', v11IdentifierValue: TOM, points: 100000, validationCode: 'x' },
		message: /804.*Insufficient current points/,
		description: /balance is lower/,
	},
	{
		resource: 'points',
		operation: 'transfer',
		title: 'unknown sender (v2 errors[] 8015)',
		parameters: { ...transferParams, fromIdentifierValue: '910000000000', otpCode: '1' },
		message: /8015/,
		description: /identifier type and value/,
	},
];

export default { cases, errors } satisfies CaseFile;
