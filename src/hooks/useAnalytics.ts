import { useQuery } from '@tanstack/react-query';
import type { Analytics, AnalyticsWindow } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useControllableState } from './useControllableState.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseAnalyticsOptions {
  /** The time window (controlled). Defaults to uncontrolled. */
  window?: AnalyticsWindow;
  /** The initial window when uncontrolled. Defaults to `'24h'`. */
  defaultWindow?: AnalyticsWindow;
  /** Called when the window changes. Defaults to no callback. */
  onWindowChange?: (window: AnalyticsWindow) => void;
  /** Refresh interval in ms (live runs change); `false` loads once. Paused in hidden tabs. Defaults to 30 000 ms. */
  refetchIntervalMs?: number | false;
}

export interface UseAnalyticsResult extends QueryStatus {
  /** Live and recent runs, success rate, steps executed, credits and a time series; null until loaded. */
  analytics: Analytics | null;
  window: AnalyticsWindow;
  setWindow: (window: AnalyticsWindow) => void;
}

/** Workspace analytics for a window of 24 h, 7 d or 30 d. */
export function useAnalytics(options: UseAnalyticsOptions = {}): UseAnalyticsResult {
  const rv = useRunViews();
  const [window, setWindow] = useControllableState<AnalyticsWindow>({
    value: options.window,
    defaultValue: options.defaultWindow ?? '24h',
    onValueChange: options.onWindowChange,
  });
  const query = useQuery(
    {
      queryKey: rvKeys.analytics(rv.scope, window),
      queryFn: ({ signal }) => rv.client.getAnalytics(window, { signal }),
      refetchInterval: options.refetchIntervalMs ?? 30_000,
      refetchIntervalInBackground: false,
      // Switching windows keeps the previous numbers on screen until the new ones arrive.
      placeholderData: (previous) => previous,
      ...rv.retry,
    },
    rv.queryClient,
  );
  return { analytics: query.data ?? null, window, setWindow, ...queryStatus(query, 'getAnalytics') };
}
