import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { nowV11 } from '../../simulator/http';
import { byTomV11, TOM, tom } from './customer.fixtures';

/** Customer Note & Ticket: notes and support tickets. */
export const cases: OperationCase[] = [
	{
		resource: 'customerNote',
		operation: 'getNotes',
		setup: (sim) => {
			tom(sim).notes.push({ id: 1, description: 'Likes jeans', date: '2025-01-01 10:00:00', addedOn: '2025-01-01 10:00:00' }, { id: 2, description: 'Prefers email', date: '2025-01-02 10:00:00', addedOn: '2025-01-02 10:00:00' });
		},
		parameters: { v11IdentifierType: 'email', v11IdentifierValue: 'tom.sawyer@example.com' },
		request: { method: 'GET', path: '/v1.1/customer/notes', query: { email: 'tom.sawyer@example.com', format: 'json' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: '1', description: 'Likes jeans' }), expect.objectContaining({ id: '2', description: 'Prefers email' })]),
	},
	{
		resource: 'customerNote',
		operation: 'addOrUpdateNote',
		parameters: { ...byTomV11, description: 'Asked about the gold tier', additionalFields: { date: '2025-03-01 11:00:00' } },
		request: { method: 'POST', path: '/v1.1/customer/notes', body: { root: { customer: [{ mobile: TOM, notes: { note: [{ description: 'Asked about the gold tier', date: '2025-03-01 11:00:00' }] } }] } } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ mobile: TOM, notes: { note: [expect.objectContaining({ description: 'Asked about the gold tier' })] } })]);
			expect(tom(sim).notes).toEqual([expect.objectContaining({ description: 'Asked about the gold tier', date: '2025-03-01 11:00:00' })]);
		},
	},
	{
		resource: 'customerNote',
		operation: 'addOrUpdateNote',
		title: 'update an existing note by ID',
		setup: (sim) => void tom(sim).notes.push({ id: 8378, description: 'Likes jeans', date: '2025-01-01 10:00:00', addedOn: '2025-01-01 10:00:00' }),
		parameters: { v11IdentifierType: 'user_id', v11IdentifierValue: '1001', description: 'Likes new arrivals', additionalFields: { noteId: '8378' } },
		request: { method: 'POST', path: '/v1.1/customer/notes', body: { root: { customer: [{ user_id: '1001', notes: { note: [{ id: '8378', description: 'Likes new arrivals' }] } }] } } },
		output: (_items, sim) => expect(tom(sim).notes).toEqual([expect.objectContaining({ id: 8378, description: 'Likes new arrivals' })]),
	},
	{
		resource: 'customerNote',
		operation: 'createTicket',
		parameters: { ...byTomV11, subject: 'Points issue', message: 'Unable to redeem points', additionalFields: { priority: 'HIGH', department: 'LOYALTY', customFields: { field: [{ name: 'channel', value: 'phone' }] } } },
		request: {
			method: 'POST',
			path: '/v1.1/customer/tickets',
			body: { root: { customer: [{ mobile: TOM, ticket: [{ subject: 'Points issue', message: 'Unable to redeem points', priority: 'HIGH', department: 'LOYALTY', custom_fields: { field: [{ name: 'channel', value: 'phone' }] } }] }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ ticket: expect.objectContaining({ subject: 'Points issue', status: 'OPEN', code: expect.any(String) }) })]);
			expect(tom(sim).tickets).toEqual([expect.objectContaining({ subject: 'Points issue', priority: 'HIGH' })]);
		},
	},
	{
		resource: 'customerNote',
		operation: 'getTickets',
		setup: (sim) => {
			tom(sim).tickets.push(
				{ code: 't1', status: 'OPEN', priority: 'HIGH', department: 'LOYALTY', subject: 'Points issue', message: '', created_date: nowV11() },
				{ code: 't2', status: 'CLOSED', priority: 'LOW', department: 'STORE', subject: 'Parking', message: '', created_date: nowV11() },
			);
		},
		parameters: { ...byTomV11, options: { priority: 'HIGH' } },
		request: { method: 'GET', path: '/v1.1/customer/tickets', query: { mobile: TOM, priority: 'HIGH' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ code: 't1', subject: 'Points issue' })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerNote',
		operation: 'createTicket',
		title: 'duplicate open ticket subject (1301)',
		setup: (sim) => void tom(sim).tickets.push({ code: 't1', status: 'OPEN', subject: 'Points issue' }),
		parameters: { ...byTomV11, subject: 'Points issue' },
		message: /1301/,
	},
];

export default { cases, errors } satisfies CaseFile;
