import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Page, Run, RunSort } from '../api/types.js';
import { isActiveRunStatus } from '../api/status.js';
import type { RunClient } from '../api/client-types.js';
import { rvKeys, type RunFeedSource } from './queryKeys.js';
import { toRunQuery, withoutWorkflow, type RunFeedFilters } from './runFeedQuery.js';
import { refreshRunsInFeeds } from './runFeedCache.js';
import { useRunViews } from './RunViewsProvider.js';

const RANGE_LIMIT = 500;
/** Active rows the range request did not cover are looked up one by one, at most this many per refresh. */
const MAX_SINGLE_LOOKUPS = 10;

/**
 * Keeps the statuses of listed runs current while any of them is active. Rows are matched by run id and
 * updated in place — never moved, and new runs are not inserted (those are announced by `newCount`) — so the
 * list does not reflow under the reader. One request covers every run queued since the oldest active row
 * (same filters except status, which is what changes); active rows it misses are looked up by id. Paused in
 * hidden tabs; stops once no listed run is active.
 */
export function useActiveRunsRefresh(
  source: RunFeedSource,
  feed: { runs: readonly Run[]; sort: RunSort; filters: RunFeedFilters },
  intervalMs: number | false,
): void {
  const rv = useRunViews();
  const { client, queryClient, now, scope } = rv;
  // Once per list change, not per render: the list may hold 100 000 runs.
  const { ids, oldest } = useMemo(() => {
    const active = feed.runs.filter((run) => isActiveRunStatus(run.status));
    return {
      ids: active.map((run) => run.id).sort(),
      oldest: active.reduce<string | null>((min, run) => (min === null || run.queuedAt < min ? run.queuedAt : min), null),
    };
  }, [feed.runs]);
  useQuery(
    {
      queryKey: rvKeys.activeRuns(scope, source, { filters: feed.filters, ids }),
      queryFn: async ({ signal }) => {
        const { status: _changes, ...stable } = feed.filters;
        const q = toRunQuery(stable, '-queuedAt', RANGE_LIMIT, now());
        const from = oldest !== null && (!q.from || oldest > q.from) ? oldest : q.from;
        const page = await list(client, source, { ...q, ...(from ? { from } : {}) }, signal);
        const seen = new Set(page.items.map((run) => run.id));
        const missing = ids.filter((id) => !seen.has(id)).slice(0, MAX_SINGLE_LOOKUPS);
        const singles = await Promise.all(
          missing.map((id) => list(client, source, { q: id, limit: 5 }, signal).then((p) => p.items.filter((run) => run.id === id))),
        );
        refreshRunsInFeeds(queryClient, scope, [...page.items, ...singles.flat()]);
        return ids.length;
      },
      enabled: ids.length > 0 && intervalMs !== false,
      refetchInterval: intervalMs,
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: false,
      // The feed itself was just loaded: the first refresh waits one interval.
      initialData: 0,
      initialDataUpdatedAt: () => Date.now(),
      staleTime: typeof intervalMs === 'number' ? intervalMs : Infinity,
      retry: false,
    },
    queryClient,
  );
}

function list(client: RunClient, source: RunFeedSource, q: Parameters<RunClient['listRuns']>[0] & object, signal: AbortSignal): Promise<Page<Run>> {
  return source.kind === 'workflow'
    ? client.listWorkflowRuns(source.workflowId, withoutWorkflow(q), { signal })
    : client.listRuns(q, { signal });
}
