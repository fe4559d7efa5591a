/**
 * Core's `RunObserver` follows a run without React: against the reference executor (MSW `setupServer`,
 * virtual clock), with a client whose answers can be tampered with.
 */
import { describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../src/api/types';
import { RunApiError } from '../../src/api/errors';
import { RunObserver, RunObserverRegistry, type VisibilitySource } from '../../src/core/runObserver';
import { setupHarness } from '../hooks/harness';
import { quickFlow } from '../hooks/workflows';

/** Waits for in-process answers; a busy two-core machine can take more than vi.waitFor's 1 s default. */
const WAIT = { timeout: 5_000 };

const h = setupHarness({ workflows: [quickFlow] });

const visible: VisibilitySource = { isVisible: () => true, subscribe: () => () => {} };
const serverRun = (runId: string) => h.mock.executor.getRun('wf_quick', runId);

/** Rewrites `/events` answers: `filter` decides which events the client sees. */
function hideEvents(filter: (event: RunEvent) => boolean) {
  return h.tamper(async (request, response) => {
    if (!new URL(request.url).pathname.endsWith('/events') || !response.ok) return response;
    const page = (await response.json()) as { items: RunEvent[] };
    return Response.json({ ...page, items: page.items.filter(filter) }, { status: response.status, headers: response.headers });
  });
}

describe('RunObserver', () => {
  it('follows a run to its end by polling the events after the last seq, then stops asking', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const observer = new RunObserver(h.client, 'wf_quick', started.id, { pollIntervalMs: 20, visibility: visible });
    const seen: string[] = [];
    const stop = observer.subscribe(() => {
      const status = observer.getSnapshot().run?.status;
      if (status && seen.at(-1) !== status) seen.push(status);
    });
    await vi.waitFor(() => expect(observer.getSnapshot().run?.status).toBe('queued'), WAIT);
    const snapshot = observer.getSnapshot();
    await new Promise((resolve) => setTimeout(resolve, 80)); // polls that bring nothing change nothing
    expect(observer.getSnapshot().state).toBe(snapshot.state);

    h.mock.advance(60_000);
    await vi.waitFor(() => expect(observer.getSnapshot().run?.status).toBe('succeeded'), WAIT);
    const done = observer.getSnapshot();
    expect(done.state!.lastSeq).toBe(serverRun(started.id).run.lastSeq);
    expect(done.tree.size).toBe(serverRun(started.id).steps.length);
    expect(done.isLive).toBe(false);
    expect(seen[0]).toBe('queued');
    expect(h.requestsTo('/events').every((r) => Number(r.query.get('after')) >= 0)).toBe(true);

    const asked = h.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.requests.length).toBe(asked); // terminal: no more requests
    stop();
  });

  it('asks again when a poll skips a seq, and gets the missing change', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const observer = new RunObserver(h.client, 'wf_quick', started.id, { pollIntervalMs: 60_000, gapRetryMs: 20, visibility: visible });
    const stop = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getSnapshot().run).not.toBeNull(), WAIT);
    const firstSeq = observer.getSnapshot().state!.lastSeq;

    h.mock.advance(60_000);
    const all = serverRun(started.id).run.lastSeq;
    // The first answer lacks one event in the middle (a write not visible yet); later answers are whole.
    const hidden = firstSeq + 3;
    let tampered = false;
    const restore = hideEvents((event) => {
      if (event.seq !== hidden || tampered) return true;
      return false;
    });
    await observer.refresh();
    tampered = true;
    expect(observer.getSnapshot().state!.lastSeq).toBe(hidden - 1); // folded up to the gap, no further
    await vi.waitFor(() => expect(observer.getSnapshot().state!.lastSeq).toBe(all), WAIT);
    expect(observer.getSnapshot().run?.status).toBe('succeeded');
    const afters = h.requestsTo('/events').map((r) => Number(r.query.get('after')));
    expect(afters).toContain(hidden - 1); // asked again from before the gap
    restore();
    stop();
  });

  it('accepts a gap that never closes after a few attempts, so the view does not stall', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const observer = new RunObserver(h.client, 'wf_quick', started.id, {
      pollIntervalMs: 60_000,
      gapRetryMs: 10,
      gapAttempts: 2,
      visibility: visible,
    });
    const stop = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getSnapshot().run).not.toBeNull(), WAIT);
    const hidden = observer.getSnapshot().state!.lastSeq + 2;
    h.mock.advance(60_000);
    const restore = hideEvents((event) => event.seq !== hidden);
    await observer.refresh();
    await vi.waitFor(() => expect(observer.getSnapshot().state!.lastSeq).toBe(serverRun(started.id).run.lastSeq), WAIT);
    // asked again from before the gap `gapAttempts` times, the last time folding past it
    expect(h.requestsTo('/events').filter((r) => Number(r.query.get('after')) === hidden - 1).length).toBe(2);
    restore();
    stop();
  });

  it('shares one observer per run in a registry and forgets it after its last subscriber', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const registry = new RunObserverRegistry({ gcTimeMs: 1_000 });
      const make = () => new RunObserver(h.client, 'wf_quick', 'run_x', { live: false, visibility: visible });
      const a = registry.get('s', 'wf_quick', 'run_x', make);
      expect(registry.get('s', 'wf_quick', 'run_x', make)).toBe(a);
      expect(registry.get('other', 'wf_quick', 'run_x', make)).not.toBe(a);
      const stop = registry.subscribe(a, () => {});
      stop();
      vi.advanceTimersByTime(500);
      expect(registry.find('s', 'wf_quick', 'run_x')).toBe(a);
      vi.advanceTimersByTime(600);
      expect(registry.find('s', 'wf_quick', 'run_x')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops a command's answer that is older than the events already folded in, and only that", async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const observer = new RunObserver(h.client, 'wf_quick', started.id, { live: false, visibility: visible });
    const stop = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getSnapshot().run?.status).toBe('queued'), WAIT);
    const early = observer.getSnapshot().run!;
    // As new as what is shown: taken.
    expect(observer.applyAnswer({ ...early, status: 'paused' })).toBe(true);
    expect(observer.getSnapshot().run?.status).toBe('paused');
    observer.setRun(early);
    h.mock.executor.advance(60_000);
    await observer.refresh();
    const folded = observer.getSnapshot().state!.lastSeq;
    expect(folded).toBeGreaterThan(early.lastSeq);
    expect(observer.getSnapshot().run?.status).toBe('succeeded');
    // Older than the events folded in since (a late answer, or one replayed for a resent intent): what they said stays.
    expect(observer.applyAnswer({ ...early, status: 'paused' })).toBe(false);
    expect(observer.getSnapshot().run?.status).toBe('succeeded');
    // An answer without a seq (an engine that has none) is taken; so is one at least as new as the events.
    expect(observer.applyAnswer({ ...early, status: 'running', lastSeq: 0 })).toBe(true);
    expect(observer.getSnapshot().run?.status).toBe('running');
    const newer = { ...early, status: 'failed' as const, lastSeq: folded };
    expect(observer.applyAnswer(newer)).toBe(true);
    expect(observer.getSnapshot().run).toBe(newer);
    stop();
  });

  it('refreshes every followed run at once, and leaves the unfollowed ones alone', async () => {
    const a = await h.client.command('wf_quick', { command: 'start' });
    const b = await h.client.command('wf_quick', { command: 'start' });
    const registry = new RunObserverRegistry();
    const make = (id: string) => () => new RunObserver(h.client, 'wf_quick', id, { live: false, visibility: visible });
    const followed = registry.get('s', 'wf_quick', a.id, make(a.id));
    const idle = registry.get('s', 'wf_quick', b.id, make(b.id));
    const stop = registry.subscribe(followed, () => {});
    await vi.waitFor(() => expect(followed.getSnapshot().run?.status).toBe('queued'), WAIT);
    h.mock.executor.advance(60_000);
    expect(serverRun(a.id).run.status).toBe('succeeded');
    await registry.refreshAll();
    expect(followed.getSnapshot().run?.status).toBe('succeeded');
    expect(idle.getSnapshot().run ?? null).toBeNull();
    stop();
    registry.clear();
  });

  it('loads after an immediate unsubscribe and subscribe again (React StrictMode)', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const observer = new RunObserver(h.client, 'wf_quick', started.id, { live: false, visibility: visible });
    observer.subscribe(() => {})(); // mount, unmount at once
    const stop = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getSnapshot().run?.id).toBe(started.id), WAIT);
    expect(observer.getSnapshot().isLoading).toBe(false);
    stop();
  });

  it('retries a failed first load in stream mode too, and takes a renewed client', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    let calls = 0;
    const failing = {
      ...h.client,
      getRun: () => {
        calls++;
        return Promise.reject(new RunApiError({ kind: 'network', operationId: 'getRun', message: 'offline' }));
      },
    };
    const observer = new RunObserver(failing, 'wf_quick', started.id, { live: 'stream', pollIntervalMs: 10, retries: 0, visibility: visible });
    const stop = observer.subscribe(() => {});
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2), WAIT); // tried again by itself
    expect(observer.getSnapshot().error?.kind).toBe('network');
    observer.setClient(h.client);
    await vi.waitFor(() => expect(observer.getSnapshot().run?.id).toBe(started.id), WAIT);
    expect(observer.getSnapshot().error).toBeNull();
    await vi.waitFor(() => expect(observer.getSnapshot().connection).toBe('open'), WAIT);
    stop();
  });

  it('backs off while polls fail, even while a seq gap is being asked about', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const observer = new RunObserver(h.client, 'wf_quick', started.id, { pollIntervalMs: 60_000, gapRetryMs: 5, visibility: visible });
    const stop = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getSnapshot().run).not.toBeNull(), WAIT);
    const hidden = observer.getSnapshot().state!.lastSeq + 2;
    h.mock.advance(60_000);
    const restore = hideEvents((event) => event.seq !== hidden);
    await observer.refresh(); // folded up to the gap: a quick re-ask is due
    restore();
    const down = h.tamper(() => new Response('down', { status: 503 }));
    const before = h.requestsTo('/events').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Without backoff a 5 ms re-ask would have asked about 60 times.
    expect(h.requestsTo('/events').length - before).toBeLessThanOrEqual(2);
    expect(observer.getSnapshot().error?.status).toBe(503);
    down();
    stop();
  });
});
