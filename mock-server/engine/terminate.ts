/**
 * Run status changes, always along RUN_TRANSITIONS, and the ways a run ends: success, fail-fast, stop
 * (immediate or after draining) and cancel. Ending a run closes every open step with the right status.
 */
import type { CancelReason, EventType, Run, RunStatus, SkipReason, StepError } from '../../src/api/types.js';
import { canTransition, isTerminalStepStatus } from '../../src/api/status.js';
import { expireRunApprovals } from './approvals.js';
import { emit, patchRun } from './emit.js';
import { iso } from './ids.js';
import type { Ctx, RunRec, StepRec } from './model.js';
import { HANDLERS } from './nodes/index.js';
import { createStep, lineage, setStepStatus } from './steps.js';

export function setRunStatus(ctx: Ctx, rec: RunRec, to: RunStatus, type: EventType, message: string, extra: Partial<Run> = {}): void {
  const from = rec.run.status;
  if (!canTransition(from, to)) throw new Error(`internal: run ${rec.run.id} cannot go from ${from} to ${to}`);
  const now = ctx.clock.now();
  const patch: Partial<Run> = { status: to, ...extra };
  if (to === 'canceled' || to === 'failed' || to === 'succeeded') {
    patch.completedAt = iso(now);
    patch.runTimeMs = rec.startedMs === null ? null : now - rec.startedMs;
    // Queue time is queued → claimed; a run that ends before any worker claimed it waited until it ended.
    if (rec.claimedMs === null) patch.queueTimeMs = now - rec.queuedMs;
    for (const timer of rec.timers) ctx.clock.cancel(timer);
    rec.timers.clear();
    ctx.clock.cancel(rec.lifecycleTimer);
    rec.ready = [];
  }
  const severity = to === 'failed' ? 'error' : to === 'canceled' ? 'warn' : 'info';
  patchRun(ctx, rec, patch);
  emit(ctx, rec, type, { severity, message });
}

interface CloseHow {
  running: 'canceled' | 'stopped';
  waiting: 'canceled' | 'stopped';
  pending: SkipReason;
  note: string;
}

/** Ends every open step: in flight → canceled/stopped, not started → skipped; nodes never reached get skipped steps. */
function closeOpen(ctx: Ctx, rec: RunRec, how: CloseHow): void {
  for (const timer of rec.timers) ctx.clock.cancel(timer);
  rec.timers.clear();
  rec.ready = [];
  expireRunApprovals(ctx, rec, how.note);
  // Children were created after their parents: closing newest first ends children before containers.
  for (let i = rec.steps.length - 1; i >= 0; i--) {
    const srec = rec.steps[i]!;
    const status = srec.step.status;
    if (status === 'running') setStepStatus(ctx, rec, srec, how.running);
    else if (status === 'waiting') setStepStatus(ctx, rec, srec, how.waiting);
    else if (status === 'pending') setStepStatus(ctx, rec, srec, 'skipped', { skipReason: how.pending });
  }
  for (const scope of rec.scopes) {
    if (scope.pending.remaining === 0) continue;
    for (const nodeId of scope.def.order) {
      const state = scope.nodes.get(nodeId)!;
      if (state.phase === 'done' || state.step) continue;
      const node = rec.graph.nodes.get(nodeId)!.def;
      state.step = createStep(rec, node, { parent: scope.parentStep, iteration: scope.iteration, leaf: HANDLERS[node.kind].leaf(node) });
      setStepStatus(ctx, rec, state.step, 'skipped', { skipReason: how.pending });
    }
    scope.pending.clear();
  }
  rec.counts.closed();
}

/** Fail-fast: the failing step and its containers fail, other in-flight steps are canceled, the rest blocked. */
export function failRun(ctx: Ctx, rec: RunRec, srec: StepRec | null, error: StepError): void {
  if (srec) {
    for (const s of lineage(srec)) {
      if (isTerminalStepStatus(s.step.status)) continue;
      rec.counts.leaving(s.step.status, s.leaf);
      setStepStatus(ctx, rec, s, 'failed', { error });
    }
  }
  closeOpen(ctx, rec, { running: 'canceled', waiting: 'canceled', pending: 'blocked', note: 'The run failed before a decision.' });
  setRunStatus(ctx, rec, 'failed', 'run_failed', `Run failed: ${error.message}`, {
    error: { code: error.code, message: error.message, stepId: srec?.step.id ?? null, providerStatus: error.providerStatus, retryable: error.retryable },
  });
}

export function finishSucceeded(ctx: Ctx, rec: RunRec): void {
  const seconds = Math.round((ctx.clock.now() - (rec.startedMs ?? ctx.clock.now())) / 100) / 10;
  const executed = rec.steps.filter((s) => s.step.status === 'succeeded').length;
  const summary =
    rec.rejectedActions.length > 0
      ? `Completed with ${rec.rejectedActions.length === 1 ? 'a rejected review' : `${rec.rejectedActions.length} rejected reviews`}: ${rec.rejectedActions.join(', ')}.`
      : (rec.endSummary ?? `Completed ${executed} steps in ${seconds} s.`);
  setRunStatus(ctx, rec, 'succeeded', 'run_succeeded', 'Run succeeded', { resultSummary: rec.redactor.text(summary) });
}

/** Immediate stop: in-flight steps stopped, the rest skipped `run_stopped`, the run canceled by the operator. */
export function stopImmediately(ctx: Ctx, rec: RunRec): void {
  closeOpen(ctx, rec, { running: 'stopped', waiting: 'stopped', pending: 'run_stopped', note: 'The run was stopped before a decision.' });
  setRunStatus(ctx, rec, 'canceled', 'run_canceled', 'Run stopped by an operator', { cancelReason: 'operator_stop' });
}

/** The end of a graceful stop, once in-flight work has drained. */
export function finishStop(ctx: Ctx, rec: RunRec): void {
  stopImmediately(ctx, rec);
}

export function cancelRun(ctx: Ctx, rec: RunRec, reason: CancelReason): void {
  if (rec.top) {
    closeOpen(ctx, rec, { running: 'canceled', waiting: 'canceled', pending: 'run_stopped', note: 'The run was canceled before a decision.' });
  }
  const message =
    reason === 'workflow_deactivated'
      ? 'Run canceled: the workflow was deactivated'
      : reason === 'invalidated'
        ? 'Run invalidated: a new workflow version was published before it started'
        : 'Run canceled by an operator';
  setRunStatus(ctx, rec, 'canceled', 'run_canceled', message, { cancelReason: reason });
}
