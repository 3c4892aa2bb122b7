import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Holds a write run's items until every item's input has been checked, so that without Continue
 * On Fail one item with bad input stops the run before anything is written — instead of the other
 * items going out and a re-run after the fix writing them twice.
 *
 * The executor calls `pass` once its item is validated and its request built (lookups done), right
 * before the first send; the runner reports items that ended before getting there (`ended`).
 */
export class SendGate {
	private remaining: number;
	private readonly passed = new Set<number>();
	private readonly opened: Promise<void>;
	private open!: () => void;
	private close!: (error: Error) => void;
	/** What the items held back get when the gate closes (not an error of theirs); set once closed. */
	heldBack?: NodeOperationError;

	constructor(
		private readonly node: INode,
		items: number,
	) {
		this.remaining = items;
		this.opened = new Promise<void>((resolve, reject) => {
			this.open = resolve;
			this.close = reject;
		});
		this.opened.catch(() => undefined);
	}

	async pass(itemIndex: number): Promise<void> {
		this.arrive(itemIndex);
		await this.opened;
	}

	/** An item that ended without passing: a failure closes the gate, anything else counts as passed. */
	ended(itemIndex: number, failed: boolean): void {
		if (this.passed.has(itemIndex)) return;
		if (!failed) return this.arrive(itemIndex);
		if (this.heldBack !== undefined) return;
		this.heldBack = new NodeOperationError(this.node, `Not sent: item ${itemIndex} of this run failed before anything was sent`, {
			description: 'Without Continue On Fail, nothing of a write run is sent until every item has been checked.',
		});
		this.close(this.heldBack);
	}

	private arrive(itemIndex: number): void {
		if (this.passed.has(itemIndex)) return;
		this.passed.add(itemIndex);
		if (--this.remaining === 0) this.open();
	}
}

const GATE = Symbol('capillarySendGate');

export function withSendGate<T extends object>(context: T, gate: SendGate | undefined): T {
	if (gate) Object.defineProperty(context, GATE, { value: gate });
	return context;
}

/** The gate of the run an item belongs to (contexts derived from the item's inherit it). */
export function sendGateOf(context: object): SendGate | undefined {
	return (context as Record<symbol, SendGate | undefined>)[GATE];
}
