/** Helpers shared by the functions that build, update and filter step trees. */
import type { Step } from '../api/types.js';
import { pmapGet } from './persistentMap.js';
import type { ParallelBranch, StepNode, StepTree } from './stepTreeTypes.js';

/** Group key of steps that belong to no named automation. */
export const UNGROUPED_KEY = 'ungrouped';

/** The key of the group a step named `name` belongs to. */
export function groupKeyOf(name: string | null): string {
  return name === null ? UNGROUPED_KEY : `group:${name}`;
}

/** Orders steps by `order`, then by id so equal orders still sort the same way every time. */
export function compareSteps(a: Pick<Step, 'order' | 'id'>, b: Pick<Step, 'order' | 'id'>): number {
  if (a.order !== b.order) return a.order - b.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The loop iteration of a step, null outside loops. */
export function iterationOf(step: Step): number | null {
  return step.iteration ? step.iteration.index : null;
}

/** True when `step` belongs to another loop iteration than the sibling drawn just above it. */
export function needsDivider(previous: Step | undefined, step: Step): boolean {
  if (!previous) return false;
  const a = iterationOf(previous);
  const b = iterationOf(step);
  return a !== null && b !== null && a !== b;
}

/** The node of step `id`, or undefined when the tree does not hold it. */
export function getNode(tree: StepTree, id: string): StepNode | undefined {
  return pmapGet(tree.index, id);
}

/** What a child inherits from its parent: depth, ancestry and branch. */
export interface NodeContext {
  depth: number;
  parentId: string | null;
  ancestorIds: readonly string[];
  lineage: readonly string[];
  branch: ParallelBranch | null;
  groupKey: string;
}

/** Context of the top-level nodes of a group. */
export function rootContext(groupKey: string): NodeContext {
  return { depth: 0, parentId: null, ancestorIds: [], lineage: [], branch: null, groupKey };
}

/**
 * Most ancestors a node lists in `ancestorIds` and `lineage` (the nearest ones). Bounds memory for
 * pathologically deep nesting; `depth` still tells the true depth.
 */
export const MAX_LINEAGE = 32;

function extend<T>(list: readonly T[], item: T): readonly T[] {
  const next = list.length >= MAX_LINEAGE ? list.slice(list.length - MAX_LINEAGE + 1) : list.slice();
  next.push(item);
  return next;
}

/** Context shared by the children of `parent` (its arrays are built once per parent). */
export function childContext(parent: NodeContext & { id: string; step: Step }): NodeContext {
  return {
    depth: parent.depth + 1,
    parentId: parent.id,
    ancestorIds: extend(parent.ancestorIds, parent.id),
    lineage: extend(parent.lineage, parent.step.name),
    branch: parent.branch,
    groupKey: parent.groupKey,
  };
}

/** The branch of the `index`-th child of `parent`: a new one under a `parallel` step, else the parent's. */
export function branchOfChild(parent: Step, parentBranch: ParallelBranch | null, index: number): ParallelBranch | null {
  return parent.kind === 'parallel' ? { parallelId: parent.id, index } : parentBranch;
}

/** A node from its step, context and (already built) children. */
export function makeNode(
  step: Step,
  context: NodeContext,
  branch: ParallelBranch | null,
  children: readonly StepNode[],
  dividerBefore: boolean,
): StepNode {
  let descendantCount = children.length;
  for (const child of children) descendantCount += child.descendantCount;
  return {
    id: step.id,
    step,
    depth: context.depth,
    parentId: context.parentId,
    ancestorIds: context.ancestorIds,
    lineage: context.lineage,
    children,
    descendantCount,
    iterationIndex: iterationOf(step),
    dividerBefore,
    page: step.page,
    branch,
    groupKey: context.groupKey,
  };
}
