import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeCredentialDescription,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	ANSWER_AS_IS,
	CapillaryCredentialError,
	currentToken,
	DEFAULT_TIMEOUT_MS,
	hostOf,
	redact,
	refreshAccessToken,
	replaceRejectedToken,
	secretsOf,
	takeUnsavedToken,
	tokenIsFresh,
	withDeadline,
} from '../../../credentials/CapillaryAuth';
import { carriesPayload, firstErrorItem, isTokenRejection, OUTCOME_UNKNOWN, readable, v11Status } from './errors';

/**
 * Sends one HTTP request for one item, with the policies the declarative engine lacks:
 * at most N requests in flight per node execution, retries with backoff for "try again later"
 * answers, and a transparent OAuth token refresh. The trigger node uses it too.
 */

/** The action node's per-item context, or the trigger's poll context. */
export type RequestContext = IExecuteSingleFunctions | IPollFunctions;

function itemIndexOf(context: RequestContext): number | undefined {
	return 'getItemIndex' in context ? context.getItemIndex() : undefined;
}

export const BASIC_CREDENTIAL = 'capillaryApi';
export const OAUTH_CREDENTIAL = 'capillaryOAuthApi';

/** The two credential types, each shown for its Authentication choice (all three nodes use them). */
export const credentialDescriptions: INodeCredentialDescription[] = [
	{ name: BASIC_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['basicAuth'] } } },
	{ name: OAUTH_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['oAuth'] } } },
];

export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Till (Basic Auth)', value: 'basicAuth' },
		{ name: 'OAuth Client Key & Secret', value: 'oAuth' },
	],
	default: 'basicAuth',
	description: 'How the node signs in to Capillary: as a till (Basic auth) or with an OAuth client key and secret',
};

export const DEFAULT_MAX_CONCURRENCY = 10;
/** As many as a 1,000-item sync sends at once (n8n's HTTP Request node sends all items at once). */
const MAX_CONCURRENCY = 1000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_RETRY_DELAY_MS = 1000;
export { DEFAULT_TIMEOUT_MS };
export const DEFAULT_MAX_PAGES = 10_000;
const MAX_BACKOFF_MS = 60_000;
const MAX_TIMEOUT_MS = 600_000;
export { OUTCOME_UNKNOWN };
const MAX_TOKEN_REFRESHES = 3;

/**
 * Node-wide settings, on the node's Settings tab (isNodeSetting) rather than beside each
 * operation's fields: every field shown costs the editor time on each Resource/Operation switch.
 * On the action nodes n8n merges these options into its own Request Options of declarative nodes
 * (batching, proxy, SSL, timeout), so they leave out the Timeout n8n brings (requestOptionsWithout).
 */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	description: 'Concurrency, retries, timeout and paging limits of the requests this node sends',
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: DEFAULT_MAX_CONCURRENCY,
			description:
				'How many requests this node keeps in flight at once, across all input items. More is faster for large inputs; Capillary may answer a burst with "try later" codes, which are retried.',
		},
		{
			displayName: 'Max Pages',
			name: 'maxPages',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_PAGES,
			description:
				'Return All: the most pages read for one item. Reading stops with an error naming the endpoint when this is reached, or as soon as a page repeats what was already read (a server ignoring the paging parameter).',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_MAX_RETRIES,
			description:
				'How often a request is re-sent. Reads: after "try again later" answers (429, 461, 503, 521, code 4001), other server errors, timeouts and network errors. Writes: only when Capillary proves it did not process them (a 429 rate-limit rejection, Capillary\'s "try later" codes 461, 521 and 4001, a rejected token, or a connection that could not be opened). After a timeout, a dropped connection or any other 5xx answer a write is not re-sent: its item fails with "outcome unknown, check before retrying".',
		},
		{
			displayName: 'Retry Base Delay (Ms)',
			name: 'retryDelay',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_RETRY_DELAY_MS,
			description: 'First wait before a retry; doubles with each attempt, with jitter, and honours Retry-After',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_MS },
			default: DEFAULT_TIMEOUT_MS,
			description:
				'How long one request (including the OAuth token request) may wait for Capillary\'s answer. A read that times out is retried under Max Retries; a write that times out is not re-sent and its item fails with "outcome unknown".',
		},
	],
};

/** The Request Options a node shows, without the ones it has no use for (e.g. a trigger sends one request at a time). */
export function requestOptionsWithout(...names: string[]): INodeProperties {
	return { ...requestOptionsField, options: (requestOptionsField.options ?? []).filter((o) => !names.includes(o.name)) };
}

interface RequestSettings {
	maxConcurrency: number;
	maxRetries: number;
	retryDelay: number;
	/** Per attempt, in milliseconds. */
	timeout: number;
	maxPages: number;
}

export function readSettings(context: RequestContext): RequestSettings {
	const raw = (context.getNodeParameter('requestOptions', {}) ?? {}) as IDataObject;
	const whole = (value: unknown, fallback: number, min: number, max: number) => {
		const n = Number(value);
		return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : fallback;
	};
	return {
		maxConcurrency: whole(raw.maxConcurrency, DEFAULT_MAX_CONCURRENCY, 1, MAX_CONCURRENCY),
		maxRetries: whole(raw.maxRetries, DEFAULT_MAX_RETRIES, 0, 10),
		retryDelay: whole(raw.retryDelay, DEFAULT_RETRY_DELAY_MS, 0, MAX_BACKOFF_MS),
		timeout: whole(raw.timeout, DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS),
		maxPages: whole(raw.maxPages, DEFAULT_MAX_PAGES, 1, Number.MAX_SAFE_INTEGER),
	};
}

export function credentialTypeOf(context: RequestContext): string {
	return context.getNodeParameter('authentication', 'basicAuth') === 'oAuth' ? OAUTH_CREDENTIAL : BASIC_CREDENTIAL;
}

// ---------------------------------------------------------------------------------------------
// Per-execution state: the concurrency limiter and the decrypted credentials
// ---------------------------------------------------------------------------------------------

/** Counting semaphore: at most `max` holders; the rest wait in FIFO order. */
export class Limiter {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	constructor(readonly max: number) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
		else this.active++;
		try {
			return await task();
		} finally {
			const next = this.waiting.shift();
			if (next) next();
			else this.active--;
		}
	}
}

interface RunState {
	limiter: Limiter;
	credentials?: Promise<ICredentialDataDecryptedObject>;
	/** What no answer may show the user (see secretsOf), read once per run. */
	secrets?: Promise<string[]>;
}

/**
 * All items of one node run share the same `executeData` object, which makes it a key for
 * state that belongs to one execution of this node (and disappears with it).
 */
const runs = new WeakMap<object, RunState>();

export function runState(context: RequestContext): RunState {
	const key = ('getExecuteData' in context ? context.getExecuteData() : context) as unknown as object;
	let state = runs.get(key);
	if (!state) {
		state = { limiter: new Limiter(readSettings(context).maxConcurrency) };
		runs.set(key, state);
	}
	return state;
}

async function oauthCredentials(context: RequestContext): Promise<ICredentialDataDecryptedObject> {
	const state = runState(context);
	state.credentials ??= context.getCredentials(OAUTH_CREDENTIAL);
	return await state.credentials;
}

/**
 * n8n gives every authenticated request the execution's cancel signal, replacing the request's own
 * abortSignal; this view of the context hands it both, so the deadline aborts the request too.
 */
function abortingAt(context: RequestContext, deadline: AbortSignal): RequestContext {
	const own = context as RequestContext & { getExecutionCancelSignal?: () => AbortSignal | undefined };
	const cancel = typeof own.getExecutionCancelSignal === 'function' ? own.getExecutionCancelSignal() : undefined;
	const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
	return Object.create(context, { getExecutionCancelSignal: { value: () => signal } }) as RequestContext;
}

async function runSecrets(context: RequestContext, credentialType: string): Promise<string[]> {
	const state = runState(context);
	state.secrets ??= (credentialType === OAUTH_CREDENTIAL ? oauthCredentials(context) : context.getCredentials(credentialType)).then(secretsOf, () => []);
	return await state.secrets;
}

function credentialFailure(context: RequestContext, error: CapillaryCredentialError): NodeOperationError {
	return new NodeOperationError(context.getNode(), error.message, {
		description: error.description,
		itemIndex: itemIndexOf(context),
	});
}

async function withFreshToken(context: RequestContext, timeoutMs: number, rejected?: string): Promise<string> {
	const credentials = await oauthCredentials(context);
	try {
		// The credential as n8n stores it now (re-read): another worker may have stored a newer token.
		if (rejected !== undefined) return await replaceRejectedToken(context.helpers, credentials, rejected, async () => await context.getCredentials<ICredentialDataDecryptedObject>(OAUTH_CREDENTIAL), { timeoutMs });
		if (!tokenIsFresh(credentials)) return await refreshAccessToken(context.helpers, credentials, undefined, { timeoutMs });
		return currentToken(credentials);
	} catch (error) {
		if (error instanceof CapillaryCredentialError) throw credentialFailure(context, error);
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex: itemIndexOf(context) });
	}
}

/**
 * After this process minted a token, the next request hands n8n the credential with an empty
 * token: n8n then asks preAuthentication (which answers with the minted token) and stores it on
 * the credential, where other workers find it.
 */
async function storeMintedToken(context: RequestContext): Promise<IAdditionalCredentialOptions | undefined> {
	const credentials = await oauthCredentials(context);
	const reference = context.getNode().credentials?.[OAUTH_CREDENTIAL];
	if (!reference?.id || !takeUnsavedToken(credentials)) return undefined;
	return { credentialsDecrypted: { id: reference.id, name: reference.name, type: OAUTH_CREDENTIAL, data: { ...credentials, accessToken: '' } } };
}

// ---------------------------------------------------------------------------------------------
// Retry classification
// ---------------------------------------------------------------------------------------------

/** Answers after which a read may be asked again: "try again later", whatever else the body says. */
const RETRYABLE_HTTP = new Set([429, 461, 503, 521]);
/**
 * Capillary's codes that say the request was refused before being processed, so even a write may
 * be sent again: 429 rate limit, 461 "search engine busy, try after some time", 521 "multiple
 * actions are running for the same customer, try after some time", 4001 "authorization status
 * unavailable" (the access check runs before the request is processed).
 */
const NOT_PROCESSED_CODES = new Set(['429', '461', '521', '4001']);
/** Network failures before a connection existed: nothing reached Capillary. */
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function capillaryCode(body: unknown): { code?: string; message: string } {
	const status = v11Status(body);
	if (status && !status.success) return { code: status.code || undefined, message: status.message };
	const errorItem = firstErrorItem((body as IDataObject | undefined)?.errors);
	return { code: errorItem?.code !== undefined ? readable(errorItem.code) : undefined, message: readable(errorItem?.message) };
}

/**
 * Capillary proved it did not process the request: the gateway's 429, or one of its explicit
 * "try later, not processed" codes in the body. Only then may a write be sent again.
 */
export function isNotProcessed(statusCode: number, body: unknown): boolean {
	const { code, message } = capillaryCode(body);
	// The OTP quota ("10 OTPs per user per day") is a 429 that no retry within minutes can fix.
	if (/per day/i.test(message)) return false;
	// A "try later" that also carries results (created IDs, per-entity outcomes) proves nothing.
	return (statusCode === 429 || (code !== undefined && NOT_PROCESSED_CODES.has(code))) && !carriesPayload(body);
}

/** Capillary's codes for "not processed, try again later"; reads are re-sent after these. */
export function isTryLater(statusCode: number, body: unknown): boolean {
	const { code, message } = capillaryCode(body);
	if (/per day/i.test(message)) return false;
	return RETRYABLE_HTTP.has(statusCode) || code === '503' || isNotProcessed(statusCode, body);
}

/**
 * A write answered in a way that proves neither success nor "not processed": a 5xx (a gateway's
 * 503 can follow a write that was applied), or a success status with an unreadable body.
 */
export function isOutcomeUnknown(statusCode: number, body: unknown, idempotent: boolean): boolean {
	if (idempotent || isNotProcessed(statusCode, body)) return false;
	// A token rejection next to results: part of it may have been applied.
	if (isTokenRejection(statusCode, body) && carriesPayload(body)) return true;
	// 5xx, and redirects (a 303 can follow an applied write; no redirect is followed).
	if (statusCode >= 300) return statusCode >= 500 || statusCode < 400;
	if (statusCode !== 204 && (body === undefined || body === null || typeof body === 'string')) return true;
	// "Try later" next to results: part of it may have been applied.
	const { code } = capillaryCode(body);
	return statusCode === 429 || (code !== undefined && NOT_PROCESSED_CODES.has(code));
}

function retryAfterMs(headers: IDataObject | undefined): number | undefined {
	const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export function backoffMs(attempt: number, baseDelay: number, retryAfter?: number): number {
	const exponential = baseDelay * 2 ** attempt;
	const jittered = exponential * (0.5 + Math.random());
	return Math.min(MAX_BACKOFF_MS, Math.max(jittered, retryAfter ?? 0));
}

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

export interface CapillaryResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	/** How many times the request was sent. */
	attempts: number;
	/** A write whose answer proves neither success nor "not processed" (see isOutcomeUnknown). */
	outcomeUnknown?: boolean;
}

/** JSON when it parses; the raw text otherwise (an HTML error page, a truncated body). */
export function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return body;
	}
}

/** Words for the network error codes users meet (NodeApiError replaces messages that contain raw codes). */
const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'was refused (nothing listens at that address)',
	ENOTFOUND: 'failed: the host name could not be resolved',
	EAI_AGAIN: 'failed: the host name could not be resolved',
	ECONNRESET: 'failed: the connection was closed before an answer arrived',
	EPIPE: 'failed: the connection was closed before an answer arrived',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
	EHOSTUNREACH: 'failed: the host is unreachable',
	CERT_HAS_EXPIRED: 'failed: the server certificate has expired',
};

function networkCodeOf(error: unknown): string | undefined {
	return (
		(error as { code?: string }).code ??
		(error as { cause?: { code?: string } }).cause?.code ??
		(error as { context?: { data?: { code?: string } } }).context?.data?.code
	);
}

/** The request was never delivered (no connection could be made), so sending it again is safe. */
function neverSent(error: unknown): boolean {
	const code = networkCodeOf(error);
	return code !== undefined && NOT_SENT_NETWORK_CODES.has(code);
}

class RequestTimeout extends Error {
	readonly code = 'ETIMEDOUT';
}

function networkFailure(context: RequestContext, error: unknown, host: string, attempts: number, write: boolean, timeoutMs: number): NodeApiError {
	const code = networkCodeOf(error);
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout|timed out/i.test(String((error as Error).message));
	const what = timedOut ? `timed out after ${timeoutMs} ms` : ((code && NETWORK_WORDS[code]) ?? 'failed: the connection was closed or could not be made');
	const unknown = write && !neverSent(error);
	return new NodeApiError(context.getNode(), { networkError: code ?? 'unknown', host } as unknown as IDataObject as never, {
		message: `The request to Capillary at ${host} ${what}${unknown ? `: ${OUTCOME_UNKNOWN}` : ''}`,
		description: `${code ? `Network error ${code}. ` : ''}${attempts > 1 ? `Tried ${attempts} times. ` : ''}${
			unknown
				? 'This write was sent once and not re-sent: Capillary may have applied it. Check in Capillary whether it was applied before running it again. '
				: ''
		}Check the Region or Base URL of the credential and that n8n can reach ${host}${timedOut ? ', or raise the Timeout under the node\'s Settings > Request Options' : ''}.`,
		httpCode: timedOut ? '408' : undefined,
		itemIndex: itemIndexOf(context),
	});
}

/**
 * Sends one request (several attempts at most). Reads are re-sent after "try later" answers,
 * server errors, timeouts and network errors; writes only when Capillary proved it did not
 * process them (see isNotProcessed) or the connection could not be opened.
 */
export async function sendRequest(
	context: RequestContext,
	request: IHttpRequestOptions,
	options: { idempotent: boolean },
): Promise<CapillaryResponse> {
	const settings = readSettings(context);
	const state = runState(context);
	const credentialType = credentialTypeOf(context);
	const host = hostOf(String(request.baseURL ?? request.url));
	const oauth = credentialType === OAUTH_CREDENTIAL;
	let tokenRefreshes = 0;
	let retries = 0;
	let attempts = 0;

	for (;;) {
		const tokenUsed = oauth ? await withFreshToken(context, settings.timeout) : undefined;
		const storeToken = oauth ? await storeMintedToken(context) : undefined;
		attempts++;
		let raw: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			raw = await state.limiter.run(
				async () =>
					// axios' own timeout closes an idle socket; the deadline also ends a body that trickles forever.
					await withDeadline(
						async (deadline) => await context.helpers.httpRequestWithAuthentication.call(abortingAt(context, deadline), credentialType, {
							...request,
							timeout: settings.timeout,
							...ANSWER_AS_IS,
						}, storeToken) as Promise<{ statusCode: number; headers: IDataObject; body: unknown }>,
						settings.timeout + 1000,
						() => new RequestTimeout(`timeout of ${settings.timeout}ms exceeded`),
					),
			);
		} catch (error) {
			if (error instanceof CapillaryCredentialError) throw credentialFailure(context, error);
			const cause = (error as { cause?: unknown }).cause;
			if (cause instanceof CapillaryCredentialError) throw credentialFailure(context, cause);
			if ((options.idempotent || neverSent(error)) && retries < settings.maxRetries) {
				await sleep(backoffMs(retries++, settings.retryDelay));
				continue;
			}
			throw networkFailure(context, error, host, attempts, !options.idempotent, settings.timeout);
		}

		const secrets = await runSecrets(context, credentialType);
		const body = redact(parseBody(raw.body), tokenUsed ? [...secrets, tokenUsed] : secrets);
		// More than once: a token got after a rejection can itself be revoked by another worker's refresh (queue mode).
		// A rejection that carries results (created IDs, per-entity outcomes) proves nothing for a write.
		if (oauth && tokenRefreshes < MAX_TOKEN_REFRESHES && isTokenRejection(raw.statusCode, body) && (options.idempotent || !carriesPayload(body))) {
			tokenRefreshes++;
			await withFreshToken(context, settings.timeout, tokenUsed);
			continue;
		}
		const resend = options.idempotent ? isTryLater(raw.statusCode, body) || raw.statusCode >= 500 : isNotProcessed(raw.statusCode, body);
		// A Retry-After beyond the longest wait (a daily quota) is not worth waiting for within this run.
		const retryAfter = retryAfterMs(raw.headers);
		if (resend && retries < settings.maxRetries && !(retryAfter !== undefined && retryAfter > MAX_BACKOFF_MS)) {
			await sleep(backoffMs(retries++, settings.retryDelay, retryAfter));
			continue;
		}
		return {
			statusCode: raw.statusCode,
			headers: raw.headers ?? {},
			body,
			attempts,
			outcomeUnknown: isOutcomeUnknown(raw.statusCode, body, options.idempotent),
		};
	}
}
