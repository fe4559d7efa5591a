import type { ComponentPropsWithoutRef } from 'react';
import { ANALYTICS_OUTCOMES, bucketOutcomes, bucketSpanLabel } from '../../core/analyticsModel.js';
import { cx } from '../shared/cx.js';
import { useRunAnalyticsContext } from './RunAnalyticsContext.js';

export type RunAnalyticsChartTableProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/**
 * The chart's data as a table (one row per time bucket: runs, each outcome, credits), the chart's
 * `aria-details`. Hidden visually (still read by screen readers) until "Show as table" opens it; the row of
 * the chart's focused bucket is marked. `data-slot="analytics-chart-table"`, `data-open`; toggle
 * `data-slot="analytics-table-toggle"` with `aria-expanded`; rows `data-bucket`, `data-focused`.
 */
export function RunAnalyticsChartTable({ className, ...rest }: RunAnalyticsChartTableProps) {
  const { analytics, ui, format, ids, tableOpen, setTableOpen, focusedBucket } = useRunAnalyticsContext('RunAnalyticsChartTable');
  if (!analytics) return null;
  const t = ui.text.analytics;
  return (
    <div {...rest} data-slot="analytics-chart-table" data-open={tableOpen ? '' : undefined} className={cx('rv-analytics__chart-table', className)}>
      <button type="button" className="rv-button" data-slot="analytics-table-toggle" aria-expanded={tableOpen} aria-controls={ids.table} onClick={() => setTableOpen(!tableOpen)}>
        {tableOpen ? t.hideTable : t.showTable}
      </button>
      <div
        className={tableOpen ? 'rv-analytics__table-wrap' : 'rv-visually-hidden'}
        data-slot="analytics-table-wrap"
        {...(tableOpen ? { role: 'group', 'aria-labelledby': `${ids.table}-caption`, tabIndex: 0 } : {})}
      >
        <table id={ids.table} className="rv-analytics__table">
          <caption id={`${ids.table}-caption`}>{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.bucket}</th>
              <th scope="col">{t.runs}</th>
              {ANALYTICS_OUTCOMES.map((o) => (
                <th key={o} scope="col">
                  {t.outcomes[o]}
                </th>
              ))}
              <th scope="col">{t.credits}</th>
            </tr>
          </thead>
          <tbody>
            {analytics.series.map((bucket, i) => {
              const outcomes = bucketOutcomes(bucket);
              return (
                <tr key={bucket.start} data-bucket={i} data-focused={focusedBucket === i ? '' : undefined}>
                  <th scope="row">{bucketSpanLabel(analytics, i, { locale: ui.locale, timeZone: ui.timeZone })}</th>
                  <td>{format.count(bucket.runs)}</td>
                  {ANALYTICS_OUTCOMES.map((o) => (
                    <td key={o}>{format.count(outcomes[o])}</td>
                  ))}
                  <td>{format.credits(bucket.credits)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
