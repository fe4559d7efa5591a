import { describe, expect, it, vi } from 'vitest';
import { ExecutorProblem } from '../engine/api.js';
import { createHandlers } from './handlers.js';
import { call, send } from './testing/call.js';
import { FakeExecutor } from './testing/fake-executor.js';

function setup(options: Parameters<typeof createHandlers>[1] = {}) {
  const executor = new FakeExecutor();
  const onUnexpectedError = vi.fn();
  const handlers = createHandlers(executor, { onUnexpectedError, ...options });
  return { executor, handlers, onUnexpectedError };
}

describe('problem responses', () => {
  it('maps an ExecutorProblem field by field to application/problem+json', async () => {
    const { executor, handlers } = setup();
    const current = { id: 'run_1', status: 'succeeded' };
    executor.failWith = new ExecutorProblem(409, 'run_finished', 'The run has already succeeded.', {
      current,
      errors: [{ field: 'runId', message: 'is finished' }],
    });
    const res = await call(handlers, 'GET', '/v1/runs');
    expect(res.status).toBe(409);
    expect(res.contentType).toBe('application/problem+json');
    expect(res.body).toEqual({
      type: 'urn:react-run-views:problem:run_finished',
      title: 'Run finished',
      status: 409,
      detail: 'The run has already succeeded.',
      code: 'run_finished',
      instance: '/v1/runs',
      current,
      errors: [{ field: 'runId', message: 'is finished' }],
    });
  });

  it('recognises a problem thrown by another copy of the engine module', async () => {
    const { executor, handlers, onUnexpectedError } = setup();
    executor.failWith = Object.assign(new Error('Gone.'), { name: 'ExecutorProblem', status: 404, code: 'run_not_found' });
    const res = await call(handlers, 'GET', '/v1/runs');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'run_not_found', detail: 'Gone.' });
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });

  it('answers an unexpected error with a 500 problem and reports it', async () => {
    const { executor, handlers, onUnexpectedError } = setup();
    const boom = new TypeError('cannot read properties of undefined');
    executor.failWith = boom;
    const res = await call(handlers, 'GET', '/v1/analytics/summary');
    expect(res.status).toBe(500);
    expect(res.contentType).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 500, code: 'internal_error', title: 'Internal error' });
    expect(res.body.detail).toContain('cannot read properties of undefined');
    expect(onUnexpectedError).toHaveBeenCalledWith(boom);
  });

  it('answers 404 for an unknown path and 405 (with Allow) for a known path with the wrong method', async () => {
    const { handlers } = setup();
    const missing = await call(handlers, 'GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'route_not_found', detail: 'No operation answers GET /v1/nothing-here.' });
    const wrong = await call(handlers, 'DELETE', '/v1/workflows/wf_fake/runs/run_1');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('Allow')).toBe('GET, OPTIONS');
    expect(wrong.body).toMatchObject({ code: 'method_not_allowed' });
  });
});

describe('CORS', () => {
  it('answers a preflight with the methods and the headers the browser asked for', async () => {
    const { handlers, executor } = setup();
    const res = await send(handlers, 'OPTIONS', '/v1/workflows/wf_fake/command', {
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('content-type, idempotency-key');
    expect(executor.calls).toEqual([]);
  });

  it('puts CORS headers on successes, problems and 404s alike', async () => {
    const { handlers } = setup();
    for (const [method, path] of [
      ['GET', '/v1/runs'],
      ['GET', '/v1/workflows/nope'],
      ['GET', '/v1/unknown'],
      ['POST', '/v1/workflows/wf_fake/command'],
    ] as const) {
      const res = await call(handlers, method, path);
      expect(res.headers.get('Access-Control-Allow-Origin'), `${method} ${path}`).toBe('*');
      expect(res.headers.get('Access-Control-Expose-Headers')).toContain('Idempotent-Replayed');
    }
  });
});

describe('baseUrl', () => {
  it('answers only on the configured origin and prefix', async () => {
    const { handlers } = setup({ baseUrl: 'http://run-api.test/api/' });
    const request = (url: string) => new Request(url);
    const { getResponse } = await import('msw');
    expect((await getResponse(handlers, request('http://run-api.test/api/v1/runs')))?.status).toBe(200);
    expect(await getResponse(handlers, request('http://elsewhere.test/v1/runs'))).toBeUndefined();
  });

  it('answers any origin when no baseUrl is given', async () => {
    const { handlers } = setup();
    const { getResponse } = await import('msw');
    expect((await getResponse(handlers, new Request('https://api.example.com/v1/runs')))?.status).toBe(200);
    expect((await getResponse(handlers, new Request('http://127.0.0.1:4010/v1/runs')))?.status).toBe(200);
  });
});
