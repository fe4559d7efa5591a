import { useQuery } from '@tanstack/react-query';
import type { Run, RunSort } from '../api/types';
import { isActiveRunStatus } from '../api/status';
import { rvKeys, type RunFeedSource } from './queryKeys';
import { toRunQuery, withoutWorkflow, type RunFeedFilters } from './runFeedQuery';
import { writeRunIntoFeeds } from './runFeedCache';
import { useRunViews } from './RunViewsProvider';

const MAX_LIMIT = 500;

/**
 * Keeps the statuses of listed runs current while any of them is active: one request for the loaded range,
 * written into the rows already shown (by id). Rows never move and new runs are not inserted — those are
 * announced by `newCount` — so the list does not reflow under the reader. Paused in hidden tabs.
 */
export function useActiveRunsRefresh(
  source: RunFeedSource,
  feed: { runs: readonly Run[]; loaded: number; sort: RunSort; filters: RunFeedFilters },
  intervalMs: number | false,
): void {
  const rv = useRunViews();
  const { client, queryClient, now, scope } = rv;
  const anyActive = feed.runs.some((run) => isActiveRunStatus(run.status));
  const limit = Math.min(MAX_LIMIT, Math.max(1, feed.loaded));
  useQuery(
    {
      queryKey: rvKeys.activeRuns(scope, source, { filters: feed.filters, sort: feed.sort, limit }),
      queryFn: async ({ signal }) => {
        const q = toRunQuery(feed.filters, feed.sort, limit, now());
        const page =
          source.kind === 'workflow'
            ? await client.listWorkflowRuns(source.workflowId, withoutWorkflow(q), { signal })
            : await client.listRuns(q, { signal });
        for (const run of page.items) writeRunIntoFeeds(queryClient, scope, run);
        return page.items.length;
      },
      enabled: anyActive && intervalMs !== false,
      refetchInterval: intervalMs,
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: false,
      // The feed itself was just loaded: the first refresh waits one interval.
      initialData: 0,
      initialDataUpdatedAt: () => Date.now(),
      staleTime: typeof intervalMs === 'number' ? intervalMs : Infinity,
      retry: false,
    },
    queryClient,
  );
}
