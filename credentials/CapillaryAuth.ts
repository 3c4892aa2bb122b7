import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { readable } from '../nodes/Capillary/shared/errors';

/**
 * What both Capillary credential types share: the regional hosts, the optional org id and
 * attribution headers, the MD5 Basic header, and the OAuth token cache.
 */

export const CUSTOM_REGION = 'custom';

/** Option values are the base URLs themselves, so `requestDefaults.baseURL` needs no lookup table. */
export const REGIONS = [
	{ name: 'India (APAC)', value: 'https://apac.api.capillarytech.com' },
	{ name: 'APAC2 (Singapore)', value: 'https://apac2.api.capillarytech.com' },
	{ name: 'Europe (EU)', value: 'https://eu.api.capillarytech.com' },
	{ name: 'United States (US)', value: 'https://us.api.capillarytech.com' },
	{ name: 'China', value: 'https://api.capillarytech.cn.com' },
	{ name: 'China (CDN Host)', value: 'https://cdn-api.capillarytech.cn.com' },
	{ name: 'India (Legacy capillary.co.in Host)', value: 'https://apac.api.capillary.co.in' },
	{ name: 'Custom URL', value: CUSTOM_REGION },
];

/** n8n expression for the base URL; used by the credential test and by the node's requestDefaults. */
export const BASE_URL_EXPRESSION =
	'={{ $credentials.region === "custom" ? String($credentials.url).trim().replace(/\\/+$/, "") : $credentials.region }}';

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const region = String(credentials.region ?? REGIONS[0].value);
	if (region !== CUSTOM_REGION) return region;
	return String(credentials.url ?? '')
		.trim()
		.replace(/\/+$/, '');
}

export const ATTRIBUTION_ENTITY_TYPES = [
	'TILL',
	'STORE_CODE',
	'STORE_NAME',
	'STORE_EXTERNAL_ID',
	'STORE_EXTERNAL_ID_1',
	'STORE_EXTERNAL_ID_2',
];

export const regionProperties: INodeProperties[] = [
	{
		displayName: 'Region',
		name: 'region',
		type: 'options',
		options: REGIONS,
		default: REGIONS[0].value,
		description: 'The Capillary cluster your organization lives on. Pick Custom URL for a private host or a local simulator.',
	},
	{
		displayName: 'Base URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://eu.api.capillarytech.com',
		description: 'Scheme and host, without /v2 or /v1.1',
		displayOptions: { show: { region: [CUSTOM_REGION] } },
	},
];

export const orgAndAttributionProperties: INodeProperties[] = [
	{
		displayName: 'Org ID',
		name: 'orgId',
		type: 'string',
		default: '',
		hint: 'Needed by the api_gateway endpoints (Badges, Reward Catalog, loyalty promotions) and by Staff; sent as X-CAP-API-AUTH-ORG-ID',
		description: 'Numeric ID of your Capillary organization',
	},
	{
		displayName: 'Attribution Entity Type',
		name: 'attributionType',
		type: 'options',
		default: '',
		options: [
			{ name: 'None (Use the Default Till)', value: '' },
			...ATTRIBUTION_ENTITY_TYPES.map((t) => ({ name: t, value: t })),
		],
		description: 'Record the calls on behalf of another till or store instead of the default one',
	},
	{
		displayName: 'Attribution Entity Code',
		name: 'attributionCode',
		type: 'string',
		default: '',
		description: 'Code of the till or store given in Attribution Entity Type (case sensitive)',
		displayOptions: { hide: { attributionType: [''] } },
	},
];

/** Headers both credential types add: org id (api_gateway) and attribution. */
export function addCommonHeaders(
	credentials: ICredentialDataDecryptedObject,
	headers: Record<string, string>,
	attributionHeaderNames: [type: string, code: string],
): void {
	const orgId = String(credentials.orgId ?? '').trim();
	if (orgId) headers['X-CAP-API-AUTH-ORG-ID'] = headerValue('Org ID', orgId);
	const type = String(credentials.attributionType ?? '');
	const code = String(credentials.attributionCode ?? '').trim();
	if (type && code) {
		headerValue('Attribution value', code);
		headers[attributionHeaderNames[0]] = type;
		headers[attributionHeaderNames[1]] = code;
	}
}

/**
 * A credential field sent as an HTTP header: printable ASCII only. Anything else would be dropped or
 * changed on the way (a line break, a non-Latin character), so a write could act for another till.
 */
function headerValue(field: string, value: string): string {
	if (/^[\x20-\x7e]+$/.test(value)) return value;
	throw new CapillaryCredentialError(
		`The credential's ${field} contains characters an HTTP header cannot carry`,
		`${field} is sent as a header: use letters, digits and plain punctuation only (no line breaks, no accented or non-Latin characters). Edit the credential.`,
	);
}

/** What Capillary's till auth can carry: no ":" in the username (it ends it), a real MD5 when one is claimed. */
export function checkTillCredentials(username: string, password: string, passwordIsMd5: boolean): void {
	if (username.includes(':')) {
		throw new CapillaryCredentialError('The credential\'s Till Username cannot contain ":"', 'Basic auth ends the username at the first ":", so Capillary would read another user. Use the till username as InTouch shows it.');
	}
	if (passwordIsMd5 && !/^[0-9a-f]{32}$/i.test(password.trim())) {
		throw new CapillaryCredentialError(
			'The credential says its password is already an MD5 hash, but it is not one',
			'An MD5 hash is 32 hexadecimal characters. Turn off "Password Is Already MD5 Hashed" to enter the plain password (the node hashes it), or paste the hash. Nothing was sent, so the password did not leave n8n.',
		);
	}
}

export function md5Hex(value: string): string {
	return createHash('md5').update(value, 'utf8').digest('hex');
}

/** The last header built, so a run of many items hashes the password once (one entry: never grows). */
let lastAuthorization: { username: string; password: string; passwordIsMd5: boolean; header: string } | undefined;

/** Capillary's till auth: Basic base64(username:md5(password)). */
export function basicAuthorization(username: string, password: string, passwordIsMd5: boolean): string {
	const last = lastAuthorization;
	if (last && last.username === username && last.password === password && last.passwordIsMd5 === passwordIsMd5) return last.header;
	const digest = passwordIsMd5 ? password.trim().toLowerCase() : md5Hex(password);
	const header = 'Basic ' + Buffer.from(`${username.trim()}:${digest}`, 'utf8').toString('base64');
	lastAuthorization = { username, password, passwordIsMd5, header };
	return header;
}

/**
 * How the package sends every request to Capillary: the answer as it came (status, headers, parsed
 * JSON), and no redirect followed — a followed 307 would send a write twice, and a redirect to
 * another host would carry the credentials there.
 */
export const ANSWER_AS_IS = { json: true, returnFullResponse: true, ignoreHttpStatusErrors: true, disableFollowRedirect: true } as const;

/**
 * The strings of a credential no answer may carry back to the user: the till password, its MD5 and
 * the Basic header; the OAuth client secret and stored token. (A server that echoes the request
 * would otherwise put them into an error message.)
 */
export function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const password = String(credentials.password ?? '');
	const secrets = [String(credentials.clientSecret ?? ''), String(credentials.accessToken ?? '')];
	if (password) {
		const header = basicAuthorization(String(credentials.username ?? ''), password, credentials.isMd5Hash === true);
		secrets.push(password, header.slice('Basic '.length), Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8').split(':').pop() ?? '');
	}
	return secrets.filter((secret) => secret.length >= 4);
}

/** `value` with every secret replaced by [redacted]; the same object when none occurs (the usual case). */
export function redact<T>(value: T, secrets: string[]): T {
	if (value === undefined || value === null || secrets.length === 0) return value;
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	// In JSON text a secret with a quote, backslash or control character appears escaped.
	const forms = [...new Set(secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))];
	if (text === undefined || !forms.some((form) => text.includes(form))) return value;
	let clean = text;
	for (const form of forms) clean = clean.split(form).join('[redacted]');
	return (typeof value === 'string' ? clean : JSON.parse(clean)) as T;
}

// ---------------------------------------------------------------------------------------------
// OAuth client key/secret → token (POST /v3/oauth/token/generate)
// ---------------------------------------------------------------------------------------------

export const GENERATE_PATH = '/v3/oauth/token/generate';
/** Refresh a little before the token's end so a request never leaves with a token about to die. */
const EXPIRY_MARGIN_MS = 30_000;
/** How long one request may wait for an answer unless the node's Request Options > Timeout says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Tokens kept in memory: one per (base URL, client key, secret); the oldest is evicted first. */
export const MAX_CACHED_TOKENS = 50;
/** A token never counts as valid longer than this, whatever ttlSeconds says. */
const MAX_TOKEN_LIFETIME_MS = 24 * 3600_000;

/**
 * Rejects when `work` has not settled after `ms`. The timer is AbortSignal.timeout's (unref'd, and
 * dropped with its listener), so a settled request leaves nothing running.
 */
export async function withDeadline<T>(start: (deadline: AbortSignal) => Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
	const signal = AbortSignal.timeout(ms);
	let onAbort: (() => void) | undefined;
	const expired = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(onTimeout());
		signal.addEventListener('abort', onAbort, { once: true });
	});
	// The request gets the same signal, so a request past its deadline is aborted, not left streaming.
	const work = start(signal);
	try {
		return await Promise.race([work, expired]);
	} finally {
		signal.removeEventListener('abort', onAbort!);
		// The losing request may still fail later; that failure has no one left to tell.
		work.catch(() => undefined);
	}
}

interface CachedToken {
	token: string;
	expiresAt: number;
	/** Refresh this long before expiry: 30 s, or half the lifetime of very short-lived tokens. */
	marginMs: number;
}

/**
 * Tokens minted in this process, per credential. n8n stores the token it got from
 * preAuthentication, but only refreshes it after an HTTP 401; Capillary also says "expired"
 * with 498 and inside HTTP 200 v1.1 bodies, so the package keeps its own view of the newest token.
 * Map order is insertion order: re-inserting on use keeps the least recently used entry first, for eviction.
 */
const tokenCache = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<string>>();

function clientKeyOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.clientId ?? '').trim();
}

function cacheKey(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(`${baseUrlOf(credentials)}\u0000${clientKeyOf(credentials)}\u0000${String(credentials.clientSecret ?? '')}`)
		.digest('hex');
}

/** The cached token, marked as the most recently used (evicted last). */
function cached(key: string): CachedToken | undefined {
	const entry = tokenCache.get(key);
	if (entry) {
		tokenCache.delete(key);
		tokenCache.set(key, entry);
	}
	return entry;
}

function remember(key: string, token: CachedToken): void {
	tokenCache.delete(key);
	tokenCache.set(key, token);
	while (tokenCache.size > MAX_CACHED_TOKENS) tokenCache.delete(tokenCache.keys().next().value as string);
}

/** How many tokens the in-memory cache holds (tests). */
export function cachedTokenCount(): number {
	return tokenCache.size;
}

/**
 * Which (base URL, client key) a token belongs to. Stored next to n8n's saved token, so a token
 * minted for one client or host is never sent for another after the credential is edited.
 */
export function tokenScopeOf(credentials: ICredentialDataDecryptedObject): string {
	// The secret too: after it changes, a saved token must not stand in for a check of the new one.
	return createHash('sha256').update(`${baseUrlOf(credentials)}\u0000${clientKeyOf(credentials)}\u0000${String(credentials.clientSecret ?? '')}`).digest('hex').slice(0, 32);
}

/** The token n8n saved, if it was minted for this credential's base URL and client key. */
export function storedToken(credentials: ICredentialDataDecryptedObject): string {
	const token = credentials.accessToken;
	if (typeof token !== 'string' || token === '') return '';
	return credentials.tokenScope === tokenScopeOf(credentials) ? token : '';
}

/** Expiry of a JWT from its `exp` claim, or undefined when the token is not a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
		return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
	} catch {
		return undefined;
	}
}

/** The newest token known for these credentials (minted here, else the one n8n stored). */
export function currentToken(credentials: ICredentialDataDecryptedObject): string {
	return cached(cacheKey(credentials))?.token ?? storedToken(credentials);
}

export function tokenIsFresh(credentials: ICredentialDataDecryptedObject, now = Date.now()): boolean {
	const entry = cached(cacheKey(credentials));
	if (entry) return entry.expiresAt - entry.marginMs > now;
	const stored = storedToken(credentials);
	if (!stored) return false;
	const expiry = jwtExpiry(stored);
	return expiry === undefined || expiry - EXPIRY_MARGIN_MS > now;
}

/** Forget tokens minted in this process (tests, and a credential edited in place). */
export function clearTokenCache(): void {
	tokenCache.clear();
	inFlight.clear();
	rejectedTokens.clear();
	unsaved.clear();
	replacing.clear();
}

export class CapillaryCredentialError extends Error {
	constructor(
		message: string,
		readonly description: string,
		readonly code?: string,
	) {
		super(message);
		this.name = 'CapillaryCredentialError';
	}
}

/** A value that can go into an HTTP header: visible ASCII, no spaces. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return value === '' ? 'empty' : 'text with spaces or control characters';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Mints a token and remembers it. Concurrent callers for the same credentials share one request,
 * so a burst of items that all saw "token expired" causes a single refresh.
 */
export async function refreshAccessToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	rejectedToken?: string,
	options: { timeoutMs?: number } = {},
): Promise<string> {
	const key = cacheKey(credentials);
	// Another item already replaced the token this request was rejected with: use that one.
	const newest = cached(key)?.token;
	if (rejectedToken !== undefined && newest !== undefined && newest !== rejectedToken) return newest;
	const pending = inFlight.get(key);
	if (pending) return await pending;
	const request = mintToken(helpers, credentials, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
		.then((minted) => {
			remember(key, minted);
			return minted.token;
		})
		.finally(() => inFlight.delete(key));
	inFlight.set(key, request);
	return await request;
}

async function mintToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	timeoutMs: number,
): Promise<CachedToken> {
	const baseURL = baseUrlOf(credentials);
	const host = hostOf(baseURL);
	if (!clientKeyOf(credentials) || !String(credentials.clientSecret ?? '')) {
		throw new CapillaryCredentialError(
			'The Capillary OAuth credential has no client key or client secret',
			'Fill in Client Key and Client Secret from InTouch > Settings > API clients.',
		);
	}
	const options: IHttpRequestOptions = {
		method: 'POST',
		baseURL,
		url: GENERATE_PATH,
		body: { key: clientKeyOf(credentials), secret: String(credentials.clientSecret) },
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		...ANSWER_AS_IS,
		timeout: timeoutMs,
	};
	let response: { statusCode: number; body: unknown } | undefined;
	let networkCode: string | undefined;
	try {
		response = await withDeadline(
			async (deadline) => (await helpers.httpRequest({ ...options, abortSignal: deadline })) as { statusCode: number; body: unknown },
			timeoutMs + 1000,
			() => Object.assign(new Error(`timeout of ${timeoutMs}ms exceeded`), { code: 'ETIMEDOUT' }),
		);
	} catch (error) {
		networkCode = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? 'NETWORK_ERROR';
		if (/timeout/i.test(String((error as Error).message)) && networkCode === 'NETWORK_ERROR') networkCode = 'ETIMEDOUT';
	}
	if (!response) {
		const timedOut = networkCode === 'ETIMEDOUT' || networkCode === 'ECONNABORTED';
		throw new CapillaryCredentialError(
			timedOut
				? `Capillary at ${host} did not answer the OAuth token request within ${timeoutMs} ms`
				: `Could not reach Capillary at ${host} to get an OAuth token (${networkCode})`,
			'Check the Region (or Base URL) of the credential and that this n8n instance can reach the host.',
			networkCode,
		);
	}
	const body = asRecord(redact(typeof response.body === 'string' ? safeJson(response.body) : response.body, secretsOf(credentials)));
	const errors = Array.isArray(body?.errors) ? body.errors : [];
	const error = errors.map(asRecord).find((e) => e !== undefined && (e.code !== undefined || e.message !== undefined));
	const data = asRecord(body?.data);
	const token = data?.accessToken;
	const code = error?.code !== undefined && error.code !== null ? readable(error.code) : String(response.statusCode);
	if (code === '320001') {
		throw new CapillaryCredentialError(
			'Capillary rejected the client key and secret (code 320001: Invalid client key and secret)',
			`Check Client Key and Client Secret, and that the API client belongs to the org on ${host}. A client created on another cluster (region) is unknown here.`,
			code,
		);
	}
	if (error || response.statusCode >= 400 || token === undefined || token === null) {
		throw new CapillaryCredentialError(
			`Capillary did not issue an OAuth token (${error?.message !== undefined ? readable(error.message) : `HTTP ${response.statusCode}`}, code ${code})`,
			`The token endpoint ${host}${GENERATE_PATH} answered without a token. Check the Region and that OAuth is enabled for the API client.`,
			code,
		);
	}
	// A token goes into a header as it is: anything but visible text is not a token.
	if (typeof token !== 'string' || !HEADER_SAFE.test(token)) {
		throw new CapillaryCredentialError(
			`Capillary's token endpoint answered with an unusable OAuth token (accessToken is ${describeType(token)}, not a token)`,
			`The answer of ${host}${GENERATE_PATH} (HTTP ${response.statusCode}) is not Capillary's token response. Check that the Region or Base URL of the credential points at Capillary's API host, not at a proxy or another service.`,
			'INVALID_TOKEN_RESPONSE',
		);
	}
	const ttlSeconds = typeof data?.ttlSeconds === 'number' || typeof data?.ttlSeconds === 'string' ? Number(data.ttlSeconds) : NaN;
	const now = Date.now();
	// Without a ttl, the token's own expiry, unless it says the token is (about to be) expired on arrival:
	// clocks disagree then, and Capillary decides (a rejection gets a new token).
	const untilExpiry = (jwtExpiry(token) ?? now + 300_000) - now;
	const lifetime = Number.isFinite(ttlSeconds) && ttlSeconds > 0 ? ttlSeconds * 1000 : untilExpiry > 60_000 ? untilExpiry : 300_000;
	const expiresAt = now + Math.min(MAX_TOKEN_LIFETIME_MS, lifetime);
	return { token, expiresAt, marginMs: Math.min(EXPIRY_MARGIN_MS, (expiresAt - now) / 2) };
}

// ---------------------------------------------------------------------------------------------
// Queue mode: several workers share one credential. The token n8n stores on it (in its database)
// is the only thing they share, so a worker that mints a token hands it to n8n to store, and a
// worker whose token was rejected first tries the stored one. Without this, against an OAuth
// server that revokes the previous token on every mint, two workers would mint in turn and keep
// knocking each other's token out.
// ---------------------------------------------------------------------------------------------

/** Tokens Capillary rejected in this process: never used again. */
const rejectedTokens = new Set<string>();
/** Credentials whose newest token was minted here and is not yet stored by n8n. */
const unsaved = new Set<string>();
const replacing = new Map<string, Promise<string>>();

/** Caches a token another worker stored, with its expiry (JWT `exp`, else five minutes). */
function rememberStored(key: string, token: string): CachedToken {
	const now = Date.now();
	const expiresAt = jwtExpiry(token) ?? now + 300_000;
	const entry = { token, expiresAt, marginMs: Math.min(EXPIRY_MARGIN_MS, Math.max(0, (expiresAt - now) / 2)) };
	remember(key, entry);
	return entry;
}

/**
 * A token to use after `rejected` was refused: a newer one from this process, else the one n8n
 * has stored on the credential if it is another (put there by another worker), else a new one.
 * One lookup and at most one mint per rejected token in this process.
 */
export async function replaceRejectedToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	rejected: string,
	readStored: () => Promise<ICredentialDataDecryptedObject | undefined>,
	options: { timeoutMs?: number } = {},
): Promise<string> {
	const key = cacheKey(credentials);
	if (rejectedTokens.size > 1000) rejectedTokens.clear();
	rejectedTokens.add(rejected);
	const usable = (token: string | undefined) => token !== undefined && token !== '' && !rejectedTokens.has(token);
	const newest = tokenCache.get(key)?.token;
	if (usable(newest)) return newest as string;
	const flightKey = `${key}\u0000${rejected}`;
	let pending = replacing.get(flightKey);
	if (!pending) {
		pending = (async () => {
			// Only a token minted for the same base URL and client key (storedToken checks the scope).
			const stored = async () => {
				const current = await readStored().catch(() => undefined);
				return current ? storedToken(current) : '';
			};
			const first = await stored();
			if (usable(first)) return rememberStored(key, first).token;
			// Another worker that saw the same rejection may be minting right now: give it a moment
			// to store its token, so that not both mint (each new token revoking the other's).
			await sleep(100 + Math.random() * 400);
			const second = await stored();
			if (usable(second)) return rememberStored(key, second).token;
			const minted = await refreshAccessToken(helpers, credentials, rejected, options);
			unsaved.add(key);
			return minted;
		})().finally(() => replacing.delete(flightKey));
		replacing.set(flightKey, pending);
	}
	return await pending;
}

/** True once after this process minted a token for these credentials that n8n has not stored yet. */
export function takeUnsavedToken(credentials: ICredentialDataDecryptedObject): boolean {
	return unsaved.delete(cacheKey(credentials));
}

/**
 * What to answer when n8n asks the credential for a token (preAuthentication): n8n asks when its
 * stored token is empty (then a fresh token minted here is as good as a new one) or after the
 * stored token was rejected (then mint a new one).
 */
export async function tokenForN8n(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	// A token saved for another base URL or client key counts as no token at all.
	const stored = storedToken(credentials);
	const entry = cached(cacheKey(credentials));
	if (!stored && entry && entry.expiresAt - entry.marginMs > Date.now()) return entry.token;
	return await refreshAccessToken(helpers, credentials, stored || undefined);
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

export function hostOf(url: string): string {
	try {
		return new URL(url).host || url;
	} catch {
		return url || '(no base URL)';
	}
}
