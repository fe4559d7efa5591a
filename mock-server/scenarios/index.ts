/** Named scenarios: an executor loaded with workflows and runs in the states a scenario is about. */
import { buildExecutor } from '../engine/executor.js';
import type { Executor, ExecutorOptions } from '../engine/executorTypes.js';
import { SCENARIO_LIST, type Scenario } from './registry.js';

export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
}

/** Every scenario, in the order of mock-server/scenarios/README.md. */
export const SCENARIOS: readonly ScenarioInfo[] = SCENARIO_LIST.map(({ name, title, description }) => ({ name, title, description }));

/** An executor loaded with scenario `name` (same seed → same runs, ids and times). */
export function createScenario(name: string, options: Omit<ExecutorOptions, 'scenario'> = {}): Executor {
  const scenario: Scenario | undefined = SCENARIO_LIST.find((s) => s.name === name);
  if (!scenario) throw new Error(`Unknown scenario "${name}". Known: ${SCENARIO_LIST.map((s) => s.name).join(', ')}`);
  // On the real clock, start the scenario as far in the past as its setup moves time, so it ends at about now.
  const lead = options.clock === 'real' && options.now === undefined && scenario.leadMs ? { now: Date.now() - scenario.leadMs } : {};
  const executor = buildExecutor({ ...options, ...lead, scenario: undefined }, name);
  scenario.setup(executor);
  return executor;
}
