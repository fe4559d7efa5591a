// @vitest-environment jsdom
/**
 * What one poll of a running 10 000-step run costs: the events after the last seq versus refetching the run with
 * all its steps. Prints the measured numbers; fails if incremental polling stops being far cheaper.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRun } from '../../src/hooks';
import { setupHarness } from './harness';
import { loopFlow } from './workflows';

// An iteration step and a task step per item; after 5 000 items the run has 10 000 steps and is still running.
const ITEMS = 5_200;
const DONE = 5_000;
// The first load reads the whole 10 000-step run: a busy machine may take more than the usual 5 s deadline.
const h = setupHarness({ workflows: [loopFlow('wf_10k', ITEMS)], timeoutMs: 60_000 });

describe('bytes per poll of a running 10 000-step run', () => {
  it('asks only for the events after the last seq', async () => {
    const started = await h.client.command('wf_10k', { command: 'start' });
    h.mock.advance(2_000 + DONE * 1_000);
    const { result } = renderHook(() => useRun('wf_10k', started.id, { pollIntervalMs: 600_000 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.run).not.toBeNull(), { timeout: 15_000 });
    const stepCount = result.current.steps.length;
    expect(result.current.run?.status).toBe('running');
    const full = h.requestsTo(`/runs/${started.id}`, 'GET')[0]!.bytes!;

    const sizes: number[] = [];
    for (let poll = 0; poll < 3; poll++) {
      h.mock.advance(10_000); // one poll interval of progress
      await act(() => result.current.refresh());
      sizes.push(h.requests.at(-1)!.bytes!);
    }
    const perPoll = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
    console.info(
      `[poll-bytes] ${stepCount} steps: full refetch ${full} B, events-after-seq poll ${perPoll} B on average ` +
        `(${sizes.join(', ')}), ${(full / perPoll).toFixed(0)}× less`,
    );
    expect(stepCount).toBeGreaterThanOrEqual(10_000);
    expect(perPoll * 50).toBeLessThan(full);
  }, 120_000);
});
