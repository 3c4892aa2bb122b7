import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { additionalFields, bodyInput, optionalField, options, queryOptions, toBody, toQuery } from '../shared/fields';
import { locatorField } from '../shared/lookups';
import { defineResource } from '../shared/operation';

/**
 * Store tasks (v1.1 task/*): tasks and memos for associates or about customers, their entries
 * (one status per executor), update logs, reminders and the mapping of Capillary's task
 * statuses to the org's own labels.
 */

const V11_TIME = 'YYYY-MM-DD HH:MM:SS';

const ACTION_TYPES = options([
	['SMS', 'sms'],
	['Email', 'email'],
	['Call', 'call'],
	['None', 'none'],
]);

/** Capillary's own task statuses, which the org's labels map to. */
const INTERNAL_STATUSES = options([
	['Open', 'OPEN'],
	['In Progress', 'IN_PROGRESS'],
	['Closed', 'CLOSED'],
	['None', 'NONE'],
]);

function taskLocator(property: string, description: string): INodeProperties {
	return locatorField({
		displayName: 'Task ID',
		name: 'taskId',
		searchMethod: 'searchTasks',
		placeholder: '15',
		description,
		routing: toBody(property),
	});
}

function dateField(displayName: string, property: string, description: string): INodeProperties {
	return { ...optionalField(displayName, property, 'string', `${description} (${V11_TIME})`, 'body'), placeholder: '2026-03-01 10:00:00' };
}

function fail(context: IExecuteSingleFunctions, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, { description, itemIndex: context.getItemIndex() });
}

/** The entries of a multiple-value fixedCollection (`{ <entryName>: [...] }`). */
function entries(context: IExecuteSingleFunctions, name: string, entryName: string): IDataObject[] {
	const value = context.getNodeParameter(name, {}) as IDataObject;
	const list = value?.[entryName];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

// ---------------------------------------------------------------------------------------------
// Add
// ---------------------------------------------------------------------------------------------

/** Reminders of a new task: `reminder: [{"-create": "true", time, template}]` as in Capillary's sample. */
async function taskReminders(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const reminders = entries(this, 'reminders', 'reminder')
		.filter((r) => String(r.time ?? '').trim() !== '')
		.map((r) => ({ '-create': 'true', time: String(r.time).trim(), template: String(r.template ?? '') }));
	if (reminders.length) request.body = { ...((request.body as IDataObject) ?? {}), reminder: reminders };
	return request;
}

const addTaskFields: INodeProperties[] = bodyInput(
	[
		{
			displayName: 'New Task',
			name: 'newTaskId',
			type: 'hidden',
			default: '-1',
			description: 'Capillary adds a task when its ID is -1',
			routing: toBody('id'),
		},
		{
			displayName: 'Title',
			name: 'title',
			description: 'Short title of the task, shown to the store staff',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Call about the birthday offer',
			routing: toBody('title'),
		},
		{
			displayName: 'Task Type',
			name: 'taskType',
			type: 'options',
			options: options([
				['Task', 'TASK'],
				['Memo', 'MEMO'],
			]),
			default: 'TASK',
			description: 'A task to carry out, or a memo to read',
			routing: toBody('type'),
		},
		{
			displayName: 'Target Type',
			name: 'targetType',
			type: 'options',
			options: options([
				['Cashier', 'CASHIER'],
				['Customer', 'CUSTOMER'],
			]),
			default: 'CASHIER',
			description: 'Whether the task is for associates, or about customers (then give Customer IDs or Audience Group IDs)',
			routing: toBody('target_type'),
		},
		additionalFields([
			optionalField('Description', 'body', 'string', 'What the task is about', 'body', 'description'),
			dateField('Start Date', 'start_date', 'When the task starts'),
			dateField('End Date', 'end_date', 'When the task is due; after Start Date'),
			dateField('Expiry Date', 'expiry_date', 'When the task expires; after End Date'),
			{
				displayName: 'Action Type',
				name: 'actionType',
				type: 'options',
				options: ACTION_TYPES,
				default: 'call',
				description: 'What the executor does',
				routing: toBody('action.type'),
			},
			optionalField('Action Template', 'action.template', 'string', 'Message of the action, e.g. Hi {name}, your points = {points}', 'body', 'actionTemplate'),
			{
				displayName: 'Creator Type',
				name: 'creatorType',
				description: 'Whether a manager or a cashier creates the task',
				type: 'options',
				options: options([
					['Manager', 'manager'],
					['Cashier', 'cashier'],
				]),
				default: 'manager',
				routing: toBody('creator.type'),
			},
			optionalField('Creator ID', 'creator.id', 'string', 'ID of the manager or cashier creating the task', 'body', 'creatorId'),
			optionalField('Customer IDs', 'customer_ids', 'string', 'Customers the task is about, comma-separated (Target Type Customer)', 'body'),
			optionalField('Audience Group IDs', 'selected_audience_groups', 'string', 'Groups whose every customer gets the task, comma-separated (Target Type Customer)', 'body'),
			optionalField('Execute by All', 'execute_by_all', 'boolean', 'Whether every cashier must carry out the task', 'body'),
			{
				displayName: 'Executable By Type',
				name: 'executableByType',
				type: 'options',
				options: options([
					['Cashier', 'cashier'],
					['Store', 'store'],
				]),
				default: 'cashier',
				description: 'Whether Executable By IDs are cashiers, or stores (every cashier of the store)',
				routing: toBody('executable_by_type'),
			},
			optionalField('Executable By IDs', 'executable_by_ids', 'string', 'Cashier or store IDs that carry out the task, comma-separated', 'body'),
			{ ...optionalField('Possible Statuses', 'possible_statuses', 'string', 'Statuses the task can take, comma-separated; the first is the initial one', 'body'), placeholder: 'OPEN,IN_PROGRESS,CLOSED' },
			optionalField('Tags', 'tags', 'string', 'Free-form tags, e.g. ["label": "birthday task", "priority": "1"]', 'body'),
			optionalField('Local ID', 'local_id', 'string', 'Your own ID of the task, returned as is', 'body'),
		]),
		{
			displayName: 'Reminders',
			name: 'reminders',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Reminder',
			default: {},
			description: 'Reminders created with the task',
			routing: { send: { preSend: [taskReminders] } },
			options: [
				{
					displayName: 'Reminder',
					name: 'reminder',
					values: [
						{ displayName: 'Time', name: 'time', type: 'string', default: '', placeholder: '2026-03-02 10:00:00', description: `When to remind (${V11_TIME})` },
						{ displayName: 'Template', name: 'template', type: 'string', default: '', description: 'Reminder text' },
					],
				},
			],
		},
	],
	'One task as an object, or several as an array, shaped like Capillary\'s task: {"id": "-1", "title": "…", "type": "TASK", "target_type": "CUSTOMER", "customer_ids": "15,82", "action": {"type": "call", "template": "…"}, "reminder": [{"-create": "true", "time": "2026-03-02 10:00:00", "template": "…"}]}. Use ID -1 for new tasks.',
);

// ---------------------------------------------------------------------------------------------
// Update
// ---------------------------------------------------------------------------------------------

const updateTaskFields: INodeProperties[] = bodyInput(
	[
		taskLocator('id', 'The task to change'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'string',
			default: '',
			placeholder: 'CLOSED',
			description: "New status of the task's entries (all of them, or the one chosen in Entry ID, Customer ID or Associate ID); one of the task's possible statuses",
			routing: toBody('status'),
		},
		additionalFields([
			optionalField('Entry ID', 'entry_id', 'string', 'Change the status of this entry only', 'body'),
			optionalField('Customer ID', 'customer_id', 'string', 'Change the status of the entry of this customer only', 'body'),
			optionalField('Associate ID', 'associate_id', 'string', 'Change the status of the entry of this associate only', 'body'),
			optionalField('Title', 'title', 'string', 'New title', 'body'),
			optionalField('Description', 'body', 'string', 'New description', 'body', 'description'),
			dateField('Start Date', 'start_date', 'New start'),
			dateField('End Date', 'end_date', 'New due date'),
			dateField('Expiry Date', 'expiry_date', 'New expiry'),
			{
				displayName: 'Action Type',
				name: 'actionType',
				description: 'New action of the task: what the executor does',
				type: 'options',
				options: ACTION_TYPES,
				default: 'call',
				routing: toBody('action_type'),
			},
			optionalField('Action Template', 'action_template', 'string', 'New message of the action', 'body'),
			optionalField('Executable By IDs', 'executable_by_ids', 'string', 'More cashiers to carry out the task, comma-separated (existing entries are kept)', 'body'),
			optionalField('Tags', 'tags', 'string', 'New tags', 'body'),
		]),
	],
	'One change as an object, or several as an array: [{"id": "15", "status": "CLOSED"}, {"id": "16", "title": "…"}]',
);

// ---------------------------------------------------------------------------------------------
// Status mappings
// ---------------------------------------------------------------------------------------------

/** The mappings become the list of `root.status` entries. */
async function statusMappings(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const list = entries(this, 'mappings', 'mapping').map((m) => {
		const entry: IDataObject = { value: String(m.value ?? 'OPEN'), label: String(m.label ?? '').trim() };
		const id = String(m.id ?? '').trim();
		if (id) entry.id = id;
		return entry;
	});
	if (list.length === 0) fail(this, 'Parameter "Mappings" needs at least one mapping', 'Each mapping names one of Capillary\'s statuses and the label your org uses for it.');
	const unlabelled = list.findIndex((m) => m.label === '');
	if (unlabelled >= 0) fail(this, `Parameter "Mappings": mapping ${unlabelled + 1} has no label`, 'Give every mapping the label your org uses for the status.');
	request.body = list;
	return request;
}

const statusMappingFields: INodeProperties[] = bodyInput(
	[
		{
			displayName: 'Mappings',
			name: 'mappings',
			description: 'Capillary task statuses and the labels your org shows for them',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Mapping',
			default: {},
			routing: { send: { preSend: [statusMappings] } },
			options: [
				{
					displayName: 'Mapping',
					name: 'mapping',
					values: [
						{ displayName: 'Capillary Status', name: 'value', type: 'options', options: INTERNAL_STATUSES, default: 'OPEN', description: "Capillary's own status" },
						{ displayName: 'Label', name: 'label', type: 'string', default: '', placeholder: 'NEW', description: 'Label your org uses for it' },
						{ displayName: 'Mapping ID', name: 'id', type: 'string', default: '', description: 'ID of an existing mapping to change; empty adds a mapping' },
					],
				},
			],
		},
	],
	'The mappings as an array: [{"value": "OPEN", "label": "NEW"}, {"id": "2", "value": "CLOSED", "label": "FINISHED"}]',
);

// ---------------------------------------------------------------------------------------------
// Reminders
// ---------------------------------------------------------------------------------------------

const onlyForStores = (description: string): INodeProperties => ({
	displayName: 'Only for Stores',
	name: 'onlyForStores',
	type: 'boolean',
	default: true,
	description,
	routing: toQuery('only_for_stores'),
});

const reminderFields: INodeProperties[] = [
	...bodyInput(
		[
			taskLocator('task_id', 'Task the reminder belongs to'),
			{
				displayName: 'Time',
				name: 'time',
				type: 'string',
				required: true,
				default: '',
				placeholder: '2026-03-02 10:00:00',
				description: `When to remind (${V11_TIME})`,
				routing: toBody('time'),
			},
			{
				displayName: 'Template',
				name: 'template',
				type: 'string',
				default: '',
				placeholder: 'Please call the customer today',
				description: 'Reminder text',
				routing: toBody('template'),
			},
			additionalFields([
				optionalField('Reminder ID', 'id', 'string', 'ID of an existing reminder to change; empty adds a reminder', 'body', 'reminderId'),
				optionalField('Created By', 'created_by', 'string', 'ID of the associate setting the reminder', 'body'),
				optionalField('Remindee ID', 'remindee_id', 'string', 'ID of the associate to remind', 'body'),
			]),
		],
		'One reminder as an object, or several as an array: [{"task_id": "4", "time": "2026-03-02 10:00:00", "template": "…", "remindee_id": "1245332"}]',
	),
	onlyForStores('Whether the reminders are store reminders (as in all of Capillary\'s samples)'),
];

// ---------------------------------------------------------------------------------------------
// Resource
// ---------------------------------------------------------------------------------------------

const perEntity = (items: string) => ({ items, perEntityStatus: true });

export const task = defineResource({
	value: 'task',
	name: 'Task',
	description: 'Store tasks, their status mappings and reminders',
	operations: [
		{
			value: 'add',
			name: 'Add',
			action: 'Add a task',
			method: 'POST',
			path: '/v1.1/task/add',
			v11Root: 'task',
			hint: 'Creates the task and one entry per executor (each cashier, store or customer). One item per task with success, errorCode and errorMessage.',
			fields: addTaskFields,
			output: perEntity('tasks.task'),
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a task',
			method: 'POST',
			path: '/v1.1/task/update',
			v11Root: 'task',
			hint: 'Changes entry statuses and task details; every change is written to the task log. One item per task with success, errorCode and errorMessage.',
			fields: updateTaskFields,
			output: perEntity('tasks.task'),
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many tasks',
			method: 'GET',
			path: '/v1.1/task/metadata',
			fields: [
				queryOptions([
					optionalField('Associate Tasks', 'assoc', 'boolean', 'Whether to return the tasks of associates'),
					{
						displayName: 'Action Type',
						name: 'actionType',
						type: 'options',
						options: ACTION_TYPES,
						default: 'call',
						description: 'Only tasks with this action; None gives the tasks without SMS, email or call',
						routing: toQuery('action_type'),
					},
					optionalField('Created By', 'created_by', 'string', 'Only tasks created by this associate (ID)'),
					{
						displayName: 'Created By Type',
						name: 'createdByType',
						type: 'options',
						options: options([
							['Manager', 'manager'],
							['Cashier', 'cashier'],
						]),
						default: 'manager',
						description: 'Only tasks created by managers or by cashiers',
						routing: toQuery('created_by_type'),
					},
					optionalField('Execute by All', 'execute_by_all', 'boolean', 'Whether to return only the generic tasks meant for every associate'),
					optionalField('Customer Tasks', 'customer_task', 'boolean', 'Whether to return only the tasks about customers'),
					optionalField('Start ID', 'start_id', 'number', 'Only tasks with this ID or higher'),
					optionalField('End ID', 'end_id', 'number', 'Only tasks with this ID or lower'),
					{ ...optionalField('Start Date', 'start_date', 'string', `Only tasks created on or after this date (${V11_TIME})`), placeholder: '2026-03-01 00:00:00' },
					{ ...optionalField('End Date', 'end_date', 'string', `Only tasks created on or before this date (${V11_TIME})`), placeholder: '2026-03-31 23:59:59' },
					{ ...optionalField('Batch Size', 'batch_size', 'number', 'Ask Capillary for at most this many tasks (Limit still applies)'), typeOptions: { minValue: 1 } },
				]),
			],
			pagination: { style: 'none', items: 'tasks.task' },
		},
		{
			value: 'getLogs',
			name: 'Get Logs',
			action: 'Get the update log of tasks',
			method: 'GET',
			path: '/v1.1/task/log',
			hint: 'One item per log entry. An unknown task ID comes back as an entry with its own item_status; the call fails only when every ID is unknown.',
			fields: [
				{
					displayName: 'Task IDs',
					name: 'taskIds',
					type: 'string',
					required: true,
					default: '',
					placeholder: '12,15',
					description: 'IDs of the tasks, comma-separated',
					routing: toQuery('task_id'),
				},
			],
			pagination: { style: 'none', items: 'tasks.task.log' },
		},
		{
			value: 'updateStatusMappings',
			name: 'Update Status Mappings',
			action: "Map Capillary's task statuses to the org's labels",
			method: 'POST',
			path: '/v1.1/task/statusmapping',
			v11Root: 'status',
			hint: 'One item per mapping with success, errorCode and errorMessage.',
			fields: statusMappingFields,
			output: perEntity('tasks.task_statuses.status'),
		},
		{
			value: 'getStatusMappings',
			name: 'Get Status Mappings',
			action: "Get the mapping of task statuses to the org's labels",
			method: 'GET',
			path: '/v1.1/task/statusmapping',
			hint: 'Capillary documents only a sample answer for this call (no parameters); one item per mapping.',
			fields: [],
			pagination: { style: 'none', items: 'tasks.task_statuses.status' },
		},
		{
			value: 'getReminders',
			name: 'Get Reminders',
			action: 'Get task reminders',
			method: 'GET',
			path: '/v1.1/task/reminder',
			fields: [onlyForStores('Whether to return only the reminders of the tasks of your store')],
			pagination: { style: 'none', items: 'tasks.reminders.reminder' },
		},
		{
			value: 'upsertReminder',
			name: 'Create or Update Reminder',
			action: 'Create or update a task reminder',
			method: 'POST',
			path: '/v1.1/task/reminder',
			v11Root: 'reminder',
			hint: 'Without Reminder ID a reminder is added; with it, that reminder is changed. One item per reminder with success, errorCode and errorMessage.',
			fields: reminderFields,
			output: perEntity('tasks.reminders.reminder'),
		},
	],
});
