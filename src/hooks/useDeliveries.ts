import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Delivery } from '../api/types.js';
import { deliveryQuery, type DeliveryFilters } from '../core/deliveryFilters.js';
import { rvKeys } from './queryKeys.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { useControllableState } from './useControllableState.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseDeliveryPagesOptions {
  /** Attempts per request, 1..500. Defaults to 50. */
  pageSize?: number;
  /**
   * Refresh interval in ms while only the newest page is loaded (paused in hidden tabs, and once older pages are
   * loaded: a refresh asks again for every loaded page, so a reader deep in the history refreshes by hand);
   * `false` loads once. Defaults to `false`.
   */
  refetchIntervalMs?: number | false;
  /** Set false to hold the request. Defaults to `true`. */
  enabled?: boolean;
}

export interface DeliveryPages extends QueryStatus {
  /** The attempts loaded so far, newest first. */
  deliveries: readonly Delivery[];
  hasMore: boolean;
  /** True while the next page is on its way. */
  isFetchingMore: boolean;
  /** Loads the next (older) page; does nothing while one is loading or when there is none. */
  loadMore: () => void;
  /** True while automatic refreshes (interval, focus, reconnect) wait because older pages are loaded (`refetch` refreshes them all). */
  updatesPaused: boolean;
}

const NONE: readonly Delivery[] = [];
/** At most the newest page is loaded: a refresh costs one request. */
const onlyNewest = (data: { pages: readonly unknown[] } | undefined) => (data?.pages.length ?? 0) <= 1;
const newestOnly = (query: { state: { data?: { pages: readonly unknown[] } | undefined } }) => onlyNewest(query.state.data);

/**
 * The one query of delivery pages behind `useDeliveries` and `useRunDeliveries`: cursor pages of the attempts
 * matching `filters`, newest first.
 */
export function useDeliveryPages(filters: DeliveryFilters, options: UseDeliveryPagesOptions = {}): DeliveryPages {
  const rv = useRunViews();
  const limit = options.pageSize ?? 50;
  const interval = options.refetchIntervalMs ?? false;
  const query = useInfiniteQuery(
    {
      queryKey: rvKeys.deliveryList(rv.scope, filters, limit),
      queryFn: ({ pageParam, signal }) => rv.client.listDeliveries(deliveryQuery(filters, limit, pageParam), { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      enabled: options.enabled ?? true,
      // Each refresh asks again for every loaded page (keyset pages cannot be refreshed one by one): only the newest
      // page refreshes on its own, on the interval as on focus, reconnect or mount.
      refetchInterval: (q) => (interval && newestOnly(q) ? interval : false),
      refetchOnWindowFocus: newestOnly,
      refetchOnReconnect: newestOnly,
      refetchOnMount: newestOnly,
      refetchIntervalInBackground: false,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const deliveries = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? NONE, [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  return {
    deliveries,
    updatesPaused: Boolean(interval) && !onlyNewest(query.data),
    hasMore: hasNextPage,
    isFetchingMore: isFetchingNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    ...queryStatus(query, 'listDeliveries'),
  };
}

export interface UseDeliveriesOptions extends UseDeliveryPagesOptions {
  /** The filters (controlled). Defaults to uncontrolled. */
  filters?: DeliveryFilters;
  /** Initial filters when uncontrolled. Defaults to none (every attempt). */
  defaultFilters?: DeliveryFilters;
  /** Called when the filters change. Defaults to no callback. */
  onFiltersChange?: (filters: DeliveryFilters) => void;
}

export interface UseDeliveriesResult extends DeliveryPages {
  filters: DeliveryFilters;
  setFilters: (filters: DeliveryFilters | ((previous: DeliveryFilters) => DeliveryFilters)) => void;
}

const NO_FILTERS: DeliveryFilters = {};

/**
 * Delivery attempts across runs (and manual resends), newest first, in cursor pages, filtered by run, step,
 * channel, status and source; the filters are controllable like `useLogSearch`'s.
 */
export function useDeliveries(options: UseDeliveriesOptions = {}): UseDeliveriesResult {
  const [filters, setFilters] = useControllableState({
    value: options.filters,
    defaultValue: options.defaultFilters ?? NO_FILTERS,
    onValueChange: options.onFiltersChange,
  });
  const pages = useDeliveryPages(filters, options);
  return { ...pages, filters, setFilters };
}
