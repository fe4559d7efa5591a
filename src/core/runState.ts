/**
 * The client-side state of one run: the run, its steps indexed by id (a persistent map, so a new version
 * shares everything that did not change), the ids in arrival order and the `seq` of the last event folded in.
 * Change it only through `applyEvents`; read it with `getStep`, `listSteps` and `stepIds`.
 */
import type { Run, Step } from '../api/types.js';
import { pmapFrom, pmapGet, type PersistentMap } from './persistentMap.js';
import { compareSteps } from './treeNodes.js';

export interface RunState {
  /** The latest run snapshot, null until one is known. */
  readonly run: Run | null;
  /** `seq` of the newest event folded in; older and equal ones are duplicates. */
  readonly lastSeq: number;
  /** Steps by id; read with `getStep`. */
  readonly steps: PersistentMap<Step>;
  /** Step ids by arrival position (0..stepCount-1); read with `stepIds`. */
  readonly ids: PersistentMap<string>;
  readonly stepCount: number;
}

/** Options of `createRunState`. */
export interface RunStateInput {
  /** The run snapshot, e.g. from `getRun`. Defaults to null. */
  run?: Run | null;
  /** Its steps, in any order (the last of duplicate ids wins). Defaults to none. */
  steps?: readonly Step[];
  /** Events up to this `seq` are already reflected. Defaults to `run.lastSeq`, or 0 without a run. */
  lastSeq?: number;
}

/** A run state from a snapshot (for example the answer of `getRun`). */
export function createRunState(input: RunStateInput = {}): RunState {
  const run = input.run ?? null;
  const byId = new Map<string, Step>();
  for (const step of input.steps ?? []) if (step && typeof step.id === 'string') byId.set(step.id, step);
  const sorted = [...byId.values()].sort(compareSteps);
  const lastSeq = input.lastSeq ?? run?.lastSeq ?? 0;
  return {
    run,
    lastSeq: Number.isFinite(lastSeq) ? lastSeq : 0,
    steps: pmapFrom(sorted.map((step) => [step.id, step] as const)),
    ids: pmapFrom(sorted.map((step, position) => [position, step.id] as const)),
    stepCount: sorted.length,
  };
}

/** The step with `id`, or undefined. */
export function getStep(state: RunState, id: string): Step | undefined {
  return pmapGet(state.steps, id);
}

const listed = new WeakMap<PersistentMap<Step>, readonly Step[]>();

/** Every step, ordered by `order` (memoized: the same array until a step changes). O(n) on first call. */
export function listSteps(state: RunState): readonly Step[] {
  const cached = listed.get(state.steps);
  if (cached) return cached;
  const steps = new Array<Step>(state.stepCount);
  let sorted = true;
  for (let position = 0; position < state.stepCount; position++) {
    const step = pmapGet(state.steps, pmapGet(state.ids, position) as string) as Step;
    steps[position] = step;
    if (position > 0 && compareSteps(steps[position - 1] as Step, step) > 0) sorted = false;
  }
  if (!sorted) steps.sort(compareSteps);
  listed.set(state.steps, steps);
  return steps;
}

/** Every step id, ordered by `order`. */
export function stepIds(state: RunState): string[] {
  return listSteps(state).map((step) => step.id);
}
