/** Finding the step that made a run fail, and what to expand so the timeline shows it. */
import type { Run, Step } from '../api/types';
import type { StepTree } from './stepTreeTypes';
import { compareSteps, getNode } from './treeNodes';

/**
 * The earliest failed step by `order`. When no step has status `failed`, the step named by the run's error
 * (`run.error.stepId`) if it is among `steps`; otherwise null.
 */
export function firstFailedStep(steps: Iterable<Step>, run?: Pick<Run, 'error'> | null): Step | null {
  let first: Step | null = null;
  let named: Step | null = null;
  const namedId = run?.error?.stepId ?? null;
  for (const step of steps) {
    if (!step) continue;
    if (step.status === 'failed' && (first === null || compareSteps(step, first) < 0)) first = step;
    if (namedId !== null && step.id === namedId) named = step;
  }
  return first ?? named;
}

/** Ids from the outermost ancestor down to the step itself; empty when the tree does not hold the step. */
export function pathToStep(tree: StepTree, stepId: string): string[] {
  const path: string[] = [];
  let node = getNode(tree, stepId);
  while (node) {
    path.push(node.id);
    node = node.parentId === null ? undefined : getNode(tree, node.parentId);
  }
  return path.reverse();
}

/**
 * `expanded` plus every id on the path to `stepId` (the step included), so that the step is visible and open.
 * Returns `expanded` itself when nothing needs adding.
 */
export function expandToReveal(tree: StepTree, stepId: string, expanded: ReadonlySet<string> = new Set()): ReadonlySet<string> {
  const path = pathToStep(tree, stepId);
  if (path.every((id) => expanded.has(id))) return expanded;
  const next = new Set(expanded);
  for (const id of path) next.add(id);
  return next;
}
