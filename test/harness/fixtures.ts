/**
 * Shared test fixtures: a simulator per test file and credentials pointing at it.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { clearTokenCache } from '../../dist/credentials/CapillaryAuth';
import { DEFAULT_CLIENT, DEFAULT_TILL } from '../simulator/auth';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/server';
import { ORG_ID } from '../simulator/state';
import { runNode, type RunResult, type TestCredentialsHelper } from './engine';

export type AuthKind = 'basic' | 'oauth';

export function basicCredentials(sim: Simulator, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		region: 'custom',
		url: sim.url,
		username: DEFAULT_TILL.username,
		password: DEFAULT_TILL.password,
		isMd5Hash: false,
		orgId: String(ORG_ID),
		attributionType: '',
		attributionCode: '',
		...overrides,
	};
}

export function oauthCredentials(sim: Simulator, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		region: 'custom',
		url: sim.url,
		clientId: DEFAULT_CLIENT.key,
		clientSecret: DEFAULT_CLIENT.secret,
		orgId: String(ORG_ID),
		attributionType: '',
		attributionCode: '',
		accessToken: '',
		...overrides,
	};
}

export interface Capillary {
	sim: Simulator;
	/** Runs the Capillary node with these parameters against the simulator. */
	run(parameters: INodeParameters, options?: RunExtras): Promise<RunResult>;
}

export interface RunExtras {
	items?: IDataObject[];
	inputItems?: INodeExecutionData[];
	auth?: AuthKind;
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
	credentialsHelper?: TestCredentialsHelper;
	nodeType?: string;
}

/** Starts a simulator before the tests of a file and stops it after; resets state before each test. */
export function useCapillary(options: SimulatorOptions & { resetEach?: boolean } = {}): Capillary {
	const context = {} as Capillary;
	beforeAll(async () => {
		context.sim = await startSimulator(options);
	});
	beforeEach(() => {
		if (options.resetEach !== false) context.sim.reset(options.seed ?? 'demo');
		clearTokenCache();
	});
	afterAll(async () => {
		await context.sim?.close();
	});
	context.run = async (parameters, extras = {}) => {
		const auth = extras.auth ?? 'basic';
		const credentialType = auth === 'oauth' ? 'capillaryOAuthApi' : 'capillaryApi';
		const data = extras.credentials ?? (auth === 'oauth' ? oauthCredentials(context.sim) : basicCredentials(context.sim));
		return await runNode({
			parameters: { authentication: auth === 'oauth' ? 'oAuth' : 'basicAuth', ...parameters },
			items: extras.items,
			inputItems: extras.inputItems,
			credentials: { [credentialType]: data },
			continueOnFail: extras.continueOnFail,
			credentialsHelper: extras.credentialsHelper,
			nodeType: extras.nodeType,
		});
	};
	return context;
}

/** The last API request the simulator received (token calls excluded). */
export function lastRequest(sim: Simulator) {
	const requests = sim.apiRequests();
	return requests[requests.length - 1];
}

/** An input item carrying a file in binary property `property`. */
export function fileItem(content: string | Buffer, fileName = 'file.csv', mimeType = 'text/csv', property = 'data', json: IDataObject = {}): INodeExecutionData {
	const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
	return { json, binary: { [property]: { data: data.toString('base64'), mimeType, fileName } } };
}
