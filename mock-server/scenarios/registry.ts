/** Every scenario, in README order. */
import { DEMO } from './demo';
import { LARGE } from './large';
import { SITUATIONS } from './situations';
import { STATUSES } from './statuses';
import type { Scenario } from './types';

export type { Scenario };

export const SCENARIO_LIST: Scenario[] = [DEMO, STATUSES, ...SITUATIONS, ...LARGE];
