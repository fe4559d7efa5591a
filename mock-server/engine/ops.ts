/** Step-level helpers shared by the scheduler and the node handlers. */
import type { Step, SummaryField } from '../../src/api/types.js';
import type { Ctx, RunRec, StepRec } from './model.js';
import type { BeginOptions } from './nodes/types.js';
import { toPayload, type PayloadSource } from './payloads.js';
import { charge, setStepStatus } from './steps.js';

export type { BeginOptions };

/** Marks a step running (attempt 1), stores its input, and counts it in flight when it does work itself. */
export function beginStep(ctx: Ctx, rec: RunRec, srec: StepRec, options: BeginOptions = {}): void {
  const patch: Partial<Step> = { attempts: 1 };
  if (options.input !== undefined) {
    srec.input = toPayload(options.input, rec.redactor);
    patch.inputSize = srec.input?.size ?? null;
  }
  if (options.summary) patch.summary = redactSummary(rec, options.summary);
  if (srec.leaf) rec.counts.leafBegan();
  setStepStatus(ctx, rec, srec, 'running', { patch, message: options.message, data: options.data });
}

/** Stores a step's output (not yet announced: the finishing transition carries the new size). */
export function storeOutput(rec: RunRec, srec: StepRec, value: unknown, source?: PayloadSource): Partial<Step> {
  srec.output = source ?? toPayload(value, rec.redactor);
  return { outputSize: srec.output?.size ?? null };
}

export function redactSummary(rec: RunRec, summary: SummaryField[]): SummaryField[] {
  return summary.map((field) => ({ key: field.key, value: rec.redactor.text(field.value) }));
}

/** Ends a child leaf step (a request page) that is not a graph node of its own. */
export function finishLeaf(ctx: Ctx, rec: RunRec, srec: StepRec, result: { output?: unknown; summary?: SummaryField[]; credits: number }): void {
  rec.counts.leaving(srec.step.status, srec.leaf);
  charge(rec, srec, result.credits);
  const patch: Partial<Step> = result.output === undefined ? {} : storeOutput(rec, srec, result.output);
  if (result.summary) patch.summary = redactSummary(rec, result.summary);
  setStepStatus(ctx, rec, srec, 'succeeded', { patch });
}
