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
  /** Tailed entries kept, newest first; older ones beyond it are dropped. */
  max: number;
}

export interface LogTail {
  /** Entries not shown by the search yet, newest first, at most `max`. */
  entries: RunEvent[];
  /** The last poll's failure while the tail is on (polling goes on, so it clears itself once a poll succeeds). */
  error: Error | null;
}

const NONE: RunEvent[] = [];

/** Tailed entries kept by default: a tail left on for days must not grow without bound. */
export const DEFAULT_TAIL_MAX = 5_000;

/**
 * Polls the newest page of the search and keeps the entries not shown yet, newest first, at most `max` of them
 * (the oldest tailed entries beyond it are dropped; reloading the search brings them back). Polling pauses while
 * the tab is hidden (`refetchIntervalInBackground: false`) and resumes when it is shown; a failed poll is
 * returned as `error` and the next interval tries again, keeping the entries already tailed.
 */
export function useLogTail({ enabled, filters, limit, intervalMs, loaded, feedKey, max }: TailParams): LogTail {
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
        // Only what is newer than the newest tailed entry: older ones the cap dropped must not come back.
        const newestTailed = previous[0] ? idOf(previous[0]) : null;
        const cut = newestTailed === null ? -1 : page.items.findIndex((entry) => idOf(entry) === newestTailed);
        const fresh = (cut >= 0 ? page.items.slice(0, cut) : page.items).filter((entry) => !known.has(idOf(entry)));
        if (fresh.length === page.items.length && fresh.length === limit && loaded.length > 0) {
          // More arrived than one page holds: entries in between were missed, so reload the search instead.
          void queryClient.resetQueries({ queryKey: feedKey, exact: true });
          return NONE;
        }
        if (fresh.length === 0) return previous.length > max ? previous.slice(0, max) : previous;
        const next = [...fresh, ...previous];
        return next.length > max ? next.slice(0, Math.max(0, max)) : next;
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
  if (!enabled) return OFF;
  return { entries: query.data ?? NONE, error: query.error };
}

const OFF: LogTail = { entries: NONE, error: null };
