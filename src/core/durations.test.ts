import { describe, expect, it } from 'vitest';
import { queueDuration, runDuration, runProgress, stepDuration } from './durations.js';
import { makeRun, makeStep } from './testing/fixtures.js';

const now = Date.parse('2026-11-21T09:10:00.000Z');

describe('durations', () => {
  it('uses the recorded step duration, else start→end, else counts up while the step runs', () => {
    expect(stepDuration(makeStep({ id: 's1', durationMs: 850 }), now)).toBe(850);
    expect(stepDuration(makeStep({ id: 's1', startedAt: '2026-11-21T09:00:00.000Z', endedAt: '2026-11-21T09:00:01.500Z' }), now)).toBe(1500);
    expect(stepDuration(makeStep({ id: 's1', status: 'running', startedAt: '2026-11-21T09:09:00.000Z' }), new Date(now))).toBe(60_000);
    expect(stepDuration(makeStep({ id: 's1', status: 'failed', startedAt: '2026-11-21T09:09:00.000Z' }), now)).toBeNull();
    expect(stepDuration(makeStep({ id: 's1', status: 'pending' }), now)).toBeNull();
    expect(stepDuration(makeStep({ id: 's1', startedAt: 'garbage', endedAt: '2026-11-21T09:00:01.500Z' }), now)).toBeNull();
  });

  it('shows a live run time while the run is not finished, and the recorded one after', () => {
    expect(runDuration(makeRun({ status: 'running', startedAt: '2026-11-21T09:05:00.000Z' }), now)).toBe(300_000);
    expect(runDuration(makeRun({ status: 'paused', startedAt: '2026-11-21T09:05:00.000Z' }), now)).toBe(300_000);
    expect(runDuration(makeRun({ status: 'succeeded', runTimeMs: 4200, completedAt: '2026-11-21T09:06:00.000Z' }), now)).toBe(4200);
    expect(runDuration(makeRun({ status: 'failed', startedAt: '2026-11-21T09:05:00.000Z', completedAt: '2026-11-21T09:06:00.000Z' }), now)).toBe(60_000);
    expect(runDuration(makeRun({ status: 'queued', startedAt: null }), now)).toBeNull();
    // a clock slightly behind the server never gives a negative duration
    expect(runDuration(makeRun({ status: 'running', startedAt: '2026-11-21T09:10:01.000Z' }), now)).toBe(0);
  });

  it('measures queue time until a worker claimed the run, live while still queued', () => {
    expect(queueDuration(makeRun({ queueTimeMs: 1234 }), now)).toBe(1234);
    expect(queueDuration(makeRun({ queuedAt: '2026-11-21T09:00:00.000Z', claimedAt: '2026-11-21T09:00:02.000Z' }), now)).toBe(2000);
    expect(queueDuration(makeRun({ status: 'queued', claimedAt: null, startedAt: null }), now)).toBe(600_000);
    expect(
      queueDuration(makeRun({ status: 'canceled', claimedAt: null, startedAt: null, completedAt: '2026-11-21T09:01:00.000Z' }), now),
    ).toBe(60_000);
  });

  it('reports progress from the run counters or from the steps', () => {
    expect(runProgress(makeRun({ progress: { done: 3, total: 4 } }))).toEqual({ done: 3, total: 4, ratio: 0.75, indeterminate: false });
    const steps = [makeStep({ id: 's1' }), makeStep({ id: 's2', status: 'running' }), makeStep({ id: 's3', status: 'skipped' })];
    expect(runProgress(makeRun({ progress: { done: 0, total: 0 } }), steps)).toMatchObject({ done: 2, total: 3 });
    expect(runProgress(makeRun({ status: 'queued' }))).toEqual({ done: 0, total: 0, ratio: 0, indeterminate: true });
    expect(runProgress(makeRun({ status: 'succeeded', progress: { done: 2, total: 5 } })).ratio).toBe(1);
    expect(runProgress(makeRun({ progress: { done: 9, total: 4 } })).ratio).toBe(1);
  });
});
