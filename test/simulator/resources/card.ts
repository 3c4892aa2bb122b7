/** card endpoints. */
import type { Router } from '../http';
import type { Simulator } from '../server';

export function register(_router: Router, _sim: Simulator): void {}
