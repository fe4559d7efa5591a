import type { MouseEvent, ReactNode } from 'react';
import type { LinkEvent } from './types.js';

export interface DeliveryLinkProps {
  /** The href, when the host gives an href builder. */
  href?: string | undefined;
  /** Called on a plain click (a modified click with an href is left to the browser). */
  onOpen?: ((event: LinkEvent) => void) | undefined;
  /** Accessible name when it differs from the text. */
  label?: string | undefined;
  className?: string;
  children: ReactNode;
  /** Data attributes that name the target (`data-run-link`, `data-step-link`, `data-delivery-link`). */
  data?: Record<`data-${string}`, string>;
}

/**
 * A link out: a real `<a>` when there is an href (middle-click opens a tab), a button when there is only a
 * callback, plain code otherwise. Used for runs, steps and delivery attempts.
 */
export function DeliveryLink({ href, onOpen, label, className = 'rv-link', children, data }: DeliveryLinkProps) {
  const onClick = onOpen
    ? (event: MouseEvent<HTMLElement>) => {
        if (href && (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)) return;
        onOpen(event);
      }
    : undefined;
  if (href) {
    return (
      <a className={className} href={href} onClick={onClick} aria-label={label} {...data}>
        {children}
      </a>
    );
  }
  if (onClick) {
    return (
      <button type="button" className={className} onClick={onClick} aria-label={label} {...data}>
        {children}
      </button>
    );
  }
  return (
    <code aria-label={label} {...data}>
      {children}
    </code>
  );
}
