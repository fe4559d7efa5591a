/**
 * Two runs of a workflow side by side (a replay and its source, by default): their steps matched by place in
 * the graph (node, loop iteration, page; see `stepPlaces`), what differs per step (status, duration, attempts,
 * output size, presence) and the first divergence: the earliest step, in the run's own order, whose outcome
 * differs. Durations within a tolerance count as the same (timing jitter is not a divergence).
 */
import { isTerminalStepStatus } from '../api/status.js';
import { stepPlaces } from '../api/stepPlace.js';
import type { Run, Step } from '../api/types.js';

export type StepDifference = 'missing' | 'status' | 'attempts' | 'output' | 'duration';

export interface StepComparison {
  /** The steps' place in the graph (stable across both runs). */
  readonly key: string;
  readonly name: string;
  /** Nesting depth (0 = top level). */
  readonly depth: number;
  /** The step in this run, or null when only the other run has it. */
  readonly a: Step | null;
  /** The step in the other run, or null when only this run has it. */
  readonly b: Step | null;
  /** What differs, most telling first; empty when the step is the same in both. */
  readonly differences: readonly StepDifference[];
}

export interface RunComparison {
  /** Every place either run reached, in this run's step order, the other run's extra steps after their predecessor. */
  readonly rows: readonly StepComparison[];
  /**
   * Index in `rows` of the first step whose outcome differs (status, attempts, output size or presence), or
   * null. A step not finished on either side is not counted: its outcome is not known yet.
   */
  readonly firstDivergence: number | null;
  /** Rows with any difference (duration included). */
  readonly differing: number;
}

export interface CompareRunsOptions {
  /** Durations this close (ms, or this share of the longer one) are the same. Defaults to 250 ms or 20 %. */
  durationToleranceMs?: number;
  durationToleranceShare?: number;
}

const OUTCOME: ReadonlySet<StepDifference> = new Set(['missing', 'status', 'attempts', 'output']);

function depthOf(step: Step, byId: ReadonlyMap<string, Step>): number {
  let depth = 0;
  for (let parent = step.parentId; parent !== null && depth < 64; depth++) parent = byId.get(parent)?.parentId ?? null;
  return depth;
}

function differencesOf(a: Step | null, b: Step | null, options: Required<CompareRunsOptions>): StepDifference[] {
  if (!a || !b) return ['missing'];
  if (!isTerminalStepStatus(a.status) || !isTerminalStepStatus(b.status)) return a.status === b.status ? [] : ['status'];
  const out: StepDifference[] = [];
  if (a.status !== b.status || a.skipReason !== b.skipReason) out.push('status');
  if (a.attempts !== b.attempts && !a.reusedFrom && !b.reusedFrom) out.push('attempts');
  if (a.outputSize !== b.outputSize) out.push('output');
  if (a.durationMs !== null && b.durationMs !== null) {
    const gap = Math.abs(a.durationMs - b.durationMs);
    if (gap > options.durationToleranceMs && gap > options.durationToleranceShare * Math.max(a.durationMs, b.durationMs)) out.push('duration');
  }
  return out;
}

/** `a` (this run's steps) against `b` (the other run's), in any order. Linear in the steps (plus sorting). */
export function compareRuns(a: readonly Step[], b: readonly Step[], options: CompareRunsOptions = {}): RunComparison {
  const settings = { durationToleranceMs: options.durationToleranceMs ?? 250, durationToleranceShare: options.durationToleranceShare ?? 0.2 };
  const ordered = (steps: readonly Step[]) => [...steps].sort((x, y) => x.order - y.order);
  const stepsA = ordered(a);
  const stepsB = ordered(b);
  const placesA = stepPlaces(stepsA);
  const placesB = stepPlaces(stepsB);
  const byIdA = new Map(stepsA.map((step) => [step.id, step]));
  const byIdB = new Map(stepsB.map((step) => [step.id, step]));
  const bByPlace = new Map<string, Step>();
  for (const step of stepsB) if (!bByPlace.has(placesB.get(step.id)!)) bByPlace.set(placesB.get(step.id)!, step);
  const aPlaces = new Set(placesA.values());

  const rows: StepComparison[] = [];
  const row = (key: string, stepA: Step | null, stepB: Step | null): StepComparison => {
    const shown = (stepA ?? stepB)!;
    return { key, name: shown.name, depth: depthOf(shown, stepA ? byIdA : byIdB), a: stepA, b: stepB, differences: differencesOf(stepA, stepB, settings) };
  };
  // The other run's steps that this run never reached go right after the step that precedes them there.
  const extrasAfter = new Map<string, Step[]>();
  let previous = '';
  const leading: Step[] = [];
  for (const step of stepsB) {
    const place = placesB.get(step.id)!;
    if (aPlaces.has(place)) previous = place;
    else if (previous === '') leading.push(step);
    else {
      const list = extrasAfter.get(previous);
      if (list) list.push(step);
      else extrasAfter.set(previous, [step]);
    }
  }
  for (const step of leading) rows.push(row(placesB.get(step.id)!, null, step));
  const seen = new Set<string>();
  for (const step of stepsA) {
    const place = placesA.get(step.id)!;
    if (seen.has(place)) continue;
    seen.add(place);
    rows.push(row(place, step, bByPlace.get(place) ?? null));
    for (const extra of extrasAfter.get(place) ?? []) rows.push(row(placesB.get(extra.id)!, null, extra));
  }
  let firstDivergence: number | null = null;
  let differing = 0;
  rows.forEach((r, index) => {
    if (r.differences.length) differing++;
    const settled = !r.a || !r.b || (isTerminalStepStatus(r.a.status) && isTerminalStepStatus(r.b.status));
    if (firstDivergence === null && settled && r.differences.some((d) => OUTCOME.has(d))) firstDivergence = index;
  });
  return { rows, firstDivergence, differing };
}

/** The run a run is compared with by default: the run it replays, else its newest replay, else none. */
export function defaultComparison(run: Pick<Run, 'replayOf'> | null | undefined, replays: readonly Pick<Run, 'id'>[] | null | undefined): string | null {
  return run?.replayOf ?? replays?.[0]?.id ?? null;
}
