/**
 * Retry from the failed step: a new run takes over the results of the steps its failed source run completed
 * and executes the rest. A step is matched to its source step by where it sits in the graph (node, loop
 * iteration and page along its lineage), so a step inside iteration 3 of a loop reuses iteration 3's result.
 * Only steps that do work are taken over (tasks, model and tool calls, requests, integrations, messages and
 * approved reviews); control nodes (branches, joins, ends) run again, cheaply and deterministically, over the
 * restored variables, so the new run takes the same path up to the failure.
 */
import { stepPlaceSegment } from '../../src/api/stepPlace.js';
import type { Step } from '../../src/api/types.js';
import type { Ctx, RunRec, StepRec } from './model.js';
import { setStepStatus } from './steps.js';

const REUSABLE_KINDS: ReadonlySet<string> = new Set(['task', 'llm', 'tool', 'http', 'integration', 'send_message', 'review']);

/** What a retried run may take over from its source. */
export interface ReusePlan {
  sourceRunId: string;
  /** Succeeded leaf steps of the source run by their place in the graph. */
  results: Map<string, StepRec>;
}

/** A step's place in the graph (src/api/stepPlace.ts): its lineage of nodes with loop iteration and page. */
export function placeOf(srec: StepRec): string {
  const parts: string[] = [];
  for (let s: StepRec | null = srec; s; s = s.parent) parts.push(stepPlaceSegment(s.step));
  return parts.reverse().join('/');
}

/** The results a retry of `source` (with these steps) can take over. */
export function reusePlan(sourceRunId: string, steps: readonly StepRec[]): ReusePlan {
  const results = new Map<string, StepRec>();
  for (const srec of steps) {
    if (srec.leaf && srec.step.status === 'succeeded' && REUSABLE_KINDS.has(srec.step.kind)) results.set(placeOf(srec), srec);
  }
  return { sourceRunId, results };
}

/** The source step whose result `srec` can take over, or null when it must execute. */
export function reusableResult(plan: ReusePlan | null, srec: StepRec): StepRec | null {
  if (!plan || !srec.leaf) return null;
  return plan.results.get(placeOf(srec)) ?? null;
}

/**
 * Completes `srec` with the result of `source` without executing it: output, summary and sizes, the delivery
 * or review it made; no times, attempts or credits (nothing ran). Its completion event says it was reused.
 */
export function takeOver(ctx: Ctx, rec: RunRec, srec: StepRec, source: StepRec): void {
  const from = source.step;
  srec.input = source.input;
  srec.output = source.output;
  const patch: Partial<Step> = {
    summary: from.summary.map((field) => ({ ...field })),
    inputSize: from.inputSize,
    outputSize: from.outputSize,
    deliveryId: from.deliveryId,
    approvalId: from.approvalId,
    reusedFrom: from.id,
  };
  setStepStatus(ctx, rec, srec, 'succeeded', {
    patch,
    message: `${srec.step.name} completed with the result of ${from.id} (run ${from.runId}), reused`,
    data: { reusedFrom: from.id, sourceRunId: from.runId },
  });
}
