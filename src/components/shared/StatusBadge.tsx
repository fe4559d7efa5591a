import type { HTMLAttributes } from 'react';
import { cx } from './cx.js';
import { Icon } from './icons.js';
import { statusAppearance } from './statusAppearance.js';
import { useUi } from './useUi.js';

export interface StatusBadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** A run, step or group status (`failed`, `rejected`, `skipped`, ...). */
  status: string;
  /** Which label set names the status. Defaults to `'step'`. */
  kind?: 'run' | 'step' | 'group';
  /** Why a step was skipped (or a run canceled); shown with the label. Defaults to none. */
  reason?: string | null;
  /** Overrides the label from the provider's preset. Defaults to the preset's label. */
  label?: string;
  /** `'icon'` keeps the label for screen readers only (visually hidden). Defaults to `'full'`. */
  variant?: 'full' | 'icon';
}

/**
 * A status shown three ways at once: icon, text label and `data-status` (never colour alone).
 * Styled by `[data-tone]`; `data-status` and `data-reason` let hosts target exact states.
 */
export function StatusBadge({ status, kind = 'step', reason, label, variant = 'full', className, ...rest }: StatusBadgeProps) {
  const ui = useUi();
  const { tone, icon } = statusAppearance(status);
  const text = label ?? ui.statusLabel(kind, status, reason);
  return (
    <span
      className={cx('rv-status', className)}
      data-status={status}
      data-reason={reason ?? undefined}
      data-tone={tone}
      data-variant={variant}
      title={variant === 'icon' ? text : undefined}
      {...rest}
    >
      <Icon name={icon} />
      <span className={variant === 'icon' ? 'rv-visually-hidden' : 'rv-status__label'}>{text}</span>
    </span>
  );
}
