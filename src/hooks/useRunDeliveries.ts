import { useMemo } from 'react';
import type { Delivery } from '../api/types.js';
import type { QueryStatus } from './queryState.js';
import { useDeliveryPages } from './useDeliveries.js';

export interface UseRunDeliveriesOptions {
  /** Refresh interval in ms while `active`; `false` loads once. Defaults to `false`. */
  refetchIntervalMs?: number | false;
  /** True while the run can still send (not terminal): refreshes only then. Defaults to `false`. */
  active?: boolean;
  /** Set false to hold the request. Defaults to true. */
  enabled?: boolean;
}

const NONE: readonly Delivery[] = [];

export interface UseRunDeliveriesResult extends QueryStatus {
  /** The run's delivery attempts (its latest 200), oldest first. */
  deliveries: readonly Delivery[];
}

/**
 * The delivery attempts one run made (its send_message steps), with their status and provider response: the
 * first page of `useDeliveries` filtered by the run (same query, same cache), in the order they were made.
 */
export function useRunDeliveries(runId: string | null | undefined, options: UseRunDeliveriesOptions = {}): UseRunDeliveriesResult {
  const pages = useDeliveryPages(
    { runId: runId ?? '' },
    {
      pageSize: 200,
      enabled: Boolean(runId) && (options.enabled ?? true),
      refetchIntervalMs: options.active ? (options.refetchIntervalMs ?? false) : false,
    },
  );
  // The API answers newest first; a run's attempts read in the order its steps made them.
  const newestFirst = pages.deliveries;
  // Without a run the key is the unfiltered list's, which another view may hold: show none of it.
  const deliveries = useMemo(() => (runId ? [...newestFirst].reverse() : NONE), [runId, newestFirst]);
  const { isLoading, isFetching, error, refetch } = pages;
  return { deliveries, isLoading, isFetching, error: runId ? error : null, refetch };
}
