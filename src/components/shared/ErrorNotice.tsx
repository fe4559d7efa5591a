import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { Icon } from './icons.js';

export interface ErrorNoticeProps extends Omit<ComponentPropsWithoutRef<'p'>, 'children' | 'role'> {
  /** What failed, in words. */
  message: ReactNode;
  /** Try again; without it the notice has no button. */
  onRetry?: (() => void) | undefined;
  /** The button's words (the view's `retry` string). */
  retryLabel: string;
}

/**
 * A failure said over what a view keeps showing (a refresh or the next page failed, the rows stay): an alert with
 * its icon, the message and Try again. The run list, the log search and the delivery list each show one.
 */
export function ErrorNotice({ message, onRetry, retryLabel, ...rest }: ErrorNoticeProps) {
  return (
    <p role="alert" {...rest}>
      <Icon name="alert" /> {message}{' '}
      {onRetry ? (
        <button type="button" className="rv-button" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </p>
  );
}
