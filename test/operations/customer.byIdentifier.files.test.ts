/**
 * Customer → Set Image by Identifier with the image in a binary property of the input item (the
 * case runner passes JSON items only). The Base64 variant has its engine case in cases/customer.cases.ts.
 */
import { fileItem, useCapillary } from '../harness/fixtures';
import { PNG } from './cases/customer.fixtures';

const TOM = '919111111111';
const base = { resource: 'customer', operation: 'setImageByIdentifier', identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' };

describe('customer → setImageByIdentifier (binary input)', () => {
	const capillary = useCapillary();

	it('uploads the binary image as the multipart part "file"', async () => {
		const result = await capillary.run(
			{ ...base, imageSource: 'binary', binaryPropertyName: 'photo' },
			{ inputItems: [fileItem(PNG, 'tom.png', 'image/png', 'photo')], auth: 'oauth' },
		);
		expect(result.error).toBeUndefined();
		const [request] = capillary.sim.apiRequests();
		expect(`${request.method} ${request.path}`).toBe('POST /v2/customers/lookup/setImage');
		expect(request.query).toMatchObject({ identifierName: 'mobile', identifierValue: TOM, source: 'INSTORE' });
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(String(request.body)).toContain('name="file"; filename="tom.png"');
		expect(result.json).toEqual([expect.objectContaining({ message: 'Successfully uploaded file', file: expect.objectContaining({ version: 1 }) })]);
		const tom = capillary.sim.state.findCustomer('mobile', TOM)!;
		expect(tom.image).toBe((result.json[0].file as { fileHandle: string }).fileHandle);
		expect(tom.extra.images).toEqual([expect.objectContaining({ fileName: 'tom.png', mimeType: 'image/png', size: PNG.length })]);
	});

	it('names the missing binary field and sends nothing', async () => {
		const result = await capillary.run({ ...base, imageSource: 'binary', binaryPropertyName: 'photo' }, { inputItems: [fileItem(PNG, 'tom.png', 'image/png', 'data')] });
		expect(result.error?.message).toMatch(/No binary data in the input field "photo"/);
		expect(result.error?.description).toMatch(/"data"/);
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('refuses Base64 text that is not Base64 before sending', async () => {
		const result = await capillary.run({ ...base, imageSource: 'base64', imageBase64: 'not base64!' });
		expect(result.error?.message).toMatch(/Image \(Base64\).*not valid Base64/);
		expect(capillary.sim.apiRequests()).toHaveLength(0);
	});

	it('rejects a file that is not an image (HTTP 400)', async () => {
		const result = await capillary.run({ ...base, imageSource: 'binary' }, { inputItems: [fileItem('a,b\n1,2\n', 'tom.csv', 'text/csv')] });
		expect(result.error?.message).toMatch(/Capillary error 400: .*text\/csv is not an image/);
		expect(capillary.sim.state.findCustomer('mobile', TOM)!.extra.images).toBeUndefined();
	});

	it('reports an unknown customer with Capillary\'s code', async () => {
		const result = await capillary.run({ ...base, identifierValue: '910000000000', imageSource: 'binary' }, { inputItems: [fileItem(PNG, 'x.png', 'image/png')] });
		expect(result.error?.message).toMatch(/Capillary error 8015/);
	});
});
