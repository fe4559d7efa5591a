import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { RunSort } from '../api/types.js';
import { queryStatus } from './queryState.js';
import { rvKeys, type RunFeedSource } from './queryKeys.js';
import type { RunFeedParams } from './runFeedCache.js';
import { canonicalFilters, toRunQuery, withoutWorkflow, type RunFeedFilters } from './runFeedQuery.js';
import { useControllableState } from './useControllableState.js';
import { useNewRuns } from './useNewRuns.js';
import { useActiveRunsRefresh } from './useActiveRunsRefresh.js';
import type { UseRunFeedOptions, UseRunFeedResult } from './runFeedTypes.js';
import { useRunViews } from './RunViewsProvider.js';

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
  // Canonical filters in the key: `{ q: '' }` and `{}` are the same feed and share one cache entry.
  const canonical = useMemo(() => canonicalFilters(filters), [filters]);
  const params: RunFeedParams = { filters: canonical, sort, pageSize };
  const queryKey = rvKeys.runFeed(rv.scope, source, params);
  const { client, now } = rv;
  const query = useInfiniteQuery(
    {
      queryKey,
      queryFn: ({ pageParam, signal }) => {
        const q = { ...toRunQuery(canonical, sort, pageSize, now()), ...(pageParam ? { cursor: pageParam } : {}) };
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
      // A new filter or sort keeps the rows shown until its answer arrives (no blank list, no lost scroll).
      placeholderData: (previous) => previous,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const pages = query.data?.pages;
  const lastKnownPage = Math.max(0, (pages?.length ?? 1) - 1);
  const shownPage = !pages || query.hasNextPage ? pageIndex : Math.min(pageIndex, lastKnownPage);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isPlaceholderData } = query;
  // Stable, and a no-op while the rows shown belong to the previous filters (their cursor is not this feed's).
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isPlaceholderData) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isPlaceholderData, fetchNextPage]);

  // Page mode walks the cursors up to the requested page (e.g. a page restored from the URL).
  useEffect(() => {
    if (paged && pages && pageIndex >= pages.length && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [paged, pages, pageIndex, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const runs = useMemo(
    () => (paged ? (pages?.[shownPage]?.items ?? []) : (pages?.flatMap((page) => page.items) ?? [])),
    [paged, pages, shownPage],
  );
  useActiveRunsRefresh(source, { runs, sort, filters: canonical }, options.activeRunsIntervalMs ?? 10_000);
  const toFirstPage = useCallback(() => setPageIndex(0), [setPageIndex]);
  const newRuns = useNewRuns(
    source,
    { data: query.data, dataUpdatedAt: query.dataUpdatedAt, sort, filters: canonical, key: queryKey },
    options.newRunsIntervalMs ?? 15_000,
    toFirstPage,
  );

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
    loadMore,
    isFetchingNextPage,
    pageIndex: shownPage,
    pageCount: pages?.length ?? 0,
    setPageIndex: (index: number) => setPageIndex(Math.max(0, Math.floor(index))),
    hasPreviousPage: shownPage > 0,
    hasNextPage: shownPage < lastKnownPage || hasNextPage,
    isPlaceholderData,
    ...newRuns,
    ...queryStatus(query, source.kind === 'workflow' ? 'listWorkflowRuns' : 'listRuns'),
  };
}
