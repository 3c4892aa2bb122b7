/**
 * Puts each result of a batch answer on the item it belongs to, by the key both carry (bill
 * number, identifier, card number, series ID …), never by position alone: Capillary may answer a
 * batch in another order, leave results out or repeat them. An item whose result cannot be told
 * apart gets "unknown" with the reason, never another item's result.
 */

export type Pairing =
	| { kind: 'result'; result: unknown }
	/** Every candidate result says this item failed, but not which failure is whose. */
	| { kind: 'failed'; code: string; message: string }
	| { kind: 'unknown'; reason: string };

export interface PairingRules {
	/** Keys the n-th entity is recognised by; the first is its identity (entities sharing it are one group). */
	entityKeys: string[][];
	resultKeys(result: unknown): string[];
	/** Same signature = interchangeable outcomes (e.g. both succeeded, or both failed with code 8015). */
	signature(result: unknown): string;
	/** The failure a result reports, if it is one. */
	failure(result: unknown): { code: string; message: string } | undefined;
}

export function pairResults(results: unknown[], rules: PairingRules): Pairing[] {
	const { entityKeys } = rules;
	const out: Array<Pairing | undefined> = new Array(entityKeys.length);
	const members = new Map<string, number[]>();
	const groupsOfKey = new Map<string, Set<string>>();
	entityKeys.forEach((keys, index) => {
		const group = keys[0];
		if (group === undefined) return;
		members.set(group, [...(members.get(group) ?? []), index]);
		for (const key of keys) {
			const groups = groupsOfKey.get(key) ?? new Set<string>();
			groups.add(group);
			groupsOfKey.set(key, groups);
		}
	});

	const byGroup = new Map<string, unknown[]>();
	const keyless: unknown[] = [];
	let strays = 0;
	for (const result of results) {
		const keys = rules.resultKeys(result);
		if (keys.length === 0) {
			keyless.push(result);
			continue;
		}
		const groups = new Set<string>();
		for (const key of keys) for (const group of groupsOfKey.get(key) ?? []) groups.add(group);
		if (groups.size !== 1) {
			// A key no item sent, or keys of several items at once: it belongs to no one for sure.
			strays++;
			continue;
		}
		const [group] = groups;
		byGroup.set(group, [...(byGroup.get(group) ?? []), result]);
	}

	const alike = (list: unknown[]) => list.every((r) => rules.signature(r) === rules.signature(list[0]));
	const leftovers: number[] = entityKeys.map((keys, index) => (keys.length === 0 ? index : -1)).filter((i) => i >= 0);
	for (const [group, indexes] of members) {
		const found = byGroup.get(group) ?? [];
		if (found.length === 0) {
			leftovers.push(...indexes);
			continue;
		}
		if (indexes.length === 1 && (found.length === 1 || (alike(found) && identical(found)))) {
			out[indexes[0]] = { kind: 'result', result: found[0] };
			continue;
		}
		if (indexes.length > 1 && byOwnKeys(indexes, found, rules, out)) continue;
		if (alike(found) && found.length >= indexes.length && identical(found)) {
			for (const index of indexes) out[index] = { kind: 'result', result: found[0] };
			continue;
		}
		// Items that carry the same keys cannot be told apart by anyone: one result each is as good as any.
		if (alike(found) && found.length === indexes.length && distinct(found) && sameKeys(indexes, rules)) {
			indexes.forEach((index, k) => (out[index] = { kind: 'result', result: found[k] }));
			continue;
		}
		if (alike(found) && found.length === indexes.length && distinct(found)) {
			// The same failure for each: failed. The same success: which created ID (or code) is whose is not known.
			const reason = `${indexes.length} items share the key ${group}; Capillary answered a success for each but not which result is whose`;
			for (const index of indexes) out[index] = rules.failure(found[0]) ? { kind: 'failed', ...rules.failure(found[0])! } : { kind: 'unknown', reason };
			continue;
		}
		const reason =
			found.length < indexes.length
				? `${indexes.length} items share the key ${group} and Capillary answered ${found.length} result(s) for them`
				: `Capillary answered ${found.length} different results for the key ${group} of ${indexes.length} item(s)`;
		for (const index of indexes) out[index] = { kind: 'unknown', reason };
	}

	// Items no result names: only a sound deduction may give them an outcome.
	if (leftovers.length > 0) {
		const deduced = deduce(leftovers.length, keyless, strays, rules, entityKeys.length);
		for (const index of leftovers) out[index] = deduced;
	}
	return out.map((p) => p ?? { kind: 'unknown', reason: 'Capillary returned no result for this item' });
}

function deduce(count: number, keyless: unknown[], strays: number, rules: PairingRules, batch: number): Pairing {
	if (strays > 0) return { kind: 'unknown', reason: `Capillary returned no result naming this item (and ${strays} result(s) naming keys that were not sent)` };
	if (keyless.length !== count) {
		return { kind: 'unknown', reason: keyless.length === 0 ? 'Capillary returned no result for this item' : `Capillary returned ${keyless.length} unnamed result(s) for ${count} item(s) without a named result` };
	}
	const first = keyless[0];
	if (keyless.every((r) => rules.signature(r) === rules.signature(first))) {
		const failure = rules.failure(first);
		// A success names its item; one without a key is placed only when nothing else could own it
		// (a batch of one), since a server that repeats results could otherwise hand over another's.
		if (!failure && batch > 1) return { kind: 'unknown', reason: `Capillary returned ${count} success(es) without a key: which item each is for cannot be told` };
		if (count === 1 || identical(keyless)) return { kind: 'result', result: first };
		// As many different results as items, all alike: the outcome is known, not which content is whose.
		if (!distinct(keyless) || !failure) return { kind: 'unknown', reason: `Capillary returned ${count} results without a key, some of them repeated: which is whose cannot be told` };
		return { kind: 'failed', ...failure };
	}
	const failures = keyless.map((r) => rules.failure(r));
	if (failures.every((f) => f !== undefined)) {
		const codes = [...new Set(failures.map((f) => f!.code))].join(', ');
		return { kind: 'failed', code: failures[0]!.code, message: `Failed; Capillary did not say which of these failures is this item's: ${failures.map((f) => `${f!.code} ${f!.message}`).join('; ')} (codes ${codes})` };
	}
	return { kind: 'unknown', reason: `Capillary returned ${count} results without a key, some succeeded and some failed: which is whose cannot be told` };
}

/**
 * Items sharing their first key told apart by keys only one of them has (a second identifier, a
 * card's external ID, a bill's type): true when every item got results that name it alone.
 */
function byOwnKeys(indexes: number[], found: unknown[], rules: PairingRules, out: Array<Pairing | undefined>): boolean {
	const counts = new Map<string, number>();
	for (const index of indexes) for (const key of new Set(rules.entityKeys[index])) counts.set(key, (counts.get(key) ?? 0) + 1);
	const owner = new Map<string, number>();
	for (const index of indexes) for (const key of rules.entityKeys[index]) if (counts.get(key) === 1) owner.set(key, index);
	const mine = new Map<number, unknown[]>();
	for (const result of found) {
		const owners = new Set(rules.resultKeys(result).flatMap((key) => (owner.has(key) ? [owner.get(key)!] : [])));
		if (owners.size !== 1) return false;
		const [index] = owners;
		mine.set(index, [...(mine.get(index) ?? []), result]);
	}
	if (!indexes.every((index) => mine.has(index))) return false;
	for (const index of indexes) {
		const results = mine.get(index)!;
		out[index] = results.length === 1 || identical(results) ? { kind: 'result', result: results[0] } : { kind: 'unknown', reason: `Capillary answered ${results.length} different results for this item` };
	}
	return true;
}

/** Every item carries the same keys (nothing tells them apart). */
const sameKeys = (indexes: number[], rules: PairingRules) =>
	indexes.every((index) => JSON.stringify([...rules.entityKeys[index]].sort()) === JSON.stringify([...rules.entityKeys[indexes[0]]].sort()));

const contentOf = (result: unknown) => JSON.stringify(result ?? null);
/** The same result repeated (nothing to choose between). */
const identical = (results: unknown[]) => results.every((r) => contentOf(r) === contentOf(results[0]));
/** No result repeated (each can be one item's). */
const distinct = (results: unknown[]) => new Set(results.map(contentOf)).size === results.length;

/** A key value as compared: mobiles by their digits, emails in lower case, the rest as given (trimmed). */
export function keyOf(type: string, value: unknown): string | undefined {
	if (value === undefined || value === null || typeof value === 'object') return undefined;
	let text = String(value).trim();
	if (text === '') return undefined;
	const kind = type.toLowerCase().replace(/[^a-z]/g, '');
	if (kind === 'mobile') text = text.replace(/\D/g, '') || text;
	if (kind === 'email') text = text.toLowerCase();
	return `${kind === 'externalid' ? 'externalid' : kind}:${text}`;
}

export function keys(...pairs: Array<[string, unknown]>): string[] {
	return pairs.map(([type, value]) => keyOf(type, value)).filter((k): k is string => k !== undefined);
}
