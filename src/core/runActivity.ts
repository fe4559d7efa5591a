/** Whether a run, known only by its status (or not known at all), can still start steps. */
import { isTerminalRunStatus } from '../api/status.js';
import type { RunStatus } from '../api/types.js';

/** True unless `status` is terminal; an unknown run (null) counts as active. */
export function isActiveRun(status: RunStatus | null | undefined): boolean {
  return status == null || !isTerminalRunStatus(status);
}
