/** Points endpoints: transfers (customer and group), reversal, unlock, and v1.1 redemption. */
import type { JsonObject, Router, SimRequest } from '../http';
import { bodyObject, itemStatus, nowIso, nowV11, ok, v11Entities, v11Error, v11Ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState } from '../state';

/** `{type: MOBILE|ID|EMAIL|EXTERNAL_ID, value}` as used by customer transfers. */
function byTransferIdentifier(state: SimState, identifier: unknown): Customer | undefined {
	const { type, value } = (identifier ?? {}) as { type?: string; value?: string };
	const map: Record<string, string> = { ID: 'id', MOBILE: 'mobile', EMAIL: 'email', EXTERNAL_ID: 'externalId' };
	const t = map[String(type ?? '').toUpperCase()];
	return t && value !== undefined ? state.findCustomer(t, String(value)) : undefined;
}

function transferCheck(state: SimState, req: SimRequest) {
	const body = bodyObject(req);
	const points = Number(body.pointsTobeTransferred);
	const from = byTransferIdentifier(state, body.fromCustomerIdentifier);
	const to = byTransferIdentifier(state, body.toCustomerIdentifier);
	if (!Number.isFinite(points) || points <= 0) return { error: v2Error(400, 8217, 'Invalid points to be transferred') };
	if (!from) return { error: v2Error(404, 8015, 'No customer found with the given identifier (fromCustomerIdentifier).') };
	if (!to) return { error: v2Error(404, 8015, 'No customer found with the given identifier (toCustomerIdentifier).') };
	if (from.id === to.id) return { error: v2Error(400, 8218, 'Points cannot be transferred to the same customer') };
	if (from.points < points) return { error: v2Error(400, 804, 'Insufficient current points.') };
	return { from, to, points, body };
}

function transferView(state: SimState, t: SimState['transfers'][number]): JsonObject {
	const who = (type: string, id: number) => {
		const c = type === 'CUSTOMER' ? state.customers.get(id) : undefined;
		const p = c?.profiles[0];
		return { userId: id, firstName: p?.firstName ?? '', lastName: p?.lastName ?? '' };
	};
	return {
		toEntityId: t.toId,
		toEntityType: t.toType,
		fromEntityId: t.fromId,
		fromEntityType: t.fromType,
		pointsTransferDate: t.date,
		pointsTransferred: t.points,
		transferId: t.id,
		transferType: 'DEDUCTION',
		transferredFrom: who(t.fromType, t.fromId),
		transferredTo: who(t.toType, t.toId),
		notes: t.notes,
		programName: 'Default Program',
	};
}

/** v1.1 customer given as `{mobile|email|external_id|card_number: value}` (body) or query. */
function v11Customer(state: SimState, source: Record<string, unknown>): Customer | undefined {
	for (const key of ['mobile', 'email', 'external_id', 'card_number', 'card_external_id', 'id']) {
		const value = source[key];
		if (value !== undefined && value !== '') return state.findCustomer(key, String(value));
	}
	return undefined;
}

function groupOf(state: SimState, id: string) {
	return state.userGroups.get(Number(id));
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v2/points/isTransferrable', (req) => {
		const check = transferCheck(state(), req);
		if (check.error) return check.error;
		if (check.body.issueOtp === true || check.body.issueOtp === 'true') state().issueValidationCode(check.from, check.points);
		return ok({ data: [{ pointsTobeTransferred: check.points, transferrable: true, transferFrom: { id: check.from.id }, transferTo: { id: check.to.id } }], warnings: [], errors: [] });
	});

	router.post('/v2/points/transfer', (req) => {
		const check = transferCheck(state(), req);
		if (check.error) return check.error;
		if (!state().consumeValidationCode(check.from, String(check.body.code ?? ''))) {
			return v2Error(400, 8216, 'Invalid or expired OTP code for points transfer');
		}
		state().debit(check.from, check.points, 'PointsTransferDeduction');
		state().credit(check.to, check.points, 'PointsTransferAddition');
		const transfer = {
			id: state().nextTransferId++,
			fromType: 'CUSTOMER',
			fromId: check.from.id,
			toType: 'CUSTOMER',
			toId: check.to.id,
			points: check.points,
			notes: String(check.body.notes ?? ''),
			date: nowV11(),
		};
		state().transfers.push(transfer);
		return ok({ data: [transferView(state(), transfer)], warnings: [], errors: [] });
	});

	router.get('/v2/points/transfer', (req) => {
		const { identifierName, identifierValue, source, userEntityType } = req.query;
		if (userEntityType === 'USERGROUP2') {
			const id = Number(identifierValue);
			const list = state().transfers.filter((t) => (t.fromType === 'USERGROUP2' && t.fromId === id) || (t.toType === 'USERGROUP2' && t.toId === id));
			return ok({ data: list.map((t) => transferView(state(), t)), warnings: [], errors: [] });
		}
		const customer = state().findCustomer(identifierName ?? '', identifierValue ?? '', source);
		if (!customer) return v2Error(404, 8015, 'No customer found with the given identifier.');
		const list = state().transfers.filter((t) => (t.fromType === 'CUSTOMER' && t.fromId === customer.id) || (t.toType === 'CUSTOMER' && t.toId === customer.id));
		return ok({ data: list.map((t) => transferView(state(), t)), warnings: [], errors: [] });
	});

	router.post('/v2/points/reverse', (req) => {
		const body = bodyObject(req);
		const redemption = state().redemptions.get(String(body.redemptionId ?? ''));
		if (!redemption) return v2Error(400, 8051, 'Invalid redemption id');
		const identifier = (body.identifier ?? {}) as { type?: string; value?: string };
		const customer = state().customers.get(redemption.customerId)!;
		if (identifier.type && state().findCustomer(identifier.type, String(identifier.value ?? ''))?.id !== customer.id) {
			return v2Error(400, 8052, 'The identifier does not match the customer of the redemption');
		}
		const available = redemption.points - redemption.reversedPoints;
		const points = body.pointsToBeReversed !== undefined ? Number(body.pointsToBeReversed) : available;
		if (!(points > 0) || points > available) return v2Error(400, 8053, `Only ${available} points of this redemption can be reversed`);
		redemption.reversedPoints += points;
		state().credit(customer, points, 'RedemptionReversal', redemption.id);
		return ok({
			redemptionId: redemption.id,
			pointsToBeReversed: points,
			orgId: sim.auth.config.orgId,
			identifier: { type: identifier.type ?? 'mobile', value: identifier.value ?? state().identifier(customer, 'mobile') },
			customerId: customer.id,
			pointsReversed: points,
			reversalId: `RV${redemption.id}`,
			warnings: [],
		});
	});

	const groupTransfer = (commit: boolean) => (req: SimRequest) => {
		const body = bodyObject(req);
		const points = Number(body.pointsTobeTransferred);
		const from = (body.fromEntity ?? {}) as Record<string, string>;
		const to = (body.toEntity ?? {}) as Record<string, string>;
		if (!Number.isFinite(points) || points <= 0) return v2Error(400, 8217, 'Invalid points to be transferred');
		// A present but empty source is a source named "" to Capillary, not "no source".
		const parties = [from, to, (body.transferredBy ?? {}) as Record<string, string>];
		if (parties.some((p) => 'source' in p && !String(p.source).trim())) return v2Error(400, 8012, 'Invalid source passed.');
		const resolve = (entity: Record<string, string>) => {
			if (entity.type === 'USERGROUP2') {
				const group = groupOf(state(), String(entity.identifierValue));
				return group ? { type: 'USERGROUP2', id: group.id, group } : undefined;
			}
			const customer = state().findCustomer(entity.identifierType ?? 'mobile', String(entity.identifierValue ?? ''), entity.source || undefined, entity.accountId || undefined);
			return customer ? { type: 'CUSTOMER', id: customer.id, customer } : undefined;
		};
		const source = resolve(from);
		const target = resolve(to);
		if (!source || !target) return v2Error(400, 1645, 'Group details passed are not valid');
		const balance = source.customer ? source.customer.points : (source.group?.points ?? 0);
		if (balance < points) return v2Error(400, 804, 'Insufficient current points.');
		if (!commit) return ok({ data: [{ pointsTobeTransferred: points, transferrable: true }], warnings: [], errors: [] });
		if (source.customer) state().debit(source.customer, points, 'PointsTransferDeduction');
		else source.group!.points = balance - points;
		if (target.customer) state().credit(target.customer, points, 'PointsTransferAddition');
		else target.group!.points += points;
		const transfer = { id: state().nextTransferId++, fromType: source.type, fromId: source.id, toType: target.type, toId: target.id, points, notes: String(body.notes ?? ''), date: nowV11() };
		state().transfers.push(transfer);
		return ok({ data: [transferView(state(), transfer)], warnings: [], errors: [] });
	};
	router.post('/v2/points/userGroup2/isTransferrable', groupTransfer(false));
	router.post('/v2/points/userGroup2/transfer', groupTransfer(true));

	router.post('/v2/points/unlockPromisedPoints', (req) => {
		const { identifierName, identifierValue, source } = req.query;
		if (!identifierName || !identifierValue || !source) return v2Error(400, 82323284, 'identifierName, identifierValue, or source cannot be empty');
		const customer = state().findCustomer(identifierName, identifierValue, source);
		if (!customer) return v2Error(404, 8015, 'No customer found with the given identifier.');
		const body = bodyObject(req);
		if (!body.billNumber) return v2Error(400, 82323271, 'Bill number missing');
		const bill = state().transactionsOf(customer.id).find((t) => t.number === String(body.billNumber));
		if (!bill) return v2Error(404, 82323277, 'No bill found for given bill number');
		const promised = Number(customer.extra.promisedPoints ?? 0);
		customer.extra.promisedPoints = 0;
		if (promised > 0) state().credit(customer, promised, 'PromisedPointsUnlock', bill.number);
		return ok({ pointsUnlocked: [{ billNumber: bill.number, pointsUnlocked: promised, programId: 1 }], warnings: [] });
	});

	// ----- v1.1 --------------------------------------------------------------------------------

	// The page's JSON sample wraps a redeem response around the check (garbled in every revision);
	// Capillary answers response.points.redeemable, which is what production clients read.
	router.get('/v1.1/points/isredeemable', (req) => {
		const customer = v11Customer(state(), req.query);
		const points = Number(req.query.points);
		const identifierKey = ['mobile', 'email', 'external_id', 'card_number', 'card_external_id'].find((k) => req.query[k]) ?? 'mobile';
		const identifier = { [identifierKey]: String(req.query[identifierKey] ?? '') };
		if (!customer) return v11Error(500, 'All requests have failed due to errors', 200, { points: { redeemable: { ...identifier, points: String(req.query.points ?? ''), is_redeemable: 'false', item_status: itemStatus(false, 816, 'Customer not found') } } });
		const redeemable = customer.points >= points && points > 0;
		if (req.query.issue_otp === 'true' && redeemable) state().issueValidationCode(customer, points);
		const item = redeemable ? itemStatus(true, 800, 'Points can be redeemed') : itemStatus(false, 804, 'Insufficient current points.');
		const entity = { ...identifier, points: String(points), is_redeemable: String(redeemable), points_redeem_value: points, points_redeem_local_value: points, points_currency_ratio: '1', item_status: item };
		if (!redeemable) return v11Error(500, 'All requests have failed due to errors', 200, { points: { redeemable: entity } });
		return v11Ok({ points: { redeemable: entity } }, 'SUCCESS');
	});

	router.get('/v1.1/points/validationcode', (req) => {
		const customer = v11Customer(state(), req.query);
		const points = Number(req.query.points);
		if (!customer) return v11Error(500, 'All requests have failed due to errors', 200, { validation_code: { code: { item_status: itemStatus(false, 816, 'Customer not found') } } });
		const code = state().issueValidationCode(customer, points);
		return v11Ok({ validation_code: { code: { user_id: String(customer.id), mobile: state().identifier(customer, 'mobile'), points: String(points), item_status: itemStatus(true, 200, 'Validation Code Issued by SMS/Email'), _simulatorCode: code.code } } }, 'Operation Successful');
	});

	router.post('/v1.1/points/redeem', (req) => {
		const [redeem] = v11Entities(req, 'redeem');
		if (!redeem) return v11Error(400, 'Input is invalid: root.redeem is missing', 200);
		const customer = v11Customer(state(), (redeem.customer ?? {}) as Record<string, unknown>);
		const points = Number(redeem.points_redeemed);
		const failed = (code: number, message: string) => v11Error(500, 'All requests have failed due to errors', 200, { responses: { points: { points_redeemed: String(redeem.points_redeemed ?? ''), item_status: itemStatus(false, code, message) } } });
		if (!customer) return failed(816, 'Customer not found');
		if (!(points > 0)) return failed(806, 'Invalid points to redeem');
		if (customer.points < points) return failed(804, 'Insufficient current points.');
		// Group redemption (user_group2_* query parameters): the group must exist.
		if (req.query.user_group2_id && !groupOf(state(), String(req.query.user_group2_id))) return failed(1645, 'Group details passed are not valid');
		const skip = req.query.skip_validation === 'true';
		if (!skip && !state().consumeValidationCode(customer, String(redeem.validation_code ?? ''))) return failed(815, 'Invalid validation code');
		const id = state().redemptionId();
		state().redemptions.set(id, { id, customerId: customer.id, points, billNumber: String(redeem.transaction_number ?? ''), date: nowIso(), reversedPoints: 0 });
		state().debit(customer, points, 'PointsRedemption', id);
		state().notify({ name: 'pointsRedeemed', customer, redemption: state().redemptions.get(id) });
		return v11Ok({
			responses: {
				points: {
					mobile: state().identifier(customer, 'mobile'),
					email: state().identifier(customer, 'email'),
					external_id: state().identifier(customer, 'externalId'),
					user_id: String(customer.id),
					redemption_id: id,
					points_redeemed: String(points),
					redeemed_value: points,
					balance: customer.points,
					item_status: itemStatus(true, 800, 'Points redeemed successfully'),
				},
			},
		});
	});
}
