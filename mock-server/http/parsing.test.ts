import { describe, expect, it } from 'vitest';
import { createHandlers } from './handlers.js';
import { call } from './testing/call.js';
import { FakeExecutor } from './testing/fake-executor.js';

function setup() {
  const executor = new FakeExecutor();
  return { executor, handlers: createHandlers(executor, { onUnexpectedError: () => {} }) };
}

describe('query parameters', () => {
  it('passes every run-feed filter to the executor, parsed', async () => {
    const { executor, handlers } = setup();
    const res = await call(
      handlers,
      'GET',
      '/v1/runs?status=failed,running&status=queued&workflowId=wf_a&subject=a%40b.c&q=run_&from=2026-11-20T00:00:00%2B01:00' +
        '&to=2026-11-21&trigger=manual,webhook&mode=live&model=m1&sort=-runTimeMs&cursor=abc&limit=500',
    );
    expect(res.status).toBe(200);
    expect(executor.last('listRuns')).toEqual([
      {
        status: ['failed', 'running', 'queued'],
        workflowId: 'wf_a',
        subject: 'a@b.c',
        q: 'run_',
        from: '2026-11-19T23:00:00.000Z',
        to: '2026-11-21T00:00:00.000Z',
        trigger: ['manual', 'webhook'],
        mode: 'live',
        model: 'm1',
        sort: '-runTimeMs',
        cursor: 'abc',
        limit: 500,
      },
    ]);
  });

  it('reports every invalid parameter at once, as a 400 with errors, and does not call the executor', async () => {
    const { executor, handlers } = setup();
    const res = await call(handlers, 'GET', '/v1/runs?status=done&limit=0&sort=name&from=yesterday&mode=prod');
    expect(res.status).toBe(400);
    expect(res.contentType).toBe('application/problem+json');
    expect(res.body.code).toBe('invalid_query');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['status', 'from', 'mode', 'sort', 'limit']);
    expect(res.body.errors[0].message).toContain('"done"');
    expect(executor.last('listRuns')).toBeUndefined();
  });

  it('refuses a time range that ends before it starts', async () => {
    const { handlers } = setup();
    const res = await call(handlers, 'GET', '/v1/runs?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'to', message: 'must not be before from' }]);
  });

  it('applies the documented defaults and limits of events, steps and payload chunks', async () => {
    const { executor, handlers } = setup();
    await call(handlers, 'GET', '/v1/workflows/wf_fake/runs/run_1/events');
    expect(executor.last('listEvents')).toEqual(['wf_fake', 'run_1', 0, 500]);
    await call(handlers, 'GET', '/v1/workflows/wf_fake/runs/run_1/events?after=7&limit=5000');
    expect(executor.last('listEvents')).toEqual(['wf_fake', 'run_1', 7, 5000]);
    expect((await call(handlers, 'GET', '/v1/workflows/wf_fake/runs/run_1/events?limit=5001')).status).toBe(400);
    expect((await call(handlers, 'GET', '/v1/workflows/wf_fake/runs/run_1/events?after=-1')).status).toBe(400);
    await call(handlers, 'GET', '/v1/workflows/wf_fake/runs/run_1/steps?limit=5000&cursor=c2');
    expect(executor.last('listSteps')).toEqual(['wf_fake', 'run_1', 'c2', 5000]);
    await call(handlers, 'GET', '/v1/workflows/wf_fake/runs/run_1/steps/s1/payload/output');
    expect(executor.last('getPayload')).toEqual(['wf_fake', 'run_1', 's1', 'output', 0, 65536]);
    const part = await call(handlers, 'GET', '/v1/workflows/wf_fake/runs/run_1/steps/s1/payload/secrets?limit=2000000');
    expect(part.status).toBe(400);
    expect(part.body.errors.map((e: { field: string }) => e.field)).toEqual(['part', 'limit']);
  });

  it('parses approval, delivery, log and analytics filters', async () => {
    const { executor, handlers } = setup();
    await call(handlers, 'GET', '/v1/approvals?status=pending,expired&runId=run_1&limit=10');
    expect(executor.last('listApprovals')).toEqual([{ status: ['pending', 'expired'], runId: 'run_1', cursor: undefined, limit: 10 }]);
    await call(handlers, 'GET', '/v1/deliveries?runId=run_1');
    expect(executor.last('listDeliveries')).toEqual([{ runId: 'run_1', cursor: undefined, limit: undefined }]);
    await call(handlers, 'GET', '/v1/logs?severity=error,warn&type=step_failed,custom_type&q=timeout&workflowId=wf_a');
    expect(executor.last('searchLogs')).toEqual([
      { severity: ['error', 'warn'], type: ['step_failed', 'custom_type'], runId: undefined, workflowId: 'wf_a', q: 'timeout', cursor: undefined, limit: undefined },
    ]);
    await call(handlers, 'GET', '/v1/analytics/summary');
    expect(executor.last('analytics')).toEqual(['24h']);
    await call(handlers, 'GET', '/v1/analytics/summary?window=custom&from=2026-11-01T00:00:00Z&to=2026-11-08');
    expect(executor.last('analytics')).toEqual([{ window: 'custom', from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' }]);
    expect((await call(handlers, 'GET', '/v1/analytics/summary?window=custom&from=yesterday')).status).toBe(400);
    expect((await call(handlers, 'GET', '/v1/analytics/summary?window=1y')).status).toBe(400);
    expect((await call(handlers, 'GET', '/v1/logs?severity=fatal')).status).toBe(400);
  });
});

describe('request bodies', () => {
  const command = '/v1/workflows/wf_fake/command';

  it('accepts JSON without a JSON content type (curl -d) and passes the Idempotency-Key', async () => {
    const { executor, handlers } = setup();
    const res = await call(handlers, 'POST', command, {
      rawBody: '{"command":"stop","runId":"run_1","params":{"mode":"graceful"}}',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': 'k-1' },
    });
    expect(res.status).toBe(202);
    expect(res.body.run.id).toBe('run_1');
    expect(res.headers.get('Idempotent-Replayed')).toBeNull();
    expect(executor.last('command')).toEqual(['wf_fake', { command: 'stop', runId: 'run_1', params: { mode: 'graceful' } }, 'k-1']);
  });

  it('marks an answer repeated for a used Idempotency-Key', async () => {
    const { handlers } = setup();
    const res = await call(handlers, 'POST', command, { body: { command: 'start' }, headers: { 'Idempotency-Key': 'used-key' } });
    expect(res.status).toBe(202);
    expect(res.headers.get('Idempotent-Replayed')).toBe('true');
  });

  it.each([
    ['no body', undefined, [{ field: 'body', message: 'is required' }], 'invalid_body'],
    ['not JSON', '{command: start', [{ field: 'body' }], 'invalid_json'],
    ['an array', '[]', [{ field: 'body' }], 'invalid_body'],
    ['an unknown command', '{"command":"restart"}', [{ field: 'command' }], 'invalid_body'],
    ['pause without runId', '{"command":"pause"}', [{ field: 'runId', message: 'is required' }], 'invalid_body'],
    ['a bad stop mode', '{"command":"stop","runId":"r","params":{"mode":"soon"}}', [{ field: 'params.mode' }], 'invalid_body'],
    ['secrets that are not strings', '{"command":"start","params":{"secrets":{"K":1}}}', [{ field: 'params.secrets.K' }], 'invalid_body'],
  ])('answers 422 for %s, changing nothing', async (_name, rawBody, errors, code) => {
    const { executor, handlers } = setup();
    const res = await call(handlers, 'POST', command, { rawBody });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 422, code, errors });
    expect(executor.last('command')).toBeUndefined();
  });

  it('refuses an Idempotency-Key over 255 characters', async () => {
    const { handlers } = setup();
    const res = await call(handlers, 'POST', command, { body: { command: 'start' }, headers: { 'Idempotency-Key': 'k'.repeat(256) } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'must be at most 255 characters' }]);
  });

  it('replays with an empty body, answers 201 with the new run and its Location', async () => {
    const { executor, handlers } = setup();
    const res = await call(handlers, 'POST', '/v1/workflows/wf_fake/runs/run_1/replay');
    expect(res.status).toBe(201);
    expect(res.headers.get('Location')).toBe('/v1/workflows/wf_fake/runs/run_2');
    expect(executor.last('replay')).toEqual(['wf_fake', 'run_1', {}, null]);
    const bad = await call(handlers, 'POST', '/v1/workflows/wf_fake/runs/run_1/replay', { body: { model: 7 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: 'model', message: 'must be a string' }]);
  });

  it('gives the webhook the raw body and its signature headers', async () => {
    const { executor, handlers } = setup();
    const raw = '{ "b": 1,   "a": 2 }';
    const res = await call(handlers, 'POST', '/v1/webhooks/wf_fake', {
      rawBody: raw,
      headers: { 'Webhook-Id': 'msg_1', 'Webhook-Timestamp': '1763715600', 'Webhook-Signature': 'v1=abc' },
    });
    expect(res.status).toBe(202);
    expect(executor.last('webhook')).toEqual(['wf_fake', { id: 'msg_1', timestamp: '1763715600', signature: 'v1=abc', body: raw }]);
  });

  it('validates decisions and the clock request', async () => {
    const { executor, handlers } = setup();
    const decision = await call(handlers, 'POST', '/v1/approvals/apr_1/decision', { body: { decision: 'maybe', version: -1 } });
    expect(decision.status).toBe(422);
    expect(decision.body.errors.map((e: { field: string }) => e.field)).toEqual(['decision', 'version']);
    const clock = await call(handlers, 'POST', '/v1/_dev/clock', { rawBody: '{"advanceMs":"soon"}' });
    expect(clock.status).toBe(422);
    expect(executor.last('advance')).toBeUndefined();
    const ok = await call(handlers, 'POST', '/v1/_dev/clock', { rawBody: '{"advanceMs":60000}' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ now: '2026-11-21T09:01:00.000Z' });
  });
});
