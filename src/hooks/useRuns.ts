import type { UseRunFeedOptions, UseRunFeedResult } from './runFeedTypes.js';
import { useRunFeed } from './useRunFeed.js';

export type UseRunsOptions = UseRunFeedOptions;
export type UseRunsResult = UseRunFeedResult;

const ALL = { kind: 'all' } as const;

/**
 * The workspace-wide run feed: every filter (status, workflow, subject, run-id search, date range, trigger,
 * mode, model), sorting, cursor pages (infinite or page by page) and a count of newer runs (`newCount`,
 * `showNew()`) instead of reflowing the list. Filters, sort and page are controllable.
 */
export function useRuns(options: UseRunsOptions = {}): UseRunsResult {
  return useRunFeed(ALL, options);
}
