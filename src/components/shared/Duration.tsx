import type { HTMLAttributes } from 'react';
import { cx } from './cx.js';
import { formatDuration } from '../../core/formatDuration.js';
import { useUi } from './useUi.js';

export interface DurationProps extends HTMLAttributes<HTMLSpanElement> {
  /** Milliseconds; null or undefined renders an en dash. */
  ms: number | null | undefined;
}

/** A duration such as "1.2 s" or "3 min 4 s", with the exact milliseconds in a `<data>` value. */
export function Duration({ ms, className, ...rest }: DurationProps) {
  const { locale } = useUi();
  if (ms == null || !Number.isFinite(ms)) {
    return (
      <span className={cx('rv-duration', className)} {...rest}>
        {formatDuration(null)}
      </span>
    );
  }
  return (
    <data className={cx('rv-duration', className)} value={String(ms)} {...rest}>
      {formatDuration(ms, locale)}
    </data>
  );
}
