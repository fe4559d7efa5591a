import { useQuery } from '@tanstack/react-query';
import type { Delivery } from '../api/types.js';
import { isFinalDeliveryStatus } from '../core/deliveryFilters.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { useRunViews } from './RunViewsProvider.js';
import { rvKeys } from './queryKeys.js';

export interface UseDeliveryOptions {
  /** Refresh interval in ms while the attempt is not final (queued or sent); `false` loads once. Defaults to 5 000 ms. */
  refetchIntervalMs?: number | false;
  /** Set false to hold the request. Defaults to `true`. */
  enabled?: boolean;
}

export interface UseDeliveryResult extends QueryStatus {
  /** The attempt, or null until it loads (or when there is none). */
  delivery: Delivery | null;
  /** True when the API answered 404: there is no attempt with this id. */
  notFound: boolean;
}

/** One delivery attempt by id, refreshed until the provider's answer is final (delivered, failed, bounced). */
export function useDelivery(deliveryId: string | null | undefined, options: UseDeliveryOptions = {}): UseDeliveryResult {
  const rv = useRunViews();
  const interval = options.refetchIntervalMs ?? 5_000;
  const query = useQuery(
    {
      queryKey: rvKeys.delivery(rv.scope, deliveryId ?? ''),
      queryFn: ({ signal }) => rv.client.getDelivery(deliveryId as string, { signal }),
      enabled: Boolean(deliveryId) && (options.enabled ?? true),
      refetchInterval: (q) => (interval !== false && q.state.data && !isFinalDeliveryStatus(q.state.data.status) ? interval : false),
      refetchIntervalInBackground: false,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const status = queryStatus(query, 'getDelivery');
  return { delivery: query.data ?? null, notFound: status.error?.status === 404, ...status };
}
