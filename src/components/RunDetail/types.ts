/** Public props and shared types of the RunDetail components. */
import type { ReactNode } from 'react';
import type { RunAction } from '../../api/status.js';
import type { Approval, Delivery, Run, RunContext, RunEvent, Step } from '../../api/types.js';
import type { RunControls } from '../../core/runControls.js';
import type { RunDetailTab } from '../../core/runDetailStrings.js';
import type { RunEventFilters } from '../../core/runEventFilters.js';
import type { LiveState } from '../../core/runLiveState.js';
import type { StepTree } from '../../core/stepTreeTypes.js';
import type { WaterfallRange } from '../../core/waterfall.js';
import type { ApprovalDecisionState } from '../../hooks/useApprovalDecisions.js';
import type { CommandOutcome } from '../../hooks/runCommandTypes.js';
import type { UseStepTimelineOptions } from '../../hooks/useStepTimeline.js';
import type { PayloadLoader, StepTimelineClassNames } from '../StepTimeline/types.js';
import type { LinkEvent } from '../shared/LinkOut.js';

export type { LiveState, RunDetailTab, RunEventFilters, WaterfallRange };

/** How the waterfall shows the steps: bars on a time axis, or the same as a table. */
export type WaterfallView = 'chart' | 'table';

/** A run another run points to (a replay's source, an upstream run, a replay just queued). */
export interface RunRef {
  workflowId: string;
  runId: string;
}

/** Extra class names for the pieces the parts draw themselves. */
export interface RunDetailClassNames {
  field?: string;
  control?: string;
  tab?: string;
  panel?: string;
  event?: string;
  timeline?: StepTimelineClassNames;
}

/** Links out: the view never navigates by itself. */
export interface RunDetailLinks {
  /** Href of another run (source run, replay-of, a replay just queued); makes them real links. Defaults to none (plain ids). */
  getRunHref?: (ref: RunRef) => string;
  /** Called when a link to another run is followed (e.g. client-side routing; call `preventDefault` on the event to stop the href). Defaults to none. */
  onOpenRun?: (ref: RunRef, event: LinkEvent) => void;
  /** Href of a session; makes the session id a link. Defaults to none (plain id). */
  getSessionHref?: (sessionId: string, run: Run) => string;
  /** Called when the session link is followed (call `preventDefault` on the event to stop the href). Defaults to none. */
  onOpenSession?: (sessionId: string, run: Run, event: LinkEvent) => void;
  /** Href of a delivery attempt (Deliveries tab, send steps); makes it a real link. Defaults to none (the id as text). */
  getDeliveryHref?: (deliveryId: string) => string;
  /** Called when a link to a delivery attempt is followed. Defaults to none. */
  onOpenDelivery?: (deliveryId: string, event: LinkEvent) => void;
}

/** Render slots. */
export interface RunDetailSlots {
  /**
   * Content of the "Replay with new prompt or model" dialog (`close` closes it). Without it the control is not
   * offered. `RunDetail` fills it with `ManualRunForm` in replay mode. Defaults to none.
   */
  renderReplayForm?: (run: Run, close: () => void) => ReactNode;
  /** Extra rows at the end of the overview (`<dt>`/`<dd>` pairs). Defaults to none. */
  renderOverviewExtra?: (run: Run) => ReactNode;
  /** Extra controls after the built-in ones. Defaults to none. */
  renderControls?: (run: Run) => ReactNode;
}

type TimelineState = Pick<
  UseStepTimelineOptions,
  | 'expandedSteps'
  | 'defaultExpandedSteps'
  | 'onExpandedStepsChange'
  | 'selectedStep'
  | 'defaultSelectedStep'
  | 'onSelectedStepChange'
  | 'sections'
  | 'defaultSections'
  | 'onSectionsChange'
  | 'filters'
  | 'defaultFilters'
  | 'onFiltersChange'
  | 'collapsed'
  | 'defaultCollapsed'
  | 'onCollapsedChange'
>;

/** View state a host can own: the selected tab, the event filters and follow, and the timeline's state. */
export interface RunDetailState extends TimelineState {
  /** The selected section tab, when controlled. Defaults to uncontrolled. */
  tab?: RunDetailTab;
  /** The first tab when uncontrolled. Defaults to `'steps'`. */
  defaultTab?: RunDetailTab;
  /** Called when the reader picks a tab. Defaults to no callback. */
  onTabChange?: (tab: RunDetailTab) => void;
  /** Event log filters, when controlled. Defaults to uncontrolled. */
  eventFilters?: RunEventFilters;
  /** Initial event filters. Defaults to none (every event). */
  defaultEventFilters?: RunEventFilters;
  /** Called when an event filter changes. Defaults to no callback. */
  onEventFiltersChange?: (filters: RunEventFilters) => void;
  /** Whether the event log scrolls to new events, when controlled. Defaults to uncontrolled. */
  followEvents?: boolean;
  /** Initial follow. Defaults to `true`. */
  defaultFollowEvents?: boolean;
  /** Called when follow toggles. Defaults to no callback. */
  onFollowEventsChange?: (follow: boolean) => void;
  /** Keys of the event-log entries opened to their data, when controlled. Defaults to uncontrolled. */
  expandedEvents?: readonly string[];
  /** Initially opened entries when uncontrolled. Defaults to none. */
  defaultExpandedEvents?: readonly string[];
  /** Called when the reader opens or closes an entry. Defaults to no callback. */
  onExpandedEventsChange?: (keys: readonly string[]) => void;
  /** The waterfall's visible window in ms from the run's queue time (`null`: the whole run), when controlled. Defaults to uncontrolled. */
  waterfallRange?: WaterfallRange | null;
  /** Initial window when uncontrolled. Defaults to `null` (the whole run). */
  defaultWaterfallRange?: WaterfallRange | null;
  /** Called when the reader zooms or pans. Defaults to no callback. */
  onWaterfallRangeChange?: (range: WaterfallRange | null) => void;
  /** Chart or table, when controlled. Defaults to uncontrolled. */
  waterfallView?: WaterfallView;
  /** Initial waterfall view when uncontrolled. Defaults to `'chart'`. */
  defaultWaterfallView?: WaterfallView;
  /** Called when the reader switches chart and table. Defaults to no callback. */
  onWaterfallViewChange?: (view: WaterfallView) => void;
  /** The run the Compare tab compares with, when controlled (`null`: none chosen). Defaults to uncontrolled. */
  compareRunId?: string | null;
  /** Initial run to compare with. Defaults to the run it replays, else its newest replay. */
  defaultCompareRunId?: string | null;
  /** Called when the reader picks another run to compare with. Defaults to no callback. */
  onCompareRunIdChange?: (runId: string | null) => void;
}

/** The other run of the Compare tab, as loaded. */
export interface RunComparisonData {
  run: Run | null;
  steps: readonly Step[];
  loading?: boolean;
  error?: Error | string | null;
}

/** What a command answered, as the controls show it. */
export type RunDetailOutcome = CommandOutcome;

export interface RunDetailViewProps extends RunDetailState, RunDetailLinks, RunDetailSlots {
  /** The run; null while loading or when it is not there. */
  run: Run | null;
  /** Its steps (any order). Ignored when `tree` is given. Defaults to none. */
  steps?: readonly Step[];
  /** Its step tree (e.g. `useRun().tree`). Defaults to one built from `steps`. */
  tree?: StepTree;
  /** Shows the loading state. Defaults to `false`. */
  loading?: boolean;
  /** The run could not be loaded: shows the error state with `onRetry`. Defaults to none. */
  error?: Error | string | null;
  /** The run does not exist: `true`, or `'deleted'` when it went away while shown. Defaults to `false`. */
  notFound?: boolean | 'deleted';
  /** Shown above the sections without hiding the run, e.g. that a refresh failed. Defaults to none. */
  notice?: ReactNode;
  /** Try again after a load error. Defaults to none (no button). */
  onRetry?: () => void;

  /** How the view stays current. Defaults to `'off'` (or `'final'` for a finished run). */
  liveState?: LiveState;
  /** When the run last changed from the server (ms since epoch). Defaults to none. */
  updatedAt?: number | null;
  /** Fetches what changed now; shows Refresh. Defaults to none. */
  onRefresh?: () => void | Promise<void>;
  /** True while a refresh is in flight. Defaults to `false`. */
  refreshing?: boolean;

  /** Availability of each control. Defaults to the status rules for `run`. */
  controls?: RunControls;
  /** Sends an operator action (`replay` with overrides from the dialog goes through `renderReplayForm`). Defaults to none (no controls). */
  onAction?: (action: RunAction) => Promise<RunDetailOutcome>;
  /** The action in flight, if any. Defaults to none. */
  pendingAction?: RunAction | null;

  /** The run's events in `seq` order. Defaults to none. */
  events?: readonly RunEvent[];
  eventsLoading?: boolean;
  eventsError?: Error | string | null;

  /** The run's context (step states and variables). Defaults to none. */
  context?: RunContext | null;
  contextLoading?: boolean;
  contextError?: Error | string | null;

  /** The run's delivery attempts (Deliveries tab). Defaults to none. */
  deliveries?: readonly Delivery[] | null;
  deliveriesLoading?: boolean;
  deliveriesError?: Error | string | null;

  /** The pending review of a waiting run, shown inline. Defaults to none. */
  review?: Approval | null;
  /** Where the review's decision stands. Defaults to none. */
  reviewDecision?: ApprovalDecisionState | null;
  /** Approves or rejects the review. Defaults to none (the review shows without buttons). */
  onDecide?: (approval: Approval, decision: 'approve' | 'reject', comment: string) => void;

  /** Replays (and retries) of this run, newest first: listed in the overview, offered in Compare. Defaults to none. */
  replays?: readonly Run[];
  /** The run compared with in the Compare tab (its steps), as loaded. Defaults to none. */
  compare?: RunComparisonData | null;
  /** Loads the compared run's step payloads, to compare outputs. Defaults to none (outputs are not compared). */
  loadComparePayload?: PayloadLoader;
  /** Loads step input/output chunks in the Steps tab. Defaults to none. */
  loadPayload?: PayloadLoader;
  /** Shows "Edit step" on expanded steps. Defaults to hidden. */
  onEditStep?: (step: Step) => void;
  /** "Now" in ms, for relative times (server rendering). Defaults to the provider's clock. */
  now?: number;
  classNames?: RunDetailClassNames;
  className?: string;
}
