import { useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { isTerminalRunStatus } from '../api/status.js';
import type { RunEvent } from '../api/types.js';
import { filterRunEvents, NO_EVENT_FILTERS, normalizeEventFilters, type RunEventFilters } from '../core/runEventFilters.js';
import type { RunObserver } from '../core/runObserver.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseRunEventsOptions {
  /**
   * Keep the log growing while the run is not finished. Defaults to true. While a view of the same run
   * (`useRun`, `RunDetail`) follows it under the provider, new events come from that view's poll or stream,
   * so the log asks nothing by itself; otherwise it polls (paused in hidden tabs).
   */
  live?: boolean;
  /** Poll interval in ms. Defaults to 10 000 ms. */
  pollIntervalMs?: number;
  /**
   * Show only the events that pass these filters (severity, type, text: the log search's, `RunEventFilters`),
   * filtered here: every event is still loaded once. Defaults to all.
   */
  filters?: RunEventFilters;
  /** Set false to hold the requests. Defaults to true. */
  enabled?: boolean;
}

export interface UseRunEventsResult extends QueryStatus {
  /** The run's events in `seq` order (after the filters); grows as new ones arrive. */
  events: readonly RunEvent[];
  /** Highest `seq` loaded. */
  lastSeq: number;
  /** True once the run's terminal event has been seen (no more events will come). */
  finished: boolean;
}

interface EventLog {
  items: RunEvent[];
  lastSeq: number;
  finished: boolean;
}

const TERMINAL_TYPES = new Set(['run_succeeded', 'run_failed', 'run_canceled']);
const isTerminalEvent = (event: RunEvent) =>
  TERMINAL_TYPES.has(event.type) || Boolean(event.run && isTerminalRunStatus(event.run.status));

/** `log` with the events after its last `seq` (taken in `seq` order; older and repeated ones are skipped). */
function appendEvents(log: EventLog, events: readonly RunEvent[]): EventLog {
  const fresh = events.filter((event) => event.seq > log.lastSeq);
  if (fresh.length === 0) return log;
  return {
    items: log.items.concat(fresh),
    lastSeq: fresh.reduce((max, event) => Math.max(max, event.seq), log.lastSeq),
    finished: log.finished || fresh.some(isTerminalEvent),
  };
}

/**
 * Grows the cached log by events a followed view of the run folded in. Only a log they continue is grown: after
 * a gap (the view caught up past events the log never had) the log asks for what it misses instead.
 */
function feedLog(queryClient: QueryClient, key: QueryKey, events: readonly RunEvent[]): void {
  let gap = false;
  queryClient.setQueryData<EventLog>(key, (log) => {
    if (!log) return log; // not loaded yet: the first load asks for everything
    const next = events.find((event) => event.seq > log.lastSeq);
    if (!next) return log;
    if (next.seq !== log.lastSeq + 1) {
      gap = true;
      return log;
    }
    return appendEvents(log, events);
  });
  if (gap) void queryClient.refetchQueries({ queryKey: key, exact: true });
}

const noSubscription = () => () => {};
const NO_EVENTS: readonly RunEvent[] = [];

/**
 * A run's event log, loaded incrementally: each request asks only for the events after the last `seq`. While
 * a view of the run follows it (by polling or by its stream), the log grows from what that view receives and asks
 * the server only for its history and after a gap; until that view has loaded the run, or without one, the log
 * polls on its own every `pollIntervalMs`.
 */
export function useRunEvents(workflowId: string | null | undefined, runId: string | null | undefined, options: UseRunEventsOptions = {}): UseRunEventsResult {
  const rv = useRunViews();
  const { client, queryClient, runs, scope } = rv;
  const key = useMemo(() => rvKeys.events(scope, workflowId ?? '', runId ?? ''), [scope, workflowId, runId]);
  const interval = options.pollIntervalMs ?? 10_000;
  const enabled = Boolean(workflowId && runId) && (options.enabled ?? true);
  const live = options.live ?? true;

  // The run's shared observer, when a view of it (mounted before this hook) has one: it feeds the log.
  const observer: RunObserver | null = enabled && live ? (runs.find(scope, workflowId as string, runId as string) ?? null) : null;
  const watch = useCallback(
    (listener: () => void) => (observer ? runs.subscribe(observer, listener) : noSubscription()),
    [observer, runs],
  );
  // Only whether the run is followed (a boolean): the log does not render again at every publish of the run.
  const isFollowed = useCallback(() => (observer ? observer.getSnapshot().isLive : false), [observer]);
  const followed = useSyncExternalStore(watch, isFollowed, isFollowed);
  useEffect(() => {
    if (!observer) return;
    return observer.subscribeEvents((events) => feedLog(queryClient, key, events));
  }, [observer, queryClient, key]);

  const query = useQuery(
    {
      queryKey: key,
      queryFn: async ({ signal }): Promise<EventLog> => {
        const previous = queryClient.getQueryData<EventLog>(key);
        let log: EventLog = previous ?? { items: [], lastSeq: 0, finished: false };
        for (let round = 0; round < 100; round++) {
          const page = await client.listEvents(workflowId as string, runId as string, { after: log.lastSeq, limit: 1000 }, { signal });
          const grown = appendEvents(log, page.items);
          if (grown === log) break;
          log = grown;
          if (!page.hasMore) break;
        }
        // Events a followed view fed in while this was on its way are kept.
        const meanwhile = queryClient.getQueryData<EventLog>(key);
        return meanwhile && meanwhile !== previous ? appendEvents(log, meanwhile.items) : log;
      },
      enabled,
      refetchInterval: (q) => (live && !followed && !q.state.data?.finished ? interval : false),
      refetchIntervalInBackground: false,
      staleTime: (q) => (q.state.data?.finished ? Infinity : 0),
      structuralSharing: false,
      ...rv.retry,
    },
    queryClient,
  );
  // One key per filter value, so filters written inline do not filter again at every render.
  const filtersKey = JSON.stringify(normalizeEventFilters(options.filters ?? NO_EVENT_FILTERS));
  const items = query.data?.items;
  const events = useMemo(
    () => (items ? filterRunEvents(items, JSON.parse(filtersKey) as RunEventFilters) : NO_EVENTS),
    [items, filtersKey],
  );
  return {
    events,
    lastSeq: query.data?.lastSeq ?? 0,
    finished: query.data?.finished ?? false,
    ...queryStatus(query, 'listEvents'),
  };
}
