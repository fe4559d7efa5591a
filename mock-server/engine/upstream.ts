/** A step that starts another workflow's run: the new run's trigger is `upstream`, linked to its source. */
import type { Run } from '../../src/api/types.js';
import { emit } from './emit.js';
import type { Ctx, RunRec, StepRec } from './model.js';
import { checkInput, isPlainObject, type FieldError } from './inputSchema.js';

export function startUpstream(ctx: Ctx, rec: RunRec, srec: StepRec, workflowId: string, payload: unknown): Run | null {
  const wf = ctx.workflows.get(workflowId);
  const refuse = (why: string) => {
    emit(ctx, rec, 'log', { severity: 'warn', step: srec, message: `Did not start workflow "${workflowId}": ${why}` });
    return null;
  };
  if (!wf) return refuse('no such workflow');
  if (!wf.workflow.active) return refuse('it is inactive');
  const errors: FieldError[] = [];
  const input = checkInput(wf.workflow.inputSchema, isPlainObject(payload) ? payload : {}, 'input', errors);
  if (errors.length) return refuse(`its input is not valid (${errors.map((e) => e.field).join(', ')})`);
  const child = ctx.startRun({
    wf,
    trigger: { type: 'upstream', label: `After ${rec.run.workflowName}`, payload, sourceRunId: rec.run.id, sourceWorkflowId: rec.run.workflowId },
    prompt: wf.workflow.defaults.prompt,
    model: wf.workflow.defaults.model,
    workloadProfile: wf.workflow.defaults.workloadProfile,
    mode: rec.run.mode,
    subject: rec.run.subject,
    input,
    env: {},
    secrets: {},
    replayOf: null,
  });
  emit(ctx, rec, 'log', {
    step: srec,
    message: `Started run ${child.run.id} of ${wf.workflow.name}`,
    data: { runId: child.run.id, workflowId: wf.workflow.id },
  });
  return { ...child.run };
}
