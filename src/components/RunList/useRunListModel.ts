/**
 * The run list's view state in one place: filters and sort, columns, selection, expanded rows, the clock
 * of relative times. Every piece is controllable (value / default / on…Change props); the parts render
 * what this returns.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Run, RunSort } from '../../api/types.js';
import { EMPTY_RUN_SELECTION, selectionLookup, selectRunRange, toggleRunSelection, type RunSelection } from '../../core/runSelection.js';
import type { RunFeedFilters } from '../../hooks/runFeedQuery.js';
import { useControllableState } from '../../hooks/useControllableState.js';
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

  const isSelected = useMemo(() => selectionLookup(selection), [selection]);
  const anchor = useRef<string | null>(null);
  const selectRun = useCallback(
    (id: string, range: boolean) => {
      setSelection((previous) =>
        range ? selectRunRange(previous, runs.map((run) => run.id), anchor.current, id) : toggleRunSelection(previous, id),
      );
      anchor.current = id;
    },
    [runs, setSelection],
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
      // A real link keeps its browser behaviour for modified clicks (new tab, new window).
      if (event && 'button' in event && (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) return;
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
  const filterControls = useMemo(() => new Set<string>(props.filterControls ?? ALL_FILTER_CONTROLS), [props.filterControls]);

  return {
    props,
    ui,
    runs,
    now,
    filters,
    setFilters,
    sort,
    setSort,
    columns,
    selectable,
    selection,
    setSelection,
    isSelected,
    selectRun,
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
