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
	CapillaryTokenError,
	currentToken,
	hostOf,
	refreshAccessToken,
	replaceRejectedToken,
	takeUnsavedToken,
	tokenIsFresh,
} from '../../../credentials/CapillaryAuth';
import { firstErrorItem, isTokenRejection, v11Status } from './errors';

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
};

export const DEFAULT_MAX_CONCURRENCY = 10;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_RETRY_DELAY_MS = 1000;
const MAX_BACKOFF_MS = 60_000;
const MAX_TOKEN_REFRESHES = 3;

/** Node-wide settings shown on every operation. */
export const throughputSettings: INodeProperties = {
	displayName: 'Request Settings',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: DEFAULT_MAX_CONCURRENCY,
			description: 'How many requests this node keeps in flight at once, across all input items',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_MAX_RETRIES,
			description:
				'How often an item is re-sent when Capillary answers "try again later" (429, 503, 521, 461). Writes are never re-sent after a network error or a server error, because they might have been applied.',
		},
		{
			displayName: 'Retry Base Delay (Ms)',
			name: 'retryDelay',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_RETRY_DELAY_MS,
			description: 'First wait before a retry; doubles with each attempt, with jitter, and honours Retry-After',
		},
	],
};

interface RequestSettings {
	maxConcurrency: number;
	maxRetries: number;
	retryDelay: number;
}

export function readSettings(context: RequestContext): RequestSettings {
	const raw = (context.getNodeParameter('requestSettings', {}) ?? {}) as IDataObject;
	const whole = (value: unknown, fallback: number, min: number, max: number) => {
		const n = Number(value);
		return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : fallback;
	};
	return {
		maxConcurrency: whole(raw.maxConcurrency, DEFAULT_MAX_CONCURRENCY, 1, 100),
		maxRetries: whole(raw.maxRetries, DEFAULT_MAX_RETRIES, 0, 10),
		retryDelay: whole(raw.retryDelay, DEFAULT_RETRY_DELAY_MS, 0, MAX_BACKOFF_MS),
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
	/** Per operation: the method that worked after a 405, so later items skip the refused one. */
	methods: Map<string, IHttpRequestOptions['method']>;
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
		state = { limiter: new Limiter(readSettings(context).maxConcurrency), methods: new Map() };
		runs.set(key, state);
	}
	return state;
}

async function oauthCredentials(context: RequestContext): Promise<ICredentialDataDecryptedObject> {
	const state = runState(context);
	state.credentials ??= context.getCredentials(OAUTH_CREDENTIAL);
	return await state.credentials;
}

function tokenFailure(context: RequestContext, error: CapillaryTokenError): NodeOperationError {
	return new NodeOperationError(context.getNode(), error.message, {
		description: error.description,
		itemIndex: itemIndexOf(context),
	});
}

async function withFreshToken(context: RequestContext, rejected?: string): Promise<string> {
	const credentials = await oauthCredentials(context);
	try {
		// The credential as n8n stores it now (re-read): another worker may have stored a newer token.
		if (rejected !== undefined) return await replaceRejectedToken(context.helpers, credentials, rejected, async () => await context.getCredentials<ICredentialDataDecryptedObject>(OAUTH_CREDENTIAL));
		if (!tokenIsFresh(credentials)) return await refreshAccessToken(context.helpers, credentials);
		return currentToken(credentials);
	} catch (error) {
		if (error instanceof CapillaryTokenError) throw tokenFailure(context, error);
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

const RETRYABLE_HTTP = new Set([429, 461, 503, 521]);
const RETRYABLE_CODES = new Set(['429', '461', '503', '521', '4001']);

/** Capillary's codes for "not processed, try again later"; such requests are safe to re-send. */
export function isTryLater(statusCode: number, body: unknown): boolean {
	const status = v11Status(body);
	const errorItem = firstErrorItem((body as IDataObject | undefined)?.errors);
	const code = status && !status.success ? status.code : errorItem?.code !== undefined ? String(errorItem.code) : undefined;
	const message = String(status?.message ?? errorItem?.message ?? '');
	// The OTP quota ("10 OTPs per user per day") is a 429 that no retry within minutes can fix.
	if (/per day/i.test(message)) return false;
	return RETRYABLE_HTTP.has(statusCode) || (code !== undefined && RETRYABLE_CODES.has(code));
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

function networkFailure(context: RequestContext, error: unknown, host: string, attempts: number): NodeApiError {
	const code =
		(error as { code?: string }).code ??
		(error as { cause?: { code?: string } }).cause?.code ??
		(error as { context?: { data?: { code?: string } } }).context?.data?.code;
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout|timed out/i.test(String((error as Error).message));
	const what = timedOut ? 'timed out' : ((code && NETWORK_WORDS[code]) ?? 'failed: the connection was closed or could not be made');
	return new NodeApiError(context.getNode(), { networkError: code ?? 'unknown', host } as unknown as IDataObject as never, {
		message: `The request to Capillary at ${host} ${what}`,
		description: `${code ? `Network error ${code}. ` : ''}${attempts > 1 ? `Tried ${attempts} times. ` : ''}Check the Region or Base URL of the credential and that n8n can reach ${host}. A write that failed this way may still have been applied: check in Capillary before re-running it.`,
		httpCode: timedOut ? '408' : undefined,
		itemIndex: itemIndexOf(context),
	});
}

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
		const tokenUsed = oauth ? await withFreshToken(context) : undefined;
		const storeToken = oauth ? await storeMintedToken(context) : undefined;
		attempts++;
		let raw: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			raw = await state.limiter.run(
				async () =>
					(await context.helpers.httpRequestWithAuthentication.call(context, credentialType, {
						...request,
						json: true,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
					}, storeToken)) as { statusCode: number; headers: IDataObject; body: unknown },
			);
		} catch (error) {
			if (error instanceof CapillaryTokenError) throw tokenFailure(context, error);
			const cause = (error as { cause?: unknown }).cause;
			if (cause instanceof CapillaryTokenError) throw tokenFailure(context, cause);
			if (options.idempotent && retries < settings.maxRetries) {
				await sleep(backoffMs(retries++, settings.retryDelay));
				continue;
			}
			throw networkFailure(context, error, host, attempts);
		}

		const body = parseBody(raw.body);
		// More than once: a token got after a rejection can itself be revoked by another worker's refresh (queue mode).
		if (oauth && tokenRefreshes < MAX_TOKEN_REFRESHES && isTokenRejection(raw.statusCode, body)) {
			tokenRefreshes++;
			await withFreshToken(context, tokenUsed);
			continue;
		}
		const tryLater = isTryLater(raw.statusCode, body);
		const serverError = raw.statusCode >= 500 && options.idempotent;
		if ((tryLater || serverError) && retries < settings.maxRetries) {
			await sleep(backoffMs(retries++, settings.retryDelay, retryAfterMs(raw.headers)));
			continue;
		}
		return { statusCode: raw.statusCode, headers: raw.headers ?? {}, body, attempts };
	}
}
