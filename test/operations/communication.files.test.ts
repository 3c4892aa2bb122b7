/** Email attachments from n8n binary data: base64 into the body, v2 and v1.1 spelling. */
import { fileItem, useCapillary } from '../harness/fixtures';
import type { JsonObject } from '../simulator/http';
import { emailMessages } from '../simulator/resources/communication';

const TOM_EMAIL = 'tom.sawyer@example.com';
const PDF = Buffer.from('%PDF-1.4 offer');

describe('communication: email attachments from binary data', () => {
	const capillary = useCapillary();

	it('v2: attaches each named binary property, base64-encoded', async () => {
		const sim = capillary.sim;
		sim.clearRequests();
		const item = fileItem(PDF, 'offer.pdf', 'application/pdf', 'data');
		item.binary!.logo = fileItem('PNG', 'logo.png', 'image/png', 'logo').binary!.logo;
		const result = await capillary.run(
			{ resource: 'communication', operation: 'sendEmail', to: TOM_EMAIL, subject: 'Offer', body: 'See attached', additionalFields: { attachmentBinaryFields: 'data, logo' } },
			{ inputItems: [item] },
		);
		expect(result.error).toBeUndefined();
		const [request] = sim.apiRequests();
		const email = (request.body as { root: { email: JsonObject[] } }).root.email[0];
		expect((email.attachments as JsonObject).attachment).toEqual([
			{ fileName: 'offer.pdf', fileType: 'pdf', fileData: PDF.toString('base64'), fileEncodingType: 'base64' },
			{ fileName: 'logo.png', fileType: 'png', fileData: Buffer.from('PNG').toString('base64'), fileEncodingType: 'base64' },
		]);
		const stored = emailMessages(sim.state).get(String(result.json[0].id))!;
		expect((stored.attachments as JsonObject[]).map((a) => a.fileName)).toEqual(['offer.pdf', 'logo.png']);
	});

	it('v1.1: snake_case attachment keys inside root.email', async () => {
		const sim = capillary.sim;
		sim.clearRequests();
		const result = await capillary.run(
			{ resource: 'communication', operation: 'sendEmailLegacy', to: TOM_EMAIL, subject: 'Receipt', body: 'Attached', additionalFields: { attachmentBinaryFields: 'data' } },
			{ inputItems: [fileItem(PDF, 'receipt.pdf', 'application/pdf')] },
		);
		expect(result.error).toBeUndefined();
		const [request] = sim.apiRequests();
		expect(request.body).toEqual({
			root: { email: [{ to: TOM_EMAIL, subject: 'Receipt', body: 'Attached', attachments: { attachment: [{ file_name: 'receipt.pdf', file_type: 'pdf', file_data: PDF.toString('base64') }] } }] },
		});
	});

	it('a missing binary property is an error before any request', async () => {
		const sim = capillary.sim;
		sim.clearRequests();
		const result = await capillary.run(
			{ resource: 'communication', operation: 'sendEmail', to: TOM_EMAIL, subject: 'Offer', body: 'x', additionalFields: { attachmentBinaryFields: 'invoice' } },
			{ inputItems: [fileItem(PDF, 'offer.pdf', 'application/pdf', 'data')] },
		);
		expect(result.error?.message).toMatch(/No binary data in the input field "invoice"/);
		expect(result.error?.description).toMatch(/"data"/);
		expect(sim.apiRequests()).toEqual([]);
	});
});
