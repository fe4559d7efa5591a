import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isTerminalRunStatus } from '../api/status.js';
import type { RunEvent, Severity } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseRunEventsOptions {
  /** Poll for new events while the run is not finished (paused in hidden tabs). Defaults to true. */
  live?: boolean;
  /** Poll interval in ms. Defaults to 10 000 ms. */
  pollIntervalMs?: number;
  /** Show only these severities (filtered here; every event is still loaded once). Defaults to all. */
  severity?: readonly Severity[];
  /** Show only these event types. Defaults to all. */
  types?: readonly string[];
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

/** A run's event log, loaded incrementally: each poll asks only for the events after the last `seq`. */
export function useRunEvents(workflowId: string | null | undefined, runId: string | null | undefined, options: UseRunEventsOptions = {}): UseRunEventsResult {
  const rv = useRunViews();
  const { client, queryClient } = rv;
  const key = rvKeys.events(rv.scope, workflowId ?? '', runId ?? '');
  const interval = options.pollIntervalMs ?? 10_000;
  const query = useQuery(
    {
      queryKey: key,
      queryFn: async ({ signal }): Promise<EventLog> => {
        const previous = queryClient.getQueryData<EventLog>(key);
        let log: EventLog = previous ?? { items: [], lastSeq: 0, finished: false };
        for (let round = 0; round < 100; round++) {
          const page = await client.listEvents(workflowId as string, runId as string, { after: log.lastSeq, limit: 1000 }, { signal });
          const fresh = page.items.filter((event) => event.seq > log.lastSeq);
          if (fresh.length === 0) break;
          log = {
            items: log.items.concat(fresh),
            lastSeq: fresh.reduce((max, event) => Math.max(max, event.seq), log.lastSeq),
            finished: log.finished || fresh.some(isTerminalEvent),
          };
          if (!page.hasMore) break;
        }
        return log;
      },
      enabled: Boolean(workflowId && runId) && (options.enabled ?? true),
      refetchInterval: (q) => ((options.live ?? true) && !q.state.data?.finished ? interval : false),
      refetchIntervalInBackground: false,
      staleTime: (q) => (q.state.data?.finished ? Infinity : 0),
      structuralSharing: false,
      ...rv.retry,
    },
    queryClient,
  );
  const { severity, types } = options;
  const severityKey = severity?.join(',') ?? '';
  const typesKey = types?.join(',') ?? '';
  const items = query.data?.items;
  const events = useMemo(() => {
    if (!items) return [];
    if (!severityKey && !typesKey) return items;
    const severities = new Set(severityKey.split(','));
    const typeSet = new Set(typesKey.split(','));
    return items.filter((event) => (!severityKey || severities.has(event.severity)) && (!typesKey || typeSet.has(event.type)));
  }, [items, severityKey, typesKey]);
  return {
    events,
    lastSeq: query.data?.lastSeq ?? 0,
    finished: query.data?.finished ?? false,
    ...queryStatus(query, 'listEvents'),
  };
}
