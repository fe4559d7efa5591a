// @vitest-environment jsdom
/** The run feed against the reference executor: filters, pages, and "N new runs" without reflowing the list. */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useRuns, useWorkflowRuns } from '../../src/hooks';
import { sleep, setupHarness } from './harness';
import { quickFlow, reviewFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow, reviewFlow] });

async function startMany(workflowId: string, count: number, params: { subject?: string } = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await h.client.command(workflowId, { command: 'start', params })).id);
    h.mock.advance(1_000); // distinct queue times
  }
  return ids;
}

describe('useRuns', () => {
  it('filters by workflow, status and subject, newest first', async () => {
    await startMany('wf_quick', 3);
    const [target] = await startMany('wf_review', 1, { subject: 'ana@example.com' });
    const { result } = renderHook(() => useRuns({ defaultFilters: { workflowId: 'wf_review' } }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.runs.every((run) => run.workflowId === 'wf_review')).toBe(true);

    act(() => result.current.setFilters((filters) => ({ ...filters, subject: 'ana@example.com' })));
    await waitFor(() => expect(result.current.runs.map((run) => run.id)).toEqual([target]));

    act(() => result.current.setFilters({ status: ['failed'] }));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.runs.every((run) => run.status === 'failed')).toBe(true);
  });

  it('walks cursor pages one by one, controlled by the host', async () => {
    await startMany('wf_quick', 7);
    const onPageIndexChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ pageIndex }) => useRuns({ pagination: 'pages', pageSize: 3, pageIndex, onPageIndexChange }),
      { wrapper: h.wrapper, initialProps: { pageIndex: 0 } },
    );
    await waitFor(() => expect(result.current.runs).toHaveLength(3));
    const first = result.current.runs.map((run) => run.id);
    expect(result.current.hasPreviousPage).toBe(false);
    expect(result.current.hasNextPage).toBe(true);

    act(() => result.current.setPageIndex(1));
    expect(onPageIndexChange).toHaveBeenCalledWith(1);
    rerender({ pageIndex: 2 }); // a page restored from the URL: pages are walked in order
    await waitFor(() => expect(result.current.pageCount).toBe(3));
    const third = result.current.runs.map((run) => run.id);
    expect(third.length).toBeGreaterThan(0);
    expect(third.some((id) => first.includes(id))).toBe(false);
    expect(result.current.hasPreviousPage).toBe(true);
  });

  it('grows one list with loadMore in infinite mode', async () => {
    await startMany('wf_quick', 5);
    const { result } = renderHook(() => useRuns({ pageSize: 2 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.runs).toHaveLength(2));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.runs).toHaveLength(4));
    expect(new Set(result.current.runs.map((run) => run.id)).size).toBe(4);
  });

  it('counts new runs without reflowing the list, and shows them on request', async () => {
    await startMany('wf_quick', 2);
    const { result } = renderHook(() => useWorkflowRuns('wf_quick', { newRunsIntervalMs: 25 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    const shown = result.current.runs.map((run) => run.id);

    // Someone else starts two runs.
    h.mock.advance(1_000);
    h.mock.executor.command('wf_quick', { command: 'start' });
    h.mock.advance(1_000);
    h.mock.executor.command('wf_quick', { command: 'start' });
    h.mock.executor.command('wf_review', { command: 'start' }); // another workflow: not counted

    await waitFor(() => expect(result.current.newCount).toBe(2));
    await sleep(60);
    expect(result.current.runs.map((run) => run.id)).toEqual(shown); // the list did not move

    act(() => result.current.showNew());
    await waitFor(() => expect(result.current.runs).toHaveLength(shown.length + 2));
    expect(result.current.runs.slice(2).map((run) => run.id)).toEqual(shown);
    await waitFor(() => expect(result.current.newCount).toBe(0));
  });

  it('counts new runs in any sort order, from the newest run on the server', async () => {
    await startMany('wf_quick', 3);
    h.mock.advance(60_000);
    const { result } = renderHook(() => useRuns({ defaultSort: 'runTimeMs', pageSize: 2, newRunsIntervalMs: 25 }), {
      wrapper: h.wrapper,
    });
    await waitFor(() => expect(result.current.runs).toHaveLength(2));
    await sleep(100); // several checks: runs that existed before, on pages not loaded, are not "new"
    expect(result.current.newCount).toBe(0);
    h.mock.executor.command('wf_quick', { command: 'start' });
    await waitFor(() => expect(result.current.newCount).toBe(1));
  });

  it('keeps the statuses of listed active runs current in place, and stops once none is active', async () => {
    const ids = await startMany('wf_quick', 2, { subject: 'live@example.com' });
    const { result } = renderHook(
      () => useWorkflowRuns('wf_quick', { defaultFilters: { subject: 'live@example.com' }, activeRunsIntervalMs: 25, newRunsIntervalMs: false }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.runs).toHaveLength(2));
    const order = result.current.runs.map((run) => run.id);
    expect(result.current.runs.some((run) => run.status !== 'succeeded')).toBe(true);

    h.mock.advance(120_000); // both runs finish on the server
    await waitFor(() => expect(result.current.runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded']));
    expect(result.current.runs.map((run) => run.id)).toEqual(order); // updated in place, not reordered
    expect(new Set(order)).toEqual(new Set(ids));

    // Nothing is active any more: no further refresh requests.
    const before = h.requestsTo('/runs', 'GET').length;
    await sleep(150);
    expect(h.requestsTo('/runs', 'GET').length).toBe(before);
  });

  it('refreshes listed rows by id: a run that leaves the status filter still shows its final status, and polling stops', async () => {
    const run = await h.client.command('wf_quick', { command: 'start', params: { subject: 'leaves@example.com' } });
    h.mock.advance(1_000);
    const { result } = renderHook(
      () =>
        useWorkflowRuns('wf_quick', {
          defaultFilters: { status: ['queued', 'claimed', 'running'], subject: 'leaves@example.com' },
          activeRunsIntervalMs: 25,
          newRunsIntervalMs: false,
        }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.runs).toHaveLength(1));
    h.mock.advance(120_000);
    await waitFor(() => expect(result.current.runs[0]!.status).toBe('succeeded'));
    expect(result.current.runs[0]!.id).toBe(run.id);
    const before = h.requestsTo('/runs', 'GET').length;
    await sleep(150);
    expect(h.requestsTo('/runs', 'GET').length).toBe(before);
  });

  it('rows pushed down by newer runs (announced, not inserted) still reach their final status', async () => {
    await startMany('wf_quick', 3, { subject: 'pushed@example.com' });
    const { result } = renderHook(
      () => useWorkflowRuns('wf_quick', { defaultFilters: { subject: 'pushed@example.com' }, pageSize: 3, activeRunsIntervalMs: 25, newRunsIntervalMs: false }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.runs).toHaveLength(3));
    const shown = result.current.runs.map((r) => r.id);
    await startMany('wf_quick', 3, { subject: 'pushed@example.com' });
    h.mock.advance(600_000);
    await waitFor(() => expect(result.current.runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']));
    expect(result.current.runs.map((r) => r.id)).toEqual(shown);
  });
});
