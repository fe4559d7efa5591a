import { describe, expect, it } from 'vitest';
import { emptyListReason, queuedLongRuns, runHint } from './runHints.js';

const now = Date.parse('2026-01-01T12:00:00Z');
const queued = (minutesAgo: number) => ({ status: 'queued' as const, queuedAt: new Date(now - minutesAgo * 60_000).toISOString() });

describe('run hints', () => {
  it('says a run is queued for long only past the threshold', () => {
    expect(runHint(queued(2), now)).toBeNull();
    expect(runHint(queued(6), now)).toBe('queued_long');
    expect(runHint(queued(6), now, 10 * 60_000)).toBeNull();
    expect(runHint({ status: 'queued', queuedAt: 'garbage' }, now)).toBeNull();
  });

  it('points failed runs at their error and succeeded runs at their result', () => {
    expect(runHint({ status: 'failed', queuedAt: queued(1).queuedAt }, now)).toBe('failed');
    expect(runHint({ status: 'succeeded', queuedAt: queued(1).queuedAt }, now)).toBe('check_result');
    expect(runHint({ status: 'running', queuedAt: queued(100).queuedAt }, now)).toBeNull();
  });

  it('counts the runs queued for long and finds the oldest', () => {
    const runs = [queued(1), queued(30), queued(8), { status: 'running' as const, queuedAt: queued(90).queuedAt }];
    expect(queuedLongRuns(runs, now)).toEqual({ count: 2, oldestQueuedAt: runs[1]!.queuedAt });
    expect(queuedLongRuns([], now)).toEqual({ count: 0, oldestQueuedAt: null });
  });

  it('tells an empty workspace from filters that match nothing', () => {
    expect(emptyListReason(false)).toBe('no_runs');
    expect(emptyListReason(true)).toBe('no_match');
  });
});
