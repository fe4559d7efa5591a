import { useQuery } from '@tanstack/react-query';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UsePendingApprovalCountOptions {
  /** How often to refresh the count, in ms; `false` loads once. Paused in hidden tabs. Defaults to 30 000 ms. */
  refetchIntervalMs?: number | false;
  /** Set false to hold the request. Defaults to true. */
  enabled?: boolean;
}

export interface UsePendingApprovalCountResult extends QueryStatus {
  /** Number of review tasks waiting for a decision; 0 until loaded. */
  count: number;
}

/** The number of pending review tasks, for a badge anywhere in the app (one light request, shared). */
export function usePendingApprovalCount(options: UsePendingApprovalCountOptions = {}): UsePendingApprovalCountResult {
  const rv = useRunViews();
  const query = useQuery(
    {
      queryKey: rvKeys.pendingApprovalCount(rv.scope),
      queryFn: async ({ signal }) => (await rv.client.listApprovals({ status: ['pending'], limit: 1 }, { signal })).pendingCount,
      refetchInterval: options.refetchIntervalMs ?? 30_000,
      refetchIntervalInBackground: false,
      enabled: options.enabled ?? true,
      ...rv.retry,
    },
    rv.queryClient,
  );
  return { count: query.data ?? 0, ...queryStatus(query, 'listApprovals') };
}
