import { useId, useState, type ComponentPropsWithoutRef, type FormEvent, type ReactNode } from 'react';
import type { AnalyticsWindow } from '../../api/types.js';
import { ANALYTICS_MAX_CUSTOM_DAYS } from '../../api/schemas.js';
import { customRange, datesFromRange, type CustomRangeProblem } from '../../core/analyticsModel.js';
import { dateTimeFormat } from '../../core/intlCache.js';
import { cx } from '../shared/cx.js';
import { useRunAnalyticsContext } from './RunAnalyticsContext.js';

/** The windows offered, in order. */
export const ANALYTICS_WINDOWS: readonly AnalyticsWindow[] = ['24h', '7d', '30d', 'custom'];
const DAY = 86_400_000;

export interface RunAnalyticsToolbarProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Extra content after the window choice. Defaults to the view's `toolbar`. */
  children?: ReactNode;
}

/**
 * The window choice (24 h, 7 d, 30 d, custom: toggle buttons with `aria-pressed`), the custom dates form
 * (days in the provider's time zone, both included) and what is shown ("Showing …", "Updating…").
 * `data-slot="analytics-toolbar"`; buttons `data-window`; form `data-slot="analytics-range"`.
 */
export function RunAnalyticsToolbar({ className, children, ...rest }: RunAnalyticsToolbarProps) {
  const { props, ui, analytics, window, range, stale } = useRunAnalyticsContext('RunAnalyticsToolbar');
  const t = ui.text.analytics;
  const id = useId();
  const zone = ui.timeZone;
  const initial = range ? datesFromRange(range, zone) : datesFromRange({ from: new Date(ui.now() - 6 * DAY).toISOString(), to: new Date(ui.now()).toISOString() }, zone);
  const [dates, setDates] = useState(initial);
  const [problem, setProblem] = useState<CustomRangeProblem | null>(null);
  const invalid = problem !== null;
  // Bounds set from outside (controlled, or applied) show in the inputs.
  const rangeKey = range ? `${range.from}|${range.to}` : '';
  const [shownKey, setShownKey] = useState(rangeKey);
  if (shownKey !== rangeKey) {
    setShownKey(rangeKey);
    if (range) setDates(datesFromRange(range, zone));
  }
  const readOnly = !props.onWindowChange;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = customRange(dates.from, dates.to, zone);
    setProblem('problem' in next ? next.problem : null);
    if ('range' in next) props.onRangeChange?.(next.range);
  };
  const showing = analytics
    ? dateTimeFormat(ui.locale, {
        timeZone: zone,
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        ...(analytics.bucketMs < DAY ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      }).formatRange(Date.parse(analytics.from), analytics.bucketMs < DAY ? Date.parse(analytics.to) : Date.parse(analytics.to) - 1)
    : null;
  return (
    <div {...rest} data-slot="analytics-toolbar" className={cx('rv-analytics__toolbar', className)}>
      <div role="group" aria-label={t.window} className="rv-analytics__windows">
        {ANALYTICS_WINDOWS.map((w) => (
          <button
            key={w}
            type="button"
            className="rv-button rv-analytics__window"
            data-window={w}
            aria-pressed={window === w}
            disabled={readOnly && window !== w}
            onClick={() => props.onWindowChange?.(w)}
          >
            {t.windows[w]}
          </button>
        ))}
      </div>
      {window === 'custom' ? (
        <form className="rv-analytics__range" data-slot="analytics-range" onSubmit={apply} noValidate>
          <label>
            <span>{t.from}</span>
            <input type="date" className="rv-input" value={dates.from} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-invalid` : undefined} onChange={(e) => setDates((d) => ({ ...d, from: e.target.value }))} />
          </label>
          <label>
            <span>{t.to}</span>
            <input type="date" className="rv-input" value={dates.to} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-invalid` : undefined} onChange={(e) => setDates((d) => ({ ...d, to: e.target.value }))} />
          </label>
          <button type="submit" className="rv-button" data-variant="primary">
            {t.apply}
          </button>
          {invalid ? (
            <span id={`${id}-invalid`} role="alert" className="rv-analytics__invalid">
              {problem === 'too_long' ? t.rangeTooLong(ANALYTICS_MAX_CUSTOM_DAYS) : t.invalidRange}
            </span>
          ) : null}
        </form>
      ) : null}
      <p className="rv-analytics__showing" data-slot="analytics-showing">
        {showing ? t.showing(showing) : null}
        {/* Always present, so its text is announced when it comes: when the reader changed the window. */}
        <span className="rv-analytics__updating" role="status" data-slot="analytics-updating" data-state={analytics && stale ? 'changing' : undefined}>
          {analytics && stale ? ` ${t.updating}` : null}
        </span>
        {/* A background refresh shows the same word without announcing it. */}
        {analytics && !stale && props.isFetching ? (
          <span className="rv-analytics__updating" data-slot="analytics-refreshing" data-state="refreshing">
            {' '}
            {t.updating}
          </span>
        ) : null}
      </p>
      {children ?? props.toolbar}
    </div>
  );
}
