// @vitest-environment jsdom
/**
 * Status counts and bulk cancel/replay against the reference executor: counts that follow the filters and the
 * feed, a bulk job started once per intent, followed to its end, its results paged, and the views it changed
 * refreshed.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BulkJob } from '../../src/api';
import { useBulkRunAction, useRun, useRunStatusCounts, useRuns, useWorkflowRuns } from '../../src/hooks';
import { setupHarness, sleep } from './harness';
import { quickFlow, reviewFlow } from './workflows';

const h = setupHarness({ workflows: [quickFlow, reviewFlow] });

async function startMany(workflowId: string, count: number, params: { subject?: string } = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await h.client.command(workflowId, { command: 'start', params })).id);
    h.mock.advance(100);
  }
  return ids;
}

/** Lets the executor work through bulk jobs (100 ms of its clock per batch). */
const tick = () => h.mock.advance(100);

describe('useRunStatusCounts', () => {
  it('counts every status for the filters; total honours the status filter, byStatus does not', async () => {
    const subject = 'counts@example.com';
    await startMany('wf_quick', 2, { subject });
    h.mock.advance(60_000); // both succeed
    await startMany('wf_quick', 1, { subject });
    await startMany('wf_review', 1, { subject }); // another workflow
    const { result, rerender } = renderHook(
      ({ status }: { status?: ('queued' | 'succeeded')[] }) =>
        useRunStatusCounts({ workflowId: 'wf_quick', filters: { subject, ...(status ? { status } : {}) } }),
      { wrapper: h.wrapper, initialProps: {} },
    );
    await waitFor(() => expect(result.current.counts).not.toBeNull());
    expect(result.current.total).toBe(3);
    expect(result.current.byStatus).toMatchObject({ succeeded: 2, queued: 1, failed: 0, canceled: 0 });

    rerender({ status: ['queued'] });
    await waitFor(() => expect(result.current.total).toBe(1));
    expect(result.current.byStatus).toMatchObject({ succeeded: 2, queued: 1 }); // chips still show what each would add
    expect(h.requestsTo('/v1/workflows/wf_quick/runs/counts', 'GET').at(-1)!.query.get('status')).toBe('queued');
  });

  it('counts again when the feed with the same filters refreshes its rows', async () => {
    const subject = 'follow@example.com';
    await startMany('wf_quick', 2, { subject });
    const filters = { subject };
    const { result } = renderHook(
      () => ({
        feed: useRuns({ filters, activeRunsIntervalMs: 25, newRunsIntervalMs: false }),
        counts: useRunStatusCounts({ filters, refetchIntervalMs: false }),
      }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.counts.total).toBe(2));
    expect(result.current.counts.byStatus!.succeeded).toBe(0);
    h.mock.advance(60_000); // both finish on the server; the feed's row refresh notices
    await waitFor(() => expect(result.current.feed.runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded']));
    // Asked again at most once a second, and after the last change.
    await waitFor(() => expect(result.current.counts.byStatus!.succeeded).toBe(2), { timeout: 2_500 });
    expect(h.requestsTo('/v1/runs/counts', 'GET').length).toBeLessThanOrEqual(3);
  });

  it('answers an invalid filter with an error value, not a throw', async () => {
    const { result } = renderHook(() => useRunStatusCounts({ workflowId: 'wf_missing' }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.error?.status).toBe(404));
    expect(result.current.counts).toBeNull();
  });
});

describe('useBulkRunAction', () => {
  it('cancels selected runs as one job, follows it to the end, pages its results and refreshes the feed and counts', async () => {
    h.mock.executor.configureWorker({ stalled: true }); // runs stay queued: cancelable
    const subject = 'bulk@example.com';
    const queued = await startMany('wf_quick', 3, { subject });
    h.mock.executor.configureWorker({ stalled: false });
    const { result } = renderHook(
      () => ({
        feed: useWorkflowRuns('wf_quick', { defaultFilters: { subject }, newRunsIntervalMs: false, activeRunsIntervalMs: false }),
        counts: useRunStatusCounts({ workflowId: 'wf_quick', filters: { subject }, refetchIntervalMs: false }),
        bulk: useBulkRunAction({ pollIntervalMs: 20, resultsPageSize: 2 }),
      }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.feed.runs).toHaveLength(3));
    await waitFor(() => expect(result.current.counts.byStatus?.queued).toBe(3));

    let jobs: (BulkJob | null)[] = [];
    await act(async () => {
      // A double click: one request, one job.
      jobs = await Promise.all([
        result.current.bulk.start({ action: 'cancel', runIds: [...queued, 'run_unknown'] }),
        result.current.bulk.start({ action: 'cancel', runIds: [...queued, 'run_unknown'] }),
      ]);
    });
    expect(jobs[0]).toMatchObject({ status: 'running', total: 4, processed: 0 });
    expect(jobs[1]).toBe(jobs[0]);
    expect(h.requestsTo('/v1/runs/bulk', 'POST')).toHaveLength(1);
    expect(h.requestsTo('/v1/runs/bulk', 'POST')[0]!.idempotencyKey).toBeTruthy();
    await waitFor(() => expect(result.current.bulk.job?.status).toBe('running'));
    expect(result.current.bulk.isRunning).toBe(true);
    expect(result.current.bulk.results).toEqual([]);

    tick(); // the executor works through the job
    await waitFor(() => expect(result.current.bulk.job).toMatchObject({ status: 'done', processed: 4, succeeded: 3, refused: 1 }));
    expect(result.current.bulk.isRunning).toBe(false);
    await waitFor(() => expect(result.current.bulk.results).toHaveLength(2));
    expect(result.current.bulk.hasMoreResults).toBe(true);
    act(() => result.current.bulk.loadMoreResults());
    await waitFor(() => expect(result.current.bulk.results).toHaveLength(4));
    expect(result.current.bulk.results.map((r) => r.outcome)).toEqual(['done', 'done', 'done', 'refused']);
    expect(result.current.bulk.results[3]).toMatchObject({ runId: 'run_unknown', problem: { code: 'run_not_found' } });
    expect(result.current.bulk.hasMoreResults).toBe(false);

    // The rows and the chips show the new statuses without a user refresh.
    await waitFor(() => expect(result.current.feed.runs.map((run) => run.status)).toEqual(['canceled', 'canceled', 'canceled']));
    await waitFor(() => expect(result.current.counts.byStatus).toMatchObject({ canceled: 3, queued: 0 }));
    const polls = h.requestsTo(/\/v1\/runs\/bulk\/[^/]+$/, 'GET').length;
    await sleep(80);
    expect(h.requestsTo(/\/v1\/runs\/bulk\/[^/]+$/, 'GET').length).toBe(polls); // a done job is not polled
  });

  it('says why each run was refused, with the reason the single command gives', async () => {
    const [finished] = await startMany('wf_quick', 1);
    h.mock.advance(60_000);
    const { result } = renderHook(() => useBulkRunAction({ pollIntervalMs: 20, resultsOutcome: 'refused' }), { wrapper: h.wrapper });
    await act(async () => {
      await result.current.start({ action: 'cancel', runIds: [finished!] });
    });
    tick();
    await waitFor(() => expect(result.current.results).toHaveLength(1));
    expect(result.current.results[0]!.problem).toMatchObject({ code: 'run_finished', detail: 'The run has already succeeded.' });
  });

  it('replays every finished run matching the filters but those taken out, and the replays appear in the feed', async () => {
    const subject = 'replay@example.com';
    const ids = await startMany('wf_quick', 3, { subject });
    h.mock.advance(60_000);
    const { result } = renderHook(
      () => ({
        feed: useRuns({ defaultFilters: { subject }, newRunsIntervalMs: false }),
        bulk: useBulkRunAction({ pollIntervalMs: 20 }),
      }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.feed.runs).toHaveLength(3));
    await act(async () => {
      await result.current.bulk.start({ action: 'replay', filter: { subject, status: ['succeeded'], range: '24h' }, except: [ids[0]!] });
    });
    const sent = h.requestsTo('/v1/runs/bulk', 'POST');
    expect(sent).toHaveLength(1);
    tick();
    await waitFor(() => expect(result.current.bulk.results).toHaveLength(2));
    const replays = result.current.bulk.results.map((r) => r.newRunId);
    expect(result.current.bulk.results.map((r) => r.runId).sort()).toEqual([ids[1], ids[2]].sort());
    await waitFor(() => expect(result.current.feed.runs).toHaveLength(5));
    expect(result.current.feed.runs.filter((run) => run.trigger.type === 'replay').map((run) => run.id).sort()).toEqual([...replays].sort());
  });

  it('keeps the intent key after a lost answer, so the retry gets the same job, and a new intent gets a new key', async () => {
    h.mock.executor.configureWorker({ stalled: true });
    const [id] = await startMany('wf_quick', 1);
    const restore = h.tamper((request, response) => {
      if (request.method === 'POST' && request.url.endsWith('/v1/runs/bulk')) throw new TypeError('Failed to fetch');
      return response;
    });
    const { result } = renderHook(() => useBulkRunAction({ pollIntervalMs: 20 }), { wrapper: h.wrapper });
    let first: BulkJob | null = null;
    await act(async () => {
      first = await result.current.start({ action: 'cancel', runIds: [id!] });
    });
    expect(first).toBeNull();
    await waitFor(() => expect(result.current.error?.kind).toBe('network'));
    restore();
    let second: BulkJob | null = null;
    await act(async () => {
      second = await result.current.start({ action: 'cancel', runIds: [id!] });
    });
    const keys = h.requestsTo('/v1/runs/bulk', 'POST').map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    // The retry answered the job the lost request made: no second job exists on the server.
    const next = `bulk_${String(Number(second!.id.slice('bulk_'.length)) + 1).padStart(4, '0')}`;
    expect(h.mock.executor.getBulkJob(second!.id).total).toBe(1);
    expect(() => h.mock.executor.getBulkJob(next)).toThrow();
    expect(result.current.error).toBeNull();
    tick();
    await waitFor(() => expect(result.current.job?.status).toBe('done'));
    expect(h.mock.executor.findRun(id!)!.status).toBe('canceled');

    await act(async () => {
      await result.current.start({ action: 'cancel', runIds: [id!] });
    });
    expect(h.requestsTo('/v1/runs/bulk', 'POST').at(-1)!.idempotencyKey).not.toBe(keys[0]);
    act(() => result.current.reset());
    expect(result.current.job).toBeNull();
    h.mock.executor.configureWorker({ stalled: false });
  });

  it('refreshes an open view of a run the job canceled', async () => {
    h.mock.executor.configureWorker({ stalled: true });
    const [id] = await startMany('wf_quick', 1);
    const { result } = renderHook(
      () => ({ run: useRun('wf_quick', id, { pollIntervalMs: 60_000 }), bulk: useBulkRunAction({ pollIntervalMs: 20 }) }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.run.run?.status).toBe('queued'));
    await act(async () => {
      await result.current.bulk.start({ action: 'cancel', runIds: [id!] });
    });
    tick();
    await waitFor(() => expect(result.current.run.run?.status).toBe('canceled')); // long before its next poll
    h.mock.executor.configureWorker({ stalled: false });
  });

  it('reports a refused request (422) as an error value and starts nothing', async () => {
    const { result } = renderHook(() => useBulkRunAction(), { wrapper: h.wrapper });
    let job: BulkJob | null = null;
    await act(async () => {
      job = await result.current.start({ action: 'cancel', runIds: [] });
    });
    expect(job).toBeNull();
    await waitFor(() => expect(result.current.error?.status).toBe(422));
    expect(result.current.job).toBeNull();
    expect(result.current.isRunning).toBe(false);
  });
});
