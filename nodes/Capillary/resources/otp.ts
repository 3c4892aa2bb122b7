import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountIdField, additionalFields, optionalField, options, queryOptions, sourceField, toBody, toQuery } from '../shared/fields';
import { defineResource } from '../shared/operation';

/**
 * One-time passwords (v2/otp): issue a code to a customer's mobile or email for an action
 * (registration, points or coupon redemption …), validate it, or read the latest one. Capillary
 * allows 10 OTPs per customer per day by default; the 11th gets error 429, which the node does not
 * retry (waiting minutes does not help).
 */

const ACTIONS = options([
	['Coupon Redemption', 'COUPON'],
	['Customer Identifier Change', 'CUSTOMER_IDENTIFIER_CHANGE'],
	['Customer Issue or Link Card', 'CUSTOMER_ISSUE_LINK_CARD'],
	['Customer Status Update', 'CUSTOMER_STATUS_UPDATE'],
	['Generic', 'GENERIC'],
	['Points Redemption', 'POINTS'],
	['Points Transfer', 'POINTSTRANSFER'],
	['Registration', 'REGISTRATION'],
	['Subscription', 'SUBSCRIPTION'],
	['User Group', 'USERGROUP'],
]);

function entityFields(): INodeProperties[] {
	return [
		{
			displayName: 'Send To',
			name: 'entityType',
			type: 'options',
			options: options([
				['Mobile', 'MOBILE'],
				['Email', 'EMAIL'],
			]),
			default: 'MOBILE',
			description: 'Whether the customer is identified by mobile number or email',
			routing: toBody('entityType'),
		},
		{
			displayName: 'Mobile or Email',
			name: 'entityValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: '919111111111',
			description: 'Registered mobile number (with country code) or email of the customer',
			routing: toBody('entityValue'),
		},
	];
}

function actionField(values = ACTIONS, description = 'What the OTP authorises'): INodeProperties {
	return {
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: values,
		default: 'GENERIC',
		description,
		routing: toBody('action'),
	};
}

/** Channels are required by Capillary; empty values are left out so it uses the registered ones. */
async function channelsIntoBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('channels', {}) as IDataObject;
	const entries = (Array.isArray(raw.channel) ? raw.channel : []) as IDataObject[];
	const channels = entries
		.filter((c) => c.type)
		.map((c) => {
			const value = String(c.value ?? '').trim();
			return value ? { type: c.type, value } : { type: c.type };
		});
	if (channels.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Parameter "Channels" needs at least one channel', {
			description: 'Capillary needs to know how to send the OTP: add a channel (SMS, Email or Phone Call).',
			itemIndex: this.getItemIndex(),
		});
	}
	request.body = { ...((request.body as IDataObject) ?? {}), channels };
	return request;
}

export const otp = defineResource({
	value: 'otp',
	name: 'OTP',
	description: 'Generate, validate and read one-time passwords',
	operations: [
		{
			value: 'generate',
			name: 'Generate',
			action: 'Send an OTP to a customer',
			method: 'POST',
			path: '/v2/otp/generate',
			fields: [
				...entityFields(),
				actionField(),
				{
					displayName: 'Channels',
					name: 'channels',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Channel',
					default: {},
					description: 'How the OTP is delivered (at least one)',
					routing: { send: { preSend: [channelsIntoBody] } },
					options: [
						{
							displayName: 'Channel',
							name: 'channel',
							values: [
								{
									displayName: 'Type',
									name: 'type',
									description: 'Channel the OTP is sent on; Mobile and Email sends it on both',
									type: 'options',
									options: options([
										['SMS', 'SMS'],
										['Email', 'EMAIL'],
										['Mobile', 'MOBILE'],
										['Phone Call', 'PHONE'],
										['Mobile and Email', 'BOTH'],
									]),
									default: 'SMS',
								},
								{
									displayName: 'Value',
									name: 'value',
									type: 'string',
									default: '',
									description: 'Number or email to send to; the registered one when empty',
								},
							],
						},
					],
				},
				additionalFields([
					optionalField('SMS Template', 'template', 'string', 'SMS text; {{ validation_code }} is replaced by the OTP', 'body'),
					optionalField('Email Subject', 'emailTemplate.subject', 'string', 'Subject of the OTP email', 'body', 'emailSubject'),
					optionalField('Email Body', 'emailTemplate.body', 'string', 'Body of the OTP email; {{ validation_code }} is replaced by the OTP', 'body', 'emailBody'),
				]),
			],
			hint: 'Capillary allows 10 OTPs per customer per day (configurable); beyond that it answers 429, which the node reports without retrying',
		},
		{
			value: 'validate',
			name: 'Validate',
			action: 'Validate an OTP',
			description: 'Check the code a customer received; outputs valid: true or false',
			method: 'POST',
			path: '/v2/otp/validate',
			fields: [
				...entityFields(),
				{
					displayName: 'OTP',
					name: 'code',
					type: 'string',
					typeOptions: { password: true },
					required: true,
					default: '',
					description: 'The code the customer received',
					routing: toBody('code'),
				},
				actionField(ACTIONS, 'The action the OTP was generated for'),
			],
			output: { valueName: 'valid' },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get the latest OTP of a customer',
			method: 'GET',
			path: '/v2/otp',
			fields: [
				{
					displayName: 'Identifier Type',
					name: 'identifierName',
					description: 'Which identifier of the customer you know',
					type: 'options',
					options: options([
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'external_id'],
						['WeChat', 'wechat'],
					]),
					default: 'mobile',
					routing: toQuery('identifierName'),
				},
				{
					displayName: 'Identifier Value',
					name: 'identifierValue',
					description: 'Value of that identifier, e.g. the mobile number with country code',
					type: 'string',
					required: true,
					default: '',
					placeholder: '919111111111',
					routing: toQuery('identifierValue'),
				},
				{
					displayName: 'Scope',
					name: 'scope',
					type: 'options',
					options: options([
						['Coupon Redemption', 'COUPON'],
						['Generic', 'GENERIC'],
						['Points Redemption', 'POINTS'],
						['Registration', 'REGISTRATION'],
						['Subscription', 'SUBSCRIPTION'],
						['User Group', 'USERGROUP'],
					]),
					default: 'POINTS',
					description: 'Action the OTP was issued for',
					routing: toQuery('scope'),
				},
				queryOptions([
					sourceField(),
					accountIdField(),
					optionalField('Threshold (Seconds)', 'threshold', 'number', 'Only an OTP issued within this many seconds'),
				]),
			],
			hint: 'Returns the OTP itself: keep the output away from logs and other customers',
		},
	],
});
