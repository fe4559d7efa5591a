// @vitest-environment jsdom
/** Approvals against the reference executor: pending count, decisions, and someone else deciding first. */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useApprovals, usePendingApprovalCount, useRun, type ApprovalDecisionState } from '../../src/hooks';
import { setupHarness } from './harness';
import { reviewFlow } from './workflows';

// A long client deadline: the double-click tests hold an answer while clicks land, however slow the machine.
const h = setupHarness({ workflows: [reviewFlow], timeoutMs: 30_000 });

async function waitingRun() {
  const run = await h.client.command('wf_review', { command: 'start' });
  h.mock.advance(5_000);
  expect(h.mock.executor.findRun(run.id)?.status).toBe('waiting');
  return run;
}

describe('useApprovals', () => {
  it('approves a pending review: the count drops and the run goes on', async () => {
    const run = await waitingRun();
    const { result } = renderHook(
      () => ({ inbox: useApprovals(), badge: usePendingApprovalCount(), detail: useRun('wf_review', run.id, { pollIntervalMs: 25 }) }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.inbox.approvals.some((a) => a.runId === run.id)).toBe(true));
    const pending = result.current.inbox.pendingCount;
    expect(result.current.badge.count).toBe(pending);
    const approval = result.current.inbox.approvals.find((a) => a.runId === run.id)!;

    let outcome: ApprovalDecisionState | null = null;
    await act(async () => {
      outcome = await result.current.inbox.decide(approval.id, 'approve', 'Looks right');
    });
    expect(outcome).toMatchObject({ status: 'decided', approval: { status: 'approved', comment: 'Looks right' } });
    expect(result.current.inbox.decisions[approval.id]?.status).toBe('decided');
    await waitFor(() => expect(result.current.badge.count).toBe(pending - 1));
    await waitFor(() => expect(result.current.inbox.approvals.some((a) => a.id === approval.id)).toBe(false));
    await waitFor(() => expect(result.current.detail.run?.status).toBe('running'));
  });

  it('reports a review decided elsewhere (409) with its current state, and changes nothing', async () => {
    const run = await waitingRun();
    const { result } = renderHook(() => useApprovals(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.approvals.some((a) => a.runId === run.id)).toBe(true));
    const approval = result.current.approvals.find((a) => a.runId === run.id)!;

    h.mock.executor.decide(approval.id, { decision: 'reject', comment: 'Not eligible' }, 'bob'); // a colleague, first
    let outcome: ApprovalDecisionState | null = null;
    await act(async () => {
      outcome = await result.current.decide(approval.id, 'approve');
    });
    expect(outcome).toMatchObject({
      status: 'decidedElsewhere',
      approval: { id: approval.id, status: 'rejected', decidedBy: 'bob', comment: 'Not eligible' },
    });
    const state = result.current.decisions[approval.id];
    expect(state?.status === 'decidedElsewhere' && state.error.status).toBe(409);
    expect(h.mock.executor.getApproval(approval.id).status).toBe('rejected'); // our approve did not land
    await waitFor(() => expect(result.current.approvals.some((a) => a.id === approval.id)).toBe(false));

    act(() => result.current.clearDecision(approval.id));
    expect(result.current.decisions[approval.id]).toBeUndefined();
  });

  it('a double-clicked decision is one decision: decided both times, one request', async () => {
    const run = await waitingRun();
    const { result } = renderHook(() => useApprovals(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.approvals.some((a) => a.runId === run.id)).toBe(true));
    const approval = result.current.approvals.find((a) => a.runId === run.id)!;
    // The answer is held until all three clicks are in, so every later click lands while the first is in flight.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    h.tamper(async (_request, response) => {
      await released;
      return response;
    });

    const clicks: Promise<ApprovalDecisionState>[] = [];
    act(() => {
      clicks.push(result.current.decide(approval.id, 'approve', 'Looks right'), result.current.decide(approval.id, 'approve'));
    });
    await waitFor(() => expect(result.current.decisions[approval.id]?.status).toBe('pending'));
    act(() => {
      clicks.push(result.current.decide(approval.id, 'approve')); // after React rendered the pending state
    });
    let outcomes: ApprovalDecisionState[] = [];
    await act(async () => {
      release();
      outcomes = await Promise.all(clicks);
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['decided', 'decided', 'decided']);
    expect(outcomes[0]).toMatchObject({ approval: { status: 'approved', comment: 'Looks right' } });
    expect(h.requestsTo('/decision', 'POST')).toHaveLength(1);
    expect(result.current.decisions[approval.id]?.status).toBe('decided');
    expect(h.mock.executor.getApproval(approval.id).status).toBe('approved');
  });

  it('deciding again after a lost answer reuses the key and reports the decision as ours', async () => {
    const run = await waitingRun();
    const { result } = renderHook(() => useApprovals(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.approvals.some((a) => a.runId === run.id)).toBe(true));
    const approval = result.current.approvals.find((a) => a.runId === run.id)!;
    const restore = h.tamper((request, response) => {
      if (request.method === 'POST') throw new TypeError('Failed to fetch');
      return response;
    });
    let outcome: ApprovalDecisionState | null = null;
    await act(async () => {
      outcome = await result.current.decide(approval.id, 'reject', 'Not eligible');
    });
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'network' } });
    expect(h.mock.executor.getApproval(approval.id).status).toBe('rejected'); // it did land
    restore();

    await act(async () => {
      outcome = await result.current.decide(approval.id, 'reject', 'Not eligible');
    });
    expect(outcome).toMatchObject({ status: 'decided', approval: { status: 'rejected', comment: 'Not eligible' } });
    expect(result.current.decisions[approval.id]?.status).toBe('decided');
    const keys = h.requestsTo('/decision', 'POST').map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('lists decided reviews when the status filter asks for them', async () => {
    const run = await waitingRun();
    const approvalId = h.mock.executor.listApprovals({ runId: run.id }).items[0]!.id;
    h.mock.executor.decide(approvalId, { decision: 'approve' }, 'carol');
    const { result } = renderHook(() => useApprovals({ defaultStatus: ['approved', 'rejected'], runId: run.id }), {
      wrapper: h.wrapper,
    });
    await waitFor(() => expect(result.current.approvals.map((a) => a.status)).toEqual(['approved']));
    act(() => result.current.setStatus(['pending']));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.approvals).toEqual([]);
  });
});
