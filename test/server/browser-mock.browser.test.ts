/**
 * The same handlers in a real browser: `startBrowserMock` registers MSW's service worker (public/
 * mockServiceWorker.js), and fetch and EventSource in the page reach the executor through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMock, type BrowserMock } from '../../mock-server/browser';
import type { Run, RunEvent } from '../../src/api/types';

let mock: BrowserMock;

beforeAll(async () => {
  mock = await startBrowserMock({ scenario: 'statuses', speed: 1, seed: 1 });
});
afterAll(() => mock.stop());

describe('browser mock (service worker)', () => {
  it('answers the run feed and commands from the page', async () => {
    // A paused run: it does not move on by itself on the real clock, so it is still unfinished when replayed.
    const feed = await fetch('/v1/runs?status=paused&limit=5');
    expect(feed.status).toBe(200);
    const paused = (await feed.json()).items as Run[];
    expect(paused.length).toBeGreaterThan(0);

    const start = await fetch(`/v1/workflows/${paused[0]!.workflowId}/runs/${paused[0]!.id}/replay`, { method: 'POST' });
    expect(start.status).toBe(409);
    expect(start.headers.get('Content-Type')).toBe('application/problem+json');
    expect((await start.json()).code).toBe('run_not_finished');
  });

  it('streams a run with EventSource through the worker', async () => {
    const [finished] = (await (await fetch('/v1/runs?status=succeeded&limit=1')).json()).items as Run[];
    const source = new EventSource(`/v1/workflows/${finished!.workflowId}/runs/${finished!.id}/stream`);
    const events: RunEvent[] = [];
    await new Promise<void>((resolve, reject) => {
      source.addEventListener('run-event', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as RunEvent;
        events.push(event);
        if (event.type === 'run_succeeded') resolve();
      });
      source.onerror = () => (events.length === 0 ? reject(new Error('stream failed')) : undefined);
    });
    source.close();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events.length).toBe(finished!.lastSeq);
  });
});
