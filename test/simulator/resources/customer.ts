/** Customer endpoints (v2 by id and lookup, v1.1). */
import type { Router, SimRequest } from '../http';
import { ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer, SimState } from '../state';

export function customerV2(state: SimState, c: Customer) {
	return {
		id: c.id,
		profiles: c.profiles.map((p) => ({
			firstName: p.firstName,
			lastName: p.lastName,
			fields: p.fields,
			identifiers: p.identifiers,
			commChannels: p.commChannels,
			source: p.source,
			accountId: p.accountId,
			conflictingProfileList: [],
			autoUpdateTime: c.updatedOn,
		})),
		loyaltyInfo: { loyaltyType: c.loyaltyType, attributionV2: { createDate: c.createdOn } },
		extendedFields: c.extendedFields,
		loyaltyPoints: c.points,
		lifetimePoints: c.lifetimePoints,
		lifetimePurchases: c.lifetimePurchases,
		currentSlab: c.tier,
		segments: {},
		warnings: [],
	};
}

/** Resolves `identifierName/identifierValue/source` or replies with Capillary's error. */
export function lookup(state: SimState, req: SimRequest) {
	const { identifierName, identifierValue, source, accountId } = req.query;
	if (!identifierName || !identifierValue) return { error: v2Error(400, 8013, 'Customer identifier is invalid. Also check if the parameter identifierName is passed correctly.') };
	const known = ['mobile', 'email', 'externalId', 'cardnumber', 'cardExternalId', 'id', 'wechat', 'martjackId', 'fbId', 'cuid', 'unionId'];
	if (!known.includes(identifierName)) return { error: v2Error(400, 8013, `Customer identifier is invalid: ${identifierName}`) };
	const anywhere = state.findCustomer(identifierName, identifierValue);
	const customer = state.findCustomer(identifierName, identifierValue, source, accountId);
	if (!customer) {
		return anywhere
			? { error: v2Error(404, 8065, 'No customer found in the given source with the given identifier.') }
			: { error: v2Error(404, 8015, 'No customer found with the given identifier.') };
	}
	return { customer };
}

export function byId(state: SimState, id: string) {
	const customer = state.customers.get(Number(id));
	if (!customer || !/^\d+$/.test(id)) return { error: v2Error(404, 8015, 'No customer found with the given identifier.') };
	if (customer.mergedInto) return { error: v2Error(400, 8069, `The customer is merged into another account ${customer.mergedInto}.`) };
	return { customer };
}

export function register(router: Router, sim: Simulator): void {
	router.get('/v2/customers/lookup', (req) => {
		const found = lookup(sim.state, req);
		if (found.error) return found.error;
		return ok({ entity: found.customer.id, warnings: [] });
	});

	router.get('/v2/customers/:customerId', (req) => {
		const found = byId(sim.state, req.params.customerId);
		if (found.error) return found.error;
		return ok(customerV2(sim.state, found.customer));
	});
}
