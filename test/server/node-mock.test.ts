/**
 * `createNodeMock` as a consumer's test uses it: MSW `setupServer` on a virtual clock, driven through the
 * library's own typed client (every response validated by it), including the live event stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeMock } from '../../mock-server/node';
import { createRunClient, isRunApiError } from '../../src/api';
import type { RunEvent } from '../../src/api/types';

const mock = createNodeMock({ scenario: 'empty', seed: 1 });
const client = createRunClient({ baseUrl: mock.baseUrl });

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.close());

describe('createNodeMock', () => {
  it('runs a workflow to its end only as the test advances time, streaming its events', async () => {
    const task = (id: string) => ({ id, name: `Step ${id}`, kind: 'task' as const, config: { durationMs: 2000, jitter: 0 } });
    mock.executor.registerWorkflow({ id: 'wf_node', name: 'Two steps', nodes: [task('a'), task('b')], edges: [{ from: 'a', to: 'b' }] });
    expect((await client.listWorkflows()).items.map((w) => w.id)).toContain('wf_node');
    const run = await client.command('wf_node', { command: 'start' }, { idempotencyKey: 'first' });
    expect(run.status).toBe('queued');
    expect((await client.command('wf_node', { command: 'start' }, { idempotencyKey: 'first' })).id).toBe(run.id);

    const events: RunEvent[] = [];
    let ended!: () => void;
    const done = new Promise<void>((resolve) => (ended = resolve));
    const close = client.streamEvents('wf_node', run.id, {
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'run_succeeded') ended();
      },
    });
    await expect.poll(() => events.length).toBe(1); // the backlog, before any time passes
    expect((await client.getRun('wf_node', run.id)).run.status).toBe('queued');

    mock.advance(60_000);
    await done;
    close();
    const final = (await client.getRun('wf_node', run.id)).run;
    expect(final).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 } });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: final.lastSeq }, (_, i) => i + 1));
  });

  it('surfaces problems to the client as typed errors', async () => {
    const error = await client.getRun('nope', 'run_nope').catch((e: unknown) => e);
    expect(isRunApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 404 });
  });
});
