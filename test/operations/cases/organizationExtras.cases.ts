import type { CaseFile, ErrorCase, OperationCase } from '../case';
import { ORG_ID } from '../../simulator/state';

/** Org-level extras of the Organization resource (docs: _organizationSource.md). */

const TOM = '919111111111';
const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const cases: OperationCase[] = [
	{
		resource: 'organization',
		operation: 'getExtendedFields',
		parameters: { language: 'zh' },
		request: { method: 'GET', path: '/v2/extendedFields' },
		output: (items, _sim, requests) => {
			expect(requests[0].headers.language).toBe('zh');
			expect(items).toHaveLength(1);
			expect(Object.keys(items[0]).sort()).toEqual(['customer', 'lineitem', 'transaction']);
			expect(items[0].customer).toEqual(expect.arrayContaining([expect.objectContaining({ id: 25, name: 'city', label: 'City', dataType: 'STRING' })]));
		},
	},
	{
		resource: 'organization',
		operation: 'setExtendedFieldDisplay',
		parameters: { extendedFieldId: byList('25'), hideDisplay: true, additionalFields: { mandatory: false, updatable: true, position: 101 } },
		request: { method: 'POST', path: '/v2/entity/extended_field_config', body: { extendedFieldId: 25, hideDisplay: true, mandatory: false, updatable: true, position: 101 } },
		output: (items, sim) => {
			expect(items).toEqual([expect.objectContaining({ extendedFieldId: 25, hideDisplay: true, position: 101, createdOn: expect.any(String) })]);
			expect(sim.state.collection('extendedFieldConfigs').get('25')).toMatchObject({ hideDisplay: true });
		},
	},
	{
		resource: 'organization',
		operation: 'setCurrencyRatio',
		parameters: { currencyCode: 'SGD', ratioInr: 51 },
		request: { method: 'POST', path: '/v2/currencyratio', body: { currencyCode: 'SGD', ratioInr: 51 } },
		output: (items, sim) => {
			expect(items).toEqual([{ currencyCode: 'SGD', ratioInr: 51 }]);
			expect(sim.state.collection('currencyRatios').get('SGD')).toEqual({ currencyCode: 'SGD', ratioInr: 51 });
		},
	},
	{
		resource: 'organization',
		operation: 'generateExternalId',
		parameters: {},
		request: { method: 'POST', path: '/v2/cardNumber' },
		output: (items) => expect(items).toEqual([{ externalId: '1000000010' }]),
	},
	{
		resource: 'organization',
		operation: 'recordScanEvent',
		parameters: {
			source: 'INSTORE',
			eventName: 'GetPromotion',
			feedIdentifierType: 'mobile',
			feedIdentifierValue: TOM,
			additionalFields: { eventTime: '2018-09-28T15:26:45+05:30', scanId: 'scanId_571910', sku: 'Levis-001', details: 'details_571910' },
		},
		request: {
			method: 'POST',
			path: '/v2/feed',
			query: { source: 'INSTORE' },
			body: { eventName: 'GetPromotion', customer: { mobile: TOM }, eventTime: '2018-09-28T15:26:45+05:30', scanId: 'scanId_571910', sku: 'Levis-001', details: 'details_571910' },
		},
		output: (items, sim) => {
			expect(items).toEqual([
				expect.objectContaining({
					eventName: 'GETPROMOTION',
					source: 'INSTORE',
					customerId: sim.state.findCustomer('mobile', TOM)!.id,
					sideEffects: [expect.objectContaining({ type: 'coupon', couponType: 'DVS' })],
				}),
			]);
		},
	},
	{
		resource: 'organization',
		operation: 'getSources',
		parameters: { returnAll: true },
		request: { method: 'GET', path: '/v2/meta/sources' },
		output: (items) => {
			expect(items.map((i) => i.name)).toEqual(['Facebook', 'WEB_ENGAGE', 'VIBER', 'MPUSH_FCM']);
			expect(items[1]).toEqual({ id: 2, name: 'WEB_ENGAGE', commChannels: ['android', 'email', 'ios', 'mobile'] });
		},
	},
	{
		resource: 'organization',
		operation: 'getSourceConfigs',
		parameters: { orgId: String(ORG_ID), sourceId: byList('2'), returnAll: false, limit: 2 },
		request: { method: 'GET', path: `/v2/org/${ORG_ID}/sources/2/configs` },
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 11, name: 'licenseCode', sourceId: 2 }), expect.objectContaining({ id: 12, name: 'accessToken' })]),
	},
	{
		resource: 'organization',
		operation: 'getConfig',
		setup: (sim) => {
			sim.state.collection('orgConfigs').set('IS_DIRECT_REPLAY_ENABLED', { keyName: 'IS_DIRECT_REPLAY_ENABLED', value: '0', scope: 'ORG' });
		},
		parameters: { configName: 'IS_DIRECT_REPLAY_ENABLED' },
		request: { method: 'GET', path: '/v2/organization/configs/IS_DIRECT_REPLAY_ENABLED' },
		output: (items) => expect(items).toEqual([expect.objectContaining({ entityId: ORG_ID, keyName: 'IS_DIRECT_REPLAY_ENABLED', value: '0', scope: 'ORG' })]),
	},
];

export const errors: ErrorCase[] = [
	{
		resource: 'organization',
		operation: 'getSourceConfigs',
		title: 'another org ID (v2 errors[] 1064)',
		parameters: { orgId: '1', sourceId: byId('2') },
		message: /1064.*Invalid org ID/,
	},
	{
		resource: 'organization',
		operation: 'recordScanEvent',
		title: 'unknown customer (v2 errors[] 8015)',
		parameters: { source: 'INSTORE', eventName: 'GetPromotion', feedIdentifierType: 'email', feedIdentifierValue: 'nobody@example.com' },
		message: /8015/,
	},
];

export default { cases, errors } satisfies CaseFile;
