/**
 * Review in wait mode: creates an approval and waits. Approve → succeeded; reject (or expiry set to
 * reject) → rejected, and the steps after it are skipped; expiry set to fail → the run fails.
 */
import type { ReviewConfig } from '../definitions.js';
import type { NodeHandler, ReviewSpec } from './types.js';

const DAY = 24 * 60 * 60 * 1000;

export const review: NodeHandler = {
  leaf: () => true,
  start(call) {
    const config = call.node.config as ReviewConfig;
    const details = config.details ?? { input: call.vars().input, item: call.vars().item };
    call.begin({ input: details, summary: [{ key: 'action', value: config.action }] });
    const spec: ReviewSpec = {
      kind: config.kind ?? 'approval',
      action: config.action,
      expiresInMs: config.expiresInMs === undefined ? DAY : config.expiresInMs,
      onExpiry: config.onExpiry ?? 'reject',
      details,
    };
    call.requestReview(spec, (resolution, approval) => {
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
      call.noteRejection(approval.action);
      call.done({ status: 'rejected', output });
    });
  },
};
