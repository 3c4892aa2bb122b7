import { defineResource } from '../shared/operation';

export const badge = defineResource({
	value: 'badge',
	name: 'Badge',
	description: 'Badge definitions, enrolment, issue and revocation (API gateway)',
	operations: [],
});
