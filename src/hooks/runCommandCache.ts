/** Optimistic status changes of a run in the caches, and their rollback. */
import type { QueryClient } from '@tanstack/react-query';
import type { Run, RunStatus, StopMode } from '../api/types.js';
import type { RunAction } from '../api/status.js';
import type { RunState } from '../core/runState.js';
import { rvKeys } from './queryKeys.js';
import { writeRunIntoFeeds } from './runFeedCache.js';
import { withRun } from './runStateCache.js';

/** What the run will look like once the server accepts `action`; null when it does not change at once. */
export function optimisticRun(run: Run, action: RunAction, mode?: StopMode): Run | null {
  const status: Partial<Record<RunAction, RunStatus>> = { pause: 'paused', resume: 'running', cancel: 'canceled' };
  if (action === 'stop' && mode !== 'graceful') return { ...run, status: 'canceled', cancelReason: 'operator_stop' };
  const next = status[action];
  if (!next) return null;
  return { ...run, status: next, ...(next === 'canceled' ? { cancelReason: 'operator_cancel' as const } : {}) };
}

/** Writes `run` into the run detail cache and every feed listing it. */
export function writeRun(queryClient: QueryClient, scope: string, run: Run): void {
  queryClient.setQueryData<RunState>(rvKeys.run(scope, run.workflowId, run.id), (state) => (state ? withRun(state, run) : state));
  writeRunIntoFeeds(queryClient, scope, run);
}

/**
 * Undoes an optimistic write: restores `previous` where the cache still shows the optimistic status (a newer
 * answer from the server, if one landed meanwhile, is kept).
 */
export function rollbackRun(queryClient: QueryClient, scope: string, previous: Run, optimistic: Run): void {
  const key = rvKeys.run(scope, previous.workflowId, previous.id);
  const state = queryClient.getQueryData<RunState>(key);
  if (state?.run && state.run.status === optimistic.status) {
    queryClient.setQueryData<RunState>(key, withRun(state, { ...state.run, status: previous.status, cancelReason: previous.cancelReason }));
  }
  writeRunIntoFeeds(queryClient, scope, previous);
}
