/** Public props and shared types of the RunList components. */
import type { MouseEvent, ReactNode } from 'react';
import type { BulkAction, Run, RunSort, RunStatus, Workflow } from '../../api/types.js';
import type { CustomRunColumn } from '../../core/runColumns.js';
import type { RunStatusChip, RunStatusGroup } from '../../core/runFilters.js';
import type { RunSelection } from '../../core/runSelection.js';
import type { RunFeedFilters } from '../../hooks/runFeedQuery.js';

export type { CustomRunColumn, RunSelection, RunStatusChip, RunStatusGroup };

/** Which columns are shown: `false` hides a column; columns not named keep their default. */
export type RunColumnVisibility = Record<string, boolean>;
/** Column widths in px by column id; columns not named keep their default. */
export type RunColumnSizing = Record<string, number>;

/** Filter controls the toolbar can show, so a host can show only those its product has. */
export type RunFilterControl = 'status' | 'search' | 'workflow' | 'subject' | 'time' | 'trigger' | 'mode' | 'model' | 'credits';
export const ALL_FILTER_CONTROLS: readonly RunFilterControl[] = ['status', 'search', 'workflow', 'subject', 'time', 'trigger', 'mode', 'model', 'credits'];

/** A saved combination of filters and sort (and columns), kept by the host. */
export interface RunListSavedView {
  id: string;
  name: string;
  filters: RunFeedFilters;
  sort?: RunSort;
  columnVisibility?: RunColumnVisibility;
}

/** Progress of a bulk action, as the view shows it. */
export interface RunListBulkJob {
  action: BulkAction;
  status: 'running' | 'done';
  total: number;
  processed: number;
  succeeded: number;
  refused: number;
}

/** The result of one run of a bulk action. */
export interface RunListBulkResult {
  runId: string;
  outcome: 'done' | 'refused';
  /** Why it was refused. */
  reason?: string | null;
  /** The new run of a replay. */
  newRunId?: string | null;
}

/** Class names for the parts the list renders itself (rows and cards are created by the virtualized body). */
export interface RunListClassNames {
  row?: string;
  cell?: string;
  headerCell?: string;
  details?: string;
  card?: string;
}

/** Render slots: where a host replaces content without rebuilding the list. */
export interface RunListSlots {
  /** What an expanded row or card shows. Defaults to nothing (rows cannot expand) in the view; `RunList` shows the step timeline. */
  renderRunDetails?: (run: Run) => ReactNode;
  /** Extra content at the end of each row's first cell and of each card's header, e.g. a menu. Defaults to none. */
  renderRunActions?: (run: Run) => ReactNode;
}

/** Props of the list's data and every piece of its view state (each as value / default / on…Change). */
export interface RunListViewProps extends RunListSlots {
  /** The runs to show, in order (already sorted and filtered by the API). */
  runs: readonly Run[];
  /** First load in progress: shows a skeleton. Defaults to `false`. */
  loading?: boolean;
  /** The rows shown are being replaced (a new filter or sort is loading): they stay, marked busy. Defaults to `false`. */
  refreshing?: boolean;
  /** The last load failed: shown as an error state (no runs) or a banner (runs kept). Defaults to none. */
  error?: Error | string | null;
  /** Shown with an error: "Try again". Defaults to no button. */
  onRetry?: () => void;
  /** More runs exist after the loaded ones. Defaults to `false`. */
  hasMore?: boolean;
  /** A next page is loading. Defaults to `false`. */
  loadingMore?: boolean;
  /** Loads the next page; called as the reader scrolls near the end. Defaults to none. */
  onLoadMore?: () => void;

  filters?: RunFeedFilters;
  defaultFilters?: RunFeedFilters;
  onFiltersChange?: (filters: RunFeedFilters) => void;
  sort?: RunSort;
  /** Defaults to `'-queuedAt'` (newest first). */
  defaultSort?: RunSort;
  onSortChange?: (sort: RunSort) => void;
  /** Counts of each status under the other filters, for the status chips. Defaults to no counts. */
  statusCounts?: Partial<Record<RunStatus, number>> | null;
  /** How many runs match the filters, when known (for "select all N matching"). Defaults to unknown. */
  matchingTotal?: number | null;
  /** Which filter controls to show. Defaults to all. */
  filterControls?: readonly RunFilterControl[];
  /**
   * The status chips, in order: a status, or a group of statuses under one label (`{ id: 'active', label:
   * 'Running', statuses: ['running', 'waiting', 'paused'] }`). Defaults to one chip per run status.
   */
  statusChips?: readonly RunStatusChip[];
  /** Workflows offered by the workflow filter (and their models by the model filter). Defaults to none (a text field). */
  workflows?: readonly Pick<Workflow, 'id' | 'name' | 'models'>[];

  /** Newer runs than the list, announced instead of reflowing it. Defaults to 0. */
  newRunsCount?: number;
  newRunsCapped?: boolean;
  onShowNewRuns?: () => void;

  /** Host columns added after the built-in ones. Pass a stable array. Defaults to none. */
  columns?: readonly CustomRunColumn[];
  columnVisibility?: RunColumnVisibility;
  /** Defaults to the built-in set (id, workflow, status, trigger, mode, subject, started, run time, credits, result). */
  defaultColumnVisibility?: RunColumnVisibility;
  onColumnVisibilityChange?: (visibility: RunColumnVisibility) => void;
  columnOrder?: readonly string[];
  defaultColumnOrder?: readonly string[];
  onColumnOrderChange?: (order: string[]) => void;
  columnSizing?: RunColumnSizing;
  defaultColumnSizing?: RunColumnSizing;
  onColumnSizingChange?: (sizing: RunColumnSizing) => void;

  /** Which runs are selected. Selection is on when `bulkActions` is non-empty or `selectable` is true. */
  selection?: RunSelection;
  defaultSelection?: RunSelection;
  onSelectionChange?: (selection: RunSelection) => void;
  /** Shows the selection column without bulk actions. Defaults to `false` (on when `bulkActions` is given). */
  selectable?: boolean;
  /** Bulk actions offered for a selection. Defaults to none. */
  bulkActions?: readonly BulkAction[];
  /**
   * Runs a bulk action on the selection, after the reader confirmed it. The selection is cleared once it
   * returns (or its promise resolves) anything but `false` or `null`. Defaults to none.
   */
  onBulkAction?: (action: BulkAction, selection: RunSelection) => void | boolean | null | Promise<unknown>;
  /** The bulk action in progress or finished, shown with its per-run results. Defaults to none. */
  bulkJob?: RunListBulkJob | null;
  /** Per-run results to list (the refused ones, with why). Defaults to none. */
  bulkResults?: readonly RunListBulkResult[];
  /** More results exist than `bulkResults` holds. Defaults to `false`. */
  bulkHasMoreResults?: boolean;
  /** Loads the next results. Defaults to none. */
  onBulkLoadMoreResults?: () => void;
  bulkError?: Error | string | null;
  /** Clears a finished bulk action's report. Defaults to none. */
  onBulkDismiss?: () => void;

  /** Runs whose details are open. Defaults to uncontrolled. */
  expandedRuns?: readonly string[];
  defaultExpandedRuns?: readonly string[];
  onExpandedRunsChange?: (ids: string[]) => void;

  /** The link of a run (rows become real links: middle-click opens a tab). Defaults to no link. */
  getRunHref?: (run: Run) => string;
  /**
   * Called when the reader opens a run (click on its id, Enter on its row). With `getRunHref` too, a plain click
   * calls this instead of following the href (the list prevents the navigation, as a router link does) and a
   * modified click is left to the browser; without an href, every click calls it. Defaults to none.
   */
  onOpenRun?: (run: Run, event: MouseEvent | KeyboardEvent | null) => void;
  /** The link of a workflow shown in a row. Defaults to no link. */
  getWorkflowHref?: (run: Run) => string;

  /** `'cards'` shows each run as a card that expands to its steps. Defaults to `'table'`. */
  layout?: 'table' | 'cards';
  /** How long a queued run waits before the list says the worker may be down, in ms. Defaults to 5 minutes. */
  queuedLongMs?: number;
  /** Saved views offered in the toolbar. Defaults to none. */
  savedViews?: readonly RunListSavedView[];
  /** Shows "Save view"; receives the current filters, sort and columns with the name the reader gave. Defaults to hidden. */
  onSaveView?: (view: Omit<RunListSavedView, 'id'>) => void;
  /** Hides the toolbar (filters and column menu). Defaults to `false`. */
  hideToolbar?: boolean;
  /** Row height in px (rows are one line). Defaults to 44. */
  rowHeight?: number;
  classNames?: RunListClassNames;
  /** Accessible name of the grid. Defaults to "Runs". */
  'aria-label'?: string;
  /** Accessible name of the list's region (tell several lists on one page apart). Defaults to the strings' `regionLabel`. */
  regionLabel?: string;
  className?: string;
}
