import { useId, type ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useRunAnalyticsContext } from './RunAnalyticsContext.js';

export type RunAnalyticsBreakdownProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/**
 * The window's runs per workflow, most runs first: runs, succeeded, failed, canceled, success rate, steps and
 * credits. A workflow's name is a button when the view has `onOpenWorkflow`. Renders nothing without runs.
 * `data-slot="analytics-breakdown"`; rows `data-workflow-id`.
 */
export function RunAnalyticsBreakdown({ className, ...rest }: RunAnalyticsBreakdownProps) {
  const { analytics, ui, format, props } = useRunAnalyticsContext('RunAnalyticsBreakdown');
  const captionId = useId();
  if (!analytics || analytics.workflows.length === 0) return null;
  const t = ui.text.analytics;
  const open = props.onOpenWorkflow;
  return (
    <div {...rest} data-slot="analytics-breakdown" className={cx('rv-analytics__breakdown', className)}>
      {/* Scrolls on narrow screens, so it must be reachable by keyboard (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="rv-analytics__scroll" role="group" aria-labelledby={captionId} tabIndex={0}>
      <table className="rv-analytics__table">
        <caption id={captionId}>{t.breakdown}</caption>
        <thead>
          <tr>
            <th scope="col">{t.workflow}</th>
            <th scope="col">{t.runs}</th>
            <th scope="col">{t.outcomes.succeeded}</th>
            <th scope="col">{t.outcomes.failed}</th>
            <th scope="col">{t.outcomes.canceled}</th>
            <th scope="col">{t.tiles.successRate}</th>
            <th scope="col">{t.tiles.stepsExecuted}</th>
            <th scope="col">{t.credits}</th>
          </tr>
        </thead>
        <tbody>
          {analytics.workflows.map((w) => (
            <tr key={w.workflowId} data-workflow-id={w.workflowId}>
              <th scope="row">
                {open ? (
                  <button type="button" className="rv-link" onClick={() => open(w.workflowId)}>
                    {w.workflowName || w.workflowId}
                  </button>
                ) : (
                  w.workflowName || w.workflowId
                )}
              </th>
              <td>{format.count(w.runs)}</td>
              <td>{format.count(w.succeeded)}</td>
              <td>{format.count(w.failed)}</td>
              <td>{format.count(w.canceled)}</td>
              <td>{format.percent(w.successRate)}</td>
              <td>{format.count(w.stepsExecuted)}</td>
              <td>{format.credits(w.credits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
