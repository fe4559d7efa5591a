/**
 * The append-only event log. Every change to a run or a step goes out as an event carrying the new
 * snapshot (`run` on run_* events and whenever run fields changed, `step` on step_* events), so folding
 * the log in `seq` order rebuilds the run and its steps exactly.
 */
import type { EventType, Run, RunEvent, Severity, Step } from '../../src/api/types.js';
import { iso } from './ids.js';
import type { Ctx, RunRec, StepRec } from './model.js';

export interface EmitOptions {
  severity?: Severity;
  message: string;
  step?: StepRec | null;
  data?: unknown;
}

export function snapshotRun(rec: RunRec): Run {
  return { ...rec.run };
}

/** Changes run fields (never nested objects in place) and keeps the list index in step. */
export function patchRun(ctx: Ctx, rec: RunRec, patch: Partial<Run>): void {
  Object.assign(rec.run, patch);
  rec.runDirty = true;
  ctx.index.update(rec.ordinal, rec.run, rec.counts.stepsExecuted, rec.startedMs);
}

export function emit(ctx: Ctx, rec: RunRec, type: EventType, options: EmitOptions): RunEvent {
  const seq = rec.events.length + 1;
  rec.run.lastSeq = seq;
  const event: RunEvent = {
    seq,
    runId: rec.run.id,
    workflowId: rec.run.workflowId,
    time: iso(ctx.clock.now()),
    type,
    severity: options.severity ?? 'info',
    stepId: options.step?.step.id ?? null,
    message: rec.redactor.text(options.message),
  };
  if (type.startsWith('run_') || rec.runDirty) {
    event.run = Object.freeze(snapshotRun(rec));
    rec.runDirty = false;
  }
  if (options.step) {
    event.step = Object.freeze({ ...options.step.step });
    if (type.startsWith('step_')) ctx.sequences.stepTransition();
  }
  if (options.data !== undefined) event.data = rec.redactor.value(options.data);
  Object.freeze(event);
  rec.events.push(event);
  ctx.log.push(event);
  const listeners = ctx.listeners.get(rec.run.id);
  if (listeners) {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A subscriber's failure must not break the run it listens to.
        console.error('run event listener failed', error);
      }
    }
  }
  return event;
}

/** Applies events in order to rebuild a run and its steps (what a client does with the log). */
export function foldEvents(events: readonly RunEvent[]): { run: Run | null; steps: Map<string, Step> } {
  let run: Run | null = null;
  const steps = new Map<string, Step>();
  for (const event of events) {
    if (event.run) run = { ...event.run };
    if (event.step) steps.set(event.step.id, { ...event.step });
    if (run) run.lastSeq = event.seq;
  }
  return { run, steps };
}
