import { useQuery } from '@tanstack/react-query';
import type { Workflow } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseWorkflowOptions {
  /** Set false to hold the request (e.g. until an id is chosen). Defaults to true. */
  enabled?: boolean;
}

export interface UseWorkflowResult extends QueryStatus {
  /** The workflow with its input schema, defaults, models and graph; null until loaded. */
  workflow: Workflow | null;
}

/** One workflow: name, version, input schema, defaults (prompt, model, workload profile), models, graph. */
export function useWorkflow(workflowId: string | null | undefined, options: UseWorkflowOptions = {}): UseWorkflowResult {
  const rv = useRunViews();
  const query = useQuery(
    {
      queryKey: rvKeys.workflow(rv.scope, workflowId ?? ''),
      queryFn: ({ signal }) => rv.client.getWorkflow(workflowId as string, { signal }),
      enabled: Boolean(workflowId) && (options.enabled ?? true),
      staleTime: 60_000,
      ...rv.retry,
    },
    rv.queryClient,
  );
  return { workflow: query.data ?? null, ...queryStatus(query, 'getWorkflow') };
}
