import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Workflow } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseWorkflowsOptions {
  /** Workflows per request, 1..500. Defaults to 100. */
  pageSize?: number;
  /** Set false to hold the request. Defaults to true. */
  enabled?: boolean;
}

export interface UseWorkflowsResult extends QueryStatus {
  /** Every workflow loaded so far, in the API's order. */
  workflows: Workflow[];
  /** True when more workflows can be loaded with `loadMore()`. */
  hasMore: boolean;
  /** Loads the next page; does nothing when all are loaded or a load is in flight. */
  loadMore: () => void;
}

/** The workspace's workflows (cursor pages, loaded on demand). */
export function useWorkflows(options: UseWorkflowsOptions = {}): UseWorkflowsResult {
  const rv = useRunViews();
  const limit = options.pageSize ?? 100;
  const query = useInfiniteQuery(
    {
      queryKey: [...rvKeys.workflows(rv.scope), limit],
      queryFn: ({ pageParam, signal }) =>
        rv.client.listWorkflows({ limit, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      enabled: options.enabled ?? true,
      staleTime: 60_000,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const workflows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  return {
    workflows,
    hasMore: hasNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    ...queryStatus(query, 'listWorkflows'),
  };
}
