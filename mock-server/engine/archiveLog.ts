/** The steps and event log of an archived run, laid out in time from its plan (see archive.ts). */
import type { Run, RunEvent, Step, StepError } from '../../src/api/types.js';
import type { PlanEntry } from './archivePlan.js';
import { endMessage, queuedMessage } from './archiveText.js';
import { iso } from './ids.js';
import type { StepRec } from './model.js';
import { NO_REDACTION } from './redact.js';
import { toPayload } from './payloads.js';
import { blankStepRec } from './steps.js';

/** Number of events `buildHistoryLog` produces, without building them. */
export function countHistoryEvents(plan: PlanEntry[], claimed: boolean, started: boolean): number {
  let count = 2 + (claimed ? 1 : 0) + (started ? 1 : 0);
  for (const entry of plan) count += entry.status === 'skipped' ? 1 : 2;
  return count;
}

export function buildHistoryLog(
  final: Run,
  plan: PlanEntry[],
  errorFor: (kind: string, n: number) => StepError,
  n: number,
): { steps: StepRec[]; events: RunEvent[] } {
  const events: RunEvent[] = [];
  const cur: Run = {
    ...final,
    status: 'queued',
    claimedAt: null,
    startedAt: null,
    completedAt: null,
    queueTimeMs: null,
    runTimeMs: null,
    progress: { done: 0, total: final.progress.total },
    resultSummary: null,
    error: null,
    cancelReason: null,
    creditsUsed: 0,
  };
  const push = (time: number, type: string, message: string, extra: { step?: Step; run?: boolean; severity?: RunEvent['severity'] }) => {
    const seq = events.length + 1;
    cur.lastSeq = seq;
    const event: RunEvent = {
      seq,
      runId: final.id,
      workflowId: final.workflowId,
      time: iso(time),
      type,
      severity: extra.severity ?? 'info',
      stepId: extra.step?.id ?? null,
      message,
    };
    if (extra.run) event.run = { ...cur };
    if (extra.step) event.step = { ...extra.step };
    events.push(Object.freeze(event));
  };

  const queued = Date.parse(final.queuedAt);
  push(queued, 'run_queued', queuedMessage(final.trigger.label), { run: true });
  if (final.claimedAt) {
    Object.assign(cur, { status: 'claimed', claimedAt: final.claimedAt, queueTimeMs: final.queueTimeMs });
    push(Date.parse(final.claimedAt), 'run_claimed', 'Claimed by worker-1', { run: true });
  }
  const steps: StepRec[] = [];
  if (final.startedAt) {
    Object.assign(cur, { status: 'running', startedAt: final.startedAt });
    push(Date.parse(final.startedAt), 'run_started', 'Run started', { run: true });
    layOut(final, plan, errorFor, n, steps, cur, push);
  }
  Object.assign(cur, { ...final, lastSeq: cur.lastSeq });
  const type = final.status === 'succeeded' ? 'run_succeeded' : final.status === 'failed' ? 'run_failed' : 'run_canceled';
  push(Date.parse(final.completedAt!), type, endMessage(final.status, final.error?.message), {
    run: true,
    severity: final.status === 'failed' ? 'error' : final.status === 'canceled' ? 'warn' : 'info',
  });
  return { steps, events };
}

type Push = (time: number, type: string, message: string, extra: { step?: Step; run?: boolean; severity?: RunEvent['severity'] }) => void;

const END_EVENT: Record<string, { type: string; severity: RunEvent['severity'] }> = {
  succeeded: { type: 'step_completed', severity: 'info' },
  failed: { type: 'step_failed', severity: 'error' },
  stopped: { type: 'step_stopped', severity: 'warn' },
  canceled: { type: 'step_cancelled', severity: 'warn' },
  skipped: { type: 'step_skipped', severity: 'debug' },
};

function layOut(final: Run, plan: PlanEntry[], errorFor: (kind: string, n: number) => StepError, n: number, steps: StepRec[], cur: Run, push: Push): void {
  const start = Date.parse(final.startedAt!);
  const executedLeaves = plan.filter((e) => e.leaf && e.status !== 'skipped').length;
  const slot = Math.max(1, Math.floor((final.runTimeMs ?? 0) / (executedLeaves + 1)));
  let t = start;
  let done = 0;
  let credits = 0;
  const open: { index: number; srec: StepRec; end: number }[] = [];
  const finish = (srec: StepRec, entry: PlanEntry, time: number, startedAt: number | null) => {
    const step = srec.step;
    step.status = entry.status;
    if (startedAt !== null) {
      step.endedAt = iso(time);
      step.durationMs = time - startedAt;
    }
    if (entry.status === 'skipped') step.skipReason = entry.skipReason;
    if (entry.status === 'failed') step.error = errorFor(plan.find((e) => e.status === 'failed' && e.leaf)?.kind ?? entry.kind, n);
    if (entry.status === 'succeeded' && entry.leaf) {
      srec.output = toPayload(entry.kind === 'llm' ? `Drafted an answer for ${final.subject ?? 'the request'}.` : { ok: true, step: entry.name }, NO_REDACTION);
      step.outputSize = srec.output?.size ?? null;
    }
    step.credits = entry.credits;
    credits += entry.credits;
    done++;
    cur.progress = { done, total: cur.progress.total };
    cur.creditsUsed = credits;
    const meta = END_EVENT[entry.status]!;
    const reason = entry.status === 'skipped' ? ` (${entry.skipReason})` : '';
    push(time, meta.type, `${step.name} ${entry.status}${reason}`, { step, run: true, severity: meta.severity });
  };
  const close = (until: number) => {
    while (open.length && !isAncestor(plan, open[open.length - 1]!.index, until)) {
      const c = open.pop()!;
      const startedAt = Date.parse(c.srec.step.startedAt!);
      finish(c.srec, plan[c.index]!, Math.max(c.end, startedAt), startedAt);
      if (open.length) open[open.length - 1]!.end = Math.max(open[open.length - 1]!.end, c.end);
    }
  };
  plan.forEach((entry, i) => {
    close(i);
    const srec = makeStep(final, entry, i, steps);
    if (entry.status === 'skipped') {
      finish(srec, entry, t, null);
      return;
    }
    srec.step.startedAt = iso(t);
    srec.step.status = 'running';
    srec.step.attempts = 1;
    srec.input = toPayload({ step: entry.name, ...(entry.iteration ? { item: entry.iteration.item } : {}) }, NO_REDACTION);
    srec.step.inputSize = srec.input?.size ?? null;
    push(t, 'step_started', `${entry.name} started`, { step: srec.step });
    if (!entry.leaf) {
      open.push({ index: i, srec, end: t });
      return;
    }
    const begin = t;
    t += entry.status === 'succeeded' ? slot : Math.floor(slot / 2);
    finish(srec, entry, t, begin);
    if (open.length) open[open.length - 1]!.end = t;
  });
  close(plan.length);
}

function isAncestor(plan: PlanEntry[], ancestor: number, index: number): boolean {
  if (index >= plan.length) return false;
  for (let p = plan[index]!.parent; p >= 0; p = plan[p]!.parent) if (p === ancestor) return true;
  return false;
}

function makeStep(final: Run, entry: PlanEntry, order: number, steps: StepRec[]): StepRec {
  const parent = entry.parent >= 0 ? steps[entry.parent]! : null;
  const srec = blankStepRec(final.id, order, entry.node, { parent, name: entry.name, kind: entry.kind, iteration: entry.iteration, page: entry.page, leaf: entry.leaf });
  steps.push(srec);
  return srec;
}
