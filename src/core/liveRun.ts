/**
 * A run as a live view holds it: the folded state (run, steps by id, last seq) and its step tree, updated
 * together so the tree costs what changed, not what the run holds. Pure: every function returns a new value
 * that shares everything that did not change.
 */
import type { Run, RunEvent, Step } from '../api/types.js';
import { applyEvents, type ApplyEventsOptions, type SeqGap } from './applyEvents.js';
import { buildStepTree } from './buildStepTree.js';
import { createRunState, listSteps, type RunState } from './runState.js';
import type { StepTree } from './stepTreeTypes.js';
import { updateStepTree } from './updateStepTree.js';

export interface LiveRun {
  readonly state: RunState;
  readonly tree: StepTree;
}

/** A live run from a full snapshot (`getRun`). */
export function createLiveRun(snapshot: { run: Run; steps: readonly Step[]; lastSeq?: number }): LiveRun {
  const state = createRunState({ run: snapshot.run, steps: snapshot.steps, ...(snapshot.lastSeq !== undefined ? { lastSeq: snapshot.lastSeq } : {}) });
  return { state, tree: buildStepTree(listSteps(state), { runStatus: snapshot.run.status }) };
}

export interface FoldResult {
  live: LiveRun;
  /** Missing seq ranges met (with `gapPolicy: 'stop'` nothing after the first was folded in). */
  gaps: SeqGap[];
}

/** `live` with `events` folded in; the same object when nothing changed. Never throws. */
export function foldLiveRun(live: LiveRun, events: readonly RunEvent[], options: ApplyEventsOptions = {}): FoldResult {
  if (events.length === 0) return { live, gaps: [] };
  const result = applyEvents(live.state, events, options);
  if (result.state === live.state) return { live, gaps: result.gaps };
  const runStatus = result.state.run?.status ?? null;
  const tree =
    result.changedSteps.length > 0 || runStatus !== live.tree.runStatus ? updateStepTree(live.tree, result.changedSteps, { runStatus }) : live.tree;
  return { live: { state: result.state, tree }, gaps: result.gaps };
}

/** `live` with a new run snapshot (an optimistic update, a command's answer); steps keep their identity. */
export function withLiveRunSnapshot(live: LiveRun, run: Run): LiveRun {
  if (live.state.run === run) return live;
  const tree = run.status === live.tree.runStatus ? live.tree : updateStepTree(live.tree, [], { runStatus: run.status });
  return { state: { ...live.state, run }, tree };
}
