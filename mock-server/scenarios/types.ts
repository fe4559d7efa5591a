import type { Executor } from '../engine/executorTypes.js';

export interface Scenario {
  name: string;
  title: string;
  description: string;
  setup(executor: Executor): void;
}
