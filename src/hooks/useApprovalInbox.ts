import { useMemo } from 'react';
import type { Approval, ApprovalStatus } from '../api/types.js';
import { approvalFacets, arrangeApprovals, type ApprovalFilters, type ApprovalSort } from '../core/approvalQueue.js';
import { useApprovals, type UseApprovalsResult } from './useApprovals.js';
import { useControllableState } from './useControllableState.js';

export type ApprovalView = 'pending' | 'decided';

const DECIDED: ApprovalStatus[] = ['approved', 'rejected', 'expired'];
const PENDING: ApprovalStatus[] = ['pending'];

export interface UseApprovalInboxOptions {
  /** Pending tasks or decided ones (controlled). */
  view?: ApprovalView;
  /** Defaults to `'pending'`. */
  defaultView?: ApprovalView;
  onViewChange?: (view: ApprovalView) => void;
  /** Sort (controlled). */
  sort?: ApprovalSort;
  /** Defaults to `'expiry'` (soonest first). */
  defaultSort?: ApprovalSort;
  onSortChange?: (sort: ApprovalSort) => void;
  /** Kind and workflow filters (controlled). */
  filters?: ApprovalFilters;
  /** Defaults to none. */
  defaultFilters?: ApprovalFilters;
  onFiltersChange?: (filters: ApprovalFilters) => void;
  /** The task open for review, by id (controlled); null when none. */
  openApproval?: string | null;
  /** Defaults to none. */
  defaultOpenApproval?: string | null;
  onOpenApprovalChange?: (id: string | null) => void;
  /** Tasks per request, 1..500. Defaults to 200. */
  pageSize?: number;
  /** How often the list refreshes, in ms; `false` never. Defaults to 15 000 ms. */
  refetchIntervalMs?: number | false;
}

export interface UseApprovalInboxResult extends UseApprovalsResult {
  view: ApprovalView;
  setView: (view: ApprovalView) => void;
  sort: ApprovalSort;
  setSort: (sort: ApprovalSort) => void;
  filters: ApprovalFilters;
  setFilters: (filters: ApprovalFilters) => void;
  openApproval: string | null;
  setOpenApproval: (id: string | null) => void;
  /** The loaded tasks of the view, filtered and sorted. */
  rows: Approval[];
  /** Kinds and workflows among the loaded tasks. */
  facets: ReturnType<typeof approvalFacets>;
}

/**
 * The approval inbox's state over `useApprovals`: pending or decided view, sort, kind/workflow filters and the
 * task open for review, each controllable; the rows to show are derived once (core's `arrangeApprovals`).
 */
export function useApprovalInbox(options: UseApprovalInboxOptions = {}): UseApprovalInboxResult {
  const [view, setView] = useControllableState<ApprovalView>({ value: options.view, defaultValue: options.defaultView ?? 'pending', onValueChange: options.onViewChange });
  const [sort, setSort] = useControllableState<ApprovalSort>({ value: options.sort, defaultValue: options.defaultSort ?? 'expiry', onValueChange: options.onSortChange });
  const [filters, setFilters] = useControllableState<ApprovalFilters>({ value: options.filters, defaultValue: options.defaultFilters ?? {}, onValueChange: options.onFiltersChange });
  const [openApproval, setOpenApproval] = useControllableState<string | null>({
    value: options.openApproval,
    defaultValue: options.defaultOpenApproval ?? null,
    onValueChange: options.onOpenApprovalChange,
  });
  const approvals = useApprovals({
    status: view === 'pending' ? PENDING : DECIDED,
    pageSize: options.pageSize ?? 200,
    ...(options.refetchIntervalMs !== undefined ? { refetchIntervalMs: options.refetchIntervalMs } : {}),
  });
  const { approvals: loaded } = approvals;
  const rows = useMemo(() => arrangeApprovals(loaded, filters, view === 'pending' ? sort : 'requested'), [loaded, filters, sort, view]);
  const facets = useMemo(() => approvalFacets(loaded), [loaded]);
  return { ...approvals, view, setView, sort, setSort, filters, setFilters, openApproval, setOpenApproval, rows, facets };
}
