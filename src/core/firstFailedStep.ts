/**
 * Finding the step that made a run fail, and what to expand so the timeline shows it.
 *
 * The rule ("jump to failed step"): the failed step the run's error names (`run.error.stepId`), when the run
 * has one and that step is failed; otherwise the first failure in timeline order (groups in order, parents
 * before children, siblings by `order`) followed down to where it happened: from the first failed step, the
 * first failed step below it, and so on until a failed step has no failed step below. A failure bubbles up
 * through its containers (a paged request fails with its page, a loop with its iteration), so the container
 * is never the answer when a step inside it failed. With no failed step at all: the step the error names, if
 * present in any status; else null.
 */
import type { Run, Step } from '../api/types.js';
import { buildStepTree } from './buildStepTree.js';
import type { StepNode, StepTree } from './stepTreeTypes.js';
import { getNode } from './treeNodes.js';

/** The node of the step where the run failed in `tree` (see the rule above), or null. */
export function firstFailedNode(tree: StepTree, run?: Pick<Run, 'error'> | null): StepNode | null {
  const namedId = run?.error?.stepId ?? null;
  const named = namedId === null ? undefined : getNode(tree, namedId);
  if (named?.step.status === 'failed') return named;
  for (const group of tree.groups) {
    // Groups count their steps by status: a run without failures costs no walk.
    if (group.counts.failed === 0) continue;
    let found: StepNode | null = null;
    // Depth first in timeline order, with (list, next index) frames: nothing is copied, and the walk stops
    // soon after the first failure.
    const stack: { nodes: readonly StepNode[]; next: number }[] = [{ nodes: group.nodes, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const node = frame.nodes[frame.next++];
      if (!node) {
        stack.pop();
        continue;
      }
      // A node no deeper than `found` means its subtree is done, with no failure below it.
      if (found && node.depth <= found.depth) return found;
      if (node.step.status === 'failed') found = node;
      if (node.children.length > 0) stack.push({ nodes: node.children, next: 0 });
    }
    if (found) return found;
  }
  return named ?? null;
}

/**
 * The step where the run failed among `steps` (see the rule above), or null. Builds the step tree to read
 * the nesting; with a tree at hand, `firstFailedNode` saves that.
 */
export function firstFailedStep(steps: Iterable<Step>, run?: Pick<Run, 'error'> | null): Step | null {
  return firstFailedNode(buildStepTree([...steps]), run)?.step ?? null;
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

