/** Public props and shared types of the StepTimeline components. */
import type { ReactNode } from 'react';
import type { PayloadChunk, PayloadPart, Run, Step } from '../../api/types.js';
import type { StepFilters } from '../../core/filterStepTree.js';
import type { StepNode, StepTree } from '../../core/stepTreeTypes.js';
import type { TimelineRow } from '../../core/timelineRows.js';
import type { UseStepTimelineOptions } from '../../hooks/useStepTimeline.js';
import type { LinkEvent } from '../shared/LinkOut.js';

export type { SectionKey, StepSectionState } from '../../core/stepSections.js';

/** The Errors / Rejected toggles. Both on shows steps matching either. */
export type TimelineFilters = StepFilters;

/** One run shown in the timeline: its steps, or a tree already built with `buildStepTree`. */
export interface TimelineRun {
  /** Unique among the runs shown; usually the run id. */
  id: string;
  /** The run, for its header and so pending steps are judged against its status. Defaults to none. */
  run?: Run | null;
  /** The run's steps, in any order. Ignored when `tree` is given. */
  steps?: readonly Step[];
  /** A prebuilt step tree (e.g. from `useRun().tree`). Defaults to one built from `steps`. */
  tree?: StepTree;
  /** Replaces the header text of this run. Defaults to the workflow name and run id. */
  title?: ReactNode;
}

/** Fetches one chunk of a step's input or output. */
export type PayloadLoader = (
  step: Step,
  part: PayloadPart,
  range: { offset: number; limit: number },
  signal: AbortSignal,
) => Promise<PayloadChunk>;

/** What `onSaveOutput` receives. */
export interface SaveOutputRequest {
  step: Step;
  /** The variable path the reader entered (defaults to `step.<name>.output`). */
  path: string;
  /** The full output text, exactly as the API sent it. */
  text: string;
  /** The output parsed as JSON, or the text when it is not JSON. */
  value: unknown;
}

/** Render slots: where a host replaces or adds content without rebuilding the timeline. */
export interface StepTimelineSlots {
  /**
   * Replaces the summary line of a step row (name, kind, badges by default; status, duration and attempts
   * stay). Pass a stable function (`useCallback`) so rows re-render only when their step changes. Defaults
   * to the built-in summary.
   */
  renderStepSummary?: (step: Step, node: StepNode) => ReactNode;
  /** Extra actions shown with an expanded step's details (beside Edit step). Defaults to none. */
  renderStepActions?: (step: Step) => ReactNode;
}

/** Extra class names for the parts the list renders itself (rows are created by the virtualized list). */
export interface StepTimelineClassNames {
  run?: string;
  group?: string;
  step?: string;
  stepHead?: string;
  stepDetails?: string;
  divider?: string;
}

/** What the timeline parts share besides the state: data loaders, callbacks, slots. */
export interface StepTimelineRootOptions extends StepTimelineSlots {
  /** Loads input/output chunks when a section opens. Defaults to none (sections show the size only). */
  loadPayload?: PayloadLoader;
  /** Bytes per chunk of a large payload, 1 to 1 048 576 (others fall back to the default). Defaults to 262 144. */
  chunkSize?: number;
  /** Shows "Save output" on fully loaded outputs; resolve to confirm, reject to show an error. Defaults to hidden. */
  onSaveOutput?: (request: SaveOutputRequest) => void | Promise<void>;
  /** Shows "Edit step" on expanded steps. Defaults to hidden. */
  onEditStep?: (step: Step) => void;
  /** Href of a delivery attempt; makes a send step's delivery a real link. Defaults to none (the id as text). */
  getDeliveryHref?: (deliveryId: string) => string;
  /** Called when a send step's delivery link is followed (call `preventDefault` to stop the href). Defaults to none. */
  onOpenDelivery?: (deliveryId: string, event: LinkEvent) => void;
  /** Class names for the rows the list renders. Defaults to none. */
  classNames?: StepTimelineClassNames;
  /** Header text of a run's header row when several runs are shown. Defaults to the workflow name and run id. */
  runTitle?: (row: Extract<TimelineRow, { kind: 'run' }>) => ReactNode;
}

type StateOptions = Omit<UseStepTimelineOptions, 'runs' | 'canExpand' | 'runHeaders'>;

export interface StepTimelineViewProps extends StateOptions, Omit<StepTimelineRootOptions, 'runTitle'> {
  /** The steps of a single run. Use `runs` for several. Defaults to none. */
  steps?: readonly Step[];
  /** The run the `steps` belong to. Defaults to none. */
  run?: Run | null;
  /** A prebuilt tree of a single run (instead of `steps`). Defaults to none. */
  tree?: StepTree;
  /** Several runs, each with a header; filters hide runs with no match. Defaults to none. */
  runs?: readonly TimelineRun[];

  /** Shows the loading state instead of steps. Defaults to `false`. */
  loading?: boolean;
  /** Shown above the steps without hiding them, e.g. that a refresh failed. Defaults to none. */
  notice?: ReactNode;
  /** Shows an error state (its message) instead of steps. Defaults to none. */
  error?: Error | string | null;
  /** Shown with the error state, e.g. a Retry button. Defaults to none. */
  errorAction?: ReactNode;
  /** Hides the Errors / Rejected toggles and the jump button. Defaults to `false`. */
  hideToolbar?: boolean;
  /** Accessible name of the tree. Defaults to "Step timeline". */
  'aria-label'?: string;
  className?: string;
}
