import { memo, type ComponentPropsWithoutRef } from 'react';
import type { Approval } from '../../api/types.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { Countdown } from './Countdown.js';
import { useInbox } from './InboxContext.js';

export interface ApprovalInboxItemProps extends ComponentPropsWithoutRef<'div'> {
  approval: Approval;
}

/**
 * One review task: status, action, kind, workflow, run (a link through `onOpenRun`), step, requested time,
 * countdown and what expiry will do; decided tasks say who decided, when and why. Review opens it.
 * `data-slot="approval-item"`, `data-status`, `data-kind`, `data-urgency` (from the countdown).
 */
export const ApprovalInboxItem = memo(function ApprovalInboxItem({ approval: a, className, ...rest }: ApprovalInboxItemProps) {
  const { text } = useUi();
  const t = text.approvals;
  const { inbox, now, classNames, onOpenRun, renderSummary, renderActions } = useInbox();
  const pending = a.status === 'pending';
  return (
    <div {...rest} data-slot="approval-item" data-status={a.status} data-kind={a.kind} className={cx('rv-approval', classNames.item, className)}>
      <div className="rv-approval__main">
        <StatusBadge status={a.status} label={t.statuses[a.status]} />
        {renderSummary ? (
          renderSummary(a)
        ) : (
          <>
            <span className="rv-approval__action" data-slot="approval-action">
              {a.action}
            </span>
            <span className="rv-approval__kind" data-slot="approval-kind">
              {a.kind}
            </span>
          </>
        )}
      </div>
      <div className="rv-approval__meta">
        <span>{a.workflowName}</span>
        <span>
          {t.run}{' '}
          {onOpenRun ? (
            <button type="button" className="rv-link" onClick={() => onOpenRun(a)} aria-label={t.openRun(a.runId)}>
              {a.runId}
            </button>
          ) : (
            <code>{a.runId}</code>
          )}
        </span>
        <span>
          {t.step} <code>{a.stepId}</code>
        </span>
        <span>
          {t.requested} <RelativeTime time={a.requestedAt} now={now} />
        </span>
        {pending ? (
          <>
            <span>
              {t.expires} <Countdown approval={a} now={now} />
            </span>
            {a.expiresAt ? <span data-slot="approval-on-expiry">{t.onExpiry[a.onExpiry]}</span> : null}
          </>
        ) : (
          <span data-slot="approval-decision">
            {t.decided} <RelativeTime time={a.decidedAt} now={now} />
            {a.decidedBy ? ` · ${t.decidedBy} ${a.decidedBy}` : ''}
            {a.comment ? ` · “${a.comment}”` : ''}
          </span>
        )}
      </div>
      <div className={cx('rv-approval__actions', classNames.itemActions)}>
        <button
          type="button"
          className="rv-button"
          data-variant={pending ? 'primary' : undefined}
          aria-haspopup="dialog"
          onClick={() => inbox.setOpenApproval(a.id)}
          aria-label={t.review(a.action)}
        >
          {t.reviewButton}
        </button>
        {renderActions?.(a)}
      </div>
    </div>
  );
});
