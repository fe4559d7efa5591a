import type { Approval } from '../src/api';
import { ApprovalInbox } from '../src';
import type { Selection } from './App';

/** The approval inbox of the library; a task's run opens in the detail pane. */
export function ApprovalsPane({ onOpenRun }: { onOpenRun: (selection: Selection) => void }) {
  return (
    <aside className="demo-approvals" aria-label="Approvals">
      <ApprovalInbox refetchIntervalMs={3_000} onOpenRun={(a: Approval) => onOpenRun({ workflowId: a.workflowId, runId: a.runId })} />
    </aside>
  );
}
