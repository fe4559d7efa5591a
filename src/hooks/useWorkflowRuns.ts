import { useMemo } from 'react';
import type { UseRunFeedOptions, UseRunFeedResult } from './runFeedTypes.js';
import { useRunFeed } from './useRunFeed.js';

export type UseWorkflowRunsOptions = UseRunFeedOptions;
export type UseWorkflowRunsResult = UseRunFeedResult;

/** The runs of one workflow, with the same filters, sorting, pages and new-run count as `useRuns`. */
export function useWorkflowRuns(workflowId: string, options: UseWorkflowRunsOptions = {}): UseWorkflowRunsResult {
  const source = useMemo(() => ({ kind: 'workflow' as const, workflowId }), [workflowId]);
  return useRunFeed(source, { ...options, enabled: Boolean(workflowId) && (options.enabled ?? true) });
}
