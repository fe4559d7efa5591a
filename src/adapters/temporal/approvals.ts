/**
 * Approvals by convention, for workflows written to be reviewed from run views:
 * - while it waits for a decision, the workflow sets a Bool search attribute (`AwaitingApproval` by default) to
 *   true, and back to false once decided;
 * - it takes the decision as a signal (`approval` by default) whose one argument is
 *   `{ decision: 'approve' | 'reject', comment?: string, reviewer?: string }`;
 * - it may answer a query of the same name with `{ action?, kind?, details?, requestedAt?, expiresAt? }` to tell
 *   the reviewer what is asked.
 * A pending approval's id is the run id (one at a time per run). Only pending approvals are listed: Temporal
 * keeps no record of past decisions beyond the signal in the run's history.
 */
import type { Approval, ApprovalPage, ApprovalQuery, DecisionRequest } from '../../api/types.js';
import type { TemporalWorkflowExecutionInfo } from './types.js';

export interface TemporalApprovalOptions {
  /** Bool search attribute that is true while a run waits for a decision. Defaults to `'AwaitingApproval'`. */
  searchAttribute?: string;
  /** Signal that carries the decision. Defaults to `'approval'`. */
  signal?: string;
  /** Query that describes the pending approval; false to not ask. Defaults to `'approval'`. */
  query?: string | false;
}

/** What the workflow's approval query may answer. */
export interface ApprovalQueryAnswer {
  action?: string;
  kind?: string;
  details?: unknown;
  requestedAt?: string;
  expiresAt?: string;
}

export interface ApprovalSource {
  listWaiting(visibilityQuery: string, cursor: string | undefined, limit: number): Promise<{ executions: TemporalWorkflowExecutionInfo[]; nextCursor: string | null }>;
  describe(info: TemporalWorkflowExecutionInfo): Promise<ApprovalQueryAnswer | null>;
  count(visibilityQuery: string): Promise<number>;
}

const isoOr = (value: unknown, fallback: string): string => {
  if (typeof value !== 'string') return fallback;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : fallback;
};

/** The pending approval of a waiting execution. */
export function approvalOf(info: TemporalWorkflowExecutionInfo, answer: ApprovalQueryAnswer | null): Approval {
  const runId = info.execution?.runId ?? '';
  const type = info.type?.name ?? '';
  const started = info.startTime ? new Date(info.startTime).toISOString() : new Date(0).toISOString();
  return {
    id: runId,
    runId,
    workflowId: type,
    workflowName: type,
    stepId: 'approval',
    kind: typeof answer?.kind === 'string' ? answer.kind : 'approval',
    action: typeof answer?.action === 'string' && answer.action ? answer.action : `Continue ${type}`,
    status: 'pending',
    requestedAt: isoOr(answer?.requestedAt, started),
    expiresAt: answer?.expiresAt ? isoOr(answer.expiresAt, started) : null,
    onExpiry: 'reject',
    decidedAt: null,
    decidedBy: null,
    comment: null,
    version: 0,
    ...(answer?.details !== undefined ? { details: answer.details } : {}),
  };
}

/** The pending approvals matching `query` (other statuses: none, see the module note). */
export async function listPendingApprovals(source: ApprovalSource, options: TemporalApprovalOptions, query: ApprovalQuery = {}): Promise<ApprovalPage> {
  if (query.status && query.status.length > 0 && !query.status.includes('pending')) return { items: [], nextCursor: null, pendingCount: 0 };
  const attribute = options.searchAttribute ?? 'AwaitingApproval';
  const clauses = [`${attribute} = true`, `ExecutionStatus = 'Running'`];
  const pending = clauses.join(' AND ');
  if (query.runId) clauses.push(`RunId = '${query.runId.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  const page = await source.listWaiting(clauses.join(' AND '), query.cursor, query.limit ?? 50);
  const items = await Promise.all(page.executions.map(async (info) => approvalOf(info, options.query === false ? null : await source.describe(info).catch(() => null))));
  const pendingCount = query.runId ? items.length : await source.count(pending);
  return { items, nextCursor: page.nextCursor, pendingCount };
}

/** The signal argument of a decision. */
export function decisionSignal(body: DecisionRequest, reviewer: string): { decision: DecisionRequest['decision']; comment?: string; reviewer: string } {
  return { decision: body.decision, ...(body.comment ? { comment: body.comment } : {}), reviewer };
}
