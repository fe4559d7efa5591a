/**
 * Review in wait mode: creates an approval and waits. Approve → succeeded; reject (or expiry set to
 * reject) → rejected, and the steps after it are skipped; expiry set to fail → the run fails.
 */
import { createApproval, expireApproval, resolvers } from '../approvals.js';
import type { ReviewConfig } from '../definitions.js';
import { emit } from '../emit.js';
import { beginStep } from '../ops.js';
import { setStepStatus } from '../steps.js';
import type { NodeHandler } from './types.js';

const DAY = 24 * 60 * 60 * 1000;

export const review: NodeHandler = {
  leaf: () => true,
  start(call) {
    const { ctx, rec, srec } = call;
    const config = call.node.config as ReviewConfig;
    const details = config.details ?? { input: call.vars().input, item: call.vars().item };
    beginStep(ctx, rec, srec, { input: details, summary: [{ key: 'action', value: config.action }] });
    const approval = createApproval(ctx, rec, srec, {
      kind: config.kind ?? 'approval',
      action: config.action,
      expiresInMs: config.expiresInMs === undefined ? DAY : config.expiresInMs,
      onExpiry: config.onExpiry ?? 'reject',
      details,
    });
    rec.counts.reviewWaits();
    emit(ctx, rec, 'approval_requested', {
      step: srec,
      message: `Review requested: ${config.action}`,
      data: { approvalId: approval.id, action: approval.action, expiresAt: approval.expiresAt, onExpiry: approval.onExpiry },
    });
    setStepStatus(ctx, rec, srec, 'waiting', { patch: { approvalId: approval.id } });

    resolvers.set(approval, (resolution) => {
      const output = { decision: resolution, decidedBy: approval.decidedBy, comment: approval.comment };
      if (resolution === 'approved') return call.done({ status: 'succeeded', output });
      if (resolution === 'expired' && approval.onExpiry === 'fail') {
        return call.fail({
          code: 'approval_expired',
          message: `The review "${approval.action}" expired without a decision.`,
          providerStatus: null,
          retryable: false,
          http: null,
        });
      }
      rec.rejectedActions.push(approval.action);
      call.done({ status: 'rejected', output });
    });
    if (approval.expiresAt !== null) call.after(Date.parse(approval.expiresAt) - ctx.clock.now(), () => expireApproval(ctx, rec, approval));
  },
};
