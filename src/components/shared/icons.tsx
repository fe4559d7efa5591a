/**
 * Inline SVG icons. Always decorative (`aria-hidden`): the text label next to them carries the meaning,
 * so status is never conveyed by shape or colour alone.
 */
import type { ReactElement, SVGProps } from 'react';
import { cx } from './cx.js';

export type IconName =
  | 'check'
  | 'x'
  | 'minus-circle'
  | 'spinner'
  | 'skip'
  | 'clock'
  | 'pause'
  | 'hourglass'
  | 'ban'
  | 'stop'
  | 'claimed'
  | 'chevron'
  | 'copy'
  | 'alert';

const PATHS: Record<IconName, ReactElement> = {
  check: <path d="M3 8.5l3.2 3.2L13 4.8" />,
  x: <path d="M4 4l8 8M12 4l-8 8" />,
  'minus-circle': (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M5 8h6" />
    </>
  ),
  spinner: <path d="M8 2a6 6 0 1 0 6 6" />,
  skip: <path d="M3 4l5 4-5 4V4zM9 4l4 4-4 4M13.5 3.5v9" />,
  clock: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.5V8l2.5 1.5" />
    </>
  ),
  pause: <path d="M6 3.5v9M10 3.5v9" />,
  hourglass: <path d="M4.5 2.5h7M4.5 13.5h7M5 2.5c0 3 6 3.5 6 5.5s-6 2.5-6 5.5M11 2.5c0 3-6 3.5-6 5.5s6 2.5 6 5.5" />,
  ban: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M3.8 12.2l8.4-8.4" />
    </>
  ),
  stop: <rect x="4" y="4" width="8" height="8" rx="1" />,
  claimed: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M6.5 5.5L9.5 8l-3 2.5" />
    </>
  ),
  chevron: <path d="M6 3.5L10.5 8 6 12.5" />,
  copy: (
    <>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
    </>
  ),
  alert: <path d="M8 2.5l6 11H2l6-11zM8 6.5v3M8 11.5v.5" />,
};

export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'name'> {
  /** Which icon to draw. */
  name: IconName;
}

/** A 16×16 stroke icon in the current text colour. Decorative: hidden from assistive technology. */
export function Icon({ name, className, ...rest }: IconProps) {
  return (
    <svg
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={cx('rv-icon', className)}
      data-icon={name}
      data-spin={name === 'spinner' ? '' : undefined}
      {...rest}
    >
      {PATHS[name]}
    </svg>
  );
}
