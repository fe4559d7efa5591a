/**
 * The run's event stream as `text/event-stream`, written by hand on a `ReadableStream` so it works in the
 * service worker's page, under MSW in Node and through the localhost server alike. Backlog first (events after
 * the cursor), then live events from `executor.subscribe`, deduplicated by `seq`; heartbeat comments keep
 * proxies from closing an idle stream; the stream ends after the run's terminal event, also when the cursor is
 * ahead of the log. A finished run whose events the client already holds answers 204 instead (`noMoreEvents`),
 * which tells an `EventSource` to stop reconnecting.
 */
import type { ExecutorApi } from '../engine/api.js';
import type { Run, RunEvent } from '../../src/api/types.js';
import { isTerminalRunStatus } from '../../src/api/status.js';
import { corsHeaders } from './respond.js';

const TERMINAL_EVENTS = new Set(['run_succeeded', 'run_failed', 'run_canceled']);
const BACKLOG_PAGE = 5000;
/** Reconnection delay suggested to `EventSource` clients. */
const RETRY_MS = 2000;

export interface StreamRequest {
  workflowId: string;
  runId: string;
  /** Deliver events with `seq` greater than this. */
  after: number;
  /** The run as read just before the stream opens (the caller's existence check). */
  run: Run;
  /** Interval of heartbeat comments in ms; 0 sends none. */
  heartbeatMs: number;
}

/** One SSE message: `id` is the event's `seq`, so `Last-Event-ID` resumes exactly after it. */
export function formatEvent(event: RunEvent): string {
  return `id: ${event.seq}\nevent: run-event\ndata: ${JSON.stringify(event)}\n\n`;
}

export function eventStreamResponse(executor: ExecutorApi, request: StreamRequest): Response {
  return new Response(createEventStream(executor, request), {
    status: 200,
    headers: {
      ...corsHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}

/** 204 No Content: the run is finished and the client holds every event, so an `EventSource` stops reconnecting. */
export function noMoreEvents(): Response {
  return new Response(null, { status: 204, headers: corsHeaders() });
}

export function createEventStream(executor: ExecutorApi, request: StreamRequest): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let lastSeq = request.after;
      let closed = false;
      let unsubscribe: (() => void) | null = null;
      let heartbeat: ReturnType<typeof setInterval> | null = null;
      const pending: RunEvent[] = [];
      let live = false;

      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        if (heartbeat !== null) clearInterval(heartbeat);
      };
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup(); // the reader went away without cancelling
        }
      };
      const finish = () => {
        if (closed) return;
        cleanup();
        controller.close();
      };
      // Returns true once the terminal event went out, so callers stop writing.
      const send = (event: RunEvent): boolean => {
        if (closed) return true;
        // A cursor ahead of the log skips the events it claims to hold, but the run's end still ends the stream.
        if (event.seq > lastSeq) {
          lastSeq = event.seq;
          write(formatEvent(event));
        }
        if (TERMINAL_EVENTS.has(event.type)) {
          finish();
          return true;
        }
        return false;
      };

      // Subscribe before reading the backlog: nothing appended in between can be missed.
      unsubscribe = executor.subscribe(request.runId, (event) => {
        if (live) send(event);
        else pending.push(event);
      });
      write(`retry: ${RETRY_MS}\n\n`);

      try {
        let page = executor.listEvents(request.workflowId, request.runId, lastSeq, BACKLOG_PAGE);
        for (;;) {
          for (const event of page.items) if (send(event)) return;
          if (!page.hasMore || page.items.length === 0) break;
          page = executor.listEvents(request.workflowId, request.runId, lastSeq, BACKLOG_PAGE);
        }
      } catch (error) {
        // The run went away mid-read: end the stream as failed; the client reconnects or reports it.
        cleanup();
        controller.error(error);
        return;
      }
      for (const event of pending) if (send(event)) return;
      pending.length = 0;
      live = true;

      // The run ended before the subscription (or the client holds its terminal event, or claims a cursor past
      // it): nothing more will come.
      let { run } = request;
      if (!isTerminalRunStatus(run.status) && lastSeq >= run.lastSeq) {
        try {
          run = executor.getRun(request.workflowId, request.runId).run;
        } catch {
          // gone meanwhile: the check below keeps the stream open until the client leaves
        }
      }
      if (isTerminalRunStatus(run.status) && run.lastSeq <= lastSeq) {
        finish();
        return;
      }
      if (request.heartbeatMs > 0) heartbeat = setInterval(() => write(': heartbeat\n\n'), request.heartbeatMs);
    },
    cancel() {
      cleanup();
    },
  });
}
