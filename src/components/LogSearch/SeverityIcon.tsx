import type { SVGProps } from 'react';
import type { Severity } from '../../api/types.js';
import { cx } from '../shared/cx.js';

/** Each severity has its own shape, so it reads without colour: a dot (debug), an "i" (info), a triangle (warn), a cross (error). */
const SHAPES: Record<Severity, string> = {
  debug: 'M8 6.5a1.5 1.5 0 1 1 0 3a1.5 1.5 0 0 1 0-3z',
  info: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13zM8 4.5v.5M8 7v4.5',
  warn: 'M8 1.8l6.6 11.7H1.4zM8 6v3.8M8 11.5v.2',
  error: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13zM5.5 5.5l5 5M10.5 5.5l-5 5',
};

/** The icon of a severity (decorative: a word always stands beside it). */
export function SeverityIcon({ severity, className, ...rest }: { severity: Severity } & Omit<SVGProps<SVGSVGElement>, 'children'>) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={cx('rv-icon rv-log-severity-icon', className)}
      data-severity={severity}
      {...rest}
    >
      <path d={SHAPES[severity]} fill={severity === 'debug' ? 'currentColor' : 'none'} />
    </svg>
  );
}
