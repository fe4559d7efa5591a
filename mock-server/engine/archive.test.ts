import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { EventSchema, RunSchema, StepSchema } from '../../src/api/schemas.js';
import { isTerminalStepStatus } from '../../src/api/status.js';
import { CATALOG } from '../scenarios/workflows.js';
import { ExecutorProblem } from './api.js';
import { buildExecutor } from './executor.js';
import type { Executor } from './executorTypes.js';
import { foldMatches } from './testkit.js';

let ex: Executor;
let ms = 0;

// Generation time is measured by `npm run bench` (executor); the bound here catches only a tenfold slowdown, so a
// busy two-core machine cannot fail it.
beforeAll(() => {
  ex = buildExecutor({ seed: 5 });
  for (const def of CATALOG) ex.registerWorkflow(def);
  const t = performance.now();
  ex.generateHistory({ count: 100_000 });
  ms = performance.now() - t;
}, 60_000);

describe('history archive', () => {
  it('generates 100 000 finished runs (in seconds, not minutes)', () => {
    expect(ex.stats().runs).toBe(100_000);
    expect(ms).toBeLessThan(15_000);
    const a = ex.analytics('30d');
    // The 30-day window is 30 whole days ending with today, so the oldest hours fall outside it.
    expect(a.recentRuns).toBeGreaterThan(96_000);
    expect(a.succeeded + a.failed + a.canceled).toBe(a.recentRuns);
    expect(a.series.reduce((sum, b) => sum + b.runs, 0)).toBe(a.recentRuns);
    expect(a.successRate).toBeGreaterThan(0.7);
  });

  it('opens any archived run with steps and an event log that agree with its row', () => {
    const ids = ex.runIds();
    for (let i = 0; i < ids.length; i += 997) {
      const run = ex.findRun(ids[i]!)!;
      expect(v.safeParse(RunSchema, run).success).toBe(true);
      const { run: again, steps } = ex.getRun(run.workflowId, run.id);
      expect(again).toEqual(run);
      const check = foldMatches(ex, run.workflowId, run.id);
      expect(check.ok, check.detail).toBe(true);
      for (const step of steps) {
        expect(v.safeParse(StepSchema, step).success).toBe(true);
        expect(isTerminalStepStatus(step.status)).toBe(true);
      }
      for (const event of ex.listEvents(run.workflowId, run.id, 0).items) expect(v.safeParse(EventSchema, event).success).toBe(true);
      expect(run.progress.done).toBe(steps.length);
      if (run.status === 'failed') expect(steps.find((s) => s.id === run.error!.stepId)?.status).toBe('failed');
      if (run.status === 'succeeded') expect(steps.some((s) => s.status === 'failed')).toBe(false);
      if (run.status === 'canceled' && run.startedAt === null) expect(steps).toEqual([]);
      expect(run.creditsUsed).toBe(steps.reduce((sum, s) => sum + s.credits, 0));
    }
  });

  it('refuses every command but replay on archived runs, and replays them as new live runs', () => {
    const failed = ex.listRuns({ status: ['failed'], limit: 1 }).items[0]!;
    expect(() => ex.command(failed.workflowId, { command: 'resume', runId: failed.id })).toThrow(ExecutorProblem);
    const replay = ex.replay(failed.workflowId, failed.id, { prompt: 'again' }).run;
    expect(replay).toMatchObject({ status: 'queued', replayOf: failed.id, prompt: 'again', trigger: { type: 'replay', sourceRunId: failed.id } });
    expect(ex.listRuns({ limit: 1 }).items[0]!.id).toBe(replay.id);
  });

  it('refuses to add history once runs exist', () => {
    expect(() => ex.generateHistory({ count: 10 })).toThrow(/no runs yet/);
  });
});
