import { describe, expect, it } from 'vitest';
import type { Executor } from './executorTypes.js';
import { executorWith, foldMatches, problem, start, stepStatuses, workflow } from './testkit.js';

// Prepare → capture a plan → branch on it → loop of three → a flaky publish → notify.
const flaky = workflow(
  'pub',
  [
    { id: 'prep', name: 'Prepare', kind: 'task', config: { durationMs: 500, jitter: 0 } },
    {
      id: 'crm',
      name: 'Look up plan',
      kind: 'integration',
      config: { provider: 'crm', operation: 'get', response: { plan: 'pro' }, capture: ['plan'], durationMs: 300, jitter: 0 },
    },
    { id: 'isPro', name: 'Is pro?', kind: 'branch', config: { condition: { path: 'captured.plan', op: 'eq', value: 'pro' } } },
    { id: 'each', name: 'Each section', kind: 'loop', config: { items: ['a', 'b', 'c'] } },
    { id: 'write', name: 'Write section', kind: 'llm', config: { durationMs: 1000, jitter: 0 } },
    { id: 'basic', name: 'Basic path', kind: 'task' },
    {
      id: 'publish',
      name: 'Publish',
      kind: 'task',
      config: { durationMs: 200, jitter: 0, fail: { code: 'upstream_unavailable', message: 'Publisher answered 503', providerStatus: 503, retryable: true }, failChance: 0.5 },
    },
    { id: 'notify', name: 'Notify', kind: 'send_message', config: { recipient: 'ops@example.com', deliveryDelayMs: 100 } },
  ],
  [
    { from: 'prep', to: 'crm' },
    { from: 'crm', to: 'isPro' },
    { from: 'isPro', to: 'each', label: 'true' },
    { from: 'isPro', to: 'basic', label: 'false' },
    { from: 'each', to: 'write', label: 'body' },
    { from: 'each', to: 'publish' },
    { from: 'basic', to: 'publish' },
    { from: 'publish', to: 'notify' },
  ],
);

/** A run of `pub` that failed at Publish (seeded: the first seed whose first run fails there). */
function failedRun(): { ex: Executor; id: string } {
  for (let seed = 1; seed < 50; seed++) {
    const ex = executorWith([flaky], { seed });
    const id = start(ex, 'pub');
    ex.advance(60_000);
    if (ex.getRun('pub', id).run.status === 'failed') return { ex, id };
  }
  throw new Error('no seed made Publish fail');
}

const retry = (ex: Executor, id: string, key?: string) => ex.replay('pub', id, { from: 'failed_step' }, key).run;

describe('retry from the failed step', () => {
  it('takes over what succeeded before the failure and executes the failed step and what follows', () => {
    const { ex, id } = failedRun();
    const source = ex.getRun('pub', id);
    expect(source.run.error).toMatchObject({ code: 'upstream_unavailable', stepId: source.steps.find((s) => s.name === 'Publish')!.id });

    // Retried until Publish succeeds (it fails half the time): each retry takes over from the one before.
    let current = id;
    let retried = retry(ex, current);
    expect(retried).toMatchObject({
      status: 'queued',
      replayOf: id,
      trigger: { type: 'replay', sourceRunId: id, label: `Retry of ${id} from its failed step` },
    });
    for (let i = 0; i < 20; i++) {
      ex.advance(60_000);
      if (ex.getRun('pub', retried.id).run.status === 'succeeded') break;
      current = retried.id;
      retried = retry(ex, current);
    }
    const after = ex.getRun('pub', retried.id);
    expect(after.run.status).toBe('succeeded');
    const byName = (name: string) => after.steps.filter((s) => s.name === name);
    const sourceSteps = ex.getRun('pub', current).steps;

    // Work steps (the integration, each loop iteration's model call) are reused, matched by place: iteration i ← iteration i.
    for (const step of [...byName('Prepare'), ...byName('Look up plan'), ...byName('Write section')]) {
      const from = sourceSteps.find((s) => s.id === step.reusedFrom)!;
      expect(from, step.name).toBeDefined();
      expect(from.nodeId).toBe(step.nodeId);
      expect(from.iteration?.index).toBe(step.iteration?.index);
      expect(step).toMatchObject({ status: 'succeeded', startedAt: null, durationMs: null, attempts: 0, credits: 0, outputSize: from.outputSize });
    }
    expect(byName('Write section')).toHaveLength(3);
    // Control steps run again over the restored variables, so the branch takes the same side.
    expect(stepStatuses(ex, 'pub', retried.id)).toMatchObject({ 'Is pro?': 'succeeded', 'Basic path': 'skipped:branch_not_taken' });
    expect(byName('Is pro?')[0]!.reusedFrom ?? null).toBeNull();
    // The failed step and everything after it executed.
    for (const name of ['Publish', 'Notify']) {
      const [step] = byName(name);
      expect(step).toMatchObject({ status: 'succeeded', reusedFrom: null });
      expect(step!.startedAt).not.toBeNull();
      expect(step!.attempts).toBeGreaterThanOrEqual(1);
    }
    // A reused output reads the same as the source's.
    const write = byName('Write section')[1]!;
    const chunk = ex.getPayload('pub', retried.id, write.id, 'output', 0, 10_000);
    expect(chunk.data).toBe(ex.getPayload('pub', current, write.reusedFrom!, 'output', 0, 10_000).data);
    // Only what executed was charged (the reused model calls cost nothing), and the log tells which steps were reused.
    expect(after.run.creditsUsed).toBe(after.steps.reduce((sum, s) => sum + s.credits, 0));
    expect(after.steps.filter((s) => s.reusedFrom).every((s) => s.credits === 0)).toBe(true);
    expect(after.run.creditsUsed).toBeLessThan(ex.getRun('pub', id).run.creditsUsed);
    const events = ex.listEvents('pub', retried.id, 0, 5000).items;
    expect(events.filter((e) => e.message.includes('reused')).length).toBe(after.steps.filter((s) => s.reusedFrom).length);
    expect(foldMatches(ex, 'pub', retried.id).ok).toBe(true);
  });

  it('reuses a sent message instead of sending it again', () => {
    const sent = workflow('sent', [
      { id: 'tell', name: 'Tell the customer', kind: 'send_message', config: { recipient: 'c@example.com', deliveryDelayMs: 10 } },
      { id: 'fail', name: 'Sync', kind: 'task', config: { fail: { code: 'sync_failed', message: 'Sync failed' }, failChance: 0.5 } },
    ]);
    for (let seed = 1; seed < 50; seed++) {
      const ex = executorWith([sent], { seed });
      const id = start(ex, 'sent');
      ex.advance(10_000);
      if (ex.getRun('sent', id).run.status !== 'failed') continue;
      const deliveries = ex.listDeliveries({}).items.length;
      const retried = ex.replay('sent', id, { from: 'failed_step' }).run;
      ex.advance(10_000);
      const tell = ex.getRun('sent', retried.id).steps.find((s) => s.name === 'Tell the customer')!;
      expect(tell.deliveryId).toBe(ex.getRun('sent', id).steps[0]!.deliveryId);
      expect(ex.listDeliveries({}).items).toHaveLength(deliveries);
      return;
    }
    throw new Error('no seed made Sync fail');
  });

  it('reuses a paginated request with all its pages, and puts back captures in order (a later overwrite wins only where it came later)', () => {
    const paged = workflow(
      'paged',
      [
        { id: 'first', name: 'First lookup', kind: 'integration', config: { provider: 'crm', operation: 'get', response: { flag: 'x' }, capture: ['flag'], durationMs: 100, jitter: 0 } },
        { id: 'check', name: 'Flag is x?', kind: 'branch', config: { condition: { path: 'captured.flag', op: 'eq', value: 'x' } } },
        { id: 'yes', name: 'Yes path', kind: 'task', config: { durationMs: 100, jitter: 0 } },
        { id: 'no', name: 'No path', kind: 'task', config: { durationMs: 100, jitter: 0 } },
        { id: 'pages', name: 'List invoices', kind: 'http', config: { url: 'https://billing.example.com/invoices', pages: 3, durationMs: 100, jitter: 0 } },
        { id: 'second', name: 'Second lookup', kind: 'integration', config: { provider: 'crm', operation: 'get', response: { flag: 'y' }, capture: ['flag'], durationMs: 100, jitter: 0 } },
        { id: 'boom', name: 'Post', kind: 'task', config: { durationMs: 100, jitter: 0, fail: { code: 'down', message: 'Down' }, failChance: 0.5 } },
      ],
      [
        { from: 'first', to: 'check' },
        { from: 'check', to: 'yes', label: 'true' },
        { from: 'check', to: 'no', label: 'false' },
        { from: 'yes', to: 'pages' },
        { from: 'no', to: 'pages' },
        { from: 'pages', to: 'second' },
        { from: 'second', to: 'boom' },
      ],
    );
    for (let seed = 1; seed < 50; seed++) {
      const ex = executorWith([paged], { seed });
      const id = start(ex, 'paged');
      ex.advance(60_000);
      if (ex.getRun('paged', id).run.status !== 'failed') continue;
      const retried = ex.replay('paged', id, { from: 'failed_step' }).run;
      ex.advance(60_000);
      const { run, steps } = ex.getRun('paged', retried.id);
      // The branch read "x" (what First lookup captured), not the "y" Second lookup wrote later: same path as the source.
      expect(stepStatuses(ex, 'paged', retried.id)).toMatchObject({ 'Yes path': 'succeeded', 'No path': 'skipped:branch_not_taken' });
      const pages = steps.filter((s) => s.page !== null);
      expect(pages.map((s) => [s.page, Boolean(s.reusedFrom), s.credits])).toEqual([
        [1, true, 0],
        [2, true, 0],
        [3, true, 0],
      ]);
      expect(steps.find((s) => s.name === 'List invoices')).toMatchObject({ reusedFrom: expect.any(String), credits: 0 });
      // Only Post ran (and branches, which cost nothing): the retry cost less than the source.
      expect(run.creditsUsed).toBeLessThan(ex.getRun('paged', id).run.creditsUsed);
      expect(ex.getContext('paged', retried.id).variables).toMatchObject({ captured: { flag: 'y' } });
      expect(foldMatches(ex, 'paged', retried.id).ok).toBe(true);
      return;
    }
    throw new Error('no seed made Post fail');
  });

  it('reuses an approved review instead of asking again', () => {
    const reviewed = workflow('reviewed', [
      { id: 'ok', name: 'Approve refund', kind: 'review', config: { action: 'Refund', expiresInMs: null } },
      { id: 'pay', name: 'Pay', kind: 'task', config: { durationMs: 100, jitter: 0, fail: { code: 'declined', message: 'Declined' }, failChance: 0.5 } },
    ]);
    for (let seed = 1; seed < 50; seed++) {
      const ex = executorWith([reviewed], { seed });
      const id = start(ex, 'reviewed');
      ex.advance(5_000);
      const approval = ex.listApprovals({ status: ['pending'] }).items[0]!;
      ex.decide(approval.id, { decision: 'approve' }, 'ann');
      ex.advance(5_000);
      if (ex.getRun('reviewed', id).run.status !== 'failed') continue;
      const retried = ex.replay('reviewed', id, { from: 'failed_step' }).run;
      ex.advance(5_000);
      expect(ex.listApprovals({ status: ['pending'] }).items).toHaveLength(0);
      expect(ex.getRun('reviewed', retried.id).steps[0]).toMatchObject({ status: 'succeeded', approvalId: approval.id, reusedFrom: expect.any(String) });
      return;
    }
    throw new Error('no seed made Pay fail');
  });

  it('refuses a retry with a new prompt or model, and a retry after the workflow changed', () => {
    const { ex, id } = failedRun();
    expect(problem(() => ex.replay('pub', id, { from: 'failed_step', model: 'other' }))).toMatchObject({ status: 422, code: 'invalid_body' });
    ex.registerWorkflow({ ...flaky, version: 2 });
    expect(problem(() => ex.replay('pub', id, { from: 'failed_step' }))).toMatchObject({ status: 409, code: 'workflow_changed' });
    // A plain replay still works: it runs everything on the new version.
    expect(ex.replay('pub', id, {}).run.workflowVersion).toBe(2);
  });

  it('refuses runs that did not fail and invalid requests, starting nothing', () => {
    const ok = workflow('ok', [{ id: 'a', name: 'A', kind: 'task' }]);
    const ex = executorWith([ok]);
    const id = start(ex, 'ok');
    const before = ex.listRuns({}).items.length;
    expect(problem(() => ex.replay('ok', id, { from: 'failed_step' }))).toMatchObject({ status: 409, code: 'run_not_finished' });
    ex.advance(60_000);
    expect(problem(() => ex.replay('ok', id, { from: 'failed_step' }))).toMatchObject({
      status: 409,
      code: 'run_not_failed',
      message: 'Only a failed run can be retried from its failed step.',
    });
    expect(problem(() => ex.replay('ok', id, { from: 'somewhere' as never }))).toMatchObject({ status: 422, code: 'invalid_body' });
    expect(ex.listRuns({}).items).toHaveLength(before);
  });

  it('answers the same run for the same idempotency key; a plain replay runs every step again; replays are listed by source', () => {
    const { ex, id } = failedRun();
    const first = retry(ex, id, 'k-1');
    expect(retry(ex, id, 'k-1').id).toBe(first.id);
    const plain = ex.replay('pub', id, {}).run;
    ex.advance(60_000);
    expect(ex.getRun('pub', plain.id).steps.every((s) => !s.reusedFrom)).toBe(true);
    // The source's replays, retries included, are listed by the replayOf filter (and counted by it).
    expect(ex.listRuns({ replayOf: id }).items.map((r) => r.id).sort()).toEqual([first.id, plain.id].sort());
    expect(ex.listRuns({ replayOf: plain.id }).items).toEqual([]);
    expect(ex.countRuns({ replayOf: id }).total).toBe(2);
  });
});
