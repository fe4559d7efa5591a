import { useCallback, useMemo, type ReactNode } from 'react';
import type { BulkAction, Run } from '../../api/types.js';
import type { RunSelection } from '../../core/runSelection.js';
import type { UseRunFeedOptions } from '../../hooks/runFeedTypes.js';
import { useBulkRunAction } from '../../hooks/useBulkRunAction.js';
import type { RunFeedSource } from '../../hooks/queryKeys.js';
import { useRunFeed } from '../../hooks/useRunFeed.js';
import { useRunStatusCounts } from '../../hooks/useRunStatusCounts.js';
import { useWorkflows } from '../../hooks/useWorkflows.js';
import { StepTimeline } from '../StepTimeline/StepTimeline.js';
import { ALL_FILTER_CONTROLS, type RunListBulkResult, type RunListViewProps } from './types.js';
import { RunListView } from './RunListView.js';

type FeedOptions = Pick<UseRunFeedOptions, 'pageSize' | 'newRunsIntervalMs' | 'activeRunsIntervalMs'>;

export interface RunListProps
  extends Omit<
      RunListViewProps,
      | 'runs'
      | 'loading'
      | 'error'
      | 'onRetry'
      | 'hasMore'
      | 'loadingMore'
      | 'onLoadMore'
      | 'statusCounts'
      | 'matchingTotal'
      | 'newRunsCount'
      | 'newRunsCapped'
      | 'onShowNewRuns'
      | 'bulkJob'
      | 'bulkResults'
      | 'bulkError'
      | 'onBulkAction'
      | 'onBulkDismiss'
      | 'workflows'
    >,
    FeedOptions {
  /** Only the runs of this workflow (the workflow filter is then hidden). Defaults to every workflow. */
  workflowId?: string;
  /** Asks the API for the number of runs per status (status chips, "select all N"). Defaults to `true`. */
  showCounts?: boolean;
  /** Loads the workspace's workflows for the workflow and model filters. Defaults to `true`. */
  loadWorkflows?: boolean;
  /**
   * What an open row shows: `'timeline'` (the run's step timeline, loaded when opened), `false` for rows
   * that do not open, or a render function. Defaults to `'timeline'`.
   */
  details?: 'timeline' | false | ((run: Run) => ReactNode);
}

/**
 * The run history of the surrounding `<RunViewsProvider>`'s API: every filter and the sort in the
 * controllable state (hosts may sync them to the URL with `filtersToSearchParams`), cursor pages loaded as the
 * reader scrolls, a virtualized grid (or cards), "N new runs" instead of reflowing, active rows refreshed in
 * place, rows that open to their step timeline, and bulk cancel/replay with progress and per-run results.
 */
export function RunList({
  workflowId,
  showCounts = true,
  loadWorkflows = true,
  details = 'timeline',
  pageSize,
  newRunsIntervalMs,
  activeRunsIntervalMs,
  filters,
  defaultFilters,
  onFiltersChange,
  sort,
  defaultSort,
  onSortChange,
  filterControls,
  ...viewProps
}: RunListProps) {
  const feedOptions: UseRunFeedOptions = {
    filters,
    defaultFilters,
    onFiltersChange,
    sort,
    defaultSort,
    onSortChange,
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(newRunsIntervalMs !== undefined ? { newRunsIntervalMs } : {}),
    ...(activeRunsIntervalMs !== undefined ? { activeRunsIntervalMs } : {}),
  };
  const source = useMemo<RunFeedSource>(() => (workflowId === undefined ? { kind: 'all' } : { kind: 'workflow', workflowId }), [workflowId]);
  const feed = useRunFeed(source, feedOptions);
  const counts = useRunStatusCounts({ ...(workflowId !== undefined ? { workflowId } : {}), filters: feed.filters, enabled: showCounts });
  const workflows = useWorkflows({ enabled: loadWorkflows && workflowId === undefined });
  // Refused runs are the ones to list (with why); the done ones are counted.
  const bulk = useBulkRunAction({ resultsOutcome: 'refused' });
  const { start } = bulk;
  const onBulkAction = useCallback(
    (action: BulkAction, selection: RunSelection) =>
      selection.mode === 'ids'
        ? start({ action, runIds: [...selection.ids] })
        : start({ action, filter: { ...feed.filters, ...(workflowId !== undefined ? { workflowId } : {}) }, except: selection.except }),
    [start, feed.filters, workflowId],
  );
  const bulkResults = useMemo<RunListBulkResult[]>(
    () =>
      bulk.results.map((result) => ({
        runId: result.runId,
        outcome: result.outcome,
        reason: result.problem?.detail ?? result.problem?.title ?? null,
        newRunId: result.newRunId ?? null,
      })),
    [bulk.results],
  );
  const renderRunDetails = useMemo(() => {
    if (details === false) return undefined;
    if (typeof details === 'function') return details;
    return (run: Run) => <StepTimeline workflowId={run.workflowId} runId={run.id} className="rv-run-list__timeline" />;
  }, [details]);
  const { byStatus, total: matchingTotal } = counts;

  return (
    <RunListView
      {...viewProps}
      filterControls={workflowId === undefined ? filterControls : (filterControls ?? ALL_FILTER_CONTROLS).filter((control) => control !== 'workflow')}
      runs={feed.runs}
      loading={feed.isLoading}
      refreshing={feed.isPlaceholderData}
      error={feed.error}
      // With rows shown, the failure was the next page: ask for it again (a refetch would re-ask every loaded page).
      onRetry={() => (feed.runs.length > 0 && feed.hasMore ? feed.loadMore() : void feed.refetch())}
      hasMore={feed.hasMore}
      loadingMore={feed.isFetchingNextPage}
      onLoadMore={feed.loadMore}
      filters={feed.filters}
      onFiltersChange={feed.setFilters}
      sort={feed.sort}
      onSortChange={feed.setSort}
      statusCounts={byStatus}
      matchingTotal={matchingTotal}
      newRunsCount={feed.newCount}
      newRunsCapped={feed.newCountCapped}
      onShowNewRuns={feed.showNew}
      workflows={workflows.workflows}
      bulkJob={bulk.job}
      bulkResults={bulkResults}
      bulkHasMoreResults={bulk.hasMoreResults}
      onBulkLoadMoreResults={bulk.loadMoreResults}
      bulkError={bulk.error}
      onBulkAction={onBulkAction}
      onBulkDismiss={bulk.reset}
      renderRunDetails={viewProps.renderRunDetails ?? renderRunDetails}
    />
  );
}
