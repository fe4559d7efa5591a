import { describe, expect, it } from 'vitest';
import { executorWith, foldMatches, problem, runStatus, start, stepNamed, stepStatuses, workflow } from './testkit.js';

const HOUR = 3_600_000;

const gated = (onExpiry: 'reject' | 'fail' = 'reject', expiresInMs: number | null = HOUR) =>
  workflow('gated', [
    { id: 'd', name: 'Draft', kind: 'task' },
    { id: 'r', name: 'Approve refund', kind: 'review', config: { action: 'Send refund email', expiresInMs, onExpiry } },
    { id: 's', name: 'Send', kind: 'send_message', config: { recipient: 'ann@example.com' } },
    { id: 'e', name: 'End', kind: 'end' },
  ]);


describe('review in wait mode', () => {
  it('creates a pending approval with expiry and puts the run in waiting', () => {
    const ex = executorWith([gated()]);
    const id = start(ex, 'gated');
    ex.advance(10_000);
    expect(runStatus(ex, 'gated', id)).toBe('waiting');
    const review = stepNamed(ex, 'gated', id, 'Approve refund');
    expect(review.status).toBe('waiting');
    const page = ex.listApprovals({ status: ['pending'] });
    expect(page.pendingCount).toBe(1);
    const approval = page.items[0]!;
    expect(approval).toMatchObject({ runId: id, stepId: review.id, action: 'Send refund email', status: 'pending', onExpiry: 'reject', version: 1 });
    expect(review.approvalId).toBe(approval.id);
    expect(Date.parse(approval.expiresAt!) - Date.parse(approval.requestedAt)).toBe(HOUR);
  });

  it('approve → the step succeeds and the run goes on to succeed', () => {
    const ex = executorWith([gated()]);
    const id = start(ex, 'gated');
    ex.advance(10_000);
    const approval = ex.listApprovals({}).items[0]!;
    const decided = ex.decide(approval.id, { decision: 'approve', comment: 'ok', version: 1 }, 'dana').approval;
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'dana', comment: 'ok', version: 2 });
    expect(runStatus(ex, 'gated', id)).toBe('running');
    ex.advance(10_000);
    expect(stepStatuses(ex, 'gated', id)).toEqual({ Draft: 'succeeded', 'Approve refund': 'succeeded', Send: 'succeeded', End: 'succeeded' });
    expect(runStatus(ex, 'gated', id)).toBe('succeeded');
    expect(ex.listDeliveries({ runId: id }).items).toHaveLength(1);
    expect(foldMatches(ex, 'gated', id).ok).toBe(true);
  });

  it('reject → the step is rejected (not failed), the steps after are skipped after_rejection, the run succeeds', () => {
    const ex = executorWith([gated()]);
    const id = start(ex, 'gated');
    ex.advance(10_000);
    ex.decide(ex.listApprovals({}).items[0]!.id, { decision: 'reject', comment: 'wrong amount' }, 'dana');
    ex.advance(10_000);
    expect(stepStatuses(ex, 'gated', id)).toEqual({
      Draft: 'succeeded',
      'Approve refund': 'rejected',
      Send: 'skipped:after_rejection',
      End: 'skipped:after_rejection',
    });
    const { run } = ex.getRun('gated', id);
    expect(run.status).toBe('succeeded');
    expect(run.error).toBeNull();
    expect(run.resultSummary).toContain('Send refund email');
    expect(ex.listDeliveries({ runId: id }).items).toHaveLength(0);
    expect(foldMatches(ex, 'gated', id).ok).toBe(true);
  });

  it('refuses a second decision with 409 approval_already_decided and the current approval', () => {
    const ex = executorWith([gated()]);
    start(ex, 'gated');
    ex.advance(10_000);
    const id = ex.listApprovals({}).items[0]!.id;
    ex.decide(id, { decision: 'approve' }, 'first');
    const p = problem(() => ex.decide(id, { decision: 'reject' }, 'second'));
    expect(p.status).toBe(409);
    expect(p.code).toBe('approval_already_decided');
    expect(p.current).toMatchObject({ id, status: 'approved', decidedBy: 'first' });
    expect(ex.getApproval(id).status).toBe('approved');
  });

  it('refuses a stale version with 409 approval_version_conflict and changes nothing', () => {
    const ex = executorWith([gated()]);
    const runId = start(ex, 'gated');
    ex.advance(10_000);
    const id = ex.listApprovals({}).items[0]!.id;
    const p = problem(() => ex.decide(id, { decision: 'approve', version: 7 }, 'x'));
    expect(p.status).toBe(409);
    expect(p.code).toBe('approval_version_conflict');
    expect(ex.getApproval(id).status).toBe('pending');
    expect(runStatus(ex, 'gated', runId)).toBe('waiting');
  });

  it('answers 422 for a decision that is neither approve nor reject, and 404 for an unknown approval', () => {
    const ex = executorWith([gated()]);
    start(ex, 'gated');
    ex.advance(10_000);
    const id = ex.listApprovals({}).items[0]!.id;
    expect(problem(() => ex.decide(id, { decision: 'maybe' as 'approve' }, 'x')).status).toBe(422);
    expect(problem(() => ex.decide('apv_nope', { decision: 'approve' }, 'x')).code).toBe('approval_not_found');
  });

  it('expiry with onExpiry reject → expired approval, rejected step, run succeeds', () => {
    const ex = executorWith([gated('reject', 60_000)]);
    const id = start(ex, 'gated');
    ex.advance(70_000);
    const approval = ex.listApprovals({}).items[0]!;
    expect(approval.status).toBe('expired');
    expect(stepStatuses(ex, 'gated', id)['Approve refund']).toBe('rejected');
    expect(runStatus(ex, 'gated', id)).toBe('succeeded');
    expect(ex.listApprovals({}).pendingCount).toBe(0);
  });

  it('expiry with onExpiry fail → the step fails with approval_expired and the run fails', () => {
    const ex = executorWith([gated('fail', 60_000)]);
    const id = start(ex, 'gated');
    ex.advance(70_000);
    const { run } = ex.getRun('gated', id);
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('approval_expired');
    expect(stepStatuses(ex, 'gated', id)).toMatchObject({ 'Approve refund': 'failed', Send: 'skipped:blocked' });
  });

  it('an approval without expiry waits forever', () => {
    const ex = executorWith([gated('reject', null)]);
    const id = start(ex, 'gated');
    ex.advance(365 * 24 * HOUR);
    expect(runStatus(ex, 'gated', id)).toBe('waiting');
    expect(ex.listApprovals({}).items[0]!.expiresAt).toBeNull();
  });

  it('inside a loop, a rejected iteration does not fail the loop: the next iteration runs', () => {
    const looped = workflow(
      'loop',
      [
        { id: 'l', name: 'Each refund', kind: 'loop', config: { items: [{ amount: 10 }, { amount: 99 }] } },
        { id: 'r', name: 'Check', kind: 'review', config: { action: 'Refund' } },
        { id: 's', name: 'Pay', kind: 'task' },
        { id: 'e', name: 'End', kind: 'end' },
      ],
      [
        { from: 'l', to: 'r', label: 'body' },
        { from: 'r', to: 's' },
        { from: 'l', to: 'e' },
      ],
    );
    const ex = executorWith([looped]);
    const id = start(ex, 'loop');
    ex.advance(10_000);
    ex.decide(ex.listApprovals({ status: ['pending'] }).items[0]!.id, { decision: 'reject' }, 'x');
    ex.advance(10_000);
    ex.decide(ex.listApprovals({ status: ['pending'] }).items[0]!.id, { decision: 'approve' }, 'x');
    ex.advance(10_000);
    const steps = ex.getRun('loop', id).steps;
    expect(steps.map((s) => `${s.name}:${s.status}${s.skipReason ? `:${s.skipReason}` : ''}`)).toEqual([
      'Each refund:succeeded',
      'Each refund #1:succeeded',
      'Check:rejected',
      'Pay:skipped:after_rejection',
      'Each refund #2:succeeded',
      'Check:succeeded',
      'Pay:succeeded',
      'End:succeeded',
    ]);
    expect(steps[2]!.iteration).toEqual({ index: 0, item: { amount: 10 } });
    expect(steps[6]!.parentId).toBe(steps[4]!.id);
    expect(runStatus(ex, 'loop', id)).toBe('succeeded');
    expect(foldMatches(ex, 'loop', id).ok).toBe(true);
  });

  it('lists approvals newest first with status and run filters and cursor pages', () => {
    const ex = executorWith([gated()]);
    const runs = [start(ex, 'gated'), start(ex, 'gated'), start(ex, 'gated')];
    ex.advance(10_000);
    ex.decide(ex.listApprovals({ runId: runs[0] }).items[0]!.id, { decision: 'approve' }, 'x');
    const first = ex.listApprovals({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.pendingCount).toBe(2);
    const second = ex.listApprovals({ limit: 2, cursor: first.nextCursor! });
    const all = [...first.items, ...second.items];
    expect(all.map((a) => a.runId).sort()).toEqual([...runs].sort());
    const times = all.map((a) => Date.parse(a.requestedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(second.nextCursor).toBeNull();
    expect(ex.listApprovals({ status: ['approved'] }).items.map((a) => a.runId)).toEqual([runs[0]]);
    expect(problem(() => ex.listApprovals({ cursor: 'garbage!' })).code).toBe('invalid_cursor');
  });
});
