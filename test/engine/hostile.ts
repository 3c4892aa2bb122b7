/**
 * A small HTTP server that misbehaves on purpose (never answers, answers 503 after applying a
 * write, reorders batch results …), for tests that must not depend on the simulator behaving.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface HostileRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: unknown;
}

/** Return nothing (and do not touch `res`) to leave the request unanswered. */
export type HostileHandler = (req: HostileRequest, res: ServerResponse) => void | Promise<void>;

export interface Hostile {
	url: string;
	requests: HostileRequest[];
	/** Requests other than the OAuth token request. */
	apiRequests(): HostileRequest[];
	tokenRequests(): HostileRequest[];
	close(): Promise<void>;
}

export const TOKEN_PATH = '/v3/oauth/token/generate';

export function json(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

export async function hostileServer(handler: HostileHandler): Promise<Hostile> {
	const requests: HostileRequest[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				// keep the raw text
			}
			const request: HostileRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body };
			requests.push(request);
			void handler(request, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		apiRequests: () => requests.filter((r) => r.path !== TOKEN_PATH),
		tokenRequests: () => requests.filter((r) => r.path === TOKEN_PATH),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export function basicAt(url: string): Record<string, ICredentialDataDecryptedObject> {
	return { capillaryApi: { region: 'custom', url, username: 'till.user', password: 'secret-pass', isMd5Hash: false, orgId: '50672', attributionType: '', attributionCode: '' } };
}

export function oauthAt(url: string, clientId = 'client-a', overrides: ICredentialDataDecryptedObject = {}): Record<string, ICredentialDataDecryptedObject> {
	return { capillaryOAuthApi: { region: 'custom', url, clientId, clientSecret: 'client-secret-value', orgId: '50672', attributionType: '', attributionCode: '', accessToken: '', ...overrides } };
}
