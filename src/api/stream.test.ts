import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createRunClient } from './client.js';
import type { StreamOptions } from './client-types.js';
import { isRunApiError, type RunApiError } from './errors.js';
import { event, run } from './__tests__/fixtures.js';
import { BASE, problemResponse, segmentsOf, setupApiServer } from './__tests__/server.js';
import type { RunEvent } from './types.js';

/** Waits for in-process answers; a busy two-core machine can take more than vi.waitFor's 1 s default. */
const WAIT = { timeout: 5_000 };

const { server } = setupApiServer();
const encoder = new TextEncoder();
const frame = (e: unknown, seq = (e as RunEvent).seq) => `id: ${seq}\nevent: run-event\ndata: ${JSON.stringify(e)}\n\n`;
const terminal = (seq: number) => event(seq, { type: 'run_succeeded', run: { ...run, status: 'succeeded', lastSeq: seq } });

/** A stream endpoint the test writes to by hand. */
function streamServer(contentType = 'text/event-stream') {
  const requests: { url: URL; headers: Headers }[] = [];
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  server.use(
    http.get(`${BASE}/v1/workflows/:workflowId/runs/:runId/stream`, ({ request }) => {
      requests.push({ url: new URL(request.url), headers: request.headers });
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          controller = c;
          opened();
        },
      });
      return new HttpResponse(body, { headers: { 'content-type': contentType } });
    }),
  );
  return {
    requests,
    ready,
    send: async (text: string | Uint8Array) => {
      await ready;
      controller?.enqueue(typeof text === 'string' ? encoder.encode(text) : text);
    },
    end: async () => {
      await ready;
      controller?.close();
    },
  };
}

function listen(extra: Partial<StreamOptions> = {}) {
  const events: RunEvent[] = [];
  const errors: Error[] = [];
  const options: StreamOptions = { onEvent: (e) => events.push(e), onError: (e) => errors.push(e), ...extra };
  return { events, errors, options };
}

const client = (timeoutMs = 2_000) => createRunClient({ baseUrl: BASE, timeoutMs, headers: { authorization: 'Bearer s' } });

describe('streamEvents', () => {
  it('delivers validated events in order, resumes after `after`, and ends quietly after the terminal event', async () => {
    const s = streamServer();
    const onOpen = vi.fn();
    const { events, errors, options } = listen({ after: 4, onOpen });
    client().streamEvents('wf-1', 'run-1', options);
    await s.send(`: hello\n\n${frame(event(4))}${frame(event(5))}`);
    await s.send(frame(event(6)).slice(0, 25));
    await s.send(frame(event(6)).slice(25) + frame(terminal(7)));
    await s.end();

    await vi.waitFor(() => expect(events.map((e) => e.seq)).toEqual([5, 6, 7]), WAIT);
    expect(events[2]?.run?.status).toBe('succeeded');
    expect(onOpen).toHaveBeenCalledTimes(1);
    const [request] = s.requests;
    expect(segmentsOf(request!.url)).toEqual(['v1', 'workflows', 'wf-1', 'runs', 'run-1', 'stream']);
    expect(request?.url.search).toBe('?after=4');
    expect(request?.headers.get('last-event-id')).toBe('4');
    expect(request?.headers.get('accept')).toBe('text/event-stream');
    expect(request?.headers.get('authorization')).toBe('Bearer s');
    await delay(20);
    expect(errors).toEqual([]);
  });

  it('reports a malformed event through onError and goes on with the next ones', async () => {
    const s = streamServer();
    const { events, errors, options } = listen();
    client().streamEvents('wf-1', 'run-1', options);
    await s.send(frame(event(1)));
    await s.send('id: 2\nevent: run-event\ndata: <html>not json</html>\n\n');
    await s.send(frame({ ...event(3), severity: 'fatal' }));
    await s.send(`event: heartbeat\ndata: {}\n\n${frame(event(4))}${frame(terminal(5))}`);
    await s.end();

    await vi.waitFor(() => expect(events.map((e) => e.seq)).toEqual([1, 4, 5]), WAIT);
    expect(errors.map((e) => (e as RunApiError).kind)).toEqual(['invalid_response', 'invalid_response']);
    expect(errors[0]?.message).toContain('streamRunEvents returned an invalid response: expected JSON');
    expect(errors[1]?.message).toContain('streamRunEvents returned an invalid response: severity: ');
  });

  it('passes hostile text and multi-byte characters split across chunks through untouched', async () => {
    const s = streamServer();
    const text = `<script>alert(1)</script> 🚀 مرحبا ${'€'.repeat(50_000)}`;
    const { events, options } = listen();
    client().streamEvents('wf-1', 'run-1', options);
    const bytes = encoder.encode(frame(event(1, { message: text })) + frame(terminal(2)));
    const cut = bytes.indexOf(0xf0); // inside the 4 bytes of the rocket
    await s.send(bytes.slice(0, cut + 2));
    await s.send(bytes.slice(cut + 2));
    await s.end();
    await vi.waitFor(() => expect(events).toHaveLength(2), WAIT);
    expect(events[0]?.message).toBe(text);
  });

  it('skips events at or before the last seq it delivered', async () => {
    const s = streamServer();
    const { events, options } = listen({ after: 2 });
    client().streamEvents('wf-1', 'run-1', options);
    await s.send(frame(event(1)) + frame(event(3)) + frame(event(3)) + frame(event(2)) + frame(terminal(4)));
    await s.end();
    await vi.waitFor(() => expect(events.map((e) => e.seq)).toEqual([3, 4]), WAIT);
  });

  it('reports a stream that ends before the run finished, so the caller can reconnect', async () => {
    const s = streamServer();
    const { events, errors, options } = listen();
    client().streamEvents('wf-1', 'run-1', options);
    await s.send(frame(event(1)));
    await s.end();
    await vi.waitFor(() => expect(errors).toHaveLength(1), WAIT);
    expect(events).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'network', code: 'stream_ended', retryable: true });
    expect(errors[0]?.message).toContain('last seq 1');
  });

  it.each(['close', 'signal'] as const)('stops on %s: nothing more is delivered, nothing is reported', async (how) => {
    const s = streamServer();
    const controller = new AbortController();
    const { events, errors, options } = listen({ signal: controller.signal });
    const close = client().streamEvents('wf-1', 'run-1', options);
    await s.send(frame(event(1)));
    await vi.waitFor(() => expect(events).toHaveLength(1), WAIT);
    if (how === 'close') close();
    else controller.abort();
    await s.send(frame(event(2))).catch(() => undefined);
    await delay(30);
    expect(events).toHaveLength(1);
    expect(errors).toEqual([]);
    close(); // closing twice is harmless
  });

  it('releases the connection on close: the body is cancelled and the request signal aborted', async () => {
    let cancelled = false;
    let signal: AbortSignal | undefined;
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      const body = new ReadableStream<Uint8Array>({
        start: (c) => c.enqueue(encoder.encode(frame(event(1)))),
        cancel: () => {
          cancelled = true;
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
    };
    const { events, errors, options } = listen();
    const close = createRunClient({ baseUrl: BASE, fetch }).streamEvents('wf-1', 'run-1', options);
    await vi.waitFor(() => expect(events).toHaveLength(1), WAIT);
    close();
    await vi.waitFor(() => expect(cancelled).toBe(true), WAIT);
    expect(signal?.aborted).toBe(true);
    expect(errors).toEqual([]);
  });

  it('does not even connect with an aborted signal', async () => {
    const s = streamServer();
    const { errors, options } = listen({ signal: AbortSignal.abort() });
    client().streamEvents('wf-1', 'run-1', options);
    await delay(30);
    expect(s.requests).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  it('stays open past the timeout once connected (the timeout covers connecting only)', async () => {
    const s = streamServer();
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const { events, errors, options } = listen({ onOpen: () => open() });
    // A generous connect timeout (the answer must arrive however busy the machine), then three times as long open.
    client(300).streamEvents('wf-1', 'run-1', {
      ...options,
      onError: (error) => {
        errors.push(error);
        open();
      },
    });
    await opened;
    expect(errors).toEqual([]); // connected, not timed out
    await delay(900);
    await s.send(frame(terminal(1)));
    await vi.waitFor(() => expect(events).toHaveLength(1), WAIT);
    expect(errors).toEqual([]);
  });

  it('keeps hostile ids inside their path segments', async () => {
    const s = streamServer();
    const { options } = listen();
    const close = client().streamEvents('../x?y#z', '🚀/..', options);
    await s.ready;
    expect(segmentsOf(s.requests[0]!.url)).toEqual(['v1', 'workflows', '../x?y#z', 'runs', '🚀/..', 'stream']);
    close();
  });

  const failures: [string, () => void, Partial<RunApiError>][] = [
    [
      'a 404 problem',
      () => server.use(http.get(`${BASE}/*`, () => problemResponse(404, { code: 'run_not_found', detail: 'No such run.' }))),
      { kind: 'http', status: 404, code: 'run_not_found', message: 'No such run.' },
    ],
    ['a JSON answer', () => void streamServer('application/json'), { kind: 'invalid_response', code: 'invalid_response' }],
    ['a network error', () => server.use(http.get(`${BASE}/*`, () => HttpResponse.error())), { kind: 'network', retryable: true }],
    [
      'no answer in time',
      () => server.use(http.get(`${BASE}/*`, () => delay('infinite'))),
      { kind: 'timeout', message: 'streamRunEvents timed out after 40 ms' },
    ],
  ];

  it.each(failures)('reports %s through onError', async (_label, setup, expected) => {
    setup();
    const { errors, options } = listen();
    // Only the "no answer in time" case needs a short deadline; the others must not race it.
    client(expected.kind === 'timeout' ? 40 : 2_000).streamEvents('wf-1', 'run-1', options);
    await vi.waitFor(() => expect(errors).toHaveLength(1), WAIT);
    expect(isRunApiError(errors[0])).toBe(true);
    expect(errors[0]).toMatchObject({ operationId: 'streamRunEvents', ...expected });
  });

  it('reports an invalid id through onError instead of requesting a different path', async () => {
    const s = streamServer();
    const { errors, options } = listen();
    client().streamEvents('wf-1', '..', options);
    await vi.waitFor(() => expect(errors).toHaveLength(1), WAIT);
    expect(errors[0]).toBeInstanceOf(TypeError);
    expect(s.requests).toHaveLength(0);
  });
});
