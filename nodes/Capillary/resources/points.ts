import type { INodeProperties } from 'n8n-workflow';

import {
	accountIdField,
	additionalFields,
	optionalField,
	options,
	queryOptions,
	sourceField,
	toBody,
	toQuery,
	v11FieldList,
	v11IdentifierFields,
	V11_IDENTIFIER_TYPES,
	v2IdentifierFields,
} from '../shared/fields';
import { defineResource } from '../shared/operation';

/** Customer-to-customer transfers identify both sides with `{type, value}` in upper case. */
const TRANSFER_IDENTIFIER_TYPES = options([
	['Customer ID', 'ID'],
	['Mobile', 'MOBILE'],
	['Email', 'EMAIL'],
	['External ID', 'EXTERNAL_ID'],
]);

function transferParty(prefix: 'from' | 'to', label: string): INodeProperties[] {
	return [
		{
			displayName: `${label} Identifier Type`,
			name: `${prefix}IdentifierType`,
			description: `Which identifier of the ${prefix === 'from' ? 'customer giving' : 'customer receiving'} the points you know`,
			type: 'options',
			options: TRANSFER_IDENTIFIER_TYPES,
			default: 'MOBILE',
			routing: toBody(`${prefix}CustomerIdentifier.type`),
		},
		{
			displayName: `${label} Identifier Value`,
			name: `${prefix}IdentifierValue`,
			description: `Value of that identifier of the ${prefix === 'from' ? 'customer giving' : 'customer receiving'} the points, e.g. the mobile number with country code`,
			type: 'string',
			required: true,
			default: '',
			routing: toBody(`${prefix}CustomerIdentifier.value`),
		},
	];
}

/**
 * Group redemption (user_group2_*): the v1.1 isredeemable and redeem pages document these query
 * parameters; any one of Group ID, Group External ID, Primary User ID or Use Default Group names the group.
 */
function groupRedemptionOptions(): INodeProperties[] {
	return [
		optionalField('Group ID', 'user_group2_id', 'number', 'Redeem the points of this user group (any one of the group fields names the group)'),
		optionalField('Group External ID', 'user_group2_external_id', 'string', 'External ID of the user group whose points are redeemed'),
		optionalField('Group Primary User ID', 'user_group2_primary_user_id', 'number', 'Customer ID of the primary member of the group'),
		{
			displayName: 'Group Primary User Identifier Type',
			name: 'userGroup2PrimaryUserIdentifierType',
			type: 'options',
			options: options([['Mobile', 'mobile'], ['Email', 'email'], ['Card Number', 'cardnumber'], ['Card External ID', 'cardExternalId'], ['Customer ID', 'id']]),
			default: 'mobile',
			description: 'Identifier type of the primary member (with Group Primary User Identifier Value)',
			routing: toQuery('user_group2_primary_user_identifier_type'),
		},
		optionalField('Group Primary User Identifier Value', 'user_group2_primary_user_identifier_value', 'string', 'Identifier value of the primary member'),
		{
			displayName: 'Group Primary User Source',
			name: 'userGroup2PrimaryUserSource',
			type: 'options',
			options: options(['FACEBOOK', 'WEB_ENGAGE', 'WECHAT', 'INSTORE', 'MARTJACK', 'TMALL', 'TAOBAO', 'JD', 'ECOMMERCE', 'WEBSITE', 'LINE', 'MOBILE_APP']),
			default: 'INSTORE',
			description: "Source in which the primary member's identifier is registered",
			routing: toQuery('user_group2_primary_user_source'),
		},
		optionalField('Group Primary User Account ID', 'user_group2_primary_user_accountId', 'string', 'Account of the source, for sources with several accounts such as WECHAT', 'query', 'userGroup2PrimaryUserAccountId'),
		optionalField('Use Default Group', 'use_default_user_group2', 'boolean', "Whether to redeem from the customer's default group"),
	];
}

/** Documented values of validation_type (the isredeemable page adds INVALID, used with Skip Validation). */
function validationTypeOption(values: string[]): INodeProperties {
	return {
		displayName: 'Validation Type',
		name: 'validationType',
		description: 'How the customer received the validation code (INVALID only with Skip Validation)',
		type: 'options',
		options: options(values),
		default: 'SMS',
		routing: toQuery('validation_type'),
	};
}

const pointsToTransfer: INodeProperties = {
	displayName: 'Points',
	name: 'pointsToTransfer',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 0 },
	description: 'Number of points to move',
	routing: toBody('pointsTobeTransferred'),
};

const transferOptions = [
	optionalField('Program ID', 'programId', 'number', 'Loyalty program to move points in (multi-program orgs)', 'body'),
	optionalField('Notes', 'notes', 'string', 'Why the points move; stored with the transfer', 'body'),
];

const customerTransferFields = [pointsToTransfer, ...transferParty('from', 'From'), ...transferParty('to', 'To')];

/** Optional body values are left out when empty: Capillary reads `"source": ""` as a source named "". */
const OMIT_EMPTY = '={{ String($value).trim() === "" ? undefined : $value }}';

/** Group transfers describe each party as `{type, identifierType, identifierValue, source, accountId}`. */
function groupParty(key: 'fromEntity' | 'toEntity' | 'transferredBy', label: string, withType: boolean): INodeProperties[] {
	const prefix = key === 'transferredBy' ? 'transferredBy' : key;
	const defaultType = key === 'fromEntity' ? 'USERGROUP2' : 'CUSTOMER';
	const defaultIdentifierType = key === 'fromEntity' ? 'id' : 'mobile';
	const fields: INodeProperties[] = [];
	if (withType) {
		fields.push({
			displayName: `${label} Type`,
			name: `${prefix}Type`,
			description: `Whether the ${label.toLowerCase()} side is a customer or a user group`,
			type: 'options',
			options: options([
				['Customer', 'CUSTOMER'],
				['User Group', 'USERGROUP2'],
			]),
			default: defaultType,
			routing: toBody(`${key}.type`),
		});
	}
	fields.push(
		{
			displayName: `${label} Identifier Type`,
			name: `${prefix}IdentifierType`,
			type: 'string',
			default: defaultIdentifierType,
			description: 'Customer identifiers: mobile, email, externalId, cardnumber … Group identifiers: the group ID (the default for From), externalId, primaryUserId',
			routing: toBody(`${key}.identifierType`),
		},
		{
			displayName: `${label} Identifier Value`,
			name: `${prefix}IdentifierValue`,
			description: `Value of the ${label.toLowerCase()} identifier: a group ID, external ID, mobile number …`,
			type: 'string',
			required: true,
			default: '',
			routing: toBody(`${key}.identifierValue`),
		},
		{
			displayName: `${label} Source`,
			name: `${prefix}Source`,
			type: 'string',
			default: '',
			placeholder: 'INSTORE',
			description: 'Source of the customer account; Capillary needs it for customers, not for groups. Not sent when empty.',
			routing: toBody(`${key}.source`, OMIT_EMPTY),
		},
		{
			displayName: `${label} Account ID`,
			name: `${prefix}AccountId`,
			type: 'string',
			default: '',
			description: 'Account of the source, for sources with several accounts (e.g. WECHAT). Not sent when empty.',
			routing: toBody(`${key}.accountId`, OMIT_EMPTY),
		},
	);
	return fields;
}

const groupTransferFields: INodeProperties[] = [
	pointsToTransfer,
	...groupParty('fromEntity', 'From', true),
	...groupParty('toEntity', 'To', true),
	...groupParty('transferredBy', 'Transferred By', false),
	additionalFields(transferOptions),
];

const v11PointsField: INodeProperties = {
	displayName: 'Points',
	name: 'points',
	description: 'Number of points to check, or to send a validation code for',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 0 },
	routing: toQuery('points'),
};

export const points = defineResource({
	value: 'points',
	name: 'Points',
	description: 'Transfer, reverse, unlock and redeem loyalty points',
	default: 'transfer',
	operations: [
		{
			value: 'checkTransfer',
			name: 'Check Transfer',
			action: 'Check whether points can be transferred between customers',
			method: 'POST',
			path: '/v2/points/isTransferrable',
			fields: [
				...customerTransferFields,
				additionalFields([
					...transferOptions,
					optionalField('Issue OTP', 'issueOtp', 'boolean', 'Whether to send the sender an OTP when the transfer is possible (needed by Transfer)', 'body'),
				]),
			],
		},
		{
			value: 'transfer',
			name: 'Transfer',
			action: 'Transfer points between customers',
			method: 'POST',
			path: '/v2/points/transfer',
			fields: [
				...customerTransferFields,
				{
					displayName: 'OTP Code',
					name: 'otpCode',
					type: 'string',
					required: true,
					default: '',
					description: 'The OTP the sender received (Check Transfer with Issue OTP sends it)',
					routing: toBody('code'),
				},
				additionalFields(transferOptions),
			],
		},
		{
			value: 'getTransfers',
			name: 'Get Transfers',
			action: 'Get the points transfers of a customer or group',
			method: 'GET',
			path: '/v2/points/transfer',
			fields: [
				...v2IdentifierFields(),
				sourceField(),
				accountIdField(),
				queryOptions([
					optionalField('Program ID', 'programId', 'number', 'Only transfers of this loyalty program'),
					{
						displayName: 'Entity Type',
						name: 'userEntityType',
						type: 'options',
						options: options([
							['Customer', 'CUSTOMER'],
							['User Group', 'USERGROUP2'],
						]),
						default: 'CUSTOMER',
						description: 'Whether the identifier belongs to a customer or a user group',
						routing: toQuery('userEntityType'),
					},
				]),
			],
			pagination: { style: 'none' },
		},
		{
			value: 'reverseRedemption',
			name: 'Reverse Redemption',
			action: 'Reverse redeemed points',
			method: 'POST',
			path: '/v2/points/reverse',
			fields: [
				{
					displayName: 'Redemption ID',
					name: 'redemptionId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '54ZNkA',
					description: 'Reference returned when the points were redeemed',
					routing: toBody('redemptionId'),
				},
				{
					displayName: 'Identifier Type',
					name: 'identifierName',
					description: 'Which identifier of the customer who redeemed the points you know',
					type: 'options',
					options: options([
						['Mobile', 'mobile'],
						['Email', 'email'],
						['External ID', 'externalId'],
					]),
					default: 'mobile',
					routing: toBody('identifier.type'),
				},
				{
					displayName: 'Identifier Value',
					name: 'identifierValue',
					type: 'string',
					required: true,
					default: '',
					description: 'Must match the customer the redemption belongs to',
					routing: toBody('identifier.value'),
				},
				additionalFields([
					optionalField('Points to Reverse', 'pointsToBeReversed', 'number', 'Reverse only part of the redemption; all of it when empty', 'body'),
				]),
			],
		},
		{
			value: 'checkGroupTransfer',
			name: 'Check Group Transfer',
			action: 'Check whether points can be transferred between a group and a customer',
			method: 'POST',
			path: '/v2/points/userGroup2/isTransferrable',
			fields: groupTransferFields,
		},
		{
			value: 'groupTransfer',
			name: 'Transfer Group Points',
			action: 'Transfer points between a group and a customer',
			method: 'POST',
			path: '/v2/points/userGroup2/transfer',
			fields: groupTransferFields,
		},
		{
			value: 'unlockPromised',
			name: 'Unlock Promised Points',
			action: 'Convert promised points into redeemable points',
			method: 'POST',
			path: '/v2/points/unlockPromisedPoints',
			fields: [
				...v2IdentifierFields(),
				sourceField({ required: true }),
				{
					displayName: 'Event Name',
					name: 'eventName',
					type: 'string',
					required: true,
					default: 'TransactionAdd',
					description: 'Event that promised the points',
					routing: toBody('eventName'),
				},
				{
					displayName: 'Bill Number',
					name: 'billNumber',
					description: 'Bill whose promised points become redeemable',
					type: 'string',
					required: true,
					default: '',
					routing: toBody('billNumber'),
				},
				additionalFields([
					optionalField('Bill Date', 'billDate', 'string', 'Date of the bill, YYYY-MM-DD', 'body'),
					optionalField('Event Log ID', 'eventLogId', 'number', 'Event log entry that promised the points', 'body'),
					{
						displayName: 'Item Codes',
						name: 'itemCodes',
						type: 'string',
						default: '',
						description: 'Unlock only the points of these line items (comma-separated item codes)',
						routing: toBody('itemCodes', '={{ String($value).split(",").map(s => s.trim()).filter(s => s) }}'),
					},
					optionalField('Source Program ID', 'sourceProgramId', 'number', 'Program that promised the points', 'body'),
					optionalField('Source Store ID', 'sourceStoreId', 'number', 'Store of the bill', 'body'),
					optionalField('Source Till ID', 'sourceTillId', 'number', 'Till of the bill', 'body'),
					optionalField('Type', 'type', 'string', 'Entity type of the identifier, e.g. CUSTOMER or USERGROUP2', 'query'),
				]),
			],
		},
		{
			value: 'checkRedeemable',
			name: 'Check Redeemable',
			action: 'Check whether a customer can redeem points',
			method: 'GET',
			path: '/v1.1/points/isredeemable',
			fields: [
				...v11IdentifierFields(V11_IDENTIFIER_TYPES.filter(([, v]) => v !== 'id')),
				v11PointsField,
				queryOptions([
					optionalField('Issue OTP', 'issue_otp', 'boolean', 'Whether to send the customer a validation code when the points are redeemable'),
					optionalField('Program ID', 'program_id', 'number', 'Loyalty program of the points'),
					optionalField('Validation Code', 'validation_code', 'string', 'Check this validation code too'),
					optionalField('Skip Validation', 'skip_validation', 'boolean', 'Whether to skip validation-code checks'),
					validationTypeOption(['SMS', 'MISSED_CALL', 'INVALID']),
					optionalField('Group Redemption', 'group_redemption', 'boolean', 'Whether to redeem across programs (cross-program redemption)'),
					...groupRedemptionOptions(),
				]),
			],
			hint: "The JSON sample on Capillary's page is garbled (a redeem response wrapped around the check). The node follows the shape real clients read: one item from response.points.redeemable (is_redeemable, points, points_redeem_value, item_status).",
			output: { items: 'points.redeemable' },
		},
		{
			value: 'issueValidationCode',
			name: 'Issue Validation Code',
			action: 'Send a customer a code to redeem points',
			method: 'GET',
			path: '/v1.1/points/validationcode',
			// A GET that messages the customer: never repeated on a doubtful answer.
			idempotent: false,
			fields: [...v11IdentifierFields(V11_IDENTIFIER_TYPES.filter(([, v]) => v !== 'id')), v11PointsField],
		},
		{
			value: 'redeem',
			name: 'Redeem',
			action: 'Redeem points of a customer',
			method: 'POST',
			path: '/v1.1/points/redeem',
			v11Root: 'redeem',
			fields: [
				{
					displayName: 'Identifier Type',
					name: 'v11IdentifierType',
					description: 'Which identifier of the customer you know',
					type: 'options',
					options: options(V11_IDENTIFIER_TYPES.filter(([, v]) => v !== 'id')),
					default: 'mobile',
				},
				{
					displayName: 'Identifier Value',
					name: 'v11IdentifierValue',
					description: 'Value of that identifier, e.g. the mobile number with country code',
					type: 'string',
					required: true,
					default: '',
					routing: toBody('=customer.{{ $parameter.v11IdentifierType }}'),
				},
				{
					displayName: 'Points',
					name: 'points',
					description: 'Number of points to redeem',
					type: 'number',
					required: true,
					default: 0,
					typeOptions: { minValue: 0 },
					routing: toBody('points_redeemed'),
				},
				{
					displayName: 'Validation Code',
					name: 'validationCode',
					type: 'string',
					default: '',
					description: 'Code from Issue Validation Code; leave empty only with Skip Validation',
					routing: toBody('validation_code'),
				},
				additionalFields([
					optionalField('Transaction Number', 'transaction_number', 'string', 'Bill the points are redeemed against', 'body'),
					optionalField('External Reference Number', 'external_reference_number', 'string', 'Your own unique reference for this redemption', 'body'),
					optionalField('Redemption Time', 'redemption_time', 'string', 'YYYY-MM-DD HH:MM:SS; now when empty', 'body'),
					optionalField('Redemption Purpose', 'redemption_purpose', 'string', 'Why the points are redeemed', 'body'),
					optionalField('Notes', 'notes', 'string', 'Free text', 'body'),
					optionalField('Till ID', 'till_id', 'string', 'Till the redemption is recorded against', 'body'),
					optionalField('Group Redemption', 'group_redemption', 'boolean', 'Whether to redeem across programs', 'body'),
					v11FieldList('Custom Fields', 'customFields', 'custom_fields', 'Redemption-level custom fields', false),
					optionalField('Skip Validation', 'skip_validation', 'boolean', 'Whether to redeem without a validation code (needs the org setting)'),
					optionalField('Program ID', 'program_id', 'number', 'Loyalty program of the points'),
					validationTypeOption(['SMS', 'MISSED_CALL']),
					...groupRedemptionOptions(),
				]),
			],
			output: { items: 'responses.points' },
		},
	],
});
