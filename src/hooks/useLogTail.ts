import { useQuery } from '@tanstack/react-query';
import type { RunApiError } from '../api/errors.js';
import type { LogQuery, RunEvent } from '../api/types.js';
import { logEntryId as idOf } from '../core/logSearchFilters.js';
import { errorValue } from './errors.js';
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
  error: RunApiError | null;
}

const NONE: RunEvent[] = [];

/** What the tail holds: the entries kept, and the ids of the newest ones the cap dropped (so they do not come back). */
interface TailData {
  entries: RunEvent[];
  dropped: readonly string[];
}
const EMPTY: TailData = { entries: NONE, dropped: [] };

/** Tailed entries kept by default: a tail left on for days must not grow without bound. */
export const DEFAULT_TAIL_MAX = 5_000;

/**
 * Polls the newest page of the search and keeps every entry not shown yet, by `(runId, seq)` — one that
 * arrives late, below newer ones, included — newest first, at most `max` of them (the oldest tailed entries
 * beyond it are dropped and not taken again; reloading the search brings them back). Polling pauses while
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
      queryFn: async ({ signal }): Promise<TailData> => {
        const previous = queryClient.getQueryData<TailData>(tailKey) ?? EMPTY;
        const page = await client.searchLogs({ ...filters, limit }, { signal });
        const known = new Set([...previous.entries.map(idOf), ...loaded.map(idOf), ...previous.dropped]);
        const fresh = page.items.filter((entry) => !known.has(idOf(entry)));
        if (fresh.length === page.items.length && fresh.length === limit && loaded.length > 0) {
          // More arrived than one page holds: entries in between were missed, so reload the search instead.
          void queryClient.resetQueries({ queryKey: feedKey, exact: true });
          return EMPTY;
        }
        const next = fresh.length === 0 ? previous.entries : [...fresh, ...previous.entries];
        if (next.length <= max) return next === previous.entries ? previous : { entries: next, dropped: previous.dropped };
        const keep = Math.max(0, max);
        // Only a page's worth of dropped ids can show up in the newest page again: remember that many.
        const dropped = [...next.slice(keep).map(idOf), ...previous.dropped].slice(0, limit);
        return { entries: next.slice(0, keep), dropped };
      },
      enabled,
      initialData: EMPTY,
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
  return { entries: query.data?.entries ?? NONE, error: errorValue(query.error, 'searchLogs') };
}

const OFF: LogTail = { entries: NONE, error: null };
