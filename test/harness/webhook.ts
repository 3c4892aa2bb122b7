/**
 * Runs the BUILT Capillary Event Trigger the way n8n does: its webhookMethods with n8n-core's
 * HookContext (activation: checkExists, then create when it says false; deactivation: delete),
 * and each HTTP delivery through webhook() with n8n-core's WebhookContext, behind a small HTTP
 * receiver on 127.0.0.1 that plays n8n's webhook server (production and test URLs). The
 * workflow's static data lives on as n8n keeps it; `reload()` round-trips it through JSON like a
 * restart.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, LoadOptionsContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodePropertyOptions,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { settleWebhooks } from '../simulator/resources/eventNotification';
import { loadPackage, nodeTypeProvider, PACKAGE_NAME, TestCredentialsHelper } from './engine';
import { basicCredentials, oauthCredentials, type AuthKind, type Capillary } from './fixtures';

export type WebhookKind = 'production' | 'test';

export interface Delivery {
	kind: WebhookKind;
	status: number;
	body: unknown;
	/** Items the workflow was started with (one execution), or undefined when it was not started. */
	items?: IDataObject[];
	error?: Error;
}

export interface EventTriggerHarness {
	/** n8n's URLs of this trigger. */
	urls: Record<WebhookKind, string>;
	workflow: Workflow;
	node: INode;
	helper: TestCredentialsHelper;
	/** Activation as n8n does it: checkExists, then create when it returned false. Returns whether create ran. */
	activate(kind?: WebhookKind, activation?: WorkflowActivateMode): Promise<{ created: boolean }>;
	/** Deactivation: delete(); its boolean. */
	deactivate(kind?: WebhookKind): Promise<boolean>;
	/** Every request the receiver answered. */
	deliveries: Delivery[];
	/** Executions started (items per execution). */
	executions(): IDataObject[][];
	/** Calls webhook() directly with a body and headers (no HTTP). */
	call(body: unknown, headers: Record<string, string>, kind?: WebhookKind, rawBody?: Buffer): Promise<Delivery>;
	/** The node's static data (`node:<name>`), as stored. */
	staticData(): IDataObject;
	/** Simulates a restart: the workflow is rebuilt from its static data as JSON. */
	reload(): void;
	setParameters(parameters: INodeParameters): void;
	/** Runs a loadOptions method of the node, as the editor does for a dropdown. */
	loadOptions(method: string): Promise<INodePropertyOptions[]>;
	close(): Promise<void>;
}

const NODE_NAME = 'Capillary Event Trigger';

export async function createEventTrigger(options: {
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	workflowId?: string;
}): Promise<EventTriggerHarness> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const type = nodeTypes.capillaryEventTrigger.type;
	const provider = nodeTypeProvider(nodeTypes);
	const helper = new TestCredentialsHelper(credentialTypes, options.credentials);
	const node: INode = {
		id: 'event-trigger-1',
		name: NODE_NAME,
		type: `${PACKAGE_NAME}.capillaryEventTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '3f0c6d2e-7a51-4bd4-9d0e-2b8f6c1a9e77',
		parameters: options.parameters,
		credentials: Object.fromEntries(Object.keys(options.credentials).map((t) => [t, { id: `cred-${t}`, name: t }])),
	};
	const workflowId = options.workflowId ?? 'wfEventTrigger01';
	const build = (staticData: IDataObject) =>
		new Workflow({ id: workflowId, nodes: [node], connections: {}, active: true, nodeTypes: provider as never, staticData, settings: { timezone: 'Asia/Kolkata' } });

	const deliveries: Delivery[] = [];
	let base = '';
	const additional = (extra: Record<string, unknown> = {}) =>
		new Proxy({ credentialsHelper: helper, executionId: 'event-trigger', webhookBaseUrl: `${base}/webhook`, webhookTestBaseUrl: `${base}/webhook-test`, ...extra } as Record<string, unknown>, {
			get: (target, property) => (property in target ? target[property as string] : undefined),
		}) as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = (kind: WebhookKind): IWebhookData => ({
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: type.description.webhooks![0],
		workflowId,
		workflowExecuteAdditionalData: additional(),
		isTest: kind === 'test',
	});

	const harness = {} as EventTriggerHarness;
	harness.workflow = build({});
	harness.node = node;
	harness.helper = helper;
	harness.deliveries = deliveries;

	const hook = (kind: WebhookKind, activation: WorkflowActivateMode = 'activate') =>
		new HookContext(harness.workflow, node, additional(), kind === 'test' ? 'manual' : 'trigger', activation, webhookData(kind));

	harness.activate = async (kind = 'production', activation = 'activate') => {
		const methods = type.webhookMethods!.default!;
		if (await methods.checkExists.call(hook(kind, activation))) return { created: false };
		await methods.create.call(hook(kind, activation));
		return { created: true };
	};
	harness.deactivate = async (kind = 'production') => await type.webhookMethods!.default!.delete.call(hook(kind, 'manual' as WorkflowActivateMode));

	harness.call = async (body, headers, kind = 'production', rawBody) => {
		const response = fakeResponse();
		const request = { body, headers: lowerCase(headers), params: {}, query: {}, rawBody };
		const context = new WebhookContext(harness.workflow, node, additional({ httpRequest: request, httpResponse: response }), kind === 'test' ? 'manual' : 'webhook', webhookData(kind), [], null);
		let result: IWebhookResponseData;
		try {
			result = await type.webhook!.call(context);
		} catch (error) {
			const failed = { kind, status: 500, body: { message: (error as Error).message }, error: error as Error };
			deliveries.push(failed);
			return failed;
		}
		const items = result.workflowData ? result.workflowData[0].map((i) => i.json) : undefined;
		const delivery: Delivery = result.noWebhookResponse
			? { kind, status: response.statusCode, body: parse(response.text), items }
			: { kind, status: 200, body: result.webhookResponse ?? { message: 'Workflow was started' }, items };
		deliveries.push(delivery);
		return delivery;
	};

	harness.executions = () => deliveries.filter((d) => d.items !== undefined).map((d) => d.items!);
	harness.staticData = () => JSON.parse(JSON.stringify(harness.workflow.staticData[`node:${NODE_NAME}`] ?? {})) as IDataObject;
	harness.reload = () => {
		harness.workflow = build(JSON.parse(JSON.stringify(harness.workflow.staticData)) as IDataObject);
	};
	harness.setParameters = (parameters) => {
		node.parameters = parameters;
		harness.reload();
	};

	harness.loadOptions = async (method) => {
		const context = new LoadOptionsContext(harness.workflow, node, additional(), 'parameters.events');
		return await type.methods!.loadOptions![method].call(context);
	};

	// n8n's webhook server: /webhook/<webhookId>/webhook and /webhook-test/<webhookId>/webhook.
	const server: Server = createServer((req, res) => {
		void (async () => {
			const text = await readAll(req);
			const kind: WebhookKind = req.url?.startsWith('/webhook-test/') ? 'test' : 'production';
			if (req.method !== 'POST' || !req.url?.endsWith(`/${node.webhookId}/webhook`)) {
				res.writeHead(404).end();
				return;
			}
			// Like n8n's body parser: JSON only for a JSON content type; otherwise an empty body and the raw bytes.
			const type = String(req.headers['content-type'] ?? '');
			let body: unknown = {};
			if (/^application\/json\s*(;|$)/i.test(type)) {
				try {
					body = text ? JSON.parse(text) : {};
				} catch {
					res.writeHead(400).end();
					return;
				}
			}
			const delivery = await harness.call(body, req.headers as Record<string, string>, kind, Buffer.from(text, 'utf8'));
			res.writeHead(delivery.status, { 'content-type': 'application/json' }).end(JSON.stringify(delivery.body));
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	harness.urls = { production: `${base}/webhook/${node.webhookId}/webhook`, test: `${base}/webhook-test/${node.webhookId}/webhook` };
	harness.close = async () => await new Promise<void>((resolve) => server.close(() => resolve()));
	return harness;
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

async function readAll(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** What the node may use of express's Response. */
function fakeResponse() {
	const response = {
		statusCode: 200,
		text: '',
		headers: {} as Record<string, string>,
		writeHead(status: number, headers?: Record<string, string>) {
			response.statusCode = status;
			Object.assign(response.headers, headers ?? {});
			return response;
		},
		end(text?: string) {
			response.text = text ?? '';
			return response;
		},
		status(status: number) {
			response.statusCode = status;
			return response;
		},
		setHeader(name: string, value: string) {
			response.headers[name] = value;
		},
	};
	return response;
}

/** The header Capillary sends the account's secret in. */
export const SECRET_HEADER = 'x-n8n-capillary-secret';

/**
 * An Event Trigger factory for a test file: each trigger runs against the file's simulator, with
 * basic or OAuth credentials, and is closed (its deliveries settled) after each test.
 */
export function useEventTriggers(capillary: Capillary): (parameters?: INodeParameters, auth?: AuthKind) => Promise<EventTriggerHarness> {
	const open: EventTriggerHarness[] = [];
	afterEach(async () => {
		await settleWebhooks(capillary.sim);
		while (open.length) await open.pop()!.close();
	});
	return async (parameters = {}, auth = 'basic') => {
		const credentials: Record<string, ICredentialDataDecryptedObject> =
			auth === 'oauth' ? { capillaryOAuthApi: oauthCredentials(capillary.sim) } : { capillaryApi: basicCredentials(capillary.sim) };
		const harness = await createEventTrigger({
			parameters: { authentication: auth === 'oauth' ? 'oAuth' : 'basicAuth', events: ['transactionAdded', 'customerAdded'], requestOptions: { retryDelay: 1 }, ...parameters },
			credentials,
		});
		open.push(harness);
		return harness;
	};
}
