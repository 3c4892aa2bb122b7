import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { getPath } from '../Capillary/shared/envelopes';
import { options, V11_IDENTIFIER_TYPES, V2_IDENTIFIER_TYPES } from '../Capillary/shared/fields';
import { CARDS_FORM, sourceField, TRANSACTIONS_FORM, UPSERT_CUSTOMERS_FORM, V11_CUSTOMERS_FORM, V11_TRANSACTIONS_FORM, type EntityForm } from './form';
import { keyOf, keys } from './pairing';

/**
 * The batch endpoints the Bulk node feeds: how one input item becomes one entity, how a chunk of
 * entities becomes one request, and where each entity's own result sits in the answer.
 */
export interface BulkOperation {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	path: string;
	/** Capillary's batch limit: the largest chunk it accepts. */
	batchLimit: number;
	/** Parameters shared by every chunk (besides each item's entity). */
	fields: INodeProperties[];
	/** 'json': each item gives an object; 'value': each item gives one ID or code. */
	entity: 'json' | 'value';
	/** For 'json' entities: plain fields that build the same object (Input Mode: Fields). */
	form?: EntityForm;
	/** Label of the per-item value for 'value' entities. */
	valueLabel?: string;
	/** The value must be a whole number (an ID Capillary takes as a number). */
	numericValue?: boolean;
	valueDefault?: string;
	/** The request for one chunk; `param` reads the shared parameters. */
	request(entities: unknown[], param: (name: string) => unknown): { body: unknown; qs?: IDataObject };
	/** Per-entity results, as listed in the answer (the order is not trusted). */
	results(body: unknown): unknown[];
	/**
	 * Keys an entity is recognised by in the answer (first: its identity), and the keys a result
	 * names. Results are paired with items by these keys, not by position.
	 */
	entityKeys(entity: unknown, param: (name: string) => unknown): string[];
	resultKeys(result: unknown): string[];
	/**
	 * A read whose values are joined with commas into one query parameter: equal values are sent
	 * once (Capillary answers once) and a value containing a comma fails alone.
	 */
	joinedValues?: boolean;
}

const record = (value: unknown): IDataObject => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {});

/** A bill by its number, and by number and type (a return carries its purchase's number). */
const billKeys = (bill: IDataObject): string[] =>
	keys(['bill', bill.billNumber], ['billtype', bill.billNumber !== undefined && bill.type !== undefined ? `${String(bill.billNumber).trim()}|${String(bill.type).toUpperCase()}` : undefined]);

/** A customer ID as sent: a number when it is one exactly (no leading zero lost, nothing beyond 2^53 rounded). */
const customerIdSent = (value: unknown): unknown => {
	const text = String(value).trim();
	return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : value;
};

/** Identifiers of a v2 customer (`profiles[].identifiers[]` {type, value}), as keys. */
function profileKeys(customer: unknown): string[] {
	const profiles = Array.isArray(record(customer).profiles) ? (record(customer).profiles as unknown[]) : [];
	return profiles.flatMap((profile) => (Array.isArray(record(profile).identifiers) ? (record(profile).identifiers as unknown[]) : []).map((i) => keyOf(String(record(i).type ?? ''), record(i).value))).filter((k): k is string => k !== undefined);
}

/** v1.1 customers carry mobile, email and external_id at the top level. */
const v11CustomerKeys = (customer: unknown) => keys(['mobile', record(customer).mobile], ['email', record(customer).email], ['externalid', record(customer).external_id]);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `{response: [...]}` (v2 bulk), a bare array, or `{data: {<key>: [...]}}` (api_gateway). */
const responseList = (body: unknown) => (Array.isArray(body) ? body : list(getPath(body, 'response')));

const customerFields: INodeProperties[] = [
	{
		displayName: 'Customer Identifier Type',
		name: 'identifierName',
		type: 'options',
		options: options(V2_IDENTIFIER_TYPES.filter(([, v]) => ['mobile', 'email', 'externalId', 'id'].includes(v))),
		default: 'mobile',
		description: 'Which identifier names the customer who gets the coupons',
	},
	{
		displayName: 'Customer Identifier Value',
		name: 'identifierValue',
		type: 'string',
		required: true,
		default: '',
		description: "The customer's mobile, email, external ID … (as chosen above); the same customer for every item",
	},
	sourceField,
];

const v11Customers = (body: unknown) => {
	const collection = getPath(body, 'response.customers.customer');
	return Array.isArray(collection) ? collection : collection ? [collection] : [];
};

const v11Transactions = (body: unknown) => {
	const collection = getPath(body, 'response.transactions.transaction');
	return Array.isArray(collection) ? collection : collection ? [collection] : [];
};

export const BULK_OPERATIONS: BulkOperation[] = [
	{
		value: 'getCustomersV11',
		name: 'Get Customers by Identifier',
		action: 'Get many customers by identifier in batches',
		description: 'Looks up one customer per item (a mobile, email, external ID …), up to 100 per call: the fast way to look up thousands (GET v1.1/customer/get)',
		method: 'GET',
		path: '/v1.1/customer/get',
		batchLimit: 100,
		fields: [
			{
				displayName: 'Identifier Type',
				name: 'identifierType',
				type: 'options',
				options: options(V11_IDENTIFIER_TYPES),
				default: 'mobile',
				description: 'Which identifier each item gives',
			},
		],
		entity: 'value',
		valueLabel: 'Identifier Value',
		valueDefault: '={{ $json.mobile }}',
		// A mobile is sent as its digits: "+91 90000-00001" and "919000000001" are one value (sent once).
		request: (entities, param) => {
			const type = String(param('identifierType'));
			const sent = entities.map((e) => (type === 'mobile' && /^[+\d\s().-]+$/.test(String(e)) ? String(e).replace(/\D/g, '') : String(e)));
			return { body: undefined, qs: { [type]: sent.join(','), user_id: 'true', format: 'json' } };
		},
		results: v11Customers,
		joinedValues: true,
		entityKeys: (entity, param) => keys([String(param('identifierType')), entity]),
		// Found customers carry every identifier; "not found" entries echo the one asked for ({mobile: …}).
		resultKeys: (result) => {
			const r = record(result);
			return keys(
				['mobile', r.mobile],
				['email', r.email],
				['externalid', r.external_id],
				['id', r.user_id ?? r.id],
				['card_number', r.card_number],
				['card_external_id', r.card_external_id],
			);
		},
	},
	{
		value: 'addTransactions',
		name: 'Add Transactions',
		action: 'Add transactions in bulk',
		description: 'Adds one transaction per item for the customer it names, up to 100 per call (POST v2/transactions/bulk)',
		method: 'POST',
		path: '/v2/transactions/bulk',
		batchLimit: 100,
		fields: [],
		entity: 'json',
		form: TRANSACTIONS_FORM,
		request: (entities) => ({ body: entities }),
		results: responseList,
		// Each result echoes the transaction it is for (`result.billNumber`, and its type: a return
		// shares the bill number of its purchase).
		entityKeys: (entity) => billKeys(record(entity)),
		resultKeys: (result) => billKeys(record(record(result).result)),
	},
	{
		value: 'upsertCustomers',
		name: 'Upsert Customers',
		action: 'Create or update customers in bulk',
		description: 'Registers one customer per item, or updates the customer who already has its identifiers (POST v2/integrations/customer/upsert/bulk)',
		method: 'POST',
		path: '/v2/integrations/customer/upsert/bulk',
		batchLimit: 100,
		fields: [
			{
				displayName: 'Skip Identifier Changes',
				name: 'skipChangeIdentifier',
				type: 'boolean',
				default: true,
				description: 'Whether to leave identifiers of existing customers as they are',
			},
		],
		entity: 'json',
		form: UPSERT_CUSTOMERS_FORM,
		request: (entities, param) => ({ body: entities, qs: { skipChangeIdentifier: param('skipChangeIdentifier') === true } }),
		results: responseList,
		// A result's customer (`result`) carries the identifiers the item sent.
		entityKeys: profileKeys,
		resultKeys: (result) => profileKeys(record(result).result),
	},
	{
		value: 'associateCustomers',
		name: 'Associate Customers',
		action: 'Register customers with their hierarchy in bulk',
		description: 'Registers one customer per item with its place in a hierarchy (parent customer, company, role), as JSON (POST v2/customers/bulk)',
		method: 'POST',
		path: '/v2/customers/bulk',
		batchLimit: 100,
		fields: [],
		entity: 'json',
		request: (entities) => ({ body: entities }),
		results: responseList,
		entityKeys: profileKeys,
		resultKeys: (result) => profileKeys(record(result).entity),
	},
	{
		value: 'updateCards',
		name: 'Update Cards',
		action: 'Update loyalty cards in bulk',
		description: 'Changes the status or details of one loyalty card per item, up to 200 per call (PUT v2/card/bulk)',
		method: 'PUT',
		path: '/v2/card/bulk',
		batchLimit: 200,
		fields: [],
		entity: 'json',
		form: CARDS_FORM,
		request: (entities) => ({ body: entities }),
		results: responseList,
		// `entityId` is the card (or, for a failure, {cardNumber, cardExternalId}).
		entityKeys: (entity) => keys(['card', record(entity).cardNumber], ['cardext', record(entity).cardExternalId]),
		resultKeys: (result) => keys(['card', record(record(result).entityId).cardNumber], ['cardext', record(record(result).entityId).cardExternalId]),
	},
	{
		value: 'enrolBadgeCustomers',
		name: 'Enrol Customers in a Badge',
		action: 'Enrol customers in a badge in bulk',
		description: 'Enrols one customer per item (by customer ID) in the same badge (POST api_gateway/v1/badges/badgeMeta/customer/issueBulk)',
		method: 'POST',
		path: '/api_gateway/v1/badges/badgeMeta/customer/issueBulk',
		batchLimit: 100,
		fields: [
			{
				displayName: 'Badge ID',
				name: 'badgeMetaId',
				type: 'string',
				required: true,
				default: '',
				description: 'ID of the badge definition (badgeMeta)',
			},
			{
				displayName: 'Triggered By Owner Type',
				name: 'ownerType',
				type: 'string',
				default: 'Journeys',
				description: 'Module enrolling the customers, e.g. Journeys, Loyalty or Milestones; it must have claimed the badge',
			},
			{
				displayName: 'Triggered By Reference ID',
				name: 'referenceId',
				type: 'string',
				default: '',
				description: 'ID of the journey, promotion or milestone in that module',
			},
		],
		entity: 'value',
		valueLabel: 'Customer ID',
		valueDefault: '={{ $json.customerId }}',
		request: (entities, param) => ({
			body: {
				badgeMetaId: param('badgeMetaId'),
				...(param('ownerType') ? { triggeredBy: { ownerType: param('ownerType'), referenceId: param('referenceId') } } : {}),
				customers: entities.map(customerIdSent),
			},
		}),
		results: (body) => list(getPath(body, 'data.issuedBadges')),
		entityKeys: (entity) => keys(['customer', customerIdSent(entity)]),
		resultKeys: (result) => keys(['customer', record(result).customerId]),
	},
	{
		value: 'issueCoupons',
		name: 'Issue Coupons to a Customer',
		action: 'Issue coupons of many series to one customer',
		description: 'Issues one coupon per item, from the series the item names, all to the same customer (POST v2/coupon/bulk/issue)',
		method: 'POST',
		path: '/v2/coupon/bulk/issue',
		batchLimit: 100,
		fields: customerFields,
		entity: 'value',
		valueLabel: 'Coupon Series ID',
		numericValue: true,
		valueDefault: '={{ $json.seriesId }}',
		request: (entities, param) => ({
			body: { customer: { [String(param('identifierName'))]: param('identifierValue') }, seriesIds: entities.map(Number) },
			qs: { source: String(param('source')) },
		}),
		results: responseList,
		// `entityId` is the series ID; the issued coupon repeats it as `result.seriesId`.
		entityKeys: (entity) => keys(['series', Number(entity)]),
		resultKeys: (result) => keys(['series', record(result).entityId ?? record(record(result).result).seriesId]),
	},
	{
		value: 'addCustomersV11',
		name: 'Create Customers with Referral Codes',
		action: 'Register customers in bulk, with referral codes',
		description: 'Registers one customer per item (a referral code may come with it) and updates the details of customers who exist (POST v1.1/customer/add)',
		method: 'POST',
		path: '/v1.1/customer/add',
		batchLimit: 100,
		fields: [],
		entity: 'json',
		form: V11_CUSTOMERS_FORM,
		request: (entities) => ({ body: { root: { customer: entities } }, qs: { format: 'json' } }),
		results: v11Customers,
		entityKeys: v11CustomerKeys,
		resultKeys: v11CustomerKeys,
	},
	{
		value: 'addTransactionsV11',
		name: 'Add Transactions with Sign-Up',
		action: 'Add transactions in bulk, registering unknown customers',
		description: 'Adds one transaction per item and registers the customer it names if Capillary does not know them (POST v1.1/transaction/add)',
		method: 'POST',
		path: '/v1.1/transaction/add',
		batchLimit: 100,
		fields: [],
		entity: 'json',
		form: V11_TRANSACTIONS_FORM,
		request: (entities) => ({ body: { root: { transaction: entities } }, qs: { format: 'json' } }),
		results: v11Transactions,
		entityKeys: (entity) => keys(['bill', record(entity).number]),
		resultKeys: (result) => keys(['bill', record(result).number]),
	},
];
