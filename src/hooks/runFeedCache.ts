import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Page, Run, RunSort } from '../api/types.js';
import { matchesRunFilters } from '../core/matchesRunFilters.js';
import { rvKeys, type RunFeedSource } from './queryKeys.js';
import type { RunFeedFilters } from './runFeedQuery.js';

/** What a run feed's query key holds after `['rv', scope, 'runs', source]`. */
export interface RunFeedParams {
  filters: RunFeedFilters;
  sort: RunSort;
  pageSize: number;
}

export type RunFeedData = InfiniteData<Page<Run>>;

/**
 * Shows a run the user just created (start, replay) at the top of every cached feed it belongs in, at once,
 * without refetching. Feeds sorted by anything but newest-queued-first are only marked stale: where the run
 * falls in them is the server's call.
 */
export function insertRunIntoFeeds(queryClient: QueryClient, scope: string, run: Run, now: number): void {
  for (const [queryKey, data] of queryClient.getQueriesData<RunFeedData>({ queryKey: rvKeys.runFeeds(scope) })) {
    const source = queryKey[3] as RunFeedSource | undefined;
    const params = queryKey[4] as RunFeedParams | undefined;
    if (!data || !source || !params) continue;
    if (source.kind === 'workflow' && source.workflowId !== run.workflowId) continue;
    if (!matchesRunFilters(run, params.filters, now)) continue;
    if (data.pages.some((page) => page.items.some((item) => item.id === run.id))) continue;
    if (params.sort !== '-queuedAt') {
      void queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' });
      continue;
    }
    const [first, ...rest] = data.pages;
    const top: Page<Run> = first ? { ...first, items: [run, ...first.items] } : { items: [run], nextCursor: null };
    queryClient.setQueryData<RunFeedData>(queryKey, { ...data, pages: [top, ...rest] });
  }
}

/** Puts the server's newest copy of a run into every cached feed that lists it. */
export function writeRunIntoFeeds(queryClient: QueryClient, scope: string, run: Run): void {
  queryClient.setQueriesData<RunFeedData>({ queryKey: rvKeys.runFeeds(scope) }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      const index = page.items.findIndex((item) => item.id === run.id);
      // An answer that left the server before the copy we hold (a slow list request) must not undo it.
      if (index < 0 || page.items[index] === run || page.items[index]!.lastSeq > run.lastSeq) return page;
      changed = true;
      const items = page.items.slice();
      items[index] = run;
      return { ...page, items };
    });
    return changed ? { ...data, pages } : data;
  });
}

/**
 * Puts refreshed copies of runs into every cached feed in one pass: only copies newer than the one held
 * (by `lastSeq`) replace it, so a refresh that brings nothing new leaves every feed (and every row) as it is.
 */
export function refreshRunsInFeeds(queryClient: QueryClient, scope: string, runs: readonly Run[]): void {
  if (runs.length === 0) return;
  const byId = new Map(runs.map((run) => [run.id, run]));
  queryClient.setQueriesData<RunFeedData>({ queryKey: rvKeys.runFeeds(scope) }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      let items: Run[] | null = null;
      page.items.forEach((item, index) => {
        const fresh = byId.get(item.id);
        if (!fresh || fresh === item || item.lastSeq >= fresh.lastSeq) return;
        items ??= page.items.slice();
        items[index] = fresh;
      });
      if (!items) return page;
      changed = true;
      return { ...page, items };
    });
    return changed ? { ...data, pages } : data;
  });
}
