import { useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import type { Approval } from '../../api/types.js';
import { JsonBlock } from '../shared/JsonBlock.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { ReviewDecisionForm, ReviewDecisionOutcome } from '../shared/ReviewDecision.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';
import { Countdown } from './Countdown.js';
import { useInbox } from './InboxContext.js';

export type ApprovalInboxReviewProps = Omit<ComponentPropsWithoutRef<'dialog'>, 'open'>;

/**
 * The open task in a modal `<dialog>` (focus moves in, Escape closes, focus returns): what is to be approved,
 * its run (link), step, times and what expiry will do; a comment and Approve / Reject. The outcome is shown in
 * place: your decision, or someone else's that came first (who, when, what, why), or a contained error.
 * `data-slot="approval-review"`, `data-status` of the task, `data-outcome="decided|decidedElsewhere|error"`.
 */
export function ApprovalInboxReview({ className, ...rest }: ApprovalInboxReviewProps) {
  const { text } = useUi();
  const t = text.approvals;
  const { inbox, now, classNames, onOpenRun } = useInbox();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const openId = inbox.openApproval;
  const listed = openId ? inbox.approvals.find((a) => a.id === openId) : undefined;
  // The task stays readable when the list drops it (decided elsewhere, expired): keep the last copy seen.
  const [seen, setSeen] = useState<Approval | null>(null);
  if (listed && listed !== seen) setSeen(listed);
  const outcome = openId ? inbox.decisions[openId] : undefined;
  const decidedCopy = outcome && (outcome.status === 'decided' || outcome.status === 'decidedElsewhere') ? outcome.approval : null;
  const approval = decidedCopy ?? listed ?? (seen?.id === openId ? seen : null);
  const [comment, setComment] = useState('');

  // The decision buttons leave once decided: focus goes to Close rather than to the page behind.
  const closeButton = useRef<HTMLButtonElement>(null);
  const settled = outcome?.status === 'decided' || outcome?.status === 'decidedElsewhere';
  useEffect(() => {
    if (settled) closeButton.current?.focus();
  }, [settled]);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (openId && !el.open) el.showModal();
    if (!openId && el.open) el.close();
  }, [openId]);

  const close = () => {
    if (openId) inbox.clearDecision(openId);
    setComment('');
    inbox.setOpenApproval(null);
  };
  const decide = (decision: 'approve' | 'reject') => {
    if (approval) void inbox.decide(approval.id, decision, comment.trim() || undefined);
  };
  const pending = approval?.status === 'pending' && outcome?.status !== 'pending';
  const busy = outcome?.status === 'pending';

  return (
    <dialog
      {...rest}
      ref={dialog}
      data-slot="approval-review"
      data-status={approval?.status}
      data-outcome={outcome?.status}
      aria-labelledby={`${id}-title`}
      className={cx('rv-root rv-approval-review', classNames.review, className)}
      onClose={close}
    >
      {approval ? (
        <div className="rv-approval-review__body">
          <h2 id={`${id}-title`} className="rv-approval-review__title">
            {t.review(approval.action)}
          </h2>
          <p className="rv-approval-review__status">
            <StatusBadge status={approval.status} label={t.statuses[approval.status]} /> <span className="rv-approval__kind">{approval.kind}</span>
          </p>
          <dl className="rv-approval-review__facts">
            <dt>{t.gates}</dt>
            <dd>{approval.action}</dd>
            <dt>{t.workflow}</dt>
            <dd>{approval.workflowName}</dd>
            <dt>{t.run}</dt>
            <dd>
              {onOpenRun ? (
                <button type="button" className="rv-link" onClick={() => onOpenRun(approval)}>
                  {t.openRun(approval.runId)}
                </button>
              ) : (
                <code>{approval.runId}</code>
              )}
            </dd>
            <dt>{t.step}</dt>
            <dd>
              <code>{approval.stepId}</code>
            </dd>
            <dt>{t.requested}</dt>
            <dd>
              <RelativeTime time={approval.requestedAt} now={now} />
            </dd>
            {approval.status === 'pending' ? (
              <>
                <dt>{t.expires}</dt>
                <dd>
                  <Countdown approval={approval} now={now} />
                  {approval.expiresAt ? ` · ${t.onExpiry[approval.onExpiry]}` : ''}
                </dd>
              </>
            ) : (
              <>
                <dt>{t.decided}</dt>
                <dd>
                  <RelativeTime time={approval.decidedAt} now={now} />
                  {approval.decidedBy ? ` · ${t.decidedBy} ${approval.decidedBy}` : ''}
                </dd>
                <dt>{t.comment}</dt>
                <dd>{approval.comment ?? t.noComment}</dd>
              </>
            )}
          </dl>
          {approval.details !== undefined ? (
            <section className="rv-approval-review__details" aria-labelledby={`${id}-details`}>
              <h3 id={`${id}-details`}>{t.details}</h3>
              <JsonBlock value={approval.details} label={t.details} />
            </section>
          ) : null}
          <ReviewDecisionOutcome outcome={outcome} now={now} slot="approval-outcome" />
          {pending || busy ? <ReviewDecisionForm comment={comment} onCommentChange={setComment} onDecide={decide} busy={busy} rows={3} /> : null}
        </div>
      ) : (
        <h2 id={`${id}-title`} className="rv-visually-hidden">
          {t.label}
        </h2>
      )}
      <button ref={closeButton} type="button" className="rv-button rv-approval-review__close" onClick={close}>
        {t.close}
      </button>
    </dialog>
  );
}
