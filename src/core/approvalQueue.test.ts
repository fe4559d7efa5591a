import { describe, expect, it } from 'vitest';
import type { Approval } from '../api/types.js';
import { approvalFacets, arrangeApprovals, countdownMilestone, isExpiredNow, timeLeft } from './approvalQueue.js';

const T0 = Date.parse('2026-05-01T10:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const approval = (id: string, over: Partial<Approval> = {}): Approval => ({
  id,
  runId: `run_${id}`,
  workflowId: 'wf_a',
  workflowName: 'A',
  stepId: 's',
  kind: 'approval',
  action: `Do ${id}`,
  status: 'pending',
  requestedAt: at(0),
  expiresAt: null,
  onExpiry: 'reject',
  decidedAt: null,
  decidedBy: null,
  comment: null,
  version: 1,
  ...over,
});

describe('approval queue', () => {
  const list = [
    approval('a', { expiresAt: at(60_000), requestedAt: at(-3000) }),
    approval('b', { requestedAt: at(-1000), kind: 'legal', workflowId: 'wf_b', workflowName: 'B' }),
    approval('c', { expiresAt: at(30_000), requestedAt: at(-2000) }),
  ];

  it('sorts by expiry (never-expiring last) or by newest request', () => {
    expect(arrangeApprovals(list, {}, 'expiry').map((a) => a.id)).toEqual(['c', 'a', 'b']);
    expect(arrangeApprovals(list, {}, 'requested').map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });

  it('filters by kind and workflow, and lists both as facets', () => {
    expect(arrangeApprovals(list, { kind: 'legal' }, 'expiry').map((a) => a.id)).toEqual(['b']);
    expect(arrangeApprovals(list, { workflowId: 'wf_a' }, 'expiry').map((a) => a.id)).toEqual(['c', 'a']);
    expect(approvalFacets(list)).toEqual({ kinds: ['approval', 'legal'], workflows: [{ id: 'wf_a', name: 'A' }, { id: 'wf_b', name: 'B' }] });
  });

  it('counts down through milestones, not seconds', () => {
    expect(timeLeft(list[1]!, T0)).toBeNull();
    expect(countdownMilestone(null)).toBeNull();
    expect(countdownMilestone(900_000)).toBe(0);
    expect(countdownMilestone(300_000)).toBe(2);
    expect(countdownMilestone(59_000)).toBe(3);
    expect(countdownMilestone(5_000)).toBe(4);
    expect(isExpiredNow(list[2]!, T0 + 29_999)).toBe(false);
    expect(isExpiredNow(list[2]!, T0 + 30_000)).toBe(true);
  });
});
