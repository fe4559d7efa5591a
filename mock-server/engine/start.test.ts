import { describe, expect, it } from 'vitest';
import { executorWith, problem, runStatus, start, startRunning, stepStatuses, workflow } from './testkit.js';

const slow = (ms: number) => ({ durationMs: ms, jitter: 0 });
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
    const a = startRunning(ex, 'line', 500);
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
    const pauseKey = startRunning(ex, 'line');
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

  it('refuses keys a command does not take (422 naming each, values never repeated) and starts nothing', () => {
    const ex = executorWith([line]);
    const sent = { command: 'start', params: { prompt: 'x', overrides: { secrets: { API_KEY: 'sk-live-00aa11bb' } } }, priority: 1 };
    const p = problem(() => ex.command('line', sent as never));
    expect(p).toMatchObject({ status: 422, code: 'invalid_body' });
    expect(p.errors).toEqual([
      { field: 'priority', message: 'Unknown field.' },
      { field: 'params.overrides', message: 'Unknown field.' },
    ]);
    expect(JSON.stringify({ detail: p.message, errors: p.errors })).not.toContain('sk-live-00aa11bb');
    expect(ex.listRuns({}).items).toHaveLength(0);
    const id = startRunning(ex, 'line');
    expect(problem(() => ex.command('line', { command: 'pause', runId: id, params: {} } as never)).errors).toEqual([{ field: 'params', message: 'Unknown field.' }]);
    const stop = { command: 'stop', runId: id, params: { mode: 'graceful', force: true } };
    expect(problem(() => ex.command('line', stop as never)).errors).toEqual([{ field: 'params.force', message: 'Unknown field.' }]);
    expect(problem(() => ex.command('line', { command: 'start', params: { trigger: 'robot' } } as never)).errors).toEqual([
      { field: 'params.trigger', message: 'Must be manual or api.' },
    ]);
    expect(runStatus(ex, 'line', id)).toBe('running');
    ex.advance(10_000);
    expect(problem(() => ex.replay('line', id, { prompt: 'again', secrets: {} } as never)).errors).toEqual([{ field: 'secrets', message: 'Unknown field.' }]);
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

describe('more rules', () => {
  it('pause while waiting for a review; a decision while paused starts nothing; resume goes back to work', () => {
    const ex = executorWith([gated]);
    const id = start(ex, 'gated');
    ex.advance(5000);
    expect(runStatus(ex, 'gated', id)).toBe('waiting');
    ex.command('gated', { command: 'pause', runId: id });
    ex.decide(ex.listApprovals({}).items[0]!.id, { decision: 'approve' }, 'x');
    ex.advance(5000);
    expect(runStatus(ex, 'gated', id)).toBe('paused');
    expect(stepStatuses(ex, 'gated', id)).toEqual({ One: 'succeeded', Gate: 'succeeded', Two: 'pending' });
    ex.command('gated', { command: 'resume', runId: id });
    ex.advance(5000);
    expect(runStatus(ex, 'gated', id)).toBe('succeeded');
  });

  it('resuming a paused run whose only open step is a review goes back to waiting', () => {
    const ex = executorWith([gated]);
    const id = start(ex, 'gated');
    ex.advance(5000);
    ex.command('gated', { command: 'pause', runId: id });
    ex.command('gated', { command: 'resume', runId: id });
    expect(runStatus(ex, 'gated', id)).toBe('waiting');
    const types = ex.listEvents('gated', id, 0).items.map((e) => e.type).filter((t) => t.startsWith('run_'));
    expect(types.slice(-3)).toEqual(['run_paused', 'run_resumed', 'run_waiting']);
  });

  it('publishing a new version invalidates runs no worker has started; running ones keep their version', () => {
    const ex = executorWith([line]);
    const runningId = startRunning(ex, 'line');
    const queued = start(ex, 'line');
    ex.registerWorkflow({ ...line, name: 'Line v2' });
    expect(ex.getRun('line', queued).run).toMatchObject({ status: 'canceled', cancelReason: 'invalidated', workflowVersion: 1 });
    ex.advance(10_000);
    expect(ex.getRun('line', runningId).run).toMatchObject({ status: 'succeeded', workflowVersion: 1 });
    expect(ex.getWorkflow('line')).toMatchObject({ version: 2, name: 'Line v2' });
    expect(() => ex.registerWorkflow({ ...line, version: 1 })).toThrow(/higher version/);
  });

  it('lists workflows in pages without their secrets or webhook secret', () => {
    const ex = executorWith([
      { ...line, secrets: { TOKEN: 'tok-very-secret-1' }, webhookSecret: 'whsec_aGlkZGVuLXNpZ25pbmcta2V5' },
      gated,
      workflow('third', [{ id: 'a', name: 'A', kind: 'task' }]),
    ]);
    const first = ex.listWorkflows(undefined, 2);
    const second = ex.listWorkflows(first.nextCursor!, 2);
    expect([...first.items, ...second.items].map((w) => w.id)).toEqual(['line', 'gated', 'third']);
    expect(second.nextCursor).toBeNull();
    const json = JSON.stringify(first);
    expect(json).not.toContain('tok-very-secret-1');
    expect(json).not.toContain('whsec_aGlkZGVuLXNpZ25pbmcta2V5');
    expect(first.items[0]!.graph.nodes.map((n) => n.kind)).toEqual(['task', 'task', 'task']);
    expect(problem(() => ex.getWorkflow('nope')).code).toBe('workflow_not_found');
  });

  it('start with params.trigger "api" is labeled as an API run; a replay with a key is idempotent', () => {
    const ex = executorWith([line]);
    const { run } = ex.command('line', { command: 'start', params: { trigger: 'api' } as never });
    expect(run.trigger).toMatchObject({ type: 'api', label: 'API' });
    ex.advance(10_000);
    const a = ex.replay('line', run.id, {}, 'replay-key');
    const b = ex.replay('line', run.id, {}, 'replay-key');
    expect(b).toEqual({ run: a.run, created: false });
  });
});
