/**
 * One test case per operation: the parameters a user sets, the request Capillary must receive,
 * and what the node must output. `operations.test.ts` runs every case file in ./cases through
 * n8n's engine against the simulator; `completeness.test.ts` fails when an operation of the built
 * node has no case.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { AuthKind } from '../harness/fixtures';
import type { RecordedRequest, Simulator } from '../simulator/server';

export interface ExpectedRequest {
	method: string;
	/** Exact path, as sent (URL-encoded). */
	path: string;
	/** Query parameters that must be present with these values (others may be too). */
	query?: Record<string, string>;
	/** Matched with toMatchObject: the body must contain this. */
	body?: unknown;
}

export interface OperationCase {
	resource: string;
	operation: string;
	/** Distinguishes several cases of one operation. */
	title?: string;
	auth?: AuthKind;
	parameters: INodeParameters;
	items?: IDataObject[];
	/** Full input items (e.g. with binary data from `fileItem()`); wins over `items`. */
	inputItems?: INodeExecutionData[];
	/** Prepare simulator state; may return the input items (so parameters can use `{{ $json.x }}`). */
	setup?: (sim: Simulator) => void | IDataObject[] | Promise<void | IDataObject[]>;
	/** The API request(s) the simulator must have received, in order (token calls excluded). */
	request: ExpectedRequest | ExpectedRequest[];
	/** Assertions on the output items (json) and the simulator after the run. */
	output: (items: IDataObject[], sim: Simulator, requests: RecordedRequest[]) => void;
}

/** The error case of a resource: an error envelope must become a NodeApiError with Capillary's code. */
export interface ErrorCase {
	resource: string;
	operation: string;
	title: string;
	parameters: INodeParameters;
	setup?: (sim: Simulator) => void | Promise<void>;
	/** Fragments the error message must contain (e.g. the Capillary code). */
	message: RegExp;
	description?: RegExp;
	httpCode?: string;
}

export interface CaseFile {
	cases: OperationCase[];
	errors?: ErrorCase[];
}
