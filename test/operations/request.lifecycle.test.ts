/**
 * The life of a request through the node: added, then approved or rejected, and what Get Many and
 * Get Logs (v1.1) and the v2 status operations show afterwards.
 */
import { useCapillary } from '../harness/fixtures';

const TOM = '919111111111';

describe('request lifecycle', () => {
	const capillary = useCapillary();

	async function run(parameters: Record<string, unknown>) {
		const result = await capillary.run(parameters as never);
		if (result.error) throw new Error(`${result.error.message} ${result.error.description ?? ''}`);
		return result.json;
	}

	const logs = (requestType: string, baseType: string) =>
		run({ resource: 'request', operation: 'getLogs', requestType, baseType, startDate: '2020-01-01T00:00:00', endDate: '2099-12-31T00:00:00', returnAll: true });

	it('an approved goodwill request shows as approved in Get Many and Get Logs, and the points arrive', async () => {
		const [added] = await run({
			resource: 'request',
			operation: 'addChangeOrGoodwill',
			requestType: 'GOODWILL',
			goodwillBaseType: 'POINTS',
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM,
			points: 75,
		});
		expect(added.status).toBe('PENDING');
		expect(await logs('GOODWILL', 'POINTS')).toEqual([expect.objectContaining({ id: added.id, status: 'PENDING' })]);

		await run({ resource: 'request', operation: 'approve', requestId: added.id, requestType: 'GOODWILL', baseType: 'POINTS' });

		expect(await logs('GOODWILL', 'POINTS')).toEqual([expect.objectContaining({ id: added.id, status: 'APPROVED', approved_value: '75' })]);
		const listed = await run({ resource: 'request', operation: 'getManyChangeOrGoodwill', requestType: 'GOODWILL', options: { status: 'APPROVED' }, returnAll: true });
		expect(listed).toEqual([expect.objectContaining({ id: added.id, status: 'APPROVED' })]);
		expect(capillary.sim.state.findCustomer('mobile', TOM)!.points).toBe(620 + 75);
	});

	it('a rejected identifier change shows as rejected and changes nothing; a second decision is refused', async () => {
		const [added] = await run({
			resource: 'request',
			operation: 'addChangeOrGoodwill',
			requestType: 'CHANGE_IDENTIFIER',
			changeBaseType: 'EXTERNAL_ID',
			customerIdentifierType: 'mobile',
			customerIdentifierValue: TOM,
			newValue: 'TS-002',
		});
		await run({ resource: 'request', operation: 'reject', requestId: added.id, requestType: 'CHANGE_IDENTIFIER', baseType: 'EXTERNAL_ID' });

		expect(await logs('CHANGE_IDENTIFIER', 'EXTERNAL_ID')).toEqual([expect.objectContaining({ id: added.id, status: 'REJECTED', new_value: 'TS-002' })]);
		expect(capillary.sim.state.identifier(capillary.sim.state.findCustomer('mobile', TOM)!, 'externalId')).toBe('TS-001');

		const again = await capillary.run({ resource: 'request', operation: 'approve', requestId: added.id, requestType: 'CHANGE_IDENTIFIER', baseType: 'EXTERNAL_ID' } as never);
		expect(again.error?.message).toMatch(/9055/);
	});

	it('a transaction request moves PENDING → REJECTED → PENDING → SUCCESS and is listed accordingly', async () => {
		const [created] = await run({
			resource: 'request',
			operation: 'addTransaction',
			identifierType: 'mobile',
			identifierValue: TOM,
			source: 'INSTORE',
			billNumber: 'BILL-LC-1',
			billAmount: 1000,
		});
		const id = created.createdId;
		const status = async () => (await run({ resource: 'request', operation: 'get', requestId: id }))[0].status;
		const update = (value: string) => run({ resource: 'request', operation: 'updateStatus', requestType: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', requestId: id, status: value });

		expect(await status()).toBe('PENDING');
		await update('REJECTED');
		expect(await status()).toBe('REJECTED');
		await update('PENDING');
		await update('APPROVED');
		expect(await status()).toBe('SUCCESS');
		const succeeded = await run({ resource: 'request', operation: 'getMany', requestType: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', options: { status: 'SUCCESS' }, returnAll: true });
		expect(succeeded).toEqual([expect.objectContaining({ id, status: 'SUCCESS' })]);
		expect([...capillary.sim.state.transactions.values()].filter((t) => t.number === 'BILL-LC-1')).toHaveLength(1);
	});

	it('PII deletion requests are listed by the PII resource only', async () => {
		await run({ resource: 'personalDataDeletion', operation: 'create', identifierType: 'mobile', identifierValue: TOM, source: 'INSTORE' });
		await run({ resource: 'request', operation: 'addTransaction', identifierType: 'mobile', identifierValue: TOM, source: 'INSTORE', billNumber: 'BILL-LC-2', billAmount: 10 });

		const deletions = await run({ resource: 'personalDataDeletion', operation: 'getMany', returnAll: true });
		const transactions = await run({ resource: 'request', operation: 'getMany', requestType: 'TRANSACTION', baseType: 'REGULAR_TXN_ADD', returnAll: true });
		expect(deletions.map((d) => d.type)).toEqual(['CUSTOMER']);
		expect(transactions.map((t) => t.type)).toEqual(['TRANSACTION']);
	});
});
