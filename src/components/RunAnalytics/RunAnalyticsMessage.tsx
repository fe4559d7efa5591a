import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useRunAnalyticsContext } from './RunAnalyticsContext.js';

export type RunAnalyticsMessageProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/**
 * Why no numbers are shown: loading (a polite status), a contained load error with Try again (an alert;
 * also over stale numbers, which stay), or no runs in the window. Renders nothing otherwise.
 * `data-slot="analytics-message"`, `data-kind="loading|error|empty|choose"` (`choose`: a custom window waits for its dates).
 */
export function RunAnalyticsMessage({ className, ...rest }: RunAnalyticsMessageProps) {
  const { props, ui, state } = useRunAnalyticsContext('RunAnalyticsMessage');
  const t = ui.text.analytics;
  const kind = props.error ? 'error' : state === 'loading' || state === 'empty' || state === 'choose' ? state : null;
  if (kind === null) return null;
  const base = { ...rest, className: cx('rv-analytics__message', className), 'data-slot': 'analytics-message', 'data-kind': kind };
  if (kind === 'loading') {
    return (
      <div {...base} role="status">
        {t.loading}
      </div>
    );
  }
  if (kind === 'empty') return <div {...base}>{t.noRuns}</div>;
  if (kind === 'choose') return <div {...base}>{t.invalidRange}</div>;
  const message = typeof props.error === 'string' ? props.error : props.error?.message || ui.text.apiError;
  return (
    <div {...base} role="alert">
      <span>{t.loadFailed(message)}</span>
      {props.onRetry ? (
        <button type="button" className="rv-button" onClick={props.onRetry}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}
