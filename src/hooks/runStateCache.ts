/**
 * The run detail cache entry is a core `RunState`. Each state made by folding events remembers the state it
 * came from and the steps that changed, so the step tree can be updated instead of rebuilt.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RunClient } from '../api/client-types.js';
import type { RunEvent, Step } from '../api/types.js';
import { applyEvents } from '../core/applyEvents.js';
import { createRunState, type RunState } from '../core/runState.js';

export interface RunStateLineage {
  base: RunState;
  changedSteps: readonly Step[];
}

const lineage = new WeakMap<RunState, RunStateLineage>();

/** How `state` was derived, when it was made by `foldEvents` from another state. */
export function lineageOf(state: RunState): RunStateLineage | undefined {
  return lineage.get(state);
}

/** `state` with `events` folded in; records the lineage of the result. */
export function foldEvents(state: RunState, events: readonly RunEvent[]): RunState {
  if (events.length === 0) return state;
  const result = applyEvents(state, events);
  if (result.state !== state) lineage.set(result.state, { base: state, changedSteps: result.changedSteps });
  return result.state;
}

/** Events per request while catching up; a long-idle view catches up in a few requests. */
const EVENT_PAGE = 1000;

/**
 * Loads a run: the full snapshot the first time, afterwards only the events after the last `seq` seen,
 * folded into the cached state (so unchanged steps keep their identity).
 */
export async function fetchRunState(
  client: RunClient,
  queryClient: QueryClient,
  key: readonly unknown[],
  workflowId: string,
  runId: string,
  signal: AbortSignal,
): Promise<RunState> {
  const previous = queryClient.getQueryData<RunState>(key);
  if (!previous || !previous.run) {
    const snapshot = await client.getRun(workflowId, runId, { signal });
    return createRunState({ run: snapshot.run, steps: snapshot.steps });
  }
  const events: RunEvent[] = [];
  let after = previous.lastSeq;
  for (let round = 0; round < 100; round++) {
    const page = await client.listEvents(workflowId, runId, { after, limit: EVENT_PAGE }, { signal });
    for (const event of page.items) events.push(event);
    const last = page.items.at(-1)?.seq ?? after;
    if (!page.hasMore || last <= after) break;
    after = last;
  }
  // Fold into what is cached now (an optimistic update may have landed meanwhile), once for all pages.
  return foldEvents(queryClient.getQueryData<RunState>(key) ?? previous, events);
}

/**
 * The steps that changed between `known` and `state`, when `state` descends from it by folding events
 * (at most `depth` folds back); null when it does not (then rebuild).
 */
export function changesSince(state: RunState, known: RunState, depth = 16): readonly Step[] | null {
  const chain: (readonly Step[])[] = [];
  let cursor: RunState = state;
  while (cursor !== known) {
    const link = lineage.get(cursor);
    if (!link || chain.length >= depth) return null;
    chain.push(link.changedSteps);
    cursor = link.base;
  }
  if (chain.length === 1) return chain[0] as readonly Step[];
  // Oldest first, so the newest version of a step is the one kept.
  const latest = new Map<string, Step>();
  for (let i = chain.length - 1; i >= 0; i--) for (const step of chain[i] as readonly Step[]) latest.set(step.id, step);
  return [...latest.values()];
}

/** `state` with a new run snapshot (optimistic update, command answer); steps keep their identity. */
export function withRun(state: RunState, run: RunState['run']): RunState {
  if (state.run === run) return state;
  const next: RunState = { ...state, run };
  lineage.set(next, { base: state, changedSteps: [] });
  return next;
}
