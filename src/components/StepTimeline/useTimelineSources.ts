/** Normalizes the view's data props (steps, tree or several runs) into one step tree per run. */
import { useMemo, useRef, type ReactNode } from 'react';
import type { Run, Step } from '../../api/types.js';
import { buildStepTree } from '../../core/buildStepTree.js';
import type { RunTreeEntry } from '../../core/filterStepTree.js';
import type { StepTree } from '../../core/stepTreeTypes.js';
import type { TimelineRun } from './types.js';

export interface SourceRun {
  key: string;
  run: Run | null;
  title: ReactNode;
}

const NO_STEPS: readonly Step[] = [];

export function useTimelineSources(props: {
  steps?: readonly Step[] | undefined;
  run?: Run | null | undefined;
  tree?: StepTree | undefined;
  runs?: readonly TimelineRun[] | undefined;
}): { entries: RunTreeEntry<SourceRun>[]; multi: boolean } {
  // Trees are cached by the identity of their step arrays, so a host that rebuilds `runs` inline each
  // render does not rebuild unchanged trees.
  const cache = useRef(new WeakMap<readonly Step[], { status: string | null; tree: StepTree }>());
  const { steps, run, tree, runs } = props;

  return useMemo(() => {
    const treeOf = (input: { steps?: readonly Step[] | undefined; tree?: StepTree | undefined; run?: Run | null | undefined }) => {
      if (input.tree) return input.tree;
      const list = input.steps ?? NO_STEPS;
      const status = input.run?.status ?? null;
      const hit = cache.current.get(list);
      if (hit && hit.status === status) return hit.tree;
      const built = buildStepTree(list, { runStatus: status as Run['status'] | null });
      cache.current.set(list, { status, tree: built });
      return built;
    };
    if (runs) {
      return {
        multi: true,
        entries: runs.map((r) => ({
          run: { key: r.id, run: r.run ?? null, title: r.title ?? defaultTitle(r.run ?? null, r.id) },
          tree: treeOf(r),
        })),
      };
    }
    if (!steps && !tree) return { multi: false, entries: [] };
    const key = run?.id ?? 'run';
    return { multi: false, entries: [{ run: { key, run: run ?? null, title: defaultTitle(run ?? null, key) }, tree: treeOf({ steps, tree, run }) }] };
  }, [steps, run, tree, runs]);
}

function defaultTitle(run: Run | null, id: string): string {
  return run ? `${run.workflowName} · ${run.id}` : id;
}
