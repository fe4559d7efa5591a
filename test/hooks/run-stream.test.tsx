// @vitest-environment jsdom
/**
 * `useRun` with `live: 'stream'`: events arrive over the stream, and a dropped stream resumes after the last seq;
 * the run's event log (`useRunEvents`) grows from the same stream instead of polling.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRun, useRunEvents } from '../../src/hooks';
import { setupHarness } from './harness';
import { quickFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow] });

/** Lets the test cut the current event stream, as a dropped connection or a restarting proxy would. */
function droppableStreams() {
  const open = new Map<ReadableStreamDefaultController<Uint8Array>, ReadableStreamDefaultReader<Uint8Array>>();
  h.tamper((request, response) => {
    if (!new URL(request.url).pathname.endsWith('/stream') || !response.body) return response;
    const reader = response.body.getReader();
    let self: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        self = controller;
        open.set(controller, reader);
      },
      pull: async (controller) => {
        const { value, done } = await reader.read();
        if (!open.has(controller)) return;
        if (done) {
          open.delete(controller);
          controller.close();
        } else controller.enqueue(value);
      },
      cancel: () => {
        open.delete(self);
        void reader.cancel();
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  });
  return {
    drop: () => {
      for (const [controller, reader] of open) {
        controller.close();
        void reader.cancel();
      }
      open.clear();
    },
  };
}

describe('useRun (stream)', () => {
  it('applies streamed events and resumes from the last seq after a reconnect', async () => {
    const streams = droppableStreams();
    const started = await h.client.command('wf_quick', { command: 'start' });
    const { result } = renderHook(
      () => useRun('wf_quick', started.id, { live: 'stream', reconnect: { baseDelayMs: 20, maxDelayMs: 100 } }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.connection).toBe('open'));
    expect(h.requestsTo('/events')).toHaveLength(0); // no polling in stream mode

    h.mock.advance(2_500); // claimed, started, first task running
    const serverSeq = () => h.mock.executor.getRun('wf_quick', started.id).run.lastSeq;
    await waitFor(() => expect(result.current.state!.lastSeq).toBe(serverSeq()));
    expect(result.current.run?.status).toBe('running');
    const seqAtDrop = result.current.state!.lastSeq;
    const fetch = result.current.steps.find((step) => step.name === 'Fetch')!;

    streams.drop();
    h.mock.advance(2_000); // events happen while the stream is down
    expect(serverSeq()).toBeGreaterThan(seqAtDrop);
    await waitFor(() => expect(h.requestsTo('/stream')).toHaveLength(2));
    expect(Number(h.requestsTo('/stream')[1]!.query.get('after'))).toBe(seqAtDrop);
    // The events missed while disconnected are delivered by the new stream.
    await waitFor(() => expect(result.current.state!.lastSeq).toBe(serverSeq()));
    expect(result.current.connection).toBe('open');

    h.mock.advance(10_000);
    await waitFor(() => expect(result.current.run?.status).toBe('succeeded'));
    await waitFor(() => expect(result.current.connection).toBe('idle'));
    const server = h.mock.executor.getRun('wf_quick', started.id);
    expect(result.current.state!.lastSeq).toBe(server.run.lastSeq);
    expect(result.current.steps.map((step) => [step.name, step.status])).toEqual(
      server.steps.map((step) => [step.name, step.status]),
    );
    expect(result.current.steps.find((step) => step.id === fetch.id)?.status).toBe('succeeded');
    expect(h.requestsTo(`/runs/${started.id}`, 'GET')).toHaveLength(1);
  });

  it("grows the run's event log from the stream: one request for the history, none after, and nothing missed across a drop", async () => {
    const streams = droppableStreams();
    const started = await h.client.command('wf_quick', { command: 'start' });
    const { result, rerender } = renderHook(
      ({ withLog }: { withLog: boolean }) => {
        const run = useRun('wf_quick', started.id, { live: 'stream', reconnect: { baseDelayMs: 20, maxDelayMs: 100 } });
        // would poll every 25 ms on its own; opened once the run is followed, as a tab opened on a live run is
        const log = useRunEvents('wf_quick', started.id, { pollIntervalMs: 25, enabled: withLog });
        return { run, log };
      },
      { wrapper: h.wrapper, initialProps: { withLog: false } },
    );
    await waitFor(() => expect(result.current.run.connection).toBe('open'));
    rerender({ withLog: true });
    await waitFor(() => expect(result.current.log.events.length).toBeGreaterThan(0));
    const serverEvents = () => h.mock.executor.listEvents('wf_quick', started.id, 0, 1000).items; // not a request
    h.mock.advance(2_500);
    await waitFor(() => expect(result.current.log.lastSeq).toBe(serverEvents().at(-1)!.seq));
    await new Promise((resolve) => setTimeout(resolve, 150)); // six of its own poll intervals
    const logRequests = () => h.requestsTo('/events', 'GET').length;
    expect(logRequests()).toBe(1); // the history once; what came after came over the stream

    streams.drop();
    h.mock.advance(2_000); // events happen while the stream is down; the new stream brings them
    h.mock.advance(10_000);
    await waitFor(() => expect(result.current.log.finished).toBe(true));
    const all = serverEvents();
    expect(result.current.log.events.map((event) => event.seq)).toEqual(all.map((event) => event.seq));
    expect(result.current.log.events.at(-1)?.type).toBe('run_succeeded');
    expect(logRequests()).toBe(1);
  });

  it('asks for what the log misses when the stream continues past it (a view that joined later)', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const { result, rerender } = renderHook(
      ({ follow }: { follow: boolean }) => {
        const run = useRun('wf_quick', started.id, { live: 'stream', enabled: follow });
        const log = useRunEvents('wf_quick', started.id, { pollIntervalMs: 60_000 });
        return { run, log };
      },
      { wrapper: h.wrapper, initialProps: { follow: false } },
    );
    await waitFor(() => expect(result.current.log.events.length).toBeGreaterThan(0));
    const loaded = result.current.log.lastSeq;
    h.mock.advance(2_500); // the log does not see these (its next poll is a minute away)
    rerender({ follow: true }); // a live view joins: it starts from a snapshot past the log
    await waitFor(() => expect(result.current.run.connection).toBe('open'));
    h.mock.advance(10_000);
    await waitFor(() => expect(result.current.log.finished).toBe(true));
    const all = h.mock.executor.listEvents('wf_quick', started.id, 0, 1000).items;
    expect(result.current.log.events.map((event) => event.seq)).toEqual(all.map((event) => event.seq));
    const afters = h.requestsTo('/events', 'GET').map((request) => Number(request.query.get('after')));
    expect(afters).toContain(loaded); // the gap was asked for once, from where the log stood
  });

  it('skips a malformed event on an open stream, says so, and keeps streaming', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const bad = new TextEncoder().encode('event: run-event\ndata: {"seq": "not a number"}\n\n');
    h.tamper((request, response) => {
      if (!new URL(request.url).pathname.endsWith('/stream') || !response.body) return response;
      const reader = response.body.getReader();
      let injected = false;
      const body = new ReadableStream<Uint8Array>({
        pull: async (controller) => {
          if (!injected) {
            injected = true;
            controller.enqueue(bad);
            return;
          }
          const { value, done } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: () => void reader.cancel(),
      });
      return new Response(body, { status: response.status, headers: response.headers });
    });
    const { result } = renderHook(() => useRun('wf_quick', started.id, { live: 'stream' }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.error?.kind).toBe('invalid_response'));
    expect(result.current.connection).toBe('open');
    h.mock.advance(2_500);
    await waitFor(() => expect(result.current.run?.status).toBe('running'));
    expect(h.requestsTo('/stream')).toHaveLength(1);
  });
});
