/** The first failed step across the runs of the timeline, in reading order (core's rule per run). */
import type { RunTreeEntry } from '../../core/filterStepTree.js';
import { firstFailedNode } from '../../core/firstFailedStep.js';
import type { StepNode } from '../../core/stepTreeTypes.js';
import type { SourceRun } from './useTimelineSources.js';

export function firstFailedInTrees(entries: readonly RunTreeEntry<SourceRun>[]): { runKey: string; node: StepNode } | null {
  for (const entry of entries) {
    const node = firstFailedNode(entry.tree, entry.run.run);
    if (node) return { runKey: entry.run.key, node };
  }
  return null;
}
