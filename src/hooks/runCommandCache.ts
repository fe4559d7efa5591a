/** Optimistic status changes of a run in the live run and the feeds, and their rollback. */
import type { QueryClient } from '@tanstack/react-query';
import type { Run, RunStatus, StopMode } from '../api/types.js';
import type { RunAction } from '../api/status.js';
import type { RunObserverRegistry } from '../core/runObserver.js';
import { writeRunIntoFeeds } from './runFeedCache.js';

/** What the run will look like once the server accepts `action`; null when it does not change at once. */
export function optimisticRun(run: Run, action: RunAction, mode?: StopMode): Run | null {
  const status: Partial<Record<RunAction, RunStatus>> = { pause: 'paused', resume: 'running', cancel: 'canceled' };
  if (action === 'stop' && mode !== 'graceful') return { ...run, status: 'canceled', cancelReason: 'operator_stop' };
  const next = status[action];
  if (!next) return null;
  return { ...run, status: next, ...(next === 'canceled' ? { cancelReason: 'operator_cancel' as const } : {}) };
}

/** Where a run is held: the live runs (observers) and the TanStack caches of the feeds. */
export interface RunCaches {
  queryClient: QueryClient;
  scope: string;
  runs: RunObserverRegistry;
}

/** Writes `run` (an optimistic update) into the live run and every feed listing it. */
export function writeRun({ queryClient, scope, runs }: RunCaches, run: Run): void {
  runs.find(scope, run.workflowId, run.id)?.setRun(run);
  writeRunIntoFeeds(queryClient, scope, run);
}

/**
 * Writes a command's answer into the live run and the feeds. An answer older than events the live run has folded
 * in since is not taken: the live run's own copy goes to the feeds instead, so a late answer undoes nothing, in
 * the detail or in a list.
 */
export function writeAnswer({ queryClient, scope, runs }: RunCaches, run: Run): void {
  const observer = runs.find(scope, run.workflowId, run.id);
  const taken = observer ? observer.applyAnswer(run) : true;
  const newer = taken ? run : observer?.getSnapshot().run;
  writeRunIntoFeeds(queryClient, scope, newer ?? run);
}

/**
 * Undoes an optimistic write: restores `previous` where the live run still holds the optimistic snapshot
 * itself. Anything the server said since (even the same status, e.g. a stop that timed out but happened) is
 * kept.
 */
export function rollbackRun({ queryClient, scope, runs }: RunCaches, previous: Run, optimistic: Run): void {
  const observer = runs.find(scope, previous.workflowId, previous.id);
  if (observer && observer.getSnapshot().run === optimistic) observer.setRun(previous);
  writeRunIntoFeeds(queryClient, scope, previous);
}

/** Catches a live run up with the server in the background (after a command or a decision). */
export function refreshRun({ scope, runs }: RunCaches, workflowId: string, runId: string): void {
  const observer = runs.find(scope, workflowId, runId);
  if (observer?.isActive) void observer.refresh();
}
