import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../shared/cx.js';

export interface StepTimelineMessageProps extends Omit<ComponentPropsWithoutRef<'div'>, 'role'> {
  /** What the message is about: `error` is an alert, the others a polite status. */
  kind: 'loading' | 'error' | 'empty';
  /** Shown under the text, e.g. a Retry button. Defaults to none. */
  action?: ReactNode;
}

/** The loading, error and empty states of the timeline. `data-slot="timeline-message"`, `data-kind`. */
export function StepTimelineMessage({ kind, action, className, children, ...rest }: StepTimelineMessageProps) {
  return (
    <div
      {...rest}
      data-slot="timeline-message"
      className={cx('rv-timeline__message', className)}
      data-kind={kind}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      <p>{children}</p>
      {kind === 'error' && action}
    </div>
  );
}
