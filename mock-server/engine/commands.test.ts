import { describe, expect, it } from 'vitest';
import { runActionAvailability } from '../../src/api/status';
import { ExecutorProblem } from './api';
import { executorWith, foldMatches, runStatus, start, stepStatuses, workflow } from './testkit';

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

function problem(fn: () => unknown): ExecutorProblem {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExecutorProblem) return error;
    throw error;
  }
  throw new Error('expected an ExecutorProblem');
}

/** Starts a run and advances until it has been running for `ms`. */
function running(ex: ReturnType<typeof executorWith>, wf: string, ms = 0): string {
  const id = start(ex, wf);
  for (let i = 0; i < 100 && runStatus(ex, wf, id) !== 'running'; i++) ex.advance(10);
  ex.advance(ms);
  expect(runStatus(ex, wf, id)).toBe('running');
  return id;
}

describe('pause and resume', () => {
  it('pause: in-flight steps finish, nothing new starts (held as pending); resume continues', () => {
    const ex = executorWith([line]);
    const id = running(ex, 'line', 500);
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
    const id = running(ex, 'line', 2500);
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
    const id = running(ex, 'par', 2000);
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
    const id = running(ex, 'par', 2000);
    ex.command('par', { command: 'stop', runId: id });
    expect(runStatus(ex, 'par', id)).toBe('canceled');
  });

  it('graceful: drains in-flight steps, starts nothing new, then skips the rest', () => {
    const ex = executorWith([par]);
    const id = running(ex, 'par', 500);
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
    const id = running(ex, 'par');
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

    const run = running(ex, 'line', 100);
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

describe('replay', () => {
  it('replays a finished run as a new run with trigger replay, its source and new prompt/model', () => {
    const ex = executorWith([{ ...line, models: ['small', 'large'] }]);
    const id = start(ex, 'line', { prompt: 'first try', model: 'small', input: { n: 1 } });
    expect(problem(() => ex.replay('line', id, {})).code).toBe('run_not_finished');
    ex.advance(10_000);
    const { run, created } = ex.replay('line', id, { prompt: 'second try', model: 'large' });
    expect(created).toBe(true);
    expect(run).toMatchObject({
      status: 'queued',
      prompt: 'second try',
      model: 'large',
      replayOf: id,
      trigger: { type: 'replay', sourceRunId: id, sourceWorkflowId: 'line' },
    });
    expect(run.id).not.toBe(id);
    const asIs = ex.replay('line', id, {}).run;
    expect(asIs).toMatchObject({ prompt: 'first try', model: 'small' });
    expect(problem(() => ex.replay('line', id, { model: 'huge' })).status).toBe(422);
  });
});

describe('workflow activation', () => {
  it('deactivating cancels unfinished runs with workflow_deactivated; starting then answers 409 workflow_inactive', () => {
    const ex = executorWith([line, gated]);
    const a = running(ex, 'line', 500);
    const b = start(ex, 'line');
    const other = start(ex, 'gated');
    const workflow = ex.setWorkflowActive('line', false);
    expect(workflow.active).toBe(false);
    expect(ex.getRun('line', a).run).toMatchObject({ status: 'canceled', cancelReason: 'workflow_deactivated' });
    expect(ex.getRun('line', b).run).toMatchObject({ status: 'canceled', cancelReason: 'workflow_deactivated' });
    expect(runStatus(ex, 'gated', other)).not.toBe('canceled');
    const p = problem(() => start(ex, 'line'));
    expect(p).toMatchObject({ status: 409, code: 'workflow_inactive' });
    ex.setWorkflowActive('line', true);
    expect(runStatus(ex, 'line', start(ex, 'line'))).toBe('queued');
  });
});

describe('start parameters and idempotency', () => {
  const typed = workflow('typed', [{ id: 'a', name: 'A', kind: 'task' }], undefined, {
    inputSchema: {
      type: 'object',
      required: ['email', 'count'],
      properties: { email: { type: 'string' }, count: { type: 'integer' }, tier: { type: 'string', enum: ['a', 'b'], default: 'a' } },
    },
    models: ['m1'],
    workloadProfiles: ['small'],
    defaults: { prompt: 'Default prompt', model: 'm1', workloadProfile: 'small' },
  });

  it('validates input against the schema (required, types, enum) and answers 422 with every error', () => {
    const ex = executorWith([typed]);
    const p = problem(() => ex.command('typed', { command: 'start', params: { input: { count: 'three', tier: 'z' }, model: 'nope' } }));
    expect(p.status).toBe(422);
    expect(p.errors?.map((e) => e.field).sort()).toEqual(['input.count', 'input.email', 'input.tier', 'params.model']);
    expect(ex.listRuns({}).items).toHaveLength(0);
  });

  it('fills defaults from the workflow and the schema', () => {
    const ex = executorWith([typed]);
    const { run } = ex.command('typed', { command: 'start', params: { input: { email: 'a@b.c', count: 2 }, mode: 'test', subject: 'a@b.c' } });
    expect(run).toMatchObject({ prompt: 'Default prompt', model: 'm1', workloadProfile: 'small', mode: 'test', subject: 'a@b.c', trigger: { type: 'manual', label: 'Manual run' } });
    expect(ex.getContext('typed', run.id).variables.input).toEqual({ email: 'a@b.c', count: 2, tier: 'a' });
  });

  it('the same Idempotency-Key starts one run and answers it again with created: false', () => {
    const ex = executorWith([line]);
    const first = ex.command('line', { command: 'start', params: { prompt: 'x' } }, 'key-1');
    const again = ex.command('line', { command: 'start', params: { prompt: 'x' } }, 'key-1');
    expect(first.created).toBe(true);
    expect(again).toEqual({ run: first.run, created: false });
    expect(ex.listRuns({}).items).toHaveLength(1);
    expect(problem(() => ex.command('line', { command: 'start', params: { prompt: 'y' } }, 'key-1')).code).toBe('idempotency_key_reused');
    const pauseKey = running(ex, 'line');
    ex.command('line', { command: 'pause', runId: pauseKey }, 'pause-1');
    expect(ex.command('line', { command: 'pause', runId: pauseKey }, 'pause-1').created).toBe(false);
  });

  it('never returns secret or env override values, only their names', () => {
    const ex = executorWith([
      workflow('sec', [
        { id: 'i', name: 'Call API', kind: 'integration', config: { provider: 'crm', operation: 'get', secret: 'API_KEY' } },
        { id: 'l', name: 'Write', kind: 'llm' },
      ]),
    ]);
    const { run } = ex.command('sec', {
      command: 'start',
      params: { prompt: 'use sk-live-9f8e7d6c5b please', secrets: { API_KEY: 'sk-live-9f8e7d6c5b' }, env: { REGION: 'eu-west-secret-1' } },
    });
    ex.advance(60_000);
    expect(run.overrides).toEqual({ env: ['REGION'], secrets: ['API_KEY'] });
    const step = ex.getRun('sec', run.id).steps[0]!;
    const input = ex.getPayload('sec', run.id, step.id, 'input', 0, 65536).data;
    expect(input).toContain('Bearer [redacted]');
    const everything = JSON.stringify([
      ex.getRun('sec', run.id),
      ex.listEvents('sec', run.id, 0),
      ex.getContext('sec', run.id),
      ex.listRuns({}),
      ex.searchLogs({}),
      input,
    ]);
    expect(everything).not.toContain('sk-live-9f8e7d6c5b');
    expect(everything).not.toContain('eu-west-secret-1');
    expect(everything).toContain('API_KEY');
  });

  it('answers 404 for unknown workflows and runs, and for a run of another workflow', () => {
    const ex = executorWith([line, gated]);
    const id = start(ex, 'line');
    expect(problem(() => ex.command('nope', { command: 'start' })).code).toBe('workflow_not_found');
    expect(problem(() => ex.command('line', { command: 'pause', runId: 'run_zzzzzzz' })).code).toBe('run_not_found');
    expect(problem(() => ex.getRun('gated', id)).code).toBe('run_not_found');
    expect(problem(() => ex.command('line', { command: 'jump' } as never)).status).toBe(422);
  });
});
