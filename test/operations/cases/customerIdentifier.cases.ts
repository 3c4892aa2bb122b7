import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { addRequest, identifiers, RITA, TOM, tom } from './customer.fixtures';

/** Customer Identifier: identifiers, cards and identifier change requests. */
export const cases: OperationCase[] = [
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
		resource: 'customerIdentifier',
		operation: 'requestChange',
		parameters: { identifier: 'mobile', oldValue: TOM, newValue: '919555555555' },
		request: { method: 'POST', path: '/v1.1/customer/update_identity', body: { root: { customer: [{ identifier: 'mobile', old_value: TOM, new_value: '919555555555' }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ updated: 'true', new_value: '919555555555', item_status: expect.objectContaining({ code: '1040' }) })]);
			const [request] = [...sim.state.requests.values()];
			expect(request).toMatchObject({ type: 'CHANGE_IDENTIFIER', baseType: 'MOBILE', status: 'PENDING', customerId: tom(sim).id, newValue: '919555555555' });
			// A pending request does not change the identifier yet.
			expect(sim.state.identifier(tom(sim), 'mobile')).toBe(TOM);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerIdentifier',
		operation: 'addOrRemove',
		title: 'the new identifier belongs to another customer (8008)',
		parameters: { customerId: '1001', source: 'INSTORE', add: identifiers(['mobile', RITA]) },
		message: /8008/,
	},
	{
		resource: 'customerIdentifier',
		operation: 'requestChange',
		title: 'new mobile belongs to another customer (1032)',
		parameters: { identifier: 'mobile', oldValue: TOM, newValue: RITA },
		message: /1032.*same mobile number/,
	},
];

export default { cases, errors } satisfies CaseFile;
