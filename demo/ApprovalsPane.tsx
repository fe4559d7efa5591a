import { useState } from 'react';
import { useApprovals } from '../src/hooks';
import { RelativeTime } from '../src';
import type { Selection } from './App';

/** Pending review tasks with approve/reject and a comment; a conflict (decided elsewhere) is shown plainly. */
export function ApprovalsPane({ onOpenRun }: { onOpenRun: (selection: Selection) => void }) {
  const { approvals, pendingCount, decide, decisions, error } = useApprovals({ refetchIntervalMs: 3_000 });
  const [comments, setComments] = useState<Record<string, string>>({});
  return (
    <aside className="demo-approvals" aria-label="Approvals">
      <h2>
        Approvals <span className="demo-badge">{pendingCount} pending</span>
      </h2>
      {error ? <p role="alert">Could not load approvals: {error.message}</p> : null}
      {approvals.length === 0 ? <p className="demo-hint">Nothing waits for a review.</p> : null}
      <ul>
        {approvals.map((a) => {
          const outcome = decisions[a.id];
          return (
            <li key={a.id} className="demo-approval">
              <strong>{a.action}</strong>
              <span>
                {a.workflowName} ·{' '}
                <button type="button" className="demo-link" onClick={() => onOpenRun({ workflowId: a.workflowId, runId: a.runId })}>
                  {a.runId}
                </button>
              </span>
              {a.expiresAt ? (
                <span>
                  Expires <RelativeTime time={a.expiresAt} />
                </span>
              ) : null}
              <label>
                Comment
                <input value={comments[a.id] ?? ''} onChange={(e) => setComments({ ...comments, [a.id]: e.target.value })} />
              </label>
              <span className="demo-approval__actions">
                <button type="button" className="rv-button" onClick={() => void decide(a.id, 'approve', comments[a.id])}>
                  Approve
                </button>
                <button type="button" className="rv-button" onClick={() => void decide(a.id, 'reject', comments[a.id])}>
                  Reject
                </button>
              </span>
              {outcome?.status === 'decidedElsewhere' ? (
                <span role="status">Someone else decided first: {outcome.approval.status}.</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
