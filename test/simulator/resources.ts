/**
 * Every resource group's handlers, mirroring nodes/Capillary/resources/. A group file exports
 * `register(router, sim)` and keeps its state in `sim.state`.
 */
import type { Router } from './http';
import type { Simulator } from './server';
import * as customer from './customer';
import * as points from './points';

const groups: Array<{ register: (router: Router, sim: Simulator) => void }> = [customer, points];

export function registerResources(router: Router, sim: Simulator): void {
	for (const group of groups) group.register(router, sim);
}
