/**
 * Customer labels: org labels (`sim.state.labels`, keyed by name) and the labels a customer carries
 * (`customer.labels`, label names). Tagging and untagging change both views consistently.
 */
import type { JsonObject, Router } from '../http';
import { bodyObject, ok, paginate, v2Error } from '../http';
import type { Simulator } from '../server';
import type { Customer, LabelRecord, SimState } from '../state';
import { ORG_ID } from '../state';

/** Capillary's default ORG_MAX_LABEL_COUNT is configurable; the simulator allows this many. */
export const MAX_ORG_LABELS = 50;

/** The till that makes the simulator's changes (shown as lastUpdatedBy / addedBy). */
const SIM_TILL_ID = 75155373;

function findLabel(state: SimState, name: string): LabelRecord | undefined {
	const wanted = name.trim().toLowerCase();
	for (const label of state.labels.values()) if (label.name.toLowerCase() === wanted) return label;
	return undefined;
}

/** Adds (or re-activates) an org label; returns it. Used by tests and other groups' seeds too. */
export function addOrgLabel(state: SimState, name: string, description = ''): LabelRecord {
	const existing = findLabel(state, name);
	if (existing) {
		existing.description = description || existing.description;
		existing.active = true;
		return existing;
	}
	const label: LabelRecord = { id: state.nextEntityId++, name, description, active: true };
	state.labels.set(name, label);
	return label;
}

function orgLabelView(label: LabelRecord): JsonObject {
	return { id: label.id, orgId: ORG_ID, description: label.description, lastUpdatedBy: SIM_TILL_ID, name: label.name, active: label.active };
}

function customerLabelView(state: SimState, customer: Customer, name: string): JsonObject {
	const label = findLabel(state, name);
	const labelId = label?.id ?? 0;
	return { id: labelId * 100000 + customer.id, orgId: 0, addedBy: SIM_TILL_ID, labelId, userId: customer.id, labelName: label?.name ?? name, deleted: false };
}

function labelNames(list: unknown): string[] | undefined {
	if (list === undefined || list === null) return [];
	if (!Array.isArray(list)) return undefined;
	return list.map((entry) => String((entry as JsonObject | null)?.labelName ?? '').trim());
}

export function register(router: Router, sim: Simulator): void {
	const state = () => sim.state;

	router.post('/v2/organization/labels', (req) => {
		const labels = bodyObject(req).orgLabels;
		if (!Array.isArray(labels) || labels.length === 0) return v2Error(400, 400, 'Field orgLabels is mandatory.');
		const names = labels.map((l) => String((l as JsonObject | null)?.name ?? '').trim());
		if (names.some((n) => n === '')) return v2Error(400, 400, 'Label name cannot be empty');
		if (names.some((n) => n.length > 50)) return v2Error(400, 400, 'Label name cannot be longer than 50 characters');
		const newCount = new Set(names.filter((n) => !findLabel(state(), n)).map((n) => n.toLowerCase())).size;
		if (state().labels.size + newCount > MAX_ORG_LABELS) return v2Error(400, 400, 'Org max Label count exceed');
		labels.forEach((l, i) => addOrgLabel(state(), names[i], String((l as JsonObject).description ?? '')));
		return ok({ entity: ORG_ID, warnings: [] });
	});

	router.get('/v2/organization/labels', () => {
		const data = [...state().labels.values()].map(orgLabelView);
		return ok({ data, warnings: [], errors: [] });
	});

	router.get('/v2/customers/labels/search', (req) => {
		const q = (req.query.q ?? '').trim().toLowerCase();
		if (!q) return v2Error(400, 400, 'Query parameter q is mandatory.');
		const matches = [...state().customers.values()]
			.filter((c) => !c.mergedInto)
			.map((c) => ({ customer: c, labels: c.labels.filter((name) => name.toLowerCase().startsWith(q)) }))
			.filter((m) => m.labels.length > 0)
			.sort((a, b) => a.customer.id - b.customer.id);
		// limit=-1 means "everything" in Capillary's newer docs.
		const query = req.query.limit === '-1' ? { ...req.query, limit: String(matches.length || 1) } : req.query;
		const { page, pagination } = paginate(matches, query, 10, 1000);
		const data = page.map((m) => ({
			userId: m.customer.id,
			customerLabels: m.labels.map((name) => {
				const view = customerLabelView(state(), m.customer, name);
				return { orgId: 0, labelId: view.labelId, userId: m.customer.id, labelName: view.labelName };
			}),
		}));
		return ok({ pagination, data, warnings: [], errors: [] });
	});

	router.post('/v2/customers/:userId/changeLabels', (req) => {
		const customer = state().customers.get(Number(req.params.userId));
		if (!customer || !/^\d+$/.test(req.params.userId)) return v2Error(404, 8015, 'Customer not found for the given identifiers.');
		if (customer.mergedInto) return v2Error(400, 8069, 'Merged customer found.');
		const body = bodyObject(req);
		const add = labelNames(body.add);
		const remove = labelNames(body.remove);
		if (!add || !remove) return v2Error(400, 400, 'add and remove must be lists of {labelName}');
		if (add.length + remove.length === 0) return v2Error(400, 400, 'Field labelName is mandatory.');
		for (const name of [...add, ...remove]) {
			if (!name) return v2Error(400, 400, 'Field labelName is mandatory.');
			if (!findLabel(state(), name)) return v2Error(400, 400, `Label ${name} does not exist for the org`);
		}
		for (const name of remove) {
			const wanted = name.toLowerCase();
			customer.labels = customer.labels.filter((l) => l.toLowerCase() !== wanted);
		}
		for (const name of add) {
			const canonical = findLabel(state(), name)!.name;
			if (!customer.labels.some((l) => l.toLowerCase() === canonical.toLowerCase())) customer.labels.push(canonical);
		}
		return ok({ entity: customer.id, warnings: [] });
	});

	router.get('/v2/customers/:userId/labels', (req) => {
		const customer = state().customers.get(Number(req.params.userId));
		if (!customer || !/^\d+$/.test(req.params.userId)) return v2Error(404, 8015, 'Customer not found for the given identifiers.');
		const data = customer.labels.map((name) => customerLabelView(state(), customer, name));
		return ok({ data, warnings: [], errors: [] });
	});
}
