import { lastRequest, useCapillary } from '../harness/fixtures';

describe('pipeline smoke', () => {
	const capillary = useCapillary();

	it('looks up a customer id with till basic auth', async () => {
		const result = await capillary.run({
			resource: 'customer',
			operation: 'getId',
			identifierName: 'mobile',
			identifierValue: '919111111111',
			source: 'INSTORE',
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ customerId: 1001, warnings: undefined }].map(({ customerId }) => ({ customerId })));
		const request = lastRequest(capillary.sim);
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/v2/customers/lookup');
		expect(request.query).toEqual({ identifierName: 'mobile', identifierValue: '919111111111', source: 'INSTORE' });
	});

	it('gets a customer with oauth', async () => {
		const result = await capillary.run({ resource: 'customer', operation: 'get', customerId: '1001', source: 'INSTORE' }, { auth: 'oauth' });
		expect(result.error).toBeUndefined();
		expect(result.json[0].id).toBe(1001);
	});
});
