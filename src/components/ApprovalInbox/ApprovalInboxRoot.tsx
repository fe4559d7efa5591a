import { useCallback, useEffect, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { Approval } from '../../api/types.js';
import { countdownMilestone, isExpiredNow, timeLeft } from '../../core/approvalQueue.js';
import { formatDuration } from '../../core/formatDuration.js';
import type { UseApprovalInboxResult } from '../../hooks/useApprovalInbox.js';
import { cx } from '../shared/cx.js';
import { useStableCallback } from '../shared/useStableCallback.js';
import { useUi } from '../shared/useUi.js';
import { InboxContext, type ApprovalInboxClassNames, type ExpiredNotice } from './InboxContext.js';

export interface ApprovalInboxRootProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** What `useApprovalInbox` returned. */
  inbox: UseApprovalInboxResult;
  /** Called with a task's run when the reader follows its link. Defaults to no link. */
  onOpenRun?: (approval: Approval) => void;
  /** Classes of the rows and the review. Defaults to none. */
  classNames?: ApprovalInboxClassNames;
  /** Replaces a row's summary. Defaults to action, kind, workflow, run and step. */
  renderSummary?: (approval: Approval) => ReactNode;
  /** Extra actions on each row beside Review. Defaults to none. */
  renderActions?: (approval: Approval) => ReactNode;
  /** How often the countdowns tick, ms. Defaults to 1 000 ms. */
  tickMs?: number;
  children?: ReactNode;
}

/**
 * The outer part of the inbox: a labelled region that ticks the countdowns, notices tasks that expire (they
 * leave the list with a notice), and announces politely when a task nears expiry (10 min, 5 min, 1 min,
 * 10 s) or expires: never every second. `data-slot="approval-inbox"`, `data-view="pending|decided"`,
 * `data-state="ready|loading|error"`.
 */
export function ApprovalInboxRoot({
  inbox,
  onOpenRun,
  classNames,
  renderSummary,
  renderActions,
  tickMs = 1000,
  className,
  children,
  'aria-label': ariaLabel,
  ...rest
}: ApprovalInboxRootProps) {
  const ui = useUi();
  const t = ui.text.approvals;
  // Server and first client render use the provider's clock alike; the ticking starts after mount.
  const [now, setNow] = useState(() => ui.now());
  const clock = ui.now;
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), tickMs);
    return () => clearInterval(timer);
  }, [clock, tickMs]);

  // Milestones and expiries, adjusted during render: what each pending task last told the reader.
  const [told, setTold] = useState<{ milestones: Record<string, number>; notices: ExpiredNotice[]; announcement: string }>({
    milestones: {},
    notices: [],
    announcement: '',
  });
  const pending = inbox.view === 'pending' ? inbox.approvals : [];
  let next = told;
  for (const a of pending) {
    if (a.status !== 'pending') continue;
    if (isExpiredNow(a, now)) {
      if (!next.notices.some((n) => n.id === a.id) && next.milestones[a.id] !== -1) {
        const text = t.expiredNotice(a.action, a.onExpiry);
        next = { milestones: { ...next.milestones, [a.id]: -1 }, notices: [...next.notices, { id: a.id, action: a.action, onExpiry: a.onExpiry }], announcement: text };
      }
      continue;
    }
    const milestone = countdownMilestone(timeLeft(a, now));
    if (milestone === null) continue;
    const before = next.milestones[a.id];
    if (before === undefined) next = { ...next, milestones: { ...next.milestones, [a.id]: milestone } };
    else if (milestone > before) {
      const left = formatDuration(Math.ceil((timeLeft(a, now) ?? 0) / 1000) * 1000, ui.locale);
      next = { ...next, milestones: { ...next.milestones, [a.id]: milestone }, announcement: t.expiringSoon(a.action, left) };
    }
  }
  if (next !== told) setTold(next);

  // A task that expired here is expired on the server too: refresh the list (and the badge) once per expiry.
  const expiredCount = told.notices.length;
  const refetch = useStableCallback(inbox.refetch);
  useEffect(() => {
    if (expiredCount > 0) void refetch();
  }, [expiredCount, refetch]);

  const dismissNotice = useCallback((id: string) => setTold((old) => ({ ...old, notices: old.notices.filter((n) => n.id !== id) })), []);
  const classKey = classNames ? JSON.stringify(classNames) : '';
  const stableClasses = useMemo<ApprovalInboxClassNames>(() => (classKey ? (JSON.parse(classKey) as ApprovalInboxClassNames) : {}), [classKey]);
  const context = useMemo(
    () => ({
      inbox,
      now,
      classNames: stableClasses,
      onOpenRun,
      renderSummary,
      renderActions,
      notices: told.notices,
      dismissNotice,
      announcement: told.announcement,
    }),
    [inbox, now, stableClasses, onOpenRun, renderSummary, renderActions, told.notices, told.announcement, dismissNotice],
  );
  const failed = Boolean(inbox.error) && inbox.approvals.length === 0;
  return (
    <InboxContext.Provider value={context}>
      <section
        {...rest}
        data-slot="approval-inbox"
        data-view={inbox.view}
        data-state={failed ? 'error' : inbox.isLoading ? 'loading' : 'ready'}
        aria-label={ariaLabel ?? t.label}
        aria-busy={inbox.isLoading || undefined}
        className={cx('rv-root rv-approvals', className)}
      >
        <span className="rv-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-slot="approval-announcer">
          {told.announcement}
        </span>
        {children}
      </section>
    </InboxContext.Provider>
  );
}
