/**
 * Authentication exactly as Capillary checks it: Basic with the MD5 of the till password, or an
 * OAuth token minted from a client key and secret, which expires (498) and can be unknown (401).
 */
import { createHash, randomBytes } from 'node:crypto';

import type { SimReply, SimRequest } from './http';
import { v11Error, v2Error, v3Error } from './http';
import { ORG_ID } from './state';

export const DEFAULT_TILL = { username: 'store.server', password: 'server123' };
export const DEFAULT_CLIENT = { key: 'sim-client-key', secret: 'sim-client-secret' };

export interface AuthConfig {
	/** username → md5(password) */
	tills: Map<string, string>;
	/** client key → secret */
	clients: Map<string, string>;
	tokenTtlSeconds: number;
	orgId: number;
	/**
	 * "A new token revokes the previous one": minting a token for a client key makes every earlier
	 * token of that key unknown (401), as some OAuth servers do. Off by default.
	 */
	revokePreviousOnMint?: boolean;
}

interface IssuedToken {
	clientKey: string;
	expiresAt: number;
}

export class AuthService {
	readonly tokens = new Map<string, IssuedToken>();

	tokensIssued = 0;

	constructor(readonly config: AuthConfig) {}

	static defaults(): AuthConfig {
		return {
			tills: new Map([[DEFAULT_TILL.username, md5(DEFAULT_TILL.password)]]),
			clients: new Map([[DEFAULT_CLIENT.key, DEFAULT_CLIENT.secret]]),
			tokenTtlSeconds: 300,
			orgId: ORG_ID,
		};
	}

	/** POST /v3/oauth/token/generate */
	generate(req: SimRequest): SimReply {
		const body = (req.body ?? {}) as { key?: unknown; secret?: unknown };
		const secret = this.config.clients.get(String(body.key ?? ''));
		if (secret === undefined || secret !== body.secret) {
			return { status: 200, body: { data: null, errors: [{ code: 320001, message: 'Invalid client key and secret' }] } };
		}
		const now = Math.floor(Date.now() / 1000);
		const exp = now + this.config.tokenTtlSeconds;
		const payload = { iss: 'capillary-sim', sub: body.key, client_id: body.key, org_id: this.config.orgId, iat: now, exp, jti: randomBytes(6).toString('hex') };
		const token = [b64url({ kid: 'k1', alg: 'RS256' }), b64url(payload), randomBytes(16).toString('base64url')].join('.');
		if (this.config.revokePreviousOnMint) {
			for (const [previous, issued] of this.tokens) if (issued.clientKey === String(body.key)) this.tokens.delete(previous);
		}
		this.tokens.set(token, { clientKey: String(body.key), expiresAt: Date.now() + this.config.tokenTtlSeconds * 1000 });
		this.tokensIssued++;
		return { status: 200, body: { data: { accessToken: token, ttlSeconds: this.config.tokenTtlSeconds }, errors: null } };
	}

	expireAll(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	revokeAll(): void {
		this.tokens.clear();
	}

	/** Returns a reply when the request is not authenticated; annotates `req.auth` otherwise. */
	check(req: SimRequest): SimReply | undefined {
		const v11 = req.path.startsWith('/v1.1/') || req.path.startsWith('/v1/');
		const v3 = req.path.startsWith('/v3/');
		const fail = (code: 401 | 498, message: string): SimReply => {
			// v1.1 reports token problems inside an HTTP 200 body (as in Capillary's docs); v2/v3 use the status.
			if (v11) return v11Error(code, message, 200);
			return v3 ? v3Error(code, code, message) : v2Error(code, code, message);
		};
		const token = header(req, 'x-cap-api-oauth-token');
		if (token !== undefined) {
			const issued = this.tokens.get(token);
			if (!issued) return fail(401, 'Unauthorized');
			if (issued.expiresAt <= Date.now()) return fail(498, `Token expired at ${new Date(issued.expiresAt).toISOString()}`);
			req.auth = { kind: 'oauth', clientKey: issued.clientKey };
		} else {
			const authorization = header(req, 'authorization');
			const match = /^Basic\s+(.+)$/i.exec(authorization ?? '');
			if (!match) return fail(401, 'Authentication failed: no credentials');
			const decoded = Buffer.from(match[1], 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			const username = decoded.slice(0, colon);
			const digest = decoded.slice(colon + 1);
			if (colon < 0 || this.config.tills.get(username) !== digest) return fail(401, 'Authentication failed: invalid till username or password');
			req.auth = { kind: 'basic', username };
		}
		if (req.path.startsWith('/api_gateway/')) {
			const orgId = header(req, 'x-cap-api-auth-org-id');
			if (orgId !== String(this.config.orgId)) {
				return v3Error(401, 1064, orgId ? `Invalid org ID passed: ${orgId}` : 'X-CAP-API-AUTH-ORG-ID header is required');
			}
		}
		// The staff pages list X-CAP-API-AUTH-ORG-ID: "The org id to which you want to associate the staff user".
		if (req.path === '/v2/staff' || req.path.startsWith('/v2/staff/')) {
			const orgId = header(req, 'x-cap-api-auth-org-id');
			if (orgId !== String(this.config.orgId)) {
				return v2Error(401, 1064, orgId ? `Invalid org ID passed: ${orgId}` : 'X-CAP-API-AUTH-ORG-ID header is required');
			}
		}
		return undefined;
	}
}

export function md5(value: string): string {
	return createHash('md5').update(value).digest('hex');
}

function b64url(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function header(req: SimRequest, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
