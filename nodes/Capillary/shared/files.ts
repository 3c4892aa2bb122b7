import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Files for Capillary's upload endpoints: a multipart/form-data body built by hand (no runtime
 * dependency), and the image fields that accept either a binary property or Base64 text.
 */

export interface MultipartFile {
	/** Form field name of the file part (Capillary uses `file`). */
	field: string;
	fileName: string;
	mimeType: string;
	content: Buffer;
}

const headerSafe = (value: string) => value.replace(/[\r\n"]/g, '');

/** Makes `request` a multipart body: the text parts (objects as JSON), then the file. */
export function setMultipartBody(request: IHttpRequestOptions, file: MultipartFile, textParts: IDataObject = {}): IHttpRequestOptions {
	const boundary = `----n8nCapillary${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const parts: Buffer[] = [];
	for (const [key, value] of Object.entries(textParts)) {
		if (value === undefined || value === null || value === '') continue;
		const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${headerSafe(key)}"\r\n\r\n${text}\r\n`));
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${headerSafe(file.field)}"; filename="${headerSafe(file.fileName)}"\r\nContent-Type: ${headerSafe(file.mimeType) || 'application/octet-stream'}\r\n\r\n`,
		),
		file.content,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	request.body = Buffer.concat(parts);
	request.headers = { ...(request.headers ?? {}), 'Content-Type': `multipart/form-data; boundary=${boundary}` };
	return request;
}

/** Multipart upload of an image given as Base64 text (Image Source = Base64). */
async function base64ImageUpload(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = String(this.getNodeParameter('imageBase64', '') ?? '').trim();
	const data = raw.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
	const content = Buffer.from(data, 'base64');
	if (!data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data) || content.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Parameter "Image (Base64)" is not valid Base64 data', {
			description: 'Pass the image bytes Base64-encoded (a data: URL prefix is allowed), or switch Image Source to Binary File.',
			itemIndex: this.getItemIndex(),
		});
	}
	return setMultipartBody(request, {
		field: 'file',
		fileName: String(this.getNodeParameter('imageFileName', 'image.png') || 'image.png'),
		mimeType: String(this.getNodeParameter('imageMimeType', 'image/png') || 'image/png'),
		content,
	});
}

/** Image for a customer's profile: from a binary field of the item, or Base64 text. */
export function imageUploadFields(binaryField: INodeProperties): INodeProperties[] {
	return [
		{
			displayName: 'Image Source',
			name: 'imageSource',
			type: 'options',
			description: 'Where the image comes from: a binary field of the input item or Base64 text',
			noDataExpression: true,
			options: [
				{ name: 'Binary File', value: 'binary', description: 'An image in a binary field of the input item' },
				{ name: 'Base64', value: 'base64', description: 'The image bytes as Base64 text, e.g. from an expression' },
			],
			default: 'binary',
		},
		{ ...binaryField, displayOptions: { show: { imageSource: ['binary'] } } },
		{
			displayName: 'Image (Base64)',
			name: 'imageBase64',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description: 'The image, Base64-encoded (a data: URL is accepted)',
			displayOptions: { show: { imageSource: ['base64'] } },
			routing: { send: { preSend: [base64ImageUpload] } },
		},
		{
			displayName: 'File Name',
			name: 'imageFileName',
			type: 'string',
			default: 'image.png',
			description: 'File name reported to Capillary',
			displayOptions: { show: { imageSource: ['base64'] } },
		},
		{
			displayName: 'MIME Type',
			name: 'imageMimeType',
			type: 'string',
			default: 'image/png',
			description: 'Content type of the image, e.g. image/jpeg',
			displayOptions: { show: { imageSource: ['base64'] } },
		},
	];
}
