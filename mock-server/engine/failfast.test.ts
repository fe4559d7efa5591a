import { describe, expect, it } from 'vitest';
import { executorWith, foldMatches, start, stepNamed, stepStatuses, workflow } from './testkit.js';

// The classic case: branch A fails on a missing credential while branch B is still calling the LLM.
const parallel = workflow(
  'par',
  [
    { id: 'prep', name: 'Prepare', kind: 'task', config: { durationMs: 500, jitter: 0 } },
    { id: 'fan', name: 'Fan out', kind: 'parallel' },
    { id: 'a', name: 'Update CRM', kind: 'integration', config: { provider: 'crm', operation: 'upsert', secret: 'CRM_TOKEN', durationMs: 1000, jitter: 0 } },
    { id: 'b', name: 'Draft reply', kind: 'llm', config: { durationMs: 10_000, jitter: 0 } },
    { id: 'c', name: 'Join', kind: 'join' },
    { id: 'd', name: 'Notify', kind: 'send_message', config: { recipient: 'ops@example.com' } },
  ],
  [
    { from: 'prep', to: 'fan' },
    { from: 'fan', to: 'a' },
    { from: 'fan', to: 'b' },
    { from: 'a', to: 'c' },
    { from: 'b', to: 'c' },
    { from: 'c', to: 'd' },
  ],
);

describe('fail-fast on parallel branches', () => {
  it('fails the step, cancels in-flight siblings, blocks the join and after, and fails the run with the error', () => {
    const ex = executorWith([parallel]);
    const id = start(ex, 'par');
    ex.advance(60_000);
    expect(stepStatuses(ex, 'par', id)).toEqual({
      Prepare: 'succeeded',
      'Fan out': 'succeeded',
      'Update CRM': 'failed',
      'Draft reply': 'canceled',
      Join: 'skipped:blocked',
      Notify: 'skipped:blocked',
    });
    const { run } = ex.getRun('par', id);
    const failing = stepNamed(ex, 'par', id, 'Update CRM');
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({
      code: 'missing_credential',
      message: 'The secret "CRM_TOKEN" is not set.',
      stepId: failing.id,
      providerStatus: 401,
      retryable: false,
    });
    expect(failing.error).toMatchObject({ code: 'missing_credential', providerStatus: 401 });
    expect(run.progress).toEqual({ done: 6, total: 6 });
    // The canceled LLM call ran for a while but produced nothing and charged nothing.
    const canceled = stepNamed(ex, 'par', id, 'Draft reply');
    expect(canceled.durationMs).toBe(1000);
    expect(canceled.outputSize).toBeNull();
    expect(canceled.credits).toBe(0);
    expect(foldMatches(ex, 'par', id).ok).toBe(true);
  });

  it('emits step_failed, step_cancelled and step_skipped with reason blocked, then run_failed last', () => {
    const ex = executorWith([parallel]);
    const id = start(ex, 'par');
    ex.advance(60_000);
    const events = ex.listEvents('par', id, 0).items;
    const types = events.map((e) => e.type);
    const failedAt = types.indexOf('step_failed');
    expect(types.slice(failedAt)).toEqual(['step_failed', 'step_cancelled', 'step_skipped', 'step_skipped', 'run_failed']);
    const skipped = events.find((e) => e.type === 'step_skipped')!;
    expect(skipped.data).toEqual({ skipped: true, reason: 'blocked' });
    expect(events.at(-1)!.severity).toBe('error');
    // Nothing happens to a failed run afterwards.
    const last = ex.getRun('par', id);
    ex.advance(60_000);
    expect(ex.getRun('par', id)).toEqual(last);
  });

  it('succeeds when the credential is given as a per-run secret override', () => {
    const ex = executorWith([parallel]);
    const id = start(ex, 'par', { secrets: { CRM_TOKEN: 'tok-live-123456' } });
    ex.advance(60_000);
    expect(ex.getRun('par', id).run.status).toBe('succeeded');
    expect(stepStatuses(ex, 'par', id).Join).toBe('succeeded');
  });

  it('fails a loop and its iteration when a step inside fails for a real reason', () => {
    const looped = workflow(
      'loopfail',
      [
        { id: 'l', name: 'Each order', kind: 'loop', config: { items: ['a', 'b', 'c'] } },
        { id: 'x', name: 'Charge', kind: 'task', config: { fail: { code: 'card_declined', message: 'Card declined' }, failChance: 1 } },
        { id: 'e', name: 'Done', kind: 'end' },
      ],
      [
        { from: 'l', to: 'x', label: 'body' },
        { from: 'l', to: 'e' },
      ],
    );
    const ex = executorWith([looped]);
    const id = start(ex, 'loopfail');
    ex.advance(60_000);
    const steps = ex.getRun('loopfail', id).steps;
    expect(steps.map((s) => `${s.name}:${s.status}`)).toEqual(['Each order:failed', 'Each order #1:failed', 'Charge:failed', 'Done:skipped']);
    expect(steps[2]!.parentId).toBe(steps[1]!.id);
    expect(steps[2]!.iteration).toEqual({ index: 0, item: 'a' });
    expect(ex.getRun('loopfail', id).run.error?.stepId).toBe(steps[2]!.id);
  });

  it('fails the run with the message of a stop_error node', () => {
    const stop = workflow('stop', [
      { id: 'a', name: 'Check', kind: 'task' },
      { id: 's', name: 'Halt', kind: 'stop_error', config: { message: 'Order total is negative' } },
      { id: 'b', name: 'Ship', kind: 'task' },
    ]);
    const ex = executorWith([stop]);
    const id = start(ex, 'stop');
    ex.advance(60_000);
    const { run } = ex.getRun('stop', id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'stop_error', message: 'Order total is negative', stepId: stepNamed(ex, 'stop', id, 'Halt').id });
    expect(stepStatuses(ex, 'stop', id)).toEqual({ Check: 'succeeded', Halt: 'failed', Ship: 'skipped:blocked' });
  });
});
