import { useControllableState } from '../../hooks/useControllableState.js';
import { useLogSearch, type UseLogSearchOptions } from '../../hooks/useLogSearch.js';
import { useWorkflows } from '../../hooks/useWorkflows.js';
import type { LogSearchViewProps } from './types.js';
import { LogSearchView } from './LogSearchView.js';

export interface LogSearchProps
  extends Omit<LogSearchViewProps, 'entries' | 'loading' | 'refreshing' | 'scanning' | 'scanExhausted' | 'scannedCount' | 'tailError' | 'error' | 'onRetry' | 'hasMore' | 'loadingMore' | 'onLoadMore' | 'workflows'>,
    Pick<UseLogSearchOptions, 'pageSize' | 'tailIntervalMs' | 'tailMaxEntries' | 'scanPages'> {
  /** Loads the workspace's workflows for the workflow filter. Defaults to `true`. */
  loadWorkflows?: boolean;
}

/**
 * Cross-run log search over the surrounding `<RunViewsProvider>`'s API (`GET /v1/logs`): filters by severity,
 * event type, workflow, run, step, text and time (controllable and URL-ready), cursor pages loaded as the reader
 * scrolls, entries that open to their data, and a live tail that puts new entries on top without moving what
 * the reader looks at (polling pauses in hidden tabs).
 */
export function LogSearch({ loadWorkflows = true, pageSize, tailIntervalMs, tailMaxEntries, scanPages, filters, defaultFilters, onFiltersChange, liveTail, defaultLiveTail, onLiveTailChange, ...viewProps }: LogSearchProps) {
  const [tail, setTail] = useControllableState({ value: liveTail, defaultValue: defaultLiveTail ?? false, onValueChange: onLiveTailChange });
  const search = useLogSearch({
    filters,
    defaultFilters,
    onFiltersChange,
    liveTail: tail,
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(tailIntervalMs !== undefined ? { tailIntervalMs } : {}),
    ...(tailMaxEntries !== undefined ? { tailMaxEntries } : {}),
    ...(scanPages !== undefined ? { scanPages } : {}),
  });
  const workflows = useWorkflows({ enabled: loadWorkflows });
  const hasEntries = search.entries.length > 0;
  return (
    <LogSearchView
      {...viewProps}
      filters={search.filters}
      onFiltersChange={search.setFilters}
      liveTail={tail}
      onLiveTailChange={setTail}
      entries={search.entries}
      loading={search.isLoading}
      refreshing={search.isRefreshing}
      scanning={search.isScanning}
      scanExhausted={search.scanExhausted}
      scannedCount={search.scannedCount}
      tailError={search.tailError}
      error={search.error}
      // With entries shown, the failure was the next page: ask for it again (a refetch would re-ask every page).
      onRetry={() => (hasEntries && search.hasMore ? search.loadMore() : void search.refetch())}
      hasMore={search.hasMore}
      loadingMore={search.isFetchingMore}
      onLoadMore={search.loadMore}
      workflows={workflows.workflows}
    />
  );
}
