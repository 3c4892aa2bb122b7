import type { IDataObject, IHttpRequestMethods, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { baseUrlOf, hostOf } from '../../credentials/CapillaryAuth';
import { unwrap } from '../Capillary/shared/envelopes';
import { findProblem, problemToError } from '../Capillary/shared/errors';
import { familyOf } from '../Capillary/shared/operation';
import { credentialTypeOf, sendRequest } from '../Capillary/shared/transport';
import type { LogEvent } from './cursor';
import { formatFor, toEpoch, type DateFormat } from './time';

/**
 * One pollable Capillary log: its filters, how to read it from a position on, and how to read its
 * newest entries. Positions are epoch milliseconds (`time`) or growing IDs (`id`).
 */
export interface LogSource {
	value: string;
	name: string;
	description: string;
	kind: 'time' | 'id';
	fields: INodeProperties[];
	/** Every event at or after `from` (the source pages as needed), in any order. */
	read(context: PollContext, from: number): Promise<LogEvent[]>;
	/** The newest `count` events. */
	recent(context: PollContext, count: number): Promise<LogEvent[]>;
	/** Parameters that identify what is watched; a change restarts the cursor. */
	identity(context: PollContext): unknown[];
}

/** What a source needs while polling. */
export class PollContext {
	/** Results of one-off lookups (e.g. identifier → customer ID), kept in static data. */
	constructor(
		readonly n8n: IPollFunctions,
		readonly timeZone: string,
		readonly memo: IDataObject,
	) {}

	param<T = string>(name: string, fallback?: T): T {
		return this.n8n.getNodeParameter(name, fallback as never) as T;
	}

	date(epoch: number, format: DateFormat): string {
		return formatFor(epoch, format, this.timeZone);
	}

	epoch(value: unknown): number | undefined {
		return toEpoch(value, this.timeZone);
	}

	/** GET (by default) a Capillary endpoint and return its entities, with the action node's error mapping. */
	async get(path: string, qs: IDataObject, options: { items?: string; method?: IHttpRequestMethods } = {}): Promise<{ entities: IDataObject[]; total?: number }> {
		const credentials = await this.n8n.getCredentials(credentialTypeOf(this.n8n));
		const baseURL = baseUrlOf(credentials);
		const family = familyOf(path);
		const query: IDataObject = {};
		for (const [key, value] of Object.entries(qs)) if (value !== undefined && value !== null && value !== '') query[key] = value;
		if (family === 'v1.1') query.format = 'json';
		const response = await sendRequest(
			this.n8n,
			{ method: options.method ?? 'GET', baseURL, url: path, qs: query, headers: { Accept: 'application/json' } },
			{ idempotent: true },
		);
		const problem = findProblem(family, response.statusCode, response.body);
		if (problem) throw problemToError(this.n8n.getNode(), problem, { host: hostOf(baseURL), body: response.body, attempts: response.attempts });
		return unwrap(family, response.body, { items: options.items });
	}
}

/** An event built from a Capillary entity: id and position taken from the given fields. */
export function toEvent(
	context: PollContext,
	entity: IDataObject,
	id: string | undefined,
	position: number | undefined,
): LogEvent | undefined {
	if (id === undefined || id === '' || position === undefined || !Number.isFinite(position)) return undefined;
	return { id, position, json: entity };
}

export function isEvent(e: LogEvent | undefined): e is LogEvent {
	return e !== undefined;
}
