import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

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
		hint: 'Only needed for api_gateway endpoints (Badges, Reward Catalog); sent as X-CAP-API-AUTH-ORG-ID',
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
	if (orgId) headers['X-CAP-API-AUTH-ORG-ID'] = orgId;
	const type = String(credentials.attributionType ?? '');
	const code = String(credentials.attributionCode ?? '').trim();
	if (type && code) {
		headers[attributionHeaderNames[0]] = type;
		headers[attributionHeaderNames[1]] = code;
	}
}

export function md5Hex(value: string): string {
	return createHash('md5').update(value, 'utf8').digest('hex');
}

/** Capillary's till auth: Basic base64(username:md5(password)). */
export function basicAuthorization(username: string, password: string, passwordIsMd5: boolean): string {
	const digest = passwordIsMd5 ? password.trim().toLowerCase() : md5Hex(password);
	return 'Basic ' + Buffer.from(`${username.trim()}:${digest}`, 'utf8').toString('base64');
}

// ---------------------------------------------------------------------------------------------
// OAuth client key/secret → token (POST /v3/oauth/token/generate)
// ---------------------------------------------------------------------------------------------

export const GENERATE_PATH = '/v3/oauth/token/generate';
/** Refresh a little before the token's end so a request never leaves with a token about to die. */
const EXPIRY_MARGIN_MS = 30_000;

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
 */
const tokenCache = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<string>>();

function cacheKey(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(`${baseUrlOf(credentials)}\u0000${String(credentials.clientId ?? '')}\u0000${String(credentials.clientSecret ?? '')}`)
		.digest('hex');
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
	return tokenCache.get(cacheKey(credentials))?.token ?? String(credentials.accessToken ?? '');
}

export function tokenIsFresh(credentials: ICredentialDataDecryptedObject, now = Date.now()): boolean {
	const cached = tokenCache.get(cacheKey(credentials));
	if (cached) return cached.expiresAt - cached.marginMs > now;
	const stored = String(credentials.accessToken ?? '');
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

export class CapillaryTokenError extends Error {
	constructor(
		message: string,
		readonly description: string,
		readonly code?: string,
	) {
		super(message);
		this.name = 'CapillaryTokenError';
	}
}

interface TokenResponse {
	data?: { accessToken?: string; ttlSeconds?: number } | null;
	errors?: Array<{ code?: number | string; message?: string }> | null;
}

/**
 * Mints a token and remembers it. Concurrent callers for the same credentials share one request,
 * so a burst of items that all saw "token expired" causes a single refresh.
 */
export async function refreshAccessToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	rejectedToken?: string,
): Promise<string> {
	const key = cacheKey(credentials);
	// Another item already replaced the token this request was rejected with: use that one.
	const newest = tokenCache.get(key)?.token;
	if (rejectedToken !== undefined && newest !== undefined && newest !== rejectedToken) return newest;
	const pending = inFlight.get(key);
	if (pending) return await pending;
	const request = mintToken(helpers, credentials)
		.then((minted) => {
			tokenCache.set(key, minted);
			return minted.token;
		})
		.finally(() => inFlight.delete(key));
	inFlight.set(key, request);
	return await request;
}

async function mintToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<CachedToken> {
	const baseURL = baseUrlOf(credentials);
	const host = hostOf(baseURL);
	if (!String(credentials.clientId ?? '').trim() || !String(credentials.clientSecret ?? '')) {
		throw new CapillaryTokenError(
			'The Capillary OAuth credential has no client key or client secret',
			'Fill in Client Key and Client Secret from InTouch > Settings > API clients.',
		);
	}
	const options: IHttpRequestOptions = {
		method: 'POST',
		baseURL,
		url: GENERATE_PATH,
		body: { key: String(credentials.clientId).trim(), secret: String(credentials.clientSecret) },
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	let response: { statusCode: number; body: unknown } | undefined;
	let networkCode: string | undefined;
	try {
		response = (await helpers.httpRequest(options)) as { statusCode: number; body: unknown };
	} catch (error) {
		networkCode = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? 'NETWORK_ERROR';
	}
	if (!response) {
		throw new CapillaryTokenError(
			`Could not reach Capillary at ${host} to get an OAuth token (${networkCode})`,
			'Check the Region (or Base URL) of the credential and that this n8n instance can reach the host.',
			networkCode,
		);
	}
	const body = (typeof response.body === 'string' ? safeJson(response.body) : response.body) as TokenResponse | undefined;
	const error = body?.errors?.[0];
	if (error || !body?.data?.accessToken) {
		const code = error?.code !== undefined ? String(error.code) : String(response.statusCode);
		if (code === '320001') {
			throw new CapillaryTokenError(
				'Capillary rejected the client key and secret (code 320001: Invalid client key and secret)',
				`Check Client Key and Client Secret, and that the API client belongs to the org on ${host}. A client created on another cluster (region) is unknown here.`,
				code,
			);
		}
		throw new CapillaryTokenError(
			`Capillary did not issue an OAuth token (${error?.message ?? `HTTP ${response.statusCode}`}, code ${code})`,
			`The token endpoint ${host}${GENERATE_PATH} answered without a token. Check the Region and that OAuth is enabled for the API client.`,
			code,
		);
	}
	const ttlSeconds = Number(body.data.ttlSeconds);
	const token = body.data.accessToken;
	const now = Date.now();
	const expiresAt = Number.isFinite(ttlSeconds) && ttlSeconds > 0 ? now + ttlSeconds * 1000 : (jwtExpiry(token) ?? now + 300_000);
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

function remember(key: string, token: string): CachedToken {
	const now = Date.now();
	const expiresAt = jwtExpiry(token) ?? now + 300_000;
	const cached = { token, expiresAt, marginMs: Math.min(EXPIRY_MARGIN_MS, Math.max(0, (expiresAt - now) / 2)) };
	tokenCache.set(key, cached);
	return cached;
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
			const stored = async () => String((await readStored().catch(() => undefined))?.accessToken ?? '');
			const first = await stored();
			if (usable(first)) return remember(key, first).token;
			// Another worker that saw the same rejection may be minting right now: give it a moment
			// to store its token, so that not both mint (each new token revoking the other's).
			await sleep(100 + Math.random() * 400);
			const second = await stored();
			if (usable(second)) return remember(key, second).token;
			const minted = await refreshAccessToken(helpers, credentials, rejected);
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
	const stored = String(credentials.accessToken ?? '');
	const cached = tokenCache.get(cacheKey(credentials));
	if (!stored && cached && cached.expiresAt - cached.marginMs > Date.now()) return cached.token;
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
