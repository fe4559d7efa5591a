/** The list of scenarios (kept apart from index.ts so scenario modules can import helpers without cycles). */
import type { Executor } from '../engine/executorTypes';

export interface Scenario {
  name: string;
  title: string;
  description: string;
  setup(executor: Executor): void;
}

export const SCENARIO_LIST: Scenario[] = [];
