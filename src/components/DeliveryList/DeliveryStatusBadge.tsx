import type { HTMLAttributes } from 'react';
import type { DeliveryStatus } from '../../api/types.js';
import { cx } from '../shared/cx.js';
import { Icon, type IconName } from '../shared/icons.js';
import type { Tone } from '../shared/statusAppearance.js';
import { useUi } from '../shared/useUi.js';

const APPEARANCE: Record<DeliveryStatus, { tone: Tone; icon: IconName }> = {
  queued: { tone: 'neutral', icon: 'clock' },
  sent: { tone: 'info', icon: 'claimed' },
  delivered: { tone: 'success', icon: 'check' },
  failed: { tone: 'danger', icon: 'x' },
  bounced: { tone: 'warning', icon: 'alert' },
};

export interface DeliveryStatusBadgeProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  status: DeliveryStatus;
  /** Overrides the label. Defaults to `text.deliveries.statuses[status]`. */
  label?: string;
}

/**
 * A delivery attempt's status as icon, text (`text.deliveries.statuses`) and `data-status`, never colour alone;
 * unknown statuses show an alert icon and the raw value. Styled as the shared `rv-status` by `data-tone`.
 */
export function DeliveryStatusBadge({ status, label, className, ...rest }: DeliveryStatusBadgeProps) {
  const { text } = useUi();
  const appearance = APPEARANCE[status] ?? { tone: 'neutral', icon: 'alert' };
  return (
    <span className={cx('rv-status', className)} data-slot="delivery-status" data-status={status} data-tone={appearance.tone} {...rest}>
      <Icon name={appearance.icon} />
      <span className="rv-status__label">{label ?? text.deliveries.statuses[status] ?? status}</span>
    </span>
  );
}
