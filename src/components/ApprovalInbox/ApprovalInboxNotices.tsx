import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { useInbox } from './InboxContext.js';

export type ApprovalInboxNoticesProps = ComponentPropsWithoutRef<'ul'>;

/**
 * Tasks that expired while shown: each left the list and says what its expiry did, until dismissed (the
 * root's live region has already announced it). `data-slot="approval-notices"`; items `approval-notice`.
 */
export function ApprovalInboxNotices({ className, ...rest }: ApprovalInboxNoticesProps) {
  const { text } = useUi();
  const { notices, dismissNotice } = useInbox();
  if (notices.length === 0) return null;
  return (
    <ul {...rest} data-slot="approval-notices" className={cx('rv-approvals__notices', className)}>
      {notices.map((n) => (
        <li key={n.id} data-slot="approval-notice" data-on-expiry={n.onExpiry} className="rv-approvals__notice">
          <span>{text.approvals.expiredNotice(n.action, n.onExpiry)}</span>
          <button type="button" className="rv-button" data-variant="ghost" onClick={() => dismissNotice(n.id)}>
            {text.approvals.dismiss}
          </button>
        </li>
      ))}
    </ul>
  );
}
