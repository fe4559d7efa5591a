import { useQuery } from '@tanstack/react-query';
import type { Analytics, AnalyticsQuery, AnalyticsRange, AnalyticsWindow } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useControllableState } from './useControllableState.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseAnalyticsOptions {
  /** The time window (controlled); `'custom'` uses `range`. Defaults to uncontrolled. */
  window?: AnalyticsWindow;
  /** The initial window when uncontrolled. Defaults to `'24h'`. */
  defaultWindow?: AnalyticsWindow;
  /** Called when the window changes. Defaults to no callback. */
  onWindowChange?: (window: AnalyticsWindow) => void;
  /** The custom window's bounds (controlled), used while `window` is `'custom'`. Defaults to uncontrolled. */
  range?: AnalyticsRange | null;
  /** The initial custom bounds when uncontrolled. Defaults to `null` (nothing is asked for until set). */
  defaultRange?: AnalyticsRange | null;
  /** Called when the custom bounds change. Defaults to no callback. */
  onRangeChange?: (range: AnalyticsRange | null) => void;
  /** Refresh interval in ms (live runs change); `false` loads once. Paused in hidden tabs. Defaults to 30 000 ms. */
  refetchIntervalMs?: number | false;
}

export interface UseAnalyticsResult extends QueryStatus {
  /**
   * Live and recent runs, success rate, steps executed, credits, queue time percentiles, a time series and a
   * breakdown per workflow; null until loaded (the previous window's numbers stay while another loads).
   */
  analytics: Analytics | null;
  window: AnalyticsWindow;
  setWindow: (window: AnalyticsWindow) => void;
  /** The custom window's bounds; null until chosen. */
  range: AnalyticsRange | null;
  setRange: (range: AnalyticsRange | null) => void;
  /** False while the window is `'custom'` without bounds: nothing is asked for. */
  enabled: boolean;
}

/** The query `getAnalytics` is asked for a window (and the custom bounds); null for `'custom'` without bounds. */
export function analyticsQuery(window: AnalyticsWindow, range: AnalyticsRange | null): AnalyticsQuery | null {
  if (window !== 'custom') return { window };
  return range ? { window: 'custom', from: range.from, to: range.to } : null;
}

/** Workspace analytics for a window of 24 h, 7 d, 30 d or custom bounds. */
export function useAnalytics(options: UseAnalyticsOptions = {}): UseAnalyticsResult {
  const rv = useRunViews();
  const [window, setWindow] = useControllableState<AnalyticsWindow>({
    value: options.window,
    defaultValue: options.defaultWindow ?? '24h',
    onValueChange: options.onWindowChange,
  });
  const [range, setRange] = useControllableState<AnalyticsRange | null>({
    value: options.range,
    defaultValue: options.defaultRange ?? null,
    onValueChange: options.onRangeChange,
  });
  const asked = analyticsQuery(window, range);
  const query = useQuery(
    {
      queryKey: rvKeys.analytics(rv.scope, asked && asked.window === 'custom' ? `custom|${asked.from}|${asked.to}` : window),
      queryFn: ({ signal }) => rv.client.getAnalytics(asked!, { signal }),
      enabled: asked !== null,
      refetchInterval: options.refetchIntervalMs ?? 30_000,
      refetchIntervalInBackground: false,
      // Switching windows keeps the previous numbers on screen until the new ones arrive; a custom window
      // without its dates asks nothing and shows none of another window's numbers.
      placeholderData: asked ? (previous) => previous : undefined,
      ...rv.retry,
    },
    rv.queryClient,
  );
  return { analytics: query.data ?? null, window, setWindow, range, setRange, enabled: asked !== null, ...queryStatus(query, 'getAnalytics') };
}
