// @vitest-environment jsdom
/**
 * `useRun` polling against the reference executor: a run observed through every status, only events after
 * the last seq fetched per poll, no requests after terminal, and no polls while the tab is hidden.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunStatus } from '../../src/api';
import { getStep, useRun } from '../../src/hooks';
import { setVisibility, sleep, setupHarness } from './harness';
import { quickFlow, reviewFlow } from './workflows';

const h = setupHarness({ workflows: [reviewFlow, quickFlow] });
const POLL = 25;

afterEach(() => setVisibility('visible'));

function track(workflowId: string, runId: string) {
  const seen: RunStatus[] = [];
  const hook = renderHook(
    () => {
      const result = useRun(workflowId, runId, { pollIntervalMs: POLL });
      const status = result.run?.status;
      if (status && seen.at(-1) !== status) seen.push(status);
      return result;
    },
    { wrapper: h.wrapper },
  );
  return { ...hook, seen };
}

describe('useRun (polling)', () => {
  it('follows a run queued → claimed → running → waiting → (approve) → succeeded', async () => {
    const started = await h.client.command('wf_review', { command: 'start' });
    const { result, seen } = track('wf_review', started.id);
    await waitFor(() => expect(result.current.run?.status).toBe('queued'));

    h.mock.advance(1_500); // a worker claims it
    await waitFor(() => expect(result.current.run?.status).toBe('claimed'));
    h.mock.advance(500); // and starts it
    await waitFor(() => expect(result.current.run?.status).toBe('running'));
    const lookupWhileRunning = getStep(result.current.state!, result.current.steps[0]!.id);

    h.mock.advance(2_000); // the lookup finishes; the review waits for a person
    await waitFor(() => expect(result.current.run?.status).toBe('waiting'));
    const lookup = result.current.steps.find((step) => step.name === 'Look up order')!;
    expect(lookup.status).toBe('succeeded');
    expect(lookupWhileRunning?.status).toBe('running');

    const review = result.current.steps.find((step) => step.kind === 'review')!;
    expect(review.status).toBe('waiting');
    h.mock.executor.decide(review.approvalId!, { decision: 'approve' }, 'alice');
    await waitFor(() => expect(result.current.run?.status).toBe('running'));
    h.mock.advance(1_000);
    await waitFor(() => expect(result.current.run?.status).toBe('succeeded'));

    expect(seen).toEqual(['queued', 'claimed', 'running', 'waiting', 'running', 'succeeded']);
    // The lookup finished before the review: later polls left its object alone.
    expect(result.current.steps.find((step) => step.id === lookup.id)).toBe(lookup);
    expect(result.current.steps.map((step) => step.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);

    // One full snapshot, then only the events after the last seq, with `after` never going back.
    expect(h.requestsTo(`/runs/${started.id}`, 'GET')).toHaveLength(1);
    const afters = h.requestsTo('/events').map((request) => Number(request.query.get('after')));
    expect(afters.length).toBeGreaterThan(4);
    expect(afters).toEqual([...afters].sort((a, b) => a - b));
    expect(afters[0]).toBeGreaterThan(0);
    expect(result.current.state!.lastSeq).toBe(h.mock.executor.getRun('wf_review', started.id).run.lastSeq);
  });

  it('stops requesting once the run is terminal, even on focus', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const { result } = track('wf_quick', started.id);
    await waitFor(() => expect(result.current.isLive).toBe(true));
    h.mock.advance(60_000);
    await waitFor(() => expect(result.current.run?.status).toBe('succeeded'));
    expect(result.current.isLive).toBe(false);

    const count = h.requests.length;
    await sleep(POLL * 10);
    act(() => setVisibility('visible')); // a focus event refetches stale queries; a finished run is never stale
    await sleep(POLL * 4);
    expect(h.requests.length).toBe(count);

    // Refresh on demand still works, and asks only for what is new (nothing).
    await act(() => result.current.refresh());
    const last = h.requests.at(-1)!;
    expect(last.path.endsWith('/events')).toBe(true);
    expect(Number(last.query.get('after'))).toBe(result.current.state!.lastSeq);
  });

  it('does not poll while the tab is hidden and catches up when it is shown', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    const { result } = track('wf_quick', started.id);
    await waitFor(() => expect(result.current.run?.status).toBe('queued'));
    await waitFor(() => expect(h.requestsTo('/events').length).toBeGreaterThan(0)); // polling while visible

    act(() => setVisibility('hidden'));
    await waitFor(() => expect(h.inFlight()).toBe(0)); // a poll already in flight lands first
    const count = h.requests.length;
    h.mock.advance(3_000); // the run moves on meanwhile
    await sleep(POLL * 10);
    expect(h.requests.length).toBe(count);
    expect(result.current.run?.status).toBe('queued');

    act(() => setVisibility('visible'));
    await waitFor(() => expect(result.current.run?.status).toBe('running'));
    expect(h.requests.length).toBeGreaterThan(count);
  });
});
