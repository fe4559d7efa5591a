import { useEffect, useId, useMemo, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import { ANALYTICS_OUTCOMES, analyticsChartLayout, bucketLabel, bucketOutcomes, bucketSpanLabel } from '../../core/analyticsModel.js';
import { cx } from '../shared/cx.js';
import { Icon } from '../shared/icons.js';
import { useRunAnalyticsContext, type RunAnalyticsModel } from './RunAnalyticsContext.js';
import { OUTCOME_ICONS, OutcomePatterns, OutcomeSwatch } from './legend.js';

export interface RunAnalyticsChartProps extends Omit<ComponentPropsWithoutRef<'figure'>, 'children'> {
  /** Height of the drawing in px. Defaults to 260. */
  height?: number;
  /** Width used before the element is measured (server render, first paint), px. Defaults to 640. */
  initialWidth?: number;
}

const MARGIN = { top: 12, right: 12, bottom: 24, left: 48 };

/** The focused bucket's figures in words: span, runs by outcome, credits. */
export function bucketSummaryText(model: RunAnalyticsModel, index: number): string {
  const { analytics, ui, format } = model;
  const bucket = analytics?.series[index];
  if (!analytics || !bucket) return '';
  const t = ui.text.analytics;
  const outcomes = bucketOutcomes(bucket);
  const parts = ANALYTICS_OUTCOMES.map((o) => `${format.count(outcomes[o])} ${t.outcomes[o].toLowerCase()}`).join(', ');
  const span = bucketSpanLabel(analytics, index, { locale: ui.locale, timeZone: ui.timeZone });
  return t.bucketSummary(span, format.count(bucket.runs), parts, format.credits(bucket.credits));
}

/**
 * The usage chart: runs per time bucket stacked by outcome (each outcome with its own fill pattern, icon and
 * text in the legend) over the credits used per bucket, sharing one time axis; a small SVG drawn from the
 * pure layout of `analyticsChartLayout`. The plot is one tab stop: arrow keys, Home and End move between
 * buckets, and the focused bucket's figures are shown under it and announced politely; hovering shows them in
 * a tooltip. Its data table is `RunAnalyticsChartTable` (linked with `aria-details`).
 * `data-slot="analytics-chart"`; plot `data-slot="analytics-plot"` with `data-focused-bucket`;
 * bars `data-slot="analytics-bar"` with `data-bucket`, `data-focused`; segments `data-outcome`;
 * readout `data-slot="analytics-readout"`; tooltip `data-slot="analytics-tooltip"`.
 */
export function RunAnalyticsChart({ height = 260, initialWidth = 640, className, ...rest }: RunAnalyticsChartProps) {
  const model = useRunAnalyticsContext('RunAnalyticsChart');
  const { analytics, ui, format, ids, focusedBucket, setFocusedBucket } = model;
  const t = ui.text.analytics;
  const prefix = `rv-an${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const plotRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initialWidth);
  const [hovered, setHovered] = useState<number | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  // Escape hides the tooltip (WCAG 1.4.13) until the pointer or a key moves to another bucket.
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    const node = plotRef.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  const tipOpen = !dismissed && (hovered !== null || (hasFocus && focusedBucket !== null));
  useEffect(() => {
    if (!tipOpen) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tipOpen]);

  const series = useMemo(() => analytics?.series ?? [], [analytics]);
  const layout = useMemo(() => analyticsChartLayout(series, { width, height, ...MARGIN }), [series, width, height]);
  if (!analytics) return null;
  const count = series.length;
  const shown = dismissed ? null : (hovered ?? (hasFocus ? focusedBucket : null));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const current = focusedBucket ?? count - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowUp'
        ? Math.min(count - 1, current + 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowDown'
          ? Math.max(0, current - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    setHovered(null);
    setDismissed(false);
    setFocusedBucket(next);
  };

  const tipBand = shown === null ? null : layout.bands[shown];
  const tipBucket = shown === null ? null : series[shown];
  const axisLabel = (i: number) => bucketLabel(analytics, i, { locale: ui.locale, timeZone: ui.timeZone, short: true });

  return (
    <figure {...rest} data-slot="analytics-chart" className={cx('rv-analytics__chart', className)}>
      <figcaption id={ids.title} className="rv-analytics__chart-title">
        {t.chartTitle}
      </figcaption>
      <ul className="rv-analytics__legend" data-slot="analytics-legend">
        {ANALYTICS_OUTCOMES.map((o) => (
          <li key={o} data-outcome={o}>
            <OutcomeSwatch outcome={o} prefix={prefix} />
            {t.outcomes[o]}
          </li>
        ))}
        <li data-series="credits">
          <svg className="rv-analytics__swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M0 9 L4 5 L8 7 L12 2" className="rv-analytics__credits-line" />
          </svg>
          {t.credits}
        </li>
      </ul>
      {/* One tab stop that the arrow keys move through (a composite widget over an aria-hidden drawing). */}
      {/* eslint-disable jsx-a11y/no-noninteractive-tabindex, jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={plotRef}
        className="rv-analytics__plot"
        data-slot="analytics-plot"
        data-focused-bucket={focusedBucket ?? undefined}
        role="group"
        aria-roledescription="chart"
        tabIndex={0}
        aria-label={t.chartLabel(count)}
        aria-describedby={`${ids.hint} ${ids.readout}`}
        aria-details={ids.table}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setHasFocus(true);
          if (focusedBucket === null && count > 0) setFocusedBucket(count - 1);
        }}
        onBlur={() => setHasFocus(false)}
        onPointerLeave={() => setHovered(null)}
      >
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" className="rv-analytics__svg">
          <OutcomePatterns prefix={prefix} />
          <g className="rv-analytics__grid">
            {layout.runs.ticks.map((tick) => (
              <g key={`r${tick.value}`}>
                <line x1={MARGIN.left} x2={width - MARGIN.right} y1={tick.y} y2={tick.y} />
                <text x={MARGIN.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
                  {format.count(tick.value)}
                </text>
              </g>
            ))}
            {layout.credits.ticks.map((tick) => (
              <g key={`c${tick.value}`}>
                <line x1={MARGIN.left} x2={width - MARGIN.right} y1={tick.y} y2={tick.y} />
                <text x={MARGIN.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
                  {format.credits(tick.value)}
                </text>
              </g>
            ))}
            <text x={MARGIN.left} y={layout.runs.plotTop - 2} className="rv-analytics__axis-title">
              {t.runs}
            </text>
            <text x={MARGIN.left} y={layout.credits.plotTop - 4} className="rv-analytics__axis-title">
              {t.credits}
            </text>
          </g>
          {focusedBucket !== null && layout.bands[focusedBucket] ? (
            <rect
              className="rv-analytics__focus-band"
              x={layout.bands[focusedBucket].start}
              width={layout.bands[focusedBucket].step}
              y={MARGIN.top}
              height={height - MARGIN.top - MARGIN.bottom}
            />
          ) : null}
          {layout.runs.bars.map((segments, i) => (
            <g
              key={i}
              data-slot="analytics-bar"
              data-bucket={i}
              data-focused={focusedBucket === i ? '' : undefined}
              data-runs={series[i]!.runs}
              onPointerOver={() => {
                setDismissed(false);
                setHovered(i);
              }}
              onClick={() => setFocusedBucket(i)}
            >
              {/* The whole slot answers the pointer, not only the drawn bar. */}
              <rect className="rv-analytics__hit" x={layout.bands[i]!.start} width={layout.bands[i]!.step} y={MARGIN.top} height={height - MARGIN.top - MARGIN.bottom} />
              {segments.map((s) => (
                <rect key={s.key} data-outcome={s.key} x={s.x} y={s.y} width={Math.max(1, s.width)} height={Math.max(0, s.height)} fill={`url(#${prefix}-${s.key})`} className="rv-analytics__segment" />
              ))}
            </g>
          ))}
          <path d={layout.credits.area} className="rv-analytics__credits-area" />
          <path d={layout.credits.line} className="rv-analytics__credits-line" />
          {layout.credits.points.map(([x, y], i) => (
            <circle key={i} cx={x} cy={y} r={focusedBucket === i ? 4 : 2} className="rv-analytics__credits-point" data-focused={focusedBucket === i ? '' : undefined} />
          ))}
          <g className="rv-analytics__x-axis">
            {layout.labelled.map((i) => (
              <text key={i} x={layout.bands[i]!.center} y={height - 6} textAnchor="middle">
                {axisLabel(i)}
              </text>
            ))}
          </g>
        </svg>
        {tipBand && tipBucket && shown !== null ? (
          <div
            className="rv-analytics__tooltip"
            data-slot="analytics-tooltip"
            aria-hidden="true"
            data-side={tipBand.center > width / 2 ? 'left' : 'right'}
            style={{ left: `${(tipBand.center / width) * 100}%` }}
          >
            <strong>{bucketSpanLabel(analytics, shown, { locale: ui.locale, timeZone: ui.timeZone })}</strong>
            <ul>
              {ANALYTICS_OUTCOMES.map((o) => (
                <li key={o} data-outcome={o}>
                  <Icon name={OUTCOME_ICONS[o]} className="rv-analytics__icon" />
                  {t.outcomes[o]}: {format.count(bucketOutcomes(tipBucket)[o])}
                </li>
              ))}
              <li data-series="credits">
                {t.credits}: {format.credits(tipBucket.credits)}
              </li>
            </ul>
          </div>
        ) : null}
      </div>
      {/* eslint-enable jsx-a11y/no-noninteractive-tabindex, jsx-a11y/no-noninteractive-element-interactions */}
      <p id={ids.hint} className="rv-visually-hidden">
        {t.chartHint}
      </p>
      <p id={ids.readout} className="rv-analytics__readout" data-slot="analytics-readout" role="status" aria-live="polite" aria-atomic="true">
        {focusedBucket !== null ? bucketSummaryText(model, focusedBucket) : null}
      </p>
    </figure>
  );
}
