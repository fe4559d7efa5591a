// @vitest-environment jsdom
/** The read-only hooks against the reference executor: events, context, workflows, logs (live tail), analytics. */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAnalytics, useLogSearch, useRunContext, useRunEvents, useWorkflow, useWorkflows } from '../../src/hooks';
import { setupHarness } from './harness';
import { quickFlow, reviewFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow, reviewFlow] });

describe('read hooks', () => {
  it('useRunEvents loads the log incrementally and stops after the terminal event', async () => {
    const run = await h.client.command('wf_quick', { command: 'start' });
    const { result } = renderHook(() => useRunEvents('wf_quick', run.id, { pollIntervalMs: 25 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.events.length).toBeGreaterThan(0));
    const first = result.current.events;
    h.mock.advance(60_000);
    await waitFor(() => expect(result.current.finished).toBe(true));
    const seqs = result.current.events.map((event) => event.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b)); // no duplicates, in order
    expect(result.current.events.slice(0, first.length)).toEqual(first);
    expect(result.current.events.at(-1)?.type).toBe('run_succeeded');
    const afters = h.requestsTo('/events').map((request) => Number(request.query.get('after')));
    expect(afters[0]).toBe(0);
    expect(afters.at(-1)).toBeGreaterThan(0);

    const { result: errorsOnly } = renderHook(
      () => useRunEvents('wf_quick', run.id, { filters: { severity: ['error'], type: ['run_succeeded'] } }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(errorsOnly.current.finished).toBe(true));
    expect(errorsOnly.current.events).toEqual([]);
    // the log search's filters: one type, and text in the message (case-insensitive), written inline at each render
    const { result: finished, rerender } = renderHook(() => useRunEvents('wf_quick', run.id, { filters: { type: ['run_succeeded'], q: 'SUCCEEDED' } }), {
      wrapper: h.wrapper,
    });
    await waitFor(() => expect(finished.current.events.map((event) => event.type)).toEqual(['run_succeeded']));
    const shown = finished.current.events;
    rerender(); // new filter objects, the same values: the same array, not filtered again
    expect(finished.current.events).toBe(shown);
  });

  it('useRunContext gives step states and variables', async () => {
    const run = await h.client.command('wf_quick', { command: 'start', params: { input: {} } });
    h.mock.advance(60_000);
    const { result } = renderHook(() => useRunContext('wf_quick', run.id), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.context).not.toBeNull());
    expect(result.current.context?.status).toBe('succeeded');
    expect(result.current.context?.steps.map((step) => step.name)).toContain('Transform');
    expect(typeof result.current.variables).toBe('object');
  });

  it('useWorkflows and useWorkflow list workflows with their input schema and defaults', async () => {
    const { result } = renderHook(() => ({ list: useWorkflows(), one: useWorkflow('wf_review') }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.list.workflows.map((w) => w.id).sort()).toEqual(['wf_quick', 'wf_review']));
    await waitFor(() => expect(result.current.one.workflow?.name).toBe('Refund review'));
    expect(result.current.one.workflow?.graph.nodes.map((node) => node.kind)).toContain('review');
  });

  it('useLogSearch finds entries and tails new ones on top', async () => {
    await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(60_000);
    const { result } = renderHook(() => useLogSearch({ liveTail: true, tailIntervalMs: 25 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.entries.length).toBeGreaterThan(0));
    const before = result.current.entries;
    const later = await h.client.command('wf_review', { command: 'start' });
    h.mock.advance(10_000);
    await waitFor(() => expect(result.current.tailCount).toBeGreaterThan(0));
    expect(result.current.entries.slice(result.current.tailCount)).toEqual(before); // older entries stay put
    expect(result.current.entries.slice(0, result.current.tailCount).every((entry) => entry.runId === later.id)).toBe(true);

    act(() => result.current.setFilters({ runId: later.id, severity: ['info'] }));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.entries.length).toBeGreaterThan(0);
    expect(result.current.entries.every((entry) => entry.runId === later.id && entry.severity === 'info')).toBe(true);
  });

  it('the live tail takes an entry that arrives late, below newer ones already tailed', async () => {
    await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(60_000);
    // A store with several writers: one entry of the new run becomes visible only after newer ones.
    let late: { runId: string; seq: number } | null = null;
    const restore = h.tamper(async (request, response) => {
      if (!late || !new URL(request.url).pathname.endsWith('/logs')) return response;
      const body = (await response.json()) as { items: { runId: string; seq: number }[] };
      const hidden = late;
      const items = body.items.filter((entry) => !(entry.runId === hidden.runId && entry.seq === hidden.seq));
      return new Response(JSON.stringify({ ...body, items }), { status: response.status, headers: response.headers });
    });
    const { result } = renderHook(() => useLogSearch({ liveTail: true, tailIntervalMs: 25 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.entries.length).toBeGreaterThan(0));
    const later = await h.client.command('wf_review', { command: 'start' });
    late = { runId: later.id, seq: 2 };
    h.mock.advance(10_000);
    const tailed = () => result.current.entries.slice(0, result.current.tailCount);
    await waitFor(() => expect(tailed().filter((entry) => entry.runId === later.id).length).toBeGreaterThan(2));
    expect(tailed().some((entry) => entry.seq === 2 && entry.runId === later.id)).toBe(false);
    late = null; // now it shows up, below the newest tailed entry
    await waitFor(() => expect(tailed().some((entry) => entry.seq === 2 && entry.runId === later.id)).toBe(true));
    restore();
  });

  it('useAnalytics reads a window and switches it', async () => {
    await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(60_000);
    const { result } = renderHook(() => useAnalytics({ refetchIntervalMs: false }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.analytics?.window).toBe('24h'));
    expect(result.current.analytics!.succeeded).toBeGreaterThan(0);
    act(() => result.current.setWindow('7d'));
    await waitFor(() => expect(result.current.analytics?.window).toBe('7d'));
    expect(result.current.window).toBe('7d');
  });
});
