// @vitest-environment jsdom
/** Commands and manual start against the reference executor: idempotency per intent, optimistic update, rollback. */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Run, RunStatus } from '../../src/api';
import { useRun, useRunCommands, useRuns, useStartRun, type CommandOutcome } from '../../src/hooks';
import { sleep, setupHarness } from './harness';
import { quickFlow } from './workflows';

// A long client deadline: the double-click test holds an answer while clicks land, however slow the machine.
const h = setupHarness({ workflows: [quickFlow], timeoutMs: 30_000 });

describe('useStartRun', () => {
  it('starts one run when the same submit is sent twice at once', async () => {
    const before = h.mock.executor.runIds().length;
    const { result } = renderHook(() => useStartRun('wf_quick'), { wrapper: h.wrapper });
    let runs: (Run | null)[] = [];
    await act(async () => {
      runs = await Promise.all([result.current.start({ prompt: 'Sync now' }), result.current.start({ prompt: 'Sync now' })]);
    });
    expect(runs[0]?.id).toBeDefined();
    expect(runs[1]?.id).toBe(runs[0]?.id);
    expect(h.mock.executor.runIds().length).toBe(before + 1);
    expect(h.requestsTo('/command', 'POST')).toHaveLength(1); // the second submit joined the first
    await waitFor(() => expect(result.current.run?.status).toBe('queued'));
  });

  it('reuses the intent key after a lost answer, so the retry does not start a second run', async () => {
    const before = h.mock.executor.runIds().length;
    // The server starts the run, but its answer never reaches the browser.
    const restore = h.tamper((request, response) => {
      if (request.method === 'POST') throw new TypeError('Failed to fetch');
      return response;
    });
    const { result } = renderHook(() => useStartRun('wf_quick'), { wrapper: h.wrapper });
    let first: Run | null = null;
    await act(async () => {
      first = await result.current.start({ prompt: 'Weekly export' });
    });
    expect(first).toBeNull();
    // The mutation's state reaches React on the next notify tick, not with the promise.
    await waitFor(() => expect(result.current.error?.kind).toBe('network'));
    expect(h.mock.executor.runIds().length).toBe(before + 1); // it did start on the server
    restore();

    let second: Run | null = null;
    await act(async () => {
      second = await result.current.start({ prompt: 'Weekly export' });
    });
    expect(h.mock.executor.runIds().length).toBe(before + 1); // the same run answered again
    expect(second!.id).toBe(h.mock.executor.runIds().at(-1));
    expect(result.current.error).toBeNull();
    const keys = h.requestsTo('/command', 'POST').map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);

    // The intent succeeded: the next submit is a new intent with a new key, and a new run.
    await act(async () => {
      await result.current.start({ prompt: 'Weekly export' });
    });
    expect(h.mock.executor.runIds().length).toBe(before + 2);
    expect(h.requestsTo('/command', 'POST').at(-1)!.idempotencyKey).not.toBe(keys[0]);
  });

  it('shows the new run as queued at the top of the cached feeds at once', async () => {
    const { result } = renderHook(() => ({ feed: useRuns(), start: useStartRun('wf_quick') }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.feed.isLoading).toBe(false));
    const feedRequests = h.requestsTo('/v1/runs', 'GET').length;
    let run: Run | null = null;
    await act(async () => {
      run = await result.current.start.start({ prompt: 'From the form' });
    });
    await waitFor(() => expect(result.current.feed.runs[0]?.id).toBe(run!.id));
    expect(result.current.feed.runs[0]?.status).toBe('queued');
    expect(h.requestsTo('/v1/runs', 'GET').length).toBe(feedRequests); // no refetch was needed
    expect(result.current.feed.newCount).toBe(0);
  });
});

describe('useRunCommands', () => {
  it('pauses optimistically and rolls back on a 409, with the error visible', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    const seen: RunStatus[] = [];
    const { result } = renderHook(
      () => {
        const detail = useRun('wf_quick', started.id, { live: false });
        const commands = useRunCommands(detail.run);
        const status = detail.run?.status;
        if (status && seen.at(-1) !== status) seen.push(status);
        return { detail, commands };
      },
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.detail.run?.status).toBe('running'));
    expect(result.current.commands.controls.pause.available).toBe(true);

    h.mock.advance(60_000); // the run finishes on the server; this view has not seen it yet
    h.tamper(async (_request, response) => {
      await sleep(150); // some network latency, so the in-between states can be seen
      return response;
    });
    let pending: Promise<CommandOutcome> | null = null;
    act(() => {
      pending = result.current.commands.pause();
    });
    await waitFor(() => expect(result.current.detail.run?.status).toBe('paused')); // optimistic
    expect(result.current.commands.pendingAction).toBe('pause');
    expect(result.current.commands.controls.resume).toMatchObject({ available: false, code: 'command_in_flight' });
    let outcome: CommandOutcome | null = null;
    await act(async () => {
      outcome = await pending;
    });
    expect(outcome).toMatchObject({ ok: false, code: 'run_finished' });
    await waitFor(() => expect(result.current.commands.error?.status).toBe(409)); // visible
    expect(result.current.commands.error?.code).toBe('run_finished');
    expect(result.current.detail.run?.status).toBe('running'); // rolled back
    expect(seen).toEqual(['running', 'paused', 'running']);
    // Then the view catches up with the server (only the events after its seq).
    await waitFor(() => expect(result.current.detail.run?.status).toBe('succeeded'));
    expect(result.current.commands.controls.pause).toMatchObject({ available: false, code: 'run_finished' });
    expect(result.current.commands.error).not.toBeNull();
  });

  it('pauses and resumes a running run with one key per intent', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    const { result } = renderHook(
      () => {
        const detail = useRun('wf_quick', started.id, { live: false });
        return { detail, commands: useRunCommands(detail.run) };
      },
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.detail.run?.status).toBe('running'));
    await act(async () => {
      await result.current.commands.pause();
    });
    expect(result.current.detail.run?.status).toBe('paused');
    expect(h.mock.executor.findRun(started.id)?.status).toBe('paused');
    await waitFor(() => expect(result.current.commands.controls.resume.available).toBe(true));
    await act(async () => {
      await result.current.commands.resume();
    });
    expect(h.mock.executor.findRun(started.id)?.status).toBe('running');
    const keys = h.requestsTo('/command', 'POST').map((request) => request.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);

    // A finished run: pausing is refused before any request, with the status rule's reason.
    h.mock.advance(60_000);
    await act(() => result.current.detail.refresh());
    const count = h.requests.length;
    let outcome: CommandOutcome | null = null;
    await act(async () => {
      outcome = await result.current.commands.pause();
    });
    expect(outcome).toMatchObject({ ok: false, code: 'run_finished' });
    expect(h.requests.length).toBe(count);
  });

  it('replays a finished run with a new prompt and lists the new run at once', async () => {
    const started = await h.client.command('wf_quick', { command: 'start', params: { prompt: 'v1' } });
    h.mock.advance(60_000);
    const { result } = renderHook(
      () => {
        const detail = useRun('wf_quick', started.id, { live: false });
        return { detail, commands: useRunCommands(detail.run), feed: useRuns() };
      },
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.detail.run?.status).toBe('succeeded'));
    await waitFor(() => expect(result.current.feed.isLoading).toBe(false));
    let outcome: CommandOutcome | null = null;
    await act(async () => {
      outcome = await result.current.commands.replay({ prompt: 'v2' });
    });
    expect(outcome!.ok).toBe(true);
    const replay = (outcome as unknown as { run: Run }).run;
    expect(replay.trigger.type).toBe('replay');
    expect(replay.prompt).toBe('v2');
    await waitFor(() => expect(result.current.feed.runs[0]?.id).toBe(replay.id));
  });

  it('joins a double-clicked pause: one key, ok both times, no error, the run paused', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    const { result } = renderHook(
      () => {
        const detail = useRun('wf_quick', started.id, { live: false });
        return { detail, commands: useRunCommands(detail.run) };
      },
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.detail.run?.status).toBe('running'));
    const sentBefore = h.requestsTo('/command', 'POST').length;
    // The answer is held until all three clicks are in, so every later click lands while the first is in flight.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    h.tamper(async (_request, response) => {
      await released;
      return response;
    });
    const clicks: Promise<CommandOutcome>[] = [];
    act(() => {
      // Two clicks before React renders again, and a third after it (the button now shows the pause pending).
      clicks.push(result.current.commands.pause(), result.current.commands.pause());
    });
    await waitFor(() => expect(result.current.commands.pendingAction).toBe('pause'));
    act(() => {
      clicks.push(result.current.commands.pause());
    });
    let outcomes: CommandOutcome[] = [];
    await act(async () => {
      release();
      outcomes = await Promise.all(clicks);
    });
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true]);
    expect(outcomes[1]).toBe(outcomes[0]); // the same call, not a second one
    const keys = h.requestsTo('/command', 'POST').slice(sentBefore).map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(1);
    expect(h.mock.executor.findRun(started.id)?.status).toBe('paused');
    expect(result.current.commands.error).toBeNull();
    expect(result.current.detail.run?.status).toBe('paused');
  });

  it("keeps what newer events said over a command's answer that arrives after them (a late pause answer never un-cancels)", async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    const { result } = renderHook(
      () => {
        const detail = useRun('wf_quick', started.id, { live: false });
        return { detail, commands: useRunCommands(detail.run), feed: useRuns() };
      },
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.detail.run?.status).toBe('running'));
    const row = () => result.current.feed.runs.find((run) => run.id === started.id);
    await waitFor(() => expect(row()?.status).toBe('running'));
    // The server pauses the run and answers, but the answer is slow to arrive; meanwhile the run is canceled
    // elsewhere and a refresh brings those newer events in.
    let handled!: () => void;
    const atServer = new Promise<void>((resolve) => (handled = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const restore = h.tamper(async (request, response) => {
      if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/command')) return response;
      handled();
      await released;
      return response;
    });
    let outcome: Promise<CommandOutcome> | null = null;
    act(() => {
      outcome = result.current.commands.pause();
    });
    await atServer;
    expect(h.mock.executor.findRun(started.id)?.status).toBe('paused');
    h.mock.executor.command('wf_quick', { command: 'cancel', runId: started.id });
    await act(() => result.current.detail.refresh());
    expect(result.current.detail.run?.status).toBe('canceled');
    release();
    let answered: CommandOutcome | null = null;
    await act(async () => {
      answered = await outcome!;
    });
    restore();
    expect(answered).toMatchObject({ ok: true, run: { status: 'paused' } }); // the answer itself is the pause's
    expect(result.current.detail.run?.status).toBe('canceled'); // but the newer events win
    await waitFor(() => expect(row()?.status).toBe('canceled')); // in the list too, not Paused
    await act(() => sleep(50));
    expect(result.current.detail.run?.status).toBe('canceled');
    expect(row()?.status).toBe('canceled');
  });

  it('clicking again after a lost answer resends the same intent key; a settled intent gets a new one', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    const { result } = renderHook(
      () => {
        const detail = useRun('wf_quick', started.id, { live: false });
        return { detail, commands: useRunCommands(detail.run) };
      },
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.detail.run?.status).toBe('running'));
    const sentBefore = h.requestsTo('/command', 'POST').length;
    // The connection drops: the pause reaches the server, its answer and the catch-up read are lost.
    const restore = h.tamper(() => {
      throw new TypeError('Failed to fetch');
    });
    let outcome: CommandOutcome | null = null;
    await act(async () => {
      outcome = await result.current.commands.pause();
    });
    expect(outcome).toMatchObject({ ok: false, code: 'network_error' });
    expect(h.mock.executor.findRun(started.id)?.status).toBe('paused'); // it reached the server
    await waitFor(() => expect(result.current.detail.isFetching).toBe(false));
    expect(result.current.commands.controls.pause.available).toBe(true); // rolled back: the view still says running
    restore();

    await act(async () => {
      outcome = await result.current.commands.pause(); // the user clicks Pause again
    });
    expect(outcome).toMatchObject({ ok: true, run: { status: 'paused' } });
    await waitFor(() => expect(result.current.commands.error).toBeNull());
    await waitFor(() => expect(result.current.commands.controls.resume.available).toBe(true));
    await act(async () => {
      outcome = await result.current.commands.resume();
    });
    expect(outcome).toMatchObject({ ok: true, run: { status: 'running' } });
    await waitFor(() => expect(result.current.commands.controls.pause.available).toBe(true));
    await act(async () => {
      outcome = await result.current.commands.pause(); // a new intent: the first pause settled
    });
    expect(outcome).toMatchObject({ ok: true, run: { status: 'paused' } });
    const keys = h.requestsTo('/command', 'POST').slice(sentBefore).map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(keys[1]).toBe(keys[0]);
    expect(new Set(keys.slice(1)).size).toBe(3);
  });

  it('retries a failed intent with the same key: a pause whose answer was lost is not sent as a new one', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    const { result } = renderHook(
      () => {
        const detail = useRun('wf_quick', started.id, { live: false });
        return { detail, commands: useRunCommands(detail.run) };
      },
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.detail.run?.status).toBe('running'));
    const sentBefore = h.requestsTo('/command', 'POST').length; // the start
    const restore = h.tamper((request, response) => {
      if (request.method === 'POST') throw new TypeError('Failed to fetch');
      return response;
    });
    let outcome: CommandOutcome | null = null;
    await act(async () => {
      outcome = await result.current.commands.pause();
    });
    expect(outcome).toMatchObject({ ok: false, code: 'network_error' });
    expect(h.mock.executor.findRun(started.id)?.status).toBe('paused'); // it did reach the server
    restore();

    await act(async () => {
      outcome = await result.current.commands.retry();
    });
    expect(outcome).toMatchObject({ ok: true, run: { status: 'paused' } });
    const keys = h.requestsTo('/command', 'POST').slice(sentBefore).map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    await waitFor(() => expect(result.current.detail.run?.status).toBe('paused'));
    await waitFor(() => expect(result.current.commands.error).toBeNull());
  });

  it('a later click after the status changed is a new intent, not a replay of an unanswered one', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    const { result } = renderHook(
      () => {
        const detail = useRun('wf_quick', started.id, { live: false });
        return { detail, commands: useRunCommands(detail.run) };
      },
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.detail.run?.status).toBe('running'));
    const before = h.requestsTo('/command', 'POST').length;
    // The pause reaches the server, but its answer is lost.
    const restore = h.tamper(async (request, response) => {
      if (request.method === 'POST') throw new TypeError('Failed to fetch');
      return response;
    });
    await act(async () => {
      await result.current.commands.pause();
    });
    restore();
    await act(() => result.current.detail.refresh());
    await waitFor(() => expect(result.current.detail.run?.status).toBe('paused'));
    await act(async () => {
      expect((await result.current.commands.resume()).ok).toBe(true);
    });
    await waitFor(() => expect(result.current.commands.controls.pause.available).toBe(true));

    // Minutes later the operator pauses again: a deliberate new action that must reach the server.
    await act(async () => {
      expect((await result.current.commands.pause()).ok).toBe(true);
    });
    expect(h.mock.executor.findRun(started.id)?.status).toBe('paused');
    const keys = h.requestsTo('/command', 'POST').slice(before).map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });
});
