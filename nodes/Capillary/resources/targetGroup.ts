import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { additionalFields, bodyInput, customerIdField, ID_LIST, optionalField, options, toBody } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

/**
 * Target loyalty (v3 targetGroups): groups of targets customers reach within target periods, the
 * targets themselves, their communications, and the target groups of a customer.
 * Every answer is the v3 envelope `{data, errors, warnings}`.
 */

const ISO_PLACEHOLDER = '2026-04-01T00:00:00.000Z';
const NUMBER_OR_TEXT = '={{ /^\\d+$/.test(String($value).trim()) ? Number($value) : $value }}';

const PERIOD_STATUSES = options([
	['Running', 'RUNNING'],
	['Not Started', 'NOT_STARTED'],
	['Ended', 'ENDED'],
]);

const groupIdField: INodeProperties = {
	displayName: 'Target Group ID',
	name: 'groupId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '30',
	description: 'ID of the target group (returned by Create; Get Customer Target Groups lists the groups of a customer)',
};

const targetIdField = locatorField({
	displayName: 'Target ID',
	name: 'targetId',
	searchMethod: 'searchTargets',
	placeholder: '34',
	description: 'Target of the group. The list shows the targets of the Target Group ID above.',
});

/** v3 batch endpoints take a list: the body the fields built becomes `[body]` (JSON input may already be a list). */
async function sendAsList(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (request.body !== undefined && !Array.isArray(request.body)) request.body = [request.body];
	return request;
}

/** Must be the last field of its operation, so it runs after the JSON input has been merged. */
const asList: INodeProperties = {
	displayName: 'Send As List',
	name: 'sendAsList',
	type: 'hidden',
	default: true,
	routing: { send: { preSend: [sendAsList] } },
};

function stringField(displayName: string, name: string, property: string, description: string, required = false, placeholder = ''): INodeProperties {
	return { displayName, name, type: 'string', required, default: '', placeholder, description, routing: toBody(property) };
}

function activeField(description: string): INodeProperties {
	return { displayName: 'Active', name: 'active', type: 'boolean', default: true, description, routing: toBody('active') };
}

// ---------------------------------------------------------------------------------------------
// Target groups
// ---------------------------------------------------------------------------------------------

/** Period values inside a fixedCollection entry: `<list>[i].<key>`, or `<object>.<key>` for a single one. */
function periodValues(target: (key: string) => string): INodeProperties[] {
	const send = (key: string) => ({ send: { type: 'body' as const, property: target(key) } });
	return [
		{ displayName: 'Description', name: 'description', description: 'Short description of the period', type: 'string', default: '', routing: send('description') },
		{ displayName: 'Start Date', name: 'startDate', type: 'string', default: '', placeholder: ISO_PLACEHOLDER, description: 'ISO timestamp', routing: send('startDate') },
		{ displayName: 'End Date', name: 'endDate', type: 'string', default: '', placeholder: ISO_PLACEHOLDER, description: 'ISO timestamp, after the start', routing: send('endDate') },
		{ displayName: 'Reference Code', name: 'refCode', type: 'string', default: '', description: 'Your own code of the period', routing: send('refCode') },
		{ displayName: 'Period Status', name: 'periodStatus', description: 'Whether the period is running, not started yet or ended', type: 'options', options: PERIOD_STATUSES, default: 'NOT_STARTED', routing: send('periodStatus') },
		{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the period is active', routing: send('active') },
	];
}

const createGroupFields: INodeProperties[] = bodyInput(
	[
		stringField('Name', 'name', 'name', 'Name of the target group', true, 'Summer Spend Challenge'),
		{
			...locatorField({
				displayName: 'Preferred Till',
				name: 'preferredTillId',
				searchMethod: 'searchTills',
				placeholder: '75043577',
				description: 'Till the points for reaching a target are issued from',
			}),
			routing: toBody('preferredTillId', NUMBER_OR_TEXT),
		},
		additionalFields([
			{ ...activeField('Whether the group is active'), name: 'groupActive' },
			optionalField('Description', 'description', 'string', 'Short description of the group', 'body'),
			{ ...optionalField('From Date', 'fromDate', 'string', 'When the group starts (ISO timestamp, in the future)', 'body'), placeholder: ISO_PLACEHOLDER },
			{ ...optionalField('To Date', 'toDate', 'string', 'When the group ends (ISO timestamp, after From Date)', 'body'), placeholder: ISO_PLACEHOLDER },
			{ ...optionalField('Target Cycle Start Date', 'targetCycleStartDate', 'string', 'Start of the first target cycle (ISO timestamp)', 'body'), placeholder: ISO_PLACEHOLDER },
			optionalField('Total Periods', 'totalPeriods', 'number', 'Number of periods of the group', 'body'),
			optionalField('Recurring Cycles', 'recurringCycles', 'number', 'How many times the cycle repeats (-1 without end)', 'body'),
			optionalField('Frequency (Days)', 'frequency', 'number', 'Length of a custom cycle in days', 'body'),
			{
				displayName: 'Frequency Type',
				name: 'frequencyType',
				type: 'options',
				options: options([
					['Monthly', 'MONTHLY'],
					['Quarterly', 'QUARTERLY'],
					['Half-Yearly', 'HALF_YEARLY'],
					['Yearly', 'YEARLY'],
					['Custom', 'CUSTOM'],
				]),
				default: 'MONTHLY',
				description: 'Cycle of the group (Custom uses Frequency)',
				routing: toBody('frequencyType'),
			},
		]),
		{
			displayName: 'Periods',
			name: 'periods',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Period',
			default: {},
			description: 'Target periods of the group',
			options: [{ displayName: 'Period', name: 'period', values: periodValues((key) => `=periods[{{$index}}].${key}`) }],
		},
		{
			displayName: 'Active Period',
			name: 'activePeriod',
			type: 'fixedCollection',
			placeholder: 'Set Active Period',
			default: {},
			description: 'The period running now',
			options: [{ displayName: 'Period', name: 'period', values: periodValues((key) => `activePeriod.${key}`) }],
		},
	],
	'The target group as JSON: {"name": "…", "preferredTillId": 75043577, "fromDate": "…", "toDate": "…", "periods": [{"startDate": "…", "endDate": "…", "refCode": "…"}]}',
);

// ---------------------------------------------------------------------------------------------
// Target periods
// ---------------------------------------------------------------------------------------------

function periodFields(withId: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [];
	if (withId) {
		fields.push({
			...locatorField({
				displayName: 'Period ID',
				name: 'periodId',
				searchMethod: 'searchTargetPeriods',
				placeholder: '70',
				description: 'Period to change. The list shows the periods of the Target Group ID above.',
			}),
			routing: toBody('id', NUMBER_OR_TEXT),
		});
	}
	fields.push(
		stringField('Description', 'description', 'description', 'Short description of the period', true, 'Cycle 2'),
		stringField('Start Date', 'startDate', 'startDate', 'Start of the period (ISO timestamp)', true, ISO_PLACEHOLDER),
		stringField('End Date', 'endDate', 'endDate', 'End of the period (ISO timestamp, after the start)', true, ISO_PLACEHOLDER),
		additionalFields([
			{ displayName: 'Period Status', name: 'periodStatus', description: 'Whether the period is running, not started yet or ended', type: 'options', options: PERIOD_STATUSES, default: 'NOT_STARTED', routing: toBody('periodStatus') },
			optionalField('Reference Code', 'refCode', 'string', 'Your own code of the period', 'body'),
			activeField(withId ? 'Whether the period stays active (false deactivates it)' : 'Whether the period is active'),
		]),
	);
	return fields;
}

const PERIOD_JSON = 'Several periods as an array: [{"description": "…", "startDate": "2026-04-01T00:00:00.000Z", "endDate": "2026-04-30T23:59:59.000Z", "refCode": "APR", "periodStatus": "NOT_STARTED", "active": true}]';

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

const targetTypeField: INodeProperties = {
	displayName: 'Target Type',
	name: 'targetType',
	type: 'options',
	options: options([
		['Quantity', 'QUANTITY'],
		['Sales', 'SALES'],
		['Count', 'COUNT'],
		['Visit', 'VISIT'],
	]),
	default: 'SALES',
	description: 'What the target measures',
	routing: toBody('targetType'),
};

function targetOptions(): INodeProperties {
	return additionalFields([
		activeField('Whether the target is active'),
		optionalField('Description', 'description', 'string', 'Short description of the target', 'body'),
		{
			displayName: 'Target Entity',
			name: 'targetEntity',
			type: 'options',
			options: options([
				['Transaction', 'TRANSACTION'],
				['Line Item', 'LINEITEM'],
				['Points', 'POINTS'],
			]),
			default: 'TRANSACTION',
			description: 'What the target condition looks at',
			routing: toBody('targetEntity'),
		},
		{
			displayName: 'Enrolment Method',
			name: 'enrolmentMethod',
			type: 'options',
			options: options([
				['Transaction (Customers Who Transact)', 'TRANSACTION'],
				['Import (Imported Customers)', 'IMPORT'],
			]),
			default: 'TRANSACTION',
			description: 'How customers join the target',
			routing: toBody('enrolmentMethod'),
		},
		{ ...optionalField('Expression', 'expression', 'string', 'Rule expression of the condition', 'body'), placeholder: 'true' },
		{
			...optionalField('Expression JSON', 'expressionJson', 'string', 'The condition as rule-engine JSON text', 'body'),
			placeholder: '{"arity":"literal","value":"true","type":"boolean:primitive"}',
		},
		optionalField('EMF Rule Set ID', 'emfRuleSetId', 'number', 'Rule set of the target in the loyalty engine', 'body'),
		optionalField('EMF Unrolled Rule Set ID', 'emfUnrolledRulesetId', 'number', 'Unrolled rule set of the target in the loyalty engine', 'body'),
	]);
}

const targetFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Filter',
	default: {},
	description: 'Limit the target to some stores, zones or concepts',
	options: [
		{
			displayName: 'Filter',
			name: 'filter',
			values: [
				{
					displayName: 'Entity Type',
					name: 'entityType',
					description: 'Whether the IDs below are stores, zones or concepts',
					type: 'options',
					options: options([
						['Store', 'STORE'],
						['Zone', 'ZONE'],
						['Concept', 'CONCEPT'],
					]),
					default: 'STORE',
					routing: { send: { type: 'body', property: '=filters[{{$index}}].entityType' } },
				},
				{
					displayName: 'Entity IDs',
					name: 'entityIds',
					type: 'string',
					default: '',
					placeholder: '75027647,75046489',
					description: 'IDs of the stores, zones or concepts, comma-separated',
					routing: { send: { type: 'body', property: '=filters[{{$index}}].entityIds', value: ID_LIST } },
				},
			],
		},
	],
};

const targetDefaultValues: INodeProperties = {
	displayName: 'Target Values',
	name: 'defaultValues',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Target Value',
	default: {},
	description: 'The value to reach in each period (Capillary returns them as defaultValues)',
	options: [
		{
			displayName: 'Target Value',
			name: 'value',
			values: [
				{
					displayName: 'Period ID',
					name: 'periodId',
					description: 'Period the value applies to (Get Periods lists them)',
					type: 'string',
					default: '',
					routing: { send: { type: 'body', property: '=defaultValues[{{$index}}].periodId', value: NUMBER_OR_TEXT } },
				},
				{
					displayName: 'Value',
					name: 'defaultValue',
					description: 'Value the customer must reach in that period, e.g. an amount spent or a number of visits',
					type: 'number',
					default: 0,
					routing: { send: { type: 'body', property: '=defaultValues[{{$index}}].defaultValue' } },
				},
			],
		},
	],
};

function targetFields(): INodeProperties[] {
	return [stringField('Name', 'name', 'name', 'Name of the target', true, 'Spend 10,000 in April'), targetTypeField, targetOptions(), targetFilters, targetDefaultValues];
}

const groupIdInBody: INodeProperties = {
	displayName: 'Target Group ID in Body',
	name: 'targetGroupIdInBody',
	type: 'hidden',
	default: '',
	routing: toBody('targetGroupId', '={{ /^\\d+$/.test(String($parameter.groupId).trim()) ? Number($parameter.groupId) : $parameter.groupId }}'),
};

// ---------------------------------------------------------------------------------------------
// Communications
// ---------------------------------------------------------------------------------------------

const communicationFields: INodeProperties[] = bodyInput(
	[
		{
			displayName: 'Communication Type',
			name: 'communicationType',
			type: 'options',
			options: options([
				['Start', 'START'],
				['Finish', 'FINISH'],
				['Change', 'CHANGE'],
				['Reminder', 'REMINDER'],
			]),
			default: 'REMINDER',
			description: 'When the message is sent: target start, target reached, progress change, or a reminder',
			routing: toBody('communicationType'),
		},
		{
			...locatorField({
				displayName: 'Channel',
				name: 'channelId',
				searchMethod: 'searchTargetChannels',
				placeholder: '1',
				description: 'Channel the message goes out on (SMS, email, mobile push …)',
			}),
			routing: toBody('channelId', NUMBER_OR_TEXT),
		},
		stringField('Message Template', 'messageTemplate', 'messageTemplate', 'Text of the message', true, 'You are {{progress}}% to your target!'),
		additionalFields([
			optionalField('Subject Template', 'subjectTemplate', 'string', 'Subject line (email)', 'body'),
			optionalField('Sender', 'sender', 'string', 'Sender ID the message goes out from', 'body'),
			optionalField('Offset Days', 'offsetDays', 'number', 'Days before or after the event to send the message', 'body'),
			activeField('Whether the communication is active'),
		]),
	],
	'Several communications as an array: [{"communicationType": "REMINDER", "channelId": 1, "messageTemplate": "…", "subjectTemplate": "…", "sender": "…", "offsetDays": 1, "active": true}]',
);

// ---------------------------------------------------------------------------------------------
// Resource
// ---------------------------------------------------------------------------------------------

const GROUP_PATH = '/v3/targetGroups/{groupId}';
const TARGET_PATH = `${GROUP_PATH}/targets/{targetId}`;

export const targetGroup = defineResource({
	value: 'targetGroup',
	name: 'Target Group',
	description: 'Target loyalty: groups, periods and targets',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a target group',
			method: 'POST',
			path: '/v3/targetGroups',
			fields: createGroupFields,
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a target group',
			method: 'GET',
			path: GROUP_PATH,
			fields: [groupIdField],
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a target group',
			method: 'DELETE',
			path: GROUP_PATH,
			fields: [groupIdField],
			output: { items: 'data', valueName: 'deleted' },
		},
		{
			value: 'getPeriods',
			name: 'Get Periods',
			action: 'Get the periods of a target group',
			method: 'GET',
			path: `${GROUP_PATH}/targetPeriods`,
			fields: [groupIdField],
			pagination: { style: 'none' },
		},
		{
			value: 'createPeriods',
			name: 'Create Periods',
			action: 'Add periods to a target group',
			method: 'POST',
			path: `${GROUP_PATH}/targetPeriods`,
			hint: 'Capillary answers with every period of the group, the new ones included: one item per period',
			fields: [groupIdField, ...bodyInput(periodFields(false), PERIOD_JSON), asList],
		},
		{
			value: 'updatePeriods',
			name: 'Update Periods',
			action: 'Update a period of a target group',
			method: 'PUT',
			path: `${GROUP_PATH}/targetPeriods`,
			hint: 'Send Active false to deactivate a period. Capillary answers with the changed periods.',
			fields: [groupIdField, ...bodyInput(periodFields(true), `${PERIOD_JSON}, each with the "id" of the period to change`), asList],
		},
		{
			value: 'getTargets',
			name: 'Get Targets',
			action: 'Get the targets of a target group',
			method: 'GET',
			path: `${GROUP_PATH}/targets`,
			fields: [groupIdField],
			pagination: { style: 'none' },
		},
		{
			value: 'createTargets',
			name: 'Create Targets',
			action: 'Add targets to a target group',
			method: 'POST',
			path: `${GROUP_PATH}/targets`,
			hint: 'Target Values (per period) follow the defaultValues Capillary returns for a target; its request reference does not list them.',
			fields: [
				groupIdField,
				...bodyInput(
					[groupIdInBody, ...targetFields()],
					'Several targets as an array: [{"name": "…", "targetType": "SALES", "targetEntity": "TRANSACTION", "enrolmentMethod": "TRANSACTION", "expression": "true", "filters": [{"entityType": "STORE", "entityIds": [75027647]}], "defaultValues": [{"periodId": 70, "defaultValue": 10000}]}]',
				),
				asList,
			],
		},
		{
			value: 'updateTarget',
			name: 'Update Target',
			action: 'Update a target of a target group',
			method: 'PUT',
			path: TARGET_PATH,
			hint: "Uses PUT /v3/targetGroups/{groupId}/targets/{targetId} of the API index with the target as the body; Capillary's reference describes the change as PUT …/targets with a list. Settings you leave out keep their values.",
			fields: [groupIdField, targetIdField, ...bodyInput([groupIdInBody, ...targetFields()], 'The target as JSON: {"name": "…", "targetType": "SALES", "active": true, "filters": [{"entityType": "STORE", "entityIds": [75027647]}]}')],
		},
		{
			value: 'deactivateTarget',
			name: 'Deactivate Target',
			action: 'Deactivate a target of a target group',
			method: 'DELETE',
			path: TARGET_PATH,
			hint: 'Capillary documents no answer for this call; the node expects {"data": …} like its other target-group calls. The target stays in Get Targets with active false.',
			fields: [groupIdField, targetIdField],
			output: { items: 'data', valueName: 'deactivated' },
		},
		{
			value: 'getCommunications',
			name: 'Get Communications',
			action: 'Get the communications of a target',
			method: 'GET',
			path: `${TARGET_PATH}/communications`,
			fields: [groupIdField, targetIdField],
			pagination: { style: 'none' },
		},
		{
			value: 'upsertCommunications',
			name: 'Create or Update Communications',
			action: 'Create or update the communications of a target',
			method: 'POST',
			path: `${TARGET_PATH}/communications/upsert`,
			hint: 'A communication with the same type, channel and offset days as an existing one replaces it (or give "id" in JSON); others are added',
			fields: [groupIdField, targetIdField, ...communicationFields, asList],
		},
		{
			value: 'getChannels',
			name: 'Get Channels',
			action: 'Get the target communication channels',
			method: 'GET',
			path: '/v3/targetGroups/channels',
			fields: [],
			pagination: { style: 'none' },
		},
		{
			value: 'getCustomerTargetGroups',
			name: "Get Customer's Target Groups",
			action: 'Get the target groups of a customer',
			method: 'GET',
			path: '/v3/users/{userId}/targetGroups',
			hint: 'Capillary does not document this call beyond its path; the node expects {"data": [target groups]} like the other target-group calls and returns one item per group.',
			fields: [customerIdField({ name: 'userId' })],
			pagination: { style: 'none' },
		},
	],
});
