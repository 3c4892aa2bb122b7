/**
 * The simulator's in-memory Capillary org. Resource handlers (customer.ts, points.ts, …) read
 * and change it, so a sequence of calls behaves like it does against Capillary: register, then
 * transact, then the balance moves.
 */
import type { Json, JsonObject } from './http';
import { nowIso, nowV11 } from './http';

export const ORG_ID = 50672;

export interface Identifier {
	type: string;
	value: string;
}

export interface Profile {
	source: string;
	accountId: string;
	firstName: string;
	lastName: string;
	identifiers: Identifier[];
	commChannels: JsonObject[];
	fields: Record<string, Json>;
}

export interface Customer {
	id: number;
	loyaltyType: 'loyalty' | 'non_loyalty';
	profiles: Profile[];
	extendedFields: Record<string, Json>;
	points: number;
	lifetimePoints: number;
	lifetimePurchases: number;
	tier: string;
	status: string;
	createdOn: string;
	updatedOn: string;
	statusLog: JsonObject[];
	subscriptions: JsonObject[];
	subscriptionLog: JsonObject[];
	loyaltyEvents: JsonObject[];
	notes: JsonObject[];
	tickets: JsonObject[];
	preferences: JsonObject[];
	referrals: JsonObject[];
	image?: string;
	labels: string[];
	mergedInto?: number;
	/** Free-form per-group state other resources can hang on a customer. */
	extra: Record<string, Json>;
}

export interface Transaction {
	id: number;
	number: string;
	type: string;
	customerId?: number;
	amount: number;
	grossAmount?: number;
	discount?: number;
	billingTime: string;
	addedOn: string;
	lineItems: JsonObject[];
	paymentModes: JsonObject[];
	extendedFields: Record<string, Json>;
	customFields: Record<string, Json>;
	pointsAwarded: number;
	notes: string;
	storeCode: string;
	currency?: string;
	localAmount?: number;
	source: 'v2' | 'v1.1';
}

export interface LedgerEntry {
	id: number;
	customerId: number;
	entryType: 'CREDIT' | 'DEBIT';
	points: number;
	eventName: string;
	date: string;
	reference?: string;
}

export interface Redemption {
	id: string;
	customerId: number;
	points: number;
	billNumber: string;
	date: string;
	reversedPoints: number;
	validationCode?: string;
}

export interface PointsTransfer {
	id: number;
	fromType: string;
	fromId: number;
	toType: string;
	toId: number;
	points: number;
	notes: string;
	date: string;
}

export interface ValidationCode {
	customerId: number;
	points: number;
	code: string;
	expiresAt: number;
}

// ---------------------------------------------------------------------------------------------
// Entities several resource groups read. Keep these shapes stable; add group-only fields freely.
// ---------------------------------------------------------------------------------------------

export interface CouponSeriesRecord extends JsonObject {
	id: number;
	description: string;
	discountType: string;
	discountValue: number;
	validTillDate: string;
	maxCreate: number;
	maxRedeem: number;
	numIssued: number;
	numRedeemed: number;
	createdOn: string;
}

export interface CouponRecord extends JsonObject {
	id: number;
	code: string;
	seriesId: number;
	customerId: number;
	issuedOn: string;
	validTill: string;
	redeemed: boolean;
	redeemedOn: string | null;
	transactionNumber: string | null;
}

export interface UserGroupRecord extends JsonObject {
	id: number;
	name: string;
	externalId: string;
	primaryUserId: number;
	members: number[];
	points: number;
	status: string;
	createdOn: string;
}

export interface CardRecord extends JsonObject {
	cardNumber: string;
	seriesId: number;
	customerId: number | null;
	statusLabel: string;
	createdOn: string;
}

export interface LabelRecord extends JsonObject {
	id: number;
	name: string;
	description: string;
	active: boolean;
}

/** Goodwill, retro, change-identifier, transaction and PII-deletion requests. */
export interface RequestRecord extends JsonObject {
	id: number;
	type: string;
	baseType: string;
	status: 'PENDING' | 'APPROVED' | 'REJECTED' | string;
	customerId: number | null;
	createdOn: string;
	updatedOn: string;
}

/** Something that happened in the org, for the simulated event notifications (resources/eventNotification.ts). */
export interface StateEvent {
	name: 'customerAdded' | 'transactionAdded' | 'pointsIssued' | 'pointsRedeemed' | 'tierUpgraded' | 'tierDowngraded';
	customer?: Customer;
	transaction?: Transaction;
	redemption?: Redemption;
	points?: number;
	fromTier?: string;
}

/** Points earned per unit of money spent (the demo's loyalty rule: 10%). */
export const POINTS_RATE = 0.1;

export class SimState {
	nextCustomerId = 1001;

	nextTransactionId = 5001;

	nextLedgerId = 9001;

	nextTransferId = 701;

	nextRedemptionSeq = 1;

	nextRequestId = 7062001;

	customers = new Map<number, Customer>();

	transactions = new Map<number, Transaction>();

	/** Transactions by bill number: duplicate checks stay fast when a benchmark adds 10,000. */
	private transactionsByNumber = new Map<string, Transaction[]>();

	ledger: LedgerEntry[] = [];

	redemptions = new Map<string, Redemption>();

	transfers: PointsTransfer[] = [];

	validationCodes: ValidationCode[] = [];

	/** Requests (goodwill, retro, change identifier …) keyed by id; used by several resources. */
	requests = new Map<number, RequestRecord>();

	couponSeries = new Map<number, CouponSeriesRecord>();

	/** Issued coupons keyed by code. */
	coupons = new Map<string, CouponRecord>();

	/** User groups (userGroup2) keyed by id. */
	userGroups = new Map<number, UserGroupRecord>();

	/** Loyalty cards keyed by card number. */
	cards = new Map<string, CardRecord>();

	/** Org labels keyed by name. */
	labels = new Map<string, LabelRecord>();

	nextEntityId = 30001;

	/** Per-resource collections that later groups add (coupons, labels, leads …). */
	collections = new Map<string, Map<string, JsonObject>>();

	/** Told about every StateEvent (the webhook accounts of resources/eventNotification.ts listen here). */
	eventListeners: Array<(event: StateEvent) => void> = [];

	notify(event: StateEvent): void {
		for (const listener of this.eventListeners) listener(event);
	}

	collection(name: string): Map<string, JsonObject> {
		let c = this.collections.get(name);
		if (!c) {
			c = new Map();
			this.collections.set(name, c);
		}
		return c;
	}

	// -----------------------------------------------------------------------------------------
	// Customers
	// -----------------------------------------------------------------------------------------

	addCustomer(input: {
		loyaltyType?: 'loyalty' | 'non_loyalty';
		profile: Partial<Profile> & { identifiers: Identifier[] };
		extendedFields?: Record<string, Json>;
		points?: number;
		createdOn?: string;
	}): Customer {
		const now = input.createdOn ?? nowIso();
		const customer: Customer = {
			id: this.nextCustomerId++,
			loyaltyType: input.loyaltyType ?? 'loyalty',
			profiles: [
				{
					source: input.profile.source ?? 'INSTORE',
					accountId: input.profile.accountId ?? '',
					firstName: input.profile.firstName ?? '',
					lastName: input.profile.lastName ?? '',
					identifiers: input.profile.identifiers.map((i) => ({ type: normaliseIdentifierType(i.type), value: String(i.value) })),
					commChannels: input.profile.commChannels ?? [],
					fields: input.profile.fields ?? {},
				},
			],
			extendedFields: input.extendedFields ?? {},
			points: 0,
			lifetimePoints: 0,
			lifetimePurchases: 0,
			tier: 'Bronze',
			status: 'ACTIVE',
			createdOn: now,
			updatedOn: now,
			statusLog: [{ status: 'ACTIVE', label: 'Active', reason: 'Registration', createdOn: now, isActive: true }],
			subscriptions: [],
			subscriptionLog: [],
			loyaltyEvents: [],
			notes: [],
			tickets: [],
			preferences: [],
			referrals: [],
			labels: [],
			extra: {},
		};
		this.customers.set(customer.id, customer);
		this.loyaltyEvent(customer, 'CustomerRegistration');
		this.notify({ name: 'customerAdded', customer });
		if (input.points) this.credit(customer, input.points, 'Registration', 'REG');
		return customer;
	}

	/** Finds a customer by identifier; `source` narrows to profiles of that source ('ALL' or empty = any). */
	findCustomer(type: string, value: string, source?: string, accountId?: string): Customer | undefined {
		const wanted = normaliseIdentifierType(type);
		const needle = String(value).trim().toLowerCase();
		if (wanted === 'id' || wanted === 'userid') {
			const c = this.customers.get(Number(value));
			return c && (!source || source === 'ALL' || c.profiles.some((p) => p.source === source)) ? c : undefined;
		}
		for (const customer of this.customers.values()) {
			for (const profile of customer.profiles) {
				if (source && source !== 'ALL' && profile.source !== source) continue;
				if (accountId && profile.accountId && profile.accountId !== accountId) continue;
				if (profile.identifiers.some((i) => i.type === wanted && i.value.toLowerCase() === needle)) return customer;
			}
		}
		return undefined;
	}

	primaryProfile(customer: Customer): Profile {
		return customer.profiles[0];
	}

	identifier(customer: Customer, type: string): string {
		const wanted = normaliseIdentifierType(type);
		for (const p of customer.profiles) {
			const found = p.identifiers.find((i) => i.type === wanted);
			if (found) return found.value;
		}
		return '';
	}

	loyaltyEvent(customer: Customer, eventName: string, date = nowIso()): void {
		customer.loyaltyEvents.push({
			id: 42272000 + customer.loyaltyEvents.length + customer.id * 10,
			customerId: customer.id,
			date,
			eventName,
			orgId: ORG_ID,
			status: 'SUCCESS',
			uniqueId: `EV${customer.id}${customer.loyaltyEvents.length}`,
		});
	}

	// -----------------------------------------------------------------------------------------
	// Points
	// -----------------------------------------------------------------------------------------

	credit(customer: Customer, points: number, eventName: string, reference?: string): LedgerEntry {
		customer.points += points;
		customer.lifetimePoints += points;
		this.notify({ name: 'pointsIssued', customer, points });
		this.updateTier(customer);
		return this.recordLedger(customer, 'CREDIT', points, eventName, reference);
	}

	debit(customer: Customer, points: number, eventName: string, reference?: string): LedgerEntry {
		customer.points -= points;
		return this.recordLedger(customer, 'DEBIT', points, eventName, reference);
	}

	private recordLedger(customer: Customer, entryType: LedgerEntry['entryType'], points: number, eventName: string, reference?: string): LedgerEntry {
		const entry: LedgerEntry = { id: this.nextLedgerId++, customerId: customer.id, entryType, points, eventName, date: nowIso(), reference };
		this.ledger.push(entry);
		return entry;
	}

	updateTier(customer: Customer): void {
		const previous = customer.tier;
		customer.tier = customer.lifetimePoints >= 5000 ? 'Gold' : customer.lifetimePoints >= 1000 ? 'Silver' : 'Bronze';
		if (customer.tier !== previous) this.loyaltyEvent(customer, 'TierUpgrade');
		const rank = (tier: string) => ['Bronze', 'Silver', 'Gold'].indexOf(tier);
		if (customer.tier !== previous) this.notify({ name: rank(customer.tier) > rank(previous) ? 'tierUpgraded' : 'tierDowngraded', customer, fromTier: previous });
	}

	redemptionId(): string {
		const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
		let n = this.nextRedemptionSeq++ * 7919 + 104729;
		let id = '';
		for (let i = 0; i < 6; i++) {
			id += alphabet[n % alphabet.length];
			n = Math.floor(n / alphabet.length) + i * 13;
		}
		return id;
	}

	issueValidationCode(customer: Customer, points: number, ttlMs = 15 * 60_000): ValidationCode {
		const code: ValidationCode = {
			customerId: customer.id,
			points,
			code: String(100000 + ((customer.id * 7919 + this.validationCodes.length * 104729) % 900000)),
			expiresAt: Date.now() + ttlMs,
		};
		this.validationCodes.push(code);
		return code;
	}

	consumeValidationCode(customer: Customer, code: string): boolean {
		const index = this.validationCodes.findIndex((v) => v.customerId === customer.id && v.code === code && v.expiresAt > Date.now());
		if (index < 0) return false;
		this.validationCodes.splice(index, 1);
		return true;
	}

	// -----------------------------------------------------------------------------------------
	// Transactions
	// -----------------------------------------------------------------------------------------

	addTransaction(input: Omit<Transaction, 'id' | 'addedOn' | 'pointsAwarded'> & { pointsAwarded?: number }): Transaction {
		const transaction: Transaction = { ...input, id: this.nextTransactionId++, addedOn: nowIso(), pointsAwarded: 0 };
		const customer = transaction.customerId !== undefined ? this.customers.get(transaction.customerId) : undefined;
		if (customer && transaction.type.toUpperCase() === 'REGULAR') {
			transaction.pointsAwarded = Math.floor(transaction.amount * POINTS_RATE);
			customer.lifetimePurchases += transaction.amount;
			if (transaction.pointsAwarded > 0) this.credit(customer, transaction.pointsAwarded, 'TransactionAdd', transaction.number);
			this.loyaltyEvent(customer, 'TransactionAdd');
		}
		if (customer && transaction.type.toUpperCase() === 'RETURN') {
			const reversed = Math.min(customer.points, Math.floor(transaction.amount * POINTS_RATE));
			transaction.pointsAwarded = -reversed;
			if (reversed > 0) this.debit(customer, reversed, 'ReturnBill', transaction.number);
			this.loyaltyEvent(customer, 'ReturnBill');
		}
		this.transactions.set(transaction.id, transaction);
		this.notify({ name: 'transactionAdded', transaction, customer });
		const sameNumber = this.transactionsByNumber.get(transaction.number);
		if (sameNumber) sameNumber.push(transaction);
		else this.transactionsByNumber.set(transaction.number, [transaction]);
		return transaction;
	}

	transactionsWithNumber(number: string): Transaction[] {
		return this.transactionsByNumber.get(number) ?? [];
	}

	transactionsOf(customerId: number): Transaction[] {
		return [...this.transactions.values()].filter((t) => t.customerId === customerId);
	}
}

/** v1.1 and v2 spell identifier types differently; the store keeps one spelling. */
export function normaliseIdentifierType(type: string): string {
	const t = String(type).trim();
	const map: Record<string, string> = {
		external_id: 'externalId',
		externalid: 'externalId',
		card_number: 'cardnumber',
		cardNumber: 'cardnumber',
		card_external_id: 'cardExternalId',
		user_id: 'id',
		userId: 'id',
		customerId: 'id',
	};
	return map[t] ?? t;
}

/** Demo org: a handful of members with history, enough for every example workflow. */
export function seedDemo(state: SimState): void {
	const tom = state.addCustomer({
		profile: {
			firstName: 'Tom',
			lastName: 'Sawyer',
			identifiers: [
				{ type: 'mobile', value: '919111111111' },
				{ type: 'email', value: 'tom.sawyer@example.com' },
				{ type: 'externalId', value: 'TS-001' },
			],
			fields: { gender: 'Male', city: 'Bangalore' },
		},
		points: 500,
	});
	const rita = state.addCustomer({
		profile: {
			firstName: 'Rita',
			lastName: 'James',
			identifiers: [
				{ type: 'mobile', value: '919222222222' },
				{ type: 'email', value: 'rita.james@example.com' },
			],
		},
		points: 120,
	});
	state.addCustomer({
		profile: {
			source: 'WECHAT',
			accountId: 'WECHAT-1',
			firstName: 'Wei',
			lastName: 'Chen',
			identifiers: [{ type: 'wechat', value: 'wc_42' }, { type: 'mobile', value: '8613800000000' }],
		},
	});
	state.addTransaction({
		number: 'BILL-1001',
		type: 'REGULAR',
		customerId: tom.id,
		amount: 1200,
		billingTime: nowV11(new Date(Date.now() - 86_400_000 * 3)),
		lineItems: [{ itemCode: 'SKU-1', amount: 1200, rate: 1200, qty: 1 }],
		paymentModes: [],
		extendedFields: {},
		customFields: {},
		notes: 'Seeded purchase',
		storeCode: 'store.server',
		source: 'v2',
	});
	state.addTransaction({
		number: 'BILL-1002',
		type: 'REGULAR',
		customerId: rita.id,
		amount: 300,
		billingTime: nowV11(new Date(Date.now() - 86_400_000)),
		lineItems: [],
		paymentModes: [],
		extendedFields: {},
		customFields: {},
		notes: '',
		storeCode: 'store.server',
		source: 'v2',
	});
}
