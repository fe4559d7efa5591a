/** Public props and shared types of the StepTimeline components. */
import type { ReactNode } from 'react';
import type { PayloadChunk, PayloadPart, Run, Step } from '../../api/types.js';
import type { StepTree } from '../../core/stepTreeTypes.js';

/** The Errors / Rejected toggles. Both on shows steps matching either. */
export interface TimelineFilters {
  /** Keep only failed steps (plus their ancestors). */
  errors: boolean;
  /** Keep only rejected review steps (plus their ancestors). */
  rejected: boolean;
}

/** One run shown in the timeline: its steps, or a tree already built with `buildStepTree`. */
export interface TimelineRun {
  /** Unique among the runs shown; usually the run id. */
  id: string;
  /** The run, for its header and so pending steps are judged against its status. Defaults to none. */
  run?: Run | null;
  /** The run's steps, in any order. Ignored when `tree` is given. */
  steps?: readonly Step[];
  /** A prebuilt step tree (e.g. from `useStepTree`). Defaults to one built from `steps`. */
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

/** The section keys of a step: Input, Output, Error, Iteration data. */
export type SectionKey = 'input' | 'output' | 'error' | 'iteration';

/** What the reader opened inside a step; kept by the timeline so it survives scrolling and live updates. */
export interface StepSectionState {
  open?: Partial<Record<SectionKey, boolean>>;
  view?: Partial<Record<SectionKey, 'ui' | 'raw'>>;
  /** How many items of each large array are shown, per section, by the array's path (`''` for the whole value). */
  items?: Partial<Record<SectionKey, Readonly<Record<string, number>>>>;
}

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

export interface StepTimelineViewProps {
  /** The steps of a single run. Use `runs` for several. Defaults to none. */
  steps?: readonly Step[];
  /** The run the `steps` belong to. Defaults to none. */
  run?: Run | null;
  /** A prebuilt tree of a single run (instead of `steps`). Defaults to none. */
  tree?: StepTree;
  /** Several runs, each with a header; filters hide runs with no match. Defaults to none. */
  runs?: readonly TimelineRun[];

  /** Ids of expanded steps (details shown), when controlled. Defaults to uncontrolled. */
  expandedSteps?: readonly string[];
  /** Initially expanded steps when uncontrolled. Defaults to none. */
  defaultExpandedSteps?: readonly string[];
  /** Called when a step is expanded or collapsed. Defaults to no callback. */
  onExpandedStepsChange?: (ids: string[]) => void;
  /** The selected step id, when controlled (`null` = none). Defaults to uncontrolled. */
  selectedStep?: string | null;
  /** Initially selected step when uncontrolled. Defaults to `null`. */
  defaultSelectedStep?: string | null;
  /** Called when the reader selects a step. Defaults to no callback. */
  onSelectedStepChange?: (id: string | null) => void;
  /** Errors / Rejected filters when controlled. Defaults to uncontrolled. */
  filters?: TimelineFilters;
  /** Initial filters when uncontrolled. Defaults to both off. */
  defaultFilters?: TimelineFilters;
  /** Called when a filter toggles. Defaults to no callback. */
  onFiltersChange?: (filters: TimelineFilters) => void;

  /** Loads input/output chunks when a section opens. Defaults to none (sections show the size only). */
  loadPayload?: PayloadLoader;
  /** Bytes per chunk of a large payload, 1 to 1 048 576 (others fall back to the default). Defaults to 262 144. */
  chunkSize?: number;
  /** Shows "Save output" on fully loaded outputs; resolve to confirm, reject to show an error. Defaults to hidden. */
  onSaveOutput?: (request: SaveOutputRequest) => void | Promise<void>;
  /** Shows "Edit step" on expanded steps. Defaults to hidden. */
  onEditStep?: (step: Step) => void;

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
