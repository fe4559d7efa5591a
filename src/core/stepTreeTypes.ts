/**
 * Shapes of the step tree the timeline renders: groups (automations) of nested step nodes, and the flat rows
 * a virtualized list shows. Built by `buildStepTree`, updated by `updateStepTree`, narrowed by
 * `filterStepTree`, laid out as rows by `timelineRows`. All values are immutable; unchanged parts keep their identity
 * across updates so renderers can skip them.
 */
import type { RunStatus, Step, StepStatus } from '../api/types.js';
import type { PersistentMap } from './persistentMap.js';

/**
 * Overall status of a group, by precedence (first that applies wins):
 * `running` (a step is running or waiting, or some are pending while the run is active and at least one
 * started) › `pending` (every step is pending and the run is active) › `failed` (a step failed) ›
 * `rejected` (a review was rejected) › `canceled` (a step was canceled or stopped) › `skipped` (every step
 * was skipped, or never ran in a finished run) › `succeeded`.
 */
export type GroupStatus = 'running' | 'pending' | 'failed' | 'rejected' | 'canceled' | 'skipped' | 'succeeded';

/** How many steps of a group are in each status. */
export type StatusCounts = Readonly<Record<StepStatus, number>>;

/** Where a step sits among the branches of its nearest enclosing `parallel` step. */
export interface ParallelBranch {
  /** Id of the enclosing `parallel` step. */
  parallelId: string;
  /** 0-based index of the branch (the child of the parallel step this step is, or descends from). */
  index: number;
}

/** One step in the tree, with what the timeline needs to draw it. */
export interface StepNode {
  readonly id: string;
  readonly step: Step;
  /** 0 for top-level steps of a group. */
  readonly depth: number;
  /** Id of the parent node, null at the top level (also for steps whose parent is unknown). */
  readonly parentId: string | null;
  /** Ids of the ancestors, outermost first (at most the nearest 32; `depth` tells if some were left out). */
  readonly ancestorIds: readonly string[];
  /** Names of the ancestors, outermost first, for a breadcrumb such as `Loop › Fetch page` (nearest 32 at most). */
  readonly lineage: readonly string[];
  /** Child steps (loop iterations, request pages, nested steps), ordered by `order`. */
  readonly children: readonly StepNode[];
  /** Number of steps below this one, at any depth. */
  readonly descendantCount: number;
  /** The loop iteration this step belongs to, null outside loops. */
  readonly iterationIndex: number | null;
  /** True when the previous sibling belongs to a different loop iteration: draw a divider above. */
  readonly dividerBefore: boolean;
  /** Page number of a paginated request, null otherwise. */
  readonly page: number | null;
  /** Parallel branch, when the step is inside a `parallel` step. */
  readonly branch: ParallelBranch | null;
  /** Key of the group the node belongs to. */
  readonly groupKey: string;
}

/** The steps of one automation. */
export interface StepGroup {
  /** Stable key: `UNGROUPED_KEY` for steps without a group, else `group:<name>`. */
  readonly key: string;
  /** Name of the automation, null for steps without a group. */
  readonly name: string | null;
  readonly status: GroupStatus;
  readonly counts: StatusCounts;
  /** Number of steps in the group, at any depth. */
  readonly size: number;
  /** Top-level nodes, ordered by `order`. */
  readonly nodes: readonly StepNode[];
}

/** The whole timeline of one run. */
export interface StepTree {
  /** Groups in order of first appearance. */
  readonly groups: readonly StepGroup[];
  /** Number of steps in the tree. */
  readonly size: number;
  /** Status of the run, as passed when building; null when unknown (treated as active). */
  readonly runStatus: RunStatus | null;
  /** In a filtered tree: ids of the steps that matched (the others are ancestors kept for context). */
  readonly matchedIds: ReadonlySet<string> | null;
  /** Nodes by id; read with `getNode`. */
  readonly index: PersistentMap<StepNode>;
  /** Parent ids referenced by steps but not (yet) in the tree: those steps sit at the top level meanwhile. */
  readonly missingParents: ReadonlySet<string>;
}

/** Options of `buildStepTree` and `updateStepTree`. */
export interface StepTreeOptions {
  /** Status of the run: while it is active, pending steps count as still to run. Defaults to null (active). */
  runStatus?: RunStatus | null;
}
