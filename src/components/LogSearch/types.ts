import type { ReactNode } from 'react';
import type { RunEvent, Workflow } from '../../api/types.js';
import type { LogSearchFilters } from '../../core/logSearchFilters.js';
import type { LinkEvent } from '../shared/LinkOut.js';

/** Where an entry's run (and step) link points. */
export interface LogEntryTarget {
  workflowId: string;
  runId: string;
  /** The entry's step, when it has one. */
  stepId?: string;
}

/** Links to an entry's run and step: the host's routing, through href builders or callbacks only. */
export interface LogSearchLinks {
  /** Href of an entry's run (with its step when given); makes run and step real links. Defaults to none (plain ids). */
  getRunHref?: (target: LogEntryTarget) => string;
  /** Called when a run or step link is followed (client-side routing; `preventDefault` stops the href). Defaults to none. */
  onOpenRun?: (target: LogEntryTarget, event: LinkEvent) => void;
}

/** Extra class names for the pieces the virtualized list draws itself. */
export interface LogSearchClassNames {
  entry?: string;
  details?: string;
}

/** Filter controls the toolbar can show. */
export type LogFilterControl = 'severity' | 'type' | 'workflow' | 'run' | 'step' | 'search' | 'time' | 'liveTail';
export const ALL_LOG_FILTER_CONTROLS: readonly LogFilterControl[] = ['severity', 'type', 'workflow', 'run', 'step', 'search', 'time', 'liveTail'];

/** The controllable view state of a log search (each `value` / `default…` / `on…Change`). */
export interface LogSearchState {
  /** Filters when controlled. Defaults to uncontrolled. */
  filters?: LogSearchFilters;
  /** Initial filters when uncontrolled. Defaults to none (every entry). */
  defaultFilters?: LogSearchFilters;
  /** Called when the filters change (sync them to the URL here). Defaults to no callback. */
  onFiltersChange?: (filters: LogSearchFilters) => void;
  /** Live tail on, when controlled. Defaults to uncontrolled. */
  liveTail?: boolean;
  /** Initial live tail when uncontrolled. Defaults to `false`. */
  defaultLiveTail?: boolean;
  /** Called when the reader turns the live tail on or off. Defaults to no callback. */
  onLiveTailChange?: (on: boolean) => void;
  /** Ids (`logEntryId`: `runId:seq`) of the entries open to their data, when controlled. Defaults to uncontrolled. */
  expandedEntries?: readonly string[];
  /** Initially open entries when uncontrolled. Defaults to none. */
  defaultExpandedEntries?: readonly string[];
  /** Called when an entry opens or closes. Defaults to no callback. */
  onExpandedEntriesChange?: (ids: readonly string[]) => void;
}

/** `LogSearchView`: the log search from plain data and callbacks. */
export interface LogSearchViewProps extends LogSearchState, LogSearchLinks {
  /** Matching entries, newest first. */
  entries: readonly RunEvent[];
  /** Shows the loading state while there are no entries. Defaults to `false`. */
  loading?: boolean;
  /** The entries shown belong to the previous filters; the new answer is on its way. Defaults to `false`. */
  refreshing?: boolean;
  /** Older pages are being searched on their own (a step or time filter). Defaults to `false`. */
  scanning?: boolean;
  /**
   * A step or time filter matched fewer than a page of entries in the pages scanned on their own, and older
   * ones exist: nothing loads automatically; the reader asks to search older entries (`onLoadMore`). Defaults to `false`.
   */
  scanExhausted?: boolean;
  /** How many entries were searched (before the step or time filter), for "No matches in the newest N entries". Defaults to none. */
  scannedCount?: number;
  /** The live tail's last failed poll (a polite notice; the tail keeps trying). Defaults to none. */
  tailError?: Error | string | null;
  /** The last failure (a contained message with Try again). Defaults to none. */
  error?: Error | string | null;
  /** Try again after an error. Defaults to none (no button). */
  onRetry?: () => void;
  /** More (older) entries can be loaded. Defaults to `false`. */
  hasMore?: boolean;
  /** An older page is loading. Defaults to `false`. */
  loadingMore?: boolean;
  /** Loads older entries (asked near the end of the list and by the footer's button). Defaults to none. */
  onLoadMore?: () => void;
  /** Workflows for the workflow filter. Defaults to none (a text field instead). */
  workflows?: readonly Pick<Workflow, 'id' | 'name'>[];
  /** Event types offered by the type filter besides the known ones. Defaults to none. */
  eventTypes?: readonly string[];
  /** Filter controls shown, in this order. Defaults to all. */
  filterControls?: readonly LogFilterControl[];
  /** Height of one collapsed entry, px. Defaults to 36. */
  rowHeight?: number;
  /** Class names of the entries and their details. Defaults to none. */
  classNames?: LogSearchClassNames;
  /** What an open entry shows. Defaults to its data in a `DataSection` (UI and Raw views). */
  renderEntryDetails?: (entry: RunEvent) => ReactNode;
  className?: string;
}
