import { useQuery } from '@tanstack/react-query';
import type { RunContext } from '../api/types.js';
import { isTerminalRunStatus } from '../api/status.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseRunContextOptions {
  /** Refresh interval while the run is not terminal, in ms; `false` loads once. Defaults to `false`. */
  refetchIntervalMs?: number | false;
  /** Set false to hold the request. Defaults to true. */
  enabled?: boolean;
}

export interface UseRunContextResult extends QueryStatus {
  /** Step states and variables of the run; null until loaded. */
  context: RunContext | null;
  /** The run's variables (empty until loaded). */
  variables: Record<string, unknown>;
}

const NO_VARIABLES: Record<string, unknown> = {};

/** A run's context: the state of each step and the run's variables. */
export function useRunContext(
  workflowId: string | null | undefined,
  runId: string | null | undefined,
  options: UseRunContextOptions = {},
): UseRunContextResult {
  const rv = useRunViews();
  const interval = options.refetchIntervalMs ?? false;
  const query = useQuery(
    {
      queryKey: rvKeys.context(rv.scope, workflowId ?? '', runId ?? ''),
      queryFn: ({ signal }) => rv.client.getContext(workflowId as string, runId as string, { signal }),
      enabled: Boolean(workflowId && runId) && (options.enabled ?? true),
      refetchInterval: (q) => (q.state.data && isTerminalRunStatus(q.state.data.status) ? false : interval),
      refetchIntervalInBackground: false,
      ...rv.retry,
    },
    rv.queryClient,
  );
  return {
    context: query.data ?? null,
    variables: query.data?.variables ?? NO_VARIABLES,
    ...queryStatus(query, 'getRunContext'),
  };
}
