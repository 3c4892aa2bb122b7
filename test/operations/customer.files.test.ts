/**
 * Customer → Set Image with the image in a binary property of the input item (the case runner
 * passes JSON items only; the Base64 variant has its engine case in cases/customer.cases.ts).
 */
import { fileItem, useCapillary } from '../harness/fixtures';
import { PNG } from './cases/customer.fixtures';

const base = { resource: 'customer', operation: 'setImage', customerId: '1001', imageSource: 'binary' };

describe('customer → setImage (binary input)', () => {
	const capillary = useCapillary();

	it('uploads the binary image as the multipart part "file", then Get shows it and Delete removes it', async () => {
		const result = await capillary.run({ ...base, binaryPropertyName: 'photo' }, { inputItems: [fileItem(PNG, 'tom.png', 'image/png', 'photo')], auth: 'oauth' });
		expect(result.error).toBeUndefined();
		const [request] = capillary.sim.apiRequests();
		expect(`${request.method} ${request.path}`).toBe('POST /v2/customers/1001/setImage');
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(String(request.body)).toContain('Content-Disposition: form-data; name="file"; filename="tom.png"\r\nContent-Type: image/png');
		expect(result.json).toEqual([expect.objectContaining({ message: 'Successfully uploaded file', file: expect.objectContaining({ fileHandle: 'img-1001-1', version: 1 }) })]);
		const tom = capillary.sim.state.customers.get(1001)!;
		expect(tom.extra.imageFile).toEqual({ fileName: 'tom.png', contentType: 'image/png', size: PNG.length });

		const details = await capillary.run({ resource: 'customer', operation: 'get', customerId: '1001', source: 'INSTORE', options: { embed: ['CUSTOMERIMAGE'] }, simplify: false });
		expect(details.json[0].customerImage).toEqual([expect.objectContaining({ file: expect.objectContaining({ fileHandle: 'img-1001-1' }) })]);

		const deleted = await capillary.run({ resource: 'customer', operation: 'deleteImage', customerId: '1001' });
		expect(deleted.error).toBeUndefined();
		expect(tom.image).toBeUndefined();
	});

	it('names the missing binary field and sends nothing', async () => {
		const result = await capillary.run({ ...base, binaryPropertyName: 'photo' }, { inputItems: [fileItem(PNG, 'tom.png', 'image/png', 'data')] });
		expect(result.error?.message).toMatch(/No binary data in the input field "photo"/);
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('reports a file that is not an image with Capillary\'s 400', async () => {
		const result = await capillary.run({ ...base, binaryPropertyName: 'data' }, { inputItems: [fileItem('a,b\n1,2\n', 'list.csv', 'text/csv')] });
		expect(result.error?.message).toMatch(/Capillary error 400: .*not an image/);
		expect(capillary.sim.state.customers.get(1001)!.image).toBeUndefined();
	});

	it('refuses Base64 text that is not Base64 before sending', async () => {
		const result = await capillary.run({ ...base, imageSource: 'base64', imageBase64: 'not base64!' });
		expect(result.error?.message).toMatch(/Image \(Base64\).*not valid Base64/);
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});
});
