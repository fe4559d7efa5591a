import { useQuery, type Query } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { RunStatusCounts } from '../api/types.js';
import { filtersToRunQuery } from '../core/runFilters.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys, type RunFeedSource } from './queryKeys.js';
import type { RunFeedParams } from './runFeedCache.js';
import { canonicalFilters, withoutWorkflow, type RunFeedFilters } from './runFeedQuery.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseRunStatusCountsOptions {
  /** Counts the runs of this workflow only (as `useWorkflowRuns`). Defaults to every workflow (`filters.workflowId` still applies). */
  workflowId?: string;
  /** The feed's filters; sort is ignored. Defaults to none (every run). */
  filters?: RunFeedFilters;
  /** Set false to hold the request. Defaults to true. */
  enabled?: boolean;
  /** How often to count again, in ms; `false` only when the feed refreshes. Paused in hidden tabs. Defaults to 15 000 ms. */
  refetchIntervalMs?: number | false;
}

export interface UseRunStatusCountsResult extends QueryStatus {
  /** `{ total, byStatus }`, or null until the first answer. Kept while new filters are being counted. */
  counts: RunStatusCounts | null;
  /** Runs matching every filter, `status` included; null until loaded. */
  total: number | null;
  /** Runs per status matching every filter but `status` (what each status chip would add); null until loaded. */
  byStatus: RunStatusCounts['byStatus'] | null;
}

/** Counts are not asked again more often than this when the feed refreshes. */
const MIN_GAP_MS = 1_000;

/**
 * How many runs match the feed's filters, in all and per status, for status chips ("Failed 12"). One light
 * request, counted by the server over every run (not just the loaded pages); stale after 15 s, and counted
 * again when a run feed with the same source and filters refreshes.
 */
export function useRunStatusCounts(options: UseRunStatusCountsOptions = {}): UseRunStatusCountsResult {
  const rv = useRunViews();
  const { client, queryClient, scope, now } = rv;
  const { workflowId } = options;
  const source = useMemo<RunFeedSource>(() => (workflowId === undefined ? { kind: 'all' } : { kind: 'workflow', workflowId }), [workflowId]);
  const filters = useMemo(() => canonicalFilters(options.filters ?? {}), [options.filters]);
  const queryKey = rvKeys.runCounts(scope, source, filters);
  const query = useQuery(
    {
      queryKey,
      queryFn: ({ signal }) => {
        // Range presets stay presets in the key and become times per request, as in the feed.
        const q = filtersToRunQuery(filters, now());
        return source.kind === 'workflow'
          ? client.countWorkflowRuns(source.workflowId, withoutWorkflow(q), { signal })
          : client.countRuns(q, { signal });
      },
      enabled: options.enabled ?? true,
      staleTime: 15_000,
      refetchInterval: options.refetchIntervalMs ?? 15_000,
      refetchIntervalInBackground: false,
      // Chips keep their numbers while the next filters are counted, instead of flashing empty.
      placeholderData: (previous) => previous,
      ...rv.retry,
    },
    queryClient,
  );

  // A feed of the same source and filters whose rows changed (statuses refreshed, new runs shown) makes the
  // counts stale: they are asked again, at most once per MIN_GAP_MS, and always after the last change.
  const keyText = JSON.stringify(queryKey);
  useEffect(() => {
    const countsKey = JSON.parse(keyText) as unknown[];
    const same = JSON.stringify([countsKey[3], countsKey[4]]);
    const seen = new Map<string, unknown>();
    for (const feed of queryClient.getQueryCache().findAll({ queryKey: rvKeys.runFeeds(scope) })) seen.set(feed.queryHash, feed.state.data);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recount = () => {
      timer = null;
      void queryClient.invalidateQueries({ queryKey: countsKey, exact: true });
    };
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      const changedQuery = event.query as Query<unknown, Error, unknown, readonly unknown[]>;
      const key = changedQuery.queryKey;
      if (key[0] !== 'rv' || key[1] !== scope || key[2] !== 'runs') return;
      if (JSON.stringify([key[3], (key[4] as RunFeedParams | undefined)?.filters]) !== same) return;
      // Row refreshes write the same data again when nothing changed: only a new value counts, and a feed's
      // first load is not a change (the counts load beside it).
      const data = changedQuery.state.data;
      const previous = seen.get(changedQuery.queryHash);
      seen.set(changedQuery.queryHash, data);
      if (previous === undefined || previous === data || timer !== null) return;
      const updatedAt = queryClient.getQueryState(countsKey)?.dataUpdatedAt ?? 0;
      timer = setTimeout(recount, Math.max(0, updatedAt + MIN_GAP_MS - Date.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [queryClient, scope, keyText]);

  const counts = query.data ?? null;
  return {
    counts,
    total: counts?.total ?? null,
    byStatus: counts?.byStatus ?? null,
    ...queryStatus(query, source.kind === 'workflow' ? 'countWorkflowRuns' : 'countRuns'),
  };
}
