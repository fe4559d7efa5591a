/**
 * Stories against the reference executor in the browser: a loader creates an executor on a virtual clock,
 * advances it to the state wanted, serves it through the MSW service worker (`context.msw` from the global
 * `mswLoader`), and hands the story the ids of the run to show.
 */
import { useMemo, type ReactNode } from 'react';
// Also types `context.msw` of every story (the worker that preview's `mswLoader` starts).
import type { MswApi } from 'msw-storybook-addon/types';
import type { Run, Step } from '../src/api/types';
import { createExecutor, createHandlers, SCENARIOS, type Executor } from '../mock-server/index';
import { StatusBadge } from '../src/components/shared/StatusBadge';
import { RunViewsProvider } from '../src/hooks/RunViewsProvider';
import { useRun } from '../src/hooks/useRun';

/** Base URL the stories' client calls; the handlers answer on it. */
export const MOCK_BASE_URL = 'http://run-api.stories.test';

export interface ExecutorStoryOptions {
  /**
   * Scenario name, or a pattern: the scenarios whose names match are tried in order. A name no scenario has,
   * or a pattern none matches, is an error (the story fails), never a silent fallback to another scenario.
   */
  scenario: string | RegExp;
  /** Virtual time to advance after loading, ms; `'idle'` runs until nothing is scheduled. Defaults to 0 (as loaded). */
  advance?: number | 'idle';
  /** Picks the run to show; defaults to the run with the most steps. */
  pick?: (run: Run, steps: readonly Step[]) => boolean;
}

export interface LoadedRun {
  workflowId: string;
  runId: string;
  stepCount: number;
  scenario?: string;
  /** The executor's virtual time when loaded, so relative times read as the scenario meant. */
  now?: number;
}

type MswContext = { msw?: Pick<MswApi, 'use'> };

/** Scenario names to try for `wanted`, in the executor's order; throws when there is none. */
export function scenarioCandidates(wanted: string | RegExp): string[] {
  const names = SCENARIOS.map((s) => s.name);
  const matching = typeof wanted === 'string' ? names.filter((n) => n === wanted) : names.filter((n) => wanted.test(n));
  if (matching.length === 0) throw new Error(`Unknown scenario ${String(wanted)}. Known: ${names.join(', ')}.`);
  return matching;
}

function findRun(executor: Executor, pick: ExecutorStoryOptions['pick']): LoadedRun | null {
  let best: LoadedRun | null = null;
  // Large history scenarios hold 100 000 runs: the newest few thousand are enough to find one to show.
  for (const id of executor.runIds().slice(-2000).reverse()) {
    const found = executor.findRun(id);
    if (!found) continue;
    const { run, steps } = executor.getRun(found.workflowId, id);
    if (pick && !pick(run, steps)) continue;
    if (!best || steps.length > best.stepCount) best = { workflowId: run.workflowId, runId: run.id, stepCount: steps.length };
    if (pick) break;
  }
  return best;
}

/** A story loader for `options`; the result lands in `context.loaded.target`. */
export function executorLoader(options: ExecutorStoryOptions | ((args: Record<string, unknown>) => ExecutorStoryOptions)) {
  return (context: MswContext & { args: Record<string, unknown> }) => {
    const opts = typeof options === 'function' ? options(context.args) : options;
    const tried = scenarioCandidates(opts.scenario);
    for (const scenario of tried) {
      const executor = createExecutor({ scenario, clock: 'virtual' });
      const advance = opts.advance ?? 0;
      if (advance === 'idle') executor.runUntilIdle(3600_000);
      else if (advance > 0) executor.advance(advance);
      const target = findRun(executor, opts.pick);
      if (!target) continue;
      context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
      return { target: { ...target, scenario, now: executor.now() } };
    }
    throw new Error(`No run for this story in the scenarios ${tried.join(', ')}.`);
  };
}

/** The provider every executor story renders in; `now` pins its clock to the executor's virtual time. */
export function MockProvider({ children, now }: { children: ReactNode; now?: number | undefined }) {
  const clock = useMemo(() => (now === undefined ? Date.now : () => now), [now]);
  return (
    <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }} now={clock}>
      {children}
    </RunViewsProvider>
  );
}

/** The run's status as the API says it, above a scenario's timeline (the timeline of one run has no run header). */
export function RunCaption({ workflowId, runId }: { workflowId: string; runId: string }) {
  const { run } = useRun(workflowId, runId, { live: false });
  return (
    <p className="rv-root sb-run-caption" data-run-caption={run?.status ?? ''}>
      Run {run ? <StatusBadge kind="run" status={run.status} reason={run.cancelReason} /> : '…'}
    </p>
  );
}
