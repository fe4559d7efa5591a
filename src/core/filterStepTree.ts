/**
 * The Errors / Rejected filters of the timeline: keep the steps that match plus all their ancestors (so a
 * failed iteration still shows its loop), drop groups and runs left without a match, and count what remains.
 */
import type { Step } from '../api/types.js';
import { pmapFrom } from './persistentMap.js';
import type { StepGroup, StepNode, StepTree } from './stepTreeTypes.js';
import { needsDivider } from './treeNodes.js';

/** Which steps to keep. With both on, steps matching either are kept. */
export interface StepFilters {
  /** Keep steps that failed with an error (status `failed`). Defaults to false. */
  errors?: boolean;
  /** Keep review steps a reviewer rejected (status `rejected`). Defaults to false. */
  rejected?: boolean;
}

/** A tree after filtering, with its counts. */
export interface FilteredStepTree {
  /**
   * The narrowed tree (the input tree itself when no filter is on); `tree.matchedIds` marks the matches.
   * Its groups keep the status, counts and size of the whole group.
   */
  tree: StepTree;
  /** Steps that match the filters (every step when no filter is on). */
  matchingSteps: number;
  /** Steps left in the tree: matches plus their ancestors. */
  visibleSteps: number;
  /** True when at least one filter is on. */
  active: boolean;
}

/** True when at least one filter is on. */
export function isStepFilterActive(filters: StepFilters): boolean {
  return Boolean(filters.errors) || Boolean(filters.rejected);
}

/** True when `step` matches the filters that are on (and false when none is). */
export function matchesStepFilters(step: Pick<Step, 'status'>, filters: StepFilters): boolean {
  return (Boolean(filters.errors) && step.status === 'failed') || (Boolean(filters.rejected) && step.status === 'rejected');
}

/** `tree` narrowed to the matching steps and their ancestors. */
export function filterStepTree(tree: StepTree, filters: StepFilters): FilteredStepTree {
  if (!isStepFilterActive(filters)) {
    return { tree, matchingSteps: tree.size, visibleSteps: tree.size, active: false };
  }
  const matched = new Set<string>();
  const entries: [string, StepNode][] = [];
  const groups: StepGroup[] = [];
  for (const group of tree.groups) {
    const nodes = keepMatching(group.nodes, (node) => {
      if (!matchesStepFilters(node.step, filters)) return false;
      matched.add(node.id);
      return true;
    }, entries);
    if (nodes.length > 0) groups.push(nodes === group.nodes ? group : { ...group, nodes });
  }
  const filtered: StepTree = { ...tree, groups, size: entries.length, matchedIds: matched, index: pmapFrom(entries) };
  return { tree: filtered, matchingSteps: matched.size, visibleSteps: entries.length, active: true };
}

interface Frame {
  nodes: readonly StepNode[];
  next: number;
  kept: StepNode[];
}

/**
 * The nodes of `roots` (at any depth) that match or have a matching descendant, children before parents.
 * A node whose subtree is kept whole is reused as is.
 */
function keepMatching(
  roots: readonly StepNode[],
  matches: (node: StepNode) => boolean,
  entries: [string, StepNode][],
): readonly StepNode[] {
  const top: Frame = { nodes: roots, next: 0, kept: [] };
  const stack: Frame[] = [top];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const node = frame.nodes[frame.next];
    if (!node) {
      stack.pop();
      const owner = stack[stack.length - 1];
      if (owner) decide(owner, frame.kept);
      continue;
    }
    if (node.children.length > 0) stack.push({ nodes: node.children, next: 0, kept: [] });
    else decide(frame, []);
  }
  return sameNodes(top.kept, roots) ? roots : top.kept;

  function decide(frame: Frame, keptChildren: StepNode[]) {
    const node = frame.nodes[frame.next++] as StepNode;
    const isMatch = matches(node);
    if (keptChildren.length === 0 && !isMatch) return;
    const previous = frame.kept[frame.kept.length - 1];
    const divider = needsDivider(previous?.step, node.step);
    let result = node;
    if (divider !== node.dividerBefore || !sameNodes(keptChildren, node.children)) {
      let descendantCount = keptChildren.length;
      for (const child of keptChildren) descendantCount += child.descendantCount;
      const children = sameNodes(keptChildren, node.children) ? node.children : keptChildren;
      result = { ...node, children, descendantCount, dividerBefore: divider };
    }
    entries.push([result.id, result]);
    frame.kept.push(result);
  }
}

function sameNodes(a: readonly StepNode[], b: readonly StepNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One run of a list, with its step tree. */
export interface RunTreeEntry<R> {
  run: R;
  tree: StepTree;
}

/** The runs left after filtering, each with its narrowed tree, and the counts a header shows. */
export interface FilteredRuns<R> {
  runs: (RunTreeEntry<R> & { matchingSteps: number })[];
  /** Runs still shown. */
  visibleRuns: number;
  /** Runs before filtering. */
  totalRuns: number;
  /** Matching steps across the shown runs. */
  matchingSteps: number;
  active: boolean;
}

/** Applies the filters to each run and hides runs left without a matching step. Works for one run or many. */
export function applyStepFilters<R>(runs: readonly RunTreeEntry<R>[], filters: StepFilters): FilteredRuns<R> {
  const kept: FilteredRuns<R>['runs'] = [];
  let matchingSteps = 0;
  const active = isStepFilterActive(filters);
  for (const entry of runs) {
    const result = filterStepTree(entry.tree, filters);
    if (active && result.matchingSteps === 0) continue;
    kept.push({ run: entry.run, tree: result.tree, matchingSteps: result.matchingSteps });
    matchingSteps += result.matchingSteps;
  }
  return { runs: kept, visibleRuns: kept.length, totalRuns: runs.length, matchingSteps, active };
}
