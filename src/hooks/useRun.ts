import { useCallback, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import type { Run, Step } from '../api/types.js';
import { IDLE_RUN_SNAPSHOT, RunObserver, type ReconnectPolicy, type RunObserverOptions, type RunObserverSnapshot, type StreamConnection } from '../core/runObserver.js';
import { listSteps, type RunState } from '../core/runState.js';
import type { StepTree } from '../core/stepTreeTypes.js';
import type { RunApiError } from '../api/errors.js';
import { useRunViews } from './RunViewsProvider.js';

export type { ReconnectPolicy, StreamConnection };

export interface UseRunOptions {
  /**
   * How the run stays current while it is not terminal: `'poll'` asks for the events after the last `seq`
   * every `pollIntervalMs` (paused in hidden tabs), `'stream'` subscribes to the live event stream, `false`
   * loads once (use `refresh()`). Defaults to `'poll'`.
   */
  live?: 'poll' | 'stream' | false;
  /** Poll interval in ms. Defaults to 10 000 ms. */
  pollIntervalMs?: number;
  /** Stream reconnect backoff. Defaults to 1 000 ms doubling up to 30 000 ms. */
  reconnect?: ReconnectPolicy;
  /** Set false to hold the requests. Defaults to true. */
  enabled?: boolean;
}

export interface UseRunResult {
  /** The run; null until loaded. */
  run: Run | null;
  /** Its steps ordered by `order`; the array and every unchanged step keep their identity across updates. */
  steps: readonly Step[];
  /** The folded state (run, steps by id, last `seq`), for custom derivations. */
  state: RunState | null;
  /** The step tree, updated (not rebuilt) with each change: pass it to `useStepTimeline` or `StepTimelineView`. */
  tree: StepTree;
  /** True until the first answer (or error) arrives. */
  isLoading: boolean;
  /** True while a request is in flight, including background refreshes. */
  isFetching: boolean;
  /** The last failure (load, poll or stream), or null. Data from before the failure stays available beside it. */
  error: RunApiError | null;
  /** True while updates are being fetched or streamed (the run is not terminal and `live` is on). */
  isLive: boolean;
  /** Stream mode: the connection's state (`'failed'` with `error` set); `'idle'` in the other modes. */
  connection: StreamConnection;
  /** When the run last changed from the server (ms since epoch), null before. */
  updatedAt: number | null;
  /** Fetches what changed now (events after the last `seq`); resolves when done, never rejects. */
  refresh: () => Promise<void>;
}

const NO_STEPS: readonly Step[] = [];
const noSubscription = () => () => {};
const disabledSnapshot = (): RunObserverSnapshot => IDLE_RUN_SNAPSHOT;
const noRefresh = async () => {};

/**
 * One run with its steps and step tree, kept current by polling the events after the last `seq`, or by
 * streaming them. A thin binding of core's framework-free `RunObserver` (shared by every view of the same
 * run under one provider) through `useSyncExternalStore`.
 */
export function useRun(workflowId: string | null | undefined, runId: string | null | undefined, options: UseRunOptions = {}): UseRunResult {
  const rv = useRunViews();
  const { client, scope, runs, retryPolicy } = rv;
  const enabled = Boolean(workflowId && runId) && (options.enabled ?? true);
  const { live = 'poll', pollIntervalMs, reconnect } = options;
  const baseDelayMs = reconnect?.baseDelayMs;
  const maxDelayMs = reconnect?.maxDelayMs;
  const observerOptions = useMemo<RunObserverOptions>(
    () => ({
      live,
      ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
      reconnect: { ...(baseDelayMs !== undefined ? { baseDelayMs } : {}), ...(maxDelayMs !== undefined ? { maxDelayMs } : {}) },
      retries: retryPolicy.retries,
      retryDelayMs: retryPolicy.delayMs,
    }),
    [live, pollIntervalMs, baseDelayMs, maxDelayMs, retryPolicy],
  );
  const observer = useMemo(
    () =>
      enabled
        ? runs.get(scope, workflowId as string, runId as string, () => new RunObserver(client, workflowId as string, runId as string, observerOptions))
        : null,
    // The options reach an existing observer through `setOptions` below, not by making a new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [enabled, runs, scope, client, workflowId, runId],
  );
  // Before the subscription below starts it, so it follows the run the way this view asks, with the client the
  // provider has now (new headers after a token was renewed reach live runs too).
  useLayoutEffect(() => {
    observer?.setClient(client);
    observer?.setOptions(observerOptions);
  }, [observer, client, observerOptions]);
  const subscribe = useCallback((listener: () => void) => (observer ? runs.subscribe(observer, listener) : noSubscription()), [observer, runs]);
  const snapshot = useSyncExternalStore(subscribe, observer ? observer.getSnapshot : disabledSnapshot, observer ? observer.getSnapshot : disabledSnapshot);
  const { state } = snapshot;
  return {
    run: snapshot.run,
    // Read lazily: the ordered list costs O(steps) once per state (core memoizes it); the timeline, which
    // reads `tree`, never pays for it.
    get steps() {
      return state ? listSteps(state) : NO_STEPS;
    },
    state,
    tree: snapshot.tree,
    isLoading: snapshot.isLoading,
    isFetching: snapshot.isFetching,
    error: snapshot.error,
    isLive: snapshot.isLive,
    connection: snapshot.connection,
    updatedAt: snapshot.updatedAt,
    refresh: observer ? observer.refresh : noRefresh,
  };
}
