import type { CaseFile, ErrorCase, OperationCase } from '../case';
import type { Simulator } from '../../simulator/server';
import { addOrgLabel } from '../../simulator/resources/customerLabel';
import { ORG_ID } from '../../simulator/state';

const TOM = '919111111111';
const RITA = '919222222222';

function customer(sim: Simulator, mobile: string) {
	return sim.state.findCustomer('mobile', mobile)!;
}

const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const cases: OperationCase[] = [
	{
		resource: 'customerLabel',
		operation: 'createOrgLabels',
		parameters: {
			orgLabels: {
				label: [
					{ name: 'Premium', description: 'Spends more than 4000 a year' },
					{ name: 'GadgetFreak', description: 'Loves new gadgets' },
				],
			},
		},
		request: {
			method: 'POST',
			path: '/v2/organization/labels',
			body: {
				orgLabels: [
					{ name: 'Premium', description: 'Spends more than 4000 a year' },
					{ name: 'GadgetFreak', description: 'Loves new gadgets' },
				],
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([{ orgId: ORG_ID }]);
			expect([...sim.state.labels.values()].map((l) => l.name)).toEqual(['Premium', 'GadgetFreak']);
			expect(sim.state.labels.get('Premium')).toMatchObject({ description: 'Spends more than 4000 a year', active: true });
		},
	},
	{
		resource: 'customerLabel',
		operation: 'getOrgLabels',
		auth: 'oauth',
		setup: (sim) => {
			addOrgLabel(sim.state, 'Fashion', 'Follows trends');
			addOrgLabel(sim.state, 'Premium', 'Big spenders');
			addOrgLabel(sim.state, 'Dormant');
		},
		parameters: { returnAll: false, limit: 2 },
		request: { method: 'GET', path: '/v2/organization/labels' },
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ name: 'Fashion', description: 'Follows trends', orgId: ORG_ID, active: true, id: expect.any(Number) });
			expect(items[1]).toMatchObject({ name: 'Premium' });
		},
	},
	{
		resource: 'customerLabel',
		operation: 'changeLabels',
		setup: (sim) => {
			addOrgLabel(sim.state, 'Premium');
			addOrgLabel(sim.state, 'Fashion');
			addOrgLabel(sim.state, 'GadgetFreak');
			customer(sim, TOM).labels = ['Fashion'];
			return [{ userId: customer(sim, TOM).id }];
		},
		parameters: {
			userId: '={{ $json.userId }}',
			labelsToAdd: { label: [{ labelName: byList('Premium') }, { labelName: byId('GadgetFreak') }] },
			labelsToRemove: { label: [{ labelName: byId('Fashion') }] },
		},
		request: {
			method: 'POST',
			path: '/v2/customers/1001/changeLabels',
			body: { add: [{ labelName: 'Premium' }, { labelName: 'GadgetFreak' }], remove: [{ labelName: 'Fashion' }] },
		},
		output: (items, sim) => {
			expect(items).toEqual([{ customerId: 1001 }]);
			expect(customer(sim, TOM).labels).toEqual(['Premium', 'GadgetFreak']);
		},
	},
	{
		resource: 'customerLabel',
		operation: 'getCustomerLabels',
		auth: 'oauth',
		setup: (sim) => {
			addOrgLabel(sim.state, 'Premium');
			customer(sim, RITA).labels = ['Premium'];
		},
		parameters: { userId: '1002', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/1002/labels' },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ userId: 1002, labelName: 'Premium', labelId: sim.state.labels.get('Premium')!.id, deleted: false })]);
		},
	},
	{
		resource: 'customerLabel',
		operation: 'searchCustomers',
		setup: (sim) => {
			addOrgLabel(sim.state, 'Premium');
			addOrgLabel(sim.state, 'Preferred');
			addOrgLabel(sim.state, 'Fashion');
			customer(sim, TOM).labels = ['Premium', 'Fashion'];
			customer(sim, RITA).labels = ['Fashion'];
			sim.state.customers.get(1003)!.labels = ['Preferred'];
		},
		parameters: { q: 'pre', returnAll: true },
		request: { method: 'GET', path: '/v2/customers/labels/search', query: { q: 'pre', limit: '100', offset: '0' } },
		output: (items) => {
			expect(items).toEqual([
				{ userId: 1001, labels: ['Premium'] },
				{ userId: 1003, labels: ['Preferred'] },
			]);
		},
	},
	{
		resource: 'customerLabel',
		operation: 'searchCustomers',
		title: 'raw output, one page',
		setup: (sim) => {
			addOrgLabel(sim.state, 'Premium');
			customer(sim, TOM).labels = ['Premium'];
			customer(sim, RITA).labels = ['Premium'];
		},
		parameters: { q: 'Premium', returnAll: false, limit: 1, simplify: false },
		request: { method: 'GET', path: '/v2/customers/labels/search', query: { q: 'Premium', limit: '1', offset: '0' } },
		output: (items) => {
			expect(items).toEqual([{ userId: 1001, customerLabels: [expect.objectContaining({ labelName: 'Premium', userId: 1001 })] }]);
		},
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'customerLabel',
		operation: 'changeLabels',
		title: 'unknown customer (v2 errors[] 8015)',
		setup: (sim) => void addOrgLabel(sim.state, 'Premium'),
		parameters: { userId: '999999', labelsToAdd: { label: [{ labelName: byId('Premium') }] } },
		message: /8015/,
	},
	{
		resource: 'customerLabel',
		operation: 'changeLabels',
		title: 'label not created for the org',
		parameters: { userId: '1001', labelsToAdd: { label: [{ labelName: byId('NoSuchLabel') }] } },
		message: /400.*NoSuchLabel/,
	},
];

export default { cases, errors } satisfies CaseFile;
