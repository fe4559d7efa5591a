/**
 * Builds the timeline tree of a run from its flat list of steps: groups in order of first appearance, each
 * holding its top-level steps with their children (by `parentId`), everything ordered by `order`.
 * Iterative (no recursion), so a deep chain of nested steps cannot overflow the stack; O(n log n).
 */
import type { Step } from '../api/types';
import { deriveGroupStatus, emptyStatusCounts } from './groupStatus';
import { pmapFrom } from './persistentMap';
import { isActiveRun } from './runActivity';
import type { StepGroup, StepNode, StepTree, StepTreeOptions } from './stepTreeTypes';
import {
  branchOfChild,
  childContext,
  compareSteps,
  groupKeyOf,
  makeNode,
  needsDivider,
  rootContext,
  type NodeContext,
} from './treeNodes';

const NO_CHILDREN: readonly StepNode[] = Object.freeze([]);

/**
 * The step tree of a run. Steps with the same id appear once (the last one given wins); a step whose parent
 * is missing sits at the top level (its parent id is listed in `missingParents`); a cycle of parent ids is
 * broken at its earliest step. Never throws on malformed entries: they are left out.
 */
export function buildStepTree(steps: readonly Step[], options: StepTreeOptions = {}): StepTree {
  const runStatus = options.runStatus ?? null;
  const byId = new Map<string, Step>();
  for (const step of steps) if (isStep(step)) byId.set(step.id, step);
  const sorted = [...byId.values()].sort(compareSteps);
  const { parentOf, missingParents } = resolveParents(sorted, byId);

  const children = new Map<string, Step[]>();
  const rootsByGroup = new Map<string, { name: string | null; roots: Step[] }>();
  for (const step of sorted) {
    const parent = parentOf.get(step.id) ?? null;
    if (parent !== null) {
      const list = children.get(parent);
      if (list) list.push(step);
      else children.set(parent, [step]);
      continue;
    }
    const name = typeof step.group === 'string' ? step.group : null;
    const key = groupKeyOf(name);
    const group = rootsByGroup.get(key);
    if (group) group.roots.push(step);
    else rootsByGroup.set(key, { name, roots: [step] });
  }

  const entries: [string, StepNode][] = [];
  const active = isActiveRun(runStatus);
  const groups: StepGroup[] = [];
  for (const [key, { name, roots }] of rootsByGroup) {
    const counts = emptyStatusCounts();
    const before = entries.length;
    const nodes = buildNodes(roots, rootContext(key), children, (node) => {
      counts[node.step.status]++;
      entries.push([node.id, node]);
    });
    const status = deriveGroupStatus(counts, active);
    groups.push({ key, name, status, counts, size: entries.length - before, nodes });
  }
  return { groups, size: entries.length, runStatus, matchedIds: null, index: pmapFrom(entries), missingParents };
}

function isStep(value: unknown): value is Step {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Partial<Step>;
  return typeof step.id === 'string' && typeof step.order === 'number' && typeof step.status === 'string';
}

/** Effective parent of every step (null at the top level) and the parent ids that are not in the list. */
function resolveParents(sorted: readonly Step[], byId: ReadonlyMap<string, Step>) {
  const parentOf = new Map<string, string | null>();
  const missingParents = new Set<string>();
  for (const step of sorted) {
    const parent = typeof step.parentId === 'string' ? step.parentId : null;
    if (parent !== null && !byId.has(parent)) missingParents.add(parent);
    parentOf.set(step.id, parent !== null && parent !== step.id && byId.has(parent) ? parent : null);
  }
  // Break every cycle of parent links at its earliest step, so each step is reachable exactly once.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const step of sorted) {
    const path: string[] = [];
    let current: string | null = step.id;
    while (current !== null && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = parentOf.get(current) ?? null;
    }
    if (current !== null && state.get(current) === 'visiting') {
      const cycle = path.slice(path.indexOf(current)).map((id) => byId.get(id) as Step);
      const earliest = cycle.reduce((a, b) => (compareSteps(b, a) < 0 ? b : a));
      parentOf.set(earliest.id, null);
    }
    for (const id of path) state.set(id, 'done');
  }
  return { parentOf, missingParents };
}

interface Frame {
  siblings: readonly Step[];
  context: NodeContext;
  parent: Step | null;
  built: StepNode[];
  next: number;
}

/** Nodes for `roots` and everything below them, children built before their parents. */
function buildNodes(
  roots: readonly Step[],
  context: NodeContext,
  children: ReadonlyMap<string, Step[]>,
  record: (node: StepNode) => void,
): StepNode[] {
  const top: Frame = { siblings: roots, context, parent: null, built: [], next: 0 };
  const stack: Frame[] = [top];
  const branchAt = (frame: Frame, index: number) =>
    frame.parent ? branchOfChild(frame.parent, frame.context.branch, index) : null;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.siblings.length) {
      stack.pop();
      const owner = stack[stack.length - 1];
      if (!owner) break;
      finish(owner, frame.built);
      continue;
    }
    const step = frame.siblings[frame.next] as Step;
    const kids = children.get(step.id);
    if (kids) {
      const own = { ...frame.context, branch: branchAt(frame, frame.next), id: step.id, step };
      stack.push({ siblings: kids, context: childContext(own), parent: step, built: [], next: 0 });
    } else {
      finish(frame, NO_CHILDREN);
    }
  }
  return top.built;

  function finish(frame: Frame, built: readonly StepNode[]) {
    const index = frame.next;
    const step = frame.siblings[index] as Step;
    const divider = needsDivider(frame.siblings[index - 1], step);
    const node = makeNode(step, frame.context, branchAt(frame, index), built, divider);
    record(node);
    frame.built.push(node);
    frame.next++;
  }
}
