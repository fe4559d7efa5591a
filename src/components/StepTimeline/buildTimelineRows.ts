/**
 * The flat row list the virtualized timeline draws: run headers (when several runs are shown), group
 * headers, steps and iteration dividers, each treeitem with its ARIA level, set size and position, so the
 * tree reads correctly even though only a window of it is in the DOM.
 */
import type { ReactNode } from 'react';
import type { Run } from '../../api/types.js';
import type { GroupStatus, StepGroup, StepNode, StepTree } from '../../core/stepTreeTypes.js';

interface ItemBase {
  readonly key: string;
  readonly runKey: string;
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
}

export type TimelineRow =
  | (ItemBase & {
      readonly kind: 'run';
      readonly run: Run | null;
      readonly title: ReactNode;
      readonly status: string | null;
      readonly stepCount: number;
      readonly collapsed: boolean;
    })
  | (ItemBase & { readonly kind: 'group'; readonly group: StepGroup; readonly collapsed: boolean })
  | (ItemBase & { readonly kind: 'step'; readonly node: StepNode; readonly matched: boolean })
  | {
      readonly kind: 'divider';
      readonly key: string;
      readonly runKey: string;
      readonly level: number;
      readonly depth: number;
      readonly iterationIndex: number;
    };

export interface RowSource {
  key: string;
  run: Run | null;
  title: ReactNode;
  tree: StepTree;
}

export interface RowOptions {
  /** Show run header rows (several runs). */
  runHeaders: boolean;
  /** Keys of collapsed runs and groups. */
  collapsed: ReadonlySet<string>;
}

/** A group header is drawn unless the run has a single unnamed group. */
function showsGroupHeaders(tree: StepTree): boolean {
  return tree.groups.length > 1 || (tree.groups.length === 1 && tree.groups[0]!.name !== null);
}

export function buildTimelineRows(sources: readonly RowSource[], options: RowOptions): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const runLevel = options.runHeaders ? 1 : 0;
  sources.forEach((source, runIndex) => {
    const runKey = options.runHeaders ? `run:${source.key}` : '';
    const prefix = options.runHeaders ? `${source.key}/` : '';
    if (options.runHeaders) {
      const collapsed = options.collapsed.has(runKey);
      rows.push({
        kind: 'run',
        key: runKey,
        runKey,
        run: source.run,
        title: source.title,
        status: source.run?.status ?? null,
        stepCount: source.tree.size,
        collapsed,
        level: 1,
        setSize: sources.length,
        posInSet: runIndex + 1,
      });
      if (collapsed) return;
    }
    const headers = showsGroupHeaders(source.tree);
    const groups = source.tree.groups;
    groups.forEach((group, groupIndex) => {
      const groupKey = `${prefix}${group.key}`;
      let stepLevel = runLevel + 1;
      if (headers) {
        const collapsed = options.collapsed.has(groupKey);
        rows.push({
          kind: 'group',
          key: groupKey,
          runKey,
          group,
          collapsed,
          level: runLevel + 1,
          setSize: groups.length,
          posInSet: groupIndex + 1,
        });
        if (collapsed) return;
        stepLevel += 1;
      }
      pushNodes(rows, group.nodes, stepLevel, runKey, prefix, source.tree.matchedIds);
    });
  });
  return rows;
}

function pushNodes(
  rows: TimelineRow[],
  nodes: readonly StepNode[],
  level: number,
  runKey: string,
  prefix: string,
  matched: ReadonlySet<string> | null,
) {
  nodes.forEach((node, index) => {
    if (node.dividerBefore && node.iterationIndex !== null) {
      rows.push({
        kind: 'divider',
        key: `${prefix}divider:${node.id}`,
        runKey,
        level,
        depth: node.depth,
        iterationIndex: node.iterationIndex,
      });
    }
    rows.push({
      kind: 'step',
      key: `${prefix}${node.id}`,
      runKey,
      node,
      matched: matched ? matched.has(node.id) : true,
      level,
      setSize: nodes.length,
      posInSet: index + 1,
    });
    if (node.children.length > 0) pushNodes(rows, node.children, level + 1, runKey, prefix, matched);
  });
}

/** The aggregate status of several groups, for a run header without a run object. */
export function combinedStatus(groups: readonly StepGroup[]): GroupStatus | null {
  const order: GroupStatus[] = ['running', 'pending', 'failed', 'rejected', 'canceled', 'skipped', 'succeeded'];
  for (const status of order) if (groups.some((g) => g.status === status)) return status;
  return null;
}
