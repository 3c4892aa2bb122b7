/** Referral code validation. Codes are the customers' referral codes (`extra.referralCode`). */
import type { Router } from '../http';
import { ok, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer } from '../state';

/**
 * A customer's referral code: `extra.referralCode` when another group (or a test) set one, else a
 * stable code derived from the ID, stored so every reader sees the same code.
 */
export function referralCodeOf(customer: Customer): string {
	const existing = customer.extra.referralCode;
	if (typeof existing === 'string' && existing) return existing;
	const code = `rf${(customer.id * 7919).toString(36)}`;
	customer.extra.referralCode = code;
	return code;
}

export function register(router: Router, sim: Simulator): void {
	router.get('/v2/referral/validate', (req) => {
		const code = String(req.query.code ?? '').trim();
		if (!code) return v2Error(400, 400, 'Invalid input: referral code cannot be empty');
		for (const customer of sim.state.customers.values()) {
			if (customer.mergedInto || customer.status !== 'ACTIVE') continue;
			if (referralCodeOf(customer).toLowerCase() === code.toLowerCase()) {
				const campaignEnds = customer.extra.referralCampaignEnds;
				if (typeof campaignEnds === 'string' && Date.parse(campaignEnds) < Date.now()) return ok({ valid: false, referrer: -1, warnings: [] });
				return ok({ valid: true, referrer: customer.id, warnings: [] });
			}
		}
		return ok({ valid: false, referrer: -1, warnings: [] });
	});
}
