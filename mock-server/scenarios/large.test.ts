import { describe, expect, it } from 'vitest';
import { createScenario } from './index.js';

describe('large scenarios', () => {
  // Load and page times are measured by `npm run bench` (executor); the bounds here only catch a regression by an
  // order of magnitude, so a busy two-core CI machine cannot fail them (2.2 s was seen for a 2 s bound).
  it('history-100k loads and answers filtered keyset pages that hold only matching runs (time bounds catch only a tenfold slowdown)', () => {
    const t0 = performance.now();
    const ex = createScenario('history-100k');
    const loaded = performance.now() - t0;
    expect(loaded).toBeLessThan(15_000);
    expect(ex.stats().runs).toBe(100_003);
    const times: number[] = [];
    let page = ex.listRuns({ status: ['failed'], workflowId: 'support-triage', sort: '-completedAt', limit: 50 });
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      page = ex.listRuns({ status: ['failed'], workflowId: 'support-triage', sort: '-completedAt', limit: 50, cursor: page.nextCursor ?? undefined });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(1_000);
    expect(page.items.every((r) => r.status === 'failed' && r.workflowId === 'support-triage')).toBe(true);
  });

  it('steps-10k: one finished run of about 10 000 steps with pages and iterations, served in step pages', () => {
    const ex = createScenario('steps-10k');
    const run = ex.listRuns({}).items[0]!;
    expect(run.status).toBe('succeeded');
    const { steps } = ex.getRun(run.workflowId, run.id);
    expect(steps.length).toBeGreaterThan(9_900);
    expect(run.progress).toEqual({ done: steps.length, total: steps.length });
    expect(steps.filter((s) => s.page !== null)).toHaveLength(50);
    const iterations = steps.filter((s) => s.kind === 'loop' && s.iteration !== null);
    expect(iterations).toHaveLength(2480);
    expect(steps.filter((s) => s.skipReason === 'branch_not_taken').length).toBeGreaterThan(1000);
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = ex.listSteps(run.workflowId, run.id, cursor, 5000);
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(count).toBe(steps.length);
    const events = ex.listEvents(run.workflowId, run.id, 100, 500);
    expect(events).toMatchObject({ hasMore: true });
    expect(events.items[0]!.seq).toBe(101);
  });

  it('output-20mb: a 20 MB JSON output read in 1 MB chunks that join to valid JSON at the edges', () => {
    const ex = createScenario('output-20mb');
    const run = ex.listRuns({}).items[0]!;
    const step = ex.getRun(run.workflowId, run.id).steps.find((s) => s.name === 'Export table')!;
    expect(step.outputSize).toBeGreaterThan(19_900_000);
    const first = ex.getPayload(run.workflowId, run.id, step.id, 'output', 0, 1_048_576);
    expect(first).toMatchObject({ contentType: 'application/json', offset: 0, truncated: true, nextOffset: 1_048_576, totalSize: step.outputSize });
    expect(first.data.startsWith('[\n{"index":0,')).toBe(true);
    const last = ex.getPayload(run.workflowId, run.id, step.id, 'output', step.outputSize! - 500, 1_048_576);
    expect(last).toMatchObject({ truncated: false, nextOffset: null });
    expect(last.data.endsWith('}\n]')).toBe(true);
    const t = performance.now();
    for (let offset = 0; offset < step.outputSize!; offset += 1_048_576) ex.getPayload(run.workflowId, run.id, step.id, 'output', offset, 1_048_576);
    expect(performance.now() - t).toBeLessThan(30_000); // only a tenfold slowdown; the times are the bench's job
  });
});

describe('demo with the real-time clock', () => {
  it('ends its setup at about the wall clock (runs it starts read "now"), whatever its setup moved', () => {
    const ex = createScenario('demo', { clock: 'real' });
    expect(Math.abs(ex.now() - Date.now())).toBeLessThan(15_000);
    ex.dispose();
  });

  it('moves on its own (speed 200×), starts new runs, and stops moving after dispose()', async () => {
    const ex = createScenario('demo', { clock: 'real', speed: 200 });
    const start = ex.now();
    const runs = ex.stats().runs;
    const events = ex.stats().events;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(ex.now() - start).toBeGreaterThan(30_000);
    expect(ex.stats().events).toBeGreaterThan(events);
    expect(ex.stats().runs).toBeGreaterThan(runs);
    ex.dispose();
    const stopped = ex.now();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(ex.now()).toBe(stopped);
  });
});
