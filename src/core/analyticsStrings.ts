/** Words of the analytics view (`RunAnalytics`), part of the UI strings (`text.analytics`). */
import type { AnalyticsWindow } from '../api/types.js';
import type { AnalyticsOutcome } from './analyticsModel.js';

export interface AnalyticsStrings {
  label: string;
  window: string;
  windows: Readonly<Record<AnalyticsWindow, string>>;
  from: string;
  to: string;
  apply: string;
  /** Shown when the custom dates are missing or the end is before the start. */
  invalidRange: string;
  /** Shown when the custom dates span more days than the API answers. */
  rangeTooLong: (days: number) => string;
  /** The window being shown, e.g. "Nov 14 – Nov 21, 2026". */
  showing: (range: string) => string;
  tiles: Readonly<{
    liveRuns: string;
    recentRuns: string;
    successRate: string;
    stepsExecuted: string;
    credits: string;
    queueTime: string;
    p50: string;
    p95: string;
    p99: string;
  }>;
  /** Under the success rate: how many finished. */
  finished: (count: string) => string;
  outcomes: Readonly<Record<AnalyticsOutcome, string>>;
  runs: string;
  credits: string;
  chartTitle: string;
  /** Accessible name of the focusable chart. */
  chartLabel: (buckets: number) => string;
  /** How to move through the chart. */
  chartHint: string;
  /** The focused (or hovered) bucket, read out: span, runs by outcome, credits. */
  bucketSummary: (span: string, runs: string, parts: string, credits: string) => string;
  showTable: string;
  hideTable: string;
  tableCaption: string;
  bucket: string;
  breakdown: string;
  workflow: string;
  noRuns: string;
  loading: string;
  loadFailed: (message: string) => string;
  retry: string;
  updating: string;
  none: string;
}

export const defaultAnalyticsStrings: AnalyticsStrings = {
  label: 'Run analytics',
  window: 'Window',
  windows: { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', custom: 'Custom' },
  from: 'From',
  to: 'To',
  apply: 'Apply',
  invalidRange: 'Choose a start date and an end date on or after it.',
  rangeTooLong: (days) => `Choose at most ${days} days.`,
  showing: (range) => `Showing ${range}`,
  tiles: {
    liveRuns: 'Live runs',
    recentRuns: 'Runs',
    successRate: 'Success rate',
    stepsExecuted: 'Steps executed',
    credits: 'Credits used',
    queueTime: 'Queue time',
    p50: 'p50',
    p95: 'p95',
    p99: 'p99',
  },
  finished: (count) => `of ${count} finished`,
  outcomes: { succeeded: 'Succeeded', failed: 'Failed', canceled: 'Canceled', unfinished: 'Not finished' },
  runs: 'Runs',
  credits: 'Credits',
  chartTitle: 'Usage over time',
  chartLabel: (buckets) => `Runs and credits over ${buckets} time buckets`,
  chartHint: 'Use the arrow keys, Home and End to move between time buckets.',
  bucketSummary: (span, runs, parts, credits) => `${span}: ${runs} runs (${parts}), ${credits} credits`,
  showTable: 'Show as table',
  hideTable: 'Hide table',
  tableCaption: 'Runs and credits per time bucket',
  bucket: 'Time',
  breakdown: 'By workflow',
  workflow: 'Workflow',
  noRuns: 'No runs in this window.',
  loading: 'Loading analytics…',
  loadFailed: (message) => `Analytics could not be loaded: ${message}`,
  retry: 'Try again',
  updating: 'Updating…',
  none: '—',
};
