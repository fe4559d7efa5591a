/**
 * The approval inbox's derivations: filter by kind and workflow, sort by expiry or request time, the facets
 * to filter by, and the countdown's milestones (when a screen reader hears how long is left). Pure.
 */
import type { Approval } from '../api/types.js';
import { parseTime } from './durations.js';

export type ApprovalSort = 'expiry' | 'requested';

export interface ApprovalFilters {
  /** Only tasks of this kind. Defaults to every kind. */
  kind?: string | null;
  /** Only tasks of this workflow. Defaults to every workflow. */
  workflowId?: string | null;
}

const expiryOf = (a: Approval) => (a.expiresAt ? (parseTime(a.expiresAt) ?? Infinity) : Infinity);
const requestedOf = (a: Approval) => parseTime(a.requestedAt) ?? 0;

/** Tasks that match the filters, sorted: soonest expiry first (no expiry last), or newest request first. */
export function arrangeApprovals(approvals: readonly Approval[], filters: ApprovalFilters, sort: ApprovalSort): Approval[] {
  const kept = approvals.filter((a) => (!filters.kind || a.kind === filters.kind) && (!filters.workflowId || a.workflowId === filters.workflowId));
  const byRequest = (a: Approval, b: Approval) => requestedOf(b) - requestedOf(a) || a.id.localeCompare(b.id);
  return kept.sort(sort === 'expiry' ? (a, b) => expiryOf(a) - expiryOf(b) || byRequest(a, b) : byRequest);
}

/** The kinds and workflows present, to offer as filters (sorted by name). */
export function approvalFacets(approvals: readonly Approval[]): { kinds: string[]; workflows: { id: string; name: string }[] } {
  const kinds = new Set<string>();
  const workflows = new Map<string, string>();
  for (const a of approvals) {
    kinds.add(a.kind);
    workflows.set(a.workflowId, a.workflowName);
  }
  return {
    kinds: [...kinds].sort(),
    workflows: [...workflows].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Milliseconds until the task expires (negative once past), or null when it never does. */
export function timeLeft(approval: Pick<Approval, 'expiresAt'>, now: number): number | null {
  const at = approval.expiresAt ? parseTime(approval.expiresAt) : null;
  return at === null ? null : at - now;
}

/** Points at which the time left is announced: 10 min, 5 min, 1 min and 10 s before expiry. */
export const COUNTDOWN_MILESTONES: readonly number[] = [600_000, 300_000, 60_000, 10_000];

/**
 * How many milestones the task has passed (0 while more than 10 min are left, 4 in its last 10 s), or null
 * when it never expires. A reader is told when this number grows, not every second.
 */
export function countdownMilestone(left: number | null): number | null {
  if (left === null) return null;
  return COUNTDOWN_MILESTONES.filter((ms) => left <= ms).length;
}

/** A pending task whose time is up (the server expires it; the view need not wait for the next poll). */
export function isExpiredNow(approval: Approval, now: number): boolean {
  const left = timeLeft(approval, now);
  return approval.status === 'pending' && left !== null && left <= 0;
}
