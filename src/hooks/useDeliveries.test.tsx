// @vitest-environment jsdom
/** The delivery hooks against the reference executor: one query behind the list and a run's tab, pages, filters, one attempt. */
import { focusManager, onlineManager } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { notify } from '../../test/fixtures/deliveries.js';
import { setupHarness } from '../../test/hooks/harness.js';
import { useDeliveries } from './useDeliveries.js';
import { useDelivery } from './useDelivery.js';
import { useRunDeliveries } from './useRunDeliveries.js';

const h = setupHarness({ workflows: [notify] });

async function finishedRun() {
  const run = await h.client.command('wf_notify', { command: 'start' });
  h.mock.advance(30_000);
  return run;
}

describe('delivery hooks', () => {
  it('useRunDeliveries reads the same query as useDeliveries filtered by the run: one request, oldest first', async () => {
    const run = await finishedRun();
    const { result } = renderHook(() => ({ tab: useRunDeliveries(run.id), list: useDeliveries({ filters: { runId: run.id }, pageSize: 200 }) }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.tab.deliveries).toHaveLength(2));
    expect(result.current.tab.deliveries.map((d) => d.channel)).toEqual(['email', 'sms']);
    expect(result.current.list.deliveries.map((d) => d.channel)).toEqual(['sms', 'email']);
    expect(h.requestsTo('/v1/deliveries').filter((r) => r.query.get('runId') === run.id)).toHaveLength(1);
  });

  it('useRunDeliveries without a run shows nothing, even when the unfiltered list is cached', async () => {
    await finishedRun();
    const { result } = renderHook(() => ({ all: useDeliveries({ pageSize: 200 }), tab: useRunDeliveries(null) }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.all.deliveries.length).toBeGreaterThan(0));
    expect(result.current.tab.deliveries).toEqual([]);
  });

  it('useDeliveries pages with the cursor and asks again from the top when a filter changes', async () => {
    await finishedRun();
    await finishedRun();
    const changes: unknown[] = [];
    const { result } = renderHook(() => useDeliveries({ pageSize: 3, onFiltersChange: (f) => changes.push(f) }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.deliveries.length).toBeGreaterThanOrEqual(3));
    expect(result.current.hasMore).toBe(true);
    const first = result.current.deliveries.map((d) => d.id);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.deliveries.length).toBeGreaterThan(3));
    expect(new Set(result.current.deliveries.map((d) => d.id)).size).toBe(result.current.deliveries.length);
    expect(result.current.deliveries.slice(0, 3).map((d) => d.id)).toEqual(first);
    act(() => result.current.setFilters({ status: ['bounced'] }));
    await waitFor(() => expect(result.current.deliveries.length).toBeGreaterThan(0));
    expect(result.current.deliveries.every((d) => d.status === 'bounced')).toBe(true);
    expect(changes).toEqual([{ status: ['bounced'] }]);
    expect(h.requestsTo('/v1/deliveries').at(-1)?.query.get('status')).toBe('bounced');
  });

  it('refreshes the newest page on its own; once older pages are loaded it waits (updatesPaused) until asked', async () => {
    await finishedRun();
    await finishedRun();
    const listRequests = () => h.requestsTo('/v1/deliveries').length;
    const { result } = renderHook(() => useDeliveries({ pageSize: 2, refetchIntervalMs: 30 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.deliveries).toHaveLength(2));
    const firstLoad = listRequests();
    await waitFor(() => expect(listRequests()).toBeGreaterThan(firstLoad + 1)); // polling the newest page
    expect(result.current.updatesPaused).toBe(false);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.deliveries).toHaveLength(4));
    expect(result.current.updatesPaused).toBe(true);
    await waitFor(() => expect(h.inFlight()).toBe(0));
    const paused = listRequests();
    await act(() => new Promise((resolve) => setTimeout(resolve, 300))); // ten intervals
    // nor when the window comes back into focus or the network comes back
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
      onlineManager.setOnline(false);
      onlineManager.setOnline(true);
      focusManager.setFocused(undefined); // back to following the document
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(listRequests()).toBe(paused);
    // asked for: every loaded page again
    await act(() => result.current.refetch());
    expect(listRequests()).toBe(paused + 2);
  });

  it('useDelivery reads one attempt, and says notFound for an unknown id', async () => {
    const run = await finishedRun();
    const id = (await h.client.listDeliveries({ runId: run.id })).items[0]!.id;
    const { result } = renderHook(() => ({ one: useDelivery(id, { refetchIntervalMs: false }), none: useDelivery('dlv_missing') }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.one.delivery?.id).toBe(id));
    await waitFor(() => expect(result.current.none.notFound).toBe(true));
    expect(result.current.none.delivery).toBeNull();
    expect(result.current.one.notFound).toBe(false);
  });
});
