/** Every scenario, in README order. */
import { DEMO } from './demo.js';
import { LARGE } from './large.js';
import { SITUATIONS } from './situations.js';
import { STATUSES } from './statuses.js';
import type { Scenario } from './types.js';

export type { Scenario };

export const SCENARIO_LIST: Scenario[] = [DEMO, STATUSES, ...SITUATIONS, ...LARGE];
