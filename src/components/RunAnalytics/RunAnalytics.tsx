import { useAnalytics, type UseAnalyticsOptions } from '../../hooks/useAnalytics.js';
import type { RunAnalyticsViewProps } from './types.js';
import { RunAnalyticsView } from './RunAnalyticsView.js';

export interface RunAnalyticsProps
  extends UseAnalyticsOptions,
    Omit<RunAnalyticsViewProps, 'analytics' | 'window' | 'onWindowChange' | 'range' | 'onRangeChange' | 'isLoading' | 'isFetching' | 'error' | 'onRetry'> {}

/**
 * Workspace analytics, connected: `useAnalytics` (window 24 h / 7 d / 30 d / custom, refreshed every 30 s
 * while the tab is visible) drawn by `RunAnalyticsView`. A failed load is contained (an alert with Try
 * again; numbers already shown stay).
 */
export function RunAnalytics({ window, defaultWindow, onWindowChange, range, defaultRange, onRangeChange, refetchIntervalMs, ...view }: RunAnalyticsProps) {
  const result = useAnalytics({
    ...(window !== undefined ? { window } : {}),
    ...(defaultWindow !== undefined ? { defaultWindow } : {}),
    ...(onWindowChange ? { onWindowChange } : {}),
    ...(range !== undefined ? { range } : {}),
    ...(defaultRange !== undefined ? { defaultRange } : {}),
    ...(onRangeChange ? { onRangeChange } : {}),
    ...(refetchIntervalMs !== undefined ? { refetchIntervalMs } : {}),
  });
  return (
    <RunAnalyticsView
      {...view}
      analytics={result.analytics}
      window={result.window}
      onWindowChange={result.setWindow}
      range={result.range}
      onRangeChange={result.setRange}
      isLoading={result.isLoading}
      isFetching={result.isFetching}
      error={result.error}
      onRetry={() => void result.refetch()}
    />
  );
}
