/**
 * Retry from the failed step: a new run takes over the results of the steps its failed source run completed
 * and executes the rest. A step is matched to its source step by where it sits in the graph (node, loop
 * iteration and page along its lineage; see src/api/stepPlace.ts), so a step inside iteration 3 of a loop reuses
 * iteration 3's result. Only steps that do work are taken over (tasks, model and tool calls, requests, a
 * paginated request with all its pages, integrations, messages and approved reviews), each putting back what it
 * captured into the run's variables; control nodes (branches, joins, ends) run again over those variables, so
 * the new run takes the path the source took up to the failure.
 */
import { stepPlaceSegment } from '../../src/api/stepPlace.js';
import type { Step } from '../../src/api/types.js';
import type { Ctx, Reusable, ReusePlan, RunRec, StepRec } from './model.js';
import { createStep, setStepStatus } from './steps.js';

const REUSABLE_KINDS: ReadonlySet<string> = new Set(['task', 'llm', 'tool', 'http', 'integration', 'send_message', 'review']);

/** A step's place in the graph: its own segment after its ancestors' (the rule of src/api/stepPlace.ts). */
export function placeOf(srec: StepRec): string {
  const parts: string[] = [];
  for (let s: StepRec | null = srec; s; s = s.parent) parts.push(stepPlaceSegment(s.step));
  return parts.reverse().join('/');
}

/** The results a retry of the source run (with these steps) can take over. */
export function reusePlan(sourceRunId: string, steps: readonly StepRec[]): ReusePlan {
  const pagesOf = new Map<StepRec, StepRec[]>();
  for (const srec of steps) {
    if (srec.parent && srec.step.page !== null) pagesOf.set(srec.parent, [...(pagesOf.get(srec.parent) ?? []), srec]);
  }
  const results = new Map<string, Reusable>();
  for (const srec of steps) {
    if (srec.step.status !== 'succeeded' || !REUSABLE_KINDS.has(srec.step.kind) || srec.step.page !== null) continue;
    const pages = pagesOf.get(srec) ?? [];
    // A leaf, or a paginated request whose pages all succeeded (then it is taken over with them).
    if (srec.leaf || (pages.length > 0 && pages.every((page) => page.step.status === 'succeeded'))) results.set(placeOf(srec), { step: srec, pages });
  }
  return { sourceRunId, results };
}

/** The source step whose result `srec` can take over, or null when it must execute. */
export function reusableResult(plan: ReusePlan | null, srec: StepRec): Reusable | null {
  return plan?.results.get(placeOf(srec)) ?? null;
}

/**
 * Completes `srec` (and its pages) with the results of `source` without executing them: output, summary and
 * sizes, the delivery or review it made, what it captured; no times, attempts or credits (nothing ran). Their
 * completion events say they were reused.
 */
export function takeOver(ctx: Ctx, rec: RunRec, srec: StepRec, source: Reusable): void {
  for (const page of source.pages) {
    const copy = createStep(rec, srec.node, { parent: srec, name: page.step.name, kind: page.step.kind, page: page.step.page, iteration: page.step.iteration, leaf: true });
    complete(ctx, rec, copy, page);
  }
  complete(ctx, rec, srec, source.step);
}

function complete(ctx: Ctx, rec: RunRec, srec: StepRec, source: StepRec): void {
  const from = source.step;
  srec.input = source.input;
  srec.output = source.output;
  if (source.captured) {
    srec.captured = { ...source.captured };
    rec.variables.captured = { ...(rec.variables.captured as Record<string, unknown> | undefined), ...source.captured };
  }
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
