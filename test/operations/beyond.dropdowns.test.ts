/**
 * Dropdowns fed by the documented endpoints outside the index (issue 14): extended fields, card
 * series, org sources, standard events, event webhooks and API clients, run as built methods
 * against the simulator; and every dropdown a field names exists in the built node.
 */
import type { INodeProperties } from 'n8n-workflow';

import { actionNodeTypes } from '../harness/engine';
import { useCapillary } from '../harness/fixtures';
import { builtMethodNames, runListSearch, runLoadOptions } from '../harness/list-search';
import { apiClients } from '../simulator/resources/apiClient';
import { DEMO_CARD_SERIES } from '../simulator/resources/card';

/** Every `loadOptionsMethod` / `searchListMethod` named anywhere in a property tree. */
function referencedMethods(value: unknown, found = { loadOptions: new Set<string>(), listSearch: new Set<string>() }) {
	if (Array.isArray(value)) value.forEach((v) => referencedMethods(v, found));
	else if (value && typeof value === 'object') {
		const object = value as Record<string, unknown>;
		if (typeof object.loadOptionsMethod === 'string') found.loadOptions.add(object.loadOptionsMethod);
		if (typeof object.searchListMethod === 'string') found.listSearch.add(object.searchListMethod);
		Object.values(object).forEach((v) => referencedMethods(v, found));
	}
	return found;
}

describe('dropdowns fed by the endpoints outside the index', () => {
	const capillary = useCapillary();

	it('every dropdown method a field names exists in the built nodes', async () => {
		const referenced = referencedMethods((await actionNodeTypes()).flatMap(({ type }) => type.description.properties as INodeProperties[]));
		const built = builtMethodNames();
		expect([...referenced.loadOptions].filter((m) => !built.loadOptions.includes(m))).toEqual([]);
		expect([...referenced.listSearch].filter((m) => !built.listSearch.includes(m))).toEqual([]);
		// The extended-field and card-series dropdowns are used.
		expect([...referenced.loadOptions].sort()).toEqual(['getCardExtendedFields', 'getCardSeries', 'getCompanyExtendedFields', 'getCustomerExtendedFields', 'getTransactionExtendedFields']);
	});

	it('extended field names of one entity type (customer, transaction)', async () => {
		const customer = await runLoadOptions(capillary.sim, 'getCustomerExtendedFields');
		expect(customer.map((o) => o.value).sort()).toEqual(['city', 'dob', 'gender', 'marital_status']);
		expect(customer.find((o) => o.value === 'dob')).toEqual({ name: 'Date of Birth [dob]', value: 'dob', description: 'DATETIME' });
		const transaction = await runLoadOptions(capillary.sim, 'getTransactionExtendedFields');
		expect(transaction.map((o) => o.value).sort()).toEqual(['CentralGST', 'cashier_id']);
	});

	it('an entity type the org does not list offers every field, labelled with its type', async () => {
		const company = await runLoadOptions(capillary.sim, 'getCompanyExtendedFields');
		expect(company).toHaveLength(8);
		expect(company).toContainEqual({ name: 'Serial Number [serial_number] · lineitem', value: 'serial_number', description: 'STRING' });
	});

	it('extended fields by ID across entity types, filtered by the typed text', async () => {
		const { results } = await runListSearch(capillary.sim, 'searchExtendedFieldIds', 'city');
		expect(results).toEqual([{ name: 'City [city] · customer', value: '25' }]);
	});

	it('card series for the Series of each card of a bulk update', async () => {
		const series = await runLoadOptions(capillary.sim, 'getCardSeries');
		expect(series).toEqual([
			{ name: `Gold Card (${DEMO_CARD_SERIES.gold})`, value: String(DEMO_CARD_SERIES.gold), description: 'GOLDDIG' },
			{ name: `Fuel Card (${DEMO_CARD_SERIES.fuel})`, value: String(DEMO_CARD_SERIES.fuel), description: 'FUELPHY' },
		]);
	});

	it('org sources, standard events, event webhooks and API clients', async () => {
		expect((await runListSearch(capillary.sim, 'searchOrgSources', 'engage')).results).toEqual([{ name: 'WEB_ENGAGE (2)', value: '2' }]);
		expect((await runListSearch(capillary.sim, 'searchStandardEvents')).results).toEqual([
			{ name: 'Product Removed From Cart (Ecommerce)', value: 'ProductRemovedFromCart' },
			{ name: 'App Uninstalled (Mobile)', value: 'AppUninstalled' },
		]);
		capillary.sim.state.collection('behaviouralEventWebhooks').set('w-1', { webHookId: 'w-1', transformerType: 'WebEngageTransformer', tillCode: 'abc_abc', webHookUri: 'https://example.test/w-1' });
		expect((await runListSearch(capillary.sim, 'searchBehaviouralEventWebhooks')).results).toEqual([{ name: 'WebEngageTransformer (till abc_abc)', value: 'w-1' }]);
		apiClients(capillary.sim).set('k-1', { clientKey: 'k-1', name: 'democlient', isValid: true, clientSecret: 's' });
		expect((await runListSearch(capillary.sim, 'searchApiClients')).results).toEqual([{ name: 'democlient (k-1)', value: 'k-1' }]);
	});
});
