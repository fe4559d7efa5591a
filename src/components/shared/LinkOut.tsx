import type { MouseEvent, ReactNode } from 'react';

/** Something a link's click handler can stop (the event, or a stand-in). */
export interface LinkEvent {
  preventDefault: () => void;
}

export interface LinkOutProps {
  /** The href, when the host gives an href builder. */
  href?: string | undefined;
  /** Called on a plain click (a click with a modifier, or not the main button, is left to the browser when there is an href). */
  onOpen?: ((event: LinkEvent) => void) | undefined;
  /** Accessible name of the link or button when it differs from the text (not given to plain text). */
  label?: string | undefined;
  className?: string;
  children: ReactNode;
  /** Data attributes that name the target (`data-run-link`, `data-step-link`, `data-delivery-link`). */
  data?: Record<`data-${string}`, string | undefined>;
}

/** A click the browser handles itself on a link (a new tab or window, a download): a modifier or not the main button. */
export function isModifiedClick(event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/**
 * A link out: a real `<a>` when there is an href (middle-click opens a tab), a button when there is only a
 * callback, plain code otherwise. Every link from one view to another (runs, steps, delivery attempts, log
 * entries' runs) is one of these, so the host's `get…Href` / `onOpen…` pair works the same everywhere.
 */
export function LinkOut({ href, onOpen, label, className = 'rv-link', children, data }: LinkOutProps) {
  const onClick = onOpen
    ? (event: MouseEvent<HTMLElement>) => {
        if (href && isModifiedClick(event)) return;
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
  // Plain text is not a control: no name of its own (an "Open …" label would promise what it cannot do).
  return <code {...data}>{children}</code>;
}
