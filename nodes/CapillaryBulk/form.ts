import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { isBlank, options, SOURCES, V2_IDENTIFIER_TYPES } from '../Capillary/shared/fields';

/**
 * Plain fields for the Bulk node's common writes: each field is mapped per item (an expression
 * such as {{ $json.phone }}) and the form builds the same entity the JSON input would take, so
 * pairing, chunking and errors do not know which input was used.
 */

/** Reads one item's value of a form field, checked against the field's type; throws a plain Error naming the field. */
export interface FieldReader {
	text(field: INodeProperties): string | undefined;
	number(field: INodeProperties): number | undefined;
	/** A JSON field: an object (or, with `list`, an array), parsed when given as text. */
	json(field: INodeProperties, kind: 'object' | 'list'): IDataObject | unknown[] | undefined;
	/** The fields set inside a collection, read with the same checks. */
	within(collection: INodeProperties): FieldReader;
	/** Fails the item: "Item <index> <message>". */
	fail(message: string): never;
}

export interface EntityForm {
	/** The form's properties, in panel order; a property object shared by several forms is shown once for all of them. */
	fields: INodeProperties[];
	build(read: FieldReader): IDataObject;
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

const NOT_INTERESTED = 'NOT_INTERESTED';
const withCustomer = { hide: { transactionType: [NOT_INTERESTED] } };

const customerIdentifierType: INodeProperties = {
	displayName: 'Customer Identifier Type',
	name: 'customerIdentifierType',
	type: 'options',
	options: options(V2_IDENTIFIER_TYPES.filter(([, v]) => ['mobile', 'email', 'externalId', 'id', 'cardnumber'].includes(v))),
	default: 'mobile',
	description: 'Which identifier names the customer of each transaction',
	displayOptions: withCustomer,
};

const customerIdentifier: INodeProperties = {
	displayName: 'Customer Identifier',
	name: 'customerIdentifier',
	type: 'string',
	required: true,
	default: '',
	placeholder: '919111111111',
	description: "The customer's mobile, email, external ID … (as chosen above) for each item; map it from the input",
	displayOptions: withCustomer,
};

export const sourceField: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	options: options(SOURCES.filter((s) => s !== 'ALL')),
	default: 'INSTORE',
	description: "Source (channel) the customer's identifier belongs to, e.g. INSTORE for store and POS customers",
};

const transactionType: INodeProperties = {
	displayName: 'Transaction Type',
	name: 'transactionType',
	type: 'options',
	options: [
		{ name: 'Regular', value: 'REGULAR', description: 'A purchase by a loyalty customer: earns points' },
		{ name: 'Return', value: 'RETURN', description: 'Returns (part of) an earlier bill of the customer' },
		{ name: 'Not Interested', value: NOT_INTERESTED, description: 'A purchase by a customer who did not enrol: no customer needed' },
	],
	default: 'REGULAR',
	description: 'What kind of bill each item is',
};

const returnType: INodeProperties = {
	displayName: 'Return Type',
	name: 'returnType',
	type: 'options',
	options: [
		{ name: 'Amount', value: 'AMOUNT', description: 'Returns part of the bill by amount' },
		{ name: 'Full', value: 'FULL', description: 'Returns the whole bill' },
	],
	default: 'AMOUNT',
	description: 'How much of the original bill is returned',
	displayOptions: { show: { transactionType: ['RETURN'] } },
};

const billNumber: INodeProperties = {
	displayName: 'Bill Number',
	name: 'billNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'BILL-1001',
	description: 'Unique number of the bill; for a return, the number of the original bill. Results are matched to items by it.',
};

const billAmount: INodeProperties = {
	displayName: 'Bill Amount',
	name: 'billAmount',
	type: 'number',
	required: true,
	default: 0,
	description: 'Net amount of the bill (after discount); for a return, the amount returned',
};

const billingDate: INodeProperties = {
	displayName: 'Billing Date',
	name: 'billingDate',
	type: 'string',
	default: '',
	placeholder: '2026-01-05T20:01:51+05:30',
	description: 'When the purchase happened (ISO 8601; v1.1 also takes YYYY-MM-DD HH:MM:SS); now when empty',
};

const grossAmount: INodeProperties = { displayName: 'Gross Amount', name: 'grossAmount', type: 'number', default: 0, description: 'Bill amount before discount' };
const discount: INodeProperties = { displayName: 'Discount', name: 'discount', type: 'number', default: 0, description: 'Discount on the bill' };
const note: INodeProperties = { displayName: 'Note', name: 'note', type: 'string', default: '', description: 'Free text about the transaction' };
const extendedFields: INodeProperties = {
	displayName: 'Extended Fields (JSON)',
	name: 'extendedFields',
	type: 'json',
	default: '{}',
	description: 'Extended fields configured in the org, as an object of name → value, e.g. {"gender": "Female"}',
};
const customFields: INodeProperties = {
	displayName: 'Custom Fields (JSON)',
	name: 'customFields',
	type: 'json',
	default: '{}',
	description: 'Custom fields configured in the org, as an object of name → value',
};
const lineItems = (shape: string): INodeProperties => ({
	displayName: 'Line Items (JSON)',
	name: 'lineItems',
	type: 'json',
	default: '[]',
	description: `The items of the bill as a list, each as Capillary takes it: ${shape}`,
});

const transactionOptions = (items: INodeProperties): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'Optional details of each transaction',
	options: [customFields, discount, extendedFields, grossAmount, items, note],
});
const v2LineItems = lineItems('{"itemCode": "SKU-1", "qty": 1, "rate": 200, "amount": 200} (lineItemsV2)');
const v11LineItems = lineItems('{"item_code": "SKU-1", "qty": 1, "rate": 200, "value": 200, "amount": 200}');
const v2TransactionOptions = transactionOptions(v2LineItems);
const v11TransactionOptions = transactionOptions(v11LineItems);

const identity = (name: string, displayName: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...extra,
});
const mobile = identity('mobile', 'Mobile', 'Mobile number with country code. Each item needs at least one of Mobile, Email and External ID.', { placeholder: '919111111111' });
const email = identity('email', 'Email', 'Email address. Each item needs at least one of Mobile, Email and External ID.', { placeholder: 'name@email.com' });
const externalId = identity('externalId', 'External ID', 'Your own ID of the customer. Each item needs at least one of Mobile, Email and External ID.');
const firstName = identity('firstName', 'First Name', 'First name of the customer');
const lastName = identity('lastName', 'Last Name', 'Last name of the customer');
const customerIdentity = [mobile, email, externalId, firstName, lastName];
/** v1.1 bills name their customer inline; not-interested bills have none. */
const billCustomer = customerIdentity.map((f) => ({ ...f, displayOptions: withCustomer }));

const loyaltyType: INodeProperties = {
	displayName: 'Loyalty Type',
	name: 'loyaltyType',
	type: 'options',
	options: [
		{ name: 'Loyalty', value: 'loyalty', description: 'Enrolled in the loyalty program: earns points and tiers' },
		{ name: 'Non-Loyalty', value: 'non_loyalty', description: 'Registered only' },
	],
	default: 'loyalty',
	description: 'Whether each customer joins the loyalty program',
};

const customerOptions: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'customerFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'Optional details of each customer',
	options: [customFields, extendedFields],
};

const cardNumber = identity('cardNumber', 'Card Number', 'Number of the card to update. Each item needs a card number or a card external ID; results are matched to items by it.');
const cardExternalId = identity('cardExternalId', 'Card External ID', 'Your own ID of the card, instead of or besides the card number');
const statusLabel = identity('statusLabel', 'Status Label', 'New status label of the card, e.g. ACTIVE, SUSPENDED or EXPIRED (labels configured in the org); unchanged when empty');
const statusReason = identity('statusReason', 'Status Reason', 'Why the status changes, kept in the card\'s status log');

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

/** Drops the keys the item left empty, so the entity carries only what was given. */
function compact(entity: Record<string, unknown>): IDataObject {
	return Object.fromEntries(Object.entries(entity).filter(([, v]) => v !== undefined)) as IDataObject;
}

/** v1.1 writes custom and extended fields as {field: [{name, value}]}. */
function v11FieldList(fields: IDataObject | unknown[] | undefined): IDataObject | undefined {
	if (!fields || Array.isArray(fields) || Object.keys(fields).length === 0) return undefined;
	return { field: Object.entries(fields).map(([name, value]) => ({ name, value: value as string })) };
}

const nonEmpty = (value: IDataObject | unknown[] | undefined) => (value && (Array.isArray(value) ? value.length : Object.keys(value).length) ? value : undefined);

function identifiersOf(read: FieldReader): { mobile?: string; email?: string; externalId?: string } {
	const found = { mobile: read.text(mobile), email: read.text(email), externalId: read.text(externalId) };
	if (!found.mobile && !found.email && !found.externalId) {
		read.fail('has no Mobile, Email or External ID: Capillary needs at least one of them to know the customer');
	}
	return found;
}

export const TRANSACTIONS_FORM: EntityForm = {
	fields: [transactionType, customerIdentifierType, customerIdentifier, sourceField, billNumber, billAmount, returnType, billingDate, v2TransactionOptions],
	build(read) {
		const type = read.text(transactionType) ?? 'REGULAR';
		const more = read.within(v2TransactionOptions);
		const customer = type === NOT_INTERESTED ? {} : { identifierType: read.text(customerIdentifierType), identifierValue: read.text(customerIdentifier), source: read.text(sourceField) };
		return compact({
			...customer,
			type,
			billNumber: read.text(billNumber),
			billAmount: read.number(billAmount),
			returnType: type === 'RETURN' ? read.text(returnType) : undefined,
			billingDate: read.text(billingDate),
			grossAmount: more.number(grossAmount),
			discount: more.number(discount),
			note: more.text(note),
			lineItemsV2: nonEmpty(more.json(v2LineItems, 'list')),
			extendedFields: nonEmpty(more.json(extendedFields, 'object')),
			customFields: nonEmpty(more.json(customFields, 'object')),
		});
	},
};

export const V11_TRANSACTIONS_FORM: EntityForm = {
	fields: [transactionType, ...billCustomer, billNumber, billAmount, returnType, billingDate, v11TransactionOptions],
	build(read) {
		const type = read.text(transactionType) ?? 'REGULAR';
		const more = read.within(v11TransactionOptions);
		let customer: IDataObject | undefined;
		if (type !== NOT_INTERESTED) {
			const ids = identifiersOf(read);
			customer = compact({ mobile: ids.mobile, email: ids.email, external_id: ids.externalId, firstname: read.text(firstName), lastname: read.text(lastName) });
		}
		const items = nonEmpty(more.json(v11LineItems, 'list'));
		return compact({
			type: type.toLowerCase(),
			number: read.text(billNumber),
			amount: read.number(billAmount),
			return_type: type === 'RETURN' ? read.text(returnType) : undefined,
			billing_time: read.text(billingDate),
			customer,
			gross_amount: more.number(grossAmount),
			discount: more.number(discount),
			notes: more.text(note),
			line_items: items ? { line_item: items } : undefined,
			extended_fields: v11FieldList(more.json(extendedFields, 'object')),
			custom_fields: v11FieldList(more.json(customFields, 'object')),
		});
	},
};

export const UPSERT_CUSTOMERS_FORM: EntityForm = {
	fields: [...customerIdentity, sourceField, loyaltyType, customerOptions],
	build(read) {
		const ids = identifiersOf(read);
		const more = read.within(customerOptions);
		const identifiers = (['mobile', 'email', 'externalId'] as const).filter((type) => ids[type]).map((type) => ({ type, value: ids[type]! }));
		const profile = compact({ firstName: read.text(firstName), lastName: read.text(lastName), source: read.text(sourceField), identifiers, fields: nonEmpty(more.json(customFields, 'object')) });
		return compact({ loyaltyInfo: { loyaltyType: read.text(loyaltyType) ?? 'loyalty' }, profiles: [profile], extendedFields: nonEmpty(more.json(extendedFields, 'object')) });
	},
};

export const V11_CUSTOMERS_FORM: EntityForm = {
	fields: [...customerIdentity, loyaltyType, customerOptions],
	build(read) {
		const ids = identifiersOf(read);
		const more = read.within(customerOptions);
		return compact({
			mobile: ids.mobile,
			email: ids.email,
			external_id: ids.externalId,
			firstname: read.text(firstName),
			lastname: read.text(lastName),
			type: (read.text(loyaltyType) ?? 'loyalty').toUpperCase(),
			extended_fields: v11FieldList(more.json(extendedFields, 'object')),
			custom_fields: v11FieldList(more.json(customFields, 'object')),
		});
	},
};

export const CARDS_FORM: EntityForm = {
	fields: [cardNumber, cardExternalId, statusLabel, statusReason],
	build(read) {
		const number = read.text(cardNumber);
		const external = read.text(cardExternalId);
		if (!number && !external) read.fail('has no Card Number or Card External ID: Capillary needs one of them to find the card');
		const reason = read.text(statusReason);
		return compact({ cardNumber: number, cardExternalId: external, statusLabel: read.text(statusLabel), statusInfo: reason ? { reason } : undefined });
	},
};

// ---------------------------------------------------------------------------------------------
// Reading one item's values
// ---------------------------------------------------------------------------------------------

/** A value mapped from a date expression ({{ $now }}, a Date) becomes ISO text. */
function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	const date = value as { toISO?: () => string; toISOString?: () => string };
	if (typeof date.toISO === 'function') return date.toISO();
	if (typeof date.toISOString === 'function') return date.toISOString();
	return undefined;
}

const kindOf = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `"${String(value)}"`);

/**
 * A reader of item `index` over `lookup` (the item's value of a parameter by name). Required
 * fields fail when empty; other empty fields read as undefined and are left out of the entity.
 * Every message names the field and the item.
 */
export function fieldReader(lookup: (name: string) => unknown, index: number, where = ''): FieldReader {
	const label = (field: INodeProperties) => `"${field.displayName}"${where}`;
	const fail = (message: string): never => {
		throw new Error(message);
	};
	const read = (field: INodeProperties) => {
		try {
			return lookup(field.name);
		} catch (error) {
			return fail(`Parameter ${label(field)} could not be read for item ${index}: ${(error as Error).message}`);
		}
	};
	const present = (field: INodeProperties) => {
		const value = read(field);
		if (isBlank(value)) {
			if (field.required) fail(`Parameter ${label(field)} is empty for item ${index}`);
			return undefined;
		}
		return value;
	};
	return {
		fail: (message) => fail(`Item ${index} ${message}`),
		text(field) {
			const value = present(field);
			if (value === undefined) return undefined;
			const text = asText(value);
			if (text === undefined) fail(`Parameter ${label(field)} must be text, not ${kindOf(value)}, for item ${index}`);
			return text;
		},
		number(field) {
			const value = present(field);
			if (value === undefined) return undefined;
			const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
			if (!Number.isFinite(number)) fail(`Parameter ${label(field)} must be a number, not ${kindOf(value)}, for item ${index}`);
			return number;
		},
		json(field, kind) {
			let value = present(field);
			if (typeof value === 'string') {
				try {
					value = JSON.parse(value) as unknown;
				} catch (error) {
					fail(`Parameter ${label(field)} is not valid JSON for item ${index}: ${(error as Error).message}`);
				}
			}
			if (value === undefined || value === null) return undefined;
			const isList = Array.isArray(value);
			if (kind === 'list' ? !isList : isList || typeof value !== 'object') {
				fail(`Parameter ${label(field)} must be a JSON ${kind === 'list' ? 'list' : 'object'}, not ${kindOf(value)}, for item ${index}`);
			}
			return value as IDataObject | unknown[];
		},
		within(collection) {
			const values = read(collection);
			const set = values !== null && typeof values === 'object' && !Array.isArray(values) ? (values as IDataObject) : {};
			return fieldReader((name) => set[name], index, ` in "${collection.displayName}"`);
		},
	};
}
