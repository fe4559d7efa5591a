import { describe, expect, it } from 'vitest';
import { createHandlers } from './handlers.js';
import { call } from './testing/call.js';
import { FakeExecutor } from './testing/fake-executor.js';

function setup() {
  const executor = new FakeExecutor();
  return { executor, handlers: createHandlers(executor, { onUnexpectedError: () => {} }) };
}

const command = '/v1/workflows/wf_fake/command';
const SECRET = 'sk-live-7f3a9c-do-not-echo';

describe('request bodies with keys the API does not know', () => {
  it('refuses start params it does not know, naming each key and never the values sent', async () => {
    const { executor, handlers } = setup();
    const body = { command: 'start', params: { prompt: 'Hi', overrides: { secrets: { API_KEY: SECRET } }, secret: SECRET }, force: true };
    const res = await call(handlers, 'POST', command, { body });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'invalid_body' });
    expect(res.body.errors).toEqual([
      { field: 'params.overrides', message: 'is not a known field' },
      { field: 'params.secret', message: 'is not a known field' },
      { field: 'force', message: 'is not a known field' },
    ]);
    expect(res.body.detail).toContain('params.overrides');
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    expect(executor.last('command')).toBeUndefined();
  });

  it.each([
    ['pause', { command: 'pause', runId: 'run_1', mode: 'graceful' }, ['mode']],
    ['pause with params', { command: 'pause', runId: 'run_1', params: {} }, ['params']],
    ['resume', { command: 'resume', runId: 'run_1', reason: 'x' }, ['reason']],
    ['cancel', { command: 'cancel', runId: 'run_1', cancelReason: 'operator_cancel' }, ['cancelReason']],
    ['stop params', { command: 'stop', runId: 'run_1', params: { mode: 'graceful', timeoutMs: 5 } }, ['params.timeoutMs']],
    ['start beside other errors', { command: 'start', params: { mode: 'prod', env: { A: '1' }, envs: {} } }, ['params.mode', 'params.envs']],
  ])('refuses unknown keys of a %s command', async (_name, body, fields) => {
    const { executor, handlers } = setup();
    const res = await call(handlers, 'POST', command, { body });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect(executor.last('command')).toBeUndefined();
  });

  it('accepts every documented start param, trigger included, and passes them on', async () => {
    const { executor, handlers } = setup();
    const params = {
      prompt: 'p',
      model: 'm',
      workloadProfile: 'w',
      trigger: 'api',
      mode: 'test',
      subject: 's@example.com',
      input: { anything: { nested: true } },
      env: { REGION: 'eu' },
      secrets: { TOKEN: SECRET },
    };
    const res = await call(handlers, 'POST', command, { body: { command: 'start', params } });
    expect(res.status).toBe(202);
    expect(executor.last('command')).toEqual(['wf_fake', { command: 'start', params }, null]);
  });

  it('refuses unknown keys of replay, decision and clock bodies too', async () => {
    const { handlers } = setup();
    const replay = await call(handlers, 'POST', '/v1/workflows/wf_fake/runs/run_1/replay', { body: { prompt: 'again', secrets: { K: SECRET } } });
    expect([replay.status, replay.body.errors]).toEqual([422, [{ field: 'secrets', message: 'is not a known field' }]]);
    const decision = await call(handlers, 'POST', '/v1/approvals/apr_1/decision', { body: { decision: 'approve', note: 'ok' } });
    expect([decision.status, decision.body.errors]).toEqual([422, [{ field: 'note', message: 'is not a known field' }]]);
    const clock = await call(handlers, 'POST', '/v1/_dev/clock', { body: { advanceMs: 1000, speed: 2 } });
    expect([clock.status, clock.body.errors]).toEqual([422, [{ field: 'speed', message: 'is not a known field' }]]);
    expect(JSON.stringify(replay.body)).not.toContain(SECRET);
  });

  it('refuses unknown keys of a bulk request, inside its filter too, and creates no job', async () => {
    const { executor, handlers } = setup();
    const body = { action: 'cancel', filter: { status: ['queued'], sort: '-queuedAt', cursor: 'c' }, dryRun: true };
    const res = await call(handlers, 'POST', '/v1/runs/bulk', { body });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['filter.sort', 'filter.cursor', 'dryRun']);
    expect(executor.last('createBulkJob')).toBeUndefined();
    const ok = await call(handlers, 'POST', '/v1/runs/bulk', { body: { action: 'cancel', filter: { status: ['queued'] } } });
    expect(ok.status).toBe(202);
    expect(executor.last('createBulkJob')).toEqual([{ action: 'cancel', filter: { status: ['queued'] } }, null]);
  });

  it('keeps the answer small for absurd keys', async () => {
    const { handlers } = setup();
    const params = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}_${'x'.repeat(1000)}`, SECRET]));
    const res = await call(handlers, 'POST', command, { body: { command: 'start', params } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(20);
    expect(res.body.errors[0].field.length).toBeLessThan(120);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });
});
