import { useMutation } from '@tanstack/react-query';
import { useCallback, useInsertionEffect, useRef, useState } from 'react';
import type { RunApiError } from '../api/errors.js';
import type { Approval } from '../api/types.js';
import { currentApproval, writeApproval } from './approvalCache.js';
import { toRunApiError } from './errors.js';
import { createOpenIntents, intentId, type OpenIntents } from './openIntents.js';
import { rvKeys } from './queryKeys.js';
import { refreshRun } from './runCommandCache.js';
import { useRunViews } from './RunViewsProvider.js';

/** Outcome of deciding one approval. */
export type ApprovalDecisionState =
  | { status: 'pending' }
  | { status: 'decided'; approval: Approval }
  /** Someone else decided first (409): `approval` is its current state, nothing was changed by this decision. */
  | { status: 'decidedElsewhere'; approval: Approval; error: RunApiError }
  | { status: 'error'; error: RunApiError };

/**
 * Approves or rejects a review task; never rejects. Deciding the same way again while the first call is in
 * flight joins it, and again after a failure without an answer reuses its idempotency key, so the outcome is
 * `decided` (not `decidedElsewhere`) when the reviewer's own first attempt did land.
 */
export type DecideFn = (approvalId: string, decision: 'approve' | 'reject', comment?: string) => Promise<ApprovalDecisionState>;

interface Variables {
  approvalId: string;
  decision: 'approve' | 'reject';
  comment?: string;
  version?: number;
  key: string;
}

/** An answer settles a decision; a failure without one (network, timeout, 5xx) keeps its key for the next try. */
const isSettled = (state: ApprovalDecisionState) => state.status !== 'error' || !state.error.retryable;

/**
 * The decide action of `useApprovals`: one idempotency key per (approval, decision) intent, a concurrent second
 * call joins the first, 409 from someone else's decision → `decidedElsewhere`.
 */
export function useApprovalDecisions(approvals: readonly Approval[]) {
  const rv = useRunViews();
  const [decisions, setDecisions] = useState<Record<string, ApprovalDecisionState>>({});
  const latest = useRef(approvals);
  useInsertionEffect(() => {
    latest.current = approvals;
  });
  const { client, queryClient, scope, runs } = rv;

  const mutation = useMutation(
    {
      mutationFn: ({ approvalId, decision, comment, version, key }: Variables) =>
        client.decideApproval(
          approvalId,
          { decision, ...(comment ? { comment } : {}), ...(version !== undefined ? { version } : {}) },
          { idempotencyKey: key },
        ),
      ...rv.retry,
    },
    queryClient,
  );
  const { mutateAsync } = mutation;

  const send = useCallback(
    async (approvalId: string, decision: 'approve' | 'reject', comment: string | undefined, key: string) => {
      const set = (state: ApprovalDecisionState) => setDecisions((all) => ({ ...all, [approvalId]: state }));
      set({ status: 'pending' });
      // The version the reviewer saw: a concurrent change answers 409 instead of deciding blindly.
      const version = latest.current.find((item) => item.id === approvalId)?.version;
      let outcome: ApprovalDecisionState;
      try {
        const approval = await mutateAsync({ approvalId, decision, comment, version, key });
        writeApproval(queryClient, scope, approval);
        outcome = { status: 'decided', approval };
      } catch (caught) {
        const error = toRunApiError(caught, 'decideApproval');
        const current = error.isConflict ? currentApproval(error.current) : null;
        if (current) writeApproval(queryClient, scope, current);
        // Still pending means it only changed (a stale version): the list now holds the fresh copy, decide again.
        outcome =
          current && current.status !== 'pending'
            ? { status: 'decidedElsewhere', approval: current, error }
            : { status: 'error', error };
      }
      set(outcome);
      // A decision moves the run on (waiting → running): refresh approvals, the badge and the run views.
      void queryClient.invalidateQueries({ queryKey: rvKeys.approvals(scope) });
      void queryClient.invalidateQueries({ queryKey: rvKeys.runFeeds(scope) });
      const approval = outcome.status === 'decided' || outcome.status === 'decidedElsewhere' ? outcome.approval : null;
      if (approval) refreshRun({ queryClient, scope, runs }, approval.workflowId, approval.runId);
      return outcome;
    },
    [mutateAsync, queryClient, scope, runs],
  );

  // One key per (approval, decision) until the server has answered: the server then answers a repeat of the
  // same key as decided by us, so a double click or a retry after a lost answer is not "decided elsewhere".
  const intents = useRef<OpenIntents<ApprovalDecisionState> | null>(null);
  intents.current ??= createOpenIntents<ApprovalDecisionState>();
  const decide = useCallback<DecideFn>(
    (approvalId, decision, comment) =>
      (intents.current as OpenIntents<ApprovalDecisionState>).run(
        intentId(approvalId, decision),
        (key) => send(approvalId, decision, comment, key),
        isSettled,
      ),
    [send],
  );

  const clearDecision = useCallback((approvalId: string) => {
    setDecisions(({ [approvalId]: _removed, ...rest }) => rest);
  }, []);

  return { decide, decisions, clearDecision };
}
