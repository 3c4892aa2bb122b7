import type { INodeProperties } from 'n8n-workflow';

import {
	accountIdField,
	optionalField,
	options,
	queryOptions,
	sortOrderField,
	sourceField,
	toQuery,
	V2_IDENTIFIER_TYPES,
	v2IdentifierFields,
} from '../shared/fields';
import { defineResource } from '../shared/operation';

/** The ledger APIs accept these identifiers (cards included, social IDs not). */
const LEDGER_IDENTIFIER_TYPES = V2_IDENTIFIER_TYPES.filter(([, v]) => ['mobile', 'email', 'externalId', 'cardnumber', 'cardExternalId', 'id'].includes(v));

const entityTypeOption: INodeProperties = {
	displayName: 'Entity Type',
	name: 'type',
	type: 'options',
	options: options([
		['Customer', 'CUSTOMER'],
		['User Group', 'USERGROUP2'],
	]),
	default: 'CUSTOMER',
	description: 'Whether the identifier belongs to a customer or to a user group (then use the group ID or primary member)',
	routing: toQuery('type'),
};

const ledgerEntryTypeOption: INodeProperties = {
	displayName: 'Ledger Entry Type',
	name: 'ledgerEntryType',
	type: 'options',
	options: options([
		['Credit', 'CREDIT'],
		['Debit', 'DEBIT'],
		['Opening Balance', 'OPENING_BALANCE'],
	]),
	default: 'CREDIT',
	description: 'Only entries of this type; all types when not set',
	routing: toQuery('ledgerEntryType'),
};

const pointCategoryOption: INodeProperties = {
	displayName: 'Point Category Type',
	name: 'pointCategoryType',
	type: 'options',
	options: options([
		['Regular', 'REGULAR'],
		['Promised', 'PROMISED'],
		['Trigger Based', 'TRIGGER_BASED'],
	]),
	default: 'REGULAR',
	description: 'Only this points category; all categories when not set',
	routing: toQuery('pointCategoryType'),
};

const tillIdOption = optionalField('Till ID', 'tillId', 'number', 'Only entries recorded at this till');
const includeTillConcept = optionalField(
	'Include Till Concept Events',
	'includeTillConceptEvents',
	'boolean',
	'Whether to include deductions made at tills of the program concept even when they came from another program (needs Program ID)',
);

const customerFields = (): INodeProperties[] => [
	...v2IdentifierFields({}, LEDGER_IDENTIFIER_TYPES),
	sourceField({ required: true }),
	accountIdField(),
];

/** Ledger APIs page with `offset` = page number (0 first) and at most 10 entries per page. */
const ledgerPaging = (items: string) => ({ style: 'page' as const, pageParam: 'offset', firstPage: 0 as const, maxPageSize: 10, items });

export const pointsLedger = defineResource({
	value: 'pointsLedger',
	name: 'Points Ledger',
	description: 'Balances and ledger entries of customer points',
	operations: [
		{
			value: 'getBalance',
			name: 'Get Balance',
			action: 'Get the points ledger balance of a customer',
			description: 'Closing balance per program and points category, one item each',
			method: 'GET',
			path: '/v2/pointsLedger/getCustomerLedgerBalance',
			fields: [
				...customerFields(),
				queryOptions([
					optionalField('End Date', 'endDate', 'string', 'Closing balance as of this date, YYYY-MM-DDThh:mm:ss; now when empty'),
					tillIdOption,
					includeTillConcept,
					ledgerEntryTypeOption,
					pointCategoryOption,
					entityTypeOption,
				]),
			],
			pagination: ledgerPaging('ledgerDetails.ledgerClosingBalance'),
			hint: 'Capillary documents the account parameter as "acountId"; the node sends "accountId" like the other v2 APIs.',
		},
		{
			value: 'getEntries',
			name: 'Get Entries',
			action: 'Get the points ledger entries of a customer',
			description: 'One item per loyalty event with its credits and debits',
			method: 'GET',
			path: '/v2/pointsLedger/getCustomerLedgerInfo',
			fields: [
				...customerFields(),
				queryOptions([
					optionalField('Start Date', 'startDate', 'string', 'Entries on or after this time, YYYY-MM-DDThh:mm:ss; 7 days before End Date when empty (at most 30 days apart)'),
					optionalField('End Date', 'endDate', 'string', 'Entries up to this time, YYYY-MM-DDThh:mm:ss; now when empty'),
					optionalField('Program ID', 'programId', 'number', 'Only entries of this loyalty program'),
					tillIdOption,
					includeTillConcept,
					ledgerEntryTypeOption,
					pointCategoryOption,
					entityTypeOption,
					sortOrderField({ description: 'Order of the entries by date' }),
				]),
			],
			pagination: ledgerPaging('ledgerEntries'),
		},
		{
			value: 'getExplodeInfo',
			name: 'Get Event Details',
			action: 'Get the points breakdown of ledger events',
			description: 'Explodes ledger events (by event log ID or by event and reference) into their points, bills and details',
			method: 'GET',
			path: '/v2/pointsLedger/getLedgerExplodeInfo',
			fields: [
				...customerFields(),
				{
					displayName: 'Select Events By',
					name: 'selectEventsBy',
					description: 'How to name the ledger events to explode',
					type: 'options',
					options: [
						{ name: 'Event Log IDs', value: 'eventIds', description: 'The event log IDs of Get Entries' },
						{ name: 'Event Name and Reference IDs', value: 'reference', description: 'For example TransactionAdd with transaction IDs' },
					],
					default: 'eventIds',
				},
				{
					displayName: 'Event Log IDs',
					name: 'eventIds',
					type: 'string',
					required: true,
					default: '',
					placeholder: '18608683,18608690',
					description: 'Comma-separated event log IDs (eventLogId of Get Entries)',
					displayOptions: { show: { selectEventsBy: ['eventIds'] } },
					routing: toQuery('eventIds'),
				},
				{
					displayName: 'Event Name',
					name: 'eventName',
					description: 'Event that wrote the ledger entries; the reference IDs below belong to it',
					type: 'options',
					options: options([
						'TransactionAdd',
						'TransactionUpdate',
						'CustomerRegistration',
						'CustomerUpdate',
						'GenericEvent',
						'PointsRedemption',
						'PointsRedemptionReversal',
						'PointsTransfer',
						'PointsExpiry',
						'ManualPointsAdjustment',
						'AllocateGoodwillPoints',
						'BulkAllocatePoints',
						'TargetCompleted',
						'VoucherRedemption',
						'DelayedAccrual',
					]),
					default: 'TransactionAdd',
					displayOptions: { show: { selectEventsBy: ['reference'] } },
					routing: toQuery('eventName'),
				},
				{
					displayName: 'Event Reference IDs',
					name: 'eventReferenceIds',
					type: 'string',
					required: true,
					default: '',
					placeholder: '37195406289',
					description: 'Up to ten comma-separated references: transaction IDs for transaction events, request IDs for behavioural events',
					displayOptions: { show: { selectEventsBy: ['reference'] } },
					routing: toQuery('eventReferenceIds'),
				},
				queryOptions([
					optionalField('Bill Details', 'getBillDetails', 'boolean', 'Whether to include bill number, amounts and line items'),
					optionalField('Points Earned Breakup', 'getPointsEarnedBreakup', 'boolean', 'Whether to include points category, allocation and expiry strategy details'),
					optionalField('Custom Fields', 'getCustomFields', 'boolean', 'Whether to include custom fields'),
					optionalField('Extended Fields', 'getExtendedFields', 'boolean', 'Whether to include extended fields'),
					optionalField('Max Conversion Details', 'getMaxConversionDetails', 'boolean', 'Whether to include the latest conversion date of delayed-accrual points (maxConversionDate)'),
					optionalField('Payment Modes', 'getPaymentModes', 'boolean', 'Whether to include the payment modes of the bill'),
					optionalField('Primary Member Only', 'isPrimaryUser', 'boolean', 'Whether to return the entry of the primary member of a user group'),
					optionalField('Include Alternate Currencies', 'includeAlternateCurrencies', 'boolean', 'Whether to include all alternate currencies of the customer'),
					optionalField('Alternate Currency Names', 'alternateCurrencyNames', 'string', 'Only these alternate currencies (comma-separated names)'),
					optionalField('Include Last One Year Data', 'includeLastOneYearData', 'boolean', 'Whether to look at events of the last year only'),
					entityTypeOption,
				]),
			],
			pagination: ledgerPaging('events'),
			hint: 'Paging assumed like the other ledger APIs: offset is a page number, at most 10 events per page.',
		},
	],
});
