/**
 * Folds changed or new steps into an existing step tree without rebuilding it: a changed step gets a new
 * node, its ancestors and group get new objects along the path, and every other node, sibling array and group
 * keeps its identity. Cost grows with the number of changes and the depth, not with the size of the run.
 * Structural changes (a step moving to another parent or group, reordering, a step arriving before its
 * siblings or being the missing parent of others) fall back to a full rebuild, which gives the same tree.
 */
import type { Step } from '../api/types.js';
import { buildStepTree } from './buildStepTree.js';
import { deriveGroupStatus, emptyStatusCounts } from './groupStatus.js';
import { pmapForEach, pmapGet, pmapSet, type PersistentMap } from './persistentMap.js';
import { isActiveRun } from './runActivity.js';
import type { StepGroup, StepNode, StepTree, StepTreeOptions } from './stepTreeTypes.js';
import {
  branchOfChild,
  childContext,
  compareSteps,
  groupKeyOf,
  iterationOf,
  makeNode,
  needsDivider,
  rootContext,
} from './treeNodes.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

interface Draft {
  index: PersistentMap<StepNode>;
  groups: StepGroup[];
  missingParents: ReadonlySet<string>;
  size: number;
  /** Objects and arrays created during this update: safe to change in place until it returns. */
  owned: Set<object>;
  touched: Set<string>;
}

const REBUILD = Symbol('rebuild');

/**
 * `tree` with `changed` steps (new ones or new versions of existing ones) folded in. Pass the unfiltered tree
 * (filter the result again). `options.runStatus` replaces the run status the tree was built with; leave it
 * out to keep it. Returns `tree` itself when nothing changed.
 */
export function updateStepTree(tree: StepTree, changed: readonly Step[], options: StepTreeOptions = {}): StepTree {
  const runStatus = options.runStatus === undefined ? tree.runStatus : options.runStatus;
  const latest = new Map<string, Step>();
  for (const step of changed) if (step && typeof step.id === 'string') latest.set(step.id, step);
  const ordered = [...latest.values()].sort(compareSteps);
  const draft: Draft = {
    index: tree.index,
    groups: tree.groups.slice(),
    missingParents: tree.missingParents,
    size: tree.size,
    owned: new Set(),
    touched: new Set(),
  };
  for (const step of ordered) {
    if (applyStep(draft, step) === REBUILD) return rebuild(tree, latest, runStatus);
  }
  const statusChanged = runStatus !== tree.runStatus;
  if (draft.touched.size === 0 && !statusChanged) return tree;
  const active = isActiveRun(runStatus);
  const groups = draft.groups.map((group) => {
    if (!draft.touched.has(group.key) && !statusChanged) return group;
    const status = deriveGroupStatus(group.counts, active);
    if (status === group.status) return group;
    const own = ownGroup(draft, group);
    own.status = status;
    return own;
  });
  return { ...tree, groups, runStatus, index: draft.index, size: draft.size, missingParents: draft.missingParents };
}

function applyStep(draft: Draft, step: Step): typeof REBUILD | void {
  const existing = pmapGet(draft.index, step.id);
  if (existing) {
    if (existing.step === step) return;
    if (movesInTree(existing, step)) return REBUILD;
    countStatus(draft, existing.groupKey, existing.step.status, -1);
    countStatus(draft, existing.groupKey, step.status, +1);
    place(draft, existing, { ...existing, step, page: step.page });
    return;
  }
  if (draft.missingParents.has(step.id)) return REBUILD;
  const parentId = typeof step.parentId === 'string' && step.parentId !== step.id ? step.parentId : null;
  const parent = parentId === null ? undefined : pmapGet(draft.index, parentId);
  if (parentId !== null && !parent) draft.missingParents = new Set(draft.missingParents).add(parentId);
  const groupKey = parent ? parent.groupKey : groupKeyOf(typeof step.group === 'string' ? step.group : null);
  const group = draft.groups.find((g) => g.key === groupKey);
  if (!parent && !group && draft.groups.some((g) => g.nodes[0] && compareSteps(g.nodes[0].step, step) > 0)) {
    return REBUILD; // a new group that appears before an existing one
  }
  const siblings = parent ? parent.children : (group?.nodes ?? []);
  const last = siblings[siblings.length - 1];
  if (last && compareSteps(last.step, step) > 0) return REBUILD; // lands between existing siblings
  const context = parent ? childContext(parent) : rootContext(groupKey);
  const shared = last ? { ...context, ancestorIds: last.ancestorIds, lineage: last.lineage } : context;
  const branch = parent ? branchOfChild(parent.step, parent.branch, siblings.length) : null;
  const node = makeNode(step, shared, branch, [], needsDivider(last?.step, step));
  if (!group) {
    const name = typeof step.group === 'string' ? step.group : null;
    const created: StepGroup = { key: groupKey, name, status: 'pending', counts: emptyStatusCounts(), size: 0, nodes: [] };
    draft.owned.add(created).add(created.nodes);
    draft.groups.push(created);
  }
  countStatus(draft, groupKey, step.status, +1);
  draft.size++;
  place(draft, null, node);
}

/** True when the new version of a step changes where it or its descendants sit in the tree. */
function movesInTree(node: StepNode, step: Step): boolean {
  const old = node.step;
  if (old.parentId !== step.parentId || old.order !== step.order || old.group !== step.group) return true;
  if (iterationOf(step) !== node.iterationIndex) return true;
  if (node.children.length === 0) return false;
  return old.name !== step.name || (old.kind !== step.kind && (old.kind === 'parallel' || step.kind === 'parallel'));
}

/** Puts `next` where `previous` was (or appends it when new), copying the path up to its group. */
function place(draft: Draft, previous: StepNode | null, next: StepNode): void {
  const added = previous ? 0 : 1;
  let oldChild: StepNode | null = previous;
  let newChild = next;
  draft.index = pmapSet(draft.index, next.id, next);
  while (newChild.parentId !== null) {
    const parent = pmapGet(draft.index, newChild.parentId) as StepNode;
    const own = ownNode(draft, parent);
    setChild(draft, own, 'children', oldChild, newChild);
    own.descendantCount += added;
    draft.index = pmapSet(draft.index, own.id, own);
    oldChild = parent;
    newChild = own;
  }
  const group = draft.groups.find((g) => g.key === newChild.groupKey) as StepGroup;
  const own = ownGroup(draft, group);
  setChild(draft, own, 'nodes', oldChild, newChild);
  own.size += added;
}

function setChild<K extends 'children' | 'nodes'>(
  draft: Draft,
  holder: Record<K, readonly StepNode[]>,
  key: K,
  previous: StepNode | null,
  next: StepNode,
): void {
  let list = holder[key] as StepNode[];
  if (!draft.owned.has(list)) {
    list = list.slice();
    draft.owned.add(list);
    holder[key] = list;
  }
  if (previous === null) list.push(next);
  else list[findChild(list, previous.step)] = next;
}

/** Binary search by (order, id): siblings are kept sorted. */
function findChild(list: readonly StepNode[], step: Step): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cmp = compareSteps((list[mid] as StepNode).step, step);
    if (cmp === 0) return mid;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`Step ${step.id} is not among its siblings.`);
}

function ownNode(draft: Draft, node: StepNode): Writable<StepNode> {
  if (draft.owned.has(node)) return node;
  const copy = { ...node };
  draft.owned.add(copy);
  return copy;
}

function ownGroup(draft: Draft, group: StepGroup): Writable<StepGroup> {
  if (draft.owned.has(group)) return group;
  const copy = { ...group, counts: { ...group.counts } };
  draft.owned.add(copy);
  draft.groups[draft.groups.indexOf(group)] = copy;
  return copy;
}

function countStatus(draft: Draft, groupKey: string, status: Step['status'], delta: number): void {
  const group = ownGroup(draft, draft.groups.find((g) => g.key === groupKey) as StepGroup);
  const counts = group.counts as Record<Step['status'], number>;
  if (status in counts) counts[status] += delta;
  draft.touched.add(groupKey);
}

function rebuild(tree: StepTree, latest: ReadonlyMap<string, Step>, runStatus: StepTree['runStatus']): StepTree {
  const steps: Step[] = [];
  pmapForEach(tree.index, (node) => {
    if (!latest.has(node.id)) steps.push(node.step);
  });
  steps.push(...latest.values());
  return buildStepTree(steps, { runStatus });
}
