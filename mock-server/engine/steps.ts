/** Creating steps and moving them between statuses, each change announced by its event. */
import type { EventType, Severity, SkipReason, Step, StepError, StepStatus } from '../../src/api/types.js';
import { isTerminalStepStatus } from '../../src/api/status.js';
import type { NodeDefinition } from './definitions.js';
import { emit, patchRun } from './emit.js';
import { iso, stepId } from './ids.js';
import type { Ctx, RunRec, StepRec } from './model.js';

export interface NewStep {
  parent: StepRec | null;
  name?: string;
  kind?: string;
  iteration?: { index: number; item: unknown } | null;
  page?: number | null;
  leaf: boolean;
}

/**
 * A pending step record: no times, attempts, payloads or credits yet, and not added to any run. Live runs
 * (`createStep`) and archived ones (`archiveLog.ts`) both start their steps from it.
 */
export function blankStepRec(runId: string, order: number, node: NodeDefinition, spec: NewStep): StepRec {
  const step: Step = {
    id: stepId(runId, order),
    runId,
    parentId: spec.parent?.step.id ?? null,
    nodeId: node.id,
    name: spec.name ?? node.name,
    kind: spec.kind ?? node.kind,
    group: node.group ?? null,
    order,
    status: 'pending',
    skipReason: null,
    iteration: spec.iteration ?? null,
    page: spec.page ?? null,
    startedAt: null,
    endedAt: null,
    durationMs: null,
    attempts: 0,
    summary: [],
    inputSize: null,
    outputSize: null,
    error: null,
    deliveryId: null,
    approvalId: null,
    credits: 0,
    reusedFrom: null,
  };
  return { step, node, parent: spec.parent, leaf: spec.leaf, startedMs: null, input: null, output: null };
}

/** A new step of a live run (status pending, no event yet: the caller announces it with its first transition). */
export function createStep(rec: RunRec, node: NodeDefinition, spec: NewStep): StepRec {
  const srec = blankStepRec(rec.run.id, rec.steps.length, node, spec);
  rec.steps.push(srec);
  rec.stepById.set(srec.step.id, srec);
  rec.counts.stepCreated(spec.parent !== null);
  return srec;
}

const EVENT_OF: Record<StepStatus, { type: EventType; severity: Severity; verb: string }> = {
  pending: { type: 'step_pending', severity: 'debug', verb: 'is ready; held until the run may start steps' },
  running: { type: 'step_started', severity: 'info', verb: 'started' },
  waiting: { type: 'step_waiting', severity: 'info', verb: 'is waiting for a review' },
  succeeded: { type: 'step_completed', severity: 'info', verb: 'completed' },
  failed: { type: 'step_failed', severity: 'error', verb: 'failed' },
  rejected: { type: 'step_rejected', severity: 'warn', verb: 'was rejected' },
  skipped: { type: 'step_skipped', severity: 'debug', verb: 'was skipped' },
  canceled: { type: 'step_cancelled', severity: 'warn', verb: 'was canceled' },
  stopped: { type: 'step_stopped', severity: 'warn', verb: 'was stopped' },
};

export interface StepChange {
  error?: StepError | null;
  skipReason?: SkipReason | null;
  message?: string;
  data?: unknown;
  patch?: Partial<Step>;
}

/** Moves a step to `status`, stamps its times, counts progress and emits the matching event. */
export function setStepStatus(ctx: Ctx, rec: RunRec, srec: StepRec, status: StepStatus, change: StepChange = {}): void {
  const step = srec.step;
  const wasTerminal = isTerminalStepStatus(step.status);
  if (wasTerminal) throw new Error(`internal: step ${step.id} is already ${step.status}`);
  const now = ctx.clock.now();
  Object.assign(step, change.patch ?? {});
  step.status = status;
  if (status === 'running' && srec.startedMs === null) {
    srec.startedMs = now;
    step.startedAt = iso(now);
    rec.counts.stepRan();
  }
  if (change.error !== undefined) step.error = change.error;
  if (status === 'skipped') step.skipReason = change.skipReason ?? 'blocked';
  if (isTerminalStepStatus(status)) {
    if (srec.startedMs !== null) {
      step.endedAt = iso(now);
      step.durationMs = now - srec.startedMs;
    }
    rec.counts.stepEnded();
  }
  const { counts } = rec;
  const total = rec.graph.top.order.length + counts.childSteps;
  const { progress, creditsUsed } = rec.run;
  if (progress.done !== counts.done || progress.total !== total || creditsUsed !== counts.credits) {
    patchRun(ctx, rec, { progress: { done: counts.done, total }, creditsUsed: counts.credits });
  } else if (status === 'running') {
    ctx.index.update(rec.ordinal, rec.run, counts.stepsExecuted, rec.startedMs);
  }
  const meta = EVENT_OF[status];
  const reason = status === 'skipped' ? ` (${step.skipReason})` : '';
  emit(ctx, rec, meta.type, {
    severity: meta.severity,
    step: srec,
    message: change.message ?? `${step.name} ${meta.verb}${reason}${step.error && status === 'failed' ? `: ${step.error.message}` : ''}`,
    data: change.data ?? (status === 'skipped' ? { skipped: true, reason: step.skipReason } : undefined),
  });
}

/** Adds credits to a step and its run. */
export function charge(rec: RunRec, srec: StepRec, credits: number): void {
  if (credits <= 0) return;
  srec.step.credits += credits;
  rec.counts.charge(credits);
}

/** The step and its ancestors, innermost first. */
export function lineage(srec: StepRec): StepRec[] {
  const out: StepRec[] = [];
  for (let s: StepRec | null = srec; s; s = s.parent) out.push(s);
  return out;
}

/** A failed attempt that will be tried again: the step stays running with its next attempt number. */
export function retryStep(ctx: Ctx, rec: RunRec, srec: StepRec, failed: number, error: StepError, retryInMs: number): void {
  srec.step.attempts = failed + 1;
  emit(ctx, rec, 'step_retrying', {
    severity: 'warn',
    step: srec,
    message: `${srec.step.name}: attempt ${failed} failed (${error.message}); retrying in ${retryInMs} ms`,
    data: { failedAttempt: failed, nextAttempt: failed + 1, retryInMs, error },
  });
}
