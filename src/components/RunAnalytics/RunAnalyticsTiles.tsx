import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import { useRunAnalyticsContext } from './RunAnalyticsContext.js';

export type RunAnalyticsTilesProps = Omit<ComponentPropsWithoutRef<'ul'>, 'children'>;

/** The key figures shown as tiles, in order. */
export const ANALYTICS_TILES = ['liveRuns', 'recentRuns', 'successRate', 'stepsExecuted', 'credits', 'queueTime'] as const;
export type AnalyticsTile = (typeof ANALYTICS_TILES)[number];

/**
 * The key figures: live runs, runs in the window, success rate (with how many finished), steps executed,
 * credits used and queue time p50 / p95 / p99. Each tile names its figure in text.
 * `data-slot="analytics-tiles"`; tiles `data-slot="analytics-tile"`, `data-tile`, values `data-slot="analytics-value"`
 * with `data-value` (the raw number; empty when unknown).
 */
export function RunAnalyticsTiles({ className, ...rest }: RunAnalyticsTilesProps) {
  const { analytics, ui, format } = useRunAnalyticsContext('RunAnalyticsTiles');
  if (!analytics) return null;
  const t = ui.text.analytics;
  const finished = analytics.succeeded + analytics.failed + analytics.canceled;
  const value = (raw: number | null, text: string) => (
    <span className="rv-analytics__value" data-slot="analytics-value" data-value={raw ?? ''}>
      {text}
    </span>
  );
  const tile = (key: AnalyticsTile, label: string, body: ReactNode, note?: ReactNode) => (
    <li key={key} className="rv-analytics__tile" data-slot="analytics-tile" data-tile={key}>
      <span className="rv-analytics__tile-label">{label}</span>
      {body}
      {note ? <span className="rv-analytics__tile-note">{note}</span> : null}
    </li>
  );
  const q = analytics.queueTime;
  return (
    <ul {...rest} data-slot="analytics-tiles" className={cx('rv-analytics__tiles', className)}>
      {tile('liveRuns', t.tiles.liveRuns, value(analytics.liveRuns, format.count(analytics.liveRuns)))}
      {tile('recentRuns', t.tiles.recentRuns, value(analytics.recentRuns, format.count(analytics.recentRuns)))}
      {tile('successRate', t.tiles.successRate, value(analytics.successRate, format.percent(analytics.successRate)), t.finished(format.count(finished)))}
      {tile('stepsExecuted', t.tiles.stepsExecuted, value(analytics.stepsExecuted, format.count(analytics.stepsExecuted)))}
      {tile('credits', t.tiles.credits, value(analytics.credits, format.credits(analytics.credits)))}
      {tile(
        'queueTime',
        t.tiles.queueTime,
        <dl className="rv-analytics__percentiles">
          {(['p50', 'p95', 'p99'] as const).map((p) => (
            <div key={p} data-percentile={p}>
              <dt>{t.tiles[p]}</dt>
              <dd>{value(q[p], format.duration(q[p]))}</dd>
            </div>
          ))}
        </dl>,
      )}
    </ul>
  );
}
