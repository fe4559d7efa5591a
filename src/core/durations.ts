/**
 * Durations and progress of runs and steps. Finished things use the recorded figures; things still in
 * progress count up to `now` (pass the same `now` to every row of a render so they agree).
 * Every result is in milliseconds and never negative; null means "not known / not started".
 */
import { isTerminalRunStatus, isTerminalStepStatus } from '../api/status.js';
import type { Run, Step } from '../api/types.js';

/** A point in time: ms since the epoch or a Date. */
export type Instant = number | Date;

function ms(instant: Instant): number {
  return typeof instant === 'number' ? instant : instant.getTime();
}

/** Milliseconds since the epoch of an ISO time, or null when missing or unparseable. */
export function parseTime(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string' || iso === '') return null;
  const time = Date.parse(iso);
  return Number.isFinite(time) ? time : null;
}

function span(from: number | null, to: number | null): number | null {
  if (from === null || to === null || !Number.isFinite(to)) return null;
  return Math.max(0, to - from);
}

/** How long a step ran: its recorded duration, else start→end, else start→now while it is still going. */
export function stepDuration(step: Step, now: Instant): number | null {
  if (typeof step.durationMs === 'number') return Math.max(0, step.durationMs);
  const started = parseTime(step.startedAt);
  const ended = parseTime(step.endedAt);
  if (ended !== null) return span(started, ended);
  return isTerminalStepStatus(step.status) ? null : span(started, ms(now));
}

/** How long a run has run: live (start→now) while it is not finished, its recorded run time once it is. */
export function runDuration(run: Run, now: Instant): number | null {
  const started = parseTime(run.startedAt);
  if (!isTerminalRunStatus(run.status)) return span(started, ms(now));
  if (typeof run.runTimeMs === 'number') return Math.max(0, run.runTimeMs);
  return span(started, parseTime(run.completedAt));
}

/**
 * How long a run waited for a worker: queued→claimed. Live while it is still queued; for a run canceled in
 * the queue, queued→canceled.
 */
export function queueDuration(run: Run, now: Instant): number | null {
  if (typeof run.queueTimeMs === 'number') return Math.max(0, run.queueTimeMs);
  const queued = parseTime(run.queuedAt);
  const picked = parseTime(run.claimedAt) ?? parseTime(run.startedAt);
  if (picked !== null) return span(queued, picked);
  if (run.status === 'queued') return span(queued, ms(now));
  return span(queued, parseTime(run.completedAt));
}

/** Progress of a run, for a progress bar. */
export interface RunProgress {
  done: number;
  total: number;
  /** done / total in 0..1; 1 for a succeeded run; 0 when nothing is known yet. */
  ratio: number;
  /** True while the total is unknown (no steps yet) and the run is still going. */
  indeterminate: boolean;
}

/**
 * Progress from the run's own counters, or, when `steps` are given, from them (finished steps over all),
 * which stays current between run snapshots.
 */
export function runProgress(run: Run, steps?: Iterable<Pick<Step, 'status'>>): RunProgress {
  let done = Math.max(0, run.progress?.done ?? 0);
  let total = Math.max(0, run.progress?.total ?? 0);
  if (steps) {
    done = 0;
    total = 0;
    for (const step of steps) {
      total++;
      if (isTerminalStepStatus(step.status)) done++;
    }
  }
  const finished = isTerminalRunStatus(run.status);
  if (total === 0) return { done, total, ratio: run.status === 'succeeded' ? 1 : 0, indeterminate: !finished };
  const ratio = run.status === 'succeeded' ? 1 : Math.min(1, done / total);
  return { done: Math.min(done, total), total, ratio, indeterminate: false };
}
