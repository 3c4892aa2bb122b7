/**
 * Evaluates the expressions written in this node's own description (`routing.send.property`,
 * `routing.send.value`, `routing.request.url`, `requestDefaults`) without n8n's expression engine.
 *
 * Why: n8n evaluates every `={{ … }}` by building a workflow data proxy for the item, which costs
 * far more than the request itself. These expressions are fixed text written by this package and
 * only read `$value`, `$parent`, `$index`, `$parameter`, `$credentials` and a few globals, so the
 * operation runner (runner.ts) compiles each one once into a closure. The semantics follow n8n's
 * evaluator (@n8n/tournament as used by n8n-workflow): a template joins its parts, a part that
 * evaluates to undefined/null/'' renders as '', and an error inside an expression gives undefined
 * instead of failing the item. Expressions outside the supported subset are not compiled
 * (`compileExpression` returns undefined) and their operation keeps running through n8n's
 * RoutingNode. Nothing here ever evaluates user input: parameter values are data, never code.
 */

/** What an expression can read. `parameter` gives `$parameter.<name>` for the current item. */
export interface ExpressionScope {
	$value?: unknown;
	$parent?: unknown;
	$index?: number;
	$credentials?: unknown;
	$version?: number;
	parameter: (name: string) => unknown;
	/** Parameter reads under way (see readParameter). */
	pendingReads?: number;
}

export type CompiledExpression = (scope: ExpressionScope) => unknown;

type Env = Record<string, unknown>;

/**
 * `$parameter.x` whose own expression fails must fail the item, as in n8n (its evaluator passes
 * expression errors through). The count stays raised when the read throws, which tells
 * `guarded` that the error came from a parameter and not from the expression itself.
 */
function readParameter(scope: ExpressionScope, name: string): unknown {
	scope.pendingReads = (scope.pendingReads ?? 0) + 1;
	const value = scope.parameter(name);
	scope.pendingReads--;
	return value;
}

type Node = (scope: ExpressionScope, env: Env) => unknown;

class Unsupported extends Error {}

const GLOBALS: Record<string, unknown> = {
	String,
	Number,
	Boolean,
	Array,
	Math,
	Date,
	JSON,
	Object,
	parseInt,
	parseFloat,
	isNaN,
	isFinite,
	encodeURIComponent,
	decodeURIComponent,
	encodeURI,
	decodeURI,
	undefined,
	NaN,
	Infinity,
};
const SCOPE_NAMES = new Set(['$value', '$parent', '$index', '$credentials', '$version']);
const BLOCKED_KEYS = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

type Token =
	| { t: 'num'; v: number }
	| { t: 'str'; v: string }
	| { t: 'regex'; v: RegExp }
	| { t: 'id'; v: string }
	| { t: 'p'; v: string }
	| { t: 'end' };

const PUNCTUATORS = ['===', '!==', '...', '?.', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '(', ')', '[', ']', '{', '}', ',', ':', '?', '.', '!', '+', '-', '*', '/', '%', '<', '>'];

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const operandExpected = () => {
		const last = tokens[tokens.length - 1];
		if (!last) return true;
		if (last.t === 'p') return ![')', ']', '}'].includes(last.v);
		return last.t === 'id' && ['typeof', 'return'].includes(last.v);
	};
	while (i < source.length) {
		const c = source[i];
		if (/\s/.test(c)) {
			i++;
			continue;
		}
		if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
			const m = /^(?:0[xX][0-9a-fA-F]+|\d*\.?\d+(?:[eE][+-]?\d+)?)/.exec(source.slice(i))!;
			tokens.push({ t: 'num', v: Number(m[0]) });
			i += m[0].length;
			continue;
		}
		if (c === '"' || c === "'") {
			let j = i + 1;
			let text = '';
			while (j < source.length && source[j] !== c) {
				if (source[j] === '\\') {
					const e = source[j + 1];
					const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
					if (e === 'u') {
						text += String.fromCharCode(parseInt(source.slice(j + 2, j + 6), 16));
						j += 6;
						continue;
					}
					text += map[e] ?? e;
					j += 2;
					continue;
				}
				text += source[j++];
			}
			if (j >= source.length) throw new Unsupported('unterminated string');
			tokens.push({ t: 'str', v: text });
			i = j + 1;
			continue;
		}
		if (c === '/' && operandExpected()) {
			let j = i + 1;
			let inClass = false;
			while (j < source.length && (inClass || source[j] !== '/')) {
				if (source[j] === '\\') j++;
				else if (source[j] === '[') inClass = true;
				else if (source[j] === ']') inClass = false;
				j++;
			}
			if (j >= source.length) throw new Unsupported('unterminated regex');
			const flags = /^[a-z]*/.exec(source.slice(j + 1))![0];
			tokens.push({ t: 'regex', v: new RegExp(source.slice(i + 1, j), flags) });
			i = j + 1 + flags.length;
			continue;
		}
		if (/[A-Za-z_$]/.test(c)) {
			const m = /^[A-Za-z_$][\w$]*/.exec(source.slice(i))!;
			tokens.push({ t: 'id', v: m[0] });
			i += m[0].length;
			continue;
		}
		const p = PUNCTUATORS.find((q) => source.startsWith(q, i));
		if (!p) throw new Unsupported(`unsupported character ${c}`);
		tokens.push({ t: 'p', v: p });
		i += p.length;
	}
	tokens.push({ t: 'end' });
	return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser: compiles straight into closures
// ---------------------------------------------------------------------------------------------

const BINARY: Record<string, [precedence: number, apply: (a: unknown, b: () => unknown) => unknown]> = {
	'??': [1, (a, b) => a ?? b()],
	'||': [2, (a, b) => a || b()],
	'&&': [3, (a, b) => a && b()],
	'==': [6, (a, b) => a == b()],
	'!=': [6, (a, b) => a != b()],
	'===': [6, (a, b) => a === b()],
	'!==': [6, (a, b) => a !== b()],
	'<': [7, (a, b) => (a as number) < (b() as number)],
	'>': [7, (a, b) => (a as number) > (b() as number)],
	'<=': [7, (a, b) => (a as number) <= (b() as number)],
	'>=': [7, (a, b) => (a as number) >= (b() as number)],
	'+': [9, (a, b) => (a as number) + (b() as number)],
	'-': [9, (a, b) => (a as number) - (b() as number)],
	'*': [10, (a, b) => (a as number) * (b() as number)],
	'/': [10, (a, b) => (a as number) / (b() as number)],
	'%': [10, (a, b) => (a as number) % (b() as number)],
};

function safeKey(key: unknown): string {
	const name = String(key);
	if (BLOCKED_KEYS.has(name)) throw new Unsupported(`property ${name}`);
	return name;
}

class Parser {
	private pos = 0;

	/** Names bound by enclosing arrow functions. */
	private readonly locals: string[][] = [];

	constructor(private readonly tokens: Token[]) {}

	parse(): Node {
		const node = this.expression();
		if (this.peek().t !== 'end') throw new Unsupported('trailing input');
		return node;
	}

	private peek(offset = 0): Token {
		return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
	}

	private is(v: string, offset = 0): boolean {
		const token = this.peek(offset);
		return token.t === 'p' && token.v === v;
	}

	private expect(v: string): void {
		if (!this.is(v)) throw new Unsupported(`expected ${v}`);
		this.pos++;
	}

	private expression(): Node {
		const arrow = this.arrow();
		if (arrow) return arrow;
		const test = this.binary(0);
		if (!this.is('?')) return test;
		this.pos++;
		const yes = this.expression();
		this.expect(':');
		const no = this.expression();
		return (s, e) => (test(s, e) ? yes(s, e) : no(s, e));
	}

	/** `x => …` or `(a, b) => …` with an expression body. */
	private arrow(): Node | undefined {
		let params: string[] | undefined;
		const token = this.peek();
		if (token.t === 'id' && this.is('=>', 1)) {
			params = [token.v];
			this.pos += 2;
		} else if (this.is('(')) {
			const names: string[] = [];
			let k = 1;
			while (this.peek(k).t === 'id' && (this.is(',', k + 1) || this.is(')', k + 1))) {
				names.push((this.peek(k) as { v: string }).v);
				k += this.is(',', k + 1) ? 2 : 1;
			}
			if ((this.is(')', k) && this.is('=>', k + 1)) || (names.length === 0 && this.is(')', 1) && this.is('=>', 2))) {
				params = names;
				this.pos += k + 2;
			}
		}
		if (!params) return undefined;
		if (this.is('{')) throw new Unsupported('arrow function with a block body');
		this.locals.push(params);
		const body = this.expression();
		this.locals.pop();
		const names = params;
		return (s, env) =>
			(...args: unknown[]) => {
				const inner: Env = Object.create(env) as Env;
				names.forEach((name, i) => (inner[name] = args[i]));
				return body(s, inner);
			};
	}

	private binary(minPrecedence: number): Node {
		let left = this.unary();
		for (;;) {
			const token = this.peek();
			const op = token.t === 'p' ? BINARY[token.v] : undefined;
			if (!op || op[0] < minPrecedence) return left;
			this.pos++;
			const right = this.binary(op[0] + 1);
			const [, apply] = op;
			const l = left;
			left = (s, e) => apply(l(s, e), () => right(s, e));
		}
	}

	private unary(): Node {
		const token = this.peek();
		if (token.t === 'p' && ['!', '-', '+'].includes(token.v)) {
			this.pos++;
			const operand = this.unary();
			if (token.v === '!') return (s, e) => !operand(s, e);
			if (token.v === '-') return (s, e) => -(operand(s, e) as number);
			return (s, e) => +(operand(s, e) as number);
		}
		if (token.t === 'id' && token.v === 'typeof') {
			this.pos++;
			const operand = this.unary();
			return (s, e) => typeof operand(s, e);
		}
		if (token.t === 'id' && token.v === 'new') {
			// Only `new Date(…)`: the one constructor these expressions need.
			const callee = this.peek(1);
			if (callee.t !== 'id' || callee.v !== 'Date' || !this.is('(', 2)) throw new Unsupported('new other than Date');
			this.pos += 2;
			const args = this.arguments();
			return this.postfix((s, e) => new Date(...(args.map((a) => a(s, e)) as [string])));
		}
		return this.postfix(this.primary());
	}

	private arguments(): Node[] {
		this.expect('(');
		const args: Node[] = [];
		while (!this.is(')')) {
			if (this.is('...')) throw new Unsupported('spread');
			args.push(this.expression());
			if (!this.is(')')) this.expect(',');
		}
		this.pos++;
		return args;
	}

	/** Member access and calls; a call on a member keeps the object as `this`. */
	private postfix(start: Node): Node {
		let node = start;
		for (;;) {
			const optional = this.is('?.');
			if (this.is('.') || optional) {
				this.pos++;
				if (optional && (this.is('(') || this.is('['))) throw new Unsupported('optional call/index');
				const name = this.peek();
				if (name.t !== 'id') throw new Unsupported('member name');
				this.pos++;
				node = this.member(node, () => name.v, optional);
			} else if (this.is('[')) {
				this.pos++;
				const key = this.expression();
				this.expect(']');
				node = this.computedMember(node, key);
			} else if (this.is('(')) {
				node = this.call(node, this.arguments());
			} else {
				return node;
			}
		}
	}

	private member(object: Node, name: () => string, optional: boolean): Node {
		const key = safeKey(name());
		const get: Node & { target?: Node; key?: string } = (s, e) => {
			const target = object(s, e);
			if (optional && (target === undefined || target === null)) return undefined;
			return (target as Record<string, unknown>)[key];
		};
		get.target = object;
		get.key = key;
		return get;
	}

	private computedMember(object: Node, keyNode: Node): Node {
		const get: Node & { target?: Node; computed?: Node } = (s, e) => {
			const target = object(s, e) as Record<string, unknown>;
			return target[safeKey(keyNode(s, e))];
		};
		get.target = object;
		get.computed = keyNode;
		return get;
	}

	private call(callee: Node & { target?: Node; key?: string; computed?: Node }, args: Node[]): Node {
		const target = callee.target;
		if (target) {
			const fixedKey = callee.key;
			const computed = callee.computed;
			return (s, e) => {
				const self = target(s, e) as Record<string, unknown>;
				const key = fixedKey ?? safeKey(computed!(s, e));
				const fn = self[key] as (...a: unknown[]) => unknown;
				return fn.apply(self, args.map((a) => a(s, e)));
			};
		}
		return (s, e) => (callee(s, e) as (...a: unknown[]) => unknown)(...args.map((a) => a(s, e)));
	}

	private primary(): Node {
		const token = this.peek();
		this.pos++;
		switch (token.t) {
			case 'num':
			case 'str': {
				const value = token.v;
				return () => value;
			}
			case 'regex': {
				const { source, flags } = token.v;
				// A fresh RegExp per evaluation, like a regex literal in JavaScript (lastIndex state).
				return () => new RegExp(source, flags);
			}
			case 'id':
				return this.identifier(token.v);
			case 'p':
				if (token.v === '(') {
					const inner = this.expression();
					this.expect(')');
					return inner;
				}
				if (token.v === '[') return this.arrayLiteral();
				if (token.v === '{') return this.objectLiteral();
				break;
		}
		throw new Unsupported('unexpected token');
	}

	private identifier(name: string): Node {
		if (this.locals.some((frame) => frame.includes(name))) return (_s, env) => env[name];
		if (name === 'true') return () => true;
		if (name === 'false') return () => false;
		if (name === 'null') return () => null;
		if (SCOPE_NAMES.has(name)) return (s) => s[name as keyof ExpressionScope];
		if (name === '$parameter') {
			// Only `$parameter.name` / `$parameter["name"]`: read through the item's parameter cache.
			if (this.is('.') && this.peek(1).t === 'id') {
				const key = safeKey((this.peek(1) as { v: string }).v);
				this.pos += 2;
				return (s) => readParameter(s, key);
			}
			if (this.is('[') && this.peek(1).t === 'str' && this.is(']', 2)) {
				const key = safeKey((this.peek(1) as { v: string }).v);
				this.pos += 3;
				return (s) => readParameter(s, key);
			}
			throw new Unsupported('$parameter without a name');
		}
		if (Object.prototype.hasOwnProperty.call(GLOBALS, name)) {
			const value = GLOBALS[name];
			return () => value;
		}
		throw new Unsupported(`identifier ${name}`);
	}

	private arrayLiteral(): Node {
		const elements: Node[] = [];
		while (!this.is(']')) {
			if (this.is('...')) throw new Unsupported('spread');
			elements.push(this.expression());
			if (!this.is(']')) this.expect(',');
		}
		this.pos++;
		return (s, e) => elements.map((el) => el(s, e));
	}

	private objectLiteral(): Node {
		const entries: Array<[string, Node]> = [];
		while (!this.is('}')) {
			const key = this.peek();
			if (key.t !== 'id' && key.t !== 'str' && key.t !== 'num') throw new Unsupported('object key');
			this.pos++;
			const name = safeKey(key.v);
			if (this.is(':')) {
				this.pos++;
				entries.push([name, this.expression()]);
			} else if (key.t === 'id') {
				entries.push([name, this.identifier(name)]);
			} else {
				throw new Unsupported('object entry');
			}
			if (!this.is('}')) this.expect(',');
		}
		this.pos++;
		return (s, e) => {
			const out: Record<string, unknown> = {};
			for (const [name, value] of entries) out[name] = value(s, e);
			return out;
		};
	}
}

// ---------------------------------------------------------------------------------------------
// Templates: "=text {{ code }} text"
// ---------------------------------------------------------------------------------------------

type Chunk = { type: 'text' | 'code'; text: string };

/** n8n's splitter: `{{ … }}` code between text, `\{{` escapes an opening. */
export function splitTemplate(expression: string): Chunk[] {
	if (expression === '') return [{ type: 'text', text: '' }];
	const chunks: Chunk[] = [];
	let searching: 'open' | 'close' = 'open';
	let buffer = '';
	let index = 0;
	while (index < expression.length) {
		const rest = expression.slice(index);
		const at = rest.indexOf(searching === 'open' ? '{{' : '}}');
		if (at < 0) {
			buffer += rest;
			chunks.push(searching === 'open' ? { type: 'text', text: buffer } : { type: 'code', text: buffer.replace('\\}}', '}}') });
			break;
		}
		const before = rest.slice(0, at);
		const backslashes = /\\*$/.exec(before)![0].length;
		if (backslashes % 2 === 1) {
			buffer += rest.slice(0, at + 2);
			index += at + 2;
			continue;
		}
		buffer += before;
		if (searching === 'open') chunks.push({ type: 'text', text: buffer.replace(/\\\\/g, '\\') });
		else chunks.push({ type: 'code', text: buffer.replace('\\}}', '}}') });
		searching = searching === 'open' ? 'close' : 'open';
		index += at + 2;
		buffer = '';
	}
	return chunks;
}

function compileCode(code: string): Node {
	return new Parser(tokenize(code)).parse();
}

/** A part that fails evaluates to undefined (n8n's evaluator swallows errors inside expressions). */
function guarded(node: Node): CompiledExpression {
	return (scope) => {
		try {
			return node(scope, {});
		} catch (error) {
			if (scope.pendingReads) {
				scope.pendingReads = 0;
				const parameterFailure = error;
				throw parameterFailure;
			}
			return undefined;
		}
	};
}

function objectAsString(value: object): string {
	const typeName = (value as { constructor?: { name?: string } }).constructor?.name ?? 'Object';
	const text = JSON.stringify(value).replace(/,"/g, ', "').replace(/":/g, '": ');
	return `[${typeName}: ${text}]`;
}

const compiledValues = new Map<string, CompiledExpression | null>();
const compiledStrings = new Map<string, CompiledExpression | null>();

/**
 * Compiles a description value: a plain value gives itself, `=…` a template or expression.
 * Returns undefined when the expression uses syntax outside the supported subset.
 * `asString` mirrors n8n's returnObjectAsString (used for property names).
 */
export function compileExpression(value: unknown, asString = false): CompiledExpression | undefined {
	if (!isExpression(value)) return () => value;
	const cache = asString ? compiledStrings : compiledValues;
	const known = cache.get(value);
	if (known !== undefined) return known ?? undefined;
	let compiled: CompiledExpression | undefined;
	try {
		compiled = compileTemplate(value.slice(1), asString);
	} catch {
		// Outside the supported subset (or not parseable here): RoutingNode keeps this operation.
		compiled = undefined;
	}
	cache.set(value, compiled ?? null);
	return compiled;
}

export function isExpression(value: unknown): value is string {
	return typeof value === 'string' && value.charAt(0) === '=';
}

/** A description value for this scope: itself, or what its (compiled) expression gives. */
export function evaluateValue(value: unknown, scope: ExpressionScope, asString = false): unknown {
	if (!isExpression(value)) return value;
	return (compileExpression(value, asString) as CompiledExpression)(scope);
}

function compileTemplate(expression: string, asString: boolean): CompiledExpression {
	if (/\.\s*constructor/.test(expression)) throw new Unsupported('constructor');
	const chunks = splitTemplate(expression);
	const finish = (value: unknown) => {
		if (typeof value === 'function') throw new Unsupported('function result');
		if (asString && value !== null && typeof value === 'object') return objectAsString(value);
		return value;
	};
	if (chunks.length === 2 && chunks[0].text === '') {
		const single = guarded(compileCode(chunks[1].text));
		return (scope) => finish(single(scope));
	}
	const parts = chunks.map((chunk): CompiledExpression => {
		if (chunk.type === 'text') {
			const text = chunk.text;
			return () => text;
		}
		const part = guarded(compileCode(chunk.text));
		return (scope) => {
			const v = part(scope);
			return v || v === 0 || v === false ? v : '';
		};
	});
	if (parts.length === 1) return (scope) => finish(parts[0](scope));
	return (scope) => parts.map((part) => String(part(scope) ?? '')).join('');
}
