/**
 * Folds new events of a run into its `RunState`. Each `run_*` event carries a run snapshot and each `step_*`
 * event a step snapshot; the newest snapshot wins. The result is a new state that shares everything that did
 * not change: an unchanged step keeps its object identity (even when an event repeats an equal snapshot),
 * and the cost depends on the number of events, not on the number of steps in the run.
 */
import type { Run, RunEvent, Step } from '../api/types.js';
import { equalJson } from './equalJson.js';
import { pmapGet, pmapSet } from './persistentMap.js';
import type { RunState } from './runState.js';

/** Events `after` < seq < `before` were never seen. */
export interface SeqGap {
  after: number;
  before: number;
}

/** Options of `applyEvents`. */
export interface ApplyEventsOptions {
  /**
   * What to do when an event's seq skips numbers: `'apply'` folds it in anyway (snapshots are complete, and
   * the gap is reported), `'stop'` folds nothing from there on so the caller can fetch `after=lastSeq`.
   * Defaults to `'apply'`.
   */
  gapPolicy?: 'apply' | 'stop';
}

/** What `applyEvents` did. */
export interface ApplyEventsResult {
  /** The new state; the same object when nothing changed. */
  state: RunState;
  /** Steps that are new or changed, in their latest version, each once. */
  changedSteps: Step[];
  /** True when the run snapshot changed. */
  runChanged: boolean;
  /** Events folded in. */
  applied: number;
  /** Events already seen (seq not after `lastSeq`, or repeated in the batch): ignored. */
  duplicates: number;
  /** Events of another run or without a usable seq: ignored. */
  ignored: number;
  /** Missing seq ranges met on the way. */
  gaps: SeqGap[];
}

/** `state` with `events` folded in, in seq order (the batch may be unsorted). Never throws. */
export function applyEvents(
  state: RunState,
  events: readonly RunEvent[],
  options: ApplyEventsOptions = {},
): ApplyEventsResult {
  const stopAtGap = options.gapPolicy === 'stop';
  const usable = events.filter((event) => event && Number.isSafeInteger(event.seq) && event.seq > 0);
  let ignored = events.length - usable.length;
  if (!isSortedBySeq(usable)) usable.sort((a, b) => a.seq - b.seq);

  let { run, lastSeq, steps, ids, stepCount } = state;
  let runId = run?.id ?? null;
  const changed = new Map<string, Step>();
  const gaps: SeqGap[] = [];
  let applied = 0;
  let duplicates = 0;
  let runChanged = false;

  for (const event of usable) {
    if (event.seq <= lastSeq) {
      duplicates++;
      continue;
    }
    if (runId !== null && event.runId !== runId) {
      ignored++;
      continue;
    }
    if (event.seq > lastSeq + 1) {
      gaps.push({ after: lastSeq, before: event.seq });
      if (stopAtGap) break;
    }
    lastSeq = event.seq;
    applied++;
    runId ??= typeof event.runId === 'string' ? event.runId : null;
    if (isRun(event.run) && (runId === null || event.run.id === runId) && !equalJson(run, event.run)) {
      run = event.run;
      runChanged = true;
    }
    const step = event.step;
    if (!isStep(step) || (runId !== null && step.runId !== runId)) continue;
    const current = pmapGet(steps, step.id);
    if (current === undefined) {
      ids = pmapSet(ids, stepCount, step.id);
      stepCount++;
    } else if (current === step || equalJson(current, step)) {
      continue;
    }
    steps = pmapSet(steps, step.id, step);
    changed.delete(step.id);
    changed.set(step.id, step);
  }

  const unchanged = !runChanged && changed.size === 0 && lastSeq === state.lastSeq;
  return {
    state: unchanged ? state : { run, lastSeq, steps, ids, stepCount },
    changedSteps: [...changed.values()],
    runChanged,
    applied,
    duplicates,
    ignored,
    gaps,
  };
}

function isSortedBySeq(events: readonly RunEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if ((events[i] as RunEvent).seq < (events[i - 1] as RunEvent).seq) return false;
  return true;
}

function isRun(value: unknown): value is Run {
  return typeof value === 'object' && value !== null && typeof (value as Run).id === 'string';
}

function isStep(value: unknown): value is Step {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Step;
  return typeof step.id === 'string' && typeof step.order === 'number' && typeof step.status === 'string';
}
