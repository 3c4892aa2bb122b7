import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { customFields, orgConfigs, orgEntities } from '../../simulator/resources/organization';
import { nowV11 } from '../../simulator/http';

const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

export const cases: OperationCase[] = [
	// ----- v2 ------------------------------------------------------------------------------------
	{
		resource: 'organization',
		operation: 'getCustomFields',
		title: 'one scope',
		parameters: { options: { scope: 'loyalty_registration' }, returnAll: true },
		request: { method: 'GET', path: '/v2/organization/customFields', query: { scope: 'loyalty_registration' } },
		output: (items) => {
			expect(items.map((f) => f.name)).toEqual(['gender', 'anniversary']);
			expect(items[0]).toMatchObject({ label: 'Gender', dataType: 'String', scope: 'loyalty_registration', isDisabled: 0 });
		},
	},
	{
		resource: 'organization',
		operation: 'getCustomFields',
		title: 'disabled ones too, and one added to the org',
		setup: (sim) => void customFields(sim.state).set('shoe_size', { name: 'shoe_size', label: 'Shoe Size', type: 'text', dataType: 'Integer', scope: 'customer_preferences', isDisabled: 0, disableAtServer: 0 }),
		parameters: { options: { includeDisabled: true }, returnAll: true },
		request: { method: 'GET', path: '/v2/organization/customFields', query: { includeDisabled: 'true' } },
		output: (items) => {
			const names = items.map((f) => f.name);
			expect(names).toEqual(expect.arrayContaining(['old_survey', 'shoe_size']));
			expect(names).not.toContain('pos_only');
		},
	},
	{
		resource: 'organization',
		operation: 'getConfigValue',
		setup: (sim) => void (orgConfigs(sim.state).get('IS_DIRECT_REPLAY_ENABLED')!.value = '1'),
		parameters: { configName: 'IS_DIRECT_REPLAY_ENABLED' },
		request: { method: 'GET', path: '/v2/organization/configkeyvalue', query: { name: 'IS_DIRECT_REPLAY_ENABLED' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ keyName: 'IS_DIRECT_REPLAY_ENABLED', value: '1' })]),
	},
	{
		resource: 'organization',
		operation: 'getPrograms',
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/organization/programs' },
		output: (items) => {
			expect(items.map((p) => p.programId)).toEqual([1, 2]);
			expect(items[0]).toMatchObject({ programName: 'Default Program', partnerPrograms: [expect.objectContaining({ partnerProgramId: 5, partnerProgramType: 'EXTERNAL' }), expect.anything()] });
		},
	},
	// ----- v1.1 ----------------------------------------------------------------------------------
	{
		resource: 'organization',
		operation: 'get',
		auth: 'oauth',
		parameters: {},
		request: { method: 'GET', path: '/v1.1/organization/get', query: { format: 'json' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: '50672', name: 'Capillary Simulator Demo Org', timezone: 'Asia/Kolkata' })]),
	},
	{
		resource: 'organization',
		operation: 'getEntities',
		title: 'the active tills of a store, simplified',
		parameters: { entityType: 'TILL', options: { parentIdentifierType: 'STORE_CODE', parentIdentifierValue: 'store.mumbai', activeOnly: true }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/organization/entities', query: { type: 'TILL', parent_identifier_type: 'STORE_CODE', parent_identifier_value: 'store.mumbai', active_only: 'true', format: 'json' } },
		output: (items) => expect(items).toEqual([{ id: '50006800', type: 'TILL', code: 'mp.1', name: 'mobilepush', description: '', is_active: '1', external_id: '', parent: {}, last_updated_on: '2026-01-01 10:00:00' }]),
	},
	{
		resource: 'organization',
		operation: 'getEntities',
		title: 'stores incl. one just added, full entities, Limit',
		setup: (sim) => {
			orgEntities(sim.state).set('50000099', { ...orgEntities(sim.state).get('50000011')!, id: 50000099, code: 'store.pune', name: 'Pune Store', lastUpdatedOn: nowV11() });
		},
		parameters: { entityType: 'STORE', options: { excludeLocale: true }, simplify: false, returnAll: false, limit: 3 },
		request: { method: 'GET', path: '/v1.1/organization/entities', query: { type: 'STORE', exclude_locale: '1' } },
		output: (items) => {
			expect(items.map((e) => e.code)).toEqual(['store.bangalore', 'store.mumbai', 'store.pune']);
			expect(items[0]).toMatchObject({ currencies: expect.any(Object), custom_fields: { field: [{ name: 'cashiername', value: 'John039' }] } });
			expect(items[0]).not.toHaveProperty('timezones');
		},
	},
	{
		resource: 'organization',
		operation: 'getManyConfigs',
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v1.1/organization/configs', query: { format: 'json' } },
		output: (items) => {
			expect(items.map((c) => c.key)).toEqual(expect.arrayContaining(['CONF_USERS_IS_EMAIL_REQUIRED', 'IS_DIRECT_REPLAY_ENABLED']));
			expect(items[0]).toMatchObject({ scopes: 'ORG', value_type: 'NUMERIC', value: expect.any(String) });
		},
	},
	{
		resource: 'organization',
		operation: 'getStatistics',
		parameters: {},
		request: { method: 'GET', path: '/v1.1/organization/statistics', query: { format: 'json' } },
		// Demo org: 3 members, 2 stores, bills of 1200 (one SKU) and 300 (no line items).
		output: (items) => expect(items).toEqual([{ avg_basket: '0.5', avg_transaction_value: '750', customers: '3', stores: '2', products: '1' }]),
	},
	{
		resource: 'organization',
		operation: 'getTopItems',
		setup: (sim) => {
			sim.state.addTransaction({
				number: 'BILL-2001',
				type: 'REGULAR',
				customerId: 1002,
				amount: 600,
				billingTime: nowV11(),
				lineItems: [
					{ itemCode: 'SKU-2', description: 'Shirt', rate: 200, qty: 3, amount: 600 },
					{ itemCode: 'SKU-1', description: 'Trousers', rate: 1200, qty: 1, amount: 1200 },
				],
				paymentModes: [],
				extendedFields: {},
				customFields: {},
				notes: '',
				storeCode: 'store.bangalore',
				source: 'v2',
			});
		},
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v1.1/organization/topitems', query: { format: 'json' } },
		output: (items) => {
			expect(items.map((i) => i.sku)).toEqual(['SKU-2', 'SKU-1']);
			expect(items[0]).toMatchObject({ price: '200', description: 'Shirt', in_stock: 'true' });
		},
	},
	{
		resource: 'organization',
		operation: 'getInStoreCustomFields',
		parameters: { options: { scope: 'loyalty_transaction' }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/organization/customfields', query: { scope: 'loyalty_transaction', format: 'json' } },
		// One field comes back as an object, not a list; still one item.
		output: (items) => expect(items).toEqual([expect.objectContaining({ name: 'bankdetails', datatype: 'String', is_mandatory: '0' })]),
	},
	{
		resource: 'organization',
		operation: 'getPaymentModes',
		title: 'with attributes',
		parameters: { options: { attribute: true }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/organization/tenders', query: { attribute: 'true', format: 'json' } },
		output: (items) => {
			expect(items).toHaveLength(6);
			expect(items.find((t) => t.canonical_name === 'CARD')).toMatchObject({ attributes: { attribute: expect.arrayContaining([{ name: 'card_type', value: 'CREDIT,DEBIT' }]) } });
		},
	},
	{
		resource: 'organization',
		operation: 'getPaymentModes',
		title: 'by attribute name',
		parameters: { options: { attributeName: 'card_type' }, returnAll: true },
		request: { method: 'GET', path: '/v1.1/organization/tenders', query: { attribute_name: 'card_type' } },
		output: (items) => expect(items.map((t) => t.canonical_name)).toEqual(['CARD']),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'organization',
		operation: 'getInStoreCustomFields',
		title: 'no custom fields in the scope (v1.1 status 3204 inside HTTP 200)',
		parameters: { options: { scope: 'customer_preferences' } },
		message: /3204.*Custom field\(s\) not found for this scope/,
	},
	{
		resource: 'organization',
		operation: 'getConfigValue',
		title: 'unknown config key',
		parameters: { configName: 'NO_SUCH_KEY' },
		message: /3209/,
	},
];

export default { cases, errors } satisfies CaseFile;
