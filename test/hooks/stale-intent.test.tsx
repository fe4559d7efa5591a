// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRun, useRunCommands, type CommandOutcome } from '/work/main/src/hooks';
import { useHarness } from '/work/main/test/hooks/harness';
import { quickFlow } from '/work/main/test/hooks/workflows';

const h = useHarness({ workflows: [quickFlow] });

describe('open intent key reused for a later, distinct click', () => {
  it('pause (answer lost) → resume → pause again: the second pause is silently a no-op', async () => {
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
    const restore = h.tamper((request, response) => {
      if (request.method === 'POST') throw new TypeError('Failed to fetch');
      return response;
    });
    let o: CommandOutcome | null = null;
    await act(async () => { o = await result.current.commands.pause(); });
    console.log('first pause outcome ok=', o!.ok, 'server=', h.mock.executor.findRun(started.id)?.status);
    restore();
    await act(() => result.current.detail.refresh());
    await waitFor(() => expect(result.current.detail.run?.status).toBe('paused'));
    await act(async () => { o = await result.current.commands.resume(); });
    console.log('resume ok=', o!.ok, 'server=', h.mock.executor.findRun(started.id)?.status);
    await waitFor(() => expect(result.current.commands.controls.pause.available).toBe(true));
    // Minutes later, the operator pauses again: a new, deliberate action.
    await act(async () => { o = await result.current.commands.pause(); });
    const keys = h.requestsTo('/command', 'POST').map((r) => r.idempotencyKey);
    console.log('second pause ok=', o!.ok, 'answered status=', (o as any).run?.status, 'server=', h.mock.executor.findRun(started.id)?.status, 'keys', keys);
    expect(h.mock.executor.findRun(started.id)?.status).toBe('paused');
  });
});
