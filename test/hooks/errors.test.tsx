// @vitest-environment jsdom
/** Bad answers give error values, never exceptions in render; data already shown stays. */
import { renderHook, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { useRun, useRuns, useWorkflow } from '../../src/hooks';
import { sleep, setupHarness } from './harness';
import { quickFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow] });

describe('error states', () => {
  it('a malformed run answer is an invalid_response error, not a crash', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.server.use(
      http.get(`${h.mock.baseUrl}/v1/workflows/:id/runs/:runId`, () => HttpResponse.json({ run: { id: 42 }, steps: 'nope' })),
    );
    const { result } = renderHook(() => useRun('wf_quick', started.id), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error?.kind).toBe('invalid_response');
    expect(result.current.error?.operationId).toBe('getRun');
    expect(result.current.run).toBeNull();
    expect(result.current.isLoading).toBe(false);
  });

  it('a body that is not JSON (an HTML error page) is an error value', async () => {
    h.mock.server.use(
      http.get(`${h.mock.baseUrl}/v1/runs`, () => new HttpResponse('<html><body>Bad gateway</body></html>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      })),
    );
    const { result } = renderHook(() => useRuns(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.error?.kind).toBe('invalid_response'));
    expect(result.current.runs).toEqual([]);
  });

  it('a 500 gives an http error with the problem, and is retried only as configured', async () => {
    h.mock.server.use(
      http.get(`${h.mock.baseUrl}/v1/workflows/:id`, () =>
        HttpResponse.json(
          { title: 'Internal error', status: 500, code: 'internal', detail: 'The database is down.' },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const { result } = renderHook(() => useWorkflow('wf_quick'), {
      wrapper: h.wrapperWith({ retry: { retries: 2, delayMs: () => 5 } }),
    });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error).toMatchObject({ kind: 'http', status: 500, code: 'internal', retryable: true });
    expect(result.current.error?.detail).toBe('The database is down.');
    expect(h.requestsTo('/v1/workflows/wf_quick')).toHaveLength(3); // first try + 2 retries
    expect(result.current.workflow).toBeNull();
  });

  it('a headers function that throws (a failed token refresh) is a network error naming it, and is retried', async () => {
    let asked = 0;
    const headers = () => {
      asked++;
      throw new Error('session expired');
    };
    const { result } = renderHook(() => useRuns(), {
      wrapper: h.wrapperWith({ client: { baseUrl: h.mock.baseUrl, headers }, retry: { retries: 1, delayMs: () => 5 } }),
    });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error).toMatchObject({ kind: 'network', code: 'headers_failed', operationId: 'listRuns' });
    expect(result.current.error?.message).toBe('listRuns failed: the headers function threw: session expired');
    expect(asked).toBe(2); // first try + 1 retry: the next try may get a fresh token
    expect(result.current.runs).toEqual([]);
  });

  it('a 404 is not retried', async () => {
    const { result } = renderHook(() => useWorkflow('wf_missing'), {
      wrapper: h.wrapperWith({ retry: { retries: 2, delayMs: () => 5 } }),
    });
    await waitFor(() => expect(result.current.error?.status).toBe(404));
    expect(h.requestsTo('/v1/workflows/wf_missing')).toHaveLength(1);
  });

  it('a failing poll keeps the run on screen beside the error, and recovers', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const { result } = renderHook(() => useRun('wf_quick', started.id, { pollIntervalMs: 25 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.run?.status).toBe('queued'));
    const restore = h.tamper(
      (request, response) =>
        request.url.includes('/events') ? new Response('upstream exploded', { status: 502 }) : response,
    );
    await waitFor(() => expect(result.current.error?.status).toBe(502));
    expect(result.current.run?.status).toBe('queued');
    restore();
    h.mock.advance(2_500);
    await waitFor(() => expect(result.current.run?.status).toBe('running'));
    expect(result.current.error).toBeNull();
  });

  it('a run deleted mid-view: the 404 shows beside the last known run and polling stops', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const { result } = renderHook(() => useRun('wf_quick', started.id, { pollIntervalMs: 25 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.run?.status).toBe('queued'));
    h.mock.server.use(
      http.get(`${h.mock.baseUrl}/v1/workflows/:id/runs/:runId/events`, () =>
        HttpResponse.json(
          { title: 'Not found', status: 404, code: 'run_not_found', detail: 'No such run.' },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    await waitFor(() => expect(result.current.error?.code).toBe('run_not_found'));
    expect(result.current.run?.id).toBe(started.id);
    expect(result.current.isLive).toBe(false);
    const count = h.requests.length;
    await sleep(200);
    expect(h.requests.length).toBe(count);
  });

  it('a stream that is refused (404) fails once, visibly, instead of reconnecting forever', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.server.use(
      http.get(`${h.mock.baseUrl}/v1/workflows/:id/runs/:runId/stream`, () =>
        HttpResponse.json(
          { title: 'Not found', status: 404, code: 'run_not_found' },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const { result } = renderHook(
      () => useRun('wf_quick', started.id, { live: 'stream', reconnect: { baseDelayMs: 10 } }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.connection).toBe('failed'));
    expect(result.current.error?.status).toBe(404);
    expect(result.current.run?.status).toBe('queued'); // the snapshot is still shown
    await sleep(100);
    expect(h.requestsTo('/stream')).toHaveLength(1);
  });
});
