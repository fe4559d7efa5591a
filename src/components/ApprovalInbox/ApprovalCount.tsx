import type { ComponentPropsWithoutRef } from 'react';
import { usePendingApprovalCount, type UsePendingApprovalCountOptions } from '../../hooks/usePendingApprovalCount.js';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';

export interface ApprovalCountProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'>, UsePendingApprovalCountOptions {
  /** Shows the badge at 0 too. Defaults to `false` (hidden at 0, still named for screen readers). */
  showZero?: boolean;
  /** Announces changes politely (use on one badge per page at most). Defaults to `false`. */
  announce?: boolean;
}

/**
 * The number of pending review tasks, for a host's navigation: one shared request per provider, refreshed
 * on its own and at once after any decision made through the hooks, so every badge agrees. Named for screen
 * readers ("3 pending approvals"). `data-slot="approval-count"`, `data-count`, `data-empty` at 0.
 */
export function ApprovalCount({ refetchIntervalMs, enabled, showZero = false, announce = false, className, ...rest }: ApprovalCountProps) {
  const { text } = useUi();
  const { count } = usePendingApprovalCount({ ...(refetchIntervalMs !== undefined ? { refetchIntervalMs } : {}), ...(enabled !== undefined ? { enabled } : {}) });
  const empty = count === 0;
  return (
    <span
      {...rest}
      data-slot="approval-count"
      data-count={count}
      data-empty={empty ? '' : undefined}
      className={cx('rv-approval-count', className)}
      role={announce ? 'status' : undefined}
      aria-live={announce ? 'polite' : undefined}
    >
      <span className="rv-approval-count__number" aria-hidden="true" hidden={empty && !showZero}>
        {count}
      </span>
      <span className="rv-visually-hidden">{text.approvals.pendingCount(count)}</span>
    </span>
  );
}
