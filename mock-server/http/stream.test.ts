import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from './handlers.js';
import { call, send } from './testing/call.js';
import { FakeExecutor } from './testing/fake-executor.js';
import { SseReader } from './testing/sse-reader.js';

const STREAM = '/v1/workflows/wf_fake/runs/run_1/stream';

function setup(heartbeatMs = 0) {
  const executor = new FakeExecutor();
  return { executor, handlers: createHandlers(executor, { heartbeatMs, onUnexpectedError: () => {} }) };
}

async function open(handlers: ReturnType<typeof createHandlers>, path = STREAM, headers: Record<string, string> = {}) {
  const response = await send(handlers, 'GET', path, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
  expect(response.headers.get('Cache-Control')).toContain('no-cache');
  expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  return new SseReader(response.body!);
}

const seqs = (messages: { id: string | null }[]) => messages.map((m) => Number(m.id));

describe('event stream', () => {
  it('sends the backlog after the cursor, then live events, and closes after the terminal event', async () => {
    const { executor, handlers } = setup();
    executor.append('run_1', 'run_claimed');
    executor.append('run_1', 'run_started');
    const reader = await open(handlers, `${STREAM}?after=1`);

    const first = await reader.next();
    expect(first).toMatchObject({ id: '2', event: 'run-event' });
    expect(JSON.parse(first!.data)).toMatchObject({ seq: 2, type: 'run_claimed', runId: 'run_1' });
    expect((await reader.next())?.id).toBe('3');
    expect(reader.retries).toEqual([2000]);

    executor.append('run_1', 'step_started');
    executor.append('run_1', 'run_succeeded');
    executor.append('run_1', 'log'); // after the terminal event: never sent
    const rest = await reader.rest();
    expect(seqs(rest)).toEqual([4, 5]);
    expect(JSON.parse(rest[1]!.data).type).toBe('run_succeeded');
    expect(reader.ended).toBe(true);
    expect(executor.subscriberCount('run_1')).toBe(0);
  });

  it('resumes after Last-Event-ID, which wins over the after query', async () => {
    const { executor, handlers } = setup();
    for (const type of ['run_claimed', 'run_started', 'step_started', 'run_failed']) executor.append('run_1', type);
    const reader = await open(handlers, `${STREAM}?after=1`, { 'Last-Event-ID': '3' });
    expect(seqs(await reader.rest())).toEqual([4, 5]);
  });

  it('closes at once when the client already holds every event of a finished run', async () => {
    const { executor, handlers } = setup();
    executor.append('run_1', 'run_canceled');
    const full = await open(handlers);
    expect(seqs(await full.rest())).toEqual([1, 2]);
    // 204 rather than an empty stream: an EventSource stops reconnecting instead of asking again forever.
    for (const [path, headers] of [[`${STREAM}?after=2`, {}], [STREAM, { 'Last-Event-ID': '2' }], [`${STREAM}?after=99`, {}]] as const) {
      const caughtUp = await send(handlers, 'GET', path, { headers });
      expect(caughtUp.status).toBe(204);
      expect(caughtUp.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(await caughtUp.text()).toBe('');
    }
    expect(executor.subscriberCount('run_1')).toBe(0);
  });

  it('ends with the run even when the cursor is ahead of the log', async () => {
    const { executor, handlers } = setup();
    executor.append('run_1', 'run_claimed');
    const ahead = await open(handlers, `${STREAM}?after=50`);
    executor.append('run_1', 'run_started');
    executor.append('run_1', 'run_succeeded');
    expect(await ahead.rest()).toEqual([]);
    expect(ahead.ended).toBe(true);
    expect(executor.subscriberCount('run_1')).toBe(0);
  });

  it('delivers an event appended while the backlog is read exactly once, in order', async () => {
    const { executor, handlers } = setup();
    const listEvents = executor.listEvents;
    let appended = false;
    executor.listEvents = (...args) => {
      const page = listEvents(...args);
      if (!appended) {
        appended = true;
        executor.append('run_1', 'run_claimed'); // lands between the read and the switch to live
      }
      return page;
    };
    const reader = await open(handlers);
    executor.append('run_1', 'run_started');
    executor.append('run_1', 'run_succeeded');
    expect(seqs(await reader.rest())).toEqual([1, 2, 3, 4]);
  });

  it('pages through a long backlog', async () => {
    const { executor, handlers } = setup();
    for (let i = 0; i < 12_000; i++) executor.append('run_1', 'log');
    executor.append('run_1', 'run_succeeded');
    const reader = await open(handlers);
    const all = await reader.rest();
    expect(all).toHaveLength(12_002);
    expect(seqs(all).every((seq, i) => seq === i + 1)).toBe(true);
  });

  it('unsubscribes when the client cancels', async () => {
    const { executor, handlers } = setup();
    const reader = await open(handlers);
    expect((await reader.next())?.id).toBe('1');
    expect(executor.subscriberCount('run_1')).toBe(1);
    await reader.cancel();
    expect(executor.subscriberCount('run_1')).toBe(0);
    expect(() => executor.append('run_1', 'run_claimed')).not.toThrow();
  });

  it('sends heartbeat comments while the run is quiet', async () => {
    const { handlers } = setup(10);
    const reader = await open(handlers);
    await reader.next();
    const pending = reader.next();
    // Two heartbeats 10 ms apart, however busy the machine.
    await vi.waitFor(() => expect(reader.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
    await reader.cancel();
    await pending.catch(() => null);
  });

  it('errors the stream, and leaves no subscription, when the backlog cannot be read', async () => {
    const { executor, handlers } = setup();
    executor.listEvents = () => {
      throw new Error('storage gone');
    };
    const reader = await open(handlers);
    await expect(reader.next()).rejects.toThrow('storage gone');
    expect(executor.subscriberCount('run_1')).toBe(0);
  });

  it('answers problems, not a stream, for an unknown run or a bad Last-Event-ID', async () => {
    const { executor, handlers } = setup();
    const missing = await call(handlers, 'GET', '/v1/workflows/wf_fake/runs/run_404/stream');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toBe('application/problem+json');
    const bad = await call(handlers, 'GET', STREAM, { headers: { 'Last-Event-ID': 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'Last-Event-ID', message: 'must be the integer seq of an event' }]);
    expect(executor.subscriberCount('run_1')).toBe(0);
  });
});
