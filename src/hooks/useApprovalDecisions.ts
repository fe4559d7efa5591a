import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { RunApiError } from '../api/errors';
import type { Approval } from '../api/types';
import { currentApproval, writeApproval } from './approvalCache';
import { toRunApiError } from './errors';
import { newIntentKey } from './intentKey';
import { rvKeys } from './queryKeys';
import { useRunViews } from './RunViewsProvider';

/** Outcome of deciding one approval. */
export type ApprovalDecisionState =
  | { status: 'pending' }
  | { status: 'decided'; approval: Approval }
  /** Someone else decided first (409): `approval` is its current state, nothing was changed by this decision. */
  | { status: 'decidedElsewhere'; approval: Approval; error: RunApiError }
  | { status: 'error'; error: RunApiError };

export type DecideFn = (approvalId: string, decision: 'approve' | 'reject', comment?: string) => Promise<ApprovalDecisionState>;

interface Variables {
  approvalId: string;
  decision: 'approve' | 'reject';
  comment?: string;
  version?: number;
  key: string;
}

/** The decide action of `useApprovals`: one idempotency key per decision, 409 → `decidedElsewhere`. */
export function useApprovalDecisions(approvals: readonly Approval[]) {
  const rv = useRunViews();
  const [decisions, setDecisions] = useState<Record<string, ApprovalDecisionState>>({});
  const latest = useRef(approvals);
  latest.current = approvals;
  const { client, queryClient, scope } = rv;

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

  const decide = useCallback<DecideFn>(
    async (approvalId, decision, comment) => {
      const set = (state: ApprovalDecisionState) => setDecisions((all) => ({ ...all, [approvalId]: state }));
      set({ status: 'pending' });
      // The version the reviewer saw: a concurrent change answers 409 instead of deciding blindly.
      const version = latest.current.find((item) => item.id === approvalId)?.version;
      let outcome: ApprovalDecisionState;
      try {
        const approval = await mutateAsync({ approvalId, decision, comment, version, key: newIntentKey() });
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
      if (approval) void queryClient.invalidateQueries({ queryKey: rvKeys.run(scope, approval.workflowId, approval.runId) });
      return outcome;
    },
    [mutateAsync, queryClient, scope],
  );

  const clearDecision = useCallback((approvalId: string) => {
    setDecisions(({ [approvalId]: _removed, ...rest }) => rest);
  }, []);

  return { decide, decisions, clearDecision };
}
