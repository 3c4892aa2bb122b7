/**
 * The network between Capillary (the simulator) and n8n's webhook endpoint, for the queue-mode
 * Event Trigger test: n8n's WEBHOOK_URL points here, so the webhook account the trigger registers
 * does too. Every delivery is forwarded to main and n8n's answer recorded; `loseAnswers(n)` makes
 * the next n answers that n8n gave with 2xx reach Capillary as a 504 (a load balancer timing out
 * after n8n took the event), so Capillary retries an event n8n already has.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface N8nAnswer {
	eventId: string;
	status: number;
	body: string;
}

export interface DeliveryProxy {
	/** Base URL to give n8n as WEBHOOK_URL (ends with a slash). */
	url: string;
	/** Where deliveries go (n8n main's URL); set once main runs. */
	target: string;
	/** Answers n8n gave (deliveries that found main down are not listed). */
	answers: N8nAnswer[];
	loseAnswers(count: number): void;
	close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && typeof value === 'string') out[name] = value;
	return out;
}

export async function startDeliveryProxy(): Promise<DeliveryProxy> {
	let toLose = 0;
	const proxy: DeliveryProxy = {
		url: '',
		target: '',
		answers: [],
		loseAnswers: (count) => void (toLose = count),
		close: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const body = Buffer.concat(chunks);
				let eventId = '';
				try {
					eventId = String((JSON.parse(body.toString('utf8')) as { eventId?: unknown }).eventId ?? '');
				} catch {
					// not JSON: forwarded as it is
				}
				let status = 502;
				let text = JSON.stringify({ message: 'n8n is not reachable' });
				try {
					const response = await fetch(`${proxy.target}${req.url ?? '/'}`, { method: req.method, headers: forwardable(req.headers), body, signal: AbortSignal.timeout(30_000) });
					status = response.status;
					text = await response.text();
					proxy.answers.push({ eventId, status, body: text });
				} catch {
					// main is down: Capillary sees a 502 and retries
				}
				if (status >= 200 && status < 300 && toLose > 0) {
					toLose--;
					status = 504;
					text = JSON.stringify({ message: 'gateway timeout' });
				}
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(text);
			})();
		});
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	return proxy;
}
