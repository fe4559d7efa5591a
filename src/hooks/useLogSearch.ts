import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LogQuery, RunEvent } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useControllableState } from './useControllableState.js';
import { useLogTail } from './useLogTail.js';
import { useRunViews } from './RunViewsProvider.js';

/** What logs can be searched by: severity, event type, run, workflow and text. */
export type LogFilters = Omit<LogQuery, 'cursor' | 'limit'>;

export interface UseLogSearchOptions {
  /** Search filters (controlled). Defaults to uncontrolled. */
  filters?: LogFilters;
  /** Initial filters when uncontrolled. Defaults to none (every entry). */
  defaultFilters?: LogFilters;
  /** Called when the filters change. Defaults to no callback. */
  onFiltersChange?: (filters: LogFilters) => void;
  /** Entries per request, 1..500. Defaults to 100. */
  pageSize?: number;
  /** Live tail: poll for entries newer than the newest shown and put them on top. Defaults to false. */
  liveTail?: boolean;
  /** Live tail poll interval in ms (paused in hidden tabs). Defaults to 5 000 ms. */
  tailIntervalMs?: number;
}

export interface UseLogSearchResult extends QueryStatus {
  /** Matching entries, newest first (live-tailed ones on top). */
  entries: RunEvent[];
  /** Entries the live tail added since the search ran. */
  tailCount: number;
  filters: LogFilters;
  setFilters: (filters: LogFilters | ((previous: LogFilters) => LogFilters)) => void;
  hasMore: boolean;
  /** Loads older entries. */
  loadMore: () => void;
}

const NO_FILTERS: LogFilters = {};

/** Cross-run log search by severity, event type, run and text, with an optional live tail of new entries. */
export function useLogSearch(options: UseLogSearchOptions = {}): UseLogSearchResult {
  const rv = useRunViews();
  const [filters, setFilters] = useControllableState({
    value: options.filters,
    defaultValue: options.defaultFilters ?? NO_FILTERS,
    onValueChange: options.onFiltersChange,
  });
  const limit = options.pageSize ?? 100;
  const feedKey = rvKeys.logs(rv.scope, { filters, limit });
  const query = useInfiniteQuery(
    {
      queryKey: feedKey,
      queryFn: ({ pageParam, signal }) =>
        rv.client.searchLogs({ ...filters, limit, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      // New entries come through the tail, on top; the pages below stay where the reader left them.
      refetchOnWindowFocus: false,
      staleTime: Infinity,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const loaded = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const tail = useLogTail({
    enabled: Boolean(options.liveTail) && query.data !== undefined,
    filters,
    limit,
    intervalMs: options.tailIntervalMs ?? 5_000,
    loaded,
    feedKey,
  });
  const entries = useMemo(() => {
    if (tail.length === 0) return loaded;
    // After the search reloads, tailed entries may be among its pages too: show each once.
    const shown = new Set(loaded.map((entry) => `${entry.runId}:${entry.seq}`));
    return [...tail.filter((entry) => !shown.has(`${entry.runId}:${entry.seq}`)), ...loaded];
  }, [tail, loaded]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  return {
    entries,
    tailCount: tail.length,
    filters,
    setFilters,
    hasMore: hasNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    ...queryStatus(query, 'searchLogs'),
  };
}
