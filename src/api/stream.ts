/**
 * A run's live event stream over fetch + a streaming body reader (no EventSource needed, so it works in Node
 * and lets the client's headers through). Reconnecting is the caller's choice: `onError` says why it stopped.
 */
import type { StreamOptions } from './client-types.js';
import { RunApiError } from './errors.js';
import { buildQuery, httpError, path, requestHeaders, withDeadline, type Transport } from './http.js';
import { EventSchema } from './schemas.js';
import { createSseParser } from './sse.js';
import { isTerminalRunStatus } from './status.js';
import type { RunEvent } from './types.js';
import { parseJson, validate } from './validate.js';

const operationId = 'streamRunEvents';
const TERMINAL_EVENTS = new Set(['run_succeeded', 'run_failed', 'run_canceled']);

/** Errors thrown by the caller's callbacks are reported like a listener's, without stopping the stream. */
function call(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

function isTerminal(event: RunEvent): boolean {
  return TERMINAL_EVENTS.has(event.type) || (event.run !== undefined && isTerminalRunStatus(event.run.status));
}

export function streamRunEvents(
  transport: Transport,
  workflowId: string,
  runId: string,
  options: StreamOptions,
): () => void {
  const controller = new AbortController();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    controller.abort();
  };
  const report = (error: unknown) => {
    if (!closed && options.onError) {
      const onError = options.onError;
      call(() => onError(error instanceof Error ? error : new Error(String(error))));
    }
  };
  const outer = options.signal;
  if (outer?.aborted) return () => undefined;
  outer?.addEventListener('abort', close, { once: true });

  let lastSeq = options.after ?? 0;
  const run = async () => {
    const extra: Record<string, string> = { accept: 'text/event-stream' };
    if (options.after !== undefined) extra['last-event-id'] = String(options.after);
    const url =
      transport.baseUrl + path`/v1/workflows/${workflowId}/runs/${runId}/stream` + buildQuery({ after: options.after });
    const headers = await requestHeaders(transport, extra, operationId);
    const doFetch = transport.fetch ?? globalThis.fetch;

    await withDeadline(operationId, { signal: controller.signal, timeoutMs: transport.timeoutMs }, async (signal, clearTimer) => {
      const response = await doFetch(url, { method: 'GET', headers, signal });
      if (!response.ok) throw httpError(operationId, response, await response.text());
      // 204: the run is finished and every event after the cursor was already delivered; nothing to stream.
      if (response.status === 204) return;
      const type = response.headers.get('content-type') ?? '';
      if (!/^text\/event-stream\b/i.test(type) || !response.body) {
        void response.body?.cancel().catch(() => undefined);
        throw new RunApiError({
          kind: 'invalid_response',
          operationId,
          message: `${operationId} returned an invalid response: expected text/event-stream, got ${type || 'no content type'}`,
        });
      }
      // Open: the deadline covered connecting; the stream itself may stay quiet for long.
      clearTimer();
      if (options.onOpen) call(options.onOpen);

      const reader = response.body.getReader();
      signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
      let finished = false;
      const feed = createSseParser((message) => {
        if (closed || (message.type !== 'run-event' && message.type !== 'message')) return;
        let event: RunEvent;
        try {
          event = validate(operationId, EventSchema, parseJson(operationId, message.data, 'text/event-stream'));
        } catch (error) {
          report(error); // one bad event is reported; the stream goes on
          return;
        }
        if (event.seq <= lastSeq) return;
        lastSeq = event.seq;
        if (isTerminal(event)) finished = true;
        call(() => options.onEvent(event));
      });
      const decoder = new TextDecoder();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        if (closed) return;
        feed(decoder.decode(read.value, { stream: true }));
      }
      feed(decoder.decode());
      if (!finished && !closed) {
        throw new RunApiError({
          kind: 'network',
          operationId,
          code: 'stream_ended',
          message: `${operationId}: the stream ended before the run finished (last seq ${lastSeq})`,
        });
      }
    });
  };

  run()
    .catch(report)
    .finally(() => {
      closed = true;
      outer?.removeEventListener('abort', close);
    });
  return close;
}
