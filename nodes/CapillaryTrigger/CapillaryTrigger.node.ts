import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { authenticationField, credentialDescriptions, requestOptionsWithout } from '../Capillary/shared/transport';
import { Intake, isCursorState, migrate, SEEN_LIMIT, startAt, type CursorState, type LogEvent } from './cursor';
import { checkReadable, pageLimit, PollContext, Reader, type LogSource } from './source';
import { LOG_SOURCES, sourceFields } from './sources';

const DEFAULT_LATE_MINUTES = 10;
const DEFAULT_LATE_IDS = 50;
export const DEFAULT_MAX_EVENTS = 10_000;
const DAY = 86_400_000;

/**
 * Starts a workflow when something happens in Capillary, by polling its logs. Each event is
 * emitted once: see cursor.ts for how, and docs/triggers.md for exactly what holds.
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
				description: 'What starts the workflow; each event is emitted once',
			},
			...sourceFields(),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				description: 'Backfill, late events, poll size and time zone',
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
						displayName: 'Max Events per Poll',
						name: 'maxEvents',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100000 },
						default: DEFAULT_MAX_EVENTS,
						description: 'At most this many events per poll, oldest first; a bigger backlog is emitted over the next polls, none lost',
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
			// A poll sends one request at a time and caps its own pages; only the retry and timeout settings apply.
			requestOptionsWithout('maxConcurrency', 'maxPages'),
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
		const maxEvents = Math.min(100_000, Math.max(1, Math.floor(Number(options.maxEvents ?? DEFAULT_MAX_EVENTS)) || DEFAULT_MAX_EVENTS));

		const staticData = this.getWorkflowStaticData('node');
		const memo = { ...((staticData.memo as IDataObject | undefined) ?? {}) };
		const probe = new PollContext(this, timeZone, memo);
		// Timestamps without an offset are read in the time zone: another zone moves every position, so it starts over.
		const identity = [source.value, ...source.identity(probe)];
		const key = JSON.stringify([...identity, ...(source.kind === 'time' ? [timeZone] : [])]);

		if (this.getMode() === 'manual') {
			const recent = await source.recent(probe, 1);
			checkReadable(probe);
			return recent.length ? [outputItems(source, recent)] : null;
		}

		let state: CursorState | undefined = isCursorState(staticData.cursor, key) ? staticData.cursor : migrate(staticData.cursor, key, overlap, JSON.stringify(identity));
		const context = new PollContext(this, timeZone, memo, { ...(state?.resume ?? {}) });
		let seeding = false;
		if (!state && options.emitSince && source.kind === 'time') {
			const since = context.epoch(options.emitSince);
			if (since === undefined) throw new NodeOperationError(this.getNode(), `Option "Emit Events Since" is not a date: ${String(options.emitSince)}`);
			state = startAt(key, since);
		} else if (!state) {
			// First activation: remember what exists from just behind the newest event or the server's
			// clock, whichever is earlier (n8n's clock only when the server sends no Date header); emit nothing.
			seeding = true;
			const newest = source.head ? await source.head(context) : ((await source.recent(context, 1))[0]?.position ?? null);
			if (source.kind === 'id') state = startAt(key, Math.max(0, (newest ?? 0) - overlap));
			else {
				const present = context.serverDate ?? Date.now();
				// An empty log has nothing to skip: start a day back, so a server clock behind n8n's loses nothing.
				state = startAt(key, newest === null ? present - Math.max(overlap, DAY) : Math.min(present, newest ?? present) - overlap);
			}
		}

		const intake = new Intake(state, { overlap, maxEvents, seed: seeding });
		// The seed reads the whole late window however full it is (only the newest are remembered).
		const requestCap = (pageSize: number) => pageLimit(maxEvents, SEEN_LIMIT, pageSize) * (seeding ? 5 : 1);
		await source.read(context, new Reader(context, intake, requestCap, source.ordered));
		checkReadable(context);
		// Time positions: the cursor never passes the server's present (its Date header).
		const present = source.kind === 'time' ? (context.serverDate ?? Date.now()) : undefined;
		const { deliver, next } = intake.finish(present);
		for (const settle of context.settle) settle(next.floor);
		if (Object.keys(context.resume).length) next.resume = context.resume;

		// Only a poll whose reading succeeded (to the end, or to Max Events per Poll) moves the cursor.
		staticData.cursor = next;
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
