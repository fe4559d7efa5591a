import type { ReactNode } from 'react';
import type { RunApiError } from '../../api/errors.js';
import type { Analytics, AnalyticsRange, AnalyticsWindow } from '../../api/types.js';

/** The data and view state of the analytics view: what `useAnalytics` returns, or your own. */
export interface RunAnalyticsViewProps {
  /** The summary to show; null while nothing has loaded. */
  analytics: Analytics | null;
  /** The window asked for (shown selected in the toolbar). Defaults to the summary's window, else `'24h'`. */
  window?: AnalyticsWindow;
  /** Called when the reader picks another window. Defaults to no callback (the toolbar is then read-only). */
  onWindowChange?: (window: AnalyticsWindow) => void;
  /** The custom window's bounds. Defaults to `null`. */
  range?: AnalyticsRange | null;
  /** Called when the reader applies custom dates. Defaults to no callback. */
  onRangeChange?: (range: AnalyticsRange | null) => void;
  /** True until the first answer. Defaults to `false`. */
  isLoading?: boolean;
  /** True while a request is in flight (shows "Updating…" over the previous numbers). Defaults to `false`. */
  isFetching?: boolean;
  /** The last failure: a contained error with Try again. Defaults to `null`. */
  error?: RunApiError | Error | string | null;
  /** Called by Try again. Defaults to no button. */
  onRetry?: () => void;
  /** The bucket focused in the chart (controlled), or null. Defaults to uncontrolled. */
  focusedBucket?: number | null;
  /** The initially focused bucket when uncontrolled. Defaults to `null` (the newest when the chart takes focus). */
  defaultFocusedBucket?: number | null;
  /** Called when the focused bucket changes. Defaults to no callback. */
  onFocusedBucketChange?: (index: number | null) => void;
  /** Whether the chart's data table is shown (controlled). Defaults to uncontrolled. */
  tableOpen?: boolean;
  /** The initial table state when uncontrolled. Defaults to `false` (hidden but read by screen readers). */
  defaultTableOpen?: boolean;
  /** Called when the table is shown or hidden. Defaults to no callback. */
  onTableOpenChange?: (open: boolean) => void;
  /** Called with a workflow when the reader follows its name in the breakdown. Defaults to plain text. */
  onOpenWorkflow?: (workflowId: string) => void;
  /** Extra toolbar content (e.g. an export button). Defaults to none. */
  toolbar?: ReactNode;
  /** Class of the root. Defaults to none. */
  className?: string;
}
