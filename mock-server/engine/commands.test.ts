import { describe, expect, it } from 'vitest';
import { runActionAvailability } from '../../src/api/status.js';
import { executorWith, foldMatches, problem, runStatus, start, startRunning, stepStatuses, workflow } from './testkit.js';

const slow = (ms: number) => ({ durationMs: ms, jitter: 0 });
const par = workflow(
  'par',
  [
    { id: 'f', name: 'Fan', kind: 'parallel' },
    { id: 'a', name: 'Short', kind: 'task', config: slow(1000) },
    { id: 'b', name: 'Long', kind: 'llm', config: slow(5000) },
    { id: 'j', name: 'Join', kind: 'join' },
    { id: 'n', name: 'Next', kind: 'task', config: slow(1000) },
  ],
  [
    { from: 'f', to: 'a' },
    { from: 'f', to: 'b' },
    { from: 'a', to: 'j' },
    { from: 'b', to: 'j' },
    { from: 'j', to: 'n' },
  ],
);
const line = workflow('line', [
  { id: 'a', name: 'One', kind: 'task', config: slow(1000) },
  { id: 'b', name: 'Two', kind: 'task', config: slow(1000) },
  { id: 'c', name: 'Three', kind: 'task', config: slow(1000) },
]);
const gated = workflow('gated', [
  { id: 'a', name: 'One', kind: 'task', config: slow(100) },
  { id: 'r', name: 'Gate', kind: 'review', config: { action: 'Go' } },
  { id: 'b', name: 'Two', kind: 'task', config: slow(100) },
]);



describe('pause and resume', () => {
  it('pause: in-flight steps finish, nothing new starts (held as pending); resume continues', () => {
    const ex = executorWith([line]);
    const id = startRunning(ex, 'line', 500);
    ex.command('line', { command: 'pause', runId: id });
    ex.advance(10_000);
    expect(runStatus(ex, 'line', id)).toBe('paused');
    expect(stepStatuses(ex, 'line', id)).toEqual({ One: 'succeeded', Two: 'pending' });
    ex.command('line', { command: 'resume', runId: id });
    ex.advance(10_000);
    expect(runStatus(ex, 'line', id)).toBe('succeeded');
    expect(foldMatches(ex, 'line', id).ok).toBe(true);
  });

  it('a run whose last step finished while paused completes on resume', () => {
    const ex = executorWith([line]);
    const id = startRunning(ex, 'line', 2500);
    ex.command('line', { command: 'pause', runId: id });
    ex.advance(10_000);
    expect(runStatus(ex, 'line', id)).toBe('paused');
    expect(stepStatuses(ex, 'line', id).Three).toBe('succeeded');
    ex.command('line', { command: 'resume', runId: id });
    expect(runStatus(ex, 'line', id)).toBe('succeeded');
  });

  it('refuses what the status rules refuse, with their code, reason and the current run, changing nothing', () => {
    const ex = executorWith([line]);
    const id = start(ex, 'line');
    const queued = problem(() => ex.command('line', { command: 'pause', runId: id }));
    expect(queued).toMatchObject({ status: 409, code: 'run_not_started', message: runActionAvailability('pause', 'queued').available ? '' : 'The run has not started yet; cancel it instead.' });
    expect((queued.current as { id: string }).id).toBe(id);
    ex.advance(10_000);
    const before = ex.getRun('line', id);
    for (const command of ['pause', 'resume', 'cancel', 'stop'] as const) {
      const p = problem(() => ex.command('line', { command, runId: id }));
      expect(p.status).toBe(409);
      expect(p.code).toBe('run_finished');
    }
    expect(ex.getRun('line', id)).toEqual(before);
  });

  it('a failed run does not resume', () => {
    const ex = executorWith([workflow('bad', [{ id: 'x', name: 'X', kind: 'task', config: { fail: { code: 'e', message: 'no' } } }])]);
    const id = start(ex, 'bad');
    ex.advance(10_000);
    expect(problem(() => ex.command('bad', { command: 'resume', runId: id })).code).toBe('run_failed_no_resume');
  });
});

describe('stop', () => {
  it('immediate: in-flight steps stopped, the rest skipped run_stopped, run canceled operator_stop', () => {
    const ex = executorWith([par]);
    const id = startRunning(ex, 'par', 2000);
    ex.command('par', { command: 'stop', runId: id, params: { mode: 'immediate' } });
    expect(stepStatuses(ex, 'par', id)).toEqual({
      Fan: 'succeeded',
      Short: 'succeeded',
      Long: 'stopped',
      Join: 'skipped:run_stopped',
      Next: 'skipped:run_stopped',
    });
    const { run } = ex.getRun('par', id);
    expect(run).toMatchObject({ status: 'canceled', cancelReason: 'operator_stop', error: null });
    expect(foldMatches(ex, 'par', id).ok).toBe(true);
  });

  it('stop without a mode is immediate', () => {
    const ex = executorWith([par]);
    const id = startRunning(ex, 'par', 2000);
    ex.command('par', { command: 'stop', runId: id });
    expect(runStatus(ex, 'par', id)).toBe('canceled');
  });

  it('graceful: drains in-flight steps, starts nothing new, then skips the rest', () => {
    const ex = executorWith([par]);
    const id = startRunning(ex, 'par', 500);
    ex.command('par', { command: 'stop', runId: id, params: { mode: 'graceful' } });
    expect(runStatus(ex, 'par', id)).toBe('running');
    ex.advance(1000);
    expect(stepStatuses(ex, 'par', id)).toMatchObject({ Short: 'succeeded', Long: 'running' });
    ex.advance(10_000);
    expect(stepStatuses(ex, 'par', id)).toEqual({
      Fan: 'succeeded',
      Short: 'succeeded',
      Long: 'succeeded',
      Join: 'skipped:run_stopped',
      Next: 'skipped:run_stopped',
    });
    expect(ex.getRun('par', id).run).toMatchObject({ status: 'canceled', cancelReason: 'operator_stop' });
    expect(foldMatches(ex, 'par', id).ok).toBe(true);
  });

  it('graceful stop of a run waiting for a review ends at once: the review is stopped, the approval expires', () => {
    const ex = executorWith([gated]);
    const id = start(ex, 'gated');
    ex.advance(5000);
    expect(runStatus(ex, 'gated', id)).toBe('waiting');
    ex.command('gated', { command: 'stop', runId: id, params: { mode: 'graceful' } });
    expect(stepStatuses(ex, 'gated', id)).toEqual({ One: 'succeeded', Gate: 'stopped', Two: 'skipped:run_stopped' });
    expect(ex.listApprovals({}).items[0]!.status).toBe('expired');
    expect(ex.listApprovals({}).pendingCount).toBe(0);
  });

  it('rejects an unknown stop mode with 422', () => {
    const ex = executorWith([par]);
    const id = startRunning(ex, 'par');
    expect(problem(() => ex.command('par', { command: 'stop', runId: id, params: { mode: 'soft' as 'graceful' } })).status).toBe(422);
    expect(runStatus(ex, 'par', id)).toBe('running');
  });
});

describe('cancel', () => {
  it('cancels queued, claimed, paused and waiting runs with operator_cancel; a running run must be stopped', () => {
    const ex = executorWith([line, gated]);
    const queued = start(ex, 'line');
    expect(ex.command('line', { command: 'cancel', runId: queued }).run).toMatchObject({ status: 'canceled', cancelReason: 'operator_cancel', startedAt: null });
    expect(ex.getRun('line', queued).run.queueTimeMs).toBe(0);

    const claimed = start(ex, 'line');
    ex.advance(150);
    expect(runStatus(ex, 'line', claimed)).toBe('claimed');
    ex.command('line', { command: 'cancel', runId: claimed });
    expect(ex.getRun('line', claimed).steps).toEqual([]);

    const run = startRunning(ex, 'line', 100);
    expect(problem(() => ex.command('line', { command: 'cancel', runId: run })).code).toBe('run_running_use_stop');
    ex.command('line', { command: 'pause', runId: run });
    ex.command('line', { command: 'cancel', runId: run });
    expect(stepStatuses(ex, 'line', run)).toEqual({ One: 'canceled', Two: 'skipped:run_stopped', Three: 'skipped:run_stopped' });

    const waiting = start(ex, 'gated');
    ex.advance(5000);
    ex.command('gated', { command: 'cancel', runId: waiting });
    expect(stepStatuses(ex, 'gated', waiting).Gate).toBe('canceled');
    const p = problem(() => ex.decide(ex.listApprovals({ runId: waiting }).items[0]!.id, { decision: 'approve' }, 'x'));
    expect(p.code).toBe('approval_already_decided');
  });
});

describe('transitions from paused', () => {
  const failing = workflow('failing', [
    { id: 'a', name: 'Doomed', kind: 'task', config: { ...slow(2000), fail: { code: 'boom', message: 'Broke while paused' } } },
    { id: 'b', name: 'After', kind: 'task' },
  ]);

  it('a step in flight that fails while paused fails the run (paused → failed)', () => {
    const ex = executorWith([failing]);
    const id = startRunning(ex, 'failing', 500);
    ex.command('failing', { command: 'pause', runId: id });
    ex.advance(5000);
    expect(ex.getRun('failing', id).run).toMatchObject({ status: 'failed', error: { code: 'boom' } });
    const statuses = ex.listEvents('failing', id, 0).items.filter((e) => e.type.startsWith('run_')).map((e) => e.run!.status);
    expect(statuses.slice(-2)).toEqual(['paused', 'failed']);
  });

  it('stop immediate from paused stops the step still in flight', () => {
    const ex = executorWith([line]);
    const id = startRunning(ex, 'line', 500);
    ex.command('line', { command: 'pause', runId: id });
    ex.command('line', { command: 'stop', runId: id, params: { mode: 'immediate' } });
    expect(stepStatuses(ex, 'line', id)).toEqual({ One: 'stopped', Two: 'skipped:run_stopped', Three: 'skipped:run_stopped' });
    expect(ex.getRun('line', id).run).toMatchObject({ status: 'canceled', cancelReason: 'operator_stop' });
  });
});
