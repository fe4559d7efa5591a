/**
 * Step trees of runs given as step arrays (a data-only view), kept per run key: when a run's new array shares
 * most step objects with the last one (an immutable update by the host), only the steps that changed are
 * folded into the last tree (`updateStepTree`) instead of building 50 000 nodes again. The cache keeps a copy
 * of each array, so it compares against what it was given even if the host later changes that array in
 * place. One cache per view.
 */
import type { RunStatus, Step } from '../api/types.js';
import { buildStepTree } from './buildStepTree.js';
import type { StepTree } from './stepTreeTypes.js';
import { updateStepTree } from './updateStepTree.js';

interface Entry {
  steps: readonly Step[];
  status: RunStatus | null;
  tree: StepTree;
}

export interface StepTreeCache {
  /** The tree of run `key` from `steps`, updated from the last one when it can be. */
  tree(key: string, steps: readonly Step[], runStatus: RunStatus | null): StepTree;
  /** Forgets every run but `keys`. */
  retain(keys: ReadonlySet<string>): void;
}

export function createStepTreeCache(): StepTreeCache {
  const entries = new Map<string, Entry>();
  return {
    tree(key, steps, runStatus) {
      const last = entries.get(key);
      const tree = last ? nextTree(last, steps, runStatus) : buildStepTree(steps, { runStatus });
      // A copy (pointers only): a host that changed its array in place before passing a new one must not
      // change what this cache compares against.
      entries.set(key, { steps: steps.slice(), status: runStatus, tree });
      return tree;
    },
    retain(keys) {
      for (const key of entries.keys()) if (!keys.has(key)) entries.delete(key);
    },
  };
}

function nextTree(last: Entry, steps: readonly Step[], runStatus: RunStatus | null): StepTree {
  // Steps are never removed from a run: a shorter array, or one where a position holds another step, is a
  // different list (another run, a reorder) and is built anew.
  if (steps.length < last.steps.length) return buildStepTree(steps, { runStatus });
  const changed: Step[] = [];
  const limit = Math.max(64, steps.length >> 2);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const before = last.steps[i];
    if (step === before) continue;
    if (before !== undefined && before.id !== step.id) return buildStepTree(steps, { runStatus });
    changed.push(step);
    if (changed.length > limit) return buildStepTree(steps, { runStatus });
  }
  return updateStepTree(last.tree, changed, { runStatus });
}
