/**
 * The run list's view state in one place: filters and sort, columns, selection, expanded rows, the clock
 * of relative times. Every piece is controllable (value / default / on…Change props); the parts render
 * what this returns.
 */
import { useCallback, useEffect, useInsertionEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { Run, RunSort } from '../../api/types.js';
import { DEFAULT_QUEUED_LONG_MS, queuedLongRuns } from '../../core/runHints.js';
import {
  EMPTY_RUN_SELECTION,
  loadedSelectionState,
  selectionLookup,
  selectRunRange,
  toggleRunSelection,
  type RunSelection,
} from '../../core/runSelection.js';
import type { RunFeedFilters } from '../../hooks/runFeedQuery.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { isModifiedClick } from '../shared/LinkOut.js';
import { useStableCallback } from '../shared/useStableCallback.js';
import { useUi, type UiConfig } from '../shared/useUi.js';
import type { CellContext } from './cells.js';
import { ALL_FILTER_CONTROLS, type RunListViewProps } from './types.js';
import { useRunColumns, type RunColumnsModel } from './useRunColumns.js';

const NO_FILTERS: RunFeedFilters = {};
const NO_IDS: readonly string[] = [];
/** Relative times ("3 min ago") and running durations move on this often. */
const CLOCK_TICK_MS = 30_000;

export interface RunListModel {
  props: RunListViewProps;
  ui: UiConfig;
  runs: readonly Run[];
  /** "Now" of relative times and running durations; moves every 30 s. */
  now: number;
  filters: RunFeedFilters;
  setFilters: (next: RunFeedFilters) => void;
  sort: RunSort;
  setSort: (sort: RunSort) => void;
  columns: RunColumnsModel;
  selectable: boolean;
  selection: RunSelection;
  setSelection: (selection: RunSelection) => void;
  isSelected: (id: string) => boolean;
  /** Click or Space on a run's checkbox; `range` (Shift) selects from the last one toggled. */
  selectRun: (id: string, range: boolean) => void;
  clearSelection: () => void;
  /** Ids of the loaded runs, in order. */
  runIds: readonly string[];
  /** The "select all loaded" checkbox: none, some or all of the loaded runs selected. */
  loadedState: 'none' | 'some' | 'all';
  /** Runs waiting in the queue longer than `queuedLongMs`. */
  queuedLong: { count: number; oldestQueuedAt: string | null };
  /** The host's `renderRunActions`, stable across renders (rows re-render only for their own run), or null. */
  renderActions: ((run: Run) => ReactNode) | null;
  canExpand: boolean;
  expanded: ReadonlySet<string>;
  toggleExpanded: (id: string) => void;
  cellContext: CellContext;
  openRun: (run: Run, event: MouseEvent | KeyboardEvent | null) => void;
  filterControls: ReadonlySet<string>;
  layout: 'table' | 'cards';
  rowHeight: number;
}

export function useRunListModel(props: RunListViewProps): RunListModel {
  const ui = useUi();
  const { runs } = props;
  const [filters, setFilters] = useControllableState<RunFeedFilters>({
    value: props.filters,
    defaultValue: props.defaultFilters ?? NO_FILTERS,
    onValueChange: props.onFiltersChange,
  });
  const [sort, setSort] = useControllableState<RunSort>({
    value: props.sort,
    defaultValue: props.defaultSort ?? '-queuedAt',
    onValueChange: props.onSortChange,
  });
  const [selection, setSelection] = useControllableState<RunSelection>({
    value: props.selection,
    defaultValue: props.defaultSelection ?? EMPTY_RUN_SELECTION,
    onValueChange: props.onSelectionChange,
  });
  const [expandedIds, setExpandedIds] = useControllableState<readonly string[]>({
    value: props.expandedRuns,
    defaultValue: props.defaultExpandedRuns ?? NO_IDS,
    onValueChange: props.onExpandedRunsChange as ((ids: readonly string[]) => void) | undefined,
  });
  const selectable = Boolean(props.selectable || (props.bulkActions && props.bulkActions.length > 0));
  const columns = useRunColumns(props, selectable || Boolean(props.renderRunDetails));
  const now = useClock(ui.now, runs);

  // Derived once per list or selection change, never per render: the list may hold 100 000 runs.
  const runIds = useMemo(() => runs.map((run) => run.id), [runs]);
  const isSelected = useMemo(() => selectionLookup(selection), [selection]);
  const loadedState = useMemo(() => loadedSelectionState(selection, runIds), [selection, runIds]);
  const queuedLong = useMemo(() => queuedLongRuns(runs, now, props.queuedLongMs ?? DEFAULT_QUEUED_LONG_MS), [runs, now, props.queuedLongMs]);
  const anchor = useRef<string | null>(null);
  const latestIds = useRef(runIds);
  useInsertionEffect(() => {
    latestIds.current = runIds;
  });
  const selectRun = useCallback(
    (id: string, range: boolean) => {
      setSelection((previous) => (range ? selectRunRange(previous, latestIds.current, anchor.current, id) : toggleRunSelection(previous, id)));
      anchor.current = id;
    },
    [setSelection],
  );
  const clearSelection = useCallback(() => {
    anchor.current = null;
    setSelection(EMPTY_RUN_SELECTION);
  }, [setSelection]);
  // "Every matching run" means the runs of the filters it was made under: other filters, another selection.
  const changeFilters = useCallback(
    (next: RunFeedFilters) => {
      setFilters(next);
      anchor.current = null;
      setSelection((previous) => (previous.mode === 'matching' ? EMPTY_RUN_SELECTION : previous));
    },
    [setFilters, setSelection],
  );
  const expanded = useMemo(() => new Set(expandedIds), [expandedIds]);
  const toggleExpanded = useCallback(
    (id: string) => setExpandedIds((previous) => (previous.includes(id) ? previous.filter((other) => other !== id) : [...previous, id])),
    [setExpandedIds],
  );

  const onOpen = useStableCallback(props.onOpenRun);
  const hasHref = Boolean(props.getRunHref);
  const openRun = useCallback(
    (run: Run, event: MouseEvent | KeyboardEvent | null) => {
      // A real link keeps its browser behaviour for modified clicks (new tab, new window); without an href the id is
      // a button, and any click opens the run (as LinkOut does).
      if (hasHref && event && 'button' in event && isModifiedClick(event)) return;
      if (props.onOpenRun) {
        if (event && hasHref) event.preventDefault();
        onOpen(run, event);
      }
    },
    [onOpen, hasHref, props.onOpenRun],
  );
  const getRunHref = useStableCallback(props.getRunHref);
  const getWorkflowHref = useStableCallback(props.getWorkflowHref);
  const hasWorkflowHref = Boolean(props.getWorkflowHref);
  const cellContext = useMemo<CellContext>(
    () => ({
      ui,
      now,
      getRunHref: hasHref ? (run: Run) => getRunHref(run) ?? '' : undefined,
      getWorkflowHref: hasWorkflowHref ? (run: Run) => getWorkflowHref(run) ?? '' : undefined,
      openRun: (run, event) => openRun(run, event),
    }),
    [ui, now, hasHref, getRunHref, hasWorkflowHref, getWorkflowHref, openRun],
  );
  const renderActions = useStableCallback(props.renderRunActions);
  const hasActions = Boolean(props.renderRunActions);
  const filterControls = useMemo(() => new Set<string>(props.filterControls ?? ALL_FILTER_CONTROLS), [props.filterControls]);

  return {
    props,
    ui,
    runs,
    now,
    filters,
    setFilters: changeFilters,
    sort,
    setSort,
    columns,
    selectable,
    selection,
    setSelection,
    isSelected,
    selectRun,
    clearSelection,
    runIds,
    loadedState,
    queuedLong,
    renderActions: hasActions ? renderActions : null,
    canExpand: Boolean(props.renderRunDetails),
    expanded,
    toggleExpanded,
    cellContext,
    openRun,
    filterControls,
    layout: props.layout ?? 'table',
    rowHeight: props.rowHeight ?? 44,
  };
}

/** The provider's clock, read again every 30 s and whenever new runs arrive (so none reads as "in 2 seconds"). */
function useClock(read: () => number, runs: readonly Run[]): number {
  const [now, setNow] = useState(read);
  const [seen, setSeen] = useState(runs);
  if (seen !== runs) {
    setSeen(runs);
    setNow(read());
  }
  useEffect(() => {
    const timer = setInterval(() => setNow(read()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [read]);
  return now;
}
