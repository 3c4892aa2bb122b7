import type { JsonObject } from '../../simulator/http';
import { emailMessages, smsMessages } from '../../simulator/resources/communication';
import type { Simulator } from '../../simulator/server';
import type { CaseFile, ErrorCase, OperationCase } from '../case';

const TOM_EMAIL = 'tom.sawyer@example.com';

function sentSms(sim: Simulator, id: string, to: string, message: string) {
	smsMessages(sim.state).set(id, { id, to, status: 'Sent', scheduled_time: '2026-08-05 22:00:00IST', message, sender: 'CAPILLARY' });
}

function sentEmail(sim: Simulator, id: string, subject: string) {
	emailMessages(sim.state).set(id, { id, to: TOM_EMAIL, cc: '', bcc: '', from: '', subject, description: 'Hello', attachments: [], scheduled: null, status: 'Delivered', sent_time: '2026-08-05 22:00::IST', via: 'v1.1' });
}

export const cases: OperationCase[] = [
	{
		resource: 'communication',
		operation: 'sendEmail',
		parameters: {
			to: TOM_EMAIL,
			subject: 'Thanks for visiting',
			body: 'Dear Tom, thanks for visiting our store.',
			additionalFields: {
				cc: 'cashier1@example.com, cashier2@example.com',
				from: 'store1@store.com',
				scheduledTime: '2026-08-05 22:00:21',
				attachmentsJson: '[{"fileName": "offer.pdf", "fileType": "pdf", "fileData": "JVBERi0=", "fileEncodingType": "base64"}]',
			},
		},
		request: {
			method: 'POST',
			path: '/v2/communications/email',
			body: {
				root: {
					email: [
						{
							to: TOM_EMAIL,
							subject: 'Thanks for visiting',
							body: 'Dear Tom, thanks for visiting our store.',
							cc: 'cashier1@example.com, cashier2@example.com',
							from: 'store1@store.com',
							scheduledTime: '2026-08-05 22:00:21',
							attachments: { attachment: [{ fileName: 'offer.pdf', fileType: 'pdf', fileData: 'JVBERi0=', fileEncodingType: 'base64' }] },
						},
					],
				},
			},
		},
		output: (items, sim, requests) => {
			expect(requests[0].query.format).toBeUndefined();
			expect(items).toEqual([expect.objectContaining({ id: expect.any(String), to: TOM_EMAIL, status: 'Queued', subject: 'Thanks for visiting' })]);
			const stored = emailMessages(sim.state).get(String(items[0].id))!;
			expect(stored).toMatchObject({ via: 'v2', attachments: [expect.objectContaining({ fileName: 'offer.pdf' })] });
		},
	},
	{
		resource: 'communication',
		operation: 'sendSms',
		auth: 'oauth',
		parameters: { to: '447700900000', body: 'Happy anniversary!', additionalFields: { scheduledTime: '2026-08-05 22:00:00IST' } },
		request: {
			method: 'POST',
			path: '/v1.1/communications/sms',
			query: { format: 'json' },
			body: { root: { sms: [{ to: '447700900000', body: 'Happy anniversary!', scheduled_time: '2026-08-05 22:00:00IST' }] } },
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: expect.any(String), to: '447700900000', status: 'Queued' })]);
			expect(smsMessages(sim.state).get(String(items[0].id))).toMatchObject({ message: 'Happy anniversary!' });
		},
	},
	{
		resource: 'communication',
		operation: 'getSentSms',
		setup: (sim) => {
			sentSms(sim, '23423443', '919111111111', 'First');
			sentSms(sim, '23423444', '919222222222', 'Second');
			sentSms(sim, '23423445', '919222222222', 'Third');
		},
		parameters: { id: '23423443,23423445' },
		request: { method: 'GET', path: '/v1.1/communications/sms', query: { id: '23423443,23423445', format: 'json' } },
		output: (items) => expect(items.map((i) => [i.id, i.message])).toEqual([
			['23423443', 'First'],
			['23423445', 'Third'],
		]),
	},
	{
		resource: 'communication',
		operation: 'sendEmailLegacy',
		parameters: {
			to: TOM_EMAIL,
			subject: 'Your receipt',
			body: 'Thanks for the purchase.',
			additionalFields: { bcc: 'storemanager@example.com', attachmentsJson: '{"attachment": [{"file_name": "receipt.pdf", "file_type": "pdf", "file_data": "JVBERi0="}]}' },
		},
		request: {
			method: 'POST',
			path: '/v1.1/communications/email',
			query: { format: 'json' },
			body: {
				root: {
					email: [
						{
							to: TOM_EMAIL,
							subject: 'Your receipt',
							body: 'Thanks for the purchase.',
							bcc: 'storemanager@example.com',
							attachments: { attachment: [{ file_name: 'receipt.pdf', file_type: 'pdf', file_data: 'JVBERi0=' }] },
						},
					],
				},
			},
		},
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ id: expect.any(String), to: TOM_EMAIL, subject: 'Your receipt' })]);
			const stored = emailMessages(sim.state).get(String(items[0].id))!;
			expect((stored.attachments as JsonObject[]).map((a) => a.file_name)).toEqual(['receipt.pdf']);
		},
	},
	{
		resource: 'communication',
		operation: 'getSentEmails',
		auth: 'oauth',
		setup: (sim) => sentEmail(sim, '2342344', 'Test Email'),
		parameters: { id: '2342344' },
		request: { method: 'GET', path: '/v1.1/communications/email', query: { id: '2342344', format: 'json' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: '2342344', subject: 'Test Email', status: 'Delivered' })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'communication',
		operation: 'getSentSms',
		title: 'unknown message (v1.1 status 4102 inside HTTP 200)',
		parameters: { id: '1' },
		message: /Capillary error 4102: Unable to find\/retrieve SMS/,
	},
	{
		resource: 'communication',
		operation: 'sendEmail',
		title: 'invalid address (4208)',
		parameters: { to: 'not-an-email', subject: 'x', body: 'y' },
		message: /Capillary error 4208: Invalid email id/,
	},
];

export default { cases, errors } satisfies CaseFile;
