import type { Approval } from '../../api/types.js';
import { ApprovalCount } from '../ApprovalInbox/ApprovalCount.js';
import { ApprovalInbox, type ApprovalInboxProps } from '../ApprovalInbox/ApprovalInbox.js';
import { useUi } from '../shared/useUi.js';
import { CommandCenterPanel } from './CommandCenterPanel.js';
import type { CommandCenterLinks } from './types.js';

export interface CommandCenterApprovalsProps extends Omit<ApprovalInboxProps, 'onOpenRun'>, CommandCenterLinks {
  /** Called with a task's id when its review opens (alongside `onOpenApprovalChange`). Defaults to no callback. */
  onOpenApproval?: (approvalId: string) => void;
  /** Heading level of the panel. Defaults to 2. */
  headingLevel?: 2 | 3 | 4;
}

/**
 * The pending review tasks with their count: `ApprovalCount` beside the heading and the `ApprovalInbox`
 * (pending view by default; Review opens a task to approve or reject). A task's run link goes through
 * `onOpenRun`. `data-slot="command-center-approvals"`.
 */
export function CommandCenterApprovals({ onOpenRun, onOpenApproval, onOpenApprovalChange, headingLevel, refetchIntervalMs, className, getRunHref: _getRunHref, ...inbox }: CommandCenterApprovalsProps) {
  const { text } = useUi();
  const openRun = onOpenRun ? (approval: Approval) => onOpenRun({ workflowId: approval.workflowId, id: approval.runId }) : undefined;
  return (
    <CommandCenterPanel
      title={text.commandCenter.approvals}
      aside={<ApprovalCount showZero {...(refetchIntervalMs !== undefined ? { refetchIntervalMs } : {})} />}
      headingLevel={headingLevel}
      className={className}
      data-slot="command-center-approvals"
    >
      <ApprovalInbox
        {...inbox}
        {...(refetchIntervalMs !== undefined ? { refetchIntervalMs } : {})}
        {...(openRun ? { onOpenRun: openRun } : {})}
        onOpenApprovalChange={(id) => {
          onOpenApprovalChange?.(id);
          if (id) onOpenApproval?.(id);
        }}
      />
    </CommandCenterPanel>
  );
}
