/** Options and result of the run feed hooks (`useRuns`, `useWorkflowRuns`). */
import type { Run, RunSort } from '../api/types.js';
import type { QueryStatus } from './queryState.js';
import type { RunFeedFilters } from './runFeedQuery.js';
import type { NewRunsState } from './useNewRuns.js';

export interface UseRunFeedOptions {
  /** Filters (controlled). Defaults to uncontrolled. */
  filters?: RunFeedFilters;
  /** Initial filters when uncontrolled. Defaults to none (every run). */
  defaultFilters?: RunFeedFilters;
  /** Called when the filters change. Defaults to no callback. */
  onFiltersChange?: (filters: RunFeedFilters) => void;
  /** Sort key, `-` for descending (controlled). Defaults to uncontrolled. */
  sort?: RunSort;
  /** Initial sort when uncontrolled. Defaults to `'-queuedAt'` (newest first). */
  defaultSort?: RunSort;
  /** Called when the sort changes. Defaults to no callback. */
  onSortChange?: (sort: RunSort) => void;
  /** `'infinite'` grows one list with `loadMore`; `'pages'` shows one page at `pageIndex`. Defaults to `'infinite'`. */
  pagination?: 'infinite' | 'pages';
  /** Page shown in `'pages'` mode, 0-based (controlled). Defaults to uncontrolled. */
  pageIndex?: number;
  /** Initial page when uncontrolled. Defaults to 0. */
  defaultPageIndex?: number;
  /** Called when the page changes (also back to 0 when filters or sort change). Defaults to no callback. */
  onPageIndexChange?: (pageIndex: number) => void;
  /** Runs per request, 1..500. Defaults to 50. */
  pageSize?: number;
  /** How often to check for runs newer than the list, in ms; `false` never. Paused in hidden tabs. Defaults to 15 000 ms. */
  newRunsIntervalMs?: number | false;
  /**
   * How often to refresh the statuses of listed runs while any of them is active, in ms; `false` never. Rows are
   * updated in place, never reordered. Paused in hidden tabs. Defaults to 10 000 ms.
   */
  activeRunsIntervalMs?: number | false;
  /** Set false to hold the requests. Defaults to true. */
  enabled?: boolean;
}

export interface UseRunFeedResult extends QueryStatus, NewRunsState {
  /** Runs to show: every loaded run (`'infinite'`) or the current page (`'pages'`). */
  runs: Run[];
  filters: RunFeedFilters;
  /** Replaces the filters (pass a function to update them) and goes back to the first page. */
  setFilters: (next: RunFeedFilters | ((previous: RunFeedFilters) => RunFeedFilters)) => void;
  sort: RunSort;
  setSort: (sort: RunSort) => void;
  /** True when the server has more runs after what is loaded. */
  hasMore: boolean;
  /** `'infinite'`: appends the next page. Does nothing when all are loaded or a load is in flight. */
  loadMore: () => void;
  pageIndex: number;
  /** `'pages'`: pages known so far (cursors are opaque, so the total appears as pages are visited). */
  pageCount: number;
  setPageIndex: (pageIndex: number) => void;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  /** True while the next page is loading (not for background refreshes). */
  isFetchingNextPage: boolean;
  /** True while the runs shown are those of the previous filters or sort, until the new answer arrives. */
  isPlaceholderData: boolean;
}
