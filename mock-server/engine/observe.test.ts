import { describe, expect, it } from 'vitest';
import { ExecutorProblem } from './api.js';
import { executorWith, start, workflow } from './testkit.js';

const MIN = 60_000;
const ok = workflow('ok', [
  { id: 'a', name: 'Fetch', kind: 'task', config: { logs: [{ severity: 'debug', message: 'Connecting to the ERP' }] } },
  { id: 'b', name: 'Write', kind: 'llm' },
]);
const bad = workflow('bad', [{ id: 'a', name: 'Explode', kind: 'task', config: { fail: { code: 'boom', message: 'Kaboom in the ERP' } } }]);

describe('log search', () => {
  it('searches events across runs newest first by severity, type, run, workflow and text, in cursor pages', () => {
    const ex = executorWith([ok, bad]);
    const a = start(ex, 'ok');
    const b = start(ex, 'bad');
    ex.advance(60_000);
    const errors = ex.searchLogs({ severity: ['error'] });
    expect(errors.items.map((e) => e.type)).toEqual(['run_failed', 'step_failed']);
    expect(errors.items.every((e) => e.runId === b)).toBe(true);
    expect(ex.searchLogs({ type: ['llm_output'] }).items.map((e) => e.runId)).toEqual([a]);
    expect(ex.searchLogs({ q: 'erp' }).items.map((e) => e.message)).toEqual(['Run failed: Kaboom in the ERP', 'Explode failed: Kaboom in the ERP', 'Connecting to the ERP']);
    expect(ex.searchLogs({ workflowId: 'ok', runId: b }).items).toEqual([]);

    const all = ex.searchLogs({ limit: 500 }).items;
    const times = all.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = ex.searchLogs({ limit: 3, cursor });
      paged.push(...page.items.map((e) => `${e.runId}:${e.seq}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.map((e) => `${e.runId}:${e.seq}`));
    expect(() => ex.searchLogs({ severity: ['loud' as 'info'] })).toThrow(ExecutorProblem);
    expect(() => ex.searchLogs({ cursor: 'xyz' })).toThrow(/cursor/);
  });
});

describe('analytics', () => {
  it('counts live and recent runs, outcomes, success rate, steps and credits, with a time series', () => {
    const ex = executorWith([ok, bad]);
    start(ex, 'ok');
    start(ex, 'ok');
    start(ex, 'bad');
    ex.advance(60_000);
    ex.configureWorker({ stalled: true });
    start(ex, 'ok');
    const a = ex.analytics('24h');
    expect(a).toMatchObject({ window: '24h', liveRuns: 1, recentRuns: 4, succeeded: 2, failed: 1, canceled: 0, stepsExecuted: 5 });
    expect(a.successRate).toBeCloseTo(2 / 3);
    expect(a.credits).toBe(ex.listRuns({}).items.reduce((sum, r) => sum + r.creditsUsed, 0));
    expect(a.series).toHaveLength(24);
    expect(a.series.reduce((sum, b) => sum + b.runs, 0)).toBe(4);
    expect(a.series.at(-1)!.runs).toBe(4);
    expect(ex.analytics('7d').series).toHaveLength(28);
    expect(ex.analytics('30d').series).toHaveLength(30);
    expect(() => ex.analytics('1y' as '24h')).toThrow(ExecutorProblem);
  });

  it('has no success rate before anything finished', () => {
    const ex = executorWith([ok]);
    expect(ex.analytics('24h')).toMatchObject({ recentRuns: 0, successRate: null, liveRuns: 0 });
  });
});

describe('schedule and upstream triggers', () => {
  it('starts a run every interval while active, none while inactive', () => {
    const ex = executorWith([{ ...ok, schedule: { everyMs: 15 * MIN } }]);
    ex.advance(46 * MIN);
    const runs = ex.listRuns({}).items;
    expect(runs).toHaveLength(3);
    expect(runs[0]!.trigger).toMatchObject({ type: 'schedule', label: 'Schedule: every 15 min' });
    ex.setWorkflowActive('ok', false);
    ex.advance(60 * MIN);
    expect(ex.listRuns({}).items).toHaveLength(3);
    ex.setWorkflowActive('ok', true);
    ex.advance(16 * MIN);
    expect(ex.listRuns({}).items).toHaveLength(4);
  });

  it('a step can start another workflow: trigger upstream with the source run', () => {
    const up = workflow('up', [{ id: 'a', name: 'Kick off', kind: 'task', config: { startWorkflow: 'down', output: { batch: 7 } } }]);
    const down = workflow('down', [{ id: 'b', name: 'Follow', kind: 'task' }]);
    const ex = executorWith([up, down]);
    const source = start(ex, 'up');
    ex.advance(60_000);
    const child = ex.listRuns({ workflowId: 'down' }).items[0]!;
    expect(child.trigger).toMatchObject({ type: 'upstream', sourceRunId: source, sourceWorkflowId: 'up', payload: { batch: 7 } });
    expect(child.status).toBe('succeeded');
    expect(ex.listEvents('up', source, 0).items.some((e) => e.type === 'log' && e.message.includes(child.id))).toBe(true);
  });
});
