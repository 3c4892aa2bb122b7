/**
 * Workflows for the queue-mode tests and benchmark, written as files for `n8n import:workflow`:
 * N items made by a Set node's expression and Split Out (no Code node: no task runner needed),
 * then one Capillary Customers node (or the HTTP Request node as the reference); and the two
 * triggers, each into a No-Op node.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { OAUTH_CREDENTIAL, TILL_CREDENTIAL } from '../../scripts/lib/stack';

export const START = 'Start';
const PACKAGE = 'n8n-nodes-capillary';

export interface Row {
	customerId: number;
	mobile: string;
}

/** `count` rows alternating over the given customers. */
export function rows(customers: Row[], count: number): Row[] {
	return Array.from({ length: count }, (_, i) => customers[i % customers.length]);
}

function itemsWorkflow(id: string, name: string, items: Row[], last: Record<string, unknown>): Record<string, unknown> {
	return {
		id,
		name,
		active: false,
		nodes: [
			{ parameters: {}, id: `${id}-start`, name: START, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			{
				parameters: { assignments: { assignments: [{ id: 'rows', name: 'rows', value: `={{ ${JSON.stringify(items)} }}`, type: 'array' }] }, options: {} },
				id: `${id}-rows`,
				name: 'Rows',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
			},
			{ parameters: { fieldToSplitOut: 'rows', options: {} }, id: `${id}-split`, name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0] },
			{ id: `${id}-last`, name: 'Lookup', position: [600, 0], ...last },
		],
		connections: {
			[START]: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Lookup', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Customer → Get for every item, with the till (Basic) or the OAuth credential. */
export function customerGet(id: string, items: Row[], auth: 'basicAuth' | 'oAuth'): Record<string, unknown> {
	return itemsWorkflow(id, `Queue: ${items.length} × Customer → Get (${auth})`, items, {
		type: `${PACKAGE}.capillaryCustomers`,
		typeVersion: 1,
		parameters: { authentication: auth, resource: 'customer', operation: 'get', customerId: '={{ $json.customerId }}', source: 'INSTORE' },
		credentials: auth === 'oAuth' ? { capillaryOAuthApi: OAUTH_CREDENTIAL } : { capillaryApi: TILL_CREDENTIAL },
	});
}

/** Capillary Bulk → Get Customers by Identifier for every item. */
export function bulkGet(id: string, items: Row[]): Record<string, unknown> {
	return itemsWorkflow(id, `Queue: ${items.length} × Capillary Bulk → Get Customers`, items, {
		type: `${PACKAGE}.capillaryBulk`,
		typeVersion: 1,
		parameters: { authentication: 'basicAuth', operation: 'getCustomersV11', identifierType: 'mobile', entityValue: '={{ $json.mobile }}' },
		credentials: { capillaryApi: TILL_CREDENTIAL },
	});
}

/** The HTTP Request node doing the same calls as customerGet with the till credential: the reference. */
export function httpRequestGet(id: string, items: Row[], simUrl: string): Record<string, unknown> {
	return itemsWorkflow(id, `Queue: ${items.length} × HTTP Request (reference)`, items, {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'GET',
			url: `=${simUrl}/v2/customers/{{ $json.customerId }}?source=INSTORE`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'capillaryApi',
			options: {},
		},
		credentials: { capillaryApi: TILL_CREDENTIAL },
	});
}

/** The polling trigger, every minute, into a No-Op node. */
export function pollingTrigger(id: string): Record<string, unknown> {
	return {
		id,
		name: 'Queue: rejected transactions trigger',
		active: false,
		nodes: [
			{
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'rejectedTransaction', options: { timeZone: 'Asia/Kolkata' } },
				id: `${id}-trigger`,
				name: 'Capillary Trigger',
				type: `${PACKAGE}.capillaryTrigger`,
				typeVersion: 1,
				position: [0, 0],
				credentials: { capillaryApi: TILL_CREDENTIAL },
			},
			{ parameters: {}, id: `${id}-noop`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0] },
		],
		connections: { 'Capillary Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The Capillary Event Trigger on transactionAdded (webhook path `<webhookId>/webhook`), into a No-Op node. */
export function eventTrigger(id: string, webhookId: string): Record<string, unknown> {
	return {
		id,
		name: 'Queue: transaction added (event notifications)',
		active: false,
		nodes: [
			{
				parameters: { events: ['transactionAdded'], options: {} },
				id: `${id}-trigger`,
				name: 'Capillary Event Trigger',
				type: `${PACKAGE}.capillaryEventTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				credentials: { capillaryApi: TILL_CREDENTIAL },
			},
			{ parameters: {}, id: `${id}-noop`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0] },
		],
		connections: { 'Capillary Event Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Writes workflows to files in a new temporary folder; returns their paths. */
export function workflowFiles(workflows: Array<Record<string, unknown>>): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'capillary-queue-'));
	return workflows.map((workflow) => {
		const file = join(dir, `${String(workflow.id)}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		return file;
	});
}

/** Removes the folders workflowFiles wrote. */
export function removeWorkflowFiles(files: string[]): void {
	for (const dir of new Set(files.map((file) => dirname(file)))) rmSync(dir, { recursive: true, force: true });
}
