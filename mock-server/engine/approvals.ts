/**
 * Review tasks. A review step creates a pending approval; a decision (or expiry) resolves it exactly
 * once. Deciding twice, or with a stale version, is refused with the approval's current state.
 */
import { APPROVAL_STATUSES } from '../../src/api/schemas.js';
import type { Approval, ApprovalPage, ApprovalQuery, DecisionRequest } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import { encodeCursor, keysetBefore, pageLimit } from './cursor.js';
import { emit } from './emit.js';
import { iso, prefixedId } from './ids.js';
import type { Ctx, RunRec, StepRec } from './model.js';
import type { ReviewResolution, ReviewSpec } from './nodes/types.js';

export type Resolution = ReviewResolution;

/** Called once when an approval is decided or expires; set by the review step that created it. */
export const resolvers = new WeakMap<Approval, (resolution: Resolution) => void>();

export type ApprovalSpec = ReviewSpec;

export function createApproval(ctx: Ctx, rec: RunRec, srec: StepRec, spec: ApprovalSpec): Approval {
  const now = ctx.clock.now();
  const approval: Approval = {
    id: prefixedId('apv', ctx.sequences.nextApproval(), ctx.seed),
    runId: rec.run.id,
    workflowId: rec.run.workflowId,
    workflowName: rec.run.workflowName,
    stepId: srec.step.id,
    kind: spec.kind,
    action: rec.redactor.text(spec.action),
    status: 'pending',
    requestedAt: iso(now),
    expiresAt: spec.expiresInMs === null ? null : iso(now + spec.expiresInMs),
    onExpiry: spec.onExpiry,
    decidedAt: null,
    decidedBy: null,
    comment: null,
    version: 1,
    details: rec.redactor.value(spec.details),
  };
  ctx.approvals.push(approval);
  ctx.approvalById.set(approval.id, approval);
  return approval;
}

function settleApproval(ctx: Ctx, approval: Approval, status: Resolution, decidedBy: string | null, comment: string | null): void {
  approval.status = status;
  approval.decidedAt = iso(ctx.clock.now());
  approval.decidedBy = decidedBy;
  approval.comment = comment;
  approval.version++;
}

function announce(ctx: Ctx, rec: RunRec, approval: Approval): void {
  const verb = approval.status === 'expired' ? 'expired' : `was ${approval.status}${approval.decidedBy ? ` by ${approval.decidedBy}` : ''}`;
  emit(ctx, rec, 'approval_decided', {
    severity: approval.status === 'approved' ? 'info' : 'warn',
    message: `Review "${approval.action}" ${verb}`,
    data: { approvalId: approval.id, status: approval.status, decidedBy: approval.decidedBy, comment: approval.comment },
    step: rec.stepById.get(approval.stepId) ?? null,
  });
}

/** Expiry timer of a pending approval. */
export function expireApproval(ctx: Ctx, rec: RunRec, approval: Approval): void {
  if (approval.status !== 'pending') return;
  settleApproval(ctx, approval, 'expired', null, null);
  announce(ctx, rec, approval);
  resolvers.get(approval)?.('expired');
}

/** A run that ends leaves no approval pending: they expire with a note. */
export function expireRunApprovals(ctx: Ctx, rec: RunRec, note: string): void {
  for (const srec of rec.steps) {
    const id = srec.step.approvalId;
    const approval = id ? ctx.approvalById.get(id) : undefined;
    if (!approval || approval.status !== 'pending') continue;
    settleApproval(ctx, approval, 'expired', null, note);
    announce(ctx, rec, approval);
  }
}

export function decideApproval(ctx: Ctx, id: string, body: DecisionRequest, decidedBy: string): Approval {
  const approval = getApprovalOrThrow(ctx, id);
  const errors: { field: string; message: string }[] = [];
  if (!body || (body.decision !== 'approve' && body.decision !== 'reject')) errors.push({ field: 'decision', message: 'Must be approve or reject.' });
  if (body?.comment !== undefined && body.comment !== null && typeof body.comment !== 'string') errors.push({ field: 'comment', message: 'Must be text.' });
  if (body?.version !== undefined && body.version !== null && !Number.isInteger(body.version)) errors.push({ field: 'version', message: 'Must be an integer.' });
  if (errors.length) throw new ExecutorProblem(422, 'invalid_body', 'The decision is not valid.', { errors });
  if (approval.status !== 'pending') {
    throw new ExecutorProblem(409, 'approval_already_decided', `This review was already ${approval.status}.`, { current: { ...approval } });
  }
  if (body.version !== undefined && body.version !== null && body.version !== approval.version) {
    throw new ExecutorProblem(409, 'approval_version_conflict', 'This review changed since you loaded it; reload and decide again.', {
      current: { ...approval },
    });
  }
  const ordinal = ctx.runIds.ordinalOf(approval.runId);
  const rec = ordinal === null ? undefined : ctx.runs.get(ordinal);
  const status = body.decision === 'approve' ? 'approved' : 'rejected';
  const who = typeof decidedBy === 'string' && decidedBy.trim() ? decidedBy.trim().slice(0, 200) : 'anonymous';
  settleApproval(ctx, approval, status, rec ? rec.redactor.text(who) : who, body.comment ? (rec ? rec.redactor.text(body.comment) : body.comment) : null);
  if (rec) announce(ctx, rec, approval);
  resolvers.get(approval)?.(status);
  return { ...approval };
}

export function getApprovalOrThrow(ctx: Ctx, id: string): Approval {
  const approval = typeof id === 'string' ? ctx.approvalById.get(id) : undefined;
  if (!approval) throw new ExecutorProblem(404, 'approval_not_found', `No approval with id "${String(id)}".`);
  return approval;
}

/** Newest first; `pendingCount` counts every pending approval, whatever the filters. */
export function listApprovals(ctx: Ctx, query: ApprovalQuery): ApprovalPage {
  if (query.status && (!Array.isArray(query.status) || query.status.some((s) => !APPROVAL_STATUSES.includes(s)))) {
    throw new ExecutorProblem(400, 'invalid_query', `status must be a list of: ${APPROVAL_STATUSES.join(', ')}.`, {
      errors: [{ field: 'status', message: `Each value must be one of: ${APPROVAL_STATUSES.join(', ')}.` }],
    });
  }
  const limit = pageLimit(query.limit, 50, 500);
  const statuses = query.status?.length ? new Set(query.status) : null;
  const items: Approval[] = [];
  // Keyset: the cursor is the position of the last approval served; approvals are only ever appended, so
  // new ones (past the end) never shift the next page.
  let i = Math.min(keysetBefore(query.cursor, 'approvals-before', ctx.approvals.length), ctx.approvals.length) - 1;
  let last = -1;
  for (; i >= 0 && items.length < limit; i--) {
    const a = ctx.approvals[i]!;
    if ((statuses === null || statuses.has(a.status)) && (!query.runId || a.runId === query.runId)) {
      items.push({ ...a });
      last = i;
    }
  }
  const more = i >= 0 && items.length === limit;
  const pendingCount = ctx.approvals.reduce((n, a) => (a.status === 'pending' ? n + 1 : n), 0);
  return { items, nextCursor: more ? encodeCursor('approvals-before', [last]) : null, pendingCount };
}
