import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { rvKeys, type RunFeedSource } from './queryKeys';
import type { RunFeedData } from './runFeedCache';
import { toRunQuery, withoutWorkflow, type RunFeedFilters } from './runFeedQuery';
import { useRunViews } from './RunViewsProvider';

export interface NewRunsState {
  /** Runs matching the filters that were queued after the list was loaded and are not shown yet. */
  newCount: number;
  /** True when there are more new runs than one check counts (show e.g. "100+"). */
  newCountCapped: boolean;
  /** Brings the list up to date at the top (first page again) and clears `newCount`. */
  showNew: () => void;
}

const PROBE_LIMIT = 100;

/** A light poll for runs newer than the newest one shown, so the list never reflows under the reader. */
export function useNewRuns(
  source: RunFeedSource,
  data: RunFeedData | undefined,
  filters: RunFeedFilters,
  feedKey: readonly unknown[],
  intervalMs: number | false,
  onShowNew: () => void,
): NewRunsState {
  const rv = useRunViews();
  const { client, queryClient, now } = rv;
  // Baseline: the newest queue time the user has seen, by the server's clock (never the browser's).
  const baseline = useMemo(() => {
    const known = new Set<string>();
    let since: string | null = null;
    for (const page of data?.pages ?? []) {
      for (const run of page.items) {
        known.add(run.id);
        if (since === null || Date.parse(run.queuedAt) > Date.parse(since)) since = run.queuedAt;
      }
    }
    return { known, since };
  }, [data]);

  const query = useQuery(
    {
      queryKey: rvKeys.newRuns(rv.scope, source, { filters, since: baseline.since }),
      queryFn: async ({ signal }) => {
        const base = toRunQuery(filters, '-queuedAt', PROBE_LIMIT, now());
        const since = baseline.since;
        // Keep the later of the filter's own start and the baseline (`from` is inclusive: known ids are dropped).
        const from = since && (!base.from || Date.parse(since) > Date.parse(base.from)) ? since : base.from;
        const q = { ...base, ...(from ? { from } : {}) };
        const page =
          source.kind === 'workflow'
            ? await client.listWorkflowRuns(source.workflowId, withoutWorkflow(q), { signal })
            : await client.listRuns(q, { signal });
        return { count: page.items.filter((run) => !baseline.known.has(run.id)).length, capped: page.nextCursor !== null };
      },
      enabled: data !== undefined && intervalMs !== false,
      refetchInterval: intervalMs,
      refetchIntervalInBackground: false,
      // The first check would only find what the list already shows; wait one interval.
      initialData: { count: 0, capped: false },
      initialDataUpdatedAt: () => Date.now(),
      staleTime: typeof intervalMs === 'number' ? intervalMs : Infinity,
      retry: false,
    },
    queryClient,
  );

  const showNew = useCallback(() => {
    // Keep only the first page, then refetch it: one request, no loading flash, the list starts at the top.
    queryClient.setQueryData<RunFeedData>(feedKey, (old) =>
      old && { pages: old.pages.slice(0, 1), pageParams: old.pageParams.slice(0, 1) },
    );
    void queryClient.refetchQueries({ queryKey: feedKey, exact: true });
    onShowNew();
  }, [queryClient, feedKey, onShowNew]);

  return { newCount: query.data?.count ?? 0, newCountCapped: query.data?.capped ?? false, showNew };
}
