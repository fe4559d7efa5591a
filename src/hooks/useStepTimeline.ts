import { useCallback, useMemo, useState } from 'react';
import type { Run, Step } from '../api/types.js';
import { createStepTreeCache } from '../core/stepTreeCache.js';
import { applyStepFilters, type FilteredRuns, type StepFilters } from '../core/filterStepTree.js';
import { stepHasDetails, withSectionOpen, type StepSectionState } from '../core/stepSections.js';
import type { StepTree } from '../core/stepTreeTypes.js';
import {
  createTimelineRowsCache,
  firstFailedInSources,
  revealStep,
  type TimelineFailure,
  type TimelineRow,
  type TimelineRowsOptions,
  type TimelineSource,
} from '../core/timelineRows.js';
import { useControllableState } from './useControllableState.js';

/** One run on the timeline: its steps, or a tree already built (e.g. `useRun().tree`). */
export interface StepTimelineRun {
  /** Unique among the runs shown; usually the run id. */
  key: string;
  /** The run, for its header and so pending steps are judged against its status. Defaults to none. */
  run?: Run | null;
  /** The run's steps, in any order. Ignored when `tree` is given. */
  steps?: readonly Step[];
  /** A prebuilt step tree. Defaults to one built from `steps`. */
  tree?: StepTree;
}

export interface UseStepTimelineOptions {
  /** The runs to show (one, or several with a header each). */
  runs: readonly StepTimelineRun[];
  /** A header row per run. Defaults to true when more than one run is given. */
  runHeaders?: boolean;
  /** When group header rows appear. Defaults to `'auto'` (not for a lone unnamed group). */
  groupHeaders?: TimelineRowsOptions['groupHeaders'];

  /** Ids of steps whose details are shown, when controlled. Defaults to uncontrolled. */
  expandedSteps?: readonly string[];
  /** Initially expanded steps when uncontrolled. Defaults to none. */
  defaultExpandedSteps?: readonly string[];
  /** Called when a step is expanded or collapsed. Defaults to no callback. */
  onExpandedStepsChange?: (ids: readonly string[]) => void;
  /** Row keys of folded runs (`run:<key>`) and groups (`group:<name>`, prefixed `<runKey>/` with several runs), when controlled. Defaults to uncontrolled. */
  collapsed?: readonly string[];
  /** Initially folded rows when uncontrolled. Defaults to none. */
  defaultCollapsed?: readonly string[];
  /** Called when a run or group is folded or unfolded. Defaults to no callback. */
  onCollapsedChange?: (keys: readonly string[]) => void;
  /** The selected step id, when controlled (`null` = none). Defaults to uncontrolled. */
  selectedStep?: string | null;
  /** Initially selected step when uncontrolled. Defaults to `null`. */
  defaultSelectedStep?: string | null;
  /** Called when the reader selects a step. Defaults to no callback. */
  onSelectedStepChange?: (id: string | null) => void;
  /** Errors / Rejected filters when controlled. Defaults to uncontrolled. */
  filters?: StepFilters;
  /** Initial filters when uncontrolled. Defaults to both off. */
  defaultFilters?: StepFilters;
  /** Called when a filter toggles. Defaults to no callback. */
  onFiltersChange?: (filters: StepFilters) => void;
  /** What the reader opened inside each step (sections, UI/Raw, array windows), by step id, when controlled. Defaults to uncontrolled. */
  sections?: Readonly<Record<string, StepSectionState>>;
  /** Initial section state when uncontrolled. Defaults to none. */
  defaultSections?: Readonly<Record<string, StepSectionState>>;
  /** Called when the reader opens, closes or switches a section. Defaults to no callback. */
  onSectionsChange?: (sections: Readonly<Record<string, StepSectionState>>) => void;
  /** True when the view offers "Edit step" on expanded steps (then every step can open to reach it). Defaults to `false`. */
  canEdit?: boolean;
  /** Whether a step can be expanded (shows anything). Defaults to core's `stepHasDetails(step, canEdit)`. */
  canExpand?: (step: Step) => boolean;
}

/** Where the first run with a failure failed. */
export type StepTimelineFailure = TimelineFailure;

export interface UseStepTimelineResult {
  /** Rows to render top to bottom (core's `timelineRows`). */
  rows: TimelineRow[];
  /** The runs with their trees, before filters. */
  sources: readonly TimelineSource[];
  /** The runs left after the filters, with counts (`visibleRuns`, `totalRuns`, `matchingSteps`, `active`). */
  filtered: FilteredRuns<TimelineSource>;
  runHeaders: boolean;
  expandedSteps: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
  selectedStep: string | null;
  filters: StepFilters;
  sections: Readonly<Record<string, StepSectionState>>;
  /** Where the first run with a failure failed (core's rule per run), or null. */
  failed: StepTimelineFailure | null;
  /** The row key "Jump to failed step" revealed and the view should focus once rendered; null when none is pending. */
  revealed: string | null;
  /** Clears `revealed` once the view has focused it. */
  clearRevealed: () => void;
  canExpand: (row: TimelineRow) => boolean;
  /** Whether a step opens to details (the one rule rows and keys use). */
  canExpandStep: (step: Step) => boolean;
  /** Enter/click on a row: a step's details, a run's or group's fold. */
  toggleRow: (row: TimelineRow) => void;
  /** Arrow keys: open or close a row. */
  setRowExpanded: (row: TimelineRow, open: boolean) => void;
  setStepExpanded: (stepId: string, open: boolean) => void;
  select: (stepId: string | null) => void;
  setFilters: (filters: StepFilters) => void;
  setSection: (stepId: string, update: (state: StepSectionState) => StepSectionState) => void;
  /** Makes a step visible (unfolds its run and group), expands and selects it, and sets `revealed` so the view scrolls to it and focuses it. */
  showStep: (stepId: string, runKey?: string) => void;
  /** Makes the failed step visible (filters, folds), expands it, opens its Error section, selects it, and sets `revealed`. */
  jumpToFailed: () => void;
}

const NO_IDS: readonly string[] = [];
const NO_FILTERS: StepFilters = { errors: false, rejected: false };
const NO_SECTIONS: Readonly<Record<string, StepSectionState>> = {};
const canExpandPlain = (step: Step) => stepHasDetails(step, false);
const canExpandEditable = (step: Step) => stepHasDetails(step, true);

const EMPTY_STEPS: readonly Step[] = [];

function toggled(ids: readonly string[], id: string, on: boolean): readonly string[] {
  const has = ids.includes(id);
  if (has === on) return ids;
  return on ? [...ids, id] : ids.filter((x) => x !== id);
}

/**
 * The headless step timeline: trees of one or several runs, the Errors / Rejected filters, and the rows to
 * render, with every piece of view state (expanded steps, folded runs and groups, selected step, filters,
 * open sections) controllable by the host. `StepTimelineView` renders exactly what this returns.
 */
export function useStepTimeline(options: UseStepTimelineOptions): UseStepTimelineResult {
  const { runs, groupHeaders } = options;
  const runHeaders = options.runHeaders ?? runs.length > 1;
  const canExpandStep = options.canExpand ?? (options.canEdit ? canExpandEditable : canExpandPlain);

  const [expandedIds, setExpandedIds] = useControllableState<readonly string[]>({
    value: options.expandedSteps,
    defaultValue: options.defaultExpandedSteps ?? NO_IDS,
    onValueChange: options.onExpandedStepsChange,
  });
  const [collapsedKeys, setCollapsedKeys] = useControllableState<readonly string[]>({
    value: options.collapsed,
    defaultValue: options.defaultCollapsed ?? NO_IDS,
    onValueChange: options.onCollapsedChange,
  });
  const [selectedStep, setSelected] = useControllableState<string | null>({
    value: options.selectedStep,
    defaultValue: options.defaultSelectedStep ?? null,
    onValueChange: options.onSelectedStepChange,
  });
  const [filters, setFilters] = useControllableState<StepFilters>({
    value: options.filters,
    defaultValue: options.defaultFilters ?? NO_FILTERS,
    onValueChange: options.onFiltersChange,
  });
  const [sections, setSections] = useControllableState<Readonly<Record<string, StepSectionState>>>({
    value: options.sections,
    defaultValue: options.defaultSections ?? NO_SECTIONS,
    onValueChange: options.onSectionsChange,
  });
  const [revealed, setRevealed] = useState<string | null>(null);

  const expandedSteps = useMemo(() => new Set(expandedIds), [expandedIds]);
  const collapsed = useMemo(() => new Set(collapsedKeys), [collapsedKeys]);
  // Runs given as step arrays: each run's tree is updated with the steps that changed since the last array
  // (a host's immutable update), not built again; a host that rebuilds `runs` inline reuses unchanged trees.
  const [treeCache] = useState(createStepTreeCache);
  const sources = useMemo<TimelineSource[]>(() => {
    const made = runs.map((r) => ({
      key: r.key,
      run: r.run ?? null,
      tree: r.tree ?? treeCache.tree(r.key, r.steps ?? EMPTY_STEPS, r.run?.status ?? null),
    }));
    treeCache.retain(new Set(runs.filter((r) => !r.tree).map((r) => r.key)));
    return made;
  }, [runs, treeCache]);
  const filtered = useMemo(
    () =>
      applyStepFilters(
        sources.map((source) => ({ run: source, tree: source.tree })),
        filters,
      ),
    [sources, filters],
  );
  // The cache hands the last rows back to `timelineRows`, which reuses every unchanged row: a live event costs
  // a walk of identity checks, not a new row per step.
  const [rowsCache] = useState(createTimelineRowsCache);
  const rows = useMemo(
    () =>
      rowsCache.rows(
        filtered.runs.map((entry) => ({ ...entry.run, tree: entry.tree })),
        { runHeaders, collapsed, expanded: expandedSteps, ...(groupHeaders ? { groupHeaders } : {}) },
      ),
    [rowsCache, filtered, runHeaders, collapsed, expandedSteps, groupHeaders],
  );
  const failed = useMemo(() => firstFailedInSources(sources), [sources]);

  const canExpand = useCallback(
    (row: TimelineRow) => (row.kind === 'step' ? canExpandStep(row.node.step) : row.kind !== 'divider'),
    [canExpandStep],
  );
  const setStepExpanded = useCallback((id: string, open: boolean) => setExpandedIds((ids) => toggled(ids, id, open)), [setExpandedIds]);
  const setFolded = useCallback((key: string, folded: boolean) => setCollapsedKeys((keys) => toggled(keys, key, folded)), [setCollapsedKeys]);
  // A step with nothing to show is not expandable: toggling it would only mark it expanded for later.
  const setRowExpanded = useCallback(
    (row: TimelineRow, open: boolean) => {
      if (row.kind === 'step') {
        if (canExpandStep(row.node.step)) setStepExpanded(row.node.id, open);
      } else if (row.kind !== 'divider') setFolded(row.key, !open);
    },
    [canExpandStep, setStepExpanded, setFolded],
  );
  const toggleRow = useCallback(
    (row: TimelineRow) => {
      if (row.kind === 'step') setRowExpanded(row, !row.expanded);
      else if (row.kind !== 'divider') setRowExpanded(row, row.collapsed);
    },
    [setRowExpanded],
  );
  const setSection = useCallback(
    (stepId: string, update: (state: StepSectionState) => StepSectionState) =>
      setSections((all) => ({ ...all, [stepId]: update(all[stepId] ?? {}) })),
    [setSections],
  );
  const showStep = useCallback(
    (id: string, runKey: string = sources[0]?.key ?? '') => {
      setCollapsedKeys((keys) => {
        const next = revealStep(new Set(keys), sources, runKey, id, runHeaders);
        return next.size === keys.length ? keys : [...next];
      });
      setStepExpanded(id, true);
      setSelected(id);
      setRevealed(runHeaders ? `${runKey}/${id}` : id);
    },
    [setCollapsedKeys, sources, runHeaders, setStepExpanded, setSelected],
  );
  const jumpToFailed = useCallback(() => {
    if (!failed) return;
    if (filters.rejected && !filters.errors) setFilters({ ...filters, errors: true });
    setSection(failed.node.id, (s) => withSectionOpen(s, 'error', true));
    showStep(failed.node.id, failed.runKey);
  }, [failed, filters, setFilters, setSection, showStep]);

  return {
    rows,
    sources,
    filtered,
    runHeaders,
    expandedSteps,
    collapsed,
    selectedStep,
    filters,
    sections,
    failed,
    revealed,
    clearRevealed: useCallback(() => setRevealed(null), []),
    canExpand,
    canExpandStep,
    toggleRow,
    setRowExpanded,
    setStepExpanded,
    select: setSelected,
    setFilters,
    setSection,
    showStep,
    jumpToFailed,
  };
}
