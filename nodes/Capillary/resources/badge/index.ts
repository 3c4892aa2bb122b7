import { defineResource } from '../../shared/operation';
import { customerOperations } from './customer';
import { definitionOperations } from './definition';

/**
 * Badges (api_gateway/v1/badges): the org's tag definitions ("org meta"), badge definitions
 * ("badge meta"), module claims, enrolment (Capillary calls it "issue") and earning, and their
 * revocation. Every response is `{data, errors, warnings}`; the org is named by the
 * X-CAP-API-AUTH-ORG-ID header the credential adds.
 */
export const badge = defineResource({
	value: 'badge',
	name: 'Badge',
	description: 'Badge definitions, enrolment, issue and revocation (API gateway)',
	operations: [...definitionOperations, ...customerOperations],
});
