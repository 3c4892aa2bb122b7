import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	IPollFunctions,
	IWebhookFunctions,
	NodeApiError,
} from 'n8n-workflow';

import { baseUrlOf, hostOf } from '../../credentials/CapillaryAuth';
import { findProblem, problemToError, type CapillaryProblem } from '../Capillary/shared/errors';
import { DOCUMENTED_EVENTS } from '../Capillary/shared/eventNotifications';
import { credentialTypeOf, sendRequest } from '../Capillary/shared/transport';
import { VERIFICATION_HEADER } from './delivery';

/**
 * The trigger's webhook account in Capillary (v3 webHooks): create, update, deactivate, and the
 * org's event list. Capillary documents no call that reads or deletes an account, so an update
 * with the wanted definition is how the node checks that its account still exists.
 */

type AnyContext = IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions;

/** What the node keeps in static data about its account (per production / test URL). */
export interface StoredAccount {
	webhookId: string;
	name: string;
	url: string;
	events: string[];
	/** Empty after deactivation: the account is kept for reuse, the old secret is never valid again. */
	secret: string;
	active: boolean;
}

export interface AccountDefinition {
	name: string;
	url: string;
	events: string[];
	secret: string;
	active: boolean;
	maxAllowedConnections: number;
	slaInSeconds: number;
}

export function newSecret(): string {
	return randomBytes(32).toString('hex');
}

export function uniqueSuffix(): string {
	return randomBytes(3).toString('hex');
}

/** The account body Capillary documents for Add and Update Webhook Account. */
export function accountBody(definition: AccountDefinition): IDataObject {
	return {
		name: definition.name,
		eventNames: definition.events,
		webHookUrl: definition.url,
		webHookType: 'HTTP',
		methodType: 'POST',
		webHookHeaders: { 'Content-Type': 'application/json', ...(definition.secret ? { [VERIFICATION_HEADER]: definition.secret } : {}) },
		maxAllowedConnections: definition.maxAllowedConnections,
		slaInSeconds: definition.slaInSeconds,
		active: definition.active,
	};
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Capillary echoes webHookHeaders: the secret must not reach an error panel through the body. */
function withoutSecret(body: unknown, secret: string | undefined): unknown {
	if (!secret) return body;
	const text = JSON.stringify(body ?? null);
	if (!text.includes(secret)) return body;
	return JSON.parse(text.split(secret).join('**hidden**')) as unknown;
}

export interface ApiResult {
	ok: boolean;
	status: number;
	data?: IDataObject | IDataObject[];
	problem?: CapillaryProblem;
	error?: NodeApiError;
	/** A change Capillary may have applied although the answer is an error (timeout, 5xx). */
	outcomeUnknown?: boolean;
}

/** One v3 call with the action node's transport and error mapping; failures are returned, not thrown. */
export async function callCapillary(
	context: AnyContext,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject; secret?: string } = {},
): Promise<ApiResult> {
	// The transport's context type names the action and poll contexts; hook, webhook and
	// load-options contexts offer the same members it uses (parameters, credentials, helpers).
	const transportContext = context as unknown as IPollFunctions;
	const credentials = await context.getCredentials(credentialTypeOf(transportContext));
	const baseURL = baseUrlOf(credentials);
	const response = await sendRequest(
		transportContext,
		{ method, baseURL, url: path, qs: options.qs, body: options.body, headers: { Accept: 'application/json', 'Content-Type': 'application/json' } },
		{ idempotent: method === 'GET' || method === 'PUT' },
	);
	const family = path.startsWith('/v3/') ? 'v3' : 'v2';
	const problem = findProblem(family, response.statusCode, response.body);
	if (problem) {
		const body = withoutSecret(response.body, options.secret);
		const outcomeUnknown = response.outcomeUnknown === true;
		const error = problemToError(context.getNode(), { ...problem, message: String(withoutSecret(problem.message, options.secret)) }, { host: hostOf(baseURL), body, attempts: response.attempts, outcomeUnknown });
		explain(error, problem, path);
		return { ok: false, status: response.statusCode, problem, error, outcomeUnknown };
	}
	const body = response.body as IDataObject | undefined;
	const data = family === 'v3' && isObject(body) && 'data' in body ? (body.data as IDataObject | IDataObject[]) : (body as IDataObject);
	return { ok: true, status: response.statusCode, data };
}

/** Event Notifications switched off for the org, or an API client without the access group: say so. */
function explain(error: NodeApiError, problem: CapillaryProblem, path: string): void {
	if (!path.startsWith('/v3/webHooks')) return;
	if (/not enabled|disabled|not configured|not activated/i.test(problem.message)) {
		error.description =
			'Event Notifications are not enabled for this Capillary org. Ask Capillary support (or your Capillary admin) to enable Event Notifications, then activate the workflow again. Until then the polling Capillary Trigger can watch the same activity.';
	} else if (problem.httpCode === 403 || problem.code === '4000' || problem.code === '403') {
		error.description =
			"The API client of this credential may not manage Event Notifications: its access group lacks the webhook resource (v3/webHooks). Ask your Capillary admin to add Event Notifications (webhooks) to the client's access group (InTouch > Settings > API access).";
	}
}

/**
 * Capillary does not know the stored account (1304 "Webhook not found", an invalid webhook ID, or a
 * 404 about nothing else). An error about something else — an event the org does not offer — is
 * not: forgetting the account then would leave it active in Capillary with its secret.
 */
export function isMissing(result: ApiResult): boolean {
	if (result.ok) return false;
	const message = result.problem?.message ?? '';
	const aboutAccount = /web ?hook|account/i.test(message);
	if (result.problem?.code === '1304' || /invalid webhook ?id/i.test(message)) return true;
	if (/\bevent\b/i.test(message) && !aboutAccount) return false;
	// A 404 counts only as Capillary's own answer: a proxy's HTML page says nothing about the account.
	const capillarysAnswer = result.problem?.kind !== 'not json' && result.problem?.kind !== 'empty';
	return (result.status === 404 && capillarysAnswer) || (aboutAccount && /not found|does not exist/i.test(message));
}

export function isDuplicateName(result: ApiResult): boolean {
	return !result.ok && /already exists|duplicate|not unique/i.test(result.problem?.message ?? '');
}

/** The org's events for the Events dropdown: Capillary's list, with the documented names as fallback. */
export async function eventOptions(context: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options = new Map<string, INodePropertyOptions>(DOCUMENTED_EVENTS.map((e) => [e.value, { name: e.name, value: e.value, description: e.description }]));
	let result: ApiResult | undefined;
	try {
		result = await callCapillary(context, 'GET', '/v3/webHooks/eventMetaData');
	} catch {
		// No credentials yet, or Capillary unreachable: the documented events still make a usable list.
	}
	if (result?.ok && Array.isArray(result.data)) {
		for (const event of result.data) {
			const name = typeof event.eventName === 'string' ? event.eventName : '';
			if (!name || options.has(name) || event.active === false) continue;
			options.set(name, { name, value: name, description: 'Event of your org (from Capillary)' });
		}
	}
	return [...options.values()];
}
