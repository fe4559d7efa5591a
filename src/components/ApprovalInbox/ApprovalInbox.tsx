import type { ReactNode } from 'react';
import type { Approval } from '../../api/types.js';
import { useApprovalInbox, type UseApprovalInboxOptions } from '../../hooks/useApprovalInbox.js';
import { ApprovalInboxList } from './ApprovalInboxList.js';
import { ApprovalInboxNotices } from './ApprovalInboxNotices.js';
import { ApprovalInboxReview } from './ApprovalInboxReview.js';
import { ApprovalInboxRoot, type ApprovalInboxRootProps } from './ApprovalInboxRoot.js';
import { ApprovalInboxToolbar } from './ApprovalInboxToolbar.js';

export interface ApprovalInboxProps extends UseApprovalInboxOptions, Omit<ApprovalInboxRootProps, 'inbox'> {
  /** Called with a task's run when the reader follows its link. Defaults to no link. */
  onOpenRun?: (approval: Approval) => void;
  /** Extra toolbar content (host buttons). Defaults to none. */
  toolbar?: ReactNode;
}

/**
 * Review tasks across runs: pending (with live countdowns) or decided (who, when, why), sorted and filtered,
 * virtualized for thousands; Review opens a task to approve or reject with a comment, and a decision someone
 * else made first is shown in its place. Reads through the surrounding `<RunViewsProvider>`.
 */
export function ApprovalInbox({
  view,
  defaultView,
  onViewChange,
  sort,
  defaultSort,
  onSortChange,
  filters,
  defaultFilters,
  onFiltersChange,
  openApproval,
  defaultOpenApproval,
  onOpenApprovalChange,
  pageSize,
  refetchIntervalMs,
  toolbar,
  ...rootProps
}: ApprovalInboxProps) {
  const inbox = useApprovalInbox({
    view,
    defaultView,
    onViewChange,
    sort,
    defaultSort,
    onSortChange,
    filters,
    defaultFilters,
    onFiltersChange,
    openApproval,
    defaultOpenApproval,
    onOpenApprovalChange,
    pageSize,
    refetchIntervalMs,
  });
  return (
    <ApprovalInboxRoot inbox={inbox} {...rootProps}>
      <ApprovalInboxToolbar>{toolbar}</ApprovalInboxToolbar>
      <ApprovalInboxNotices />
      <ApprovalInboxList />
      <ApprovalInboxReview />
    </ApprovalInboxRoot>
  );
}
