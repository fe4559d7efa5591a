/**
 * Turns a step tree into the flat list of rows a virtualized list renders: group headers, steps whose
 * ancestors are all expanded, and iteration dividers. One pass over the visible nodes only (collapsed
 * subtrees are never walked). A row object is reused as long as its node and expanded state are the same,
 * so a memoized row component re-renders only when its step changed.
 */
import type { FlattenOptions, StepGroup, StepNode, StepRow, StepTree } from './stepTreeTypes.js';

type StepRowOf<K extends StepRow['kind']> = Extract<StepRow, { kind: K }>;

const NONE: ReadonlySet<string> = new Set();
const stepRows = new WeakMap<StepNode, StepRowOf<'step'>>();
// Keyed by the ancestor list siblings share (it survives updates of a step), then by step id.
const dividerRows = new WeakMap<readonly string[], Map<string, StepRowOf<'divider'>>>();
const groupRows = new WeakMap<StepGroup, StepRowOf<'group'>>();

/** The visible rows of `tree`, top to bottom. */
export function flattenTree(tree: StepTree, options: FlattenOptions = {}): StepRow[] {
  const expanded = options.expanded ?? NONE;
  const all = expanded === 'all';
  const collapsed = options.collapsedGroups ?? NONE;
  const headers = options.groupHeaders ?? 'auto';
  const lone = tree.groups.length === 1 && tree.groups[0]?.name === null;
  const showHeaders = headers === 'always' || (headers === 'auto' && !lone);
  const rows: StepRow[] = [];
  const stack: { nodes: readonly StepNode[]; next: number }[] = [];

  for (const group of tree.groups) {
    const open = !showHeaders || !collapsed.has(group.key);
    if (showHeaders) rows.push(groupRow(group, open));
    if (!open) continue;
    stack.push({ nodes: group.nodes, next: 0 });
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const node = frame.nodes[frame.next++];
      if (!node) {
        stack.pop();
        continue;
      }
      if (node.dividerBefore) rows.push(dividerRow(node));
      const showChildren = node.children.length > 0 && (all || (expanded as ReadonlySet<string>).has(node.id));
      rows.push(stepRow(node, showChildren));
      if (showChildren) stack.push({ nodes: node.children, next: 0 });
    }
  }
  return rows;
}

function stepRow(node: StepNode, expanded: boolean): StepRowOf<'step'> {
  const cached = stepRows.get(node);
  if (cached && cached.expanded === expanded) return cached;
  const row = { kind: 'step', key: `s:${node.id}`, node, expanded } as const;
  stepRows.set(node, row);
  return row;
}

function dividerRow(node: StepNode): StepRowOf<'divider'> {
  let siblings = dividerRows.get(node.ancestorIds);
  if (!siblings) dividerRows.set(node.ancestorIds, (siblings = new Map()));
  const iterationIndex = node.iterationIndex ?? 0;
  const cached = siblings.get(node.id);
  if (cached && cached.iterationIndex === iterationIndex && cached.depth === node.depth) return cached;
  const row = { kind: 'divider', key: `d:${node.id}`, iterationIndex, depth: node.depth } as const;
  siblings.set(node.id, row);
  return row;
}

function groupRow(group: StepGroup, expanded: boolean): StepRowOf<'group'> {
  const cached = groupRows.get(group);
  if (cached && cached.expanded === expanded) return cached;
  const row = { kind: 'group', key: `g:${group.key}`, group, expanded } as const;
  groupRows.set(group, row);
  return row;
}
