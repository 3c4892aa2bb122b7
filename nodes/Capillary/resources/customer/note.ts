
import { additionalFields, optionalField, options, queryOptions, toBody, toQuery, v11FieldList } from '../../shared/fields';
import { defineResource } from '../../shared/operation';
import { bodyIdentifierFields, dateOption, oneCustomerFields, USER_ID_TYPES, WRITE_TYPES } from './common';

/**
 * Customer Note & Ticket: notes and support tickets of a customer (v1.1 API).
 */

export const customerNote = defineResource({
	value: 'customerNote',
	name: 'Customer Note & Ticket',
	description: 'Notes and support tickets of a customer',
	default: 'getNotes',
	operations: [
		{
			value: 'getNotes',
			name: 'Get Notes',
			action: 'Get the notes of a customer',
			method: 'GET',
			path: '/v1.1/customer/notes',
			fields: [...oneCustomerFields()],
			output: { items: 'customer.notes.note' },
			pagination: { style: 'none', items: 'customer.notes.note' },
		},
		{
			value: 'addOrUpdateNote',
			name: 'Add or Update Note',
			action: 'Add or update a note of a customer',
			method: 'POST',
			path: '/v1.1/customer/notes',
			v11Root: 'customer',
			hint: 'Without Note ID a new note is added; with Note ID that note is replaced.',
			fields: [
				...bodyIdentifierFields(USER_ID_TYPES),
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					required: true,
					default: '',
					typeOptions: { rows: 2 },
					description: 'Text of the note',
					routing: toBody('notes.note[0].description'),
				},
				additionalFields([
					optionalField('Note ID', 'notes.note[0].id', 'string', 'ID of an existing note to update (from Get Notes)', 'body', 'noteId'),
					optionalField('Date', 'notes.note[0].date', 'string', 'Date of the note, YYYY-MM-DD HH:MM:SS; today when empty', 'body', 'date'),
					optionalField('Associate ID', 'associate_id', 'string', 'Staff member (associate) who records the note', 'body'),
				]),
			],
		},
		{
			value: 'createTicket',
			name: 'Create Ticket',
			action: 'Create a support ticket for a customer',
			method: 'POST',
			path: '/v1.1/customer/tickets',
			v11Root: 'customer',
			fields: [
				...bodyIdentifierFields(WRITE_TYPES),
				{
					displayName: 'Subject',
					name: 'subject',
					type: 'string',
					required: true,
					default: '',
					description: 'Subject of the ticket; must differ from the customer\'s open tickets',
					routing: toBody('ticket[0].subject'),
				},
				{
					displayName: 'Message',
					name: 'message',
					type: 'string',
					default: '',
					typeOptions: { rows: 3 },
					routing: toBody('ticket[0].message'),
				},
				additionalFields([
					optionalField('Status', 'ticket[0].status', 'string', 'A ticket status defined for your org, e.g. OPEN', 'body', 'status'),
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'options',
						options: options([
							['Low', 'LOW'],
							['Medium', 'MEDIUM'],
							['High', 'HIGH'],
						]),
						default: 'MEDIUM',
						routing: toBody('ticket[0].priority'),
					},
					optionalField('Department', 'ticket[0].department', 'string', 'Department the ticket is assigned to', 'body', 'department'),
					optionalField('Ticket Code', 'ticket[0].ticket_code', 'string', 'Your own code for the ticket', 'body', 'ticketCode'),
					{
						displayName: 'Reported From',
						name: 'reportedFrom',
						type: 'options',
						options: options([
							['Call Center', 'CALLCENTER'],
							['Client', 'CLIENT'],
							['Email', 'EMAIL'],
							['InTouch', 'INTOUCH'],
							['Microsite', 'MICROSITE'],
							['Social', 'SOCIAL'],
						]),
						default: 'CLIENT',
						routing: toBody('ticket[0].reported_from'),
					},
					{
						displayName: 'Ticket Type',
						name: 'ticketType',
						type: 'options',
						options: options([
							['Customer', 'Customer'],
							['Store', 'STORE'],
						]),
						default: 'Customer',
						routing: toBody('ticket[0].type'),
					},
					v11FieldList('Custom Fields', 'customFields', 'ticket[0].custom_fields', 'Ticket custom fields, as name and value'),
				]),
			],
		},
		{
			value: 'getTickets',
			name: 'Get Tickets',
			action: 'Get the support tickets of a customer',
			method: 'GET',
			path: '/v1.1/customer/tickets',
			fields: [
				...oneCustomerFields(),
				queryOptions([
					optionalField('Status', 'status', 'string', 'Only tickets with this status (as defined for your org)'),
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'options',
						options: options([
							['Low', 'LOW'],
							['Medium', 'MEDIUM'],
							['High', 'HIGH'],
						]),
						default: 'HIGH',
						routing: toQuery('priority'),
					},
					optionalField('Department', 'department', 'string', 'Only tickets of this department'),
					optionalField('Ticket Code', 'ticket_code', 'string', 'Only the ticket with this code'),
					{
						displayName: 'Reported From',
						name: 'reportedFrom',
						type: 'options',
						options: options([
							['Call Center', 'CALLCENTER'],
							['Client', 'CLIENT'],
							['Email', 'EMAIL'],
							['InTouch', 'INTOUCH'],
							['Microsite', 'MICROSITE'],
							['Social', 'SOCIAL'],
						]),
						default: 'CLIENT',
						routing: toQuery('reported_from'),
					},
					{
						displayName: 'Ticket Type',
						name: 'ticketType',
						type: 'options',
						options: options([
							['Customer', 'Customer'],
							['Store', 'STORE'],
						]),
						default: 'Customer',
						routing: toQuery('type'),
					},
					dateOption('Start Date', 'start_date', 'Tickets created on or after this date'),
					dateOption('End Date', 'end_date', 'Tickets created up to this date'),
				]),
			],
			output: { items: 'customer.tickets.ticket' },
			pagination: { style: 'none', items: 'customer.tickets.ticket' },
		},
	],
});
