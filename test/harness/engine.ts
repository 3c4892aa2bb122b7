/**
 * Runs the BUILT package (dist/) inside n8n's real execution engine: n8n-core's
 * PackageDirectoryLoader loads it like n8n does, WorkflowExecute runs a one-node workflow, and a
 * small credentials helper plays the part of n8n's (decrypt, preAuthentication, authenticate).
 */
import { resolve } from 'node:path';

import { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

export const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-capillary';

type LoadedTypes = {
	nodeTypes: Record<string, { type: INodeType }>;
	credentialTypes: Record<string, { type: ICredentialType }>;
};

let loaded: Promise<LoadedTypes> | undefined;

export async function loadPackage(): Promise<LoadedTypes> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		return {
			nodeTypes: loader.nodeTypes as LoadedTypes['nodeTypes'],
			credentialTypes: loader.credentialTypes as LoadedTypes['credentialTypes'],
		};
	})();
	return await loaded;
}

/** n8n's node-type lookup over the package's node types (full names with or without the package prefix). */
export function nodeTypeProvider(nodeTypes: LoadedTypes['nodeTypes']) {
	const typeOf = (name: string) => nodeTypes[name.replace(`${PACKAGE_NAME}.`, '')].type;
	return {
		getByName: typeOf,
		getByNameAndVersion: (name: string, version?: number) => NodeHelpers.getVersionedNodeType(typeOf(name), version),
		getKnownTypes: () => ({}),
	};
}

/** The package's action nodes (those with a Resource dropdown), by type name without the package prefix. */
export async function actionNodeTypes(): Promise<Array<{ name: string; type: INodeType }>> {
	const { nodeTypes } = await loadPackage();
	return Object.entries(nodeTypes)
		.filter(([, { type }]) => type.description.properties.some((p) => p.name === 'resource'))
		.map(([name, { type }]) => ({ name, type }));
}

/** The action node that owns a resource (e.g. `customer` → `capillaryCustomers`): the one node type a case of that resource runs on. */
export async function nodeTypeForResource(resource: string): Promise<string> {
	for (const { name, type } of await actionNodeTypes()) {
		const field = type.description.properties.find((p) => p.name === 'resource');
		if (field?.options?.some((o) => 'value' in o && o.value === resource)) return name;
	}
	throw new Error(`No Capillary action node has the resource "${resource}"`);
}

/**
 * Stands in for n8n's CredentialsHelper: stored (decrypted) credential data per type, the
 * expirable-token logic of preAuthentication, and authenticate().
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** What n8n would have saved after preAuthentication (the stored token). */
	readonly saved: Record<string, ICredentialDataDecryptedObject> = {};

	preAuthenticationCalls = 0;

	constructor(
		private readonly types: LoadedTypes['credentialTypes'],
		readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		return { ...(this.data[type] ?? {}), ...(this.saved[type] ?? {}) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName].type;
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, requestOptions);
		return requestOptions;
	}

	/** n8n's rule: ask the credential for a token when the expirable field is empty or the call got a 401. */
	async preAuthentication(
		helpers: { helpers: unknown },
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName].type;
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || !type.preAuthentication) return undefined;
		if (credentials[expirable.name] === '' || credentials[expirable.name] === undefined || credentialsExpired) {
			this.preAuthenticationCalls++;
			const output = await type.preAuthentication.call(helpers as never, credentials);
			if (output[expirable.name] === undefined) return undefined;
			this.saved[typeName] = { ...(this.saved[typeName] ?? {}), ...(output as ICredentialDataDecryptedObject) };
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	getCredentialsProperties(type: string) {
		return this.types[type].type.properties;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}

export interface RunOptions {
	/** Node parameters (resource, operation, fields…). */
	parameters: INodeParameters;
	/** Input items (json only); one empty item when omitted. */
	items?: IDataObject[];
	/** Full input items, e.g. with binary data; wins over `items`. */
	inputItems?: INodeExecutionData[];
	/** Credential data per credential type name. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	nodeType?: string;
	/** Reuse a helper (to keep a saved token across runs). */
	credentialsHelper?: TestCredentialsHelper;
	/** Other node types by full type name (e.g. n8n-nodes-base.httpRequest for the benchmark). */
	extraNodeTypes?: Record<string, INodeType>;
	/** typeVersion of the node (default 1). */
	typeVersion?: number;
}

export interface RunResult {
	status: IRun['status'];
	/** Output items of the node (json + error + pairedItem). */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** The error that stopped the node, when it stopped. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
}

const NODE_NAME = 'Capillary';

export async function runNode(options: RunOptions): Promise<RunResult> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	// Without a node type, the action node that owns the parameters' resource runs the case.
	const typeName = options.nodeType ?? (await nodeTypeForResource(String(options.parameters.resource ?? 'customer')));
	const typeOf = (name: string) => options.extraNodeTypes?.[name] ?? nodeTypes[name.replace(`${PACKAGE_NAME}.`, '')].type;
	const nodeTypesProvider = {
		getByName: (name: string) => typeOf(name),
		getByNameAndVersion: (name: string, version?: number) => NodeHelpers.getVersionedNodeType(typeOf(name), version),
		getKnownTypes: () => ({}),
	};
	const credentialRefs = Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: `cred-${type}`, name: type }]));
	const node: INode = {
		id: 'node-1',
		name: NODE_NAME,
		type: typeName.includes('.') ? typeName : `${PACKAGE_NAME}.${typeName}`,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: credentialRefs,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({ id: 'wf-test', nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesProvider as never });
	const credentialsHelper = options.credentialsHelper ?? new TestCredentialsHelper(credentialTypes, options.credentials);
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', { id: 'wf-test', nodes: [node], connections: {} } as never);
	let finished!: (run: IRun) => void;
	const done = new Promise<IRun>((r) => (finished = r));
	hooks.addHandler('workflowExecuteAfter', (run: IRun) => finished(run));
	const additionalData = new Proxy({ hooks, credentialsHelper, executionId: 'exec-test' } as Record<string, unknown>, {
		get: (target, property) => (property in target ? target[property as string] : undefined),
	}) as unknown as IWorkflowExecuteAdditionalData;
	const items = options.inputItems ?? (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
		},
	} as unknown as IRunExecutionData;
	try {
		await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose node has issues (e.g. an empty required literal).
		const e = error as Error;
		return { status: 'error', items: [], json: [], error: e as RunResult['error'], run: undefined as unknown as IRun, credentialsHelper };
	}
	const run = await done;
	const output = run.data.resultData.runData[NODE_NAME]?.[0];
	const outItems = output?.data?.main?.[0] ?? [];
	return {
		status: run.status,
		items: outItems,
		json: outItems.map((i) => i.json),
		error: (output?.error ?? run.data.resultData.error) as RunResult["error"],
		run,
		credentialsHelper,
	};
}
