/**
 * Stories against the reference executor in the browser: a loader creates an executor on a virtual clock,
 * advances it to the state wanted, serves it through the MSW service worker (`context.msw` from the global
 * `mswLoader`), and hands the story the ids of the run to show.
 */
import type { ReactNode } from 'react';
import type { Run, Step } from '../src/api/types';
import { createExecutor, createHandlers } from '../mock-server/index';
import { RunViewsProvider } from '../src/hooks/RunViewsProvider';

/** Base URL the stories' client calls; the handlers answer on it. */
export const MOCK_BASE_URL = 'http://run-api.stories.test';

export interface ExecutorStoryOptions {
  /** Scenario of the executor. */
  scenario: string;
  /** Virtual time to advance after loading, ms; `'idle'` runs until nothing is scheduled. Defaults to `'idle'`. */
  advance?: number | 'idle';
  /** Picks the run to show; defaults to the run with the most steps. */
  pick?: (run: Run, steps: readonly Step[]) => boolean;
}

export interface LoadedRun {
  workflowId: string;
  runId: string;
  stepCount: number;
}

type MswContext = { msw?: { use: (...handlers: unknown[]) => void } };

/** A story loader for `options`; the result lands in `context.loaded.target`. */
export function executorLoader(options: ExecutorStoryOptions | ((args: Record<string, unknown>) => ExecutorStoryOptions)) {
  return async (context: MswContext & { args: Record<string, unknown> }) => {
    const opts = typeof options === 'function' ? options(context.args) : options;
    const executor = createExecutor({ scenario: opts.scenario, clock: 'virtual' });
    const advance = opts.advance ?? 'idle';
    if (advance === 'idle') executor.runUntilIdle(24 * 3600_000);
    else executor.advance(advance);
    let best: LoadedRun | null = null;
    for (const id of executor.runIds()) {
      const found = executor.findRun(id);
      if (!found) continue;
      const { run, steps } = executor.getRun(found.workflowId, id);
      if (opts.pick && !opts.pick(run, steps)) continue;
      if (!best || steps.length > best.stepCount) best = { workflowId: run.workflowId, runId: run.id, stepCount: steps.length };
      if (opts.pick) break;
    }
    if (!best) throw new Error(`Scenario "${opts.scenario}" has no run matching this story.`);
    context.msw?.use(...createHandlers(executor, { baseUrl: MOCK_BASE_URL }));
    return { target: best };
  };
}

/** The provider every executor story renders in. */
export function MockProvider({ children }: { children: ReactNode }) {
  return <RunViewsProvider client={{ baseUrl: MOCK_BASE_URL }}>{children}</RunViewsProvider>;
}
