import { useQuery } from '@tanstack/react-query';
import { isRunApiError } from '../api/errors.js';
import { isTerminalRunStatus } from '../api/status.js';
import type { Run, Step } from '../api/types.js';
import { listSteps, type RunState } from '../core/runState.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { fetchRunState } from './runStateCache.js';
import { useRunStream, type StreamConnection, type ReconnectPolicy } from './useRunStream.js';
import { useRunViews } from './RunViewsProvider.js';

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

export interface UseRunResult extends Omit<QueryStatus, 'refetch'> {
  /** The run; null until loaded. */
  run: Run | null;
  /** Its steps ordered by `order`; the array and every unchanged step keep their identity across updates. */
  steps: readonly Step[];
  /** The folded state (run, steps by id, last `seq`), for `useStepTree` and custom derivations. */
  state: RunState | null;
  /** True while updates are being fetched or streamed (the run is not terminal and `live` is on). */
  isLive: boolean;
  /** Stream mode: the connection's state (`'failed'` with `error` set); `'idle'` in the other modes. */
  connection: StreamConnection;
  /** Fetches what changed now (events after the last `seq`); resolves when done, never rejects. */
  refresh: () => Promise<void>;
}

const NO_STEPS: readonly Step[] = [];

const terminal = (state: RunState | undefined) => Boolean(state?.run && isTerminalRunStatus(state.run.status));
const gone = (error: unknown) => isRunApiError(error) && error.status === 404;

/** One run with its steps, kept current by polling the events after the last `seq`, or by streaming them. */
export function useRun(workflowId: string | null | undefined, runId: string | null | undefined, options: UseRunOptions = {}): UseRunResult {
  const rv = useRunViews();
  const { client, queryClient } = rv;
  const live = options.live ?? 'poll';
  const interval = options.pollIntervalMs ?? 10_000;
  const enabled = Boolean(workflowId && runId) && (options.enabled ?? true);
  const key = rvKeys.run(rv.scope, workflowId ?? '', runId ?? '');
  const query = useQuery(
    {
      queryKey: key,
      queryFn: ({ signal }) => fetchRunState(client, queryClient, key, workflowId as string, runId as string, signal),
      enabled,
      // Polls while the run is active; a run that is gone (404) is not asked for again until `refresh()`.
      refetchInterval: (q) => (live === 'poll' && !terminal(q.state.data) && !gone(q.state.error) ? interval : false),
      refetchIntervalInBackground: false,
      // A finished run never changes, and a streamed one is kept current by the stream: no refetch on
      // focus, mount or reconnect for either.
      staleTime: (q) => (live === 'stream' || terminal(q.state.data) ? Infinity : 0),
      // The state is structurally shared by `applyEvents` already; deep comparison would cost O(steps).
      structuralSharing: false,
      ...rv.retry,
    },
    queryClient,
  );
  const state = query.data ?? null;
  const done = terminal(query.data);
  const stream = useRunStream({
    enabled: enabled && live === 'stream' && state !== null && !done,
    workflowId: workflowId ?? '',
    runId: runId ?? '',
    queryKey: key,
    reconnect: options.reconnect,
  });
  const { refetch } = query;
  const status = queryStatus(query, 'getRun');
  return {
    run: state?.run ?? null,
    // Read lazily: the ordered list costs O(steps) once per state (core memoizes it), and the timeline,
    // which reads `state`, never pays for it.
    get steps() {
      return state ? listSteps(state) : NO_STEPS;
    },
    state,
    isLive: enabled && live !== false && state !== null && !done && !gone(query.error) && stream.connection !== 'failed',
    connection: stream.connection,
    isLoading: status.isLoading,
    isFetching: status.isFetching,
    error: status.error ?? stream.error,
    refresh: async () => {
      if (stream.connection === 'failed') stream.restart();
      await refetch();
    },
  };
}
