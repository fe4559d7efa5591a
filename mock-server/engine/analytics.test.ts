import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYTICS_MAX_CUSTOM_DAYS } from '../../src/api/schemas.js';
import type { Run } from '../../src/api/types.js';
import { CATALOG } from '../scenarios/workflows.js';
import { ExecutorProblem } from './api.js';
import { buildExecutor } from './executor.js';
import { executorWith, start, workflow } from './testkit.js';

const HOUR = 3_600_000;
const ok = workflow('ok', [
  { id: 'a', name: 'Fetch', kind: 'task' },
  { id: 'b', name: 'Write', kind: 'llm' },
]);
const bad = workflow('bad', [{ id: 'a', name: 'Explode', kind: 'task', config: { fail: { code: 'boom', message: 'Kaboom' } } }]);

/** Nearest-rank percentile, computed independently of the executor. */
const nearestRank = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.ceil(p * sorted.length) - 1]! : null;
};

function allRuns(ex: ReturnType<typeof executorWith>): Run[] {
  const runs: Run[] = [];
  let cursor: string | undefined;
  do {
    const page = ex.listRuns({ limit: 500, ...(cursor ? { cursor } : {}) });
    runs.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return runs;
}

describe('analytics', () => {
  it('reports queue time percentiles, canceled runs per bucket and a breakdown per workflow that agree with the runs', () => {
    const ex = executorWith([ok, bad]);
    for (let i = 0; i < 5; i++) start(ex, 'ok');
    ex.configureWorker({ claimDelayMs: 2_000 });
    for (let i = 0; i < 3; i++) start(ex, 'bad');
    ex.advance(60_000);
    const canceled = start(ex, 'ok');
    ex.command('ok', { command: 'cancel', runId: canceled });
    const a = ex.analytics('24h');
    const runs = allRuns(ex);
    const queue = runs.map((r) => r.queueTimeMs).filter((q): q is number => q !== null);
    expect(a.queueTime).toEqual({ p50: nearestRank(queue, 0.5), p95: nearestRank(queue, 0.95), p99: nearestRank(queue, 0.99) });
    expect(a.queueTime.p99).toBeGreaterThanOrEqual(2_000);
    expect(a).toMatchObject({ recentRuns: 9, succeeded: 5, failed: 3, canceled: 1, bucketMs: HOUR });
    expect(a.series.reduce((sum, b) => sum + b.canceled, 0)).toBe(1);
    expect(a.workflows.map((w) => [w.workflowId, w.workflowName, w.runs, w.succeeded, w.failed, w.canceled])).toEqual([
      ['ok', ok.name, 6, 5, 0, 1],
      ['bad', bad.name, 3, 0, 3, 0],
    ]);
    expect(a.workflows[0]!.successRate).toBeCloseTo(5 / 6);
    expect(a.workflows[1]!.credits).toBe(runs.filter((r) => r.workflowId === 'bad').reduce((s, r) => s + r.creditsUsed, 0));
    expect(Date.parse(a.to) - Date.parse(a.from)).toBe(24 * HOUR);
    expect(a.series[0]!.start).toBe(a.from);
  });

  it('summarizes a custom window: bounds, bucket length by span, a shorter last bucket, runs outside left out', () => {
    const ex = executorWith([ok]);
    const t0 = ex.now();
    start(ex, 'ok');
    ex.advance(3 * HOUR);
    start(ex, 'ok');
    start(ex, 'ok');
    ex.advance(HOUR);
    const from = new Date(t0 + HOUR).toISOString();
    const to = new Date(t0 + 3.5 * HOUR).toISOString();
    const a = ex.analytics({ window: 'custom', from, to });
    expect(a).toMatchObject({ window: 'custom', from, to, bucketMs: HOUR, recentRuns: 2 });
    expect(a.series.map((b) => b.runs)).toEqual([0, 0, 2]);
    const week = ex.analytics({ window: 'custom', from: new Date(t0 - 7 * 24 * HOUR).toISOString(), to: new Date(t0 + 4 * HOUR).toISOString() });
    expect(week.bucketMs).toBe(6 * HOUR);
    expect(week.recentRuns).toBe(3);
    const year = ex.analytics({ window: 'custom', from: new Date(t0 - 300 * 24 * HOUR).toISOString(), to: new Date(t0 + 4 * HOUR).toISOString() });
    expect(year.bucketMs).toBe(24 * HOUR);
    expect(year.series).toHaveLength(301);
  });

  it('refuses a custom window without bounds, backwards, over 366 days, or bounds with a preset window', () => {
    const ex = executorWith([ok]);
    const at = (ms: number) => new Date(ms).toISOString();
    const now = ex.now();
    const refused = (query: Parameters<typeof ex.analytics>[0]) => {
      try {
        ex.analytics(query);
      } catch (error) {
        expect(error).toBeInstanceOf(ExecutorProblem);
        return (error as ExecutorProblem).status;
      }
      return 200;
    };
    expect(refused({ window: 'custom', from: at(now) } as never)).toBe(400);
    expect(refused({ window: 'custom', from: at(now), to: at(now) })).toBe(400);
    expect(refused({ window: 'custom', from: at(now - 367 * 24 * HOUR), to: at(now) })).toBe(400);
    expect(refused({ window: '24h', from: at(now - HOUR), to: at(now) } as never)).toBe(400);
    expect(refused({ window: 'custom', from: at(now - 366 * 24 * HOUR), to: at(now) })).toBe(200);
    // whole days across a change of daylight saving time: an hour more is allowed, not two
    expect(refused({ window: 'custom', from: at(now - 366 * 24 * HOUR - HOUR), to: at(now) })).toBe(200);
    expect(refused({ window: 'custom', from: at(now - 366 * 24 * HOUR - 2 * HOUR), to: at(now) })).toBe(400);
    // the limit the contract documents is the one the code shares
    expect(readFileSync(new URL('../../openapi/openapi.yaml', import.meta.url), 'utf8')).toContain(`at most ${ANALYTICS_MAX_CUSTOM_DAYS} days`);
  });

  it('over a large archive: the breakdown adds up to the totals and the queue time matches the runs', () => {
    const ex = buildExecutor({ seed: 9 });
    for (const def of CATALOG) ex.registerWorkflow(def);
    ex.generateHistory({ count: 5_000 });
    const a = ex.analytics('7d');
    const sum = (key: 'runs' | 'succeeded' | 'failed' | 'canceled' | 'stepsExecuted') => a.workflows.reduce((s, w) => s + w[key], 0);
    expect(sum('runs')).toBe(a.recentRuns);
    expect(sum('succeeded')).toBe(a.succeeded);
    expect(sum('failed')).toBe(a.failed);
    expect(sum('canceled')).toBe(a.canceled);
    expect(sum('stepsExecuted')).toBe(a.stepsExecuted);
    expect(a.workflows.map((w) => w.runs)).toEqual([...a.workflows.map((w) => w.runs)].sort((x, y) => y - x));
    const inWindow: Run[] = [];
    let cursor: string | undefined;
    do {
      const page = ex.listRuns({ from: a.from, to: a.to, limit: 500, ...(cursor ? { cursor } : {}) });
      inWindow.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(inWindow).toHaveLength(a.recentRuns);
    const queue = inWindow.map((r) => r.queueTimeMs).filter((q): q is number => q !== null);
    expect(a.queueTime).toEqual({ p50: nearestRank(queue, 0.5), p95: nearestRank(queue, 0.95), p99: nearestRank(queue, 0.99) });
  });
});
