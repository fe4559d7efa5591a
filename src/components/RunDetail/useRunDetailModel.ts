import { useCallback, useMemo } from 'react';
import type { RunDetailTab } from '../../core/runDetailStrings.js';
import { NO_EVENT_FILTERS, type RunEventFilters } from '../../core/runEventFilters.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useStepTimeline, type StepTimelineRun, type UseStepTimelineResult } from '../../hooks/useStepTimeline.js';
import { useUi, type UiConfig } from '../shared/useUi.js';
import type { WaterfallRange } from '../../core/waterfall.js';
import type { RunDetailViewProps, WaterfallView } from './types.js';
import { useCompareRunId } from './useCompareRunId.js';

export interface RunDetailModel {
  props: RunDetailViewProps;
  ui: UiConfig;
  /** "Now" for relative times. */
  now: number;
  /** The Steps tab's timeline: its state lives here, so the error box can reveal a step in it. */
  timeline: UseStepTimelineResult;
  tab: RunDetailTab;
  setTab: (tab: RunDetailTab) => void;
  eventFilters: RunEventFilters;
  setEventFilters: (filters: RunEventFilters) => void;
  followEvents: boolean;
  setFollowEvents: (follow: boolean) => void;
  /** The waterfall's window (`null`: the whole run) and view. */
  waterfallRange: WaterfallRange | null;
  setWaterfallRange: (range: WaterfallRange | null) => void;
  waterfallView: WaterfallView;
  setWaterfallView: (view: WaterfallView) => void;
  /** The run the Compare tab compares with (the run it replays, or its newest replay, until the reader picks one). */
  compareRunId: string | null;
  setCompareRunId: (runId: string | null) => void;
  /** Selects the Steps tab and opens the failed step in it (expanded, Error open, selected, focused). */
  jumpToFailedStep: () => void;
  /** Selects the Steps tab with this step shown: unfolded, expanded, selected, scrolled to and focused. */
  showStep: (stepId: string) => void;
}

const NO_SOURCES: readonly StepTimelineRun[] = [];

/** Everything the RunDetail parts share, from the view's props: tab, event filters and the timeline model. */
export function useRunDetailModel(props: RunDetailViewProps): RunDetailModel {
  const ui = useUi();
  const { run, tree, steps } = props;
  const [tab, setTab] = useControllableState<RunDetailTab>({ value: props.tab, defaultValue: props.defaultTab ?? 'steps', onValueChange: props.onTabChange });
  const [eventFilters, setEventFilters] = useControllableState<RunEventFilters>({
    value: props.eventFilters,
    defaultValue: props.defaultEventFilters ?? NO_EVENT_FILTERS,
    onValueChange: props.onEventFiltersChange,
  });
  const [followEvents, setFollowEvents] = useControllableState<boolean>({
    value: props.followEvents,
    defaultValue: props.defaultFollowEvents ?? true,
    onValueChange: props.onFollowEventsChange,
  });
  const [waterfallRange, setWaterfallRange] = useControllableState<WaterfallRange | null>({
    value: props.waterfallRange,
    defaultValue: props.defaultWaterfallRange ?? null,
    onValueChange: props.onWaterfallRangeChange,
  });
  const [waterfallView, setWaterfallView] = useControllableState<WaterfallView>({
    value: props.waterfallView,
    defaultValue: props.defaultWaterfallView ?? 'chart',
    onValueChange: props.onWaterfallViewChange,
  });
  const [compareRunId, setCompareRunId] = useCompareRunId(props, run, props.replays);
  const sources = useMemo<readonly StepTimelineRun[]>(
    () => (run && (tree || steps) ? [{ key: run.id, run, ...(tree ? { tree } : {}), ...(steps && !tree ? { steps } : {}) }] : NO_SOURCES),
    [run, tree, steps],
  );
  const timeline = useStepTimeline({
    runs: sources,
    runHeaders: false,
    canEdit: Boolean(props.onEditStep),
    expandedSteps: props.expandedSteps,
    defaultExpandedSteps: props.defaultExpandedSteps,
    onExpandedStepsChange: props.onExpandedStepsChange,
    selectedStep: props.selectedStep,
    defaultSelectedStep: props.defaultSelectedStep,
    onSelectedStepChange: props.onSelectedStepChange,
    sections: props.sections,
    defaultSections: props.defaultSections,
    onSectionsChange: props.onSectionsChange,
    filters: props.filters,
    defaultFilters: props.defaultFilters,
    onFiltersChange: props.onFiltersChange,
    collapsed: props.collapsed,
    defaultCollapsed: props.defaultCollapsed,
    onCollapsedChange: props.onCollapsedChange,
  });
  const { jumpToFailed, showStep: revealInTimeline } = timeline;
  const showStep = useCallback(
    (stepId: string) => {
      setTab('steps');
      revealInTimeline(stepId);
    },
    [setTab, revealInTimeline],
  );
  const jumpToFailedStep = useCallback(() => {
    setTab('steps');
    jumpToFailed();
  }, [setTab, jumpToFailed]);
  return {
    props,
    ui,
    now: props.now ?? ui.now(),
    timeline,
    tab,
    setTab,
    eventFilters,
    setEventFilters,
    followEvents,
    setFollowEvents,
    waterfallRange,
    setWaterfallRange,
    waterfallView,
    setWaterfallView,
    compareRunId,
    setCompareRunId,
    jumpToFailedStep,
    showStep,
  };
}
