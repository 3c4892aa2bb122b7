import { badgeSearch } from './badge';
import { couponLoadOptions, couponSearch } from './coupon';
import { customerSearch } from './customer';
import { engagementSearch } from './engagement';
import { loyaltySearch } from './loyalty';
import { operationsSearch } from './operations';
import { organizationLoadOptions, organizationSearch } from './organization';
import { storeSearch } from './store';

/**
 * Every listSearch method of the node (dropdowns filled from Capillary), grouped by the part of
 * the API they read. Reference them from a field by name (locatorField's `searchMethod`).
 */
export const listSearchMethods = {
	...organizationSearch,
	...customerSearch,
	...loyaltySearch,
	...couponSearch,
	...badgeSearch,
	...engagementSearch,
	...operationsSearch,
	...storeSearch,
};

/** Dropdowns inside lists (fixed collections), where resource locators cannot be used. */
export const loadOptionsMethods = {
	...organizationLoadOptions,
	...couponLoadOptions,
};
