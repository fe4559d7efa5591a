import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Page, Run, RunSort } from '../api/types.js';
import { rvKeys, type RunFeedSource } from './queryKeys.js';
import type { RunFeedData } from './runFeedCache.js';
import { toRunQuery, withoutWorkflow, type RunFeedFilters } from './runFeedQuery.js';
import { useRunViews } from './RunViewsProvider.js';

export interface NewRunsState {
  /** Runs matching the filters that were queued after the list was loaded and are not shown yet. */
  newCount: number;
  /** True when there are more new runs than one check counts (show e.g. "100+"). */
  newCountCapped: boolean;
  /** Brings the list up to date at the top (first page again) and clears `newCount`. */
  showNew: () => void;
}

interface Baseline {
  /** The newest queue time seen when the list was loaded, by the server's clock (never the browser's). */
  since: string | null;
  known: ReadonlySet<string>;
}
interface Probe {
  count: number;
  capped: boolean;
  baseline: Baseline;
}

const PROBE_LIMIT = 100;

function baselineOf(pages: readonly Page<Run>[]): Baseline {
  const known = new Set<string>();
  let since: string | null = null;
  for (const page of pages) {
    for (const run of page.items) {
      known.add(run.id);
      if (since === null || Date.parse(run.queuedAt) > Date.parse(since)) since = run.queuedAt;
    }
  }
  return { since, known };
}

/** A light poll for runs newer than what the list shows, so the list never reflows under the reader. */
export function useNewRuns(
  source: RunFeedSource,
  feed: { data: RunFeedData | undefined; dataUpdatedAt: number; sort: RunSort; filters: RunFeedFilters; key: readonly unknown[] },
  intervalMs: number | false,
  onShowNew: () => void,
): NewRunsState {
  const rv = useRunViews();
  const { client, queryClient, now } = rv;
  const { data, filters, sort, key: feedKey } = feed;
  // Newest first, the loaded pages are the baseline; in any other order one request finds the newest run.
  const seed = useMemo(() => (data && sort === '-queuedAt' ? baselineOf(data.pages) : null), [data, sort]);
  const key = rvKeys.newRuns(rv.scope, source, { filters, loadedAt: feed.dataUpdatedAt });
  const list = (from: string | undefined, signal: AbortSignal) => {
    const base = toRunQuery(filters, '-queuedAt', PROBE_LIMIT, now());
    // The later of the filter's own start and the baseline (`from` is inclusive: known ids are dropped).
    const start = from && (!base.from || Date.parse(from) > Date.parse(base.from)) ? from : base.from;
    const q = { ...base, ...(start ? { from: start } : {}) };
    return source.kind === 'workflow'
      ? client.listWorkflowRuns(source.workflowId, withoutWorkflow(q), { signal })
      : client.listRuns(q, { signal });
  };
  const query = useQuery(
    {
      queryKey: key,
      queryFn: async ({ signal }): Promise<Probe> => {
        const baseline = queryClient.getQueryData<Probe>(key)?.baseline ?? seed;
        if (!baseline) return { count: 0, capped: false, baseline: baselineOf([await list(undefined, signal)]) };
        const page = await list(baseline.since ?? undefined, signal);
        const count = page.items.filter((run) => !baseline.known.has(run.id)).length;
        return { count, capped: page.nextCursor !== null, baseline };
      },
      enabled: data !== undefined && intervalMs !== false,
      refetchInterval: intervalMs,
      refetchIntervalInBackground: false,
      // With a seed, the first check would only find what the list already shows: wait one interval.
      ...(seed ? { initialData: { count: 0, capped: false, baseline: seed }, initialDataUpdatedAt: () => Date.now() } : {}),
      staleTime: typeof intervalMs === 'number' ? intervalMs : Infinity,
      structuralSharing: false,
      retry: false,
    },
    queryClient,
  );

  const feedKeyString = JSON.stringify(feedKey);
  const showNew = useCallback(() => {
    const exact = JSON.parse(feedKeyString) as unknown[];
    // Keep only the first page, then refetch it: one request, no loading flash, the list starts at the top.
    queryClient.setQueryData<RunFeedData>(exact, (old) => old && { pages: old.pages.slice(0, 1), pageParams: old.pageParams.slice(0, 1) });
    void queryClient.refetchQueries({ queryKey: exact, exact: true });
    onShowNew();
  }, [queryClient, feedKeyString, onShowNew]);

  return { newCount: query.data?.count ?? 0, newCountCapped: query.data?.capped ?? false, showNew };
}
