import type { HTMLAttributes } from 'react';
import { cx } from './cx.js';
import { parseTime } from '../../core/durations.js';
import { formatDateTime, formatRelativeTime } from '../../core/formatTime.js';
import { useUi } from './useUi.js';

export interface RelativeTimeProps extends Omit<HTMLAttributes<HTMLTimeElement>, 'children'> {
  /** ISO-8601 time; null or an unparsable value renders an en dash. */
  time: string | null | undefined;
  /** "Now" in ms since the epoch; pass it for stable server rendering. Defaults to the provider's clock (`Date.now()`). */
  now?: number;
}

/**
 * "3 minutes ago" in a `<time>` element whose title is the full date and time in the provider's
 * locale and time zone.
 */
export function RelativeTime({ time, now, className, ...rest }: RelativeTimeProps) {
  const ui = useUi();
  if (!time || parseTime(time) === null) {
    return <span className={cx('rv-time', className)}>{formatRelativeTime(null, 0)}</span>;
  }
  const title = formatDateTime(time, { locale: ui.locale, timeZone: ui.timeZone, dateStyle: 'full', timeStyle: 'long' });
  return (
    <time className={cx('rv-time', className)} dateTime={time} title={title} {...rest}>
      {formatRelativeTime(time, now ?? ui.now(), ui.locale)}
    </time>
  );
}
