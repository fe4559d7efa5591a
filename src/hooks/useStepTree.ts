import { useCallback, useMemo } from 'react';
import type { RunStatus, Step } from '../api/types.js';
import { filterStepTree, type FilteredStepTree, type StepFilters } from '../core/filterStepTree.js';
import { expandToReveal } from '../core/firstFailedStep.js';
import { flattenTree } from '../core/flattenTree.js';
import type { RunState } from '../core/runState.js';
import type { FlattenOptions, StepRow, StepTree } from '../core/stepTreeTypes.js';
import { useControllableState } from './useControllableState.js';
import { useIncrementalStepTree } from './useIncrementalStepTree.js';

export interface UseStepTreeOptions {
  /** Run status (pending steps of an active run count as still to run). Defaults to the state's run status. */
  runStatus?: RunStatus | null;
  /** Errors / Rejected filters (controlled). Defaults to uncontrolled. */
  filters?: StepFilters;
  /** Initial filters when uncontrolled. Defaults to both off. */
  defaultFilters?: StepFilters;
  /** Called when the filters change. Defaults to no callback. */
  onFiltersChange?: (filters: StepFilters) => void;
  /** Ids of steps whose children are shown (controlled). Defaults to uncontrolled. */
  expanded?: ReadonlySet<string>;
  /** Initially expanded ids when uncontrolled. Defaults to none. */
  defaultExpanded?: ReadonlySet<string>;
  /** Called when expansion changes. Defaults to no callback. */
  onExpandedChange?: (expanded: ReadonlySet<string>) => void;
  /** Keys of groups folded under their header (controlled). Defaults to uncontrolled, none folded. */
  collapsedGroups?: ReadonlySet<string>;
  /** Called when a group is folded or unfolded. Defaults to no callback. */
  onCollapsedGroupsChange?: (keys: ReadonlySet<string>) => void;
  /** When group header rows appear. Defaults to `'auto'` (not for a lone unnamed group). */
  groupHeaders?: FlattenOptions['groupHeaders'];
}

export interface UseStepTreeResult {
  /** The whole tree (groups, nesting, loops, pages). */
  tree: StepTree;
  /** The tree narrowed by the filters, with counts (`matchingSteps`, `visibleSteps`, `active`). */
  filtered: FilteredStepTree;
  /** Rows to render top to bottom; while a filter is on, every match is shown with its ancestors open. */
  rows: StepRow[];
  filters: StepFilters;
  setFilters: (filters: StepFilters | ((previous: StepFilters) => StepFilters)) => void;
  expanded: ReadonlySet<string>;
  setExpanded: (expanded: ReadonlySet<string>) => void;
  isExpanded: (stepId: string) => boolean;
  toggle: (stepId: string) => void;
  /** Expands every ancestor of the step and the step itself (e.g. "jump to failed step"). */
  reveal: (stepId: string) => void;
  collapseAll: () => void;
  collapsedGroups: ReadonlySet<string>;
  toggleGroup: (groupKey: string) => void;
}

const EMPTY: ReadonlySet<string> = new Set();
const NO_FILTERS: StepFilters = {};

/** The step tree of a run with the Errors/Rejected filters, step expansion and group folding, each controllable. */
export function useStepTree(source: RunState | readonly Step[] | null | undefined, options: UseStepTreeOptions = {}): UseStepTreeResult {
  const stateStatus = source && !Array.isArray(source) ? ((source as RunState).run?.status ?? null) : null;
  const tree = useIncrementalStepTree(source, options.runStatus !== undefined ? options.runStatus : stateStatus);
  const [filters, setFilters] = useControllableState({
    value: options.filters,
    defaultValue: options.defaultFilters ?? NO_FILTERS,
    onValueChange: options.onFiltersChange,
  });
  const [expanded, setExpanded] = useControllableState({
    value: options.expanded,
    defaultValue: options.defaultExpanded ?? EMPTY,
    onValueChange: options.onExpandedChange,
  });
  const [collapsedGroups, setCollapsedGroups] = useControllableState({
    value: options.collapsedGroups,
    defaultValue: EMPTY,
    onValueChange: options.onCollapsedGroupsChange,
  });
  const filtered = useMemo(() => filterStepTree(tree, filters), [tree, filters]);
  const groupHeaders = options.groupHeaders;
  const rows = useMemo(
    () =>
      flattenTree(filtered.tree, {
        expanded: filtered.active ? 'all' : expanded,
        collapsedGroups,
        ...(groupHeaders ? { groupHeaders } : {}),
      }),
    [filtered, expanded, collapsedGroups, groupHeaders],
  );
  const toggle = useCallback(
    (id: string) => setExpanded((previous) => flip(previous, id)),
    [setExpanded],
  );
  const reveal = useCallback((id: string) => setExpanded((previous) => expandToReveal(tree, id, previous)), [setExpanded, tree]);
  return {
    tree,
    filtered,
    rows,
    filters,
    setFilters,
    expanded,
    setExpanded,
    isExpanded: (id) => filtered.active || expanded.has(id),
    toggle,
    reveal,
    collapseAll: () => setExpanded(EMPTY),
    collapsedGroups,
    toggleGroup: (key) => setCollapsedGroups((previous) => flip(previous, key)),
  };
}

function flip(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
