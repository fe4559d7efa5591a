// @vitest-environment jsdom
/** Step payloads in chunks against the reference executor: load more until fully loaded, then parse and window. */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStepPayload } from '../../src/hooks';
import { setupHarness } from './harness';
import { bigOutputFlow } from './workflows';

const h = setupHarness({ workflows: [bigOutputFlow] });
const CHUNK = 64 * 1024;

describe('useStepPayload', () => {
  it('loads a large output chunk by chunk to fully loaded, then shows its array 20 items at a time', async () => {
    const run = await h.client.command('wf_big_output', { command: 'start' });
    h.mock.advance(10_000);
    const { steps } = h.mock.executor.getRun('wf_big_output', run.id);
    const step = steps.find((s) => s.name === 'Export')!;
    expect(step.outputSize).toBeGreaterThan(4 * CHUNK);

    const { result } = renderHook(() => useStepPayload('wf_big_output', run.id, step.id, 'output', { chunkSize: CHUNK }), {
      wrapper: h.wrapper,
    });
    await waitFor(() => expect(result.current.payload.chunks).toBe(1));
    expect(result.current.payload.totalSize).toBe(step.outputSize);
    expect(result.current.fullyLoaded).toBe(false);
    expect(result.current.parsed).toBeNull(); // nothing to parse until the whole text is there

    const expected = Math.ceil(step.outputSize! / CHUNK);
    for (let chunk = 2; chunk <= expected; chunk++) {
      act(() => result.current.loadMore());
      act(() => result.current.loadMore()); // a double click does not fetch twice
      await waitFor(() => expect(result.current.payload.chunks).toBe(chunk));
    }
    expect(result.current.fullyLoaded).toBe(true);
    expect(result.current.payload.loadedBytes).toBe(step.outputSize);
    expect(h.requestsTo('/payload/output')).toHaveLength(expected);
    const offsets = h.requestsTo('/payload/output').map((request) => Number(request.query.get('offset') ?? 0));
    expect(offsets[0]).toBe(0);
    expect(new Set(offsets).size).toBe(offsets.length);

    // Fully loaded: parsed JSON, and a big array shown 20 at a time.
    expect(result.current.parsed?.kind).toBe('json');
    const items = result.current.items!;
    expect(items.total).toBeGreaterThan(40);
    expect(items.items).toHaveLength(20);
    act(() => result.current.showMore());
    expect(result.current.items!.items).toHaveLength(40);
    act(() => result.current.loadMore()); // nothing left to load
    expect(h.requestsTo('/payload/output')).toHaveLength(expected);
  });

  it('reports a missing step as an error value', async () => {
    const run = await h.client.command('wf_big_output', { command: 'start' });
    const { result } = renderHook(() => useStepPayload('wf_big_output', run.id, 'step_missing', 'output'), {
      wrapper: h.wrapper,
    });
    await waitFor(() => expect(result.current.error?.status).toBe(404));
    expect(result.current.fullyLoaded).toBe(false);
    expect(result.current.parsed).toBeNull();
  });

  it('survives a refetch of everything (a host invalidating the cache): chunks fit again, text unchanged', async () => {
    const run = await h.client.command('wf_big_output', { command: 'start' });
    h.mock.advance(10_000);
    const step = h.mock.executor.getRun('wf_big_output', run.id).steps.find((s) => s.name === 'Export')!;
    const { result } = renderHook(() => useStepPayload('wf_big_output', run.id, step.id, 'output', { chunkSize: CHUNK }), {
      wrapper: h.wrapper,
    });
    await waitFor(() => expect(result.current.payload.chunks).toBe(1));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.payload.chunks).toBe(2));
    const text = result.current.payload.text;
    expect(result.current.pieces.join('')).toBe(text);
    const asked = h.requestsTo('/payload/output').length;
    await act(() => h.queryClient.invalidateQueries());
    // Both pages asked for again, in order, each fitted onto the one before it.
    await waitFor(() => expect(h.requestsTo('/payload/output').length).toBe(asked + 2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.error).toBeNull();
    expect(result.current.problem).toBeNull();
    expect(result.current.payload.text).toBe(text);
    expect(result.current.pieces.join('')).toBe(text);
  });
});
