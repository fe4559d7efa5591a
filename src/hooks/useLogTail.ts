import { useQuery } from '@tanstack/react-query';
import type { LogQuery, RunEvent } from '../api/types.js';
import { logEntryId as idOf } from '../core/logSearchFilters.js';
import { rvKeys } from './queryKeys.js';
import { useRunViews } from './RunViewsProvider.js';

interface TailParams {
  enabled: boolean;
  /** What the API is asked (no cursor, no limit). */
  filters: LogQuery;
  limit: number;
  intervalMs: number;
  /** Entries the search already shows, newest first. */
  loaded: readonly RunEvent[];
  feedKey: readonly unknown[];
}

const NONE: RunEvent[] = [];

/**
 * Polls the newest page of the search and keeps the entries not shown yet, newest first. Polling pauses while the
 * tab is hidden (`refetchIntervalInBackground: false`) and resumes when it is shown.
 */
export function useLogTail({ enabled, filters, limit, intervalMs, loaded, feedKey }: TailParams): RunEvent[] {
  const rv = useRunViews();
  const { client, queryClient } = rv;
  const tailKey = rvKeys.logTail(rv.scope, { filters, limit });
  const query = useQuery(
    {
      queryKey: tailKey,
      queryFn: async ({ signal }) => {
        const previous = queryClient.getQueryData<RunEvent[]>(tailKey) ?? NONE;
        const page = await client.searchLogs({ ...filters, limit }, { signal });
        const known = new Set([...previous, ...loaded].map(idOf));
        const fresh = page.items.filter((entry) => !known.has(idOf(entry)));
        if (fresh.length === page.items.length && fresh.length === limit && loaded.length > 0) {
          // More arrived than one page holds: entries in between were missed, so reload the search instead.
          void queryClient.resetQueries({ queryKey: feedKey, exact: true });
          return NONE;
        }
        return fresh.length > 0 ? [...fresh, ...previous] : previous;
      },
      enabled,
      initialData: NONE,
      initialDataUpdatedAt: () => Date.now(),
      staleTime: intervalMs,
      refetchInterval: intervalMs,
      refetchIntervalInBackground: false,
      structuralSharing: false,
      retry: false,
    },
    queryClient,
  );
  return enabled ? (query.data ?? NONE) : NONE;
}
