/**
 * The overall status of a group of steps (one automation of a run), derived from how many of its steps are
 * in each status. Works from counts so an update only adjusts two numbers and re-derives in constant time.
 */
import { STEP_STATUSES } from '../api/schemas.js';
import type { Step, StepStatus } from '../api/types.js';
import type { GroupStatus, StatusCounts } from './stepTreeTypes.js';

/** Group statuses from the one that wins to the one that loses when several apply. */
export const GROUP_STATUS_PRECEDENCE: readonly GroupStatus[] = [
  'running',
  'pending',
  'failed',
  'rejected',
  'canceled',
  'skipped',
  'succeeded',
];

/** Counts with every status at zero. */
export function emptyStatusCounts(): Record<StepStatus, number> {
  const counts = {} as Record<StepStatus, number>;
  for (const status of STEP_STATUSES) counts[status] = 0;
  return counts;
}

/** How many of `steps` are in each status. */
export function countStatuses(steps: Iterable<Pick<Step, 'status'>>): Record<StepStatus, number> {
  const counts = emptyStatusCounts();
  for (const step of steps) if (step.status in counts) counts[step.status]++;
  return counts;
}

/**
 * The status of a group from its status counts. `runActive` says whether the run can still start steps:
 * while it can, pending steps are still to run; once it cannot, they never ran (like skipped ones).
 * Precedence (first match wins): running › pending › failed › rejected › canceled › skipped › succeeded;
 * see `GroupStatus`.
 */
export function deriveGroupStatus(counts: StatusCounts, runActive: boolean): GroupStatus {
  let total = 0;
  for (const status of STEP_STATUSES) total += counts[status];
  if (counts.running > 0 || counts.waiting > 0) return 'running';
  if (runActive && counts.pending > 0) return counts.pending === total ? 'pending' : 'running';
  if (counts.failed > 0) return 'failed';
  if (counts.rejected > 0) return 'rejected';
  if (counts.canceled > 0 || counts.stopped > 0) return 'canceled';
  if (total === 0 || counts.skipped + counts.pending === total) return 'skipped';
  return 'succeeded';
}
