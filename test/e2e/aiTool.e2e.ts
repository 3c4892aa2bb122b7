/**
 * The AI-tool variant n8n generates for `usableAsTool` nodes, in real n8n (2.41.1 and 1.123.81),
 * called the way the AI Agent calls a tool but without a model: the workflow connects the tool
 * node to an AI Agent, and a manual run with `destinationNode` = the tool node and an
 * `agentRequest` is what the editor sends for "Execute step" on a tool. n8n then replaces the
 * agent by its hidden Tool Executor node (n8n-core rewireGraph), which builds the tool from the
 * node's `$fromAI()` parameters (createNodeAsTool) and invokes it with the values supplied.
 * Assertions: the request the simulator received carries those values, and the tool's output
 * holds the customer.
 *
 * Hard-coded on purpose (a stable operation while resources are renamed): node type
 * capillaryCustomers, resource 'customer', operation 'get' with parameters customerId and source.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { OWNER } from '../../scripts/lib/n8n';
import { startStack, TILL_CREDENTIAL, type Stack } from '../../scripts/lib/stack';

const VERSIONS = (process.env.E2E_N8N_VERSIONS ?? '2.41.1,1.123.81').split(',').map((v) => v.trim());
const WORKFLOW = 'capE2eAiTool0001';
const TOOL_NODE = 'GetCustomer';
const TOOL_TYPE = 'n8n-nodes-capillary.capillaryCustomersTool';

function toolWorkflowFile(): string {
	const workflow = {
		id: WORKFLOW,
		name: 'E2E: Capillary Customers as an AI tool',
		active: false,
		nodes: [
			{ parameters: {}, id: 'tool-manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			// Never executed: n8n swaps it for its Tool Executor. It is what makes the tool runnable
			// on its own (rewireGraph needs the tool's parent agent), as in the editor.
			{ parameters: { promptType: 'define', text: 'Look the customer up', options: {} }, id: 'tool-agent', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 2, position: [220, 0] },
			{
				parameters: {
					resource: 'customer',
					operation: 'get',
					customerId: "={{ $fromAI('customerId', 'The Capillary customer ID', 'string') }}",
					source: "={{ $fromAI('source', 'The source the customer belongs to, e.g. INSTORE', 'string') }}",
				},
				id: 'tool-capillary',
				name: TOOL_NODE,
				type: TOOL_TYPE,
				typeVersion: 1,
				position: [220, 220],
				credentials: { capillaryApi: TILL_CREDENTIAL },
			},
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			[TOOL_NODE]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	const file = join(mkdtempSync(join(tmpdir(), 'capillary-e2e-tool-')), 'tool.json');
	writeFileSync(file, JSON.stringify(workflow));
	return file;
}

interface ToolRun {
	status: string;
	error?: string;
	/** Tool Executor's main output: what the tool returned to the caller. */
	executorOutput: unknown[];
	/** The tool node's own run data (ai_tool connection): its input (the $fromAI values) and output. */
	toolRuns: Array<{ inputOverride?: unknown; data?: unknown; error?: unknown }>;
	raw: unknown;
}

describe.each(VERSIONS)('real n8n %s: Capillary Customers as an AI tool', (version) => {
	let stack: Stack;
	const major = Number(version.split('.')[0]);

	beforeAll(async () => {
		stack = await startStack({ version, extraWorkflows: [toolWorkflowFile()], log: (line) => process.stdout.write(`[n8n ${version}] ${line}\n`) });
	}, 45 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	/** What the editor sends for "Execute step" on a tool node, with the tool's $fromAI values filled. */
	async function runTool(values: Record<string, string>): Promise<ToolRun> {
		const workflowData = await stack.n8n.rest<Record<string, unknown>>('GET', `/workflows/${WORKFLOW}`);
		// The Tool Executor reads the values per tool name from 2.x on (query[toolName]); 1.x passes
		// the whole query to the tool.
		const query = major >= 2 ? { [TOOL_NODE]: values } : values;
		const started = await stack.n8n.rest<{ executionId: string }>('POST', `/workflows/${WORKFLOW}/run`, {
			workflowData,
			destinationNode: { nodeName: TOOL_NODE, mode: 'inclusive' },
			agentRequest: { query, tool: { name: TOOL_NODE } },
		});
		for (const deadline = Date.now() + 120_000; ; ) {
			const result = await stack.n8n.execution(started.executionId).catch(() => undefined);
			if (result && !['running', 'new', 'waiting'].includes(result.status)) {
				const runData = (result.raw as { resultData?: { runData?: Record<string, Array<Record<string, unknown>>> } }).resultData?.runData ?? {};
				const executorKey = Object.keys(runData).find((name) => name !== TOOL_NODE && name !== 'Start');
				const executorRun = executorKey ? runData[executorKey]?.[0] : undefined;
				const executorOutput = ((executorRun?.data as { main?: Array<Array<{ json: unknown }>> } | undefined)?.main?.[0] ?? []).map((item) => item.json);
								return { status: result.status, error: result.error, executorOutput, toolRuns: (runData[TOOL_NODE] ?? []) as ToolRun['toolRuns'], raw: result.raw };
			}
			if (Date.now() > deadline) throw new Error(`execution ${started.executionId} did not finish`);
			await new Promise((r) => setTimeout(r, 300));
		}
	}

	it(`registers the tool variant ${TOOL_TYPE} with an ai_tool output and the node's resources`, async () => {
		// The node types the editor loads (served to a signed-in browser only on some versions).
		const login = await fetch(`${stack.n8n.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }),
		});
		expect(login.ok).toBe(true);
		const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
		const response = await fetch(`${stack.n8n.url}/types/nodes.json`, { headers: { cookie } });
		expect(response.ok).toBe(true);
		const types = (await response.json()) as Array<{ name: string; outputs: unknown; properties: Array<{ name: string; options?: Array<{ value: string }> }> }>;
		const tool = types.find((t) => t.name === TOOL_TYPE);
		expect(tool).toBeDefined();
		expect(JSON.stringify(tool!.outputs)).toContain('ai_tool');
		expect(tool!.properties.find((p) => p.name === 'resource')?.options?.map((o) => o.value)).toContain('customer');
	});

	it('runs Customers → Get with the values supplied for $fromAI and returns the customer', async () => {
		const customer = stack.sim.state.addCustomer({ profile: { firstName: 'Toolie', lastName: `Agent${major}`, identifiers: [{ type: 'mobile', value: `91777000${major}${major}${major}1` }] } });
		stack.sim.clearRequests();
		// source differs from the field's default (INSTORE), so the query shows the $fromAI value was used.
		const run = await runTool({ customerId: String(customer.id), source: 'ALL' });
		expect({ status: run.status, error: run.error }).toEqual({ status: 'success', error: undefined });

		// The request that reached Capillary carries the $fromAI values, nothing else was called.
		const calls = stack.sim.apiRequests();
		expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v2/customers/${customer.id}`]);
		expect(calls[0].query).toMatchObject({ source: 'ALL' });

		// What the tool returned to its caller (the agent's side): the customer, as JSON text.
		expect(run.executorOutput).toHaveLength(1);
		const returned = JSON.parse(run.executorOutput[0] as string) as unknown;
		expect(returned).toEqual([expect.objectContaining({ id: customer.id, firstName: 'Toolie', lastName: `Agent${major}` })]);

		// The tool node's own run: called with exactly the supplied values, output the customer.
		expect(run.toolRuns.length).toBeGreaterThanOrEqual(1);
		expect(run.toolRuns[0].inputOverride).toEqual({ ai_tool: [[{ json: { customerId: String(customer.id), source: 'ALL' } }]] });
		const toolOutput = (run.toolRuns[0].data as { ai_tool?: Array<Array<{ json: { response?: Array<Record<string, unknown>> } }>> }).ai_tool?.[0]?.[0]?.json.response;
		expect(toolOutput).toEqual([expect.objectContaining({ id: customer.id, firstName: 'Toolie', lastName: `Agent${major}` })]);
	});

	it("a Capillary error reaches the tool's caller naming Capillary's code, the request sent once", async () => {
		stack.sim.clearRequests();
		const run = await runTool({ customerId: '99999999', source: 'INSTORE' });
		expect(stack.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/customers/99999999']);
		// The Tool Executor turns a failed tool call into a failed execution.
		expect(run.status).toBe('error');
		expect(run.error).toMatch(/^Error executing tool: Capillary error 8015: No customer found/);
	});
});
