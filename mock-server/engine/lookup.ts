/** Finding workflows and runs, live or archived, with 404s that say what was not found. */
import type { Run } from '../../src/api/types.js';
import { ExecutorProblem } from './api.js';
import type { Ctx, RunRec, WorkflowRec } from './model.js';

export function workflowOrThrow(ctx: Ctx, workflowId: string): WorkflowRec {
  const wf = typeof workflowId === 'string' ? ctx.workflows.get(workflowId) : undefined;
  if (!wf) throw new ExecutorProblem(404, 'workflow_not_found', `No workflow with id "${String(workflowId)}".`);
  return wf;
}

export interface RunRef {
  ordinal: number;
  rec: RunRec | null;
}

/** A run by id alone, or null. */
export function findRunRef(ctx: Ctx, runId: string): RunRef | null {
  const ordinal = typeof runId === 'string' ? ctx.runIds.ordinalOf(runId) : null;
  if (ordinal === null || ordinal >= ctx.index.size) return null;
  return { ordinal, rec: ctx.runs.get(ordinal) ?? null };
}

/** A run of this workflow (404 when the workflow or the run is unknown, or the run belongs elsewhere). */
export function runOrThrow(ctx: Ctx, workflowId: string, runId: string): RunRef {
  workflowOrThrow(ctx, workflowId);
  const ref = findRunRef(ctx, runId);
  if (!ref || ctx.index.strings.values[ctx.index.workflow[ref.ordinal]!] !== workflowId) {
    throw new ExecutorProblem(404, 'run_not_found', `Workflow "${workflowId}" has no run "${String(runId)}".`);
  }
  return ref;
}

export function runSnapshot(ctx: Ctx, ref: RunRef): Run {
  if (ref.rec) return { ...ref.rec.run };
  if (!ctx.archive) throw new Error(`internal: run ordinal ${ref.ordinal} has no record`);
  return ctx.archive.materialize(ref.ordinal);
}
