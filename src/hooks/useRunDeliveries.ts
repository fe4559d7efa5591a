import { useQuery } from '@tanstack/react-query';
import type { Delivery } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseRunDeliveriesOptions {
  /** Refresh interval in ms while `active`; `false` loads once. Defaults to `false`. */
  refetchIntervalMs?: number | false;
  /** True while the run can still send (not terminal): refreshes only then. Defaults to `false`. */
  active?: boolean;
  /** Set false to hold the request. Defaults to true. */
  enabled?: boolean;
}

export interface UseRunDeliveriesResult extends QueryStatus {
  /** The run's delivery attempts (its first 200), oldest first. */
  deliveries: readonly Delivery[];
}

const NONE: readonly Delivery[] = [];

/** The delivery attempts one run made (its send_message steps), with their status and provider response. */
export function useRunDeliveries(runId: string | null | undefined, options: UseRunDeliveriesOptions = {}): UseRunDeliveriesResult {
  const rv = useRunViews();
  const interval = options.refetchIntervalMs ?? false;
  const query = useQuery(
    {
      queryKey: ['rv', rv.scope, 'deliveries', 'run', runId ?? ''],
      queryFn: ({ signal }) => rv.client.listDeliveries({ runId: runId as string, limit: 200 }, { signal }),
      enabled: Boolean(runId) && (options.enabled ?? true),
      refetchInterval: options.active ? interval : false,
      refetchIntervalInBackground: false,
      ...rv.retry,
    },
    rv.queryClient,
  );
  return { deliveries: query.data?.items ?? NONE, ...queryStatus(query, 'listDeliveries') };
}
