import { toQuery } from '../shared/fields';
import { defineResource } from '../shared/operation';

export const referral = defineResource({
	value: 'referral',
	name: 'Referral',
	description: 'Validate referral codes',
	operations: [
		{
			value: 'validate',
			name: 'Validate Code',
			action: 'Validate a referral code',
			description: 'Whether a referral code is valid now, and the customer ID of the referrer',
			method: 'GET',
			path: '/v2/referral/validate',
			fields: [
				{
					displayName: 'Referral Code',
					name: 'code',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'referral345',
					description: 'The code the referee received from the referrer',
					routing: toQuery('code'),
				},
			],
			hint: 'An unknown code, or one outside its campaign period, is not an error: the item has valid = false and referrer = -1.',
		},
	],
});
