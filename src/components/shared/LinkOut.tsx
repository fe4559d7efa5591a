import type { MouseEvent, ReactNode } from 'react';

/** Something a link's click handler can stop (the event, or a stand-in). */
export interface LinkEvent {
  preventDefault: () => void;
}

export interface LinkOutProps {
  /** The href, when the host gives an href builder. */
  href?: string | undefined;
  /** Called on a plain click (a modified click with an href is left to the browser). */
  onOpen?: ((event: LinkEvent) => void) | undefined;
  /** Accessible name when it differs from the text. */
  label?: string | undefined;
  className?: string;
  children: ReactNode;
  /** Data attributes that name the target (`data-run-link`, `data-step-link`, `data-delivery-link`). */
  data?: Record<`data-${string}`, string | undefined>;
}

/**
 * A link out: a real `<a>` when there is an href (middle-click opens a tab), a button when there is only a
 * callback, plain code otherwise. Every link from one view to another (runs, steps, delivery attempts, log
 * entries' runs) is one of these, so the host's `get…Href` / `onOpen…` pair works the same everywhere.
 */
export function LinkOut({ href, onOpen, label, className = 'rv-link', children, data }: LinkOutProps) {
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
