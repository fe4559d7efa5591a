import type { Approval } from '../../api/types.js';
import { timeLeft } from '../../core/approvalQueue.js';
import { formatDuration } from '../../core/formatDuration.js';
import { useUi } from '../shared/useUi.js';

/**
 * Time left before a task expires, in a `<time>` (silent: the root announces milestones, not seconds).
 * `data-slot="approval-countdown"`, `data-urgency="normal|soon|expired"` (soon: under 5 minutes).
 */
export function Countdown({ approval, now }: { approval: Approval; now: number }) {
  const { text, locale } = useUi();
  const t = text.approvals;
  const left = timeLeft(approval, now);
  if (left === null || !approval.expiresAt) return <span data-slot="approval-countdown" data-urgency="normal">{t.never}</span>;
  const urgency = left <= 0 ? 'expired' : left <= 300_000 ? 'soon' : 'normal';
  return (
    <time className="rv-approval__countdown" data-slot="approval-countdown" data-urgency={urgency} dateTime={approval.expiresAt}>
      {left <= 0 ? t.expiredNow : t.expiresIn(formatDuration(Math.ceil(left / 1000) * 1000, locale))}
    </time>
  );
}
