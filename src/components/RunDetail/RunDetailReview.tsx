import { useId, useState, type ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { DataSection } from '../shared/DataSection.js';
import { RelativeTime } from '../shared/RelativeTime.js';
import { ReviewDecisionForm, ReviewDecisionOutcome } from '../shared/ReviewDecision.js';
import { useRunDetailContext } from './RunDetailContext.js';

export type RunDetailReviewProps = Omit<ComponentPropsWithoutRef<'section'>, 'children'>;

/**
 * A waiting run's pending review, inline: the action it gates, its kind, when it expires and what expiry
 * does, what to look at, a comment and Approve / Reject. The outcome shows in place (yours, someone else's
 * that came first, or an error). Renders nothing without a review. `data-slot="run-detail-review"`,
 * `data-status` of the task, `data-outcome` (`pending`, `decided`, `decidedElsewhere`, `error`).
 */
export function RunDetailReview({ className, ...rest }: RunDetailReviewProps) {
  const { props, ui, now } = useRunDetailContext('RunDetailReview');
  const id = useId();
  const [comment, setComment] = useState('');
  const review = props.review;
  if (!review) return null;
  const t = ui.text.approvals;
  const outcome = props.reviewDecision ?? null;
  const busy = outcome?.status === 'pending';
  const settled = outcome?.status === 'decided' || outcome?.status === 'decidedElsewhere';
  const current = settled ? outcome.approval : review;
  const decide = (decision: 'approve' | 'reject') => props.onDecide?.(review, decision, comment.trim());
  return (
    <section
      className={cx('rv-run-detail__review', className)}
      data-slot="run-detail-review"
      data-status={current.status}
      data-outcome={outcome?.status}
      aria-labelledby={`${id}-title`}
      {...rest}
    >
      <h3 id={`${id}-title`} className="rv-run-detail__subtitle">
        {ui.text.runDetail.reviewTitle}: {review.action}
      </h3>
      <dl className="rv-run-detail__fields" data-compact="">
        <div className="rv-run-detail__field" data-field="kind">
          <dt>{t.kind}</dt>
          <dd>{review.kind}</dd>
        </div>
        <div className="rv-run-detail__field" data-field="requested">
          <dt>{t.requested}</dt>
          <dd>
            <RelativeTime time={review.requestedAt} now={now} />
          </dd>
        </div>
        <div className="rv-run-detail__field" data-field="expires" data-wide="">
          <dt>{t.expires}</dt>
          <dd>
            {review.expiresAt ? (
              <>
                <RelativeTime time={review.expiresAt} now={now} /> · {t.onExpiry[review.onExpiry]}
              </>
            ) : (
              t.never
            )}
          </dd>
        </div>
      </dl>
      {review.details !== undefined ? <DataSection title={t.details} data={review.details} defaultOpen /> : null}
      <ReviewDecisionOutcome outcome={outcome} now={now} slot="run-detail-review-outcome" />
      {props.onDecide && !settled ? <ReviewDecisionForm comment={comment} onCommentChange={setComment} onDecide={decide} busy={busy} /> : null}
    </section>
  );
}
