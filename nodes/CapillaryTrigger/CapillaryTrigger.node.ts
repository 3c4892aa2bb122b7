import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { authenticationField, credentialDescriptions, throughputSettings } from '../Capillary/shared/transport';
import { advance, isCursorState, planPoll, seed, startAt, type CursorState, type LogEvent } from './cursor';
import { PollContext, type LogSource } from './source';
import { LOG_SOURCES, sourceFields } from './sources';

const DEFAULT_LATE_MINUTES = 10;
const DEFAULT_LATE_IDS = 50;

/**
 * Starts a workflow when something happens in Capillary, by polling its logs. Each event is
 * emitted once: see cursor.ts for how, and the README for what "exactly once" means here.
 */
export class CapillaryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary Trigger',
		name: 'capillaryTrigger',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow when Capillary logs an event: behavioural events, rejected transactions, requests, customer or group activity',
		defaults: { name: 'Capillary Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialDescriptions,
		properties: [
			authenticationField,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: LOG_SOURCES.map((s) => ({ name: s.name, value: s.value, description: s.description })),
				default: 'rejectedTransaction',
			},
			...sourceFields(),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Events Since',
						name: 'emitSince',
						type: 'dateTime',
						default: '',
						description: 'On the first poll after activation, emit the events from this moment on (backfill) instead of only new ones. For logs positioned by ID it is ignored.',
					},
					{
						displayName: 'Late Event Window',
						name: 'lateWindow',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_LATE_MINUTES,
						description: 'How far behind the newest event a late one may appear and still be emitted: minutes for time-ordered logs, IDs for ID-ordered logs (default 50 IDs)',
					},
					{
						displayName: 'Org Time Zone',
						name: 'timeZone',
						type: 'string',
						default: '',
						placeholder: 'Asia/Kolkata',
						description: "Time zone of your Capillary org, used for timestamps without an offset and for date filters. The workflow's time zone when empty.",
					},
				],
			},
			{
				...throughputSettings,
				// A poll sends one request at a time; only the retry settings apply.
				options: (throughputSettings.options ?? []).filter((o) => o.name !== 'maxConcurrency'),
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const eventType = this.getNodeParameter('event') as string;
		const source = LOG_SOURCES.find((s) => s.value === eventType);
		if (!source) throw new NodeOperationError(this.getNode(), `Unknown event "${eventType}"`);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const timeZone = String(options.timeZone || this.getTimezone() || 'UTC');
		const lateWindow = Number(options.lateWindow ?? (source.kind === 'id' ? DEFAULT_LATE_IDS : DEFAULT_LATE_MINUTES));
		const overlap = source.kind === 'time' ? Math.max(0, lateWindow) * 60_000 : Math.max(0, Math.floor(lateWindow));

		const staticData = this.getWorkflowStaticData('node');
		const memo = { ...((staticData.memo as IDataObject | undefined) ?? {}) };
		const context = new PollContext(this, timeZone, memo);
		const key = JSON.stringify([source.value, ...source.identity(context)]);

		if (this.getMode() === 'manual') {
			const recent = await source.recent(context, 1);
			return recent.length ? [outputItems(source, recent)] : null;
		}

		let state: CursorState;
		let deliver: LogEvent[] = [];
		if (isCursorState(staticData.cursor, key)) {
			const events = await source.read(context, planPoll(staticData.cursor, overlap).from);
			({ deliver, next: state } = advance(staticData.cursor, events, overlap));
		} else if (options.emitSince && source.kind === 'time') {
			const since = context.epoch(options.emitSince);
			if (since === undefined) throw new NodeOperationError(this.getNode(), `Option "Emit Events Since" is not a date: ${String(options.emitSince)}`);
			const first = startAt(key, since, overlap);
			const events = await source.read(context, planPoll(first, overlap).from);
			({ deliver, next: state } = advance(first, events, overlap));
		} else {
			// First activation: remember what exists, emit nothing.
			const head = source.kind === 'time' ? Date.now() : Math.max(0, ...(await source.recent(context, 1)).map((e) => e.position));
			state = seed(key, await source.read(context, head - overlap), head, overlap);
		}

		// Only a poll that read everything successfully moves the cursor.
		staticData.cursor = state;
		staticData.memo = memo;
		return deliver.length ? [outputItems(source, deliver)] : null;
	}
}

function outputItems(source: LogSource, events: LogEvent[]): INodeExecutionData[] {
	return events.map((event) => ({
		json: {
			eventType: source.value,
			eventId: event.id,
			eventPosition: event.position,
			...(source.kind === 'time' ? { eventTime: new Date(event.position).toISOString() } : {}),
			...event.json,
		},
	}));
}
