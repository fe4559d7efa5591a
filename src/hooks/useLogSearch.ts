import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RunApiError } from '../api/errors.js';
import type { RunEvent } from '../api/types.js';
import { logClientFilter, logEntryId, logFiltersToQuery, type LogSearchFilters } from '../core/logSearchFilters.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useControllableState } from './useControllableState.js';
import { DEFAULT_TAIL_MAX, useLogTail } from './useLogTail.js';
import { useRunViews } from './RunViewsProvider.js';

/**
 * What logs can be searched by: severity, event type, workflow, run and text (asked of the API), step and
 * time range (narrowed here). A plain serializable object; see `logFiltersToSearchParams` for URLs.
 */
export type LogFilters = LogSearchFilters;

export interface UseLogSearchOptions {
  /** Search filters (controlled). Defaults to uncontrolled. */
  filters?: LogFilters;
  /** Initial filters when uncontrolled. Defaults to none (every entry). */
  defaultFilters?: LogFilters;
  /** Called when the filters change. Defaults to no callback. */
  onFiltersChange?: (filters: LogFilters) => void;
  /** Entries per request, 1..500. Defaults to 100. */
  pageSize?: number;
  /** Live tail: poll for entries newer than the newest shown and put them on top. Defaults to false. */
  liveTail?: boolean;
  /** Live tail poll interval in ms (paused in hidden tabs). Defaults to 5 000 ms. */
  tailIntervalMs?: number;
  /**
   * Live-tailed entries kept, newest first: a tail left on for hours must not grow without bound, so the oldest
   * tailed entries beyond this are dropped from view (reloading the search brings them back). Defaults to 5 000.
   */
  tailMaxEntries?: number;
  /**
   * With a step or time filter (narrowed here, not by the API), older pages are asked for on their own while
   * fewer than a page of entries match, until this many pages were scanned with fewer than a page of matches
   * (`scanExhausted`); then nothing more loads on its own and the reader asks to search older entries (each
   * time, another `scanPages` pages at most). Defaults to 10.
   */
  scanPages?: number;
  /** Set false to hold the requests. Defaults to true. */
  enabled?: boolean;
}

export interface UseLogSearchResult extends QueryStatus {
  /** Matching entries, newest first (live-tailed ones on top). */
  entries: RunEvent[];
  /** Entries the live tail added since the search ran. */
  tailCount: number;
  /** The live tail's last failed poll (it keeps polling and clears this once one succeeds); null when fine or off. */
  tailError: RunApiError | null;
  filters: LogFilters;
  setFilters: (filters: LogFilters | ((previous: LogFilters) => LogFilters)) => void;
  hasMore: boolean;
  /** True while an older page loads. */
  isFetchingMore: boolean;
  /** True while the entries shown belong to the previous filters and the new ones load. */
  isRefreshing: boolean;
  /** True while older pages are asked for on their own to fill a step or time filter. */
  isScanning: boolean;
  /**
   * True when a step or time filter matched fewer than a page of entries in the last `scanPages` pages and
   * older ones exist: automatic loading holds until the reader asks (`loadMore`) to search further.
   */
  scanExhausted: boolean;
  /** Entries fetched so far, before the step and time filters narrowed them (the "newest N entries" searched). */
  scannedCount: number;
  /** Loads older entries (stable across renders). While `scanExhausted`, scans up to `scanPages` more pages. */
  loadMore: () => void;
}

const NO_FILTERS: LogFilters = {};
const NONE: RunEvent[] = [];

/** Cross-run log search by severity, event type, workflow, run, step, time and text, with an optional live tail of new entries. */
export function useLogSearch(options: UseLogSearchOptions = {}): UseLogSearchResult {
  const rv = useRunViews();
  const [filters, setFilters] = useControllableState({
    value: options.filters,
    defaultValue: options.defaultFilters ?? NO_FILTERS,
    onValueChange: options.onFiltersChange,
  });
  const limit = options.pageSize ?? 100;
  const enabled = options.enabled ?? true;
  const query = useMemo(() => logFiltersToQuery(filters), [filters]);
  // A preset window ("last hour") is resolved when the filters are set, not on every render.
  const { now } = rv;
  const clientFilter = useMemo(() => logClientFilter(filters, now()), [filters, now]);
  const feedKey = rvKeys.logs(rv.scope, { filters: query, limit });
  const feed = useInfiniteQuery(
    {
      queryKey: feedKey,
      queryFn: ({ pageParam, signal }) => rv.client.searchLogs({ ...query, limit, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      enabled,
      // The old entries stay readable while a new filter loads.
      placeholderData: keepPreviousData,
      // New entries come through the tail, on top; the pages below stay where the reader left them.
      refetchOnWindowFocus: false,
      staleTime: Infinity,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const pages = feed.data?.pages;
  const loaded = useMemo(() => pages?.flatMap((page) => page.items) ?? NONE, [pages]);
  const { entries: tail, error: tailError } = useLogTail({
    enabled: enabled && Boolean(options.liveTail) && feed.data !== undefined && !feed.isPlaceholderData,
    filters: query,
    limit,
    intervalMs: options.tailIntervalMs ?? 5_000,
    loaded,
    feedKey,
    max: Math.max(1, options.tailMaxEntries ?? DEFAULT_TAIL_MAX),
  });
  const shownTail = useMemo(() => {
    if (tail.length === 0) return NONE;
    // After the search reloads, tailed entries may be among its pages too: show each once.
    const shown = new Set(loaded.map(logEntryId));
    return tail.filter((entry) => !shown.has(logEntryId(entry)) && (!clientFilter || clientFilter.matches(entry)));
  }, [tail, loaded, clientFilter]);
  const entries = useMemo(() => {
    const matching = clientFilter ? loaded.filter(clientFilter.matches) : loaded;
    return shownTail.length === 0 ? matching : [...shownTail, ...matching];
  }, [shownTail, loaded, clientFilter]);
  const last = loaded[loaded.length - 1];
  const hasMore = feed.hasNextPage && !(clientFilter && last && clientFilter.exhaustedAt(last));
  const { isFetchingNextPage, fetchNextPage, isPlaceholderData } = feed;
  const pageCount = pages?.length ?? 0;

  // A client-side filter may leave pages (almost) empty: older ones are scanned on their own, at most
  // `scanPages` pages since the reader last asked, and stop once that many pages matched less than a page.
  const scanBudget = Math.max(1, options.scanPages ?? 10);
  const keyText = JSON.stringify(feedKey);
  const [scanStart, setScanStart] = useState({ key: keyText, from: 0 });
  const scanFrom = scanStart.key === keyText ? scanStart.from : 0;
  const recentMatches = useMemo(() => {
    if (!clientFilter || !pages) return 0;
    let n = 0;
    for (const page of pages.slice(Math.max(scanFrom, pages.length - scanBudget))) n += page.items.filter(clientFilter.matches).length;
    return n;
  }, [clientFilter, pages, scanFrom, scanBudget]);
  const scanExhausted = Boolean(clientFilter) && hasMore && !isPlaceholderData && pageCount - scanFrom >= scanBudget && recentMatches < limit;

  const loadMore = useCallback(() => {
    if (!hasMore || isFetchingNextPage || isPlaceholderData) return;
    // Held automatic loading: the reader asked to search further, so another budget of pages may be scanned.
    if (scanExhausted) setScanStart({ key: keyText, from: pageCount });
    void fetchNextPage({ cancelRefetch: false });
  }, [hasMore, isFetchingNextPage, isPlaceholderData, scanExhausted, keyText, pageCount, fetchNextPage]);

  const wantsScan = Boolean(clientFilter) && hasMore && !feed.error && !isPlaceholderData && entries.length < limit && !scanExhausted;
  useEffect(() => {
    if (wantsScan && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [wantsScan, isFetchingNextPage, fetchNextPage, loaded.length]);

  return {
    entries,
    tailCount: shownTail.length,
    tailError,
    filters,
    setFilters,
    hasMore,
    isFetchingMore: isFetchingNextPage,
    isRefreshing: isPlaceholderData,
    isScanning: wantsScan,
    scanExhausted,
    scannedCount: loaded.length,
    loadMore,
    ...queryStatus(feed, 'searchLogs'),
  };
}
