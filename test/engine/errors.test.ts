/**
 * Every way Capillary reports a failure becomes a NodeApiError carrying Capillary's code and
 * words, with advice; "Continue On Fail" keeps the other items going.
 */
import { faultReplies } from '../simulator/faults';
import { useCapillary } from '../harness/fixtures';

const lookup = (mobile = '919111111111') => ({ resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: mobile, source: 'INSTORE' });
const validationCode = { resource: 'points', operation: 'issueValidationCode', v11IdentifierType: 'mobile', v11IdentifierValue: '919111111111', points: 10 };

describe('error envelopes', () => {
	const capillary = useCapillary();

	it('v2 errors[] with HTTP 404: code, message and advice', async () => {
		const result = await capillary.run(lookup('910000000000'));
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Capillary error 8015: No customer found with the given identifier.');
		expect(result.error?.description).toMatch(/^Looked for mobile 910000000000 in source INSTORE\. No customer has this identifier\. Check the identifier type and value, the source and the account ID/);
		expect(result.error?.httpCode).toBe('404');
	});

	it('v2 errors[] inside HTTP 200', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', status: 200, body: { entity: null, warnings: [], errors: [{ status: false, code: 8045, message: 'Account id is not passed.' }] } });
		const result = await capillary.run(lookup());
		expect(result.error?.message).toBe('Capillary error 8045: Account id is not passed.');
		expect(result.error?.description).toMatch(/Account ID/);
	});

	it('HTTP 201 (partial failure) with the failure in errors[]', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', status: 201, body: { warnings: [], errors: [{ status: false, code: 8013, message: 'Customer identifier is invalid.' }] } });
		const result = await capillary.run(lookup());
		expect(result.error?.message).toMatch(/^Capillary error 8013/);
	});

	it('v1.1 request status success=false inside HTTP 200', async () => {
		capillary.sim.faults.add({ path: '/v1.1/points/validationcode', status: 200, body: { response: { status: { success: 'false', code: '400', message: 'Input is invalid' } } } });
		const result = await capillary.run(validationCode);
		expect(result.error?.message).toBe('Capillary error 400: Input is invalid');
	});

	it('v1.1 per-item item_status failure (with request status 500) names the item code', async () => {
		capillary.sim.faults.add({
			path: '/v1.1/points/validationcode',
			status: 200,
			body: { response: { status: { success: false, code: 500, message: 'All requests have failed due to errors' }, validation_code: { code: { item_status: { success: false, code: 1001, message: 'Invalid Mobile Number' } } } } },
		});
		const result = await capillary.run(validationCode);
		expect(result.error?.message).toBe('Capillary error 1001: Invalid Mobile Number');
		expect(result.error?.description).toMatch(/country code/);
	});

	it('v1.1 item_status failure with an overall success status still fails the single-entity call', async () => {
		capillary.sim.faults.add({
			path: '/v1.1/points/validationcode',
			status: 200,
			body: { response: { status: { success: 'true', code: '200', message: 'Success' }, validation_code: { code: { item_status: { success: 'false', code: '816', message: 'Customer not found' } } } } },
		});
		const result = await capillary.run(validationCode);
		expect(result.error?.message).toBe('Capillary error 816: Customer not found');
	});

	it('v3 errors: {data: null, errors: [...]}', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', status: 400, body: { data: null, errors: [{ code: 728, message: 'Atleast one owner is required' }], warnings: null } });
		const result = await capillary.run(lookup());
		expect(result.error?.message).toBe('Capillary error 728: Atleast one owner is required');
	});

	it('plain HTTP 5xx with a Capillary body', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', status: 500, body: { message: 'Internal server error', code: 500 } });
		const result = await capillary.run({ ...lookup(), requestOptions: { maxRetries: 0 } });
		expect(result.error?.message).toBe('Capillary error 500: Internal server error');
		expect(result.error?.description).toMatch(/Retry later/);
	});

	it('an HTML error page from a proxy names the host and the page', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', ...faultReplies.html502() });
		const result = await capillary.run({ ...lookup(), requestOptions: { maxRetries: 0 } });
		expect(result.error?.message).toMatch(/HTML page instead of JSON \("502 Bad Gateway"\)/);
		expect(result.error?.description).toContain(new URL(capillary.sim.url).host);
	});

	it('a truncated JSON body is an error, not an empty success', async () => {
		capillary.sim.faults.add({ path: '/v1.1/points/validationcode', ...faultReplies.malformedJson() });
		const result = await capillary.run(validationCode);
		expect(result.error?.message).toMatch(/not valid JSON/);
	});

	it('access group denial (403, code 4000) says the access group lacks the resource', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', ...faultReplies.accessDenied() });
		const result = await capillary.run(lookup());
		expect(result.error?.message).toBe('Capillary error 4000: Not authorized. Access is denied!');
		expect(result.error?.description).toMatch(/access group resource "Customer"/);
	});

	it('an empty 200 body where data is expected is an error', async () => {
		capillary.sim.faults.add({ path: '/v2/customers/lookup', status: 200, raw: '' });
		const result = await capillary.run(lookup());
		expect(result.error?.message).toMatch(/empty response/);
	});
});

describe('Continue On Fail', () => {
	const capillary = useCapillary();

	it('keeps the successful items and turns the failing one into an error item, paired with its input', async () => {
		const result = await capillary.run(
			{ resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '={{ $json.mobile }}', source: 'INSTORE' },
			{ continueOnFail: true, items: [{ mobile: '919111111111' }, { mobile: '910000000000' }, { mobile: '919222222222' }] },
		);
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toEqual({ customerId: 1001 });
		expect(result.items[2].json).toEqual({ customerId: 1002 });
		expect(result.items[1].error?.message).toMatch(/8015/);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('without it, the node fails and names the item', async () => {
		const result = await capillary.run(
			{ resource: 'customer', operation: 'getId', identifierName: 'mobile', identifierValue: '={{ $json.mobile }}', source: 'INSTORE' },
			{ items: [{ mobile: '919111111111' }, { mobile: '910000000000' }] },
		);
		expect(result.status).toBe('error');
		expect(result.error?.context?.itemIndex).toBe(1);
	});
});

describe('local validation: nothing is sent', () => {
	const capillary = useCapillary();

	it('n8n itself refuses an empty required literal before running', async () => {
		const result = await capillary.run({ ...lookup(), identifierValue: '' });
		expect(result.error?.message).toMatch(/Identifier Value" is required/);
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('a required parameter whose expression resolves to empty is an error naming it', async () => {
		const result = await capillary.run({ ...lookup(), identifierValue: '={{ $json.mobile }}' }, { items: [{ mobile: '' }] });
		expect(result.error?.name).toMatch(/NodeOperationError|NodeApiError/); // the declarative engine re-wraps errors of the request phase
		expect(result.error?.message).toBe('Parameter "Identifier Value" is required');
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('an expression that resolves to an object for a path value is an error', async () => {
		const result = await capillary.run({ resource: 'customer', operation: 'get', customerId: '={{ $json.customer }}', source: 'INSTORE' }, { items: [{ customer: { id: 1 } }] });
		expect(result.error?.message).toMatch(/Customer ID.*not an object/);
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('path values are URL-encoded: a slash stays inside its segment', async () => {
		await capillary.run({ resource: 'customer', operation: 'get', customerId: '12/../34?x=1#y', source: 'INSTORE' });
		expect(capillary.sim.apiRequests()[0].path).toBe('/v2/customers/12%2F..%2F34%3Fx%3D1%23y');
	});
});
