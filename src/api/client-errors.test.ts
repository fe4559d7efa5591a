import { delay, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createRunClient } from './client.js';
import { RunApiError, isRunApiError } from './errors.js';
import { CASES, IDS } from './__tests__/cases.js';
import { approval, run } from './__tests__/fixtures.js';
import { BASE, json, problemResponse, setupApiServer } from './__tests__/server.js';

const { answer } = setupApiServer();
const client = (timeoutMs = 2_000) => createRunClient({ baseUrl: BASE, timeoutMs });

/** Awaits a call that must fail and returns its RunApiError. */
async function failure(promise: Promise<unknown>): Promise<RunApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(isRunApiError(error)).toBe(true);
  return error as RunApiError;
}

const PROBLEMS: Record<number, { code: string; detail: string; errors?: unknown[] }> = {
  400: { code: 'invalid_query', detail: 'limit must be between 1 and 500' },
  401: { code: 'unauthorized', detail: 'The token has expired.' },
  404: { code: 'not_found', detail: 'No such resource.' },
  409: { code: 'run_finished', detail: 'The run has already succeeded.' },
  422: { code: 'invalid_body', detail: 'The body is invalid.', errors: [{ field: 'command', message: 'Unknown command.' }] },
  503: { code: 'unavailable', detail: 'Try again shortly.' },
};

describe.each(CASES)('$name fails cleanly', (c) => {
  it.each([401, ...c.problems, 503])('on a %i problem', async (status) => {
    const current = c.name === 'decideApproval' ? { ...approval, status: 'approved' } : { ...run, status: 'succeeded' };
    const extra = { ...PROBLEMS[status]!, ...(status === 409 && { current }) };
    answer(() => problemResponse(status, extra));
    const error = await failure(c.invoke(client(), IDS, {}));

    expect(error).toBeInstanceOf(RunApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ kind: 'http', status, code: extra.code, operationId: c.operationId });
    expect(error.message).toBe(extra.detail);
    expect(error.detail).toBe(extra.detail);
    expect(error.problem).toMatchObject({ title: `Problem ${status}`, status, code: extra.code });
    expect(error.isConflict).toBe(status === 409);
    expect(error.retryable).toBe(status === 503);
    expect(error.current).toEqual(status === 409 ? current : undefined);
    expect(error.problem?.errors).toEqual(status === 422 ? PROBLEMS[422]?.errors : undefined);
  });

  it('on an HTML error page: an http error with a short text excerpt', async () => {
    const page = `<!doctype html><html><body><h1>502 Bad Gateway</h1><script>alert(1)</script>${'x'.repeat(50_000)}</body></html>`;
    answer(() => new HttpResponse(page, { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));
    const error = await failure(c.invoke(client(), IDS, {}));
    expect(error).toMatchObject({ kind: 'http', status: 502, code: 'http_502', problem: null, retryable: true });
    expect(error.message).toBe(`${c.operationId} failed with HTTP 502 Bad Gateway`);
    expect(error.detail?.startsWith('<!doctype html><html><body><h1>502 Bad Gateway</h1><script>')).toBe(true);
    expect(error.detail!.length).toBeLessThanOrEqual(200);
  });

  it('on a JSON error body that is not a problem', async () => {
    answer(() => json({ error: 'boom' }, 500));
    const error = await failure(c.invoke(client(), IDS, {}));
    expect(error).toMatchObject({ kind: 'http', status: 500, code: 'http_500', problem: null, detail: '{"error":"boom"}' });
  });

  it('on a wrong-shaped body: invalid_response naming the operation and the first issue path', async () => {
    answer(() => json(c.malformed.body, c.status));
    const error = await failure(c.invoke(client(), IDS, {}));
    expect(error).toMatchObject({ kind: 'invalid_response', status: null, code: 'invalid_response', retryable: false });
    expect(error.message).toContain(`${c.operationId} returned an invalid response: ${c.malformed.path}: `);
  });

  it('on an HTML page answered with status 200', async () => {
    answer(() => HttpResponse.html('<html><body>Log in to continue</body></html>'));
    const error = await failure(c.invoke(client(), IDS, {}));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toBe(`${c.operationId} returned an invalid response: expected JSON, got a body of type text/html`);
    expect(error.detail).toBe('<html><body>Log in to continue</body></html>');
  });

  it('on an empty 200 body and on JSON null', async () => {
    answer(() => new HttpResponse(null, { status: 200 }));
    expect((await failure(c.invoke(client(), IDS, {}))).message).toContain('expected JSON, got an empty body');
    answer(() => json(null));
    expect((await failure(c.invoke(client(), IDS, {}))).message).toContain(`${c.operationId} returned an invalid response: (root): `);
  });

  it('on a network error', async () => {
    answer(() => HttpResponse.error());
    const error = await failure(c.invoke(client(), IDS, {}));
    expect(error).toMatchObject({ kind: 'network', status: null, code: 'network_error', retryable: true });
    expect(error.message).toMatch(new RegExp(`^${c.operationId} failed: `));
  });

  it('on a timeout', async () => {
    answer(async () => {
      await delay('infinite');
      return json(c.response);
    });
    // The call's own 60 ms, not the client's 2 s, as its message says (no wall-clock bound a busy machine could break).
    const error = await failure(c.invoke(client(2_000), IDS, { timeoutMs: 60 }));
    expect(error).toMatchObject({ kind: 'timeout', code: 'timeout', retryable: true });
    expect(error.message).toBe(`${c.operationId} timed out after 60 ms`);
  });

  it('on an abort, told apart from a timeout', async () => {
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    answer(async () => {
      entered();
      await delay('infinite');
      return json(c.response);
    });
    const controller = new AbortController();
    const pending = c.invoke(client(), IDS, { signal: controller.signal });
    await inHandler;
    controller.abort();
    const error = await failure(pending);
    expect(error).toMatchObject({ kind: 'aborted', code: 'aborted', retryable: false });
    expect(error.message).toBe(`${c.operationId} was aborted`);
  });

  it('on an already aborted signal, without sending anything', async () => {
    const seen = answer(() => json(c.response));
    const error = await failure(c.invoke(client(), IDS, { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(seen).toHaveLength(0);
  });
});

describe('deadlines', () => {
  it('default to 15 000 ms, and hold even when a custom fetch ignores the signal', async () => {
    const never = () => new Promise<Response>(() => undefined);
    vi.useFakeTimers();
    try {
      const pending = createRunClient({ baseUrl: BASE, fetch: never }).getWorkflow('wf-1');
      let settled: unknown = 'pending';
      pending.then(undefined, (error: unknown) => (settled = error));
      await vi.advanceTimersByTimeAsync(14_999);
      expect(settled).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toMatchObject({ kind: 'timeout', message: 'getWorkflow timed out after 15000 ms' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('cover reading the body, not only the headers', async () => {
    answer(
      () =>
        new HttpResponse(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"items":['));
            },
          }),
          { headers: { 'content-type': 'application/json' } },
        ),
    );
    const error = await failure(client().listRuns({}, { timeoutMs: 80 }));
    expect(error.kind).toBe('timeout');
  });

  it('can be turned off with 0', async () => {
    answer(async () => {
      await delay(50);
      return json({ items: [], nextCursor: null });
    });
    await expect(createRunClient({ baseUrl: BASE, timeoutMs: 0 }).listRuns()).resolves.toEqual({ items: [], nextCursor: null });
  });
});
