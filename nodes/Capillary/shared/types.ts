import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

/** Which of Capillary's API families an endpoint belongs to; decides envelopes and errors. */
export type ApiFamily = 'v1.1' | 'v2' | 'v3' | 'gateway';

/**
 * How a list endpoint pages (docs/paging.md lists every list operation with the docs sentence it follows).
 * - offset: `limit` + `offset` counted in entities (v2 search, customer transactions …)
 * - page:   `limit` + a page number (the points ledger calls it `offset` but means page)
 * - window: logs without offset, paged by position (time or ID) windows (see below)
 * - none:   one request returns everything; Limit is applied client-side
 */
export type PaginationSpec =
	| {
			style: 'offset';
			limitParam?: string;
			offsetParam?: string;
			/** Largest page Capillary accepts. */
			maxPageSize: number;
			/** Where the entities sit in the unwrapped response (dot path). */
			items?: string;
			/** Dot path (in the raw response) of the total number of entities, when not `pagination.total`. */
			totalPath?: string;
			/**
			 * The docs also call `offset` a page number: when a later page comes back empty although the
			 * reported total says more remain, the offset is read as a page index from then on.
			 */
			offsetMayBePage?: boolean;
	  }
	| {
			style: 'page';
			limitParam?: string;
			pageParam: string;
			firstPage: 0 | 1;
			maxPageSize: number;
			items?: string;
			totalPath?: string;
	  }
	| { style: 'none'; items?: string }
	| {
			/**
			 * Logs with a size but no offset: each next page starts where the previous one ended, by
			 * position (`positionField`): up to the oldest one read (`untilParam`) when the log lists
			 * newest first, from the newest one read (`sinceParam`) when it lists oldest first.
			 * Entities already read (same `idField`) are skipped.
			 */
			style: 'window';
			limitParam: string;
			maxPageSize: number;
			untilParam: string;
			sinceParam: string;
			positionField: string;
			idField: string;
			items?: string;
	  };

export interface OutputSpec {
	/** Dot path (inside the unwrapped payload) to the entity or entity list to emit as items. */
	items?: string;
	/** Name of the field when the payload is a bare value (e.g. `{"entity": 306}` → `{customerId: 306}`). */
	valueName?: string;
	/** Shortened view of one entity, offered by the Simplify toggle. */
	simplify?: (entity: IDataObject) => IDataObject;
	/** Each entity carries its own status (bulk endpoints): failures become per-entity errors. */
	perEntityStatus?: boolean;
	/** The entities' own `errors[]` are their content (e.g. why a transaction was rejected), not a failed call. */
	entityErrorsAreData?: boolean;
}

export interface OperationSpec {
	/** Operation value, unique inside its resource (camelCase). */
	value: string;
	/** Label in the operation list (Title Case). */
	name: string;
	/** Sentence-case action shown in the node panel and to AI agents, e.g. "Get a customer". */
	action: string;
	description?: string;
	method: IHttpRequestMethods;
	/** Path with `{parameterName}` placeholders, URL-encoded at run time, e.g. `/v2/customers/{customerId}`. */
	path: string;
	fields?: INodeProperties[];
	/** v1.1 POST bodies travel as `{"root": {<root>: [<body>]}}`. */
	v11Root?: string;
	output?: OutputSpec;
	pagination?: PaginationSpec;
	/** Safe to re-send after a network error or 5xx (reads, and writes Capillary dedupes). Defaults by method. */
	idempotent?: boolean;
	/** Shown under the operation; where the docs left a question open, say what the node assumes. */
	hint?: string;
	/** Values this operation always sends (what makes it this operation when endpoints are shared). */
	fixed?: { query?: IDataObject; body?: IDataObject };
}

export interface ResourceSpec {
	value: string;
	name: string;
	description?: string;
	/** Value of the operation the dropdown opens on (the modern endpoint); the alphabetically first when absent. */
	default?: string;
	operations: OperationSpec[];
}

export interface RegisteredOperation extends OperationSpec {
	resource: string;
	family: ApiFamily;
}
