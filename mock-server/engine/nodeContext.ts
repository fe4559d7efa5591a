/**
 * The context a node handler runs with (`NodeContext` in nodes/types.ts): its step, read-only views of the
 * run, and the few operations a node kind needs, each done here over the run's records. The scheduler's own
 * callbacks (`after`, `hold`, `done`, `fail`, `runBody`) come from flow.ts, which builds one per started node.
 */
import type { Approval, StepError } from '../../src/api/types.js';
import { createApproval, expireApproval, resolvers } from './approvals.js';
import { createDelivery } from './deliveries.js';
import { emit } from './emit.js';
import type { RunRec, Ctx, StepRec } from './model.js';
import type { FailOptions, NodeContext, StepHandle } from './nodes/types.js';
import { beginStep, finishLeaf } from './ops.js';
import { GeneratedRecordsPayload } from './payloads.js';
import { createStep, retryStep, setStepStatus } from './steps.js';
import { startUpstream } from './upstream.js';

/** What the scheduler (flow.ts) provides for one started node. */
export interface SchedulerCalls extends Pick<NodeContext, 'vars' | 'after' | 'hold' | 'done'> {
  fail(error: StepError, at: StepRec, options: FailOptions): void;
  runBody(parent: StepRec, iteration: { index: number; item: unknown }, onDone: () => void): void;
}

export function nodeContext(ctx: Ctx, rec: RunRec, srec: StepRec, iteration: NodeContext['iteration'], calls: SchedulerCalls): NodeContext {
  /** Handles given to the handler are this run's step records; anything else is a handler bug. */
  const recOf = (handle: StepHandle | undefined): StepRec => {
    if (handle === undefined) return srec;
    const found = rec.stepById.get(handle.step.id);
    if (!found) throw new Error(`internal: step ${handle.step.id} is not a step of run ${rec.run.id}`);
    return found;
  };
  return {
    vars: calls.vars,
    after: calls.after,
    hold: calls.hold,
    done: calls.done,
    fail: (error, options = {}) => calls.fail(error, recOf(options.at), options),
    runBody: (parent, it, onDone) => calls.runBody(recOf(parent), it, onDone),
    node: srec.node,
    step: srec,
    iteration,
    run: rec.run,
    random: rec.rng,
    now: () => ctx.clock.now(),
    secret: (name) => rec.vault.secrets[name] ?? rec.wf.def.secrets?.[name],
    redact: (text) => rec.redactor.text(text),

    begin: (options, step) => beginStep(ctx, rec, recOf(step), options),
    child: (spec) => createStep(rec, srec.node, { ...spec, parent: srec }),
    finishChild: (step, result) => finishLeaf(ctx, rec, recOf(step), result),
    closeChild(step) {
      const child = recOf(step);
      if (child.step.status === 'running') setStepStatus(ctx, rec, child, 'succeeded');
    },
    retrying: (step, failed, error, retryInMs) => retryStep(ctx, rec, recOf(step), failed, error, retryInMs),
    emit: (type, event) => void emit(ctx, rec, type, { ...event, step: srec }),
    capture(values) {
      rec.variables.captured = { ...(rec.variables.captured as Record<string, unknown> | undefined), ...values };
      srec.captured = { ...srec.captured, ...values };
    },
    setEndSummary(summary) {
      rec.endSummary = summary;
    },
    generatedOutput: (bytes) => GeneratedRecordsPayload.ofSize(bytes, rec.ordinal),

    startWorkflow: (workflowId, payload) => startUpstream(ctx, rec, srec, workflowId, payload),
    requestReview(spec, onResolved): Approval {
      const approval = createApproval(ctx, rec, srec, spec);
      rec.counts.reviewWaits();
      emit(ctx, rec, 'approval_requested', {
        step: srec,
        message: `Review requested: ${spec.action}`,
        data: { approvalId: approval.id, action: approval.action, expiresAt: approval.expiresAt, onExpiry: approval.onExpiry },
      });
      setStepStatus(ctx, rec, srec, 'waiting', { patch: { approvalId: approval.id } });
      resolvers.set(approval, (resolution) => onResolved(resolution, approval));
      if (approval.expiresAt !== null) calls.after(Date.parse(approval.expiresAt) - ctx.clock.now(), () => expireApproval(ctx, rec, approval));
      return approval;
    },
    noteRejection(action) {
      rec.rejectedActions.push(action);
    },
    sendDelivery: (spec) => createDelivery(ctx, { ...spec, runId: rec.run.id, workflowId: rec.run.workflowId, stepId: srec.step.id }),
  };
}
