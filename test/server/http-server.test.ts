/**
 * The localhost server over real sockets: curl-like requests move runs to every terminal status, the event
 * stream survives a disconnect without gaps or duplicates, and browsers on other origins are allowed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, type Executor } from '../../mock-server/engine';
import { startHttpServer, type RunningHttpServer } from '../../mock-server/node';
import { SseReader } from '../../mock-server/http/testing/sse-reader';
import type { Run, RunEvent } from '../../src/api/types';

let executor: Executor;
let server: RunningHttpServer;
/** Live stream subscriptions on the executor: a client that leaves must not leave one behind. */
let subscriptions = 0;

const task = (id: string, durationMs = 1000) => ({ id, name: `Task ${id}`, kind: 'task' as const, config: { durationMs, jitter: 0 } });

beforeAll(async () => {
  executor = createExecutor({ clock: 'virtual', seed: 7 });
  executor.registerWorkflow({
    id: 'wf_steps',
    name: 'Five steps',
    nodes: [task('a'), task('b'), task('c'), task('d'), task('e')],
    edges: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'd' },
      { from: 'd', to: 'e' },
    ],
  });
  executor.registerWorkflow({
    id: 'wf_broken',
    name: 'Always fails',
    nodes: [task('a'), { id: 'boom', name: 'Give up', kind: 'stop_error', config: { message: 'Order not found.', code: 'order_missing' } }],
    edges: [{ from: 'a', to: 'boom' }],
  });
  const counted = new Proxy(executor, {
    get(target, key) {
      if (key === 'subscribe') {
        return (runId: string, listener: (event: RunEvent) => void) => {
          subscriptions++;
          const unsubscribe = target.subscribe(runId, listener);
          return () => {
            subscriptions--;
            unsubscribe();
          };
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  server = await startHttpServer({ port: 0, executor: counted });
});

afterAll(async () => {
  await server.close();
  executor.dispose();
});

/** What `curl -X POST url -H 'Idempotency-Key: …' -d '{…}'` sends: JSON text, no JSON content type. */
async function curl(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const start = async (workflowId: string, key?: string) => {
  const res = await curl('POST', `/v1/workflows/${workflowId}/command`, { command: 'start' }, key ? { 'Idempotency-Key': key } : {});
  expect(res.status).toBe(202);
  return res.body.run as Run;
};
const advance = (ms: number) => curl('POST', '/v1/_dev/clock', { advanceMs: ms });
const getRun = async (workflowId: string, runId: string) => (await curl('GET', `/v1/workflows/${workflowId}/runs/${runId}`)).body.run as Run;

describe('localhost HTTP server', () => {
  it('starts one run for a repeated Idempotency-Key and brings it to succeeded', async () => {
    const first = await start('wf_steps', 'order-1044');
    expect(first.status).toBe('queued');
    const again = await curl('POST', '/v1/workflows/wf_steps/command', { command: 'start' }, { 'Idempotency-Key': 'order-1044' });
    expect(again.status).toBe(202);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body.run.id).toBe(first.id);

    const clock = await advance(60_000);
    expect(clock.status).toBe(200);
    expect(Date.parse(clock.body.now)).toBe(executor.now());
    const done = await getRun('wf_steps', first.id);
    expect(done.status).toBe('succeeded');
    expect(done.progress).toEqual({ done: 5, total: 5 });
  });

  it('brings a run to failed, with the failing step error', async () => {
    const run = await start('wf_broken');
    await advance(60_000);
    const done = await getRun('wf_broken', run.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ code: 'order_missing', message: 'Order not found.' });
    const resume = await curl('POST', '/v1/workflows/wf_broken/command', { command: 'resume', runId: run.id });
    expect(resume.status).toBe(409);
    expect(resume.headers.get('Content-Type')).toBe('application/problem+json');
    expect(resume.body).toMatchObject({ code: 'run_failed_no_resume', current: { id: run.id, status: 'failed' } });
  });

  it('cancels a queued run and stops a running one', async () => {
    const queued = await start('wf_steps');
    const cancel = await curl('POST', '/v1/workflows/wf_steps/command', { command: 'cancel', runId: queued.id });
    expect(cancel.status).toBe(202);
    expect(cancel.body.run).toMatchObject({ status: 'canceled', cancelReason: 'operator_cancel' });

    const running = await start('wf_steps');
    await advance(3_000);
    expect((await getRun('wf_steps', running.id)).status).toBe('running');
    const stop = await curl('POST', '/v1/workflows/wf_steps/command', { command: 'stop', runId: running.id, params: { mode: 'immediate' } });
    expect(stop.status).toBe(202);
    await advance(1_000);
    expect(await getRun('wf_steps', running.id)).toMatchObject({ status: 'canceled', cancelReason: 'operator_stop' });
  });

  it('streams events live, and resumes after a disconnect from Last-Event-ID without gaps or duplicates', async () => {
    const run = await start('wf_steps');
    const path = `${server.url}/v1/workflows/wf_steps/runs/${run.id}/stream`;
    const abort = new AbortController();
    const first = await fetch(path, { signal: abort.signal });
    expect(first.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    const reader = new SseReader(first.body!);
    const seen: RunEvent[] = [JSON.parse((await reader.next())!.data)];
    expect(seen[0]).toMatchObject({ seq: 1, type: 'run_queued' });

    // Live: each advance's events arrive over the open socket, before the run has finished.
    await advance(2_500);
    while (seen.at(-1)!.type !== 'step_started') seen.push(JSON.parse((await reader.next())!.data));
    expect(subscriptions).toBe(1);
    abort.abort();
    await reader.cancel().catch(() => {});
    const lastSeen = seen.at(-1)!.seq;
    await expect.poll(() => subscriptions, { timeout: 2000 }).toBe(0);

    await advance(60_000); // the run finishes while the client is away
    const resumed = await fetch(path, { headers: { 'Last-Event-ID': String(lastSeen) } });
    const rest = (await new SseReader(resumed.body!).rest()).map((m) => JSON.parse(m.data) as RunEvent);
    expect(rest[0]!.seq).toBe(lastSeen + 1);
    expect(rest.at(-1)!.type).toBe('run_succeeded');

    const all = [...seen, ...rest].map((event) => event.seq);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(subscriptions).toBe(0); // closed after the terminal event
    const log = await curl('GET', `/v1/workflows/wf_steps/runs/${run.id}/events?limit=5000`);
    expect(log.body.items.map((event: RunEvent) => event.seq)).toEqual(all);
  });

  it('answers CORS preflights and marks every response readable from other origins', async () => {
    const preflight = await fetch(`${server.url}/v1/workflows/wf_steps/command`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toBe('content-type,idempotency-key');
    const list = await fetch(`${server.url}/v1/runs?limit=1`, { headers: { Origin: 'http://localhost:5173' } });
    expect(list.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(list.headers.get('Access-Control-Expose-Headers')).toContain('Idempotent-Replayed');
  });

  it('answers problems for unknown paths, bad JSON and oversized bodies', async () => {
    const unknown = await curl('GET', '/nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('route_not_found');
    const badJson = await fetch(`${server.url}/v1/workflows/wf_steps/command`, { method: 'POST', body: '{"command":' });
    expect(badJson.status).toBe(422);
    expect((await badJson.json()).code).toBe('invalid_json');
    const huge = await fetch(`${server.url}/v1/_dev/clock`, { method: 'POST', body: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
  });
});
