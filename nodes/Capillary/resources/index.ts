import type { BuiltResource } from '../shared/operation';
import { customer } from './customer';
import { points } from './points';

/** Every resource of the node, in the order of the Resource dropdown. */
export const resources: BuiltResource[] = [customer, points];
