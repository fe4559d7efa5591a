/**
 * Builds the timeline tree of a run from its flat list of steps: groups in order of first appearance, each
 * holding its top-level steps with their children (by `parentId`), everything ordered by `order`.
 * Iterative (no recursion), so a deep chain of nested steps cannot overflow the stack; O(n log n).
 */
import type { Step } from '../api/types.js';
import { deriveGroupStatus, emptyStatusCounts } from './groupStatus.js';
import { pmapFromValues } from './persistentMap.js';
import { isActiveRun } from './runActivity.js';
import type { StepGroup, StepNode, StepTree, StepTreeOptions } from './stepTreeTypes.js';
import {
  branchOfChild,
  childContext,
  compareSteps,
  groupKeyOf,
  makeNode,
  needsDivider,
  rootContext,
  type NodeContext,
} from './treeNodes.js';

const NO_CHILDREN: readonly StepNode[] = Object.freeze([]);

/**
 * The step tree of a run. Steps with the same id appear once (the last one given wins); a step whose parent
 * is missing sits at the top level (its parent id is listed in `missingParents`); a cycle of parent ids is
 * broken at its earliest step. Never throws on malformed entries: they are left out.
 */
export function buildStepTree(steps: readonly Step[], options: StepTreeOptions = {}): StepTree {
  const runStatus = options.runStatus ?? null;
  // One map serves twice: first id → latest step (duplicates: the last wins), then id → sorted position.
  const position = new Map<string, Step | number>();
  for (const step of steps) if (isStep(step)) position.set(step.id, step);
  const sorted = ([...position.values()] as Step[]).sort(compareSteps);
  for (let i = 0; i < sorted.length; i++) position.set((sorted[i] as Step).id, i);
  const { parent, missingParents } = resolveParents(sorted, position as Map<string, number>);
  const { childStart, childList } = childLists(parent);

  const rootsByGroup = new Map<string, { name: string | null; roots: number[] }>();
  for (let i = 0; i < sorted.length; i++) {
    if (parent[i] !== -1) continue;
    const group = (sorted[i] as Step).group;
    const name = typeof group === 'string' ? group : null;
    const key = groupKeyOf(name);
    const entry = rootsByGroup.get(key);
    if (entry) entry.roots.push(i);
    else rootsByGroup.set(key, { name, roots: [i] });
  }

  const entries: StepNode[] = [];
  const active = isActiveRun(runStatus);
  const groups: StepGroup[] = [];
  const layout: Layout = { sorted, childStart, childList };
  for (const [key, { name, roots }] of rootsByGroup) {
    const counts = emptyStatusCounts();
    const before = entries.length;
    const nodes = buildNodes(layout, Int32Array.from(roots), rootContext(key), (node) => {
      counts[node.step.status]++;
      entries.push(node);
    });
    const status = deriveGroupStatus(counts, active);
    groups.push({ key, name, status, counts, size: entries.length - before, nodes });
  }
  return { groups, size: entries.length, runStatus, matchedIds: null, index: pmapFromValues(entries, (node) => node.id), missingParents };
}

function isStep(value: unknown): value is Step {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Partial<Step>;
  return typeof step.id === 'string' && typeof step.order === 'number' && typeof step.status === 'string';
}

/**
 * The effective parent of every step, by position in `sorted` (-1 at the top level), and the parent ids
 * that are not in the list. A cycle of parent links is broken at its earliest step (the lowest position).
 */
function resolveParents(sorted: readonly Step[], position: ReadonlyMap<string, number>) {
  const count = sorted.length;
  const parent = new Int32Array(count).fill(-1);
  const missingParents = new Set<string>();
  for (let i = 0; i < count; i++) {
    const parentId = (sorted[i] as Step).parentId;
    if (typeof parentId !== 'string') continue;
    const at = position.get(parentId);
    if (at === undefined) missingParents.add(parentId);
    else if (at !== i) parent[i] = at;
  }
  const state = new Uint8Array(count); // 0 unseen, 1 on the current path, 2 done
  const path = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let length = 0;
    let current = i;
    while (current !== -1 && state[current] === 0) {
      state[current] = 1;
      path[length++] = current;
      current = parent[current] as number;
    }
    if (current !== -1 && state[current] === 1) {
      let earliest = current;
      for (let k = path.indexOf(current); k < length; k++) earliest = Math.min(earliest, path[k] as number);
      parent[earliest] = -1;
    }
    for (let k = 0; k < length; k++) state[path[k] as number] = 2;
  }
  return { parent, missingParents };
}

/** Children of every position, in order, as slices `childList[childStart[i] .. childStart[i + 1]]`. */
function childLists(parent: Int32Array) {
  const count = parent.length;
  const childStart = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) if (parent[i] !== -1) (childStart[(parent[i] as number) + 1] as number)++;
  for (let i = 0; i < count; i++) childStart[i + 1] = (childStart[i + 1] as number) + (childStart[i] as number);
  const fill = childStart.slice(0, count);
  const childList = new Int32Array(childStart[count] as number);
  for (let i = 0; i < count; i++) {
    const p = parent[i] as number;
    if (p !== -1) childList[(fill[p] as number)++] = i;
  }
  return { childStart, childList };
}

interface Layout {
  sorted: readonly Step[];
  childStart: Int32Array;
  childList: Int32Array;
}

interface Frame {
  /** The siblings are `list[start .. end]`. */
  list: Int32Array;
  start: number;
  end: number;
  next: number;
  context: NodeContext;
  parent: Step | null;
  built: StepNode[];
}

/** Nodes for `roots` and everything below them, children built before their parents. */
function buildNodes(layout: Layout, roots: Int32Array, context: NodeContext, record: (node: StepNode) => void): StepNode[] {
  const { sorted, childStart, childList } = layout;
  const top: Frame = { list: roots, start: 0, end: roots.length, next: 0, context, parent: null, built: [] };
  const stack: Frame[] = [top];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.end) {
      stack.pop();
      const owner = stack[stack.length - 1];
      if (!owner) break;
      finish(owner, frame.built);
      continue;
    }
    const at = frame.list[frame.next] as number;
    const from = childStart[at] as number;
    const to = childStart[at + 1] as number;
    if (to > from) {
      const step = sorted[at] as Step;
      const own = { ...frame.context, branch: branchAt(frame), id: step.id, step };
      stack.push({ list: childList, start: from, end: to, next: from, context: childContext(own), parent: step, built: [] });
    } else {
      finish(frame, NO_CHILDREN);
    }
  }
  return top.built;

  function branchAt(frame: Frame) {
    return frame.parent ? branchOfChild(frame.parent, frame.context.branch, frame.next - frame.start) : null;
  }

  function finish(frame: Frame, built: readonly StepNode[]) {
    const step = sorted[frame.list[frame.next] as number] as Step;
    const previous = frame.next > frame.start ? sorted[frame.list[frame.next - 1] as number] : undefined;
    const node = makeNode(step, frame.context, branchAt(frame), built, needsDivider(previous, step));
    record(node);
    frame.built.push(node);
    frame.next++;
  }
}
