import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { additionalFields, optionalField, parseJsonParameter, toBody, toQuery } from '../shared/fields';
import { defineResource } from '../shared/operation';

/**
 * Communications: send an SMS or email to a customer and read what was sent. v2 has only the
 * email call (its body is the v1.1 `root.email[]` shape with camelCase keys); v1.1 sends and reads
 * both, `{"root": {"sms"|"email": [...]}}` in and `response.sms|email` out.
 */

type AttachmentStyle = 'v2' | 'v1.1';

/** The email entity of the body: `root.email[0]` in v2, the body itself in v1.1 (wrapped later). */
function emailOf(request: IHttpRequestOptions, style: AttachmentStyle): IDataObject {
	const body = (request.body ?? {}) as IDataObject;
	request.body = body;
	if (style === 'v1.1') return body;
	const root = (body.root ?? (body.root = {})) as IDataObject;
	const list = (root.email ?? (root.email = [{}])) as IDataObject[];
	return list[0];
}

function addAttachments(request: IHttpRequestOptions, style: AttachmentStyle, attachments: IDataObject[]): void {
	if (attachments.length === 0) return;
	const email = emailOf(request, style);
	const existing = ((email.attachments as IDataObject | undefined)?.attachment ?? []) as IDataObject[];
	email.attachments = { attachment: [...existing, ...attachments] };
}

/**
 * Email attachments from binary properties of the input item, base64-encoded into the body
 * (`fileName/fileType/fileData/fileEncodingType` in v2, `file_name/file_type/file_data` in v1.1).
 */
function binaryAttachments(style: AttachmentStyle) {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const names = String(this.getNodeParameter('additionalFields.attachmentBinaryFields', '') ?? '')
			.split(',')
			.map((n) => n.trim())
			.filter((n) => n);
		const item = this.getInputData();
		const attachments: IDataObject[] = [];
		for (const name of names) {
			const binary = item.binary?.[name];
			if (!binary) {
				throw new NodeOperationError(this.getNode(), `No binary data in the input field "${name}"`, {
					description: `Attachment Binary Fields names the binary properties to attach. The input item has ${item.binary ? `the binary fields ${Object.keys(item.binary).map((k) => `"${k}"`).join(', ')}` : 'no binary data'}.`,
					itemIndex: this.getItemIndex(),
				});
			}
			const data = (await this.helpers.getBinaryDataBuffer(name)).toString('base64');
			const fileName = binary.fileName ?? name;
			const fileType = binary.fileExtension ?? (fileName.includes('.') ? fileName.split('.').pop()! : '');
			attachments.push(
				style === 'v2'
					? { fileName, fileType, fileData: data, fileEncodingType: 'base64' }
					: { file_name: fileName, file_type: fileType, file_data: data },
			);
		}
		addAttachments(request, style, attachments);
		return request;
	};
}

/** Attachments given as a JSON array (or `{attachment: [...]}`), added to those from binary fields. */
function jsonAttachments(style: AttachmentStyle) {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const value = parseJsonParameter(this, 'Attachments (JSON)', 'additionalFields.attachmentsJson');
		if (value === undefined || value === null) return request;
		const list = Array.isArray(value) ? value : (value as IDataObject).attachment;
		if (!Array.isArray(list)) {
			throw new NodeOperationError(this.getNode(), 'Parameter "Attachments (JSON)" must be a list of attachments', {
				description: 'Use a JSON array such as [{"fileName": "a.pdf", "fileType": "pdf", "fileData": "<base64>"}].',
				itemIndex: this.getItemIndex(),
			});
		}
		addAttachments(request, style, list as IDataObject[]);
		return request;
	};
}

function emailFields(style: AttachmentStyle): INodeProperties[] {
	const at = (key: string) => (style === 'v2' ? `root.email[0].${key}` : key);
	const example =
		style === 'v2'
			? '[{"fileName": "offer.pdf", "fileType": "pdf", "fileData": "<base64>", "fileEncodingType": "base64"}]'
			: '[{"file_name": "offer.pdf", "file_type": "pdf", "file_data": "<base64>"}]';
	return [
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'tom.sawyer@example.com',
			description: 'Email address of the recipient',
			routing: toBody(at('to')),
		},
		{
			displayName: 'Subject',
			name: 'subject',
			description: 'Subject line of the email',
			type: 'string',
			required: true,
			default: '',
			routing: toBody(at('subject')),
		},
		{
			displayName: 'Body',
			name: 'body',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'Text or HTML of the email',
			routing: toBody(at('body')),
		},
		additionalFields([
			optionalField('CC', at('cc'), 'string', 'Comma-separated addresses to copy', 'body', 'cc'),
			optionalField('BCC', at('bcc'), 'string', 'Comma-separated addresses to copy blind', 'body', 'bcc'),
			optionalField('From', at('from'), 'string', 'Sender address (must be allowed for the org)', 'body', 'from'),
			optionalField('Scheduled Time', at(style === 'v2' ? 'scheduledTime' : 'scheduled_time'), 'string', 'Send later at this time, YYYY-MM-DD HH:MM:SS', 'body', 'scheduledTime'),
			{
				displayName: 'Attachment Binary Fields',
				name: 'attachmentBinaryFields',
				type: 'string',
				default: '',
				placeholder: 'data, invoice',
				description: 'Comma-separated binary properties of the input item to attach (sent base64-encoded)',
				routing: { send: { preSend: [binaryAttachments(style)] } },
			},
			{
				displayName: 'Attachments (JSON)',
				name: 'attachmentsJson',
				type: 'json',
				default: '[]',
				description: `Attachments already encoded, e.g. ${example}`,
				routing: { send: { preSend: [jsonAttachments(style)] } },
			},
		]),
	];
}

const messageIds = (what: string): INodeProperties => ({
	displayName: 'Message IDs',
	name: 'id',
	type: 'string',
	required: true,
	default: '',
	placeholder: '23423443',
	description: `ID of the ${what} returned when it was sent; several IDs separated by commas return one item each`,
	routing: toQuery('id'),
});

export const communication = defineResource({
	value: 'communication',
	name: 'Communication',
	description: 'Send and read SMS and email communications',
	default: 'sendEmail',
	operations: [
		{
			value: 'sendEmail',
			name: 'Send Email',
			action: 'Send an email',
			method: 'POST',
			path: '/v2/communications/email',
			fields: emailFields('v2'),
			output: { items: 'response.email' },
		},
		{
			value: 'sendSms',
			name: 'Send SMS',
			action: 'Send an SMS',
			method: 'POST',
			path: '/v1.1/communications/sms',
			v11Root: 'sms',
			fields: [
				{
					displayName: 'To',
					name: 'to',
					type: 'string',
					required: true,
					default: '',
					placeholder: '447700900000',
					description: 'Mobile number with country code',
					routing: toBody('to'),
				},
				{
					displayName: 'Message',
					name: 'body',
					description: 'Text of the SMS',
					type: 'string',
					typeOptions: { rows: 3 },
					required: true,
					default: '',
					routing: toBody('body'),
				},
				additionalFields([optionalField('Scheduled Time', 'scheduled_time', 'string', 'Send later at this time, e.g. 2026-08-05 22:00:00', 'body')]),
			],
		},
		{
			value: 'getSentSms',
			name: 'Get Sent SMS',
			action: 'Get sent SMS messages',
			method: 'GET',
			path: '/v1.1/communications/sms',
			fields: [messageIds('SMS')],
			hint: 'Capillary documents only the message ID as filter; comma-separated IDs (the v1.1 batch convention) return several messages',
		},
		{
			value: 'sendEmailLegacy',
			name: 'Send Email (Legacy Endpoint)',
			action: 'Send an email through the legacy endpoint',
			description:
				"Sends the same email as Send Email through Capillary's older endpoint (its docs now hide it; attachments in JSON are written file_name/file_type/file_data). Use Send Email unless an integration relies on this one.",
			method: 'POST',
			path: '/v1.1/communications/email',
			v11Root: 'email',
			fields: emailFields('v1.1'),
		},
		{
			value: 'getSentEmails',
			name: 'Get Sent Emails',
			action: 'Get sent emails',
			method: 'GET',
			path: '/v1.1/communications/email',
			fields: [messageIds('email')],
			hint: 'Capillary documents only the message ID as filter; comma-separated IDs (the v1.1 batch convention) return several emails',
		},
	],
});
