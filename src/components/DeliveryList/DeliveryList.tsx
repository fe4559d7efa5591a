import { useDeliveries } from '../../hooks/useDeliveries.js';
import { DeliveryListView } from './DeliveryListView.js';
import type { DeliveryListViewProps } from './types.js';

export interface DeliveryListProps
  extends Omit<DeliveryListViewProps, 'deliveries' | 'loading' | 'error' | 'onRetry' | 'hasMore' | 'loadingMore' | 'onLoadMore' | 'updatesPaused' | 'onRefresh' | 'refreshing'> {
  /** Attempts per page. Defaults to 50. */
  pageSize?: number;
  /**
   * Refresh interval in ms (attempts move from queued to sent to delivered) while only the newest page is loaded;
   * with older pages the footer offers Refresh instead. `false` loads once. Defaults to 10 000 ms.
   */
  refetchIntervalMs?: number | false;
}

/**
 * Delivery attempts over the provider's API (`useDeliveries`): every run's sends and manual resends, newest
 * first, filterable by channel, status and source, with their run and step as links and the provider response.
 */
export function DeliveryList({ pageSize, refetchIntervalMs = 10_000, filters, defaultFilters, onFiltersChange, ...rest }: DeliveryListProps) {
  const list = useDeliveries({
    filters,
    defaultFilters,
    onFiltersChange,
    ...(pageSize !== undefined ? { pageSize } : {}),
    refetchIntervalMs,
  });
  return (
    <DeliveryListView
      {...rest}
      deliveries={list.deliveries}
      loading={list.isLoading}
      error={list.error}
      onRetry={() => void list.refetch()}
      hasMore={list.hasMore}
      loadingMore={list.isFetchingMore}
      onLoadMore={list.loadMore}
      updatesPaused={list.updatesPaused}
      onRefresh={() => void list.refetch()}
      refreshing={list.isFetching && !list.isFetchingMore}
      filters={list.filters}
      onFiltersChange={list.setFilters}
    />
  );
}
