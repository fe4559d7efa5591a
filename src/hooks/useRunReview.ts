import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Approval, Run } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useApprovalDecisions, type ApprovalDecisionState, type DecideFn } from './useApprovalDecisions.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseRunReviewResult extends QueryStatus {
  /**
   * The run's pending review while it waits; once decided here (or while the decision is on its way), that task,
   * until the next review comes.
   */
  review: Approval | null;
  /** Where the decision on `review` stands, or null before one. */
  decision: ApprovalDecisionState | null;
  /** Approves or rejects (one idempotency key per intent; 409 → `decidedElsewhere`); never rejects. */
  decide: DecideFn;
}

const NONE: Approval[] = [];

/**
 * The pending review of a waiting run, asked for only while the run waits (and again each time it starts
 * waiting), with the decide action of the approval inbox. Decisions refresh the run, the inbox and every badge.
 */
export function useRunReview(run: Pick<Run, 'id' | 'status' | 'lastSeq'> | null | undefined): UseRunReviewResult {
  const rv = useRunViews();
  const waiting = run?.status === 'waiting';
  const runId = run?.id ?? '';
  const query = useQuery(
    {
      // Under the approvals key, so a decision made anywhere invalidates it (not under its 'list' keys: those
      // hold paged lists); `lastSeq` asks again when the run moved on (a loop may wait on its next review).
      queryKey: [...rvKeys.approvals(rv.scope), 'run-review', runId, run?.lastSeq ?? 0],
      queryFn: ({ signal }) => rv.client.listApprovals({ status: ['pending'], runId, limit: 5 }, { signal }),
      enabled: waiting,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const approvals = query.data?.items ?? NONE;
  const { decide, decisions } = useApprovalDecisions(approvals);
  const pending = waiting ? (approvals[0] ?? null) : null;
  // A decision stays shown (with its outcome) until the next review comes, even once the run has moved on.
  const decidedId = Object.keys(decisions).at(-1);
  const decided = decidedId ? decisions[decidedId] : undefined;
  const decidedApproval = decided && (decided.status === 'decided' || decided.status === 'decidedElsewhere') ? decided.approval : null;
  const live = pending && pending.id !== decidedApproval?.id ? pending : (decidedApproval ?? pending);
  // A run that moves on as soon as the decision lands (before its answer arrives) must not take the review, the
  // pressed button and the focus away: the last review shown stays while a decision on it is in flight.
  const [last, setLast] = useState<Approval | null>(null);
  if (live && live !== last) setLast(live);
  const review = live ?? (last && last.runId === runId && decisions[last.id] ? last : null);
  return {
    review,
    decision: review ? (decisions[review.id] ?? null) : null,
    decide,
    ...queryStatus(query, 'listApprovals'),
  };
}
