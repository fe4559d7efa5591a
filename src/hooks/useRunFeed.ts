import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { Run, RunSort } from '../api/types';
import { queryStatus, type QueryStatus } from './queryState';
import { rvKeys, type RunFeedSource } from './queryKeys';
import type { RunFeedParams } from './runFeedCache';
import { toRunQuery, withoutWorkflow, type RunFeedFilters } from './runFeedQuery';
import { useControllableState } from './useControllableState';
import { useNewRuns, type NewRunsState } from './useNewRuns';
import { useRunViews } from './RunViewsProvider';

export interface UseRunFeedOptions {
  /** Filters (controlled). Defaults to uncontrolled. */
  filters?: RunFeedFilters;
  /** Initial filters when uncontrolled. Defaults to none (every run). */
  defaultFilters?: RunFeedFilters;
  /** Called when the filters change. Defaults to no callback. */
  onFiltersChange?: (filters: RunFeedFilters) => void;
  /** Sort key, `-` for descending (controlled). Defaults to uncontrolled. */
  sort?: RunSort;
  /** Initial sort when uncontrolled. Defaults to `'-queuedAt'` (newest first). */
  defaultSort?: RunSort;
  /** Called when the sort changes. Defaults to no callback. */
  onSortChange?: (sort: RunSort) => void;
  /** `'infinite'` grows one list with `loadMore`; `'pages'` shows one page at `pageIndex`. Defaults to `'infinite'`. */
  pagination?: 'infinite' | 'pages';
  /** Page shown in `'pages'` mode, 0-based (controlled). Defaults to uncontrolled. */
  pageIndex?: number;
  /** Initial page when uncontrolled. Defaults to 0. */
  defaultPageIndex?: number;
  /** Called when the page changes (also back to 0 when filters or sort change). Defaults to no callback. */
  onPageIndexChange?: (pageIndex: number) => void;
  /** Runs per request, 1..500. Defaults to 50. */
  pageSize?: number;
  /** How often to check for runs newer than the list, in ms; `false` never. Paused in hidden tabs. Defaults to 15 000 ms. */
  newRunsIntervalMs?: number | false;
  /** Set false to hold the requests. Defaults to true. */
  enabled?: boolean;
}

export interface UseRunFeedResult extends QueryStatus, NewRunsState {
  /** Runs to show: every loaded run (`'infinite'`) or the current page (`'pages'`). */
  runs: Run[];
  filters: RunFeedFilters;
  /** Replaces the filters (pass a function to update them) and goes back to the first page. */
  setFilters: (next: RunFeedFilters | ((previous: RunFeedFilters) => RunFeedFilters)) => void;
  sort: RunSort;
  setSort: (sort: RunSort) => void;
  /** True when the server has more runs after what is loaded. */
  hasMore: boolean;
  /** `'infinite'`: appends the next page. Does nothing when all are loaded or a load is in flight. */
  loadMore: () => void;
  pageIndex: number;
  /** `'pages'`: pages known so far (cursors are opaque, so the total appears as pages are visited). */
  pageCount: number;
  setPageIndex: (pageIndex: number) => void;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

const NO_FILTERS: RunFeedFilters = {};

/** The run feed of `useRuns` and `useWorkflowRuns`. */
export function useRunFeed(source: RunFeedSource, options: UseRunFeedOptions): UseRunFeedResult {
  const rv = useRunViews();
  const [filters, setFiltersState] = useControllableState({
    value: options.filters,
    defaultValue: options.defaultFilters ?? NO_FILTERS,
    onValueChange: options.onFiltersChange,
  });
  const [sort, setSortState] = useControllableState<RunSort>({
    value: options.sort,
    defaultValue: options.defaultSort ?? '-queuedAt',
    onValueChange: options.onSortChange,
  });
  const [pageIndex, setPageIndex] = useControllableState({
    value: options.pageIndex,
    defaultValue: options.defaultPageIndex ?? 0,
    onValueChange: options.onPageIndexChange,
  });
  const pageSize = options.pageSize ?? 50;
  const paged = options.pagination === 'pages';
  const params: RunFeedParams = { filters, sort, pageSize };
  const queryKey = rvKeys.runFeed(rv.scope, source, params);
  const { client, now } = rv;
  const query = useInfiniteQuery(
    {
      queryKey,
      queryFn: ({ pageParam, signal }) => {
        const q = { ...toRunQuery(filters, sort, pageSize, now()), ...(pageParam ? { cursor: pageParam } : {}) };
        return source.kind === 'workflow'
          ? client.listWorkflowRuns(source.workflowId, withoutWorkflow(q), { signal })
          : client.listRuns(q, { signal });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      enabled: options.enabled ?? true,
      // The list stays put while the user reads it; newer runs are announced by `newCount` instead.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const pages = query.data?.pages;
  const lastKnownPage = Math.max(0, (pages?.length ?? 1) - 1);
  const shownPage = !pages || query.hasNextPage ? pageIndex : Math.min(pageIndex, lastKnownPage);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  // Page mode walks the cursors up to the requested page (e.g. a page restored from the URL).
  useEffect(() => {
    if (paged && pages && pageIndex >= pages.length && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [paged, pages, pageIndex, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const runs = useMemo(
    () => (paged ? (pages?.[shownPage]?.items ?? []) : (pages?.flatMap((page) => page.items) ?? [])),
    [paged, pages, shownPage],
  );
  const newRuns = useNewRuns(source, query.data, filters, queryKey, options.newRunsIntervalMs ?? 15_000, () => setPageIndex(0));

  const setFilters = useCallback<UseRunFeedResult['setFilters']>(
    (next) => {
      setFiltersState(next);
      setPageIndex(0);
    },
    [setFiltersState, setPageIndex],
  );
  const setSort = useCallback(
    (next: RunSort) => {
      setSortState(next);
      setPageIndex(0);
    },
    [setSortState, setPageIndex],
  );
  return {
    runs,
    filters,
    setFilters,
    sort,
    setSort,
    hasMore: hasNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    pageIndex: shownPage,
    pageCount: pages?.length ?? 0,
    setPageIndex: (index: number) => setPageIndex(Math.max(0, Math.floor(index))),
    hasPreviousPage: shownPage > 0,
    hasNextPage: shownPage < lastKnownPage || hasNextPage,
    ...newRuns,
    ...queryStatus(query, source.kind === 'workflow' ? 'listWorkflowRuns' : 'listRuns'),
  };
}
