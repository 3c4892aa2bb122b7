import { organizationSearch } from './organization';
import { loyaltySearch } from './loyalty';
import { operationsSearch } from './operations';

/**
 * Every listSearch method of the node (dropdowns filled from Capillary), grouped by the part of
 * the API they read. Reference them from a field by name (locatorField's `searchMethod`).
 */
export const listSearchMethods = {
	...organizationSearch,
	...loyaltySearch,
	...operationsSearch,
};
