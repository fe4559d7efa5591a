import { RunAnalyticsBreakdown } from './RunAnalyticsBreakdown.js';
import { RunAnalyticsChart } from './RunAnalyticsChart.js';
import { RunAnalyticsChartTable } from './RunAnalyticsChartTable.js';
import { RunAnalyticsMessage } from './RunAnalyticsMessage.js';
import { RunAnalyticsRoot } from './RunAnalyticsRoot.js';
import { RunAnalyticsTiles } from './RunAnalyticsTiles.js';
import { RunAnalyticsToolbar } from './RunAnalyticsToolbar.js';
import type { RunAnalyticsViewProps } from './types.js';
import { useRunAnalyticsModel } from './useRunAnalyticsModel.js';

/**
 * Analytics from data you already have: the window choice, the key figures, the usage chart with its data
 * table, and the breakdown per workflow; or the loading, error and empty states. Every piece of view state
 * (window, custom range, focused bucket, table) is controllable.
 */
export function RunAnalyticsView(props: RunAnalyticsViewProps) {
  const model = useRunAnalyticsModel(props);
  return (
    <RunAnalyticsRoot model={model} className={props.className}>
      <RunAnalyticsToolbar />
      <RunAnalyticsMessage />
      {model.analytics ? (
        <>
          <RunAnalyticsTiles />
          <RunAnalyticsChart />
          <RunAnalyticsChartTable />
          <RunAnalyticsBreakdown />
        </>
      ) : null}
    </RunAnalyticsRoot>
  );
}
