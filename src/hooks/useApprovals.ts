import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Approval, ApprovalStatus } from '../api/types.js';
import { queryStatus, type QueryStatus } from './queryState.js';
import { rvKeys } from './queryKeys.js';
import { useApprovalDecisions, type ApprovalDecisionState, type DecideFn } from './useApprovalDecisions.js';
import { useControllableState } from './useControllableState.js';
import { useRunViews } from './RunViewsProvider.js';

export interface UseApprovalsOptions {
  /** Statuses to list (controlled). Defaults to uncontrolled. */
  status?: ApprovalStatus[];
  /** Initial statuses when uncontrolled. Defaults to `['pending']`. */
  defaultStatus?: ApprovalStatus[];
  /** Called when the status filter changes. Defaults to no callback. */
  onStatusChange?: (status: ApprovalStatus[]) => void;
  /** Only the approvals of this run. Defaults to every run. */
  runId?: string;
  /** Approvals per request, 1..500. Defaults to 50. */
  pageSize?: number;
  /** How often to refresh the list, in ms; `false` never. Paused in hidden tabs. Defaults to 15 000 ms. */
  refetchIntervalMs?: number | false;
}

export interface UseApprovalsResult extends QueryStatus {
  /** Approvals loaded so far, as the server lists them. */
  approvals: Approval[];
  /** Pending review tasks in the workspace (from the server, independent of the filter); 0 until loaded. */
  pendingCount: number;
  status: ApprovalStatus[];
  setStatus: (status: ApprovalStatus[]) => void;
  hasMore: boolean;
  loadMore: () => void;
  /** Approves or rejects; resolves with the outcome and never rejects. */
  decide: DecideFn;
  /** Outcome of the latest decision per approval id (`decidedElsewhere` carries the current approval). */
  decisions: Readonly<Record<string, ApprovalDecisionState>>;
  /** Forgets the outcome shown for one approval (e.g. when its dialog closes). */
  clearDecision: (approvalId: string) => void;
}

/** Review tasks with their pending count and the decide action (409 → `decidedElsewhere`). */
export function useApprovals(options: UseApprovalsOptions = {}): UseApprovalsResult {
  const rv = useRunViews();
  const [status, setStatus] = useControllableState<ApprovalStatus[]>({
    value: options.status,
    defaultValue: options.defaultStatus ?? ['pending'],
    onValueChange: options.onStatusChange,
  });
  const limit = options.pageSize ?? 50;
  const runId = options.runId;
  const query = useInfiniteQuery(
    {
      queryKey: rvKeys.approvalList(rv.scope, { status, runId, limit }),
      queryFn: ({ pageParam, signal }) =>
        rv.client.listApprovals(
          { status, limit, ...(runId ? { runId } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      refetchInterval: options.refetchIntervalMs ?? 15_000,
      refetchIntervalInBackground: false,
      ...rv.retry,
    },
    rv.queryClient,
  );
  const approvals = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const { decide, decisions, clearDecision } = useApprovalDecisions(approvals);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  return {
    approvals,
    pendingCount: query.data?.pages[0]?.pendingCount ?? 0,
    status,
    setStatus,
    hasMore: hasNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    decide,
    decisions,
    clearDecision,
    ...queryStatus(query, 'listApprovals'),
  };
}
