import { useId } from 'react';
import { formatRelativeTime } from '../../core/formatTime.js';
import type { ApprovalDecisionState } from '../../hooks/useApprovalDecisions.js';
import { cx } from './cx.js';
import { useUi } from './useUi.js';

export interface ReviewDecisionOutcomeProps {
  /** The decision's state for the task shown (from `useApprovalDecisions`), or none. */
  outcome: ApprovalDecisionState | null | undefined;
  /** "Now" for "decided 2 minutes ago". */
  now: number;
  /** `data-slot` of the outcome line, so each host keeps its own contract. */
  slot: string;
  className?: string;
}

/**
 * What came of a review decision, in place: yours (a polite status), or someone else's that came first (who,
 * what, when and their comment) and a failed decision (both alerts). Shared by the inbox's review dialog and a
 * run's inline review. The line carries `data-slot` (given) and `data-kind` (`decided`, `decidedElsewhere`, `error`).
 */
export function ReviewDecisionOutcome({ outcome, now, slot, className }: ReviewDecisionOutcomeProps) {
  const { text, locale } = useUi();
  const t = text.approvals;
  return (
    <>
      <div role="status" className={cx('rv-review-outcome', className)}>
        {outcome?.status === 'decided' ? (
          <p data-slot={slot} data-kind="decided">
            {t.decidedByYou(t.statuses[outcome.approval.status])}
          </p>
        ) : null}
      </div>
      <div role="alert" className={cx('rv-review-outcome', className)}>
        {outcome?.status === 'decidedElsewhere' ? (
          <p data-slot={slot} data-kind="decidedElsewhere">
            {t.decidedElsewhere(t.statuses[outcome.approval.status], outcome.approval.decidedBy ?? t.anonymous, formatRelativeTime(outcome.approval.decidedAt, now, locale))}
            {outcome.approval.comment ? ` “${outcome.approval.comment}”` : ''}
          </p>
        ) : null}
        {outcome?.status === 'error' ? (
          <p data-slot={slot} data-kind="error">
            {t.decisionFailed(outcome.error.message)}
          </p>
        ) : null}
      </div>
    </>
  );
}

export interface ReviewDecisionFormProps {
  comment: string;
  onCommentChange: (comment: string) => void;
  onDecide: (decision: 'approve' | 'reject') => void;
  /** A decision is being sent: both buttons wait. Defaults to `false`. */
  busy?: boolean;
  /** Rows of the comment box. Defaults to 2. */
  rows?: number;
  className?: string;
}

/** A comment (with its hint) and Approve / Reject: the decision part of a review, wherever it is shown. */
export function ReviewDecisionForm({ comment, onCommentChange, onDecide, busy = false, rows = 2, className }: ReviewDecisionFormProps) {
  const { text } = useUi();
  const t = text.approvals;
  const id = useId();
  return (
    <form className={cx('rv-review-form', className)} onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={`${id}-comment`} className="rv-run-form__label">
        {t.comment}
      </label>
      <p id={`${id}-hint`} className="rv-run-form__hint">
        {t.commentHint}
      </p>
      <textarea id={`${id}-comment`} className="rv-input" rows={rows} value={comment} aria-describedby={`${id}-hint`} onChange={(event) => onCommentChange(event.target.value)} />
      <div className="rv-review-form__buttons">
        <button type="button" className="rv-button" data-variant="primary" disabled={busy} onClick={() => onDecide('approve')}>
          {t.approve}
        </button>
        <button type="button" className="rv-button" disabled={busy} onClick={() => onDecide('reject')}>
          {t.reject}
        </button>
      </div>
    </form>
  );
}
