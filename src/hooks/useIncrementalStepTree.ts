import { useMemo, useRef } from 'react';
import type { RunStatus, Step } from '../api/types.js';
import { buildStepTree } from '../core/buildStepTree.js';
import { listSteps, type RunState } from '../core/runState.js';
import type { StepTree } from '../core/stepTreeTypes.js';
import { updateStepTree } from '../core/updateStepTree.js';
import { changesSince } from './runStateCache.js';

/**
 * The step tree of a run state, updated rather than rebuilt when the state was derived from the previous one
 * by folding events: cost follows the number of changed steps, and untouched nodes keep their identity.
 */
export function useIncrementalStepTree(source: RunState | readonly Step[] | null | undefined, runStatus: RunStatus | null): StepTree {
  const last = useRef<{ source: RunState | readonly Step[] | null | undefined; tree: StepTree } | null>(null);
  return useMemo(() => {
    const previous = last.current;
    let tree: StepTree;
    if (previous && previous.source === source) {
      tree = previous.tree.runStatus === runStatus ? previous.tree : updateStepTree(previous.tree, [], { runStatus });
    } else if (previous && isState(source) && isState(previous.source)) {
      const changed = changesSince(source, previous.source);
      tree = changed ? updateStepTree(previous.tree, changed, { runStatus }) : buildStepTree(listSteps(source), { runStatus });
    } else {
      tree = buildStepTree(isState(source) ? listSteps(source) : (source ?? []), { runStatus });
    }
    last.current = { source, tree };
    return tree;
  }, [source, runStatus]);
}

function isState(value: unknown): value is RunState {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'lastSeq' in value;
}
