/**
 * Runs the BUILT trigger's poll() with n8n-core's PollContext, the way n8n's scheduler does, and
 * carries its static data between polls through JSON (as n8n stores it) — a restart is simply
 * the next poll with the stored JSON.
 */
import { PollContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters, IWorkflowExecuteAdditionalData, WorkflowActivateMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { loadPackage, nodeTypeProvider, PACKAGE_NAME, TestCredentialsHelper } from './engine';

export interface PollRun {
	/** Emitted items (json), or null when poll() returned null. */
	items: IDataObject[] | null;
	error?: Error & { description?: string };
	/** Static data after the poll, as n8n would persist it (JSON). */
	staticData: string;
}

export interface Poller {
	poll(mode?: 'trigger' | 'manual'): Promise<PollRun>;
	/** Static data as stored between polls (JSON). */
	stored: string;
	helper: TestCredentialsHelper;
}

export async function createPoller(options: {
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	staticData?: string;
}): Promise<Poller> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const provider = nodeTypeProvider(nodeTypes);
	const helper = new TestCredentialsHelper(credentialTypes, options.credentials);
	const node: INode = {
		id: 'trigger-1',
		name: 'Capillary Trigger',
		type: `${PACKAGE_NAME}.capillaryTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(Object.keys(options.credentials).map((t) => [t, { id: `cred-${t}`, name: t }])),
	};
	const poller: Poller = {
		stored: options.staticData ?? '{}',
		helper,
		async poll(mode = 'trigger') {
			const workflow = new Workflow({
				id: 'wf-poll',
				nodes: [node],
				connections: {},
				active: mode === 'trigger',
				nodeTypes: provider as never,
				staticData: JSON.parse(poller.stored) as IDataObject,
				settings: { timezone: 'Asia/Kolkata' },
			});
			const additionalData = new Proxy({ credentialsHelper: helper, executionId: 'poll' } as Record<string, unknown>, {
				get: (target, property) => (property in target ? target[property as string] : undefined),
			}) as unknown as IWorkflowExecuteAdditionalData;
			const context = new PollContext(workflow, node, additionalData, mode, 'trigger' as WorkflowActivateMode);
			const type = nodeTypes.capillaryTrigger.type;
			try {
				const result = await type.poll!.call(context);
				const staticData = JSON.stringify(workflow.staticData);
				if (mode === 'trigger') poller.stored = staticData;
				return { items: result ? result[0].map((i) => i.json) : null, staticData };
			} catch (error) {
				return { items: null, error: error as PollRun['error'], staticData: JSON.stringify(workflow.staticData) };
			}
		},
	};
	return poller;
}
