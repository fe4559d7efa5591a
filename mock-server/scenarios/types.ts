import type { Executor } from '../engine/executorTypes.js';

export interface Scenario {
  name: string;
  title: string;
  description: string;
  /**
   * How far `setup` moves the clock (ms). On the real clock the executor starts this long before now, so that when
   * setup is done its clock is about the wall clock (runs it just started read "now", not "in 2 minutes").
   */
  leadMs?: number;
  setup(executor: Executor): void;
}
