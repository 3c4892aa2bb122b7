/**
 * A local Capillary: an HTTP server on 127.0.0.1 that answers like the Intouch API (envelopes,
 * error codes, HTTP 200 with errors inside, pagination, auth), keeps state in memory, records
 * every request and injects faults on demand. Tests, benchmarks and the demo all use it.
 *
 *   const sim = await startSimulator({ seed: 'demo' });
 *   sim.url            → http://127.0.0.1:<port>
 *   sim.requests       → what it received
 *   sim.faults.add({ path: '/v2/customers/*', ...faultReplies.rateLimited(), times: 2 })
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AuthService, type AuthConfig } from './auth';
import { FaultInjector } from './faults';
import { notFoundRoute, Router, type SimReply, type SimRequest } from './http';
import { registerResources } from './resources';
import { seedDemo, SimState } from './state';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	status?: number;
	at: number;
}

export interface SimulatorOptions {
	port?: number;
	host?: string;
	/** Added to every answer, in milliseconds. */
	latencyMs?: number;
	seed?: 'demo' | 'empty';
	auth?: Partial<AuthConfig>;
	/** Keep at most this many recorded requests (oldest dropped); benchmarks lower it. */
	maxRecorded?: number;
}

export class Simulator {
	router = new Router();

	readonly faults = new FaultInjector();

	requests: RecordedRequest[] = [];

	state = new SimState();

	readonly auth: AuthService;

	latencyMs: number;

	/** Rewrites every reply of a handler (robustness tests: answers that deviate from the docs). */
	responseMutator?: (reply: SimReply, req: SimRequest) => SimReply;

	inFlight = 0;

	maxInFlight = 0;

	url = '';

	private server?: Server;

	private readonly sockets = new Set<import('node:net').Socket>();

	constructor(readonly options: SimulatorOptions = {}) {
		this.auth = new AuthService({ ...AuthService.defaults(), ...options.auth });
		this.latencyMs = options.latencyMs ?? 0;
		this.reset(options.seed ?? 'demo');
	}

	/** Fresh state (and optionally demo data), no recorded requests, no faults. */
	reset(seed: 'demo' | 'empty' = 'demo'): void {
		this.state = new SimState();
		if (seed === 'demo') seedDemo(this.state);
		this.requests = [];
		this.faults.clear();
		this.maxInFlight = 0;
		this.responseMutator = undefined;
		this.router = new Router();
		registerResources(this.router, this);
	}

	/** Requests to the API (the token endpoint and /__sim control calls excluded unless asked). */
	apiRequests(includeTokenCalls = false): RecordedRequest[] {
		return this.requests.filter((r) => !r.path.startsWith('/__sim') && (includeTokenCalls || r.path !== '/v3/oauth/token/generate'));
	}

	clearRequests(): void {
		this.requests = [];
		this.maxInFlight = 0;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
		});
		const address = this.server.address() as AddressInfo;
		this.url = `http://${address.address}:${address.port}`;
		return this;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private async handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of incoming) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(incoming.url ?? '/', 'http://sim');
		const text = rawBody.toString('utf8');
		let body: unknown = undefined;
		if (text) {
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
			}
		}
		const req: SimRequest = {
			method: (incoming.method ?? 'GET').toUpperCase(),
			// Kept encoded: an id with a '/' must stay one path segment (the router decodes params).
			path: url.pathname.replace(/\.json$/, ''),
			query: Object.fromEntries(url.searchParams.entries()),
			headers: incoming.headers,
			body,
			rawBody,
			params: {},
		};
		const record: RecordedRequest = {
			method: req.method,
			path: req.path,
			query: req.query,
			headers: Object.fromEntries(Object.entries(incoming.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])),
			body,
			at: Date.now(),
		};
		const control = req.path.startsWith('/__sim/');
		if (!control) {
			this.requests.push(record);
			const max = this.options.maxRecorded;
			if (max !== undefined && this.requests.length > max) this.requests.splice(0, this.requests.length - max);
		}
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			if (this.latencyMs > 0 && !control) await delay(this.latencyMs);
			const reply = await this.answer(req, control);
			if (reply === 'drop') {
				res.socket?.destroy();
				return;
			}
			record.status = reply.status;
			send(res, reply);
		} catch (error) {
			record.status = 500;
			send(res, { status: 500, body: { errors: [{ status: false, code: 500, message: `Simulator error: ${(error as Error).message}` }] } });
		} finally {
			this.inFlight--;
		}
	}

	private async answer(req: SimRequest, control: boolean): Promise<SimReply | 'drop'> {
		if (control) return this.control(req);
		const fault = this.faults.take(req);
		if (fault?.delayMs) await delay(fault.delayMs);
		if (fault?.drop) return 'drop';
		if (fault?.reply && !fault.afterHandler) return fault.reply;
		let reply: SimReply;
		if (req.method === 'POST' && req.path === '/v3/oauth/token/generate') {
			reply = this.auth.generate(req);
		} else {
			const denied = this.auth.check(req);
			if (denied) return denied;
			const route = this.router.match(req.method, req.path);
			if (!route) return notFoundRoute(req.path);
			req.params = route.params;
			reply = await route.handler(req);
		}
		if (fault?.reply && fault.afterHandler) return fault.reply;
		return this.responseMutator && req.path !== '/v3/oauth/token/generate' ? this.responseMutator(reply, req) : reply;
	}

	/** `/__sim/*`: the simulator's own API for out-of-process users (demo, e2e). */
	private control(req: SimRequest): SimReply {
		const route = `${req.method} ${req.path}`;
		if (route === 'GET /__sim/health') return { status: 200, body: { ok: true } };
		if (route === 'GET /__sim/requests') return { status: 200, body: this.apiRequests(req.query.tokens === 'true') };
		if (route === 'DELETE /__sim/requests') {
			this.clearRequests();
			return { status: 204 };
		}
		if (route === 'POST /__sim/reset') {
			this.reset((req.query.seed as 'demo' | 'empty') ?? 'demo');
			return { status: 204 };
		}
		if (route === 'POST /__sim/faults') {
			const rule = { ...(req.body as object) } as Parameters<FaultInjector['add']>[0] & { pathRegex?: string };
			if (rule.pathRegex) rule.path = new RegExp(rule.pathRegex);
			return { status: 201, body: { id: this.faults.add(rule).id } };
		}
		if (route === 'DELETE /__sim/faults') {
			this.faults.clear();
			return { status: 204 };
		}
		if (route === 'POST /__sim/tokens/expire') {
			this.auth.expireAll();
			return { status: 204 };
		}
		if (route === 'GET /__sim/stats') {
			const bills = new Map<string, number>();
			for (const t of this.state.transactions.values()) bills.set(`${t.type}:${t.number}`, (bills.get(`${t.type}:${t.number}`) ?? 0) + 1);
			return {
				status: 200,
				body: {
					requests: this.requests.length,
					rateLimited: this.requests.filter((r) => r.status === 429).length,
					maxInFlight: this.maxInFlight,
					tokensIssued: this.auth.tokensIssued,
					customers: this.state.customers.size,
					transactions: this.state.transactions.size,
					/** Bills stored more than once: a retried write that was applied twice. */
					duplicateBillNumbers: [...bills.values()].filter((n) => n > 1).length,
				},
			};
		}
		if (route === 'POST /__sim/latency') {
			this.latencyMs = Number((req.body as { ms?: number })?.ms ?? 0);
			return { status: 204 };
		}
		return { status: 404, body: { error: `unknown control route ${route}` } };
	}
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	return await new Simulator(options).start();
}

function send(res: ServerResponse, reply: SimReply): void {
	const headers: Record<string, string> = { ...(reply.headers ?? {}) };
	let payload = '';
	if (reply.raw !== undefined) payload = reply.raw;
	else if (reply.body !== undefined) {
		payload = JSON.stringify(reply.body);
		headers['content-type'] ??= 'application/json';
	}
	headers['x-cap-requestid'] = `sim-${Date.now().toString(36)}`;
	res.writeHead(reply.status, headers);
	res.end(payload);
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
