/**
 * Troubleshooting hints of a run list: the four situations a reader asks about (nothing ran yet; runs wait
 * in the queue for long, so the worker may be down; a run failed; a run succeeded but its result is not what
 * was expected). Pure: the view decides where to show them.
 */
import type { Run } from '../api/types.js';
import { parseTime, type Instant } from './durations.js';

/** A run is "queued for long" after this long without a worker, unless the host says otherwise. */
export const DEFAULT_QUEUED_LONG_MS = 5 * 60_000;

export type RunHint =
  /** Still queued (no worker claimed it) for longer than the threshold. */
  | 'queued_long'
  /** Finished with an error: read it, and the prompt and defaults that launched the run. */
  | 'failed'
  /** Finished well: if the result is not what was expected, read its summary, then adjust the next prompt. */
  | 'check_result';

/** The hint for one run, or null when there is nothing to say (running, paused, canceled, queued briefly). */
export function runHint(run: Pick<Run, 'status' | 'queuedAt'>, now: Instant, queuedLongMs = DEFAULT_QUEUED_LONG_MS): RunHint | null {
  if (run.status === 'failed') return 'failed';
  if (run.status === 'succeeded') return 'check_result';
  if (run.status === 'queued') {
    const queued = parseTime(run.queuedAt);
    const at = typeof now === 'number' ? now : now.getTime();
    return queued !== null && at - queued > queuedLongMs ? 'queued_long' : null;
  }
  return null;
}

/** How many of `runs` are queued for long, and since when the oldest waits (for a list-level notice). */
export function queuedLongRuns(
  runs: readonly Pick<Run, 'status' | 'queuedAt'>[],
  now: Instant,
  queuedLongMs = DEFAULT_QUEUED_LONG_MS,
): { count: number; oldestQueuedAt: string | null } {
  let count = 0;
  let oldest: string | null = null;
  let oldestTime = Infinity;
  for (const run of runs) {
    if (runHint(run, now, queuedLongMs) !== 'queued_long') continue;
    count++;
    const time = parseTime(run.queuedAt)!;
    if (time < oldestTime) {
      oldestTime = time;
      oldest = run.queuedAt;
    }
  }
  return { count, oldestQueuedAt: oldest };
}

/** Why a list shows no rows: nothing ran at all, or the filters leave nothing. */
export function emptyListReason(hasFilters: boolean): 'no_runs' | 'no_match' {
  return hasFilters ? 'no_match' : 'no_runs';
}
