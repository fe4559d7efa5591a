import { describe, expect, it } from 'vitest';
import { RUN_TRANSITIONS } from '../../src/api/status.js';
import type { RunStatus } from '../../src/api/types.js';
import { executorWith, foldMatches, start, workflow } from './testkit.js';

const simple = workflow('simple', [
  { id: 'a', name: 'Prepare', kind: 'task', config: { durationMs: 1000, jitter: 0 } },
  { id: 'b', name: 'Finish', kind: 'task', config: { durationMs: 1000, jitter: 0 } },
]);

describe('run lifecycle', () => {
  it('goes queued → claimed → running → succeeded with times, progress and credits', () => {
    const ex = executorWith([simple]);
    ex.configureWorker({ claimDelayMs: 1000, startDelayMs: 500 });
    const t0 = ex.now();
    const id = start(ex, 'simple');
    let run = ex.getRun('simple', id).run;
    expect(run).toMatchObject({ status: 'queued', claimedAt: null, startedAt: null, queueTimeMs: null, progress: { done: 0, total: 2 } });
    expect(Date.parse(run.queuedAt)).toBe(t0);

    ex.advance(1400);
    run = ex.getRun('simple', id).run;
    expect(run.status).toBe('claimed');
    expect(run.claimedAt).not.toBeNull();
    // The contract's meaning: queued → claimed, known as soon as a worker claims the run.
    expect(run.queueTimeMs).toBe(Date.parse(run.claimedAt!) - t0);

    ex.advance(800);
    run = ex.getRun('simple', id).run;
    expect(run.status).toBe('running');
    expect(run.queueTimeMs).toBe(Date.parse(run.claimedAt!) - t0);

    ex.advance(5000);
    run = ex.getRun('simple', id).run;
    expect(run).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 }, creditsUsed: 2, error: null });
    expect(run.runTimeMs).toBe(Date.parse(run.completedAt!) - Date.parse(run.startedAt!));
    expect(run.runTimeMs).toBe(2000);
    expect(run.resultSummary).toMatch(/Completed 2 steps/);
    expect(foldMatches(ex, 'simple', id).ok).toBe(true);
  });

  it('keeps runs queued while the worker is stalled, and claims them when it recovers', () => {
    const ex = executorWith([simple]);
    ex.configureWorker({ stalled: true });
    const a = start(ex, 'simple');
    const b = start(ex, 'simple');
    ex.advance(60 * 60 * 1000);
    expect(ex.getRun('simple', a).run.status).toBe('queued');
    expect(ex.getRun('simple', b).run.queueTimeMs).toBeNull();
    ex.configureWorker({ stalled: false });
    ex.advance(10_000);
    expect(ex.getRun('simple', a).run.status).toBe('succeeded');
    expect(ex.getRun('simple', b).run.queueTimeMs).toBeGreaterThanOrEqual(60 * 60 * 1000);
  });

  it('only ever makes the transitions in RUN_TRANSITIONS, and seq starts at 1 without gaps', () => {
    const ex = executorWith([simple]);
    const id = start(ex, 'simple');
    ex.advance(300);
    ex.command('simple', { command: 'pause', runId: id });
    ex.advance(5000);
    ex.command('simple', { command: 'resume', runId: id });
    ex.advance(5000);
    const events = ex.listEvents('simple', id, 0).items;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const statuses = events.filter((e) => e.run).map((e) => e.run!.status);
    for (let i = 1; i < statuses.length; i++) {
      const [from, to] = [statuses[i - 1]!, statuses[i]!] as [RunStatus, RunStatus];
      if (from !== to) expect(RUN_TRANSITIONS[from]).toContain(to);
    }
    expect(statuses).toContain('paused');
    expect(ex.getRun('simple', id).run.lastSeq).toBe(events.length);
  });

  it('is deterministic: the same seed and calls give the same ids, times and events', () => {
    const once = () => {
      const ex = executorWith([simple], { seed: 42 });
      const id = start(ex, 'simple');
      ex.advance(10_000);
      return JSON.stringify(ex.listEvents('simple', id, 0));
    };
    expect(once()).toBe(once());
    const other = executorWith([simple], { seed: 43 });
    expect(start(other, 'simple')).not.toBe(JSON.parse(once()).items[0].runId);
  });

  it('notifies subscribers of each event in seq order until they unsubscribe', () => {
    const ex = executorWith([simple]);
    const id = start(ex, 'simple');
    const seen: number[] = [];
    const stop = ex.subscribe(id, (e) => seen.push(e.seq));
    ex.advance(500);
    stop();
    ex.advance(5000);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual(seen.map((_, i) => seen[0]! + i));
    expect(seen.length).toBeLessThan(ex.getRun('simple', id).run.lastSeq);
  });

  it('survives a subscriber that throws', () => {
    const ex = executorWith([simple]);
    const id = start(ex, 'simple');
    const original = console.error;
    console.error = () => {};
    try {
      ex.subscribe(id, () => {
        throw new Error('listener bug');
      });
      ex.advance(10_000);
    } finally {
      console.error = original;
    }
    expect(ex.getRun('simple', id).run.status).toBe('succeeded');
  });
});
