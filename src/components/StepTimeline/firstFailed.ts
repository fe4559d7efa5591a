/** The first failed step across the runs of the timeline, in reading order. */
import type { RunTreeEntry } from '../../core/filterStepTree';
import type { StepNode } from '../../core/stepTreeTypes';
import type { SourceRun } from './useTimelineSources';

export function firstFailedInTrees(entries: readonly RunTreeEntry<SourceRun>[]): { runKey: string; node: StepNode } | null {
  for (const entry of entries) {
    for (const group of entry.tree.groups) {
      // Groups count their steps by status: a live run without failures costs no walk on each update.
      if (group.counts.failed === 0) continue;
      const stack = [...group.nodes].reverse();
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node.step.status === 'failed') return { runKey: entry.run.key, node };
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      }
    }
  }
  return null;
}
